//! DataJoint restriction strings and projection expressions, written in MySQL's dialect, parsed
//! with sqlparser and translated to SQLite SQL with MySQL's meaning.

use super::error::Result;

/// A restriction string (`q & "a > 1"`) as a SQLite boolean expression over the attributes
/// (quoted `"name"`). Errors: DataJoint's ``Attribute `x` is not found in query.``, MySQL's 1064
/// (message only; the caller adds the query text) and 1054.
pub fn translate_condition(text: &str, attributes: &[String]) -> Result<String> {
    let _ = (text, attributes);
    todo!("condition helper")
}

/// A computed attribute (`proj(n="a * 2")`) or, with `aggregates`, an aggregate
/// (`aggr(n="count(*)")`) as a SQLite expression.
pub fn translate_expression(text: &str, attributes: &[String], aggregates: bool) -> Result<String> {
    let _ = (text, attributes, aggregates);
    todo!("condition helper")
}

/// Register the SQLite functions translations call (MySQL's LIKE under the collation, ...).
pub fn register_functions(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    let _ = conn;
    Ok(())
}
