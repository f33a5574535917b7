//! The dependency graph between declared tables: parents, children, topological order.
//! DataJoint builds it from `information_schema.key_column_usage`; here the catalog has it.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::declare::Tier;
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

    /// Topological order of `names` (parents first; ties by declaration order), with each Part
    /// moved right behind its master, as DataJoint's `topo_sort` does.
    pub fn topo_sort(&self, names: &[TableName]) -> Vec<TableName> {
        let set: HashSet<&TableName> = names.iter().collect();
        let seq = |t: &TableName| self.order.get(t).copied().unwrap_or_default();
        // A Part counts its parents as its master's, so the master lands after them too.
        let master_of = |t: &TableName| -> Option<TableName> {
            let info = self.tables.get(t)?;
            (info.tier == Tier::Part)
                .then(|| info.master.as_ref().map(|m| TableName::new(&t.database, m)))
                .flatten()
                .filter(|m| set.contains(m))
        };
        let mut indegree: HashMap<&TableName, usize> = names.iter().map(|t| (t, 0)).collect();
        let mut edges: HashMap<&TableName, Vec<&TableName>> = HashMap::new();
        for child in names {
            for parent in self.parents(child) {
                if let Some(p) = names.iter().find(|n| **n == parent) {
                    if p != child {
                        edges.entry(p).or_default().push(child);
                        *indegree.entry(child).or_default() += 1;
                    }
                }
            }
        }
        let mut ready: BTreeSet<(i64, &TableName)> =
            indegree.iter().filter(|(_, d)| **d == 0).map(|(t, _)| (seq(t), *t)).collect();
        let mut order = Vec::with_capacity(names.len());
        while let Some(first) = ready.iter().next().cloned() {
            ready.remove(&first);
            let t = first.1;
            order.push(t.clone());
            for c in edges.get(t).cloned().unwrap_or_default() {
                let d = indegree.get_mut(c).expect("every child has an in-degree");
                *d -= 1;
                if *d == 0 {
                    ready.insert((seq(c), c));
                }
            }
        }
        // Parts right behind their masters.
        let (parts, mut rest): (Vec<TableName>, Vec<TableName>) =
            order.into_iter().partition(|t| master_of(t).is_some());
        for part in parts {
            let master = master_of(&part).expect("partitioned on having a master");
            let mut at = rest.iter().position(|t| *t == master).map_or(rest.len(), |i| i + 1);
            while at < rest.len() && master_of(&rest[at]).as_ref() == Some(&master) {
                at += 1;
            }
            rest.insert(at, part);
        }
        rest
    }
}
