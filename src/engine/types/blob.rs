//! The sandbox's blob encoding: any [`Value`], nested, exactly as inserted. A magic prefix marks
//! it; lengths and counts are little-endian u32, numbers 8 bytes. Decoding never panics: bytes
//! that are not this encoding come back as `Value::Bytes`.

use crate::engine::value::Value;

/// Marks a sandbox blob ("djsb" + format version 1).
const MAGIC: &[u8] = b"djsb\x01";

/// Nesting deeper than this is refused when decoding (stack safety on foreign bytes).
const MAX_DEPTH: usize = 1000;

/// Encode a value.
pub fn encode(v: &Value) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    put(v, &mut out);
    out
}

fn put_len(n: usize, out: &mut Vec<u8>) {
    out.extend_from_slice(&(n.min(u32::MAX as usize) as u32).to_le_bytes());
}

fn put(v: &Value, out: &mut Vec<u8>) {
    match v {
        Value::Null => out.push(0),
        Value::Bool(false) => out.push(1),
        Value::Bool(true) => out.push(2),
        Value::Int(i) => {
            out.push(3);
            out.extend_from_slice(&i.to_le_bytes());
        }
        Value::Float(f) => {
            out.push(4);
            out.extend_from_slice(&f.to_bits().to_le_bytes());
        }
        Value::Str(s) => {
            out.push(5);
            put_len(s.len(), out);
            out.extend_from_slice(s.as_bytes());
        }
        Value::Bytes(b) => {
            out.push(6);
            put_len(b.len(), out);
            out.extend_from_slice(b);
        }
        Value::List(items) => {
            out.push(7);
            put_len(items.len(), out);
            items.iter().for_each(|i| put(i, out));
        }
        Value::Map(m) => {
            out.push(8);
            put_len(m.len(), out);
            for (k, v) in m {
                put_len(k.len(), out);
                out.extend_from_slice(k.as_bytes());
                put(v, out);
            }
        }
    }
}

/// Decode bytes written by [`encode`]; anything else is returned as raw bytes.
pub fn decode(b: &[u8]) -> Value {
    let Some(body) = b.strip_prefix(MAGIC) else { return Value::Bytes(b.to_vec()) };
    let mut r = Reader { b: body, at: 0 };
    match r.value(0) {
        Some(v) if r.at == body.len() => v,
        _ => Value::Bytes(b.to_vec()),
    }
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let s = self.b.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }

    fn u32(&mut self) -> Option<usize> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?) as usize)
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    fn string(&mut self) -> Option<String> {
        let n = self.u32()?;
        String::from_utf8(self.take(n)?.to_vec()).ok()
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        if depth > MAX_DEPTH {
            return None;
        }
        Some(match self.take(1)?[0] {
            0 => Value::Null,
            1 => Value::Bool(false),
            2 => Value::Bool(true),
            3 => Value::Int(self.u64()? as i64),
            4 => Value::Float(f64::from_bits(self.u64()?)),
            5 => Value::Str(self.string()?),
            6 => {
                let n = self.u32()?;
                Value::Bytes(self.take(n)?.to_vec())
            }
            7 => {
                let n = self.u32()?;
                // Each item takes at least one byte: bounds the allocation by the input.
                let mut items = Vec::with_capacity(n.min(self.b.len() - self.at));
                for _ in 0..n {
                    items.push(self.value(depth + 1)?);
                }
                Value::List(items)
            }
            8 => {
                let n = self.u32()?;
                let mut m = std::collections::BTreeMap::new();
                for _ in 0..n {
                    let k = self.string()?;
                    m.insert(k, self.value(depth + 1)?);
                }
                Value::Map(m)
            }
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_values_round_trip_exactly() {
        let mut m = std::collections::BTreeMap::new();
        m.insert("a".to_string(), Value::List(vec![Value::Float(0.1), Value::Bool(true), Value::Null]));
        m.insert("b".to_string(), Value::Bytes(vec![0, 255, 7]));
        m.insert("c".to_string(), Value::Float(f64::NAN));
        m.insert("é".to_string(), Value::Map(Default::default()));
        let v = Value::List(vec![Value::Map(m), Value::Int(i64::MIN), Value::Str("x".into()), Value::Float(-0.0)]);
        let back = decode(&encode(&v));
        // NaN != NaN: compare the encodings.
        assert_eq!(encode(&back), encode(&v));
        let v2 = Value::List(vec![Value::Float(1.5), Value::Bool(false)]);
        assert_eq!(decode(&encode(&v2)), v2);
    }

    #[test]
    fn foreign_or_broken_bytes_come_back_raw() {
        assert_eq!(decode(b"hello"), Value::Bytes(b"hello".to_vec()));
        let mut bad = encode(&Value::Str("abc".into()));
        bad.pop();
        assert_eq!(decode(&bad), Value::Bytes(bad.clone()));
        let mut huge = MAGIC.to_vec();
        huge.extend_from_slice(&[7, 255, 255, 255, 255]);
        assert_eq!(decode(&huge), Value::Bytes(huge.clone()));
    }
}
