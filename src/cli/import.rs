//! `djsandbox import --sql FILE`: a mysqldump-style file into the workspace's world, or into a
//! new scenario directory.

use std::path::Path;

use anyhow::{bail, Result};

use super::Options;

/// `import --sql FILE [--scenario DIR]`.
pub fn sql(_options: &Options, _file: &Path, _scenario: Option<&Path>) -> Result<i32> {
    bail!("import --sql is not built yet")
}
