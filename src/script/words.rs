//! The words (identifiers and keywords) of a script's text outside comments and strings, with
//! where they are: what the debugger and the catch rewrite look for before rhai parses.

/// A word of the script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    /// Its text.
    pub text: &'a str,
    /// Byte offset just past it.
    pub end: usize,
    /// Its line (1-based).
    pub line: usize,
}

/// Every word outside `//` and `/* */` comments and `"`, `` ` `` and `'` literals.
pub fn words(source: &str) -> Vec<Word<'_>> {
    let mut words = Vec::new();
    let (mut line, mut chars) = (1, source.char_indices().peekable());
    while let Some((i, c)) = chars.next() {
        match c {
            '\n' => line += 1,
            '/' if chars.peek().map(|p| p.1) == Some('/') => {
                while chars.peek().is_some_and(|p| p.1 != '\n') {
                    chars.next();
                }
            }
            '/' if chars.peek().map(|p| p.1) == Some('*') => {
                let mut prev = ' ';
                for (_, d) in chars.by_ref() {
                    line += usize::from(d == '\n');
                    if prev == '*' && d == '/' {
                        break;
                    }
                    prev = d;
                }
            }
            '"' | '`' | '\'' => {
                let mut escaped = false;
                for (_, d) in chars.by_ref() {
                    line += usize::from(d == '\n');
                    if d == c && !escaped {
                        break;
                    }
                    escaped = d == '\\' && !escaped;
                }
            }
            c if c.is_alphabetic() || c == '_' => {
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = chars.peek().filter(|p| p.1.is_alphanumeric() || p.1 == '_') {
                    end = j + d.len_utf8();
                    chars.next();
                }
                words.push(Word { text: &source[i..end], end, line });
            }
            _ => {}
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::words;

    #[test]
    fn words_skip_comments_and_strings_and_know_their_lines() {
        let src = "let a = 1;\n// breakpoint()\nbreakpoint();\nlet s = \"breakpoint()\";\n/* breakpoint()\n */\nfn f() {\n  breakpoint()\n}\n";
        let found: Vec<_> = words(src).into_iter().filter(|w| w.text == "breakpoint").map(|w| w.line).collect();
        assert_eq!(found, vec![3, 8]);
        let w = &words("x `a ${b}` y")[1];
        assert_eq!((w.text, w.end), ("y", 12));
    }
}
