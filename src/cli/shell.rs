//! `djsandbox shell`: a REPL on the workspace's world. Line editing and history on a terminal;
//! plain lines from a pipe. A statement may span lines: input is read until it parses.

use std::io::{BufRead, IsTerminal};
use std::path::Path;

use anyhow::Result;
use rustyline::error::ReadlineError;

use djsandbox::script::{Interpreter, Limits};

use djsandbox::course::workspace::open_interpreter;

use super::{note, say};

fn show(interpreter: &mut Interpreter, source: &str) -> std::io::Result<()> {
    let result = interpreter.eval(source);
    for line in interpreter.take_output() {
        say!("{line}")?;
    }
    match result {
        Ok(Some(value)) => say!("{value}")?,
        Ok(None) => {}
        Err(err) => note!("{err}"),
    }
    Ok(())
}

/// Run the shell until end of input (Ctrl-D) or `exit`.
pub fn shell(options: &super::Options, fresh: bool, timeout_secs: u64) -> Result<i32> {
    let workspace: &Path = &options.workspace;
    let limits = Limits { time: std::time::Duration::from_secs(timeout_secs), ..Limits::default() };
    let mut interpreter = open_interpreter(workspace, fresh, &options.scenarios, limits)?;
    interpreter.set_file("<shell>");
    interpreter.remember_definitions();
    interpreter.set_terminal(Box::new(super::terminal::Stdio::new(super::terminal::interactive())));
    let mut pending = String::new();
    if std::io::stdin().is_terminal() {
        say!("djsandbox shell — rhai with DataJoint's `dj`; a blank line ends a statement that keeps going, Ctrl-D quits.")?;
        let mut editor = rustyline::DefaultEditor::new()?;
        let history = workspace.join(".djsandbox").join("history");
        let _ = editor.load_history(&history);
        loop {
            let prompt = if pending.is_empty() { ">>> " } else { "... " };
            match editor.readline(prompt) {
                Ok(line) => {
                    let _ = editor.add_history_entry(line.as_str());
                    if pending.is_empty() && line.trim() == "exit" {
                        break;
                    }
                    pending.push_str(&line);
                    pending.push('\n');
                    if interpreter.is_complete(&pending) || line.trim().is_empty() {
                        show(&mut interpreter, &pending)?;
                        pending.clear();
                    }
                }
                Err(ReadlineError::Interrupted) => pending.clear(),
                Err(_) => break,
            }
        }
        if let Some(dir) = history.parent() {
            if dir.exists() {
                let _ = editor.save_history(&history);
            }
        }
    } else {
        for line in std::io::stdin().lock().lines() {
            let line = line?;
            pending.push_str(&line);
            pending.push('\n');
            if interpreter.is_complete(&pending) {
                show(&mut interpreter, &pending)?;
                pending.clear();
            }
        }
        if !pending.trim().is_empty() {
            show(&mut interpreter, &pending)?;
        }
    }
    Ok(0)
}
