//! The Python name each table has in the exported module: the module's own classes by class
//! name (a part as `Master.Part`), Spyglass's tables through their real imports, any other
//! schema through `dj.VirtualModule`.

use std::collections::{BTreeMap, BTreeSet};

use crate::engine::declare::naming::to_camel_case;
use crate::engine::drop::get_master;
use crate::engine::{TableName, World};
use crate::spyglass::python::module_path;

/// Python names of tables, and the imports they need.
#[derive(Debug, Default)]
pub struct Names {
    /// The exported tables' class names (`MyAnalysis.MyPart` for a part).
    own: BTreeMap<TableName, String>,
    /// `from MODULE import CLASS` lines needed, by module.
    pub imports: BTreeMap<String, BTreeSet<String>>,
    /// Schemas reached as virtual modules: variable → database.
    pub virtual_modules: BTreeMap<String, String>,
}

/// A table's class name from its SQL name, as DataJoint derives it (tier prefix dropped).
fn class_of(table: &str) -> String {
    to_camel_case(table.trim_start_matches(['#', '_']))
}

impl Names {
    /// Names for the tables of `schemas`, which the module declares itself.
    pub fn new(world: &World, schemas: &[String]) -> Names {
        let mut own = BTreeMap::new();
        for schema in schemas {
            for t in world.tables_in(schema) {
                let Some(info) = world.table(&t) else { continue };
                let name = match get_master(&t).and_then(|m| world.table(&m)) {
                    Some(master) => format!("{}.{}", master.class_name, info.class_name),
                    None => info.class_name.clone(),
                };
                own.insert(t, name);
            }
        }
        Names { own, ..Names::default() }
    }

    /// Is `table` declared by the module itself?
    pub fn is_own(&self, table: &TableName) -> bool {
        self.own.contains_key(table)
    }

    /// The Python expression naming `table`, importing what it needs.
    pub fn name(&mut self, table: &TableName) -> String {
        if let Some(own) = self.own.get(table) {
            return own.clone();
        }
        // A part is reached through its master (`Session.Experimenter`).
        let (top, part) = match get_master(table) {
            Some(master) => (master, Some(class_of(&table.table[table.table.rfind("__").unwrap_or(0) + 2..]))),
            None => (table.clone(), None),
        };
        let class = class_of(&top.table);
        let base = match module_path(&top.database) {
            Some(module) => {
                self.imports.entry(module).or_default().insert(class.clone());
                class
            }
            None => {
                let var = format!("_{}", top.database);
                self.virtual_modules.insert(var.clone(), top.database.clone());
                format!("{var}.{class}")
            }
        };
        match part {
            Some(p) => format!("{base}.{p}"),
            None => base,
        }
    }

    /// Import the Spyglass class spelled `word` if the world has one (a make uses `Session`
    /// without a foreign key to it). Returns whether it did.
    pub fn import_word(&mut self, world: &World, word: &str) -> bool {
        if self.own.values().any(|own| own == word) {
            return false;
        }
        for schema in world.list_schemas() {
            if module_path(&schema).is_none() {
                continue;
            }
            let found =
                world.tables_in(&schema).into_iter().find(|t| get_master(t).is_none() && class_of(&t.table) == word);
            if let Some(t) = found {
                self.name(&t);
                return true;
            }
        }
        false
    }
}
