//! DataJoint in rhai: the bindings only (no DataJoint rule is decided here). A line of the
//! workshop's Python maps to one line of rhai with the same names.

mod api;
mod error;
mod frame;
mod host;
mod limits;
mod ops;
mod populate;
mod table;
mod value;
mod variadic;

use rhai::{Dynamic, Engine, Position, Scope};

pub use host::Host;
pub use limits::Limits;

use crate::server::Server;

/// How a script ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// What it printed and logged, line by line.
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
}

impl Interpreter {
    /// An interpreter over a server, under `limits`.
    pub fn new(server: Server, limits: Limits) -> Interpreter {
        let host = Host::new(server);
        let mut engine = Engine::new();
        let clock = limits.apply(&mut engine);
        let out = host.clone();
        engine.on_print(move |s| out.output.borrow_mut().push(s.to_string()));
        let out = host.clone();
        engine.on_debug(move |s, _, _| out.output.borrow_mut().push(s.to_string()));
        // `dj` is a top-level variable (so `dj.config[...] = v` can write through it) and is
        // resolved inside script functions too, where the top level's variables are out of
        // reach. (rhai marks `on_var` as volatile, not deprecated; it is the hook into functions.)
        #[allow(deprecated)]
        engine.on_var(|name, _, context| {
            Ok((name == "dj" && !context.scope().contains("dj")).then(|| Dynamic::from(api::Dj)))
        });
        // Maps behave like the dicts of the workshop's Python: a missing key is KeyError.
        engine.on_map_missing_property(|_, prop, _| Err(error::throw(crate::engine::Error::key_error(prop))));
        engine.register_fn("get", |m: &mut rhai::Map, key: &str, default: Dynamic| {
            m.get(key).cloned().unwrap_or(default)
        });
        api::register(&mut engine, &host);
        table::register(&mut engine, &host);
        populate::register(&mut engine, &host);
        frame::register(&mut engine);
        // `import "os" as os; os::getenv("USER", "workshop")`, for the schema-prefix idiom.
        let mut os = rhai::Module::new();
        os.set_native_fn("getenv", |name: &str, default: &str| {
            Ok(std::env::var(name).unwrap_or_else(|_| default.to_string()))
        });
        os.set_native_fn("getenv", |name: &str| Ok(std::env::var(name).map(Dynamic::from).unwrap_or(Dynamic::UNIT)));
        let mut resolver = rhai::module_resolvers::StaticModuleResolver::new();
        resolver.insert("os", os);
        engine.set_module_resolver(resolver);
        let mut scope = Scope::new();
        scope.push("dj", api::Dj);
        Interpreter { engine, scope, host, clock }
    }

    /// Evaluate `source` at the top level (its variables stay for the next call). Returns the
    /// value of the last statement as the shell shows it (`None` for `()`), or the traceback
    /// tail of an uncaught error.
    pub fn eval(&mut self, source: &str) -> Result<Option<String>, String> {
        self.clock.restart();
        match self.engine.eval_with_scope::<Dynamic>(&mut self.scope, source) {
            Ok(v) if v.is_unit() => Ok(None),
            Ok(v) => Ok(Some(match v.clone().try_cast::<table::Table>() {
                Some(t) => table::preview(&self.host, &t),
                None if v.is::<crate::engine::frame::Frame>() => v.cast::<crate::engine::frame::Frame>().repr(),
                None if v.is::<rhai::ImmutableString>() => v.to_string(),
                None => format!("{v:?}"),
            })),
            Err(e) => {
                let pos = e.position();
                let at = match pos.line() {
                    Some(line) if pos != Position::NONE => {
                        let text = source.lines().nth(line.saturating_sub(1)).unwrap_or_default().trim();
                        format!("line {line}, column {}\n    {text}\n", pos.position().unwrap_or(0))
                    }
                    _ => String::new(),
                };
                Err(format!("{at}{}", error::last_line(&e)))
            }
        }
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

    /// What was printed and logged since the last call.
    pub fn take_output(&mut self) -> Vec<String> {
        std::mem::take(&mut *self.host.output.borrow_mut())
    }
}

/// Run a script against a server.
pub fn run(server: Server, source: &str, limits: Limits) -> Outcome {
    let mut interpreter = Interpreter::new(server, limits);
    let error = interpreter.eval(source).err();
    Outcome { output: interpreter.take_output(), error }
}
