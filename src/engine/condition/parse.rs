//! Parsing a condition as MySQL would see it. DataJoint sends `... WHERE ( (<text>))`, so the
//! text is parsed inside that wrapper and a syntax error quotes the statement from the failing
//! token on, closing parentheses included, as MySQL's 1064 does (oracle: `id >` → near '))',
//! `id = 1)` → near ')', `(id = 1` → near '').

use sqlparser::ast::{Expr, Statement};
use sqlparser::dialect::MySqlDialect;
use sqlparser::keywords::Keyword;
use sqlparser::parser::{Parser, ParserError};
use sqlparser::tokenizer::{Location, Token, TokenWithSpan, Tokenizer};

use super::errors::too_complex;
use crate::engine::error::Result;
use crate::engine::types::syntax_error_at;

/// Nesting the parser accepts (parentheses, function calls, unary operators), plus the wrapper.
pub const MAX_NESTING: usize = 200;
/// Tokens beyond this are refused: sqlparser's AST is recursive, and dropping a chain of tens of
/// thousands of operators overflows a thread's stack.
const MAX_TOKENS: usize = 12_000;

/// The condition inside DataJoint's wrapper, and its offset there.
pub fn wrap(text: &str) -> (String, usize) {
    (format!("( ({}))", text.trim()), 3)
}

/// Byte offset of a 1-based (line, column) location in `text` (columns count characters).
pub fn offset(text: &str, loc: Location) -> usize {
    if loc.line == 0 {
        return text.len();
    }
    let mut line = 1u64;
    let mut col = 1u64;
    for (i, c) in text.char_indices() {
        if line == loc.line && col == loc.column {
            return i;
        }
        if c == '\n' {
            line += 1;
            col = 1;
        } else {
            col += 1;
        }
    }
    text.len()
}

/// sqlparser's "... at Line: L, Column: C" suffix.
fn message_location(msg: &str) -> Option<Location> {
    let (_, tail) = msg.rsplit_once(" at Line: ")?;
    let (line, col) = tail.split_once(", Column: ")?;
    Some(Location::new(line.trim().parse().ok()?, col.trim().parse().ok()?))
}

/// MySQL's infix `MOD` (sqlparser knows only the function form) becomes `%`, and `||`, which
/// is OR in MySQL's default sql_mode, becomes OR so that it also binds like OR (sqlparser gives it
/// concatenation's precedence: `a = 1 || b > 10` would parse as `a = (1 || b) > 10`).
fn rewrite(tokens: &mut [TokenWithSpan]) {
    for i in 0..tokens.len() {
        if tokens[i].token == Token::StringConcat {
            tokens[i].token = Token::make_keyword("OR");
            continue;
        }
        let is_mod = matches!(&tokens[i].token, Token::Word(w) if w.keyword == Keyword::MOD && w.quote_style.is_none());
        if !is_mod {
            continue;
        }
        let next = tokens[i + 1..].iter().find(|t| !matches!(t.token, Token::Whitespace(_)));
        if !matches!(next.map(|t| &t.token), Some(Token::LParen)) {
            tokens[i].token = Token::Mod;
        }
    }
}

/// Parse the wrapped text as one expression, or MySQL's 1064 quoting it from the failure on.
pub fn parse(wrapped: &str) -> Result<Expr> {
    let dialect = MySqlDialect {};
    let mut tokens = match Tokenizer::new(&dialect, wrapped).tokenize_with_location() {
        Ok(t) => t,
        Err(e) => return Err(syntax_error_at(wrapped, offset(wrapped, e.location))),
    };
    if tokens.iter().filter(|t| !matches!(t.token, Token::Whitespace(_))).count() > MAX_TOKENS {
        return Err(too_complex());
    }
    rewrite(&mut tokens);
    let mut parser = Parser::new(&dialect).with_recursion_limit(MAX_NESTING + 3).with_tokens_with_locations(tokens);
    let fail_at = |parser: &Parser<'_>, msg: Option<&str>| {
        let loc = msg.and_then(message_location).unwrap_or_else(|| {
            let t = parser.peek_token();
            if t.token == Token::EOF {
                Location::new(0, 0)
            } else {
                t.span.start
            }
        });
        syntax_error_at(wrapped, offset(wrapped, loc))
    };
    match parser.parse_expr() {
        Ok(expr) => {
            let next = parser.peek_token();
            if next.token != Token::EOF {
                return Err(syntax_error_at(wrapped, offset(wrapped, next.span.start)));
            }
            Ok(expr)
        }
        Err(ParserError::RecursionLimitExceeded) => Err(too_complex()),
        Err(ParserError::ParserError(m)) | Err(ParserError::TokenizerError(m)) => Err(fail_at(&parser, Some(&m))),
    }
}

/// One whole statement as MySQL parses it (a trailing `;` allowed; a second statement is 1064
/// quoting it, as a connection without multi-statements answers), or MySQL's 1064.
pub fn parse_statement(sql: &str) -> Result<Statement> {
    let dialect = MySqlDialect {};
    let mut tokens = match Tokenizer::new(&dialect, sql).tokenize_with_location() {
        Ok(t) => t,
        Err(e) => return Err(syntax_error_at(sql, offset(sql, e.location))),
    };
    if tokens.iter().filter(|t| !matches!(t.token, Token::Whitespace(_))).count() > MAX_TOKENS {
        return Err(too_complex());
    }
    rewrite(&mut tokens);
    let mut parser = Parser::new(&dialect).with_recursion_limit(MAX_NESTING + 3).with_tokens_with_locations(tokens);
    let stmt = match parser.parse_statement() {
        Ok(s) => s,
        Err(ParserError::RecursionLimitExceeded) => return Err(too_complex()),
        Err(ParserError::ParserError(m)) | Err(ParserError::TokenizerError(m)) => {
            let loc = message_location(&m).unwrap_or_else(|| {
                let t = parser.peek_token();
                if t.token == Token::EOF {
                    Location::new(0, 0)
                } else {
                    t.span.start
                }
            });
            return Err(syntax_error_at(sql, offset(sql, loc)));
        }
    };
    while parser.consume_token(&Token::SemiColon) {}
    let next = parser.peek_token();
    if next.token != Token::EOF {
        return Err(syntax_error_at(sql, offset(sql, next.span.start)));
    }
    Ok(stmt)
}
