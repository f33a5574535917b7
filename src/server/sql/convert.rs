//! A value a raw statement computed, stored into a column as MySQL 8.0 strict mode does:
//! strings converted by MySQL's own rules (not DataJoint's), explicit NULL into a NOT NULL
//! column refused (1048) — raw SQL's NULL is not DEFAULT, unlike DataJoint's insert.

use rusqlite::types::Value as Sql;

use crate::engine::error::{Error, Kind};
use crate::engine::heading::Attribute;
use crate::engine::types::{AttrType, ColumnDefault};
use crate::engine::{Result, Value};

/// 1048 (pymysql `IntegrityError`; DataJoint does not translate it).
pub fn cannot_be_null(column: &str) -> Error {
    Error::mysql(Kind::IntegrityError, 1048, format!("Column '{column}' cannot be null"))
}

/// The stored form of `v` for `attr` (row numbers count from 1 in MySQL's messages).
pub fn store(attr: &Attribute, v: Sql, table: &str, row: usize) -> Result<Sql> {
    let col = attr.name.as_str();
    let numeric = attr.ty.is_numeric();
    match v {
        Sql::Null if attr.nullable => Ok(Sql::Null),
        Sql::Null => Err(cannot_be_null(col)),
        Sql::Integer(i) if numeric => attr.ty.to_storage(&Value::Int(i), col, row),
        Sql::Real(f) if numeric => attr.ty.to_storage(&Value::Float(f), col, row),
        Sql::Integer(i) => text(attr, &i.to_string(), table, row),
        Sql::Real(f) => text(attr, &crate::engine::py::float_repr(f), table, row),
        Sql::Text(s) => text(attr, &s, table, row),
        Sql::Blob(b) => match &attr.ty {
            AttrType::Blob(_) => Ok(Sql::Blob(b)),
            AttrType::Uuid | AttrType::Filepath { .. } if b.len() <= 16 => {
                let mut b = b;
                b.resize(16, 0);
                Ok(Sql::Blob(b))
            }
            _ => match String::from_utf8(b) {
                Ok(s) => text(attr, &s, table, row),
                Err(_) => Err(Error::mysql(
                    Kind::DataError,
                    1366,
                    format!("Incorrect string value for column '{col}' at row {row}"),
                )),
            },
        },
    }
}

fn text(attr: &Attribute, s: &str, table: &str, row: usize) -> Result<Sql> {
    match &attr.ty {
        AttrType::Json => match serde_json::from_str::<serde_json::Value>(s) {
            Ok(_) => Ok(Sql::Text(s.to_string())),
            Err(_) => Err(Error::mysql(
                Kind::OperationalError,
                3140,
                format!(
                    "Invalid JSON text: \"Invalid value.\" at position 0 in value for column '{table}.{}'.",
                    attr.name
                ),
            )),
        },
        AttrType::Blob(_) => Ok(Sql::Blob(s.as_bytes().to_vec())),
        ty => ty.from_sql_text(s, &attr.name, row),
    }
}

/// The value an omitted column (or `DEFAULT`) gets: its default, NULL when nullable, MySQL's
/// 1364 otherwise. `next_auto` is the auto-increment counter's next value.
pub fn default(attr: &Attribute, row: usize, next_auto: i64, now: &str) -> Result<Sql> {
    if attr.autoincrement {
        return Ok(Sql::Integer(next_auto));
    }
    match &attr.default {
        ColumnDefault::Null => Ok(Sql::Null),
        ColumnDefault::Value(v) => attr.ty.to_storage(v, &attr.name, row),
        ColumnDefault::CurrentTimestamp => attr.ty.to_storage(&Value::Str(now.to_string()), &attr.name, row),
        ColumnDefault::None if attr.nullable => Ok(Sql::Null),
        ColumnDefault::None => Err(Error::mysql(
            Kind::MissingAttributeError,
            1364,
            format!("Field '{}' doesn't have a default value", attr.name),
        )),
    }
}
