//! `restrict_by` and its operators `<<` (up) and `>>` (down) (`utils/mixins/restrict_by.py`):
//! restrict a table by a field of the nearest up- or downstream table that has it.

use crate::engine::condition::column_names;
use crate::engine::{Error, Kind, Query, Restriction, Result, TableName, World};

use super::graph;
use super::log::{Level, Log};

/// Which way to search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// `<<`: ancestors.
    Up,
    /// `>>`: descendants.
    Down,
}

impl Direction {
    /// `direction="up"` / `"down"`, with Spyglass's error for anything else.
    pub fn parse(s: &str) -> Result<Direction> {
        match s {
            "up" => Ok(Direction::Up),
            "down" => Ok(Direction::Down),
            _ => Err(Error::new(Kind::ValueError, "Direction must be 'up' or 'down'.")),
        }
    }
}

/// The fields a restriction names (`TableChain._set_find_restr`): a map's keys, a string's
/// guessed column names (DataJoint's `make_condition`).
fn restriction_attrs(r: &Restriction) -> Result<Vec<String>> {
    match r {
        Restriction::Map(pairs) => Ok(pairs.iter().map(|(k, _)| k.clone()).collect()),
        Restriction::Or(items) if items.iter().all(|i| matches!(i, Restriction::Map(_))) => {
            let mut out: Vec<String> = Vec::new();
            for i in items {
                out.extend(restriction_attrs(i)?.into_iter().filter(|a| !out.contains(a)).collect::<Vec<_>>());
            }
            Ok(out)
        }
        Restriction::Sql(text) => Ok(column_names(text)),
        _ => Err(Error::new(Kind::ValueError, "Invalid restriction type, use STR")),
    }
}

/// The restriction as the search logs it (`make_condition` of a string: `%` doubled).
fn restriction_text(r: &Restriction) -> String {
    match r {
        Restriction::Sql(text) => text.trim().replace('%', "%%"),
        other => format!("{other:?}"),
    }
}

/// `TableChain.cascade1_search`: depth first from `leaf` over parents and own parts (up) or
/// children and master (down), to the first table whose heading has every field; peripheral
/// tables are skipped. Returns that table.
fn search(world: &World, leaf: &TableName, attrs: &[String], dir: Direction) -> Option<TableName> {
    fn visit(
        world: &World,
        t: &TableName,
        attrs: &[String],
        dir: Direction,
        seen: &mut Vec<TableName>,
        depth: usize,
    ) -> Option<TableName> {
        if depth == 0 || seen.contains(t) {
            return None;
        }
        seen.push(t.clone());
        let next: Vec<TableName> = match dir {
            Direction::Up => world.parents(t).into_iter().chain(world.parts(t)).collect(),
            Direction::Down => world.children(t).into_iter().chain(crate::engine::drop::get_master(t)).collect(),
        };
        for n in next {
            if &n == t || graph::is_peripheral(&n) {
                continue;
            }
            let names = world.table(&n).map(|i| i.names()).unwrap_or_default();
            if attrs.iter().all(|a| names.contains(a)) {
                return Some(n);
            }
            if let Some(found) = visit(world, &n, attrs, dir, seen, depth - 1) {
                return Some(found);
            }
        }
        None
    }
    visit(world, leaf, attrs, dir, &mut Vec::new(), 100)
}

/// `restrict_by(restriction, direction)`: the table itself if the restriction already narrows
/// it (warning `Restriction valid for this table. Using as is.`); otherwise the table restricted
/// through the nearest table that has the restriction's fields; `None` when no table has them.
pub fn restrict_by(world: &World, q: &Query, r: &Restriction, dir: Direction, log: Log) -> Result<Option<Query>> {
    if matches!(r, Restriction::Bool(true)) {
        return Ok(Some(q.clone()));
    }
    let Some((table, _)) = q.restricted_table().map(|(t, b)| (t.clone(), b)) else {
        return Err(Error::dj("restrict_by needs a table"));
    };
    let total = world.len(q)?;
    // Spyglass tries the restriction here first; a DataJointError (an unknown field) means
    // "look elsewhere".
    match world.restrict(q, r) {
        Ok(local) if world.len(&local)? < total => {
            log(Level::Warning, "Restriction valid for this table. Using as is.");
            return Ok(Some(local));
        }
        Ok(_) => {}
        Err(e) if e.kind != Kind::DataJointError && e.kind != Kind::UnknownAttributeError => return Err(e),
        Err(_) => {}
    }
    let attrs = restriction_attrs(r)?;
    let Some(found) = search(world, &table, &attrs, dir) else {
        let searched = if dir == Direction::Up { "parents" } else { "children" };
        log(
            Level::Warning,
            &format!(
                "Restriction could not be applied to any {searched}.\n\tFrom: {{'{}'}}\n\tRestr: {}",
                table.full(),
                restriction_text(r)
            ),
        );
        return Ok(None);
    };
    let (from, to) = match dir {
        Direction::Up => (found.clone(), table.clone()),
        Direction::Down => (table.clone(), found.clone()),
    };
    let path = graph::chain(world, &from, &to, &[]).unwrap_or_else(|| vec![from.clone(), to.clone()]);
    // Carried from the table that has the fields to this one.
    let mut walk = path.clone();
    if dir == Direction::Down {
        walk.reverse();
    }
    let start = world.restrict(&world.query(&found)?, r)?;
    let carried = graph::carry(world, &walk, start)?;
    let attrs = q.primary_key();
    let keys = world.proj(&carried, &attrs, &[])?;
    let out = world.restrict(q, &Restriction::Query(keys))?;
    let n = world.len(&out)?;
    let tail = format!(" after restrict with path: {}\n\t See `help(YourTable.restrict_by)`", graph::path_str(&path));
    if n == total {
        log(Level::Warning, &format!("Same length{tail}"));
    } else if n == 0 {
        log(Level::Warning, &format!("No entries{tail}"));
    }
    Ok(Some(out))
}
