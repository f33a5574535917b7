//! The dependency graph between declared tables: parents, children, topological order.
//! DataJoint builds it from `information_schema.key_column_usage`; here the catalog has it.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::heading::TableName;
use super::world::World;

impl World {
    /// Tables referenced by `name`'s foreign keys, in declaration order, without repeats.
    pub fn parents(&self, name: &TableName) -> Vec<TableName> {
        let mut seen = HashSet::new();
        self.tables
            .get(name)
            .map(|t| t.foreign_keys.iter().map(|fk| fk.parent.clone()).filter(|p| seen.insert(p.clone())).collect())
            .unwrap_or_default()
    }

    /// Tables with a foreign key to `name`, in declaration order.
    pub fn children(&self, name: &TableName) -> Vec<TableName> {
        let mut out: Vec<TableName> = self
            .tables
            .values()
            .filter(|t| t.foreign_keys.iter().any(|fk| &fk.parent == name))
            .map(|t| t.name.clone())
            .collect();
        out.sort_by_key(|t| self.order.get(t).copied().unwrap_or_default());
        out
    }

    /// Tables with a MySQL foreign key to `name`, in declaration order: its children, or for a
    /// `~external_{store}` table the tables whose filepath attributes it tracks.
    pub fn referencing(&self, name: &TableName) -> Vec<TableName> {
        let mut out: Vec<TableName> = self
            .tables
            .values()
            .filter(|t| {
                t.foreign_keys.iter().any(|fk| &fk.parent == name)
                    || t.name.database == name.database
                        && t.external
                            .iter()
                            .any(|e| super::external::tracking_table(&t.name.database, &e.store) == *name)
            })
            .map(|t| t.name.clone())
            .collect();
        out.sort_by_key(|t| self.order.get(t).copied().unwrap_or_default());
        out
    }

    /// `name` and every table downstream of it, in topological order (`name` first).
    pub fn descendants(&self, name: &TableName) -> Vec<TableName> {
        self.topo_sort(&self.reach(name, |t| self.children(t)))
    }

    /// `name` and every table upstream of it, in reverse topological order (`name` first).
    pub fn ancestors(&self, name: &TableName) -> Vec<TableName> {
        let mut sorted = self.topo_sort(&self.reach(name, |t| self.parents(t)));
        sorted.reverse();
        sorted
    }

    /// Every table reachable from `start` by repeatedly following `next`, `start` included.
    fn reach(&self, start: &TableName, next: impl Fn(&TableName) -> Vec<TableName>) -> Vec<TableName> {
        let mut found: BTreeSet<TableName> = BTreeSet::new();
        let mut stack = vec![start.clone()];
        while let Some(t) = stack.pop() {
            if found.insert(t.clone()) {
                stack.extend(next(&t));
            }
        }
        found.into_iter().collect()
    }

    /// The Part tables of master `name`, in declaration order.
    pub fn parts(&self, name: &TableName) -> Vec<TableName> {
        let mut out: Vec<TableName> = self
            .tables
            .values()
            .filter(|t| t.name.database == name.database && t.master.as_deref() == Some(name.table.as_str()))
            .map(|t| t.name.clone())
            .collect();
        out.sort_by_key(|t| self.order.get(t).copied().unwrap_or_default());
        out
    }

    /// Topological order of `names` as DataJoint's `dependencies.topo_sort` computes it:
    /// networkx's `topological_sort` (Kahn's algorithm by generations: every table whose parents
    /// are all placed, in the order the graph met them), after each Part's parents were made its
    /// master's, then each Part moved right behind its master. The graph meets tables in the
    /// order `information_schema` lists them, taken here as declaration order, and a parent's
    /// children in the order its edges were added: plain foreign keys, then renamed ones (their
    /// alias nodes collapse last), then the Parts' parents' edges to the masters.
    pub fn topo_sort(&self, names: &[TableName]) -> Vec<TableName> {
        let seq = |t: &TableName| self.order.get(t).copied().unwrap_or_default();
        let mut nodes: Vec<TableName> = names.to_vec();
        nodes.sort_by_key(|t| (seq(t), t.clone()));
        nodes.dedup();
        let set: HashSet<&TableName> = nodes.iter().collect();
        // networkx's DiGraph: one edge per (parent, child), kept in the order first added.
        let mut children: HashMap<TableName, Vec<TableName>> = HashMap::new();
        let mut parents: HashMap<TableName, Vec<TableName>> = HashMap::new();
        fn add(
            children: &mut HashMap<TableName, Vec<TableName>>,
            parents: &mut HashMap<TableName, Vec<TableName>>,
            parent: &TableName,
            child: &TableName,
        ) {
            let list = children.entry(parent.clone()).or_default();
            if parent != child && !list.contains(child) {
                list.push(child.clone());
                parents.entry(child.clone()).or_default().push(parent.clone());
            }
        }
        for aliased in [false, true] {
            for child in &nodes {
                let Some(info) = self.tables.get(child) else { continue };
                for fk in info.foreign_keys.iter().filter(|fk| fk.aliased() == aliased && set.contains(&fk.parent)) {
                    add(&mut children, &mut parents, &fk.parent, child);
                }
            }
        }
        let master_in_graph = |t: &TableName| extract_master(t).filter(|m| set.contains(m));
        for part in &nodes {
            let Some(master) = master_in_graph(part) else { continue };
            for parent in parents.get(part).cloned().unwrap_or_default() {
                if parent != master && extract_master(&parent).as_ref() != Some(&master) {
                    add(&mut children, &mut parents, &parent, &master);
                }
            }
        }
        let mut indegree: HashMap<&TableName, usize> =
            nodes.iter().map(|t| (t, parents.get(t).map_or(0, Vec::len))).collect();
        let mut generation: Vec<TableName> = nodes.iter().filter(|t| indegree[t] == 0).cloned().collect();
        let mut sorted = Vec::with_capacity(nodes.len());
        while !generation.is_empty() {
            let mut next = Vec::new();
            for t in &generation {
                for c in children.get(t).map(Vec::as_slice).unwrap_or_default() {
                    let d = indegree.get_mut(c).expect("every child is a node");
                    *d -= 1;
                    if *d == 0 {
                        next.push(c.clone());
                    }
                }
            }
            sorted.append(&mut generation);
            generation = next;
        }
        // "bring parts up to their masters", as DataJoint does it (positions 0 and 1 are never
        // looked at, a quirk kept).
        let mut placed: HashSet<TableName> = HashSet::new();
        let mut pos = sorted.len().saturating_sub(1);
        while pos > 1 {
            let part = sorted[pos].clone();
            match master_in_graph(&part) {
                Some(master) if !placed.contains(&part) => {
                    placed.insert(part.clone());
                    let insert_at = sorted.iter().position(|t| *t == master).map_or(0, |i| i + 1);
                    if pos > insert_at {
                        sorted.remove(pos);
                        sorted.insert(insert_at, part);
                    }
                }
                _ => pos -= 1,
            }
        }
        sorted
    }
}

/// DataJoint's `extract_master`: the name up to the last `__` (the regex
/// ``(`\w+`.`#?\w+)__\w+` `` is greedy), when something comes before it.
fn extract_master(name: &TableName) -> Option<TableName> {
    let t = &name.table;
    let at = t.rfind("__")?;
    let prefix = t[..at].strip_prefix('#').unwrap_or(&t[..at]);
    (!prefix.is_empty() && at + 2 < t.len()).then(|| TableName::new(&name.database, &t[..at]))
}
