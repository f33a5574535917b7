//! MySQL 8.0 accounts: users and roles with passwords and privileges at global, database and
//! table level, `GRANT` statements, privilege checks and `SHOW GRANTS`.
//!
//! The server emulated runs `--activate_all_roles_on_login=ON`: a session's active roles are all
//! the roles granted to its account. Error texts are MySQL 8.0's (Error Message Reference), not
//! the MariaDB oracle's; see design/server.md.

mod account;
mod check;
mod errors;
mod exec;
mod lexer;
mod pattern;
mod privileges;
mod session;
mod show;
mod statement;
mod workshop;

pub use account::{backquote, Account, Accounts, AuthId, Grant, Level, RoleGrant};
pub use pattern::{db_matches, host_matches};
pub use privileges::{Privilege, Privs, ALL_PRIVILEGES, DYNAMIC_PRIVILEGES};
pub use session::Session;
pub use show::grants_column;
pub use statement::{parse, split_script, PrivilegeList, Statement};
pub use workshop::{ADMIN_SQL, WORKSHOP_SQL};

#[cfg(test)]
mod tests;
