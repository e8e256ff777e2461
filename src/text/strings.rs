//! The one table of interface strings, English and Chinese side by side.

use super::Lang;

/// An interface string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// "as of {date}: {value}" prefix on the fan's reference line.
    AsOf,
    /// Fan title suffix: projected path to the horizon.
    PathTo,
    /// The as-of level in a chart's key: `{date}`, `{value}`.
    AsOfLevel,
    /// The fan key: the 25–75% band.
    KeyInner,
    /// The fan key: the 5–95% band.
    KeyOuter,
    /// The fan key: the median line.
    KeyMedian,
    /// The SRF rate in the spread panel's key: `{value}` bp.
    SrfRateLevel,
    /// Summary: the lead index at the horizon.
    SummaryLead,
    /// Summary: funding peak.
    SummarySpread,
    /// Summary: SRF use peak.
    SummarySrf,
    /// Summary: the biggest mover.
    SummaryMover,
    /// Summary when the SRF is not used at all.
    SummaryNoSrf,
    /// Summary when the SRF lends on fewer than half of the paths.
    SummarySrfTail,
    /// The cross-asset chart's data description: the range of the medians, `{down}` to `{up}`.
    DescribeBars,
    /// … and its rates section: `{moves}` (each rate series and its change in bp).
    DescribeRates,
    /// The plumbing chart's data description: SOFR − IORB's peak, `{value}` and `{hi}` bp on `{date}`.
    DescribeSpread,
    /// … then SRF use's peak, `{value}` and `{hi}` $bn on `{date}`.
    DescribeSrf,
    /// … or, when the median path does not use the SRF, the 95th percentile's peak.
    DescribeSrfTail,
    /// Cross-asset chart title.
    BarsTitle,
    /// Section heading for price changes.
    ChangePercent,
    /// Section heading for rate changes.
    ChangeBp,
    /// Group names.
    GroupAi,
    /// Broad market.
    GroupBroad,
    /// Defensives.
    GroupDefensive,
    /// Crypto and gold.
    GroupAlternatives,
    /// Rates, credit and volatility.
    GroupRatesCredit,
    /// Plumbing chart: spread panel title.
    SpreadTitle,
    /// Plumbing chart: SRF panel title.
    SrfTitle,
    /// Buttons and labels of the widget shell.
    Reset,
    /// Copy the permalink.
    CopyLink,
    /// Confirmation after copying.
    LinkCopied,
    /// The pin control while nothing is pinned: pin the current state to compare against.
    Pin,
    /// The same control while a state is pinned: clear the pin.
    Unpin,
    /// Announced when a state is pinned.
    PinnedNow,
    /// Announced when the pin is cleared.
    PinCleared,
    /// The fan key: the pinned state's median (dashed).
    KeyPinnedMedian,
    /// The fan key: the pinned state's 5–95% edges.
    KeyPinnedOuter,
    /// The bars' note against a pinned state: the ticks and the Δ values.
    PinnedBarsNote,
    /// Summary against a pin: the lead median's change from the pinned one (`{delta}`, `{value}`).
    SummaryPinned,
    /// Summary against a pin: the inputs that differ (`{names}`).
    SummaryChanged,
    /// Summary against a pin when no input differs.
    SummarySame,
    /// A list cut short: `{names}` and `{n}` more (`{total}` in all).
    AndMore,
    /// The table's column of the pinned state's medians.
    TablePinned,
    /// Show the data as a table.
    ShowTable,
    /// Hide the table.
    HideTable,
    /// The toggle that shows the other charts, the table and the tools.
    More,
    /// The same toggle when they are shown.
    Less,
    /// The disclosure of an input's help text.
    About,
    /// Back to the state of the story step in view, after the reader moved an input.
    BackToStory,
    /// Download the charts as PNG.
    DownloadPng,
    /// Download the percentiles as CSV.
    DownloadCsv,
    /// Label of the preset buttons.
    Presets,
    /// Label of the series selector.
    Series,
    /// Prefix of the chip that shows how far an input moved from the author's case.
    FromAsOf,
    /// The chip of a choice moved away from the author's case: the author's option.
    ChoiceFromAsOf,
    /// Sensitivity cue under each input that moves markets.
    Sensitivity,
    /// Sensitivity cue under each input that acts on the funding plumbing.
    SensitivitySpread,
    /// Sensitivity cue when the input alone does not move the lead series' median: `{lo}`.
    SensitivityNone,
    /// Sensitivity cue when the input alone does not move the peak spread: `{lo}`.
    SensitivitySpreadNone,
    /// Table column headers.
    TableSeries,
    /// Caption of the table.
    TableCaption,
    /// Peak rows of the table.
    TablePeakSpread,
    /// SRF peak row.
    TablePeakSrf,
    /// Exported image caption: versions line.
    ExportVersion,
    /// The chart's accessible names.
    FanName,
    /// Bars chart name.
    BarsName,
    /// Plumbing chart name.
    PlumbingName,
    /// Note for a permalink made with another scenario or model version.
    LinkOtherVersion,
    /// Note for a permalink made for another scenario.
    LinkOtherScenario,
    /// Input problems: `{field}`, `{value}` and `{detail}` (a list, a limit or an index).
    ProblemNotInput,
    /// See [`Key::ProblemNotInput`].
    ProblemNotNumber,
    /// See [`Key::ProblemNotInput`].
    ProblemNotFinite,
    /// See [`Key::ProblemNotInput`].
    ProblemBelow,
    /// See [`Key::ProblemNotInput`].
    ProblemAbove,
    /// For the reader: an input's value above its maximum (`{label}`, `{limit}`).
    ReaderAbove,
    /// For the reader: an input's value below its minimum.
    ReaderBelow,
    /// For the reader: not a number; the value kept (`{kept}`).
    ReaderNotNumber,
    /// For the reader: a number input left empty; the value kept (`{label}`, `{kept}`).
    ReaderEmpty,
    /// For the reader: a number box the browser could not read (its text is not known).
    ReaderUnreadable,
    /// For the reader: not one of a choice's options; the option kept (`{kept}`).
    ReaderNotOption,
    /// See [`Key::ProblemNotInput`].
    ProblemNotOption,
    /// See [`Key::ProblemNotInput`].
    ProblemNotOptionIndex,
    /// See [`Key::ProblemNotInput`].
    ProblemNotFieldValue,
    /// A `preset` attribute that names no preset: `{value}`.
    ProblemNotPreset,
    /// An `asset` attribute that names no series: `{value}`.
    ProblemNotSeries,
    /// After an author's scenario failed: the built-in story is shown.
    BuiltIn,
    /// After the first problems of a long list: `{n}` more were not listed.
    MoreProblems,
    /// A scenario file over the size limit: `{size}` and `{limit}` characters.
    TooLarge,
}

/// The string for `key` in `lang`.
pub fn tr(key: Key, lang: Lang) -> &'static str {
    use Key::*;
    match (key, lang) {
        (SummaryLead, Lang::En) => "{asset}, {date}: {value} ({change} from {start}); 9 in 10 paths {lo}–{hi}. ",
        (SummaryLead, Lang::Zh) => "{asset}，{date}：{value}（较{start}变动{change}），九成路径介于{lo}至{hi}。",
        (SummarySpread, Lang::En) => "Repo stress peaks at {value}\u{a0}bp ({date}); ",
        (SummarySpread, Lang::Zh) => "回购压力{date}达峰值{value}个基点，",
        (SummarySrf, Lang::En) => "SRF peak: ${value}\u{a0}bn. ",
        (SummarySrf, Lang::Zh) => "常设回购便利使用峰值{value}十亿美元。",
        (SummarySrfTail, Lang::En) => "SRF idle on most paths. ",
        (SummarySrfTail, Lang::Zh) => "多数路径无需动用常设回购便利。",
        (SummaryNoSrf, Lang::En) => "SRF unused. ",
        (SummaryNoSrf, Lang::Zh) => "无需动用常设回购便利。",
        (SummaryMover, Lang::En) => "Biggest mover: {asset} {value}%.",
        (SummaryMover, Lang::Zh) => "变动最大：{asset}，{value}%。",
        (DescribeBars, Lang::En) => "Median changes range from {down} to {up}. ",
        (DescribeBars, Lang::Zh) => "中位数变动介于{down}与{up}之间。",
        (DescribeRates, Lang::En) => "Rates and spreads: {moves}.",
        (DescribeRates, Lang::Zh) => "利率与利差：{moves}。",
        (DescribeSpread, Lang::En) => "Median SOFR − IORB peaks at {value} bp on {date} (95th percentile that day {hi} bp). ",
        (DescribeSpread, Lang::Zh) => "SOFR − IORB 中位数{date}达峰值{value}个基点（当日95分位{hi}个基点）。",
        (DescribeSrf, Lang::En) => "Median SRF use peaks at ${value} bn on {date} (95th percentile that day ${hi} bn).",
        (DescribeSrf, Lang::Zh) => "常设回购便利使用量中位数{date}达峰值{value}十亿美元（当日95分位{hi}十亿美元）。",
        (DescribeSrfTail, Lang::En) => "SRF unused on the median path; its 95th percentile peaks at ${hi} bn on {date}.",
        (DescribeSrfTail, Lang::Zh) => "中位数路径无需动用常设回购便利；其95分位{date}达峰值{hi}十亿美元。",
        (AsOf, Lang::En) => "as of",
        (AsOf, Lang::Zh) => "基准",
        (PathTo, Lang::En) => "projected to",
        (PathTo, Lang::Zh) => "预测路径至",
        (AsOfLevel, Lang::En) => "{date} close: {value}",
        (AsOfLevel, Lang::Zh) => "{date}收盘：{value}",
        (KeyInner, Lang::En) => "half of paths",
        (KeyInner, Lang::Zh) => "半数路径",
        (KeyOuter, Lang::En) => "9 in 10 paths",
        (KeyOuter, Lang::Zh) => "九成路径",
        (KeyMedian, Lang::En) => "median",
        (KeyMedian, Lang::Zh) => "中位数",
        (SrfRateLevel, Lang::En) => "SRF rate: {value} bp",
        (SrfRateLevel, Lang::Zh) => "常设回购便利利率：{value}个基点",
        (BarsTitle, Lang::En) => "Every series by {date}: median change, bars; 25–75% range, whiskers",
        (BarsTitle, Lang::Zh) => "各资产至{date}：柱为中位数变化，须线为25–75%区间",
        (ChangePercent, Lang::En) => "Change, %",
        (ChangePercent, Lang::Zh) => "变化（%）",
        (ChangeBp, Lang::En) => "Change, basis points",
        (ChangeBp, Lang::Zh) => "变化（基点）",
        (GroupAi, Lang::En) => "AI complex",
        (GroupAi, Lang::Zh) => "AI 板块",
        (GroupBroad, Lang::En) => "Broad market",
        (GroupBroad, Lang::Zh) => "大盘",
        (GroupDefensive, Lang::En) => "Defensive",
        (GroupDefensive, Lang::Zh) => "防御板块",
        (GroupAlternatives, Lang::En) => "Crypto and gold",
        (GroupAlternatives, Lang::Zh) => "加密货币与黄金",
        (GroupRatesCredit, Lang::En) => "Rates, credit, volatility",
        (GroupRatesCredit, Lang::Zh) => "利率、信用与波动率",
        (SpreadTitle, Lang::En) => "Repo stress: SOFR − IORB, bp",
        (SpreadTitle, Lang::Zh) => "回购压力：SOFR − IORB（基点）",
        (SrfTitle, Lang::En) => "Standing Repo Facility use, $bn (bar: median; tick: 95th percentile)",
        (SrfTitle, Lang::Zh) => "常设回购便利使用量，十亿美元（柱：中位数；短线：95分位）",
        (Reset, Lang::En) => "Reset",
        (Reset, Lang::Zh) => "重置",
        (CopyLink, Lang::En) => "Copy link",
        (CopyLink, Lang::Zh) => "复制链接",
        (LinkCopied, Lang::En) => "Link copied",
        (LinkCopied, Lang::Zh) => "链接已复制",
        (Pin, Lang::En) => "Pin to compare",
        (Pin, Lang::Zh) => "固定以对比",
        (Unpin, Lang::En) => "Clear pin",
        (Unpin, Lang::Zh) => "取消固定",
        (PinnedNow, Lang::En) => "State pinned: move an input to compare against it.",
        (PinnedNow, Lang::Zh) => "已固定当前状态：调整输入即可与其对比。",
        (PinCleared, Lang::En) => "Pin cleared.",
        (PinCleared, Lang::Zh) => "已取消固定。",
        (KeyPinnedMedian, Lang::En) => "pinned median",
        (KeyPinnedMedian, Lang::Zh) => "已固定中位数",
        (KeyPinnedOuter, Lang::En) => "pinned 9 in 10",
        (KeyPinnedOuter, Lang::Zh) => "已固定九成路径",
        (PinnedBarsNote, Lang::En) => "Tick: pinned median. Δ: change from it.",
        (PinnedBarsNote, Lang::Zh) => "刻度：已固定状态的中位数；Δ：与其之差。",
        (SummaryPinned, Lang::En) => "Median {delta} vs pinned {value}. ",
        (SummaryPinned, Lang::Zh) => "中位数较已固定的{value}变动{delta}；",
        (SummaryChanged, Lang::En) => "Changed: {names}.",
        (SummaryChanged, Lang::Zh) => "改动：{names}。",
        (SummarySame, Lang::En) => "Inputs as pinned.",
        (SummarySame, Lang::Zh) => "输入与已固定状态相同。",
        (AndMore, Lang::En) => "{names} and {n} more",
        (AndMore, Lang::Zh) => "{names}等{total}项",
        (TablePinned, Lang::En) => "Pinned 50%",
        (TablePinned, Lang::Zh) => "已固定50%",
        (ShowTable, Lang::En) => "Show as table",
        (ShowTable, Lang::Zh) => "以表格显示",
        (HideTable, Lang::En) => "Hide table",
        (HideTable, Lang::Zh) => "隐藏表格",
        (More, Lang::En) => "More charts, table and downloads",
        (More, Lang::Zh) => "更多图表、表格与下载",
        (Less, Lang::En) => "Fewer charts",
        (Less, Lang::Zh) => "收起更多图表",
        (About, Lang::En) => "About",
        (About, Lang::Zh) => "说明",
        (BackToStory, Lang::En) => "Back to the story",
        (BackToStory, Lang::Zh) => "回到故事",
        (DownloadPng, Lang::En) => "PNG",
        (DownloadPng, Lang::Zh) => "PNG 图片",
        (DownloadCsv, Lang::En) => "CSV",
        (DownloadCsv, Lang::Zh) => "CSV 数据",
        (Presets, Lang::En) => "Scenarios from the story",
        (Presets, Lang::Zh) => "文中情景",
        (Series, Lang::En) => "Series",
        (Series, Lang::Zh) => "资产",
        (FromAsOf, Lang::En) => "{delta} vs {date}",
        (FromAsOf, Lang::Zh) => "较{date} {delta}",
        (ChoiceFromAsOf, Lang::En) => "{date}: {delta}",
        (ChoiceFromAsOf, Lang::Zh) => "{date}：{delta}",
        (Sensitivity, Lang::En) => "Alone, this input moves the {asset} year-end median between {lo} and {hi}.",
        (Sensitivity, Lang::Zh) => "单独调整此项，{asset}年末中位数在{lo}至{hi}之间。",
        (SensitivitySpread, Lang::En) => "Alone, this input moves the peak SOFR − IORB median between {lo} and {hi} bp.",
        (SensitivitySpread, Lang::Zh) => "单独调整此项，SOFR − IORB 峰值中位数在{lo}至{hi}个基点之间。",
        (SensitivityNone, Lang::En) => "Alone, this input does not move the {asset} year-end median ({lo}) from here.",
        (SensitivityNone, Lang::Zh) => "在当前情形下，单独调整此项不会改变{asset}年末中位数（{lo}）。",
        (SensitivitySpreadNone, Lang::En) => "Alone, this input does not move the peak SOFR − IORB median ({lo} bp) from here.",
        (SensitivitySpreadNone, Lang::Zh) => "在当前情形下，单独调整此项不会改变 SOFR − IORB 峰值中位数（{lo}个基点）。",
        (TableSeries, Lang::En) => "Series",
        (TableSeries, Lang::Zh) => "资产",
        (TableCaption, Lang::En) => "Projected levels on {date}: percentiles of the simulated paths, rounded",
        (TableCaption, Lang::Zh) => "{date}预测水平：模拟路径的分位数（已取整）",
        (TablePeakSpread, Lang::En) => "Peak SOFR − IORB, bp ({date})",
        (TablePeakSpread, Lang::Zh) => "SOFR − IORB 峰值，基点（{date}）",
        (TablePeakSrf, Lang::En) => "Peak SRF use, $bn ({date})",
        (TablePeakSrf, Lang::Zh) => "常设回购便利使用峰值，十亿美元（{date}）",
        (ExportVersion, Lang::En) => "Scenario {id} v{version} · model v{model} · drawn {date}",
        (ExportVersion, Lang::Zh) => "情景 {id} v{version} · 模型 v{model} · 绘制于 {date}",
        (FanName, Lang::En) => "Fan chart of the projected path",
        (FanName, Lang::Zh) => "预测路径扇形图",
        (BarsName, Lang::En) => "Bar chart of every series' change by year-end",
        (BarsName, Lang::Zh) => "各资产年末变化柱状图",
        (PlumbingName, Lang::En) => "Repo stress and Standing Repo Facility use by day",
        (PlumbingName, Lang::Zh) => "逐日回购压力与常设回购便利使用量",
        (LinkOtherVersion, Lang::En) => "{field}: {value} was made with another version (now {detail}): its inputs are shown with the current model's numbers",
        (LinkOtherVersion, Lang::Zh) => "{field}：“{value}”由其他版本生成（当前为 {detail}）：已采用其输入，数字按当前模型重新计算",
        (LinkOtherScenario, Lang::En) => "{field}: {value} is for another scenario (this one is {detail}); the link's values were not used",
        (LinkOtherScenario, Lang::Zh) => "{field}：“{value}”属于另一个情景（本情景为 {detail}），未使用其中的数值",
        (ProblemNotInput, Lang::En) => "{field}: {value} is not an input (expected one of {detail})",
        (ProblemNotInput, Lang::Zh) => "{field}：“{value}”不是输入项（应为以下之一：{detail}）",
        (ProblemNotNumber, Lang::En) => "{field}: {value} is not a number (kept the previous value)",
        (ProblemNotNumber, Lang::Zh) => "{field}：“{value}”不是数字（保留原值）",
        (ProblemNotFinite, Lang::En) => "{field}: {value} is not a finite number (kept the previous value)",
        (ProblemNotFinite, Lang::Zh) => "{field}：{value} 不是有限的数字（保留原值）",
        (ProblemBelow, Lang::En) => "{field}: {value} is below the minimum {detail} (used {detail})",
        (ProblemBelow, Lang::Zh) => "{field}：{value} 低于最小值 {detail}（已按 {detail} 计算）",
        (ProblemAbove, Lang::En) => "{field}: {value} is above the maximum {detail} (used {detail})",
        (ProblemAbove, Lang::Zh) => "{field}：{value} 高于最大值 {detail}（已按 {detail} 计算）",
        (ReaderAbove, Lang::En) => "{label} can't exceed {limit} — using {limit}",
        (ReaderAbove, Lang::Zh) => "{label}不能高于{limit}，已按{limit}计算",
        (ReaderBelow, Lang::En) => "{label} can't go below {limit} — using {limit}",
        (ReaderBelow, Lang::Zh) => "{label}不能低于{limit}，已按{limit}计算",
        (ReaderNotNumber, Lang::En) => "{label}: {value} isn't a number — keeping {kept}",
        (ReaderNotNumber, Lang::Zh) => "{label}：“{value}”不是数字，保留{kept}",
        (ReaderEmpty, Lang::En) => "{label} is empty — keeping {kept}",
        (ReaderEmpty, Lang::Zh) => "{label}为空，保留{kept}",
        (ReaderUnreadable, Lang::En) => "{label}: not a number — keeping {kept}",
        (ReaderUnreadable, Lang::Zh) => "{label}：不是数字，保留{kept}",
        (ReaderNotOption, Lang::En) => "{label}: {value} isn't one of the choices — keeping {kept}",
        (ReaderNotOption, Lang::Zh) => "{label}：“{value}”不是可选项，保留“{kept}”",
        (ProblemNotOption, Lang::En) => "{field}: {value} is not one of {detail}",
        (ProblemNotOption, Lang::Zh) => "{field}：“{value}”不是可选项（可选：{detail}）",
        (ProblemNotOptionIndex, Lang::En) => "{field}: {value} is not an option index 0 to {detail}",
        (ProblemNotOptionIndex, Lang::Zh) => "{field}：{value} 不是 0 至 {detail} 之间的选项序号",
        (ProblemNotFieldValue, Lang::En) => "{field}: {value} is not of the form field:value",
        (ProblemNotFieldValue, Lang::Zh) => "{field}：“{value}”不符合“字段:值”的格式",
        (ProblemNotPreset, Lang::En) => "{value} is not a preset of this scenario (kept the current inputs)",
        (ProblemNotPreset, Lang::Zh) => "“{value}”不是本情景的预设（保留当前输入）",
        (ProblemNotSeries, Lang::En) => "{value} is not a series of this scenario (kept the current one)",
        (ProblemNotSeries, Lang::Zh) => "“{value}”不是本情景的数据序列（保留当前序列）",
        (BuiltIn, Lang::En) => "Showing the built-in scenario instead.",
        (BuiltIn, Lang::Zh) => "改为显示内置情景。",
        (MoreProblems, Lang::En) => "… and {n} more",
        (MoreProblems, Lang::Zh) => "……另有{n}个问题",
        (TooLarge, Lang::En) => "{size} characters is over the limit of {limit} (not read)",
        (TooLarge, Lang::Zh) => "{size}个字符，超过{limit}个字符的上限（未读取）",
    }
}

/// Replaces `{name}` placeholders in a template, pair after pair (as `str::replace` would for
/// each). Found by scanning for `{` rather than with `str::replace`: a string pattern links
/// core's two-way substring search (~1 KB gzip of wasm) for this one use. A template that sets a
/// value in its own marks, `“{value}”` (Chinese), takes a value that [`super::quoted`] set in
/// straight ones without them: one pair of quotes, the language's.
pub fn fill(template: &str, pairs: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in pairs {
        let placeholder = format!("{{{name}}}");
        let mut next = String::with_capacity(out.len() + value.len());
        let mut rest = out.as_str();
        // `get`, not `&rest[..at]` (every cut is at an ASCII `{` or after one): a str slice
        // links its panic message's char escaping.
        while let Some(at) = rest.find('{') {
            next.push_str(rest.get(..at).unwrap_or_default());
            rest = rest.get(at..).unwrap_or_default();
            let skip = if rest.starts_with(placeholder.as_str()) {
                // “{value}”: the template's marks in place of the value's straight ones.
                let v = value.as_bytes();
                let requote = v.len() > 1 && v[0] == b'"' && v[v.len() - 1] == b'"' && next.as_bytes().ends_with("“".as_bytes());
                next.push_str(if requote { value.get(1..v.len() - 1).unwrap_or(value) } else { value });
                placeholder.len()
            } else {
                next.push('{');
                1
            };
            rest = rest.get(skip..).unwrap_or_default();
        }
        next.push_str(rest);
        out = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fill;

    /// `fill` as it was written before: `str::replace`, pair after pair.
    fn by_replace(template: &str, pairs: &[(&str, &str)]) -> String {
        let mut out = template.to_string();
        for (name, value) in pairs {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }

    #[test]
    fn fill_replaces_as_str_replace_does() {
        let templates = ["", "plain", "{a}", "{a}{a}", "x {a} y {b} z", "{{a}}", "{a", "a}", "{ab} {a}", "中{a}文{b}", "{b}{a}{}", "{{{a}}}"];
        let pairs: [&[(&str, &str)]; 5] = [&[], &[("a", "1")], &[("a", "{b}"), ("b", "2")], &[("b", "{a}"), ("a", "")], &[("", "e"), ("ab", "值")]];
        for t in templates {
            for p in pairs {
                assert_eq!(fill(t, p), by_replace(t, p), "{t:?} with {p:?}");
            }
        }
    }

    #[test]
    fn a_value_quoted_in_the_templates_marks_loses_its_straight_ones() {
        let q = super::super::quoted("abc");
        assert_eq!(fill("“{v}”不是数字", &[("v", &q)]), "“abc”不是数字");
        assert_eq!(fill("{v} is not a number", &[("v", &q)]), "\"abc\" is not a number", "English keeps its marks");
        assert_eq!(fill("“{v}”", &[("v", "40")]), "“40”", "a number is left alone");
        assert_eq!(fill("“{v}”", &[("v", "\"")]), "“\"”", "a lone mark is the value itself");
        assert_eq!(fill("“{v}”", &[("v", &super::super::quoted("\"x\""))]), "“\"x\"”", "marks inside the value stay");
    }
}
