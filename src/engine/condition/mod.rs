//! DataJoint restriction strings and projection expressions, written in MySQL's dialect, parsed
//! with sqlparser and translated to SQLite SQL with MySQL's meaning.
//!
//! A restriction first passes DataJoint's own column guess (`guess`), then MySQL's parser
//! (`parse`, which reproduces 1064's near text), then the walk (`translate`, `functions`,
//! `aggregate`) that emits SQLite text calling the functions registered by `udf`.

mod aggregate;
mod errors;
mod functions;
mod guess;
mod parse;
mod pyformat;
mod sql;
mod translate;
pub mod udf;

#[cfg(test)]
mod tests;

use super::error::Result;

pub use guess::column_names;

/// Stack for a translation: the parser, the walk and the AST's drop all recurse (up to a few
/// hundred levels, some 20 KiB each in a debug build), more than a caller's thread may have.
const STACK: usize = 64 << 20;

/// Run `f` on a thread with [`STACK`] bytes of stack (reserved, not committed), or here if no
/// thread can be made.
fn on_big_stack<T: Send>(f: impl Fn() -> T + Sync) -> T {
    let f = &f;
    let result = std::thread::scope(|s| {
        let spawned = std::thread::Builder::new().stack_size(STACK).spawn_scoped(s, f);
        spawned.map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
    });
    result.unwrap_or_else(|_| f())
}

fn translate(text: &str, attributes: &[String], clause: &'static str, aggregates: bool) -> Result<String> {
    on_big_stack(|| translate_here(text, attributes, clause, aggregates))
}

fn translate_here(text: &str, attributes: &[String], clause: &'static str, aggregates: bool) -> Result<String> {
    let (wrapped, _) = parse::wrap(text);
    let mut expr = parse::parse(&wrapped)?;
    // Peel DataJoint's two wrapping parentheses.
    for _ in 0..2 {
        if let sqlparser::ast::Expr::Nested(inner) = expr {
            expr = *inner;
        }
    }
    let mut cx = translate::Ctx { attributes, clause, aggregates, in_aggregate: false, depth: 0, wrapped: &wrapped };
    Ok(cx.expr(&expr)?.text)
}

/// A restriction string (`q & "a > 1"`) as a SQLite boolean expression over the attributes
/// (quoted `"name"`). Errors: DataJoint's ``Attribute `x` is not found in query.``, MySQL's 1064
/// (message only; the caller adds the query text) and 1054.
pub fn translate_condition(text: &str, attributes: &[String]) -> Result<String> {
    guess::check(text, attributes)?;
    translate(text, attributes, "where clause", false)
}

/// A computed attribute (`proj(n="a * 2")`) or, with `aggregates`, an aggregate
/// (`aggr(n="count(*)")`) as a SQLite expression. DataJoint does not guess columns here; an
/// unknown one is MySQL's 1054 in 'field list'. The text first goes through pymysql's
/// `query % ()` (`%%` is `%`; a lone `%` is pymysql's ProgrammingError).
pub fn translate_expression(text: &str, attributes: &[String], aggregates: bool) -> Result<String> {
    let text = pyformat::format_empty(text)?;
    translate(&text, attributes, "field list", aggregates)
}

/// Register the SQLite functions translations call (MySQL's LIKE under the collation, ...).
pub fn register_functions(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    udf::register(conn)
}
