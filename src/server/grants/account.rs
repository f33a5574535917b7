//! The stored accounts: users and roles, their passwords, privileges and granted roles.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::privileges::Privs;

/// An authorization ID `'user'@'host'`: a user account or a role (MySQL manual, "Specifying
/// Role Names": roles are accounts too, with host `%` when none is given).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct AuthId {
    /// The user or role name (case-sensitive).
    pub user: String,
    /// The host pattern (stored lower-case; `%` by default).
    #[serde(default = "any_host")]
    pub host: String,
}

fn any_host() -> String {
    "%".into()
}

impl AuthId {
    /// `'user'@'host'`, the host lower-cased as MySQL 8.0 stores it.
    pub fn new(user: impl Into<String>, host: impl Into<String>) -> Self {
        AuthId { user: user.into(), host: host.into().to_lowercase() }
    }

    /// `'name'@'%'`: a role, or a user with the default host.
    pub fn any_host(user: impl Into<String>) -> Self {
        AuthId::new(user, "%")
    }

    /// `` `user`@`host` ``, as `SHOW GRANTS` and the role errors print it.
    pub fn backquoted(&self) -> String {
        format!("{}@{}", backquote(&self.user), backquote(&self.host))
    }

    /// `'user'@'host'`, as error 1396 prints it.
    pub fn single_quoted(&self) -> String {
        format!("'{}'@'{}'", self.user, self.host)
    }
}

impl fmt::Display for AuthId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}@{}", self.user, self.host)
    }
}

/// MySQL's `append_identifier` with `sql_quote_show_create=ON`: always backquoted, inner
/// backquotes doubled.
pub fn backquote(name: &str) -> String {
    format!("`{}`", name.replace('`', "``"))
}

/// Where a grant applies (MySQL manual, "GRANT Statement", "Privilege levels").
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// `*.*`.
    Global,
    /// `` `db`.* ``: `db` may hold the wildcards `_` and `%` (`\_`, `\%` literal).
    Database(String),
    /// `` `db`.`table` ``: both names literal.
    Table(String, String),
}

/// Privileges at one level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grant {
    /// Where.
    pub level: Level,
    /// What (`GRANT OPTION` included when granted `WITH GRANT OPTION`).
    pub privileges: Privs,
}

/// A role granted to an account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleGrant {
    /// The role.
    pub role: AuthId,
    /// Granted `WITH ADMIN OPTION`.
    #[serde(default)]
    pub admin_option: bool,
}

/// A user or a role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    /// The authorization ID.
    #[serde(flatten)]
    pub id: AuthId,
    /// The password as given (plain text in the sandbox); `None` for no password.
    #[serde(default)]
    pub password: Option<String>,
    /// Created by `CREATE ROLE`: the account is locked and cannot log in.
    #[serde(default)]
    pub role: bool,
    /// Static privileges, one entry per level.
    #[serde(default)]
    pub grants: Vec<Grant>,
    /// Dynamic privileges (global only), each with its grant option.
    #[serde(default)]
    pub dynamic: BTreeMap<String, bool>,
    /// Roles granted to this account.
    #[serde(default)]
    pub roles: Vec<RoleGrant>,
}

impl Account {
    /// A new account with no privileges.
    pub fn new(id: AuthId, password: Option<String>, role: bool) -> Self {
        Account { id, password, role, grants: Vec::new(), dynamic: BTreeMap::new(), roles: Vec::new() }
    }

    /// The privileges held at exactly `level`.
    pub fn at(&self, level: &Level) -> Privs {
        self.grants.iter().find(|g| &g.level == level).map_or(Privs::NONE, |g| g.privileges)
    }

    /// Adds privileges at `level`.
    pub(crate) fn add(&mut self, level: &Level, privs: Privs) {
        if privs.is_empty() {
            return;
        }
        match self.grants.iter_mut().find(|g| &g.level == level) {
            Some(g) => g.privileges = g.privileges.union(privs),
            None => self.grants.push(Grant { level: level.clone(), privileges: privs }),
        }
    }

    /// Removes privileges at `level`, dropping the level when nothing is left.
    pub(crate) fn remove(&mut self, level: &Level, privs: Privs) {
        for g in self.grants.iter_mut().filter(|g| &g.level == level) {
            g.privileges = g.privileges.minus(privs);
        }
        self.grants.retain(|g| !g.privileges.is_empty());
    }
}

/// Every account of the server.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Accounts {
    /// Users and roles, in creation order.
    #[serde(default)]
    pub accounts: Vec<Account>,
}

impl Accounts {
    /// No account at all.
    pub fn empty() -> Self {
        Accounts::default()
    }

    /// The account with exactly this ID (host compared case-insensitively).
    pub fn find(&self, id: &AuthId) -> Option<&Account> {
        self.accounts.iter().find(|a| a.id.user == id.user && a.id.host.eq_ignore_ascii_case(&id.host))
    }

    pub(crate) fn find_mut(&mut self, id: &AuthId) -> Option<&mut Account> {
        self.accounts.iter_mut().find(|a| a.id.user == id.user && a.id.host.eq_ignore_ascii_case(&id.host))
    }
}
