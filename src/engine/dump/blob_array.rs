//! MATLAB-style numeric arrays inside DataJoint blobs (code `A`, `blob.py`'s `read_array`):
//! `ndim`, the shape, a class id and a complex flag (u32 each), then the elements. A scalar or
//! a vector becomes a number or a list of numbers (the sandbox keeps arrays as lists); other
//! shapes and classes are refused with a clear error.

use super::blob::Reader;
use crate::engine::{Error, Result, Value};

fn unsupported(what: &str) -> Error {
    Error::dj(format!("blob arrays of {what} are not supported by import"))
}

fn u32_at(r: &mut Reader) -> Result<u32> {
    Ok(u32::from_le_bytes(r.take(4)?.try_into().expect("4 bytes")))
}

/// Read the array that starts at the reader (just after the `A`).
pub(super) fn read_array(r: &mut Reader) -> Result<Value> {
    let ndim = r.u64()?;
    if ndim > 32 {
        return Err(unsupported("more than 32 dimensions"));
    }
    let shape: Vec<usize> = (0..ndim).map(|_| r.u64()).collect::<Result<_>>()?;
    let class = u32_at(r)?;
    let complex = u32_at(r)?;
    if complex != 0 {
        return Err(unsupported("complex numbers"));
    }
    if shape.iter().filter(|d| **d != 1).count() > 1 {
        return Err(unsupported("more than one non-singleton dimension"));
    }
    // At most one dimension is not 1, so the product cannot overflow.
    let n = shape.iter().product::<usize>();
    let (size, read): (usize, fn(&[u8]) -> Value) = match class {
        3 => (1, |s| Value::Bool(s[0] != 0)),
        6 => (8, |s| Value::Float(f64::from_le_bytes(s.try_into().expect("8")))),
        7 => (4, |s| Value::Float(f32::from_le_bytes(s.try_into().expect("4")) as f64)),
        8 => (1, |s| Value::Int(s[0] as i8 as i64)),
        9 => (1, |s| Value::Int(s[0] as i64)),
        10 => (2, |s| Value::Int(i16::from_le_bytes(s.try_into().expect("2")) as i64)),
        11 => (2, |s| Value::Int(u16::from_le_bytes(s.try_into().expect("2")) as i64)),
        12 => (4, |s| Value::Int(i32::from_le_bytes(s.try_into().expect("4")) as i64)),
        13 => (4, |s| Value::Int(u32::from_le_bytes(s.try_into().expect("4")) as i64)),
        14 => (8, |s| Value::Int(i64::from_le_bytes(s.try_into().expect("8")))),
        15 => (8, |s| Value::Int(u64::from_le_bytes(s.try_into().expect("8")) as i64)),
        other => return Err(unsupported(&format!("class {other}"))),
    };
    let data = r.take(n.checked_mul(size).ok_or_else(|| unsupported("that size"))?)?;
    let items: Vec<Value> = data.chunks(size).map(read).collect();
    Ok(match (ndim, items.len()) {
        (0, 1) => items.into_iter().next().expect("one"),
        _ => Value::List(items),
    })
}
