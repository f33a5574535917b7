//! One table as a Python class: tier base (SpyglassMixin first when declared with the mixin),
//! definition, Lookup `contents`, nested parts, and the make, translated or kept as a comment.

use crate::engine::drop::get_master;
use crate::engine::{FetchSpec, Result, TableName, Tier, World};
use crate::spyglass::mixin::is_mixin;

use super::names::Names;
use super::{literal, translate};

/// Writes classes into lines.
pub struct Writer<'a> {
    /// The world read.
    pub world: &'a World,
    /// Python names and the imports they need.
    pub names: Names,
    /// The module's lines so far.
    pub lines: Vec<String>,
    /// Some class has the SpyglassMixin base (the module imports it).
    pub mixin: bool,
    /// Some make calls `add_nwb_object` (the module defines its helper).
    pub nwb_object: bool,
}

fn pad(depth: usize) -> String {
    "    ".repeat(depth)
}

impl Writer<'_> {
    fn push(&mut self, depth: usize, text: &str) {
        self.lines.push(if text.is_empty() { String::new() } else { format!("{}{text}", pad(depth)) });
    }

    /// A top-level table (not a part) and its parts, decorated with `schema_var`.
    pub fn table(&mut self, table: &TableName, parts: &[TableName], schema_var: &str) -> Result<()> {
        self.push(0, "");
        self.push(0, "");
        self.push(0, &format!("@{schema_var}"));
        self.class(table, 0)?;
        let info = self.world.table_or_err(table)?;
        if info.tier == Tier::Lookup {
            self.contents(table)?;
        }
        for part in parts.iter().filter(|p| get_master(p).as_ref() == Some(table)) {
            self.push(0, "");
            self.class(part, 1)?;
        }
        if matches!(info.tier, Tier::Computed | Tier::Imported) {
            self.push(0, "");
            self.make(table)?;
        }
        for (name, source) in self.world.method_sources(table)? {
            self.push(0, "");
            self.method(&name, &source);
        }
        Ok(())
    }

    /// `class Name(bases):` and its definition, at `depth`.
    fn class(&mut self, table: &TableName, depth: usize) -> Result<()> {
        let info = self.world.table_or_err(table)?;
        let tier = match info.tier {
            Tier::Manual => "dj.Manual",
            Tier::Lookup => "dj.Lookup",
            Tier::Imported => "dj.Imported",
            Tier::Computed => "dj.Computed",
            Tier::Part => "dj.Part",
        };
        let bases = if is_mixin(self.world, table)? {
            self.mixin = true;
            let mixin = if info.tier == Tier::Part { "SpyglassMixinPart" } else { "SpyglassMixin" };
            format!("{mixin}, {tier}")
        } else {
            tier.to_string()
        };
        self.push(depth, &format!("class {}({bases}):", info.class_name));
        let parents: Vec<String> = info.foreign_keys.iter().map(|fk| self.names.name(&fk.parent)).collect();
        self.push(depth + 1, "definition = \"\"\"");
        for line in super::definition::lines(&info.definition, &parents) {
            self.push(depth + 1, &line.replace("\"\"\"", "\\\"\\\"\\\""));
        }
        self.push(depth + 1, "\"\"\"");
        Ok(())
    }

    /// A lookup's rows as its `contents` (DataJoint inserts them when the class is declared).
    fn contents(&mut self, table: &TableName) -> Result<()> {
        let rows = self.world.fetch(&self.world.query(table)?, &FetchSpec::default())?;
        if rows.rows.is_empty() {
            return Ok(());
        }
        self.push(1, "contents = [");
        for row in &rows.rows {
            self.push(2, &format!("[{}],", row.iter().map(literal::value).collect::<Vec<_>>().join(", ")));
        }
        self.push(1, "]");
        Ok(())
    }

    /// `def make(self, key):` translated, or the rhai source commented and a body that raises.
    fn make(&mut self, table: &TableName) -> Result<()> {
        let Some(source) = self.world.make_source(table)? else {
            self.push(1, "def make(self, key):");
            let text = "the sandbox kept no rhai source for this make: write it in Python";
            self.push(2, &format!("raise NotImplementedError({})", literal::string(text)));
            return Ok(());
        };
        self.import_words(&source);
        match translate::closure(&source) {
            Ok(f) => {
                let params = if f.params.is_empty() { vec!["key".to_string()] } else { f.params };
                self.push(1, &format!("def make(self, {}):", params.join(", ")));
                self.nwb_object |= f.body.iter().any(|l| l.contains(&format!("{}(", super::expr::NWB_OBJECT)));
                for line in f.body {
                    self.push(2, &line);
                }
            }
            Err(reason) => {
                self.push(1, "def make(self, key):");
                self.untranslated("make", &source, &reason);
            }
        }
        Ok(())
    }

    /// A script function called as the table's method: a classmethod (a rhai script calls it
    /// on the class, `MyParams.insert_default()`), whose `this` is an instance.
    fn method(&mut self, name: &str, source: &str) {
        self.import_words(source);
        self.push(1, "@classmethod");
        match translate::closure(source) {
            Ok(f) => {
                let params: Vec<String> = std::iter::once("cls".to_string()).chain(f.params).collect();
                self.push(1, &format!("def {name}({}):", params.join(", ")));
                if f.body.iter().any(|l| l.contains("self")) {
                    self.push(2, "self = cls()");
                }
                for line in f.body {
                    self.push(2, &line);
                }
            }
            Err(reason) => {
                self.push(1, &format!("def {name}(cls, *args, **kwargs):"));
                self.untranslated(name, source, &reason);
            }
        }
    }

    /// The rhai source as a comment, and a body that raises saying why.
    fn untranslated(&mut self, name: &str, source: &str, reason: &str) {
        let reason = reason.lines().next().unwrap_or_default().chars().take(80).collect::<String>();
        self.push(2, &format!("# The {name} as written in rhai (no mechanical translation to Python):"));
        for line in dedent(source) {
            self.push(2, format!("# {line}").trim_end());
        }
        let text = format!("{name} is still in rhai (see the comment above); not translated: {reason}");
        self.push(2, &format!("raise NotImplementedError({})", literal::string(&text)));
    }

    /// Spyglass classes a make names without a foreign key to them (`Session`) are imported.
    fn import_words(&mut self, source: &str) {
        for word in source.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
            if word.starts_with(|c: char| c.is_ascii_uppercase()) {
                self.names.import_word(self.world, word);
            }
        }
    }
}

/// A closure's lines with the script's indentation removed: its first line starts at the
/// closure, the others keep only their indentation relative to each other.
fn dedent(source: &str) -> Vec<String> {
    let lines: Vec<&str> = source.lines().collect();
    let rest = lines.iter().skip(1).filter(|l| !l.trim().is_empty());
    let indent = rest.map(|l| l.len() - l.trim_start().len()).min().unwrap_or(0);
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| if i == 0 { l.to_string() } else { l.get(indent..).unwrap_or(l.trim_start()).to_string() })
        .collect()
}
