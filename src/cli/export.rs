//! `djsandbox export`: the learner's schemas for a real lab database — a DataJoint Python
//! module (`--python`) or MySQL 8.0 DDL (`--sql`), with `--data` the rows too.

use std::path::Path;

use anyhow::{bail, Context, Result};
use djsandbox::course::workspace::open_server;
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

/// `export --sql [SCHEMA…] [--data] [-o FILE]`.
pub fn sql(_options: &Options, _schemas: &[String], _data: bool, _output: Option<&Path>) -> Result<i32> {
    bail!("export --sql is not built yet")
}
