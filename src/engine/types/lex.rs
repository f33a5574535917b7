//! A tiny SQL lexer for column type texts and default literals: words, numbers, punctuation and
//! quoted strings with MySQL's escape rules. Each token keeps its byte offset so that syntax
//! errors can quote the rest of the text, as MySQL's "near '...'" does.

use crate::engine::error::Result;

use super::errors::syntax_error;

/// One token.
#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    /// An identifier or keyword, lowercased; also bare numbers.
    Word(String),
    /// A quoted string literal, unescaped.
    Str(String),
    /// `(`, `)`, `,` or any other single character.
    Punct(char),
}

/// A token with its byte offset in the source.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned {
    /// The token.
    pub tok: Tok,
    /// Byte offset of its first character.
    pub at: usize,
}

/// Split `text` into tokens; an unterminated string is a syntax error near its opening quote.
pub fn lex(text: &str) -> Result<Vec<Spanned>> {
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some(&(at, c)) = it.peek() {
        if c.is_whitespace() {
            it.next();
        } else if c.is_alphanumeric() || c == '_' || c == '$' || c == '.' && is_digit_next(text, at) {
            let mut end = at;
            while let Some(&(i, c)) = it.peek() {
                if c.is_alphanumeric() || c == '_' || c == '$' || c == '.' {
                    end = i + c.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            out.push(Spanned { tok: Tok::Word(text[at..end].to_lowercase()), at });
        } else if c == '\'' || c == '"' {
            it.next();
            let (s, closed) = read_string(&mut it, c);
            if !closed {
                return Err(syntax_error(&text[at..]));
            }
            out.push(Spanned { tok: Tok::Str(s), at });
        } else {
            it.next();
            out.push(Spanned { tok: Tok::Punct(c), at });
        }
    }
    Ok(out)
}

fn is_digit_next(text: &str, at: usize) -> bool {
    text[at..].chars().nth(1).is_some_and(|c| c.is_ascii_digit())
}

/// Read a quoted literal after its opening quote: a doubled quote is one quote, and backslash
/// escapes follow MySQL (`\n`, `\t`, `\0`, ...; `\%` and `\_` keep their backslash).
fn read_string(it: &mut std::iter::Peekable<std::str::CharIndices<'_>>, quote: char) -> (String, bool) {
    let mut s = String::new();
    while let Some((_, c)) = it.next() {
        if c == quote {
            if it.peek().is_some_and(|&(_, n)| n == quote) {
                it.next();
                s.push(quote);
                continue;
            }
            return (s, true);
        }
        if c == '\\' {
            let Some((_, e)) = it.next() else { return (s, false) };
            match e {
                'n' => s.push('\n'),
                't' => s.push('\t'),
                'r' => s.push('\r'),
                '0' => s.push('\0'),
                'b' => s.push('\u{8}'),
                'Z' => s.push('\u{1a}'),
                '%' | '_' => {
                    s.push('\\');
                    s.push(e);
                }
                other => s.push(other),
            }
            continue;
        }
        s.push(c);
    }
    (s, false)
}

/// A cursor over tokens that builds MySQL's syntax errors.
pub struct Cursor<'a> {
    text: &'a str,
    toks: Vec<Spanned>,
    pos: usize,
}

impl<'a> Cursor<'a> {
    /// Lex `text` and start at its first token.
    pub fn new(text: &'a str) -> Result<Self> {
        Ok(Cursor { text, toks: lex(text)?, pos: 0 })
    }

    /// The next token, if any, without consuming it.
    pub fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|s| &s.tok)
    }

    /// Consume and return the next token.
    pub fn next_tok(&mut self) -> Option<Tok> {
        let t = self.toks.get(self.pos).map(|s| s.tok.clone());
        if t.is_some() {
            self.pos += 1;
        }
        t
    }

    /// Consume the next token if it is the punctuation `c`.
    pub fn eat_punct(&mut self, c: char) -> bool {
        if self.peek() == Some(&Tok::Punct(c)) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Consume the next token if it is the keyword `w` (lowercase).
    pub fn eat_word(&mut self, w: &str) -> bool {
        if matches!(self.peek(), Some(Tok::Word(x)) if x == w) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Require the punctuation `c`.
    pub fn expect_punct(&mut self, c: char) -> Result<()> {
        if self.eat_punct(c) {
            Ok(())
        } else {
            Err(self.error())
        }
    }

    /// Require an unsigned integer; huge values saturate (MySQL then reports them as too big).
    pub fn number(&mut self) -> Result<u64> {
        if let Some(Tok::Word(w)) = self.peek() {
            if !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()) {
                let n = w.parse::<u64>().unwrap_or(u64::MAX);
                self.pos += 1;
                return Ok(n);
            }
        }
        Err(self.error())
    }

    /// Require the end of the text.
    pub fn end(&self) -> Result<()> {
        if self.pos < self.toks.len() {
            Err(self.error())
        } else {
            Ok(())
        }
    }

    /// A syntax error near the current token (or near the end).
    pub fn error(&self) -> crate::engine::error::Error {
        let at = self.toks.get(self.pos).map_or(self.text.len(), |s| s.at);
        syntax_error(&self.text[at..])
    }

    /// Go back one token.
    pub fn back(&mut self) {
        self.pos = self.pos.saturating_sub(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_unescape_like_mysql() {
        let t = lex(r#"'it''s' "a\nb" 'x\%'"#).unwrap();
        assert_eq!(t[0].tok, Tok::Str("it's".into()));
        assert_eq!(t[1].tok, Tok::Str("a\nb".into()));
        assert_eq!(t[2].tok, Tok::Str("x\\%".into()));
    }

    #[test]
    fn unterminated_string_is_a_syntax_error() {
        let e = lex("enum('a)").unwrap_err();
        assert_eq!(e.code, Some(1064));
        assert!(e.message.ends_with("near ''a)' at line 1"), "{}", e.message);
    }

    #[test]
    fn words_are_lowercased_with_offsets() {
        let t = lex("VARCHAR ( 32 )").unwrap();
        assert_eq!(t[0], Spanned { tok: Tok::Word("varchar".into()), at: 0 });
        assert_eq!(t[2], Spanned { tok: Tok::Word("32".into()), at: 10 });
    }
}
