//! `djsandbox` with no command: the workshop in the terminal UI, in `./workshop` (written from
//! the exercise set on first run) unless the current directory already is a workspace; with no
//! terminal to draw on, the progress summary.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Result;

use djsandbox::course::{workspace, ExerciseSet, Progress};

use super::{note, say, Options};

/// Where the UI works: `--workspace` when given, the current directory when it is a
/// workspace, else `./workshop`.
pub fn workshop_dir(options: &Options, explicit: bool) -> PathBuf {
    if explicit || workspace::is_workspace(&options.workspace) {
        options.workspace.clone()
    } else {
        options.workspace.join("workshop")
    }
}

/// Open the workshop.
pub fn open(options: &Options, explicit_workspace: bool) -> Result<i32> {
    let dir = workshop_dir(options, explicit_workspace);
    let set = ExerciseSet::load(options.exercises.clone())?;
    let written = workspace::init(&set, &dir)?;
    let (progress, note) = Progress::load(&dir)?;
    let first = set.exercises().next().map(|e| e.learner_file()).unwrap_or_default();
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        if written > 0 {
            say!("Created the workshop in {}: {written} exercise file(s), a folder per section.", dir.display())?;
            say!("Start: run `djsandbox` in a terminal, or edit {first} and run `djsandbox check`.")?;
            say!("Help: `djsandbox --help`, and `?` inside the workshop.")?;
        }
        if let Some(note) = note {
            note!("warning: {note}");
        }
        let options =
            Options { workspace: dir, scenarios: options.scenarios.clone(), exercises: options.exercises.clone() };
        say!("No terminal to draw on; your progress:")?;
        return super::course::list(&options);
    }
    let welcome = (written > 0)
        .then(|| format!("Created the workshop in {} · enter opens an exercise · ? for help", dir.display()));
    djsandbox::tui::run(set, progress, dir, options.scenarios.clone(), welcome)?;
    Ok(0)
}
