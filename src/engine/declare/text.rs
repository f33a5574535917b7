//! Python and pyparsing text primitives the definition grammar is specified in terms of.

use std::sync::OnceLock;

use regex::Regex;

use crate::engine::py::str_repr;

/// Python's `str.isspace` (also what `\s` and `str.strip` use): Unicode White_Space plus the
/// ASCII separators U+001C..U+001F, which Python counts as whitespace and Rust does not.
pub fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `s.strip()`.
pub fn py_strip(s: &str) -> &str {
    s.trim_matches(py_isspace)
}

/// pyparsing's default whitespace, skipped before each element.
pub fn pp_isspace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// Python's `s.expandtabs()`: pyparsing expands tabs before parsing, so positions, error lines
/// and matched text all refer to the expanded line.
pub fn expand_tabs(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut col = 0usize;
    for c in s.chars() {
        match c {
            '\t' => {
                let n = 8 - col % 8;
                out.extend(std::iter::repeat_n(' ', n));
                col += n;
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    out
}

/// pyparsing's "found ..." token at char position `loc` of `chars`: up to 16 letters/digits of
/// its Latin/Greek/Cyrillic set, else one character, as `repr` prints it.
pub fn pp_found(chars: &[char], loc: usize) -> String {
    static WORD: OnceLock<Regex> = OnceLock::new();
    let rest: String = chars.get(loc..).unwrap_or(&[]).iter().collect();
    let Some(first) = rest.chars().next() else {
        return "end of text".to_string();
    };
    let word = WORD.get_or_init(|| {
        Regex::new(concat!(
            r"^[0-9A-Za-z\u{aa}\u{b2}\u{b3}\u{b5}\u{b9}\u{ba}\u{c0}-\u{d6}\u{d8}-\u{f6}",
            r"\u{f8}-\u{24f}\u{370}-\u{374}\u{376}\u{377}\u{37a}-\u{37d}\u{37f}\u{386}",
            r"\u{388}-\u{38a}\u{38c}\u{38e}-\u{3a1}\u{3a3}-\u{3e1}\u{3f0}-\u{3f5}\u{3f7}-\u{481}",
            r"\u{48a}-\u{52f}\u{1c80}-\u{1c88}\u{1d26}-\u{1d2b}\u{1d5e}\u{1d60}\u{1d66}-\u{1d6a}",
            r"\u{1d78}\u{1f00}-\u{1f15}\u{1f18}-\u{1f1d}\u{1f20}-\u{1f45}\u{1f48}-\u{1f4d}",
            r"\u{1f50}-\u{1f57}\u{1f59}\u{1f5b}\u{1f5d}\u{1f5f}-\u{1f7d}\u{1f80}-\u{1fb4}",
            r"\u{1fb6}-\u{1fbc}\u{1fbe}\u{1fc2}-\u{1fc4}\u{1fc6}-\u{1fcc}\u{1fd0}-\u{1fd3}",
            r"\u{1fd6}-\u{1fdb}\u{1fe0}-\u{1fec}\u{1ff2}-\u{1ff4}\u{1ff6}-\u{1ffc}\u{a640}-\u{a66e}",
            r"\u{a67f}-\u{a69d}\u{ab65}]{1,16}"
        ))
        .expect("static regex")
    });
    let found = match word.find(&rest) {
        Some(m) => m.as_str().to_string(),
        None => first.to_string(),
    };
    // pyparsing undoes the doubling of backslashes in the repr.
    str_repr(&found).replace("\\\\", "\\")
}

/// Where a Python-style quoted string (`'...'` or `"..."`, no escapes, single line) starting at
/// `i` ends (index just past the closing quote); pyparsing's `QuotedString` with its defaults.
pub fn quoted_end(chars: &[char], i: usize) -> Option<usize> {
    let q = *chars.get(i)?;
    if q != '\'' && q != '"' {
        return None;
    }
    let mut j = i + 1;
    while let Some(&c) = chars.get(j) {
        if c == q {
            return Some(j + 1);
        }
        if c == '\n' || c == '\r' {
            return None;
        }
        j += 1;
    }
    None
}

/// pyparsing's `SkipTo(target, ignore=quoted)` from `start`: the index of the first `target`
/// outside complete quoted strings.
pub fn skip_to(chars: &[char], start: usize, target: char) -> Option<usize> {
    let mut i = start;
    while i <= chars.len() {
        // Python tries the ignorer after optional whitespace; skipped text is kept either way.
        let mut j = i;
        while chars.get(j).is_some_and(|&c| pp_isspace(c)) {
            j += 1;
        }
        if let Some(end) = quoted_end(chars, j) {
            i = end;
            continue;
        }
        if chars.get(i) == Some(&target) {
            return Some(i);
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabs_expand_to_eight_columns() {
        assert_eq!(expand_tabs("x\tint"), "x       int");
        assert_eq!(expand_tabs("abcdefgh\ti"), "abcdefgh        i");
    }

    #[test]
    fn found_token() {
        let c: Vec<char> = "bb -> A".chars().collect();
        assert_eq!(pp_found(&c, 0), "'bb'");
        let c: Vec<char> = "\\x -> A".chars().collect();
        assert_eq!(pp_found(&c, 0), "'\\'");
        let c: Vec<char> = "'x -> A".chars().collect();
        assert_eq!(pp_found(&c, 0), "\"'\"");
        let c: Vec<char> = "ééééééééééééééééééé".chars().collect();
        assert_eq!(pp_found(&c, 0), "'éééééééééééééééé'");
    }

    #[test]
    fn skip_to_respects_quotes() {
        let c: Vec<char> = r#""http://x#y" : varchar(64) # c#"#.chars().collect();
        assert_eq!(skip_to(&c, 0, ':'), Some(13));
        assert_eq!(skip_to(&c, 0, '#'), Some(27));
        let c: Vec<char> = "'abc : int".chars().collect();
        assert_eq!(skip_to(&c, 0, ':'), Some(5));
    }
}
