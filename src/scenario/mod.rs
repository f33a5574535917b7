//! Scenarios: `scenarios/NAME/scenario.toml` and its build scripts define a world (server,
//! accounts, schemas, rows) and the modules scripts can import. A scenario is built once per
//! process; every later world is a copy of that image.

mod accounts;
mod build;
mod error;
mod file;
mod source;

use std::cell::OnceCell;
use std::path::Path;
use std::rc::Rc;

pub use error::ScenarioError;
pub use file::{parse_toml, RoleEntry, ScenarioFile, ServerSection, TomlError, UserEntry};
pub use source::Scenarios;

use crate::engine::image::Image;
use crate::engine::{TableName, World};
use crate::script::{Export, TableModules};
use crate::server::Server;

/// The scenario `run` and `shell` build the learner's world from.
pub const WORKSHOP: &str = "workshop";

/// A scenario, read and checked; it builds its world on first use and copies it after.
pub struct Scenario {
    /// Its directory's name.
    pub name: String,
    /// Its `scenario.toml`.
    pub file: ScenarioFile,
    /// Its modules, with table names parsed.
    pub modules: Rc<TableModules>,
    source: Scenarios,
    image: OnceCell<Image>,
    variant: OnceCell<Image>,
}

impl Scenario {
    /// Read scenario `name` from `scenarios`.
    pub fn load(scenarios: &Scenarios, name: &str) -> Result<Scenario, ScenarioError> {
        let known = scenarios.names();
        if !known.iter().any(|n| n == name) {
            return Err(ScenarioError::NotFound {
                name: name.into(),
                place: scenarios.place(),
                known: known.join(", "),
            });
        }
        let toml = scenarios.display(name, "scenario.toml");
        let file = ScenarioFile::parse(&toml, &scenarios.read(name, "scenario.toml")?)?;
        let modules = Rc::new(table_modules(&file, &toml)?);
        let scenario = Scenario {
            name: name.into(),
            file,
            modules,
            source: scenarios.clone(),
            image: OnceCell::new(),
            variant: OnceCell::new(),
        };
        // A listed build script that is missing is the instructor's error, found before building.
        for script in scenario.file.build.iter().chain(&scenario.file.variant) {
            scenario.read(script)?;
        }
        Ok(scenario)
    }

    /// A new in-memory world: a copy of the scenario's image (built on the first call).
    pub fn world(&self) -> Result<World, ScenarioError> {
        Ok(World::from_image(self.image()?)?)
    }

    /// A new in-memory copy of the variant world (`variant` scripts run on the built world), or
    /// `None` when the scenario has no variant scripts.
    pub fn variant_world(&self) -> Result<Option<World>, ScenarioError> {
        if self.file.variant.is_empty() {
            return Ok(None);
        }
        let image = match self.variant.get() {
            Some(image) => image,
            None => {
                let image = build::build_variant(self, self.image()?)?;
                self.variant.get_or_init(|| image)
            }
        };
        Ok(Some(World::from_image(image)?))
    }

    /// A server over a new world of this scenario, not connected, with default `dj.config` and
    /// the scenario's environment.
    pub fn server(&self, cwd: &Path) -> Result<Server, ScenarioError> {
        let mut server = Server::new(self.world()?, cwd)?;
        server.set_env_defaults(self.file.env.clone());
        Ok(server)
    }

    /// Write the scenario's world as a world file at `path`.
    pub fn write_world(&self, path: &Path) -> Result<(), ScenarioError> {
        Ok(self.image()?.write(path)?)
    }

    /// The built image, building it on first use.
    pub fn image(&self) -> Result<&Image, ScenarioError> {
        if let Some(image) = self.image.get() {
            return Ok(image);
        }
        let image = build::build(self)?;
        Ok(self.image.get_or_init(|| image))
    }

    /// Build the world again from scratch, ignoring the image (for benchmarks and checks).
    pub fn rebuild(&self) -> Result<Image, ScenarioError> {
        build::build(self)
    }

    /// Set `server`'s `dj.config` to log in as the scenario's admin (graders check as the admin).
    pub fn log_in_as_admin(&self, server: &mut Server) -> Result<(), ScenarioError> {
        build::login_as_admin(server, self)
    }

    /// The password of account `user`, as the scenario gives it.
    pub fn password_of(&self, user: &str) -> Option<&str> {
        self.file.users.iter().find(|u| u.name == user).map(|u| u.password.as_str())
    }

    /// How a file of this scenario is named in messages.
    pub fn display(&self, file: &str) -> String {
        self.source.display(&self.name, file)
    }

    /// The text of a file of this scenario.
    pub fn read(&self, file: &str) -> Result<String, ScenarioError> {
        self.source.read(&self.name, file)
    }
}

/// `[modules]` with each `"schema.table"` (or `` "`schema`.`table`" ``) parsed, and each
/// `"helper:Name"` checked against the helpers the sandbox provides.
fn table_modules(file: &ScenarioFile, toml: &str) -> Result<TableModules, ScenarioError> {
    let mut modules = TableModules::new();
    for (path, exports) in &file.modules {
        let mut tables = std::collections::BTreeMap::new();
        for (class, full) in exports {
            if let Some(helper) = full.strip_prefix("helper:") {
                // A helper is exported under its own name (its functions carry that name).
                let message = if !crate::script::is_helper(helper) {
                    let known = crate::script::helper_names().join(", ");
                    Some(format!("no helper '{helper}' (the sandbox provides: {known})"))
                } else if helper != class {
                    Some(format!("a helper keeps its name: {helper} = \"helper:{helper}\""))
                } else {
                    None
                };
                if let Some(message) = message {
                    let field = format!("modules.\"{path}\".{class}");
                    return Err(ScenarioError::Rejected { file: toml.into(), field, message });
                }
                tables.insert(class.clone(), Export::Helper(helper.to_string()));
                continue;
            }
            let Some(table) = TableName::parse(full) else {
                return Err(ScenarioError::Rejected {
                    file: toml.into(),
                    field: format!("modules.\"{path}\".{class}"),
                    message: format!("'{full}' is not a table's full name (\"schema.table\")"),
                });
            };
            tables.insert(class.clone(), Export::Table(table));
        }
        modules.insert(path.clone(), tables);
    }
    Ok(modules)
}
