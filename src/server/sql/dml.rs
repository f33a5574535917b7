//! INSERT ... VALUES, UPDATE and DELETE on one table: privilege first (1142), the table (1146),
//! values converted by MySQL's strict mode, then the write, whose constraint failures become
//! MySQL's 1062, 1451 and 1452.

use std::sync::Arc;

use rusqlite::types::Value as Sql;
use sqlparser::ast::{
    AssignmentTarget, Delete, Expr, FromTable, Insert, SetExpr, TableFactor, TableObject, TableWithJoins, Update,
};

use super::convert::{self, cannot_be_null};
use super::errors::{missing_table, unknown_column, unsupported};
use super::names::{parts, table_name};
use super::scope::{session_functions, FromScope};
use super::values::run_error;
use super::{QueryResult, Stmt};
use crate::engine::access::Privilege;
use crate::engine::condition::translate_scoped;
use crate::engine::error::{Error, Kind};
use crate::engine::heading::TableInfo;
use crate::engine::integrity;
use crate::engine::{Result, TableName, World};

fn empty_scope(st: &Stmt<'_>) -> FromScope {
    let s = &st.session;
    FromScope::new(session_functions(s.user(), &s.client_host, &s.account.host, &st.server.settings.version))
}

/// Privilege, then existence.
fn target(st: &Stmt<'_>, table: &TableName, privilege: Privilege) -> Result<Arc<TableInfo>> {
    st.authorize(privilege, table)?;
    st.server.world.table(table).ok_or_else(|| missing_table(table))
}

/// Evaluate a translated constant expression.
fn eval(world: &World, text: &str) -> Result<Sql> {
    world.connection().query_row(&format!("SELECT {text}"), [], |r| r.get::<_, Sql>(0)).map_err(run_error)
}

fn now(world: &World) -> Result<String> {
    world.connection().query_row("SELECT datetime('now', 'localtime')", [], |r| r.get(0)).map_err(run_error)
}

fn is_default(e: &Expr) -> bool {
    matches!(e, Expr::Identifier(id) if id.quote_style.is_none() && id.value.eq_ignore_ascii_case("default"))
}

/// MySQL's error for a row SQLite refused: a missing parent (1452, checked first as InnoDB
/// does), a duplicate key (1062), or children blocking a key change (1451).
fn explain(world: &World, info: &TableInfo, row: &[Sql], e: rusqlite::Error) -> Error {
    if let Some(err) = integrity::missing_parent(world, info, row) {
        return err;
    }
    let code = match &e {
        rusqlite::Error::SqliteFailure(f, _) => f.extended_code,
        _ => return run_error(e),
    };
    match code {
        1555 | 2067 => {
            let (entry, key) = integrity::duplicate_key(world, info, row);
            Error::mysql(
                Kind::DuplicateError,
                1062,
                format!("Duplicate entry '{entry}' for key '{}.{key}'", info.name.table),
            )
        }
        _ => run_error(e),
    }
}

/// `INSERT INTO db.t [(cols)] VALUES (...), ...` or `INSERT INTO db.t SET a = 1, ...`.
pub fn insert(st: &mut Stmt<'_>, ins: &Insert) -> Result<QueryResult> {
    if ins.replace_into || ins.ignore || ins.on.is_some() || ins.or.is_some() {
        return Err(unsupported("REPLACE, INSERT IGNORE and ON DUPLICATE KEY UPDATE"));
    }
    if ins.returning.is_some() || ins.partitioned.is_some() || !ins.after_columns.is_empty() || ins.overwrite {
        return Err(crate::engine::types::syntax_error(""));
    }
    let TableObject::TableName(name) = &ins.table else { return Err(unsupported("INSERT INTO a table function")) };
    let table = table_name(name)?;
    let info = target(st, &table, Privilege::Insert)?;
    let scope = empty_scope(st);
    // The column list and the rows of expressions.
    let (names, rows): (Vec<String>, Vec<Vec<&Expr>>) = if !ins.assignments.is_empty() {
        let mut names = Vec::new();
        for a in &ins.assignments {
            match &a.target {
                AssignmentTarget::ColumnName(n) => names.push(parts(n).last().cloned().unwrap_or_default()),
                AssignmentTarget::Tuple(_) => return Err(crate::engine::types::syntax_error("(")),
            }
        }
        (names, vec![ins.assignments.iter().map(|a| &a.value).collect()])
    } else {
        let Some(source) = &ins.source else { return Err(crate::engine::types::syntax_error("")) };
        let SetExpr::Values(values) = &*source.body else { return Err(unsupported("INSERT ... SELECT")) };
        let names = if ins.columns.is_empty() {
            info.names()
        } else {
            ins.columns.iter().map(|c| parts(c).last().cloned().unwrap_or_default()).collect()
        };
        (names, values.rows.iter().map(|r| r.iter().collect()).collect())
    };
    let mut positions = Vec::new();
    for n in &names {
        let Some(p) = info.attributes.iter().position(|a| a.name.eq_ignore_ascii_case(n)) else {
            return Err(unknown_column(n, "field list"));
        };
        if positions.contains(&p) {
            return Err(Error::mysql(
                Kind::ProgrammingError,
                1110,
                format!("Column '{}' specified twice", info.attributes[p].name),
            ));
        }
        positions.push(p);
    }
    let world = &st.server.world;
    let now = now(world)?;
    let mut next = world.auto_increment(&info)?.unwrap_or(1);
    let mut prepared: Vec<Vec<Sql>> = Vec::with_capacity(rows.len());
    for (r, exprs) in rows.iter().enumerate() {
        let row_no = r + 1;
        if exprs.len() != positions.len() {
            return Err(Error::mysql(
                Kind::OperationalError,
                1136,
                format!("Column count doesn't match value count at row {row_no}"),
            ));
        }
        let mut given: Vec<Option<Sql>> = vec![None; info.attributes.len()];
        for (e, p) in exprs.iter().zip(&positions) {
            if is_default(e) {
                continue;
            }
            let text = translate_scoped(e, st.text, &scope, "field list", false)?;
            given[*p] = Some(eval(world, &text)?);
        }
        let mut values = Vec::with_capacity(info.attributes.len());
        for (a, v) in info.attributes.iter().zip(given) {
            let stored = match v {
                // NULL and 0 into an auto-increment column take the next value.
                Some(Sql::Null | Sql::Integer(0)) if a.autoincrement => Sql::Integer(next),
                Some(v) => convert::store(a, v, &info.name.table, row_no)?,
                None => convert::default(a, row_no, next, &now)?,
            };
            if a.autoincrement {
                if let Sql::Integer(i) = stored {
                    next = next.max(i + 1);
                }
            }
            values.push(stored);
        }
        prepared.push(values);
    }
    let columns: Vec<String> = info.attributes.iter().map(|a| format!("\"{}\"", a.name)).collect();
    let sql = format!(
        "INSERT INTO {} ({}) VALUES ({})",
        info.name.sqlite(),
        columns.join(","),
        vec!["?"; columns.len()].join(",")
    );
    let n = prepared.len();
    st.server.world.atomically(|w| {
        for row in &prepared {
            if let Err(e) = w.connection().execute(&sql, rusqlite::params_from_iter(row.iter())) {
                return Err(explain(w, &info, row, e));
            }
        }
        w.set_auto_increment(&info, next)
    })?;
    Ok(QueryResult::affected(n))
}

/// The single table of an UPDATE or DELETE, with its alias.
fn single_table(twj: &TableWithJoins) -> Result<(TableName, Option<String>)> {
    if !twj.joins.is_empty() {
        return Err(unsupported("A multi-table UPDATE or DELETE"));
    }
    match &twj.relation {
        TableFactor::Table { name, alias, .. } => Ok((table_name(name)?, alias.as_ref().map(|a| a.name.value.clone()))),
        _ => Err(unsupported("This UPDATE or DELETE target")),
    }
}

/// `WHERE`, `ORDER BY` and `LIMIT` of an UPDATE or DELETE as a SQLite tail over `"t0"`.
fn row_filter(
    st: &Stmt<'_>,
    scope: &FromScope,
    selection: Option<&Expr>,
    order_by: &[sqlparser::ast::OrderByExpr],
    limit: Option<&Expr>,
) -> Result<String> {
    let mut tail = String::new();
    if let Some(w) = selection {
        tail.push_str(&format!(" WHERE {}", translate_scoped(w, st.text, scope, "where clause", false)?));
    }
    if !order_by.is_empty() {
        let keys = order_by
            .iter()
            .map(|o| {
                let k = translate_scoped(&o.expr, st.text, scope, "order clause", false)?;
                let desc = matches!(o.options.sort, Some(sqlparser::ast::OrderBySort::Desc));
                Ok(format!("{k}{}", if desc { " DESC" } else { "" }))
            })
            .collect::<Result<Vec<_>>>()?;
        tail.push_str(&format!(" ORDER BY {}", keys.join(", ")));
    }
    if let Some(l) = limit {
        match l {
            Expr::Value(v) if matches!(&v.value, sqlparser::ast::Value::Number(n, _) if n.parse::<u64>().is_ok()) => {
                tail.push_str(&format!(" LIMIT {}", v.value))
            }
            _ => return Err(crate::engine::types::syntax_error(&l.to_string())),
        }
    }
    Ok(tail)
}

/// `UPDATE db.t SET a = expr, ... [WHERE ...] [ORDER BY ...] [LIMIT n]`: rowcount counts the
/// rows actually changed (pymysql does not ask for found rows).
pub fn update(st: &mut Stmt<'_>, u: &Update) -> Result<QueryResult> {
    if u.from.is_some() || u.returning.is_some() || u.or.is_some() {
        return Err(unsupported("UPDATE ... FROM / RETURNING"));
    }
    let (table, alias) = single_table(&u.table)?;
    let info = target(st, &table, Privilege::Update)?;
    let mut scope = empty_scope(st);
    scope.push(alias, info.clone())?;
    let mut sets: Vec<(usize, String)> = Vec::new();
    for a in &u.assignments {
        let AssignmentTarget::ColumnName(n) = &a.target else { return Err(crate::engine::types::syntax_error("(")) };
        let p = parts(n);
        let col = p.last().cloned().unwrap_or_default();
        let refs: Vec<&str> = p.iter().map(String::as_str).collect();
        let Some(pos) = scope
            .find(&refs, "field list")?
            .and_then(|_| info.attributes.iter().position(|x| x.name.eq_ignore_ascii_case(&col)))
        else {
            return Err(unknown_column(&p.join("."), "field list"));
        };
        sets.push((pos, translate_scoped(&a.value, st.text, &scope, "field list", false)?));
    }
    let tail = row_filter(st, &scope, u.selection.as_ref(), &u.order_by, u.limit.as_ref())?;
    let all: Vec<String> = info.attributes.iter().map(|a| scope.sources[0].sqlite(&a.name)).collect();
    let news: Vec<&str> = sets.iter().map(|(_, t)| t.as_str()).collect();
    let select = format!(
        "SELECT {}{}{} FROM {} AS \"t0\"{tail}",
        all.join(", "),
        if news.is_empty() { "" } else { ", " },
        news.join(", "),
        info.name.sqlite()
    );
    let width = info.attributes.len();
    let found: Vec<Vec<Sql>> = {
        let conn = st.server.world.connection();
        let mut stmt = conn.prepare(&select).map_err(run_error)?;
        let rows = stmt
            .query_map([], |r| {
                (0..width + sets.len()).map(|i| r.get::<_, Sql>(i)).collect::<rusqlite::Result<Vec<_>>>()
            })
            .map_err(run_error)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(run_error)?
    };
    let pk: Vec<usize> = (0..width).filter(|i| info.attributes[*i].in_key).collect();
    let mut changes: Vec<(Vec<Sql>, Vec<Sql>)> = Vec::new();
    for (r, row) in found.iter().enumerate() {
        let mut new_row = row[..width].to_vec();
        for (k, (pos, _)) in sets.iter().enumerate() {
            let a = &info.attributes[*pos];
            let v = row[width + k].clone();
            if v == Sql::Null && !a.nullable {
                return Err(cannot_be_null(&a.name));
            }
            new_row[*pos] = convert::store(a, v, &info.name.table, r + 1)?;
        }
        if new_row != row[..width] {
            changes.push((row[..width].to_vec(), new_row));
        }
    }
    let set_cols: Vec<usize> = {
        let mut v: Vec<usize> = sets.iter().map(|(p, _)| *p).collect();
        v.dedup();
        v
    };
    let assign: Vec<String> = set_cols.iter().map(|p| format!("\"{}\" = ?", info.attributes[*p].name)).collect();
    let key: Vec<String> = pk.iter().map(|p| format!("\"{}\" IS ?", info.attributes[*p].name)).collect();
    let sql = format!("UPDATE {} SET {} WHERE {}", info.name.sqlite(), assign.join(", "), key.join(" AND "));
    let n = changes.len();
    if n == 0 {
        return Ok(QueryResult::affected(0));
    }
    st.server.world.atomically(|w| {
        for (old, new) in &changes {
            let args: Vec<&Sql> = set_cols.iter().map(|p| &new[*p]).chain(pk.iter().map(|p| &old[*p])).collect();
            if let Err(e) = w.connection().execute(&sql, rusqlite::params_from_iter(args)) {
                let key_changed = pk.iter().any(|p| old[*p] != new[*p]);
                if key_changed {
                    let cond: Vec<String> =
                        pk.iter().map(|p| format!("\"{}\" IS ?", info.attributes[*p].name)).collect();
                    let rows = format!("SELECT * FROM {} WHERE {}", info.name.sqlite(), cond.join(" AND "));
                    let args: Vec<Sql> = pk.iter().map(|p| old[*p].clone()).collect();
                    if let Some(err) = integrity::referencing_child(w, &info.name, &rows, &args) {
                        if integrity::missing_parent(w, &info, new).is_none() {
                            return Err(err);
                        }
                    }
                }
                return Err(explain(w, &info, new, e));
            }
        }
        Ok(())
    })?;
    Ok(QueryResult::affected(n))
}

/// `DELETE FROM db.t [WHERE ...] [ORDER BY ...] [LIMIT n]`; children block it with 1451.
pub fn delete(st: &mut Stmt<'_>, d: &Delete) -> Result<QueryResult> {
    if !d.tables.is_empty() || d.using.is_some() || d.returning.is_some() {
        return Err(unsupported("A multi-table DELETE"));
    }
    let from = match &d.from {
        FromTable::WithFromKeyword(f) | FromTable::WithoutKeyword(f) => f,
    };
    let [twj] = from.as_slice() else { return Err(unsupported("A multi-table DELETE")) };
    let (table, alias) = single_table(twj)?;
    let info = target(st, &table, Privilege::Delete)?;
    let mut scope = empty_scope(st);
    scope.push(alias, info.clone())?;
    let tail = row_filter(st, &scope, d.selection.as_ref(), &d.order_by, d.limit.as_ref())?;
    let rows = format!("SELECT \"t0\".* FROM {} AS \"t0\"{tail}", info.name.sqlite());
    let key: Vec<String> = info.primary_key().iter().map(|k| format!("\"{k}\"")).collect();
    let sql = format!(
        "DELETE FROM {} WHERE ({}) IN (SELECT {} FROM ({rows}))",
        info.name.sqlite(),
        key.join(", "),
        key.join(", ")
    );
    let n = st.server.world.atomically(|w| match w.connection().execute(&sql, []) {
        Ok(n) => Ok(n),
        Err(e) => Err(integrity::referencing_child(w, &info.name, &rows, &[]).unwrap_or_else(|| run_error(e))),
    })?;
    Ok(QueryResult::affected(n))
}
