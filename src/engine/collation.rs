//! MySQL 8.0's default collation `utf8mb4_0900_ai_ci`, registered in SQLite as `MYSQL_AI_CI`:
//! case- and accent-insensitive ('Beaver' = 'beaver' = 'béaver'), trailing spaces significant
//! (NO PAD). Used for varchar/char/enum columns: equality, uniqueness, ordering and LIKE.
//!
//! The comparison key is: canonical decomposition (NFD), combining marks dropped, then Unicode
//! lowercase with a few full case folds (ß → ss, ﬁ → fi, ...), compared by code point. This is
//! an approximation of the UCA 9.0.0 weights MySQL uses: equality matches it for Latin text
//! (including 'ß' = 'ss', which utf8mb4_0900_ai_ci also treats as equal at the primary level);
//! ordering between letters and punctuation or between scripts follows code points, not UCA.

use std::cmp::Ordering;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// The collation's name in SQLite DDL.
pub const NAME: &str = "MYSQL_AI_CI";

/// Compare two strings as utf8mb4_0900_ai_ci does.
pub fn compare(a: &str, b: &str) -> Ordering {
    if a.is_ascii() && b.is_ascii() {
        // Fast path, no allocation: ASCII case-insensitive, byte order otherwise, and a proper
        // prefix sorts first (NO PAD: 'a' < 'a ').
        let (x, y) = (a.as_bytes(), b.as_bytes());
        for (p, q) in x.iter().zip(y) {
            match p.to_ascii_lowercase().cmp(&q.to_ascii_lowercase()) {
                Ordering::Equal => {}
                other => return other,
            }
        }
        return x.len().cmp(&y.len());
    }
    keys(a).cmp(keys(b))
}

/// The comparison key of `s`: two strings compare equal exactly when their folds are equal.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    keys(s).collect()
}

/// The folded characters of `s`, lazily: no allocation beyond small per-character buffers.
fn keys(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().flat_map(|c| {
        let mut base: [char; 4] = ['\0'; 4];
        let mut n = 0;
        if c.is_ascii() {
            base[0] = c.to_ascii_lowercase();
            n = 1;
        } else {
            decompose_canonical(c, |d| {
                if !is_combining_mark(d) && n < base.len() {
                    base[n] = d;
                    n += 1;
                }
            });
        }
        base.into_iter().take(n).flat_map(fold_char)
    })
}

/// Lowercase one character, with the full case folds that expand to several letters.
fn fold_char(c: char) -> FoldIter {
    let special: Option<&'static str> = match c {
        'ß' | 'ẞ' => Some("ss"),
        'ﬀ' => Some("ff"),
        'ﬁ' => Some("fi"),
        'ﬂ' => Some("fl"),
        'ﬃ' => Some("ffi"),
        'ﬄ' => Some("ffl"),
        'ﬅ' | 'ﬆ' => Some("st"),
        'æ' | 'Æ' => Some("ae"),
        'œ' | 'Œ' => Some("oe"),
        // Letters with strokes have no decomposition but are accent variants in the UCA.
        'ø' | 'Ø' => Some("o"),
        'đ' | 'Đ' => Some("d"),
        'ł' | 'Ł' => Some("l"),
        'ı' => Some("i"),
        _ => None,
    };
    match special {
        Some(s) => FoldIter::Str(s.chars()),
        None => FoldIter::Lower(c.to_lowercase()),
    }
}

enum FoldIter {
    Str(std::str::Chars<'static>),
    Lower(std::char::ToLowercase),
}

impl Iterator for FoldIter {
    type Item = char;
    fn next(&mut self) -> Option<char> {
        match self {
            FoldIter::Str(s) => s.next(),
            FoldIter::Lower(l) => l.next(),
        }
    }
}

/// Register [`NAME`] on a connection.
pub fn register(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    conn.create_collation(NAME, compare)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_accent_insensitive() {
        for (a, b) in
            [("Beaver", "beaver"), ("Beaver", "béaver"), ("béaver", "BÉAVER"), ("Æsop", "aesop"), ("Straße", "STRASSE")]
        {
            assert_eq!(compare(a, b), Ordering::Equal, "{a} = {b}");
            assert_eq!(fold(a), fold(b));
        }
        assert_eq!(compare("naïve", "NAIVE"), Ordering::Equal);
        assert_eq!(compare("Ångström", "angstrom"), Ordering::Equal);
    }

    #[test]
    fn trailing_spaces_are_significant() {
        assert_eq!(compare("a", "a "), Ordering::Less);
        assert_eq!(compare("a ", "a"), Ordering::Greater);
        assert_eq!(compare("é ", "e"), Ordering::Greater);
    }

    #[test]
    fn ordering() {
        assert_eq!(compare("apple", "Banana"), Ordering::Less);
        assert_eq!(compare("Zebra", "apple"), Ordering::Greater);
        assert_eq!(compare("éclair", "ezra"), Ordering::Less);
        assert_eq!(compare("", "a"), Ordering::Less);
        assert_eq!(compare("mouse", "Mouse1"), Ordering::Less);
        assert_eq!(compare("Ö", "p"), Ordering::Less);
    }

    #[test]
    fn sqlite_uses_it_for_equality_and_keys() {
        let c = rusqlite::Connection::open_in_memory().unwrap();
        register(&c).unwrap();
        let eq: bool = c.query_row("SELECT 'Beaver' = 'béaver' COLLATE MYSQL_AI_CI", [], |r| r.get(0)).unwrap();
        assert!(eq);
        c.execute_batch("CREATE TABLE t (name TEXT COLLATE MYSQL_AI_CI PRIMARY KEY)").unwrap();
        c.execute("INSERT INTO t VALUES ('Beaver')", []).unwrap();
        let dup = c.execute("INSERT INTO t VALUES ('beaver')", []).unwrap_err();
        assert!(dup.to_string().contains("UNIQUE"), "{dup}");
        c.execute("INSERT INTO t VALUES ('beaver ')", []).unwrap();
        let n: i64 = c.query_row("SELECT count(*) FROM t WHERE name = 'BÉAVER'", [], |r| r.get(0)).unwrap();
        assert_eq!(n, 1);
    }
}
