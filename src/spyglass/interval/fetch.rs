//! Where an Interval's times come from: a value, another Interval, or an IntervalList row
//! (`IntervalList.fetch_interval()`, and `Interval(key)`, which Spyglass looks up in the table).

use super::{array, Identity, Interval, Keywords, Times};
use crate::engine::py::value_repr;
use crate::engine::{Error, Kind, Query, Restriction, Result, TableName, Value, World};
use crate::spyglass::log::Log;

/// `IntervalList`'s table.
pub fn interval_list_table() -> TableName {
    TableName::new("common_interval", "interval_list")
}

/// What an Interval is made from.
#[derive(Debug, Clone)]
pub enum Input {
    /// A value: a list of pairs, `None`, or a dict naming an IntervalList row.
    Value(Value),
    /// Another Interval's times.
    Times(Times),
}

/// `self._extract(other)`: the times of a value, an Interval, or the IntervalList row a key
/// names (with the row's name, file and pipeline).
pub fn resolve(world: &World, input: &Input) -> Result<(Times, Option<Identity>)> {
    match input {
        Input::Times(t) => Ok((t.clone(), None)),
        Input::Value(Value::Map(key)) => {
            let (times, identity) = import_key(world, key)?;
            Ok((times, Some(identity)))
        }
        Input::Value(v) => Ok((array::extract(v)?, None)),
    }
}

/// `Interval(interval_list, name=None, from_inds=False, no_overlap=False, no_duplicates=True,
/// warn=True, **kwargs)`; `keywords` holds the keyword arguments Interval keeps.
pub fn construct(
    world: &World,
    input: &Input,
    name: Option<String>,
    from_inds: bool,
    keywords: Keywords,
    warn: bool,
    log: Log,
) -> Result<Interval> {
    // `name or kwargs.get("interval_list_name")`, and `kwargs.get("valid_times") or interval_list`.
    let mut identity = Identity {
        name: name.filter(|n| !n.is_empty()).or_else(|| keywords.interval_list_name.clone()),
        nwb_file_name: keywords.nwb_file_name.clone(),
        pipeline: keywords.pipeline.clone(),
    };
    let times = match (&keywords.valid_times, input) {
        (Some(t), _) => t.clone(),
        (None, Input::Value(v)) if from_inds => super::stamps::from_inds(v)?,
        (None, input) => {
            let (times, found) = resolve(world, input)?;
            if let Some(found) = found {
                identity = found;
            }
            times
        }
    };
    Interval::new(times, identity, keywords, warn, log)
}

/// `(IntervalList & key).fetch_interval()`: the one row's Interval, or Spyglass's ValueError.
/// Like Spyglass, it looks the row up again by its primary key (so a projection works too).
pub fn fetch_interval(world: &World, query: &Query, log: Log) -> Result<Interval> {
    let n = world.len(query)?;
    if n != 1 {
        return Err(Error::new(Kind::ValueError, format!("Expected one row, got {n}")));
    }
    let rows = world.fetch1(query, &[])?;
    let row = rows.columns.into_iter().zip(rows.rows.into_iter().next().unwrap_or_default()).collect();
    construct(world, &Input::Value(Value::Map(row)), None, false, Keywords::default(), true, log)
}

/// `Interval._import_from_table`: the IntervalList row whose primary key `key` gives.
fn import_key(world: &World, key: &std::collections::BTreeMap<String, Value>) -> Result<(Times, Identity)> {
    let table = world.query(&interval_list_table())?;
    let pk = table.primary_key();
    let restriction: Vec<(String, Value)> =
        key.iter().filter(|(k, _)| pk.contains(k)).map(|(k, v)| (k.clone(), v.clone())).collect();
    let query = world.restrict(&table, &Restriction::Map(restriction))?;
    let count = world.len(&query)?;
    if count != 1 {
        let key = value_repr(&Value::Map(key.clone()));
        return Err(Error::new(Kind::ValueError, format!("Found {count} interval entries found for {key}")));
    }
    let attrs = ["interval_list_name", "pipeline", "nwb_file_name", "valid_times"].map(String::from);
    let rows = world.fetch1(&query, &attrs)?;
    let mut values = rows.rows.into_iter().next().unwrap_or_default().into_iter();
    let mut text = || match values.next() {
        Some(Value::Str(s)) => Some(s),
        _ => None,
    };
    let identity = Identity { name: text(), pipeline: text(), nwb_file_name: text() };
    let times = array::extract(&values.next().unwrap_or(Value::Null))?;
    Ok((times, identity))
}
