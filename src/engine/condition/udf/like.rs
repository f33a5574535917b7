//! MySQL's LIKE under utf8mb4_0900_ai_ci: `%` and `_` wildcards, `\` (or ESCAPE's character)
//! quoting the next one, characters compared case- and accent-insensitively one by one; and
//! REGEXP, case-insensitive as the collation makes it.

use rusqlite::functions::Context;
use rusqlite::types::Value;

use super::value::arg_text;
use crate::engine::collation;

#[derive(Debug, PartialEq)]
enum Tok {
    Lit(String),
    One,
    Any,
}

/// One character's comparison key.
fn key(c: char, binary: bool) -> String {
    if binary {
        return c.to_string();
    }
    let mut buf = [0u8; 4];
    collation::fold(c.encode_utf8(&mut buf))
}

fn compile(pattern: &str, escape: Option<char>, binary: bool) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        if Some(c) == escape {
            // A trailing escape character stands for itself (oracle: 'a\' LIKE 'a\' is 1).
            let lit = chars.next().unwrap_or(c);
            out.push(Tok::Lit(key(lit, binary)));
        } else if c == '%' {
            if out.last() != Some(&Tok::Any) {
                out.push(Tok::Any);
            }
        } else if c == '_' {
            out.push(Tok::One);
        } else {
            out.push(Tok::Lit(key(c, binary)));
        }
    }
    out
}

/// Wildcard match with backtracking to the last `%` (linear in practice, quadratic at worst).
fn matches(value: &[String], pat: &[Tok]) -> bool {
    let (mut v, mut p) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while v < value.len() {
        match pat.get(p) {
            Some(Tok::Any) => {
                star = Some((p, v));
                p += 1;
            }
            Some(Tok::One) => {
                v += 1;
                p += 1;
            }
            Some(Tok::Lit(k)) if *k == value[v] => {
                v += 1;
                p += 1;
            }
            _ => match star {
                Some((sp, sv)) => {
                    p = sp + 1;
                    v = sv + 1;
                    star = Some((sp, sv + 1));
                }
                None => return false,
            },
        }
    }
    pat[p..].iter().all(|t| *t == Tok::Any)
}

/// `value LIKE pattern [ESCAPE escape]`; `binary` compares exactly (a `utf8mb4_bin` operand).
pub fn like(value: &str, pattern: &str, escape: Option<char>, binary: bool) -> bool {
    let keys: Vec<String> = value.chars().map(|c| key(c, binary)).collect();
    matches(&keys, &compile(pattern, escape, binary))
}

/// `mysql_like(value, pattern[, escape[, binary]])`: 1, 0 or NULL.
pub fn mysql_like(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    let (Some(value), Some(pattern)) = (arg_text(ctx, 0), arg_text(ctx, 1)) else {
        return Ok(Value::Null);
    };
    let escape = if ctx.len() > 2 {
        match arg_text(ctx, 2) {
            // An empty ESCAPE falls back to the backslash in MySQL's default sql_mode.
            Some(e) => e.chars().next().or(Some('\\')),
            None => Some('\\'),
        }
    } else {
        Some('\\')
    };
    let binary = ctx.len() > 3 && super::value::arg_int(ctx, 3).unwrap_or(0) != 0;
    Ok(Value::Integer(i64::from(like(&value, &pattern, escape, binary))))
}

/// `mysql_regexp(value, pattern)`: case-insensitive search; NULL for NULL or a bad pattern (the
/// translation reports a bad literal pattern itself).
pub fn mysql_regexp(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    let (Some(value), Some(pattern)) = (arg_text(ctx, 0), arg_text(ctx, 1)) else {
        return Ok(Value::Null);
    };
    match regex::RegexBuilder::new(&pattern).case_insensitive(true).size_limit(1 << 20).build() {
        Ok(re) => Ok(Value::Integer(i64::from(re.is_match(&value)))),
        Err(_) => Ok(Value::Null),
    }
}

#[cfg(test)]
mod tests {
    use super::like;

    #[test]
    fn wildcards_and_escapes() {
        // oracle: 'é' LIKE 'e' = 1, 'É' LIKE '_' = 1, 'ab' LIKE 'a\_' = 0, 'a_' LIKE 'a\_' = 1,
        // 'a%' LIKE 'a|%' ESCAPE '|' = 1, 'a\' LIKE 'a\' = 1, 'ab' LIKE 'a%b%' = 1.
        assert!(like("é", "e", Some('\\'), false));
        assert!(like("É", "_", Some('\\'), false));
        assert!(!like("ab", "a\\_", Some('\\'), false));
        assert!(like("a_", "a\\_", Some('\\'), false));
        assert!(like("a%", "a|%", Some('|'), false));
        assert!(like("a\\", "a\\", Some('\\'), false));
        assert!(like("ab", "a%b%", Some('\\'), false));
        assert!(!like("Straße", "strasse", Some('\\'), false));
        assert!(like("xaaab", "%a%ab", Some('\\'), false));
        assert!(!like("Alice", "alice", Some('\\'), true));
    }
}
