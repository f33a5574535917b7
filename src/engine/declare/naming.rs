//! Class names to table names: CamelCase → snake_case and the tier prefixes.

use serde::{Deserialize, Serialize};

use crate::engine::error::Result;

/// DataJoint's table tiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Tier {
    /// `dj.Manual`: no prefix.
    Manual,
    /// `dj.Lookup`: `#`.
    Lookup,
    /// `dj.Imported`: `_`.
    Imported,
    /// `dj.Computed`: `__`.
    Computed,
    /// `dj.Part`: `master__part`.
    Part,
}

/// DataJoint's `from_camel_case`, with its error for names that are not CamelCase.
pub fn from_camel_case(name: &str) -> Result<String> {
    let _ = name;
    todo!("declare helper")
}

/// The SQL table name of class `class_name` in `tier`; a Part needs its master's table name.
pub fn table_name(tier: Tier, class_name: &str, master_table: Option<&str>) -> Result<String> {
    let _ = (tier, class_name, master_table);
    todo!("declare helper")
}

/// The tier a table name belongs to, by DataJoint's tier regexes; `None` for hidden (`~`) or
/// names no tier matches.
pub fn tier_of(table_name: &str) -> Option<Tier> {
    let _ = table_name;
    todo!("declare helper")
}
