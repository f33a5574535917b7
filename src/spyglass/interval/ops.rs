//! The set operations, step for step as Spyglass computes them: `consolidate` merges only
//! overlapping rows (touching ones stay apart), `union` merges touching ones too, `by_length`
//! keeps lengths strictly between its bounds, and `intersect`, `union` and `subtract` return
//! the 1-D `np.array([])` when nothing is left.

use super::{Interval, Keywords, Num, Times};
use crate::engine::{Error, Kind, Result};

/// `by_length`'s default `max_length`.
pub const MAX_LENGTH: f64 = 1e10;

/// Do two rows overlap with a positive length (`_set_intersect` is not None)?
fn overlap(a: [f64; 2], b: [f64; 2]) -> bool {
    a[1].min(b[1]) > a[0].max(b[0])
}

/// `_consolidate`: rows sorted by start, each overlapping run merged, through an Interval made
/// with the same keywords (which sorts and drops repeats again). The `(0, 2)` array fails as
/// Python's `reduce` does on nothing.
pub(super) fn consolidate_times(keywords: &Keywords, times: &Times) -> Result<Times> {
    if times.is_flat() {
        return Ok(times.clone());
    }
    let mut rows = times.rows().to_vec();
    rows.sort_by(|a, b| super::cmp_f64(a[0], b[0]));
    let mut merged: Vec<[f64; 2]> = Vec::with_capacity(rows.len());
    for row in rows {
        match merged.last_mut() {
            Some(last) if overlap(*last, row) => *last = [last[0].min(row[0]), last[1].max(row[1])],
            _ => merged.push(row),
        }
    }
    if merged.is_empty() {
        return Err(Error::new(Kind::TypeError, "reduce() of empty iterable with no initial value"));
    }
    let inner = Keywords { no_overlap: false, ..keywords.clone() };
    Ok(Interval::made(&inner, Times::new(merged, times.is_int()))?.times)
}

/// `_by_length`: rows whose length is above `min` and below `max` (`None`: 0 and 1e10).
fn by_length_times(times: &Times, min: Option<f64>, max: Option<f64>) -> Times {
    let (min, max) = (min.unwrap_or(0.0), max.unwrap_or(MAX_LENGTH));
    let rows = times.rows().iter().filter(|r| r[1] - r[0] > min && r[1] - r[0] < max).copied().collect();
    Times { rows, ..times.clone() }
}

impl Interval {
    /// `interval.consolidate()`.
    pub fn consolidate(&self) -> Result<Interval> {
        self.child(consolidate_times(&self.keywords, &self.times)?)
    }

    /// `interval.by_length(min_length=0.0, max_length=1e10)`.
    pub fn by_length(&self, min: Option<f64>, max: Option<f64>) -> Result<Interval> {
        self.child(by_length_times(&self.times, min, max))
    }

    /// `interval.intersect(other, min_length=0)`: both consolidated, every overlapping pair's
    /// common part (sorted by start), then lengths above `min_length`.
    pub fn intersect(&self, other: &Times, min_length: Option<f64>) -> Result<Interval> {
        let mine = consolidate_times(&self.keywords, &self.times)?;
        let theirs = consolidate_times(&self.keywords, other)?;
        let mut picks: Vec<[Num; 2]> = Vec::new();
        for &b in theirs.rows() {
            for &a in mine.rows() {
                if overlap(a, b) {
                    // `_set_intersect(i2, i1)`: the other list's element wins a tie.
                    let (a, b) = (mine.nums(a), theirs.nums(b));
                    picks.push([Num::max(b[0], a[0]), Num::min(b[1], a[1])]);
                }
            }
        }
        if picks.is_empty() {
            return self.child(Times::empty());
        }
        let mut found = Times::from_nums(&picks);
        found.rows.sort_by(|a, b| super::cmp_f64(a[0], b[0]));
        self.child(by_length_times(&found, min_length, None))
    }

    /// `interval.union(other)`: every time in either, touching rows joined. (Spyglass's
    /// `min_length` and `max_length` are accepted and unused.)
    pub fn union(&self, other: &Times) -> Result<Interval> {
        // Each bound with +1 for a start, -1 for a stop, sorted by time with starts first.
        let mut bounds: Vec<(f64, i32)> = Vec::new();
        for times in [&self.times, other] {
            for r in times.rows() {
                bounds.push((r[0], 1));
                bounds.push((r[1], -1));
            }
        }
        if bounds.is_empty() {
            return self.child(Times::empty());
        }
        bounds.sort_by(|a, b| super::cmp_f64(a.0, b.0).then(b.1.cmp(&a.1)));
        let mut rows = Vec::new();
        let (mut depth, mut start) = (0, 0.0);
        for (t, step) in bounds {
            if depth == 0 {
                start = t;
            }
            depth += step;
            if depth == 0 {
                rows.push([start, t]);
            }
        }
        self.child(Times::new(rows, self.times.is_int() && other.is_int()))
    }

    /// `interval.subtract(other, reverse=False, min_length=None, max_length=None)`: the parts of
    /// each row of the first list (`self`, or `other` when `reverse`) outside the second. Like
    /// Spyglass, it walks both lists once, expecting them sorted.
    pub fn subtract(&self, other: &Times, reverse: bool, min: Option<f64>, max: Option<f64>) -> Result<Interval> {
        let (first, second) = if reverse { (other, &self.times) } else { (&self.times, other) };
        let mut out: Vec<[Num; 2]> = Vec::new();
        let mut j = 0;
        for &row in first.rows() {
            let [start1, end1] = first.nums(row);
            while j < second.len() && second.rows()[j][1] <= start1.value {
                j += 1;
            }
            let mut current = start1;
            while j < second.len() && second.rows()[j][0] < end1.value {
                let [start2, end2] = second.nums(second.rows()[j]);
                if current.value < start2.value {
                    out.push([current, Num::min(start2, end1)]);
                }
                current = Num::max(current, end2);
                j += 1;
            }
            if current.value < end1.value {
                out.push([current, end1]);
            }
        }
        let mut found = Times::from_nums(&out);
        if min.is_some() || max.is_some() {
            found = by_length_times(&found, min, max);
        }
        self.child(found)
    }
}
