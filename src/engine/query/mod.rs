//! DataJoint query expressions: base tables combined by restriction (`&`, `-`), join (`*`),
//! projection, aggregation, `dj.U` and union (`+`). Each expression knows its heading; every
//! operator is checked when it is applied, as DataJoint checks it, and compiles to SQLite.

mod build;
mod heading;
mod sql;

use std::sync::Arc;

pub(crate) use build::check_order_by;
pub use heading::{repr as heading_repr, Column};
pub(crate) use sql::{order_clause, quote as quote_column};

use super::heading::TableName;
use super::value::Value;

/// A query expression (DataJoint's `QueryExpression`).
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    node: Arc<Node>,
    heading: Arc<Vec<Column>>,
}

/// The shape of an expression.
#[derive(Debug, Clone, PartialEq)]
enum Node {
    /// A base table.
    Table(TableName),
    /// `input & cond`.
    Restrict(Query, Cond),
    /// `left * right` (natural join); `left`: `join(..., left=True)`.
    Join(Query, Query, bool),
    /// Projection: the output columns, each a source column or a computed SQLite expression.
    Proj(Query, Vec<(String, ProjSource)>),
    /// Grouping of a join by the given attributes with computed aggregates.
    Aggr { input: Query, group_by: Vec<String>, columns: Vec<(String, ProjSource)> },
    /// Distinct values of some attributes (`dj.U('a') & q`).
    Distinct(Query),
    /// `left + right`.
    Union(Query, Query),
    /// `dj.U(...)` itself: only restricted, joined or aggregated.
    Universal,
}

/// Where a projected column comes from.
#[derive(Debug, Clone, PartialEq)]
enum ProjSource {
    /// An input attribute (kept, renamed or duplicated).
    Attr(String),
    /// A SQLite expression over the input's attributes.
    Expr(String),
}

/// A restriction condition, as DataJoint's `make_condition` accepts them.
#[derive(Debug, Clone, PartialEq)]
pub enum Restriction {
    /// A dict: AND of `attr = value` over the keys that are attributes; others are ignored.
    Map(Vec<(String, Value)>),
    /// A SQL condition string in MySQL's dialect.
    Sql(String),
    /// A list: OR of its items; empty is FALSE.
    Or(Vec<Restriction>),
    /// `dj.AndList`: AND of its items; empty is TRUE.
    And(Vec<Restriction>),
    /// `dj.Not(r)`.
    Not(Box<Restriction>),
    /// Another query expression: semijoin on the shared attributes.
    Query(Query),
    /// `True` / `False`.
    Bool(bool),
    /// `dj.Top(limit, order_by, offset)`.
    Top(Top),
}

/// `dj.Top`: keep the first rows in an order.
#[derive(Debug, Clone, PartialEq)]
pub struct Top {
    /// `limit` (`None`: no limit).
    pub limit: Option<u64>,
    /// `order_by` items (`"KEY"`, `"a desc"`).
    pub order_by: Vec<String>,
    /// `offset`.
    pub offset: u64,
}

impl Top {
    /// `dj.Top(limit, order_by, offset)`: an empty order is `KEY`; an offset without a limit
    /// takes DataJoint's stand-in for "all rows".
    pub fn new(limit: Option<u64>, order_by: Vec<String>, offset: u64) -> Top {
        let order_by = if order_by.is_empty() { vec!["KEY".into()] } else { order_by };
        let limit = if offset > 0 && limit.is_none() { Some(999_999_999_999) } else { limit };
        Top { limit, order_by, offset }
    }

    /// `repr(dj.Top(...))`.
    pub fn repr(&self) -> String {
        build::top_repr(self)
    }
}

impl Default for Top {
    fn default() -> Self {
        Top { limit: Some(1), order_by: vec!["KEY".into()], offset: 0 }
    }
}

/// A compiled condition, ready to be placed in a WHERE clause.
#[derive(Debug, Clone, PartialEq)]
enum Cond {
    /// SQLite boolean SQL with `?` placeholders and their values, and the tables its
    /// subqueries read.
    Where(String, Vec<rusqlite::types::Value>, Vec<TableName>),
    /// Order, limit and offset.
    Top(Top),
    /// A condition the server would reject when the query runs (a syntax error, an unknown
    /// column): DataJoint only finds out then, so the error waits for fetch or len.
    Deferred(super::error::Error),
}

impl Query {
    /// The output columns in order.
    pub fn heading(&self) -> &[Column] {
        &self.heading
    }

    /// Attribute names in order.
    pub fn names(&self) -> Vec<String> {
        self.heading.iter().map(|c| c.name.clone()).collect()
    }

    /// Attribute types in heading order (`None` for computed ones).
    pub fn types(&self) -> Vec<Option<super::types::AttrType>> {
        self.heading.iter().map(|c| c.ty.clone()).collect()
    }

    /// Is the expression a union or an aggregation, which DataJoint counts as all rows of its
    /// subquery (their own `__len__`)?
    pub fn counts_all_rows(&self) -> bool {
        matches!(self.node.as_ref(), Node::Union(..) | Node::Aggr { .. })
    }

    /// Does the expression contain a left join (`join(left=True)`, `aggr(keep_all_rows=True)`)?
    /// DataJoint then counts rows with `count(*)` instead of `count(DISTINCT primary key)`.
    pub fn has_left_join(&self) -> bool {
        match self.node.as_ref() {
            Node::Table(_) | Node::Universal => false,
            Node::Join(a, b, left) => *left || a.has_left_join() || b.has_left_join(),
            Node::Union(a, b) => a.has_left_join() || b.has_left_join(),
            Node::Restrict(q, _) | Node::Proj(q, _) | Node::Distinct(q) => q.has_left_join(),
            Node::Aggr { input, .. } => input.has_left_join(),
        }
    }

    /// Primary-key attribute names in order.
    pub fn primary_key(&self) -> Vec<String> {
        self.heading.iter().filter(|c| c.in_key).map(|c| c.name.clone()).collect()
    }

    /// Secondary attribute names in order.
    pub fn secondary_attributes(&self) -> Vec<String> {
        self.heading.iter().filter(|c| !c.in_key).map(|c| c.name.clone()).collect()
    }

    /// The column named `name`.
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.heading.iter().find(|c| c.name == name)
    }

    /// The base table, when this is one (unrestricted).
    pub fn base_table(&self) -> Option<&TableName> {
        match &*self.node {
            Node::Table(t) => Some(t),
            _ => None,
        }
    }

    /// The base table under any restrictions (`(T & r)` → `T`), with whether any applied.
    pub fn restricted_table(&self) -> Option<(&TableName, bool)> {
        match &*self.node {
            Node::Table(t) => Some((t, false)),
            Node::Restrict(input, _) => input.restricted_table().map(|(t, _)| (t, true)),
            _ => None,
        }
    }

    /// Every base table the expression reads, each once.
    pub fn tables(&self) -> Vec<TableName> {
        let mut out: Vec<TableName> = Vec::new();
        self.collect_tables(&mut out);
        out
    }

    fn collect_tables(&self, out: &mut Vec<TableName>) {
        fn push(out: &mut Vec<TableName>, t: &TableName) {
            if !out.contains(t) {
                out.push(t.clone());
            }
        }
        match &*self.node {
            Node::Table(t) => push(out, t),
            Node::Restrict(q, cond) => {
                q.collect_tables(out);
                if let Cond::Where(_, _, reads) = cond {
                    reads.iter().for_each(|t| push(out, t));
                }
            }
            Node::Join(a, b, _) | Node::Union(a, b) => {
                a.collect_tables(out);
                b.collect_tables(out);
            }
            Node::Proj(q, _) | Node::Distinct(q) => q.collect_tables(out),
            Node::Aggr { input, .. } => input.collect_tables(out),
            Node::Universal => {}
        }
    }

    /// True for `dj.U(...)` itself.
    pub fn is_universal(&self) -> bool {
        matches!(&*self.node, Node::Universal)
    }

    fn new(node: Node, heading: Vec<Column>) -> Query {
        Query { node: Arc::new(node), heading: Arc::new(heading) }
    }
}
