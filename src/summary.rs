//! The static summary of the paths and their conditions that the page carries in its HTML, for
//! a first paint that does not wait for WebAssembly and for browsers that cannot run it. Built
//! from the same rules data as the engine (`hukou summary`, run at build time), so it cannot
//! drift from them.

use chrono::NaiveDate;
use hukou_engine::cond::Cond;
use hukou_engine::policy::{NoticeRule, PathId, Policy};

use crate::clock::built_on;
use crate::i18n::{clause_label, date_label, rule_on, tr, tr_policy, Lang};
use crate::state::Purpose;

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
/// The day the summaries quote the thresholds on: the build's, or the policy's first day if
/// later.
fn summary_day(policy: &Policy) -> NaiveDate {
    built_on().max(policy.effective)
}

pub fn static_summary(policy: &'static Policy) -> String {
    let mut html = String::new();
    let cite = |ids: &[&str]| {
        ids.iter()
            .map(|id| escape(&clause_label(Lang::Zh, policy.document, id)))
            .collect::<Vec<_>>()
            .join("；")
    };
    let document = escape(policy.document);
    html.push_str("<section id=\"static-summary\" lang=\"zh-CN\">\n");
    html.push_str(&format!(
        "<p>计算器正在加载。如果一直没有出现，说明这个浏览器无法运行它（需要 WebAssembly）。\
         下面是{document}规定的落户途径和条件，你的具体情况请向当地派出所咨询。</p>\n"
    ));
    html.push_str(&format!(
        "<p lang=\"en\">The calculator is loading. If it never appears, this browser cannot run it \
         (it needs WebAssembly). Below, in Chinese, are the registration paths of {document} and \
         their conditions; ask the local police station (派出所) about your own case.</p>\n"
    ));
    // Who may come along, in the policy's own conditions (the applicant's own is said above).
    let relatives: Vec<String> = policy.relatives.iter().map(|c| escape(c.label)).collect();
    let label = |text| escape(rule_on(Lang::Zh, policy, summary_day(policy), text));
    for (n, id) in PathId::ALL.into_iter().enumerate() {
        let rule = policy.path(id);
        // Where each purpose of the first screen leads without WebAssembly (`first_screen`).
        let purpose = Purpose::ALL
            .into_iter()
            .find(|p| p.path(policy) == Some(id));
        let anchor = match (n, purpose) {
            (0, _) => Some(Purpose::Settle),
            (_, purpose) => purpose,
        };
        html.push_str(&format!(
            "<article{}><h2>{}</h2>\n<p>依据 {}</p>\n<ul>\n",
            anchor.map_or(String::new(), |p| format!(" id=\"start-{}\"", p.word())),
            escape(rule.title),
            cite(&[rule.clause])
        ));
        // A condition names its clause where it is not the path's own, cited above.
        for condition in rule.conditions {
            match condition.clauses {
                [only] if *only == rule.clause => {
                    html.push_str(&format!("<li>{}</li>\n", label(condition.label)))
                }
                clauses => html.push_str(&format!(
                    "<li>{}（{}）</li>\n",
                    label(condition.label),
                    cite(clauses)
                )),
            }
        }
        html.push_str("</ul>\n");
        if policy.relatives_join.contains(&id) {
            html.push_str(&format!(
                "<p{}>家人可以一起落户，每一条都要满足：{}。</p>\n",
                if n == 0 { " id=\"start-join\"" } else { "" },
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
        "<p id=\"start-registered\">{}以上依据{document}（{}签发），\
         具体以当地派出所的答复为准。</p>\n",
        notices.concat(),
        date_label(Lang::Zh, policy.signed),
    ));
    html.push_str("</section>");
    html
}

/// The start screen as the app draws it on a first visit, in the page's HTML: usable at first
/// paint, before WebAssembly has arrived. Each purpose is a link to its part of the static summary
/// (`#start-<purpose>`), where it leads without WebAssembly; the app, once started, begins on the
/// purpose such a link named. The same texts and classes as `components::start` and the header,
/// so nothing moves when the app takes over; no ids or data attributes of the app's own. The
/// header's buttons keep their room but are not shown (app.css) until the app can answer them.
pub fn first_screen(policy: &'static Policy) -> String {
    let lang = Lang::Zh;
    let purposes: String = Purpose::ALL
        .into_iter()
        .map(|p| {
            let class = if p == Purpose::Settle {
                "primary"
            } else {
                "secondary"
            };
            let label = escape(tr(lang, &format!("purpose.{}", p.word())));
            format!(
                "<a class=\"{class}\" href=\"#start-{}\">{label}</a>",
                p.word()
            )
        })
        .collect();
    let other = Lang::ALL[1];
    format!(
        "<div id=\"first-screen\" class=\"app\"><header class=\"bar\"><p class=\"brand\">{title}</p>\
         <div class=\"tools\"><button class=\"tool\">{}</button>\
         <button class=\"tool\">{}</button></div></header>\
         <main><section class=\"start\"><h1>{title}</h1><p class=\"lead\">{}</p><h2>{}</h2>\
         <div class=\"purposes\">{purposes}</div><p class=\"policy\">{}</p><p class=\"privacy\">{}</p>\
         </section></main></div>",
        escape(other.name()),
        escape(tr(lang, "mode.elderly")),
        escape(tr(lang, "start.lead")),
        escape(tr(lang, "start.purpose")),
        escape(&tr_policy(lang, policy, summary_day(policy), "app.policy")),
        escape(tr(lang, "start.privacy")),
        title = escape(tr(lang, "app.title")),
    )
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
                let label = rule_on(Lang::Zh, policy, summary_day(policy), c.label);
                assert!(html.contains(&escape(label)), "{label} missing");
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

    #[test]
    fn each_purpose_on_the_pages_own_start_screen_leads_to_its_part_of_the_summary() {
        let policy = POLICIES[0];
        let (first, summary) = (first_screen(policy), static_summary(policy));
        for purpose in Purpose::ALL {
            let word = purpose.word();
            let label = tr(Lang::Zh, &format!("purpose.{word}"));
            assert!(first.contains(&format!("href=\"#start-{word}\">{}</a>", escape(label))));
            assert!(
                summary.contains(&format!("id=\"start-{word}\"")),
                "{word}: no part"
            );
        }
        assert!(first.contains(tr(Lang::Zh, "start.lead")) && !first.contains("data-action"));
    }
}
