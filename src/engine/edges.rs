//! Foreign-key edges as DataJoint's `Table.parents` / `Table.children` report them: one per
//! edge of its dependency graph, with the edge's properties (`foreign_key_info=True`).

use super::heading::{ForeignKey, TableName};
use super::world::World;

/// One foreign key seen from one end: the table at the other end and DataJoint's edge
/// properties (`dependencies.load`).
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// The parent (for `parents`) or the child (for `children`).
    pub table: TableName,
    /// Every referencing attribute is in the child's primary key.
    pub primary: bool,
    /// (child attribute, parent attribute) pairs.
    pub attr_map: Vec<(String, String)>,
    /// Some attribute is renamed.
    pub aliased: bool,
    /// The referencing attributes are not exactly the child's primary key.
    pub multi: bool,
}

impl World {
    /// `T.parents(primary)`: the graph's in-edges of `name`. An aliased foreign key has a node
    /// of its own in DataJoint's graph, so a parent referenced twice appears twice; plain
    /// foreign keys to one parent share one edge (networkx keeps the first position, the last
    /// properties). `primary` keeps only edges whose `primary` property equals it.
    pub fn parent_edges(&self, name: &TableName, primary: Option<bool>) -> Vec<Edge> {
        let mut out: Vec<Edge> = Vec::new();
        if let Some(info) = self.tables.get(name) {
            for fk in &info.foreign_keys {
                let edge = self.edge(&fk.parent, name, fk);
                push(&mut out, edge, fk.aliased());
            }
        }
        out.retain(|e| primary.is_none_or(|p| e.primary == p));
        out
    }

    /// `T.children(primary)`: the graph's out-edges of `name`, children in declaration order.
    pub fn child_edges(&self, name: &TableName, primary: Option<bool>) -> Vec<Edge> {
        let mut out: Vec<Edge> = Vec::new();
        for child in self.children(name) {
            let Some(info) = self.tables.get(&child) else { continue };
            for fk in info.foreign_keys.iter().filter(|fk| &fk.parent == name) {
                let edge = self.edge(&child, &child, fk);
                push(&mut out, edge, fk.aliased());
            }
        }
        out.retain(|e| primary.is_none_or(|p| e.primary == p));
        out
    }

    /// The edge of foreign key `fk` of table `child`, seen as `table`.
    fn edge(&self, table: &TableName, child: &TableName, fk: &ForeignKey) -> Edge {
        let key: Vec<String> = self.tables.get(child).map(|t| t.primary_key()).unwrap_or_default();
        let in_key = |a: &str| key.iter().any(|k| k == a);
        let attrs: Vec<&str> = fk.child_attrs().collect();
        Edge {
            table: table.clone(),
            primary: attrs.iter().all(|a| in_key(a)),
            attr_map: fk.attr_map.clone(),
            aliased: fk.aliased(),
            multi: attrs.len() != key.len() || !attrs.iter().all(|a| in_key(a)),
        }
    }
}

/// Add `edge`; a plain edge to a table already linked by a plain edge replaces its properties.
fn push(out: &mut Vec<Edge>, edge: Edge, aliased: bool) {
    if !aliased {
        if let Some(e) = out.iter_mut().find(|e| !e.aliased && e.table == edge.table) {
            *e = edge;
            return;
        }
    }
    out.push(edge);
}
