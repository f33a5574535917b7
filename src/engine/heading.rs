//! A table's heading: its attributes in order, its foreign keys and indexes, as DataJoint reads
//! them back from MySQL 8.0 (`SHOW FULL COLUMNS`, `SHOW KEYS`).

use serde::{Deserialize, Serialize};

use super::declare::Tier;
use super::external::ExternalRef;
use super::py::float_repr;
use super::types::{AttrType, ColumnDefault};
use super::value::Value;

/// A table's MySQL name: `` `database`.`table` ``.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct TableName {
    /// The schema (MySQL database).
    pub database: String,
    /// The table name with its tier prefix.
    pub table: String,
}

impl TableName {
    /// A name from its two parts.
    pub fn new(database: impl Into<String>, table: impl Into<String>) -> Self {
        TableName { database: database.into(), table: table.into() }
    }

    /// `schema.table` or `` `schema`.`table` `` read back (`None` without both parts).
    pub fn parse(full: &str) -> Option<TableName> {
        let unquoted = full.replace('`', "");
        let (schema, table) = unquoted.split_once('.')?;
        (!schema.is_empty() && !table.is_empty()).then(|| TableName::new(schema, table))
    }

    /// `` `database`.`table` ``, as DataJoint's `full_table_name`.
    pub fn full(&self) -> String {
        format!("`{}`.`{}`", self.database, self.table)
    }

    /// The table's name in the SQLite file: one namespace for all schemas, so that foreign
    /// keys may cross schemas (SQLite cannot enforce them across attached databases).
    pub fn sqlite(&self) -> String {
        format!("\"{}/{}\"", self.database, self.table)
    }
}

/// One attribute of a table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribute {
    /// Attribute name.
    pub name: String,
    /// Its type.
    pub ty: AttrType,
    /// Part of the primary key.
    pub in_key: bool,
    /// Nullable (`= null`, or a `[nullable]` foreign key).
    pub nullable: bool,
    /// Declared default.
    pub default: ColumnDefault,
    /// `auto_increment`.
    pub autoincrement: bool,
    /// Comment without the `:type:` prefix.
    pub comment: String,
}

impl Attribute {
    /// The type as the heading reports it (`int`, `varchar(32)`, `uuid`).
    pub fn type_name(&self) -> String {
        self.ty.heading_type()
    }

    /// The default as DataJoint's heading shows it: `null` for nullable attributes, string-like
    /// defaults in double quotes, numbers bare, `CURRENT_TIMESTAMP` bare.
    pub fn default_text(&self) -> Option<String> {
        if self.nullable {
            return Some("null".into());
        }
        match &self.default {
            ColumnDefault::None | ColumnDefault::Null => None,
            ColumnDefault::CurrentTimestamp => Some("CURRENT_TIMESTAMP".into()),
            ColumnDefault::Value(v) => {
                let text = mysql_text(&self.ty, v);
                Some(if self.ty.is_string() { format!("\"{text}\"") } else { text })
            }
        }
    }
}

/// A value as MySQL prints it back (e.g. a column default in `SHOW COLUMNS`).
pub fn mysql_text(ty: &AttrType, v: &Value) -> String {
    match (ty, v) {
        (AttrType::Decimal { scale, .. }, Value::Float(f)) => format!("{:.*}", *scale as usize, f),
        (AttrType::Decimal { scale, .. }, Value::Int(i)) => format!("{:.*}", *scale as usize, *i as f64),
        (_, Value::Float(f)) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        (_, Value::Float(f)) => float_repr(*f),
        (_, Value::Int(i)) => i.to_string(),
        (_, Value::Str(s)) => s.clone(),
        (_, Value::Bool(b)) => (*b as i64).to_string(),
        // binary(16) (a filepath's default): the text without MySQL's zero padding.
        (AttrType::Filepath { .. }, Value::Bytes(b)) => String::from_utf8_lossy(b).trim_end_matches('\0').to_string(),
        (_, other) => super::py::value_str(other),
    }
}

/// A foreign key: `-> Parent` or `-> Parent.proj(new='old')`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ForeignKey {
    /// The referenced table.
    pub parent: TableName,
    /// (child attribute, parent attribute) pairs, in the parent's primary-key order.
    pub attr_map: Vec<(String, String)>,
    /// `[nullable]`.
    pub nullable: bool,
    /// `[unique]`.
    pub unique: bool,
    /// Declared above the divider: the child's attributes are in its primary key.
    pub primary: bool,
}

impl ForeignKey {
    /// Some attribute is renamed (`.proj(new='old')`).
    pub fn aliased(&self) -> bool {
        self.attr_map.iter().any(|(c, p)| c != p)
    }

    /// The child's attributes.
    pub fn child_attrs(&self) -> impl Iterator<Item = &str> {
        self.attr_map.iter().map(|(c, _)| c.as_str())
    }
}

/// A secondary index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Index {
    /// `unique index`.
    pub unique: bool,
    /// Indexed attributes in order.
    pub attributes: Vec<String>,
    /// Created by MySQL for a foreign key no other index covers (InnoDB needs one).
    pub implicit: bool,
}

/// Everything DataJoint knows about a declared table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableInfo {
    /// Its MySQL name.
    pub name: TableName,
    /// The class name it was declared with.
    pub class_name: String,
    /// Its tier.
    pub tier: Tier,
    /// For a Part, its master's table name (same schema).
    pub master: Option<String>,
    /// The table comment.
    pub comment: String,
    /// Attributes in heading order.
    pub attributes: Vec<Attribute>,
    /// Foreign keys in declaration order (constraint `{table}_ibfk_{n}` is the n-th).
    pub foreign_keys: Vec<ForeignKey>,
    /// Secondary indexes.
    pub indexes: Vec<Index>,
    /// Filepath attributes' references to their stores' tracking tables.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub external: Vec<ExternalRef>,
    /// The definition as declared.
    pub definition: String,
}

impl TableInfo {
    /// The attribute named `name`.
    pub fn attribute(&self, name: &str) -> Option<&Attribute> {
        self.attributes.iter().find(|a| a.name == name)
    }

    /// Position of attribute `name`.
    pub fn position(&self, name: &str) -> Option<usize> {
        self.attributes.iter().position(|a| a.name == name)
    }

    /// Attribute names in heading order.
    pub fn names(&self) -> Vec<String> {
        self.attributes.iter().map(|a| a.name.clone()).collect()
    }

    /// Primary-key attribute names in order.
    pub fn primary_key(&self) -> Vec<String> {
        self.attributes.iter().filter(|a| a.in_key).map(|a| a.name.clone()).collect()
    }

    /// Secondary attribute names in order.
    pub fn secondary_attributes(&self) -> Vec<String> {
        self.attributes.iter().filter(|a| !a.in_key).map(|a| a.name.clone()).collect()
    }

    /// MySQL's names of the indexes: an unnamed index is named after its first column, then
    /// `_2`, `_3`, ... for repeats.
    pub fn index_names(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for index in &self.indexes {
            let base = index.attributes.first().cloned().unwrap_or_default();
            let mut name = base.clone();
            let mut k = 2;
            while names.contains(&name) {
                name = format!("{base}_{k}");
                k += 1;
            }
            names.push(name);
        }
        names
    }

    /// MySQL's name for the n-th (0-based) foreign key's constraint (counting the external
    /// references declared among them).
    pub fn constraint_name(&self, n: usize) -> String {
        let number = self.constraints().iter().position(|c| c.foreign_key == Some(n)).unwrap_or(n);
        format!("{}_ibfk_{}", self.name.table, number + 1)
    }
}
