//! The operators, applied on a world (which knows the tables' headings) with DataJoint's checks
//! and messages.

use std::collections::HashSet;

use rusqlite::types::Value as Sql;

use super::heading::{of_table, Column};
use super::{Cond, Node, ProjSource, Query, Restriction, Top};
use crate::engine::condition::{translate_condition_typed, translate_expression_typed};
use crate::engine::error::{Error, Kind, Result};
use crate::engine::heading::TableName;
use crate::engine::py::{str_repr, tuple_repr};
use crate::engine::types::AttrType;
use crate::engine::value::Value;
use crate::engine::world::World;

/// A restriction folded to what it selects.
enum Truth {
    True,
    False,
    Sql(String, Vec<Sql>, Vec<TableName>),
    /// The server's error, raised when the query runs.
    Deferred(Error),
}

impl World {
    /// A base table as a query expression.
    pub fn query(&self, table: &TableName) -> Result<Query> {
        let info = self.table_or_err(table)?;
        Ok(Query::new(Node::Table(table.clone()), of_table(&info)))
    }

    /// `dj.U(*attrs)`.
    pub fn universal(&self, attrs: &[String]) -> Query {
        let heading = attrs
            .iter()
            .map(|a| Column {
                name: a.clone(),
                in_key: true,
                ty: None,
                nullable: false,
                comment: String::new(),
                default: None,
            })
            .collect();
        Query::new(Node::Universal, heading)
    }

    /// `q & r`.
    pub fn restrict(&self, q: &Query, r: &Restriction) -> Result<Query> {
        if q.is_universal() {
            return match r {
                Restriction::Query(other) => self.distinct(q, other),
                _ => Err(Error::dj("Set U can only be restricted with a QueryExpression.")),
            };
        }
        if let Restriction::Top(top) = r {
            check_order_by(q, &top.order_by)?;
            return Ok(Query::new(Node::Restrict(q.clone(), Cond::Top(top.clone())), q.heading.to_vec()));
        }
        Ok(match self.truth(q, r)? {
            Truth::True => q.clone(),
            Truth::False => Query::new(
                Node::Restrict(q.clone(), Cond::Where("0".into(), Vec::new(), Vec::new())),
                q.heading.to_vec(),
            ),
            Truth::Sql(sql, args, reads) => {
                Query::new(Node::Restrict(q.clone(), Cond::Where(sql, args, reads)), q.heading.to_vec())
            }
            Truth::Deferred(err) => Query::new(Node::Restrict(q.clone(), Cond::Deferred(err)), q.heading.to_vec()),
        })
    }

    /// `q - r`.
    pub fn exclude(&self, q: &Query, r: &Restriction) -> Result<Query> {
        self.restrict(q, &Restriction::Not(Box::new(r.clone())))
    }

    fn truth(&self, q: &Query, r: &Restriction) -> Result<Truth> {
        Ok(match r {
            Restriction::Bool(true) => Truth::True,
            Restriction::Bool(false) => Truth::False,
            Restriction::Map(map) => {
                let mut parts = Vec::new();
                let mut args = Vec::new();
                for (k, v) in map {
                    let Some(col) = q.column(k) else { continue };
                    if v.is_null() {
                        parts.push(format!("\"{k}\" IS NULL"));
                    } else {
                        let collate = if col.is_text() { " COLLATE MYSQL_AI_CI" } else { "" };
                        parts.push(format!("\"{k}\" = ?{collate}"));
                        args.push(restriction_value(col, v)?);
                    }
                }
                if parts.is_empty() {
                    Truth::True
                } else {
                    Truth::Sql(parts.join(" AND "), args, Vec::new())
                }
            }
            Restriction::Sql(text) => match translate_condition_typed(text, &q.names(), &q.types()) {
                Ok(sql) => Truth::Sql(format!("({sql})"), Vec::new(), Vec::new()),
                // Server-side errors: DataJoint raises them when the query is sent.
                Err(e) if e.code == Some(1064) => Truth::Deferred(Error::with_args(
                    Kind::QuerySyntaxError,
                    Some(1064),
                    &[&e.message, &mysql_text(q, FIELDS, text)],
                )),
                Err(e) if e.code.is_some() => Truth::Deferred(e),
                Err(e) => return Err(e),
            },
            Restriction::Or(items) => self.combine(q, items, true)?,
            Restriction::And(items) => self.combine(q, items, false)?,
            Restriction::Not(inner) => match self.truth(q, inner)? {
                Truth::True => Truth::False,
                Truth::False => Truth::True,
                Truth::Sql(s, a, r) => Truth::Sql(format!("NOT ({s})"), a, r),
                Truth::Deferred(e) => Truth::Deferred(e),
            },
            Restriction::Query(other) => {
                if other.is_universal() {
                    return Ok(Truth::True);
                }
                assert_join_compatibility(q, other)?;
                let shared: Vec<&Column> = q.heading.iter().filter(|c| other.column(&c.name).is_some()).collect();
                let (sub, args) = match other.select() {
                    Ok(compiled) => compiled,
                    Err(e) if e.code.is_some() => return Ok(Truth::Deferred(e)),
                    Err(e) => return Err(e),
                };
                let reads = other.tables();
                if shared.is_empty() {
                    Truth::Sql(format!("EXISTS (SELECT 1 FROM ({sub}))"), args, reads)
                } else {
                    let lhs: Vec<String> = shared
                        .iter()
                        .map(|c| {
                            if c.is_text() {
                                format!("\"{}\" COLLATE MYSQL_AI_CI", c.name)
                            } else {
                                format!("\"{}\"", c.name)
                            }
                        })
                        .collect();
                    let rhs: Vec<String> = shared.iter().map(|c| format!("\"{}\"", c.name)).collect();
                    Truth::Sql(format!("({}) IN (SELECT {} FROM ({sub}))", lhs.join(", "), rhs.join(", ")), args, reads)
                }
            }
            Restriction::Top(top) => {
                return Err(Error::dj(format!("Invalid restriction type {}", top_repr(top))));
            }
        })
    }

    /// A list (`or`: OR, empty is FALSE) or an AndList (AND, empty is TRUE): items that
    /// decide the whole cut it short, items that change nothing drop out.
    fn combine(&self, q: &Query, items: &[Restriction], or: bool) -> Result<Truth> {
        let mut parts = Vec::new();
        let mut args = Vec::new();
        let mut reads = Vec::new();
        for item in items {
            match (self.truth(q, item)?, or) {
                (Truth::True, true) => return Ok(Truth::True),
                (Truth::False, false) => return Ok(Truth::False),
                (Truth::True | Truth::False, _) => {}
                (Truth::Deferred(e), _) => return Ok(Truth::Deferred(e)),
                (Truth::Sql(s, a, r), _) => {
                    parts.push(format!("({s})"));
                    args.extend(a);
                    reads.extend(r);
                }
            }
        }
        Ok(match (parts.is_empty(), or) {
            (true, true) => Truth::False,
            (true, false) => Truth::True,
            (false, _) => Truth::Sql(parts.join(if or { " OR " } else { " AND " }), args, reads),
        })
    }

    /// `dj.U(attrs) & q`: the distinct values of `attrs` in `q`.
    fn distinct(&self, u: &Query, q: &Query) -> Result<Query> {
        if q.is_universal() {
            return Err(Error::dj("Set U can only be restricted with a QueryExpression."));
        }
        let mut heading = Vec::new();
        for name in u.names() {
            // oracle: `dj.U("nope") & Subject` raises KeyError('nope') from the heading lookup.
            let col = q.column(&name).ok_or_else(|| Error::key_error(name.clone()))?;
            heading.push(Column { in_key: true, ..col.clone() });
        }
        let cols: Vec<(String, ProjSource)> =
            heading.iter().map(|c| (c.name.clone(), ProjSource::Attr(c.name.clone()))).collect();
        let projected = Query::new(Node::Proj(q.clone(), cols), heading.clone());
        Ok(Query::new(Node::Distinct(projected), heading))
    }

    /// `a * b`; with `left`, `a.join(b, left=True)`.
    pub fn join(&self, a: &Query, b: &Query, left: bool) -> Result<Query> {
        if a.is_universal() {
            return promote(b, a);
        }
        if b.is_universal() {
            return promote(a, b);
        }
        assert_join_compatibility(a, b)?;
        let a_pk = a.primary_key();
        let b_pk = b.primary_key();
        let mut heading: Vec<Column> = a.heading.iter().filter(|c| c.in_key).cloned().collect();
        heading.extend(b.heading.iter().filter(|c| c.in_key && !a_pk.contains(&c.name)).cloned());
        heading.extend(a.heading.iter().filter(|c| !c.in_key && !b_pk.contains(&c.name)).cloned());
        heading.extend(b.heading.iter().filter(|c| !c.in_key && !a_pk.contains(&c.name)).cloned());
        // An attribute primary on one side and secondary on the other is primary in the join.
        for col in heading.iter_mut() {
            col.in_key = a_pk.contains(&col.name) || b_pk.contains(&col.name);
            if left && b.column(&col.name).is_some() && a.column(&col.name).is_none() {
                col.nullable = true;
            }
        }
        Ok(Query::new(Node::Join(a.clone(), b.clone(), left), heading))
    }

    /// `q.proj(*attrs, **named)`.
    pub fn proj(&self, q: &Query, attrs: &[String], named: &[(String, String)]) -> Result<Query> {
        let (heading, columns) = project(q, attrs, named, false)?;
        Ok(Query::new(Node::Proj(q.clone(), columns), heading))
    }

    /// `a.aggr(b, *attrs, keep_all_rows=..., **named)`; `dj.U(...).aggr(b, **named)` when `a`
    /// is universal.
    pub fn aggr(
        &self,
        a: &Query,
        b: &Query,
        attrs: &[String],
        named: &[(String, String)],
        keep_all_rows: bool,
    ) -> Result<Query> {
        if a.is_universal() {
            if keep_all_rows {
                return Err(Error::dj("Cannot set keep_all_rows=True when aggregating on a universal set."));
            }
            let input = promote(b, a)?;
            let group_by = a.names();
            let grouped = with_key(&input, &group_by);
            let (heading, columns) = project(&grouped, &[], named, true)?;
            return Ok(Query::new(Node::Aggr { input, group_by, columns }, heading));
        }
        let joined = self.join(a, b, keep_all_rows)?;
        let group_by = a.primary_key();
        let grouped = with_key(&joined, &group_by);
        // `...` stands for the grouping side's secondary attributes.
        let attrs: Vec<String> =
            attrs.iter().flat_map(|x| if x == "..." { a.secondary_attributes() } else { vec![x.clone()] }).collect();
        let (heading, columns) = project(&grouped, &attrs, named, true)?;
        Ok(Query::new(Node::Aggr { input: joined, group_by, columns }, heading))
    }

    /// `a + b`.
    pub fn union(&self, a: &Query, b: &Query) -> Result<Query> {
        let a_pk: HashSet<String> = a.primary_key().into_iter().collect();
        let b_pk: HashSet<String> = b.primary_key().into_iter().collect();
        if a_pk != b_pk {
            return Err(Error::dj("The operands of a union must share the same primary key."));
        }
        let b_sec = b.secondary_attributes();
        if a.secondary_attributes().iter().any(|s| b_sec.contains(s)) {
            return Err(Error::dj("The operands of a union must not share any secondary attributes."));
        }
        let mut heading = a.heading.to_vec();
        heading.extend(b.heading.iter().filter(|c| !c.in_key).cloned());
        for col in heading.iter_mut().filter(|c| !c.in_key) {
            col.nullable = true;
        }
        Ok(Query::new(Node::Union(a.clone(), b.clone()), heading))
    }
}

/// Stands for the fetched fields in a deferred error's statement until the fetch names them.
pub(crate) const FIELDS: &str = "\u{E000}FIELDS\u{E000}";

/// The statement DataJoint would send for `q & cond` (for the server's error messages).
fn mysql_text(q: &Query, fields: &str, cond: &str) -> String {
    let from = match q.restricted_table() {
        Some((t, _)) => t.full(),
        None => "(...)".to_string(),
    };
    format!("SELECT {fields} FROM {from} WHERE ( ({}))", cond.trim())
}

/// `q` with its primary key replaced by `key` (DataJoint's `set_primary_key`).
fn with_key(q: &Query, key: &[String]) -> Query {
    let heading = q.heading.iter().map(|c| Column { in_key: key.contains(&c.name), ..c.clone() }).collect();
    Query { node: q.node.clone(), heading: std::sync::Arc::new(heading) }
}

/// `q * dj.U(attrs)`: `q` with `attrs` added to its primary key.
fn promote(q: &Query, u: &Query) -> Result<Query> {
    if q.is_universal() {
        return Err(Error::dj("Set U can only be joined with a QueryExpression."));
    }
    let mut key = q.primary_key();
    for name in u.names() {
        if q.column(&name).is_none() {
            return Err(Error::dj(format!("Attribute `{name}` not found")));
        }
        if !key.contains(&name) {
            key.push(name);
        }
    }
    Ok(with_key(q, &key))
}

/// DataJoint's `assert_join_compatibility`: no attribute may be secondary on both sides.
fn assert_join_compatibility(a: &Query, b: &Query) -> Result<()> {
    if a.is_universal() || b.is_universal() {
        return Ok(());
    }
    let b_sec = b.secondary_attributes();
    match a.secondary_attributes().into_iter().find(|s| b_sec.contains(s)) {
        Some(name) => Err(Error::dj(format!("Cannot join query expressions on dependent attribute `{name}`"))),
        None => Ok(()),
    }
}

/// A projection's heading and where each of its columns comes from.
type Projection = (Vec<Column>, Vec<(String, ProjSource)>);

/// The projection rules of DataJoint's `proj`: which attributes stay, what is renamed,
/// duplicated or computed, and the errors for the rest.
fn project(q: &Query, attrs: &[String], named: &[(String, String)], aggregates: bool) -> Result<Projection> {
    let mut renames: Vec<(String, String)> = Vec::new();
    let mut computes: Vec<(String, String)> = Vec::new();
    for (new, value) in named {
        match (duplicated_name(value), renamed_name(value)) {
            (Some(old), _) | (None, Some(old)) => renames.push((new.clone(), old)),
            (None, None) => computes.push((new.clone(), value.clone())),
        }
    }
    let renamed_from: Vec<&str> = renames.iter().map(|(_, old)| old.as_str()).collect();
    let mut keep: Vec<String> = attrs.to_vec();
    keep.extend(q.primary_key().into_iter().filter(|k| !renamed_from.contains(&k.as_str())));
    if keep.iter().any(|a| a == "...") {
        keep.retain(|a| a != "...");
        for s in q.secondary_attributes() {
            if !keep.contains(&s) && !renamed_from.contains(&s.as_str()) {
                keep.push(s);
            }
        }
    }
    let excluded: Vec<String> = keep
        .iter()
        .filter(|a| a.trim().starts_with('-'))
        .map(|a| a.trim().trim_start_matches('-').trim().to_string())
        .collect();
    keep.retain(|a| !a.trim().starts_with('-') && !excluded.contains(a));
    let pk = q.primary_key();
    if let Some(x) = excluded.iter().find(|x| pk.contains(x)) {
        return Err(Error::dj(tuple_repr(&["Cannot exclude primary key attribute %s", x])));
    }
    if let Some(missing) = keep.iter().find(|a| q.column(a).is_none()) {
        return Err(Error::dj(format!("Attribute `{missing}` not found.")));
    }
    let exists = |name: &str, others: &[&str]| keep.iter().any(|k| k == name) || others.contains(&name);
    let rename_names: Vec<&str> = renames.iter().map(|(n, _)| n.as_str()).collect();
    let compute_names: Vec<&str> = computes.iter().map(|(n, _)| n.as_str()).collect();
    for (new, _) in &renames {
        let others: Vec<&str> =
            compute_names.iter().copied().chain(rename_names.iter().copied().filter(|n| n != new)).collect();
        if exists(new, &others) {
            return Err(Error::dj(format!("Attribute `{new}` already exists")));
        }
    }
    for (new, _) in &computes {
        let others: Vec<&str> =
            rename_names.iter().copied().chain(compute_names.iter().copied().filter(|n| n != new)).collect();
        if exists(new, &others) {
            return Err(Error::dj(format!("Attribute `{new}` already exists")));
        }
    }
    let mut heading = Vec::new();
    let mut columns = Vec::new();
    for col in q.heading.iter() {
        if keep.contains(&col.name) {
            heading.push(col.clone());
            columns.push((col.name.clone(), ProjSource::Attr(col.name.clone())));
        }
        for (new, old) in renames.iter().filter(|(_, old)| *old == col.name) {
            heading.push(Column { name: new.clone(), ..col.clone() });
            columns.push((new.clone(), ProjSource::Attr(old.clone())));
        }
    }
    let names = q.names();
    for (new, expr) in &computes {
        let sql = translate_expression_typed(expr, &names, &q.types(), aggregates)?;
        heading.push(Column { ty: extreme_of_single_float(q, expr), ..Column::computed(new) });
        columns.push((new.clone(), ProjSource::Expr(sql)));
    }
    Ok((heading, columns))
}

/// MySQL types `MAX(col)` and `MIN(col)` as `col` itself (`Item_sum_hybrid` keeps its
/// argument's field type), so the extreme of a FLOAT column comes back as a single-precision
/// value, `0.9` (oracle) rather than the `0.8999999761581421` that the stored float widened to
/// double would print. Other results (`avg`, `sum`, arithmetic) are DOUBLE in MySQL too.
fn extreme_of_single_float(q: &Query, expr: &str) -> Option<AttrType> {
    static EXTREME: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)^\s*(?:max|min)\s*\(\s*`?([a-z_][a-z0-9_]*)`?\s*\)\s*$").expect("valid regex")
    });
    let name = EXTREME.captures(expr)?.get(1)?.as_str().to_string();
    match q.column(&name)?.ty.as_ref()? {
        ty @ AttrType::Float { double: false, .. } => Some(ty.clone()),
        _ => None,
    }
}

const CONSTANT_LITERALS: [&str; 2] = ["NULL", "CURRENT_TIMESTAMP"];

fn identifier(s: &str) -> Option<String> {
    let s = s.trim();
    let mut chars = s.chars();
    let first = chars.next()?;
    if !(first.is_ascii_alphabetic() || first == '_') || !s.chars().all(|c| c.is_alphanumeric() || c == '_') {
        return None;
    }
    // `(?!NULL|CURRENT_TIMESTAMP)`: a prefix match, case-sensitive, as in DataJoint's regex.
    if CONSTANT_LITERALS.iter().any(|lit| s.starts_with(lit)) {
        return None;
    }
    Some(s.to_string())
}

/// `new='(old)'`: duplicate an attribute.
fn duplicated_name(value: &str) -> Option<String> {
    let inner = value.trim().strip_prefix('(')?.strip_suffix(')')?;
    identifier(inner)
}

/// `new='old'`: rename an attribute.
fn renamed_name(value: &str) -> Option<String> {
    identifier(value)
}

/// Order-by items must name attributes (MySQL 1054 otherwise).
pub(crate) fn check_order_by(q: &Query, order_by: &[String]) -> Result<()> {
    for item in order_by {
        let name = item.split_whitespace().next().unwrap_or_default();
        if name != "KEY" && q.column(name).is_none() {
            return Err(Error::mysql(
                Kind::UnknownAttributeError,
                1054,
                format!("Unknown column '{name}' in 'order clause'"),
            ));
        }
    }
    Ok(())
}

/// `repr(dj.Top(...))`.
pub(super) fn top_repr(top: &Top) -> String {
    let limit = top.limit.map_or("None".to_string(), |l| l.to_string());
    let order: Vec<String> = top.order_by.iter().map(|o| str_repr(o)).collect();
    format!("Top(limit={limit}, order_by=[{}], offset={})", order.join(", "), top.offset)
}

/// A dict restriction's value as compared to the column: DataJoint writes it into the SQL as a
/// literal and MySQL converts it to the column's type; a uuid must parse.
fn restriction_value(col: &Column, v: &Value) -> Result<Sql> {
    Ok(match (&col.ty, v) {
        (Some(AttrType::Uuid), Value::Str(s)) => match crate::engine::types::uuid_bytes(v, &col.name) {
            Ok(b) => Sql::Blob(b.to_vec()),
            Err(_) => return Err(Error::dj(format!("Badly formed UUID {s} in restriction by `{}`", col.name))),
        },
        (Some(AttrType::Uuid), other) => {
            return Err(Error::dj(format!(
                "Badly formed UUID {} in restriction by `{}`",
                crate::engine::py::value_str(other),
                col.name
            )))
        }
        (_, Value::Bool(b)) => Sql::Integer(*b as i64),
        (_, Value::Int(i)) => Sql::Integer(*i),
        (_, Value::Float(f)) => Sql::Real(*f),
        (_, Value::Str(s)) => Sql::Text(s.clone()),
        (_, Value::Bytes(b)) => Sql::Blob(b.clone()),
        (_, other) => Sql::Text(crate::engine::py::value_str(other)),
    })
}
