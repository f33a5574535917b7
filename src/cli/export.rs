//! `djsandbox export`: the learner's schemas for a real lab database — a DataJoint Python
//! module (`--python`) or MySQL 8.0 DDL (`--sql`), with `--data` the rows too.

use std::io::Write;
use std::path::Path;

use anyhow::{bail, Context, Result};

use djsandbox::course::workspace::open_server;
use djsandbox::engine::dump::export_sql;
use djsandbox::engine::World;
use djsandbox::scenario::{Scenario, WORKSHOP};
use djsandbox::script::export::PythonExport;

use super::Options;

/// `export --python [SCHEMA…] [--data] [-o FILE]`.
pub fn python(options: &Options, schemas: &[String], data: bool, output: Option<&Path>) -> Result<i32> {
    let scenario = Scenario::load(&options.scenarios, WORKSHOP)?;
    let server = open_server(&options.workspace, false, &scenario)?;
    let what = PythonExport { schemas: pick(&server.world, schemas, "--python")?, data, user: server.env.get("USER") };
    let text = djsandbox::script::export::python(&server.world, &what)?;
    write(output, &text)
}

/// The text to `output`, or to standard output.
fn write(output: Option<&Path>, text: &str) -> Result<i32> {
    match output {
        Some(path) => std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))?,
        None => std::io::stdout().write_all(text.as_bytes())?,
    }
    Ok(0)
}

/// `export --sql [SCHEMA…] [--data] [-o FILE]`: the DDL (and rows) for the named schemas, or
/// the learner's (`workshop_…`) when none is named.
pub fn sql(options: &Options, schemas: &[String], data: bool, output: Option<&Path>) -> Result<i32> {
    let scenario = Scenario::load(&options.scenarios, WORKSHOP)?;
    let server = open_server(&options.workspace, false, &scenario)?;
    let schemas = pick(&server.world, schemas, "--sql")?;
    let text = export_sql(&server.world, &schemas, data)?;
    write(output, &text)
}

/// The schemas named, or the learner's (`workshop_…`) when none is; an error that says what to
/// do when there is nothing to export.
fn pick(world: &World, schemas: &[String], flag: &str) -> Result<Vec<String>> {
    let schemas: Vec<String> = if schemas.is_empty() {
        world.list_schemas().into_iter().filter(|s| s.starts_with("workshop_")).collect()
    } else {
        schemas.to_vec()
    };
    if let Some(missing) = schemas.iter().find(|s| !world.schema_exists(s)) {
        bail!("no schema '{missing}' in your world (`dj.list_schemas()` in `djsandbox shell` lists them)");
    }
    if schemas.is_empty() {
        bail!(
            "no schema to export: you have no `workshop_…` schema yet; declare one (the schema section's \
             exercises do), or name the schemas: `djsandbox export {flag} SCHEMA...`"
        );
    }
    Ok(schemas)
}
