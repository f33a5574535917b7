//! `djsandbox run FILE.rhai`: run a script against the workspace's world (or a fresh one), like
//! `python file.py` against the lab database.

use std::path::Path;

use anyhow::{Context, Result};

use djsandbox::course::workspace::open_interpreter;
use djsandbox::script::Limits;

use super::{note, say, terminal};

/// Run `file`; returns the process exit code (1 when the script ended with an error). With
/// `debug`, an uncaught error opens the debugger's prompt (post-mortem) at a terminal.
pub fn run(file: &Path, options: &super::Options, fresh: bool, timeout_secs: u64, debug: bool) -> Result<i32> {
    let source = std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let limits = Limits { time: std::time::Duration::from_secs(timeout_secs), ..Limits::default() };
    let mut interpreter = open_interpreter(&options.workspace, fresh, &options.scenarios, limits)?;
    let interactive = terminal::interactive();
    interpreter.set_terminal(Box::new(terminal::Stdio::new(interactive)));
    interpreter.set_file(&file.display().to_string());
    let Err(err) = interpreter.eval(&source) else { return Ok(0) };
    note!("Traceback (most recent call last):\n  File \"{}\", {err}", file.display());
    if debug {
        if interactive {
            say!("Entering post mortem debugging: the script's top-level variables are in scope (h for help).")?;
            interpreter.post_mortem();
        } else {
            note!("--debug: no terminal to debug at.");
        }
    }
    Ok(1)
}
