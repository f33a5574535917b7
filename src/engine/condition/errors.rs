//! The errors a restriction or computed attribute can raise, as DataJoint and MySQL word them.

use crate::engine::error::{Error, Kind};

/// 1054: an identifier that is no attribute (`clause` is 'where clause' or 'field list').
pub fn unknown_column(name: &str, clause: &str) -> Error {
    Error::mysql(Kind::UnknownAttributeError, 1054, format!("Unknown column '{name}' in '{clause}'"))
}

/// 1111 (pymysql `ProgrammingError`): an aggregate where none may be, or nested aggregates.
// oracle: `T & "count(*) > 1"` → ProgrammingError (1111, 'Invalid use of group function').
pub fn group_function() -> Error {
    Error::mysql(Kind::ProgrammingError, 1111, "Invalid use of group function")
}

/// 1582: a native function called with the wrong number of arguments.
// oracle: concat() → OperationalError (1582, "Incorrect parameter count in the call to native
// function 'concat'").
pub fn parameter_count(name: &str) -> Error {
    Error::mysql(
        Kind::OperationalError,
        1582,
        format!("Incorrect parameter count in the call to native function '{name}'"),
    )
}

/// An unknown function. MySQL 8.0 resolves it as a stored function of the current database;
/// DataJoint's connection selects none, so MySQL says 1046 (MariaDB, the oracle, says 1305
/// 'FUNCTION foo does not exist').
pub fn unknown_function() -> Error {
    Error::mysql(Kind::OperationalError, 1046, "No database selected")
}

/// Something MySQL accepts that the sandbox does not emulate.
pub fn unsupported(what: &str) -> Error {
    Error::new(Kind::OperationalError, format!("{what} is not supported in the sandbox's SQL"))
}

/// Nesting or length beyond what the sandbox parses.
pub fn too_complex() -> Error {
    Error::new(
        Kind::OperationalError,
        format!(
            "the expression is nested more than {} levels deep or is too long for the sandbox",
            super::parse::MAX_NESTING
        ),
    )
}

/// 1210: a bad ESCAPE clause.
pub fn bad_escape() -> Error {
    Error::mysql(Kind::OperationalError, 1210, "Incorrect arguments to ESCAPE")
}

/// 3685: a REGEXP pattern ICU rejects.
pub fn bad_regexp() -> Error {
    Error::mysql(Kind::OperationalError, 3685, "Illegal argument to a regular expression.")
}
