//! MySQL column types as DataJoint 0.14 declares them, with MySQL 8.0's storage semantics in
//! strict mode: what a value becomes when stored, and the errors MySQL raises when it cannot be.

use serde::{Deserialize, Serialize};

use super::collation;
use super::error::{Error, Result};
use super::value::Value;

mod blob;
mod default;
mod errors;
pub(crate) mod json;
mod lex;
mod numeric;
mod parse;
mod store;
pub(crate) mod temporal;
mod uuid_text;

#[cfg(test)]
mod tests;

pub use errors::{syntax_error, syntax_error_at};
pub use parse::parse_column_type;
pub use uuid_text::{canonical as uuid_canonical, uuid_bytes};

/// SQLite's declaration for char/varchar/enum: text under MySQL's default collation.
const STRING_DECL: &str = "TEXT COLLATE MYSQL_AI_CI";

// The collation's name is spelled out above for a `&'static str`; keep the two in step.
const _: () = assert!(str_eq(STRING_DECL, "TEXT COLLATE ", collation::NAME));

const fn str_eq(whole: &str, prefix: &str, rest: &str) -> bool {
    let (w, p, r) = (whole.as_bytes(), prefix.as_bytes(), rest.as_bytes());
    if w.len() != p.len() + r.len() {
        return false;
    }
    let mut i = 0;
    while i < w.len() {
        let c = if i < p.len() { p[i] } else { r[i - p.len()] };
        if w[i] != c {
            return false;
        }
        i += 1;
    }
    true
}

/// Integer widths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum IntKind {
    /// tinyint
    Tiny,
    /// smallint
    Small,
    /// mediumint
    Medium,
    /// int
    Int,
    /// bigint
    Big,
}

/// Blob sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BlobKind {
    /// tinyblob
    Tiny,
    /// blob
    Blob,
    /// mediumblob
    Medium,
    /// longblob
    Long,
}

/// A DataJoint attribute type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum AttrType {
    /// tinyint … bigint, optionally unsigned.
    Integer { kind: IntKind, unsigned: bool },
    /// decimal(m,d).
    Decimal { precision: u8, scale: u8, unsigned: bool },
    /// float or double.
    Float { double: bool, unsigned: bool },
    /// char(n).
    Char(u32),
    /// varchar(n).
    Varchar(u32),
    /// enum('a','b').
    Enum(Vec<String>),
    /// date.
    Date,
    /// datetime(fsp).
    Datetime { fsp: u8 },
    /// timestamp(fsp).
    Timestamp { fsp: u8 },
    /// time(fsp).
    Time { fsp: u8 },
    /// year.
    Year,
    /// bool / boolean (tinyint(1) on the server).
    Bool,
    /// uuid (binary(16) on the server).
    Uuid,
    /// json.
    Json,
    /// A serialized blob.
    Blob(BlobKind),
    /// `filepath@store` (binary(16) on the server: the hash of the path relative to the store's
    /// stage, a foreign key into the schema's `~external_{store}`). `database` is the schema
    /// whose tracking table holds the path (set when the table is declared).
    Filepath { store: String, database: String },
}

/// A parsed type text: the type and whether `auto_increment` was part of it.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedType {
    /// The type.
    pub ty: AttrType,
    /// `auto_increment` appeared in the type text.
    pub auto_increment: bool,
}

/// A column's default, validated against its type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ColumnDefault {
    /// No default: NOT NULL without DEFAULT.
    None,
    /// `= null`: nullable, DEFAULT NULL.
    Null,
    /// `= CURRENT_TIMESTAMP`.
    CurrentTimestamp,
    /// A constant, already converted to the column's type.
    Value(Value),
}

/// Parse a definition's type text as DataJoint 0.14's `match_type` and then MySQL 8.0 would.
/// MySQL errors that name the column name it `''` here; use [`parse_column_type`] to get them
/// exactly.
pub fn parse_type(text: &str) -> Result<ParsedType> {
    parse_column_type(text, "")
}

/// Validate the raw default text of `name = DEFAULT : type` against the type. An empty text is
/// [`ColumnDefault::None`]; the returned constant is in fetched form (as `from_storage` gives).
pub fn column_default(ty: &AttrType, literal: &str, column: &str) -> Result<ColumnDefault> {
    default::column_default(ty, literal, column)
}

impl AttrType {
    /// The type as DataJoint's heading reports it on MySQL 8.0 (`int`, `smallint unsigned`,
    /// `tinyint` for bool, `enum('a','b')`, `decimal(5,2)`, `uuid`).
    pub fn heading_type(&self) -> String {
        parse::heading_type(self)
    }

    /// The column type in SQLite DDL.
    pub fn sqlite_decl(&self) -> &'static str {
        match self {
            AttrType::Integer { .. } | AttrType::Bool | AttrType::Year => "INTEGER",
            AttrType::Decimal { .. } | AttrType::Float { .. } => "REAL",
            AttrType::Char(_) | AttrType::Varchar(_) | AttrType::Enum(_) => STRING_DECL,
            // ISO texts sort chronologically; JSON is stored as its text.
            AttrType::Date
            | AttrType::Datetime { .. }
            | AttrType::Timestamp { .. }
            | AttrType::Time { .. }
            | AttrType::Json => "TEXT",
            AttrType::Uuid | AttrType::Blob(_) | AttrType::Filepath { .. } => "BLOB",
        }
    }

    /// decimal, integer or float (DataJoint's `numeric`).
    pub fn is_numeric(&self) -> bool {
        // bool is tinyint(1) on the server, which DataJoint's INTEGER pattern matches.
        matches!(self, AttrType::Integer { .. } | AttrType::Decimal { .. } | AttrType::Float { .. } | AttrType::Bool)
    }

    /// enum, temporal or string (DataJoint's `string`).
    pub fn is_string(&self) -> bool {
        matches!(self, AttrType::Char(_) | AttrType::Varchar(_) | AttrType::Enum(_)) || self.is_temporal()
    }

    /// date, datetime, timestamp, time or year (DataJoint's TEMPORAL).
    pub fn is_temporal(&self) -> bool {
        matches!(
            self,
            AttrType::Date
                | AttrType::Datetime { .. }
                | AttrType::Timestamp { .. }
                | AttrType::Time { .. }
                | AttrType::Year
        )
    }

    /// uuid.
    pub fn is_uuid(&self) -> bool {
        matches!(self, AttrType::Uuid)
    }

    /// json.
    pub fn is_json(&self) -> bool {
        matches!(self, AttrType::Json)
    }

    /// `filepath@store`.
    pub fn is_filepath(&self) -> bool {
        matches!(self, AttrType::Filepath { .. })
    }

    /// The MySQL 8.0 error for using this column in a primary key or index, if any: blobs need
    /// a key length (1170), JSON columns cannot be indexed directly (3152).
    pub fn key_error(&self, column: &str) -> Option<Error> {
        match self {
            AttrType::Blob(_) => Some(errors::operational(
                1170,
                format!("BLOB/TEXT column '{column}' used in key specification without a key length"),
            )),
            AttrType::Json => Some(errors::operational(
                3152,
                format!(
                    "JSON column '{column}' supports indexing only via generated columns on a specified JSON path."
                ),
            )),
            _ => None,
        }
    }

    /// Whether the column may be part of a key (see [`AttrType::key_error`]).
    pub fn key_allowed(&self) -> bool {
        !matches!(self, AttrType::Blob(_) | AttrType::Json)
    }

    /// DataJoint's insert rule: `None`, or for numeric attributes `""` or NaN, means "use the
    /// column default". `float(value)` runs first for numeric attributes, so a non-number string
    /// raises Python's ValueError (`could not convert string to float: 'abc'`) before MySQL sees
    /// it; lists and dicts raise TypeError.
    pub fn insert_uses_default(&self, v: &Value) -> Result<bool> {
        store::insert_uses_default(self, v)
    }

    /// A serialized blob.
    pub fn is_blob(&self) -> bool {
        matches!(self, AttrType::Blob(_))
    }

    /// A value for storage in SQLite, with MySQL 8.0 strict-mode conversion and errors.
    /// `row` is the 1-based row of the INSERT, as MySQL's messages count it.
    ///
    /// It follows the whole path: DataJoint's `__make_placeholder` (numeric attributes go through
    /// Python's `float()` check and are sent as `str(value)`; uuids are parsed by `uuid.UUID`;
    /// json is `json.dumps`), pymysql's escaping of other values (dict → TypeError, multi-item
    /// list → 1241, inf/nan → ProgrammingError) and MySQL's conversion. `Null`, and for numeric
    /// columns the default markers of [`AttrType::insert_uses_default`], give SQL NULL: the
    /// caller applies defaults first.
    pub fn to_storage(&self, v: &Value, column: &str, row: usize) -> Result<rusqlite::types::Value> {
        store::to_storage(self, v, column, row)
    }

    /// A string converted by MySQL itself into the column (raw SQL, column defaults): strict
    /// mode's errors, no DataJoint layer in between.
    pub fn from_sql_text(&self, s: &str, column: &str, row: usize) -> Result<rusqlite::types::Value> {
        store::from_sql_string(self, s, column, row)
    }

    /// The stored value back as DataJoint fetches it.
    pub fn from_storage(&self, v: rusqlite::types::ValueRef<'_>) -> Value {
        store::from_storage(self, v)
    }
}
