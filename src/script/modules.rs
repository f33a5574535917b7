//! `import "path" as name;`: the modules a script can import, by Python's package path written
//! with slashes. `os` is here; the Spyglass layer adds `spyglass/common` and its siblings.
//! Unknown paths raise Python's `ModuleNotFoundError`.

use std::cell::RefCell;
use std::collections::HashMap;

use rhai::{Dynamic, Engine, EvalAltResult, Module, ModuleResolver, Position, Shared as Rc};

use super::host::Shared;

/// Builds one importable module over the script's host.
type Builder = fn(&Shared) -> Module;

/// Every importable module.
const MODULES: &[(&str, Builder)] = &[("os", os)];

/// `import "os" as os; os::getenv("USER", "workshop")`, for the schema-prefix idiom.
fn os(_: &Shared) -> Module {
    let mut m = Module::new();
    m.set_native_fn("getenv", |name: &str, default: &str| {
        Ok(std::env::var(name).unwrap_or_else(|_| default.to_string()))
    });
    m.set_native_fn("getenv", |name: &str| Ok(std::env::var(name).map(Dynamic::from).unwrap_or(Dynamic::UNIT)));
    m
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
        let Some((_, build)) = MODULES.iter().find(|(p, _)| *p == path) else {
            return Err(Box::new(EvalAltResult::ErrorModuleNotFound(path.to_string(), pos)));
        };
        let mut module = build(&self.host);
        module.build_index();
        let module: Rc<Module> = module.into();
        self.built.borrow_mut().insert(path.to_string(), module.clone());
        Ok(module)
    }
}
