//! SELECT: the FROM clause's tables, the select list named as MySQL names its columns, WHERE,
//! GROUP BY, HAVING, ORDER BY, LIMIT and DISTINCT, translated to one SQLite SELECT; results
//! decoded by the columns' types.

use sqlparser::ast::{
    Distinct, Expr, GroupByExpr, LimitClause, OrderByKind, OrderBySort, Query, Select, SelectItem,
    SelectItemQualifiedWildcardKind, SetExpr, Spanned, Value as SqlValue,
};

use super::errors::unsupported;
use super::from::{from_clause, Star};
use super::names::parts;
use super::scope::{session_functions, FromScope};
use super::subquery::Chain;
use super::values::{decode, run_error};
use super::{QueryResult, Stmt};
use crate::engine::condition::{translate_scoped, Scope};
use crate::engine::error::{Error, Kind};
use crate::engine::types::{syntax_error, AttrType};
use crate::engine::Result;

use crate::engine::condition::AGGREGATES;

/// One result column.
pub(super) struct Output {
    name: String,
    text: String,
    /// Its type, where it is a column's.
    pub(super) ty: Option<AttrType>,
}

/// Run a SELECT.
pub fn run(st: &mut Stmt<'_>, q: &Query) -> Result<QueryResult> {
    let (sql, outputs) = build(st, q)?;
    let conn = st.server.world.connection();
    let mut stmt = conn.prepare(&sql).map_err(run_error)?;
    let mut rows = stmt.query([]).map_err(run_error)?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().map_err(run_error)? {
        let mut values = Vec::with_capacity(outputs.len());
        for (i, o) in outputs.iter().enumerate() {
            values.push(decode(o.ty.as_ref(), row.get_ref(i).map_err(run_error)?));
        }
        out.push(values);
    }
    Ok(QueryResult { columns: outputs.into_iter().map(|o| o.name).collect(), rowcount: out.len(), rows: out })
}

fn build(st: &Stmt<'_>, q: &Query) -> Result<(String, Vec<Output>)> {
    build_in(st, q, None, 0)
}

/// The SQLite SELECT of `q` and its columns; a subquery (`depth` > 0) also sees the columns of
/// the statements around it (`outer`), as MySQL resolves a correlated reference.
pub(super) fn build_in(
    st: &Stmt<'_>,
    q: &Query,
    outer: Option<&dyn Scope>,
    depth: usize,
) -> Result<(String, Vec<Output>)> {
    if q.with.is_some() {
        return Err(unsupported("WITH (common table expressions)"));
    }
    if q.fetch.is_some() || !q.locks.is_empty() || q.for_clause.is_some() || !q.pipe_operators.is_empty() {
        return Err(unsupported("FETCH, FOR UPDATE and locking clauses"));
    }
    let select = match &*q.body {
        SetExpr::Select(s) => s,
        SetExpr::SetOperation { .. } => return Err(unsupported("UNION, INTERSECT and EXCEPT")),
        _ => return Err(unsupported("This query form")),
    };
    check_select(select)?;
    let s = &st.session;
    let functions = session_functions(s.user(), &s.client_host, &s.account.host, &st.server.settings.version);
    let mut scope = FromScope::new(functions);
    if depth > 0 {
        scope.prefix = format!("s{depth}t");
    }
    let mut star: Star = Vec::new();
    let from = from_clause(st, &select.from, &mut scope, &mut star)?;
    let select_end = select.select_token.0.span.end;
    let texts = super::naming::item_texts(st.text, offset(st.text, select_end.line, select_end.column));
    let texts = if texts.len() == select.projection.len() { texts } else { Vec::new() };
    let outputs = projection(st, &select.projection, &scope, &star, &texts)?;
    match &select.group_by {
        GroupByExpr::Expressions(e, _) if e.is_empty() => only_full_group_by(select, q, &scope)?,
        GroupByExpr::Expressions(e, _) => functionally_dependent(select, e, &scope, &star)?,
        GroupByExpr::All(_) => {}
    }
    scope.aliases = outputs.iter().map(|o| (o.name.clone(), o.text.clone())).collect();
    // WHERE, GROUP BY, HAVING and ORDER BY may hold subqueries.
    let scope = Chain { st, scope: &scope, outer, depth };
    let mut sql = String::from("SELECT ");
    if let Some(d) = &select.distinct {
        match d {
            Distinct::Distinct => sql.push_str("DISTINCT "),
            Distinct::All => {}
            Distinct::On(_) => return Err(unsupported("DISTINCT ON")),
        }
    }
    let cols: Vec<String> = outputs.iter().enumerate().map(|(i, o)| format!("{} AS \"c{i}\"", o.text)).collect();
    sql.push_str(&cols.join(", "));
    if !from.is_empty() {
        sql.push_str(&format!(" FROM {from}"));
    }
    if let Some(w) = &select.selection {
        sql.push_str(&format!(" WHERE {}", translate_scoped(w, st.text, &scope, "where clause", false)?));
    }
    match &select.group_by {
        GroupByExpr::Expressions(exprs, modifiers) => {
            if !modifiers.is_empty() {
                return Err(unsupported("GROUP BY ... WITH ROLLUP"));
            }
            if !exprs.is_empty() {
                let keys = exprs
                    .iter()
                    .map(|e| translate_scoped(e, st.text, &scope, "group statement", false))
                    .collect::<Result<Vec<_>>>()?;
                sql.push_str(&format!(" GROUP BY {}", keys.join(", ")));
            }
        }
        GroupByExpr::All(_) => return Err(syntax_error("ALL")),
    }
    if let Some(h) = &select.having {
        sql.push_str(&format!(" HAVING {}", translate_scoped(h, st.text, &scope, "having clause", true)?));
    }
    if let Some(order) = &q.order_by {
        let OrderByKind::Expressions(items) = &order.kind else { return Err(syntax_error("ALL")) };
        let mut keys = Vec::new();
        for item in items {
            let k = translate_scoped(&item.expr, st.text, &scope, "order clause", true)?;
            let dir = match item.options.sort {
                Some(OrderBySort::Desc) => " DESC",
                Some(OrderBySort::Using(_)) => return Err(syntax_error("USING")),
                _ => "",
            };
            keys.push(format!("{k}{dir}"));
        }
        if !keys.is_empty() {
            sql.push_str(&format!(" ORDER BY {}", keys.join(", ")));
        }
    }
    if let Some(limit) = &q.limit_clause {
        sql.push_str(&limit_text(st, limit)?);
    }
    Ok((sql, outputs))
}

/// Clauses MySQL's SELECT does not have, or the sandbox does not run.
fn check_select(s: &Select) -> Result<()> {
    if s.into.is_some() {
        return Err(unsupported("SELECT ... INTO"));
    }
    if s.top.is_some() || s.prewhere.is_some() || s.qualify.is_some() || !s.connect_by.is_empty() {
        return Err(syntax_error(""));
    }
    if !s.lateral_views.is_empty() || !s.cluster_by.is_empty() || !s.distribute_by.is_empty() || !s.sort_by.is_empty() {
        return Err(syntax_error(""));
    }
    if !s.named_window.is_empty() {
        return Err(unsupported("WINDOW"));
    }
    Ok(())
}

/// `LIMIT n`, `LIMIT n OFFSET m`, `LIMIT m, n`: MySQL takes integer literals only.
fn limit_text(st: &Stmt<'_>, limit: &LimitClause) -> Result<String> {
    let number = |e: &Expr| -> Result<u64> {
        match e {
            Expr::Value(v) => match &v.value {
                SqlValue::Number(n, _) => n.parse::<u64>().map_err(|_| near(st, e)),
                _ => Err(near(st, e)),
            },
            _ => Err(near(st, e)),
        }
    };
    let (n, off) = match limit {
        LimitClause::LimitOffset { limit, offset, limit_by } => {
            if !limit_by.is_empty() {
                return Err(syntax_error("BY"));
            }
            let n = match limit {
                Some(e) => Some(number(e)?),
                None => None,
            };
            let off = match offset {
                Some(o) => Some(number(&o.value)?),
                None => None,
            };
            (n, off)
        }
        LimitClause::OffsetCommaLimit { offset, limit } => (Some(number(limit)?), Some(number(offset)?)),
    };
    // SQLite takes signed 64-bit limits; MySQL's maximum (2^64-1) means "all".
    let clamp = |v: u64| v.min(i64::MAX as u64);
    Ok(match (n, off) {
        (Some(n), Some(o)) => format!(" LIMIT {} OFFSET {}", clamp(n), clamp(o)),
        (Some(n), None) => format!(" LIMIT {}", clamp(n)),
        (None, Some(o)) => format!(" LIMIT -1 OFFSET {}", clamp(o)),
        (None, None) => String::new(),
    })
}

fn near(st: &Stmt<'_>, e: &Expr) -> Error {
    let start = e.span().start;
    crate::engine::types::syntax_error_at(st.text, offset(st.text, start.line, start.column))
}

/// Byte offset of a 1-based line/column location (columns count characters).
pub fn offset(text: &str, line: u64, column: u64) -> usize {
    if line == 0 {
        return text.len();
    }
    let (mut l, mut c) = (1u64, 1u64);
    for (i, ch) in text.char_indices() {
        if l == line && c == column {
            return i;
        }
        if ch == '\n' {
            l += 1;
            c = 1;
        } else {
            c += 1;
        }
    }
    text.len()
}

/// The select list.
fn projection(
    st: &Stmt<'_>,
    items: &[SelectItem],
    scope: &FromScope,
    star: &Star,
    texts: &[String],
) -> Result<Vec<Output>> {
    let mut out = Vec::new();
    for (k, item) in items.iter().enumerate() {
        match item {
            SelectItem::UnnamedExpr(e) => {
                let mut o = expression(st, e, None, scope)?;
                if o.ty.is_none() {
                    if let Some(t) = texts.get(k).filter(|t| !t.is_empty()) {
                        if !matches!(e, Expr::Value(_)) {
                            o.name = t.clone();
                        }
                    }
                }
                out.push(o)
            }
            SelectItem::ExprWithAlias { expr, alias } => out.push(expression(st, expr, Some(&alias.value), scope)?),
            SelectItem::Wildcard(opts) => {
                if opts.opt_exclude.is_some() || opts.opt_except.is_some() || opts.opt_replace.is_some() {
                    return Err(syntax_error(""));
                }
                if scope.sources.is_empty() {
                    // MySQL: `SELECT *` without tables is 1096.
                    return Err(Error::mysql(Kind::OperationalError, 1096, "No tables used"));
                }
                for (i, c) in star {
                    let s = &scope.sources[*i];
                    let ty = s.column(c).map(|(_, t)| t.clone());
                    out.push(Output { name: c.clone(), text: s.sqlite(c), ty });
                }
            }
            SelectItem::QualifiedWildcard(SelectItemQualifiedWildcardKind::ObjectName(name), _) => {
                let p = parts(name);
                let found = scope.sources.iter().find(|s| match p.as_slice() {
                    [q] => s.alias.as_deref().unwrap_or(&s.info.name.table) == q,
                    [db, t] => s.alias.is_none() && &s.info.name.database == db && &s.info.name.table == t,
                    _ => false,
                });
                // MySQL 8.0: ER_BAD_TABLE_ERROR, "Unknown table 'x'".
                let Some(s) = found else {
                    return Err(Error::mysql(Kind::OperationalError, 1051, format!("Unknown table '{}'", p.join("."))));
                };
                for a in &s.info.attributes {
                    out.push(Output { name: a.name.clone(), text: s.sqlite(&a.name), ty: Some(a.ty.clone()) });
                }
            }
            _ => return Err(syntax_error("")),
        }
    }
    Ok(out)
}

/// One expression of the select list, named by its alias, its column, or its text.
fn expression(st: &Stmt<'_>, e: &Expr, alias: Option<&str>, scope: &FromScope) -> Result<Output> {
    let column_ref: Option<Vec<&str>> = match e {
        Expr::Identifier(id) => Some(vec![id.value.as_str()]),
        Expr::CompoundIdentifier(ids) => Some(ids.iter().map(|i| i.value.as_str()).collect()),
        _ => None,
    };
    if let Some(p) = &column_ref {
        if let Some(r) = scope.find(p, "field list")? {
            let name = alias.map_or_else(|| p[p.len() - 1].to_string(), str::to_string);
            return Ok(Output { name, text: r.text, ty: Some(r.ty) });
        }
    }
    let text = translate_scoped(e, st.text, scope, "field list", true)?;
    let name = match alias {
        Some(a) => a.to_string(),
        None => written(st.text, e),
    };
    Ok(Output { name, text, ty: None })
}

/// The expression as written (MySQL names a computed column by its text; a string literal by
/// its content).
fn written(text: &str, e: &Expr) -> String {
    if let Expr::Value(v) = e {
        if let Some(s) = crate::engine::condition::string_value(&v.value) {
            return s;
        }
    }
    let span = e.span();
    if span.start.line > 0 && span.end.line > 0 {
        let (a, b) = (offset(text, span.start.line, span.start.column), offset(text, span.end.line, span.end.column));
        if a < b && b <= text.len() {
            return text[a..b].to_string();
        }
    }
    let _ = text;
    e.to_string()
}

/// MySQL 8.0's ONLY_FULL_GROUP_BY (DataJoint's sql_mode) for a query without GROUP BY: an
/// aggregate anywhere makes every other column reference of the select list an error (1140).
fn only_full_group_by(select: &Select, q: &Query, scope: &FromScope) -> Result<()> {
    let mut aggregated = select.having.as_ref().is_some_and(has_aggregate);
    let mut exprs: Vec<Option<&Expr>> = Vec::new();
    for item in &select.projection {
        match item {
            SelectItem::UnnamedExpr(e) | SelectItem::ExprWithAlias { expr: e, .. } => {
                aggregated |= has_aggregate(e);
                exprs.push(Some(e));
            }
            _ => exprs.push(None),
        }
    }
    if let Some(OrderByKind::Expressions(items)) = q.order_by.as_ref().map(|o| &o.kind) {
        aggregated |= items.iter().any(|i| has_aggregate(&i.expr));
    }
    if !aggregated {
        return Ok(());
    }
    for (n, item) in select.projection.iter().enumerate() {
        let column = match (item, exprs[n]) {
            (_, Some(e)) => {
                bare_column(e).and_then(|p| scope.find(&p, "field list").ok().flatten()).map(|r| r.qualified)
            }
            (SelectItem::Wildcard(_), None) => scope.sources.first().and_then(|s| {
                s.info.attributes.first().map(|a| format!("{}.{}.{}", s.info.name.database, s.info.name.table, a.name))
            }),
            _ => None,
        };
        if let Some(c) = column {
            return Err(Error::mysql(
                Kind::OperationalError,
                1140,
                format!(
                    "In aggregated query without GROUP BY, expression #{} of SELECT list contains nonaggregated \
                     column '{c}'; this is incompatible with sql_mode=only_full_group_by",
                    n + 1
                ),
            ));
        }
    }
    Ok(())
}

fn function_name(f: &sqlparser::ast::Function) -> String {
    f.name.to_string().to_ascii_lowercase()
}

fn children(e: &Expr) -> Vec<&Expr> {
    use sqlparser::ast::{FunctionArg, FunctionArgExpr, FunctionArguments};
    match e {
        Expr::BinaryOp { left, right, .. } => vec![left, right],
        Expr::UnaryOp { expr, .. }
        | Expr::Nested(expr)
        | Expr::IsNull(expr)
        | Expr::IsNotNull(expr)
        | Expr::Cast { expr, .. } => vec![expr],
        Expr::Between { expr, low, high, .. } => vec![expr, low, high],
        Expr::Like { expr, pattern, .. } => vec![expr, pattern],
        Expr::In { expr, target: sqlparser::ast::InTarget::List(list), .. } => {
            std::iter::once(&**expr).chain(list.iter()).collect()
        }
        Expr::Case { operand, conditions, else_result, .. } => operand
            .iter()
            .map(|b| &**b)
            .chain(conditions.iter().flat_map(|w| [&w.condition, &w.result]))
            .chain(else_result.iter().map(|b| &**b))
            .collect(),
        Expr::Function(f) => match &f.args {
            FunctionArguments::List(l) => l
                .args
                .iter()
                .filter_map(|a| match a {
                    FunctionArg::Unnamed(FunctionArgExpr::Expr(x)) => Some(x),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

fn has_aggregate(e: &Expr) -> bool {
    if let Expr::Function(f) = e {
        if AGGREGATES.contains(&function_name(f).as_str()) {
            return true;
        }
    }
    children(e).into_iter().any(has_aggregate)
}

/// MySQL 8.0's ONLY_FULL_GROUP_BY with GROUP BY: every column of the select list outside an
/// aggregate must be grouped, or belong to a table whose primary key is grouped (1055).
fn functionally_dependent(select: &Select, group: &[Expr], scope: &FromScope, star: &Star) -> Result<()> {
    let item_expr = |n: usize| match select.projection.get(n) {
        Some(SelectItem::UnnamedExpr(e) | SelectItem::ExprWithAlias { expr: e, .. }) => Some(e),
        _ => None,
    };
    let mut grouped: Vec<String> = Vec::new();
    let mut grouped_exprs: Vec<String> = Vec::new();
    for g in group {
        grouped_exprs.push(g.to_string());
        // `GROUP BY 2` and `GROUP BY alias` name a select item.
        let target = match g {
            Expr::Value(v) => match &v.value {
                SqlValue::Number(n, _) => n.parse::<usize>().ok().and_then(|k| item_expr(k.wrapping_sub(1))),
                _ => None,
            },
            Expr::Identifier(id) => select.projection.iter().find_map(|it| match it {
                SelectItem::ExprWithAlias { expr, alias } if alias.value.eq_ignore_ascii_case(&id.value) => Some(expr),
                _ => None,
            }),
            _ => None,
        };
        for e in std::iter::once(g).chain(target) {
            if let Some(p) = column_parts(e) {
                if let Ok(Some(r)) = scope.find(&p, "group statement") {
                    grouped.push(r.qualified);
                }
            }
        }
    }
    let dependent = |qualified: &str| {
        grouped.iter().any(|g| g == qualified)
            || scope.sources.iter().any(|src| {
                let t = &src.info.name;
                let prefix = format!("{}.{}.", t.database, t.table);
                qualified.starts_with(&prefix)
                    && src.info.primary_key().iter().all(|k| grouped.contains(&format!("{prefix}{k}")))
            })
    };
    let fail = |n: usize, c: &str| {
        Error::mysql(
            Kind::OperationalError,
            1055,
            format!(
                "Expression #{n} of SELECT list is not in GROUP BY clause and contains nonaggregated column '{c}' \
                 which is not functionally dependent on columns in GROUP BY clause; this is incompatible with \
                 sql_mode=only_full_group_by"
            ),
        )
    };
    let mut n = 0;
    for item in &select.projection {
        match item {
            SelectItem::UnnamedExpr(e) | SelectItem::ExprWithAlias { expr: e, .. } => {
                n += 1;
                if grouped_exprs.contains(&e.to_string()) {
                    continue;
                }
                for p in bare_columns(e) {
                    if let Ok(Some(r)) = scope.find(&p, "field list") {
                        if !dependent(&r.qualified) {
                            return Err(fail(n, &r.qualified));
                        }
                    }
                }
            }
            SelectItem::Wildcard(_) => {
                for (i, c) in star {
                    n += 1;
                    let t = &scope.sources[*i].info.name;
                    let q = format!("{}.{}.{c}", t.database, t.table);
                    if !dependent(&q) {
                        return Err(fail(n, &q));
                    }
                }
            }
            _ => n += 1,
        }
    }
    Ok(())
}

fn column_parts(e: &Expr) -> Option<Vec<&str>> {
    match e {
        Expr::Identifier(id) => Some(vec![id.value.as_str()]),
        Expr::CompoundIdentifier(ids) => Some(ids.iter().map(|i| i.value.as_str()).collect()),
        _ => None,
    }
}

/// Every column reference outside aggregates.
fn bare_columns(e: &Expr) -> Vec<Vec<&str>> {
    match e {
        Expr::Identifier(_) | Expr::CompoundIdentifier(_) => column_parts(e).into_iter().collect(),
        Expr::Function(f) if AGGREGATES.contains(&function_name(f).as_str()) => Vec::new(),
        _ => children(e).into_iter().flat_map(bare_columns).collect(),
    }
}

/// The first column reference outside any aggregate.
fn bare_column(e: &Expr) -> Option<Vec<&str>> {
    match e {
        Expr::Identifier(id) => Some(vec![id.value.as_str()]),
        Expr::CompoundIdentifier(ids) => Some(ids.iter().map(|i| i.value.as_str()).collect()),
        Expr::Function(f) if AGGREGATES.contains(&function_name(f).as_str()) => None,
        _ => children(e).into_iter().find_map(bare_column),
    }
}
