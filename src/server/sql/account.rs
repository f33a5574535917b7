//! Account statements through `dj.conn().query()`: `CREATE USER`, `CREATE ROLE`, `DROP USER`,
//! `DROP ROLE`, `ALTER USER`, `GRANT` and `REVOKE`, as an administrator (root, or the
//! workshop's `captain`) runs them to set up the lab's accounts.

use crate::engine::{Error, Kind, Result};
use crate::server::grants::{self, Privilege};

use super::{QueryResult, Stmt};

/// The statements the accounts' parser runs, by their first words.
pub fn is_account_statement(words: &[String]) -> bool {
    match words {
        [first, ..] if first == "GRANT" || first == "REVOKE" => true,
        [first, second, ..] => {
            matches!(first.as_str(), "CREATE" | "DROP" | "ALTER") && matches!(second.as_str(), "USER" | "ROLE")
        }
        _ => false,
    }
}

/// Runs one account statement. The session needs the global `CREATE USER` privilege, which
/// MySQL 8.0 requires for `CREATE USER`, `DROP USER` and `ALTER USER` on other accounts and
/// accepts in place of `CREATE ROLE`/`DROP ROLE`; `root` and the workshop's `dj_admin` hold it,
/// attendees (`dj_user`) and guests (`dj_guest`) do not. (MySQL's checks for `GRANT`/`REVOKE`
/// are finer: `GRANT OPTION` plus the privileges granted, or `ROLE_ADMIN` for roles; the
/// sandbox asks the same single privilege of them, so no attendee can grant anything.)
pub fn run(st: &mut Stmt, text: &str) -> Result<QueryResult> {
    let stmt = grants::parse(text)?;
    if !st.server.accounts.has_global(&st.session, Privilege::CreateUser) {
        return Err(specific_access_denied("CREATE USER"));
    }
    st.server.change_accounts(|accounts| accounts.apply(&stmt))?;
    Ok(QueryResult::affected(0))
}

/// 1227 `ER_SPECIFIC_ACCESS_DENIED_ERROR` (pymysql: `OperationalError`; DataJoint passes it on).
fn specific_access_denied(privilege: &str) -> Error {
    Error::mysql(
        Kind::OperationalError,
        1227,
        format!("Access denied; you need (at least one of) the {privilege} privilege(s) for this operation"),
    )
}
