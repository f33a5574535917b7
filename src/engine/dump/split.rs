//! A dump file cut into statements, each with the line it starts on. Comments go (`-- `, `#`,
//! `/* */`); MySQL's versioned comments `/*!40101 ... */` are unwrapped, since MySQL runs their
//! content (mysqldump wraps its SET lines and table options in them).

/// One statement's text and its first line (1-based).
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    /// The statement without its `;`.
    pub text: String,
    /// The line it starts on.
    pub line: usize,
}

/// Cut `src` into statements; an unterminated quote or comment is an error naming its line.
pub fn split(src: &str) -> Result<Vec<Piece>, (usize, String)> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut cur = String::new();
    let (mut line, mut start, mut started) = (1usize, 1usize, false);
    let mut i = 0;
    let mut copy_from = 0;
    // Flush b[copy_from..i] into `cur` (kept bytes are whole UTF-8 runs: cuts fall on ASCII).
    macro_rules! keep {
        () => {
            cur.push_str(&src[copy_from..i]);
        };
    }
    while i < b.len() {
        let c = b[i];
        let comment =
            b[i..].starts_with(b"-- ") || c == b'#' || (b[i..].starts_with(b"/*") && !b[i..].starts_with(b"/*!"));
        if !started && !c.is_ascii_whitespace() && !comment {
            (started, start) = (true, line);
        }
        match c {
            b'\n' => {
                line += 1;
                i += 1;
            }
            b'\'' | b'"' | b'`' => {
                let open = line;
                let opened_at = i;
                i += 1;
                loop {
                    match b.get(i) {
                        None => return Err((open, format!("unterminated {} quote", c as char))),
                        Some(b'\\') if c != b'`' => i += 2,
                        Some(&q) if q == c => {
                            // A doubled quote is the quote itself.
                            if b.get(i + 1) == Some(&c) {
                                i += 2;
                            } else {
                                i += 1;
                                break;
                            }
                        }
                        Some(b'\n') => {
                            line += 1;
                            i += 1;
                        }
                        Some(_) => i += 1,
                    }
                }
                if c == b'"' {
                    // MySQL reads "..." as a string (DataJoint writes comments and defaults so);
                    // the parser is handed it single-quoted.
                    cur.push_str(&src[copy_from..opened_at]);
                    cur.push_str(&single_quoted(&src[opened_at + 1..i - 1]));
                    copy_from = i;
                }
            }
            b'-' if b[i..].starts_with(b"-- ") || b[i..].starts_with(b"--\n") || &b[i..] == b"--" => {
                keep!();
                i = b[i..].iter().position(|x| *x == b'\n').map_or(b.len(), |p| i + p);
                copy_from = i;
            }
            b'#' => {
                keep!();
                i = b[i..].iter().position(|x| *x == b'\n').map_or(b.len(), |p| i + p);
                copy_from = i;
            }
            b'/' if b[i..].starts_with(b"/*!") => {
                // Keep the content: skip `/*!` and the version digits; the `*/` is dropped below.
                keep!();
                i += 3;
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
                copy_from = i;
                cur.push(' ');
            }
            b'/' if b[i..].starts_with(b"/*") => {
                keep!();
                let open = line;
                let end = src[i + 2..].find("*/").ok_or((open, "unterminated /* comment".to_string()))?;
                line += src[i..i + 2 + end].matches('\n').count();
                i += end + 4;
                copy_from = i;
                cur.push(' ');
            }
            b'*' if b[i..].starts_with(b"*/") => {
                // The end of a versioned comment.
                keep!();
                i += 2;
                copy_from = i;
                cur.push(' ');
            }
            b';' => {
                keep!();
                let text = cur.trim().to_string();
                if !text.is_empty() {
                    out.push(Piece { text, line: start });
                }
                cur.clear();
                started = false;
                i += 1;
                copy_from = i;
            }
            _ => i += 1,
        }
    }
    keep!();
    let text = cur.trim().to_string();
    if !text.is_empty() {
        out.push(Piece { text, line: start });
    }
    Ok(out)
}

/// The text of a double-quoted MySQL string as a single-quoted one: `""` is a quote, a
/// backslash escape stays as it is, a single quote gets a backslash.
fn single_quoted(inner: &str) -> String {
    let mut out = String::from("'");
    let mut chars = inner.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\\' => {
                out.push('\\');
                if let Some(next) = chars.next() {
                    out.push(next);
                }
            }
            '"' if chars.peek() == Some(&'"') => {
                chars.next();
                out.push('"');
            }
            '\'' => out.push_str("\\'"),
            other => out.push(other),
        }
    }
    out.push('\'');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mysqldump_comments_and_versioned_comments() {
        let src = "-- MariaDB dump\n/*!40101 SET NAMES utf8mb4 */;\n\nCREATE TABLE `#a` (\n `x` int -- c\n);\nINSERT INTO `#a` VALUES (1,'a;b''c');\n";
        let pieces = split(src).unwrap();
        let texts: Vec<(&str, usize)> = pieces.iter().map(|p| (p.text.as_str(), p.line)).collect();
        assert_eq!(
            texts,
            [
                ("SET NAMES utf8mb4", 2),
                ("CREATE TABLE `#a` (\n `x` int \n)", 4),
                ("INSERT INTO `#a` VALUES (1,'a;b''c')", 7)
            ]
        );
    }

    #[test]
    fn double_quoted_strings_become_single_quoted() {
        let pieces = split("COMMENT \"it's \"\"x\"\" \\\" y\", `a\"b`;").unwrap();
        assert_eq!(pieces[0].text, "COMMENT 'it\\'s \"x\" \\\" y', `a\"b`");
    }

    #[test]
    fn unterminated_quote_names_its_line() {
        assert_eq!(split("SELECT 1;\nINSERT INTO t VALUES ('x);\n"), Err((2, "unterminated ' quote".to_string())));
    }
}
