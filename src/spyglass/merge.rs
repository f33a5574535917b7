//! Spyglass merge tables (`utils/dj_merge_tables.py`): a `_Merge` master (`merge_id: uuid`,
//! `source: varchar(32)`) whose parts each point at one source table.

mod get;
mod insert;
mod nwb;
mod remove;
mod view;

pub use get::{
    free_table_repr, get_parent, get_part, parent_class, popped, restrict_class, restriction_str, source_class_dict,
    Source,
};
pub use insert::merge_insert;
pub use nwb::fetch_nwb;
pub use remove::{merge_delete, merge_delete_parent};
pub use view::{merge_fetch_parts, merge_repr, restrict_parts, view_preview, PartsOptions};

use crate::engine::declare::naming::to_camel_case;
use crate::engine::py::{str_repr, value_repr};
use crate::engine::{Result, TableName, Value, World};

/// Spyglass's `MERGE_DEFINITION`, verbatim (no comments: `source` has none).
pub const MERGE_DEFINITION: &str = "\n    merge_id: uuid\n    ---\n    source: varchar(32)\n    ";
/// `RESERVED_PRIMARY_KEY`.
pub const MERGE_ID: &str = "merge_id";
/// `RESERVED_SECONDARY_KEY`.
pub const SOURCE: &str = "source";

/// A line Spyglass's logger writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The logging level.
    pub level: Level,
    /// The message.
    pub text: String,
}

/// Spyglass logger levels that merge methods use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// `logger.info`.
    Info,
    /// `logger.warning` (and `_warn_msg`).
    Warning,
    /// `logger.error`.
    Error,
}

/// Where merge methods log.
pub type Notes = Vec<Note>;

pub(crate) fn note(notes: &mut Notes, level: Level, text: impl Into<String>) {
    notes.push(Note { level, text: text.into() });
}

fn meta_key(t: &TableName) -> String {
    format!("spyglass.merge:{}", t.full())
}

/// Remember that `t` was declared as a `_Merge` table (kept in the world file).
pub fn mark_merge(world: &mut World, t: &TableName) -> Result<()> {
    world.set_meta(&meta_key(t), "1")
}

/// Spyglass's `is_merge_table` for a declared table: not a part, and either declared as a merge
/// table or shaped as one (`primary_key == ['merge_id']`, secondary `['source']`), so a
/// scenario that builds the structure by hand gets the methods too.
pub fn is_merge(world: &World, t: &TableName) -> bool {
    let Some(info) = world.table(t) else { return false };
    if info.master.is_some() {
        return false;
    }
    if matches!(world.meta(&meta_key(t)), Ok(Some(_))) {
        return true;
    }
    info.primary_key() == [MERGE_ID] && info.secondary_attributes() == [SOURCE]
}

/// `Merge._part_name`: the CamelCase of the text after the last `__` (`LFPV1`), used for a
/// part or for a source table (`__l_f_p_v1` → `LFPV1`).
pub fn part_name(t: &TableName) -> String {
    to_camel_case(t.table.rsplit("__").next().unwrap_or_default())
}

/// `cls.parts(as_objects=True)`: the master's parts in dependency order (the oracle lists
/// `['ImportedLFP', 'CommonLFP', 'LFPV1']`, not declaration order).
pub fn parts(world: &World, master: &TableName) -> Vec<TableName> {
    world.topo_sort(&world.parts(master))
}

/// `part.parents(as_objects=True)[-1]`: the source table `_merge_insert` checks a row against.
pub fn part_parent(world: &World, part: &TableName) -> Option<TableName> {
    world.parents(part).pop()
}

/// The part's parents other than the master (`_merge_restrict_parents` skips the table whose
/// name contains the master's).
pub fn source_parents(world: &World, master: &TableName, part: &TableName) -> Vec<TableName> {
    world.parents(part).into_iter().filter(|p| !p.full().contains(&master.table)).collect()
}

/// Python's `repr(dict)` of named values, in their order.
pub fn dict_repr(pairs: &[(String, Value)]) -> String {
    let items: Vec<String> = pairs.iter().map(|(k, v)| format!("{}: {}", str_repr(k), value_repr(v))).collect();
    format!("{{{}}}", items.join(", "))
}

/// Python's `repr(list_of_dicts)`.
pub fn dicts_repr(rows: &[Vec<(String, Value)>]) -> String {
    format!("[{}]", rows.iter().map(|r| dict_repr(r)).collect::<Vec<_>>().join(", "))
}
