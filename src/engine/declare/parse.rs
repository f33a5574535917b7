//! Classify and parse a definition's lines as DataJoint 0.14's `declare.py` does.

use crate::engine::error::Result;

/// A parsed definition.
#[derive(Debug, Clone, PartialEq)]
pub struct Definition {
    /// The table comment (first line `# ...`), or empty.
    pub comment: String,
    /// Attribute, foreign-key and index lines in order.
    pub items: Vec<Item>,
}

/// One meaningful line.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// `name [= default] : type [# comment]`.
    Attribute(AttributeLine),
    /// `-> [options] Reference[.proj(new='old', ...)]`.
    ForeignKey(ForeignKeyLine),
    /// `[unique] index(a, b)`.
    Index(IndexLine),
}

/// An attribute line.
#[derive(Debug, Clone, PartialEq)]
pub struct AttributeLine {
    /// Attribute name.
    pub name: String,
    /// The raw default text after `=`, trimmed; `None` when there is none.
    pub default: Option<String>,
    /// The type text, verbatim.
    pub type_text: String,
    /// The comment, without `#`.
    pub comment: String,
    /// Above the `---` divider.
    pub in_key: bool,
    /// The source line, stripped.
    pub line: String,
}

/// A foreign-key line.
#[derive(Debug, Clone, PartialEq)]
pub struct ForeignKeyLine {
    /// Above the `---` divider.
    pub in_key: bool,
    /// `[nullable]`.
    pub nullable: bool,
    /// `[unique]`.
    pub unique: bool,
    /// The referenced name as written: `Subject`, `common.Nwbfile`, `master`.
    pub reference: String,
    /// `.proj(new='old', ...)` renames, in order: (new, old).
    pub renames: Vec<(String, String)>,
    /// The source line, stripped.
    pub line: String,
}

/// An index line.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexLine {
    /// `unique index`.
    pub unique: bool,
    /// The indexed attributes.
    pub attributes: Vec<String>,
    /// The source line, stripped.
    pub line: String,
}

/// Parse a definition. Errors are DataJoint's, verbatim.
pub fn parse_definition(text: &str) -> Result<Definition> {
    let _ = text;
    todo!("declare helper")
}
