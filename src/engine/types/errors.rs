//! MySQL 8.0's error texts for column types and values, each with the pymysql class that
//! `pymysql.err.raise_mysql_exception` picks for its code (err.py's `error_map`; unmapped codes
//! ≥ 1000 are `OperationalError`).
//!
//! The oracle is MariaDB, whose texts differ in places: it names columns `db`.`tbl`.`col` in
//! 1366/1292 and drops the numbers from 1426. MySQL 8.0's Error Message Reference wording is used.

use crate::engine::error::{Error, Kind};

/// 1064 (`ER_PARSE_ERROR`): DataJoint raises it as `QuerySyntaxError`. `near` is the text from
/// the offending token on, as MySQL quotes it (at most 80 characters).
pub fn syntax_error(near: &str) -> Error {
    let near: String = near.chars().take(80).collect();
    Error::mysql(
        Kind::QuerySyntaxError,
        1064,
        format!(
            "You have an error in your SQL syntax; check the manual that corresponds to your MySQL \
             server version for the right syntax to use near '{near}' at line 1"
        ),
    )
}

/// 1064 for a whole statement: MySQL quotes `sql` from byte `offset` on and counts the line the
/// offset is on. (DataJoint then raises `QuerySyntaxError(message, query)`.)
// oracle: "... near 'abc) NOT NULL,\nPRIMARY KEY (`k`)\n) ENGINE=InnoDB, COMMENT \"\"' at line 3".
pub fn syntax_error_at(sql: &str, offset: usize) -> Error {
    let offset = (0..=offset.min(sql.len())).rev().find(|i| sql.is_char_boundary(*i)).unwrap_or(0);
    let line = 1 + sql[..offset].matches('\n').count();
    let mut e = syntax_error(&sql[offset..]);
    if line != 1 {
        e.message = format!("{} {line}", e.message.trim_end_matches(char::is_numeric).trim_end());
    }
    e
}

/// DataJoint's `match_type` failure.
pub fn unsupported(type_text: &str) -> Error {
    Error::dj(format!("Unsupported attribute type {type_text}"))
}

/// 1264 (`ER_WARN_DATA_OUT_OF_RANGE`, pymysql `DataError`).
pub fn out_of_range(column: &str, row: usize) -> Error {
    Error::mysql(Kind::DataError, 1264, format!("Out of range value for column '{column}' at row {row}"))
}

/// 1265 (`WARN_DATA_TRUNCATED`, pymysql `DataError`).
pub fn truncated(column: &str, row: usize) -> Error {
    Error::mysql(Kind::DataError, 1265, format!("Data truncated for column '{column}' at row {row}"))
}

/// 1406 (`ER_DATA_TOO_LONG`, pymysql `DataError`).
pub fn too_long(column: &str, row: usize) -> Error {
    Error::mysql(Kind::DataError, 1406, format!("Data too long for column '{column}' at row {row}"))
}

/// 1366 (`ER_TRUNCATED_WRONG_VALUE_FOR_FIELD`, pymysql `DataError`): `what` is `integer`,
/// `decimal` or `string`.
pub fn incorrect_value(what: &str, value: &str, column: &str, row: usize) -> Error {
    Error::mysql(Kind::DataError, 1366, format!("Incorrect {what} value: '{value}' for column '{column}' at row {row}"))
}

/// 1292 (`ER_TRUNCATED_WRONG_VALUE`): pymysql does not map it, so `OperationalError`. `what` is
/// `date`, `datetime` or `time`.
pub fn incorrect_temporal(what: &str, value: &str, column: &str, row: usize) -> Error {
    Error::mysql(
        Kind::OperationalError,
        1292,
        format!("Incorrect {what} value: '{value}' for column '{column}' at row {row}"),
    )
}

/// 1067 (`ER_INVALID_DEFAULT`, `OperationalError`).
pub fn invalid_default(column: &str) -> Error {
    Error::mysql(Kind::OperationalError, 1067, format!("Invalid default value for '{column}'"))
}

/// 1101 (`ER_BLOB_CANT_HAVE_DEFAULT`, `OperationalError`).
pub fn blob_default(column: &str) -> Error {
    Error::mysql(
        Kind::OperationalError,
        1101,
        format!("BLOB, TEXT, GEOMETRY or JSON column '{column}' can't have a default value"),
    )
}

/// An `OperationalError` with a MySQL code: DDL errors pymysql does not map.
pub fn operational(code: u16, message: String) -> Error {
    Error::mysql(Kind::OperationalError, code, message)
}
