//! The FROM clause: tables (privilege-checked, then looked up), aliases, and joins, as SQLite
//! text over the storage tables; `USING` and `NATURAL` merge columns as MySQL does (the merged
//! column appears once, first, in `SELECT *`).

use sqlparser::ast::{JoinConstraint, JoinOperator, ObjectName, TableFactor, TableWithJoins};

use super::errors::{ambiguous, missing_table, unknown_column, unsupported};
use super::names::{parts, table_name};
use super::scope::FromScope;
use super::Stmt;
use crate::engine::access::Privilege;
use crate::engine::condition::translate_scoped;
use crate::engine::Result;

/// The columns `SELECT *` lists: (source index, column name).
pub type Star = Vec<(usize, String)>;

/// The whole FROM clause as SQLite text (empty for none or `FROM DUAL`).
pub fn from_clause(st: &Stmt<'_>, from: &[TableWithJoins], scope: &mut FromScope, star: &mut Star) -> Result<String> {
    let mut parts_sql = Vec::new();
    for twj in from {
        let Some((mut text, first)) = factor(st, &twj.relation, scope)? else {
            if twj.joins.is_empty() && from.len() == 1 {
                return Ok(String::new());
            }
            return Err(unsupported("DUAL joined with tables"));
        };
        star.extend(columns_of(scope, first));
        for join in &twj.joins {
            let (kw, constraint) = match &join.join_operator {
                JoinOperator::Join(c) | JoinOperator::Inner(c) | JoinOperator::StraightJoin(c) => ("JOIN", c),
                JoinOperator::Left(c) | JoinOperator::LeftOuter(c) => ("LEFT JOIN", c),
                JoinOperator::Right(c) | JoinOperator::RightOuter(c) => ("RIGHT JOIN", c),
                JoinOperator::CrossJoin(c) => ("CROSS JOIN", c),
                _ => return Err(unsupported("This kind of join")),
            };
            let Some((right_text, right)) = factor(st, &join.relation, scope)? else {
                return Err(unsupported("DUAL joined with tables"));
            };
            let right_cols = columns_of(scope, right);
            let merged: Vec<String> = match constraint {
                JoinConstraint::On(e) => {
                    let cond = translate_scoped(e, st.text, scope, "on clause", false)?;
                    text = format!("{text} {kw} {right_text} ON {cond}");
                    star.extend(right_cols);
                    continue;
                }
                JoinConstraint::None => {
                    text = format!("{text} {kw} {right_text}");
                    star.extend(right_cols);
                    continue;
                }
                JoinConstraint::Using(names) => {
                    names.iter().map(|n| parts(n).last().cloned().unwrap_or_default()).collect()
                }
                JoinConstraint::Natural => right_cols
                    .iter()
                    .filter(|(_, c)| star.iter().any(|(_, l)| l.eq_ignore_ascii_case(c)))
                    .map(|(_, c)| c.clone())
                    .collect(),
                JoinConstraint::UsingAlias(..) => return Err(unsupported("USING (...) AS alias")),
            };
            let right_join = kw == "RIGHT JOIN";
            let mut conds = Vec::new();
            let mut first_cols: Star = Vec::new();
            for name in &merged {
                let left: Vec<&(usize, String)> = star.iter().filter(|(_, c)| c.eq_ignore_ascii_case(name)).collect();
                let (li, lc) = match left.as_slice() {
                    [one] => (one.0, one.1.clone()),
                    [] => return Err(unknown_column(name, "from clause")),
                    _ => return Err(ambiguous(name, "from clause")),
                };
                let Some((rc, _)) = scope.sources[right].column(name).map(|(c, t)| (c.to_string(), t.clone())) else {
                    return Err(unknown_column(name, "from clause"));
                };
                conds.push(format!("{} = {}", scope.sources[li].sqlite(&lc), scope.sources[right].sqlite(&rc)));
                // The merged column is the left one's (the right one's for RIGHT JOIN).
                if right_join {
                    scope.sources[li].hidden.push(lc.clone());
                    first_cols.push((right, rc));
                } else {
                    scope.sources[right].hidden.push(rc);
                    first_cols.push((li, lc));
                }
            }
            let on = if conds.is_empty() { "1".to_string() } else { conds.join(" AND ") };
            text = format!("{text} {kw} {right_text} ON ({on})");
            let is_merged = |c: &str| merged.iter().any(|m| m.eq_ignore_ascii_case(c));
            let rest_left: Star = star.iter().filter(|(_, c)| !is_merged(c)).cloned().collect();
            let rest_right: Star = right_cols.into_iter().filter(|(_, c)| !is_merged(c)).collect();
            *star = first_cols.into_iter().chain(rest_left).chain(rest_right).collect();
        }
        parts_sql.push(text);
    }
    Ok(parts_sql.join(", "))
}

fn columns_of(scope: &FromScope, i: usize) -> Star {
    scope.sources[i].info.attributes.iter().map(|a| (i, a.name.clone())).collect()
}

fn is_dual(name: &ObjectName) -> bool {
    matches!(parts(name).as_slice(), [d] if d.eq_ignore_ascii_case("dual"))
}

/// One table: `"db/t" AS "t0"` and its index in the scope; `None` for `DUAL`.
fn factor(st: &Stmt<'_>, f: &TableFactor, scope: &mut FromScope) -> Result<Option<(String, usize)>> {
    let TableFactor::Table { name, alias, args: None, with_hints, version: None, partitions, .. } = f else {
        return Err(match f {
            TableFactor::Derived { .. } => unsupported("A subquery in FROM"),
            _ => unsupported("This FROM item"),
        });
    };
    if !with_hints.is_empty() || !partitions.is_empty() {
        return Err(unsupported("Index hints and partitions"));
    }
    if is_dual(name) && alias.is_none() {
        return Ok(None);
    }
    let table = table_name(name)?;
    if table.database.eq_ignore_ascii_case("information_schema") {
        return Err(unsupported("information_schema (use SHOW DATABASES, SHOW TABLES, SHOW COLUMNS)"));
    }
    st.authorize(Privilege::Select, &table)?;
    let info = st.server.world.table(&table).ok_or_else(|| missing_table(&table))?;
    let alias_name = match alias {
        Some(a) if !a.columns.is_empty() => return Err(unsupported("Column aliases on a table")),
        Some(a) => Some(a.name.value.clone()),
        None => None,
    };
    let i = scope.push(alias_name, info)?;
    let text = format!("{} AS \"{}\"", table.sqlite(), scope.sources[i].sqlite_alias);
    Ok(Some((text, i)))
}
