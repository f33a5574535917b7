//! `Merge().fetch_nwb(restriction)` (`utils/dj_merge_tables.py`): the NWB objects of the
//! entries' source rows, read through `merge_restrict_class`.

use super::{restrict_class, Notes};
use crate::engine::preview::Display;
use crate::engine::{FetchSpec, Restriction, Result, TableName, Value, World};

/// `Merge().fetch_nwb(restriction)`: for each source among the entries the restriction's
/// `merge_id`s select, `merge_restrict_class(restriction, permit_multiple_rows=True,
/// add_invalid_restrict=False).fetch_nwb()`, run together (Spyglass repeats the same call for
/// each source). A restricted master stands for its own `merge_id`s.
pub fn fetch_nwb(
    world: &World,
    master: &TableName,
    r: &Restriction,
    analysis_dir: &str,
    display: Display,
    notes: &mut Notes,
) -> Result<Vec<Vec<(String, Value)>>> {
    let selected = match r {
        Restriction::Query(q) if q.restricted_table().is_some_and(|(t, _)| t == master) => q.clone(),
        other => world.restrict(&world.query(master)?, &merge_ids(other))?,
    };
    let spec = FetchSpec { attrs: vec![super::SOURCE.into()], ..FetchSpec::default() };
    let sources: std::collections::BTreeSet<String> =
        world.fetch(&selected, &spec)?.rows.iter().map(|r| crate::engine::py::value_str(&r[0])).collect();
    let mut out = Vec::new();
    for _ in sources {
        let (parent, q) = restrict_class(world, master, r, true, false, display, notes)?;
        out.extend(crate::spyglass::analysis::fetch_nwb(world, &q, &parent, &[], analysis_dir)?);
    }
    Ok(out)
}

/// `extract_merge_id(restriction)`: only the `merge_id` terms (a dict's, or the parenthesised
/// pieces of a string that name it), OR-ed; everything when there are none.
fn merge_ids(r: &Restriction) -> Restriction {
    match r {
        Restriction::Map(pairs) => {
            Restriction::Map(pairs.iter().filter(|(k, v)| k == super::MERGE_ID && !v.is_null()).cloned().collect())
        }
        Restriction::Sql(s) => {
            let terms: Vec<Restriction> = s
                .split('(')
                .filter(|x| !x.is_empty())
                .map(|x| x.split(')').next().unwrap_or_default())
                .filter(|x| x.contains(super::MERGE_ID))
                .map(|x| Restriction::Sql(x.to_string()))
                .collect();
            if terms.is_empty() {
                Restriction::Bool(true)
            } else {
                Restriction::Or(terms)
            }
        }
        Restriction::Or(items) | Restriction::And(items) => Restriction::Or(items.iter().map(merge_ids).collect()),
        _ => Restriction::Bool(true),
    }
}
