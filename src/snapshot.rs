//! Static snapshots of a scenario: the three panels stacked under a header as one SVG document,
//! and the `<figure>` with the headline table that a reader without JavaScript sees. The snapshot
//! binary (`src/bin/tapecast-snapshots.rs`) writes them for a release; the studio's wasm (feature
//! `studio`) draws the same bytes in the browser for an author's own scenario.

use crate::chart::{hex, panel_height, svg, wrap, Chart, Palette, Style};
use crate::inputs::Inputs;
use crate::model::Engine;
use crate::scenario::{Date, Scenario};
use crate::text::{short_date, tr, Key, Lang};
use crate::view;
use std::fmt::Write as _;

/// Escapes text for XML and HTML (element content and double-quoted attributes).
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// One state to render: its id (file name), label and inputs.
pub struct State {
    /// The state's id: `as-of` or a preset's id (file names, `preset=`).
    pub id: String,
    /// Its label in the language it was made for.
    pub label: String,
    /// Its inputs.
    pub inputs: Inputs,
}

/// The states a release renders: the author's case first, then every preset.
pub fn states(s: &Scenario, lang: Lang) -> Vec<State> {
    // The author's case first (what the widget shows without a preset), named after an
    // `as-of` preset when the scenario has one.
    let label = match s.presets.iter().find(|p| p.id == "as-of") {
        Some(p) => p.label.get(lang).to_string(),
        None => match Date::parse(&s.calendar.as_of) {
            Some(d) => format!("{} {}", tr(Key::AsOf, lang), short_date(d, lang)),
            None => tr(Key::AsOf, lang).to_string(),
        },
    };
    let mut out = vec![State { id: "as-of".into(), label, inputs: Inputs::as_of(s) }];
    for p in s.presets.iter().filter(|p| p.id != "as-of") {
        if let Some(inputs) = Inputs::preset(s, &p.id) {
            out.push(State { id: p.id.clone(), label: p.label.get(lang).to_string(), inputs });
        }
    }
    out
}

/// The three panels stacked under a header, as one SVG document; returns it and its height
/// (`None` if the lead series has no daily path).
pub fn combined(engine: &Engine, state: &State, lang: Lang, width: u32) -> Option<(String, u32)> {
    let s = engine.scenario();
    let p = engine.project(&state.inputs, &[0]);
    let charts = view::charts(engine, &p, 0, lang)?;
    let style = Style { palette: Palette::LIGHT, scale: 1.0, font: "sans-serif".into() };
    let w = f64::from(width);
    let pad = 12.0;
    let mut head = String::new();
    let mut y = pad;
    let line = |out: &mut String, text: &str, size: f64, weight: &str, fill: &str, y: &mut f64| {
        // The charts' wrapping and width estimate; an empty text takes no line.
        for l in wrap(text, w - 2.0 * pad, size).into_iter().filter(|l| !l.is_empty()) {
            *y += size * 1.25;
            let _ = writeln!(
                out,
                r#"<text x="{pad}" y="{:.0}" font-family="sans-serif" font-size="{size}" font-weight="{weight}" fill="{fill}">{}</text>"#,
                *y,
                esc(&l)
            );
        }
    };
    line(&mut head, s.title.get(lang), 16.0, "bold", &hex(Palette::LIGHT.text), &mut y);
    let state_line = format!("{} · {}", state.label, view::inputs_line(engine, &state.inputs, lang));
    line(&mut head, &state_line, 12.0, "normal", &hex(Palette::LIGHT.muted), &mut y);
    y += pad;
    let mut body = String::new();
    let mut top = y.ceil() as u32;
    for chart in &charts {
        if let Chart::Card(_) = chart {
            continue; // cards are written on their own, not as a panel
        }
        let h = panel_height(chart, w).round() as u32;
        let panel = svg(chart, &style, width, h);
        // Nest each panel's document at its offset.
        let _ = writeln!(body, "{}", panel.replacen("<svg ", &format!(r#"<svg x="0" y="{top}" "#), 1));
        top += h;
    }
    let mut foot = String::new();
    let mut fy = f64::from(top) + 4.0;
    line(&mut foot, s.source.get(lang), 10.0, "normal", &hex(Palette::LIGHT.muted), &mut fy);
    let height = (fy + pad).ceil() as u32;
    let title = format!("{} — {}", s.title.get(lang), state.label);
    let doc = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\">\n<title>{}</title>\n<rect width=\"100%\" height=\"100%\" fill=\"{}\"/>\n{head}{body}{foot}</svg>\n",
        esc(&title),
        esc(&title),
        hex(Palette::LIGHT.background)
    );
    Some((doc, height))
}

/// The width of the phone-sized snapshot: a 360 px phone's column inside a blog's margins, so
/// its text shows at about the size the widget's does (the full snapshot, shrunk to a phone,
/// would print its 16 px title at 7 px).
pub const PHONE_WIDTH: u32 = 320;

/// Screens at most this wide (CSS px) get the phone-sized snapshot.
const PHONE_MEDIA: &str = "(max-width: 600px)";

/// An image file of the figure: its path and its size in CSS pixels.
#[derive(Debug, Clone, Copy)]
pub struct Image<'a> {
    /// Where it is, relative to the page.
    pub path: &'a str,
    /// Width and height.
    pub size: (u32, u32),
}

/// The `<figure>`: linked image (with a phone-sized source for narrow screens, when there is
/// one), caption (summary sentence), table of headline numbers. The table has the columns the
/// widget keeps on a narrow screen (the name and the 5th, 50th and 95th percentiles), so that it
/// fits a phone in any host page; the as-of levels are in the image.
pub fn figure(engine: &Engine, state: &State, lang: Lang, image: Image, phone: Option<Image>) -> String {
    let s = engine.scenario();
    let p = engine.project(&state.inputs, &[0]);
    let summary = view::summary(engine, &p, lang);
    let table = view::table(engine, &p, lang);
    let link = interactive_link(state, lang);
    // Sentences end as the language ends them (。 in Chinese, no space after it).
    let (stop, space) = if lang == Lang::Zh { ("。", "") } else { (". ", " ") };
    let mut out = String::new();
    let _ = writeln!(out, r#"<figure class="tapecast-snapshot" data-state="{}" lang="{}">"#, esc(&state.id), lang.tag());
    let img = format!(
        r#"<img src="{}" width="{}" height="{}" alt="{}">"#,
        esc(image.path),
        image.size.0,
        image.size.1,
        esc(&format!("{} — {}{stop}{}", s.title.get(lang), state.label, summary))
    );
    let _ = match phone {
        Some(ph) => writeln!(
            out,
            r#"<a href="{}"><picture><source media="{PHONE_MEDIA}" srcset="{}" width="{}" height="{}">{img}</picture></a>"#,
            esc(&link),
            esc(ph.path),
            ph.size.0,
            ph.size.1
        ),
        None => writeln!(out, r#"<a href="{}">{img}</a>"#, esc(&link)),
    };
    let open = match lang {
        Lang::En => "Open the interactive version",
        Lang::Zh => "打开交互版本",
    };
    let _ = writeln!(
        out,
        r#"<figcaption><strong>{}</strong> — {}{stop}{}{space}<a href="{}">{}</a>{stop}<small>{}</small></figcaption>"#,
        esc(s.title.get(lang)),
        esc(&state.label),
        esc(&summary),
        esc(&link),
        open,
        esc(s.source.get(lang))
    );
    let _ = writeln!(out, "<table>\n<caption>{}</caption>", esc(&table.caption));
    let kept = |i: &usize| !table.secondary.get(*i).copied().unwrap_or(false);
    let _ = write!(out, "<thead><tr>");
    for h in table.head.iter().enumerate().filter(|(i, _)| kept(i)).map(|(_, h)| h) {
        let _ = write!(out, r#"<th scope="col">{}</th>"#, esc(h));
    }
    let _ = writeln!(out, "</tr></thead>\n<tbody>");
    for row in &table.rows {
        let _ = write!(out, "<tr>");
        for (i, cell) in row.iter().enumerate().filter(|(i, _)| kept(i)) {
            if i == 0 {
                let _ = write!(out, r#"<th scope="row">{}</th>"#, esc(cell));
            } else {
                let _ = write!(out, "<td>{}</td>", esc(cell));
            }
        }
        let _ = writeln!(out, "</tr>");
    }
    let _ = writeln!(out, "</tbody>\n</table>");
    for note in &table.notes {
        let _ = writeln!(out, "<p><small>{}</small></p>", esc(note));
    }
    let _ = writeln!(out, "</figure>");
    out
}

/// The interactive page in this state, relative to the release folder.
pub fn interactive_link(state: &State, lang: Lang) -> String {
    let mut q = Vec::new();
    if state.id != "as-of" {
        q.push(format!("preset={}", state.id));
    }
    if lang == Lang::Zh {
        q.push("lang=zh".into());
    }
    if q.is_empty() {
        "embed.html".into()
    } else {
        format!("embed.html?{}", q.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::default_scenario;

    #[test]
    fn a_chinese_figure_ends_its_sentences_as_chinese_does() {
        let engine = Engine::new(default_scenario()).unwrap();
        let image = Image { path: "a.svg", size: (720, 1400) };
        for state in states(engine.scenario(), Lang::Zh) {
            let html = figure(&engine, &state, Lang::Zh, image, None);
            let chars: Vec<char> = html.chars().collect();
            // A Latin full stop after a Chinese character or after a link that closes one.
            let latin_stop = chars.windows(2).any(|w| (w[0] as u32) >= 0x2E80 && w[1] == '.') || html.contains("</a>. ");
            assert!(!latin_stop, "{html}");
            assert!(html.contains(&format!("{}。", state.label)) && !html.contains("。 "), "{html}");
        }
        let en = figure(&engine, &states(engine.scenario(), Lang::En)[0], Lang::En, image, None);
        assert!(en.contains("As of 17 Nov. S&amp;P 500") && en.contains("</a>. <small>"), "{en}");
    }
}
