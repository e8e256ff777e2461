//! Permalinks: the reader's inputs as one short payload in the URL fragment
//! (`#tc=nov-2025.s1.m1,surprise:-9.5,…`), several widgets' parts side by side, read back with
//! every bad part reported and the rest applied.
//!
//! A pinned state rides in the same payload as parts named `pin.<input>` after the live ones
//! (`…,rmp-pace:45,pin.surprise:-9.5,pin.cut-odds:40,…`): links made before pinning existed hold
//! none and load as before.

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
    /// The pinned state, when the link holds one (starting from the live inputs it read).
    pub pin: Option<Inputs>,
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

/// The prefix of a pinned input's part: `pin.surprise:-9.5`.
const PIN: &str = "pin.";

/// The permalink payload for a widget: scenario id and version, model version, every input, and
/// every input of the pinned state when there is one.
pub fn to_link(s: &Scenario, i: &Inputs, pin: Option<&Inputs>) -> String {
    let mut out = format!("{}.s{}.m{}", s.id, s.version, MODEL_VERSION);
    let states = [(i, "")].into_iter().chain(pin.map(|p| (p, PIN)));
    for (inputs, prefix) in states {
        for d in &INPUTS {
            out.push(',');
            out.push_str(prefix);
            out.push_str(d.name);
            out.push(':');
            out.push_str(&inputs.text(s, d.id));
        }
    }
    out
}

/// Reads a permalink payload written by [`to_link`]; starts from `base` and applies what is valid.
pub fn from_link(s: &Scenario, base: Inputs, payload: &str) -> FromLink {
    let mut inputs = base;
    let mut problems = Vec::new();
    let payload: String = payload.chars().take(MAX_PAYLOAD).collect();
    let mut parts = payload.split(',');
    let head = parts.next().unwrap_or_default();
    let want = format!("{}.s{}.m{}", s.id, s.version, MODEL_VERSION);
    let mut head_bits = head.split('.');
    if head_bits.next() != Some(s.id.as_str()) {
        problems.push(problem("link", quoted(head), ProblemKind::OtherScenario(s.id.clone())));
        return FromLink { inputs, problems, version: LinkVersion::OtherScenario, pin: None };
    }
    let version = if head == want { LinkVersion::Same } else { LinkVersion::Other };
    if head != want {
        problems.push(problem("link", quoted(head), ProblemKind::OtherVersion(want.clone())));
    }
    // Live parts first, then pinned ones: the pin starts from the live state the link set.
    let mut pinned: Vec<(&str, &str)> = Vec::new();
    for part in parts {
        let Some((field, value)) = part.split_once(':') else {
            problems.push(problem("link", quoted(part), ProblemKind::NotFieldValue));
            continue;
        };
        match field.strip_prefix(PIN) {
            Some(name) => pinned.push((name, value)),
            None => problems.extend(inputs.set_text(s, field, value)),
        }
    }
    let pin = (!pinned.is_empty()).then(|| {
        let mut pin = inputs;
        for (name, value) in pinned {
            problems.extend(pin.set_text(s, name, value));
        }
        pin
    });
    FromLink { inputs, problems, version, pin }
}

/// The most of a payload read: room for the live and the pinned inputs twice over.
const MAX_PAYLOAD: usize = 800;

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
    let mut parts: Vec<&str> = Vec::new();
    let mut placed = false;
    for kv in body.split('&').filter(|kv| !kv.is_empty()) {
        let k = kv.split_once('=').map_or(kv, |(k, _)| k);
        if percent_decode(k) == key {
            if !placed {
                parts.push(&mine);
                placed = true;
            }
        } else {
            parts.push(kv);
        }
    }
    if !placed {
        parts.push(&mine);
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
    // Bytes that decode to no UTF-8 text come back as written ("%FF"), so a note quotes what
    // the link says (and the reader's wasm links no lossy decoder).
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{default_scenario, Spec};
    use proptest::prelude::*;

    #[test]
    fn percent_decoding_keeps_a_link_that_is_not_utf8_as_written() {
        assert_eq!(percent_decode("%E4%B8%AD%20x"), "中 x");
        assert_eq!(percent_decode("5%FF1"), "5%FF1");
        assert_eq!(percent_decode("%4"), "%4");
    }

    #[test]
    fn a_pin_rides_after_the_live_inputs_and_old_links_still_load() {
        let s = default_scenario();
        let live = Inputs::preset(&s, "2019-replay").unwrap();
        let pin = Inputs::as_of(&s);
        let link = to_link(&s, &live, Some(&pin));
        let plain = to_link(&s, &live, None);
        assert!(link.starts_with(&format!("{plain},pin.surprise:")), "{link}");
        let back = from_link(&s, Inputs::as_of(&s), &link);
        assert_eq!((back.inputs, back.pin, back.problems.len()), (live, Some(pin), 0));
        // A link written before pins existed: the live state, no pin, no note.
        let old = "nov-2025.s1.m3,surprise:-3.5,cut-odds:40,shortfall:350,rmp-start:none,rmp-pace:0";
        let back = from_link(&s, pin, old);
        assert_eq!((back.pin, back.problems.len(), back.inputs.surprise), (None, 0, -3.5));
        // A partial pin starts from the live state; a bad pinned value is reported and clamped.
        let back = from_link(&s, pin, "nov-2025.s1.m3,surprise:4,pin.cut-odds:140");
        let p = back.pin.unwrap();
        assert_eq!((p.surprise, p.cut_odds), (4.0, 100.0));
        assert_eq!(back.problems.len(), 1);
        assert_eq!(back.problems[0].field, "cut-odds");
        // The pin and its fragment survive encoding among other widgets' parts.
        let f = with_fragment_part("#other=x", "tc", &link);
        assert_eq!(fragment_part(&f, "tc").as_deref(), Some(link.as_str()));
    }

    /// A value of input `k` on its grid: its min, max or a step inside.
    fn value(s: &crate::scenario::Scenario, k: usize, t: f64) -> f64 {
        match s.inputs.get(INPUTS[k].id) {
            Spec::Number(n) => {
                let steps = ((n.max - n.min) / n.step).round();
                n.min + (t * steps).round() * n.step
            }
            Spec::Choice(c) => (t * (c.options.len() - 1) as f64).round(),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]
        #[test]
        fn any_live_and_pinned_state_round_trips(live in proptest::collection::vec(0.0f64..=1.0, INPUTS.len()), pin in proptest::option::of(proptest::collection::vec(0.0f64..=1.0, INPUTS.len()))) {
            let s = default_scenario();
            let state = |ts: &[f64]| INPUTS.iter().enumerate().fold(Inputs::as_of(&s), |i, (k, d)| i.with(d.id, value(&s, k, ts[k])));
            let live = state(&live);
            let pin = pin.map(|p| state(&p));
            let link = to_link(&s, &live, pin.as_ref());
            let f = with_fragment_part("#a=1", "tc", &link);
            let back = from_link(&s, Inputs::as_of(&s), &fragment_part(&f, "tc").unwrap_or_default());
            prop_assert!(back.problems.is_empty(), "{:?}", back.problems);
            prop_assert_eq!(back.inputs, live);
            prop_assert_eq!(back.pin, pin);
        }
    }
}
