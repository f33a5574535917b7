//! The source text of a table's `make`, as the script declared it, kept in the world file so
//! that `djsandbox export --python` can translate it later. The engine only stores the text;
//! the script layer cuts it out of the script. Script functions called as a table's methods
//! are kept the same way.

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

/// The key prefix of `table`'s methods.
fn method_prefix(table: &TableName) -> String {
    format!("script.method:{}:", table.full())
}

impl World {
    /// Remember the rhai source of a script function called as `table`'s method `name`.
    pub fn set_method_source(&mut self, table: &TableName, name: &str, source: &str) -> Result<()> {
        self.set_meta(&format!("{}{name}", method_prefix(table)), source)
    }

    /// `table`'s methods (name, rhai source), by name.
    pub fn method_sources(&self, table: &TableName) -> Result<Vec<(String, String)>> {
        let prefix = method_prefix(table);
        let mut stmt = self
            .connection()
            .prepare("SELECT key, value FROM djs_meta WHERE substr(key, 1, length(?1)) = ?1 ORDER BY key")
            .map_err(super::world::internal)?;
        let rows = stmt
            .query_map([&prefix], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .map_err(super::world::internal)?;
        rows.map(|r| r.map(|(k, v)| (k[prefix.len()..].to_string(), v)).map_err(super::world::internal)).collect()
    }
}
