//! The heading of a query expression: its columns, which of them form the primary key, and
//! their types where they come from a table.

use crate::engine::heading::TableInfo;
use crate::engine::types::AttrType;

/// One output column of a query expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Attribute name.
    pub name: String,
    /// Part of the primary key.
    pub in_key: bool,
    /// The type, for attributes that come from a table (`None`: computed).
    pub ty: Option<AttrType>,
    /// May hold NULL.
    pub nullable: bool,
    /// The attribute's comment (`calculated attribute` for computed ones).
    pub comment: String,
    /// The default as the heading shows it (`null`, `"U"`), for table attributes.
    pub default: Option<String>,
}

impl Column {
    /// A computed attribute (`proj(n="a+1")`, aggregates): no type, never in the key.
    pub fn computed(name: &str) -> Column {
        Column {
            name: name.to_string(),
            in_key: false,
            ty: None,
            nullable: true,
            comment: "calculated attribute".into(),
            default: None,
        }
    }

    /// A string-like column, whose comparisons follow the collation.
    pub fn is_text(&self) -> bool {
        matches!(self.ty, Some(AttrType::Char(_) | AttrType::Varchar(_) | AttrType::Enum(_)))
    }

    /// A blob or filepath column (shown as `=BLOB=` in previews, left out of DataJoint's
    /// `heading.non_blobs`).
    pub fn is_blob(&self) -> bool {
        matches!(self.ty, Some(AttrType::Blob(_) | AttrType::Filepath { .. }))
    }
}

/// `repr(heading)`: a table's comment line, then one line per attribute
/// (`name[=default] : type # comment`, a computed one's type `expression`), `---` before the
/// first secondary attribute. (DataJoint prints the comment only once the table's status has
/// been loaded, which any earlier use of the table does; here it always does.)
pub fn repr(columns: &[Column], comment: Option<&str>) -> String {
    let mut out = comment.map(|c| format!("# {c}\n")).unwrap_or_default();
    let mut in_key = true;
    for c in columns {
        if in_key && !c.in_key {
            out.push_str("---\n");
            in_key = false;
        }
        let name = match &c.default {
            Some(d) => format!("{}={d}", c.name),
            None => c.name.clone(),
        };
        let ty = c.ty.as_ref().map_or_else(|| "expression".to_string(), AttrType::heading_type);
        out.push_str(&format!("{name:<20} : {ty:<28} # {}\n", c.comment));
    }
    out
}

/// The columns of a base table.
pub fn of_table(info: &TableInfo) -> Vec<Column> {
    info.attributes
        .iter()
        .map(|a| Column {
            name: a.name.clone(),
            in_key: a.in_key,
            ty: Some(a.ty.clone()),
            nullable: a.nullable,
            comment: a.comment.clone(),
            default: a.default_text(),
        })
        .collect()
}
