//! Subqueries in a SELECT's conditions: `x [NOT] IN (SELECT ...)` and `[NOT] EXISTS (SELECT
//! ...)`, correlated or not. A subquery is built as a SELECT of its own whose column
//! references fall back to the statements around it, as MySQL resolves them.

use sqlparser::ast::Query;

use super::scope::FromScope;
use super::select::build_in;
use super::Stmt;
use crate::engine::condition::{Scope, Subquery};
use crate::engine::error::{Error, Kind};
use crate::engine::types::AttrType;
use crate::engine::Result;

/// A statement's columns as its conditions see them: its own FROM clause first, then those of
/// the statements it is nested in.
pub struct Chain<'a, 's> {
    /// The statement being run.
    pub st: &'a Stmt<'s>,
    /// This SELECT's own columns.
    pub scope: &'a FromScope,
    /// The enclosing SELECT's, for a subquery.
    pub outer: Option<&'a dyn Scope>,
    /// How deep this SELECT is nested (0: the statement itself).
    pub depth: usize,
}

impl Scope for Chain<'_, '_> {
    fn resolve(&self, parts: &[&str], clause: &str) -> Result<(String, Option<AttrType>)> {
        match (self.scope.resolve(parts, clause), self.outer) {
            // An unknown column (1054) may be the outer query's; if not, this SELECT's error.
            (Err(e), Some(outer)) if e.code == Some(1054) => outer.resolve(parts, clause).map_err(|_| e),
            (result, _) => result,
        }
    }

    fn session_function(&self, name: &str) -> Option<String> {
        self.scope.session_function(name)
    }

    fn subquery(&self, q: &Query, membership: bool) -> Option<Result<Subquery>> {
        if membership && q.limit_clause.is_some() {
            // MySQL 8.0's ER_NOT_SUPPORTED_YET, which pymysql raises as NotSupportedError.
            return Some(Err(Error::mysql(
                Kind::NotSupportedError,
                1235,
                "This version of MySQL doesn't yet support 'LIMIT & IN/ALL/ANY/SOME subquery'",
            )));
        }
        Some(build_in(self.st, q, Some(self), self.depth + 1).map(|(text, outputs)| Subquery {
            text,
            columns: outputs.len(),
            ty: outputs.first().and_then(|o| o.ty.clone()),
        }))
    }
}
