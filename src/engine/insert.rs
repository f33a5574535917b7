//! `insert` / `insert1`: DataJoint's field checks and value placeholders, then MySQL 8.0's
//! strict-mode storage, all rows of one call in one transaction.

use rusqlite::types::Value as Sql;

use super::access::Privilege;
use super::declare::Tier;
use super::error::{Error, Kind, Result};
use super::fetch::FetchSpec;
use super::heading::{Attribute, TableInfo, TableName};
use super::integrity;
use super::query::Query;
use super::types::ColumnDefault;
use super::value::Value;
use super::world::{internal, World};

/// One row to insert: a map (field → value) or values in heading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    /// Named fields, as a Python dict.
    Map(Vec<(String, Value)>),
    /// Positional values, as a Python tuple or list.
    Positional(Vec<Value>),
}

/// `insert`'s keyword arguments.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct InsertOptions {
    /// `replace=True`: REPLACE INTO.
    pub replace: bool,
    /// `skip_duplicates=True`: rows colliding on any unique key are skipped.
    pub skip_duplicates: bool,
    /// `ignore_extra_fields=True`: fields not in the heading are dropped.
    pub ignore_extra_fields: bool,
    /// `allow_direct_insert=True`: insert into an Imported/Computed table outside `make`.
    pub allow_direct_insert: bool,
}

const SUGGEST_SKIP: &str = "To ignore duplicate entries in insert, set skip_duplicates=True";

impl World {
    /// Insert rows into a base table.
    pub fn insert(&mut self, table: &TableName, rows: &[Row], opts: &InsertOptions) -> Result<()> {
        self.insert_rows(table, rows, opts).map_err(|e| match e.kind {
            // DataJoint adds a hint to duplicates from rows (not from `insert(query)`).
            Kind::DuplicateError => Error::with_args(e.kind, e.code, &[&e.message, SUGGEST_SKIP]),
            _ => e,
        })
    }

    /// `T.insert(query)`: DataJoint's `INSERT INTO t (fields) SELECT ...` of the query's
    /// attributes that the table has (any other is an error unless `ignore_extra_fields`).
    pub fn insert_query(&mut self, table: &TableName, query: &Query, opts: &InsertOptions) -> Result<()> {
        let (info, gone) = self.table_or_dropped(table)?;
        let has = |n: &String| info.attributes.iter().any(|a| &a.name == n);
        let names = query.names();
        if gone {
            // One INSERT ... SELECT statement, which the server refuses.
            let fields: Vec<String> = names.iter().filter(|n| has(n)).cloned().collect();
            let text = format!("INSERT INTO {} (`{}`) {}", table.full(), fields.join("`,`"), query.mysql_text(&fields));
            return Err(super::dropped::missing_table(table, &text));
        }
        if let Some(extra) = names.iter().find(|n| !has(n)).filter(|_| !opts.ignore_extra_fields) {
            // The auto-populated check comes first, as in DataJoint.
            self.insert_rows(table, &[], opts)?;
            return Err(Error::dj(format!(
                "Attribute {extra} not found. To ignore extra attributes in insert, set ignore_extra_fields=True."
            )));
        }
        let fields: Vec<String> = names.into_iter().filter(has).collect();
        let fetched = self.fetch(query, &FetchSpec { attrs: fields.clone(), ..FetchSpec::default() })?;
        let rows: Vec<Row> =
            fetched.rows.into_iter().map(|r| Row::Map(fields.iter().cloned().zip(r).collect())).collect();
        self.insert_rows(table, &rows, opts)
    }

    fn insert_rows(&mut self, table: &TableName, rows: &[Row], opts: &InsertOptions) -> Result<()> {
        let (info, gone) = self.table_or_dropped(table)?;
        if matches!(info.tier, Tier::Imported | Tier::Computed)
            && !opts.allow_direct_insert
            && !self.populating.contains(table)
        {
            return Err(Error::dj(
                "Inserts into an auto-populated table can only be done inside its make method during a populate call. To override, set keyword argument allow_direct_insert=True.",
            ));
        }
        let Some(first) = rows.first() else { return Ok(()) };
        let fields = field_list(&info, first, opts.ignore_extra_fields)?;
        if fields.is_empty() {
            return Err(Error::new(Kind::AssertionError, "Empty tuple"));
        }
        // Check every row's fields before writing anything, as DataJoint builds all rows first.
        let mut prepared: Vec<Vec<Option<&Value>>> = Vec::with_capacity(rows.len());
        for row in rows {
            prepared.push(row_values(&info, row, &fields)?);
        }
        if gone {
            return Err(super::dropped::missing_table(table, &insert_statement(&info, &fields, &prepared, opts)));
        }
        let uploaded = if info.external.is_empty() { Vec::new() } else { self.upload_filepaths(&info, &prepared)? };
        if !uploaded.is_empty() {
            prepared = prepared
                .iter()
                .zip(&uploaded)
                .map(|(row, hashes)| row.iter().zip(hashes).map(|(v, h)| h.as_ref().or(*v)).collect())
                .collect();
        }
        // `skip_duplicates` is `ON DUPLICATE KEY UPDATE`: MySQL wants UPDATE as well.
        let wanted: &[Privilege] =
            if opts.skip_duplicates { &[Privilege::Insert, Privilege::Update] } else { &[Privilege::Insert] };
        self.authorize(wanted, table, || insert_statement(&info, &fields, &prepared, opts))?;
        self.atomically(|w| w.write_rows(&info, &prepared, opts))
    }

    fn write_rows(&mut self, info: &TableInfo, rows: &[Vec<Option<&Value>>], opts: &InsertOptions) -> Result<()> {
        let columns = info.attributes.len();
        // Rows go to SQLite in batches of one multi-row INSERT (one statement run per batch,
        // not per row); SQLite allows 32,766 bound values per statement.
        let batch = (32_000 / columns.max(1)).clamp(1, 200);
        let mut auto = AutoIncrement::load(self, info)?;
        let mut now: Option<String> = None;
        let mut pending: Vec<Vec<Sql>> = Vec::with_capacity(batch.min(rows.len()));
        for (i, row) in rows.iter().enumerate() {
            let mut values: Vec<Sql> = Vec::with_capacity(columns);
            for (attr, value) in info.attributes.iter().zip(row) {
                values.push(column_value(attr, *value, i + 1, &mut auto, &mut now, &self.conn)?);
            }
            auto.observe(&values);
            pending.push(values);
            if pending.len() == batch || i + 1 == rows.len() {
                if let Err((values, e)) = self.write_batch(info, &pending, opts) {
                    return Err(self.explain_insert_failure(info, &values, e));
                }
                pending.clear();
            }
        }
        auto.save(self)
    }

    /// One multi-row INSERT; if it fails (it then leaves nothing behind), the rows one by one,
    /// so that the failure is explained for the row that caused it, as MySQL reports it.
    fn write_batch(
        &self,
        info: &TableInfo,
        rows: &[Vec<Sql>],
        opts: &InsertOptions,
    ) -> std::result::Result<(), (Vec<Sql>, rusqlite::Error)> {
        let sql = |n: usize| {
            let columns: Vec<String> = info.attributes.iter().map(|a| format!("\"{}\"", a.name)).collect();
            let one = format!("({})", vec!["?"; columns.len()].join(","));
            format!(
                "INSERT{} INTO {} ({}) VALUES {}{}",
                if opts.replace { " OR REPLACE" } else { "" },
                info.name.sqlite(),
                columns.join(","),
                vec![one; n].join(","),
                if opts.skip_duplicates && !opts.replace { " ON CONFLICT DO NOTHING" } else { "" }
            )
        };
        let run = |n: usize, values: &mut dyn Iterator<Item = &Sql>| {
            let mut stmt = self.conn.prepare_cached(&sql(n))?;
            stmt.execute(rusqlite::params_from_iter(values)).map(|_| ())
        };
        if rows.len() > 1 && run(rows.len(), &mut rows.iter().flatten()).is_ok() {
            return Ok(());
        }
        for row in rows {
            run(1, &mut row.iter()).map_err(|e| (row.clone(), e))?;
        }
        Ok(())
    }

    /// Turn a SQLite constraint failure into the error MySQL would have raised for the row.
    fn explain_insert_failure(&self, info: &TableInfo, values: &[Sql], e: rusqlite::Error) -> Error {
        let code = match &e {
            rusqlite::Error::SqliteFailure(f, _) => f.extended_code,
            _ => return internal(e),
        };
        const PRIMARYKEY: i32 = 1555;
        const UNIQUE: i32 = 2067;
        const FOREIGNKEY: i32 = 787;
        // ON DELETE RESTRICT fires as a trigger-like action: SQLITE_CONSTRAINT_TRIGGER.
        const RESTRICT: i32 = 1811;
        // InnoDB checks a row's foreign keys before its unique keys.
        if let Some(err) = integrity::missing_parent(self, info, values) {
            return err;
        }
        match code {
            PRIMARYKEY | UNIQUE => {
                let (entry, key) = integrity::duplicate_key(self, info, values);
                Error {
                    kind: Kind::DuplicateError,
                    message: format!("Duplicate entry '{entry}' for key '{}.{key}'", info.name.table),
                    code: Some(1062),
                }
            }
            // REPLACE deletes the old row first; its children block that.
            FOREIGNKEY | RESTRICT => integrity::referenced_row(self, info, values).unwrap_or_else(|| internal(e)),
            _ => internal(e),
        }
    }
}

/// The statement DataJoint sends for an insert (it appears in access errors):
/// ``INSERT INTO `db`.`t`(`a`,`b`) VALUES (%s,DEFAULT),(...)``.
fn insert_statement(info: &TableInfo, fields: &[usize], rows: &[Vec<Option<&Value>>], opts: &InsertOptions) -> String {
    let names: Vec<&str> = fields.iter().map(|i| info.attributes[*i].name.as_str()).collect();
    let placeholders: Vec<String> = rows
        .iter()
        .map(|row| {
            let cells: Vec<&str> = fields.iter().map(|i| if row[*i].is_some() { "%s" } else { "DEFAULT" }).collect();
            format!("({})", cells.join(","))
        })
        .collect();
    let mut sql = format!(
        "{} INTO {}(`{}`) VALUES {}",
        if opts.replace { "REPLACE" } else { "INSERT" },
        info.name.full(),
        names.join("`,`"),
        placeholders.join(",")
    );
    if opts.skip_duplicates {
        let pk = info.primary_key().into_iter().next().unwrap_or_default();
        sql.push_str(&format!(" ON DUPLICATE KEY UPDATE `{pk}`=`{pk}`"));
    }
    sql
}

/// The fields the first row sets, in heading order (DataJoint's `check_fields`).
fn field_list(info: &TableInfo, first: &Row, ignore_extra: bool) -> Result<Vec<usize>> {
    match first {
        Row::Map(fields) => {
            if !ignore_extra {
                if let Some((name, _)) = fields.iter().find(|(n, _)| info.attribute(n).is_none()) {
                    return Err(Error::key_error(format!("`{name}` is not in the table heading")));
                }
            }
            Ok((0..info.attributes.len())
                .filter(|i| fields.iter().any(|(n, _)| *n == info.attributes[*i].name))
                .collect())
        }
        Row::Positional(values) => {
            check_arity(info, values)?;
            Ok((0..info.attributes.len()).collect())
        }
    }
}

fn check_arity(info: &TableInfo, values: &[Value]) -> Result<()> {
    if values.len() != info.attributes.len() {
        return Err(Error::dj(format!(
            "Invalid insert argument. Incorrect number of attributes: {} given; {} expected",
            values.len(),
            info.attributes.len()
        )));
    }
    Ok(())
}

/// One row's values in heading order (`None`: not given, so the column's default applies).
fn row_values<'r>(info: &TableInfo, row: &'r Row, fields: &[usize]) -> Result<Vec<Option<&'r Value>>> {
    let mut out: Vec<Option<&Value>> = vec![None; info.attributes.len()];
    match row {
        Row::Map(map) => {
            let given = info.attributes.iter().enumerate().filter(|(_, a)| map.iter().any(|(n, _)| *n == a.name));
            if !given.map(|(i, _)| i).eq(fields.iter().copied()) {
                return Err(Error::dj("Attempt to insert rows with different fields."));
            }
            for (name, value) in map {
                if let Some(pos) = info.position(name) {
                    out[pos] = Some(value);
                }
            }
        }
        Row::Positional(values) => {
            check_arity(info, values)?;
            for (slot, v) in out.iter_mut().zip(values) {
                *slot = Some(v);
            }
        }
    }
    for (attr, slot) in info.attributes.iter().zip(out.iter_mut()) {
        if let Some(v) = slot {
            if attr.ty.insert_uses_default(v)? {
                *slot = None;
            }
        }
    }
    Ok(out)
}

/// The stored value of one column: the given value, or the column's default.
fn column_value(
    attr: &Attribute,
    value: Option<&Value>,
    row: usize,
    auto: &mut AutoIncrement,
    now: &mut Option<String>,
    conn: &rusqlite::Connection,
) -> Result<Sql> {
    if let Some(v) = value {
        return attr.ty.to_storage(v, &attr.name, row);
    }
    if attr.autoincrement {
        return Ok(Sql::Integer(auto.next()));
    }
    match &attr.default {
        ColumnDefault::Null => Ok(Sql::Null),
        ColumnDefault::Value(v) => attr.ty.to_storage(v, &attr.name, row),
        ColumnDefault::CurrentTimestamp => {
            if now.is_none() {
                *now = Some(conn.query_row("SELECT datetime('now', 'localtime')", [], |r| r.get(0)).map_err(internal)?);
            }
            attr.ty.to_storage(&Value::Str(now.clone().unwrap_or_default()), &attr.name, row)
        }
        ColumnDefault::None if attr.nullable => Ok(Sql::Null),
        ColumnDefault::None => Err(Error::mysql(
            Kind::MissingAttributeError,
            1364,
            format!("Field '{}' doesn't have a default value", attr.name),
        )),
    }
}

impl World {
    /// The next value of a table's auto-increment counter (`None`: it has no such column):
    /// MySQL 8.0 persists the counter, so values are never reused, even after deletes.
    pub fn auto_increment(&self, info: &TableInfo) -> Result<Option<i64>> {
        let Some(column) = info.attributes.iter().find(|a| a.autoincrement) else { return Ok(None) };
        let stored: i64 = self
            .conn
            .query_row(
                "SELECT next FROM djs_autoinc WHERE database=?1 AND name=?2",
                [&info.name.database, &info.name.table],
                |r| r.get(0),
            )
            .unwrap_or(1);
        let max: Option<i64> = self
            .conn
            .query_row(&format!("SELECT max(\"{}\") FROM {}", column.name, info.name.sqlite()), [], |r| r.get(0))
            .map_err(internal)?;
        Ok(Some(stored.max(max.map_or(1, |m| m + 1))))
    }

    /// Remember the counter's next value.
    pub fn set_auto_increment(&self, info: &TableInfo, next: i64) -> Result<()> {
        if !info.attributes.iter().any(|a| a.autoincrement) {
            return Ok(());
        }
        self.conn
            .execute(
                "INSERT OR REPLACE INTO djs_autoinc(database, name, next) VALUES(?1, ?2, ?3)",
                rusqlite::params![info.name.database, info.name.table, next],
            )
            .map(|_| ())
            .map_err(internal)
    }
}

/// The auto-increment counter during one insert call.
struct AutoIncrement {
    /// The table and the auto-increment column's position, if it has one.
    column: Option<(TableInfo, usize)>,
    next: i64,
}

impl AutoIncrement {
    fn load(world: &World, info: &TableInfo) -> Result<AutoIncrement> {
        let Some(column) = info.attributes.iter().position(|a| a.autoincrement) else {
            return Ok(AutoIncrement { column: None, next: 1 });
        };
        let next = world.auto_increment(info)?.unwrap_or(1);
        Ok(AutoIncrement { column: Some((info.clone(), column)), next })
    }

    fn next(&mut self) -> i64 {
        self.next
    }

    fn observe(&mut self, values: &[Sql]) {
        if let Some(Sql::Integer(v)) = self.column.as_ref().and_then(|(_, c)| values.get(*c)) {
            self.next = self.next.max(v + 1);
        }
    }

    fn save(&self, world: &World) -> Result<()> {
        match &self.column {
            Some((info, _)) => world.set_auto_increment(info, self.next),
            None => Ok(()),
        }
    }
}
