//! The course commands: `init`, `list`, `check`, `hint`, `reset`, `verify`, `exercises export`.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use djsandbox::course::parallel::{cores, with_graders};
use djsandbox::course::report::{render, render_verified, Format, Graded};
use djsandbox::course::{verify, workspace, Exercise, ExerciseSet, Progress, Status};

use super::{note, say, Options};

fn load(options: &Options) -> Result<ExerciseSet> {
    Ok(ExerciseSet::load(options.exercises.clone())?)
}

fn progress(workspace: &Path) -> Result<Progress> {
    let (progress, note) = Progress::load(workspace)?;
    if let Some(note) = note {
        note!("warning: {note}");
    }
    Ok(progress)
}

/// `init [DIR]`: write every exercise's starter (keeping files already there) and a README.
pub fn init(options: &Options, dir: Option<PathBuf>) -> Result<i32> {
    let set = load(options)?;
    let root = dir.unwrap_or_else(|| options.workspace.clone());
    let written =
        workspace::init(&set, &root).with_context(|| format!("cannot write the workspace in {}", root.display()))?;
    say!("{written} exercise file(s) written in {}.", root.display())?;
    say!(
        "Next: open {}, then `djsandbox check`.",
        set.exercises().next().map(|e| e.learner_file()).unwrap_or_default()
    )?;
    Ok(0)
}

/// `list`: sections and exercises with their status.
pub fn list(options: &Options) -> Result<i32> {
    let set = load(options)?;
    let progress = progress(&options.workspace)?;
    for section in &set.sections {
        let done = section.exercises.iter().filter(|e| progress.of(&e.id).status == Status::Passed).count();
        say!("{} — {} ({done}/{})", section.id, section.meta.title, section.exercises.len())?;
        for ex in &section.exercises {
            let mark = match progress.of(&ex.id).status {
                Status::Passed => "✓",
                Status::Failed => "✗",
                Status::NotStarted => " ",
            };
            say!("  [{mark}] {:<28} {}", ex.name(), ex.meta.title)?;
        }
    }
    Ok(0)
}

/// `check [NAME] [--format]`: grade the learner's files; exit 0 only if all graded pass.
pub fn check(options: &Options, name: Option<&str>, format: Format) -> Result<i32> {
    let set = load(options)?;
    let picked = set.select(name)?;
    let mut progress = progress(&options.workspace)?;
    let mut missing = Vec::new();
    let mut files = Vec::new();
    for ex in picked {
        match std::fs::read_to_string(ex.learner_path(&options.workspace)) {
            Ok(source) => files.push((ex, source)),
            Err(_) => missing.push(ex.learner_file()),
        }
    }
    // Each exercise grades in worlds of its own, so they grade on every core at once.
    let graded =
        with_graders(&options.scenarios, &files, cores(), |grader, (ex, source)| grader.grade(&set, ex, source));
    let mut grades = Vec::new();
    for ((ex, _), grade) in files.iter().zip(graded) {
        let grade = grade?;
        let (passed, failed): (Vec<_>, Vec<_>) = grade.checks.iter().partition(|c| c.passed);
        progress.record(
            &ex.id,
            passed.iter().map(|c| c.name.clone()).collect(),
            failed.iter().map(|c| c.name.clone()).collect(),
        );
        grades.push((grade, ex.meta.title.clone()));
    }
    progress.save(&options.workspace)?;
    if grades.is_empty() {
        let place = options.workspace.display();
        match missing.as_slice() {
            [file] => bail!("{file} is missing in {place}; `djsandbox reset {file}` writes its starter"),
            _ => bail!(
                "no exercise file to check in {place}: it is not a workspace yet; run `djsandbox init` there, \
                 or name the workspace with `--workspace DIR`"
            ),
        }
    }
    let graded: Vec<Graded> = grades.iter().map(|(g, t)| Graded { grade: g, title: t }).collect();
    std::io::stdout().write_all(render(&graded, format).as_bytes())?;
    if !missing.is_empty() && format == Format::Text {
        say!("not checked (no file): {}", missing.join(", "))?;
    }
    Ok(if graded.iter().all(|g| g.grade.passed()) { 0 } else { 1 })
}

fn one<'a>(set: &'a ExerciseSet, name: &str) -> Result<&'a Exercise> {
    if let Some(ex) = set.exercise_named(name) {
        return Ok(ex);
    }
    set.select(Some(name))?;
    bail!("'{name}' is a section; name one exercise (try `djsandbox list`)")
}

/// `hint NAME`: the next progressive hint not yet shown (all of them once all are shown).
pub fn hint(options: &Options, name: &str) -> Result<i32> {
    let set = load(options)?;
    let ex = one(&set, name)?;
    let mut progress = progress(&options.workspace)?;
    match progress.next_hint(&ex.id, ex.meta.hints.len()) {
        Some(i) => {
            say!("Hint {} of {} for {}:\n{}", i + 1, ex.meta.hints.len(), ex.id, ex.meta.hints[i])?;
            progress.save(&options.workspace)?;
        }
        None => {
            say!("All {} hints for {} have been shown:", ex.meta.hints.len(), ex.id)?;
            for (i, h) in ex.meta.hints.iter().enumerate() {
                say!("{}. {h}", i + 1)?;
            }
        }
    }
    Ok(0)
}

/// `reset NAME [--yes]`: the starter back, the learner's file kept as a backup.
pub fn reset(options: &Options, name: &str, yes: bool) -> Result<i32> {
    let set = load(options)?;
    let ex = one(&set, name)?;
    let path = ex.learner_path(&options.workspace);
    if !yes {
        write!(
            std::io::stdout(),
            "Replace {} with the starter file? Yours is kept as a backup. [y/N] ",
            path.display()
        )?;
        std::io::stdout().flush()?;
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if !matches!(answer.trim(), "y" | "Y" | "yes") {
            say!("Nothing changed.")?;
            return Ok(1);
        }
    }
    if path.exists() {
        let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        let backup = path.with_extension(format!("rhai.bak-{stamp}"));
        std::fs::copy(&path, &backup).with_context(|| format!("cannot back up {}", path.display()))?;
        say!("Your file is kept as {}.", backup.display())?;
    }
    std::fs::create_dir_all(path.parent().unwrap_or(&options.workspace))?;
    std::fs::write(&path, &ex.starter).with_context(|| format!("cannot write {}", path.display()))?;
    say!("{} is the starter again.", path.display())?;
    Ok(0)
}

/// `verify [--format]`: check the exercise set itself.
pub fn verify_set(options: &Options, format: Format) -> Result<i32> {
    let set = load(options)?;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let found = verify::verify_parallel(&set, &options.scenarios, threads)?;
    let bad = found.iter().filter(|v| !v.problems.is_empty()).count();
    std::io::stdout().write_all(render_verified(&found, format).as_bytes())?;
    Ok(if bad == 0 { 0 } else { 1 })
}

/// `exercises export DIR`: the exercise set on disk, as a template.
pub fn export(options: &Options, dir: &Path) -> Result<i32> {
    let n = options
        .exercises
        .export(dir)
        .with_context(|| format!("cannot write the exercise set under {}", dir.display()))?;
    say!("{n} files written under {}; use them with `--exercises {}`.", dir.display(), dir.display())?;
    Ok(0)
}
