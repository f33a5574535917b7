//! `djsandbox diagram NAME`: the diagram of a schema or a table of the workspace's world, drawn
//! in the terminal as `dj.Diagram(...).draw()` prints it, or written as SVG for a browser.

use std::path::Path;

use anyhow::{bail, Context, Result};

use djsandbox::course::workspace::open_server;
use djsandbox::engine::diagram::{Diagram, LEGEND};
use djsandbox::engine::TableName;
use djsandbox::scenario::{Scenario, WORKSHOP};

use super::{say, Options};

/// Draw (or write as SVG) the diagram of `name`, grown `up` levels of parents and `down` of
/// children.
pub fn diagram(options: &Options, name: &str, up: i64, down: i64, svg: Option<&Path>) -> Result<i32> {
    let scenario = Scenario::load(&options.scenarios, WORKSHOP)?;
    let server = open_server(&options.workspace, false, &scenario)?;
    let world = &server.world;
    let start = if name.contains('.') {
        let table = TableName::parse(name).with_context(|| format!("'{name}' is not a table name"))?;
        Diagram::of_table(world, &table)?
    } else if world.schema_exists(name) {
        Diagram::of_schema(world, name)
    } else {
        bail!("no schema '{name}' (a table is named as `schema.table`; `dj.list_schemas()` lists the schemas)");
    };
    let diagram = start.expand_up(up).expand_down(down);
    match svg {
        Some(path) => {
            std::fs::write(path, diagram.svg()).with_context(|| format!("cannot write {}", path.display()))?;
            say!("{} nodes drawn in {}", diagram.nodes_to_show().len(), path.display())?;
        }
        None => say!("{}\n{LEGEND}", diagram.draw().text())?,
    }
    Ok(0)
}
