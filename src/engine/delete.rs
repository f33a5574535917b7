//! `delete()`: DataJoint's cascade through every dependent table, across schemas, in one
//! transaction; the part-integrity rule; the safemode confirmation; the log lines.

use std::collections::HashSet;

use super::declare::Tier;
use super::drop::get_master;
use super::error::{Error, Result};
use super::heading::TableName;
use super::query::{Query, Restriction};
use super::world::World;

/// `delete()`'s keyword arguments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeleteOptions {
    /// `safemode` (from `dj.config` unless given): ask before committing.
    pub safemode: bool,
    /// `force_parts=True`: delete from parts without their masters.
    pub force_parts: bool,
    /// `force_masters=True`: deleting a part's rows cascades into its master instead.
    pub force_masters: bool,
    /// A Part's `delete(force=True)`; without it, parts refuse direct deletes.
    pub force: bool,
}

impl Default for DeleteOptions {
    fn default() -> Self {
        DeleteOptions { safemode: true, force_parts: false, force_masters: false, force: false }
    }
}

/// A log line's level, as DataJoint's logger prints it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// `[INFO]`.
    Info,
    /// `[WARNING]`.
    Warning,
}

/// Where an operation reports: log lines, and the yes/no questions safemode asks.
pub trait Console {
    /// A log line.
    fn log(&mut self, level: Level, message: &str);
    /// DataJoint's `user_choice`: show `prompt` followed by `choices` (`[yes, No]` when "no" is
    /// the default, `[yes, no]` when there is none) and answer; true for yes.
    fn confirm(&mut self, prompt: &str, choices: &str) -> bool;
}

/// `[yes, No]`: "no" is what an empty answer means.
pub const DEFAULT_NO: &str = "[yes, No]";
/// `[yes, no]`: no default.
pub const NO_DEFAULT: &str = "[yes, no]";

struct Cascade<'c> {
    opts: DeleteOptions,
    deleted: Vec<TableName>,
    visited_masters: HashSet<TableName>,
    console: &'c mut dyn Console,
}

impl World {
    /// `q.delete(...)`: delete the query's rows and everything that depends on them. Returns
    /// the number of rows deleted from the table itself (also when the user declines).
    pub fn delete(&mut self, q: &Query, opts: DeleteOptions, console: &mut dyn Console) -> Result<usize> {
        let Some((table, _)) = q.restricted_table() else {
            return Err(Error::dj("delete applies to tables, not to derived query expressions"));
        };
        let table = table.clone();
        let (info, _) = self.table_or_dropped(&table)?;
        let mut opts = opts;
        if info.tier == Tier::Part {
            if !opts.force {
                return Err(Error::dj("Cannot delete from a Part directly. Delete from master instead"));
            }
            opts.force_parts = true;
        }
        if self.in_transaction() && opts.safemode {
            return Err(Error::dj(
                "Delete cannot use a transaction within an ongoing transaction. Set transaction=False or safemode=False).",
            ));
        }
        let mut run = Cascade { opts, deleted: Vec::new(), visited_masters: HashSet::new(), console };
        self.transaction(|w| {
            let count = w.cascade(&table, q, &mut run)?;
            if !opts.force_parts {
                // DataJoint #151: a part may not lose rows its master keeps.
                for part in &run.deleted {
                    if let Some(master) = get_master(part) {
                        if !run.deleted.contains(&master) {
                            return Err(Error::dj(format!(
                                "Attempt to delete part table {} before deleting from its master {} first.",
                                part.full(),
                                master.full()
                            )));
                        }
                    }
                }
            }
            if count == 0 {
                if opts.safemode {
                    run.console.log(Level::Warning, "Nothing to delete.");
                }
                return Ok((0, false));
            }
            if !opts.safemode {
                return Ok((count, true));
            }
            if run.console.confirm("Commit deletes?", DEFAULT_NO) {
                run.console.log(Level::Info, "Delete committed.");
                Ok((count, true))
            } else {
                run.console.log(Level::Warning, "Delete cancelled");
                Ok((count, false))
            }
        })
    }

    /// Delete `rows` of `table` after deleting, depth first, every child row that refers to
    /// them (DataJoint retries the parent after each child its IntegrityError names).
    fn cascade(&mut self, table: &TableName, rows: &Query, run: &mut Cascade<'_>) -> Result<usize> {
        for child in self.children(table) {
            let info = self.table_or_err(&child)?;
            for fk in info.foreign_keys.iter().filter(|fk| &fk.parent == table) {
                let renames: Vec<(String, String)> =
                    fk.attr_map.iter().filter(|(c, p)| c != p).map(|(c, p)| (c.clone(), p.clone())).collect();
                let kept: Vec<String> = Vec::new();
                let parent_keys = self.proj(rows, &kept, &renames)?;
                let child_rows = self.restrict(&self.query(&child)?, &Restriction::Query(parent_keys))?;
                if !self.exists(&child_rows)? {
                    continue;
                }
                match get_master(&child) {
                    Some(master)
                        if run.opts.force_masters && &master != table && !run.visited_masters.contains(&master) =>
                    {
                        run.visited_masters.insert(master.clone());
                        // The master's keys are fetched now, as DataJoint does: deleting the
                        // master's parts first would otherwise empty the restriction.
                        let master_q = self.query(&master)?;
                        let keys = self.proj(&self.restrict(&master_q, &Restriction::Query(child_rows))?, &[], &[])?;
                        let fetched = self.fetch(&keys, &Default::default())?;
                        let listed = fetched
                            .rows
                            .into_iter()
                            .map(|r| Restriction::Map(fetched.columns.iter().cloned().zip(r).collect()))
                            .collect();
                        let master_rows = self.restrict(&master_q, &Restriction::Or(listed))?;
                        self.cascade(&master, &master_rows, run)?;
                    }
                    _ => {
                        self.cascade(&child, &child_rows, run)?;
                    }
                }
            }
        }
        let count = self.delete_quick(rows)?;
        run.deleted.push(table.clone());
        run.console.log(Level::Info, &format!("Deleting {count} rows from {}", table.full()));
        Ok(count)
    }
}
