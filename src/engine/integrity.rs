//! MySQL 8.0's integrity errors, reconstructed after SQLite reports a constraint failure:
//! which foreign key failed (1451, 1452) and which unique key a row collides on (1062).

use rusqlite::types::Value as Sql;

use super::constraints::Constraint;
use super::error::{Error, Kind};
use super::heading::{TableInfo, TableName};
use super::world::World;

/// `` `db`.`child`, CONSTRAINT `child_ibfk_1` FOREIGN KEY (`a`, `b`) REFERENCES `parent` (`a`, `b`)
/// ON DELETE RESTRICT ON UPDATE CASCADE `` as MySQL 8.0 prints a constraint of `child` in its
/// messages (the parent schema-qualified only when it lives in another schema).
pub fn constraint_text(child: &TableInfo, c: &Constraint) -> String {
    let cols = |names: &[String]| names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
    let parent =
        if c.parent.database == child.name.database { format!("`{}`", c.parent.table) } else { c.parent.full() };
    format!(
        "{}, CONSTRAINT `{}` FOREIGN KEY ({}) REFERENCES {} ({}) {}",
        child.name.full(),
        c.name,
        cols(&c.columns),
        parent,
        cols(&c.parent_columns),
        c.rules
    )
}

/// MySQL 1452 for the child row `values` (heading order), if one of its foreign keys has no
/// parent row; `None` when every parent exists.
pub fn missing_parent(world: &World, info: &TableInfo, values: &[Sql]) -> Option<Error> {
    for c in info.constraints() {
        let mut key = Vec::new();
        for child in &c.columns {
            match info.position(child).and_then(|p| values.get(p)) {
                Some(Sql::Null) | None => break,
                Some(v) => key.push(v.clone()),
            }
        }
        // A foreign key with any NULL column is not checked (MySQL, SQL standard MATCH SIMPLE).
        if key.len() < c.columns.len() {
            continue;
        }
        let cols: Vec<&str> = c.parent_columns.iter().map(String::as_str).collect();
        if !row_exists(world, &c.parent, &cols, &key) {
            return Some(Error::mysql(
                Kind::IntegrityError,
                1452,
                format!(
                    "Cannot add or update a child row: a foreign key constraint fails ({})",
                    constraint_text(info, &c)
                ),
            ));
        }
    }
    None
}

/// MySQL 1451 when rows of `parent` (the SELECT `rows_sql` with `args`) are referenced by a
/// child: the first child constraint, in declaration order, that has referencing rows.
pub fn referencing_child(world: &World, parent: &TableName, rows_sql: &str, args: &[Sql]) -> Option<Error> {
    for child in world.referencing(parent) {
        let info = world.table(&child)?;
        for c in info.constraints().into_iter().filter(|c| &c.parent == parent) {
            let child_cols: Vec<String> = c.columns.iter().map(|n| format!("c.\"{n}\"")).collect();
            let parent_cols: Vec<String> = c.parent_columns.iter().map(|p| format!("\"{p}\"")).collect();
            // Scan the child and probe the parent rows: a child emptied by a cascade costs nothing.
            let sql = format!(
                "SELECT EXISTS(SELECT 1 FROM {} AS c WHERE ({}) IN (SELECT {} FROM ({})))",
                info.name.sqlite(),
                child_cols.join(", "),
                parent_cols.join(", "),
                rows_sql
            );
            let found: bool = world
                .conn
                .prepare_cached(&sql)
                .and_then(|mut s| s.query_row(rusqlite::params_from_iter(args.iter()), |r| r.get(0)))
                .unwrap_or(false);
            if found {
                return Some(Error::mysql(
                    Kind::IntegrityError,
                    1451,
                    format!(
                        "Cannot delete or update a parent row: a foreign key constraint fails ({})",
                        constraint_text(&info, &c)
                    ),
                ));
            }
        }
    }
    None
}

/// MySQL 1451 for REPLACE: the existing row with the same primary key as `values` has children.
pub fn referenced_row(world: &World, info: &TableInfo, values: &[Sql]) -> Option<Error> {
    let pk: Vec<(String, Sql)> = info
        .attributes
        .iter()
        .zip(values)
        .filter(|(a, _)| a.in_key)
        .map(|(a, v)| (a.name.clone(), v.clone()))
        .collect();
    let cond: Vec<String> = pk.iter().map(|(n, _)| format!("\"{n}\" = ?")).collect();
    let args: Vec<Sql> = pk.into_iter().map(|(_, v)| v).collect();
    let rows = format!("SELECT * FROM {} WHERE {}", info.name.sqlite(), cond.join(" AND "));
    referencing_child(world, &info.name, &rows, &args)
}

/// The colliding entry text and MySQL's key name (`PRIMARY` or the unique index's name) for a
/// row that violated a unique constraint.
pub fn duplicate_key(world: &World, info: &TableInfo, values: &[Sql]) -> (String, String) {
    let pick = |cols: &[String]| -> Vec<Sql> {
        cols.iter().map(|c| info.position(c).and_then(|p| values.get(p)).cloned().unwrap_or(Sql::Null)).collect()
    };
    let pk = info.primary_key();
    let pk_values = pick(&pk);
    let pk_cols: Vec<&str> = pk.iter().map(String::as_str).collect();
    if row_exists(world, &info.name, &pk_cols, &pk_values) {
        return (entry_text(&pk_values), "PRIMARY".into());
    }
    for (index, name) in info.indexes.iter().zip(info.index_names()) {
        if !index.unique {
            continue;
        }
        let vals = pick(&index.attributes);
        let cols: Vec<&str> = index.attributes.iter().map(String::as_str).collect();
        if !vals.contains(&Sql::Null) && row_exists(world, &info.name, &cols, &vals) {
            return (entry_text(&vals), name);
        }
    }
    (entry_text(&pk_values), "PRIMARY".into())
}

/// MySQL joins a composite key's values with `-`.
fn entry_text(values: &[Sql]) -> String {
    values
        .iter()
        .map(|v| match v {
            Sql::Null => "NULL".to_string(),
            Sql::Integer(i) => i.to_string(),
            Sql::Real(f) => super::heading::mysql_text(
                &super::types::AttrType::Float { double: true, unsigned: false },
                &super::value::Value::Float(*f),
            ),
            Sql::Text(s) => s.clone(),
            // Binary keys (uuid): printable ASCII as is, other bytes as `\xHH` (MySQL's
            // `convert_to_printable`; oracle: '\x0C\x9B\xD0\xE5\x9EBJ{\xA6...').
            Sql::Blob(b) => b
                .iter()
                .map(|x| if (0x20..0x7f).contains(x) { (*x as char).to_string() } else { format!("\\x{x:02X}") })
                .collect(),
        })
        .collect::<Vec<_>>()
        .join("-")
}

fn row_exists(world: &World, table: &TableName, cols: &[&str], values: &[Sql]) -> bool {
    let cond: Vec<String> = cols.iter().map(|c| format!("\"{c}\" = ?")).collect();
    let sql = format!("SELECT EXISTS(SELECT 1 FROM {} WHERE {})", table.sqlite(), cond.join(" AND "));
    world
        .conn
        .prepare_cached(&sql)
        .and_then(|mut s| s.query_row(rusqlite::params_from_iter(values.iter()), |r| r.get(0)))
        .unwrap_or(false)
}
