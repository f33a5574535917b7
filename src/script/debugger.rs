//! The deck's "Debug Mode": `breakpoint()` pauses a script at a prompt with its variables in
//! scope, and `run --debug` opens the same prompt after an uncaught error (post-mortem), as
//! Python's `breakpoint()` and `%debug` open pdb. The commands are pdb's: `p expr`, `l`, `c`,
//! `q`, `h`, plus any rhai statement.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use rhai::{Dynamic, Engine, EvalAltResult, Position, Scope};

use super::host::Shared;
use super::limits::Clock;

/// Where each `breakpoint()` of the script being compiled sits, in source order.
#[derive(Debug, Default)]
pub struct Breakpoints {
    /// The script's name, as tracebacks show it.
    pub file: RefCell<String>,
    /// The script's text.
    pub source: RefCell<String>,
    /// Line of the n-th `breakpoint()` in the text.
    lines: RefCell<Vec<usize>>,
    /// How many `breakpoint()`s the parser has met so far.
    parsed: Cell<usize>,
}

impl Breakpoints {
    /// Before compiling `source`: find its `breakpoint()` calls (the parser meets them in order).
    pub fn prepare(&self, source: &str) {
        *self.source.borrow_mut() = source.to_string();
        *self.lines.borrow_mut() = call_lines(source);
        self.parsed.set(0);
    }
}

/// Lines of `breakpoint` words outside comments and strings.
fn call_lines(source: &str) -> Vec<usize> {
    super::words::words(source).into_iter().filter(|w| w.text == "breakpoint").map(|w| w.line).collect()
}

/// Register `breakpoint()`.
pub fn register(engine: &mut Engine, host: &Shared, clock: &Clock, points: &Rc<Breakpoints>) {
    let seen = points.clone();
    let (h, clock, points) = (host.clone(), clock.clone(), points.clone());
    engine.register_custom_syntax_with_state_raw(
        "breakpoint",
        move |symbols, _, state| {
            Ok(match symbols.len() {
                1 => {
                    *state = Dynamic::from_int(seen.parsed.get() as rhai::INT);
                    seen.parsed.set(seen.parsed.get() + 1);
                    Some("(".into())
                }
                2 => Some(")".into()),
                _ => None,
            })
        },
        true,
        move |context, _, state| {
            let n = state.as_int().unwrap_or(0) as usize;
            let line = points.lines.borrow().get(n).copied().unwrap_or(0);
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
