//! Python's `json` module as `dj.config.load`/`save` meet it: CPython 3.11's C scanner, with its
//! exact error messages and positions, and `json.dump(..., indent=4)`'s output.
//!
//! serde_json is not used for reading: its messages, positions, key order and accepted syntax
//! (`NaN`, `Infinity`, duplicate keys) all differ from Python's.

use crate::engine::py::float_repr;
use crate::engine::{Error, Kind, Result, Value};

/// A decoded JSON document, objects in file order (Python dicts keep insertion order).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    Int(i64),
    /// Also integers beyond i64 (Python keeps them exact; we cannot).
    Float(f64),
    Str(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// Key order of nested objects, which `Value::Map` (sorted) cannot keep; `json.dump` writes it.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) enum Layout {
    /// Scalars, and maps set from Rust (whose order is the map's own).
    #[default]
    Leaf,
    Array(Vec<Layout>),
    Object(Vec<(String, Layout)>),
}

impl Json {
    /// The value and its key order.
    pub(crate) fn into_value(self) -> (Value, Layout) {
        match self {
            Json::Null => (Value::Null, Layout::Leaf),
            Json::Bool(b) => (Value::Bool(b), Layout::Leaf),
            Json::Int(i) => (Value::Int(i), Layout::Leaf),
            Json::Float(f) => (Value::Float(f), Layout::Leaf),
            Json::Str(s) => (Value::Str(s), Layout::Leaf),
            Json::Array(items) => {
                let (values, layouts) = items.into_iter().map(Json::into_value).unzip();
                (Value::List(values), Layout::Array(layouts))
            }
            Json::Object(pairs) => {
                let mut map = std::collections::BTreeMap::new();
                let mut order = Vec::with_capacity(pairs.len());
                for (k, v) in pairs {
                    let (value, layout) = v.into_value();
                    map.insert(k.clone(), value);
                    order.push((k, layout));
                }
                (Value::Map(map), Layout::Object(order))
            }
        }
    }
}

/// CPython's default recursion limit leaves room for this many nested containers when
/// `dj.config.load` is called from a script's top level.
// oracle: 993 nested `[` load; 994 raise RecursionError.
const MAX_DEPTH: usize = 993;

/// Python's limit on decimal digits in `int(str)` (3.11's `sys.get_int_max_str_digits()`).
const MAX_INT_DIGITS: usize = 4300;

/// `open(f).read()` for a UTF-8 locale: strict decoding, then universal-newline translation.
pub(crate) fn decode_text(bytes: &[u8]) -> Result<String> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let pos = e.valid_up_to();
            let (len, reason) = match e.error_len() {
                Some(n) => {
                    let b = bytes[pos];
                    // Python names bytes that can never start a sequence apart.
                    let start = (0x80..=0xC1).contains(&b) || b >= 0xF5;
                    (n, if start { "invalid start byte" } else { "invalid continuation byte" })
                }
                None => (bytes.len() - pos, "unexpected end of data"),
            };
            let msg = if len == 1 {
                format!("'utf-8' codec can't decode byte 0x{:02x} in position {pos}: {reason}", bytes[pos])
            } else {
                format!("'utf-8' codec can't decode bytes in position {pos}-{}: {reason}", pos + len - 1)
            };
            return Err(Error::new(Kind::UnicodeDecodeError, msg));
        }
    };
    Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// `json.loads(text)`.
pub(crate) fn loads(text: &str) -> Result<Json> {
    let s: Vec<char> = text.chars().collect();
    if s.first() == Some(&'\u{feff}') {
        return Err(decode_error(&s, "Unexpected UTF-8 BOM (decode using utf-8-sig)", 0));
    }
    let mut p = Parser { s: &s };
    let start = p.skip_ws(0);
    let (value, end) = p.scan_once(start).map_err(|f| p.fail(f))?;
    let end = p.skip_ws(end);
    if end != s.len() {
        return Err(decode_error(&s, "Extra data", end));
    }
    Ok(value)
}

/// `JSONDecodeError(msg, doc, pos)`: line and column counted as Python does, in characters.
fn decode_error(s: &[char], msg: &str, pos: usize) -> Error {
    let before = &s[..pos];
    let line = before.iter().filter(|c| **c == '\n').count() + 1;
    let col = match before.iter().rposition(|c| *c == '\n') {
        Some(nl) => pos - nl,
        None => pos + 1,
    };
    Error::new(Kind::JSONDecodeError, format!("{msg}: line {line} column {col} (char {pos})"))
}

/// Why a scan stopped: `StopIteration(idx)` (no value there) or a raised error.
enum Fail {
    Stop(usize),
    Raise(Error),
}

struct Parser<'a> {
    s: &'a [char],
}

type Scan = std::result::Result<(Json, usize), Fail>;

impl Parser<'_> {
    fn fail(&self, f: Fail) -> Error {
        match f {
            Fail::Stop(idx) => decode_error(self.s, "Expecting value", idx),
            Fail::Raise(e) => e,
        }
    }

    fn raise(&self, msg: &str, pos: usize) -> Fail {
        Fail::Raise(decode_error(self.s, msg, pos))
    }

    fn skip_ws(&self, mut idx: usize) -> usize {
        while idx < self.s.len() && matches!(self.s[idx], ' ' | '\t' | '\n' | '\r') {
            idx += 1;
        }
        idx
    }

    fn at(&self, idx: usize) -> Option<char> {
        self.s.get(idx).copied()
    }

    /// `s[idx..].startswith(word)`.
    fn word(&self, idx: usize, word: &str) -> bool {
        let n = word.chars().count();
        idx + n <= self.s.len() && self.s[idx..idx + n].iter().copied().eq(word.chars())
    }

    /// `scan_once`, with the containers' recursion unrolled onto `stack` so that deep documents
    /// cannot overflow the Rust stack; errors and positions are those of the recursive scanner.
    fn scan_once(&mut self, start: usize) -> Scan {
        enum Frame {
            Array(Vec<Json>),
            /// The pairs so far and the key whose value is being read.
            Object(Vec<(String, Json)>, String),
        }
        let mut stack: Vec<Frame> = Vec::new();
        let mut idx = start;
        loop {
            // A value is expected at `idx`.
            let (mut value, mut end) = match self.at(idx) {
                Some(c @ ('{' | '[')) => {
                    if stack.len() >= MAX_DEPTH {
                        let what = if c == '{' { "object" } else { "array" };
                        return Err(Fail::Raise(Error::new(
                            Kind::RecursionError,
                            format!(
                                "maximum recursion depth exceeded while decoding a JSON {what} from a unicode string"
                            ),
                        )));
                    }
                    let i = self.skip_ws(idx + 1);
                    if c == '[' {
                        if self.at(i) == Some(']') {
                            (Json::Array(Vec::new()), i + 1)
                        } else {
                            stack.push(Frame::Array(Vec::new()));
                            idx = i;
                            continue;
                        }
                    } else if self.at(i) == Some('}') {
                        (Json::Object(Vec::new()), i + 1)
                    } else {
                        let (key, next) = self.object_key(i)?;
                        stack.push(Frame::Object(Vec::new(), key));
                        idx = next;
                        continue;
                    }
                }
                _ => self.scan_scalar(idx)?,
            };
            // Hand the value to the enclosing containers, closing those that end here.
            loop {
                let i = self.skip_ws(end);
                match stack.last_mut() {
                    None => return Ok((value, end)),
                    Some(Frame::Array(items)) => {
                        items.push(value);
                        match self.at(i) {
                            Some(']') => {
                                let Some(Frame::Array(items)) = stack.pop() else { unreachable!() };
                                (value, end) = (Json::Array(items), i + 1);
                            }
                            Some(',') => {
                                idx = self.skip_ws(i + 1);
                                break;
                            }
                            _ => return Err(self.raise("Expecting ',' delimiter", i)),
                        }
                    }
                    Some(Frame::Object(pairs, key)) => {
                        let key = std::mem::take(key);
                        // dict(pairs): a repeated key keeps its first place and takes the last value.
                        match pairs.iter_mut().find(|(k, _)| *k == key) {
                            Some(slot) => slot.1 = value,
                            None => pairs.push((key, value)),
                        }
                        match self.at(i) {
                            Some('}') => {
                                let Some(Frame::Object(pairs, _)) = stack.pop() else { unreachable!() };
                                (value, end) = (Json::Object(pairs), i + 1);
                            }
                            Some(',') => {
                                let (key, next) = self.object_key(self.skip_ws(i + 1))?;
                                if let Some(Frame::Object(_, slot)) = stack.last_mut() {
                                    *slot = key;
                                }
                                idx = next;
                                break;
                            }
                            _ => return Err(self.raise("Expecting ',' delimiter", i)),
                        }
                    }
                }
            }
        }
    }

    /// An object's `"key" :` at `idx`; returns the key and where its value starts.
    fn object_key(&self, idx: usize) -> std::result::Result<(String, usize), Fail> {
        if self.at(idx) != Some('"') {
            return Err(self.raise("Expecting property name enclosed in double quotes", idx));
        }
        let (key, next) = self.scan_string(idx + 1)?;
        let idx = self.skip_ws(next);
        if self.at(idx) != Some(':') {
            return Err(self.raise("Expecting ':' delimiter", idx));
        }
        Ok((key, self.skip_ws(idx + 1)))
    }

    /// A string, a named constant or a number at `idx`; `StopIteration(idx)` otherwise.
    fn scan_scalar(&self, idx: usize) -> Scan {
        let Some(c) = self.at(idx) else { return Err(Fail::Stop(idx)) };
        match c {
            '"' => return self.scan_string(idx + 1).map(|(s, end)| (Json::Str(s), end)),
            'n' if self.word(idx, "null") => return Ok((Json::Null, idx + 4)),
            't' if self.word(idx, "true") => return Ok((Json::Bool(true), idx + 4)),
            'f' if self.word(idx, "false") => return Ok((Json::Bool(false), idx + 5)),
            'N' if self.word(idx, "NaN") => return Ok((Json::Float(f64::NAN), idx + 3)),
            'I' if self.word(idx, "Infinity") => return Ok((Json::Float(f64::INFINITY), idx + 8)),
            '-' if self.word(idx, "-Infinity") => return Ok((Json::Float(f64::NEG_INFINITY), idx + 9)),
            _ => {}
        }
        self.match_number(idx)
    }

    /// `_match_number_unicode`: `-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?`, backtracking over a
    /// bare `.` or exponent marker.
    fn match_number(&self, start: usize) -> Scan {
        let digit = |i: usize| self.at(i).is_some_and(|c| c.is_ascii_digit());
        let mut idx = start;
        if self.at(idx) == Some('-') {
            idx += 1;
        }
        match self.at(idx) {
            Some('1'..='9') => {
                idx += 1;
                while digit(idx) {
                    idx += 1;
                }
            }
            Some('0') => idx += 1,
            _ => return Err(Fail::Stop(start)),
        }
        let int_end = idx;
        let mut is_float = false;
        if self.at(idx) == Some('.') && digit(idx + 1) {
            is_float = true;
            idx += 2;
            while digit(idx) {
                idx += 1;
            }
        }
        if matches!(self.at(idx), Some('e' | 'E')) {
            let e_start = idx;
            idx += 1;
            if matches!(self.at(idx), Some('-' | '+')) {
                idx += 1;
            }
            let digits_start = idx;
            while digit(idx) {
                idx += 1;
            }
            if idx > digits_start {
                is_float = true;
            } else {
                idx = e_start;
            }
        }
        let text: String = self.s[start..idx].iter().collect();
        if is_float {
            // Rust's parse rounds correctly, as Python's float() does; 1e400 is inf in both.
            return Ok((Json::Float(text.parse().unwrap_or(f64::NAN)), idx));
        }
        let digits = int_end - start - usize::from(text.starts_with('-'));
        if digits > MAX_INT_DIGITS {
            return Err(Fail::Raise(Error::new(
                Kind::ValueError,
                format!(
                    "Exceeds the limit ({MAX_INT_DIGITS} digits) for integer string conversion: value has \
                     {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
                ),
            )));
        }
        let value = match text.parse::<i64>() {
            Ok(i) => Json::Int(i),
            Err(_) => Json::Float(text.parse().unwrap_or(f64::NAN)),
        };
        Ok((value, idx))
    }

    /// `scanstring_unicode`, strict mode; `end` is just past the opening quote.
    fn scan_string(&self, mut end: usize) -> std::result::Result<(String, usize), Fail> {
        let s = self.s;
        let len = s.len();
        let begin = end - 1;
        let mut out = String::new();
        loop {
            let mut next = end;
            let mut c = '\0';
            while next < len {
                c = s[next];
                if c == '"' || c == '\\' {
                    break;
                }
                if (c as u32) <= 0x1f {
                    return Err(self.raise("Invalid control character at", next));
                }
                next += 1;
            }
            if next >= len || (c != '"' && c != '\\') {
                return Err(self.raise("Unterminated string starting at", begin));
            }
            out.extend(&s[end..next]);
            next += 1;
            if c == '"' {
                return Ok((out, next));
            }
            if next == len {
                return Err(self.raise("Unterminated string starting at", begin));
            }
            let esc = s[next];
            if esc != 'u' {
                end = next + 1;
                let ch = match esc {
                    '"' => '"',
                    '\\' => '\\',
                    '/' => '/',
                    'b' => '\u{8}',
                    'f' => '\u{c}',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    _ => return Err(self.raise("Invalid \\escape", end - 2)),
                };
                out.push(ch);
                continue;
            }
            next += 1;
            end = next + 4;
            if end >= len {
                return Err(self.raise("Invalid \\uXXXX escape", next - 1));
            }
            let Some(mut code) = hex4(&s[next..end]) else {
                return Err(self.raise("Invalid \\uXXXX escape", end - 5));
            };
            // A high surrogate followed by `\u` and a low one joins into one character; the
            // scanner only looks when more than six characters remain (`end + 6 < len`).
            if (0xD800..0xDC00).contains(&code) && end + 6 < len && s[end] == '\\' && s[end + 1] == 'u' {
                let Some(low) = hex4(&s[end + 2..end + 6]) else {
                    return Err(self.raise("Invalid \\uXXXX escape", end + 1));
                };
                if (0xDC00..0xE000).contains(&low) {
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                    end += 6;
                }
            }
            // Python keeps lone surrogates in its str; a Rust String cannot hold them.
            out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
        }
    }
}

fn hex4(chars: &[char]) -> Option<u32> {
    chars.iter().try_fold(0u32, |acc, c| Some(acc * 16 + c.to_digit(16)?))
}

/// `json.dump(value, fd, indent=4)` at nesting `level`: `ensure_ascii`, `allow_nan`, and
/// objects in `layout`'s order (keys it does not know follow, sorted).
pub(crate) fn dump(value: &Value, layout: &Layout, level: usize, out: &mut String) -> Result<()> {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => out.push_str(&i.to_string()),
        Value::Float(f) if f.is_nan() => out.push_str("NaN"),
        Value::Float(f) if f.is_infinite() => out.push_str(if *f > 0.0 { "Infinity" } else { "-Infinity" }),
        Value::Float(f) => out.push_str(&float_repr(*f)),
        Value::Str(s) => dump_str(s, out),
        Value::Bytes(_) => {
            // oracle (Python's json): bytes are not serializable.
            return Err(Error::new(Kind::TypeError, "Object of type bytes is not JSON serializable"));
        }
        Value::List(items) => {
            if items.is_empty() {
                out.push_str("[]");
                return Ok(());
            }
            let inner = match layout {
                Layout::Array(l) if l.len() == items.len() => Some(l),
                _ => None,
            };
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(level + 1, out);
                dump(item, inner.map_or(&Layout::Leaf, |l| &l[i]), level + 1, out)?;
            }
            newline(level, out);
            out.push(']');
        }
        Value::Map(map) => {
            if map.is_empty() {
                out.push_str("{}");
                return Ok(());
            }
            let known: &[(String, Layout)] = match layout {
                Layout::Object(o) => o,
                _ => &[],
            };
            let ordered =
                known.iter().filter(|(k, _)| map.contains_key(k)).map(|(k, l)| (k.as_str(), l)).chain(
                    map.keys().filter(|k| !known.iter().any(|(n, _)| n == *k)).map(|k| (k.as_str(), &Layout::Leaf)),
                );
            out.push('{');
            for (i, (key, l)) in ordered.enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(level + 1, out);
                dump_str(key, out);
                out.push_str(": ");
                dump(&map[key], l, level + 1, out)?;
            }
            newline(level, out);
            out.push('}');
        }
    }
    Ok(())
}

fn newline(level: usize, out: &mut String) {
    out.push('\n');
    out.push_str(&" ".repeat(4 * level));
}

/// A JSON string with `ensure_ascii=True`: everything outside printable ASCII as `\uXXXX`.
pub(crate) fn dump_str(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            ' '..='~' => out.push(c),
            _ => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{u:04x}"));
                }
            }
        }
    }
    out.push('"');
}
