//! `uuid.UUID(str)` as DataJoint calls it on insert: the forms Python accepts, and DataJoint's
//! error for the rest.

use crate::engine::error::{Error, Kind, Result};
use crate::engine::py;
use crate::engine::value::Value;

/// The 16 bytes of a UUID value, or DataJoint's ``badly formed UUID value {v} for attribute `{n}` ``.
pub fn uuid_bytes(v: &Value, column: &str) -> Result<[u8; 16]> {
    let bad = || Error::dj(format!("badly formed UUID value {} for attribute `{column}`", py::value_str(v)));
    match v {
        Value::Str(s) => parse(s).ok_or_else(bad),
        // Python: `hex.replace('urn:', '')` on bytes raises an uncaught TypeError.
        Value::Bytes(_) => Err(Error::new(Kind::TypeError, "a bytes-like object is required, not 'str'")),
        // Anything else has no `.replace`: AttributeError, which DataJoint turns into its error.
        _ => Err(bad()),
    }
}

/// Python: drop 'urn:' and 'uuid:', strip braces from both ends, drop hyphens, require 32
/// characters, then `int(hex, 16)`, which allows surrounding whitespace, a sign, a 0x prefix
/// and single underscores between digits, and must land in 0 ≤ n < 2**128.
fn parse(s: &str) -> Option<[u8; 16]> {
    let h = s.replace("urn:", "").replace("uuid:", "");
    let h = h.trim_matches(|c| c == '{' || c == '}').replace('-', "");
    if h.chars().count() != 32 {
        return None;
    }
    let t = h.trim();
    let (neg, t) = match t.as_bytes().first() {
        Some(b'+') => (false, &t[1..]),
        Some(b'-') => (true, &t[1..]),
        _ => (false, t),
    };
    let t = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")).map_or(t, |r| r.strip_prefix('_').unwrap_or(r));
    let b = t.as_bytes();
    if b.is_empty() || b[0] == b'_' || b[b.len() - 1] == b'_' || t.contains("__") {
        return None;
    }
    let mut n: u128 = 0;
    for c in t.chars().filter(|c| *c != '_') {
        n = n.checked_mul(16)?.checked_add(u128::from(c.to_digit(16)?))?;
    }
    if neg && n != 0 {
        return None;
    }
    Some(n.to_be_bytes())
}

/// Canonical lowercase hyphenated text of 16 bytes.
pub fn canonical(b: &[u8]) -> String {
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    if hex.len() != 32 {
        return hex;
    }
    format!("{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..])
}

#[cfg(test)]
mod tests {
    use super::*;

    const C: &str = "12345678-1234-5678-1234-567812345678";

    // oracle: Python 3.11 uuid.UUID on each form.
    #[test]
    fn python_uuid_forms() {
        for (s, want) in [
            ("{12345678-1234-5678-1234-567812345678}", C),
            ("urn:uuid:12345678-1234-5678-1234-567812345678", C),
            ("12345678123456781234567812345678", C),
            ("12345678-1234-5678-1234-567812345678", C),
            ("{{12345678123456781234567812345678}}", C),
            ("1234-5678123456781234567812345678-", C),
            ("12345678-1234-5678-1234-56781234567A", "12345678-1234-5678-1234-56781234567a"),
            (" 2345678123456781234567812345678", "02345678-1234-5678-1234-567812345678"),
            ("+2345678123456781234567812345678", "02345678-1234-5678-1234-567812345678"),
            ("0x345678123456781234567812345678", "00345678-1234-5678-1234-567812345678"),
            ("1_345678123456781234567812345678", "01345678-1234-5678-1234-567812345678"),
        ] {
            let b = uuid_bytes(&Value::from(s), "u").unwrap();
            assert_eq!(canonical(&b), want, "{s}");
        }
    }

    #[test]
    fn badly_formed_uuid_is_datajoints_error() {
        let e = uuid_bytes(&Value::from("not-a-uuid"), "subject_id").unwrap_err();
        assert_eq!(e.kind, Kind::DataJointError);
        assert_eq!(e.message, "badly formed UUID value not-a-uuid for attribute `subject_id`");
        let e = uuid_bytes(&Value::Int(5), "u").unwrap_err();
        assert_eq!(e.message, "badly formed UUID value 5 for attribute `u`");
        assert!(uuid_bytes(&Value::from("g2345678123456781234567812345678"), "u").is_err());
    }
}
