//! What can go wrong with the exercise set, the progress file or a grading run.

use crate::scenario::ScenarioError;

/// A course error, naming the file at fault where there is one.
#[derive(Debug, thiserror::Error)]
pub enum CourseError {
    /// A file that exists but cannot be read.
    #[error("{file}: cannot read it: {reason}")]
    Unreadable {
        /// The file.
        file: String,
        /// Why.
        reason: String,
    },
    /// A required file that is missing.
    #[error("{file}: missing")]
    Missing {
        /// The file.
        file: String,
    },
    /// A TOML file that does not fit its format.
    #[error("{file}:{line}:{column}: {}{message}", if .field.is_empty() { String::new() } else { format!("{}: ", .field) })]
    Invalid {
        /// The file.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The dotted field at fault.
        field: String,
        /// What is wrong.
        message: String,
    },
    /// Metadata that parses but does not make sense (an unknown setup exercise, a hint id).
    #[error("{file}: {message}")]
    Unsound {
        /// The file.
        file: String,
        /// What is wrong.
        message: String,
    },
    /// No exercise or section by that name.
    #[error("no exercise or section '{name}' (try `djsandbox list`)")]
    UnknownExercise {
        /// The name asked for.
        name: String,
    },
    /// A file in the workspace that cannot be read or written.
    #[error("{path}: {reason}")]
    Io {
        /// The path.
        path: String,
        /// Why.
        reason: String,
    },
    /// An exercise set on disk with no section in it (a wrong `--exercises` path).
    #[error(
        "no exercises in {dir}: a set has a NN_section/ folder (with section.toml) per section; \
         `djsandbox exercises export DIR` writes one to start from"
    )]
    EmptySet {
        /// Where the set was looked for.
        dir: String,
    },
    /// The workspace's world file cannot be opened (damaged, or not a world).
    #[error(
        "{path}: your world cannot be opened ({reason}); move the file away or delete it, and the next \
         run starts a fresh world"
    )]
    DamagedWorld {
        /// The world file.
        path: String,
        /// Why.
        reason: String,
    },
    /// The grading world failed underneath (a storage error, not the learner's).
    #[error(transparent)]
    Engine(#[from] crate::engine::Error),
    /// The scenario an exercise names cannot be loaded or built.
    #[error(transparent)]
    Scenario(#[from] ScenarioError),
}
