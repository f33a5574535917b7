//! `merge_delete` and `merge_delete_parent`.

use super::get::restrict_parents;
use super::view::merge_repr;
use super::{Notes, MERGE_ID};
use crate::engine::delete::{Console, DeleteOptions};
use crate::engine::{Error, FetchSpec, Kind, Query, Restriction, Result, TableName, World};

/// The `merge_id`s of the merged view under `r`, as restrictions; `None` when no part matches.
fn merge_ids(world: &World, master: &TableName, r: &Restriction, notes: &mut Notes) -> Result<Option<Restriction>> {
    let Some(view) = merge_repr(world, master, r, notes)? else { return Ok(None) };
    let rows = world.fetch(&view, &FetchSpec { attrs: vec![MERGE_ID.into()], ..FetchSpec::default() })?;
    let ids = rows.rows.into_iter().map(|mut r| Restriction::Map(vec![(MERGE_ID.into(), r.remove(0))]));
    Ok(Some(Restriction::Or(ids.collect())))
}

/// `merge_delete(restriction)`. On DataJoint 0.14 this fails as the oracle shows: Spyglass's
/// `Merge.delete` passes `force_parts=True` to each non-empty part's `delete`, which
/// `dj.Part.delete(force=False)` does not take. With no part matching, `merge_restrict` is None
/// and Spyglass's `.fetch` on it fails.
pub fn merge_delete(world: &World, master: &TableName, r: &Restriction, notes: &mut Notes) -> Result<()> {
    let Some(Restriction::Or(ids)) = merge_ids(world, master, r, notes)? else {
        return Err(Error::new(Kind::AttributeError, "'NoneType' object has no attribute 'fetch'"));
    };
    if ids.is_empty() {
        return Ok(());
    }
    Err(Error::new(Kind::TypeError, "Part.delete() got an unexpected keyword argument 'force_parts'"))
}

/// `merge_delete_parent(restriction, dry_run=...)`: with `dry_run`, the restricted sources
/// (FreeTables) that would be deleted; otherwise delete the merge entries, then, unless the
/// user kept them, the sources' rows.
pub fn merge_delete_parent(
    world: &mut World,
    master: &TableName,
    r: &Restriction,
    dry_run: bool,
    opts: DeleteOptions,
    console: &mut dyn Console,
    notes: &mut Notes,
) -> Result<Option<Vec<(TableName, Query)>>> {
    let parents = restrict_parents(world, master, r, false, true)?;
    if dry_run {
        return Ok(Some(parents));
    }
    let Some(ids) = merge_ids(world, master, r, notes)? else {
        return Err(Error::new(Kind::AttributeError, "'NoneType' object has no attribute 'fetch'"));
    };
    let entries = world.restrict(&world.query(master)?, &ids)?;
    world.delete(&entries, opts, console)?;
    if world.len(&entries)? > 0 {
        return Ok(None);
    }
    for (_, q) in parents {
        world.delete(&q, opts, console)?;
    }
    Ok(None)
}
