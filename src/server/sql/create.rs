//! `SHOW CREATE TABLE db.tbl`: the DDL MySQL 8.0 prints back for the table DataJoint declared
//! (structure as the oracle prints it; MySQL 8.0's type names, quoted defaults and collation).

use super::columns::{default_value, mysql_type, stored_comment};
use super::errors::{missing_table, table_denied};
use super::{QueryResult, Stmt};
use crate::engine::heading::{Attribute, Index, TableInfo};
use crate::engine::integrity::constraint_text;
use crate::engine::types::{AttrType, ColumnDefault};
use crate::engine::{Result, TableName, Value};

/// A string literal as MySQL's `append_unescaped` prints it.
fn literal(s: &str) -> String {
    let mut out = String::from("'");
    for c in s.chars() {
        match c {
            '\0' => out.push_str("\\0"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("''"),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

fn column_line(a: &Attribute) -> String {
    let mut line = format!("  `{}` {}", a.name, mysql_type(&a.ty));
    if !a.nullable {
        line.push_str(" NOT NULL");
    } else if matches!(a.ty, AttrType::Timestamp { .. }) {
        // MySQL prints TIMESTAMP's nullability explicitly.
        line.push_str(" NULL");
    }
    match (&a.default, default_value(a)) {
        (ColumnDefault::CurrentTimestamp, Some(d)) => line.push_str(&format!(" DEFAULT {d}")),
        (_, Some(d)) => line.push_str(&format!(" DEFAULT {}", literal(&d))),
        (_, None) if a.nullable => line.push_str(" DEFAULT NULL"),
        _ => {}
    }
    if a.autoincrement {
        line.push_str(" AUTO_INCREMENT");
    }
    let comment = stored_comment(a);
    if !comment.is_empty() {
        line.push_str(&format!(" COMMENT {}", literal(&comment)));
    }
    line
}

fn column_list(cols: &[String]) -> String {
    cols.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(",")
}

/// The `CREATE TABLE` text.
pub fn create_table_text(info: &TableInfo, auto_increment: Option<i64>) -> String {
    let mut lines: Vec<String> = info.attributes.iter().map(column_line).collect();
    lines.push(format!("  PRIMARY KEY ({})", column_list(&info.primary_key())));
    // MySQL lists unique keys before the others, each group in creation order.
    let named: Vec<(&Index, String)> = info.indexes.iter().zip(info.index_names()).collect();
    for unique in [true, false] {
        for (index, name) in named.iter().filter(|(i, _)| i.unique == unique) {
            let kind = if unique { "UNIQUE KEY" } else { "KEY" };
            lines.push(format!("  {kind} `{name}` ({})", column_list(&index.attributes)));
        }
    }
    for c in info.constraints() {
        let text = constraint_text(info, &c);
        let constraint = text.find("CONSTRAINT").map_or(text.as_str(), |at| &text[at..]);
        lines.push(format!("  {constraint}"));
    }
    let auto = match auto_increment {
        Some(n) if n > 1 => format!(" AUTO_INCREMENT={n}"),
        _ => String::new(),
    };
    let comment = if info.comment.is_empty() { String::new() } else { format!(" COMMENT={}", literal(&info.comment)) };
    format!(
        "CREATE TABLE `{}` (\n{}\n) ENGINE=InnoDB{auto} DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci{comment}",
        info.name.table,
        lines.join(",\n")
    )
}

/// `SHOW CREATE TABLE`: columns `Table`, `Create Table`.
pub fn show_create(st: &mut Stmt<'_>, table: &TableName) -> Result<QueryResult> {
    if !super::show::can_see(st, &table.database, &table.table) {
        return Err(table_denied("SHOW", st.session.user(), &st.session.client_host, &table.table));
    }
    let info = st.server.world.table(table).ok_or_else(|| missing_table(table))?;
    let text = create_table_text(&info, st.server.world.auto_increment(&info).unwrap_or(None));
    Ok(QueryResult {
        columns: vec!["Table".into(), "Create Table".into()],
        rows: vec![vec![Value::Str(table.table.clone()), Value::Str(text)]],
        rowcount: 1,
    })
}
