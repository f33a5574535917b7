//! Spyglass's `TableChain` (`utils/dj_graph.py`), as far as the mixin needs it: the shortest
//! path between two tables avoiding banned ones, and a restriction carried along it.

use std::collections::{HashMap, HashSet, VecDeque};

use crate::engine::{Query, Restriction, Result, TableName, World};

/// `PERIPHERAL_TABLES` (`utils/dj_helper_fn.py`): left out of searches unless at an end.
pub const PERIPHERAL: [&str; 11] = [
    "`common_interval`.`interval_list`",
    "`common_nwbfile`.`__analysis_nwbfile_kachery`",
    "`common_nwbfile`.`__nwbfile_kachery`",
    "`common_nwbfile`.`analysis_nwbfile_kachery_selection`",
    "`common_nwbfile`.`analysis_nwbfile_kachery`",
    "`common_nwbfile`.`analysis_nwbfile`",
    "`common_nwbfile`.`kachery_channel`",
    "`common_nwbfile`.`nwbfile_kachery_selection`",
    "`common_nwbfile`.`nwbfile_kachery`",
    "`common_nwbfile`.`nwbfile`",
    "`common_nwbfile`.`analysis_registry`",
];

/// Is `t` one of Spyglass's peripheral tables?
pub fn is_peripheral(t: &TableName) -> bool {
    PERIPHERAL.contains(&t.full().as_str())
}

/// Next tables from `t`: children when going down, parents when going up (`directed`), or both.
fn neighbours(world: &World, t: &TableName, down: bool, directed: bool) -> Vec<TableName> {
    match (directed, down) {
        (true, true) => world.children(t),
        (true, false) => world.parents(t),
        (false, _) => world.parents(t).into_iter().chain(world.children(t)).collect(),
    }
}

/// networkx's `shortest_path` from `from` to `to`, following foreign keys downward (or either
/// way when not `directed`), never through `banned` (the ends excepted).
pub fn shortest_path(
    world: &World,
    from: &TableName,
    to: &TableName,
    directed: bool,
    banned: &dyn Fn(&TableName) -> bool,
) -> Option<Vec<TableName>> {
    let mut prev: HashMap<TableName, TableName> = HashMap::new();
    let mut seen: HashSet<TableName> = HashSet::from([from.clone()]);
    let mut queue = VecDeque::from([from.clone()]);
    while let Some(t) = queue.pop_front() {
        if &t == to {
            let mut path = vec![t.clone()];
            while let Some(p) = prev.get(path.last()?) {
                path.push(p.clone());
            }
            path.reverse();
            return Some(path);
        }
        for n in neighbours(world, &t, true, directed) {
            if (&n != to && banned(&n)) || !seen.insert(n.clone()) {
                continue;
            }
            prev.insert(n.clone(), t.clone());
            queue.push_back(n);
        }
    }
    None
}

/// `TableChain.path`: directed, then undirected, without peripheral tables; then the same with
/// them. `banned` tables are never crossed.
pub fn chain(world: &World, from: &TableName, to: &TableName, banned: &[TableName]) -> Option<Vec<TableName>> {
    let strict = |t: &TableName| banned.contains(t) || is_peripheral(t);
    let loose = |t: &TableName| banned.contains(t);
    shortest_path(world, from, to, true, &strict)
        .or_else(|| shortest_path(world, from, to, false, &strict))
        .or_else(|| shortest_path(world, from, to, true, &loose))
        .or_else(|| shortest_path(world, from, to, false, &loose))
}

/// The attributes that tie neighbours `a` and `b` (the foreign key's, unrenamed).
fn link_attrs(world: &World, a: &TableName, b: &TableName) -> Vec<String> {
    let fk_of = |child: &TableName, parent: &TableName| {
        world.table(child).and_then(|info| info.foreign_keys.iter().find(|fk| &fk.parent == parent).cloned())
    };
    fk_of(a, b)
        .or_else(|| fk_of(b, a))
        .map(|fk| fk.attr_map.iter().filter(|(c, p)| c == p).map(|(c, _)| c.clone()).collect())
        .unwrap_or_default()
}

/// Carry `start` (rows of `path[0]`) along `path`: each next table restricted by the previous
/// one's rows projected onto the linking attributes, as `TableChain.cascade` does.
pub fn carry(world: &World, path: &[TableName], start: Query) -> Result<Query> {
    let mut rows = start;
    for pair in path.windows(2) {
        let attrs = link_attrs(world, &pair[0], &pair[1]);
        let linked = world.proj(&rows, &attrs, &[])?;
        rows = world.restrict(&world.query(&pair[1])?, &Restriction::Query(linked))?;
    }
    Ok(rows)
}

/// camel names joined by ` -> `, as `TableChain.path_str`.
pub fn path_str(path: &[TableName]) -> String {
    path.iter().map(super::mixin::camel_name).collect::<Vec<_>>().join(" -> ")
}
