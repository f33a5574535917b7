//! `alter()`: DataJoint 0.14 changes secondary attributes and the table comment in place. It
//! compares the compiled SQL of the new definition with that of `describe()`, refuses to touch
//! the primary key, foreign keys or indexes, and shows the `ALTER TABLE` it would run.

use super::compile::{resolve_reference, Declaration, Namespace};
use super::parse::{parse_definition, Item};
use super::sqlite::{sqlite_index_ddl, sqlite_table_ddl};
use crate::engine::access::Privilege;
use crate::engine::delete::{Console, Level, NO_DEFAULT};
use crate::engine::describe::Namer;
use crate::engine::error::{Error, Kind, Result};
use crate::engine::heading::{TableInfo, TableName};
use crate::engine::types::{self, AttrType, ColumnDefault};
use crate::engine::value::Value;
use crate::engine::world::{internal, World};

/// A planned alteration.
#[derive(Debug, Clone, PartialEq)]
pub struct Alteration {
    /// The statement DataJoint shows before asking `Execute?`; `None`: "Nothing to alter."
    pub sql: Option<String>,
    table: TableName,
    new_info: TableInfo,
    /// For each new attribute, the old attribute its values come from.
    sources: Vec<Option<String>>,
}

/// DataJoint's SQL for one definition (its `prepare_declare`): the texts `alter` compares.
struct Prepared {
    comment: String,
    primary_key: Vec<String>,
    attribute_sql: Vec<(String, String)>,
    foreign_key_sql: Vec<String>,
    index_sql: Vec<String>,
}

/// `"{x}"` at the start of a comment renames attribute `x`.
fn renamed_from(sql: &str) -> Option<String> {
    let at = sql.find("COMMENT \"{")?;
    let rest = sql[at + 10..].trim_start();
    let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_'))?;
    let name = &rest[..end];
    (!name.is_empty() && rest[end..].trim_start().starts_with('}')).then(|| name.to_string())
}

fn escape_comment(comment: &str) -> String {
    comment.replace('"', "\\\"")
}

impl World {
    fn prepare(&self, definition: &str, resolve: Namespace<'_>) -> Result<Prepared> {
        let def = parse_definition(definition)?;
        let mut p = Prepared {
            comment: def.comment.clone(),
            primary_key: Vec::new(),
            attribute_sql: Vec::new(),
            foreign_key_sql: Vec::new(),
            index_sql: Vec::new(),
        };
        let has = |p: &Prepared, n: &str| p.attribute_sql.iter().any(|(name, _)| name == n);
        for item in &def.items {
            match item {
                Item::Attribute(a) => {
                    let parsed = types::parse_column_type(&a.type_text, &a.name)?;
                    let (ty, comment) = match &parsed.ty {
                        AttrType::Uuid => ("binary(16)".to_string(), format!(":uuid:{}", escape_comment(&a.comment))),
                        // An external type adds a foreign key to its tracking table.
                        AttrType::Filepath { store, .. } => {
                            p.foreign_key_sql.push(format!(
                                "FOREIGN KEY (`{}`) REFERENCES `{{database}}`.`~external_{store}` (`hash`) ON UPDATE \
                                 RESTRICT ON DELETE RESTRICT",
                                a.name
                            ));
                            ("binary(16)".to_string(), format!(":{}:{}", a.type_text, escape_comment(&a.comment)))
                        }
                        _ => (a.type_text.clone(), escape_comment(&a.comment)),
                    };
                    let default = match a.default.as_deref() {
                        None => "NOT NULL".to_string(),
                        Some(d) if d.eq_ignore_ascii_case("null") => "DEFAULT NULL".to_string(),
                        Some(d) => {
                            let head = d.split('(').next().unwrap_or_default().to_ascii_uppercase();
                            let bare = head == "CURRENT_TIMESTAMP" || head == "NULL" || d.starts_with(['"', '\'']);
                            if bare {
                                format!("NOT NULL DEFAULT {d}")
                            } else {
                                format!("NOT NULL DEFAULT \"{d}\"")
                            }
                        }
                    };
                    let mut sql = format!("`{}` {} {}", a.name, ty, default);
                    if !comment.is_empty() {
                        sql.push_str(&format!(" COMMENT \"{comment}\""));
                    }
                    if a.in_key && !p.primary_key.contains(&a.name) {
                        p.primary_key.push(a.name.clone());
                    }
                    if !has(&p, &a.name) {
                        p.attribute_sql.push((a.name.clone(), sql));
                    }
                }
                Item::ForeignKey(f) => {
                    let (parent_name, renames) = resolve_reference(self, f, resolve)?;
                    let parent = self.table_or_err(&parent_name)?;
                    let mut child_cols = Vec::new();
                    let mut parent_cols = Vec::new();
                    for pa in parent.attributes.iter().filter(|a| a.in_key) {
                        let child =
                            renames.iter().find(|(_, old)| *old == pa.name).map_or(pa.name.clone(), |(n, _)| n.clone());
                        if !has(&p, &child) {
                            if f.in_key {
                                p.primary_key.push(child.clone());
                            }
                            let (ty, comment) = match pa.ty {
                                AttrType::Uuid => ("binary(16)".to_string(), format!(":uuid:{}", pa.comment)),
                                _ => (pa.type_name(), pa.comment.clone()),
                            };
                            let not_null = if f.nullable { "" } else { "NOT NULL " };
                            p.attribute_sql
                                .push((child.clone(), format!("`{child}` {ty} {not_null}COMMENT \"{comment}\"")));
                        }
                        child_cols.push(format!("`{child}`"));
                        parent_cols.push(format!("`{}`", pa.name));
                    }
                    p.foreign_key_sql.push(format!(
                        "FOREIGN KEY ({}) REFERENCES {} ({}) ON UPDATE CASCADE ON DELETE RESTRICT",
                        child_cols.join(","),
                        parent_name.full(),
                        parent_cols.join(",")
                    ));
                    if f.unique {
                        p.index_sql.push(format!("UNIQUE INDEX ({})", child_cols.join(",")));
                    }
                }
                Item::Index(i) => p.index_sql.push(format!(
                    "{}index ({})",
                    if i.unique { "unique " } else { "" },
                    i.attributes.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(",")
                )),
            }
        }
        Ok(p)
    }

    /// Plan `T.alter()` for a new definition of `table`.
    pub fn alter_plan(
        &self,
        table: &TableName,
        definition: &str,
        resolve: Namespace<'_>,
        namer: Namer<'_>,
    ) -> Result<Alteration> {
        if self.in_transaction() {
            return Err(Error::dj(
                "Cannot update table declaration inside a transaction, e.g. from inside a populate/make call",
            ));
        }
        let info = self.table_or_err(table)?;
        let old_definition = self.describe(table, namer)?;
        let new = self.prepare(definition, resolve)?;
        let old = self.prepare(&old_definition, &|r: &str| resolve_or_full(r, resolve))?;
        // `describe()` may name a parent by its full SQL name; the new definition may too.
        let resolve: Namespace<'_> = &|r: &str| resolve_or_full(r, resolve);
        if new.primary_key != old.primary_key {
            return Err(Error::new(Kind::NotImplementedError, "table.alter cannot alter the primary key (yet)."));
        }
        if new.foreign_key_sql != old.foreign_key_sql {
            return Err(Error::new(Kind::NotImplementedError, "table.alter cannot alter foreign keys (yet)."));
        }
        if new.index_sql != old.index_sql {
            return Err(Error::new(Kind::NotImplementedError, "table.alter cannot alter indexes (yet)"));
        }
        let mut sql = Vec::new();
        let mut sources: Vec<Option<String>> = Vec::new();
        if new.attribute_sql != old.attribute_sql {
            sql = attribute_alter(&new.attribute_sql, &old.attribute_sql, &new.primary_key, &mut sources)?;
        }
        if new.comment != old.comment {
            sql.push(format!("COMMENT=\"{}\"", new.comment));
        }
        let decl = Declaration {
            schema: &table.database,
            class_name: &info.class_name,
            tier: info.tier,
            master: info.master.as_deref(),
            definition,
        };
        let new_info = self.compile(&decl, table.clone(), resolve)?;
        if sources.is_empty() {
            sources = new_info.attributes.iter().map(|a| info.attribute(&a.name).map(|_| a.name.clone())).collect();
        }
        let sql = (!sql.is_empty()).then(|| format!("ALTER TABLE {}\n\t{}", table.full(), sql.join(",\n\t")));
        Ok(Alteration { sql, table: table.clone(), new_info, sources })
    }

    /// `T.alter(prompt=...)`: plan, show the statement and ask `Execute?` (when prompting),
    /// carry it out, and log as DataJoint does. Returns whether the table changed.
    pub fn alter(
        &mut self,
        table: &TableName,
        definition: &str,
        resolve: Namespace<'_>,
        namer: Namer<'_>,
        prompt: bool,
        console: &mut dyn Console,
    ) -> Result<bool> {
        let plan = self.alter_plan(table, definition, resolve, namer)?;
        let Some(sql) = &plan.sql else {
            if prompt {
                console.log(Level::Warning, "Nothing to alter.");
            }
            return Ok(false);
        };
        if prompt && !console.confirm(&format!("{sql}\n\nExecute?"), NO_DEFAULT) {
            return Ok(false);
        }
        self.alter_apply(&plan)?;
        if prompt {
            console.log(Level::Info, "Table altered");
        }
        Ok(true)
    }

    /// Carry out a planned alteration: rebuild the table's storage under the new heading,
    /// converting each kept value as MySQL's `MODIFY` would.
    pub fn alter_apply(&mut self, plan: &Alteration) -> Result<()> {
        if plan.sql.is_none() {
            return Ok(());
        }
        // DataJoint skips the ALTER silently when the account may not run it.
        if let Err(e) = self.authorize(&[Privilege::Alter], &plan.table, String::new) {
            return if e.kind == Kind::AccessError { Ok(()) } else { Err(e) };
        }
        let old = self.table_or_err(&plan.table)?;
        let rows = self.fetch(&self.query(&plan.table)?, &Default::default())?;
        let mut converted: Vec<Vec<rusqlite::types::Value>> = Vec::with_capacity(rows.rows.len());
        for (i, row) in rows.rows.iter().enumerate() {
            let mut out = Vec::with_capacity(plan.new_info.attributes.len());
            for (attr, source) in plan.new_info.attributes.iter().zip(&plan.sources) {
                let value = match source.as_ref().and_then(|s| old.position(s)) {
                    Some(pos) => row[pos].clone(),
                    None => implicit_default(&attr.ty, &attr.default, attr.nullable, &attr.name, i + 1)?,
                };
                out.push(if value.is_null() {
                    rusqlite::types::Value::Null
                } else {
                    attr.ty.to_storage(&value, &attr.name, i + 1)?
                });
            }
            converted.push(out);
        }
        // The storage is rebuilt; children keep pointing at it by name, so foreign keys are off
        // while the old table goes (alter never runs inside a transaction).
        self.conn.pragma_update(None, "foreign_keys", "OFF").map_err(internal)?;
        let result = self.atomically(|w| {
            let temp = format!("\"{}/{}~alter\"", plan.table.database, plan.table.table);
            w.conn.execute_batch(&sqlite_table_ddl(&plan.new_info, &temp)).map_err(internal)?;
            let cols = vec!["?"; plan.new_info.attributes.len()].join(",");
            {
                let mut stmt = w.conn.prepare(&format!("INSERT INTO {temp} VALUES ({cols})")).map_err(internal)?;
                for row in &converted {
                    stmt.execute(rusqlite::params_from_iter(row.iter())).map_err(internal)?;
                }
            }
            w.conn.execute_batch(&format!("DROP TABLE {}", plan.table.sqlite())).map_err(internal)?;
            w.conn
                .execute_batch(&format!(
                    "ALTER TABLE {temp} RENAME TO {}; {}",
                    plan.table.sqlite(),
                    sqlite_index_ddl(&plan.new_info)
                ))
                .map_err(internal)?;
            w.update_table(plan.new_info.clone())
        });
        self.conn.pragma_update(None, "foreign_keys", "ON").map_err(internal)?;
        result
    }
}

/// A reference DataJoint's `describe()` wrote as a full SQL name, or one the caller resolves.
fn resolve_or_full(reference: &str, resolve: Namespace<'_>) -> Option<TableName> {
    resolve(reference).or_else(|| {
        let inner = reference.strip_prefix('`')?.strip_suffix('`')?;
        let (db, table) = inner.split_once("`.`")?;
        Some(TableName::new(db, table))
    })
}

/// What MySQL puts into existing rows for an added column: its default, NULL, or the type's
/// implicit default (0, '', the first enum value); zero dates are refused in strict mode.
fn implicit_default(ty: &AttrType, default: &ColumnDefault, nullable: bool, name: &str, row: usize) -> Result<Value> {
    Ok(match default {
        ColumnDefault::Value(v) => v.clone(),
        ColumnDefault::Null => Value::Null,
        ColumnDefault::CurrentTimestamp => Value::Str("1970-01-01 00:00:01".into()),
        ColumnDefault::None if nullable => Value::Null,
        ColumnDefault::None => match ty {
            AttrType::Integer { .. } | AttrType::Bool | AttrType::Year => Value::Int(0),
            AttrType::Float { .. } | AttrType::Decimal { .. } => Value::Float(0.0),
            AttrType::Enum(values) => Value::Str(values.first().cloned().unwrap_or_default()),
            AttrType::Char(_) | AttrType::Varchar(_) => Value::Str(String::new()),
            AttrType::Time { .. } => Value::Str("00:00:00".into()),
            AttrType::Blob(_) => Value::Bytes(Vec::new()),
            AttrType::Date | AttrType::Datetime { .. } | AttrType::Timestamp { .. } => {
                let kind = if matches!(ty, AttrType::Date) { "date" } else { "datetime" };
                return Err(Error::mysql(
                    Kind::OperationalError,
                    1292,
                    format!("Incorrect {kind} value: '0000-00-00' for column '{name}' at row {row}"),
                ));
            }
            AttrType::Uuid | AttrType::Json | AttrType::Filepath { .. } => {
                return Err(Error::mysql(Kind::OperationalError, 1138, "Invalid use of NULL value"))
            }
        },
    })
}

/// DataJoint's attribute diff: DROP for vanished attributes, then ADD / MODIFY / CHANGE in the
/// new order with AFTER where the position moved. Also fills `sources` (new → old attribute).
fn attribute_alter(
    new: &[(String, String)],
    old: &[(String, String)],
    primary_key: &[String],
    sources: &mut Vec<Option<String>>,
) -> Result<Vec<String>> {
    let new_names: Vec<(String, Option<String>)> = new.iter().map(|(n, sql)| (n.clone(), renamed_from(sql))).collect();
    let mut old_names: Vec<String> = old.iter().map(|(n, _)| n.clone()).collect();
    let mut renamed: Vec<String> = Vec::new();
    for (_, orig) in &new_names {
        if let Some(o) = orig {
            if renamed.contains(o) {
                return Err(Error::dj(format!("Alter attempted to rename attribute {{{o}}} twice.")));
            }
            renamed.push(o.clone());
        }
    }
    if let Some(missing) = renamed.iter().find(|r| !old_names.contains(r)) {
        return Err(Error::dj(format!("Attribute {missing} does not exist in the original definition")));
    }
    let to_drop: Vec<String> = old_names
        .iter()
        .filter(|n| !renamed.contains(n) && !new_names.iter().any(|(nn, _)| nn == *n))
        .cloned()
        .collect();
    let mut sql: Vec<String> = to_drop.iter().map(|n| format!("DROP `{n}`")).collect();
    old_names.retain(|n| !to_drop.contains(n));
    let old_sql: Vec<&String> = old.iter().map(|(_, s)| s).collect();
    let mut prev: Option<(String, Option<String>)> = None;
    for ((_, new_def), (new_name, old_name)) in new.iter().zip(&new_names) {
        let source = old_name.clone().unwrap_or_else(|| new_name.clone());
        sources.push(old_names.contains(&source).then(|| source.clone()));
        if !primary_key.contains(new_name) {
            let mut after: Option<String> = None;
            if let Some((prev_new, prev_old)) = &prev {
                match old_names.iter().position(|n| *n == source) {
                    None => after = Some(prev_new.clone()),
                    Some(idx) => {
                        if idx >= 1 && old_names[idx - 1] != prev_old.clone().unwrap_or_else(|| prev_new.clone()) {
                            after = Some(prev_new.clone());
                        }
                    }
                }
            }
            if !old_sql.contains(&new_def) || after.is_some() {
                let command = if !old_names.contains(&source) {
                    "ADD".to_string()
                } else if let Some(o) = old_name {
                    format!("CHANGE `{o}`")
                } else {
                    "MODIFY".to_string()
                };
                let after = after.map(|a| format!("AFTER `{a}`")).unwrap_or_default();
                sql.push(format!("{command} {new_def} {after}"));
            }
        }
        prev = Some((new_name.clone(), old_name.clone()));
    }
    Ok(sql)
}
