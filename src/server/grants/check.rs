//! Privilege checks: what a session may do, and MySQL 8.0's denial errors.
//!
//! A session's privileges are its account's own grants plus those of its active roles and of
//! the roles granted to them (MySQL's role graph). At the database level MySQL 8.0 (with active
//! roles, `Security_context::db_acl`) takes the grant naming the database exactly when there is
//! one (a name without `_` or `%`), else the union of every matching pattern grant.

use std::collections::BTreeMap;

use super::account::{Accounts, AuthId, Level};
use super::errors;
use super::pattern::{db_matches, has_wildcards};
use super::privileges::{Privilege, Privs};
use super::session::Session;
use crate::engine::Result;

/// The schema MySQL always lets everyone read and nobody change.
const INFORMATION_SCHEMA: &str = "information_schema";

/// Privileges aggregated over an account and a set of roles (MySQL's `Get_access_maps`).
#[derive(Debug, Clone, Default)]
pub(crate) struct Effective {
    pub global: Privs,
    pub dynamic: BTreeMap<String, bool>,
    /// Database grants naming no wildcard character, by name.
    pub db_exact: BTreeMap<String, Privs>,
    /// Database grants with `_` or `%`, by pattern.
    pub db_wild: BTreeMap<String, Privs>,
    /// Table grants by (database, table).
    pub tables: BTreeMap<(String, String), Privs>,
}

impl Effective {
    /// The database-level privileges on `db`.
    pub fn db(&self, db: &str) -> Privs {
        if let Some(p) = self.db_exact.get(db) {
            return *p;
        }
        self.db_wild.iter().filter(|(pat, _)| db_matches(pat, db)).fold(Privs::NONE, |acc, (_, p)| acc.union(*p))
    }

    /// Everything held on `db` (and on `db.table` when given).
    pub fn on(&self, db: &str, table: Option<&str>) -> Privs {
        let mut p = self.global.union(self.db(db));
        if let Some(t) = table {
            if let Some(tp) = self.tables.get(&(db.to_string(), t.to_string())) {
                p = p.union(*tp);
            }
        }
        p
    }
}

impl Accounts {
    /// The privileges of `id` together with `roles` and every role granted to those.
    pub(crate) fn effective(&self, id: &AuthId, roles: &[AuthId]) -> Effective {
        let mut eff = Effective::default();
        let mut visit: Vec<AuthId> = vec![id.clone()];
        for r in roles {
            if !visit.contains(r) {
                visit.push(r.clone());
            }
            for more in self.reachable(r) {
                if !visit.contains(&more) {
                    visit.push(more);
                }
            }
        }
        for a in visit.iter().filter_map(|v| self.find(v)) {
            for g in &a.grants {
                match &g.level {
                    Level::Global => eff.global = eff.global.union(g.privileges),
                    Level::Database(db) => {
                        let map = if has_wildcards(db) { &mut eff.db_wild } else { &mut eff.db_exact };
                        let e = map.entry(db.clone()).or_default();
                        *e = e.union(g.privileges);
                    }
                    Level::Table(db, t) => {
                        let e = eff.tables.entry((db.clone(), t.clone())).or_default();
                        *e = e.union(g.privileges);
                    }
                }
            }
            for (name, opt) in &a.dynamic {
                *eff.dynamic.entry(name.clone()).or_insert(false) |= *opt;
            }
        }
        eff
    }

    fn session_privileges(&self, session: &Session) -> Effective {
        let active: Vec<AuthId> = session.active_roles.iter().filter(|r| self.find(r).is_some()).cloned().collect();
        self.effective(&session.account, &active)
    }

    /// Whether the session holds `privilege` on database `db` (and table `table`, when given).
    /// `information_schema` is readable by everyone and writable by no one.
    pub fn has(&self, session: &Session, privilege: Privilege, db: &str, table: Option<&str>) -> bool {
        if db.eq_ignore_ascii_case(INFORMATION_SCHEMA) {
            return privilege == Privilege::Select;
        }
        self.session_privileges(session).on(db, table).contains(privilege)
    }

    /// Whether the session holds `privilege` globally (`ON *.*`), as the administrative
    /// privileges (`CREATE USER`, ...) must be held.
    pub fn has_global(&self, session: &Session, privilege: Privilege) -> bool {
        self.session_privileges(session).global.contains(privilege)
    }

    /// Checks `privilege` on `db` (`table: None`: a database-level operation such as
    /// `CREATE DATABASE`/`DROP DATABASE`) or on `db.table`. Denials are MySQL 8.0's:
    /// table level 1142 ``INSERT command denied to user 'sailor'@'localhost' for table
    /// 'subject'`` (client host, bare table name); database level 1044 ``Access denied for user
    /// 'sailor'@'%' to database 'alice_workshop'`` (account host, as MySQL's `check_access`
    /// prints it). Both come back as `Kind::AccessError` with the server's message; DataJoint
    /// raises `AccessError('Insufficient privileges.', message, query)` and the caller, which
    /// knows the query, builds that tuple.
    pub fn check(&self, session: &Session, privilege: Privilege, db: &str, table: Option<&str>) -> Result<()> {
        if self.has(session, privilege, db, table) {
            return Ok(());
        }
        Err(match table {
            Some(t) => errors::table_access_denied(privilege.name(), session.user(), &session.client_host, t),
            None => errors::db_access_denied(session.user(), &session.account.host, db),
        })
    }

    /// Checks `REFERENCES` on a foreign key's parent table, as MySQL 8.0 does when a table
    /// with a foreign key is created (`check_fk_parent_table_access`): the 1142 then names the
    /// parent as `db.table`, e.g. ``REFERENCES command denied to user 'sailor'@'localhost' for
    /// table 'alice_workshop.session'``.
    pub fn check_references(&self, session: &Session, parent_db: &str, parent_table: &str) -> Result<()> {
        if self.has(session, Privilege::References, parent_db, Some(parent_table)) {
            return Ok(());
        }
        Err(errors::table_access_denied(
            "REFERENCES",
            session.user(),
            &session.client_host,
            &format!("{parent_db}.{parent_table}"),
        ))
    }

    /// The databases of `all` that `SHOW DATABASES` (and `dj.list_schemas()`) lists for the
    /// session, in the given order. MySQL manual, "SHOW DATABASES Statement": "You see only those
    /// databases for which you have some kind of privilege, unless you have the global SHOW
    /// DATABASES privilege"; a global database privilege (e.g. `dj_guest`'s `SELECT ON *.*`)
    /// covers every database, a table grant makes its database visible (oracle), and
    /// `information_schema` is always listed.
    pub fn visible_databases(&self, session: &Session, all: &[String]) -> Vec<String> {
        let eff = self.session_privileges(session);
        let global = eff.global.contains(Privilege::ShowDatabases) || !eff.global.intersect(Privs::DB_ALL).is_empty();
        all.iter()
            .filter(|db| {
                global
                    || db.eq_ignore_ascii_case(INFORMATION_SCHEMA)
                    || !eff.db(db).minus(Privs::GRANT).is_empty()
                    || eff.tables.keys().any(|(d, _)| d == *db)
            })
            .cloned()
            .collect()
    }
}
