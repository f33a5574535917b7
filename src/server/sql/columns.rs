//! `DESCRIBE db.tbl`, `SHOW [FULL] COLUMNS FROM ...`: MySQL 8.0's columns for a declared table,
//! with the types, keys, defaults and extras MySQL reports for DataJoint's declaration.

use super::errors::missing_table;
use super::{QueryResult, Stmt};
use crate::engine::heading::{mysql_text, Attribute, TableInfo};
use crate::engine::types::{AttrType, ColumnDefault};
use crate::engine::{Result, TableName, Value};
use crate::server::grants::Privilege;

/// MySQL 8.0's column type and stored comment, shared with `export --sql`'s DDL.
pub use crate::engine::dump::{mysql_type, stored_comment};

/// The collation of a character column (the server's default, `utf8mb4_0900_ai_ci`).
pub fn collation(ty: &AttrType) -> Option<&'static str> {
    matches!(ty, AttrType::Char(_) | AttrType::Varchar(_) | AttrType::Enum(_)).then_some("utf8mb4_0900_ai_ci")
}

/// `Key`: PRI for primary-key columns, UNI for the column of a one-column unique index, MUL for
/// the first column of any other index (MySQL manual, SHOW COLUMNS).
fn key(info: &TableInfo, a: &Attribute) -> &'static str {
    if a.in_key {
        return "PRI";
    }
    if info.indexes.iter().any(|i| i.unique && i.attributes.len() == 1 && i.attributes[0] == a.name) {
        return "UNI";
    }
    if info.indexes.iter().any(|i| i.attributes.first() == Some(&a.name)) {
        return "MUL";
    }
    ""
}

/// `Default` as MySQL stores it: the literal's text, `CURRENT_TIMESTAMP`, or NULL.
pub fn default_value(a: &Attribute) -> Option<String> {
    match &a.default {
        ColumnDefault::Value(v) => Some(mysql_text(&a.ty, v)),
        ColumnDefault::CurrentTimestamp => Some(match a.ty {
            AttrType::Datetime { fsp } | AttrType::Timestamp { fsp } if fsp > 0 => format!("CURRENT_TIMESTAMP({fsp})"),
            _ => "CURRENT_TIMESTAMP".into(),
        }),
        ColumnDefault::Null | ColumnDefault::None => None,
    }
}

/// `Extra`: `auto_increment`, or MySQL 8.0's `DEFAULT_GENERATED` for an expression default.
fn extra(a: &Attribute) -> &'static str {
    if a.autoincrement {
        "auto_increment"
    } else if a.default == ColumnDefault::CurrentTimestamp {
        "DEFAULT_GENERATED"
    } else {
        ""
    }
}

fn text(s: impl Into<String>) -> Value {
    Value::Str(s.into())
}

fn opt(s: Option<impl Into<String>>) -> Value {
    s.map_or(Value::Null, text)
}

/// The rows of `SHOW [FULL] COLUMNS` (and `DESCRIBE`).
pub fn columns(st: &mut Stmt<'_>, table: &TableName, full: bool) -> Result<QueryResult> {
    let wanted = [Privilege::Select, Privilege::Insert, Privilege::Update, Privilege::References];
    if !super::show::can_see(st, &table.database, &table.table) {
        st.authorize(crate::engine::access::Privilege::Select, table)?;
    }
    let info = st.server.world.table(table).ok_or_else(|| missing_table(table))?;
    let privileges: Vec<&str> = wanted
        .iter()
        .filter(|p| st.server.accounts.has(&st.session, **p, &table.database, Some(&table.table)))
        .map(|p| match p {
            Privilege::Select => "select",
            Privilege::Insert => "insert",
            Privilege::Update => "update",
            _ => "references",
        })
        .collect();
    let columns: &[&str] = if full {
        &["Field", "Type", "Collation", "Null", "Key", "Default", "Extra", "Privileges", "Comment"]
    } else {
        &["Field", "Type", "Null", "Key", "Default", "Extra"]
    };
    let rows: Vec<Vec<Value>> = info
        .attributes
        .iter()
        .map(|a| {
            let null = text(if a.nullable { "YES" } else { "NO" });
            let (k, d, x) = (text(key(&info, a)), opt(default_value(a)), text(extra(a)));
            if full {
                vec![
                    text(&a.name),
                    text(mysql_type(&a.ty)),
                    opt(collation(&a.ty)),
                    null,
                    k,
                    d,
                    x,
                    text(privileges.join(",")),
                    text(stored_comment(a)),
                ]
            } else {
                vec![text(&a.name), text(mysql_type(&a.ty)), null, k, d, x]
            }
        })
        .collect();
    Ok(QueryResult { columns: columns.iter().map(|c| c.to_string()).collect(), rowcount: rows.len(), rows })
}
