//! Raw SQL through `dj.conn().query(sql, args)`: formatted as pymysql does, parsed with
//! sqlparser (MySQL dialect), permission-checked, executed on the world with MySQL 8.0's
//! meaning, and failing as DataJoint's `connection.query` raises MySQL's errors.

mod account;
mod columns;
mod convert;
mod create;
mod ddl;
mod dml;
mod errors;
mod format;
mod from;
mod names;
mod naming;
mod scope;
mod select;
mod show;
mod subquery;
mod values;

#[cfg(test)]
mod tests;

use sqlparser::ast::{ObjectType, ShowCreateObject, Statement};

use crate::engine::access::Privilege;
use crate::engine::condition::parse_statement;
use crate::engine::{Result, TableName, Value};

use super::grants::Session;
use super::Server;

pub use create::create_table_text;
pub use format::{escape, format_query};

/// What pymysql's cursor gives back: column names (cursor.description) and rows as tuples.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryResult {
    /// `[d[0] for d in cursor.description]` (empty for statements without a result set).
    pub columns: Vec<String>,
    /// `cursor.fetchall()`.
    pub rows: Vec<Vec<Value>>,
    /// `cursor.rowcount`: rows returned, or rows affected.
    pub rowcount: usize,
}

impl QueryResult {
    /// A statement without a result set that affected `n` rows.
    fn affected(n: usize) -> QueryResult {
        QueryResult { columns: Vec::new(), rows: Vec::new(), rowcount: n }
    }
}

/// `dj.conn().query(sql, args)`: `args` fill `%s` placeholders (pymysql's escaping); a literal
/// `%` must be written `%%` even without args, and a lone `%` is pymysql's
/// `ProgrammingError: not enough arguments for format string` (see server.md).
pub fn query(server: &mut Server, sql: &str, args: &[Value]) -> Result<QueryResult> {
    let session = server.conn(false)?.clone();
    let text = format_query(sql, args)?;
    let mut st = Stmt { server, session, original: sql, text: &text };
    // Deep statements grow the stack on demand (sqlparser and the translation recurse).
    stacker::maybe_grow(256 * 1024, 4 * 1024 * 1024, || st.run()).map_err(|e| errors::translate(e, sql))
}

/// One statement being run.
pub(crate) struct Stmt<'s> {
    /// The server.
    pub server: &'s mut Server,
    /// The connected account.
    pub session: Session,
    /// The text as the caller wrote it (DataJoint quotes it in its errors).
    pub original: &'s str,
    /// The text as the server receives it (after pymysql's formatting).
    pub text: &'s str,
}

impl Stmt<'_> {
    /// One privilege on a table: DataJoint's AccessError quoting the query.
    pub fn authorize(&self, privilege: Privilege, table: &TableName) -> Result<()> {
        self.server.world.authorize(&[privilege], table, || self.original.to_string())
    }

    fn run(&mut self) -> Result<QueryResult> {
        if is_empty(self.text) {
            return Err(errors::empty_query());
        }
        // sqlparser does not know MySQL's SHOW GRANTS and account statements; the accounts'
        // parser does.
        let words: Vec<String> = self.text.split_whitespace().take(2).map(|w| w.to_ascii_uppercase()).collect();
        if words == ["SHOW", "GRANTS"]
            || words.first().is_some_and(|w| w == "SHOW") && words.len() == 2 && words[1].starts_with("GRANTS")
        {
            let text = self.text.to_string();
            return show::grants(self, text.trim_end().trim_end_matches(';'));
        }
        if account::is_account_statement(&words) {
            let text = self.text.to_string();
            return account::run(self, &text);
        }
        let stmt = parse_statement(self.text)?;
        self.dispatch(&stmt)
    }

    fn dispatch(&mut self, stmt: &Statement) -> Result<QueryResult> {
        match stmt {
            Statement::Query(q) => select::run(self, q),
            Statement::ShowDatabases { show_options, .. } | Statement::ShowSchemas { show_options, .. } => {
                show::databases(self, show_options)
            }
            Statement::ShowTables { full, show_options, .. } => show::tables(self, show_options, *full),
            Statement::ShowColumns { full, show_options, .. } => {
                let name = show_options.show_in.as_ref().and_then(|i| i.parent_name.as_ref());
                let Some(name) = name else { return Err(crate::engine::types::syntax_error("")) };
                let table = names::table_name(name)?;
                columns::columns(self, &table, *full)
            }
            Statement::ExplainTable { table_name, .. } => {
                let table = names::table_name(table_name)?;
                columns::columns(self, &table, false)
            }
            Statement::ShowCreate { obj_type: ShowCreateObject::Table, obj_name } => {
                let table = names::table_name(obj_name)?;
                create::show_create(self, &table)
            }
            Statement::Insert(insert) => dml::insert(self, insert),
            Statement::Update(update) => dml::update(self, update),
            Statement::Delete(delete) => dml::delete(self, delete),
            Statement::CreateDatabase { db_name, if_not_exists, .. } => {
                ddl::create_database(self, &names::database_name(db_name)?, *if_not_exists)
            }
            Statement::CreateSchema { schema_name, if_not_exists, .. } => {
                let name = schema_name.to_string().trim_matches('`').to_string();
                ddl::create_database(self, &name, *if_not_exists)
            }
            Statement::Drop { object_type: ObjectType::Schema | ObjectType::Database, if_exists, names, .. } => {
                let [name] = names.as_slice() else { return Err(crate::engine::types::syntax_error(",")) };
                ddl::drop_database(self, &names::database_name(name)?, *if_exists)
            }
            Statement::Drop { object_type: ObjectType::Table, if_exists, names, temporary: false, .. } => {
                let tables = names.iter().map(names::table_name).collect::<Result<Vec<_>>>()?;
                ddl::drop_tables(self, &tables, *if_exists)
            }
            Statement::CreateTable(_) => Err(errors::unsupported("CREATE TABLE")),
            Statement::AlterTable(_) => Err(errors::unsupported("ALTER TABLE")),
            Statement::Use(_) => Err(errors::unsupported("USE (name tables as `db`.`table` instead)")),
            Statement::StartTransaction { .. } | Statement::Commit { .. } | Statement::Rollback { .. } => {
                Err(errors::unsupported("A transaction statement (DataJoint's conn.transaction manages them)"))
            }
            Statement::Set(_) => Err(errors::unsupported("SET")),
            other => {
                let shown: String = other.to_string().split_whitespace().take(3).collect::<Vec<_>>().join(" ");
                Err(errors::unsupported(&format!("The statement `{shown} ...`")))
            }
        }
    }
}

/// Only whitespace and comments: MySQL's 1065.
fn is_empty(text: &str) -> bool {
    let mut rest = text.trim_start();
    loop {
        if let Some(r) = rest.strip_prefix("/*") {
            match r.find("*/") {
                Some(end) => rest = r[end + 2..].trim_start(),
                None => return false,
            }
        } else if rest.starts_with("-- ") || rest.starts_with('#') {
            rest = rest.find('\n').map_or("", |n| &rest[n + 1..]).trim_start();
        } else {
            return rest.is_empty();
        }
    }
}
