//! Tidy: the Architecture Invariants of ARCHITECTURE.md, checked over the source tree (the way
//! rust-analyzer keeps a `tidy.rs`). Each rule is a small function from a file's path and text to
//! its violations; `the_tree_is_tidy` runs every rule over every file, and
//! `each_rule_catches_a_deliberate_violation` shows each rule failing on a made-up file.
//!
//! The rules:
//! 1. layers: a module imports only its own layer and the ones below it, in the order
//!    text → scenario → inputs → model → chart → view → web;
//! 2. one boundary file: `wasm_bindgen`, `web_sys`, `js_sys`, `serde_wasm_bindgen`,
//!    `plotters_canvas` and `gloo` appear in `src/web.rs` and `src/web/` only;
//! 3. text is text: no `innerHTML`, `outerHTML`, `insertAdjacentHTML`, `document.write`, `eval`
//!    or `new Function` in what is served (`www/`, `release/`, `bench/`);
//! 4. no panics on input: no `unwrap()`, `expect(`, `panic!`, `todo!` or `unimplemented!` in the
//!    non-test code of `text`, `scenario`, `inputs`, `model` and `view`;
//! 5. every source file opens with a doc comment (`//!` in Rust, `//` in JavaScript);
//! 6. inputs are defined once: no input's name as a string literal in Rust outside
//!    `src/scenario/input_defs.rs`, and the shell holds no list of inputs, charts or colours
//!    (no input or chart name as a string, no colour literal);
//! 7. the documents authors read name every input (README, `docs/SCENARIOS.md`,
//!    `release/tapecast.d.ts`).
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use tapecast::scenario::INPUTS;

/// The layers, lowest first, with the source paths that belong to each.
const LAYERS: [(&str, &[&str]); 7] = [
    ("text", &["src/text/"]),
    ("scenario", &["src/scenario/"]),
    ("inputs", &["src/inputs/"]),
    ("model", &["src/model/"]),
    ("chart", &["src/chart/"]),
    ("view", &["src/view.rs", "src/golden.rs", "src/snapshot.rs"]),
    ("web", &["src/web.rs", "src/web/"]),
];

/// Modules of the crate root that are not layers of their own but belong to one.
const MODULE_LAYER: [(&str, &str); 2] = [("golden", "view"), ("snapshot", "view")];

/// The crates only the boundary file may name.
const WEB_ONLY: [&str; 6] = ["wasm_bindgen", "web_sys", "js_sys", "serde_wasm_bindgen", "plotters_canvas", "gloo"];

/// Ways to turn text into markup or code.
const HTML_SINKS: [&str; 6] = ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"];

/// Ways to panic.
const PANICS: [&str; 5] = [".unwrap()", ".expect(", "panic!", "todo!", "unimplemented!"];

/// Chart names the boundary owns (`view::ChartKind`).
const CHART_NAMES: [&str; 3] = ["fan", "bars", "plumbing"];

fn layer_index(name: &str) -> Option<usize> {
    let name = MODULE_LAYER.iter().find(|(m, _)| *m == name).map_or(name, |(_, l)| l);
    LAYERS.iter().position(|(l, _)| *l == name)
}

/// The layer a source file belongs to (`None` for the crate root and binaries).
fn layer_of(path: &str) -> Option<usize> {
    LAYERS.iter().position(|(_, prefixes)| prefixes.iter().any(|p| path.starts_with(p)))
}

/// The text without `//` comments (doc comments included), so that prose is not read as code.
fn code_only(text: &str) -> String {
    text.lines().map(|l| l.split_once("//").map_or(l, |(code, _)| code)).collect::<Vec<_>>().join("\n")
}

/// The text before the first `#[cfg(test)]`: a file's non-test code (tests sit at the end). A
/// file compiled only for tests as a whole (`#![cfg(test)]`) has none.
fn non_test(text: &str) -> &str {
    if text.lines().any(|l| l == "#![cfg(test)]") {
        return "";
    }
    text.find("#[cfg(test)]").map_or(text, |at| &text[..at])
}

/// The modules named after `crate::` in `code`, including each item of `crate::{a, b::c}`.
fn crate_paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let end = group.char_indices().find(|&(_, c)| {
                depth += i32::from(c == '{') - i32::from(c == '}');
                depth < 0
            });
            let inner = &group[..end.map_or(group.len(), |(i, _)| i)];
            let mut depth = 0;
            let mut item = String::new();
            for c in inner.chars().chain(std::iter::once(',')) {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.push(first_segment(item.trim()));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                item.push(c);
            }
        } else {
            out.push(first_segment(rest));
        }
    }
    out.into_iter().filter(|s| !s.is_empty()).collect()
}

fn first_segment(path: &str) -> String {
    path.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect()
}

/// What the crate root re-exports (`pub use inputs::Inputs;`): item name → module.
fn root_exports(lib: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for line in lib.lines().filter_map(|l| l.trim().strip_prefix("pub use ")) {
        let Some((module, items)) = line.trim_end_matches(';').split_once("::") else { continue };
        for item in items.trim_matches(|c| c == '{' || c == '}').split(',') {
            out.push((item.trim().to_string(), module.trim().to_string()));
        }
    }
    out
}

/// Rule 1: imports of a higher layer.
fn layer_violations(path: &str, text: &str, exports: &[(String, String)]) -> Vec<String> {
    let Some(own) = layer_of(path) else { return Vec::new() };
    let mut out = Vec::new();
    for name in crate_paths(&code_only(text)) {
        let module = exports.iter().find(|(item, _)| *item == name).map_or(name.as_str(), |(_, m)| m.as_str());
        if let Some(layer) = layer_index(module) {
            if layer > own {
                out.push(format!("{path}: the {} layer imports crate::{name} from the higher {} layer", LAYERS[own].0, LAYERS[layer].0));
            }
        }
    }
    out
}

/// Rule 2: web crates outside the boundary file.
fn web_only_violations(path: &str, text: &str) -> Vec<String> {
    if !path.starts_with("src/") || path == "src/web.rs" || path.starts_with("src/web/") {
        return Vec::new();
    }
    let code = code_only(text);
    WEB_ONLY
        .iter()
        .filter(|name| code.split(|c: char| !(c.is_alphanumeric() || c == '_')).any(|word| word == **name))
        .map(|name| format!("{path}: names `{name}`, which only src/web.rs (and src/web/) may"))
        .collect()
}

/// Rule 3: markup and code sinks in what is served.
fn html_sink_violations(path: &str, text: &str) -> Vec<String> {
    let served = ["www/", "release/", "bench/"].iter().any(|p| path.starts_with(p));
    if !served || !(path.ends_with(".js") || path.ends_with(".html") || path.ends_with(".mjs")) {
        return Vec::new();
    }
    HTML_SINKS
        .iter()
        .filter(|sink| {
            text.match_indices(**sink).any(|(at, _)| {
                // `eval(` only as a word: not `retrieval(`.
                let before = text[..at].chars().next_back();
                !(sink.starts_with("eval") && before.is_some_and(|c| c.is_alphanumeric() || c == '_'))
            })
        })
        .map(|sink| format!("{path}: uses `{sink}` (text reaches the page as text, never as HTML or code)"))
        .collect()
}

/// Rule 4: panics in the non-test code of the pure layers.
fn panic_violations(path: &str, text: &str) -> Vec<String> {
    let pure = ["src/text/", "src/scenario/", "src/inputs/", "src/model/", "src/view.rs"];
    if !pure.iter().any(|p| path.starts_with(p)) {
        return Vec::new();
    }
    let code = code_only(non_test(text));
    PANICS
        .iter()
        .filter(|p| code.contains(**p))
        .map(|p| format!("{path}: `{p}` in non-test code (return a value or a problem instead)"))
        .collect()
}

/// Rule 5: a file's opening doc comment.
fn doc_comment_violations(path: &str, text: &str) -> Vec<String> {
    let first = text.lines().find(|l| !l.starts_with("#!") || l.starts_with("#![")).unwrap_or("");
    let ok = if path.ends_with(".rs") {
        first.starts_with("//!")
    } else {
        first.starts_with("//") || first.starts_with("/*")
    };
    if ok {
        Vec::new()
    } else {
        vec![format!("{path}: does not open with a comment saying what it is for (found {first:?})")]
    }
}

/// `name` as a string literal in `text`, in any of JavaScript's or Rust's quotes.
fn has_literal(text: &str, name: &str) -> bool {
    ['"', '\'', '`'].iter().any(|q| text.contains(&format!("{q}{name}{q}")))
}

/// Rule 6: inputs named outside the one table; lists of inputs, charts or colours in the shell.
fn definition_violations(path: &str, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    if path.starts_with("src/") && path.ends_with(".rs") && path != "src/scenario/input_defs.rs" {
        let code = code_only(non_test(text));
        for d in &INPUTS {
            if has_literal(&code, d.name) {
                out.push(format!("{path}: names the input \"{}\" as a string (use scenario::INPUTS)", d.name));
            }
        }
    }
    if is_shell(path) {
        for d in &INPUTS {
            if has_literal(text, d.name) {
                out.push(format!("{path}: the shell names the input '{}' (take the inputs from layout())", d.name));
            }
        }
        for c in CHART_NAMES {
            if has_literal(text, c) {
                out.push(format!("{path}: the shell names the chart '{c}' (take the charts from layout())"));
            }
        }
        for colour in colour_literals(text) {
            out.push(format!("{path}: the shell has its own colour {colour} (colours come from the Rust palette)"));
        }
    }
    out
}

/// The custom element's source files (not the demo pages around it).
fn is_shell(path: &str) -> bool {
    (path.starts_with("www/src/") && path.ends_with(".js")) || path == "www/tapecast.js"
}

/// `#rgb`/`#rrggbb` literals and `rgb(`/`rgba(`/`hsl(` colours in `text`.
fn colour_literals(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices('#') {
        let hex: String = text[at + 1..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        let is_hex = hex.chars().all(|c| c.is_ascii_hexdigit());
        let before = text[..at].chars().next_back().unwrap_or(' ');
        if is_hex && [3, 4, 6, 8].contains(&hex.len()) && !before.is_alphanumeric() {
            out.push(format!("#{hex}"));
        }
    }
    for f in ["rgb(", "rgba(", "hsl(", "hsla("] {
        if text.match_indices(f).any(|(at, _)| !text[..at].ends_with(|c: char| c.is_alphanumeric())) {
            out.push(f.to_string());
        }
    }
    out
}

/// Rule 7: an author-facing document that misses an input.
fn document_violations(path: &str, text: &str) -> Vec<String> {
    let docs = ["README.md", "release/tapecast.d.ts"];
    let mut out = Vec::new();
    for d in &INPUTS {
        if docs.contains(&path) && !text.contains(d.name) {
            out.push(format!("{path}: does not mention the input `{}`", d.name));
        }
        if path == "docs/SCENARIOS.md" && !text.contains(d.field) {
            out.push(format!("{path}: does not describe the field `inputs.{}`", d.field));
        }
    }
    out
}

fn all_violations(path: &str, text: &str, exports: &[(String, String)]) -> Vec<String> {
    let mut out = layer_violations(path, text, exports);
    out.extend(web_only_violations(path, text));
    out.extend(html_sink_violations(path, text));
    out.extend(panic_violations(path, text));
    if [".rs", ".js", ".mjs"].iter().any(|e| path.ends_with(e)) {
        out.extend(doc_comment_violations(path, text));
    }
    out.extend(definition_violations(path, text));
    out.extend(document_violations(path, text));
    out
}

/// Every file under `dir` (relative to the repository), skipping build outputs.
fn files(root: &Path, dir: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(root.join(dir)) else { return };
    for e in entries.flatten() {
        let path = e.path();
        let rel = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().replace('\\', "/");
        if ["node_modules", "target", "dist", "releases", "public", "_site", "snapshots"].iter().any(|skip| rel.split('/').any(|part| part == *skip)) {
            continue;
        }
        if path.is_dir() {
            files(root, &rel, out);
        } else {
            out.push(PathBuf::from(rel));
        }
    }
}

#[test]
fn the_tree_is_tidy() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lib = std::fs::read_to_string(root.join("src/lib.rs")).unwrap();
    let exports = root_exports(&lib);
    let mut paths = Vec::new();
    for dir in ["src", "tests", "benches", "examples", "www", "release", "bench", "scripts", "docs"] {
        files(root, dir, &mut paths);
    }
    paths.extend(["README.md"].map(PathBuf::from));
    let mut checked = 0;
    let mut problems = Vec::new();
    for rel in &paths {
        let name = rel.to_string_lossy();
        let text_like = [".rs", ".js", ".mjs", ".html", ".md", ".ts"].iter().any(|e| name.ends_with(e));
        if !text_like {
            continue;
        }
        let text = std::fs::read_to_string(root.join(rel)).unwrap();
        problems.extend(all_violations(&name, &text, &exports));
        checked += 1;
    }
    assert!(checked > 60, "tidy read only {checked} files: is the tree where it should be?");
    assert!(paths.iter().any(|p| p.to_string_lossy() == "src/web.rs"), "the walk found the boundary file");
    assert!(problems.is_empty(), "tidy found {} problem(s):\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn each_rule_catches_a_deliberate_violation() {
    let exports = root_exports("pub use inputs::Inputs;\npub use model::{Band, Engine};\n");
    // 1. Layers: model may use inputs, but not view; a grouped import and a root re-export count.
    assert!(layer_violations("src/model/x.rs", "//! x\nuse crate::inputs::Inputs;\n", &exports).is_empty());
    assert_eq!(layer_violations("src/model/x.rs", "use crate::view::summary;", &exports).len(), 1);
    assert_eq!(layer_violations("src/text/x.rs", "use crate::{num, scenario::Date};", &exports).len(), 1);
    assert_eq!(layer_violations("src/scenario/x.rs", "fn f(e: &crate::Engine) {}", &exports).len(), 1);
    assert!(layer_violations("src/view.rs", "// crate::web is mentioned in prose only\n", &exports).is_empty());
    assert_eq!(layer_violations("src/golden.rs", "use crate::web::Widget;", &exports).len(), 1);
    // 2. Web crates outside the boundary.
    assert_eq!(web_only_violations("src/view.rs", "use wasm_bindgen::prelude::*;").len(), 1);
    assert_eq!(web_only_violations("src/chart/x.rs", "let w = web_sys::window();").len(), 1);
    assert!(web_only_violations("src/web.rs", "use wasm_bindgen::prelude::*;").is_empty());
    assert!(web_only_violations("src/view.rs", "// wasm_bindgen in a comment").is_empty());
    // 3. Markup sinks.
    assert_eq!(html_sink_violations("www/src/a.js", "node.innerHTML = text;").len(), 1);
    assert_eq!(html_sink_violations("www/x.html", "<script>eval(x)</script>").len(), 1);
    assert_eq!(html_sink_violations("release/embed.js", "const f = new Function('x');").len(), 1);
    assert!(html_sink_violations("www/src/a.js", "retrieval(x); node.textContent = t;").is_empty());
    // 4. Panics outside tests.
    assert_eq!(panic_violations("src/model/x.rs", "fn f(x: Option<u8>) -> u8 { x.unwrap() }").len(), 1);
    assert_eq!(panic_violations("src/inputs/x.rs", "fn f() { panic!(\"no\") }").len(), 1);
    assert!(panic_violations("src/model/x.rs", "fn f(x: Option<u8>) -> u8 { x.unwrap_or(0) }\n#[cfg(test)]\nmod tests { fn t() { None::<u8>.unwrap(); } }").is_empty());
    assert!(panic_violations("src/model/x.rs", "//! Test helpers.\n#![cfg(test)]\nfn t() { None::<u8>.unwrap(); }").is_empty());
    assert!(!panic_violations("src/model/x.rs", "//! Not #![cfg(test)] as a whole.\nfn t() { None::<u8>.unwrap(); }").is_empty());
    assert!(panic_violations("src/web.rs", "x.unwrap()").is_empty(), "the rule covers the pure layers");
    // 5. Opening doc comments.
    assert_eq!(doc_comment_violations("src/x.rs", "use std::fmt;\n").len(), 1);
    assert_eq!(doc_comment_violations("src/x.rs", "// a plain comment\n").len(), 1);
    assert!(doc_comment_violations("tests/x.rs", "//! What this tests.\n#![cfg(test)]\n").is_empty());
    assert_eq!(doc_comment_violations("www/src/a.js", "import x from 'y';\n").len(), 1);
    assert!(doc_comment_violations("scripts/a.mjs", "#!/usr/bin/env node\n// What this does.\n").is_empty());
    // 6. Inputs defined once; the shell has no lists of its own.
    assert_eq!(definition_violations("src/view.rs", "let f = \"cut-odds\";").len(), 1);
    assert!(definition_violations("src/scenario/input_defs.rs", "name: \"cut-odds\",").is_empty());
    assert!(definition_violations("src/view.rs", "fn f() {}\n#[cfg(test)]\nmod tests { const X: &str = \"cut-odds\"; }").is_empty());
    assert_eq!(definition_violations("www/src/controls.js", "const INPUTS = ['surprise'];").len(), 1);
    assert_eq!(definition_violations("www/src/render.js", "draw(`fan`);").len(), 1);
    assert_eq!(definition_violations("www/src/styles.js", ".frame { background: #fff; }").len(), 1);
    assert_eq!(definition_violations("www/src/styles.js", ".frame { color: rgb(0, 0, 0); }").len(), 1);
    assert!(definition_violations("www/src/styles.js", ".frame { background: var(--tc-background, var(--tc-d-background)); }").is_empty());
    assert!(definition_violations("www/src/links.js", "location.href.split('#')[0]").is_empty());
    // 7. Author documents name every input.
    assert_eq!(document_violations("release/tapecast.d.ts", "surprise cut-odds shortfall rmp-start").len(), 1);
    assert!(document_violations("README.md", "surprise cut-odds shortfall rmp-start rmp-pace").is_empty());
}
