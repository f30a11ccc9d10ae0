//! The static summary of the paths and their conditions that the page carries in its HTML, for
//! a first paint that does not wait for WebAssembly and for browsers that cannot run it. Built
//! from the same rules data as the engine (`hukou summary`, run at build time), so it cannot
//! drift from them.

use hukou_engine::cond::Cond;
use hukou_engine::policy::{NoticeRule, PathId, Policy};

use crate::i18n::{clause_label, date_label, Lang};

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Whether a notice concerns everyone who can register (its condition reads only paths).
fn general(notice: &NoticeRule) -> bool {
    let mut only_paths = true;
    notice
        .applies
        .for_each_leaf(&mut |leaf| only_paths &= matches!(leaf, Cond::Path(_)));
    only_paths
}

/// The summary as an HTML fragment: `<section id="static-summary">…</section>`.
pub fn static_summary(policy: &Policy) -> String {
    let mut html = String::new();
    let cite = |ids: &[&str]| {
        ids.iter()
            .map(|id| escape(&clause_label(Lang::Zh, policy.document, id)))
            .collect::<Vec<_>>()
            .join("；")
    };
    let document = escape(policy.document);
    html.push_str("<section id=\"static-summary\" lang=\"zh-CN\">\n");
    html.push_str("<h1>郴州落户计算器</h1>\n");
    html.push_str(&format!(
        "<p>计算器正在加载。如果一直没有出现，说明这个浏览器无法运行它（需要 WebAssembly）。\
         下面是{document}规定的落户途径和条件，你的具体情况请向当地派出所咨询。</p>\n"
    ));
    html.push_str(&format!(
        "<p lang=\"en\">The calculator is loading. If it never appears, this browser cannot run it \
         (it needs WebAssembly). Below are the registration paths of {document} and their \
         conditions; ask the local police station (派出所) about your own case.</p>\n"
    ));
    // Who may come along, in the policy's own conditions (the applicant's own is said above).
    let relatives: Vec<String> = policy.relatives.iter().map(|c| escape(c.label)).collect();
    for id in PathId::ALL {
        let rule = policy.path(id);
        html.push_str(&format!(
            "<article><h2>{} <span lang=\"en\">{}</span></h2>\n<p>依据 {}</p>\n<ul>\n",
            escape(rule.title),
            escape(Lang::En.rule(rule.title)),
            cite(&[rule.clause])
        ));
        // A condition names its clause where it is not the path's own, cited above.
        for condition in rule.conditions {
            match condition.clauses {
                [only] if *only == rule.clause => {
                    html.push_str(&format!("<li>{}</li>\n", escape(condition.label)))
                }
                clauses => html.push_str(&format!(
                    "<li>{}（{}）</li>\n",
                    escape(condition.label),
                    cite(clauses)
                )),
            }
        }
        html.push_str("</ul>\n");
        if policy.relatives_join.contains(&id) {
            html.push_str(&format!(
                "<p>家人可以一起落户，每一条都要满足：{}。</p>\n",
                relatives.join("；")
            ));
        }
        html.push_str("</article>\n");
    }
    let notices: Vec<String> = policy
        .notices
        .iter()
        .filter(|n| general(n))
        .map(|n| format!("{}（{}）。", escape(n.title), cite(&[n.clause])))
        .collect();
    html.push_str(&format!(
        // The document gives the day it was signed, and no day it took effect: only the first
        // is said.
        "<p>{}以上依据{document}（{}签发）；2019年以来国家进一步放宽了落户限制，\
         具体以当地派出所的答复为准。</p>\n",
        notices.concat(),
        date_label(Lang::Zh, policy.signed),
    ));
    html.push_str("</section>");
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use hukou_engine::POLICIES;

    #[test]
    fn the_summary_names_every_path_and_condition_with_its_clause() {
        let policy = POLICIES[0];
        let html = static_summary(policy);
        for id in PathId::ALL {
            let rule = policy.path(id);
            assert!(html.contains(rule.title), "{} missing", rule.title);
            for c in rule.conditions {
                assert!(html.contains(&escape(c.label)), "{} missing", c.label);
            }
        }
        for text in [
            "合法稳定就业",
            "合法稳定住所（含租赁）",
            "城镇社会保险",
            "新生儿",
            "无户口",
            "居住证",
            "三（一）",
            "四（二）",
            "派出所",
        ] {
            assert!(html.contains(text), "{text} missing");
        }
        assert!(!html.contains("<script"), "the summary needs no script");
    }
}
