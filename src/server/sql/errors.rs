//! MySQL 8.0's errors for raw statements, and DataJoint's translation of them
//! (`datajoint/connection.py::translate_query_error`).

use crate::engine::error::{Error, Kind};
use crate::engine::TableName;

/// 1046: DataJoint's connection selects no database, so a bare table name has none.
pub fn no_database() -> Error {
    Error::mysql(Kind::OperationalError, 1046, "No database selected")
}

/// 1146 (MySQL 8.0: `Table 'db.t' doesn't exist`).
pub fn missing_table(t: &TableName) -> Error {
    Error::mysql(Kind::MissingTableError, 1146, format!("Table '{}.{}' doesn't exist", t.database, t.table))
}

/// 1049.
pub fn unknown_database(db: &str) -> Error {
    Error::mysql(Kind::OperationalError, 1049, format!("Unknown database '{db}'"))
}

/// 1065 (unmapped in pymysql: `OperationalError`).
pub fn empty_query() -> Error {
    Error::mysql(Kind::OperationalError, 1065, "Query was empty")
}

/// 1052.
pub fn ambiguous(name: &str, clause: &str) -> Error {
    Error::mysql(Kind::OperationalError, 1052, format!("Column '{name}' in {clause} is ambiguous"))
}

/// 1054 (DataJoint's `UnknownAttributeError`).
pub fn unknown_column(name: &str, clause: &str) -> Error {
    Error::mysql(Kind::UnknownAttributeError, 1054, format!("Unknown column '{name}' in '{clause}'"))
}

/// 1066: the same table name (or alias) twice in a FROM clause.
pub fn not_unique_table(name: &str) -> Error {
    Error::mysql(Kind::OperationalError, 1066, format!("Not unique table/alias: '{name}'"))
}

/// A statement MySQL runs but the sandbox does not: tables are declared with DataJoint.
pub fn unsupported(what: &str) -> Error {
    Error::new(
        Kind::OperationalError,
        format!(
            "{what} is not supported in the sandbox's raw SQL: declare, alter and drop tables with DataJoint \
             (dj.Schema, table classes' definition, .alter(), .drop()); dj.conn().query() runs SELECT, SHOW, \
             DESCRIBE, INSERT, UPDATE, DELETE, CREATE/DROP DATABASE, DROP TABLE and account statements \
             (CREATE USER, GRANT, ...)"
        ),
    )
}

/// A table-level denial for a statement MySQL names (`SHOW command denied ...`).
pub fn table_denied(command: &str, user: &str, client_host: &str, table: &str) -> Error {
    Error::mysql(
        Kind::AccessError,
        1142,
        format!("{command} command denied to user '{user}'@'{client_host}' for table '{table}'"),
    )
}

/// What DataJoint raises for a MySQL error of `query` (the text as the caller wrote it, with
/// its placeholders): 1044/1142 → `AccessError('Insufficient privileges.', msg, query)`,
/// 1064 → `QuerySyntaxError(msg, query)`, 1146 → `MissingTableError(msg, query)`, 1062 →
/// `DuplicateError`, 1217/1451/1452 → `IntegrityError`, 1364 → `MissingAttributeError`, 1054 →
/// `UnknownAttributeError`; anything else as pymysql raised it.
pub fn translate(e: Error, query: &str) -> Error {
    // Errors the engine already wrapped (its own privilege checks) carry their tuple.
    if e.message.starts_with("('Insufficient privileges.'") {
        return e;
    }
    match e.code {
        Some(code @ (1044 | 1142)) => {
            Error::with_args(Kind::AccessError, Some(code), &["Insufficient privileges.", &e.message, query])
        }
        Some(1064) => Error::with_args(Kind::QuerySyntaxError, Some(1064), &[&e.message, query]),
        Some(1146) => Error::with_args(Kind::MissingTableError, Some(1146), &[&e.message, query]),
        Some(1062) => Error { kind: Kind::DuplicateError, ..e },
        Some(1217 | 1451 | 1452) => Error { kind: Kind::IntegrityError, ..e },
        Some(1364) => Error { kind: Kind::MissingAttributeError, ..e },
        Some(1054) => Error { kind: Kind::UnknownAttributeError, ..e },
        _ => e,
    }
}
