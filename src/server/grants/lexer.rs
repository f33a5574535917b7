//! A small tokenizer for the account statements, following MySQL's lexer where it matters:
//! `'…'` and `"…"` are strings (with backslash escapes and doubled quotes), `` `…` `` is an
//! identifier, `@host` right after a user name is a host name, and comments are skipped.

use crate::engine::types::syntax_error_at;
use crate::engine::Result;

/// What a token is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Tok {
    /// A bare word: keyword or unquoted identifier.
    Word(String),
    /// A backquoted identifier.
    Ident(String),
    /// A string literal.
    Str(String),
    /// Any other single character.
    Sym(char),
}

/// A token and the byte offset it starts at (for the 1064 message).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Token {
    pub tok: Tok,
    pub at: usize,
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$' || !c.is_ascii()
}

/// Splits `sql` into tokens; an unterminated quote or comment is a 1064 at its start.
pub(crate) fn lex(sql: &str) -> Result<Vec<Token>> {
    let mut out = Vec::new();
    let mut it = sql.char_indices().peekable();
    while let Some(&(at, c)) = it.peek() {
        if c.is_whitespace() {
            it.next();
            continue;
        }
        let rest = &sql[at..];
        // Comments: `#…`, `-- …` (the dashes must be followed by a space or the end), `/*…*/`.
        if c == '#' || (rest.starts_with("--") && rest[2..].chars().next().is_none_or(char::is_whitespace)) {
            while it.next_if(|&(_, c)| c != '\n').is_some() {}
            continue;
        }
        if let Some(body) = rest.strip_prefix("/*") {
            let Some(end) = body.find("*/") else { return Err(syntax_error_at(sql, at)) };
            let stop = at + 2 + end + 2;
            while it.next_if(|&(i, _)| i < stop).is_some() {}
            continue;
        }
        it.next();
        let tok = match c {
            '\'' | '"' => Tok::Str(quoted(sql, at, c, &mut it, true)?),
            '`' => Tok::Ident(quoted(sql, at, c, &mut it, false)?),
            c if is_word_char(c) => {
                let mut w = String::from(c);
                while let Some((_, c)) = it.next_if(|&(_, c)| is_word_char(c)) {
                    w.push(c);
                }
                Tok::Word(w)
            }
            '@' => {
                out.push(Token { tok: Tok::Sym('@'), at });
                // MySQL's LEX_HOSTNAME: `sailor@localhost`, `u@127.0.0.1` need no quotes.
                if let Some(&(hat, _)) = it.peek().filter(|&&(_, c)| is_word_char(c)) {
                    let mut w = String::new();
                    while let Some((_, c)) = it.next_if(|&(_, c)| is_word_char(c) || c == '.') {
                        w.push(c);
                    }
                    out.push(Token { tok: Tok::Word(w), at: hat });
                }
                continue;
            }
            c => Tok::Sym(c),
        };
        out.push(Token { tok, at });
    }
    Ok(out)
}

fn quoted(
    sql: &str,
    start: usize,
    quote: char,
    it: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
    escapes: bool,
) -> Result<String> {
    let mut s = String::new();
    loop {
        let Some((_, c)) = it.next() else { return Err(syntax_error_at(sql, start)) };
        if c == quote {
            if it.next_if(|&(_, c)| c == quote).is_some() {
                s.push(quote);
                continue;
            }
            return Ok(s);
        }
        if c == '\\' && escapes {
            let Some((_, e)) = it.next() else { return Err(syntax_error_at(sql, start)) };
            // MySQL manual, "String Literals": `\%` and `\_` keep their backslash.
            match e {
                '0' => s.push('\0'),
                'b' => s.push('\u{8}'),
                'n' => s.push('\n'),
                'r' => s.push('\r'),
                't' => s.push('\t'),
                'Z' => s.push('\u{1a}'),
                '%' | '_' => {
                    s.push('\\');
                    s.push(e);
                }
                e => s.push(e),
            }
            continue;
        }
        s.push(c);
    }
}
