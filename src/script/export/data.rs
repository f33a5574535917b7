//! `--data`: the rows as insert calls, in a function the module runs when run as a script.

use std::collections::BTreeSet;

use crate::engine::drop::get_master;
use crate::engine::{FetchSpec, Result, TableName, Tier};

use super::class::Writer;
use super::literal;

/// A computed table's secondary parent outside the export (`-> AnalysisNwbfile` below `---`):
/// what its make created there (an analysis file) exists in the sandbox only, so its own rows
/// cannot be inserted elsewhere. (A primary parent outside is the lab's data, which the real
/// database has.) A part answers for its master too.
fn outside_parent(w: &mut Writer, table: &TableName) -> Option<String> {
    let own = |t: &TableName| w.names.is_own(t);
    let mut tables = vec![table.clone()];
    tables.extend(get_master(table));
    for t in tables {
        let info = w.world.table(&t)?;
        if let Some(fk) = info.foreign_keys.iter().find(|fk| !own(&fk.parent) && !fk.primary) {
            let parent = fk.parent.clone();
            return Some(w.names.name(&parent));
        }
    }
    None
}

/// `def insert_data():` with each non-lookup table's rows, parents first; rows of computed and
/// imported tables (and their parts) need DataJoint's `allow_direct_insert`.
pub fn insert_data(w: &mut Writer, schemas: &[String]) -> Result<Vec<String>> {
    let mut out = vec![String::new(), String::new(), "def insert_data():".into()];
    out.push("    \"\"\"Insert the rows the sandbox held at export (already present rows are skipped).\"\"\"".into());
    let mut any = false;
    let mut skipped = BTreeSet::new();
    for schema in schemas {
        for t in w.world.tables_in(schema) {
            let info = w.world.table_or_err(&t)?;
            let auto = match get_master(&t) {
                Some(m) => w.world.table(&m).is_some_and(|m| matches!(m.tier, Tier::Computed | Tier::Imported)),
                None => matches!(info.tier, Tier::Computed | Tier::Imported),
            };
            if info.tier == Tier::Lookup {
                continue;
            }
            let class = w.names.name(&t);
            if let Some(reason) = auto.then(|| outside_parent(w, &t)).flatten() {
                out.push(format!("    # {class}: not inserted, its rows reference {reason} rows the sandbox made;"));
                out.push("    # populate() computes them on the real database.".into());
                skipped.insert(t);
                continue;
            }
            // A row whose parent row is not inserted could not be inserted either.
            let parents = info.foreign_keys.iter().map(|fk| fk.parent.clone()).chain(get_master(&t));
            if let Some(parent) = parents.into_iter().find(|p| skipped.contains(p)) {
                let parent = w.names.name(&parent);
                out.push(format!("    # {class}: not inserted, as {parent}'s rows are not; populate() computes them."));
                skipped.insert(t);
                continue;
            }
            let rows = w.world.fetch(&w.world.query(&t)?, &FetchSpec::default())?;
            if rows.rows.is_empty() {
                continue;
            }
            any = true;
            out.push(format!("    {class}.insert("));
            out.push("        [".into());
            for row in &rows.rows {
                let pairs =
                    rows.columns.iter().zip(row).map(|(c, v)| format!("{}: {}", literal::string(c), literal::value(v)));
                out.push(format!("            {{{}}},", pairs.collect::<Vec<_>>().join(", ")));
            }
            out.push("        ],".into());
            out.push("        skip_duplicates=True,".into());
            if auto {
                out.push("        allow_direct_insert=True,".into());
            }
            out.push("    )".into());
        }
    }
    if !any {
        out.push("    pass".into());
    }
    out.extend([String::new(), String::new(), "if __name__ == \"__main__\":".into(), "    insert_data()".into()]);
    Ok(out)
}
