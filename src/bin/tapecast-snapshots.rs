//! `tapecast-snapshots` — static snapshots of a scenario, drawn by the same chart code as the
//! widget (plotters' SVG backend instead of the canvas).
//!
//! For the as-of state and every preset, in English and Chinese, it writes:
//!
//! - `OUT/<lang>/<state>.svg`: the three chart panels stacked under a header (title, state,
//!   inputs), one self-contained image;
//! - `OUT/<lang>/<state>.html`: a `<figure>` with that image (linked to the interactive
//!   `embed.html` in the same state), a caption with the summary sentence and the table of
//!   headline numbers — the widget's no-JavaScript content;
//! - `OUT/<lang>/<state>.card.svg` and `.card-tall.svg`: the share card (1200 × 675 and
//!   1080 × 1350; with `--base URL/`, its foot links to the interactive version there);
//! - `OUT/manifest.json`: the states, their labels and files.
//!
//! Output is deterministic: the same scenario gives the same bytes on every run and machine.
//!
//! Usage: `tapecast-snapshots [--scenario FILE.json] [--out DIR] [--width PX] [--base URL/]`
//! (defaults: the built-in scenario, `snapshots/`, 720).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    if let Err(e) = native::run(std::env::args().skip(1).collect()) {
        eprintln!("tapecast-snapshots: {e}");
        std::process::exit(1);
    }
}

// Cargo builds every bin when it builds integration tests, also for wasm32: nothing to do there.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::fmt::Write as _;
    use std::path::{Path, PathBuf};
    use tapecast::chart::{bars_height, hex, svg, wrap, Chart, Palette, Style, LANDSCAPE, PORTRAIT};
    use tapecast::scenario::{default_scenario, from_json, Date, Scenario};
    use tapecast::text::{short_date, tr, Key, Lang};
    use tapecast::{view, Engine, Inputs};

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
    struct State {
        id: String,
        label: String,
        inputs: Inputs,
    }

    fn states(s: &Scenario, lang: Lang) -> Vec<State> {
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

    /// The three panels stacked under a header, as one SVG document; returns it and its height.
    fn combined(engine: &Engine, state: &State, lang: Lang, width: u32) -> (String, u32) {
        let s = engine.scenario();
        let p = engine.project(&state.inputs, &[0]);
        let charts = view::charts(engine, &p, 0, lang).expect("the lead series has a daily path");
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
            let h = match chart {
                Chart::Fan(_) => (w * 9.0 / 16.0).round() as u32,
                Chart::Bars(spec) => bars_height(spec, w).ceil() as u32,
                Chart::Plumbing(_) => (w / 2.0).round() as u32,
                Chart::Card(_) => continue, // cards are written on their own, not as a panel
            };
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
        (doc, height)
    }

    /// The `<figure>`: linked image, caption (summary sentence), table of headline numbers.
    fn figure(engine: &Engine, state: &State, lang: Lang, svg_path: &str, size: (u32, u32)) -> String {
        let s = engine.scenario();
        let p = engine.project(&state.inputs, &[0]);
        let summary = view::summary(engine, &p, lang);
        let table = view::table(engine, &p, lang);
        let link = interactive_link(state, lang);
        let mut out = String::new();
        let _ = writeln!(out, r#"<figure class="tapecast-snapshot" data-state="{}" lang="{}">"#, esc(&state.id), lang.tag());
        let _ = writeln!(
            out,
            r#"<a href="{}"><img src="{}" width="{}" height="{}" alt="{}"></a>"#,
            esc(&link),
            esc(svg_path),
            size.0,
            size.1,
            esc(&format!("{} — {}. {}", s.title.get(lang), state.label, summary))
        );
        let open = match lang {
            Lang::En => "Open the interactive version",
            Lang::Zh => "打开交互版本",
        };
        let _ = writeln!(
            out,
            r#"<figcaption><strong>{}</strong> — {}. {} <a href="{}">{}</a>. <small>{}</small></figcaption>"#,
            esc(s.title.get(lang)),
            esc(&state.label),
            esc(&summary),
            esc(&link),
            open,
            esc(s.source.get(lang))
        );
        let _ = writeln!(out, "<table>\n<caption>{}</caption>", esc(&table.caption));
        let _ = write!(out, "<thead><tr>");
        for h in &table.head {
            let _ = write!(out, r#"<th scope="col">{}</th>"#, esc(h));
        }
        let _ = writeln!(out, "</tr></thead>\n<tbody>");
        for row in &table.rows {
            let _ = write!(out, "<tr>");
            for (i, cell) in row.iter().enumerate() {
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
    fn interactive_link(state: &State, lang: Lang) -> String {
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

    fn write(path: &Path, text: &str) -> Result<(), String> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
    }

    pub fn run(args: Vec<String>) -> Result<(), String> {
        let mut out = PathBuf::from("snapshots");
        let mut scenario_file: Option<String> = None;
        let mut width = 720u32;
        let mut base = String::new();
        let mut it = args.into_iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "--out" => out = PathBuf::from(it.next().ok_or("--out needs a directory")?),
                "--base" => base = it.next().filter(|b| b.starts_with("http") && b.ends_with('/')).ok_or("--base needs an http(s) URL ending in /")?,
                "--scenario" => scenario_file = Some(it.next().ok_or("--scenario needs a file")?),
                "--width" => {
                    width = it.next().and_then(|w| w.parse().ok()).filter(|w| (240..=2000).contains(w)).ok_or("--width needs 240 to 2000")?
                }
                "-h" | "--help" => {
                    println!("usage: tapecast-snapshots [--scenario FILE.json] [--out DIR] [--width PX] [--base URL/]");
                    return Ok(());
                }
                other => return Err(format!("unknown argument {other:?} (try --help)")),
            }
        }
        let scenario = match &scenario_file {
            None => default_scenario(),
            Some(f) => {
                let text = std::fs::read_to_string(f).map_err(|e| format!("{f}: {e}"))?;
                from_json(&text).map_err(|e| format!("{f}: {e}"))?
            }
        };
        let engine = Engine::new(scenario).map_err(|problems| {
            let lines: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
            format!("the scenario has problems:\n{}", lines.join("\n"))
        })?;
        let mut manifest = String::from("{\n  \"scenario\": ");
        let s = engine.scenario();
        let _ = write!(manifest, "\"{}\",\n  \"version\": {},\n  \"width\": {width},\n  \"states\": [\n", esc(&s.id), s.version);
        let mut entries = Vec::new();
        for lang in [Lang::En, Lang::Zh] {
            let dir = if lang == Lang::En { "en" } else { "zh" };
            for state in states(s, lang) {
                let (doc, height) = combined(&engine, &state, lang, width);
                let svg_rel = format!("snapshots/{dir}/{}.svg", state.id);
                write(&out.join(dir).join(format!("{}.svg", state.id)), &doc)?;
                let fig = figure(&engine, &state, lang, &svg_rel, (width, height));
                write(&out.join(dir).join(format!("{}.html", state.id)), &fig)?;
                // Share cards in both shapes; the link back only when the release knows its address.
                let link = if base.is_empty() { String::new() } else { format!("{base}{}", interactive_link(&state, lang)) };
                let p = engine.project(&state.inputs, &[0]);
                let spec = view::card_spec(&engine, &p, &state.inputs, 0, lang, &link).ok_or("the lead series has a daily path")?;
                let style = Style { palette: Palette::LIGHT, scale: 1.0, font: "sans-serif".into() };
                for (suffix, (w, h)) in [("card", LANDSCAPE), ("card-tall", PORTRAIT)] {
                    write(&out.join(dir).join(format!("{}.{suffix}.svg", state.id)), &svg(&Chart::Card(spec.clone()), &style, w, h))?;
                }
                entries.push(format!(
                    "    {{ \"id\": \"{}\", \"lang\": \"{dir}\", \"label\": \"{}\", \"svg\": \"{svg_rel}\", \"html\": \"snapshots/{dir}/{}.html\", \"link\": \"{}\", \"height\": {height}, \"cards\": [{{ \"svg\": \"snapshots/{dir}/{}.card.svg\", \"width\": {}, \"height\": {} }}, {{ \"svg\": \"snapshots/{dir}/{}.card-tall.svg\", \"width\": {}, \"height\": {} }}] }}",
                    esc(&state.id),
                    esc(&state.label),
                    state.id,
                    esc(&interactive_link(&state, lang)),
                    state.id,
                    LANDSCAPE.0,
                    LANDSCAPE.1,
                    state.id,
                    PORTRAIT.0,
                    PORTRAIT.1
                ));
            }
        }
        manifest.push_str(&entries.join(",\n"));
        manifest.push_str("\n  ]\n}\n");
        write(&out.join("manifest.json"), &manifest)?;
        println!("tapecast-snapshots: {} states × 2 languages → {}", entries.len() / 2, out.display());
        Ok(())
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        /// The header's lines (title, state, inputs) as (font size, text), unescaped.
        fn header_lines(doc: &str) -> Vec<(f64, String)> {
            let head = &doc[doc.find("<rect ").unwrap()..doc.find("<svg x=\"0\"").unwrap()];
            head.lines()
                .filter_map(|l| {
                    let size = l.split("font-size=\"").nth(1)?.split('"').next()?.parse().ok()?;
                    let text = l.split_once('>')?.1.strip_suffix("</text>")?;
                    let text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'");
                    Some((size, text.replace("&amp;", "&")))
                })
                .collect()
        }

        #[test]
        fn header_lines_fit_the_width_by_the_charts_estimate() {
            let engine = Engine::new(default_scenario()).unwrap();
            for lang in [Lang::En, Lang::Zh] {
                for state in states(engine.scenario(), lang) {
                    let (doc, _) = combined(&engine, &state, lang, 360);
                    let lines = header_lines(&doc);
                    assert!(lines.len() >= 3, "{lines:?}");
                    for (size, text) in lines {
                        assert!(tapecast::chart::text_width(&text, size) <= 360.0 - 24.0, "{text:?} at {size} px");
                    }
                }
            }
        }

        #[test]
        fn escapes_markup() {
            assert_eq!(esc(r#"<a href="x">&'"#), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
        }
    }
}
