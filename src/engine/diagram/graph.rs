//! The dependency graph a diagram is cut from, as DataJoint's `connection.dependencies` holds
//! it: one node per table, one edge per foreign key, and for a renamed foreign key
//! (`-> T.proj(a='b')`) an extra numbered *alias node* between parent and child.

use std::collections::{BTreeSet, HashMap};

use crate::engine::declare::Tier;
use crate::engine::heading::TableName;
use crate::engine::world::World;

/// A node of the dependency graph.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Node {
    /// A declared table.
    Table(TableName),
    /// The alias node of a renamed foreign key, numbered as DataJoint numbers them ('0', '1'…).
    Alias(usize),
}

impl Node {
    /// The node's name in `nodes_to_show`: a full table name or the alias number.
    pub fn name(&self) -> String {
        match self {
            Node::Table(t) => t.full(),
            Node::Alias(n) => n.to_string(),
        }
    }
}

/// A foreign-key edge, with the properties DataJoint's drawing reads.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// The referenced side.
    pub parent: usize,
    /// The referencing side.
    pub child: usize,
    /// The child's foreign-key attributes are all in its primary key (drawn solid, else dashed).
    pub primary: bool,
    /// The foreign key does not cover the child's whole primary key: one parent row, many
    /// child rows (drawn thin; a one-to-one edge is drawn thick).
    pub multi: bool,
}

/// What the drawing needs to know of a table node.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeInfo {
    /// The node.
    pub node: Node,
    /// The table's tier (`None` for an alias node).
    pub tier: Option<Tier>,
    /// The table introduces primary-key attributes of its own (DataJoint underlines these).
    pub distinguished: bool,
    /// The class name, `Master.Part` for a part (DataJoint labels nodes by class name).
    pub class_name: String,
}

/// The whole dependency graph of a world at one moment.
#[derive(Debug, Clone, Default)]
pub struct Graph {
    /// Nodes: tables in declaration order, then alias nodes.
    pub nodes: Vec<NodeInfo>,
    /// Edges in the order their foreign keys were declared.
    pub edges: Vec<Edge>,
    /// Node index by node.
    index: HashMap<Node, usize>,
    /// Every table in DataJoint's topological order.
    pub topo: Vec<TableName>,
}

impl Graph {
    /// The graph of every table in `world` (DataJoint leaves out `~`-prefixed tables).
    pub fn of(world: &World) -> Graph {
        let mut tables: Vec<TableName> = world.tables.keys().filter(|t| !t.table.starts_with('~')).cloned().collect();
        tables.sort_by_key(|t| (world.order.get(t).copied().unwrap_or_default(), t.clone()));
        let mut graph = Graph { topo: world.topo_sort(&tables), ..Graph::default() };
        for name in &tables {
            let info = &world.tables[name];
            // DataJoint's "distinguished" table: its key is more than what primary edges bring.
            let inherited: BTreeSet<String> = world
                .parent_edges(name, Some(true))
                .into_iter()
                .flat_map(|e| e.attr_map.into_iter().map(|(child, _)| child))
                .collect();
            let key = info.primary_key();
            let class_name = match &info.master {
                Some(master) => {
                    let master = world.tables.get(&TableName::new(&name.database, master));
                    format!("{}.{}", master.map_or("?", |m| m.class_name.as_str()), info.class_name)
                }
                None => info.class_name.clone(),
            };
            graph.add(NodeInfo {
                node: Node::Table(name.clone()),
                tier: Some(info.tier),
                distinguished: key.iter().any(|a| !inherited.contains(a)),
                class_name,
            });
        }
        let mut aliases = 0;
        for name in &tables {
            let child = graph.index[&Node::Table(name.clone())];
            // The in-edges as DataJoint's graph has them (a renamed key an edge of its own).
            for fk in world.parent_edges(name, None) {
                let Some(&parent) = graph.index.get(&Node::Table(fk.table.clone())) else { continue };
                let (primary, multi) = (fk.primary, fk.multi);
                if fk.aliased {
                    let alias = graph.add(NodeInfo {
                        node: Node::Alias(aliases),
                        tier: None,
                        distinguished: false,
                        class_name: aliases.to_string(),
                    });
                    aliases += 1;
                    graph.edges.push(Edge { parent, child: alias, primary, multi });
                    graph.edges.push(Edge { parent: alias, child, primary, multi });
                } else {
                    graph.edges.push(Edge { parent, child, primary, multi });
                }
            }
        }
        graph
    }

    fn add(&mut self, info: NodeInfo) -> usize {
        self.index.insert(info.node.clone(), self.nodes.len());
        self.nodes.push(info);
        self.nodes.len() - 1
    }

    /// The index of `node`, if the graph has it.
    pub fn find(&self, node: &Node) -> Option<usize> {
        self.index.get(node).copied()
    }

    /// Indexes of the nodes one edge below `n`.
    pub fn successors(&self, n: usize) -> impl Iterator<Item = usize> + '_ {
        self.edges.iter().filter(move |e| e.parent == n).map(|e| e.child)
    }

    /// Indexes of the nodes one edge above `n`.
    pub fn predecessors(&self, n: usize) -> impl Iterator<Item = usize> + '_ {
        self.edges.iter().filter(move |e| e.child == n).map(|e| e.parent)
    }

    /// The node is an alias node.
    pub fn is_alias(&self, n: usize) -> bool {
        matches!(self.nodes[n].node, Node::Alias(_))
    }
}
