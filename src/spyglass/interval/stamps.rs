//! An Interval against timestamps (a 1-D array): `contains`, `excludes`, `censor`,
//! `to_indices`, `to_seconds`, and `from_inds` (runs of consecutive indices as intervals).

use super::{Interval, Num, Times};
use crate::engine::py::value_type_name;
use crate::engine::{Error, Kind, Result, Value};

/// A 1-D numpy array of numbers (timestamps, indices): int64 or float64.
#[derive(Debug, Clone, PartialEq)]
pub struct Stamps {
    /// The values.
    pub values: Vec<f64>,
    /// Is the dtype int64?
    pub int: bool,
}

impl Stamps {
    /// Indices (int64).
    fn indices(values: impl IntoIterator<Item = usize>) -> Stamps {
        Stamps { values: values.into_iter().map(|i| i as f64).collect(), int: true }
    }

    /// The numbers of a list, or why numpy's comparisons would refuse it.
    pub fn from_value(v: &Value) -> Result<Stamps> {
        let Value::List(items) = v else {
            return Err(Error::new(Kind::TypeError, format!("'{}' object is not iterable", value_type_name(v))));
        };
        let mut out = Stamps { values: Vec::with_capacity(items.len()), int: true };
        for item in items {
            match item {
                Value::Int(i) => out.values.push(*i as f64),
                Value::Float(f) => {
                    out.values.push(*f);
                    out.int = false;
                }
                other => {
                    return Err(Error::new(
                        Kind::TypeError,
                        format!("timestamps must be numbers, not '{}'", value_type_name(other)),
                    ))
                }
            }
        }
        Ok(out)
    }

    fn num(&self, i: usize) -> Num {
        Num { value: self.values[i], int: self.int }
    }
}

/// numpy's IndexError for an index past the end of an axis.
fn out_of_bounds(index: i64, size: usize) -> Error {
    Error::new(Kind::IndexError, format!("index {index} is out of bounds for axis 0 with size {size}"))
}

impl Interval {
    /// The timestamps' indices inside each row (`start <= t <= stop`), row by row.
    fn contained(&self, ts: &Stamps) -> Vec<usize> {
        let mut out = Vec::new();
        for r in self.times.rows() {
            out.extend(ts.values.iter().enumerate().filter(|(_, t)| **t >= r[0] && **t <= r[1]).map(|(i, _)| i));
        }
        out
    }

    /// `interval.contains(timestamps, as_indices=False, padding=None)`: the timestamps (or
    /// their indices) inside the rows; `padding` widens the first and last as Spyglass does.
    pub fn contains(&self, ts: &Stamps, as_indices: bool, padding: Option<f64>) -> Result<Stamps> {
        let found = self.contained(ts);
        let mut out = if as_indices {
            Stamps::indices(found)
        } else {
            Stamps { values: found.iter().map(|&i| ts.values[i]).collect(), int: ts.int }
        };
        if let Some(pad) = padding.filter(|p| *p != 0.0) {
            let n = out.values.len();
            if n == 0 {
                return Err(out_of_bounds(0, 0));
            }
            // Writing a float into an int64 array truncates it.
            let store = |v: f64| if out.int { v.trunc() } else { v };
            if out.values[0] > 0.0 {
                out.values[0] = store(out.values[0] - pad);
            }
            if out.values[n - 1] != ts.values.len() as f64 - pad {
                out.values[n - 1] = store(out.values[n - 1] + pad);
            }
        }
        Ok(out)
    }

    /// `interval.excludes(timestamps, as_indices=False)`: `np.setdiff1d` of the timestamps (or
    /// all indices) and the contained ones: sorted, each once.
    pub fn excludes(&self, ts: &Stamps, as_indices: bool) -> Stamps {
        let found = self.contained(ts);
        let (all, inside): (Stamps, Vec<f64>) = if as_indices {
            (Stamps::indices(0..ts.values.len()), found.iter().map(|&i| i as f64).collect())
        } else {
            (ts.clone(), found.iter().map(|&i| ts.values[i]).collect())
        };
        let mut values: Vec<f64> = all.values.into_iter().filter(|v| !inside.contains(v)).collect();
        values.sort_by(|a, b| super::cmp_f64(*a, *b));
        values.dedup();
        Stamps { values, int: all.int }
    }

    /// `interval.censor(timestamps)`: the rows cut to the first and last timestamp, which must
    /// all be inside.
    pub fn censor(&self, ts: &Stamps) -> Result<Interval> {
        if self.contained(ts).len() != ts.values.len() {
            return Err(Error::new(Kind::ValueError, "Interval_list must contain all timestamps"));
        }
        let (Some(first), Some(last)) = (ts.values.first(), ts.values.last()) else {
            return Err(out_of_bounds(0, 0));
        };
        // The span goes through an Interval's checks inside `_consolidate`.
        if first > last {
            return Err(Error::new(Kind::ValueError, super::array::UNORDERED));
        }
        let span = Times::from_nums(&[[ts.num(0), ts.num(ts.values.len() - 1)]]);
        self.intersect(&span, None)
    }

    /// `interval.to_indices(timestamps)`: each bound's `np.searchsorted` position.
    pub fn to_indices(&self, ts: &Stamps) -> Vec<[usize; 2]> {
        let at = |v: f64| ts.values.partition_point(|t| *t < v);
        self.times.rows().iter().map(|r| [at(r[0]), at(r[1])]).collect()
    }

    /// `interval.to_indices(timestamps, as_interval=True)`.
    pub fn to_indices_interval(&self, ts: &Stamps) -> Result<Interval> {
        let rows: Vec<[f64; 2]> = self.to_indices(ts).iter().map(|r| [r[0] as f64, r[1] as f64]).collect();
        if rows.is_empty() {
            return self.child(Times::empty());
        }
        self.child(Times::new(rows, true))
    }

    /// `interval.to_seconds(timestamps)`: the timestamps the rows' bounds index.
    pub fn to_seconds(&self, ts: &Stamps) -> Result<Vec<[Num; 2]>> {
        if !self.times.is_int() && !self.times.is_empty() {
            return Err(Error::new(
                Kind::IndexError,
                "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean \
                 arrays are valid indices",
            ));
        }
        let n = ts.values.len();
        let pick = |v: f64| -> Result<Num> {
            let i = v as i64;
            let at = if i < 0 { i + n as i64 } else { i };
            if at < 0 || at >= n as i64 {
                return Err(out_of_bounds(i, n));
            }
            Ok(ts.num(at as usize))
        };
        self.times.rows().iter().map(|r| Ok([pick(r[0])?, pick(r[1])?])).collect()
    }
}

/// `Interval.from_inds(list_frames)`: the sorted unique indices, each run of consecutive ones
/// one `[first, last]` row (`[2, 3, 4, 6]` → `[[2, 4], [6, 6]]`).
pub(super) fn from_inds(v: &Value) -> Result<Times> {
    let mut frames = match v {
        Value::List(_) => Stamps::from_value(&flatten(v))?,
        other => Stamps::from_value(&Value::List(vec![other.clone()]))?,
    };
    frames.values.sort_by(|a, b| super::cmp_f64(*a, *b));
    frames.values.dedup();
    let mut rows: Vec<[f64; 2]> = Vec::new();
    let mut key = None;
    for (i, &f) in frames.values.iter().enumerate() {
        let k = f - i as f64;
        match rows.last_mut() {
            Some(last) if key == Some(k) => last[1] = f,
            _ => rows.push([f, f]),
        }
        key = Some(k);
    }
    if rows.is_empty() {
        return Ok(Times::empty());
    }
    Ok(Times::new(rows, frames.int))
}

/// `np.unique` flattens nested lists.
fn flatten(v: &Value) -> Value {
    fn walk(v: &Value, out: &mut Vec<Value>) {
        match v {
            Value::List(items) => items.iter().for_each(|i| walk(i, out)),
            other => out.push(other.clone()),
        }
    }
    let mut out = Vec::new();
    walk(v, &mut out);
    Value::List(out)
}
