//! The work the UI must not wait for, each on a thread of its own: grading (a grader holds
//! worlds, which stay on its thread) and the shell's interpreter. Each sends its results back
//! as messages; a newer request for the same exercise replaces one still queued.

use std::path::PathBuf;
use std::sync::mpsc::{channel, Receiver, Sender};

use super::app::Msg;
use crate::course::shell::{Console, Reply, Session};
use crate::course::{ExerciseSet, Grader};
use crate::scenario::Scenarios;

/// How long one shell statement may run (as `djsandbox shell`'s default `--timeout`).
const STATEMENT_TIME: std::time::Duration = std::time::Duration::from_secs(10);

/// The grading thread's inbox.
pub struct Grading(Sender<(String, String)>);

impl Grading {
    /// Start grading exercises of `set` on a thread; results go to `out`.
    pub fn start(set: ExerciseSet, scenarios: Scenarios, out: Sender<Msg>) -> Grading {
        let (tx, rx) = channel::<(String, String)>();
        std::thread::spawn(move || {
            let grader = Grader::new(scenarios);
            while let Ok(first) = rx.recv() {
                // Only the newest request per exercise matters (a burst of saves).
                let mut queue = vec![first];
                queue.extend(rx.try_iter());
                let mut latest: Vec<(String, String)> = Vec::new();
                for (id, source) in queue {
                    latest.retain(|(i, _)| *i != id);
                    latest.push((id, source));
                }
                for (id, source) in latest {
                    let result = match set.exercise(&id) {
                        Some(ex) => grader.grade(&set, ex, &source).map_err(|e| e.to_string()),
                        None => Err(format!("no exercise {id}")),
                    };
                    if out.send(Msg::Graded(id, result)).is_err() {
                        return;
                    }
                }
            }
        });
        Grading(tx)
    }

    /// Ask for `source` to be graded as exercise `id`.
    pub fn grade(&self, id: String, source: String) {
        let _ = self.0.send((id, source));
    }
}

/// The shell thread's inbox, and where the answers to its questions go.
pub struct Shell {
    statements: Sender<String>,
    answers: Sender<String>,
}

/// The shell's console: output and questions become messages to the UI; an answer comes back
/// on a channel of its own while the statement waits.
struct UiConsole {
    out: Sender<Msg>,
    answers: Receiver<String>,
}

impl Console for UiConsole {
    fn print(&mut self, line: &str) {
        let _ = self.out.send(Msg::Printed(line.to_string()));
    }

    fn note(&mut self, line: &str) {
        let _ = self.out.send(Msg::Printed(line.to_string()));
    }

    fn ask(&mut self, prompt: &str) -> Option<String> {
        self.out.send(Msg::Asked(prompt.to_string())).ok()?;
        self.answers.recv().ok()
    }

    fn interactive(&self) -> bool {
        true
    }
}

impl Shell {
    /// Start the prompt's interpreter on the workspace's world; replies go to `out`.
    pub fn start(workspace: PathBuf, scenarios: Scenarios, out: Sender<Msg>) -> Shell {
        let (tx, rx): (Sender<String>, Receiver<String>) = channel();
        let (answers, answers_rx) = channel();
        std::thread::spawn(move || {
            let mut session = match Session::open(&workspace, &scenarios, STATEMENT_TIME) {
                Ok(mut s) => {
                    s.set_console(Box::new(UiConsole { out: out.clone(), answers: answers_rx }));
                    Some(s)
                }
                Err(e) => {
                    let _ = out.send(Msg::Replied(Reply { error: Some(e.to_string()), ..Reply::default() }));
                    None
                }
            };
            while let Ok(statement) = rx.recv() {
                let reply = match session.as_mut() {
                    Some(s) => s.eval(&statement),
                    None => Reply {
                        error: Some("the shell could not open the workspace's world".into()),
                        ..Reply::default()
                    },
                };
                if out.send(Msg::Replied(reply)).is_err() {
                    return;
                }
            }
        });
        Shell { statements: tx, answers }
    }

    /// Evaluate `statement`.
    pub fn eval(&self, statement: String) {
        let _ = self.statements.send(statement);
    }

    /// Answer the question the running statement asked.
    pub fn answer(&self, text: String) {
        let _ = self.answers.send(text);
    }
}
