//! MySQL 8.0 accounts: users and roles with passwords and privileges at global, database and
//! table level, `GRANT` statements, privilege checks and `SHOW GRANTS`.
