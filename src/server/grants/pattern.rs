//! MySQL's wildcard patterns in grants: `_` matches one character, `%` any run of characters,
//! and `\` makes the next character literal (MySQL manual, "GRANT Statement": "The `_` and `%`
//! wildcards are permitted when specifying database names in GRANT statements that grant
//! privileges at the database level"; "Account Names": host patterns).

#[derive(Clone, Copy, PartialEq)]
enum Piece {
    Lit(char),
    One,
    Many,
}

fn pieces(pattern: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        out.push(match c {
            // A trailing backslash escapes nothing and stays literal, as in MySQL's wild_compare.
            '\\' => Piece::Lit(chars.next().unwrap_or('\\')),
            '_' => Piece::One,
            '%' => Piece::Many,
            c => Piece::Lit(c),
        });
    }
    out
}

/// Glob matching with backtracking to the last `%`: linear in practice, never exponential.
fn matches(pattern: &str, name: &str, fold_case: bool) -> bool {
    let pat = pieces(pattern);
    let text: Vec<char> = name.chars().collect();
    let same = |a: char, b: char| if fold_case { a.to_lowercase().eq(b.to_lowercase()) } else { a == b };
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        match pat.get(p) {
            Some(Piece::Many) => {
                star = Some((p, t));
                p += 1;
            }
            Some(Piece::One) => {
                p += 1;
                t += 1;
            }
            Some(Piece::Lit(c)) if same(*c, text[t]) => {
                p += 1;
                t += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    p = sp + 1;
                    t = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    pat[p..].iter().all(|x| *x == Piece::Many)
}

/// Whether database `name` matches the database part of a grant. Case-sensitive: the workshop
/// server runs on Linux with `lower_case_table_names=0` (oracle: `HGRANT_A2` is not matched by
/// `` `hgrant\_a%` ``).
pub fn db_matches(pattern: &str, name: &str) -> bool {
    matches(pattern, name, false)
}

/// Whether client host `host` matches an account's host pattern; host names compare
/// case-insensitively (MySQL manual, "Account Names").
pub fn host_matches(pattern: &str, host: &str) -> bool {
    matches(pattern, host, true)
}

/// MySQL's `has_wildcard_characters`: a database grant naming `_` or `%` anywhere (escaped or
/// not) is a pattern grant; `SHOW GRANTS` lists those after the plain ones.
pub fn has_wildcards(pattern: &str) -> bool {
    pattern.contains(['_', '%'])
}
