//! A table's MySQL foreign-key constraints in the order MySQL numbers them
//! (`{table}_ibfk_{n}`): the definition's `->` lines and its filepath attributes' references to
//! `~external_{store}`, as DataJoint's `declare` emits them, line by line.

use super::external::tracking_table;
use super::heading::{TableInfo, TableName};

/// One foreign-key constraint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Constraint {
    /// `{table}_ibfk_{n}`.
    pub name: String,
    /// The child's columns.
    pub columns: Vec<String>,
    /// The referenced table.
    pub parent: TableName,
    /// The referenced columns.
    pub parent_columns: Vec<String>,
    /// The rules as MySQL 8.0 prints them.
    pub rules: &'static str,
    /// The position of the `->` foreign key among the table's foreign keys, if it is one.
    pub foreign_key: Option<usize>,
}

/// `-> Parent`: `ON UPDATE CASCADE ON DELETE RESTRICT`, printed by MySQL 8.0 in its own order.
const DEPENDENCY_RULES: &str = "ON DELETE RESTRICT ON UPDATE CASCADE";
/// An external reference: `ON UPDATE RESTRICT ON DELETE RESTRICT`.
const EXTERNAL_RULES: &str = "ON DELETE RESTRICT ON UPDATE RESTRICT";

impl TableInfo {
    /// The constraints in declaration order.
    pub fn constraints(&self) -> Vec<Constraint> {
        let mut out = Vec::with_capacity(self.foreign_keys.len() + self.external.len());
        let mut push = |columns: Vec<String>, parent: TableName, parent_columns, rules, foreign_key| {
            let name = format!("{}_ibfk_{}", self.name.table, out.len() + 1);
            out.push(Constraint { name, columns, parent, parent_columns, rules, foreign_key });
        };
        for n in 0..=self.foreign_keys.len() {
            for e in self.external.iter().filter(|e| e.after == n) {
                let parent = tracking_table(&self.name.database, &e.store);
                push(vec![e.attribute.clone()], parent, vec!["hash".to_string()], EXTERNAL_RULES, None);
            }
            if let Some(fk) = self.foreign_keys.get(n) {
                let (columns, parents): (Vec<String>, Vec<String>) = fk.attr_map.iter().cloned().unzip();
                push(columns, fk.parent.clone(), parents, DEPENDENCY_RULES, Some(n));
            }
        }
        out
    }
}
