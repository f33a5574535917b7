//! Privileges: the engine asks, before every operation, whether the connected account may do
//! it. Who is connected and what they were granted is the server layer's business.

use serde::{Deserialize, Serialize};

use super::error::{Error, Kind, Result};
use super::heading::TableName;
use super::query::Query;
use super::world::World;

/// The MySQL privileges an engine operation needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Privilege {
    /// Reading rows.
    Select,
    /// Inserting rows.
    Insert,
    /// Changing rows.
    Update,
    /// Deleting rows.
    Delete,
    /// Creating schemas and tables.
    Create,
    /// Dropping schemas and tables.
    Drop,
    /// Declaring a foreign key to a table.
    References,
    /// Creating indexes.
    Index,
    /// Altering tables.
    Alter,
}

impl Privilege {
    /// The command name MySQL's denial messages use (`INSERT command denied ...`).
    pub fn command(self) -> &'static str {
        match self {
            Privilege::Select => "SELECT",
            Privilege::Insert => "INSERT",
            Privilege::Update => "UPDATE",
            Privilege::Delete => "DELETE",
            Privilege::Create => "CREATE",
            Privilege::Drop => "DROP",
            Privilege::References => "REFERENCES",
            Privilege::Index => "INDEX",
            Privilege::Alter => "ALTER",
        }
    }
}

/// Decides for the connected account. `Err` carries MySQL's own denial (1142 for a table,
/// 1044 for a database) with its code, naming every missing privilege (`INSERT, UPDATE command
/// denied ...`); the engine wraps it as DataJoint does.
pub trait Access {
    /// May the account use all of `privileges` on `database` (and `table`, when given)?
    fn check(&self, privileges: &[Privilege], database: &str, table: Option<&str>) -> Result<()>;
}

impl World {
    /// Install the connected account's access rules (`None`: everything is allowed, as for
    /// the scenario's build scripts run as the administrator).
    pub fn set_access(&mut self, access: Option<Box<dyn Access>>) {
        self.access = access;
    }

    /// Check one privilege; a denial becomes DataJoint's
    /// `AccessError('Insufficient privileges.', server message, query)`.
    pub(crate) fn authorize(
        &self,
        privileges: &[Privilege],
        table: &TableName,
        query: impl FnOnce() -> String,
    ) -> Result<()> {
        let Some(access) = &self.access else { return Ok(()) };
        access.check(privileges, &table.database, Some(&table.table)).map_err(|e| insufficient(e, &query()))
    }

    /// Check a database-level privilege (creating or dropping a schema): MySQL's own error.
    pub(crate) fn authorize_database(&self, privilege: Privilege, database: &str) -> Result<()> {
        let Some(access) = &self.access else { return Ok(()) };
        access.check(&[privilege], database, None)
    }

    /// What the server checks before a read runs: SELECT on every table the query reads, then
    /// that each is still there (a class object outlives its dropped table).
    pub(crate) fn authorize_read(&self, q: &Query, query: impl Fn() -> String) -> Result<()> {
        let tables = q.tables();
        if self.access.is_some() {
            for t in &tables {
                self.authorize(&[Privilege::Select], t, &query)?;
            }
        }
        self.require_tables(&tables, query)
    }
}

/// DataJoint's translation of MySQL's 1044/1142: `AccessError` with three arguments.
fn insufficient(e: Error, query: &str) -> Error {
    match e.code {
        Some(code @ (1044 | 1142)) => {
            Error::with_args(Kind::AccessError, Some(code), &["Insufficient privileges.", &e.message, query])
        }
        _ => e,
    }
}
