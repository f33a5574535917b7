//! `import "path" as name;`: the modules a script can import, by Python's package path written
//! with slashes. `os`, `spyglass` and `spyglass/utils` are here; a scenario's `[modules]` add
//! `spyglass/common` and its siblings, whose variables are tables (a master's parts come along as
//! `Master.Part`) and whose functions are the helpers they export (`common::Interval(...)`). The
//! first import of `spyglass` or one of its packages runs Spyglass's settings step. Unknown paths
//! raise Python's `ModuleNotFoundError`.

use std::cell::RefCell;
use std::collections::HashMap;

use rhai::{Dynamic, Engine, EvalAltResult, Module, ModuleResolver, Position, Shared as Rc};

use super::error::throw;
use super::host::{Export, Shared};
use super::table::Table;
use crate::engine::declare::naming::{split_part, to_camel_case};
use crate::engine::{Error, Kind};
use crate::spyglass::{log, settings};

/// Builds one importable module over the script's host.
type Builder = fn(&Shared) -> Module;

/// Every importable module besides the scenario's.
const MODULES: &[(&str, Builder)] = &[
    ("os", os),
    ("spyglass", |_| Module::new()),
    ("spyglass/utils", super::logger::module),
    ("spyglass/utils/database_settings", database_settings),
    ("sandbox/nwb", super::nwb::module),
];

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

/// What `import spyglass` (or any of its packages) does first, once per run: Spyglass's
/// settings step. Without a base directory it only warns, as Spyglass does.
fn load_spyglass(host: &Shared) -> Result<(), Box<EvalAltResult>> {
    let mut server = host.server.borrow_mut();
    let env = server.env.clone();
    let cwd = server.cwd.display().to_string();
    let custom = server.config.lookup("custom").cloned();
    let Some(dirs) = settings::dirs(custom.as_ref(), &|k| env.get(k), &cwd) else {
        host.emit(log::format(log::Level::Warning, settings::LOAD_FAILED));
        return Ok(());
    };
    for (var, default) in settings::ENV_DEFAULTS {
        if env.get(var).is_none() {
            server.env.set(var, default);
        }
    }
    server.env.set("SPYGLASS_BASE_DIR", &dirs.base);
    server.env.set("SPYGLASS_RAW_DIR", &dirs.raw);
    server.env.set("SPYGLASS_ANALYSIS_DIR", &dirs.analysis);
    if let Some(warning) = settings::mismatch_warning(server.config.lookup("stores"), &dirs) {
        host.emit(log::format(log::Level::Warning, &warning));
    }
    let result = server.config.set("stores", settings::stores(&dirs));
    server.sync_external();
    result.map_err(throw)
}

/// `os.environ`: `os::environ["X"]` reads a variable (KeyError when unset) and
/// `os::environ["X"] = "v"` sets one, as DataJoint's and Spyglass's switches are set.
#[derive(Debug, Clone, Copy)]
pub struct Environ;

/// `import "os" as os;`: `os::getenv("USER", "workshop")` (the schema-prefix idiom) and
/// `os::environ`, over the script's environment.
fn os(host: &Shared) -> Module {
    let mut m = Module::new();
    let h = host.clone();
    m.set_native_fn("getenv", move |name: &str, default: &str| {
        Ok(h.server.borrow().env.get(name).unwrap_or_else(|| default.to_string()))
    });
    let h = host.clone();
    m.set_native_fn("getenv", move |name: &str| {
        Ok(h.server.borrow().env.get(name).map(Dynamic::from).unwrap_or(Dynamic::UNIT))
    });
    m.set_var("environ", Environ);
    m
}

/// `os.environ[name]` and `os.environ[name] = value`.
pub fn register(engine: &mut Engine, host: &Shared) {
    engine.register_type_with_name::<Environ>("_Environ");
    let h = host.clone();
    engine.register_indexer_get(move |_: &mut Environ, name: &str| -> Result<String, Box<EvalAltResult>> {
        h.server.borrow().env.get(name).ok_or_else(|| throw(Error::key_error(name)))
    });
    let h = host.clone();
    // Pure (it changes the host, not the handle), so that it works on the module's constant.
    let set = move |_: &mut Environ, name: &str, value: Dynamic| -> Result<(), Box<EvalAltResult>> {
        let Some(value) = value.read_lock::<rhai::ImmutableString>().map(|v| v.to_string()) else {
            let t = crate::engine::py::value_type_name(&super::value::to_value(&value));
            return Err(throw(Error::new(Kind::TypeError, format!("str expected, not {t}"))));
        };
        let mut server = h.server.borrow_mut();
        server.env.set(name, &value);
        server.sync_external();
        Ok(())
    };
    rhai::FuncRegistration::new_index_setter().with_purity(true).register_into_engine(engine, set);
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
    let mut server = host.server.borrow_mut();
    let mut names = host.names.borrow_mut();
    let tables = exports.iter().filter_map(|(class, e)| match e {
        Export::Table(t) => Some((class, t)),
        Export::Helper(_) => None,
    });
    for (class, table) in tables {
        // The package's `dj.schema(...)` objects are new: their stores are read afresh.
        server.world.forget_store_specs(&table.database);
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
    /// Spyglass's settings have run.
    spyglass_loaded: std::cell::Cell<bool>,
}

impl Resolver {
    /// A resolver for a script's host.
    pub fn new(host: &Shared) -> Resolver {
        Resolver { host: host.clone(), built: RefCell::new(HashMap::new()), spyglass_loaded: Default::default() }
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
        if (path == "spyglass" || path.starts_with("spyglass/")) && !self.spyglass_loaded.replace(true) {
            load_spyglass(&self.host)?;
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
