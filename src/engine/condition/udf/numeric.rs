//! MySQL's arithmetic where SQLite differs: `/` is exact division (integers give four decimals,
//! `x/0` is NULL), DIV and MOD on any numbers, ROUND half away from zero, FLOOR/CEIL returning
//! integers, and the math functions SQLite is built without.

use rusqlite::functions::Context;
use rusqlite::types::{Value, ValueRef};

use super::value::{arg_int, arg_num, Num};

/// `x` rounded (or truncated) to `d` decimals, on its shortest decimal text, half away from zero:
/// what MySQL does for exact (DECIMAL) values, which SQLite stores as doubles.
pub fn round_decimal(x: f64, d: i64, truncate: bool) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    let sign = x.signum();
    let sci = format!("{:e}", x.abs());
    let Some((mant, exp)) = sci.split_once('e') else { return x };
    let exp: i64 = exp.parse().unwrap_or(0);
    let digits: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect();
    let keep = exp.saturating_add(d).saturating_add(1);
    if keep >= digits.len() as i64 {
        return x;
    }
    let up = !truncate && keep >= 0 && digits[keep as usize] >= 5;
    if keep <= 0 {
        let one_place = if keep == 0 && up { 10f64.powi((-d).clamp(-400, 400) as i32) } else { 0.0 };
        return sign * one_place;
    }
    let mut kept: Vec<u8> = digits[..keep as usize].to_vec();
    let mut e = exp;
    if up {
        let mut i = kept.len();
        loop {
            if i == 0 {
                kept.insert(0, 1);
                e += 1;
                break;
            }
            i -= 1;
            if kept[i] == 9 {
                kept[i] = 0;
            } else {
                kept[i] += 1;
                break;
            }
        }
    }
    let text: String = kept.iter().map(|d| char::from(b'0' + d)).collect();
    let scale = e - (kept.len() as i64 - 1);
    sign * format!("{text}e{scale}").parse::<f64>().unwrap_or(0.0)
}

/// Integer rounding to `-d` tens (d < 0), half away from zero, or truncation.
fn round_int(i: i64, d: i64, truncate: bool) -> Value {
    if d >= 0 {
        return Value::Integer(i);
    }
    if d < -18 {
        return Value::Integer(0);
    }
    let f = 10i128.pow((-d) as u32);
    let v = i128::from(i);
    let q = if truncate { v / f } else { (v + v.signum() * f / 2) / f };
    i64::try_from(q * f).map_or(Value::Real((q * f) as f64), Value::Integer)
}

fn round_like(ctx: &Context<'_>, truncate: bool) -> rusqlite::Result<Value> {
    let Some(x) = arg_num(ctx, 0) else { return Ok(Value::Null) };
    let d = if ctx.len() > 1 {
        match arg_int(ctx, 1) {
            Some(d) => d.clamp(-400, 400),
            None => return Ok(Value::Null),
        }
    } else {
        0
    };
    Ok(match x {
        Num::Int(i) => round_int(i, d, truncate),
        Num::Real(r) => Value::Real(round_decimal(r, d, truncate)),
    })
}

/// `mysql_round(x[, d])`.
pub fn mysql_round(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    round_like(ctx, false)
}

/// `mysql_truncate(x, d)`.
pub fn mysql_truncate(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    round_like(ctx, true)
}

fn integral(r: f64) -> Value {
    if r.is_finite() && r.abs() < 9.2e18 {
        Value::Integer(r as i64)
    } else {
        Value::Real(r)
    }
}

/// `mysql_floor(x)`.
pub fn mysql_floor(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    Ok(match arg_num(ctx, 0) {
        None => Value::Null,
        Some(Num::Int(i)) => Value::Integer(i),
        Some(Num::Real(r)) => integral(r.floor()),
    })
}

/// `mysql_ceil(x)`.
pub fn mysql_ceil(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    Ok(match arg_num(ctx, 0) {
        None => Value::Null,
        Some(Num::Int(i)) => Value::Integer(i),
        Some(Num::Real(r)) => integral(r.ceil()),
    })
}

fn two(ctx: &Context<'_>) -> Option<(Num, Num)> {
    Some((arg_num(ctx, 0)?, arg_num(ctx, 1)?))
}

/// `mysql_div(a, b)`: MySQL's `/`.
pub fn mysql_div(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    let Some((a, b)) = two(ctx) else { return Ok(Value::Null) };
    if b.f() == 0.0 {
        return Ok(Value::Null);
    }
    Ok(match (a, b) {
        // Exact operands: a DECIMAL with div_precision_increment = 4 more digits (5/2 = 2.5000,
        // 1/3 = 0.3333 on the oracle).
        (Num::Int(x), Num::Int(y)) => Value::Real(round_decimal(x as f64 / y as f64, 4, false)),
        _ => Num::Real(a.f() / b.f()).value(),
    })
}

/// `mysql_intdiv(a, b)`: `DIV`, truncating toward zero.
pub fn mysql_intdiv(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    let Some((a, b)) = two(ctx) else { return Ok(Value::Null) };
    Ok(match (a, b) {
        (_, b) if b.f() == 0.0 => Value::Null,
        (Num::Int(x), Num::Int(y)) => x.checked_div(y).map_or(Value::Null, Value::Integer),
        _ => {
            let q = (a.f() / b.f()).trunc();
            if q.is_finite() {
                integral(q)
            } else {
                Value::Null
            }
        }
    })
}

/// `mysql_mod(a, b)`: `%` and `MOD`, with the dividend's sign; NULL for a zero divisor.
pub fn mysql_mod(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    let Some((a, b)) = two(ctx) else { return Ok(Value::Null) };
    Ok(match (a, b) {
        (_, b) if b.f() == 0.0 => Value::Null,
        (Num::Int(x), Num::Int(y)) => Value::Integer(x.checked_rem(y).unwrap_or(0)),
        _ => Num::Real(a.f() % b.f()).value(),
    })
}

/// A one-argument double function; NULL outside its domain (MySQL returns NULL for sqrt(-1)).
pub fn unary(ctx: &Context<'_>, f: fn(f64) -> Option<f64>) -> rusqlite::Result<Value> {
    Ok(arg_num(ctx, 0).and_then(|x| f(x.f())).filter(|r| r.is_finite()).map_or(Value::Null, Value::Real))
}

/// `mysql_pow(a, b)`.
pub fn mysql_pow(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    let Some((a, b)) = two(ctx) else { return Ok(Value::Null) };
    let r = a.f().powf(b.f());
    Ok(if r.is_finite() { Value::Real(r) } else { Value::Null })
}

/// `mysql_log(b, x)`: logarithm of `x` to base `b`.
pub fn mysql_log(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    let Some((b, x)) = two(ctx) else { return Ok(Value::Null) };
    let (b, x) = (b.f(), x.f());
    if b <= 0.0 || b == 1.0 || x <= 0.0 {
        return Ok(Value::Null);
    }
    Ok(Value::Real(x.ln() / b.ln()))
}

/// `mysql_cast_int(x, unsigned)`: CAST AS SIGNED/UNSIGNED. A string keeps its integer prefix
/// ('2.5' → 2), a number rounds half away from zero (2.5 → 3), as on the oracle.
pub fn mysql_cast_int(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    let unsigned = arg_int(ctx, 1).unwrap_or(0) != 0;
    let i = match ctx.get_raw(0) {
        ValueRef::Null => return Ok(Value::Null),
        ValueRef::Integer(i) => i,
        ValueRef::Real(r) => round_decimal(r, 0, false).clamp(i64::MIN as f64, i64::MAX as f64) as i64,
        ValueRef::Text(t) | ValueRef::Blob(t) => {
            let s = String::from_utf8_lossy(t);
            let s = s.trim_start();
            let end = s
                .char_indices()
                .find(|(i, c)| !(c.is_ascii_digit() || (*i == 0 && (*c == '-' || *c == '+'))))
                .map_or(s.len(), |(i, _)| i);
            s[..end].parse::<i64>().unwrap_or(0)
        }
    };
    if unsigned && i < 0 {
        // BIGINT UNSIGNED wraps; SQLite integers cannot hold it, so it becomes a double.
        return Ok(Value::Real(i as u64 as f64));
    }
    Ok(Value::Integer(i))
}

/// `mysql_bitxor(a, b)`: `^`.
pub fn mysql_bitxor(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    let Some((a, b)) = two(ctx) else { return Ok(Value::Null) };
    let i = |n: Num| match n {
        Num::Int(i) => i,
        Num::Real(r) => round_decimal(r, 0, false) as i64,
    };
    Ok(Value::Integer(i(a) ^ i(b)))
}

#[cfg(test)]
mod tests {
    use super::round_decimal;

    #[test]
    fn rounding_is_decimal() {
        // oracle: round(2.5) = 3, round(-2.5) = -3, round(1.25, 1) = 1.3, truncate(2.567, 2) = 2.56,
        // truncate(-2.567, 1) = -2.5.
        assert_eq!(round_decimal(2.5, 0, false), 3.0);
        assert_eq!(round_decimal(-2.5, 0, false), -3.0);
        assert_eq!(round_decimal(1.25, 1, false), 1.3);
        assert_eq!(round_decimal(2.567, 2, true), 2.56);
        assert_eq!(round_decimal(-2.567, 1, true), -2.5);
        assert_eq!(round_decimal(2.345, 2, false), 2.35);
        assert_eq!(round_decimal(0.5, 0, false), 1.0);
        assert_eq!(round_decimal(0.4, 0, false), 0.0);
        assert_eq!(round_decimal(9.99, 1, false), 10.0);
        assert_eq!(round_decimal(1234.0, -2, false), 1200.0);
        assert_eq!(round_decimal(2.0 / 3.0, 4, false), 0.6667);
    }
}
