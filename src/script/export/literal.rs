//! Python literals for the values an export writes (strings, numbers, rows, blobs).

use crate::engine::Value;

/// A Python string literal (double-quoted).
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A Python float literal: always with a point or exponent, so that it reads back as a float
/// (`1.0`, not `1`); non-finite values through `float(...)`.
pub fn float(f: f64) -> String {
    if f.is_nan() {
        return "float(\"nan\")".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "float(\"inf\")".into() } else { "-float(\"inf\")".into() };
    }
    let s = format!("{f:?}");
    if s.contains(['.', 'e', 'E']) {
        s
    } else {
        format!("{s}.0")
    }
}

/// A value as a Python literal: lists and dicts for blob contents, `b"..."` for raw bytes.
pub fn value(v: &Value) -> String {
    match v {
        Value::Null => "None".into(),
        Value::Bool(b) => if *b { "True" } else { "False" }.into(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => float(*f),
        Value::Str(s) => string(s),
        Value::Bytes(b) => {
            let body: String = b
                .iter()
                .map(|&c| match c {
                    b'"' | b'\\' => format!("\\{}", c as char),
                    0x20..=0x7e => (c as char).to_string(),
                    _ => format!("\\x{c:02x}"),
                })
                .collect();
            format!("b\"{body}\"")
        }
        Value::List(items) => format!("[{}]", items.iter().map(value).collect::<Vec<_>>().join(", ")),
        Value::Map(m) => {
            format!(
                "{{{}}}",
                m.iter().map(|(k, v)| format!("{}: {}", string(k), value(v))).collect::<Vec<_>>().join(", ")
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_read_back_as_python_values() {
        assert_eq!(string("a\"b\\c\n"), r#""a\"b\\c\n""#);
        assert_eq!(float(1.0), "1.0");
        assert_eq!(float(0.5), "0.5");
        assert_eq!(float(1e300), "1e300");
        let row = Value::List(vec![
            Value::Str("x".into()),
            Value::Map([("n".to_string(), Value::Int(5))].into()),
            Value::Null,
        ]);
        assert_eq!(value(&row), r#"["x", {"n": 5}, None]"#);
        assert_eq!(value(&Value::Bytes(vec![0, b'a', b'"'])), r#"b"\x00a\"""#);
    }
}
