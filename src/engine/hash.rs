//! `dj.hash.key_hash`: MD5 over the key's values, sorted by attribute name, each as Python's
//! `str()`, concatenated without separator.

use md5::{Digest, Md5};

use super::py::value_str;
use super::value::Value;

/// The 32 hex digits `dj.hash.key_hash(mapping)` returns.
pub fn key_hash<'a>(mapping: impl IntoIterator<Item = (&'a str, &'a Value)>) -> String {
    let mut items: Vec<(&str, &Value)> = mapping.into_iter().collect();
    items.sort_by(|a, b| a.0.cmp(b.0));
    let mut md5 = Md5::new();
    for (_, v) in items {
        md5.update(value_str(v).as_bytes());
    }
    md5.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// `dj.hash.uuid_from_buffer(buf, init_string)`: the MD5 digest of both, as a UUID.
pub fn uuid_from_buffer(buf: &[u8], init_string: &str) -> uuid::Uuid {
    let mut md5 = Md5::new();
    md5.update(init_string.as_bytes());
    md5.update(buf);
    uuid::Uuid::from_bytes(md5.finalize().into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_hash_matches_datajoint() {
        // oracle: dj.hash.key_hash({"a": 1, "b": "x"}) == "38684612f0c6bb6dfa16da92f4a6878f"
        let (a, b) = (Value::Int(1), Value::from("x"));
        assert_eq!(key_hash([("b", &b), ("a", &a)]), "38684612f0c6bb6dfa16da92f4a6878f");
        // oracle: dj.hash.key_hash({}) == "d41d8cd98f00b204e9800998ecf8427e"
        assert_eq!(key_hash(std::iter::empty()), "d41d8cd98f00b204e9800998ecf8427e");
    }

    #[test]
    fn uuid_from_buffer_matches_datajoint() {
        // tests/test_hash.py: b"abc" → 900150983cd24fb0d6963f7d28e17f72
        assert_eq!(uuid_from_buffer(b"abc", "").simple().to_string(), "900150983cd24fb0d6963f7d28e17f72");
        assert_eq!(uuid_from_buffer(b"", "").simple().to_string(), "d41d8cd98f00b204e9800998ecf8427e");
    }
}
