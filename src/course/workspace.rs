//! The learner's workspace: the exercise files and lessons `init` writes, and the persistent
//! world (`.djsandbox/world.sqlite`) that `run`, the shell and the terminal UI work on.

use std::path::{Path, PathBuf};

use super::error::CourseError;
use super::set::ExerciseSet;
use crate::engine::World;
use crate::scenario::{Scenario, Scenarios, WORKSHOP};
use crate::script::{Interpreter, Limits};
use crate::server::Server;

/// The shell's history file (shared by `djsandbox shell` and the terminal UI's shell).
pub fn history_path(workspace: &Path) -> PathBuf {
    workspace.join(".djsandbox").join("history")
}

/// The shell's history, oldest first, read from the file the command-line shell keeps
/// (rustyline's format: a `#V2` line, then one entry a line with `\\` and `\n` escaped).
pub fn load_history(workspace: &Path) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(history_path(workspace)) else { return Vec::new() };
    text.lines().filter(|l| *l != "#V2" && !l.is_empty()).map(unescape).collect()
}

/// Write the shell's history (the last 1000 entries) in the same format.
pub fn save_history(workspace: &Path, history: &[String]) -> Result<(), CourseError> {
    let path = history_path(workspace);
    let mut text = String::from("#V2\n");
    for entry in history.iter().skip(history.len().saturating_sub(1000)) {
        text.push_str(&entry.replace('\\', "\\\\").replace('\n', "\\n"));
        text.push('\n');
    }
    std::fs::create_dir_all(path.parent().unwrap_or(workspace)).map_err(|e| io(&path, e))?;
    std::fs::write(&path, text).map_err(|e| io(&path, e))
}

fn unescape(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match (c, chars.clone().next()) {
            ('\\', Some('n')) => {
                out.push('\n');
                chars.next();
            }
            ('\\', Some('\\')) => {
                out.push('\\');
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

/// Is `dir` a workspace already (`init` ran there, or the world lives there)?
pub fn is_workspace(dir: &Path) -> bool {
    dir.join(".djsandbox").is_dir() || dir.join("README.md").is_file() && dir.join("01_connection").is_dir()
}

/// The workspace a command run in `cwd` works on: `cwd`, or its parent when `cwd` is one of
/// the parent workspace's section folders (`NN_name`) — where a learner stands while editing
/// an exercise, as git finds a repository from a subfolder.
pub fn containing(cwd: &Path) -> PathBuf {
    let section = cwd.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
        let (number, name) = n.split_at(n.find('_').unwrap_or(0));
        number.len() == 2 && number.bytes().all(|b| b.is_ascii_digit()) && name.len() > 1
    });
    match cwd.parent() {
        Some(parent) if section && !is_workspace(cwd) && is_workspace(parent) => parent.to_path_buf(),
        _ => cwd.to_path_buf(),
    }
}

/// Where the workspace keeps its persistent world.
pub fn world_path(workspace: &Path) -> PathBuf {
    workspace.join(".djsandbox").join("world.sqlite")
}

fn io(path: &Path, e: std::io::Error) -> CourseError {
    CourseError::Io { path: path.display().to_string(), reason: e.to_string() }
}

/// The server a script or shell works on: the workspace's world (built from the `workshop`
/// scenario on first use) or, with `fresh`, a new in-memory world of that scenario; with
/// `dj.config` as `import datajoint` leaves it.
pub fn open_server(workspace: &Path, fresh: bool, scenario: &Scenario) -> Result<Server, CourseError> {
    let world = if fresh {
        scenario.world()?
    } else {
        let path = world_path(workspace);
        if !path.exists() {
            create_world(&path, scenario)?;
        }
        World::open(&path)
            .map_err(|e| CourseError::DamagedWorld { path: path.display().to_string(), reason: e.message })?
    };
    let mut server = Server::new(world, workspace)?;
    server.set_env_defaults(scenario.file.env.clone());
    // As `import datajoint`: dj_local_conf.json from the working directory, then DJ_* variables.
    let env = server.env.clone();
    server.import_config(|k| env.get(k))?;
    Ok(server)
}

/// Write the scenario's world at `path`: into a temporary file first, so an interrupted first
/// run leaves no half-written world behind.
fn create_world(path: &Path, scenario: &Scenario) -> Result<(), CourseError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
    let partial = path.with_extension("sqlite.partial");
    scenario.write_world(&partial)?;
    std::fs::rename(&partial, path).map_err(|e| io(path, e))
}

/// An interpreter on the workspace's world (or a fresh one) that can import the `workshop`
/// scenario's modules.
pub fn open_interpreter(
    workspace: &Path,
    fresh: bool,
    scenarios: &Scenarios,
    limits: Limits,
) -> Result<Interpreter, CourseError> {
    let scenario = Scenario::load(scenarios, WORKSHOP)?;
    let server = open_server(workspace, fresh, &scenario)?;
    let mut interpreter = Interpreter::new(server, limits);
    interpreter.set_modules(scenario.modules.clone());
    Ok(interpreter)
}

/// Write every exercise's starter under `root` (keeping files already there), each section's
/// lesson and a README; returns how many exercise files were written.
pub fn init(set: &ExerciseSet, root: &Path) -> Result<usize, CourseError> {
    let mut written = 0;
    let write = |path: &Path, text: &str| -> Result<(), CourseError> {
        std::fs::create_dir_all(path.parent().unwrap_or(root)).map_err(|e| io(root, e))?;
        std::fs::write(path, text).map_err(|e| io(path, e))
    };
    for ex in set.exercises() {
        let path = ex.learner_path(root);
        if !path.exists() {
            write(&path, &ex.starter)?;
            written += 1;
        }
    }
    for section in &set.sections {
        let lesson = root.join(&section.dir).join("LESSON.md");
        if !lesson.exists() && !section.lesson.is_empty() {
            write(&lesson, &section.lesson)?;
        }
    }
    let readme = root.join("README.md");
    if !readme.exists() {
        write(&readme, README)?;
    }
    // The mark that this folder is a workspace (the world and progress go here later).
    let state = root.join(".djsandbox");
    std::fs::create_dir_all(&state).map_err(|e| io(&state, e))?;
    Ok(written)
}

const README: &str = "# Your DataJoint and Spyglass workshop\n\n\
Each folder is a section; each `.rhai` file an exercise; `LESSON.md` explains the section.\n\n\
- `djsandbox` opens the workshop in the terminal: lessons, your exercises graded as you save.\n\
- `djsandbox list` shows where you are.\n\
- Edit an exercise's file, then `djsandbox check NAME` grades it (`djsandbox check` grades all).\n\
- `djsandbox hint NAME` shows the next hint.\n\
- `djsandbox run FILE.rhai` runs a file against your own lab database (kept in `.djsandbox/`).\n\
- `djsandbox reset NAME` gives you the starter file back (yours is kept as a backup).\n";
