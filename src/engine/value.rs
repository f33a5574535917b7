//! Values as they cross the engine's boundary: what a DataJoint user inserts and fetches.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// One value: an attribute's content, or anything a blob holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Value {
    /// SQL NULL / Python `None`.
    Null,
    /// A boolean (stored as 0/1 in numeric columns; kept as such inside blobs).
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A float (also decimal values, fetched as floats).
    Float(f64),
    /// Text: varchar, char, enum, dates and times in ISO form, uuids in canonical form.
    Str(String),
    /// Raw bytes.
    Bytes(Vec<u8>),
    /// A list (blob content).
    List(Vec<Value>),
    /// A map with string keys (blob content, JSON objects).
    Map(BTreeMap<String, Value>),
}

impl Value {
    /// True for `Null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
}

impl From<i64> for Value {
    fn from(v: i64) -> Self {
        Value::Int(v)
    }
}

impl From<f64> for Value {
    fn from(v: f64) -> Self {
        Value::Float(v)
    }
}

impl From<&str> for Value {
    fn from(v: &str) -> Self {
        Value::Str(v.to_string())
    }
}

impl From<String> for Value {
    fn from(v: String) -> Self {
        Value::Str(v)
    }
}

impl From<bool> for Value {
    fn from(v: bool) -> Self {
        Value::Bool(v)
    }
}
