//! MySQL names in raw statements: `db.tbl`, `` `db`.`tbl` ``; DataJoint's connection has no
//! default database, so a bare table name is MySQL's 1046.

use sqlparser::ast::{ObjectName, ObjectNamePart};

use super::errors::no_database;
use crate::engine::types::syntax_error;
use crate::engine::{Result, TableName};

/// The parts of a dotted name, unquoted.
pub fn parts(name: &ObjectName) -> Vec<String> {
    name.0
        .iter()
        .map(|p| match p {
            ObjectNamePart::Identifier(id) => id.value.clone(),
            other => other.to_string(),
        })
        .collect()
}

/// `db.tbl` as a table name.
pub fn table_name(name: &ObjectName) -> Result<TableName> {
    match parts(name).as_slice() {
        [_] => Err(no_database()),
        [db, t] => Ok(TableName::new(db, t)),
        _ => Err(syntax_error(&name.to_string())),
    }
}

/// A database name (one part).
pub fn database_name(name: &ObjectName) -> Result<String> {
    match parts(name).as_slice() {
        [db] => Ok(db.clone()),
        _ => Err(syntax_error(&name.to_string())),
    }
}
