//! A prompt on the workspace's world, for a terminal that shows its replies: what a line
//! printed, the value it ended with (a table's preview), its error, and a diagram to draw.

use std::path::Path;

use super::error::CourseError;
use super::workspace::open_interpreter;
use crate::engine::diagram::Diagram;
use crate::scenario::Scenarios;
use crate::script::{Interpreter, Limits};

/// Where a prompt's output goes as it happens, and who answers its questions (safemode's
/// "Proceed?", the debugger's prompt).
pub use crate::script::Terminal as Console;

/// The interpreter behind a prompt.
pub struct Session {
    interpreter: Interpreter,
}

/// What one statement gave back.
#[derive(Debug, Clone, Default)]
pub struct Reply {
    /// Lines it printed.
    pub output: Vec<String>,
    /// The value it ended with, as the prompt shows it (`None`: no value).
    pub value: Option<String>,
    /// The diagram it ended with, for a terminal that draws it in colour.
    pub diagram: Option<Diagram>,
    /// The error it stopped with.
    pub error: Option<String>,
    /// The statement goes on: nothing ran, more lines are wanted.
    pub incomplete: bool,
}

impl Session {
    /// A prompt on the workspace's world; each statement may run for `time` at most (and
    /// within the scripts' other limits).
    pub fn open(workspace: &Path, scenarios: &Scenarios, time: std::time::Duration) -> Result<Session, CourseError> {
        let limits = Limits { time, ..Limits::default() };
        let mut interpreter = open_interpreter(workspace, false, scenarios, limits)?;
        interpreter.set_file("<shell>");
        interpreter.remember_definitions();
        Ok(Session { interpreter })
    }

    /// Send output to `console` as it happens, and ask it the questions (instead of collecting
    /// output into the reply and taking each question's default).
    pub fn set_console(&mut self, console: Box<dyn Console>) {
        self.interpreter.set_terminal(console);
    }

    /// Does `source` parse as whole statements (or does it go on)?
    pub fn is_complete(&self, source: &str) -> bool {
        self.interpreter.is_complete(source)
    }

    /// Evaluate `source`, unless it goes on (then the reply says so and nothing runs).
    pub fn eval(&mut self, source: &str) -> Reply {
        if !self.is_complete(source) {
            return Reply { incomplete: true, ..Reply::default() };
        }
        let result = self.interpreter.eval(source);
        let output = self.interpreter.take_output();
        match result {
            Ok(value) => Reply { output, value, diagram: self.interpreter.last_diagram(), ..Reply::default() },
            Err(error) => Reply { output, error: Some(error), ..Reply::default() },
        }
    }
}
