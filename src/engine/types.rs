//! MySQL column types as DataJoint 0.14 declares them, with MySQL 8.0's storage semantics in
//! strict mode: what a value becomes when stored, and the errors MySQL raises when it cannot be.

use serde::{Deserialize, Serialize};

use super::error::Result;
use super::value::Value;

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
pub fn parse_type(text: &str) -> Result<ParsedType> {
    let _ = text;
    todo!("types helper")
}

/// Validate the raw default text of `name = DEFAULT : type` against the type.
pub fn column_default(ty: &AttrType, literal: &str, column: &str) -> Result<ColumnDefault> {
    let _ = (ty, literal, column);
    todo!("types helper")
}

impl AttrType {
    /// The type as DataJoint's heading reports it on MySQL 8.0 (`int`, `smallint unsigned`,
    /// `tinyint` for bool, `enum('a','b')`, `decimal(5,2)`, `uuid`).
    pub fn heading_type(&self) -> String {
        todo!("types helper")
    }

    /// The column type in SQLite DDL.
    pub fn sqlite_decl(&self) -> &'static str {
        todo!("types helper")
    }

    /// decimal, integer or float (DataJoint's `numeric`).
    pub fn is_numeric(&self) -> bool {
        todo!("types helper")
    }

    /// enum, temporal or string (DataJoint's `string`).
    pub fn is_string(&self) -> bool {
        todo!("types helper")
    }

    /// A serialized blob.
    pub fn is_blob(&self) -> bool {
        matches!(self, AttrType::Blob(_))
    }

    /// A value for storage in SQLite, with MySQL 8.0 strict-mode conversion and errors.
    /// `row` is the 1-based row of the INSERT, as MySQL's messages count it.
    pub fn to_storage(&self, v: &Value, column: &str, row: usize) -> Result<rusqlite::types::Value> {
        let _ = (v, column, row);
        todo!("types helper")
    }

    /// The stored value back as DataJoint fetches it.
    pub fn from_storage(&self, v: rusqlite::types::ValueRef<'_>) -> Value {
        let _ = v;
        todo!("types helper")
    }
}
