//! `djsandbox export`: the learner's schemas for a real lab database — a DataJoint Python
//! module (`--python`) or MySQL 8.0 DDL (`--sql`), with `--data` the rows too.

use std::path::Path;

use anyhow::{bail, Context, Result};

use djsandbox::course::workspace::open_server;
use djsandbox::engine::dump::export_sql;
use djsandbox::scenario::{Scenario, WORKSHOP};
use djsandbox::script::export::PythonExport;

use super::Options;

/// `export --python [SCHEMA…] [--data] [-o FILE]`.
pub fn python(options: &Options, schemas: &[String], data: bool, output: Option<&Path>) -> Result<i32> {
    let scenario = Scenario::load(&options.scenarios, WORKSHOP)?;
    let server = open_server(&options.workspace, false, &scenario)?;
    let what = PythonExport { schemas: schemas.to_vec(), data, user: server.env.get("USER") };
    let text = djsandbox::script::export::python(&server.world, &what)?;
    write(output, &text)
}

/// The text to `output`, or to standard output.
fn write(output: Option<&Path>, text: &str) -> Result<i32> {
    match output {
        Some(path) => std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))?,
        None => print!("{text}"),
    }
    Ok(0)
}

/// `export --sql [SCHEMA…] [--data] [-o FILE]`: the DDL (and rows) for the named schemas, or
/// the learner's (`workshop_…`) when none is named.
pub fn sql(options: &Options, schemas: &[String], data: bool, output: Option<&Path>) -> Result<i32> {
    let scenario = Scenario::load(&options.scenarios, WORKSHOP)?;
    let server = open_server(&options.workspace, false, &scenario)?;
    let world = &server.world;
    let schemas: Vec<String> = if schemas.is_empty() {
        world.list_schemas().into_iter().filter(|s| s.starts_with("workshop_")).collect()
    } else {
        schemas.to_vec()
    };
    if let Some(missing) = schemas.iter().find(|s| !world.schema_exists(s)) {
        bail!("no schema '{missing}' (`dj.list_schemas()` lists the schemas)");
    }
    if schemas.is_empty() {
        bail!("no schema to export: none is named and no `workshop_…` schema exists yet");
    }
    let text = export_sql(world, &schemas, data)?;
    write(output, &text)
}
