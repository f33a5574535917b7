//! `SHOW GRANTS`, printed as MySQL 8.0 prints it (sql/auth/sql_authorization.cc,
//! `mysql_show_grants` and the `make_*_privilege_statement` helpers):
//!
//! - one global row, always: `GRANT USAGE ON *.* TO …` or the privileges listed one by one in
//!   MySQL's order (8.0 never prints `ALL PRIVILEGES` globally), `WITH GRANT OPTION` if held;
//! - dynamic privileges, comma-joined without spaces: a row without, then a row with grant option;
//! - database rows: plain names first, then patterns, each sorted; `ALL PRIVILEGES` when all of
//!   `DB_OP_ACLS` are held;
//! - table rows sorted by `` `db`.`table` ``; `ALL PRIVILEGES` for all of `TABLE_OP_ACLS`;
//! - the granted roles, sorted, comma-joined: ``GRANT `dj_user`@`%` TO `sailor`@`%` ``, then
//!   those held `WITH ADMIN OPTION` in a row of their own.
//!
//! Roles are expanded into the rows when named with `USING`, and — `SHOW GRANTS` and
//! `SHOW GRANTS FOR CURRENT_USER()` without `USING` — the session's active roles are (source:
//! `Sql_cmd_show_grants::execute` passes the active roles; manual of `sql_authorization.cc`:
//! "SHOW GRANT shows all effective privileges using the currently active roles for the current
//! user"). With `activate_all_roles_on_login` a learner's own `SHOW GRANTS` thus lists the
//! role's privileges; `SHOW GRANTS FOR 'sailor'` does not.

use super::account::{backquote, Accounts, AuthId};
use super::errors;
use super::privileges::{Privilege, Privs};
use super::session::Session;
use super::statement::{self, Statement};
use crate::engine::Result;

fn privilege_text(privs: Privs, all: Option<Privs>) -> String {
    let p = privs.minus(Privs::GRANT);
    if all.is_some_and(|all| p.contains_all(all)) {
        return "ALL PRIVILEGES".into();
    }
    if p.is_empty() {
        return "USAGE".into();
    }
    p.iter().map(Privilege::name).collect::<Vec<_>>().join(", ")
}

fn grant_option(privs: Privs) -> &'static str {
    if privs.contains(Privilege::GrantOption) {
        " WITH GRANT OPTION"
    } else {
        ""
    }
}

impl Accounts {
    /// The rows of `SHOW GRANTS [FOR for_user [USING using…]]` run by `session`; `for_user: None`
    /// is the current user (`SHOW GRANTS`, `FOR CURRENT_USER()`). Naming another user needs
    /// `SELECT` on `mysql.user`, else MySQL 8.0's 1142 ``SELECT command denied to user
    /// 'x'@'localhost' for table 'user'`` (MySQL compares user names only); an unknown account
    /// is 1141 and a `USING` role not granted to it 3530.
    pub fn show_grants(&self, session: &Session, for_user: Option<&AuthId>, using: &[AuthId]) -> Result<Vec<String>> {
        let target = match for_user {
            None => session.account.clone(),
            Some(id) => {
                if id.user != session.account.user {
                    self.check(session, Privilege::Select, "mysql", Some("user"))?;
                }
                id.clone()
            }
        };
        let Some(account) = self.find(&target) else { return Err(errors::no_such_grant(&target)) };
        let roles: Vec<AuthId> = if for_user.is_none() && using.is_empty() {
            session.active_roles.iter().filter(|r| self.find(r).is_some()).cloned().collect()
        } else {
            for r in using {
                if self.find(r).is_none() {
                    return Err(errors::unknown_authid(r));
                }
                if !account.roles.iter().any(|g| &g.role == r) {
                    return Err(errors::role_not_granted(r, &account.id));
                }
            }
            using.to_vec()
        };
        let eff = self.effective(&account.id, &roles);
        let to = account.id.backquoted();
        let mut rows =
            vec![format!("GRANT {} ON *.* TO {to}{}", privilege_text(eff.global, None), grant_option(eff.global))];
        for with_option in [false, true] {
            let names: Vec<&str> =
                eff.dynamic.iter().filter(|(_, o)| **o == with_option).map(|(n, _)| n.as_str()).collect();
            if !names.is_empty() {
                let opt = if with_option { " WITH GRANT OPTION" } else { "" };
                rows.push(format!("GRANT {} ON *.* TO {to}{opt}", names.join(",")));
            }
        }
        for (db, privs) in eff.db_exact.iter().chain(&eff.db_wild) {
            rows.push(format!(
                "GRANT {} ON {}.* TO {to}{}",
                privilege_text(*privs, Some(Privs::DB_ALL)),
                backquote(db),
                grant_option(*privs)
            ));
        }
        let mut tables: Vec<(String, Privs)> =
            eff.tables.iter().map(|((d, t), p)| (format!("{}.{}", backquote(d), backquote(t)), *p)).collect();
        tables.sort_by(|a, b| a.0.cmp(&b.0));
        for (name, privs) in tables {
            rows.push(format!(
                "GRANT {} ON {name} TO {to}{}",
                privilege_text(privs, Some(Privs::TABLE_ALL)),
                grant_option(privs)
            ));
        }
        for admin in [false, true] {
            let mut granted: Vec<&AuthId> =
                account.roles.iter().filter(|r| r.admin_option == admin).map(|r| &r.role).collect();
            granted.sort();
            if !granted.is_empty() {
                let list: Vec<String> = granted.iter().map(|r| r.backquoted()).collect();
                let opt = if admin { " WITH ADMIN OPTION" } else { "" };
                rows.push(format!("GRANT {} TO {to}{opt}", list.join(",")));
            }
        }
        Ok(rows)
    }

    /// Answers a `SHOW GRANTS …` statement's text.
    pub fn show_grants_sql(&self, session: &Session, sql: &str) -> Result<Vec<String>> {
        match statement::parse(sql)? {
            Statement::ShowGrants { for_user, using } => self.show_grants(session, for_user.as_ref(), &using),
            _ => Err(errors::unsupported("a statement other than SHOW GRANTS in show_grants_sql")),
        }
    }
}

/// The result column's name: `Grants for sailor@%` (no quotes), for the shown account.
pub fn grants_column(session: &Session, for_user: Option<&AuthId>) -> String {
    format!("Grants for {}", for_user.unwrap_or(&session.account))
}
