//! Values into and out of SQLite: DataJoint 0.14's `__make_placeholder` (numeric attributes are
//! sent as `str(value)`, uuids as bytes, blobs packed, json dumped), pymysql's escaping of the
//! rest, and MySQL 8.0's strict-mode conversion into the column.

use rusqlite::types::{Value as Sql, ValueRef};

use crate::engine::collation;
use crate::engine::error::{Error, Kind, Result};
use crate::engine::value::Value;

use super::errors::{incorrect_temporal, incorrect_value, out_of_range, syntax_error, too_long, truncated};
use super::numeric::{mysql_double_text, python_float, python_str, scan, Decimal, Scan};
use super::{blob, json, temporal, uuid_text, AttrType, IntKind};

/// A value as pymysql puts it into the SQL text.
enum Lit {
    Str(String),
    Int(i64),
    Double(f64),
    Bytes(Vec<u8>),
}

/// pymysql's `escape_item` for attributes DataJoint passes through unchanged.
// oracle: dict → TypeError 'dict can not be used as parameter'; ['a','b'] → 1241; ['a'] → 'a';
// [] → 1064; inf/nan → ProgrammingError 'inf can not be used with MySQL'.
fn literal(v: &Value) -> Result<Lit> {
    Ok(match v {
        Value::Null => Lit::Str(String::new()),
        Value::Bool(b) => Lit::Int(i64::from(*b)),
        Value::Int(i) => Lit::Int(*i),
        Value::Float(f) if !f.is_finite() => {
            let r = crate::engine::py::float_repr(*f);
            return Err(Error::new(Kind::ProgrammingError, format!("{r} can not be used with MySQL")));
        }
        Value::Float(f) => Lit::Double(*f),
        Value::Str(s) => Lit::Str(s.clone()),
        Value::Bytes(b) => Lit::Bytes(b.clone()),
        Value::List(items) => match items.as_slice() {
            [one] => return literal(one),
            [] => return Err(syntax_error(")")),
            _ => return Err(Error::mysql(Kind::OperationalError, 1241, "Operand should contain 1 column(s)")),
        },
        Value::Map(_) => return Err(Error::new(Kind::TypeError, "dict can not be used as parameter")),
    })
}

/// The literal as MySQL converts it to a string (integers in decimal, doubles as MySQL prints
/// them, bytes as UTF-8; invalid UTF-8 is MySQL's 1366 "Incorrect string value").
fn literal_text(lit: Lit, column: &str, row: usize) -> Result<String> {
    Ok(match lit {
        Lit::Str(s) => s,
        Lit::Int(i) => i.to_string(),
        Lit::Double(f) => mysql_double_text(f),
        Lit::Bytes(b) => match String::from_utf8(b) {
            Ok(s) => s,
            Err(e) => {
                let bytes = e.as_bytes();
                let at = e.utf8_error().valid_up_to();
                let shown: String = bytes[at..].iter().take(6).map(|b| format!("\\x{b:02X}")).collect();
                let more = if bytes.len() - at > 6 { "..." } else { "" };
                return Err(incorrect_value("string", &format!("{shown}{more}"), column, row));
            }
        },
    })
}

/// Integer bounds per width and sign.
fn int_range(kind: IntKind, unsigned: bool) -> (i128, i128) {
    let bits = match kind {
        IntKind::Tiny => 8,
        IntKind::Small => 16,
        IntKind::Medium => 24,
        IntKind::Int => 32,
        IntKind::Big => 64,
    };
    if unsigned {
        (0, (1i128 << bits) - 1)
    } else {
        (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
    }
}

/// A number read from `text` (what DataJoint sends), or MySQL's error: no digits → 1366 with
/// `what`, trailing junk → 1265.
fn number(text: &str, what: &str, column: &str, row: usize) -> Result<Decimal> {
    match scan(text) {
        Scan::Whole(d) => Ok(d),
        Scan::Truncated(_) => Err(truncated(column, row)),
        Scan::Bad => Err(incorrect_value(what, text, column, row)),
    }
}

fn numeric(ty: &AttrType, text: &str, column: &str, row: usize) -> Result<Sql> {
    match ty {
        AttrType::Integer { kind, unsigned } => integer(text, *kind, *unsigned, column, row),
        AttrType::Bool => integer(text, IntKind::Tiny, false, column, row),
        AttrType::Decimal { precision, scale, unsigned } => {
            let exact = number(text, "decimal", column, row)?;
            let d = exact.round(usize::from(*scale));
            let int_digits = usize::from(precision.saturating_sub(*scale));
            // oracle: decimal(5,2) unsigned ← '-0.001' is out of range although it rounds to 0.
            if d.int.len() > int_digits || *unsigned && exact.neg && !exact.is_zero() {
                return Err(out_of_range(column, row));
            }
            Ok(Sql::Real(d.to_f64()))
        }
        AttrType::Float { double, unsigned } => {
            // MySQL 8.0's Field_real::store reports unparsable text as 1265 (WARN_DATA_TRUNCATED);
            // MariaDB says 1366 "Incorrect double value".
            let d = match scan(text) {
                Scan::Whole(d) => d,
                _ => return Err(truncated(column, row)),
            };
            let f = d.to_f64();
            let max = if *double { f64::MAX } else { f64::from(f32::MAX) };
            if !f.is_finite() || f.abs() > max || *unsigned && f < 0.0 {
                return Err(out_of_range(column, row));
            }
            Ok(Sql::Real(if *double { f } else { f64::from(f as f32) }))
        }
        _ => Err(Error::dj("internal: not a numeric column")),
    }
}

fn integer(text: &str, kind: IntKind, unsigned: bool, column: &str, row: usize) -> Result<Sql> {
    let d = number(text, "integer", column, row)?;
    let (lo, hi) = int_range(kind, unsigned);
    match d.to_i128() {
        // The sandbox stores integers as SQLite's i64: bigint unsigned above 2**63-1 is refused.
        Some(n) if n >= lo && n <= hi && n <= i128::from(i64::MAX) => Ok(Sql::Integer(n as i64)),
        _ => Err(out_of_range(column, row)),
    }
}

/// CHAR/VARCHAR: length in characters; excess trailing spaces are cut silently (MySQL does so
/// in every mode); CHAR drops trailing spaces (they are padding, removed on retrieval).
fn string(text: String, len: u32, is_char: bool, column: &str, row: usize) -> Result<Sql> {
    let len = len as usize;
    let mut text = text;
    if is_char {
        text.truncate(text.trim_end_matches(' ').len());
    }
    if let Some((cut, _)) = text.char_indices().nth(len) {
        if !text[cut..].bytes().all(|b| b == b' ') {
            return Err(too_long(column, row));
        }
        text.truncate(cut);
    }
    Ok(Sql::Text(text))
}

/// ENUM: a member matched under the collation (trailing spaces ignored) stores its declared
/// spelling; a number (or numeric string matching no member) is a 1-based index.
// oracle: 'm' → 'M', 'M ' → 'M', ' M' → 1265, 2 → 'F', '2' → 'F', 0 → 1265, '' → 1265.
fn enumeration(values: &[String], lit: Lit, column: &str, row: usize) -> Result<Sql> {
    let index = |n: i128| -> Result<Sql> {
        usize::try_from(n)
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| values.get(i))
            .map(|v| Sql::Text(v.clone()))
            .ok_or_else(|| truncated(column, row))
    };
    match lit {
        Lit::Int(n) => index(i128::from(n)),
        Lit::Double(f) => index(f.round() as i128),
        lit => {
            let s = literal_text(lit, column, row)?;
            let key = s.trim_end_matches(' ');
            if let Some(v) = values.iter().find(|v| collation::compare(v, key).is_eq()) {
                return Ok(Sql::Text(v.clone()));
            }
            match scan(&s) {
                Scan::Whole(d) if d.frac.bytes().all(|b| b == b'0') => index(d.to_i128().unwrap_or(0)),
                _ => Err(truncated(column, row)),
            }
        }
    }
}

fn temporal_value(ty: &AttrType, lit: Lit, column: &str, row: usize) -> Result<Sql> {
    let (what, fsp) = match ty {
        AttrType::Date => ("date", 0),
        AttrType::Datetime { fsp } | AttrType::Timestamp { fsp } => ("datetime", *fsp),
        _ => ("time", 0),
    };
    let (shown, parsed) = match lit {
        Lit::Int(n) => (n.to_string(), temporal::datetime_from_int(n, fsp)),
        lit => {
            let s = literal_text(lit, column, row)?;
            let p = temporal::parse_datetime(&s, fsp);
            (s, p)
        }
    };
    let bad = || incorrect_temporal(what, &shown, column, row);
    let dt = parsed.ok_or_else(bad)?;
    Ok(Sql::Text(match ty {
        AttrType::Date => dt.date_text(),
        AttrType::Timestamp { .. } if !temporal::timestamp_in_range(&dt) => return Err(bad()),
        _ => dt.datetime_text(fsp),
    }))
}

fn year(lit: Lit, column: &str, row: usize) -> Result<Sql> {
    let y = match lit {
        Lit::Int(n) => temporal::year_from_int(n),
        Lit::Double(f) => temporal::year_from_int(f.round() as i64),
        lit => {
            let s = literal_text(lit, column, row)?;
            let d = number(&s, "integer", column, row)?;
            let digits = s.trim().trim_start_matches(['+', '-']);
            d.to_i128().and_then(|n| i64::try_from(n).ok()).and_then(|n| temporal::year_from_str_int(digits, n))
        }
    };
    y.map(Sql::Integer).ok_or_else(|| out_of_range(column, row))
}

/// The common cases of [`numeric`] without the text round trip, with the same results: an
/// integer into an integer column, and a finite number into a float column (Python's repr
/// round-trips, so parsing it back gives the same double).
fn numeric_fast_path(ty: &AttrType, v: &Value, column: &str, row: usize) -> Option<Result<Sql>> {
    match (ty, v) {
        (AttrType::Integer { kind, unsigned }, Value::Int(i)) => {
            let (lo, hi) = int_range(*kind, *unsigned);
            let n = i128::from(*i);
            Some(if n >= lo && n <= hi { Ok(Sql::Integer(*i)) } else { Err(out_of_range(column, row)) })
        }
        (AttrType::Float { double, unsigned }, Value::Int(_) | Value::Float(_)) => {
            let f = match v {
                Value::Int(i) => *i as f64,
                Value::Float(f) => *f,
                _ => return None,
            };
            let max = if *double { f64::MAX } else { f64::from(f32::MAX) };
            if !f.is_finite() {
                return None;
            }
            Some(if f.abs() > max || *unsigned && f < 0.0 {
                Err(out_of_range(column, row))
            } else {
                Ok(Sql::Real(if *double { f } else { f64::from(f as f32) }))
            })
        }
        _ => None,
    }
}

/// See [`AttrType::to_storage`].
pub fn to_storage(ty: &AttrType, v: &Value, column: &str, row: usize) -> Result<Sql> {
    if v.is_null() {
        return Ok(Sql::Null);
    }
    match ty {
        AttrType::Integer { .. } | AttrType::Decimal { .. } | AttrType::Float { .. } | AttrType::Bool => {
            // DataJoint: `value == ""` or NaN means DEFAULT (see `insert_uses_default`).
            if matches!(v, Value::Str(s) if s.is_empty()) || python_float(v)?.is_nan() {
                return Ok(Sql::Null);
            }
            if let Some(stored) = numeric_fast_path(ty, v, column, row) {
                return stored;
            }
            numeric(ty, &python_str(v), column, row)
        }
        AttrType::Char(n) => string(literal_text(literal(v)?, column, row)?, *n, true, column, row),
        AttrType::Varchar(n) => string(literal_text(literal(v)?, column, row)?, *n, false, column, row),
        AttrType::Enum(values) => enumeration(values, literal(v)?, column, row),
        AttrType::Date | AttrType::Datetime { .. } | AttrType::Timestamp { .. } => {
            temporal_value(ty, literal(v)?, column, row)
        }
        AttrType::Time { fsp } => {
            let s = literal_text(literal(v)?, column, row)?;
            temporal::parse_time(&s, *fsp).map(Sql::Text).ok_or_else(|| incorrect_temporal("time", &s, column, row))
        }
        AttrType::Year => year(literal(v)?, column, row),
        AttrType::Uuid => Ok(Sql::Blob(uuid_text::uuid_bytes(v, column)?.to_vec())),
        AttrType::Json => Ok(Sql::Text(json::to_json_text(v, column)?)),
        AttrType::Blob(_) => Ok(Sql::Blob(blob::encode(v))),
        // DataJoint has already put the path into the store and sends its 16-byte hash; any
        // other value (a column default, raw SQL) is MySQL's conversion into binary(16).
        AttrType::Filepath { .. } => match v {
            Value::Bytes(b) => binary16(b, column, row),
            other => binary16(literal_text(literal(other)?, column, row)?.as_bytes(), column, row),
        },
    }
}

/// MySQL's binary(16): shorter values padded with zero bytes, longer ones 1406.
fn binary16(b: &[u8], column: &str, row: usize) -> Result<Sql> {
    if b.len() > 16 {
        return Err(too_long(column, row));
    }
    let mut b = b.to_vec();
    b.resize(16, 0);
    Ok(Sql::Blob(b))
}

/// See [`AttrType::from_storage`].
pub fn from_storage(ty: &AttrType, v: ValueRef<'_>) -> Value {
    match (ty, v) {
        (_, ValueRef::Null) => Value::Null,
        (AttrType::Uuid, ValueRef::Blob(b)) if b.len() == 16 => Value::Str(uuid_text::canonical(b)),
        (AttrType::Blob(_), ValueRef::Blob(b)) => blob::decode(b),
        (AttrType::Json, ValueRef::Text(t)) => json::from_json_text(&String::from_utf8_lossy(t)),
        // FLOAT is single precision: MySQL sends its shortest float32 text (0.1, not 0.10000000149).
        (AttrType::Float { double: false, .. }, ValueRef::Real(f)) => Value::Float(single_text_value(f)),
        (AttrType::Decimal { .. } | AttrType::Float { .. }, ValueRef::Integer(i)) => Value::Float(i as f64),
        (_, ValueRef::Integer(i)) => Value::Int(i),
        (_, ValueRef::Real(f)) => Value::Float(f),
        (_, ValueRef::Text(t)) => Value::Str(String::from_utf8_lossy(t).into_owned()),
        (_, ValueRef::Blob(b)) => Value::Bytes(b.to_vec()),
    }
}

/// The double a FLOAT column's value reads back as: MySQL prints single-precision values with
/// six significant digits (FLT_DIG), and the client parses that text (oracle: 1/3 stored in a
/// `float` fetches as 0.333333). Values that already have at most six significant digits are
/// their own text.
fn single_text_value(f: f64) -> f64 {
    if !f.is_finite() || f == 0.0 {
        return f;
    }
    let whole = f.fract() == 0.0 && f.abs() < 1e6;
    let half = (f * 2.0).fract() == 0.0 && f.abs() < 1e5;
    if whole || half {
        return f;
    }
    format!("{f:.5e}").parse().unwrap_or(f)
}

/// See [`AttrType::insert_uses_default`].
pub fn insert_uses_default(ty: &AttrType, v: &Value) -> Result<bool> {
    if v.is_null() {
        return Ok(true);
    }
    if ty.is_numeric() {
        if matches!(v, Value::Str(s) if s.is_empty()) {
            return Ok(true);
        }
        return Ok(python_float(v)?.is_nan());
    }
    Ok(false)
}

/// A SQL string literal converted by MySQL itself (column defaults): no DataJoint layer.
pub fn from_sql_string(ty: &AttrType, s: &str, column: &str, row: usize) -> Result<Sql> {
    match ty {
        AttrType::Integer { .. } | AttrType::Decimal { .. } | AttrType::Float { .. } | AttrType::Bool => {
            numeric(ty, s, column, row)
        }
        AttrType::Uuid | AttrType::Filepath { .. } => binary16(s.as_bytes(), column, row),
        AttrType::Varchar(n) if s.chars().count() > *n as usize => Err(too_long(column, row)),
        _ => to_storage(ty, &Value::Str(s.to_string()), column, row),
    }
}
