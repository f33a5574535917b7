//! The person at the keyboard: script output on stdout as it happens, notes on stderr, and
//! answers (DataJoint's questions, the debugger's commands) read from stdin when it is a
//! terminal — or a pipe, with `DJSANDBOX_INTERACTIVE=1` (for instructors' scripted checks).

use std::io::{BufRead, IsTerminal, Write};

use djsandbox::script::Terminal;

/// Is somebody there to answer questions?
pub fn interactive() -> bool {
    std::io::stdin().is_terminal() || std::env::var("DJSANDBOX_INTERACTIVE").is_ok_and(|v| v == "1")
}

/// stdout, stderr and stdin.
pub struct Stdio {
    interactive: bool,
}

impl Stdio {
    /// A terminal that asks only when `interactive`.
    pub fn new(interactive: bool) -> Stdio {
        Stdio { interactive }
    }
}

impl Terminal for Stdio {
    fn print(&mut self, line: &str) {
        // A reader that went away (`djsandbox run x.rhai | head`) is no reason to panic: the
        // rest of the output has nowhere to go.
        let _ = writeln!(std::io::stdout(), "{line}");
    }

    fn note(&mut self, line: &str) {
        super::note!("{line}");
    }

    fn ask(&mut self, prompt: &str) -> Option<String> {
        if !self.interactive {
            return None;
        }
        print!("{prompt}");
        let _ = std::io::stdout().flush();
        let mut answer = String::new();
        match std::io::stdin().lock().read_line(&mut answer) {
            Ok(0) | Err(_) => None,
            Ok(_) => Some(answer.trim_end_matches(['\n', '\r']).to_string()),
        }
    }

    fn interactive(&self) -> bool {
        self.interactive
    }
}
