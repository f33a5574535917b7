//! `dj.Diagram`: a set of tables to show, cut from the dependency graph, with DataJoint's
//! algebra (`+ n` / `- n` expand down / up, `+` / `-` / `*` of diagrams) and a drawing.

mod graph;
mod layout;
mod route;
mod svg;
mod text;

use std::collections::BTreeSet;
use std::sync::Arc;

pub use graph::{Edge, Graph, Node, NodeInfo};
pub use layout::Layout;
pub use text::{Cell, Drawing, Role, LEGEND};

use super::error::{Error, Result};
use super::heading::TableName;
use super::world::World;

/// A diagram: the graph as it was when the diagram was made, and the nodes it shows.
#[derive(Debug, Clone)]
pub struct Diagram {
    graph: Arc<Graph>,
    shown: BTreeSet<usize>,
}

impl Diagram {
    /// `dj.Diagram(table)`: the one table.
    pub fn of_table(world: &World, table: &TableName) -> Result<Diagram> {
        let graph = Arc::new(Graph::of(world));
        let n = graph
            .find(&Node::Table(table.clone()))
            .ok_or_else(|| Error::dj(format!("The table {} is not defined.", table.full())))?;
        Ok(Diagram { graph, shown: BTreeSet::from([n]) })
    }

    /// `dj.Diagram(schema)`: every table of the schema.
    pub fn of_schema(world: &World, database: &str) -> Diagram {
        let graph = Arc::new(Graph::of(world));
        let shown = (0..graph.nodes.len())
            .filter(|&n| matches!(&graph.nodes[n].node, Node::Table(t) if t.database == database))
            .collect();
        Diagram { graph, shown }
    }

    /// The graph the diagram was cut from.
    pub fn graph(&self) -> &Graph {
        &self.graph
    }

    /// Indexes of the shown nodes.
    pub fn shown(&self) -> &BTreeSet<usize> {
        &self.shown
    }

    /// `nodes_to_show`: full table names and alias numbers, sorted.
    pub fn nodes_to_show(&self) -> Vec<String> {
        let mut names: Vec<String> = self.shown.iter().map(|&n| self.graph.nodes[n].node.name()).collect();
        names.sort();
        names
    }

    /// `diagram + n`: `n` levels of children (and, through an alias node, its child).
    pub fn expand_down(&self, levels: i64) -> Diagram {
        self.expand(levels, |g, n| g.successors(n).collect())
    }

    /// `diagram - n`: `n` levels of parents (and, through an alias node, its parent).
    pub fn expand_up(&self, levels: i64) -> Diagram {
        self.expand(levels, |g, n| g.predecessors(n).collect())
    }

    /// DataJoint's expansion: add the node boundary `levels` times, stopping when nothing is
    /// new; a new alias node also brings the node beyond it in the same step.
    fn expand(&self, levels: i64, next: impl Fn(&Graph, usize) -> Vec<usize>) -> Diagram {
        let mut out = self.clone();
        for _ in 0..levels.max(0) {
            let boundary = |from: &mut dyn Iterator<Item = usize>, shown: &BTreeSet<usize>| -> BTreeSet<usize> {
                from.flat_map(|n| next(&self.graph, n)).filter(|m| !shown.contains(m)).collect()
            };
            let mut new = boundary(&mut out.shown.iter().copied(), &out.shown);
            if new.is_empty() {
                break;
            }
            let aliases: Vec<usize> = new.iter().copied().filter(|&n| self.graph.is_alias(n)).collect();
            new.extend(boundary(&mut aliases.into_iter(), &out.shown));
            out.shown.extend(new);
        }
        out
    }

    /// `diagram + other`: the union.
    pub fn union(&self, other: &Diagram) -> Diagram {
        let mut out = self.clone();
        out.shown.extend(other.shown_in(&self.graph));
        out
    }

    /// `diagram - other`: the difference.
    pub fn difference(&self, other: &Diagram) -> Diagram {
        let remove = other.shown_in(&self.graph);
        Diagram { graph: self.graph.clone(), shown: self.shown.difference(&remove).copied().collect() }
    }

    /// `diagram * other`: the intersection.
    pub fn intersection(&self, other: &Diagram) -> Diagram {
        let keep = other.shown_in(&self.graph);
        Diagram { graph: self.graph.clone(), shown: self.shown.intersection(&keep).copied().collect() }
    }

    /// `diagram + Table`: the table added (a table the graph lacks is ignored, as a node
    /// outside the graph never draws).
    pub fn with_table(&self, table: &TableName) -> Diagram {
        let mut out = self.clone();
        out.shown.extend(self.graph.find(&Node::Table(table.clone())));
        out
    }

    /// `diagram - Table`: the table removed; Python's `set.remove` raises `KeyError` when it is
    /// not shown.
    pub fn without_table(&self, table: &TableName) -> Result<Diagram> {
        let mut out = self.clone();
        match self.graph.find(&Node::Table(table.clone())) {
            Some(n) if out.shown.remove(&n) => Ok(out),
            _ => Err(Error::key_error(table.full())),
        }
    }

    /// `add_parts()`: the part tables of every master shown.
    pub fn add_parts(&self) -> Diagram {
        let mut out = self.clone();
        let masters: Vec<&TableName> = self.shown_tables().collect();
        for (n, info) in self.graph.nodes.iter().enumerate() {
            if let Node::Table(t) = &info.node {
                let is_part = |m: &&TableName| {
                    m.database == t.database
                        && t.table.len() > m.table.len() + 2
                        && t.table.starts_with(&format!("{}__", m.table))
                };
                if masters.iter().any(is_part) {
                    out.shown.insert(n);
                }
            }
        }
        out
    }

    /// `topo_sort()`: every table of the graph in DataJoint's topological order.
    pub fn topo_sort(&self) -> Vec<String> {
        self.graph.topo.iter().map(TableName::full).collect()
    }

    /// The shown tables (alias nodes left out).
    fn shown_tables(&self) -> impl Iterator<Item = &TableName> {
        self.shown.iter().filter_map(|&n| match &self.graph.nodes[n].node {
            Node::Table(t) => Some(t),
            Node::Alias(_) => None,
        })
    }

    /// Another diagram's shown nodes as indexes of this diagram's graph.
    fn shown_in(&self, graph: &Graph) -> BTreeSet<usize> {
        self.shown.iter().filter_map(|&n| graph.find(&self.graph.nodes[n].node)).collect()
    }

    /// `str(diagram)`: networkx's summary of the whole graph the diagram holds.
    pub fn summary(&self) -> String {
        format!("Diagram with {} nodes and {} edges", self.graph.nodes.len(), self.graph.edges.len())
    }

    /// The diagram laid out top-down, as DataJoint's `dot` layout does.
    pub fn layout(&self) -> Layout {
        Layout::of(self)
    }

    /// The diagram drawn in text cells.
    pub fn draw(&self) -> Drawing {
        Drawing::of(&self.layout())
    }

    /// The diagram as an SVG document (DataJoint's `make_svg`).
    pub fn svg(&self) -> String {
        svg::svg(&self.layout())
    }

    /// The nodes a drawing shows: the shown ones plus every node that is both a child and a
    /// parent of shown nodes. DataJoint means to add only the alias nodes of renamed edges, but
    /// its filter (`a.isdigit` without the call) keeps any such node: a table between two shown
    /// tables is drawn too.
    pub(crate) fn drawn_nodes(&self) -> BTreeSet<usize> {
        let g = &self.graph;
        let mut nodes = self.shown.clone();
        for n in (0..g.nodes.len()).filter(|n| !self.shown.contains(n)) {
            if g.predecessors(n).any(|p| self.shown.contains(&p)) && g.successors(n).any(|c| self.shown.contains(&c)) {
                nodes.insert(n);
            }
        }
        nodes
    }
}
