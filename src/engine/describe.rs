//! `describe()`: the definition DataJoint writes back from a declared table.

use super::error::Result;
use super::heading::{Index, TableName};
use super::query::Query;
use super::world::World;

/// Names a referenced table the way the calling script reaches it (`common.Nwbfile`,
/// `Subject`); `None` falls back to the full SQL name, as DataJoint's `lookup_class_name` does.
pub type Namer<'a> = &'a dyn Fn(&TableName) -> Option<String>;

impl World {
    /// DataJoint's `describe()` text for a table.
    pub fn describe(&self, table: &TableName, namer: Namer<'_>) -> Result<String> {
        // A dropped table's class still describes the heading it loaded.
        let (info, _) = self.table_or_dropped(table)?;
        let mut out = String::new();
        if !info.comment.is_empty() {
            out.push_str(&format!("# {}\n", info.comment));
        }
        // MySQL's own index for a foreign key with no covering index shows up in SHOW KEYS too.
        let mut indexes: Vec<&Index> = info.indexes.iter().collect();
        let mut seen: Vec<&str> = Vec::new();
        let mut emitted = vec![false; info.foreign_keys.len()];
        let mut in_key = true;
        for attr in &info.attributes {
            if in_key && !attr.in_key {
                out.push_str("---\n");
                in_key = false;
            }
            seen.push(&attr.name);
            let mut include = true;
            for (n, fk) in info.foreign_keys.iter().enumerate() {
                if !fk.child_attrs().any(|c| c == attr.name) {
                    continue;
                }
                include = false;
                // The line goes where all of its attributes have appeared.
                if emitted[n] || !fk.child_attrs().all(|c| seen.contains(&c)) {
                    continue;
                }
                emitted[n] = true;
                let cols: Vec<&str> = fk.child_attrs().collect();
                let props =
                    match indexes.iter().position(|i| i.attributes.iter().map(String::as_str).eq(cols.iter().copied()))
                    {
                        Some(pos) => {
                            let index = indexes.remove(pos);
                            let nullable = cols.iter().any(|c| info.attribute(c).is_some_and(|a| a.nullable));
                            let props: Vec<&str> = [("unique", index.unique), ("nullable", nullable)]
                                .into_iter()
                                .filter(|(_, on)| *on)
                                .map(|(p, _)| p)
                                .collect();
                            if props.is_empty() {
                                String::new()
                            } else {
                                format!(" [{}]", props.join(", "))
                            }
                        }
                        None => String::new(),
                    };
                let class = namer(&fk.parent).unwrap_or_else(|| fk.parent.full());
                if fk.aliased() {
                    let renames: Vec<String> =
                        fk.attr_map.iter().filter(|(c, p)| c != p).map(|(c, p)| format!("{c}=\"{p}\"")).collect();
                    out.push_str(&format!("->{props} {class}.proj({})\n", renames.join(",")));
                } else {
                    out.push_str(&format!("->{props} {class}\n"));
                }
            }
            if include {
                let name = match attr.default_text() {
                    Some(d) => format!("{}={}", attr.name, d),
                    None => attr.name.clone(),
                };
                let ty = format!("{}{}", attr.type_name(), if attr.autoincrement { " auto_increment" } else { "" });
                let comment = if attr.comment.is_empty() { String::new() } else { format!("# {}", attr.comment) };
                out.push_str(&format!("{name:<20} : {ty:<28} {comment}\n"));
            }
        }
        for index in indexes {
            out.push_str(&format!(
                "{}INDEX ({})\n",
                if index.unique { "UNIQUE " } else { "" },
                index.attributes.join(", ")
            ));
        }
        Ok(out)
    }

    /// `repr(q.heading)`; a table's (restricted or not) starts with its comment.
    pub fn heading_repr(&self, q: &Query) -> String {
        let info = q.restricted_table().and_then(|(t, _)| self.table(t));
        let comment = info.as_ref().map(|i| i.comment.as_str()).filter(|c| !c.is_empty());
        crate::engine::query::heading_repr(q.heading(), comment)
    }
}
