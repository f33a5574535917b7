//! The deck's "Debug Mode": `breakpoint()` pauses a script at a prompt with its variables in
//! scope, and `run --debug` opens the same prompt after an uncaught error (post-mortem), as
//! Python's `breakpoint()` and `%debug` open pdb. The commands are pdb's: `p expr`, `l`, `c`,
//! `q`, `h`, plus any rhai statement.

use std::cell::RefCell;
use std::rc::Rc;

use rhai::{Dynamic, Engine, EvalAltResult, Position, Scope};

use super::host::Shared;
use super::limits::Clock;

/// The script being run: its name and text, for the prompt's `> file(line)` and `l`.
#[derive(Debug, Default)]
pub struct RunningScript {
    /// The script's name, as tracebacks show it.
    pub file: RefCell<String>,
    /// The script's text.
    pub source: RefCell<String>,
}

impl RunningScript {
    /// Before running `source`.
    pub fn prepare(&self, source: &str) {
        *self.source.borrow_mut() = source.to_string();
    }
}

/// Register `breakpoint()`: a custom syntax (not a function) so that it sees the script's
/// variables. rhai reads `()` as one token, or `(` `)` when spaced; the closing marker makes
/// rhai record where the keyword stands.
pub fn register(engine: &mut Engine, host: &Shared, clock: &Clock, points: &Rc<RunningScript>) {
    let (h, clock, points) = (host.clone(), clock.clone(), points.clone());
    engine.register_custom_syntax_with_state_raw(
        "breakpoint",
        |symbols, look_ahead, _| {
            Ok(match symbols.last().map(|s| s.as_str()) {
                Some("breakpoint") if look_ahead == "()" => Some("()".into()),
                Some("breakpoint") => Some("(".into()),
                Some("(") => Some(")".into()),
                _ => Some("$$breakpoint".into()),
            })
        },
        true,
        move |context, inputs, _| {
            let line = inputs.first().and_then(|e| e.position().line()).unwrap_or(0);
            let file = points.file.borrow().clone();
            if !h.terminal.borrow().as_ref().is_some_and(|t| t.interactive()) {
                h.note(&format!("breakpoint() at {file}, line {line}: no terminal to debug at, so the script goes on"));
                return Ok(Dynamic::UNIT);
            }
            let source = points.source.borrow().clone();
            let at = Stop { file: &file, line, source: &source };
            match prompt(context.engine(), context.scope_mut(), &h, &clock, &at) {
                Ok(()) => Ok(Dynamic::UNIT),
                Err(()) => Err(quit()),
            }
        },
    );
}

/// The error that ends a script quit at the prompt (pdb raises `bdb.BdbQuit`).
fn quit() -> Box<EvalAltResult> {
    Box::new(EvalAltResult::ErrorTerminated(Dynamic::from("BdbQuit: quit at the debugger's prompt"), Position::NONE))
}

/// Where the prompt opens.
pub struct Stop<'a> {
    /// The script's name.
    pub file: &'a str,
    /// The line (1-based; 0 when unknown).
    pub line: usize,
    /// The script's text.
    pub source: &'a str,
}

const HELP: &str = "Commands:
  p EXPR     print the value of EXPR (any rhai expression; variables are the script's)
  EXPR       evaluate a rhai statement or expression (a `let` stays for later commands)
  l          list the source around this line
  vars       list the variables in scope (also `locals()`)
  c          continue the script
  q          quit: stop the script here
  h          this help";

/// The prompt: `Ok` to go on, `Err` to stop the script.
pub fn prompt(engine: &Engine, scope: &mut Scope, host: &Shared, clock: &Clock, at: &Stop) -> Result<(), ()> {
    host.emit(format!("> {}({})", at.file, at.line));
    host.emit(format!("-> {}", source_line(at.source, at.line).trim()));
    loop {
        // Time spent waiting at the prompt does not count against the script's time limit.
        let Some(command) = clock.paused(|| host.ask("(Pdb) ")) else { return Ok(()) };
        let command = command.trim();
        let (word, rest) = command.split_once(' ').unwrap_or((command, ""));
        match word {
            "" => {}
            "c" | "cont" | "continue" => return Ok(()),
            "q" | "quit" | "exit" => return Err(()),
            "h" | "help" => host.emit(HELP),
            "l" | "list" => list(host, at),
            "vars" | "locals()" => {
                for (name, _, value) in scope.iter().filter(|(n, _, _)| *n != "dj") {
                    host.emit(format!("{name} = {}", super::show(host, &value).unwrap_or_else(|| "()".into())));
                }
            }
            "p" | "pp" => evaluate(engine, scope, host, rest, true),
            _ => evaluate(engine, scope, host, command, false),
        }
    }
}

fn evaluate(engine: &Engine, scope: &mut Scope, host: &Shared, text: &str, always: bool) {
    match engine.eval_with_scope::<Dynamic>(scope, text) {
        Ok(v) => match super::show(host, &v) {
            Some(s) => host.emit(s),
            None if always => host.emit("()"),
            None => {}
        },
        Err(e) => host.emit(format!("*** {}", super::error::last_line(&e, &host.functions.borrow()))),
    }
}

fn source_line(source: &str, line: usize) -> &str {
    source.lines().nth(line.saturating_sub(1)).unwrap_or_default()
}

fn list(host: &Shared, at: &Stop) {
    let first = at.line.saturating_sub(5).max(1);
    for (i, text) in at.source.lines().enumerate().skip(first - 1).take(11) {
        let n = i + 1;
        let mark = if n == at.line { "->" } else { "  " };
        host.emit(format!("{n:>4} {mark} {text}"));
    }
}
