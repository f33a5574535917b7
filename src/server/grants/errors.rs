//! The MySQL 8.0 errors of accounts and privileges, worded as in the MySQL 8.0 Error Message
//! Reference, with the Python class pymysql (then DataJoint) raises them as: pymysql maps 1044,
//! 1045 and 1142 to `OperationalError`, 1064 and 1149 to `ProgrammingError`, and any other number
//! from 1000 up to `OperationalError`; DataJoint turns 1044/1142 into `AccessError` and 1064
//! into `QuerySyntaxError`.

use super::account::AuthId;
use crate::engine::{Error, Kind};

/// 1045 `ER_ACCESS_DENIED_ERROR`: a failed login. `host` is the client's host.
pub fn access_denied(user: &str, host: &str, using_password: bool) -> Error {
    let yes = if using_password { "YES" } else { "NO" };
    Error::mysql(
        Kind::OperationalError,
        1045,
        format!("Access denied for user '{user}'@'{host}' (using password: {yes})"),
    )
}

/// 3118 `ER_ACCOUNT_HAS_BEEN_LOCKED`: a login to a locked account (a role).
pub fn account_locked(user: &str, host: &str) -> Error {
    Error::mysql(Kind::OperationalError, 3118, format!("Access denied for user '{user}'@'{host}'. Account is locked."))
}

/// 1044 `ER_DBACCESS_DENIED_ERROR`, as `AccessError`. MySQL's `check_access` names the
/// account's host pattern here (`'sailor'@'%'`), not the client host (oracle agrees).
/// DataJoint raises it as `AccessError('Insufficient privileges.', <this message>, <query>)`;
/// the caller builds that tuple.
pub fn db_access_denied(user: &str, account_host: &str, db: &str) -> Error {
    Error::mysql(
        Kind::AccessError,
        1044,
        format!("Access denied for user '{user}'@'{account_host}' to database '{db}'"),
    )
}

/// 1142 `ER_TABLEACCESS_DENIED_ERROR`, as `AccessError`: MySQL 8.0 names the client host and
/// the bare table name in single quotes (the oracle, MariaDB, writes `` `db`.`table` ``).
/// DataJoint wraps it like 1044; the caller builds the tuple.
pub fn table_access_denied(command: &str, user: &str, client_host: &str, table: &str) -> Error {
    Error::mysql(
        Kind::AccessError,
        1142,
        format!("{command} command denied to user '{user}'@'{client_host}' for table '{table}'"),
    )
}

/// 1141 `ER_NONEXISTING_GRANT`.
pub fn no_such_grant(id: &AuthId) -> Error {
    Error::mysql(
        Kind::OperationalError,
        1141,
        format!("There is no such grant defined for user '{}' on host '{}'", id.user, id.host),
    )
}

/// 1147 `ER_NONEXISTING_TABLE_GRANT`.
pub fn no_such_table_grant(id: &AuthId, table: &str) -> Error {
    Error::mysql(
        Kind::OperationalError,
        1147,
        format!("There is no such grant defined for user '{}' on host '{}' on table '{table}'", id.user, id.host),
    )
}

/// 1396 `ER_CANNOT_USER`: `operation` is e.g. `CREATE USER`; the failing accounts are listed.
pub fn cannot_user(operation: &str, ids: &[AuthId]) -> Error {
    let list: Vec<String> = ids.iter().map(AuthId::single_quoted).collect();
    Error::mysql(Kind::OperationalError, 1396, format!("Operation {operation} failed for {}", list.join(",")))
}

/// 1410 `ER_CANT_CREATE_USER_WITH_GRANT`: MySQL 8.0's `GRANT` no longer creates accounts.
pub fn cant_create_user_with_grant() -> Error {
    Error::mysql(Kind::OperationalError, 1410, "You are not allowed to create a user with GRANT")
}

/// 3523 `ER_UNKNOWN_AUTHID`.
pub fn unknown_authid(id: &AuthId) -> Error {
    Error::mysql(Kind::OperationalError, 3523, format!("Unknown authorization ID {}", id.backquoted()))
}

/// 3530 `ER_ROLE_NOT_GRANTED`: `SHOW GRANTS … USING` a role the account does not have.
pub fn role_not_granted(role: &AuthId, to: &AuthId) -> Error {
    Error::mysql(Kind::OperationalError, 3530, format!("{} is not granted to {}", role.backquoted(), to.backquoted()))
}

/// 3573 `ER_ROLE_GRANTED_TO_ITSELF`: the grant would close a cycle in the role graph.
pub fn role_loop(user: &AuthId, role: &AuthId) -> Error {
    Error::mysql(
        Kind::OperationalError,
        3573,
        format!(
            "User account {} is directly or indirectly granted to the role {}. The GRANT would create a loop in \
             the role graph.",
            user.backquoted(),
            role.backquoted()
        ),
    )
}

/// 1221 `ER_WRONG_USAGE`: a global-only privilege granted on a database.
pub fn db_grant_global_privileges() -> Error {
    Error::mysql(Kind::OperationalError, 1221, "Incorrect usage of DB GRANT and GLOBAL PRIVILEGES")
}

/// 1144 `ER_ILLEGAL_GRANT_FOR_TABLE`: a privilege that does not exist at the table level.
pub fn illegal_grant_for_table() -> Error {
    Error::mysql(
        Kind::OperationalError,
        1144,
        "Illegal GRANT/REVOKE command; please consult the manual to see which privileges can be used",
    )
}

/// 3619 `ER_ILLEGAL_PRIVILEGE_LEVEL`: a dynamic privilege below the global level.
pub fn illegal_privilege_level(names: &[String]) -> Error {
    Error::mysql(Kind::OperationalError, 3619, format!("Illegal privilege level specified for {}", names.join(",")))
}

/// 1149 `ER_SYNTAX_ERROR`: an unknown (dynamic) privilege name at the global level.
pub fn unknown_privilege() -> Error {
    Error::mysql(
        Kind::ProgrammingError,
        1149,
        "You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for \
         the right syntax to use",
    )
}

/// 1046 `ER_NO_DB_ERROR`: `ON *` or `ON tbl` with no default database (account statements
/// run outside any database here).
pub fn no_database_selected() -> Error {
    Error::mysql(Kind::OperationalError, 1046, "No database selected")
}

/// 1470 `ER_WRONG_STRING_LENGTH`: user names are at most 32 characters, host names 255.
pub fn too_long(value: &str, what: &str, max: usize) -> Error {
    Error::mysql(
        Kind::OperationalError,
        1470,
        format!("String '{value}' is too long for {what} (should be no longer than {max})"),
    )
}

/// What the sandbox does not emulate (column privileges, `PROXY`, …).
pub fn unsupported(what: &str) -> Error {
    Error::new(Kind::NotImplementedError, format!("{what} is not supported by the sandbox"))
}
