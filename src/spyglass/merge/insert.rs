//! `Merge.insert` / `_merge_insert`: each row is looked up in every part's source; the entry's
//! `merge_id` is `dj.hash.key_hash(source_key | {"source": PartName})`.

use super::{dict_repr, dicts_repr, note, part_name, part_parent, parts, Level, Notes, MERGE_ID, SOURCE};
use crate::engine::declare::naming::from_camel_case;
use crate::engine::hash::key_hash;
use crate::engine::{Error, FetchSpec, InsertOptions, Kind, Restriction, Result, Row, TableName, Value, World};

/// The rows of `q` as `fetch("KEY")` gives them.
fn keys(world: &World, q: &crate::engine::Query) -> Result<Vec<Vec<(String, Value)>>> {
    let spec = FetchSpec { attrs: vec!["KEY".into()], ..FetchSpec::default() };
    let rows = world.fetch(q, &spec)?;
    Ok(rows.rows.into_iter().map(|r| rows.columns.iter().cloned().zip(r).collect()).collect())
}

/// `_merge_insert(rows, part_name=None, **kwargs)`, with Spyglass's errors and its
/// `Key already in part` log; master rows then part rows, in one transaction.
pub fn merge_insert(
    world: &mut World,
    master: &TableName,
    rows: &[Row],
    only: Option<&str>,
    opts: &InsertOptions,
    notes: &mut Notes,
) -> Result<()> {
    let rows: Vec<&Vec<(String, Value)>> = rows
        .iter()
        .map(|r| match r {
            Row::Map(pairs) => Ok(pairs),
            Row::Positional(_) => Err(Error::new(Kind::TypeError, "Input `rows` must be a list of dictionaries")),
        })
        .collect::<Result<_>>()?;
    let mut all = parts(world, master);
    if let Some(name) = only {
        let snake = from_camel_case(name)?;
        all.retain(|p| p.full().contains(&snake));
    }
    let mut master_rows = Vec::new();
    let mut part_rows: Vec<(TableName, Vec<Row>)> = all.iter().map(|p| (p.clone(), Vec::new())).collect();
    for row in rows {
        let mut found = Vec::new();
        for (i, part) in all.iter().enumerate() {
            let name = part_name(part);
            let Some(parent) = part_parent(world, part) else { continue };
            let matching = world.restrict(&world.query(&parent)?, &Restriction::Map(row.clone()))?;
            if world.len(&matching)? == 0 {
                continue;
            }
            found = keys(world, &matching)?;
            if found.len() > 1 {
                return Err(Error::new(
                    Kind::ValueError,
                    format!(
                        "Ambiguous entry. Data has mult rows in {name}:\n\tData:{}\n\t{}",
                        dict_repr(row),
                        dicts_repr(&found)
                    ),
                ));
            }
            let key = &found[0];
            let existing = world.restrict(&world.query(part)?, &Restriction::Map(key.clone()))?;
            if world.len(&existing)? > 0 {
                note(notes, Level::Info, format!("Key already in part {name}: {}", dict_repr(key)));
                continue;
            }
            let mut hashed = key.clone();
            hashed.push((SOURCE.into(), Value::Str(name.clone())));
            let merge_id = Value::Str(key_hash(hashed.iter().map(|(k, v)| (k.as_str(), v))));
            master_rows.push(Row::Map(vec![(MERGE_ID.into(), merge_id.clone()), (SOURCE.into(), Value::Str(name))]));
            let mut part_row = vec![(MERGE_ID.into(), merge_id)];
            part_row.extend(key.iter().cloned());
            part_rows[i].1.push(Row::Map(part_row));
        }
        if found.is_empty() {
            return Err(Error::new(
                Kind::ValueError,
                format!("Non-existing entry in any of the parent tables - Entry: {}", dict_repr(row)),
            ));
        }
    }
    world.atomically(|w| {
        w.insert(master, &master_rows, opts)?;
        for (part, rows) in &part_rows {
            w.insert(part, rows, opts)?;
        }
        Ok(())
    })
}
