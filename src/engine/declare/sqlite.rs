//! The SQLite storage of a declared table: its `CREATE TABLE` (columns, primary key, foreign
//! keys, unique keys) and `CREATE INDEX` statements. DataJoint's own DDL text is rendered by the
//! server layer (`SHOW CREATE TABLE`).

use crate::engine::heading::{Index, TableInfo};

fn quoted(cols: impl IntoIterator<Item = impl AsRef<str>>) -> String {
    cols.into_iter().map(|c| format!("\"{}\"", c.as_ref())).collect::<Vec<_>>().join(",")
}

/// The SQLite DDL for a table and its indexes (storage only; DataJoint's own DDL text is
/// rendered elsewhere).
pub(crate) fn sqlite_ddl(info: &TableInfo) -> String {
    format!("{}{}", sqlite_table_ddl(info, &info.name.sqlite()), sqlite_index_ddl(info))
}

/// `CREATE TABLE` for `info`'s storage under the SQLite name `as_name`.
pub(crate) fn sqlite_table_ddl(info: &TableInfo, as_name: &str) -> String {
    let mut cols: Vec<String> = info
        .attributes
        .iter()
        .map(|a| format!("\"{}\" {}{}", a.name, a.ty.sqlite_decl(), if a.nullable { "" } else { " NOT NULL" }))
        .collect();
    let pk = info.primary_key();
    cols.push(format!("PRIMARY KEY ({})", quoted(&pk)));
    for fk in &info.foreign_keys {
        cols.push(format!(
            "FOREIGN KEY ({}) REFERENCES {} ({}) ON UPDATE CASCADE ON DELETE RESTRICT",
            quoted(fk.attr_map.iter().map(|(c, _)| c)),
            fk.parent.sqlite(),
            quoted(fk.attr_map.iter().map(|(_, p)| p)),
        ));
    }
    for e in &info.external {
        let tracking = crate::engine::external::tracking_table(&info.name.database, &e.store);
        cols.push(format!(
            "FOREIGN KEY (\"{}\") REFERENCES {} (\"hash\") ON UPDATE RESTRICT ON DELETE RESTRICT",
            e.attribute,
            tracking.sqlite()
        ));
    }
    for index in info.indexes.iter().filter(|i| i.unique) {
        cols.push(format!("UNIQUE ({})", quoted(&index.attributes)));
    }
    // A single INTEGER key is SQLite's rowid; any other key is better as a clustered index,
    // like InnoDB's.
    let integer_key = pk.len() == 1 && info.attribute(&pk[0]).is_some_and(|a| a.ty.sqlite_decl() == "INTEGER");
    format!("CREATE TABLE {as_name} (\n{}\n){};\n", cols.join(",\n"), if integer_key { "" } else { " WITHOUT ROWID" })
}

/// `CREATE INDEX` for the non-unique indexes (they also serve foreign-key checks on delete).
/// An index led by a filepath column is left to the catalog: nothing looks rows up by a path's
/// hash, and SQLite would scan it to cover other columns, in hash order where InnoDB reads the
/// clustered key.
pub(crate) fn sqlite_index_ddl(info: &TableInfo) -> String {
    let mut sql = String::new();
    let by_hash = |i: &Index| i.attributes.first().and_then(|a| info.attribute(a)).is_some_and(|a| a.ty.is_filepath());
    for (n, index) in info.indexes.iter().enumerate().filter(|(_, i)| !i.unique && !by_hash(i)) {
        sql.push_str(&format!(
            "CREATE INDEX \"{}/{}#{}\" ON {} ({});\n",
            info.name.database,
            info.name.table,
            n,
            info.name.sqlite(),
            quoted(&index.attributes)
        ));
    }
    sql
}
