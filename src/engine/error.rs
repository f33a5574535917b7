//! Engine errors: DataJoint's (or the MySQL client's) class name, its exact text, and the MySQL
//! error number behind it.

use std::fmt;

/// The Python class a DataJoint user would see raised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `datajoint.errors.DataJointError`.
    DataJointError,
    /// `datajoint.errors.DuplicateError` (MySQL 1062).
    DuplicateError,
    /// `datajoint.errors.IntegrityError` (MySQL 1217, 1451, 1452).
    IntegrityError,
    /// `datajoint.errors.MissingAttributeError` (MySQL 1364).
    MissingAttributeError,
    /// `datajoint.errors.UnknownAttributeError` (MySQL 1054).
    UnknownAttributeError,
    /// `datajoint.errors.QuerySyntaxError` (MySQL 1064).
    QuerySyntaxError,
    /// `datajoint.errors.AccessError` (MySQL 1044, 1142).
    AccessError,
    /// `datajoint.errors.MissingTableError` (MySQL 1146).
    MissingTableError,
    /// `datajoint.errors.LostConnectionError`.
    LostConnectionError,
    /// `pymysql.err.OperationalError`: server errors DataJoint does not translate.
    OperationalError,
    /// `pymysql.err.DataError`: strict-mode value errors (1264, 1265, 1366, 1406, ...).
    DataError,
    /// `pymysql.err.ProgrammingError`.
    ProgrammingError,
    /// `pymysql.err.InternalError`.
    InternalError,
    /// Python's `KeyError`.
    KeyError,
    /// Python's `TypeError`.
    TypeError,
    /// Python's `ValueError`.
    ValueError,
    /// Python's `NotImplementedError`.
    NotImplementedError,
    /// Python's `AssertionError`.
    AssertionError,
    /// `pymysql.err.Error` (e.g. pinging a closed connection).
    PyMySqlError,
    /// Python's `FileNotFoundError` (errno 2).
    FileNotFoundError,
    /// Python's `IsADirectoryError` (errno 21).
    IsADirectoryError,
    /// Python's `NotADirectoryError` (errno 20).
    NotADirectoryError,
    /// Python's `PermissionError` (errno 13).
    PermissionError,
    /// Python's `OSError`: other operating-system errors.
    OSError,
    /// `json.decoder.JSONDecodeError`.
    JSONDecodeError,
    /// Python's `UnicodeDecodeError`.
    UnicodeDecodeError,
    /// Python's `RecursionError`.
    RecursionError,
}

impl Kind {
    /// The class name as Python prints it.
    pub fn name(self) -> &'static str {
        match self {
            Kind::DataJointError => "DataJointError",
            Kind::DuplicateError => "DuplicateError",
            Kind::IntegrityError => "IntegrityError",
            Kind::MissingAttributeError => "MissingAttributeError",
            Kind::UnknownAttributeError => "UnknownAttributeError",
            Kind::QuerySyntaxError => "QuerySyntaxError",
            Kind::AccessError => "AccessError",
            Kind::MissingTableError => "MissingTableError",
            Kind::LostConnectionError => "LostConnectionError",
            Kind::OperationalError => "OperationalError",
            Kind::DataError => "DataError",
            Kind::ProgrammingError => "ProgrammingError",
            Kind::InternalError => "InternalError",
            Kind::KeyError => "KeyError",
            Kind::TypeError => "TypeError",
            Kind::ValueError => "ValueError",
            Kind::NotImplementedError => "NotImplementedError",
            Kind::AssertionError => "AssertionError",
            Kind::PyMySqlError => "Error",
            Kind::FileNotFoundError => "FileNotFoundError",
            Kind::IsADirectoryError => "IsADirectoryError",
            Kind::NotADirectoryError => "NotADirectoryError",
            Kind::PermissionError => "PermissionError",
            Kind::OSError => "OSError",
            Kind::JSONDecodeError => "JSONDecodeError",
            Kind::UnicodeDecodeError => "UnicodeDecodeError",
            Kind::RecursionError => "RecursionError",
        }
    }
}

impl Kind {
    /// The kind whose Python class name is `name`.
    pub fn from_name(name: &str) -> Option<Kind> {
        use Kind::*;
        [
            DataJointError,
            DuplicateError,
            IntegrityError,
            MissingAttributeError,
            UnknownAttributeError,
            QuerySyntaxError,
            AccessError,
            MissingTableError,
            LostConnectionError,
            OperationalError,
            DataError,
            ProgrammingError,
            InternalError,
            KeyError,
            TypeError,
            ValueError,
            NotImplementedError,
            AssertionError,
            PyMySqlError,
        ]
        .into_iter()
        .find(|k| k.name() == name)
    }
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
