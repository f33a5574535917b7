//! MySQL's string functions where SQLite's differ: SUBSTRING's position 0 and negative
//! positions, LEFT/RIGHT, TRIM of a string (not a set of characters), Unicode UPPER/LOWER,
//! CONCAT_WS skipping NULLs, LOCATE under the collation, and numbers printed as MySQL prints them.

use rusqlite::functions::Context;
use rusqlite::types::Value;

use super::value::{arg_int, arg_text};
use crate::engine::collation;

fn text_value(s: String) -> Value {
    Value::Text(s)
}

/// SUBSTRING(s, pos[, len]) on characters.
pub fn substr(s: &str, pos: i64, len: Option<i64>) -> String {
    let n = s.chars().count() as i64;
    let start = match pos {
        0 => return String::new(),
        p if p > 0 => p - 1,
        p => n + p,
    };
    if start < 0 || start >= n {
        return String::new();
    }
    let take = match len {
        Some(l) if l < 1 => return String::new(),
        Some(l) => l,
        None => n,
    };
    s.chars().skip(start as usize).take(take.min(n) as usize).collect()
}

/// `mysql_substr(s, pos[, len])`.
pub fn mysql_substr(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    let (Some(s), Some(pos)) = (arg_text(ctx, 0), arg_int(ctx, 1)) else { return Ok(Value::Null) };
    let len = if ctx.len() > 2 {
        match arg_int(ctx, 2) {
            Some(l) => Some(l),
            None => return Ok(Value::Null),
        }
    } else {
        None
    };
    Ok(text_value(substr(&s, pos, len)))
}

/// `mysql_left(s, n)`.
pub fn mysql_left(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    let (Some(s), Some(n)) = (arg_text(ctx, 0), arg_int(ctx, 1)) else { return Ok(Value::Null) };
    Ok(text_value(s.chars().take(n.max(0) as usize).collect()))
}

/// `mysql_right(s, n)`.
pub fn mysql_right(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    let (Some(s), Some(n)) = (arg_text(ctx, 0), arg_int(ctx, 1)) else { return Ok(Value::Null) };
    let count = s.chars().count();
    let skip = count.saturating_sub(n.max(0) as usize);
    Ok(text_value(s.chars().skip(skip).collect()))
}

/// `mysql_trim(s, remstr, mode)`: mode 0 both, 1 leading, 2 trailing; `remstr` is removed as a
/// whole string, repeatedly (oracle: trim(both 'xy' from 'xyxyaxy') = 'a').
pub fn mysql_trim(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    let (Some(s), Some(rem)) = (arg_text(ctx, 0), arg_text(ctx, 1)) else { return Ok(Value::Null) };
    let mode = arg_int(ctx, 2).unwrap_or(0);
    let mut out: &str = &s;
    if !rem.is_empty() {
        if mode != 2 {
            while let Some(r) = out.strip_prefix(rem.as_str()) {
                out = r;
            }
        }
        if mode != 1 {
            while let Some(r) = out.strip_suffix(rem.as_str()) {
                out = r;
            }
        }
    }
    Ok(text_value(out.to_string()))
}

/// `mysql_upper(s)`.
pub fn mysql_upper(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    Ok(arg_text(ctx, 0).map_or(Value::Null, |s| text_value(s.to_uppercase())))
}

/// `mysql_lower(s)`.
pub fn mysql_lower(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    Ok(arg_text(ctx, 0).map_or(Value::Null, |s| text_value(s.to_lowercase())))
}

/// `mysql_text(x)`: `x` in string context (CAST AS CHAR, CONCAT's operands).
pub fn mysql_text(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    Ok(arg_text(ctx, 0).map_or(Value::Null, text_value))
}

/// `mysql_concat_ws(sep, ...)`: NULL arguments are skipped; a NULL separator gives NULL.
pub fn mysql_concat_ws(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    let Some(sep) = arg_text(ctx, 0) else { return Ok(Value::Null) };
    let parts: Vec<String> = (1..ctx.len()).filter_map(|i| arg_text(ctx, i)).collect();
    Ok(text_value(parts.join(&sep)))
}

/// `mysql_locate(sub, s[, pos])`: 1-based character position of `sub` in `s` at or after
/// `pos`, compared under the collation; 0 when absent.
pub fn mysql_locate(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    let (Some(sub), Some(s)) = (arg_text(ctx, 0), arg_text(ctx, 1)) else { return Ok(Value::Null) };
    let from = if ctx.len() > 2 { arg_int(ctx, 2).unwrap_or(1) } else { 1 };
    if from < 1 {
        return Ok(Value::Integer(0));
    }
    let key = |c: char| {
        let mut buf = [0u8; 4];
        collation::fold(c.encode_utf8(&mut buf))
    };
    let hay: Vec<String> = s.chars().map(key).collect();
    let needle: Vec<String> = sub.chars().map(key).collect();
    let start = (from - 1) as usize;
    if needle.is_empty() {
        return Ok(Value::Integer(if start <= hay.len() { from } else { 0 }));
    }
    let found = (start..hay.len()).find(|&i| hay[i..].starts_with(&needle));
    Ok(Value::Integer(found.map_or(0, |i| i as i64 + 1)))
}

/// `mysql_repeat(s, n)`.
pub fn mysql_repeat(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    let (Some(s), Some(n)) = (arg_text(ctx, 0), arg_int(ctx, 1)) else { return Ok(Value::Null) };
    // max_allowed_packet bounds the result in MySQL (NULL beyond it); 64 MiB here.
    if (n.max(0) as u128) * (s.len() as u128) > (64 << 20) {
        return Ok(Value::Null);
    }
    Ok(text_value(s.repeat(n.max(0) as usize)))
}

/// `mysql_reverse(s)`.
pub fn mysql_reverse(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    Ok(arg_text(ctx, 0).map_or(Value::Null, |s| text_value(s.chars().rev().collect())))
}

/// `mysql_pad(s, n, pad, left)`: LPAD/RPAD to `n` characters (truncating longer strings).
pub fn mysql_pad(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    let (Some(s), Some(n), Some(pad)) = (arg_text(ctx, 0), arg_int(ctx, 1), arg_text(ctx, 2)) else {
        return Ok(Value::Null);
    };
    let left = arg_int(ctx, 3).unwrap_or(1) != 0;
    if !(0..=(64 << 20)).contains(&n) {
        return Ok(Value::Null);
    }
    let n = n as usize;
    let len = s.chars().count();
    if len >= n {
        return Ok(text_value(s.chars().take(n).collect()));
    }
    if pad.is_empty() {
        return Ok(Value::Null);
    }
    let fill: String = pad.chars().cycle().take(n - len).collect();
    Ok(text_value(if left { format!("{fill}{s}") } else { format!("{s}{fill}") }))
}
