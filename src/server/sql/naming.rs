//! MySQL names a computed result column by its text as written in the select list
//! (`COUNT( * )`, `1+2`): the select list is split at its top-level commas, from after
//! `SELECT` and its modifiers up to the first clause keyword.

/// Words that end the select list.
const CLAUSES: &[&str] =
    &["FROM", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "INTO", "UNION", "WINDOW", "FOR", "LOCK"];
/// Modifiers between SELECT and the first item.
const MODIFIERS: &[&str] = &[
    "DISTINCT",
    "ALL",
    "DISTINCTROW",
    "HIGH_PRIORITY",
    "STRAIGHT_JOIN",
    "SQL_SMALL_RESULT",
    "SQL_BIG_RESULT",
    "SQL_BUFFER_RESULT",
    "SQL_NO_CACHE",
    "SQL_CALC_FOUND_ROWS",
];

/// The texts of the select list's items, `from` being the byte offset just after `SELECT`.
pub fn item_texts(text: &str, from: usize) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut i = from.min(text.len());
    // Skip the modifiers.
    loop {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let word_end =
            (i..bytes.len()).find(|&j| !(bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_')).unwrap_or(bytes.len());
        if word_end > i && MODIFIERS.iter().any(|m| m.eq_ignore_ascii_case(&text[i..word_end])) {
            i = word_end;
        } else {
            break;
        }
    }
    let mut items = Vec::new();
    let mut start = i;
    let mut depth = 0usize;
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'\'' | b'"' | b'`' => {
                i += 1;
                while i < bytes.len() && bytes[i] != c {
                    if bytes[i] == b'\\' && c != b'`' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'(' => depth += 1,
            b')' => depth = depth.saturating_sub(1),
            b',' if depth == 0 => {
                items.push(text[start..i].trim().to_string());
                start = i + 1;
            }
            b';' if depth == 0 => break,
            c if depth == 0 && c.is_ascii_alphabetic() && (i == 0 || !is_word(bytes[i - 1])) => {
                let end = (i..bytes.len()).find(|&j| !is_word(bytes[j])).unwrap_or(bytes.len());
                if CLAUSES.iter().any(|k| k.eq_ignore_ascii_case(&text[i..end])) {
                    break;
                }
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    items.push(text[start..i.min(text.len())].trim().to_string());
    items
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80
}

#[cfg(test)]
mod tests {
    use super::item_texts;

    #[test]
    fn items_as_written() {
        let sql = "SELECT DISTINCT COUNT( * ), 1+2, concat('a,b', \"x\"), `from` FROM t";
        assert_eq!(item_texts(sql, 6), ["COUNT( * )", "1+2", "concat('a,b', \"x\")", "`from`"]);
        assert_eq!(item_texts("SELECT 1", 6), ["1"]);
        assert_eq!(item_texts("SELECT now() is not null;", 6), ["now() is not null"]);
    }
}
