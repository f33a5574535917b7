//! `drop()`, `drop_quick()`, `delete_quick()`, and Lookup `contents`.

use super::access::Privilege;
use super::declare::Tier;
use super::delete::{Console, Level, DEFAULT_NO};
use super::error::{Error, Result};
use super::heading::TableName;
use super::insert::{InsertOptions, Row};
use super::integrity;
use super::query::Query;
use super::world::{internal, World};

/// The master of a Part as DataJoint's `utils.get_master` finds it: by name, through the last
/// `__` — whose `\w` pattern cannot match `#`, so parts of Lookup masters go unrecognised.
pub fn get_master(name: &TableName) -> Option<TableName> {
    let t = &name.table;
    if t.starts_with('#') {
        return None;
    }
    let at = t.rfind("__")?;
    (at > 0 && at + 2 < t.len()).then(|| TableName::new(&name.database, &t[..at]))
}

/// The base table a query restricts, with whether it is restricted; DataJoint's delete and
/// drop are methods of tables.
fn base_table(query: &Query) -> Result<(&TableName, bool)> {
    query
        .restricted_table()
        .ok_or_else(|| Error::dj("delete and drop apply to tables, not to derived query expressions"))
}

impl World {
    /// The tables `drop()` would remove: the table and all its descendants, parts after their
    /// masters, with their row counts. Errors as DataJoint's checks raise them; `force` is a
    /// Part's `drop(force=True)`.
    pub fn drop_plan(&self, query: &Query, force: bool) -> Result<Vec<(TableName, usize)>> {
        let (table, restricted) = base_table(query)?;
        let (info, _) = self.table_or_dropped(table)?;
        if info.tier == Tier::Part && !force {
            return Err(Error::dj("Cannot drop a Part directly.  Delete from master instead"));
        }
        if restricted {
            return Err(Error::dj(
                "A table with an applied restriction cannot be dropped. Call drop() on the unrestricted Table.",
            ));
        }
        self.graph_node(table)?;
        let tables = self.descendants(table);
        for part in &tables {
            if let Some(master) = get_master(part) {
                if !tables.contains(&master) {
                    return Err(Error::dj(format!(
                        "Attempt to drop part table {} before dropping its master. Drop {} first.",
                        part.full(),
                        master.full()
                    )));
                }
            }
        }
        tables.into_iter().map(|t| Ok((t.clone(), self.count(&t)?))).collect()
    }

    /// `T.drop()`: the plan, logged as DataJoint logs it, confirmed under safemode
    /// (`Proceed?`), then carried out. Returns whether the tables were dropped.
    pub fn drop(&mut self, query: &Query, force: bool, safemode: bool, console: &mut dyn Console) -> Result<bool> {
        let plan = self.drop_plan(query, force)?;
        if safemode {
            for (t, n) in &plan {
                console.log(Level::Info, &format!("{} ({n} tuples)", t.full()));
            }
            if !console.confirm("Proceed?", DEFAULT_NO) {
                return Ok(false);
            }
        }
        self.drop_tables(&plan)?;
        // DataJoint's drop() calls drop_quick() on each table, children first, and each logs.
        for (t, _) in plan.iter().rev() {
            console.log(Level::Info, &format!("Dropped table {}", t.full()));
        }
        console.log(Level::Info, "Tables dropped. Restart kernel.");
        Ok(true)
    }

    /// Drop the planned tables, children first, in one transaction.
    pub fn drop_tables(&mut self, plan: &[(TableName, usize)]) -> Result<()> {
        self.atomically(|w| {
            for (t, _) in plan.iter().rev() {
                w.drop_quick(t)?;
            }
            Ok(())
        })
    }

    /// `T.drop_quick()` as DataJoint's: no prompt, no cascade, no check of restrictions or
    /// parts (a restricted table is dropped whole); logs `Dropped table …`, or `Nothing to
    /// drop: table … is not declared` for a table already gone.
    pub fn drop_quick_logged(&mut self, query: &Query, console: &mut dyn Console) -> Result<()> {
        let (table, _) = base_table(query)?;
        let table = table.clone();
        if self.table(&table).is_none() {
            console.log(Level::Info, &format!("Nothing to drop: table {} is not declared", table.full()));
            return Ok(());
        }
        self.atomically(|w| w.drop_quick(&table))?;
        console.log(Level::Info, &format!("Dropped table {}", table.full()));
        Ok(())
    }

    /// `drop_quick()`: `DROP TABLE` without cascading. A table still referenced fails as
    /// MySQL 8.0 fails it (3730).
    pub fn drop_quick(&mut self, table: &TableName) -> Result<()> {
        self.table_or_err(table)?;
        self.authorize(&[Privilege::Drop], table, || format!("DROP TABLE {}", table.full()))?;
        // A tracking table (`~external_{store}`) is referenced by its filepath attributes too.
        if let Some(child) = self.referencing(table).into_iter().find(|c| c != table) {
            let info = self.table_or_err(&child)?;
            let constraint = info.constraints().into_iter().find(|c| &c.parent == table).map(|c| c.name);
            return Err(Error::mysql(
                super::error::Kind::OperationalError,
                3730,
                format!(
                    "Cannot drop table '{}' referenced by a foreign key constraint '{}' on table '{}'.",
                    table.table,
                    constraint.unwrap_or_default(),
                    child.table
                ),
            ));
        }
        self.drop_storage(table)
    }

    /// `delete_quick()`: delete the query's rows without cascading; children referencing them
    /// raise MySQL's 1451 IntegrityError. Returns the number of rows deleted.
    pub fn delete_quick(&mut self, query: &Query) -> Result<usize> {
        let (table, restricted) = base_table(query)?;
        let table = table.clone();
        self.authorize(&[Privilege::Delete], &table, || {
            format!("DELETE FROM {}{}", table.full(), if restricted { " WHERE (...)" } else { "" })
        })?;
        self.require_tables(std::slice::from_ref(&table), || {
            format!("DELETE FROM {}{}", table.full(), if restricted { " WHERE (...)" } else { "" })
        })?;
        let (rows, args) = self.rows_of(query)?;
        self.atomically(|w| {
            // A plainly restricted table is deleted from directly; anything else by its keys.
            let (sql, sql_args) = match query.direct_where() {
                Some((_, conds, direct_args)) => {
                    let filter =
                        if conds.is_empty() { String::new() } else { format!(" WHERE {}", conds.join(" AND ")) };
                    (format!("DELETE FROM {}{filter}", table.sqlite()), direct_args)
                }
                None => {
                    let info = w.table_or_err(&table)?;
                    let key = info.primary_key().iter().map(|k| format!("\"{k}\"")).collect::<Vec<_>>().join(", ");
                    (
                        format!("DELETE FROM {} WHERE ({key}) IN (SELECT {key} FROM ({rows}))", table.sqlite()),
                        args.clone(),
                    )
                }
            };
            // SQLite's ON DELETE RESTRICT refuses rows that still have children; only then is
            // MySQL's 1451 worked out, naming the first child constraint.
            match w.conn.execute(&sql, rusqlite::params_from_iter(sql_args.iter())) {
                Ok(n) => Ok(n),
                Err(e) => Err(integrity::referencing_child(w, &table, &rows, &args).unwrap_or_else(|| internal(e))),
            }
        })
    }

    /// The SELECT of a restricted base table's rows (all columns), with its arguments.
    pub(crate) fn rows_of(&self, query: &Query) -> Result<(String, Vec<rusqlite::types::Value>)> {
        base_table(query)?;
        query.select()
    }

    /// Lookup `contents`: inserted (skipping duplicates) only when there are more contents
    /// than rows; a table with an auto-increment column gets DataJoint's warning instead.
    pub fn insert_contents(&mut self, table: &TableName, rows: &[Row]) -> Result<Option<String>> {
        let info = self.table_or_err(table)?;
        if rows.len() <= self.count(table)? {
            return Ok(None);
        }
        if info.attributes.iter().any(|a| a.autoincrement) {
            return Ok(Some(format!(
                "Contents has changed but cannot be inserted because {} has autoincrement.",
                info.class_name
            )));
        }
        self.insert(table, rows, &InsertOptions { skip_duplicates: true, ..InsertOptions::default() })?;
        Ok(None)
    }
}
