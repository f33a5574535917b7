//! MySQL's implicit conversions of SQLite values: a string read as a number (longest numeric
//! prefix, 0 when there is none) and a number printed as a string.

use rusqlite::functions::Context;
use rusqlite::types::{Value, ValueRef};

/// A number as MySQL would compute with it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Num {
    /// An exact integer.
    Int(i64),
    /// A double (also DECIMAL values, which SQLite stores as REAL).
    Real(f64),
}

impl Num {
    /// The value as a double.
    pub fn f(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Real(r) => r,
        }
    }

    /// Back to SQLite.
    pub fn value(self) -> Value {
        match self {
            Num::Int(i) => Value::Integer(i),
            Num::Real(r) if r.is_finite() => Value::Real(r),
            Num::Real(_) => Value::Null,
        }
    }
}

/// The longest numeric prefix of `s` after leading spaces (`'5abc'` → 5, `'abc'` → 0), as MySQL
/// reads a string in numeric context.
pub fn parse_num(s: &str) -> Num {
    let t = s.trim_start_matches([' ', '\t', '\n', '\r']);
    let b = t.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    let digits_start = i;
    while b.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    let int_end = i;
    let mut exact = true;
    if b.get(i) == Some(&b'.') {
        let mut j = i + 1;
        while b.get(j).is_some_and(u8::is_ascii_digit) {
            j += 1;
        }
        if j > i + 1 || int_end > digits_start {
            exact = false;
            i = j;
        }
    }
    if i == digits_start {
        return Num::Int(0);
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(b.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        if b.get(j).is_some_and(u8::is_ascii_digit) {
            while b.get(j).is_some_and(u8::is_ascii_digit) {
                j += 1;
            }
            exact = false;
            i = j;
        }
    }
    let text = &t[..i];
    if exact {
        if let Ok(n) = text.parse::<i64>() {
            return Num::Int(n);
        }
    }
    Num::Real(text.parse::<f64>().unwrap_or(0.0))
}

/// A SQLite value in numeric context; `None` for NULL.
pub fn num(v: ValueRef<'_>) -> Option<Num> {
    match v {
        ValueRef::Null => None,
        ValueRef::Integer(i) => Some(Num::Int(i)),
        ValueRef::Real(r) => Some(Num::Real(r)),
        ValueRef::Text(t) | ValueRef::Blob(t) => Some(parse_num(&String::from_utf8_lossy(t))),
    }
}

/// A double as MySQL prints it ('2.5', '3', '1e20').
pub fn real_text(r: f64) -> String {
    if r == r.trunc() && r.abs() < 1e15 {
        return format!("{}", r as i64);
    }
    let s = format!("{r}");
    if s.contains('e') || s.len() < 25 {
        s
    } else {
        format!("{r:e}")
    }
}

/// A SQLite value in string context; `None` for NULL.
pub fn text(v: ValueRef<'_>) -> Option<String> {
    match v {
        ValueRef::Null => None,
        ValueRef::Integer(i) => Some(i.to_string()),
        ValueRef::Real(r) => Some(real_text(r)),
        ValueRef::Text(t) | ValueRef::Blob(t) => Some(String::from_utf8_lossy(t).into_owned()),
    }
}

/// Argument `i` in numeric context.
pub fn arg_num(ctx: &Context<'_>, i: usize) -> Option<Num> {
    num(ctx.get_raw(i))
}

/// Argument `i` in string context.
pub fn arg_text(ctx: &Context<'_>, i: usize) -> Option<String> {
    text(ctx.get_raw(i))
}

/// Argument `i` as an integer (rounded as MySQL rounds a double argument).
pub fn arg_int(ctx: &Context<'_>, i: usize) -> Option<i64> {
    arg_num(ctx, i).map(|n| match n {
        Num::Int(i) => i,
        Num::Real(r) => r.round() as i64,
    })
}

/// A runtime error raised inside a registered function.
pub fn user_error(message: &str) -> rusqlite::Error {
    rusqlite::Error::UserFunctionError(message.into())
}
