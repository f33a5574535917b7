//! The dependency graph from a script: `T.parents()`, `children`, `ancestors`, `descendants`
//! and `parts` — full table names, or `FreeTable`s with `#{as_objects: true}`.

use rhai::{Array, Dynamic, Engine, EvalAltResult, Map};

use super::error::throw;
use super::host::Shared;
use super::options::{self, flag};
use super::table::Table;
use crate::engine::edges::Edge;
use crate::engine::{TableName, World};

type R<T> = Result<T, Box<EvalAltResult>>;

/// Bind the graph walks on tables.
pub fn register(engine: &mut Engine, host: &Shared) {
    type Walk = fn(&World, &TableName) -> Vec<TableName>;
    let walks: [(&str, Walk); 3] =
        [("ancestors", |w, t| w.ancestors(t)), ("descendants", |w, t| w.descendants(t)), ("parts", |w, t| w.parts(t))];
    for (name, walk) in walks {
        let h = host.clone();
        let related = move |t: &mut Table, as_objects: bool| -> R<Array> {
            let server = h.server.borrow();
            // networkx walks only from a node of the graph; `parts` filters its node names.
            if name != "parts" {
                server.world.graph_node(&t.name()).map_err(throw)?;
            }
            walk(&server.world, &t.name()).into_iter().map(|n| named(&server.world, n, as_objects)).collect()
        };
        let r = related.clone();
        engine.register_fn(name, move |t: &mut Table| r(t, false));
        engine.register_fn(name, move |t: &mut Table, opts: Map| {
            options::check(&opts, options::DESCENDANTS)?;
            related(t, flag(&opts, "as_objects"))
        });
    }
    type Edges = fn(&World, &TableName, Option<bool>) -> Vec<Edge>;
    let edges: [(&str, Edges); 2] =
        [("parents", |w, t, p| w.parent_edges(t, p)), ("children", |w, t, p| w.child_edges(t, p))];
    for (name, edges) in edges {
        let h = host.clone();
        let related = move |t: &mut Table, opts: Map| -> R<Array> {
            options::check(&opts, options::PARENTS)?;
            // `primary=None` (absent or `()`) keeps every edge, as DataJoint's default.
            let primary = opts.get("primary").and_then(|v| v.as_bool().ok());
            let server = h.server.borrow();
            edges(&server.world, &t.name(), primary)
                .into_iter()
                .map(|e| {
                    let node = named(&server.world, e.table.clone(), flag(&opts, "as_objects"))?;
                    Ok(if flag(&opts, "foreign_key_info") { Dynamic::from_array(vec![node, info(&e)]) } else { node })
                })
                .collect()
        };
        let r = related.clone();
        engine.register_fn(name, move |t: &mut Table| r(t, Map::new()));
        engine.register_fn(name, related);
    }
}

/// A table as a walk returns it: its full name, or a `FreeTable` (DataJoint's objects print
/// their name first).
fn named(world: &World, name: TableName, as_objects: bool) -> R<Dynamic> {
    if !as_objects {
        return Ok(Dynamic::from(name.full()));
    }
    let query = world.query(&name).map_err(throw)?;
    Ok(Dynamic::from(Table { query, class: "FreeTable".to_string() }))
}

/// An edge's properties, as DataJoint's `foreign_key_info=True` pairs them with the table.
fn info(e: &Edge) -> Dynamic {
    let attr_map: Map = e.attr_map.iter().map(|(c, p)| (c.as_str().into(), Dynamic::from(p.clone()))).collect();
    let mut m = Map::new();
    m.insert("primary".into(), e.primary.into());
    m.insert("attr_map".into(), attr_map.into());
    m.insert("aliased".into(), e.aliased.into());
    m.insert("multi".into(), e.multi.into());
    m.into()
}
