//! One script run for the grader: a script in a world, as a fresh client process in a scratch
//! directory of its own; what it printed, how it ended, its top-level variables, and the world
//! it left.

use std::path::Path;

use rhai::Dynamic;

use super::error::CourseError;
use crate::scenario::Scenario;
use crate::script::{Interpreter, Limits};
use crate::server::Server;

/// How a script ended with an uncaught error.
#[derive(Debug, Clone, PartialEq)]
pub struct ScriptError {
    /// The error's class (`IntegrityError`).
    pub kind: String,
    /// Its message.
    pub message: String,
    /// The script line it happened on.
    pub line: Option<usize>,
    /// The traceback's tail, as `djsandbox run` prints it.
    pub traceback: String,
}

impl ScriptError {
    /// Read the interpreter's traceback tail (`line 3, column 5\n    text\nKIND: message`).
    pub fn parse(traceback: &str) -> ScriptError {
        let last = traceback.lines().rev().find(|l| !l.starts_with("    ") && !l.starts_with("line ")).unwrap_or("");
        let start = traceback.find(last).unwrap_or(0);
        let tail = &traceback[start..];
        let (kind, message) = match tail.split_once(": ") {
            Some((k, m)) if !k.contains(' ') => (k.to_string(), m.to_string()),
            _ => ("Exception".to_string(), tail.to_string()),
        };
        let line = traceback.strip_prefix("line ").and_then(|r| r.split(',').next()).and_then(|n| n.parse().ok());
        ScriptError { kind, message, line, traceback: traceback.to_string() }
    }
}

/// What a run left.
pub struct Run {
    /// What it printed and logged.
    pub output: Vec<String>,
    /// Its uncaught error, if any.
    pub error: Option<ScriptError>,
    /// Its top-level variables.
    pub vars: Vec<(String, Dynamic)>,
    /// The server, with the world as the script left it.
    pub server: Server,
}

/// Who runs a script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum As {
    /// The scenario's admin (setup scripts, checks).
    Admin,
    /// The learner, with whatever `dj_local_conf.json` the scratch directory holds.
    Learner,
}

/// Run `source` (named `file` in tracebacks) on `server` as a new client process.
pub fn run(
    scenario: &Scenario,
    mut server: Server,
    who: As,
    source: &str,
    file: &str,
    limits: Limits,
) -> Result<Run, CourseError> {
    server.restart_client()?;
    if who == As::Admin {
        scenario.log_in_as_admin(&mut server)?;
    }
    let mut interpreter = Interpreter::new(server, limits);
    interpreter.set_modules(scenario.modules.clone());
    interpreter.set_file(file);
    let error = interpreter.eval(source).err().map(|t| ScriptError::parse(&t));
    let output = interpreter.take_output();
    let vars = interpreter.variables();
    let server = interpreter.take_server()?;
    Ok(Run { output, error, vars, server })
}

/// Write the `dj_local_conf.json` a learner saved in the connection section, for `user`.
pub fn save_learner_config(scenario: &Scenario, dir: &Path, user: &str) -> Result<(), CourseError> {
    let mut config = crate::server::config::Config::new();
    let host = scenario.file.server.hosts.first().cloned().unwrap_or_else(|| "localhost".into());
    config.set("database.host", host.as_str().into())?;
    config.set("database.port", i64::from(scenario.file.server.port).into())?;
    config.set("database.user", user.into())?;
    config.set("database.password", scenario.password_of(user).unwrap_or_default().into())?;
    Ok(config.save_local(dir)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracebacks_are_read_into_kind_message_and_line() {
        let e = ScriptError::parse("line 3, column 5\n    T.insert1(x);\nIntegrityError: Cannot add: a: b");
        assert_eq!((e.kind.as_str(), e.message.as_str(), e.line), ("IntegrityError", "Cannot add: a: b", Some(3)));
        let e = ScriptError::parse("TimeoutError: the script ran longer than its time limit of 5 s");
        assert_eq!((e.kind.as_str(), e.line), ("TimeoutError", None));
    }
}
