//! The terminal UI's state, the messages that change it and the effects it asks for (the Elm
//! pattern ratatui recommends): [`super::update`] is the only place state changes, the views
//! only read it, and the event loop performs the effects.

use std::collections::HashMap;
use std::path::PathBuf;

use ratatui::crossterm::event::KeyEvent;

use super::theme::Theme;
use crate::course::shell::Reply;
use crate::course::{ExerciseSet, Grade, Progress};
use crate::engine::diagram::Diagram;

/// Which screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The sections and exercises.
    Home,
    /// One exercise: instructions or lesson, checks, hints, output.
    Exercise,
    /// The rhai prompt.
    Shell,
    /// A diagram.
    Diagram,
}

/// Everything that can happen to the UI.
#[derive(Debug)]
pub enum Msg {
    /// A key was pressed.
    Key(KeyEvent),
    /// The terminal changed size (the next frame uses the new size).
    Resize,
    /// A file in the workspace was written.
    Saved(PathBuf),
    /// A grading finished (or could not run).
    Graded(String, Result<Grade, String>),
    /// The prompt's statement finished.
    Replied(Reply),
    /// The running statement printed a line.
    Printed(String),
    /// The running statement asks a question (safemode's "Proceed?", the debugger's prompt).
    Asked(String),
    /// The editor the learner opened has closed.
    Edited,
}

/// What the event loop does for the UI.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Grade an exercise's file.
    Grade { id: String, source: String },
    /// Open a file in `$EDITOR` (leaving the screen meanwhile).
    Edit(PathBuf),
    /// Evaluate a statement at the prompt.
    Eval(String),
    /// Answer the running statement's question.
    Answer(String),
    /// Write the progress file.
    SaveProgress,
    /// Leave.
    Quit,
}

/// One entry of the prompt's history on screen.
#[derive(Debug, Clone)]
pub struct Entry {
    /// What was typed.
    pub input: String,
    /// What it printed as it ran, questions and answers included.
    pub printed: Vec<String>,
    /// What came back (`None` while it runs).
    pub reply: Option<Reply>,
}

/// The prompt's state.
#[derive(Debug, Clone, Default)]
pub struct ShellState {
    /// The line being typed.
    pub input: String,
    /// Earlier lines of a statement that goes on.
    pub pending: String,
    /// Statements and their replies, oldest first.
    pub entries: Vec<Entry>,
    /// Statements typed, for ↑ / ↓.
    pub history: Vec<String>,
    /// Where ↑ / ↓ is in the history.
    pub recalled: Option<usize>,
    /// Lines scrolled up from the bottom.
    pub scroll: u16,
    /// The question the running statement waits on.
    pub question: Option<String>,
}

impl ShellState {
    /// The statement still running (the newest entry without a reply), if any.
    pub fn running(&mut self) -> Option<&mut Entry> {
        self.entries.iter_mut().rev().find(|e| e.reply.is_none())
    }
}

/// A diagram being looked at.
#[derive(Debug, Clone)]
pub struct DiagramState {
    /// What it shows.
    pub diagram: Diagram,
    /// Where it came from (`dj.Diagram(...)` as typed).
    pub title: String,
    /// Columns and rows scrolled.
    pub scroll: (u16, u16),
    /// Digits typed before `+` / `-`: how many levels (`3+` is `+ 3`).
    pub count: Option<i64>,
}

/// The whole UI state.
pub struct App {
    /// The exercise set.
    pub set: ExerciseSet,
    /// The learner's progress.
    pub progress: Progress,
    /// The workspace directory.
    pub workspace: PathBuf,
    /// Colours or not.
    pub theme: Theme,
    /// The screen showing.
    pub screen: Screen,
    /// Screens to go back to.
    pub back: Vec<Screen>,
    /// The help overlay is open.
    pub help: bool,
    /// The selected exercise (index in course order).
    pub selected: usize,
    /// The last grade of each exercise graded in this session.
    pub grades: HashMap<String, Grade>,
    /// Exercises being graded.
    pub grading: Vec<String>,
    /// The exercise screen shows the section's lesson (else the instructions).
    pub lesson: bool,
    /// Lines the exercise screen's text is scrolled.
    pub scroll: u16,
    /// Lines the exercise screen's results are scrolled.
    pub results_scroll: u16,
    /// The prompt.
    pub shell: ShellState,
    /// The diagram view's diagram.
    pub diagram: Option<DiagramState>,
    /// A one-line notice (a file that could not be read, a note).
    pub notice: Option<String>,
    /// The editor command, for the footer (see [`super::editor`]).
    pub editor: String,
}

impl App {
    /// The UI on `set` with `progress`, in `workspace` (`None` for a set without exercises).
    pub fn new(set: ExerciseSet, progress: Progress, workspace: PathBuf, theme: Theme) -> Option<App> {
        set.exercises().next()?;
        let history = crate::course::workspace::load_history(&workspace);
        // Start at the first exercise not yet passed, as rustlings does.
        let selected =
            set.exercises().position(|e| progress.of(&e.id).status != crate::course::Status::Passed).unwrap_or(0);
        Some(App {
            set,
            progress,
            workspace,
            theme,
            screen: Screen::Home,
            back: Vec::new(),
            help: false,
            selected,
            grades: HashMap::new(),
            grading: Vec::new(),
            lesson: false,
            scroll: 0,
            results_scroll: 0,
            shell: ShellState { history, ..ShellState::default() },
            diagram: None,
            notice: None,
            editor: super::editor::for_this_machine(),
        })
    }

    /// The selected exercise (an `App` always has one: [`App::new`] refuses an empty set).
    pub fn exercise(&self) -> &crate::course::Exercise {
        let mut all = self.set.exercises();
        let first = self.set.exercises().next();
        all.nth(self.selected).or(first).unwrap_or_else(|| unreachable!("App::new refuses an empty set"))
    }

    /// How many exercises the set has.
    pub fn count(&self) -> usize {
        self.set.exercises().count()
    }

    /// The learner's file of the selected exercise.
    pub fn file(&self) -> PathBuf {
        self.exercise().learner_path(&self.workspace)
    }
}
