//! `CREATE DATABASE`, `DROP DATABASE`, `DROP TABLE` with MySQL 8.0's checks: privilege first
//! (1044 for a database, 1142 for a table), then existence (1007, 1008, 1051).

use super::errors::table_denied;
use super::{QueryResult, Stmt};
use crate::engine::access::Privilege;
use crate::engine::error::{Error, Kind};
use crate::engine::{Result, TableName};
use crate::server::grants::Privilege as Grant;

fn check_database(st: &Stmt<'_>, privilege: Grant, db: &str) -> Result<()> {
    st.server.accounts.check(&st.session, privilege, db, None)
}

/// `CREATE DATABASE [IF NOT EXISTS] db` (rowcount 1, 0 when it existed).
pub fn create_database(st: &mut Stmt<'_>, db: &str, if_not_exists: bool) -> Result<QueryResult> {
    check_database(st, Grant::Create, db)?;
    if st.server.world.schema_exists(db) {
        if if_not_exists {
            return Ok(QueryResult::affected(0));
        }
        return Err(Error::mysql(
            Kind::ProgrammingError,
            1007,
            format!("Can't create database '{db}'; database exists"),
        ));
    }
    st.server.world.create_schema(db)?;
    Ok(QueryResult::affected(1))
}

/// `DROP DATABASE [IF EXISTS] db` (rowcount: the tables dropped).
pub fn drop_database(st: &mut Stmt<'_>, db: &str, if_exists: bool) -> Result<QueryResult> {
    check_database(st, Grant::Drop, db)?;
    if !st.server.world.schema_exists(db) {
        if if_exists {
            return Ok(QueryResult::affected(0));
        }
        return Err(Error::mysql(
            Kind::OperationalError,
            1008,
            format!("Can't drop database '{db}'; database doesn't exist"),
        ));
    }
    let n = st.server.world.tables_in(db).len();
    st.server.world.drop_schema(db)?;
    Ok(QueryResult::affected(n))
}

/// `DROP TABLE [IF EXISTS] db.t, ...`: all named tables must exist (1051 lists the missing
/// ones) unless IF EXISTS; a table still referenced is MySQL's 3730.
pub fn drop_tables(st: &mut Stmt<'_>, tables: &[TableName], if_exists: bool) -> Result<QueryResult> {
    for t in tables {
        if !st.server.accounts.has(&st.session, Grant::Drop, &t.database, Some(&t.table)) {
            return Err(table_denied("DROP", st.session.user(), &st.session.client_host, &t.table));
        }
    }
    let missing: Vec<String> = tables
        .iter()
        .filter(|t| st.server.world.table(t).is_none())
        .map(|t| format!("{}.{}", t.database, t.table))
        .collect();
    if !missing.is_empty() && !if_exists {
        return Err(Error::mysql(Kind::OperationalError, 1051, format!("Unknown table '{}'", missing.join(","))));
    }
    let present: Vec<TableName> = tables.iter().filter(|t| st.server.world.table(t).is_some()).cloned().collect();
    for t in &present {
        st.authorize(Privilege::Drop, t)?;
    }
    st.server.world.atomically(|w| {
        // Children named in the same statement go first.
        for t in w.topo_sort(&present).into_iter().rev() {
            w.drop_quick(&t)?;
        }
        Ok(())
    })?;
    Ok(QueryResult::affected(0))
}
