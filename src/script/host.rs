//! What every binding shares: the server, the names the script has declared (DataJoint
//! resolves `-> Subject` in the declaring module's namespace; here, among the classes the
//! script declared), and where output goes and questions are asked.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::usage::Functions;
use crate::engine::delete::{Console, Level};
use crate::engine::TableName;
use crate::server::Server;

/// The person running the script: shown output as it happens, asked DataJoint's questions and
/// the debugger's commands. Without one, output is collected and questions take their default.
pub trait Terminal {
    /// Show a line of the script's output.
    fn print(&mut self, line: &str);
    /// A note about the run, outside the script's output (stderr).
    fn note(&mut self, line: &str);
    /// Ask and read one answer; `None` when nobody can answer (no terminal, end of input).
    fn ask(&mut self, prompt: &str) -> Option<String>;
    /// Is a person there to answer (a debugger prompt needs one)?
    fn interactive(&self) -> bool;
}

/// Shared state of one script run.
pub struct Host {
    /// The emulated server.
    pub server: RefCell<Server>,
    /// Class names → tables, as the script's namespace holds them.
    pub names: RefCell<HashMap<String, TableName>>,
    /// Output collected when there is no terminal, in order.
    pub output: RefCell<Vec<String>>,
    /// Each auto-populated table's `make`.
    pub makes: RefCell<HashMap<TableName, rhai::FnPtr>>,
    /// The script's functions' source text by name (a make's is kept in the world).
    pub sources: RefCell<HashMap<String, super::sources::FnSource>>,
    /// The terminal, if a person is there.
    pub terminal: RefCell<Option<Box<dyn Terminal>>>,
    /// The functions a failed call could have meant (for Python's TypeError wording).
    pub functions: RefCell<Rc<Functions>>,
    /// Each lookup table's `contents`, as declared (a class attribute in Python).
    pub contents: RefCell<HashMap<TableName, rhai::Array>>,
    /// The tables and helpers the scenario's modules export (`import "spyglass/common"`).
    pub modules: RefCell<Rc<TableModules>>,
    /// The helpers (`Interval`) an imported module has named in the script's namespace.
    pub helpers: RefCell<std::collections::HashSet<String>>,
    /// Import aliases and table-holding variables a definition's `-> Name` may use.
    pub aliases: RefCell<super::aliases::Aliases>,
}

/// What a module exports under a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Export {
    /// A table (a master brings its parts).
    Table(TableName),
    /// One of Spyglass's helpers the sandbox provides (`Interval`).
    Helper(String),
}

/// Importable modules: module path → exported name → a table or a helper.
pub type TableModules = std::collections::BTreeMap<String, std::collections::BTreeMap<String, Export>>;

/// Shared handle.
pub type Shared = Rc<Host>;

impl Host {
    /// A host over a server.
    pub fn new(server: Server) -> Shared {
        Rc::new(Host {
            server: RefCell::new(server),
            names: RefCell::new(HashMap::new()),
            output: RefCell::new(Vec::new()),
            makes: RefCell::new(HashMap::new()),
            sources: RefCell::new(HashMap::new()),
            terminal: RefCell::new(None),
            functions: RefCell::new(Rc::default()),
            contents: RefCell::new(HashMap::new()),
            modules: RefCell::new(Rc::default()),
            helpers: RefCell::new(std::collections::HashSet::new()),
            aliases: RefCell::new(Default::default()),
        })
    }

    /// The class name a table is known by, for `describe()`.
    pub fn class_of(&self, t: &TableName) -> Option<String> {
        self.names.borrow().iter().filter(|(_, v)| *v == t).map(|(k, _)| k.clone()).min()
    }

    /// Print a line: to the terminal now, or into the collected output.
    pub fn emit(&self, line: impl Into<String>) {
        let line = line.into();
        match self.terminal.borrow_mut().as_mut() {
            Some(t) => t.print(&line),
            None => self.output.borrow_mut().push(line),
        }
    }

    /// A note outside the output (dropped without a terminal).
    pub fn note(&self, line: &str) {
        if let Some(t) = self.terminal.borrow_mut().as_mut() {
            t.note(line);
        }
    }

    /// Ask the person at the terminal; `None` when nobody can answer.
    pub fn ask(&self, prompt: &str) -> Option<String> {
        self.terminal.borrow_mut().as_mut().and_then(|t| t.ask(prompt))
    }
}

/// DataJoint's console for a script: logs are output; questions go to the terminal and are
/// asked again until answered with one of the choices (an empty answer takes the default, as
/// DataJoint's `user_choice` does); with nobody to ask, the default (no) is taken and said.
pub struct ScriptConsole<'a>(pub &'a Host);

impl Console for ScriptConsole<'_> {
    fn log(&mut self, level: Level, message: &str) {
        let tag = match level {
            Level::Info => "INFO",
            Level::Warning => "WARNING",
        };
        self.0.emit(format!("[{tag}]: {message}"));
    }

    fn confirm(&mut self, prompt: &str, choices: &str) -> bool {
        let default = choices
            .trim_matches(['[', ']'])
            .split(", ")
            .find(|c| c.starts_with(|ch: char| ch.is_uppercase()))
            .map(str::to_lowercase);
        loop {
            let Some(answer) = self.0.ask(&format!("{prompt} {choices}: ")) else {
                self.0.emit(format!("{prompt} {choices}: (no terminal: answered no)"));
                return false;
            };
            let answer = answer.trim().to_lowercase();
            match if answer.is_empty() { default.as_deref() } else { Some(answer.as_str()) } {
                Some("yes") => return true,
                Some("no") => return false,
                _ => continue,
            }
        }
    }
}
