//! Python's text forms, reproduced: `repr(str)`, `repr(float)`, `str(tuple)`. DataJoint's messages
//! and `key_hash` are built from them, so they must match CPython byte for byte.

use super::value::Value;

/// `repr(s)` for a Python `str`: single quotes unless the text has a `'` and no `"`.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// `str(args)` for a tuple of strings, as Python prints an exception with several arguments.
pub fn tuple_repr(args: &[&str]) -> String {
    match args {
        [one] => format!("({},)", str_repr(one)),
        _ => format!("({})", args.iter().map(|a| str_repr(a)).collect::<Vec<_>>().join(", ")),
    }
}

/// `repr(f)` for a Python float: the shortest round-trip digits, in exponent form when the
/// decimal exponent is below -4 or at least 16 (CPython's `float_repr_style = 'short'`).
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    // Rust's `{:e}` yields the shortest round-trip digits: "-1.2345e-7".
    let sci = format!("{f:e}");
    let (mantissa, exp) = sci.split_once('e').expect("`{:e}` always has an exponent");
    let exp: i32 = exp.parse().expect("`{:e}` exponent is an integer");
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    if !(-4..16).contains(&exp) {
        let mut m = digits[..1].to_string();
        if digits.len() > 1 {
            m.push('.');
            m.push_str(&digits[1..]);
        }
        let esign = if exp < 0 { '-' } else { '+' };
        return format!("{sign}{m}e{esign}{:02}", exp.abs());
    }
    let n = digits.len() as i32;
    let body = if exp < 0 {
        format!("0.{}{}", "0".repeat((-exp - 1) as usize), digits)
    } else if exp + 1 >= n {
        format!("{}{}.0", digits, "0".repeat((exp + 1 - n) as usize))
    } else {
        let (int, frac) = digits.split_at((exp + 1) as usize);
        format!("{int}.{frac}")
    };
    format!("{sign}{body}")
}

/// `str(v)` as Python prints a fetched value (used by `dj.hash.key_hash`).
pub fn value_str(v: &Value) -> String {
    match v {
        Value::Null => "None".into(),
        Value::Bool(b) => if *b { "True" } else { "False" }.into(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => float_repr(*f),
        Value::Str(s) => s.clone(),
        Value::Bytes(b) => format!("b{}", str_repr(&String::from_utf8_lossy(b))),
        Value::List(items) => {
            format!("[{}]", items.iter().map(value_repr).collect::<Vec<_>>().join(", "))
        }
        Value::Map(m) => format!(
            "{{{}}}",
            m.iter().map(|(k, v)| format!("{}: {}", str_repr(k), value_repr(v))).collect::<Vec<_>>().join(", ")
        ),
    }
}

/// `type(v).__name__` for a value as Python holds it.
pub fn value_type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "NoneType",
        Value::Bool(_) => "bool",
        Value::Int(_) => "int",
        Value::Float(_) => "float",
        Value::Str(_) => "str",
        Value::Bytes(_) => "bytes",
        Value::List(_) => "list",
        Value::Map(_) => "dict",
    }
}

/// `repr(v)`: like [`value_str`] but strings quoted.
pub fn value_repr(v: &Value) -> String {
    match v {
        Value::Str(s) => str_repr(s),
        other => value_str(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn str_repr_picks_quotes_like_python() {
        assert_eq!(str_repr("abc"), "'abc'");
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("both ' and \""), "'both \\' and \"'");
        assert_eq!(str_repr("a\\b\n"), "'a\\\\b\\n'");
    }

    #[test]
    fn tuple_repr_of_duplicate_error() {
        assert_eq!(
            tuple_repr(&["Duplicate entry 'A' for key 'subject.PRIMARY'", "To ignore duplicate entries in insert, set skip_duplicates=True"]),
            "(\"Duplicate entry 'A' for key 'subject.PRIMARY'\", 'To ignore duplicate entries in insert, set skip_duplicates=True')"
        );
        assert_eq!(tuple_repr(&["x"]), "('x',)");
    }

    #[test]
    fn float_repr_matches_cpython() {
        for (f, s) in [
            (1.0, "1.0"),
            (0.5, "0.5"),
            (-2.25, "-2.25"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1.5e16, "1.5e+16"),
            (1e15, "1000000000000000.0"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.2345e-7, "1.2345e-07"),
            (123456.789, "123456.789"),
            (1e100, "1e+100"),
            (0.0, "0.0"),
        ] {
            assert_eq!(float_repr(f), s, "{f}");
        }
    }
}
