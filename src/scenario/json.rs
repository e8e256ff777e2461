//! JSON text read into a [`Value`]: how an author's scenario file is read in the browser.
//!
//! One pass over the bytes, one allocation per string and container, no crossing of the wasm
//! boundary per node (reading a file through `JSON.parse` and serde-wasm-bindgen cost one crossing
//! per JSON node, ~2 ms per 10 KB). It accepts exactly what `JSON.parse` accepts (RFC 8259: no
//! comments, no trailing commas, whitespace only space, tab, CR and LF) and reads it to the same
//! values: numbers through [`num::parse`] (bit-exact to Rust's and JavaScript's reading), `\u`
//! escapes with surrogate pairs joined (a lone surrogate becomes U+FFFD, as a JavaScript string
//! holding one becomes on its way into Rust), a key given twice keeps its last value (the readers
//! of [`Value`] look keys up from the end). Nesting deeper than [`MAX_DEPTH`] is refused (a
//! scenario nests 5 deep). A problem says what was expected, and where: line and column (in
//! characters, from 1).

use super::Value;
use crate::text::num;
use std::fmt;

/// How deeply arrays and objects may nest.
pub const MAX_DEPTH: usize = 64;

/// A syntax error: what was wrong, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonError {
    /// What was expected or found.
    pub message: &'static str,
    /// Line of the problem, from 1.
    pub line: usize,
    /// Column of the problem in characters, from 1.
    pub column: usize,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at line {}, column {}", self.message, self.line, self.column)
    }
}

impl std::error::Error for JsonError {}

/// Reads `text`, one JSON value with optional whitespace around it.
pub fn parse(text: &str) -> Result<Value, JsonError> {
    let mut r = Reader::new(text.to_owned());
    r.step(usize::MAX);
    r.finish()
}

/// The line and column of byte `at` in `text` (a position past the end counts as the end).
#[cold]
fn where_in(text: &str, at: usize, message: &'static str) -> JsonError {
    let before = text.get(..at).unwrap_or(text);
    let (line, column) = before.split('\n').fold((0, 0), |(line, _), s| (line + 1, s.chars().count() + 1));
    JsonError { message, line, column }
}

type Read<T> = Result<T, &'static str>;

/// An array or object being read.
enum Frame {
    Seq(Vec<Value>),
    /// The entries so far, and the key whose value is being read.
    Map(Vec<(String, Value)>, String),
}

/// What comes next.
#[derive(Clone, Copy, PartialEq)]
enum Want {
    /// A value (the first in an array may instead be its `]`).
    Value { first: bool },
    /// A property name (the first in an object may instead be its `}`).
    Key { first: bool },
    /// A `,` or the container's end.
    Next,
}

/// A JSON reader that can stop and go on: [`Reader::step`] reads about as many bytes as it is
/// given, so a page can read a large file over several tasks. Containers are kept on an explicit
/// stack (no recursion), at most [`MAX_DEPTH`] deep.
pub struct Reader {
    text: String,
    /// The next byte to read; where a problem is reported.
    i: usize,
    stack: Vec<Frame>,
    want: Want,
    result: Option<Result<Value, &'static str>>,
}

impl Reader {
    /// A reader of `text` (more may be appended with [`Reader::push`] before the first step).
    pub fn new(text: String) -> Reader {
        Reader { text, i: 0, stack: Vec::new(), want: Want::Value { first: false }, result: None }
    }

    /// Appends `more` text.
    pub fn push(&mut self, more: &str) {
        self.text.push_str(more);
    }

    /// The text's length in bytes.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// Whether there is no text.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Reads on, about `budget` bytes (to the end of a token); true once the value is read (or
    /// a problem found).
    pub fn step(&mut self, budget: usize) -> bool {
        let stop = self.i.saturating_add(budget);
        // At the end of the text a token is a whole value's end or a problem: this stops.
        while self.result.is_none() && (self.i < stop || self.i >= self.text.len()) {
            if let Err(message) = self.token() {
                self.result = Some(Err(message));
            }
        }
        self.result.is_some()
    }

    /// Whether the value is read (or a problem found): [`Reader::finish`] then does no reading.
    pub fn done(&self) -> bool {
        self.result.is_some()
    }

    /// The value, or the first problem and where it is (the text is dropped here).
    pub fn finish(mut self) -> Result<Value, JsonError> {
        if self.result.is_none() {
            self.step(usize::MAX);
        }
        match self.result.take() {
            Some(Ok(v)) => Ok(v),
            Some(Err(message)) => Err(where_in(&self.text, self.i, message)),
            None => Err(where_in(&self.text, self.i, "unexpected end of the file, expected a value")),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.i).copied()
    }

    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.i += 1;
        }
    }

    /// Reads one token (a scalar, a bracket, a key with its colon, a comma).
    fn token(&mut self) -> Read<()> {
        self.space();
        match self.want {
            Want::Value { first } => match self.peek() {
                Some(b']') if first => {
                    self.i += 1;
                    self.close()
                }
                Some(b'{') => self.open(Frame::Map(Vec::new(), String::new()), Want::Key { first: true }),
                Some(b'[') => self.open(Frame::Seq(Vec::new()), Want::Value { first: true }),
                Some(b'"') => {
                    let s = self.string()?;
                    self.complete(Value::Str(s))
                }
                Some(b't') => self.word("true", Value::Bool(true)),
                Some(b'f') => self.word("false", Value::Bool(false)),
                Some(b'n') => self.word("null", Value::Null),
                Some(b'-' | b'0'..=b'9') => {
                    let n = self.number()?;
                    self.complete(n)
                }
                None => Err("unexpected end of the file, expected a value"),
                Some(_) => Err("expected a value (an object, array, string, number, true, false or null)"),
            },
            Want::Key { first } => {
                if first && self.peek() == Some(b'}') {
                    self.i += 1;
                    return self.close();
                }
                if self.peek() != Some(b'"') {
                    return Err("expected a property name in double quotes");
                }
                let key = self.string()?;
                self.space();
                if self.peek() != Some(b':') {
                    return Err("expected ':' after a property name");
                }
                self.i += 1;
                if let Some(Frame::Map(_, pending)) = self.stack.last_mut() {
                    *pending = key;
                }
                self.want = Want::Value { first: false };
                Ok(())
            }
            Want::Next => {
                let map = matches!(self.stack.last(), Some(Frame::Map(..)));
                match (self.peek(), map) {
                    (Some(b','), false) => self.want = Want::Value { first: false },
                    (Some(b','), true) => self.want = Want::Key { first: false },
                    (Some(b']'), false) | (Some(b'}'), true) => {
                        self.i += 1;
                        return self.close();
                    }
                    (_, false) => return Err("expected ',' or ']' after an array element"),
                    (_, true) => return Err("expected ',' or '}' after a property value"),
                }
                self.i += 1;
                Ok(())
            }
        }
    }

    /// Opens an array or object (the reader on its bracket).
    fn open(&mut self, frame: Frame, want: Want) -> Read<()> {
        if self.stack.len() >= MAX_DEPTH {
            return Err("nested more than 64 levels deep");
        }
        self.i += 1;
        self.stack.push(frame);
        self.want = want;
        Ok(())
    }

    /// Closes the innermost array or object (its bracket read).
    fn close(&mut self) -> Read<()> {
        match self.stack.pop() {
            Some(Frame::Seq(items)) => self.complete(Value::Seq(items)),
            Some(Frame::Map(entries, _)) => self.complete(Value::Map(entries)),
            None => Err("unexpected closing bracket"),
        }
    }

    /// A value is read: into its container, or the result when it is the whole text.
    fn complete(&mut self, v: Value) -> Read<()> {
        self.want = Want::Next;
        match self.stack.last_mut() {
            Some(Frame::Seq(items)) => items.push(v),
            Some(Frame::Map(entries, key)) => entries.push((std::mem::take(key), v)),
            None => {
                self.space();
                if self.i < self.text.len() {
                    return Err("unexpected text after the value");
                }
                self.result = Some(Ok(v));
            }
        }
        Ok(())
    }

    fn word(&mut self, word: &'static str, value: Value) -> Read<()> {
        if self.text.as_bytes().get(self.i..self.i + word.len()) == Some(word.as_bytes()) {
            self.i += word.len();
            self.complete(value)
        } else {
            Err("expected a value (an object, array, string, number, true, false or null)")
        }
    }

    /// A string, the reader on its opening quote: runs without escapes copied as they are (the
    /// text is UTF-8 and every delimiter ASCII).
    fn string(&mut self) -> Read<String> {
        self.i += 1; // "
        let mut out = String::new();
        let mut run = self.i;
        loop {
            match self.peek() {
                None => return Err("unexpected end of the file inside a string"),
                Some(b'"') => {
                    out.push_str(self.text.get(run..self.i).unwrap_or_default());
                    self.i += 1;
                    return Ok(out);
                }
                Some(0..=0x1F) => return Err("a line break or other control character inside a string (write it as \\n)"),
                Some(b'\\') => {
                    out.push_str(self.text.get(run..self.i).unwrap_or_default());
                    self.i += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => '\0', // its four digits are read below
                        _ => return Err("a backslash not followed by one of \" \\ / b f n r t u"),
                    };
                    self.i += 1;
                    out.push(if c == '\0' { self.unicode_escape()? } else { c });
                    run = self.i;
                }
                Some(_) => self.i += 1,
            }
        }
    }

    /// The character of a `\uXXXX` escape (the reader after the `u`), joined with a second
    /// escape when the two are a surrogate pair; a lone surrogate is U+FFFD.
    fn unicode_escape(&mut self) -> Read<char> {
        let first = self.hex4()?;
        if !(0xD800..0xDC00).contains(&first) {
            return Ok(char::from_u32(first).unwrap_or(char::REPLACEMENT_CHARACTER));
        }
        // A high surrogate: a low one must follow at once, else it stands alone.
        if self.text.as_bytes().get(self.i..self.i + 2) == Some(b"\\u".as_slice()) {
            let back = self.i;
            self.i += 2;
            let second = self.hex4()?;
            if (0xDC00..0xE000).contains(&second) {
                let c = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                return Ok(char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER));
            }
            self.i = back; // the second escape is read on its own
        }
        Ok(char::REPLACEMENT_CHARACTER)
    }

    fn hex4(&mut self) -> Read<u32> {
        let mut n = 0;
        for _ in 0..4 {
            let d = self.peek().and_then(|c| char::from(c).to_digit(16)).ok_or("expected four hexadecimal digits after \\u")?;
            n = n * 16 + d;
            self.i += 1;
        }
        Ok(n)
    }

    /// A number as JSON writes it: `-`? (`0` | `[1-9][0-9]*`) (`.` digits)? (`e` sign? digits)?.
    fn number(&mut self) -> Read<Value> {
        let start = self.i;
        let digits = |r: &mut Reader| {
            let from = r.i;
            while let Some(b'0'..=b'9') = r.peek() {
                r.i += 1;
            }
            r.i > from
        };
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        match self.peek() {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => {
                digits(self);
            }
            _ => return Err("expected a digit after '-'"),
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if !digits(self) {
                return Err("expected a digit after the decimal point");
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.i += 1;
            }
            if !digits(self) {
                return Err("expected a digit in the exponent");
            }
        }
        if let Some(b'0'..=b'9') = self.peek() {
            return Err("a number may not start with 0 followed by more digits");
        }
        num::parse(self.text.get(start..self.i).unwrap_or_default()).map(Value::Num).ok_or("not a number")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::DEFAULT_SCENARIO_JSON;

    fn err(text: &str) -> String {
        parse(text).map_or_else(|e| e.to_string(), |v| format!("read {v:?}"))
    }

    /// serde_json's reading of the same text, as a [`Value`].
    fn serde(text: &str) -> Option<Value> {
        fn tree(v: serde_json::Value) -> Value {
            match v {
                serde_json::Value::Null => Value::Null,
                serde_json::Value::Bool(b) => Value::Bool(b),
                serde_json::Value::Number(n) => Value::Num(n.as_f64().unwrap_or(f64::NAN)),
                serde_json::Value::String(s) => Value::Str(s),
                serde_json::Value::Array(a) => Value::Seq(a.into_iter().map(tree).collect()),
                serde_json::Value::Object(m) => Value::Map(m.into_iter().map(|(k, v)| (k, tree(v))).collect()),
            }
        }
        serde_json::from_str(text).ok().map(tree)
    }

    #[test]
    fn reads_the_built_in_story_as_serde_json_does() {
        let ours = parse(DEFAULT_SCENARIO_JSON).ok();
        assert!(ours.is_some());
        // serde_json's map sorts keys; compare as sorted.
        fn sorted(v: Value) -> Value {
            match v {
                Value::Map(mut m) => {
                    m.sort_by(|a, b| a.0.cmp(&b.0));
                    Value::Map(m.into_iter().map(|(k, v)| (k, sorted(v))).collect())
                }
                Value::Seq(a) => Value::Seq(a.into_iter().map(sorted).collect()),
                v => v,
            }
        }
        assert_eq!(ours.map(sorted), serde(DEFAULT_SCENARIO_JSON).map(sorted));
    }

    #[test]
    fn values() {
        assert_eq!(parse(" null "), Ok(Value::Null));
        assert_eq!(parse("true"), Ok(Value::Bool(true)));
        assert_eq!(parse("\t\r\n false"), Ok(Value::Bool(false)));
        assert_eq!(parse("[]"), Ok(Value::Seq(vec![])));
        assert_eq!(parse("{}"), Ok(Value::Map(vec![])));
        assert_eq!(parse(r#"{"a":[1,{"b":null}],"c":"d"}"#), Ok(Value::Map(vec![
            ("a".into(), Value::Seq(vec![Value::Num(1.0), Value::Map(vec![("b".into(), Value::Null)])])),
            ("c".into(), Value::Str("d".into())),
        ])));
        // A key given twice is kept twice; readers take the last (as JSON.parse keeps it).
        assert_eq!(parse(r#"{"a":1,"a":2}"#), Ok(Value::Map(vec![("a".into(), Value::Num(1.0)), ("a".into(), Value::Num(2.0))])));
    }

    #[test]
    fn numbers_read_bit_exact() {
        for t in ["0", "-0", "1", "-1", "0.1", "4.12", "1e3", "1E-3", "2.5e+2", "123456789012345678901234567890", "1e400", "-1e400", "5e-324", "2.2250738585072011e-308", "0.30000000000000004", "9007199254740993"] {
            let want: f64 = t.parse().unwrap_or(f64::NAN);
            match parse(t) {
                Ok(Value::Num(x)) => assert_eq!(x.to_bits(), want.to_bits(), "{t}"),
                other => panic!("{t}: {other:?}"),
            }
        }
        for t in ["01", "-", "1.", ".5", "+1", "1e", "1e+", "--1", "0x10", "Infinity", "NaN", "-Infinity", "1.e3"] {
            assert!(parse(t).is_err(), "{t} is not JSON");
        }
        assert_eq!(err("01"), "a number may not start with 0 followed by more digits at line 1, column 2");
        assert_eq!(err("[1.]"), "expected a digit after the decimal point at line 1, column 4");
    }

    #[test]
    fn escapes_and_surrogates() {
        let s = |t: &str| match parse(t) {
            Ok(Value::Str(s)) => s,
            other => panic!("{t}: {other:?}"),
        };
        assert_eq!(s(r#""a\"b\\c\/d\be\ff\ng\rh\ti""#), "a\"b\\c/d\u{8}e\u{c}f\ng\rh\ti");
        assert_eq!(s(r#""\u0041\u00e9\u4e2d""#), "Aé中");
        assert_eq!(s(r#""\uD83D\uDE00""#), "😀");
        assert_eq!(s(r#""\ud83d\ude00x""#), "😀x");
        // Lone surrogates become U+FFFD, as a JavaScript string holding one becomes in Rust.
        assert_eq!(s(r#""\uD83Dx""#), "\u{FFFD}x");
        assert_eq!(s(r#""\uDE00""#), "\u{FFFD}");
        assert_eq!(s(r#""\uD83D\u0041""#), "\u{FFFD}A");
        assert_eq!(s(r#""\uD83D\uD83D\uDE00""#), "\u{FFFD}😀");
        assert_eq!(s("\"中文 ✓\""), "中文 ✓");
        assert_eq!(err(r#""\x""#), "a backslash not followed by one of \" \\ / b f n r t u at line 1, column 3");
        assert_eq!(err(r#""\u12G4""#), "expected four hexadecimal digits after \\u at line 1, column 6");
        assert_eq!(err("\"a\nb\""), "a line break or other control character inside a string (write it as \\n) at line 1, column 3");
        assert_eq!(err("\"abc"), "unexpected end of the file inside a string at line 1, column 5");
        assert_eq!(err("\"a\\n"), "unexpected end of the file inside a string at line 1, column 5");
    }

    #[test]
    fn problems_say_where() {
        assert_eq!(err(""), "unexpected end of the file, expected a value at line 1, column 1");
        assert_eq!(err("{\n  \"a\": 1,\n}"), "expected a property name in double quotes at line 3, column 1");
        assert_eq!(err("{\n  \"a\": 1\n  \"b\": 2\n}"), "expected ',' or '}' after a property value at line 3, column 3");
        assert_eq!(err("{\"中文\": x}"), "expected a value (an object, array, string, number, true, false or null) at line 1, column 8");
        assert_eq!(err("[1, 2,]"), "expected a value (an object, array, string, number, true, false or null) at line 1, column 7");
        assert_eq!(err("[1 2]"), "expected ',' or ']' after an array element at line 1, column 4");
        assert_eq!(err("{\"a\" 1}"), "expected ':' after a property name at line 1, column 6");
        assert_eq!(err("{} x"), "unexpected text after the value at line 1, column 4");
        assert_eq!(err("tru"), "expected a value (an object, array, string, number, true, false or null) at line 1, column 1");
        assert_eq!(err("// c\n{}"), "expected a value (an object, array, string, number, true, false or null) at line 1, column 1");
        assert_eq!(err("\u{feff}{}"), "expected a value (an object, array, string, number, true, false or null) at line 1, column 1");
    }

    #[test]
    fn nesting_is_limited() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(parse(&deep(MAX_DEPTH)).is_ok());
        assert_eq!(err(&deep(MAX_DEPTH + 1)), "nested more than 64 levels deep at line 1, column 65");
        let objects = format!("{}1{}", "{\"a\":".repeat(MAX_DEPTH + 1), "}".repeat(MAX_DEPTH + 1));
        assert!(parse(&objects).is_err());
        // A million open brackets are refused at the limit, not by the stack.
        assert!(parse(&"[".repeat(1_000_000)).is_err());
    }

    /// Read in steps of any size, a file gives what it gives read at once (a value or the same
    /// problem at the same place).
    #[test]
    fn steps_of_any_size_read_the_same() {
        let texts = [DEFAULT_SCENARIO_JSON, "[1, [2, {\"a\": [3, {}]}], []]", "{\"a\": [1, 2,]}", "  ", "[1] x", "{\"a\":1}}", "\"\\u00e9\""];
        for text in texts {
            let whole = parse(text);
            for budget in [1, 2, 7, 100, 5000] {
                let mut r = Reader::new(String::new());
                r.push(text);
                let mut steps = 0;
                while !r.step(budget) {
                    steps += 1;
                    assert!(steps <= text.len() + 1, "{text:?} at {budget}: no progress");
                }
                assert_eq!(r.finish(), whole, "{text:?} in steps of {budget}");
            }
        }
        let mut r = Reader::new("[1, 2".into());
        assert!(!r.step(2));
        assert_eq!(r.finish().map_err(|e| e.to_string()), Err("expected ',' or ']' after an array element at line 1, column 6".into()));
    }

    /// Random mutations of the built-in story: accepted exactly when serde_json accepts, to the
    /// same values.
    #[test]
    fn agrees_with_serde_json_on_mutated_files() {
        let base = DEFAULT_SCENARIO_JSON.as_bytes();
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let pieces: [&[u8]; 14] = [b",", b"]", b"}", b"\"", b"\\", b"\\u00", b"-", b"0", b"e", b".", b" ", b"\n", b"nul", b"\\uD800"];
        let mut accepted = 0;
        for _ in 0..3000 {
            let mut text = base.to_vec();
            for _ in 0..1 + next() % 3 {
                let at = (next() % text.len() as u64) as usize;
                match next() % 3 {
                    0 => {
                        text.remove(at);
                    }
                    1 => {
                        let p = pieces[(next() % pieces.len() as u64) as usize];
                        text.splice(at..at, p.iter().copied());
                    }
                    _ => text.truncate(at.max(1)),
                }
            }
            let Ok(text) = String::from_utf8(text) else { continue };
            if text.contains("\\uD800") || text.contains("\\uDE") {
                continue; // serde_json refuses lone surrogates; JSON.parse (and this reader) do not
            }
            let ours = parse(&text).ok();
            let theirs = serde(&text);
            // serde_json keeps the last of duplicate keys in place of the first; compare presence.
            assert_eq!(ours.is_some(), theirs.is_some(), "{text}");
            accepted += usize::from(ours.is_some());
        }
        assert!(accepted > 50, "{accepted} mutated files were still JSON");
    }
}
