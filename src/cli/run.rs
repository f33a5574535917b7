//! `djsandbox run FILE.rhai`: run a script against the workspace's world (or a fresh one), like
//! `python file.py` against the lab database.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use djsandbox::engine::World;
use djsandbox::scenario::{Scenario, Scenarios, WORKSHOP};
use djsandbox::script::{Interpreter, Limits};

use super::terminal;
use djsandbox::server::Server;

/// Where the workspace keeps its persistent world.
pub fn world_path(workspace: &Path) -> PathBuf {
    workspace.join(".djsandbox").join("world.sqlite")
}

/// The server a script or shell works on: the workspace's world (built from the `workshop`
/// scenario on first use) or, with `fresh`, a new in-memory world of that scenario; with
/// `dj.config` as `import datajoint` leaves it.
pub fn open_server(workspace: &Path, fresh: bool, scenario: &Scenario) -> Result<Server> {
    let world = if fresh {
        scenario.world()?
    } else {
        let path = world_path(workspace);
        if !path.exists() {
            create_world(&path, scenario)?;
        }
        World::open(&path)?
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
fn create_world(path: &Path, scenario: &Scenario) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let partial = path.with_extension("sqlite.partial");
    scenario.write_world(&partial)?;
    std::fs::rename(&partial, path).with_context(|| format!("cannot create {}", path.display()))?;
    Ok(())
}

/// An interpreter on the workspace's world (or a fresh one) that can import the `workshop`
/// scenario's modules.
pub fn open_interpreter(workspace: &Path, fresh: bool, scenarios: &Scenarios, limits: Limits) -> Result<Interpreter> {
    let scenario = Scenario::load(scenarios, WORKSHOP)?;
    let server = open_server(workspace, fresh, &scenario)?;
    let mut interpreter = Interpreter::new(server, limits);
    interpreter.set_modules(scenario.modules.clone());
    Ok(interpreter)
}

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
    eprintln!("Traceback (most recent call last):\n  File \"{}\", {err}", file.display());
    if debug {
        if interactive {
            println!("Entering post mortem debugging: the script's top-level variables are in scope (h for help).");
            interpreter.post_mortem();
        } else {
            eprintln!("--debug: no terminal to debug at.");
        }
    }
    Ok(1)
}
