//! Values out of SQLite as pymysql hands them back: a column's value decoded by its type
//! (uuid text, blob content, dates as text), a computed value by its SQLite storage class.

use rusqlite::types::ValueRef;

use crate::engine::error::{Error, Kind};
use crate::engine::types::AttrType;
use crate::engine::Value;

/// One result cell.
pub fn decode(ty: Option<&AttrType>, v: ValueRef<'_>) -> Value {
    match ty {
        Some(t) => t.from_storage(v),
        None => match v {
            ValueRef::Null => Value::Null,
            ValueRef::Integer(i) => Value::Int(i),
            ValueRef::Real(f) => Value::Float(f),
            ValueRef::Text(t) => Value::Str(String::from_utf8_lossy(t).into_owned()),
            ValueRef::Blob(b) => Value::Bytes(b.to_vec()),
        },
    }
}

/// A SQLite failure while running a translated statement. The registered MySQL functions
/// report user-level errors as function errors carrying MySQL's text; anything else is a bug.
pub fn run_error(e: rusqlite::Error) -> Error {
    match &e {
        rusqlite::Error::UserFunctionError(inner) => Error::new(Kind::OperationalError, inner.to_string()),
        rusqlite::Error::SqliteFailure(f, Some(msg)) if f.code == rusqlite::ErrorCode::TooBig => {
            Error::new(Kind::OperationalError, msg.clone())
        }
        _ => crate::engine::world::internal(e),
    }
}
