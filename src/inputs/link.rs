//! Permalinks: the reader's inputs as one short payload in the URL fragment
//! (`#tc=nov-2025.s1.m1,surprise:-9.5,…`), several widgets' parts side by side, read back with
//! every bad part reported and the rest applied.

use super::{problem, Inputs, InputProblem, ProblemKind};
use crate::scenario::{Scenario, INPUTS, MODEL_VERSION};
use crate::text::quoted;

/// What a permalink fragment held, after validation.
#[derive(Debug, Clone, PartialEq)]
pub struct FromLink {
    /// The inputs to use.
    pub inputs: Inputs,
    /// Problems and notes for the reader (bad parts, other versions); a version note comes first.
    pub problems: Vec<InputProblem>,
    /// Whether the link was made for this scenario and model version.
    pub version: LinkVersion,
}

/// How a permalink's scenario and model version compare with the page's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkVersion {
    /// Same scenario, same versions.
    Same,
    /// Same scenario, another scenario or model version: inputs used, numbers recomputed.
    Other,
    /// Another scenario: nothing used.
    OtherScenario,
}

/// The permalink payload for a widget: scenario id and version, model version, every input.
pub fn to_link(s: &Scenario, i: &Inputs) -> String {
    let mut out = format!("{}.s{}.m{}", s.id, s.version, MODEL_VERSION);
    for d in &INPUTS {
        out.push(',');
        out.push_str(d.name);
        out.push(':');
        out.push_str(&i.text(s, d.id));
    }
    out
}

/// Reads a permalink payload written by [`to_link`]; starts from `base` and applies what is valid.
pub fn from_link(s: &Scenario, base: Inputs, payload: &str) -> FromLink {
    let mut inputs = base;
    let mut problems = Vec::new();
    let payload: String = payload.chars().take(400).collect();
    let mut parts = payload.split(',');
    let head = parts.next().unwrap_or_default();
    let want = format!("{}.s{}.m{}", s.id, s.version, MODEL_VERSION);
    let mut head_bits = head.split('.');
    if head_bits.next() != Some(s.id.as_str()) {
        problems.push(problem("link", quoted(head), ProblemKind::OtherScenario(s.id.clone())));
        return FromLink { inputs, problems, version: LinkVersion::OtherScenario };
    }
    let version = if head == want { LinkVersion::Same } else { LinkVersion::Other };
    if head != want {
        problems.push(problem("link", quoted(head), ProblemKind::OtherVersion(want.clone())));
    }
    for part in parts {
        let Some((field, value)) = part.split_once(':') else {
            problems.push(problem("link", quoted(part), ProblemKind::NotFieldValue));
            continue;
        };
        if let Some(p) = inputs.set_text(s, field, value) {
            problems.push(p);
        }
    }
    FromLink { inputs, problems, version }
}

/// The payload stored under `key` in a fragment such as `#a=…&b=…`, URL-decoded.
pub fn fragment_part(fragment: &str, key: &str) -> Option<String> {
    let body = fragment.strip_prefix('#').unwrap_or(fragment);
    body.split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        (percent_decode(k) == key).then(|| percent_decode(v))
    })
}

/// The fragment with `key`'s payload replaced (or added), other widgets' parts kept in order.
pub fn with_fragment_part(fragment: &str, key: &str, payload: &str) -> String {
    let body = fragment.strip_prefix('#').unwrap_or(fragment);
    let mine = format!("{}={}", percent_encode(key), percent_encode(payload));
    let mut parts: Vec<String> = Vec::new();
    let mut placed = false;
    for kv in body.split('&').filter(|kv| !kv.is_empty()) {
        let k = kv.split_once('=').map_or(kv, |(k, _)| k);
        if percent_decode(k) == key {
            if !placed {
                parts.push(mine.clone());
                placed = true;
            }
        } else {
            parts.push(kv.to_string());
        }
    }
    if !placed {
        parts.push(mine);
    }
    format!("#{}", parts.join("&"))
}

fn percent_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~:,".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
