//! `SHOW DATABASES`, `SHOW TABLES FROM db`, `SHOW GRANTS`: what the connected account may see.

use sqlparser::ast::{ShowStatementFilter, ShowStatementFilterPosition, ShowStatementOptions};

use super::errors::{no_database, unknown_database, unsupported};
use super::names::database_name;
use super::{QueryResult, Stmt};
use crate::engine::condition::udf::like::like;
use crate::engine::error::{Error, Kind};
use crate::engine::{Result, Value};
use crate::server::grants::{self, Privilege};

const INFORMATION_SCHEMA: &str = "information_schema";

/// A one-column result.
fn listing(column: String, names: Vec<String>) -> QueryResult {
    let rows: Vec<Vec<Value>> = names.into_iter().map(|n| vec![Value::Str(n)]).collect();
    QueryResult { columns: vec![column], rowcount: rows.len(), rows }
}

/// `LIKE 'pattern'` of a SHOW statement (MySQL compares names case-sensitively here only on
/// case-sensitive file systems; the sandbox's names follow the collation).
fn name_filter(opts: &ShowStatementOptions) -> Result<Option<String>> {
    match &opts.filter_position {
        None => Ok(None),
        Some(ShowStatementFilterPosition::Infix(f) | ShowStatementFilterPosition::Suffix(f)) => match f {
            ShowStatementFilter::Like(p) => Ok(Some(p.clone())),
            _ => Err(unsupported("This SHOW filter (use LIKE 'pattern')")),
        },
    }
}

fn keep(filter: &Option<String>, name: &str) -> bool {
    filter.as_ref().is_none_or(|p| like(name, p, Some('\\'), false))
}

/// `SHOW DATABASES [LIKE ...]`: the visible schemas and `information_schema`, sorted.
pub fn databases(st: &mut Stmt<'_>, opts: &ShowStatementOptions) -> Result<QueryResult> {
    let filter = name_filter(opts)?;
    let mut all = st.server.world.list_schemas();
    all.push(INFORMATION_SCHEMA.into());
    let mut names: Vec<String> =
        st.server.accounts.visible_databases(&st.session, &all).into_iter().filter(|n| keep(&filter, n)).collect();
    names.sort();
    let column = match &filter {
        Some(p) => format!("Database ({p})"),
        None => "Database".into(),
    };
    Ok(listing(column, names))
}

/// Whether the session holds any privilege on the table (MySQL shows only those).
pub fn can_see(st: &Stmt<'_>, db: &str, table: &str) -> bool {
    [
        Privilege::Select,
        Privilege::Insert,
        Privilege::Update,
        Privilege::Delete,
        Privilege::Create,
        Privilege::Drop,
        Privilege::References,
        Privilege::Index,
        Privilege::Alter,
    ]
    .into_iter()
    .any(|p| st.server.accounts.has(&st.session, p, db, Some(table)))
}

/// `SHOW TABLES FROM db [LIKE ...]`: the tables the account may see, in byte order.
pub fn tables(st: &mut Stmt<'_>, opts: &ShowStatementOptions, full: bool) -> Result<QueryResult> {
    let filter = name_filter(opts)?;
    let db = match opts.show_in.as_ref().and_then(|i| i.parent_name.as_ref()) {
        Some(name) => database_name(name)?,
        None => return Err(no_database()),
    };
    let all = [db.clone()];
    if st.server.accounts.visible_databases(&st.session, &all).is_empty() {
        let s = &st.session;
        return Err(Error::mysql(
            Kind::AccessError,
            1044,
            format!("Access denied for user '{}'@'{}' to database '{db}'", s.user(), s.account.host),
        ));
    }
    if !st.server.world.schema_exists(&db) {
        return Err(unknown_database(&db));
    }
    let mut names: Vec<String> = st
        .server
        .world
        .tables_in(&db)
        .into_iter()
        .map(|t| t.table)
        .filter(|t| can_see(st, &db, t) && keep(&filter, t))
        .collect();
    names.sort();
    let column = match &filter {
        Some(p) => format!("Tables_in_{db} ({p})"),
        None => format!("Tables_in_{db}"),
    };
    let mut result = listing(column, names);
    if full {
        result.columns.push("Table_type".into());
        for row in &mut result.rows {
            row.push(Value::Str("BASE TABLE".into()));
        }
    }
    Ok(result)
}

/// `SHOW GRANTS [FOR ...] [USING ...]`, through the accounts' own parser.
pub fn grants(st: &mut Stmt<'_>, sql: &str) -> Result<QueryResult> {
    let (for_user, using) = match grants::parse(sql)? {
        grants::Statement::ShowGrants { for_user, using } => (for_user, using),
        _ => return Err(unsupported("This statement")),
    };
    let rows = st.server.accounts.show_grants(&st.session, for_user.as_ref(), &using)?;
    Ok(listing(grants::grants_column(&st.session, for_user.as_ref()), rows))
}
