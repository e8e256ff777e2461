//! Authors' files: the example scenario and the deliberately broken one in `www/scenarios/`,
//! docs/SCENARIOS.md covering every field, and the snapshot command (`tapecast-snapshots`):
//! deterministic output, readable problems for a bad file.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;
use tapecast::scenario::{from_json, validate, DEFAULT_SCENARIO_JSON};
use tapecast::{Engine, Inputs};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn read(rel: &str) -> String {
    std::fs::read_to_string(Path::new(ROOT).join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn the_example_scenario_validates_and_every_preset_projects() {
    let s = from_json(&read("www/scenarios/megacap-fed-week.json")).expect("parses");
    assert_eq!(validate(&s), vec![], "no problems");
    assert_ne!(s.id, "nov-2025", "a second story, not the built-in one");
    let engine = Engine::new(s.clone()).expect("engine");
    for p in &s.presets {
        let inputs = Inputs::preset(&s, &p.id).expect("preset resolves");
        let projection = engine.project(&inputs, &[0]);
        let lead = projection.assets[0].horizon;
        assert!(lead.p5.is_finite() && lead.p5 < lead.p50 && lead.p50 < lead.p95, "{}: {lead:?}", p.id);
    }
}

#[test]
fn the_broken_scenario_names_each_problem_with_its_field_path() {
    let s = from_json(&read("www/scenarios/broken.json")).expect("structure parses");
    let problems: Vec<String> = validate(&s).iter().map(|p| p.to_string()).collect();
    assert_eq!(problems, vec![
        r#"calendar.horizon: "2026-06-31" is not a date of the form YYYY-MM-DD"#,
        r#"calendar.events[1].date: "2026-05-02" is not a trading day between the as-of date and the end"#,
        "assets[3].vol: -0.2 is below 0",
        r#"chain.credit_asset: "junk" is not the id of an asset"#,
        "presets[1].cut_odds: 140 is above 100",
    ]);
}

fn keys(value: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                out.insert(k.clone());
                keys(v, out);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| keys(v, out)),
        _ => {}
    }
}

#[test]
fn scenarios_md_documents_every_field() {
    let doc = read("docs/SCENARIOS.md");
    let mut all = std::collections::BTreeSet::new();
    for json in [DEFAULT_SCENARIO_JSON.to_string(), read("www/scenarios/megacap-fed-week.json")] {
        keys(&serde_json::from_str(&json).unwrap(), &mut all);
    }
    let missing: Vec<&String> = all.iter().filter(|k| !doc.contains(&format!("`{k}`"))).collect();
    assert!(missing.is_empty(), "docs/SCENARIOS.md does not mention {missing:?}");
}

fn temp(name: &str) -> PathBuf {
    let dir = Path::new(ROOT).join("target/tmp").join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn files(dir: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, base: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, base, out);
            } else {
                out.push(path.strip_prefix(base).unwrap().to_path_buf());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

#[test]
fn the_snapshot_command_is_deterministic_and_complete() {
    let exe = env!("CARGO_BIN_EXE_tapecast-snapshots");
    let (a, b) = (temp("snap-a"), temp("snap-b"));
    for dir in [&a, &b] {
        let out = Command::new(exe).arg("--out").arg(dir).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let names = files(&a);
    assert_eq!(names, files(&b));
    // The as-of state and every preset, in both languages: an SVG, a phone-sized SVG, a figure
    // and two share cards each.
    let s = tapecast::scenario::default_scenario();
    let states = 1 + s.presets.iter().filter(|p| p.id != "as-of").count();
    assert_eq!(names.len(), states * 2 * 5 + 1, "{names:?}");
    assert!(names.iter().any(|n| n.ends_with("zh/fed-blinks.card-tall.svg")), "{names:?}");
    for n in &names {
        assert_eq!(std::fs::read(a.join(n)).unwrap(), std::fs::read(b.join(n)).unwrap(), "{} differs between runs", n.display());
    }
    let svg = std::fs::read_to_string(a.join("en/nvda-misses.svg")).unwrap();
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert_eq!(svg.matches("<svg ").count(), 4, "three panels nested in one image");
    assert!(!svg.contains("NaN") && !svg.contains("<script"));
    let html = std::fs::read_to_string(a.join("en/nvda-misses.html")).unwrap();
    // Phones get the phone-sized image; the table keeps the columns a phone has room for.
    assert!(html.contains(r#"<a href="embed.html?preset=nvda-misses"><picture><source media="(max-width: 600px)" srcset="snapshots/en/nvda-misses.phone.svg" width="320" height=""#), "{html}");
    assert!(html.contains(r#"<img src="snapshots/en/nvda-misses.svg" width="720""#), "{html}");
    assert!(html.contains("<tbody>") && html.matches("<tr>").count() >= 15);
    assert!(html.contains(r#"<th scope="col">5%</th><th scope="col">50%</th><th scope="col">95%</th></tr>"#), "{html}");
    let phone = std::fs::read_to_string(a.join("en/nvda-misses.phone.svg")).unwrap();
    assert!(phone.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"320\""), "{}", &phone[..120]);
    assert_eq!(phone.matches("<svg ").count(), 4, "three panels nested in one image");
    let _ = std::fs::remove_dir_all(&a);
    let _ = std::fs::remove_dir_all(&b);
}

#[test]
fn the_snapshot_command_renders_an_authors_file_and_refuses_a_broken_one() {
    let exe = env!("CARGO_BIN_EXE_tapecast-snapshots");
    let dir = temp("snap-author");
    let ok = Command::new(exe).args(["--scenario", &format!("{ROOT}/www/scenarios/megacap-fed-week.json"), "--out"]).arg(&dir).output().unwrap();
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    assert!(dir.join("en/blowout-and-cut.svg").exists());
    let bad = Command::new(exe).args(["--scenario", &format!("{ROOT}/www/scenarios/broken.json"), "--out"]).arg(&dir).output().unwrap();
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("assets[3].vol: -0.2 is below 0") && err.contains("presets[1].cut_odds: 140 is above 100"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn many_assets_sharing_an_id_are_found_in_one_pass_and_a_long_list_is_capped() {
    use tapecast::scenario::{capped, MAX_PROBLEMS_SHOWN};
    use tapecast::text::Lang;
    let mut s = from_json(DEFAULT_SCENARIO_JSON).expect("parses");
    let first = s.assets[0].clone();
    s.assets = vec![first; 10_000];
    let problems = validate(&s);
    let duplicates = problems.iter().filter(|p| p.expected == "is used by an earlier asset").count();
    assert_eq!(duplicates, 9_999);
    assert_eq!(problems[0].to_string(), r#"assets[1].id: "spx" is used by an earlier asset"#, "{:?}", &problems[..3]);
    let shown = capped(problems.iter().map(|p| p.to_string()), Lang::En);
    assert_eq!(shown.len(), MAX_PROBLEMS_SHOWN + 1);
    assert_eq!(shown[MAX_PROBLEMS_SHOWN], format!("… and {} more", tapecast::text::num::fixed((problems.len() - MAX_PROBLEMS_SHOWN) as f64, 0)));
    assert_eq!(capped(problems.iter().take(3).map(|p| p.to_string()), Lang::Zh).len(), 3, "a short list is shown whole");
    assert_eq!(capped(problems.iter().map(|p| p.to_string()), Lang::Zh)[MAX_PROBLEMS_SHOWN], format!("……另有{}个问题", tapecast::text::num::fixed((problems.len() - MAX_PROBLEMS_SHOWN) as f64, 0)));
}

#[test]
fn a_file_over_the_size_limit_is_refused_with_one_message() {
    use tapecast::scenario::{too_large, MAX_SCENARIO_CHARS};
    use tapecast::text::Lang;
    assert!(MAX_SCENARIO_CHARS >= 10 * DEFAULT_SCENARIO_JSON.len(), "a real scenario has wide room (the built-in story as written, with its indentation)");
    assert_eq!(too_large(MAX_SCENARIO_CHARS, Lang::En), None);
    assert_eq!(too_large(9_000_000, Lang::En).as_deref(), Some("9,000,000 characters is over the limit of 8,388,608 (not read)"));
}

#[test]
fn a_version_2_funding_block_is_refused_with_the_field_to_convert() {
    // Model version 3 reads the balance-sheet premiums in $bn (premium_*_bn) instead of bp
    // (premium_*_bp): an old file names the missing field, as docs/SCENARIOS.md says.
    let old = DEFAULT_SCENARIO_JSON
        .replace("\"premium_month_end_bn\": 66", "\"premium_month_end_bp\": 15")
        .replace("\"premium_year_end_bn\": 97", "\"premium_year_end_bp\": 25");
    assert_ne!(old, DEFAULT_SCENARIO_JSON);
    let v = tapecast::scenario::json::parse(&old).expect("JSON");
    let err = <tapecast::scenario::Scenario as tapecast::scenario::FromValue>::from_value(v).unwrap_err().to_string();
    assert_eq!(err, "funding: missing field `premium_month_end_bn`");
    assert!(read("docs/SCENARIOS.md").contains(&format!("scenario file: {err}")), "docs/SCENARIOS.md quotes the message");
}
