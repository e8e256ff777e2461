//! The one table of interface strings, English and Chinese side by side.

use super::Lang;

/// An interface string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// "as of {date}: {value}" prefix on the fan's reference line.
    AsOf,
    /// Fan title suffix: projected path to the horizon.
    PathTo,
    /// Summary: the lead index at the horizon.
    SummaryLead,
    /// Summary: 90% range.
    Range90,
    /// Summary: funding peak.
    SummarySpread,
    /// Summary: SRF use peak.
    SummarySrf,
    /// Summary: the biggest mover.
    SummaryMover,
    /// Summary when the SRF is not used at all.
    SummaryNoSrf,
}

/// The string for `key` in `lang`.
pub fn tr(key: Key, lang: Lang) -> &'static str {
    use Key::*;
    match (key, lang) {
        (AsOf, Lang::En) => "as of",
        (AsOf, Lang::Zh) => "基准",
        (PathTo, Lang::En) => "projected to",
        (PathTo, Lang::Zh) => "预测路径至",
        (SummaryLead, Lang::En) => "By {date} the {asset} has a median of {value}",
        (SummaryLead, Lang::Zh) => "到{date}，{asset}的中位数为{value}",
        (Range90, Lang::En) => "(90% range {lo} to {hi})",
        (Range90, Lang::Zh) => "（90%区间 {lo} 至 {hi}）",
        (SummarySpread, Lang::En) => "SOFR − IORB peaks at a median {value} bp on {date}",
        (SummarySpread, Lang::Zh) => "SOFR − IORB 中位数在{date}达到峰值 {value} 个基点",
        (SummarySrf, Lang::En) => "with up to ${value} bn drawn from the Standing Repo Facility",
        (SummarySrf, Lang::Zh) => "常设回购便利最高使用 {value} 亿美元",
        (SummaryNoSrf, Lang::En) => "with no call on the Standing Repo Facility",
        (SummaryNoSrf, Lang::Zh) => "无需动用常设回购便利",
        (SummaryMover, Lang::En) => "The biggest mover is {asset} ({value}%).",
        (SummaryMover, Lang::Zh) => "变动最大的是{asset}（{value}%）。",
    }
}

/// Replaces `{name}` placeholders in a template.
pub fn fill(template: &str, pairs: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in pairs {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}
