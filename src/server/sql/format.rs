//! pymysql's `cursor.execute(query, args)`: `query % escaped(args)` with Python's printf
//! formatting, so `%%` is `%`, `%s` takes the next escaped argument, and everything else is
//! Python's error, raised by pymysql as `ProgrammingError` (cursors.py turns the `TypeError`).
// oracle: "SELECT %s" % () → 'not enough arguments for format string'; "SELECT 1" % (1,) →
// 'not all arguments converted during string formatting'; "SELECT %d" % ('1',) → '%d format: a
// real number is required, not str'; "SELECT %(x)s" → 'format requires a mapping'.

use crate::engine::error::{Error, Kind, Result};
use crate::engine::py::float_repr;
use crate::engine::Value;

fn programming(message: impl Into<String>) -> Error {
    Error::new(Kind::ProgrammingError, message)
}

/// pymysql's literal for one argument (`Connection.escape`): strings quoted with its escape
/// table, bytes as `X'..'`, None → NULL, bools 1/0, floats `repr` with `e0` appended when it
/// has no exponent, lists as `(a,b)`.
pub fn escape(v: &Value) -> Result<String> {
    Ok(match v {
        Value::Null => "NULL".into(),
        Value::Bool(b) => if *b { "1" } else { "0" }.into(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => {
            let s = float_repr(*f);
            if !f.is_finite() {
                return Err(programming(format!("{s} can not be used with MySQL")));
            }
            if s.contains('e') {
                s
            } else {
                format!("{s}e0")
            }
        }
        Value::Str(s) => format!("'{}'", escape_string(s)),
        Value::Bytes(b) => format!("X'{}'", b.iter().map(|x| format!("{x:02x}")).collect::<String>()),
        Value::List(items) => {
            let parts = items.iter().map(escape).collect::<Result<Vec<_>>>()?;
            format!("({})", parts.join(","))
        }
        Value::Map(_) => return Err(Error::new(Kind::TypeError, "dict can not be used as parameter")),
    })
}

/// pymysql's `escape_string`.
fn escape_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    for c in s.chars() {
        match c {
            '\0' => out.push_str("\\0"),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\u{1a}' => out.push_str("\\Z"),
            '"' => out.push_str("\\\""),
            '\'' => out.push_str("\\'"),
            c => out.push(c),
        }
    }
    out
}

/// `sql % tuple(escape(a) for a in args)`, as pymysql formats a query.
pub fn format_query(sql: &str, args: &[Value]) -> Result<String> {
    let escaped = args.iter().map(escape).collect::<Result<Vec<_>>>()?;
    let mut next = escaped.into_iter();
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        // Python's conversion spec: flags, width, precision, length modifier, then the type.
        let mut spec = String::new();
        let conv = loop {
            match chars.next() {
                None => break None,
                Some((_, ch)) if "-+ #0123456789.*hlL".contains(ch) => spec.push(ch),
                Some((_, ch)) => break Some(ch),
            }
        };
        match conv {
            Some('%') => out.push('%'),
            Some('(') => return Err(programming("format requires a mapping")),
            None if args.is_empty() => return Err(programming("not enough arguments for format string")),
            None => return Err(Error::new(Kind::ValueError, "incomplete format")),
            Some(ch) => {
                let Some(arg) = next.next() else {
                    return Err(programming("not enough arguments for format string"));
                };
                match ch {
                    's' | 'r' | 'a' => out.push_str(&if ch == 's' { arg } else { crate::engine::py::str_repr(&arg) }),
                    'd' | 'i' | 'u' | 'f' | 'F' | 'e' | 'E' | 'g' | 'G' => {
                        return Err(programming(format!("%{ch} format: a real number is required, not str")))
                    }
                    'x' | 'X' | 'o' => {
                        return Err(programming(format!("%{ch} format: an integer is required, not str")))
                    }
                    'c' => return Err(programming("%c requires an int or a unicode character, not str")),
                    other => {
                        let at = sql.len() - chars.clone().map(|(_, c)| c.len_utf8()).sum::<usize>() - other.len_utf8();
                        return Err(Error::new(
                            Kind::ValueError,
                            format!("unsupported format character '{other}' (0x{:x}) at index {at}", other as u32),
                        ));
                    }
                }
            }
        }
    }
    if next.next().is_some() {
        return Err(programming("not all arguments converted during string formatting"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pymysql_escaping() {
        // oracle: conn.literal(...) for each.
        let s = Value::Str("a'b\\c\n\0\"".into());
        assert_eq!(escape(&s).unwrap(), "'a\\'b\\\\c\\n\\0\\\"'");
        assert_eq!(escape(&Value::Float(1.5)).unwrap(), "1.5e0");
        assert_eq!(escape(&Value::Float(0.1)).unwrap(), "0.1e0");
        assert_eq!(escape(&Value::Float(1e20)).unwrap(), "1e+20");
        assert_eq!(escape(&Value::Bool(true)).unwrap(), "1");
        assert_eq!(escape(&Value::Null).unwrap(), "NULL");
        assert_eq!(escape(&Value::Int(-3)).unwrap(), "-3");
        assert_eq!(escape(&Value::Bytes(b"\0ab'".to_vec())).unwrap(), "X'00616227'");
        assert_eq!(escape(&Value::Float(f64::INFINITY)).unwrap_err().message, "inf can not be used with MySQL");
    }

    #[test]
    fn python_formatting() {
        assert_eq!(format_query("SELECT %s, %s", &[Value::Int(1), "x".into()]).unwrap(), "SELECT 1, 'x'");
        assert_eq!(format_query("SELECT 1 %% 2", &[]).unwrap(), "SELECT 1 % 2");
        let err = |sql: &str, args: &[Value]| format_query(sql, args).unwrap_err();
        assert_eq!(err("SELECT %s", &[]).message, "not enough arguments for format string");
        assert_eq!(err("SELECT '%'", &[]).message, "not enough arguments for format string");
        assert_eq!(err("SELECT '%'", &[]).kind, Kind::ProgrammingError);
        assert_eq!(
            err("SELECT %s", &[Value::Int(1), Value::Int(2)]).message,
            "not all arguments converted during string formatting"
        );
        assert_eq!(err("SELECT 1", &[Value::Int(1)]).message, "not all arguments converted during string formatting");
        assert_eq!(err("SELECT %d", &[Value::Int(1)]).message, "%d format: a real number is required, not str");
        assert_eq!(err("SELECT %(x)s", &[]).message, "format requires a mapping");
    }
}
