//! `merge_get_part`, `merge_get_parent`, `merge_get_parent_class`, `merge_restrict_class` and
//! `source_class_dict`: from a merge master to its parts, their sources and the source classes.

use super::view::{restrict_parts, PartsOptions};
use super::{dict_repr, dicts_repr, note, part_name, part_parent, parts, source_parents, Level, Notes};
use crate::engine::preview::Display;
use crate::engine::{Error, FetchSpec, Kind, Query, Restriction, Result, TableName, Value, World};

/// A restriction as Python's `str()` shows it in Spyglass's messages.
pub fn restriction_str(r: &Restriction) -> String {
    match r {
        Restriction::Map(pairs) => dict_repr(pairs),
        Restriction::Sql(s) => s.clone(),
        Restriction::Bool(b) => if *b { "True" } else { "False" }.into(),
        Restriction::Or(items) => format!("[{}]", items.iter().map(restriction_str).collect::<Vec<_>>().join(", ")),
        other => format!("{other:?}"),
    }
}

/// The restriction as Spyglass leaves the caller's dict: `_merge_restrict_parts` pops its
/// `source`, so later messages show the dict without it.
pub fn popped(r: &Restriction) -> Restriction {
    match r {
        Restriction::Map(p) => Restriction::Map(p.iter().filter(|(k, _)| k != super::SOURCE).cloned().collect()),
        other => other.clone(),
    }
}

/// `merge_get_part(restriction, restrict_part=..., multi_source=..., return_empties=...)`: the
/// native parts (restricted unless `restrict_part` is false); `None` when no part matches.
pub fn get_part(
    world: &World,
    master: &TableName,
    r: &Restriction,
    restrict_part: bool,
    multi_source: bool,
    return_empties: bool,
) -> Result<Option<Vec<(TableName, Query)>>> {
    let o = PartsOptions { return_empties, add_invalid_restrict: false };
    let found = restrict_parts(world, master, r, o)?;
    let sources: Vec<String> = found.iter().map(|(p, _)| part_name(p)).collect();
    if !multi_source && sources.len() > 1 {
        let list: Vec<String> = sources.iter().map(|s| crate::engine::py::str_repr(s)).collect();
        return Err(Error::new(
            Kind::ValueError,
            format!(
                "Found {} potential parts: [{}]\n\tTry adding a restriction before invoking `get_part`.\n\t\
                 Or permitting multiple sources with `multi_source=True`.",
                sources.len(),
                list.join(", ")
            ),
        ));
    }
    if sources.is_empty() {
        return Ok(None);
    }
    let mut out = Vec::new();
    for (part, _) in found {
        let q = world.query(&part)?;
        // Spyglass re-applies the restriction with the dict's `source` already popped.
        let r = popped(r);
        let q = if restrict_part { world.restrict(&q, &r)? } else { q };
        out.push((part, q));
    }
    Ok(Some(out))
}

/// The rows of `q` as Python dicts (`fetch(*attrs, as_dict=True)`; no attrs: all).
fn dicts(world: &World, q: &Query, attrs: Vec<String>) -> Result<Vec<Vec<(String, Value)>>> {
    let rows = world.fetch(q, &FetchSpec { attrs, ..FetchSpec::default() })?;
    Ok(rows.rows.into_iter().map(|r| rows.columns.iter().cloned().zip(r).collect()).collect())
}

/// `repr(FreeTable)`: its name line and DataJoint's preview.
pub fn free_table_repr(world: &World, t: &TableName, q: &Query, display: Display) -> String {
    let preview = world.preview(q, display).unwrap_or_else(|e| format!("{}: {}", e.kind, e.message));
    // The preview ends with a newline in Python, which shows inside a list's repr.
    format!("FreeTable({})\n{}\n", t.full(), preview.trim_end_matches('\n'))
}

/// `_merge_restrict_parents`: each source of each matching part, as a FreeTable restricted to
/// the rows the part references.
pub fn restrict_parents(
    world: &World,
    master: &TableName,
    r: &Restriction,
    return_empties: bool,
    add_invalid_restrict: bool,
) -> Result<Vec<(TableName, Query)>> {
    let o = PartsOptions { return_empties, add_invalid_restrict };
    let mut out = Vec::new();
    for (part, q) in restrict_parts(world, master, r, o)? {
        let referenced = dicts(world, &q, q.secondary_attributes())?;
        let or = Restriction::Or(referenced.into_iter().map(Restriction::Map).collect());
        for parent in source_parents(world, master, &part) {
            out.push((parent.clone(), world.restrict(&world.query(&parent)?, &or)?));
        }
    }
    Ok(out)
}

/// `merge_get_parent(restriction, multi_source=..., return_empties=..., add_invalid_restrict=...)`:
/// the restricted sources as FreeTables; without `multi_source`, exactly one or Spyglass's error.
pub fn get_parent(
    world: &World,
    master: &TableName,
    r: &Restriction,
    multi_source: bool,
    return_empties: bool,
    add_invalid_restrict: bool,
    display: Display,
) -> Result<Vec<(TableName, Query)>> {
    let found = restrict_parents(world, master, r, return_empties, add_invalid_restrict)?;
    if !multi_source && found.len() != 1 {
        let list: Vec<String> = found.iter().map(|(t, q)| free_table_repr(world, t, q, display)).collect();
        return Err(Error::new(
            Kind::ValueError,
            format!(
                "Found  {} potential parents: [{}]\n\tTry adding a string restriction when invoking `get_parent`. \
                 Or permitting multiple sources with `multi_source=True`.",
                found.len(),
                list.join(", ")
            ),
        ));
    }
    Ok(found)
}

/// `source_class_dict`: each part's CamelCase name and its source table (Spyglass looks the
/// class up by that name in the merge table's module, which imports every source).
pub fn source_class_dict(world: &World, master: &TableName) -> Vec<(String, TableName)> {
    parts(world, master).iter().filter_map(|p| part_parent(world, p).map(|s| (part_name(p), s))).collect()
}

/// What `merge_get_parent_class` accepts: a CamelCase name, a key, or a table.
pub enum Source {
    /// `"LFPV1"`.
    Name(String),
    /// A key dict (or other restriction), resolved through `merge_get_parent`.
    Key(Restriction),
    /// A table: its own CamelCase name.
    Table(TableName),
}

/// `merge_get_parent_class(source)`: the unrestricted source table, or `None` with Spyglass's
/// logged error (`shown` is how Python prints the argument).
pub fn parent_class(
    world: &World,
    master: &TableName,
    source: Source,
    shown: &str,
    display: Display,
    notes: &mut Notes,
) -> Result<Option<TableName>> {
    let name = match source {
        Source::Name(n) => n,
        Source::Table(t) => part_name(&t),
        Source::Key(r) => {
            let found = get_parent(world, master, &r, false, false, true, display)?;
            part_name(&found[0].0)
        }
    };
    let found = source_class_dict(world, master).into_iter().find(|(n, _)| *n == name).map(|(_, t)| t);
    if found.is_none() {
        let names: Vec<String> =
            parts(world, master).iter().map(|p| crate::engine::py::str_repr(&part_name(p))).collect();
        note(notes, Level::Error, format!("No source class found for {shown}: \n\t[{}]", names.join(", ")));
    }
    Ok(found)
}

/// `merge_restrict_class(key, permit_multiple_rows=..., add_invalid_restrict=...)`: the source
/// table restricted to the key's rows.
pub fn restrict_class(
    world: &World,
    master: &TableName,
    key: &Restriction,
    permit_multiple_rows: bool,
    add_invalid_restrict: bool,
    display: Display,
    notes: &mut Notes,
) -> Result<(TableName, Query)> {
    let (parent, q) = get_parent(world, master, key, false, false, add_invalid_restrict, display)?.remove(0);
    let keys = dicts(world, &q, vec!["KEY".into()])?;
    if !permit_multiple_rows && keys.len() > 1 {
        return Err(Error::new(
            Kind::ValueError,
            format!(
                "Ambiguous entry. Data has mult rows in parent:\n\tData:{}\n\t{}",
                restriction_str(&popped(key)),
                dicts_repr(&keys)
            ),
        ));
    }
    let shown = free_table_repr(world, &parent, &q, display);
    let Some(class) = parent_class(world, master, Source::Table(parent.clone()), &shown, display, notes)? else {
        return Err(Error::new(Kind::TypeError, "unsupported operand type(s) for &: 'NoneType' and 'list'"));
    };
    let restricted =
        world.restrict(&world.query(&class)?, &Restriction::Or(keys.into_iter().map(Restriction::Map).collect()))?;
    Ok((class, restricted))
}
