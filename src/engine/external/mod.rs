//! External storage as DataJoint 0.14 keeps it (`external.py`), for the `filepath@store` type.
//!
//! A filepath attribute stores a 16-byte hash (the MD5 of the path relative to the store's
//! stage) and references `~external_{store}` in its own schema, which tracks the relative path.
//! The store itself is `dj.config["stores"][store]` (`protocol`, `location`, `stage`).
//!
//! The sandbox's file store is virtual: there are no files on disk. Every path under a store's
//! stage holds an empty file (size 0, the MD5 of no bytes as its contents hash), except the
//! stage itself, which is a directory; locations always exist; `s3` stores behave as `file`
//! ones and reach no network. A fetch returns the stage joined with the tracked relative path,
//! as DataJoint returns the local copy it finds (or downloads) there.

mod filepath;
mod path;
mod spec;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::declare::{Declaration, Tier};
use super::error::Result;
use super::heading::TableName;
use super::value::Value;
use super::world::{internal, World};

pub use spec::StoreSpec;

/// `EXTERNAL_TABLE_ROOT`: the tracking tables are `~external_{store}`.
pub const TABLE_ROOT: &str = "~external";

/// `ExternalTable.definition`, verbatim.
const DEFINITION: &str = "
        # external storage tracking
        hash  : uuid    #  hash of contents (blob), of filename + contents (attach), or relative filepath (filepath)
        ---
        size      :bigint unsigned     # size of object in bytes
        attachment_name=null : varchar(255)  # the filename of an attachment
        filepath=null : varchar(1000)  # relative filepath or attachment filename
        contents_hash=null : uuid      # used for the filepath datatype
        timestamp=CURRENT_TIMESTAMP  :timestamp   # automatic timestamp
        ";

/// The tracking table of `store` in `database`.
pub fn tracking_table(database: &str, store: &str) -> TableName {
    TableName::new(database, format!("{TABLE_ROOT}_{store}"))
}

/// The environment variable that turns the filepath type on (`FILEPATH_FEATURE_SWITCH`).
pub const FILEPATH_SWITCH: &str = "DJ_SUPPORT_FILEPATH_MANAGEMENT";

/// DataJoint's error when the switch is off, as `declare` raises it (the heading's copy of the
/// text is indented deeper).
// oracle: DataJointError '\n            The filepath data type is disabled until complete
// validation.\n            To turn it on ... DJ_SUPPORT_FILEPATH_MANAGEMENT = TRUE or upgrade
// datajoint.\n            '
pub fn filepath_disabled() -> super::error::Error {
    let pad = " ".repeat(12);
    super::error::Error::dj(format!(
        "\n{pad}The filepath data type is disabled until complete validation.\n{pad}To turn it on as experimental \
         feature, set the environment variable\n{pad}{FILEPATH_SWITCH} = TRUE or upgrade datajoint.\n{pad}"
    ))
}

/// What the client's settings say about external storage, as the server hands them over.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Settings {
    /// `os.getenv("DJ_SUPPORT_FILEPATH_MANAGEMENT", "FALSE").upper() == "TRUE"`.
    pub filepath_enabled: bool,
    /// `dj.config["stores"]`, when the key exists.
    pub stores: Option<Value>,
    /// The working directory a relative stage is taken from (`Path.absolute()`).
    pub cwd: String,
}

/// The settings and the specs in use. DataJoint reads a store's spec once per schema object,
/// when its `schema.external[store]` is first needed, and keeps it: later changes to
/// `dj.config["stores"]` reach a schema only through a new `dj.schema(...)` object.
#[derive(Debug, Default)]
pub(crate) struct State {
    settings: Settings,
    specs: HashMap<(String, String), StoreSpec>,
}

/// A filepath attribute's reference to its tracking table: a MySQL foreign key, which
/// DataJoint's dependency graph leaves out (it skips `~` tables).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExternalRef {
    /// The attribute.
    pub attribute: String,
    /// Its store.
    pub store: String,
    /// How many `->` foreign keys the definition declares before the attribute (MySQL numbers
    /// the constraints in declaration order).
    pub after: usize,
}

impl World {
    /// Hand over the client's current settings; the specs already read are kept.
    pub fn set_external_settings(&mut self, settings: Settings) {
        self.external.get_mut().settings = settings;
    }

    /// A new schema object for `database` (`dj.schema(...)`): its stores are read afresh.
    pub fn forget_store_specs(&mut self, database: &str) {
        self.external.get_mut().specs.retain(|(db, _), _| db != database);
    }

    /// Whether the filepath type is switched on.
    pub fn filepath_enabled(&self) -> bool {
        self.external.borrow().settings.filepath_enabled
    }

    /// The spec `schema.external[store]` holds for `database`: read from the settings on first
    /// use (DataJoint's `get_store_spec` errors), then kept.
    pub(crate) fn store_spec(&self, database: &str, store: &str) -> Result<StoreSpec> {
        let key = (database.to_string(), store.to_string());
        if let Some(spec) = self.external.borrow().specs.get(&key) {
            return Ok(spec.clone());
        }
        let spec = StoreSpec::from_config(self.external.borrow().settings.stores.as_ref(), store)?;
        spec.check_location()?;
        self.external.borrow_mut().specs.insert(key, spec.clone());
        Ok(spec)
    }

    /// `schema.external[store]` as a declaration or an insert first meets it: the spec, and the
    /// tracking table, declared if missing. (Its location is virtual: always there.)
    pub(crate) fn external_store(&mut self, database: &str, store: &str) -> Result<StoreSpec> {
        let spec = self.store_spec(database, store)?;
        let table = tracking_table(database, store);
        // DataJoint's `declare` skips a table the account may not create.
        let may_create = match self.authorize(&[super::access::Privilege::Create], &table, String::new) {
            Err(e) if e.kind == super::error::Kind::AccessError => false,
            other => other.map(|_| true)?,
        };
        if may_create && self.table(&table).is_none() {
            let decl = Declaration {
                schema: database,
                class_name: "ExternalTable",
                tier: Tier::Manual,
                master: None,
                definition: DEFINITION,
            };
            let info = self.compile(&decl, table, &|_| None)?;
            self.atomically(|w| {
                w.conn.execute_batch(&super::declare::sqlite::sqlite_ddl(&info)).map_err(internal)?;
                w.register_table(info)
            })?;
        }
        Ok(spec)
    }

    fn external_cwd(&self) -> String {
        self.external.borrow().settings.cwd.clone()
    }
}
