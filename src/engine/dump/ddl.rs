//! The DDL DataJoint 0.14 sends for a declared table (`declare.py`): `CREATE DATABASE`, then
//! `CREATE TABLE IF NOT EXISTS` with attribute lines, the primary key, foreign keys
//! `ON UPDATE CASCADE ON DELETE RESTRICT`, declared indexes, and `ENGINE=InnoDB, COMMENT "..."`.
//! Types are MySQL 8.0's own spelling, which any MySQL or MariaDB accepts.

use super::insert::insert_statements;
use crate::engine::heading::{mysql_text, Attribute, TableInfo, TableName};
use crate::engine::types::{AttrType, ColumnDefault};
use crate::engine::{Result, World};

/// The column type as MySQL 8.0 shows it: no integer display widths except `tinyint(1)` (bool),
/// `binary(16)` for DataJoint's uuid and filepath.
pub fn mysql_type(ty: &AttrType) -> String {
    match ty {
        AttrType::Bool => "tinyint(1)".into(),
        AttrType::Uuid | AttrType::Filepath { .. } => "binary(16)".into(),
        other => other.heading_type(),
    }
}

/// The comment as stored: DataJoint prefixes special types (`:uuid:`, `:filepath@raw:`), which
/// is how its heading recovers them from a `binary(16)` column.
pub fn stored_comment(a: &Attribute) -> String {
    match a.ty {
        AttrType::Uuid | AttrType::Filepath { .. } => format!(":{}:{}", a.ty.heading_type(), a.comment),
        _ => a.comment.clone(),
    }
}

/// A comment or default as a string literal, in double quotes as DataJoint's `declare` writes
/// them (MySQL's default mode reads `"..."` as a string).
fn string_literal(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn cols(names: impl IntoIterator<Item = impl AsRef<str>>) -> String {
    names.into_iter().map(|n| format!("`{}`", n.as_ref())).collect::<Vec<_>>().join(",")
}

/// One attribute line: `` `name` type NOT NULL [DEFAULT x] [COMMENT "c"] ``.
fn attribute_line(a: &Attribute) -> String {
    let default = match &a.default {
        _ if a.nullable => "DEFAULT NULL".to_string(),
        ColumnDefault::None | ColumnDefault::Null => "NOT NULL".to_string(),
        ColumnDefault::CurrentTimestamp => "NOT NULL DEFAULT CURRENT_TIMESTAMP".to_string(),
        ColumnDefault::Value(v) if a.ty.is_numeric() => format!("NOT NULL DEFAULT {}", mysql_text(&a.ty, v)),
        ColumnDefault::Value(v) => format!("NOT NULL DEFAULT {}", string_literal(&mysql_text(&a.ty, v))),
    };
    let auto = if a.autoincrement { " auto_increment" } else { "" };
    let comment = stored_comment(a);
    let comment = if comment.is_empty() { String::new() } else { format!(" COMMENT {}", string_literal(&comment)) };
    format!("`{}` {}{auto} {default}{comment}", a.name, mysql_type(&a.ty))
}

/// The `CREATE TABLE IF NOT EXISTS` statement DataJoint sends for `info` (no trailing `;`).
pub fn create_table(info: &TableInfo) -> String {
    let mut lines: Vec<String> = info.attributes.iter().map(attribute_line).collect();
    lines.push(format!("PRIMARY KEY ({})", cols(info.primary_key())));
    for fk in &info.foreign_keys {
        lines.push(format!(
            "FOREIGN KEY ({}) REFERENCES {} ({}) ON UPDATE CASCADE ON DELETE RESTRICT",
            cols(fk.child_attrs()),
            fk.parent.full(),
            cols(fk.attr_map.iter().map(|(_, p)| p))
        ));
    }
    // MySQL's own index for a foreign key is not DataJoint's to declare.
    for index in info.indexes.iter().filter(|i| !i.implicit) {
        let kind = if index.unique { "UNIQUE INDEX" } else { "INDEX" };
        lines.push(format!("{kind} ({})", cols(&index.attributes)));
    }
    format!(
        "CREATE TABLE IF NOT EXISTS {} (\n{}\n) ENGINE=InnoDB, COMMENT {}",
        info.name.full(),
        lines.join(",\n"),
        string_literal(&info.comment)
    )
}

/// The script for `schemas`: each `CREATE DATABASE`, every table in dependency order (parents
/// first, across the schemas), and with `data` each table's rows right after it.
pub fn export_sql(world: &World, schemas: &[String], data: bool) -> Result<String> {
    let mut out = String::from("-- DataJoint 0.14 schemas exported by djsandbox (MySQL 8.0)\n");
    let mut tables: Vec<TableName> = Vec::new();
    for schema in schemas {
        out.push_str(&format!("CREATE DATABASE IF NOT EXISTS `{schema}`;\n"));
        tables.extend(world.tables_in(schema).into_iter().filter(|t| !t.table.starts_with('~')));
    }
    for name in world.topo_sort(&tables) {
        let info = world.table_or_err(&name)?;
        out.push('\n');
        out.push_str(&create_table(&info));
        out.push_str(";\n");
        if data {
            for statement in insert_statements(world, &info)? {
                out.push_str(&statement);
                out.push_str(";\n");
            }
        }
    }
    Ok(out)
}
