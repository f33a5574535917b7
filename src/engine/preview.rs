//! The table DataJoint prints for `repr(query)` (and Jupyter's plain-text view): the first rows
//! in key order, `*` on key columns, `=BLOB=` for blobs, `...` when there are more, the total.

use super::error::Result;
use super::fetch::FetchSpec;
use super::py::float_repr;
use super::query::{Column, Query};
use super::types::AttrType;
use super::value::Value;
use super::world::World;

/// `display.limit` and `display.width` of `dj.config`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Display {
    /// Rows shown (`display.limit`, 12).
    pub limit: usize,
    /// Column width cap (`display.width`, 14).
    pub width: usize,
    /// Print ` (Total: N)` (`display.show_tuple_count`, true).
    pub show_tuple_count: bool,
}

impl Default for Display {
    fn default() -> Self {
        Display { limit: 12, width: 14, show_tuple_count: true }
    }
}

/// A value as `str()` prints an element of the array DataJoint fetches: NULL floats are NaN,
/// other NULLs `None`, decimals with their scale.
fn cell(col: &Column, v: &Value) -> String {
    match (&col.ty, v) {
        (Some(AttrType::Float { .. }), Value::Null) => "nan".into(),
        (_, Value::Null) => "None".into(),
        (Some(AttrType::Decimal { scale, .. }), Value::Float(f)) => format!("{:.*}", *scale as usize, f),
        (_, Value::Float(f)) => float_repr(*f),
        (_, Value::Int(i)) => i.to_string(),
        (_, Value::Str(s)) => s.clone(),
        (_, other) => super::py::value_str(other),
    }
}

/// `%-N.Ns`: pad or cut to exactly `n` characters.
fn fit(s: &str, n: usize) -> String {
    let cut: String = s.chars().take(n).collect();
    format!("{cut:<n$}")
}

impl World {
    /// DataJoint's preview text of a query expression.
    pub fn preview(&self, q: &Query, display: Display) -> Result<String> {
        let shown: Vec<&Column> = q.heading().iter().collect();
        let non_blobs: Vec<String> = shown.iter().filter(|c| !c.is_blob()).map(|c| c.name.clone()).collect();
        let spec = FetchSpec {
            attrs: non_blobs.clone(),
            order_by: vec!["KEY".into()],
            limit: Some(display.limit as u64 + 1),
            offset: None,
        };
        let mut rows = if non_blobs.is_empty() { Vec::new() } else { self.fetch(q, &spec)?.rows };
        let has_more = rows.len() > display.limit;
        rows.truncate(display.limit);
        let mut texts: Vec<Vec<String>> = vec![Vec::new(); rows.len()];
        let mut widths = Vec::new();
        for col in &shown {
            let pos = non_blobs.iter().position(|n| *n == col.name);
            let values: Vec<String> = match pos {
                Some(p) => rows.iter().map(|r| cell(col, &r[p])).collect(),
                None => vec!["=BLOB=".to_string(); rows.len()],
            };
            let widest = match pos {
                Some(_) => values.iter().map(|v| v.chars().count()).chain([col.name.chars().count()]).max(),
                None => Some("=BLOB=".len()),
            };
            widths.push((widest.unwrap_or(0) + 4).min(display.width));
            for (t, v) in texts.iter_mut().zip(values) {
                t.push(v);
            }
        }
        let header: Vec<String> = shown
            .iter()
            .zip(&widths)
            .map(|(c, w)| fit(&if c.in_key { format!("*{}", c.name) } else { c.name.clone() }, *w))
            .collect();
        let rule: Vec<String> = widths.iter().map(|w| format!("+{}+", "-".repeat(w.saturating_sub(2)))).collect();
        let body: Vec<String> = texts
            .iter()
            .map(|row| row.iter().zip(&widths).map(|(v, w)| fit(v, *w)).collect::<Vec<_>>().join(" "))
            .collect();
        let mut out = format!("{}\n{}\n{}", header.join(" "), rule.join(" "), body.join("\n"));
        out.push_str(if has_more { "\n   ...\n" } else { "\n" });
        if display.show_tuple_count {
            out.push_str(&format!(" (Total: {})\n", self.preview_len(q)?));
        }
        Ok(out)
    }
}
