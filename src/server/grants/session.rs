//! Logging in: `authenticate` finds the account for a user name and client host, checks the
//! password, and activates every granted role (`--activate_all_roles_on_login=ON`).

use serde::{Deserialize, Serialize};

use super::account::{Accounts, AuthId};
use super::errors;
use super::pattern::{has_wildcards, host_matches};
use crate::engine::Result;

/// A logged-in connection: who, from where, and with which roles active.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// The account matched at login (`CURRENT_USER()`), e.g. `'sailor'@'%'`.
    pub account: AuthId,
    /// The client's host as messages show it (`USER()`'s host), e.g. `localhost`.
    pub client_host: String,
    /// The active roles: all roles granted to the account at login.
    pub active_roles: Vec<AuthId>,
}

impl Session {
    /// The user name.
    pub fn user(&self) -> &str {
        &self.account.user
    }
}

/// How specific a host pattern is: MySQL tries literal hosts first and `%` last (MySQL manual,
/// "Access Control, Stage 1: Connection Verification": rows sorted most-specific first).
fn specificity(host: &str) -> (bool, usize) {
    let first_wild = host.find(['%', '_']).unwrap_or(host.len());
    (!has_wildcards(host), first_wild)
}

impl Accounts {
    /// Logs `user` in from `client_host`. A wrong user or password is MySQL's 1045, naming the
    /// client host; `using password: NO` when no (or an empty) password was given. A role (a
    /// locked account) cannot log in (3118).
    pub fn authenticate(&self, user: &str, password: Option<&str>, client_host: &str) -> Result<Session> {
        let given = password.unwrap_or("");
        let denied = || errors::access_denied(user, client_host, !given.is_empty());
        let account = self
            .accounts
            .iter()
            .filter(|a| a.id.user == user && host_matches(&a.id.host, client_host))
            .max_by_key(|a| specificity(&a.id.host))
            .ok_or_else(denied)?;
        if account.password.as_deref().unwrap_or("") != given {
            return Err(denied());
        }
        if account.role {
            return Err(errors::account_locked(user, client_host));
        }
        let mut active_roles: Vec<AuthId> = account.roles.iter().map(|r| r.role.clone()).collect();
        active_roles.sort();
        Ok(Session { account: account.id.clone(), client_host: client_host.to_string(), active_roles })
    }
}
