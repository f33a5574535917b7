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
use super::types::AttrType;

pub use functions::AGGREGATES;
pub use guess::column_names;
pub use parse::parse_statement;
pub use translate::{Scope, Subquery};

/// The text of a string literal (MySQL's escapes applied), if `v` is one.
pub fn string_value(v: &sqlparser::ast::Value) -> Option<String> {
    translate::string_literal(v)
}

/// Translate with enough stack: the parser (sqlparser's own recursion guard) and the walk
/// (which grows the stack on demand) recurse a few hundred levels on deep input; this makes
/// sure the start has room too, without a thread per call.
fn translate(
    text: &str,
    attributes: &[String],
    types: &[Option<AttrType>],
    clause: &'static str,
    aggregates: bool,
) -> Result<String> {
    stacker::maybe_grow(256 * 1024, 4 * 1024 * 1024, || translate_here(text, attributes, types, clause, aggregates))
}

fn translate_here(
    text: &str,
    attributes: &[String],
    types: &[Option<AttrType>],
    clause: &'static str,
    aggregates: bool,
) -> Result<String> {
    let (wrapped, _) = parse::wrap(text);
    let mut expr = parse::parse(&wrapped)?;
    // Peel DataJoint's two wrapping parentheses.
    for _ in 0..2 {
        if let sqlparser::ast::Expr::Nested(inner) = expr {
            expr = *inner;
        }
    }
    let mut cx = translate::Ctx {
        attributes,
        types,
        clause,
        aggregates,
        in_aggregate: false,
        depth: 0,
        wrapped: &wrapped,
        scope: None,
    };
    Ok(cx.expr(&expr)?.text)
}

/// A restriction string (`q & "a > 1"`) as a SQLite boolean expression over the attributes
/// (quoted `"name"`). Errors: DataJoint's ``Attribute `x` is not found in query.``, MySQL's 1064
/// (message only; the caller adds the query text) and 1054.
pub fn translate_condition(text: &str, attributes: &[String]) -> Result<String> {
    translate_condition_typed(text, attributes, &[])
}

/// [`translate_condition`] knowing the attributes' types (aligned with `attributes`), so that
/// comparisons of numeric and string attributes stay native and use indexes.
pub fn translate_condition_typed(text: &str, attributes: &[String], types: &[Option<AttrType>]) -> Result<String> {
    guess::check(text, attributes)?;
    translate(text, attributes, types, "where clause", false)
}

/// A computed attribute (`proj(n="a * 2")`) or, with `aggregates`, an aggregate
/// (`aggr(n="count(*)")`) as a SQLite expression. DataJoint does not guess columns here; an
/// unknown one is MySQL's 1054 in 'field list'. The text first goes through pymysql's
/// `query % ()` (`%%` is `%`; a lone `%` is pymysql's ProgrammingError).
pub fn translate_expression(text: &str, attributes: &[String], aggregates: bool) -> Result<String> {
    translate_expression_typed(text, attributes, &[], aggregates)
}

/// [`translate_expression`] knowing the attributes' types (aligned with `attributes`).
pub fn translate_expression_typed(
    text: &str,
    attributes: &[String],
    types: &[Option<AttrType>],
    aggregates: bool,
) -> Result<String> {
    let text = pyformat::format_empty(text)?;
    translate(&text, attributes, types, "field list", aggregates)
}

/// One expression of a raw SQL statement (`source`, the statement's text, locates syntax
/// errors) as SQLite text, its columns resolved by `scope`; `clause` is MySQL's name for where
/// it appears ('field list', 'where clause', ...) and `aggregates` whether aggregates may.
pub fn translate_scoped(
    expr: &sqlparser::ast::Expr,
    source: &str,
    scope: &dyn Scope,
    clause: &'static str,
    aggregates: bool,
) -> Result<String> {
    stacker::maybe_grow(256 * 1024, 4 * 1024 * 1024, || {
        let mut cx = translate::Ctx {
            attributes: &[],
            types: &[],
            clause,
            aggregates,
            in_aggregate: false,
            depth: 0,
            wrapped: source,
            scope: Some(scope),
        };
        Ok(cx.expr(expr)?.text)
    })
}

/// Register the SQLite functions translations call (MySQL's LIKE under the collation, ...).
pub fn register_functions(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    udf::register(conn)
}
