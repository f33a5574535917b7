//! Comparing a table in the learner's world with the same table in the world the reference
//! solution left, in plain words: "`#my_params` has 1 row; expected 2: missing `quick`".

use crate::engine::py::value_str;
use crate::engine::{FetchSpec, Result, TableName, Value, World};

/// How many of the differing keys a message names.
const SHOWN: usize = 3;

/// A table's column names and rows, by key.
type Contents = (Vec<String>, Vec<Vec<Value>>);

fn rows_of(world: &World, table: &TableName) -> Result<Option<Contents>> {
    if world.table(table).is_none() {
        return Ok(None);
    }
    let q = world.query(table)?;
    let spec = FetchSpec { order_by: vec!["KEY".into()], ..FetchSpec::default() };
    let rows = world.fetch(&q, &spec)?;
    Ok(Some((rows.columns, rows.rows)))
}

fn rows(n: usize) -> String {
    format!("{n} row{}", if n == 1 { "" } else { "s" })
}

/// A key as the learner would write it: `quick`, or `(subject1, default)`.
fn key_text(key: &[Value]) -> String {
    let parts: Vec<String> = key.iter().map(value_str).collect();
    if parts.len() == 1 {
        format!("`{}`", parts[0])
    } else {
        format!("`({})`", parts.join(", "))
    }
}

fn listed(keys: &[Vec<Value>]) -> String {
    let mut shown: Vec<String> = keys.iter().take(SHOWN).map(|k| key_text(k)).collect();
    if keys.len() > SHOWN {
        shown.push(format!("and {} more", keys.len() - SHOWN));
    }
    shown.join(", ")
}

/// `None` when `table` holds the same rows in both worlds; else what differs.
pub fn compare(learner: &World, reference: &World, table: &TableName) -> Result<Option<String>> {
    let name = format!("`{}`", table.table);
    let Some((columns, expected)) = rows_of(reference, table)? else {
        return Ok(Some(format!("the reference solution has no table {}", table.full())));
    };
    let Some((_, got)) = rows_of(learner, table)? else {
        return Ok(Some(format!("there is no table {}; expected one with {}", table.full(), rows(expected.len()))));
    };
    let info = reference.table_or_err(table)?;
    let key_idx: Vec<usize> = columns
        .iter()
        .enumerate()
        .filter(|(_, c)| info.attribute(c).is_some_and(|a| a.in_key))
        .map(|(i, _)| i)
        .collect();
    let key = |r: &Vec<Value>| key_idx.iter().map(|&i| r[i].clone()).collect::<Vec<_>>();
    let got_keys: Vec<Vec<Value>> = got.iter().map(key).collect();
    let expected_keys: Vec<Vec<Value>> = expected.iter().map(key).collect();
    let missing: Vec<Vec<Value>> = expected_keys.iter().filter(|k| !got_keys.contains(k)).cloned().collect();
    let extra: Vec<Vec<Value>> = got_keys.iter().filter(|k| !expected_keys.contains(k)).cloned().collect();
    let mut problems = Vec::new();
    if !missing.is_empty() {
        problems.push(format!("missing {}", listed(&missing)));
    }
    if !extra.is_empty() {
        problems.push(format!("not expected: {}", listed(&extra)));
    }
    if problems.is_empty() {
        for (g, e) in got.iter().zip(&expected) {
            if let Some(i) = (0..columns.len()).find(|&i| g[i] != e[i]) {
                problems.push(format!(
                    "in {}, `{}` is {}; expected {}",
                    key_text(&key(e)),
                    columns[i],
                    value_str(&g[i]),
                    value_str(&e[i])
                ));
                break;
            }
        }
    }
    if problems.is_empty() {
        return Ok(None);
    }
    let head = if got.len() == expected.len() {
        format!("{name} has {}", rows(got.len()))
    } else {
        format!("{name} has {}; expected {}", rows(got.len()), expected.len())
    };
    Ok(Some(format!("{head}: {}", problems.join("; "))))
}
