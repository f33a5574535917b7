//! `import "path" as name;`: the modules a script can import, by Python's package path written
//! with slashes. `os` is here; a scenario's `[modules]` add `spyglass/common` and its siblings,
//! whose variables are tables (a master's parts come along as `Master.Part`) and whose
//! functions are the helpers they export (`common::Interval(...)`). Unknown paths raise
//! Python's `ModuleNotFoundError`.

use std::cell::RefCell;
use std::collections::HashMap;

use rhai::{Dynamic, Engine, EvalAltResult, Module, ModuleResolver, Position, Shared as Rc};

use super::error::throw;
use super::host::{Export, Shared};
use super::table::Table;
use crate::engine::declare::naming::{split_part, to_camel_case};

/// Builds one importable module over the script's host.
type Builder = fn(&Shared) -> Module;

/// Every importable module.
const MODULES: &[(&str, Builder)] =
    &[("os", os), ("spyglass/utils", super::logger::module), ("spyglass/utils/database_settings", database_settings)];

/// Adds a helper's functions to a module.
type Exporter = fn(&mut Module, &Shared);

/// The helpers a scenario's module may export (`Interval = "helper:Interval"`).
const HELPERS: &[(&str, Exporter)] = &[(super::interval::NAME, super::interval::export)];

/// Is `name` a helper a module can export?
pub fn is_helper(name: &str) -> bool {
    HELPERS.iter().any(|(n, _)| *n == name)
}

/// The helpers a module can export.
pub fn helper_names() -> Vec<&'static str> {
    HELPERS.iter().map(|(n, _)| *n).collect()
}

/// `import "os" as os; os::getenv("USER", "workshop")`, for the schema-prefix idiom.
fn os(_: &Shared) -> Module {
    let mut m = Module::new();
    m.set_native_fn("getenv", |name: &str, default: &str| {
        Ok(std::env::var(name).unwrap_or_else(|_| default.to_string()))
    });
    m.set_native_fn("getenv", |name: &str| Ok(std::env::var(name).map(Dynamic::from).unwrap_or(Dynamic::UNIT)));
    m
}

/// `from spyglass.utils.database_settings import SHARED_MODULES`: the shared schema prefixes.
fn database_settings(_: &Shared) -> Module {
    let mut m = Module::new();
    let shared: rhai::Array = crate::spyglass::mixin::SHARED_MODULES.iter().map(|s| Dynamic::from(*s)).collect();
    m.set_var("SHARED_MODULES", shared);
    m
}

/// A module of tables and helpers: each exported class a variable holding its table, each
/// helper its functions. Importing also names the classes (and their parts) and helpers in the
/// script's namespace, so `-> Subject`, `Session.Experimenter` and `Interval(...)` resolve as
/// after Python's `from spyglass.common import ...`.
fn tables(host: &Shared, exports: &std::collections::BTreeMap<String, Export>) -> Result<Module, Box<EvalAltResult>> {
    let mut m = Module::new();
    for (name, export) in exports {
        if let Export::Helper(helper) = export {
            if let Some((_, add)) = HELPERS.iter().find(|(n, _)| n == helper) {
                add(&mut m, host);
                host.helpers.borrow_mut().insert(name.clone());
            }
        }
    }
    let server = host.server.borrow();
    let mut names = host.names.borrow_mut();
    let tables = exports.iter().filter_map(|(class, e)| match e {
        Export::Table(t) => Some((class, t)),
        Export::Helper(_) => None,
    });
    for (class, table) in tables {
        let query = server.world.query(table).map_err(throw)?;
        m.set_var(class.as_str(), Dynamic::from(Table { query, class: class.clone() }));
        names.insert(class.clone(), table.clone());
        for t in server.world.tables_in(&table.database) {
            if let Some((master, part)) = split_part(&t.table) {
                if master == table.table {
                    names.insert(format!("{class}.{}", to_camel_case(&part)), t);
                }
            }
        }
    }
    Ok(m)
}

/// Resolves `import` paths to modules, building each once per script.
pub struct Resolver {
    host: Shared,
    built: RefCell<HashMap<String, Rc<Module>>>,
}

impl Resolver {
    /// A resolver for a script's host.
    pub fn new(host: &Shared) -> Resolver {
        Resolver { host: host.clone(), built: RefCell::new(HashMap::new()) }
    }
}

impl ModuleResolver for Resolver {
    fn resolve(
        &self,
        _: &Engine,
        _: Option<&str>,
        path: &str,
        pos: Position,
    ) -> Result<Rc<Module>, Box<EvalAltResult>> {
        if let Some(m) = self.built.borrow().get(path) {
            return Ok(m.clone());
        }
        let scenario = self.host.modules.borrow().clone();
        let mut module = match (MODULES.iter().find(|(p, _)| *p == path), scenario.get(path)) {
            (Some((_, build)), _) => build(&self.host),
            (None, Some(exports)) => tables(&self.host, exports)?,
            (None, None) => return Err(Box::new(EvalAltResult::ErrorModuleNotFound(path.to_string(), pos))),
        };
        module.build_index();
        let module: Rc<Module> = module.into();
        self.built.borrow_mut().insert(path.to_string(), module.clone());
        Ok(module)
    }
}
