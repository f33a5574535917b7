//! The binary's commands: thin layers over the library; `anyhow` only here.

pub mod course;
pub mod diagram;
pub mod export;
pub mod import;
pub mod run;
pub mod shell;
pub mod terminal;
pub mod workshop;

/// What the global options say, resolved.
pub struct Options {
    /// The workspace directory.
    pub workspace: std::path::PathBuf,
    /// Where scenarios come from.
    pub scenarios: djsandbox::scenario::Scenarios,
    /// Where the exercise set comes from.
    pub exercises: djsandbox::course::Exercises,
}
