//! Tests: per-rule unit tests, the oracle table and the fuzz test share a fixture table that
//! mirrors the one recorded on the oracle (DataJoint 0.14.10 + MariaDB 10.11, schema
//! `hcond_fix`, see `oracle.rs`).

mod fuzz;
mod oracle;
mod oracle_expr;
mod rules;

use rusqlite::Connection;

use crate::engine::collation;

/// The fixture's attributes.
pub fn attrs() -> Vec<String> {
    ["id", "name", "score", "price", "flag", "n", "d", "t", "code"].iter().map(|s| s.to_string()).collect()
}

/// An in-memory database with the fixture table `fx`, stored as the engine stores these types.
pub fn fixture() -> Connection {
    let c = Connection::open_in_memory().unwrap();
    collation::register(&c).unwrap();
    super::register_functions(&c).unwrap();
    c.execute_batch(
        "CREATE TABLE fx (id INTEGER PRIMARY KEY, name TEXT COLLATE MYSQL_AI_CI, score REAL, price REAL,
             flag INTEGER, n INTEGER, d TEXT, t TEXT, code TEXT COLLATE MYSQL_AI_CI);
         INSERT INTO fx VALUES
             (1, 'Alice', 1.5, 10.5, 1, 5, '2020-01-05', '2020-01-05 10:30:00', '5'),
             (2, 'bob', NULL, 0.0, 0, -3, NULL, NULL, '5abc'),
             (3, 'Élodie', 3.0, 99.99, 2, 0, '2021-12-31', '2021-12-31 23:59:59', 'abc'),
             (4, 'ALICE', 2.5, NULL, NULL, 12, '2020-02-29', '2020-02-29 00:00:00', '10'),
             (5, 'o''brien', -1.25, 1.25, 0, 7, '2019-06-15', '2019-06-15 12:00:00', NULL),
             (6, '50% off', 0.0, 5.0, 1, NULL, '2020-01-31', '2020-01-31 08:15:30', '5.0'),
             (7, 'under_score', 100.0, 2.5, 1, 2, '2024-03-01', '2024-03-01 00:00:01', ' 5'),
             (8, 'back\\slash', 7.5, 3.33, 0, 4, '2023-11-11', '2023-11-11 11:11:11', 'x_y');",
    )
    .unwrap();
    c
}

/// The ids of the fixture rows a condition keeps, or the translation's error.
pub fn ids(c: &Connection, cond: &str) -> Result<Vec<i64>, crate::engine::Error> {
    let sql = super::translate_condition(cond, &attrs())?;
    let q = format!("SELECT id FROM (SELECT * FROM fx) WHERE ({sql}) ORDER BY id");
    let mut st = c.prepare(&q).unwrap_or_else(|e| panic!("{cond}: {q}: {e}"));
    let rows = st.query_map([], |r| r.get(0)).unwrap_or_else(|e| panic!("{cond}: {e}"));
    Ok(rows.collect::<rusqlite::Result<Vec<i64>>>().unwrap_or_else(|e| panic!("{cond}: {q}: {e}")))
}

/// A projection's value per fixture row, as text (`None` for NULL), or the translation's error.
pub fn values(c: &Connection, expr: &str) -> Result<Vec<Option<String>>, crate::engine::Error> {
    let sql = super::translate_expression(expr, &attrs(), false)?;
    let q = format!("SELECT {sql} FROM (SELECT * FROM fx) ORDER BY id");
    let mut st = c.prepare(&q).unwrap_or_else(|e| panic!("{expr}: {q}: {e}"));
    let rows = st
        .query_map([], |r| {
            Ok(match r.get_ref(0)? {
                rusqlite::types::ValueRef::Null => None,
                rusqlite::types::ValueRef::Integer(i) => Some(i.to_string()),
                rusqlite::types::ValueRef::Real(f) => Some(format!("{f}")),
                rusqlite::types::ValueRef::Text(t) => Some(String::from_utf8_lossy(t).into_owned()),
                rusqlite::types::ValueRef::Blob(b) => Some(format!("{b:?}")),
            })
        })
        .unwrap();
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>().unwrap_or_else(|e| panic!("{expr}: {q}: {e}")))
}
