//! A world: one emulated MySQL server held in one SQLite database (in memory or in a file).
//!
//! Every schema's tables live in the one SQLite namespace as `"schema/table"`, so foreign keys
//! can cross schemas (SQLite enforces none across attached databases, and attaches at most 10).
//! DataJoint-level metadata (tiers, headings, comments, foreign keys, indexes, definitions) is
//! kept in catalog tables of the same file, so reopening restores it exactly.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;

use rusqlite::{params, Connection, OptionalExtension};

use super::collation;
use super::error::{Error, Kind, Result};
use super::heading::{TableInfo, TableName};

/// The catalog layout version written into every world file.
const FORMAT_VERSION: &str = "1";

/// One emulated server.
pub struct World {
    pub(crate) conn: Connection,
    /// Declared tables by name.
    pub(crate) tables: HashMap<TableName, Arc<TableInfo>>,
    /// Schemas (MySQL databases) with their creation order.
    pub(crate) schemas: BTreeMap<String, i64>,
    /// Declaration order of tables.
    pub(crate) order: HashMap<TableName, i64>,
    /// Open savepoints (0: autocommit).
    depth: usize,
    /// Catalog snapshots of transactions opened with [`World::begin`], innermost last.
    open: Vec<Snapshot>,
    /// Dropped tables as they were declared: what a class object still holding one sends
    /// the server (see [`super::dropped`]).
    pub(crate) dropped: HashMap<TableName, Arc<TableInfo>>,
    /// Auto-populated tables whose `make` is running: inserts into them are allowed.
    pub(crate) populating: Vec<TableName>,
    /// The connected account's privileges (`None`: all).
    pub(crate) access: Option<Box<dyn super::access::Access>>,
    /// The client's external-storage settings and the store specs in use.
    pub(crate) external: std::cell::RefCell<super::external::State>,
}

/// A world's catalog: its tables' descriptions, schemas and declaration order.
#[derive(Clone)]
pub(super) struct Catalog {
    tables: HashMap<TableName, Arc<TableInfo>>,
    schemas: BTreeMap<String, i64>,
    order: HashMap<TableName, i64>,
}

/// The catalog as it was when a transaction began.
struct Snapshot {
    tables: HashMap<TableName, Arc<TableInfo>>,
    schemas: BTreeMap<String, i64>,
    order: HashMap<TableName, i64>,
}

/// Map a SQLite failure the engine did not anticipate: a bug in the sandbox, never the user's.
pub(crate) fn internal(e: rusqlite::Error) -> Error {
    Error::new(Kind::InternalError, format!("sandbox storage error: {e}"))
}

impl World {
    /// A fresh world in memory (grading, `--fresh`).
    pub fn in_memory() -> Result<World> {
        World::setup(Connection::open_in_memory().map_err(internal)?)
    }

    /// Open (or create) a world file.
    pub fn open(path: &Path) -> Result<World> {
        let conn = Connection::open(path).map_err(|e| {
            Error::new(Kind::OperationalError, format!("cannot open the world file {}: {e}", path.display()))
        })?;
        conn.pragma_update(None, "journal_mode", "WAL").map_err(internal)?;
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(internal)?;
        World::setup(conn)
    }

    pub(super) fn setup(conn: Connection) -> Result<World> {
        World::setup_with(conn, None)
    }

    /// [`World::setup`] with the catalog already known (a copy of an image): it is not read
    /// back from the file, which parses every table's description.
    pub(super) fn setup_with(conn: Connection, catalog: Option<&Catalog>) -> Result<World> {
        collation::register(&conn).map_err(internal)?;
        conn.set_prepared_statement_cache_capacity(256);
        super::condition::register_functions(&conn).map_err(internal)?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(internal)?;
        conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS djs_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
             CREATE TABLE IF NOT EXISTS djs_schema(name TEXT PRIMARY KEY, seq INTEGER NOT NULL);
             CREATE TABLE IF NOT EXISTS djs_table(
                 database TEXT NOT NULL, name TEXT NOT NULL, seq INTEGER NOT NULL, info TEXT NOT NULL,
                 PRIMARY KEY(database, name));
             CREATE TABLE IF NOT EXISTS djs_autoinc(
                 database TEXT NOT NULL, name TEXT NOT NULL, next INTEGER NOT NULL,
                 PRIMARY KEY(database, name));",
        )
        .map_err(internal)?;
        let version: Option<String> = conn
            .query_row("SELECT value FROM djs_meta WHERE key='format'", [], |r| r.get(0))
            .optional()
            .map_err(internal)?;
        match version.as_deref() {
            None => {
                conn.execute("INSERT INTO djs_meta VALUES('format', ?1)", [FORMAT_VERSION]).map_err(internal)?;
            }
            Some(FORMAT_VERSION) => {}
            Some(other) => {
                return Err(Error::new(
                    Kind::OperationalError,
                    format!("this world file has format {other}; this djsandbox reads format {FORMAT_VERSION}"),
                ))
            }
        }
        let mut world = World {
            conn,
            tables: HashMap::new(),
            schemas: BTreeMap::new(),
            order: HashMap::new(),
            depth: 0,
            open: Vec::new(),
            dropped: HashMap::new(),
            populating: Vec::new(),
            access: None,
            external: Default::default(),
        };
        match catalog {
            Some(c) => {
                world.tables = c.tables.clone();
                world.schemas = c.schemas.clone();
                world.order = c.order.clone();
            }
            None => world.load_catalog()?,
        }
        Ok(world)
    }

    /// The catalog as it is now (tables' descriptions are shared, not copied).
    pub(super) fn catalog(&self) -> Catalog {
        Catalog { tables: self.tables.clone(), schemas: self.schemas.clone(), order: self.order.clone() }
    }

    fn load_catalog(&mut self) -> Result<()> {
        let mut stmt = self.conn.prepare("SELECT name, seq FROM djs_schema").map_err(internal)?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))).map_err(internal)?;
        for row in rows {
            let (name, seq) = row.map_err(internal)?;
            self.schemas.insert(name, seq);
        }
        drop(stmt);
        let mut stmt = self.conn.prepare("SELECT seq, info FROM djs_table").map_err(internal)?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))).map_err(internal)?;
        for row in rows {
            let (seq, info) = row.map_err(internal)?;
            let info: TableInfo = serde_json::from_str(&info)
                .map_err(|e| Error::new(Kind::OperationalError, format!("the world's catalog is damaged: {e}")))?;
            self.order.insert(info.name.clone(), seq);
            self.tables.insert(info.name.clone(), Arc::new(info));
        }
        Ok(())
    }

    /// A world-level setting kept in the file (the server layer keeps its accounts and
    /// settings here).
    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        self.conn.query_row("SELECT value FROM djs_meta WHERE key=?1", [key], |r| r.get(0)).optional().map_err(internal)
    }

    /// Store a world-level setting.
    pub fn set_meta(&mut self, key: &str, value: &str) -> Result<()> {
        self.conn
            .execute("INSERT OR REPLACE INTO djs_meta(key, value) VALUES(?1, ?2)", params![key, value])
            .map(|_| ())
            .map_err(internal)
    }

    /// The raw SQLite connection (for the layers that translate SQL).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Run `f` atomically: everything it wrote is undone if it fails. Nests (savepoints), so a
    /// populate's per-key transaction can contain inserts that are themselves atomic.
    pub fn atomically<T>(&mut self, f: impl FnOnce(&mut World) -> Result<T>) -> Result<T> {
        self.transaction(|w| f(w).map(|v| (v, true)))
    }

    /// Run `f` in a transaction that it decides to commit (`true`) or roll back (`false`), as
    /// `delete()` does after asking. An error always rolls back.
    pub fn transaction<T>(&mut self, f: impl FnOnce(&mut World) -> Result<(T, bool)>) -> Result<T> {
        let name = format!("djs_sp{}", self.depth);
        self.conn.execute_batch(&format!("SAVEPOINT {name}")).map_err(internal)?;
        self.depth += 1;
        let (tables, schemas, order) = (self.tables.clone(), self.schemas.clone(), self.order.clone());
        let result = f(self);
        self.depth -= 1;
        match result {
            Ok((v, true)) => {
                self.conn.execute_batch(&format!("RELEASE {name}")).map_err(internal)?;
                Ok(v)
            }
            other => {
                self.conn.execute_batch(&format!("ROLLBACK TO {name}; RELEASE {name}")).map_err(internal)?;
                // The catalog cache follows the storage back.
                self.tables = tables;
                self.schemas = schemas;
                self.order = order;
                other.map(|(v, _)| v)
            }
        }
    }

    /// Open a transaction that [`World::commit`] or [`World::rollback`] ends (populate's
    /// per-key transaction, which spans calls back into a script).
    pub fn begin(&mut self) -> Result<()> {
        let name = format!("djs_sp{}", self.depth);
        self.conn.execute_batch(&format!("SAVEPOINT {name}")).map_err(internal)?;
        self.depth += 1;
        self.open.push(Snapshot {
            tables: self.tables.clone(),
            schemas: self.schemas.clone(),
            order: self.order.clone(),
        });
        Ok(())
    }

    /// Commit the transaction [`World::begin`] opened.
    pub fn commit(&mut self) -> Result<()> {
        let Some(_) = self.open.pop() else { return Err(Error::dj("no transaction to commit")) };
        self.depth -= 1;
        self.conn.execute_batch(&format!("RELEASE djs_sp{}", self.depth)).map_err(internal)
    }

    /// Roll back the transaction [`World::begin`] opened.
    pub fn rollback(&mut self) -> Result<()> {
        let Some(snapshot) = self.open.pop() else { return Err(Error::dj("no transaction to roll back")) };
        self.depth -= 1;
        let name = format!("djs_sp{}", self.depth);
        self.conn.execute_batch(&format!("ROLLBACK TO {name}; RELEASE {name}")).map_err(internal)?;
        self.tables = snapshot.tables;
        self.schemas = snapshot.schemas;
        self.order = snapshot.order;
        Ok(())
    }

    /// True while inside [`World::atomically`].
    pub fn in_transaction(&self) -> bool {
        self.depth > 0
    }

    /// Schema names, sorted.
    pub fn list_schemas(&self) -> Vec<String> {
        self.schemas.keys().cloned().collect()
    }

    /// Does the schema exist?
    pub fn schema_exists(&self, name: &str) -> bool {
        self.schemas.contains_key(name)
    }

    /// `CREATE DATABASE IF NOT EXISTS`.
    pub fn create_schema(&mut self, name: &str) -> Result<()> {
        if self.schema_exists(name) {
            return Ok(());
        }
        check_identifier(name)?;
        self.authorize_database(super::access::Privilege::Create, name)?;
        let seq = self.schemas.values().max().map_or(1, |m| m + 1);
        self.conn.execute("INSERT INTO djs_schema VALUES(?1, ?2)", params![name, seq]).map_err(internal)?;
        self.schemas.insert(name.to_string(), seq);
        Ok(())
    }

    /// `dj.schema(name)`: use the schema, creating it unless `create_schema` is false, with
    /// DataJoint's errors (`Schema.activate`).
    pub fn activate_schema(&mut self, name: &str, create_schema: bool) -> Result<()> {
        if self.schema_exists(name) {
            return Ok(());
        }
        if !create_schema {
            return Err(Error::dj(format!(
                "Database `{name}` has not yet been declared. Set argument create_schema=True to create it."
            )));
        }
        match self.create_schema(name) {
            // DataJoint 0.14 (`Schema.activate`) raises this inside `except AccessError`, so the
            // server's 1044 stays behind it as `__context__`: the error keeps that number.
            Err(e) if e.kind == Kind::AccessError => Err(Error {
                code: e.code,
                ..Error::dj(format!("Schema `{name}` does not exist and could not be created. Check permissions."))
            }),
            other => other,
        }
    }

    /// `DROP DATABASE`: the schema and every table in it. Tables elsewhere that reference them
    /// block the drop with MySQL's 3730 error.
    pub fn drop_schema(&mut self, name: &str) -> Result<()> {
        if !self.schema_exists(name) {
            return Ok(());
        }
        self.authorize_database(super::access::Privilege::Drop, name)?;
        let doomed: Vec<TableName> = self.tables_in(name);
        for t in &doomed {
            for info in self.tables.values() {
                if info.name.database != name && info.foreign_keys.iter().any(|fk| &fk.parent == t) {
                    return Err(Error::mysql(
                        Kind::OperationalError,
                        3730,
                        format!(
                            "Cannot drop table '{}' referenced by a foreign key constraint '{}' on table '{}'.",
                            t.table,
                            info.constraint_name(
                                info.foreign_keys.iter().position(|fk| &fk.parent == t).unwrap_or_default()
                            ),
                            info.name.table
                        ),
                    ));
                }
            }
        }
        self.atomically(|w| {
            for t in w.topo_sort(&doomed).into_iter().rev() {
                w.drop_storage(&t)?;
            }
            w.conn.execute("DELETE FROM djs_schema WHERE name=?1", [name]).map_err(internal)?;
            w.schemas.remove(name);
            Ok(())
        })
    }

    /// `schema.list_tables()`: the schema's table names in topological order (parts right
    /// behind their masters), as DataJoint lists them: it sorts the whole dependency graph,
    /// upstream schemas included, and keeps the schema's tables.
    pub fn list_tables(&self, schema: &str) -> Vec<String> {
        let all: Vec<TableName> = self.tables.keys().filter(|t| !t.table.starts_with('~')).cloned().collect();
        self.topo_sort(&all).into_iter().filter(|t| t.database == schema).map(|t| t.table).collect()
    }

    /// `schema.drop(force=...)`: DataJoint asks ``Proceed to delete entire schema `db`?``
    /// under safemode unless forced; a missing schema is a no-op; a denial becomes its
    /// ``An attempt to drop schema `db` has failed. Check permissions.``
    pub fn drop_schema_checked(
        &mut self,
        name: &str,
        force: bool,
        safemode: bool,
        console: &mut dyn super::delete::Console,
    ) -> Result<bool> {
        if !self.schema_exists(name) {
            return Ok(false);
        }
        if safemode
            && !force
            && !console.confirm(&format!("Proceed to delete entire schema `{name}`?"), super::delete::DEFAULT_NO)
        {
            return Ok(false);
        }
        match self.drop_schema(name) {
            Ok(()) => Ok(true),
            Err(e) if e.kind == Kind::AccessError => {
                Err(Error::dj(format!("An attempt to drop schema `{name}` has failed. Check permissions.")))
            }
            Err(e) => Err(e),
        }
    }

    /// Tables of a schema, in declaration order.
    pub fn tables_in(&self, schema: &str) -> Vec<TableName> {
        let mut names: Vec<&TableName> = self.tables.keys().filter(|t| t.database == schema).collect();
        names.sort_by_key(|t| self.order.get(*t).copied().unwrap_or_default());
        names.into_iter().cloned().collect()
    }

    /// The declared table `name`, if any.
    pub fn table(&self, name: &TableName) -> Option<Arc<TableInfo>> {
        self.tables.get(name).cloned()
    }

    /// The declared table, or DataJoint's error for a missing one.
    pub fn table_or_err(&self, name: &TableName) -> Result<Arc<TableInfo>> {
        // DataJoint's message when a class's table is missing as its heading loads.
        self.table(name).ok_or_else(|| Error::dj(format!("The table {} is not defined.", name.full())))
    }

    /// Number of rows in a base table.
    pub fn count(&self, name: &TableName) -> Result<usize> {
        self.table_or_err(name)?;
        let n: i64 = self
            .conn
            .prepare_cached(&format!("SELECT count(*) FROM {}", name.sqlite()))
            .and_then(|mut s| s.query_row([], |r| r.get(0)))
            .map_err(internal)?;
        Ok(n as usize)
    }

    /// Record a newly declared table in the catalog (storage already created).
    pub(crate) fn register_table(&mut self, info: TableInfo) -> Result<()> {
        let seq = self.order.values().max().map_or(1, |m| m + 1);
        let json = serde_json::to_string(&info).map_err(|e| Error::new(Kind::InternalError, e.to_string()))?;
        self.conn
            .execute(
                "INSERT INTO djs_table(database, name, seq, info) VALUES(?1, ?2, ?3, ?4)",
                params![info.name.database, info.name.table, seq, json],
            )
            .map_err(internal)?;
        self.order.insert(info.name.clone(), seq);
        self.tables.insert(info.name.clone(), Arc::new(info));
        Ok(())
    }

    /// Replace a table's catalog entry (after `alter`).
    pub(crate) fn update_table(&mut self, info: TableInfo) -> Result<()> {
        let json = serde_json::to_string(&info).map_err(|e| Error::new(Kind::InternalError, e.to_string()))?;
        self.conn
            .execute(
                "UPDATE djs_table SET info=?3 WHERE database=?1 AND name=?2",
                params![info.name.database, info.name.table, json],
            )
            .map_err(internal)?;
        self.tables.insert(info.name.clone(), Arc::new(info));
        Ok(())
    }

    /// Remove a table's storage and catalog entry.
    pub(crate) fn drop_storage(&mut self, name: &TableName) -> Result<()> {
        self.conn.execute_batch(&format!("DROP TABLE IF EXISTS {}", name.sqlite())).map_err(internal)?;
        self.conn
            .execute("DELETE FROM djs_table WHERE database=?1 AND name=?2", params![name.database, name.table])
            .map_err(internal)?;
        self.conn
            .execute("DELETE FROM djs_autoinc WHERE database=?1 AND name=?2", params![name.database, name.table])
            .map_err(internal)?;
        if let Some(info) = self.tables.remove(name) {
            self.dropped.insert(name.clone(), info);
        }
        self.order.remove(name);
        Ok(())
    }
}

/// MySQL identifiers: at most 64 characters, no `/` `\` `.` in database names (and nothing that
/// would break our storage naming).
fn check_identifier(name: &str) -> Result<()> {
    if name.is_empty() || name.chars().count() > 64 {
        return Err(Error::mysql(Kind::OperationalError, 1102, format!("Incorrect database name '{name}'")));
    }
    if name.contains(['/', '\\', '.', '`', '"']) || name.ends_with(' ') {
        return Err(Error::mysql(Kind::OperationalError, 1102, format!("Incorrect database name '{name}'")));
    }
    Ok(())
}
