//! `populate()`, `progress()` and `key_source`: DataJoint's auto-population, one transaction
//! per key, with `make` supplied by the caller.

use super::declare::Tier;
use super::error::{Error, Result};
use super::heading::TableName;
use super::query::{Query, Restriction};
use super::value::Value;
use super::world::World;

/// One primary-key value: attribute names and values, in key order.
pub type Key = Vec<(String, Value)>;

/// `populate`'s `order` argument.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Order {
    /// Key order.
    #[default]
    Original,
    /// Reverse key order.
    Reverse,
    /// Shuffled.
    Random,
}

impl Order {
    /// Parse `"original" | "reverse" | "random"` with DataJoint's error.
    pub fn parse(s: &str) -> Result<Order> {
        match s {
            "original" => Ok(Order::Original),
            "reverse" => Ok(Order::Reverse),
            "random" => Ok(Order::Random),
            _ => Err(Error::dj("The order argument must be one of ['original', 'reverse', 'random']")),
        }
    }
}

/// `populate`'s arguments.
#[derive(Debug, Clone, Default)]
pub struct PopulateOptions {
    /// Positional restrictions of the key source.
    pub restrictions: Vec<Restriction>,
    /// `keys=`: make exactly these (bypassing the key source).
    pub keys: Option<Vec<Key>>,
    /// `suppress_errors=True`: collect errors instead of stopping.
    pub suppress_errors: bool,
    /// `limit`: at most this many keys, taken in key order.
    pub limit: Option<usize>,
    /// `max_calls`: at most this many `make` calls, after ordering.
    pub max_calls: Option<usize>,
    /// `order`.
    pub order: Order,
    /// A class's own `key_source`, replacing the default.
    pub key_source: Option<Query>,
}

/// What `populate` returns: `{"success_count": n, "error_list": [(key, "Err: msg"), ...]}`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PopulateResult {
    /// Keys made successfully.
    pub success_count: usize,
    /// Keys whose `make` failed (with `suppress_errors`), each with `"ErrClass: message"`.
    pub error_list: Vec<(Key, String)>,
}

impl World {
    /// The default `key_source`: the join of the parents referenced in the primary key, each
    /// projected to its key (renamed foreign keys renamed).
    pub fn key_source(&self, table: &TableName) -> Result<Query> {
        let info = self.table_or_err(table)?;
        let mut source: Option<Query> = None;
        for fk in info.foreign_keys.iter().filter(|fk| fk.primary) {
            let renames: Vec<(String, String)> =
                fk.attr_map.iter().filter(|(c, p)| c != p).map(|(c, p)| (c.clone(), p.clone())).collect();
            let parent = self.proj(&self.query(&fk.parent)?, &[], &renames)?;
            source = Some(match source {
                None => parent,
                Some(s) => self.join(&s, &parent, false)?,
            });
        }
        source.ok_or_else(|| Error::dj("A table must have dependencies from its primary key for auto-populate to work"))
    }

    /// The keys still to make, before ordering: `(key_source & restrictions).proj() - target`.
    fn jobs(&self, target: &Query, opts: &PopulateOptions) -> Result<(Query, Query)> {
        let Some((table, restricted)) = target.restricted_table() else {
            return Err(Error::dj("populate applies to tables"));
        };
        if restricted {
            return Err(Error::dj(
                "Cannot call populate on a restricted table. Instead, pass conditions to populate() as arguments.",
            ));
        }
        let info = self.table_or_err(table)?;
        let source = match &opts.key_source {
            Some(q) => q.clone(),
            None => self.key_source(table)?,
        };
        if let Some(missing) = source.primary_key().into_iter().find(|a| info.attribute(a).is_none()) {
            return Err(Error::dj(format!(
                "The populate target lacks attribute {missing} from the primary key of key_source"
            )));
        }
        let todo = self.proj(&self.restrict(&source, &Restriction::And(opts.restrictions.clone()))?, &[], &[])?;
        let remaining = self.exclude(&todo, &Restriction::Query(target.clone()))?;
        Ok((todo, remaining))
    }

    /// `T.progress(*restrictions)` → `(remaining, total)`.
    pub fn progress(&self, target: &Query, opts: &PopulateOptions) -> Result<(usize, usize)> {
        let (todo, remaining) = self.jobs(target, opts)?;
        Ok((self.len(&remaining)?, self.len(&todo)?))
    }

    /// The keys `populate` will call `make` for, in the order it will call it.
    pub fn populate_keys(&self, target: &Query, opts: &PopulateOptions) -> Result<Vec<Key>> {
        if self.in_transaction() {
            return Err(Error::dj("Populate cannot be called during a transaction."));
        }
        let info = match target.restricted_table() {
            Some((t, _)) => self.table_or_err(t)?,
            None => return Err(Error::dj("populate applies to tables")),
        };
        if !matches!(info.tier, Tier::Imported | Tier::Computed) {
            return Err(Error::dj(format!("{} is not an auto-populated table", info.class_name)));
        }
        let mut keys: Vec<Key> = match &opts.keys {
            Some(keys) => keys.clone(),
            None => {
                let (_, remaining) = self.jobs(target, opts)?;
                let spec = super::fetch::FetchSpec {
                    attrs: vec!["KEY".into()],
                    limit: opts.limit.map(|l| l as u64),
                    ..Default::default()
                };
                let rows = self.fetch(&remaining, &spec)?;
                rows.rows.into_iter().map(|r| rows.columns.iter().cloned().zip(r).collect()).collect()
            }
        };
        match opts.order {
            Order::Original => {}
            Order::Reverse => keys.reverse(),
            Order::Random => fastrand::shuffle(&mut keys),
        }
        if let Some(max) = opts.max_calls {
            keys.truncate(max);
        }
        Ok(keys)
    }

    /// Open `make`'s transaction for `key`: inserts into the target (and its parts) are allowed
    /// until [`World::end_make`]. Returns false, with nothing open, when another make has
    /// already filled the key.
    pub fn begin_make(&mut self, table: &TableName, key: &Key) -> Result<bool> {
        let target = self.query(table)?;
        if self.exists(&self.restrict(&target, &Restriction::Map(key.clone()))?)? {
            return Ok(false);
        }
        self.begin()?;
        self.populating.push(table.clone());
        Ok(true)
    }

    /// Close `make`'s transaction: commit what it inserted, or roll all of it back.
    pub fn end_make(&mut self, commit: bool) -> Result<()> {
        self.populating.pop();
        if commit {
            self.commit()
        } else {
            self.rollback()
        }
    }

    /// `T.populate(...)` with `make` in Rust; `progress(done, total)` after each key.
    pub fn populate(
        &mut self,
        target: &Query,
        opts: &PopulateOptions,
        make: &mut dyn FnMut(&mut World, &Key) -> Result<()>,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<PopulateResult> {
        let keys = self.populate_keys(target, opts)?;
        let Some((table, _)) = target.restricted_table() else { return Ok(PopulateResult::default()) };
        let table = table.clone();
        let mut result = PopulateResult::default();
        for (done, key) in keys.iter().enumerate() {
            if self.begin_make(&table, key)? {
                match make(self, key) {
                    Ok(()) => {
                        self.end_make(true)?;
                        result.success_count += 1;
                    }
                    Err(e) => {
                        self.end_make(false)?;
                        if !opts.suppress_errors {
                            return Err(e);
                        }
                        result.error_list.push((key.clone(), error_text(&e)));
                    }
                }
            }
            progress(done + 1, keys.len());
        }
        Ok(result)
    }
}

/// `progress(display=True)`'s line: the class name padded to 20, what is done, and the time
/// (DataJoint prints `"%-20s" % name, "Completed %d of %d (%2.1f%%)   %s"`).
pub fn progress_text(class: &str, remaining: usize, total: usize, now: &str) -> String {
    let percent = 100.0 - 100.0 * remaining as f64 / (total as f64 + 1e-12);
    format!("{class:<20} Completed {} of {total} ({percent:.1}%)   {now}", total - remaining)
}

/// `populate(display_progress=True)`'s bar as tqdm leaves it (without its clock, which would
/// make output irreproducible): `Class: 100%|██████████| 3/3`; a bar of 10 cells in eighths.
pub fn progress_bar(class: &str, done: usize, total: usize) -> String {
    const EIGHTHS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    let fraction = if total == 0 { 1.0 } else { done as f64 / total as f64 };
    let eighths = (fraction * 80.0) as usize;
    let mut bar = "█".repeat(eighths / 8);
    if eighths < 80 {
        bar.push_str(EIGHTHS[eighths % 8]);
    }
    let pad = 10 - bar.chars().count();
    format!("{class}: {:>3.0}%|{bar}{}| {done}/{total}", fraction * 100.0, " ".repeat(pad))
}

impl World {
    /// The local time as MySQL's NOW() gives it (`YYYY-MM-DD HH:MM:SS`).
    pub fn local_now(&self) -> Result<String> {
        self.conn
            .query_row("SELECT datetime('now', 'localtime')", [], |r| r.get(0))
            .map_err(|e| Error::new(super::error::Kind::OperationalError, e.to_string()))
    }
}

/// `"ErrClass: message"`, or the class alone for an empty message, as populate records errors.
pub fn error_text(e: &Error) -> String {
    if e.message.is_empty() {
        e.kind.name().to_string()
    } else {
        format!("{}: {}", e.kind, e.message)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn progress_lines_read_as_datajoints() {
        let line = super::progress_text("MyAnalysis", 1, 3, "2026-11-26 10:00:00");
        assert_eq!(line, "MyAnalysis           Completed 2 of 3 (66.7%)   2026-11-26 10:00:00");
        assert_eq!(super::progress_text("T", 0, 0, "now"), "T                    Completed 0 of 0 (100.0%)   now");
    }
}

#[cfg(test)]
mod bar_tests {
    use super::progress_bar;

    /// tqdm's texts for a 10-cell bar (seen with `tqdm(range(3), ncols=...)` on the oracle).
    #[test]
    fn the_bar_fills_in_eighths_like_tqdm() {
        assert_eq!(progress_bar("MyAnalysis", 2, 2), "MyAnalysis: 100%|██████████| 2/2");
        assert_eq!(progress_bar("A", 1, 3), "A:  33%|███▎      | 1/3");
        assert_eq!(progress_bar("A", 0, 3), "A:   0%|          | 0/3");
    }
}
