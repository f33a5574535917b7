//! DataJoint in rhai: the bindings only (no DataJoint rule is decided here). A line of the
//! workshop's Python maps to one line of rhai with the same names.

mod aliases;
mod api;
mod catch;
mod debugger;
pub(crate) mod diagram;
mod error;
pub mod export;
mod frame;
mod graph;
mod host;
mod interval;
mod interval_methods;
mod limits;
mod logger;
mod merge;
mod merge_fetch;
mod methods;
mod mixin;
mod modules;
mod none;
mod nwb;
mod ops;
mod options;
mod populate;
mod pretty;
mod pyargs;
mod sources;
mod table;
mod usage;
mod value;
mod variadic;
mod words;

use std::rc::Rc;

use rhai::{Dynamic, Engine, Position, Scope};

pub use host::{Export, Host, TableModules, Terminal};
pub use limits::{is_limit_error, Limits};
pub use modules::{helper_names, is_helper};

use crate::server::Server;

/// Reads the world an interpreter works on: call it with what to do with the world.
pub type WorldReader = Rc<dyn Fn(&mut dyn FnMut(&crate::engine::World))>;

/// How a script ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// What it printed and logged, line by line (empty when it ran at a terminal).
    pub output: Vec<String>,
    /// The uncaught error, as the last lines of a traceback (`line 3, column 5` and
    /// `KIND: message`), if the script failed.
    pub error: Option<String>,
}

/// A rhai engine with DataJoint bound, its top-level variables, and the shared host: one
/// script run, or one shell session.
pub struct Interpreter {
    engine: Engine,
    scope: Scope<'static>,
    host: host::Shared,
    clock: limits::Clock,
    running: Rc<debugger::RunningScript>,
    /// Where the last uncaught error happened (line, for the post-mortem prompt).
    failed_at: Option<usize>,
    /// The value the last evaluation ended with (a prompt shows it).
    last_value: Dynamic,
    /// A prompt's earlier functions (`None`: each evaluation stands alone, as a script does).
    library: Option<rhai::AST>,
}

impl Interpreter {
    /// An interpreter over a server, under `limits`.
    pub fn new(server: Server, limits: Limits) -> Interpreter {
        let host = Host::new(server);
        let mut engine = Engine::new();
        let clock = limits.apply(&mut engine);
        let out = host.clone();
        engine.on_print(move |s| out.emit(s));
        let out = host.clone();
        engine.on_debug(move |s, _, _| out.emit(s));
        // `dj` is a top-level variable (so `dj.config[...] = v` can write through it), and it and
        // the declared tables are reachable inside script functions too, as Python's module
        // globals are inside methods (`Subject` in `blind_subjects`). rhai asks this hook before
        // each lookup; a variable whose slot is known at compile time (`index > 0`) is local.
        // (rhai marks `on_var` as volatile, not deprecated; it is the hook into functions.)
        let h = host.clone();
        #[allow(deprecated)]
        engine.on_var(move |name, index, context| {
            if index > 0 || context.scope().contains(name) {
                return Ok(None);
            }
            if name == "dj" {
                return Ok(Some(Dynamic::from(api::Dj)));
            }
            let Some(table) = h.names.borrow().get(name).cloned() else { return Ok(None) };
            let query = h.server.borrow().world.query(&table).map_err(error::throw)?;
            Ok(Some(Dynamic::from(table::Table { query, class: name.to_string() })))
        });
        // Maps behave like the dicts of the workshop's Python: reading a missing key is KeyError,
        // writing one adds it. (rhai's missing-property hook fires for writes too, so it cannot
        // tell `m.a = 1` from `m.a`; rhai's own check can, and its error reads as KeyError.)
        engine.set_fail_on_invalid_map_property(true);
        engine.register_fn("get", |m: &mut rhai::Map, key: &str, default: Dynamic| {
            m.get(key).cloned().unwrap_or(default)
        });
        api::register(&mut engine, &host);
        diagram::register(&mut engine, &host);
        table::register(&mut engine, &host);
        populate::register(&mut engine, &host);
        merge::register(&mut engine, &host);
        mixin::register(&mut engine, &host);
        interval::register(&mut engine, &host);
        nwb::register(&mut engine, &host);
        usage::register(&mut engine);
        catch::register(&mut engine, &host);
        let running = Rc::new(debugger::RunningScript::default());
        *running.file.borrow_mut() = "<script>".into();
        debugger::register(&mut engine, &host, &clock, &running);
        modules::register(&mut engine, &host);
        engine.set_module_resolver(modules::Resolver::new(&host));
        frame::register(&mut engine);
        logger::register(&mut engine);
        none::register(&mut engine);
        let mut scope = Scope::new();
        scope.push("dj", api::Dj);
        Interpreter { engine, scope, host, clock, running, failed_at: None, last_value: Dynamic::UNIT, library: None }
    }

    /// Show output at `terminal` as it happens, and ask it DataJoint's questions (instead of
    /// collecting output and taking each question's default).
    pub fn set_terminal(&mut self, terminal: Box<dyn Terminal>) {
        *self.host.terminal.borrow_mut() = Some(terminal);
    }

    /// The modules of tables and helpers `import` offers besides `os` (a scenario's `[modules]`).
    pub fn set_modules(&mut self, modules: Rc<TableModules>) {
        *self.host.modules.borrow_mut() = modules;
    }

    /// The server the script works on (a scenario's build reads the world it made).
    pub fn server(&self) -> std::cell::RefMut<'_, Server> {
        self.host.server.borrow_mut()
    }

    /// The script's name, as tracebacks and the debugger show it.
    pub fn set_file(&mut self, file: &str) {
        *self.running.file.borrow_mut() = file.to_string();
    }

    /// Evaluate `source` at the top level (its variables stay for the next call). Returns the
    /// value of the last statement as the shell shows it (`None` for `()`), or the traceback
    /// tail of an uncaught error.
    pub fn eval(&mut self, source: &str) -> Result<Option<String>, String> {
        let source = &*universal_newlines(source);
        self.clock.restart();
        self.failed_at = None;
        self.last_value = Dynamic::UNIT;
        self.running.prepare(source);
        let rewrite = catch::rewrite(source);
        let result = self.engine.compile(&rewrite.source).map_err(Box::<rhai::EvalAltResult>::from).and_then(|ast| {
            // At a prompt, functions defined earlier stay callable, as in Python's REPL.
            let ast = match &self.library {
                Some(library) => library.merge(&ast),
                None => ast,
            };
            let mut functions = (**self.host.functions.borrow()).clone();
            functions.script = ast
                .iter_functions()
                .map(|f| (f.name.to_string(), f.params.iter().map(|p| p.to_string()).collect()))
                .collect();
            *self.host.functions.borrow_mut() = Rc::new(functions);
            self.host.aliases.borrow_mut().scan(&ast);
            self.host.sources.borrow_mut().extend(sources::of_ast(&ast, &rewrite.source));
            if self.library.is_some() {
                self.library = Some(ast.clone_functions_only());
            }
            let value = self.engine.eval_ast_with_scope::<Dynamic>(&mut self.scope, &ast);
            methods::record(&self.host, &ast);
            let value = value?;
            if self.library.is_some() {
                self.keep_imports(&ast);
            }
            Ok(value)
        });
        match result {
            Ok(v) => {
                let shown = show(&self.host, &v);
                self.last_value = v;
                Ok(shown)
            }
            Err(e) => {
                self.host.functions.borrow().native(&self.engine);
                let pos = e.position();
                let at = match pos.line() {
                    Some(line) if pos != Position::NONE => {
                        self.failed_at = Some(line);
                        let text = source.lines().nth(line.saturating_sub(1)).unwrap_or_default().trim();
                        let column = rewrite.original_column(line, pos.position().unwrap_or(0));
                        format!("line {line}, column {column}\n    {text}\n")
                    }
                    _ => String::new(),
                };
                Err(format!("{at}{}", error::last_line_in(&e, &self.host.functions.borrow(), Some(&rewrite.source))))
            }
        }
    }

    /// Remember definitions between evaluations, as a prompt does: functions stay callable and
    /// modules imported stay imported under their names.
    pub fn remember_definitions(&mut self) {
        self.library.get_or_insert_with(rhai::AST::empty);
    }

    /// Make the modules `ast` imported at its top level importable by name in later
    /// evaluations (rhai forgets an evaluation's imports when it ends).
    fn keep_imports(&mut self, ast: &rhai::AST) {
        for stmt in ast.statements() {
            let rhai::Stmt::Import(import, _) = stmt else { continue };
            let (rhai::Expr::StringConstant(path, _), alias) = (&import.0, &import.1) else { continue };
            if alias.name.is_empty() {
                continue;
            }
            if let Ok(module) = self.engine.module_resolver().resolve(&self.engine, None, path, Position::NONE) {
                self.engine.register_static_module(alias.name.as_str(), module);
            }
        }
    }

    /// After an uncaught error, open the debugger's prompt with the top level's variables
    /// (`run --debug`, as `%debug` after an exception). Returns at `c`, `q` or end of input.
    pub fn post_mortem(&mut self) {
        self.clock.restart();
        let file = self.running.file.borrow().clone();
        let source = self.running.source.borrow().clone();
        let at = debugger::Stop { file: &file, line: self.failed_at.unwrap_or(0), source: &source };
        let _ = debugger::prompt(&self.engine, &mut self.scope, &self.host, &self.clock, &at);
    }

    /// Does `source` parse as a whole (the shell keeps reading lines until it does)?
    pub fn is_complete(&self, source: &str) -> bool {
        match self.engine.compile(source) {
            Ok(_) => true,
            Err(e) => {
                !matches!(e.err_type(), rhai::ParseErrorType::UnexpectedEOF | rhai::ParseErrorType::MissingToken(..))
            }
        }
    }

    /// Take the server out (a grader checks the world the script left); the interpreter keeps
    /// an empty in-memory one and should not run more scripts.
    pub fn take_server(&mut self) -> crate::engine::Result<Server> {
        let cwd = self.host.server.borrow().cwd.clone();
        let empty = Server::new(crate::engine::World::in_memory()?, &cwd)?;
        Ok(std::mem::replace(&mut *self.host.server.borrow_mut(), empty))
    }

    /// The script's top-level variables (without `dj`), in the order they were made.
    pub fn variables(&self) -> Vec<(String, Dynamic)> {
        self.scope
            .iter_raw()
            .filter(|(name, ..)| *name != "dj")
            .map(|(name, _, v)| (name.to_string(), v.clone()))
            .collect()
    }

    /// Define a top-level variable for the next script (a grader hands the check its inputs).
    pub fn define(&mut self, name: &str, value: Dynamic) {
        self.scope.push_dynamic(name.to_string(), value);
    }

    /// The diagram the last evaluation ended with, if it ended with one (a terminal draws it).
    pub fn last_diagram(&self) -> Option<crate::engine::diagram::Diagram> {
        self.last_value.clone().try_cast()
    }

    /// A way to read the world the interpreter works on, from a function a layer above
    /// registers (the grader compares tables while a check script runs).
    pub fn world_reader(&self) -> WorldReader {
        let host = self.host.clone();
        Rc::new(move |f: &mut dyn FnMut(&crate::engine::World)| f(&host.server.borrow().world))
    }

    /// The rhai engine, for a layer above that adds functions of its own (the grader's checks).
    pub fn engine_mut(&mut self) -> &mut Engine {
        &mut self.engine
    }

    /// What was printed and logged since the last call (without a terminal).
    pub fn take_output(&mut self) -> Vec<String> {
        std::mem::take(&mut *self.host.output.borrow_mut())
    }
}

/// A value as the shell and the debugger show it: a table's preview, a string as it is, other
/// values as rhai writes them; `None` for `()`.
fn show(host: &host::Shared, v: &Dynamic) -> Option<String> {
    if v.is_unit() {
        return None;
    }
    Some(match v.clone().try_cast::<table::Table>() {
        Some(t) => table::preview(host, &t),
        None if v.is::<crate::engine::frame::Frame>() => v.clone().cast::<crate::engine::frame::Frame>().repr(),
        None if v.is::<interval::Iv>() => v.clone().cast::<interval::Iv>().0.repr(),
        // A notebook displays a diagram as its picture; a prompt shows the drawing.
        None if v.is::<crate::engine::diagram::Diagram>() => diagram::display(&v.clone().cast()),
        None if v.is::<rhai::ImmutableString>() => v.to_string(),
        None => pretty::pretty(v),
    })
}

/// Run a script against a server, collecting its output.
pub fn run(server: Server, source: &str, limits: Limits) -> Outcome {
    let mut interpreter = Interpreter::new(server, limits);
    let error = interpreter.eval(source).err();
    Outcome { output: interpreter.take_output(), error }
}

/// A script's text with Windows (`\r\n`) and old Mac (`\r`) line ends read as `\n`, as Python
/// reads a source file (universal newlines): a definition typed in Notepad has no `\r` in it.
pub fn universal_newlines(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\r') {
        std::borrow::Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod newline_tests {
    #[test]
    fn windows_and_old_mac_line_ends_read_as_newlines() {
        assert_eq!(super::universal_newlines("a\r\nb\rc\n"), "a\nb\nc\n");
        assert!(matches!(super::universal_newlines("a\nb"), std::borrow::Cow::Borrowed("a\nb")));
    }
}
