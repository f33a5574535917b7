//! SpyglassMixin (`utils/dj_mixin.py`, `utils/mixins/helpers.py`): which tables carry it, and
//! its small helpers `camel_name`, `find_insert_fail` and `file_like`.

use crate::engine::declare::naming::to_camel_case;
use crate::engine::preview::Display;
use crate::engine::{Query, Restriction, Result, TableName, Value, World};

use super::log::{Level, Log};

/// The world-setting key that marks `table` as declared with the mixin.
fn key(table: &TableName) -> String {
    format!("spyglass.mixin:{}", table.full())
}

/// Remember that `table` was declared as a SpyglassMixin class (kept in the world file).
pub fn mark(world: &mut World, table: &TableName) -> Result<()> {
    world.set_meta(&key(table), "1")
}

/// Was `table` declared as a SpyglassMixin class?
pub fn is_mixin(world: &World, table: &TableName) -> Result<bool> {
    Ok(world.meta(&key(table))?.is_some())
}

/// The schema prefixes Spyglass shares between labs (`utils/database_settings.py`).
pub const SHARED_MODULES: &[&str] = &[
    "behavior",
    "common",
    "decoding",
    "figurl",
    "lfp",
    "linearization",
    "mua",
    "position",
    "ripple",
    "sharing",
    "spikesorting",
];

/// SpyglassMixin's first instantiation of a class not yet declared: a schema whose prefix (text
/// before the first `_`) is neither shared, the user's name, `custom["database.prefix"]`,
/// `temp` nor `test` gets an error line (only a log line; the declaration goes on).
pub fn check_prefix(database: &str, user: &str, custom_prefix: Option<&str>, log: Log) {
    let prefix = database.split('_').next().unwrap_or_default();
    let allowed = SHARED_MODULES.contains(&prefix) || [user, "temp", "test"].contains(&prefix);
    if !allowed && custom_prefix != Some(prefix) {
        log(Level::Error, &format!("Schema prefix not in SHARED_MODULES: {database}"));
    }
}

/// `camel_name`: `to_camel_case(table_name)`, tier prefix dropped (`#my_params` → `MyParams`).
pub fn camel_name(table: &TableName) -> String {
    to_camel_case(&table.table)
}

/// `find_insert_fail(key)`: for each parent, `"{Parent}:\n{str(query)}"` when the key's fields
/// that the parent has match a row there, else `"{Parent}: MISSING"`, joined by newlines. The
/// parents are DataJoint's `parents(as_objects=True)` (a renamed foreign key's parent again), so
/// `str` of the restricted `FreeTable` is its `FreeTable(`db`.`t`)` line then its preview, which
/// ends with a newline. Spyglass 0.6.0 returns the text (0.5.5 logged it). A parent sharing no
/// field with the key is restricted by `{}` and so shows whole, as in Spyglass; renamed foreign
/// keys are not mapped.
pub fn find_insert_fail(world: &World, table: &TableName, key: &[(String, Value)], display: Display) -> Result<String> {
    let mut lines = Vec::new();
    for parent in world.parent_edges(table, None).into_iter().map(|e| e.table) {
        let q = world.query(&parent)?;
        let names = q.names();
        let parent_key: Vec<(String, Value)> = key.iter().filter(|(k, _)| names.contains(k)).cloned().collect();
        let restricted = world.restrict(&q, &Restriction::Map(parent_key))?;
        let name = camel_name(&parent);
        if world.exists(&restricted)? {
            lines.push(format!("{name}:\nFreeTable({})\n{}", parent.full(), world.preview(&restricted, display)?));
        } else {
            lines.push(format!("{name}: MISSING"));
        }
    }
    Ok(lines.join("\n"))
}

/// `file_like(name)`: `self & "{attr} LIKE '%{name}%'"` on the first heading field whose name
/// contains `file`; an empty name gives the table back; no such field logs Spyglass's error
/// and gives `None`.
pub fn file_like(world: &World, q: &Query, table: &TableName, name: &str, log: Log) -> Result<Option<Query>> {
    if name.is_empty() {
        return Ok(Some(q.clone()));
    }
    let Some(attr) = q.names().into_iter().find(|f| f.contains("file")) else {
        log(Level::Error, &format!("No file_like field found in {}", table.full()));
        return Ok(None);
    };
    world.restrict(q, &Restriction::Sql(format!("{attr} LIKE '%{name}%'"))).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn logged(database: &str, user: &str, custom: Option<&str>) -> Vec<String> {
        let mut lines = Vec::new();
        check_prefix(database, user, custom, &mut |l, m| lines.push(super::super::log::format(l, m)));
        lines
    }

    #[test]
    fn prefix_check_logs_only_unknown_prefixes() {
        assert_eq!(
            logged("workshop_sailor", "sailor", None),
            ["[ERROR] Spyglass: Schema prefix not in SHARED_MODULES: workshop_sailor"]
        );
        for (db, user, custom) in [
            ("common_session", "sailor", None),
            ("sailor_workshop", "sailor", None),
            ("test_x", "sailor", None),
            ("temp", "sailor", None),
            ("workshop_sailor", "sailor", Some("workshop")),
            ("spikesorting_v1_sorting", "root", None),
        ] {
            assert!(logged(db, user, custom).is_empty(), "{db} as {user}");
        }
        assert_eq!(logged("lfpx_a", "root", Some("lfp")).len(), 1);
    }
}
