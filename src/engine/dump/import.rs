//! A mysqldump-style file into a world: `CREATE DATABASE`, `CREATE TABLE` and `INSERT`,
//! parsed with sqlparser (MySQL dialect). Tiers come back from table-name prefixes and special
//! types from `:type:` column comments, as DataJoint's heading reads a table it did not declare.
//! mysqldump's session lines (`SET`, `LOCK TABLES`, `DISABLE KEYS`, `USE`) change nothing here;
//! any other statement is listed in [`Imported::unsupported`], never skipped silently.

use sqlparser::ast::{CreateTable, Insert, Statement};
use sqlparser::dialect::MySqlDialect;
use sqlparser::parser::Parser;

use super::split::split;
use super::table::table_info;
use super::values::insert_rows;
use crate::engine::declare::sqlite::sqlite_ddl;
use crate::engine::heading::TableName;
use crate::engine::world::internal;
use crate::engine::{Error, Kind, Result, World};

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Imported {
    /// Schemas created.
    pub schemas: Vec<String>,
    /// Tables created, in file order.
    pub tables: Vec<TableName>,
    /// Rows inserted.
    pub rows: usize,
    /// Statements not loaded: (line, first words).
    pub unsupported: Vec<(usize, String)>,
}

/// MySQL's syntax error as the `mysql` client reports it for a script (1064, with the line).
fn syntax_error(line: usize, detail: &str) -> Error {
    Error::mysql(
        Kind::QuerySyntaxError,
        1064,
        format!("ERROR 1064 (42000) at line {line}: You have an error in your SQL syntax; {detail}"),
    )
}

/// An error of one statement, with its line.
fn at_line(line: usize, e: Error) -> Error {
    Error { message: format!("at line {line}: {}", e.message), ..e }
}

/// Statements gathered from the file, run once it has been read: mysqldump writes tables in
/// name order with `FOREIGN_KEY_CHECKS=0`, so parents may come after their children.
#[derive(Default)]
struct Plan {
    creates: Vec<(usize, TableName, CreateTable)>,
    inserts: Vec<(usize, TableName, Box<Insert>)>,
}

/// Load `src` (a dump's text) into `world`.
pub fn import_sql(world: &mut World, src: &str) -> Result<Imported> {
    let pieces = split(src).map_err(|(line, why)| syntax_error(line, &why))?;
    let mut done = Imported::default();
    let mut plan = Plan::default();
    let mut current: Option<String> = None;
    for piece in pieces {
        let words: Vec<String> = piece.text.split_whitespace().take(4).map(|w| w.to_ascii_uppercase()).collect();
        let first = |n: usize| words.iter().take(n).map(String::as_str).collect::<Vec<_>>().join(" ");
        // mysqldump's session and locking lines: nothing to do on the sandbox's server.
        if matches!(first(1).as_str(), "SET" | "UNLOCK")
            || first(2) == "LOCK TABLES"
            || (first(2) == "ALTER TABLE"
                && (piece.text.ends_with("DISABLE KEYS") || piece.text.ends_with("ENABLE KEYS")))
        {
            continue;
        }
        let text = if first(2) == "CREATE DATABASE" { database_without_options(&piece.text) } else { &piece.text };
        let statements = Parser::parse_sql(&MySqlDialect {}, text).map_err(|e| {
            let detail = e.to_string();
            syntax_error(piece.line, detail.strip_prefix("sql parser error: ").unwrap_or(&detail))
        })?;
        for statement in statements {
            gather(world, statement, &mut current, &mut done, &mut plan, piece.line)
                .map_err(|e| at_line(piece.line, e))?;
        }
    }
    create_all(world, plan.creates, &mut done)?;
    // Parents' rows first: InnoDB checks each foreign key as the dump's rows arrive.
    let order = world.topo_sort(&done.tables);
    let rank = |t: &TableName| order.iter().position(|o| o == t).unwrap_or(usize::MAX);
    let mut inserts = plan.inserts;
    inserts.sort_by_key(|(_, t, _)| rank(t));
    for (line, table, ins) in inserts {
        done.rows += insert_rows(world, &table, &ins).map_err(|e| at_line(line, e))?;
    }
    Ok(done)
}

/// `CREATE DATABASE` without its options: the character set and collation (the sandbox's are
/// MySQL 8.0's defaults) and MySQL 8.0's `DEFAULT ENCRYPTION`, which sqlparser does not read.
fn database_without_options(text: &str) -> &str {
    let upper = text.to_ascii_uppercase();
    let cut = [" DEFAULT ", " CHARACTER ", " CHARSET", " COLLATE", " ENCRYPTION"]
        .iter()
        .filter_map(|option| upper.find(option))
        .min();
    &text[..cut.unwrap_or(text.len())]
}

/// DataJoint's hidden tables (`~log`, `~jobs`, `~external_…`) are its own bookkeeping.
fn hidden(t: &TableName) -> bool {
    t.table.starts_with('~')
}

fn gather(
    world: &mut World,
    st: Statement,
    current: &mut Option<String>,
    done: &mut Imported,
    plan: &mut Plan,
    line: usize,
) -> Result<()> {
    match st {
        Statement::CreateDatabase { db_name, if_not_exists, .. } => {
            let name = unquote(&db_name.to_string());
            if world.schema_exists(&name) {
                if !if_not_exists {
                    return Err(Error::mysql(
                        Kind::ProgrammingError,
                        1007,
                        format!("Can't create database '{name}'; database exists"),
                    ));
                }
            } else {
                world.create_schema(&name)?;
                done.schemas.push(name.clone());
            }
            *current = Some(name);
        }
        Statement::Use(u) => *current = Some(unquote(u.to_string().trim_start_matches("USE "))),
        Statement::Drop { if_exists: true, names, .. } => {
            // mysqldump drops each table before creating it: fine while it does not exist.
            for n in names {
                let name = table_name(&n.to_string(), current.as_deref())?;
                if world.table(&name).is_some() {
                    done.unsupported
                        .push((line, format!("DROP TABLE {} (the table exists; not dropped)", name.full())));
                }
            }
        }
        Statement::CreateTable(ct) => {
            let name = table_name(&ct.name.to_string(), current.as_deref())?;
            if hidden(&name) {
                done.unsupported.push((line, format!("CREATE TABLE {} (DataJoint's own; not loaded)", name.full())));
            } else {
                plan.creates.push((line, name, ct));
            }
        }
        Statement::Insert(ins) => {
            let name = table_name(&ins.table.to_string(), current.as_deref())?;
            if hidden(&name) {
                done.unsupported.push((line, format!("INSERT INTO {} (DataJoint's own; not loaded)", name.full())));
            } else {
                plan.inserts.push((line, name, Box::new(ins)));
            }
        }
        other => {
            let text = other.to_string();
            let head: String = text.split_whitespace().take(4).collect::<Vec<_>>().join(" ");
            done.unsupported.push((line, head));
        }
    }
    Ok(())
}

/// Create the tables, each once its parents exist; a parent that never comes is MySQL's 1824.
fn create_all(world: &mut World, mut pending: Vec<(usize, TableName, CreateTable)>, done: &mut Imported) -> Result<()> {
    while !pending.is_empty() {
        let ready = pending.iter().position(|(_, name, ct)| parents(ct, name).iter().all(|p| world.table(p).is_some()));
        let (line, name, ct) = pending.remove(ready.unwrap_or(0));
        create(world, &name, &ct, done).map_err(|e| at_line(line, e))?;
    }
    Ok(())
}

fn parents(ct: &CreateTable, name: &TableName) -> Vec<TableName> {
    ct.constraints
        .iter()
        .filter_map(|c| match c {
            sqlparser::ast::TableConstraint::ForeignKey(fk) => {
                table_name(&fk.foreign_table.to_string(), Some(&name.database)).ok()
            }
            _ => None,
        })
        .collect()
}

/// `` `x` `` → `x`.
pub(super) fn unquote(s: &str) -> String {
    s.trim().trim_matches('`').to_string()
}

/// `db.table`, `` `db`.`table` `` or a bare table in the current database.
pub(super) fn table_name(text: &str, current: Option<&str>) -> Result<TableName> {
    let parts: Vec<String> = text.split('.').map(unquote).collect();
    match (parts.as_slice(), current) {
        ([db, table], _) => Ok(TableName::new(db, table)),
        ([table], Some(db)) => Ok(TableName::new(db, table)),
        _ => Err(Error::mysql(Kind::OperationalError, 1046, "No database selected")),
    }
}

fn create(world: &mut World, name: &TableName, ct: &CreateTable, done: &mut Imported) -> Result<()> {
    let name = name.clone();
    if !world.schema_exists(&name.database) {
        return Err(Error::mysql(Kind::OperationalError, 1049, format!("Unknown database '{}'", name.database)));
    }
    if world.table(&name).is_some() {
        if ct.if_not_exists {
            return Ok(());
        }
        return Err(Error::mysql(Kind::OperationalError, 1050, format!("Table '{}' already exists", name.table)));
    }
    let info = table_info(world, name.clone(), ct)?;
    world.atomically(|w| {
        w.conn.execute_batch(&sqlite_ddl(&info)).map_err(internal)?;
        w.register_table(info)
    })?;
    done.tables.push(name);
    Ok(())
}
