//! DataJoint's own blob serialisation (`datajoint/blob.py`, protocol `dj0\0`): what real
//! DataJoint writes for Python values, so that a dump's blobs fetch back as the same dicts,
//! lists, numbers, strings and None. Lengths and counts are little-endian u64.

use std::collections::BTreeMap;

use crate::engine::{Error, Result, Value};

/// `dj0\0`: the protocol DataJoint uses once any Python-native type is packed.
const DJ0: &[u8] = b"dj0\0";
/// `mYm\0`: the MATLAB-compatible protocol (numeric arrays only).
const MYM: &[u8] = b"mYm\0";
/// zlib-compressed blobs start so (`ZL123\0`, length, zlib stream).
const ZL: &[u8] = b"ZL123\0";
/// Deeper nesting than this is refused when reading (stack safety on foreign bytes).
const MAX_DEPTH: usize = 1000;

/// Pack a value as `blob.pack(value, compress=False)` does. DataJoint compresses blobs over
/// 1000 bytes when that helps; an uncompressed blob reads back the same.
pub fn pack(v: &Value) -> Vec<u8> {
    let mut out = DJ0.to_vec();
    put(v, &mut out);
    out
}

fn len(n: usize, out: &mut Vec<u8>) {
    out.extend_from_slice(&(n as u64).to_le_bytes());
}

/// A nested item is preceded by its length (`len_u64(it) + it`).
fn put_item(v: &Value, out: &mut Vec<u8>) {
    let mut item = Vec::new();
    put(v, &mut item);
    len(item.len(), out);
    out.extend_from_slice(&item);
}

fn put(v: &Value, out: &mut Vec<u8>) {
    match v {
        Value::Null => out.push(0xff),
        Value::Bool(b) => out.extend_from_slice(&[0x0b, *b as u8]),
        Value::Int(i) => {
            // Python's `abs(v).bit_length() // 8 + 1` bytes, two's complement.
            let n = ((64 - i.unsigned_abs().leading_zeros()) / 8 + 1) as usize;
            out.push(0x0a);
            out.extend_from_slice(&(n as u16).to_le_bytes());
            out.extend_from_slice(&(*i as i128).to_le_bytes()[..n]);
        }
        Value::Float(f) => {
            out.push(0x0d);
            out.extend_from_slice(&f.to_le_bytes());
        }
        Value::Str(s) => {
            out.push(0x05);
            len(s.len(), out);
            out.extend_from_slice(s.as_bytes());
        }
        Value::Bytes(b) => {
            out.push(0x06);
            len(b.len(), out);
            out.extend_from_slice(b);
        }
        Value::List(items) => {
            out.push(0x02);
            len(items.len(), out);
            items.iter().for_each(|i| put_item(i, out));
        }
        Value::Map(m) => {
            out.push(0x04);
            len(m.len(), out);
            for (k, v) in m {
                put_item(&Value::Str(k.clone()), out);
                put_item(v, out);
            }
        }
    }
}

fn malformed(why: &str) -> Error {
    Error::dj(format!("Blob length check failed! Invalid blob ({why})"))
}

/// Unpack a DataJoint blob into a value: the Python-native types of protocol `dj0`, and
/// scalars, vectors and strings of MATLAB-style numeric arrays. Anything else is DataJoint's
/// error text for an unknown structure.
pub fn unpack(b: &[u8]) -> Result<Value> {
    if let Some(rest) = b.strip_prefix(ZL) {
        // `ZL123\0`, the uncompressed length (u64), then a zlib stream.
        let (size, stream) = rest.split_at_checked(8).ok_or_else(|| malformed("truncated"))?;
        let size = u64::from_le_bytes(size.try_into().expect("8 bytes")) as usize;
        let inflated = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(stream, size)
            .map_err(|_| malformed("bad zlib stream"))?;
        if inflated.len() != size {
            return Err(malformed("inflated length"));
        }
        return unpack(&inflated);
    }
    let body = b.strip_prefix(DJ0).or_else(|| b.strip_prefix(MYM)).ok_or_else(|| malformed("no dj0/mYm header"))?;
    let mut r = Reader { b: body, at: 0 };
    let v = r.value(0)?;
    if r.at != body.len() {
        return Err(malformed("trailing bytes"));
    }
    Ok(v)
}

/// Reads a blob's body front to back; every read is bounds-checked.
pub(super) struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    /// The next `n` bytes.
    pub(super) fn take(&mut self, n: usize) -> Result<&[u8]> {
        let end = self.at.checked_add(n).filter(|e| *e <= self.b.len()).ok_or_else(|| malformed("truncated"))?;
        let s = &self.b[self.at..end];
        self.at = end;
        Ok(s)
    }

    /// A little-endian u64 length or count.
    pub(super) fn u64(&mut self) -> Result<usize> {
        let s = self.take(8)?;
        Ok(u64::from_le_bytes(s.try_into().expect("8 bytes")) as usize)
    }

    /// A nested item: its length, then the item, which must fill it.
    fn item(&mut self, depth: usize) -> Result<Value> {
        let n = self.u64()?;
        let start = self.at;
        let v = self.value(depth + 1)?;
        if self.at - start != n {
            return Err(malformed("item length"));
        }
        Ok(v)
    }

    fn value(&mut self, depth: usize) -> Result<Value> {
        if depth > MAX_DEPTH {
            return Err(malformed("nested too deep"));
        }
        let code = self.take(1)?[0];
        Ok(match code {
            0xff => Value::Null,
            0x0b => Value::Bool(self.take(1)?[0] != 0),
            0x0a => {
                let n = u16::from_le_bytes(self.take(2)?.try_into().expect("2 bytes")) as usize;
                let bytes = self.take(n)?;
                let fill = if bytes.last().is_some_and(|b| b & 0x80 != 0) { 0xff } else { 0 };
                let mut full = [fill; 16];
                full[..n.min(16)].copy_from_slice(&bytes[..n.min(16)]);
                let wide = i128::from_le_bytes(full);
                Value::Int(i64::try_from(wide).map_err(|_| Error::dj("integers wider than 64 bits are not supported"))?)
            }
            0x0d => Value::Float(f64::from_le_bytes(self.take(8)?.try_into().expect("8 bytes"))),
            0x05 | b'd' => {
                let n = self.u64()?;
                let s = String::from_utf8(self.take(n)?.to_vec()).map_err(|_| malformed("string not UTF-8"))?;
                if code == b'd' {
                    Value::Float(s.parse().map_err(|_| malformed("decimal"))?)
                } else {
                    Value::Str(s)
                }
            }
            0x06 => {
                let n = self.u64()?;
                Value::Bytes(self.take(n)?.to_vec())
            }
            // tuple, list and set all come back as lists.
            0x01..=0x03 => {
                let n = self.u64()?;
                Value::List((0..n).map(|_| self.item(depth)).collect::<Result<_>>()?)
            }
            0x04 => {
                let n = self.u64()?;
                let mut m = BTreeMap::new();
                for _ in 0..n {
                    let key = match self.item(depth)? {
                        Value::Str(s) => s,
                        other => {
                            return Err(Error::dj(format!("dict keys other than strings are not supported: {other:?}")))
                        }
                    };
                    m.insert(key, self.item(depth)?);
                }
                Value::Map(m)
            }
            b'A' => super::blob_array::read_array(self)?,
            other => {
                return Err(Error::dj(format!("Unknown data structure code \"{}\". Upgrade datajoint.", other as char)))
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packs_like_datajoint() {
        // bytes of `dj.blob.pack({'a': 1, 'b': [1.5, 'x', None]}, compress=False)` (oracle).
        let v = Value::Map(BTreeMap::from([
            ("a".to_string(), Value::Int(1)),
            ("b".to_string(), Value::List(vec![Value::Float(1.5), Value::Str("x".into()), Value::Null])),
        ]));
        let packed = pack(&v);
        assert_eq!(hex(&packed), ORACLE_DICT);
        assert_eq!(unpack(&packed).unwrap(), v);
    }

    #[test]
    fn integers_take_python_bit_length() {
        for i in [0, 1, -1, 127, 128, -128, -129, 255, 65535, i64::MAX, i64::MIN] {
            assert_eq!(unpack(&pack(&Value::Int(i))).unwrap(), Value::Int(i), "{i}");
        }
        assert_eq!(hex(&pack(&Value::Int(128))), "646a30000a02008000");
        assert_eq!(hex(&pack(&Value::Int(-129))), "646a30000a02007fff");
    }

    #[test]
    fn bad_blobs_are_errors_not_panics() {
        assert!(unpack(b"dj0\0\x02\x05\x00").is_err());
        assert!(unpack(b"junk").is_err());
        assert!(unpack(b"dj0\0\x05\xff\xff\xff\xff\xff\xff\xff\xff").is_err());
    }

    #[test]
    fn compressed_blobs_inflate() {
        // `dj.blob.pack(list(range(200)))` on the oracle: over 1000 bytes, so zlib-compressed.
        let packed: Vec<u8> =
            (0..ORACLE_ZL.len() / 2).map(|i| u8::from_str_radix(&ORACLE_ZL[2 * i..2 * i + 2], 16).unwrap()).collect();
        assert_eq!(unpack(&packed).unwrap(), Value::List((0..200).map(Value::Int).collect()));
    }

    #[test]
    fn numeric_arrays_read_as_numbers_and_lists() {
        // `blob.pack(np.array([1.0, 2.5]))`, `blob.pack(np.int32(7))` and
        // `blob.pack({'v': np.array([1, 2, 3], dtype=np.uint8)})` on the oracle.
        let bytes = |h: &str| -> Vec<u8> {
            (0..h.len() / 2).map(|i| u8::from_str_radix(&h[2 * i..2 * i + 2], 16).unwrap()).collect()
        };
        let vector =
            bytes("6d596d0041010000000000000002000000000000000600000000000000000000000000f03f0000000000000440");
        assert_eq!(unpack(&vector).unwrap(), Value::List(vec![Value::Float(1.0), Value::Float(2.5)]));
        let scalar = bytes("646a30004100000000000000000c0000000000000007000000");
        assert_eq!(unpack(&scalar).unwrap(), Value::Int(7));
        let in_dict = bytes("646a30000401000000000000000a00000000000000050100000000000000761c0000000000000041010000000000000003000000000000000900000000000000010203");
        let v = Value::List(vec![Value::Int(1), Value::Int(2), Value::Int(3)]);
        assert_eq!(unpack(&in_dict).unwrap(), Value::Map(BTreeMap::from([("v".to_string(), v)])));
        // Cut short, or a shape whose size overflows: errors, not panics.
        assert!(unpack(&vector[..vector.len() - 3]).is_err());
        let mut huge = bytes("646a3000410100000000000000");
        huge.extend_from_slice(&[0xff; 8]);
        huge.extend_from_slice(&[6, 0, 0, 0, 0, 0, 0, 0]);
        assert_eq!(unpack(&huge).unwrap_err().message, "blob arrays of that size are not supported by import");
    }

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    const ORACLE_DICT: &str = "646a30000402000000000000000a000000000000000501000000000000006104000000000000000a0100010a0000000000000005010000000000000062350000000000000002030000000000000009000000000000000d000000000000f83f0a00000000000000050100000000000000780100000000000000ff";

    const ORACLE_ZL: &str = "5a4c31323300b509000000000000789c55c7675bcd0100c6e17f4719c7deabac8c889cecac6cb285ac10b2ca4c46f6c8caca8aecec95bd3233928fe505aeebf6bc79ee5f764e2408fd0afe2cfaef87a3fe73140ee11a381ac7e09ab816ae8debe030ae8bebe1fab8016e881be1c6b8096e8a9be1e6b8056e895be1d6b80d6e8b63711c6e87dbe30eb823ee84e37167dc0577c5dd7002ee8e7be044dc13f7c249b8378ee064dc07f7c5fd707f3c000fc483700a1e8c87e0a178181e8e53f1083c128fc2a3f1183c168fc3e3f1049c8627e24978329e82a7e269783a9e81d3f14c3c0bcfc619780e9e8be7e1f97801cec40bf122bc1867e12578295e86b3f172bc02afc4abf06a9c8373f11abc16afc3ebf106bc11e7e14d381f6fc65bf056bc0d17e0ed7807de8977e1dd784fcc3f8782bd01b1cfd86f1c300a8d83c621e3b071c4386a1419c78ce3c609e3a471ca28364e1b678cb3c639e3bc51625c302e1aa5c625e3b271c5b86a5c33ae1b378c32e3a671cbb86ddc31ee1af78cfbc603e3a1f1c8786c941b4f8ca7c633e3b9f1c27869bc325e1b6f8cb7c63ba3c2786f7c303e1a9f8ccfc617a3d2f86a7c33be1b3f8c2ae3a7511dfc06debc5bcd";
}
