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
        })
        .collect()
}
