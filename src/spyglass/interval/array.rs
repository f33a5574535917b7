//! `Interval._extract` for values: what `np.asarray` makes of them (shape, dtype), then
//! Spyglass's checks (`start <= stop`, shape `(N, 2)`), each failure with numpy's or
//! Spyglass's own text.

use super::Times;
use crate::engine::py::value_type_name;
use crate::engine::{Error, Kind, Result, Value};

/// A value as an array of intervals (`None` is `np.array([])`). Maps (IntervalList keys) and
/// Intervals are the caller's: see [`super::resolve`].
pub fn extract(value: &Value) -> Result<Times> {
    match value {
        Value::Null => Ok(Times::empty()),
        Value::List(items) if items.is_empty() => Ok(Times::empty()),
        Value::List(_) => validate(discover(value)?),
        // A number becomes a 0-d array, which has no length.
        Value::Int(_) | Value::Float(_) | Value::Bool(_) => Err(type_error("len() of unsized object")),
        other => Err(type_error(format!("Unrecognized interval_list type: <class '{}'>", value_type_name(other)))),
    }
}

/// Spyglass's ValueError for a row that ends before it starts.
pub(super) const UNORDERED: &str = "All intervals must be in the form [start, stop] with start <= stop.";

/// numpy's view of a nested list: its shape and its leaves in row-major order.
struct NdArray<'a> {
    shape: Vec<usize>,
    leaves: Vec<&'a Value>,
}

/// `np.asarray`'s shape discovery: lists nest while every item at a depth is a list of the
/// same length; anything else is numpy's "inhomogeneous shape" ValueError.
fn discover(value: &Value) -> Result<NdArray<'_>> {
    let mut shape = Vec::new();
    let mut level = vec![value];
    loop {
        let lists: Vec<&Vec<Value>> = level
            .iter()
            .filter_map(|v| match v {
                Value::List(items) => Some(items),
                _ => None,
            })
            .collect();
        if lists.is_empty() {
            return Ok(NdArray { shape, leaves: level });
        }
        let len = lists[0].len();
        if lists.len() != level.len() || lists.iter().any(|l| l.len() != len) {
            return Err(Error::new(
                Kind::ValueError,
                format!(
                    "setting an array element with a sequence. The requested array has an inhomogeneous shape \
                     after {} dimensions. The detected shape was {} + inhomogeneous part.",
                    shape.len(),
                    shape_repr(&shape)
                ),
            ));
        }
        shape.push(len);
        level = lists.into_iter().flatten().collect();
    }
}

/// numpy's dtype for the leaves.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Dtype {
    Int,
    Float,
    /// `<U{n}`.
    Str(usize),
    Object,
}

fn dtype(leaves: &[&Value]) -> Dtype {
    if leaves.iter().any(|v| matches!(v, Value::Null | Value::Map(_) | Value::Bytes(_) | Value::List(_))) {
        return Dtype::Object;
    }
    if leaves.iter().any(|v| matches!(v, Value::Str(_))) {
        // Numbers become strings of numpy's widths for their dtypes.
        let width = leaves
            .iter()
            .map(|v| match v {
                Value::Str(s) => s.chars().count(),
                Value::Int(_) => 21,
                Value::Float(_) => 32,
                _ => 5,
            })
            .max()
            .unwrap_or(0);
        return Dtype::Str(width);
    }
    // Booleans count as ints here (numpy would keep a bool array; nobody times with them).
    if leaves.iter().all(|v| matches!(v, Value::Int(_) | Value::Bool(_))) && !leaves.is_empty() {
        return Dtype::Int;
    }
    Dtype::Float
}

fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Float(f) => Some(*f),
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        _ => None,
    }
}

/// `_expand_1d`, then `np.all(np.diff(times, axis=1) >= 0)` and `times.shape[1] == 2`.
fn validate(mut a: NdArray<'_>) -> Result<Times> {
    if a.shape.len() == 1 {
        a.shape.insert(0, 1);
    }
    let dtype = dtype(&a.leaves);
    // np.diff along axis 1: element (i, j+1, k) minus element (i, j, k).
    let (rows, cols) = (a.shape[0], a.shape[1]);
    let inner: usize = a.shape[2..].iter().product();
    if let Dtype::Str(n) = dtype {
        return Err(Error::new(
            Kind::UFuncTypeError,
            format!("ufunc 'subtract' did not contain a loop with signature matching types (dtype('<U{n}'), dtype('<U{n}')) -> None"),
        ));
    }
    let mut ordered = true;
    for i in 0..rows {
        for j in 1..cols {
            for k in 0..inner {
                let before = a.leaves[(i * cols + j - 1) * inner + k];
                let after = a.leaves[(i * cols + j) * inner + k];
                match (number(before), number(after)) {
                    (Some(b), Some(c)) => ordered &= c - b >= 0.0,
                    _ => {
                        return Err(type_error(format!(
                            "unsupported operand type(s) for -: '{}' and '{}'",
                            value_type_name(after),
                            value_type_name(before)
                        )))
                    }
                }
            }
        }
    }
    if !ordered {
        return Err(Error::new(Kind::ValueError, UNORDERED));
    }
    if a.shape.len() != 2 || cols != 2 {
        return Err(Error::new(
            Kind::ValueError,
            format!("Intervals must have shape (N, 2). Got shape {}.", shape_repr(&a.shape)),
        ));
    }
    let values: Vec<f64> = a.leaves.iter().map(|v| number(v).unwrap_or(f64::NAN)).collect();
    let rows = values.chunks(2).map(|p| [p[0], p[1]]).collect();
    Ok(Times::new(rows, dtype == Dtype::Int))
}

/// A shape as Python prints the tuple: `(2,)`, `(1, 3)`.
fn shape_repr(shape: &[usize]) -> String {
    match shape {
        [one] => format!("({one},)"),
        _ => format!("({})", shape.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(", ")),
    }
}

fn type_error(message: impl Into<String>) -> Error {
    Error::new(Kind::TypeError, message)
}
