//! `djsandbox export`: the learner's schemas for a real lab database — a DataJoint Python
//! module (`--python`) or MySQL 8.0 DDL (`--sql`), with `--data` the rows too.

use std::path::Path;

use anyhow::{bail, Result};

use super::Options;

/// `export --python [SCHEMA…] [--data] [-o FILE]`.
pub fn python(_options: &Options, _schemas: &[String], _data: bool, _output: Option<&Path>) -> Result<i32> {
    bail!("export --python is not built yet")
}

/// `export --sql [SCHEMA…] [--data] [-o FILE]`.
pub fn sql(_options: &Options, _schemas: &[String], _data: bool, _output: Option<&Path>) -> Result<i32> {
    bail!("export --sql is not built yet")
}
