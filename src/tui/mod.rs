//! The terminal UI (`djsandbox` with no command): the workshop's sections and exercises, each
//! exercise's lesson, checks and hints, graded again whenever its file is saved; a rhai shell on
//! the learner's world; diagrams drawn in the terminal. State, update and view are kept apart
//! ([`app`], [`update`], [`view`]); grading and the shell run on threads of their own.

pub mod app;
mod editor;
mod markdown;
mod terminal;
pub mod theme;
pub mod update;
pub mod view;
mod watch;
mod worker;

use std::path::PathBuf;
use std::sync::mpsc::channel;
use std::time::Duration;

use ratatui::crossterm::event::{self, Event};

use app::{App, Effect, Msg};
use theme::Theme;

use crate::course::{ExerciseSet, Progress};
use crate::scenario::Scenarios;

/// How long the loop waits for a key before looking at the other threads' messages.
const POLL: Duration = Duration::from_millis(30);

/// Run the UI on `set` in `workspace` until the learner quits; `welcome` is shown in the
/// footer first (where a new workshop was created).
pub fn run(
    set: ExerciseSet,
    progress: Progress,
    workspace: PathBuf,
    scenarios: Scenarios,
    welcome: Option<String>,
) -> std::io::Result<()> {
    let (tx, rx) = channel::<Msg>();
    let mut app = App::new(set.clone(), progress, workspace.clone(), Theme::from_env())
        .ok_or_else(|| std::io::Error::other("the exercise set has no exercises"))?;
    app.notice = welcome;
    let grading = worker::Grading::start(set, scenarios.clone(), tx.clone());
    let shell = worker::Shell::start(workspace.clone(), scenarios, tx.clone());
    let watcher = watch::watch(&workspace, tx.clone());
    if let Err(e) = &watcher {
        app.notice = Some(format!("saved files are not noticed ({e}): press c to check"));
    }
    let mut guard = terminal::Guard::enter()?;
    let mut dirty = true;
    loop {
        if dirty {
            guard.terminal.draw(|frame| view::view(&app, frame))?;
            dirty = false;
        }
        let mut effects = Vec::new();
        if event::poll(POLL)? {
            match event::read()? {
                Event::Key(key) => effects.extend(update::update(&mut app, Msg::Key(key))),
                Event::Resize(..) => effects.extend(update::update(&mut app, Msg::Resize)),
                _ => {}
            }
            dirty = true;
        }
        for msg in rx.try_iter() {
            effects.extend(update::update(&mut app, msg));
            dirty = true;
        }
        for effect in effects {
            match effect {
                Effect::Quit => {
                    // The same history file as `djsandbox shell` keeps; losing it is no reason
                    // to keep the learner from leaving.
                    let _ = crate::course::workspace::save_history(&workspace, &app.shell.history);
                    return Ok(());
                }
                Effect::Grade { id, source } => grading.grade(id, source),
                Effect::Eval(statement) => shell.eval(statement),
                Effect::Answer(text) => shell.answer(text),
                Effect::SaveProgress => {
                    if let Err(e) = app.progress.save(&workspace) {
                        app.notice = Some(format!("progress not saved: {e}"));
                    }
                }
                Effect::Edit(path) => {
                    let editor = app.editor.clone();
                    let status = guard.suspend(|| editor::edit(&editor, &path))?;
                    if let Err(e) = status {
                        app.notice = Some(format!("could not run {editor}: {e} (set EDITOR to the editor you use)"));
                    }
                    // The watch sees the save too; grading the file now covers editors that
                    // write elsewhere and rename.
                    tx.send(Msg::Edited).ok();
                    dirty = true;
                }
            }
        }
    }
}
