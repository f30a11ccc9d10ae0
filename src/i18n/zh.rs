//! 简体中文, the default language: every user-visible string of the app, by key. The texts of the
//! start screen, the header and the notices are here, compiled into the page; those of the
//! questions and the results are in `zh/later.rs`, which the page's build fetches as `zh.json`
//! once the app has started.

#[cfg_attr(feature = "lazy-languages", allow(dead_code))]
pub mod later;

pub const TEXTS: &[(&str, &str)] = &[
    ("app.policy", "依据{document}（{signed}签发）"),
    ("app.title", "郴州落户计算器"),
    ("clock.wrong", "你的手机日期是{device}，好像不对；先按{today}判断，回答都还在。"),
    ("date.day", "日"),
    ("date.format", "{year}年{month}月{day}日"),
    ("date.month", "月"),
    ("date.month_names", "1月 2月 3月 4月 5月 6月 7月 8月 9月 10月 11月 12月"),
    ("date.year", "年"),
    ("error.date_incomplete", "请选好年、月、日。"),
    ("forget", "清除我的回答"),
    ("forget.confirm", "清除所有回答？"),
    ("forget.done", "你的回答已经清除。"),
    ("forget.undo", "撤销"),
    ("incoming.keep", "保留我自己的回答"),
    ("incoming.use", "用链接里的回答"),
    ("loading.failed", "文字没有读取成功。你的回答都还在：请连上网络后再试。"),
    ("loading.results", "正在读取文字……"),
    ("mode.elderly", "大字模式"),
    ("mode.standard", "标准字号"),
    ("nav.back", "上一步"),
    ("nav.ok", "确定"),
    ("nav.retry", "再试一次"),
    ("notice.incoming", "这个链接带来了另一组回答。你这台手机上还保存着自己的回答。用哪一组？"),
    ("notice.lang_unavailable", "英文文本没有加载成功，请连上网络后再试。English could not be loaded: try again when online."),
    ("notice.stored_reset", "保存的回答无法读取（可能来自旧版本或已损坏），已重新开始。"),
    ("punct.close", "）"),
    ("punct.colon", "："),
    ("punct.list", "、"),
    ("punct.open", "（"),
    ("punct.stop", "。"),
    ("purpose.join", "投靠家人：到配偶、子女或父母家一起住"),
    ("purpose.newborn", "给新生儿上户口"),
    ("purpose.no_hukou", "我没有户口，想登记户口"),
    ("purpose.permit", "只想办居住证"),
    ("purpose.registered", "已经落户了，看看能享受什么"),
    ("purpose.settle", "迁户口，在城镇落户"),
    ("start.begin", "开始"),
    ("start.lead", "回答几个简单的问题，看看你可以在哪里落户、哪些家人可以一起迁、能享受哪些服务，每一条都注明政策依据。"),
    ("start.privacy", "你的回答只保存在这台设备上，不会发送到任何地方。"),
    ("start.purpose", "你想办什么？"),
    ("start.purpose_again", "或者，这次想办别的事？"),
    ("start.resume", "继续上次的回答"),
];
