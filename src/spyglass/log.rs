//! Spyglass's logger (`utils/logging.py`): `[%H:%M:%S][LEVEL] Spyglass: message`. The layer
//! hands lines to a sink; the script layer decides how to print them.

/// A log line's level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// `logger.info`.
    Info,
    /// `logger.warning` (`_warn_msg`).
    Warning,
    /// `logger.error` (`_err_msg`).
    Error,
}

impl Level {
    /// The level name as Python's logging prints it.
    pub fn name(self) -> &'static str {
        match self {
            Level::Info => "INFO",
            Level::Warning => "WARNING",
            Level::Error => "ERROR",
        }
    }
}

/// Where Spyglass's log lines go.
pub type Log<'a> = &'a mut dyn FnMut(Level, &str);

/// A line as Spyglass's handler formats it, without the clock (so output is reproducible).
pub fn format(level: Level, message: &str) -> String {
    format!("[{}] Spyglass: {message}", level.name())
}
