//! `_merge_restrict_parts` and `_merge_repr`: each part restricted, and the union of
//! `master * part` that `merge_view` prints and `merge_restrict` returns.

use super::{note, parts, Level, Notes, SOURCE};
use crate::engine::declare::naming::from_camel_case;
use crate::engine::{Kind, Query, Restriction, Result, TableName, Value, World};

/// `_merge_restrict_parts`'s keywords (its `as_objects` is the caller's business).
#[derive(Debug, Clone, Copy)]
pub struct PartsOptions {
    /// Keep parts the restriction leaves empty.
    pub return_empties: bool,
    /// Keep, unrestricted, parts the restriction does not apply to.
    pub add_invalid_restrict: bool,
}

/// The source a restriction names, as Spyglass finds it in `make_condition`'s text
/// (`` `source`="LFPV1" ``): a dict's `source`, or that text inside a string.
fn named_source(r: &Restriction) -> Option<String> {
    match r {
        Restriction::Map(pairs) => pairs.iter().find(|(k, _)| k == SOURCE).map(|(_, v)| match v {
            Value::Str(s) => s.clone(),
            other => crate::engine::py::value_str(other),
        }),
        Restriction::Sql(s) if s.contains("`source`") => {
            s.rsplit("`source`=\"").next().and_then(|t| t.split('"').next()).map(str::to_string)
        }
        _ => None,
    }
}

/// `_merge_restrict_parts(restriction, ...)`: the parts (dependency order) with the restriction
/// applied, as `(part, restricted query)`.
pub fn restrict_parts(
    world: &World,
    master: &TableName,
    r: &Restriction,
    o: PartsOptions,
) -> Result<Vec<(TableName, Query)>> {
    let mut all = parts(world, master);
    // Spyglass keeps only the named source's part when empties are dropped; a name that is not
    // CamelCase raises DataJoint's from_camel_case error, as there.
    if !o.return_empties {
        if let Some(source) = named_source(r) {
            let snake = from_camel_case(&source)?;
            all.retain(|p| p.full().contains(&snake));
        }
    }
    // A dict's `source` is popped before the parts (which lack it) are restricted.
    let r = match r {
        Restriction::Map(pairs) => {
            let rest: Vec<_> = pairs.iter().filter(|(k, _)| k != SOURCE).cloned().collect();
            if !o.add_invalid_restrict {
                all.retain(|p| {
                    let names = world.table(p).map(|t| t.names()).unwrap_or_default();
                    rest.iter().all(|(k, _)| names.contains(k))
                });
            }
            Restriction::Map(rest)
        }
        other => other.clone(),
    };
    let mut out = Vec::new();
    for part in all {
        let q = world.query(&part)?;
        match world.restrict(&q, &r) {
            Ok(restricted) => out.push((part, restricted)),
            Err(e) if e.kind == Kind::DataJointError && o.add_invalid_restrict => out.push((part, q)),
            Err(e) if e.kind == Kind::DataJointError => {}
            Err(e) => return Err(e),
        }
    }
    if !o.return_empties {
        let mut kept = Vec::new();
        for (p, q) in out {
            if world.len(&q)? > 0 {
                kept.push((p, q));
            }
        }
        out = kept;
    }
    Ok(out)
}

/// `_merge_repr(restriction)`: `dj.U(*every_attr) * (master * part).proj(..., missing="0" or
/// "NULL")` for each non-empty matching part, unioned; `None` (with Spyglass's warning) when no
/// part matches.
pub fn merge_repr(world: &World, master: &TableName, r: &Restriction, notes: &mut Notes) -> Result<Option<Query>> {
    let o = PartsOptions { return_empties: false, add_invalid_restrict: false };
    let master_q = world.query(master)?;
    let mut joined = Vec::new();
    for (_, part) in restrict_parts(world, master, r, o)? {
        joined.push(world.join(&master_q, &part, false)?);
    }
    if joined.is_empty() {
        note(notes, Level::Warning, "No parts found. Try adjusting restriction.");
        return Ok(None);
    }
    // NULL for non-numeric, 0 for numeric attributes, first seen first.
    let mut fill: Vec<(String, String)> = Vec::new();
    for q in &joined {
        for c in q.heading() {
            if !fill.iter().any(|(n, _)| *n == c.name) {
                let numeric = c.ty.as_ref().is_some_and(|t| t.is_numeric());
                fill.push((c.name.clone(), if numeric { "0" } else { "NULL" }.to_string()));
            }
        }
    }
    let names: Vec<String> = fill.iter().map(|(n, _)| n.clone()).collect();
    let universe = world.universal(&names);
    let mut union: Option<Query> = None;
    for q in &joined {
        let missing: Vec<(String, String)> = fill.iter().filter(|(n, _)| q.column(n).is_none()).cloned().collect();
        let projected = world.proj(q, &["...".to_string()], &missing)?;
        let one = world.join(&universe, &projected, false)?;
        union = Some(match union {
            None => one,
            Some(u) => world.union(&u, &one)?,
        });
    }
    Ok(union)
}

/// The parts `merge_fetch` reads: non-empty, restricted, those the restriction applies to.
pub fn merge_fetch_parts(world: &World, master: &TableName, r: &Restriction) -> Result<Vec<(TableName, Query)>> {
    restrict_parts(world, master, r, PartsOptions { return_empties: false, add_invalid_restrict: false })
}

/// DataJoint's preview of the merged view. Its ` (Total: N)` is `count(DISTINCT key...)`, and
/// MySQL's multi-column COUNT(DISTINCT) skips rows with a NULL anywhere, so rows whose
/// NULL-filled columns are in the key do not count (oracle: three rows, `(Total: 1)`).
pub fn view_preview(world: &World, q: &Query, display: crate::engine::preview::Display) -> Result<String> {
    let text = world.preview(q, display)?;
    let Some(at) = text.rfind(" (Total: ") else { return Ok(text) };
    let attrs = q.heading().iter().filter(|c| !c.is_blob()).map(|c| c.name.clone()).collect();
    let rows = world.fetch(q, &crate::engine::FetchSpec { attrs, ..Default::default() })?;
    let total = rows.rows.iter().filter(|r| r.iter().all(|v| !v.is_null())).count();
    Ok(format!("{} (Total: {total})\n", &text[..at]))
}
