//! Building a scenario's world: accounts and settings from the file, then the build scripts
//! run in order, as the admin user, through the same interpreter learners use.

use std::path::Path;

use crate::engine::image::Image;
use crate::engine::World;
use crate::script::{Interpreter, Limits};
use crate::server::Server;

use super::accounts;
use super::error::ScenarioError;
use super::Scenario;

/// How long all build scripts together may run (they insert the scenario's fake recordings).
const BUILD_TIME: std::time::Duration = std::time::Duration::from_secs(60);

/// The image of a fresh world built from `scenario`, as its build scripts leave it.
pub fn build(scenario: &Scenario) -> Result<Image, ScenarioError> {
    let file = &scenario.file;
    let toml = scenario.display("scenario.toml");
    let mut server = Server::new(World::in_memory()?, Path::new("."))?;
    server.accounts = accounts::accounts(file, &toml)?;
    server.settings = accounts::settings(&file.server);
    server.set_env_defaults(file.env.clone());
    server.save_server()?;
    login_as_admin(&mut server, scenario)?;
    let interpreter = run_scripts(scenario, server, &file.build)?;
    let mut server = interpreter.server();
    check_modules(scenario, &server.world)?;
    // Build scripts may have changed accounts through SQL; those are already kept. The world
    // leaves with no connection: whoever opens it logs in with their own `dj.config`.
    server.save_server()?;
    Ok(server.world.image()?)
}

/// The variant world's image: the built `base` with the scenario's variant scripts run on it.
pub fn build_variant(scenario: &Scenario, base: &Image) -> Result<Image, ScenarioError> {
    let mut server = Server::new(World::from_image(base)?, Path::new("."))?;
    server.set_env_defaults(scenario.file.env.clone());
    login_as_admin(&mut server, scenario)?;
    let interpreter = run_scripts(scenario, server, &scenario.file.variant)?;
    let server = interpreter.server();
    Ok(server.world.image()?)
}

/// Run `scripts` (rhai, or `.sql` dumps) in order in one interpreter as the admin; the first
/// failure is the build's error.
fn run_scripts(scenario: &Scenario, server: Server, scripts: &[String]) -> Result<Interpreter, ScenarioError> {
    let limits = Limits { time: BUILD_TIME, ..Limits::default() };
    let mut interpreter = Interpreter::new(server, limits);
    interpreter.set_modules(scenario.modules.clone());
    for script in scripts {
        let name = scenario.display(script);
        let source = scenario.read(script)?;
        // A dump (`import --sql --scenario` writes one) loads straight into the world.
        if script.ends_with(".sql") {
            let mut server = interpreter.server();
            crate::engine::dump::import_sql(&mut server.world, &source)
                .map_err(|e| ScenarioError::Build { file: name.clone(), traceback: e.to_string() })?;
            continue;
        }
        interpreter.set_file(&name);
        if let Err(traceback) = interpreter.eval(&source) {
            let output = interpreter.take_output().join("\n");
            let traceback = if output.is_empty() { traceback } else { format!("{output}\n{traceback}") };
            return Err(ScenarioError::Build { file: name, traceback });
        }
    }
    Ok(interpreter)
}

/// `dj.config` for the admin user at the server's first host and port.
pub(super) fn login_as_admin(server: &mut Server, scenario: &Scenario) -> Result<(), ScenarioError> {
    let file = &scenario.file;
    let admin = file.users.iter().find(|u| u.name == file.admin);
    let password = admin.map(|u| u.password.as_str()).unwrap_or_default();
    let host = file.server.hosts.first().cloned().unwrap_or_else(|| "localhost".into());
    let config = &mut server.config;
    config.set("database.host", host.as_str().into())?;
    config.set("database.port", i64::from(file.server.port).into())?;
    config.set("database.user", file.admin.as_str().into())?;
    config.set("database.password", password.into())?;
    Ok(())
}

/// Every table a module exports exists once the build is done.
fn check_modules(scenario: &Scenario, world: &World) -> Result<(), ScenarioError> {
    for (path, exports) in scenario.modules.iter() {
        let tables = exports.iter().filter_map(|(class, e)| match e {
            crate::script::Export::Table(t) => Some((class, t)),
            crate::script::Export::Helper(_) => None,
        });
        for (class, table) in tables {
            if world.table(table).is_none() {
                return Err(ScenarioError::Rejected {
                    file: scenario.display("scenario.toml"),
                    field: format!("modules.\"{path}\".{class}"),
                    message: format!("no table {} after the build scripts ran", table.full()),
                });
            }
        }
    }
    Ok(())
}
