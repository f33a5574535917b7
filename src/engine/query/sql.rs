//! Compilation of query expressions to SQLite: every expression becomes a SELECT whose columns
//! are exactly its heading, nesting its operands as subqueries (SQLite flattens them, so keyed
//! restrictions of base tables still use the primary-key index).

use rusqlite::types::Value as Sql;

use super::heading::Column;
use super::{Cond, Node, ProjSource, Query, Top};
use crate::engine::error::{Error, Result};
use crate::engine::heading::TableName;

/// A column name as an SQLite identifier (DataJoint's names never hold a quote).
pub(crate) fn quote(name: &str) -> String {
    format!("\"{name}\"")
}

fn column_list(heading: &[Column]) -> String {
    heading.iter().map(|c| quote(&c.name)).collect::<Vec<_>>().join(", ")
}

/// An equality between two sides' attribute, under MySQL's collation for text.
fn equal(col: &Column, left: &str, right: &str) -> String {
    let collate = if col.is_text() { " COLLATE MYSQL_AI_CI" } else { "" };
    format!("{left}.\"{n}\" = {right}.\"{n}\"{collate}", n = col.name)
}

/// `ORDER BY` for `order_by` items (`KEY` expands to the primary key), ending with the primary
/// key as tiebreak so that results are deterministic.
pub(crate) fn order_clause(q: &Query, order_by: &[String]) -> String {
    let mut items: Vec<String> = Vec::new();
    for item in order_by {
        let mut words = item.split_whitespace();
        let name = words.next().unwrap_or_default();
        let dir = match words.next().map(|w| w.to_ascii_uppercase()).as_deref() {
            Some("DESC") => " DESC",
            _ => "",
        };
        if name == "KEY" {
            items.extend(q.primary_key().iter().map(|k| format!("{}{dir}", quote(k))));
        } else {
            items.push(format!("{}{dir}", quote(name)));
        }
    }
    items.extend(q.primary_key().iter().map(|k| quote(k)));
    if items.is_empty() {
        return String::new();
    }
    format!(" ORDER BY {}", items.join(", "))
}

fn limit_clause(top: &Top) -> String {
    // DataJoint: an offset without a limit takes 999999999999 rows.
    let limit = top.limit.unwrap_or(999_999_999_999);
    format!(" LIMIT {limit} OFFSET {}", top.offset)
}

/// A deferred server error's statement, naming the fields the failing query fetched.
fn with_fields(err: &Error, fields: &[String]) -> Error {
    let fields = fields.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(",");
    Error { message: err.message.replace(super::build::FIELDS, &fields), ..err.clone() }
}

impl Query {
    /// The server error a deferred condition raises when this expression is fetched with
    /// `fields`, if there is one.
    pub(crate) fn deferred_error(&self, fields: &[String]) -> Option<Error> {
        match &*self.node {
            Node::Restrict(_, Cond::Deferred(err)) => Some(with_fields(err, fields)),
            Node::Restrict(input, _) => input.deferred_error(fields),
            _ => None,
        }
    }

    /// Roughly the SELECT DataJoint sends for this expression, for error messages:
    /// ``SELECT `a`,`b` FROM `db`.`t` ``.
    pub(crate) fn mysql_text(&self, fields: &[String]) -> String {
        let fields = fields.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(",");
        format!("SELECT {fields} FROM {}", self.mysql_from())
    }

    /// Roughly the FROM and WHERE clauses DataJoint sends for this expression: tables,
    /// `NATURAL JOIN`s of them, and `WHERE (...)` for any restriction; `(...)` otherwise.
    pub(crate) fn mysql_from(&self) -> String {
        const WHERE: &str = " WHERE (...)";
        match &*self.node {
            Node::Table(t) => t.full(),
            Node::Restrict(input, _) => {
                let from = input.mysql_from();
                if from.ends_with(WHERE) || from == "(...)" {
                    from
                } else {
                    from + WHERE
                }
            }
            // Selecting attributes (no renames or computations) keeps the FROM clause.
            Node::Proj(input, columns) if columns.iter().all(|(n, s)| *s == ProjSource::Attr(n.clone())) => {
                input.mysql_from()
            }
            Node::Join(a, b, left) => {
                let (a, b) = (a.mysql_from(), b.mysql_from());
                if [&a, &b].iter().any(|f| f.contains("(...)")) {
                    return "(...)".to_string();
                }
                format!("{a} NATURAL{} JOIN {b}", if *left { " LEFT" } else { "" })
            }
            _ => "(...)".to_string(),
        }
    }

    /// For a base table under plain WHERE restrictions: the table and the conditions, so that
    /// a delete can address the table directly instead of through a subquery.
    pub(crate) fn direct_where(&self) -> Option<(&TableName, Vec<String>, Vec<Sql>)> {
        match &*self.node {
            Node::Table(t) => Some((t, Vec::new(), Vec::new())),
            Node::Restrict(input, Cond::Where(cond, cond_args, _)) => {
                let (t, mut conds, mut args) = input.direct_where()?;
                conds.push(cond.clone());
                args.extend(cond_args.iter().cloned());
                Some((t, conds, args))
            }
            _ => None,
        }
    }

    /// A FROM-able source: the table itself or a parenthesised SELECT.
    fn source(&self) -> Result<(String, Vec<Sql>)> {
        match &*self.node {
            Node::Table(t) => Ok((t.sqlite(), Vec::new())),
            _ => {
                let (sql, args) = self.select()?;
                Ok((format!("({sql})"), args))
            }
        }
    }

    /// The SELECT that yields this expression's rows, with its arguments in order.
    pub(crate) fn select(&self) -> Result<(String, Vec<Sql>)> {
        match &*self.node {
            Node::Table(t) => Ok((format!("SELECT {} FROM {}", column_list(&self.heading), t.sqlite()), Vec::new())),
            Node::Restrict(input, Cond::Where(cond, cond_args, _)) => {
                let (src, mut args) = input.source()?;
                args.extend(cond_args.iter().cloned());
                Ok((format!("SELECT * FROM {src} AS _r WHERE {cond}"), args))
            }
            Node::Restrict(_, Cond::Deferred(err)) => Err(with_fields(err, &self.names())),
            Node::Restrict(input, Cond::Top(top)) => {
                let (src, args) = input.source()?;
                Ok((format!("SELECT * FROM {src} AS _t{}{}", order_clause(input, &top.order_by), limit_clause(top)), args))
            }
            Node::Join(a, b, left) => {
                let (a_src, mut args) = a.source()?;
                let (b_src, b_args) = b.source()?;
                args.extend(b_args);
                let cols: Vec<String> = self
                    .heading
                    .iter()
                    .map(|c| {
                        let side = if a.column(&c.name).is_some() { "_l" } else { "_b" };
                        format!("{side}.{}", quote(&c.name))
                    })
                    .collect();
                let on: Vec<String> =
                    a.heading.iter().filter(|c| b.column(&c.name).is_some()).map(|c| equal(c, "_l", "_b")).collect();
                let on = if on.is_empty() { "1".to_string() } else { on.join(" AND ") };
                let kind = if *left { "LEFT JOIN" } else { "JOIN" };
                Ok((format!("SELECT {} FROM {a_src} AS _l {kind} {b_src} AS _b ON {on}", cols.join(", ")), args))
            }
            Node::Proj(input, columns) => {
                let (src, args) = input.source()?;
                Ok((format!("SELECT {} FROM {src} AS _p", projection(columns)), args))
            }
            Node::Aggr { input, group_by, columns } => {
                let (src, args) = input.source()?;
                let group = if group_by.is_empty() {
                    String::new()
                } else {
                    format!(" GROUP BY {}", group_by.iter().map(|g| quote(g)).collect::<Vec<_>>().join(", "))
                };
                Ok((format!("SELECT {} FROM {src} AS _g{group}", projection(columns)), args))
            }
            Node::Distinct(input) => {
                let (src, args) = input.source()?;
                Ok((format!("SELECT DISTINCT {} FROM {src} AS _d", column_list(&self.heading)), args))
            }
            Node::Union(a, b) => {
                let pk: Vec<String> = a.primary_key();
                let keys = pk.iter().map(|k| quote(k)).collect::<Vec<_>>().join(", ");
                let (a_src, a_args) = a.source()?;
                let (b_src, b_args) = b.source()?;
                let mut args = a_args.clone();
                args.extend(b_args.iter().cloned());
                args.extend(a_args);
                args.extend(b_args);
                let cols: Vec<String> = self
                    .heading
                    .iter()
                    .map(|c| {
                        let side = if c.in_key {
                            "_k"
                        } else if a.column(&c.name).is_some() {
                            "_ua"
                        } else {
                            "_ub"
                        };
                        format!("{side}.{}", quote(&c.name))
                    })
                    .collect();
                let on = |side: &str| {
                    a.heading.iter().filter(|c| c.in_key).map(|c| equal(c, "_k", side)).collect::<Vec<_>>().join(" AND ")
                };
                Ok((
                    format!(
                        "SELECT {} FROM (SELECT {keys} FROM {a_src} UNION SELECT {keys} FROM {b_src}) AS _k \
                         LEFT JOIN {a_src} AS _ua ON {} LEFT JOIN {b_src} AS _ub ON {}",
                        cols.join(", "),
                        on("_ua"),
                        on("_ub")
                    ),
                    args,
                ))
            }
            Node::Universal => Err(Error::dj(
                "dj.U(...) has no rows of its own: restrict it by a query expression (dj.U('a') & T), join it, or aggregate with it.",
            )),
        }
    }
}

fn projection(columns: &[(String, ProjSource)]) -> String {
    columns
        .iter()
        .map(|(name, src)| match src {
            ProjSource::Attr(old) => format!("{} AS {}", quote(old), quote(name)),
            ProjSource::Expr(sql) => format!("({sql}) AS {}", quote(name)),
        })
        .collect::<Vec<_>>()
        .join(", ")
}
