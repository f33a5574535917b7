//! MySQL's comparison rules at run time, for operands whose types the translation cannot see:
//! strings compare under utf8mb4_0900_ai_ci, a string against a number compares as numbers, and
//! a stored date/time against a string compares as dates/times (MySQL converts the constant to
//! the column's temporal type).

use std::cmp::Ordering;

use rusqlite::functions::Context;
use rusqlite::types::{Value, ValueRef};

use super::temporal;
use super::value::{arg_text, num, text, Num};
use crate::engine::collation;

/// Two numbers: exactly when both are integers, as doubles otherwise.
pub fn cmp_num(x: Num, y: Num) -> Ordering {
    match (x, y) {
        (Num::Int(a), Num::Int(b)) => a.cmp(&b),
        _ => x.f().partial_cmp(&y.f()).unwrap_or(Ordering::Equal),
    }
}

/// Two strings: as temporal values when one is a stored date/time and the other reads as one,
/// under the collation otherwise.
pub fn cmp_text(a: &str, b: &str) -> Ordering {
    temporal::compare_as_temporal(a, b).unwrap_or_else(|| collation::compare(a, b))
}

/// MySQL's `a <=> b` ordering; `None` when either side is NULL.
pub fn compare(a: ValueRef<'_>, b: ValueRef<'_>) -> Option<Ordering> {
    match (a, b) {
        (ValueRef::Null, _) | (_, ValueRef::Null) => None,
        (ValueRef::Blob(x), ValueRef::Blob(y)) => Some(x.cmp(y)),
        (ValueRef::Text(_) | ValueRef::Blob(_), ValueRef::Text(_) | ValueRef::Blob(_)) => {
            Some(cmp_text(&text(a)?, &text(b)?))
        }
        _ => Some(cmp_num(num(a)?, num(b)?)),
    }
}

fn ord_value(o: Option<Ordering>) -> Value {
    match o {
        None => Value::Null,
        Some(o) => Value::Integer(o as i64),
    }
}

/// `mysql_cmp(a, b)`: -1, 0, 1 or NULL.
pub fn mysql_cmp(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    Ok(ord_value(compare(ctx.get_raw(0), ctx.get_raw(1))))
}

/// `mysql_num(x)`: `x` in numeric context (a string's numeric prefix).
pub fn mysql_num(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    Ok(num(ctx.get_raw(0)).map_or(Value::Null, Num::value))
}

/// `mysql_in(x, v1, v2, ...)`: 1 on a match, NULL when there is none but a NULL took part.
pub fn mysql_in(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    let x = ctx.get_raw(0);
    if matches!(x, ValueRef::Null) {
        return Ok(Value::Null);
    }
    let mut saw_null = false;
    for i in 1..ctx.len() {
        match compare(x, ctx.get_raw(i)) {
            Some(Ordering::Equal) => return Ok(Value::Integer(1)),
            None => saw_null = true,
            Some(_) => {}
        }
    }
    Ok(if saw_null { Value::Null } else { Value::Integer(0) })
}

/// `mysql_between(x, lo, hi)`.
pub fn mysql_between(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    let x = ctx.get_raw(0);
    let lo = compare(x, ctx.get_raw(1)).map(|o| o != Ordering::Less);
    let hi = compare(x, ctx.get_raw(2)).map(|o| o != Ordering::Greater);
    // Three-valued AND.
    Ok(match (lo, hi) {
        (Some(false), _) | (_, Some(false)) => Value::Integer(0),
        (Some(true), Some(true)) => Value::Integer(1),
        _ => Value::Null,
    })
}

/// `mysql_nseq(a, b)`: MySQL's NULL-safe `<=>`.
pub fn mysql_nseq(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    let (a, b) = (ctx.get_raw(0), ctx.get_raw(1));
    let eq = match (a, b) {
        (ValueRef::Null, ValueRef::Null) => true,
        (ValueRef::Null, _) | (_, ValueRef::Null) => false,
        _ => compare(a, b) == Some(Ordering::Equal),
    };
    Ok(Value::Integer(i64::from(eq)))
}

/// `mysql_nullif(a, b)`: NULL when `a = b`, else `a`.
pub fn mysql_nullif(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    if compare(ctx.get_raw(0), ctx.get_raw(1)) == Some(Ordering::Equal) {
        return Ok(Value::Null);
    }
    Ok(ctx.get_raw(0).into())
}

/// GREATEST / LEAST: NULL if any argument is; numbers compare as numbers unless every argument
/// is a string (MariaDB's rule, which the oracle showed: greatest(1, '10', 9) = 10).
fn extreme(ctx: &Context<'_>, want: Ordering) -> rusqlite::Result<Value> {
    let args: Vec<ValueRef<'_>> = (0..ctx.len()).map(|i| ctx.get_raw(i)).collect();
    if args.iter().any(|a| matches!(a, ValueRef::Null)) {
        return Ok(Value::Null);
    }
    let all_text = args.iter().all(|a| matches!(a, ValueRef::Text(_) | ValueRef::Blob(_)));
    let mut best = 0;
    for i in 1..args.len() {
        let o = if all_text {
            cmp_text(&text(args[i]).unwrap_or_default(), &text(args[best]).unwrap_or_default())
        } else {
            cmp_num(num(args[i]).unwrap_or(Num::Int(0)), num(args[best]).unwrap_or(Num::Int(0)))
        };
        if o == want {
            best = i;
        }
    }
    if all_text {
        return Ok(args[best].into());
    }
    Ok(num(args[best]).map_or(Value::Null, Num::value))
}

/// `mysql_greatest(...)`.
pub fn mysql_greatest(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    extreme(ctx, Ordering::Greater)
}

/// `mysql_least(...)`.
pub fn mysql_least(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    extreme(ctx, Ordering::Less)
}

/// `mysql_strcmp(a, b)`: strings under the collation.
pub fn mysql_strcmp(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    match (arg_text(ctx, 0), arg_text(ctx, 1)) {
        (Some(a), Some(b)) => Ok(Value::Integer(collation::compare(&a, &b) as i64)),
        _ => Ok(Value::Null),
    }
}
