//! Engine errors: DataJoint's (or the MySQL client's) class name, its exact text, and the MySQL
//! error number behind it.

use std::fmt;

/// Declares [`Kind`] with each variant's Python class name, so that the list exists once.
macro_rules! kinds {
    ($($(#[doc = $doc:literal])* $variant:ident => $name:literal,)*) => {
        /// The Python class a DataJoint user would see raised.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Kind {
            $($(#[doc = $doc])* $variant,)*
        }

        impl Kind {
            /// The class name as Python prints it.
            pub fn name(self) -> &'static str {
                match self {
                    $(Kind::$variant => $name,)*
                }
            }

            /// The kind whose Python class name is `name`.
            pub fn from_name(name: &str) -> Option<Kind> {
                [$(Kind::$variant,)*].into_iter().find(|k| k.name() == name)
            }
        }
    };
}

kinds! {
    /// `datajoint.errors.DataJointError`.
    DataJointError => "DataJointError",
    /// `datajoint.errors.DuplicateError` (MySQL 1062).
    DuplicateError => "DuplicateError",
    /// `datajoint.errors.IntegrityError` (MySQL 1217, 1451, 1452).
    IntegrityError => "IntegrityError",
    /// `datajoint.errors.MissingAttributeError` (MySQL 1364).
    MissingAttributeError => "MissingAttributeError",
    /// `datajoint.errors.UnknownAttributeError` (MySQL 1054).
    UnknownAttributeError => "UnknownAttributeError",
    /// `datajoint.errors.QuerySyntaxError` (MySQL 1064).
    QuerySyntaxError => "QuerySyntaxError",
    /// `datajoint.errors.AccessError` (MySQL 1044, 1142).
    AccessError => "AccessError",
    /// `datajoint.errors.MissingTableError` (MySQL 1146).
    MissingTableError => "MissingTableError",
    /// `datajoint.errors.LostConnectionError`.
    LostConnectionError => "LostConnectionError",
    /// `pymysql.err.OperationalError`: server errors DataJoint does not translate.
    OperationalError => "OperationalError",
    /// `pymysql.err.DataError`: strict-mode value errors (1264, 1265, 1366, 1406, ...).
    DataError => "DataError",
    /// `pymysql.err.ProgrammingError`.
    ProgrammingError => "ProgrammingError",
    /// `pymysql.err.NotSupportedError` (MySQL 1235, "doesn't yet support").
    NotSupportedError => "NotSupportedError",
    /// `pymysql.err.InternalError`.
    InternalError => "InternalError",
    /// `networkx.exception.NetworkXError` (a graph walk from a table no longer declared).
    NetworkXError => "NetworkXError",
    /// Python's `KeyError`.
    KeyError => "KeyError",
    /// Python's `TypeError`.
    TypeError => "TypeError",
    /// Python's `ValueError`.
    ValueError => "ValueError",
    /// Python's `AttributeError`.
    AttributeError => "AttributeError",
    /// Python's `NotImplementedError`.
    NotImplementedError => "NotImplementedError",
    /// Python's `AssertionError`.
    AssertionError => "AssertionError",
    /// `pymysql.err.Error` (e.g. pinging a closed connection).
    PyMySqlError => "Error",
    /// Python's `FileNotFoundError` (errno 2).
    FileNotFoundError => "FileNotFoundError",
    /// Python's `IsADirectoryError` (errno 21).
    IsADirectoryError => "IsADirectoryError",
    /// Python's `NotADirectoryError` (errno 20).
    NotADirectoryError => "NotADirectoryError",
    /// Python's `PermissionError` (errno 13).
    PermissionError => "PermissionError",
    /// Python's `OSError`: other operating-system errors.
    OSError => "OSError",
    /// `json.decoder.JSONDecodeError`.
    JSONDecodeError => "JSONDecodeError",
    /// Python's `UnicodeDecodeError`.
    UnicodeDecodeError => "UnicodeDecodeError",
    /// Python's `RecursionError`.
    RecursionError => "RecursionError",
    /// Python's `MemoryError`.
    MemoryError => "MemoryError",
    /// Python's `NameError`.
    NameError => "NameError",
    /// Python's `IndexError` (numpy's index out of bounds, too).
    IndexError => "IndexError",
    /// numpy's `UFuncTypeError` (a `TypeError`): an operation on values of the wrong dtype.
    UFuncTypeError => "UFuncTypeError",
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An error as DataJoint raises it: `message` is what Python's `str(e)` prints (a tuple repr for
/// errors with several arguments), except `KeyError`, whose message is its bare argument.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind}: {message}")]
pub struct Error {
    /// The Python class.
    pub kind: Kind,
    /// The text, verbatim.
    pub message: String,
    /// The MySQL error number behind it, also when DataJoint wraps it.
    pub code: Option<u16>,
}

/// Engine result.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// An error of `kind` with no MySQL number.
    pub fn new(kind: Kind, message: impl Into<String>) -> Self {
        Error { kind, message: message.into(), code: None }
    }

    /// A plain `DataJointError`.
    pub fn dj(message: impl Into<String>) -> Self {
        Error::new(Kind::DataJointError, message)
    }

    /// An error carrying a MySQL error number.
    pub fn mysql(kind: Kind, code: u16, message: impl Into<String>) -> Self {
        Error { kind, message: message.into(), code: Some(code) }
    }

    /// An error whose Python args are several strings: `str(e)` is then the tuple's repr.
    pub fn with_args(kind: Kind, code: Option<u16>, args: &[&str]) -> Self {
        Error { kind, message: crate::engine::py::tuple_repr(args), code }
    }

    /// The same text under another class name (a script's own exception class, for
    /// populate's `"Class: message"`); unknown names keep this error's kind.
    pub fn with_class(self, class: &str) -> Self {
        match Kind::from_name(class) {
            Some(kind) => Error { kind, ..self },
            None => self,
        }
    }

    /// Python's `KeyError(arg)`.
    pub fn key_error(arg: impl Into<String>) -> Self {
        Error::new(Kind::KeyError, arg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_names_round_trip() {
        assert_eq!(Kind::from_name("FileNotFoundError"), Some(Kind::FileNotFoundError));
        assert_eq!(Kind::from_name("DuplicateError"), Some(Kind::DuplicateError));
        // pymysql's base class prints as `Error`.
        assert_eq!(Kind::PyMySqlError.name(), "Error");
        assert_eq!(Kind::from_name("Error"), Some(Kind::PyMySqlError));
        assert_eq!(Kind::from_name("NoSuchError"), None);
        assert_eq!(Error::dj("x").with_class("ValueError"), Error::new(Kind::ValueError, "x"));
    }
}
