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
    use tapecast::chart::{svg, Chart, Palette, Style, LANDSCAPE, PORTRAIT};
    use tapecast::scenario::{default_scenario, from_json};
    use tapecast::snapshot::{combined, esc, figure, interactive_link, states, Image, PHONE_WIDTH};
    use tapecast::text::Lang;
    use tapecast::{view, Engine};

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
                let (doc, height) = combined(&engine, &state, lang, width).ok_or("the lead series has a daily path")?;
                let svg_rel = format!("snapshots/{dir}/{}.svg", state.id);
                write(&out.join(dir).join(format!("{}.svg", state.id)), &doc)?;
                let (phone_doc, phone_height) = combined(&engine, &state, lang, PHONE_WIDTH).ok_or("the lead series has a daily path")?;
                let phone_rel = format!("snapshots/{dir}/{}.phone.svg", state.id);
                write(&out.join(dir).join(format!("{}.phone.svg", state.id)), &phone_doc)?;
                let image = Image { path: &svg_rel, size: (width, height) };
                let phone = (width > PHONE_WIDTH).then_some(Image { path: &phone_rel, size: (PHONE_WIDTH, phone_height) });
                let fig = figure(&engine, &state, lang, image, phone);
                write(&out.join(dir).join(format!("{}.html", state.id)), &fig)?;
                // Share cards in both shapes; the link back only when the release knows its address.
                let link = if base.is_empty() { String::new() } else { format!("{base}{}", interactive_link(&state, lang)) };
                let p = engine.project(&state.inputs, &[0]);
                let spec = view::card_spec(&engine, &p, &state.inputs, None, 0, lang, &link).ok_or("the lead series has a daily path")?;
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
                    let (doc, _) = combined(&engine, &state, lang, 360).unwrap();
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
