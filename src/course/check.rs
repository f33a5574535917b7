//! The check script's functions. A check script runs after the learner's script, as the
//! scenario's admin, in the world the learner left; it sees `learner` and `reference` (the
//! reference solution's run in a world of its own): each a map with `output` (printed lines),
//! `vars` (top-level variables), `error` (`()` or `#{kind, message, line}`) and `source`.
//!
//! - `check(name, ok, message)` / `check(name, ok, message, hint)`: one named check; the
//!   message says what is wrong when `ok` is false; `hint` names a targeted hint to show.
//! - `same_rows(name, "schema.table")`: the table holds what the reference solution's does,
//!   else a failed check saying what differs.
//! - `learner_file(path)` / `reference_file(path)`: a file the learner's script (or the
//!   reference solution) wrote (`()` when there is none).
//! - `parse_json(text)`: a JSON object as a map.

use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;

use rhai::{Dynamic, Engine, Map};

use super::compare::compare;
use super::run::{Run, ScriptError};
use crate::engine::{TableName, World};
use crate::script::WorldReader;

/// One check's outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckResult {
    /// The check's name.
    pub name: String,
    /// Did it pass?
    pub passed: bool,
    /// What is wrong (empty when it passed).
    pub message: String,
    /// The targeted hint the check asks for.
    pub hint: Option<String>,
}

/// What a run looked like, as the check script sees it.
pub fn run_map(run: &Run, source: &str) -> Dynamic {
    let mut m = Map::new();
    m.insert("output".into(), Dynamic::from_array(run.output.iter().map(|l| Dynamic::from(l.clone())).collect()));
    let vars: Map = run.vars.iter().map(|(k, v)| (k.as_str().into(), v.clone())).collect();
    m.insert("vars".into(), Dynamic::from_map(vars));
    m.insert("error".into(), run.error.as_ref().map_or(Dynamic::UNIT, error_map));
    m.insert("source".into(), Dynamic::from(source.to_string()));
    Dynamic::from_map(m)
}

fn error_map(e: &ScriptError) -> Dynamic {
    let mut m = Map::new();
    m.insert("kind".into(), Dynamic::from(e.kind.clone()));
    m.insert("message".into(), Dynamic::from(e.message.clone()));
    m.insert("line".into(), e.line.map_or(Dynamic::UNIT, |l| Dynamic::from_int(l as i64)));
    Dynamic::from_map(m)
}

/// Register the check functions; results collect in `results`. `reference` is the world the
/// reference solution left; `learner_world` reads the checked world (the interpreter's own).
pub fn register(
    engine: &mut Engine,
    results: &Rc<RefCell<Vec<CheckResult>>>,
    reference: Rc<World>,
    learner_world: WorldReader,
    [scratch, reference_scratch]: [PathBuf; 2],
) {
    let r = results.clone();
    engine.register_fn("check", move |name: &str, ok: bool, message: &str| {
        r.borrow_mut().push(result(name, ok, message, None));
    });
    let r = results.clone();
    engine.register_fn("check", move |name: &str, ok: bool, message: &str, hint: &str| {
        r.borrow_mut().push(result(name, ok, message, Some(hint)));
    });
    let r = results.clone();
    engine.register_fn("same_rows", move |name: &str, table: &str| -> Result<(), Box<rhai::EvalAltResult>> {
        let parsed = TableName::parse(table).ok_or_else(|| format!("same_rows: '{table}' is not schema.table"))?;
        let mut outcome = Ok(None);
        learner_world(&mut |w: &World| outcome = compare(w, &reference, &parsed));
        let differs = outcome.map_err(|e| format!("same_rows: {}: {}", e.kind, e.message))?;
        r.borrow_mut().push(result(name, differs.is_none(), &differs.unwrap_or_default(), None));
        Ok(())
    });
    for (name, dir) in [("learner_file", scratch), ("reference_file", reference_scratch)] {
        engine.register_fn(name, move |path: &str| -> Dynamic {
            let inside = !path.contains("..") && !std::path::Path::new(path).is_absolute();
            match inside.then(|| std::fs::read_to_string(dir.join(path)).ok()).flatten() {
                Some(text) => Dynamic::from(text),
                None => Dynamic::UNIT,
            }
        });
    }
    engine.register_fn(
        "parse_json",
        |ctx: rhai::NativeCallContext, text: &str| -> Result<Map, Box<rhai::EvalAltResult>> {
            ctx.engine().parse_json(text, true)
        },
    );
}

fn result(name: &str, ok: bool, message: &str, hint: Option<&str>) -> CheckResult {
    CheckResult {
        name: name.to_string(),
        passed: ok,
        message: if ok { String::new() } else { message.to_string() },
        hint: if ok { None } else { hint.map(str::to_string) },
    }
}
