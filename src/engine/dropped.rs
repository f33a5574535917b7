//! Tables dropped while a script still holds them. DataJoint's class keeps the heading it
//! loaded, so using it after `drop` reaches the server, which answers MySQL's 1146:
//! `MissingTableError("Table 'db.t' doesn't exist", statement)`; a graph walk from it finds no
//! node in the dependency graph (networkx's `NetworkXError`).

use std::sync::Arc;

use super::error::{Error, Kind, Result};
use super::heading::{TableInfo, TableName};
use super::world::World;

/// MySQL's 1146 as DataJoint raises it: the server's text and the statement sent.
pub fn missing_table(t: &TableName, statement: &str) -> Error {
    let message = format!("Table '{}.{}' doesn't exist", t.database, t.table);
    Error::with_args(Kind::MissingTableError, Some(1146), &[&message, statement])
}

impl World {
    /// The table's description and whether it is gone: declared, or as it was when dropped
    /// (the heading a class object keeps); otherwise DataJoint's error for an unknown table.
    pub(crate) fn table_or_dropped(&self, name: &TableName) -> Result<(Arc<TableInfo>, bool)> {
        match (self.tables.get(name), self.dropped.get(name)) {
            (Some(t), _) => Ok((t.clone(), false)),
            (None, Some(t)) => Ok((t.clone(), true)),
            (None, None) => self.table_or_err(name).map(|t| (t, false)),
        }
    }

    /// The server's 1146 for `statement` when one of `tables` is not there any more.
    pub(crate) fn require_tables(&self, tables: &[TableName], statement: impl FnOnce() -> String) -> Result<()> {
        match tables.iter().find(|t| !self.tables.contains_key(*t)) {
            Some(t) => Err(missing_table(t, &statement())),
            None => Ok(()),
        }
    }

    /// `name` as a node of the dependency graph: networkx refuses to walk from a table that is
    /// not declared (`T.descendants()`, `T.drop()` after the table was dropped).
    pub fn graph_node(&self, name: &TableName) -> Result<()> {
        if self.tables.contains_key(name) {
            return Ok(());
        }
        Err(Error::new(Kind::NetworkXError, format!("The node {} is not in the digraph.", name.full())))
    }
}
