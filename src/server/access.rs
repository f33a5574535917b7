//! The engine's privilege questions answered from the connected account's grants.

use crate::engine::access::{Access, Privilege as EnginePrivilege};
use crate::engine::{Error, Result};

use super::grants::{Accounts, Privilege, Session};

/// The grants of one session, as the engine's [`Access`].
pub struct SessionAccess {
    /// All accounts (roles included).
    pub accounts: Accounts,
    /// The connected account.
    pub session: Session,
}

fn privilege(p: EnginePrivilege) -> Privilege {
    match p {
        EnginePrivilege::Select => Privilege::Select,
        EnginePrivilege::Insert => Privilege::Insert,
        EnginePrivilege::Update => Privilege::Update,
        EnginePrivilege::Delete => Privilege::Delete,
        EnginePrivilege::Create => Privilege::Create,
        EnginePrivilege::Drop => Privilege::Drop,
        EnginePrivilege::References => Privilege::References,
        EnginePrivilege::Index => Privilege::Index,
        EnginePrivilege::Alter => Privilege::Alter,
    }
}

impl Access for SessionAccess {
    fn check(&self, privileges: &[EnginePrivilege], database: &str, table: Option<&str>) -> Result<()> {
        let missing: Vec<EnginePrivilege> = privileges
            .iter()
            .copied()
            .filter(|p| !self.accounts.has(&self.session, privilege(*p), database, table))
            .collect();
        let Some(first) = missing.first() else { return Ok(()) };
        match (table, first) {
            (Some(t), EnginePrivilege::References) => self.accounts.check_references(&self.session, database, t),
            // MySQL names every missing privilege: `INSERT, UPDATE command denied ...`.
            (Some(_), _) if missing.len() > 1 => {
                self.accounts.check(&self.session, privilege(*first), database, table).map_err(|err| {
                    let names: Vec<&str> = missing.iter().map(|p| p.command()).collect();
                    Error { message: err.message.replacen(first.command(), &names.join(", "), 1), ..err }
                })
            }
            _ => self.accounts.check(&self.session, privilege(*first), database, table),
        }
    }
}
