//! A parsed `CREATE TABLE` as DataJoint's heading reads the table back: MySQL types to
//! DataJoint types (`binary(16)` with `:uuid:` is a uuid, `tinyint(1)` a bool), the `:type:`
//! comment prefix stripped, the tier and class from the table name, foreign keys and indexes.

use sqlparser::ast::{ColumnOption, CreateTable, CreateTableOptions, Expr, SqlOption, TableConstraint};

use super::import::{table_name, unquote};
use crate::engine::declare::compile::add_implicit_indexes;
use crate::engine::declare::naming::{split_part, tier_of, to_camel_case};
use crate::engine::heading::{Attribute, ForeignKey, Index, TableInfo, TableName};
use crate::engine::types::{self, AttrType, ColumnDefault};
use crate::engine::{Error, Result, Tier, World};

fn unsupported(what: String) -> Error {
    Error::dj(format!("not supported by import: {what}"))
}

/// A SQL string or number as the text of a DataJoint default (strings double-quoted).
fn default_literal(e: &Expr) -> String {
    match e {
        Expr::Value(v) => match &v.value {
            sqlparser::ast::Value::SingleQuotedString(s) | sqlparser::ast::Value::DoubleQuotedString(s) => {
                format!("\"{}\"", s.replace('"', "\\\""))
            }
            other => other.to_string(),
        },
        other => other.to_string(),
    }
}

/// The DataJoint type of a MySQL column: display widths dropped (MariaDB's `int(11)`), the
/// special types recovered from the comment's `:type:` prefix.
fn column_type(mysql: &str, comment: &str, column: &str) -> Result<(AttrType, bool, String)> {
    let lower = mysql.to_ascii_lowercase();
    if let Some(rest) = comment.strip_prefix(':') {
        let (special, text) = rest.split_once(':').unwrap_or((rest, ""));
        return match special {
            "uuid" if lower == "binary(16)" => Ok((AttrType::Uuid, false, text.to_string())),
            other => Err(unsupported(format!("attribute `{column}` of type {other}"))),
        };
    }
    if lower == "tinyint(1)" {
        return Ok((AttrType::Bool, false, comment.to_string()));
    }
    let ints = ["tinyint", "smallint", "mediumint", "bigint", "int", "integer"];
    let plain = match ints.iter().find(|i| lower.starts_with(*i)) {
        Some(i) if lower[i.len()..].starts_with('(') => {
            let close = lower.find(')').map_or(lower.len(), |c| c + 1);
            format!("{i}{}", &lower[close..])
        }
        // An enum's values keep their case.
        _ if lower.starts_with("enum") => format!("enum{}", &mysql[4..]),
        _ => lower,
    };
    let parsed = types::parse_column_type(&plain, column)?;
    Ok((parsed.ty, parsed.auto_increment, comment.to_string()))
}

fn index_columns(cols: &[sqlparser::ast::IndexColumn]) -> Vec<String> {
    cols.iter().map(|c| unquote(&c.column.expr.to_string())).collect()
}

/// The table comment (`COMMENT='...'` or DataJoint's `, COMMENT "..."`).
fn table_comment(ct: &CreateTable) -> String {
    if let Some(c) = &ct.comment {
        let (sqlparser::ast::CommentDef::WithEq(s) | sqlparser::ast::CommentDef::WithoutEq(s)) = c;
        return s.clone();
    }
    let options = match &ct.table_options {
        CreateTableOptions::Plain(o) | CreateTableOptions::With(o) | CreateTableOptions::Options(o) => o.as_slice(),
        _ => &[],
    };
    for o in options {
        if let SqlOption::Comment(c) = o {
            let (sqlparser::ast::CommentDef::WithEq(s) | sqlparser::ast::CommentDef::WithoutEq(s)) = c;
            return s.clone();
        }
        if let SqlOption::KeyValue { key, value } = o {
            if key.to_string().eq_ignore_ascii_case("comment") {
                return default_literal(value).trim_matches('"').to_string();
            }
        }
    }
    String::new()
}

/// The heading of the table `ct` declares.
pub(super) fn table_info(world: &World, name: TableName, ct: &CreateTable) -> Result<TableInfo> {
    let tier = tier_of(&name.table).ok_or_else(|| unsupported(format!("table `{}`: no DataJoint tier", name.table)))?;
    let (class_name, master) = match split_part(&name.table) {
        Some((master, part)) if tier == Tier::Part => (to_camel_case(&part), Some(master)),
        _ => (to_camel_case(name.table.trim_start_matches(['#', '_'])), None),
    };
    let mut attributes = Vec::new();
    for col in &ct.columns {
        let column = col.name.value.clone();
        let (mut nullable, mut default_expr, mut comment, mut auto) = (true, None, String::new(), false);
        for o in &col.options {
            match &o.option {
                ColumnOption::NotNull => nullable = false,
                ColumnOption::Null => nullable = true,
                ColumnOption::Default(e) => default_expr = Some(e.clone()),
                ColumnOption::Comment(c) => comment = c.clone(),
                ColumnOption::DialectSpecific(t)
                    if t.iter().any(|t| t.to_string().eq_ignore_ascii_case("auto_increment")) =>
                {
                    auto = true
                }
                ColumnOption::PrimaryKey(_) => nullable = false,
                _ => {}
            }
        }
        let (ty, auto_in_type, comment) = column_type(&col.data_type.to_string(), &comment, &column)?;
        let default = match &default_expr {
            _ if nullable => ColumnDefault::Null,
            None => ColumnDefault::None,
            Some(Expr::Value(v)) if matches!(v.value, sqlparser::ast::Value::Null) => ColumnDefault::Null,
            Some(e) => types::column_default(&ty, &default_literal(e), &column)?,
        };
        attributes.push(Attribute {
            name: column,
            ty,
            in_key: false,
            nullable,
            default,
            autoincrement: auto || auto_in_type,
            comment,
        });
    }
    let (mut foreign_keys, mut indexes) = (Vec::new(), Vec::new());
    for c in &ct.constraints {
        match c {
            TableConstraint::PrimaryKey(pk) => {
                for key in index_columns(&pk.columns) {
                    let a = attributes.iter_mut().find(|a| a.name == key).ok_or_else(|| {
                        Error::mysql(
                            crate::engine::Kind::OperationalError,
                            1072,
                            format!("Key column '{key}' doesn't exist in table"),
                        )
                    })?;
                    a.in_key = true;
                }
            }
            TableConstraint::ForeignKey(fk) => {
                let parent = table_name(&fk.foreign_table.to_string(), Some(&name.database))?;
                if world.table(&parent).is_none() {
                    return Err(Error::mysql(
                        crate::engine::Kind::OperationalError,
                        1824,
                        format!("Failed to open the referenced table '{}'", parent.table),
                    ));
                }
                let child: Vec<String> = fk.columns.iter().map(|c| c.value.clone()).collect();
                let attr_map: Vec<(String, String)> =
                    child.iter().cloned().zip(fk.referred_columns.iter().map(|c| c.value.clone())).collect();
                foreign_keys.push((parent, attr_map));
            }
            TableConstraint::Unique(u) => {
                indexes.push(Index { unique: true, attributes: index_columns(&u.columns), implicit: false })
            }
            TableConstraint::Index(i) => {
                indexes.push(Index { unique: false, attributes: index_columns(&i.columns), implicit: false })
            }
            other => return Err(unsupported(format!("table constraint {other}"))),
        }
    }
    let foreign_keys: Vec<ForeignKey> = foreign_keys
        .into_iter()
        .map(|(parent, attr_map)| {
            let attr = |n: &str| attributes.iter().find(|a| a.name == n);
            ForeignKey {
                nullable: attr_map.iter().any(|(c, _)| attr(c).is_some_and(|a| a.nullable)),
                primary: attr_map.iter().all(|(c, _)| attr(c).is_some_and(|a| a.in_key)),
                // `-> [unique] Parent` is declared with a unique index on exactly its columns.
                unique: indexes.iter().any(|i| {
                    i.unique && i.attributes.iter().map(String::as_str).eq(attr_map.iter().map(|(c, _)| c.as_str()))
                }),
                parent,
                attr_map,
            }
        })
        .collect();
    // MySQL's own index for a foreign key (mysqldump shows it as a plain KEY on exactly the
    // key's columns) is rebuilt as the engine builds it for a declaration.
    indexes.retain(|i| {
        i.unique || !foreign_keys.iter().any(|fk| fk.child_attrs().eq(i.attributes.iter().map(String::as_str)))
    });
    let mut info = TableInfo {
        name,
        class_name,
        tier,
        master,
        comment: table_comment(ct),
        attributes,
        foreign_keys,
        indexes,
        external: Vec::new(),
        definition: String::new(),
    };
    add_implicit_indexes(&mut info);
    Ok(info)
}
