//! Query expressions over base tables. This layer knows restriction by a map (DataJoint's dict
//! restriction) and by `True`/`False`; the full algebra builds on it.

use rusqlite::types::Value as Sql;

use super::error::{Error, Result};
use super::heading::{Attribute, TableInfo, TableName};
use super::types::AttrType;
use super::value::Value;

/// A restriction condition.
#[derive(Debug, Clone, PartialEq)]
pub enum Restriction {
    /// AND of `attr = value` over the map's keys that are attributes; others are ignored, and a
    /// map with no attribute is TRUE (DataJoint's dict restriction).
    Map(Vec<(String, Value)>),
    /// `True` leaves the query as it is; `False` empties it.
    Bool(bool),
}

/// A base table, restricted.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    /// The table.
    pub table: TableName,
    /// Restrictions, ANDed; each may be negated (`-`).
    pub restrictions: Vec<(Restriction, bool)>,
}

impl Query {
    /// The whole table.
    pub fn table(name: TableName) -> Query {
        Query { table: name, restrictions: Vec::new() }
    }

    /// `self & r`.
    pub fn restrict(mut self, r: Restriction) -> Query {
        self.restrictions.push((r, false));
        self
    }

    /// `self - r`.
    pub fn exclude(mut self, r: Restriction) -> Query {
        self.restrictions.push((r, true));
        self
    }

    /// The WHERE clause (empty when unrestricted) and its arguments.
    pub fn where_clause(&self, info: &TableInfo) -> Result<(String, Vec<Sql>)> {
        let mut conds = Vec::new();
        let mut args = Vec::new();
        for (r, negate) in &self.restrictions {
            let cond = match r {
                Restriction::Bool(b) => (if *b { "1" } else { "0" }).to_string(),
                Restriction::Map(map) => {
                    let mut parts = Vec::new();
                    for (k, v) in map {
                        let Some(attr) = info.attribute(k) else { continue };
                        if v.is_null() {
                            parts.push(format!("\"{k}\" IS NULL"));
                        } else {
                            parts.push(format!("\"{k}\" = ?"));
                            args.push(restriction_value(attr, v)?);
                        }
                    }
                    if parts.is_empty() {
                        "1".to_string()
                    } else {
                        parts.join(" AND ")
                    }
                }
            };
            conds.push(if *negate { format!("NOT ({cond})") } else { format!("({cond})") });
        }
        if conds.is_empty() {
            return Ok((String::new(), args));
        }
        Ok((format!("WHERE {}", conds.join(" AND ")), args))
    }
}

/// A dict restriction's value as compared to the column: DataJoint writes it into the SQL as a
/// literal and MySQL converts it to the column's type; a uuid must parse.
fn restriction_value(attr: &Attribute, v: &Value) -> Result<Sql> {
    Ok(match (&attr.ty, v) {
        (AttrType::Uuid, Value::Str(s)) => match uuid::Uuid::parse_str(s.trim()) {
            Ok(u) => Sql::Blob(u.as_bytes().to_vec()),
            Err(_) => return Err(Error::dj(format!("Badly formed UUID {s} in restriction by `{}`", attr.name))),
        },
        (AttrType::Uuid, other) => {
            return Err(Error::dj(format!(
                "Badly formed UUID {} in restriction by `{}`",
                super::py::value_str(other),
                attr.name
            )))
        }
        (_, Value::Bool(b)) => Sql::Integer(*b as i64),
        (_, Value::Int(i)) => Sql::Integer(*i),
        (_, Value::Float(f)) => Sql::Real(*f),
        (_, Value::Str(s)) => Sql::Text(s.clone()),
        (_, Value::Bytes(b)) => Sql::Blob(b.clone()),
        (_, other) => Sql::Text(super::py::value_str(other)),
    })
}
