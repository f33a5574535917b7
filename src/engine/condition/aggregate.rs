//! Aggregate functions for `aggr` computations. Outside them, or nested, MySQL says 1111.

use sqlparser::ast::{Expr, FunctionArg, FunctionArgExpr, FunctionArgumentClause, OrderBySort};

use super::errors::{group_function, parameter_count, unsupported};
use super::functions::{plain_args, quoted};
use super::sql::{Sql, Ty};
use super::translate::{number, string_literal, Ctx};
use crate::engine::collation;
use crate::engine::error::Result;

/// An aggregate call.
pub fn call(
    cx: &mut Ctx<'_>,
    name: &str,
    list: &[FunctionArg],
    distinct: bool,
    clauses: &[FunctionArgumentClause],
    whole: &Expr,
) -> Result<Sql> {
    if !cx.aggregates || cx.in_aggregate {
        return Err(group_function());
    }
    cx.in_aggregate = true;
    let r = inner(cx, name, list, distinct, clauses, whole);
    cx.in_aggregate = false;
    r
}

fn inner(
    cx: &mut Ctx<'_>,
    name: &str,
    list: &[FunctionArg],
    distinct: bool,
    clauses: &[FunctionArgumentClause],
    whole: &Expr,
) -> Result<Sql> {
    let d = if distinct { "DISTINCT " } else { "" };
    if name == "group_concat" {
        return group_concat(cx, list, d, clauses, whole);
    }
    if !clauses.is_empty() {
        return Err(cx.syntax_at(whole));
    }
    if name == "count" && matches!(list, [FunctionArg::Unnamed(FunctionArgExpr::Wildcard)]) && !distinct {
        return Ok(Sql::num("count(*)"));
    }
    let raw = plain_args(cx, list, whole)?;
    if name == "count" && distinct && raw.len() > 1 {
        return Err(unsupported("COUNT(DISTINCT a, b)"));
    }
    if raw.len() != 1 {
        return Err(if raw.is_empty() { cx.syntax_at(whole) } else { parameter_count(name) });
    }
    let x = cx.expr(raw[0])?;
    let c = collation::NAME;
    Ok(match name {
        "count" => Sql::num(format!("count({d}{} COLLATE {c})", x.text)),
        "sum" => Sql::num(format!("sum({d}{})", number(x).text)),
        "avg" => Sql::num(format!("avg({d}{})", number(x).text)),
        "min" | "max" => Sql::new(format!("{name}({d}{} COLLATE {c})", x.text), x.ty),
        "std" | "stddev" | "stddev_pop" if !distinct => Sql::num(format!("mysql_std_pop({})", x.text)),
        "stddev_samp" if !distinct => Sql::num(format!("mysql_std_samp({})", x.text)),
        "variance" | "var_pop" if !distinct => Sql::num(format!("mysql_var_pop({})", x.text)),
        "var_samp" if !distinct => Sql::num(format!("mysql_var_samp({})", x.text)),
        _ => return Err(unsupported(&format!("The aggregate {}()", name.to_ascii_uppercase()))),
    })
}

/// GROUP_CONCAT([DISTINCT] a[, b...] [ORDER BY ...] [SEPARATOR s]): the arguments are
/// concatenated per row; the default separator is ','.
fn group_concat(
    cx: &mut Ctx<'_>,
    list: &[FunctionArg],
    d: &str,
    clauses: &[FunctionArgumentClause],
    whole: &Expr,
) -> Result<Sql> {
    let raw = plain_args(cx, list, whole)?;
    if raw.is_empty() {
        return Err(cx.syntax_at(whole));
    }
    let mut parts = Vec::new();
    for e in raw {
        let s = cx.expr(e)?;
        parts.push(match s.ty {
            Ty::Str | Ty::Null => s.text,
            _ => format!("mysql_text({})", s.text),
        });
    }
    let value = parts.join(" || ");
    let mut sep = ",".to_string();
    let mut order = String::new();
    for c in clauses {
        match c {
            FunctionArgumentClause::Separator(v) => match string_literal(&v.value) {
                Some(s) => sep = s,
                None => return Err(cx.syntax_at(whole)),
            },
            FunctionArgumentClause::OrderBy(items) => {
                let mut keys = Vec::new();
                for item in items {
                    let k = cx.expr(&item.expr)?;
                    let dir = match item.options.sort {
                        Some(OrderBySort::Desc) => " DESC",
                        Some(OrderBySort::Asc) | None => "",
                        Some(OrderBySort::Using(_)) => return Err(cx.syntax_at(whole)),
                    };
                    keys.push(format!("{} COLLATE {}{dir}", k.text, collation::NAME));
                }
                order = format!(" ORDER BY {}", keys.join(", "));
            }
            _ => return Err(cx.syntax_at(whole)),
        }
    }
    if !d.is_empty() && sep != "," {
        // SQLite's DISTINCT aggregates take one argument.
        return Err(unsupported("GROUP_CONCAT(DISTINCT ... SEPARATOR ...)"));
    }
    let text = if d.is_empty() {
        format!("group_concat({value}, {}{order})", quoted(&sep))
    } else {
        format!("group_concat({d}{value}{order})")
    };
    Ok(Sql::string(text))
}
