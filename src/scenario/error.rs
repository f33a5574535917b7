//! What can go wrong with a scenario, each naming the file at fault.

use crate::engine;

/// A scenario that cannot be read or built.
#[derive(Debug, thiserror::Error)]
pub enum ScenarioError {
    /// No such scenario where scenarios are looked for.
    #[error("no scenario '{name}' in {place} ({})", if .known.is_empty() {
        "it holds none: a scenario is a NAME/scenario.toml folder; is the --scenarios path right?".to_string()
    } else {
        format!("there are: {}", .known)
    })]
    NotFound {
        /// The name asked for.
        name: String,
        /// Where scenarios were looked for.
        place: String,
        /// The scenarios that are there.
        known: String,
    },
    /// A file that is listed but cannot be read.
    #[error("{file}: cannot read it: {reason}")]
    Unreadable {
        /// The file.
        file: String,
        /// Why.
        reason: String,
    },
    /// A `scenario.toml` that does not fit the format.
    #[error("{file}:{line}:{column}: {}{message}", field_prefix(.field))]
    Invalid {
        /// The file.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The dotted field (`server.port`, `users[1].password`), empty when unknown.
        field: String,
        /// What is wrong.
        message: String,
    },
    /// A value the file gives that the server rejects (a grant, a role, a module's table).
    #[error("{file}: {field}: {message}")]
    Rejected {
        /// The file.
        file: String,
        /// The field at fault.
        field: String,
        /// The server's or engine's complaint.
        message: String,
    },
    /// A build script that failed.
    #[error("{file}: the build script failed:\n{traceback}")]
    Build {
        /// The script.
        file: String,
        /// Where and how it failed.
        traceback: String,
    },
    /// The world could not be stored or copied.
    #[error(transparent)]
    Engine(#[from] engine::Error),
}

fn field_prefix(field: &str) -> String {
    if field.is_empty() {
        String::new()
    } else {
        format!("field `{field}`: ")
    }
}
