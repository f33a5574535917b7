//! What every binding shares: the server and the names the script has declared (DataJoint
//! resolves `-> Subject` in the declaring module's namespace; here, among the classes the
//! script declared).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::engine::delete::{Console, Level};
use crate::engine::TableName;
use crate::server::Server;

/// Shared state of one script run.
pub struct Host {
    /// The emulated server.
    pub server: RefCell<Server>,
    /// Class names → tables, as the script's namespace holds them.
    pub names: RefCell<HashMap<String, TableName>>,
    /// Everything printed and logged, in order.
    pub output: RefCell<Vec<String>>,
    /// Each auto-populated table's `make`.
    pub makes: RefCell<HashMap<TableName, rhai::FnPtr>>,
    /// Each lookup table's `contents`, as declared (a class attribute in Python).
    pub contents: RefCell<HashMap<TableName, rhai::Array>>,
}

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
            contents: RefCell::new(HashMap::new()),
        })
    }

    /// The class name a table is known by, for `describe()`.
    pub fn class_of(&self, t: &TableName) -> Option<String> {
        self.names.borrow().iter().filter(|(_, v)| *v == t).map(|(k, _)| k.clone()).min()
    }
}

/// A console without a terminal: logs go to the output, questions take their default (no),
/// and say so — as DataJoint's prompts would be answered by an empty line.
pub struct ScriptConsole<'a>(pub &'a Host);

impl Console for ScriptConsole<'_> {
    fn log(&mut self, level: Level, message: &str) {
        let tag = match level {
            Level::Info => "INFO",
            Level::Warning => "WARNING",
        };
        self.0.output.borrow_mut().push(format!("[{tag}]: {message}"));
    }

    fn confirm(&mut self, prompt: &str, choices: &str) -> bool {
        self.0.output.borrow_mut().push(format!("{prompt} {choices}: (no terminal: answered no)"));
        false
    }
}
