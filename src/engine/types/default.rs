//! Column defaults: DataJoint 0.14's `compile_attribute` quotes the default text unless it is
//! quoted already or starts with CURRENT_TIMESTAMP/NULL, and MySQL 8.0 then converts it to the
//! column type, answering 1067 "Invalid default value" when it cannot.

use crate::engine::error::Result;

use super::errors::{blob_default, invalid_default, syntax_error};
use super::lex::{lex, Tok};
use super::store::{from_sql_string, from_storage};
use super::{AttrType, ColumnDefault};

/// See [`super::column_default`].
pub fn column_default(ty: &AttrType, literal: &str, column: &str) -> Result<ColumnDefault> {
    let lit = literal.trim();
    if lit.is_empty() {
        return Ok(ColumnDefault::None);
    }
    if lit.eq_ignore_ascii_case("null") {
        return Ok(ColumnDefault::Null);
    }
    let head = lit.split('(').next().unwrap_or("").to_ascii_uppercase();
    if head == "CURRENT_TIMESTAMP" {
        return current_timestamp(ty, &lit[head.len()..], column);
    }
    if head == "NULL" {
        return Err(syntax_error(&lit[4..]));
    }
    // MySQL 8.0 refuses literal defaults on BLOB and JSON columns. (DataJoint raises its own
    // error for blobs first, in the declare layer.)
    if matches!(ty, AttrType::Blob(_) | AttrType::Json) {
        return Err(blob_default(column));
    }
    let sql = if lit.starts_with(['"', '\'']) { lit.to_string() } else { format!("\"{lit}\"") };
    // Adjacent string literals concatenate in MySQL: 'a' 'b' is 'ab'.
    let mut text = String::new();
    for t in lex(&sql)? {
        match t.tok {
            Tok::Str(s) => text.push_str(&s),
            _ => return Err(syntax_error(&sql[t.at..])),
        }
    }
    let stored = from_sql_string(ty, &text, column, 1).map_err(|_| invalid_default(column))?;
    Ok(ColumnDefault::Value(from_storage(ty, (&stored).into())))
}

/// `CURRENT_TIMESTAMP`, `CURRENT_TIMESTAMP()` or `CURRENT_TIMESTAMP(n)`: only for DATETIME and
/// TIMESTAMP, and MySQL 8.0 requires `n` to equal the column's fractional precision.
fn current_timestamp(ty: &AttrType, rest: &str, column: &str) -> Result<ColumnDefault> {
    let inner = rest.trim();
    let fsp = if inner.is_empty() {
        0
    } else {
        let n = inner.strip_prefix('(').and_then(|r| r.strip_suffix(')')).map(str::trim);
        match n {
            Some("") => 0,
            Some(n) => n.parse::<u64>().map_err(|_| syntax_error(rest))?,
            None => return Err(syntax_error(rest)),
        }
    };
    match ty {
        AttrType::Datetime { fsp: f } | AttrType::Timestamp { fsp: f } if u64::from(*f) == fsp => {
            Ok(ColumnDefault::CurrentTimestamp)
        }
        _ => Err(invalid_default(column)),
    }
}
