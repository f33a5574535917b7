//! Declaration: a parsed definition becomes a heading, foreign keys and indexes (DataJoint's
//! `prepare_declare`), checked as MySQL 8.0 would check the `CREATE TABLE`, then stored.

use super::naming::{self, Tier};
use super::parse::{self, parse_definition_with, AttributeLine, ForeignKeyLine, Item};
use crate::engine::access::Privilege;
use crate::engine::error::{Error, Kind, Result};
use crate::engine::external::ExternalRef;
use crate::engine::heading::{Attribute, ForeignKey, Index, TableInfo, TableName};
use crate::engine::types::{self, AttrType, ColumnDefault};
use crate::engine::world::{internal, World};

/// What to declare: DataJoint's `@schema class Name(tier): definition = ...`.
#[derive(Debug, Clone, Copy)]
pub struct Declaration<'a> {
    /// The schema (must exist).
    pub schema: &'a str,
    /// The class name (CamelCase).
    pub class_name: &'a str,
    /// The tier.
    pub tier: Tier,
    /// For a Part: the master's table name.
    pub master: Option<&'a str>,
    /// The definition text.
    pub definition: &'a str,
}

/// The outcome of a declaration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Declared {
    /// The table was created.
    Created(TableName),
    /// A table of that name existed and was kept as it is (`CREATE TABLE IF NOT EXISTS`), even
    /// if the definition differs: the "restart the kernel" trap.
    Existing(TableName),
    /// The account may not create it (or reference its parents): DataJoint swallows the
    /// AccessError and the table simply does not exist.
    NotCreated(TableName),
}

impl Declared {
    /// The table's name either way.
    pub fn name(&self) -> &TableName {
        match self {
            Declared::Created(n) | Declared::Existing(n) | Declared::NotCreated(n) => n,
        }
    }
}

/// Resolves a foreign-key reference as written (`Subject`, `common.Nwbfile`, `master`) to a
/// declared table, as Python resolves it in the declaring module's namespace.
pub type Namespace<'a> = &'a dyn Fn(&str) -> Option<TableName>;

impl World {
    /// Declare a table unless one of that name exists.
    pub fn declare(&mut self, decl: &Declaration<'_>, resolve: Namespace<'_>) -> Result<Declared> {
        if !self.schema_exists(decl.schema) {
            return Err(Error::dj("Schema must be activated first."));
        }
        let table = naming::table_name(decl.tier, decl.class_name, decl.master)?;
        let name = TableName::new(decl.schema, table);
        if self.table(&name).is_some() {
            return Ok(Declared::Existing(name));
        }
        if self.in_transaction() {
            return Err(Error::dj(
                "Cannot declare new tables inside a transaction, e.g. from inside a populate/make call",
            ));
        }
        let info = self.compile(decl, name.clone(), resolve)?;
        // DataJoint reads each store's spec (and declares its tracking table) before it sends
        // the CREATE TABLE.
        for e in &info.external {
            self.external_store(decl.schema, &e.store)?;
        }
        let mut wanted = vec![(Privilege::Create, name.clone())];
        wanted.extend(info.foreign_keys.iter().map(|fk| (Privilege::References, fk.parent.clone())));
        for (privilege, table) in wanted {
            match self.authorize(&[privilege], &table, String::new) {
                Err(e) if e.kind == Kind::AccessError => return Ok(Declared::NotCreated(name)),
                other => other?,
            }
        }
        self.atomically(|w| {
            w.conn.execute_batch(&super::sqlite::sqlite_ddl(&info)).map_err(internal)?;
            w.register_table(info)
        })?;
        Ok(Declared::Created(name))
    }

    /// Compile a definition against the catalog without storing anything.
    pub fn compile(&self, decl: &Declaration<'_>, name: TableName, resolve: Namespace<'_>) -> Result<TableInfo> {
        naming::check_table_name_length(&name.table)?;
        let def = parse_definition_with(decl.definition, &mut Checks { world: self, names: resolve })?;
        let mut attributes: Vec<Attribute> = Vec::new();
        let mut foreign_keys = Vec::new();
        let mut indexes = Vec::new();
        let mut external = Vec::new();
        for item in &def.items {
            match item {
                Item::Attribute(a) => {
                    let mut parsed = types::parse_column_type(&a.type_text, &a.name)?;
                    let default = match &a.default {
                        None => ColumnDefault::None,
                        Some(lit) => types::column_default(&parsed.ty, lit, &a.name)?,
                    };
                    // DataJoint keeps the first declaration of a repeated name (`prepare_declare`).
                    if attributes.iter().any(|x| x.name == a.name) {
                        continue;
                    }
                    if let AttrType::Filepath { store, database } = &mut parsed.ty {
                        *database = decl.schema.to_string();
                        let after = foreign_keys.len();
                        external.push(ExternalRef { attribute: a.name.clone(), store: store.clone(), after });
                    }
                    attributes.push(Attribute {
                        name: a.name.clone(),
                        in_key: a.in_key,
                        nullable: default == ColumnDefault::Null,
                        default,
                        autoincrement: parsed.auto_increment,
                        comment: a.comment.clone(),
                        ty: parsed.ty,
                    });
                }
                Item::ForeignKey(f) => {
                    let fk = self.compile_foreign_key(f, &mut attributes, resolve)?;
                    if fk.unique {
                        indexes.push(Index {
                            unique: true,
                            attributes: fk.child_attrs().map(String::from).collect(),
                            implicit: false,
                        });
                    }
                    foreign_keys.push(fk);
                }
                Item::Index(i) => {
                    indexes.push(Index { unique: i.unique, attributes: i.attributes.clone(), implicit: false })
                }
            }
        }
        if !attributes.iter().any(|a| a.in_key) {
            return Err(Error::dj("Table must have a primary key"));
        }
        for fk in &mut foreign_keys {
            let primary = fk.child_attrs().all(|c| attributes.iter().any(|a| a.name == c && a.in_key));
            fk.primary = primary;
        }
        check_server_rules(&attributes, &indexes)?;
        // DataJoint checks this as it loads the heading; MySQL takes binary(16) in a key, so a
        // real declaration succeeds first. The sandbox refuses the table outright.
        if attributes.iter().any(|a| a.in_key && a.ty.is_filepath()) {
            return Err(Error::dj("Json, Blob, attachment, or filepath attributes are not allowed in the primary key"));
        }
        let mut info = TableInfo {
            name,
            class_name: decl.class_name.to_string(),
            tier: decl.tier,
            master: decl.master.map(String::from),
            comment: def.comment,
            attributes,
            foreign_keys,
            indexes,
            external,
            definition: decl.definition.to_string(),
        };
        add_implicit_indexes(&mut info);
        Ok(info)
    }

    /// `-> Parent` / `-> Parent.proj(new='old')`: inherit the parent's primary key.
    fn compile_foreign_key(
        &self,
        f: &ForeignKeyLine,
        attributes: &mut Vec<Attribute>,
        names: Namespace<'_>,
    ) -> Result<ForeignKey> {
        let (parent_name, renames) = resolve_reference(self, f, names)?;
        let parent = self.table_or_err(&parent_name)?;
        let mut attr_map = Vec::new();
        for p in parent.attributes.iter().filter(|a| a.in_key) {
            let child = renames.iter().find(|(_, old)| *old == p.name).map_or(p.name.clone(), |(new, _)| new.clone());
            if !attributes.iter().any(|a| a.name == child) {
                attributes.push(Attribute {
                    name: child.clone(),
                    ty: p.ty.clone(),
                    in_key: f.in_key,
                    nullable: f.nullable,
                    default: if f.nullable { ColumnDefault::Null } else { ColumnDefault::None },
                    autoincrement: false,
                    comment: p.comment.clone(),
                });
            }
            attr_map.push((child, p.name.clone()));
        }
        Ok(ForeignKey { parent: parent_name, attr_map, nullable: f.nullable, unique: f.unique, primary: f.in_key })
    }
}

/// Evaluate a reference as DataJoint's `eval` + `proj` would: the table it names and the
/// renames (new, old) that apply to its attributes. A `proj` value that is not an attribute
/// name is a computation, which a foreign key ignores.
pub(crate) fn resolve_reference(
    world: &World,
    f: &ForeignKeyLine,
    names: Namespace<'_>,
) -> Result<(TableName, Vec<(String, String)>)> {
    let parent_name = names(&f.reference).ok_or_else(|| f.unresolved_error())?;
    let parent = world.table(&parent_name).ok_or_else(|| f.unresolved_error())?;
    let known = |n: &str| parent.attribute(n).is_some();
    for a in &f.attributes {
        let bare = a.strip_prefix('-').unwrap_or(a);
        if a != "..." && !known(bare) {
            return Err(f.unresolved_error());
        }
    }
    let renames: Vec<(String, String)> =
        f.renames.iter().filter(|(_, old)| known(old)).map(|(new, old)| (new.clone(), old.clone())).collect();
    // Renaming onto a name the projection keeps raises inside `proj`: unresolvable.
    for (new, old) in &renames {
        if new != old && known(new) && !renames.iter().any(|(_, o)| o == new) {
            return Err(f.unresolved_error());
        }
    }
    Ok((parent_name, renames))
}

/// The checks only the catalog can make, run where DataJoint makes them.
struct Checks<'a> {
    world: &'a World,
    names: Namespace<'a>,
}

impl parse::Resolver for Checks<'_> {
    fn resolve(&mut self, fk: &ForeignKeyLine) -> Result<()> {
        resolve_reference(self.world, fk, self.names).map(|_| ())
    }

    fn name_exists(&mut self, name: &str) -> bool {
        (self.names)(name).is_some()
    }

    fn check_type(&mut self, attribute: &AttributeLine) -> Result<()> {
        let parsed = types::parse_column_type(&attribute.type_text, &attribute.name)?;
        if parsed.ty.is_filepath() && !self.world.filepath_enabled() {
            return Err(crate::engine::external::filepath_disabled());
        }
        Ok(())
    }
}

/// What MySQL 8.0 itself rejects in the `CREATE TABLE` DataJoint sends.
fn check_server_rules(attributes: &[Attribute], indexes: &[Index]) -> Result<()> {
    for a in attributes.iter().filter(|a| a.in_key) {
        if let Some(err) = a.ty.key_error(&a.name) {
            return Err(err);
        }
    }
    for index in indexes {
        for col in &index.attributes {
            if !attributes.iter().any(|a| &a.name == col) {
                return Err(Error::mysql(
                    Kind::OperationalError,
                    1072,
                    format!("Key column '{col}' doesn't exist in table"),
                ));
            }
        }
    }
    let autos: Vec<&Attribute> = attributes.iter().filter(|a| a.autoincrement).collect();
    let keyed = |a: &Attribute| {
        attributes.iter().find(|x| x.in_key).map(|first| first.name == a.name).unwrap_or(false)
            || indexes.iter().any(|i| i.attributes.first() == Some(&a.name))
    };
    if autos.len() > 1 || autos.iter().any(|a| !keyed(a)) {
        return Err(Error::mysql(
            Kind::ProgrammingError,
            1075,
            "Incorrect table definition; there can be only one auto column and it must be defined as a key",
        ));
    }
    Ok(())
}

/// InnoDB needs an index whose leading columns are each foreign key's columns (external
/// references included); when neither the primary key nor a declared index provides one, MySQL
/// creates it, in the order of the constraints.
pub(crate) fn add_implicit_indexes(info: &mut TableInfo) {
    let primary = info.primary_key();
    for c in info.constraints() {
        let cols = c.columns;
        let covers = |have: &[String]| have.len() >= cols.len() && have[..cols.len()] == cols[..];
        if covers(&primary) || info.indexes.iter().any(|i| covers(&i.attributes)) {
            continue;
        }
        info.indexes.push(Index { unique: false, attributes: cols, implicit: true });
    }
}
