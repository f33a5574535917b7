//! A scenario's roles and users, applied as the account statements an administrator would run
//! (`CREATE ROLE`, `CREATE USER`, `GRANT`), so the file's grant lines read as MySQL's.

use crate::server::grants::Accounts;
use crate::server::settings::ServerSettings;

use super::error::ScenarioError;
use super::file::{ScenarioFile, ServerSection};

/// The server's settings from `[server]`.
pub fn settings(server: &ServerSection) -> ServerSettings {
    ServerSettings {
        hosts: server.hosts.clone(),
        port: server.port,
        version: server.version.clone(),
        client_host: server.client_host.clone(),
    }
}

/// The accounts a scenario declares; `file` names the scenario file in errors.
pub fn accounts(scenario: &ScenarioFile, file: &str) -> Result<Accounts, ScenarioError> {
    let mut accounts = Accounts::empty();
    let mut run = |field: String, sql: String| {
        accounts.execute(&sql).map_err(|e| ScenarioError::Rejected { file: file.into(), field, message: e.message })
    };
    for (i, role) in scenario.roles.iter().enumerate() {
        let id = quote(&role.name);
        run(format!("roles[{i}].name"), format!("CREATE ROLE {id}"))?;
        grant_all(&mut run, file, &format!("roles[{i}]"), &role.grants, &id)?;
    }
    for (i, user) in scenario.users.iter().enumerate() {
        let id = format!("{}@{}", quote(&user.name), quote(&user.host));
        run(format!("users[{i}].name"), format!("CREATE USER {id} IDENTIFIED BY {}", quote(&user.password)))?;
        for (j, role) in user.roles.iter().enumerate() {
            run(format!("users[{i}].roles[{j}]"), format!("GRANT {} TO {id}", quote(role)))?;
        }
        grant_all(&mut run, file, &format!("users[{i}]"), &user.grants, &id)?;
    }
    if !scenario.users.iter().any(|u| u.name == scenario.admin) {
        return Err(ScenarioError::Rejected {
            file: file.into(),
            field: "admin".into(),
            message: format!("'{}' is not one of the [[users]]", scenario.admin),
        });
    }
    Ok(accounts)
}

/// `GRANT line TO id` for each line; a line must not repeat `GRANT` or `TO` (the entry names
/// the grantee).
fn grant_all(
    run: &mut impl FnMut(String, String) -> Result<(), ScenarioError>,
    file: &str,
    entry: &str,
    lines: &[String],
    id: &str,
) -> Result<(), ScenarioError> {
    for (j, line) in lines.iter().enumerate() {
        let field = format!("{entry}.grants[{j}]");
        let first = line.split_whitespace().next().unwrap_or_default();
        if first.eq_ignore_ascii_case("GRANT") {
            return Err(ScenarioError::Rejected {
                file: file.into(),
                field,
                message: "write the privileges and the level only (\"SELECT ON *.*\"): the entry is the grantee".into(),
            });
        }
        // `WITH GRANT OPTION` reads naturally at the end of the line; MySQL wants it after `TO`.
        let trimmed = line.trim_end();
        let cut = trimmed.len().saturating_sub(WITH_GRANT_OPTION.len());
        let sql = match trimmed.get(cut..) {
            Some(tail) if tail.eq_ignore_ascii_case(WITH_GRANT_OPTION) => {
                format!("GRANT {} TO {id} {WITH_GRANT_OPTION}", &trimmed[..cut])
            }
            _ => format!("GRANT {line} TO {id}"),
        };
        run(field, sql)?;
    }
    Ok(())
}

const WITH_GRANT_OPTION: &str = "WITH GRANT OPTION";

/// A string literal for the account statements.
fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\\', "\\\\").replace('\'', "''"))
}
