//! Applying account statements to the accounts. MySQL 8.0's account statements are atomic
//! (MySQL manual, "Atomic Data Definition Statement Support": every account is checked before
//! any is changed), so each statement validates first and changes nothing on error.
//! They run with administrator rights: the scenario's instructor writes them.

use super::account::{Account, Accounts, AuthId, Level, RoleGrant};
use super::errors;
use super::privileges::{Privs, DYNAMIC_PRIVILEGES};
use super::statement::{self, is_dynamic_privilege, PrivilegeList, Statement};
use crate::engine::Result;

impl Accounts {
    /// Parses and applies one account statement (`SHOW GRANTS` is answered by `show_grants`).
    pub fn execute(&mut self, sql: &str) -> Result<()> {
        let stmt = statement::parse(sql)?;
        self.apply(&stmt)
    }

    /// Applies every statement of a `;`-separated script, stopping at the first error.
    pub fn execute_script(&mut self, script: &str) -> Result<()> {
        for sql in statement::split_script(script)? {
            self.execute(sql)?;
        }
        Ok(())
    }

    /// Applies a parsed statement.
    pub fn apply(&mut self, stmt: &Statement) -> Result<()> {
        match stmt {
            Statement::CreateUser { if_not_exists, users } => {
                let ids: Vec<(AuthId, Option<String>, bool)> =
                    users.iter().map(|(id, pw)| (id.clone(), pw.clone(), false)).collect();
                self.create(ids, *if_not_exists, "CREATE USER")
            }
            Statement::CreateRole { if_not_exists, roles } => {
                let ids = roles.iter().map(|id| (id.clone(), None, true)).collect();
                self.create(ids, *if_not_exists, "CREATE ROLE")
            }
            Statement::Drop { role, if_exists, ids } => {
                let missing: Vec<AuthId> = ids.iter().filter(|id| self.find(id).is_none()).cloned().collect();
                if !missing.is_empty() && !if_exists {
                    return Err(errors::cannot_user(if *role { "DROP ROLE" } else { "DROP USER" }, &missing));
                }
                for id in ids {
                    self.accounts.retain(|a| !(a.id.user == id.user && a.id.host.eq_ignore_ascii_case(&id.host)));
                    for a in &mut self.accounts {
                        a.roles.retain(|r| &r.role != id);
                    }
                }
                Ok(())
            }
            Statement::AlterUser { if_exists, users } => {
                let missing: Vec<AuthId> =
                    users.iter().filter(|(id, _)| self.find(id).is_none()).map(|(id, _)| id.clone()).collect();
                if !missing.is_empty() && !if_exists {
                    return Err(errors::cannot_user("ALTER USER", &missing));
                }
                for (id, pw) in users {
                    if let (Some(a), Some(pw)) = (self.find_mut(id), pw) {
                        a.password = Some(pw.clone());
                    }
                }
                Ok(())
            }
            Statement::GrantPrivileges { privileges, level, to } => {
                let (privs, dynamic) = resolve(privileges, level)?;
                if to.iter().any(|id| self.find(id).is_none()) {
                    return Err(errors::cant_create_user_with_grant());
                }
                let grant_option = privs.contains(super::Privilege::GrantOption);
                for id in to {
                    let a = self.find_mut(id).expect("checked above");
                    a.add(level, privs);
                    for d in &dynamic {
                        let opt = a.dynamic.entry(d.clone()).or_insert(false);
                        *opt |= grant_option;
                    }
                }
                Ok(())
            }
            Statement::GrantRoles { roles, to, admin_option } => {
                for user in to {
                    if self.find(user).is_none() {
                        return Err(errors::unknown_authid(user));
                    }
                    for role in roles {
                        if self.find(role).is_none() {
                            return Err(errors::unknown_authid(role));
                        }
                        // MySQL keeps the role graph acyclic: `user` must not be reachable
                        // from `role`.
                        if role == user || self.reachable(role).contains(user) {
                            return Err(errors::role_loop(user, role));
                        }
                    }
                }
                for user in to {
                    let a = self.find_mut(user).expect("checked above");
                    for role in roles {
                        match a.roles.iter_mut().find(|r| &r.role == role) {
                            Some(r) => r.admin_option |= admin_option,
                            None => a.roles.push(RoleGrant { role: role.clone(), admin_option: *admin_option }),
                        }
                    }
                }
                Ok(())
            }
            Statement::RevokePrivileges { privileges, level, from } => {
                let (privs, dynamic) = resolve(privileges, level)?;
                for id in from {
                    let Some(a) = self.find(id) else { return Err(errors::no_such_grant(id)) };
                    match level {
                        Level::Database(_) if a.at(level).is_empty() => return Err(errors::no_such_grant(id)),
                        Level::Table(_, t) if a.at(level).is_empty() => return Err(errors::no_such_table_grant(id, t)),
                        _ => {}
                    }
                }
                for id in from {
                    let a = self.find_mut(id).expect("checked above");
                    a.remove(level, privs);
                    for d in &dynamic {
                        a.dynamic.remove(d);
                    }
                }
                Ok(())
            }
            Statement::RevokeAll { from } => {
                if let Some(id) = from.iter().find(|id| self.find(id).is_none()) {
                    return Err(errors::no_such_grant(id));
                }
                for id in from {
                    let a = self.find_mut(id).expect("checked above");
                    a.grants.clear();
                    a.dynamic.clear();
                }
                Ok(())
            }
            Statement::RevokeRoles { roles, from } => {
                for id in from.iter().chain(roles) {
                    if self.find(id).is_none() {
                        return Err(errors::unknown_authid(id));
                    }
                }
                for id in from {
                    let a = self.find_mut(id).expect("checked above");
                    a.roles.retain(|r| !roles.contains(&r.role));
                }
                Ok(())
            }
            Statement::ShowGrants { .. } => Err(errors::unsupported("SHOW GRANTS through execute (use show_grants)")),
        }
    }

    fn create(&mut self, ids: Vec<(AuthId, Option<String>, bool)>, if_not_exists: bool, op: &str) -> Result<()> {
        let existing: Vec<AuthId> =
            ids.iter().filter(|(id, ..)| self.find(id).is_some()).map(|x| x.0.clone()).collect();
        if !existing.is_empty() && !if_not_exists {
            return Err(errors::cannot_user(op, &existing));
        }
        for (id, pw, role) in ids {
            if self.find(&id).is_none() {
                self.accounts.push(Account::new(id, pw, role));
            }
        }
        Ok(())
    }

    /// Every role reachable from `id` through granted roles (not `id` itself).
    pub(crate) fn reachable(&self, id: &AuthId) -> Vec<AuthId> {
        let mut seen: Vec<AuthId> = Vec::new();
        let mut todo = vec![id.clone()];
        while let Some(next) = todo.pop() {
            if let Some(a) = self.find(&next) {
                for r in &a.roles {
                    if !seen.contains(&r.role) {
                        seen.push(r.role.clone());
                        todo.push(r.role.clone());
                    }
                }
            }
        }
        seen
    }
}

/// The static bits and dynamic names a privilege list means at `level`, or MySQL's error for a
/// privilege that does not exist there (MySQL manual, "GRANT Statement", "Privileges Supported
/// by MySQL" table of levels).
fn resolve(list: &PrivilegeList, level: &Level) -> Result<(Privs, Vec<String>)> {
    let grant = list.privileges;
    let (all, allowed) = match level {
        Level::Global => (Privs::GLOBAL_ALL, Privs::GLOBAL_ALL.union(Privs::GRANT)),
        Level::Database(_) => (Privs::DB_ALL, Privs::DB_ALL.union(Privs::GRANT)),
        Level::Table(..) => (Privs::TABLE_ALL, Privs::TABLE_ALL.union(Privs::GRANT)),
    };
    if !allowed.contains_all(grant) {
        return Err(match level {
            Level::Table(..) => errors::illegal_grant_for_table(),
            _ => errors::db_grant_global_privileges(),
        });
    }
    let mut dynamic = list.dynamic.clone();
    if !dynamic.is_empty() {
        if *level != Level::Global {
            return Err(errors::illegal_privilege_level(&dynamic));
        }
        if !dynamic.iter().all(|d| is_dynamic_privilege(d)) {
            return Err(errors::unknown_privilege());
        }
    }
    let mut privs = grant;
    if list.all {
        privs = privs.union(all);
        if *level == Level::Global {
            dynamic = DYNAMIC_PRIVILEGES.iter().map(|s| s.to_string()).collect();
        }
    }
    Ok((privs, dynamic))
}
