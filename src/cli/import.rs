//! `djsandbox import --sql FILE`: a mysqldump-style file into the workspace's world, or into a
//! new scenario directory.

use std::path::Path;

use anyhow::{bail, Context, Result};

use djsandbox::course::workspace::open_server;
use djsandbox::engine::dump::{import_sql, Imported};
use djsandbox::engine::World;
use djsandbox::scenario::{Scenario, WORKSHOP};

use super::{say, Options};

/// The scenario a dump becomes: its tables and rows, and a root account to build it as.
const SCENARIO_TOML: &str = r#"# Written by `djsandbox import --sql --scenario`; the world is the dump's tables and rows.
description = "DESCRIPTION"
admin = "root"
build = ["data.sql"]

[server]
hosts = ["localhost", "127.0.0.1"]
port = 3306
version = "8.0.40"
client_host = "localhost"

[[users]]
name = "root"
password = "root"
grants = ["ALL PRIVILEGES ON *.* WITH GRANT OPTION"]
"#;

fn report(done: &Imported, place: &str) -> std::io::Result<()> {
    say!("{} schema(s), {} table(s), {} row(s) loaded into {place}", done.schemas.len(), done.tables.len(), done.rows)?;
    if !done.unsupported.is_empty() {
        say!("not loaded ({}):", done.unsupported.len())?;
        for (line, what) in &done.unsupported {
            say!("  line {line}: {what}")?;
        }
    }
    Ok(())
}

/// `import --sql FILE [--scenario DIR]`.
pub fn sql(options: &Options, file: &Path, scenario: Option<&Path>) -> Result<i32> {
    let src = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let Ok(src) = String::from_utf8(src) else {
        bail!("{} is not UTF-8 text (dump binary columns with `mysqldump --hex-blob`)", file.display());
    };
    let name = file.display().to_string();
    match scenario {
        Some(dir) => {
            // The dump must load before it becomes a scenario.
            let done = import_sql(&mut World::in_memory()?, &src).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
            if dir.exists() && dir.read_dir().map(|mut d| d.next().is_some()).unwrap_or(true) {
                bail!("{} exists and is not empty", dir.display());
            }
            std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
            std::fs::write(dir.join("data.sql"), &src)?;
            let description = format!("imported from {}", file.file_name().unwrap_or_default().to_string_lossy());
            std::fs::write(dir.join("scenario.toml"), SCENARIO_TOML.replace("DESCRIPTION", &description))?;
            report(&done, &format!("the scenario {}", dir.display()))?;
        }
        None => {
            let workshop = Scenario::load(&options.scenarios, WORKSHOP)?;
            let mut server = open_server(&options.workspace, false, &workshop)?;
            let done = server.world.atomically(|w| import_sql(w, &src)).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
            report(&done, "your world")?;
        }
    }
    Ok(0)
}
