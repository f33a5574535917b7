//! `djsandbox export --python`: the learner's schemas as a runnable DataJoint 0.14 module, the
//! shape of the workshop's `schema_template.py` (imports, `schema = dj.schema(...)` with the
//! `workshop_{user}` idiom, one class per table, parts nested, makes translated where they can
//! be). The classes read the world; the makes are translated from the rhai source the world
//! kept (`World::make_source`).

mod class;
mod data;
mod definition;
mod expr;
mod literal;
mod names;
pub mod translate;
#[cfg(test)]
mod translate_tests;

use crate::engine::drop::get_master;
use crate::engine::{Result, World};

/// What to export.
#[derive(Debug, Clone, Default)]
pub struct PythonExport {
    /// The schemas (the caller picks them and checks they exist, as for `export_sql`).
    pub schemas: Vec<String>,
    /// Add the rows as insert calls (`insert_data()`, run when the file is run).
    pub data: bool,
    /// The user the `workshop_{user}` schemas are named after (`os.getenv("USER")`'s default);
    /// `None`: the shortest `workshop_...` schema's suffix.
    pub user: Option<String>,
}

/// The Python module for `what` over `world`.
pub fn python(world: &World, what: &PythonExport) -> Result<String> {
    let schemas = &what.schemas;
    // Without a USER, the user is whoever the shortest workshop schema is named after.
    let user = what.user.clone().or_else(|| {
        let shortest = schemas.iter().filter_map(|s| s.strip_prefix("workshop_")).min_by_key(|s| s.len());
        shortest.filter(|s| !s.is_empty()).map(String::from)
    });
    let mut w = class::Writer {
        world,
        names: names::Names::new(world, schemas),
        lines: Vec::new(),
        mixin: false,
        nwb_object: false,
    };
    let mut schema_lines = Vec::new();
    let mut uses_user = false;
    for (i, schema) in schemas.iter().enumerate() {
        let var = if i == 0 { "schema".to_string() } else { format!("schema_{}", i + 1) };
        schema_lines.push(format!("{var} = dj.schema({})", schema_name(schema, user.as_deref(), &mut uses_user)));
        let tables = world.tables_in(schema);
        let (parts, masters): (Vec<_>, Vec<_>) = tables.into_iter().partition(|t| get_master(t).is_some());
        for t in &masters {
            w.table(t, &parts, &var)?;
        }
    }
    let data = if what.data { data::insert_data(&mut w, schemas)? } else { Vec::new() };
    let mut out = vec![
        "\"\"\"DataJoint 0.14 tables exported by djsandbox (`djsandbox export --python`).".to_string(),
        String::new(),
        "Importing this module declares the tables on the database DataJoint is configured for.".into(),
    ];
    if what.data {
        out.push("Running it (`python FILE`) also inserts the rows the sandbox held.".into());
    }
    out.push("\"\"\"".into());
    out.push(String::new());
    if uses_user {
        out.push("import os".into());
        out.push(String::new());
    }
    out.push("import datajoint as dj".into());
    if w.nwb_object {
        out.push("import numpy as np".into());
        out.push("import pandas as pd".into());
    }
    for (module, classes) in &w.names.imports {
        out.push(format!("from {module} import {}", classes.iter().cloned().collect::<Vec<_>>().join(", ")));
    }
    if w.mixin {
        out.push("from spyglass.utils import SpyglassMixin, SpyglassMixinPart".into());
    }
    out.push(String::new());
    if uses_user {
        let default = user.as_deref().unwrap_or("workshop");
        out.push(format!("this_user = os.getenv(\"USER\", {})", literal::string(default)));
        out.push(String::new());
    }
    out.extend(schema_lines);
    for (var, database) in &w.names.virtual_modules {
        out.push(format!("{var} = dj.VirtualModule({}, {})", literal::string(database), literal::string(database)));
    }
    if w.nwb_object {
        out.extend(NWB_OBJECT_HELPER.lines().map(String::from));
    }
    out.extend(w.lines);
    out.extend(data);
    Ok(out.join("\n") + "\n")
}

/// What the sandbox's `add_nwb_object` value stands for: a list of maps is a DataFrame
/// (`pandas_table`), anything else an array (`numpy_array`), as `spyglass/analysis.rs` reads it.
const NWB_OBJECT_HELPER: &str = r#"

def _nwb_object(value):
    """The DataFrame (a list of dicts) or array that djsandbox's value stood for."""
    if isinstance(value, list) and all(isinstance(v, dict) for v in value):
        return pd.DataFrame(value)
    return np.asarray(value)"#;

/// `"workshop_{this_user}..."` for the user's own workshop schemas (the template's idiom: each
/// attendee gets theirs), else the name itself.
fn schema_name(schema: &str, user: Option<&str>, uses_user: &mut bool) -> String {
    if let Some(rest) = user.and_then(|u| schema.strip_prefix(&format!("workshop_{u}"))) {
        *uses_user = true;
        return format!("f{}", literal::string(&format!("workshop_{{this_user}}{rest}")));
    }
    literal::string(schema)
}
