//! The source text of a table's `make`, as the script declared it, kept in the world file so
//! that `djsandbox export --python` can translate it later. The engine only stores the text;
//! the script layer cuts it out of the script.

use super::error::Result;
use super::heading::TableName;
use super::world::World;

/// The world-setting key that holds `table`'s make source.
fn key(table: &TableName) -> String {
    format!("script.make:{}", table.full())
}

impl World {
    /// Remember the rhai source of `table`'s make (`|key| { ... }`).
    pub fn set_make_source(&mut self, table: &TableName, source: &str) -> Result<()> {
        self.set_meta(&key(table), source)
    }

    /// The rhai source of `table`'s make, if a script declared one.
    pub fn make_source(&self, table: &TableName) -> Result<Option<String>> {
        self.meta(&key(table))
    }
}
