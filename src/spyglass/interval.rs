//! Spyglass's `Interval` (`common/common_interval.py`): a numpy array of `[start, stop]` rows
//! with its set operations, and `IntervalList.fetch_interval()`. numpy's shapes, dtypes and
//! texts are kept where a learner can see them: an `Interval([])` is the 1-D `array([])`, not
//! the `(0, 2)` array a filter leaves (consolidating the latter fails, as in Spyglass); ints
//! stay ints; `repr` is numpy's `array2string` per row. No rhai here.

mod array;
mod fetch;
mod ops;
mod repr;
mod stamps;
#[cfg(test)]
mod tests;

pub use array::extract;
pub use fetch::{construct, fetch_interval, interval_list_table, resolve, Input};
pub use stamps::Stamps;

use crate::engine::Result;
use crate::spyglass::log::{Level, Log};

/// A numpy array of intervals: rows of `[start, stop]` sharing one dtype (int64 or float64);
/// `flat` marks the 1-D empty `np.array([])` (shape `(0,)`), as opposed to shape `(0, 2)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Times {
    rows: Vec<[f64; 2]>,
    int: bool,
    flat: bool,
}

/// One element with its dtype: Python's `max`/`min` keep the element they pick, so a result
/// built from picks is int64 only when every pick was.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Num {
    /// Its value.
    pub value: f64,
    /// Is it an int64?
    pub int: bool,
}

impl Num {
    /// Python's `max(a, b)`: `a` unless `b` is greater.
    fn max(a: Num, b: Num) -> Num {
        if b.value > a.value {
            b
        } else {
            a
        }
    }

    /// Python's `min(a, b)`: `a` unless `b` is smaller.
    fn min(a: Num, b: Num) -> Num {
        if b.value < a.value {
            b
        } else {
            a
        }
    }
}

impl Times {
    /// `np.array([])`: 1-D, empty, float64.
    pub fn empty() -> Times {
        Times { rows: Vec::new(), int: false, flat: true }
    }

    /// Rows of one dtype, as a 2-D array.
    pub fn new(rows: Vec<[f64; 2]>, int: bool) -> Times {
        Times { rows, int, flat: false }
    }

    /// `np.asarray(list_of_rows)`: int64 when every element is; an empty list is `np.array([])`.
    fn from_nums(rows: &[[Num; 2]]) -> Times {
        if rows.is_empty() {
            return Times::empty();
        }
        let int = rows.iter().all(|r| r[0].int && r[1].int);
        Times::new(rows.iter().map(|r| [r[0].value, r[1].value]).collect(), int)
    }

    /// The rows.
    pub fn rows(&self) -> &[[f64; 2]] {
        &self.rows
    }

    /// Is the dtype int64?
    pub fn is_int(&self) -> bool {
        self.int
    }

    /// Is this the 1-D `np.array([])`?
    pub fn is_flat(&self) -> bool {
        self.flat
    }

    /// `len(times)`.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// No rows?
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    fn num(&self, value: f64) -> Num {
        Num { value, int: self.int }
    }

    fn nums(&self, row: [f64; 2]) -> [Num; 2] {
        [self.num(row[0]), self.num(row[1])]
    }

    /// `np.array_equal`: same shape, equal values (an int equals the same float).
    pub fn array_equal(&self, other: &Times) -> bool {
        (self.flat && self.rows.is_empty()) == (other.flat && other.rows.is_empty()) && self.rows == other.rows
    }

    /// `np.unique(times, axis=0)`: rows sorted by start then stop, repeats dropped.
    fn unique(&self) -> Times {
        let mut rows = self.rows.clone();
        rows.sort_by(|a, b| cmp_f64(a[0], b[0]).then(cmp_f64(a[1], b[1])));
        rows.dedup();
        Times { rows, ..self.clone() }
    }
}

/// numpy's sort order for floats: NaN last.
fn cmp_f64(a: f64, b: f64) -> std::cmp::Ordering {
    a.partial_cmp(&b).unwrap_or_else(|| a.is_nan().cmp(&b.is_nan()))
}

/// What an Interval hands on to every Interval its methods return (Python's `self.kwargs`:
/// the constructor's extra keywords, `no_overlap`, `no_duplicates`, and `warn=False`).
#[derive(Debug, Clone, PartialEq)]
pub struct Keywords {
    /// `interval_list_name=`: the name of each returned Interval.
    pub interval_list_name: Option<String>,
    /// `nwb_file_name=`.
    pub nwb_file_name: Option<String>,
    /// `pipeline=`.
    pub pipeline: Option<String>,
    /// `valid_times=`: when given, every returned Interval has these times again (Spyglass
    /// reads `kwargs["valid_times"]` before its argument).
    pub valid_times: Option<Times>,
    /// `no_overlap=`: consolidate on construction.
    pub no_overlap: bool,
    /// `no_duplicates=` (default true): drop repeated rows, sorting them.
    pub no_duplicates: bool,
}

impl Default for Keywords {
    fn default() -> Self {
        Keywords {
            interval_list_name: None,
            nwb_file_name: None,
            pipeline: None,
            valid_times: None,
            no_overlap: false,
            no_duplicates: true,
        }
    }
}

/// Which IntervalList row an Interval came from (`name`, `nwb_file_name`, `pipeline`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Identity {
    /// `interval_list_name`.
    pub name: Option<String>,
    /// `nwb_file_name`.
    pub nwb_file_name: Option<String>,
    /// `pipeline`.
    pub pipeline: Option<String>,
}

/// Spyglass's `Interval`.
#[derive(Debug, Clone, PartialEq)]
pub struct Interval {
    /// `.times`.
    pub times: Times,
    /// `.name`, `.nwb_file_name`, `.pipeline`.
    pub identity: Identity,
    keywords: Keywords,
}

impl Interval {
    /// `Interval.__init__` once its argument is an array: sort and drop repeats
    /// (`no_duplicates`), consolidate (`no_overlap`), and with `warn` log what either would
    /// change (Spyglass warns unless told not to, or in its own test mode).
    pub fn new(times: Times, identity: Identity, keywords: Keywords, warn: bool, log: Log) -> Result<Interval> {
        let mut times = times;
        if warn || keywords.no_duplicates {
            let unique = times.unique();
            if keywords.no_duplicates {
                times = unique.clone();
            }
            if warn && !times.array_equal(&unique) {
                let text = format!("{} vs {}", repr::to_str(&times), repr::to_str(&unique));
                log(Level::Warning, &format!("Found duplicate(s). Use no_duplicates flag to remove or not: {text}"));
            }
        }
        if warn || keywords.no_overlap {
            let consolidated = ops::consolidate_times(&keywords, &times)?;
            if keywords.no_overlap {
                times = consolidated.clone();
            }
            if warn && !times.array_equal(&consolidated) {
                let text = format!("{} vs {}", repr::to_str(&times), repr::to_str(&consolidated));
                log(Level::Warning, &format!("Found overlap(s). Use no_overlap flag to consolidate or not: {text}"));
            }
        }
        Ok(Interval { times, identity, keywords })
    }

    /// `Interval(times, **kwargs)` with `kwargs` as given (the intervals methods return).
    fn made(keywords: &Keywords, times: Times) -> Result<Interval> {
        let identity = Identity {
            name: keywords.interval_list_name.clone(),
            nwb_file_name: keywords.nwb_file_name.clone(),
            pipeline: keywords.pipeline.clone(),
        };
        let times = keywords.valid_times.clone().unwrap_or(times);
        Interval::new(times, identity, keywords.clone(), false, &mut |_, _| {})
    }

    /// `Interval(times, **self.kwargs)`.
    fn child(&self, times: Times) -> Result<Interval> {
        Interval::made(&self.keywords, times)
    }

    /// `len(interval)`.
    pub fn len(&self) -> usize {
        self.times.len()
    }

    /// No rows?
    pub fn is_empty(&self) -> bool {
        self.times.is_empty()
    }

    /// `repr(interval)`: `Interval([0. 1.]\n\t[2. 3.])`.
    pub fn repr(&self) -> String {
        repr::repr(&self.times)
    }

    /// `interval.primary_key`, or Spyglass's ValueError without a name and a file name.
    pub fn primary_key(&self) -> Result<(String, String)> {
        match (&self.identity.name, &self.identity.nwb_file_name) {
            (Some(n), Some(f)) if !n.is_empty() && !f.is_empty() => Ok((n.clone(), f.clone())),
            _ => Err(crate::engine::Error::new(
                crate::engine::Kind::ValueError,
                "Both name and file name required for primary key",
            )),
        }
    }
}
