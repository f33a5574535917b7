//! fetch / fetch1 / len over base tables: order, paging, KEY, and DataJoint's errors.

mod common;

use common::Ctx;
use djsandbox::engine::{Error, FetchSpec, InsertOptions, Kind, Restriction, Row, TableName, Tier, Value};

fn subjects() -> (Ctx, TableName) {
    let mut ctx = Ctx::new();
    let t = ctx
        .declare(
            "main_fetch",
            "Subject",
            Tier::Manual,
            "subject_id: varchar(16)\n---\nsex = \"U\": enum(\"M\", \"F\", \"U\")\nweight : float",
        )
        .unwrap();
    let rows: Vec<Row> = [("z1", 1.0), ("Beaver", 3.0), ("es", 1.0), ("fi", 2.5), ("y1", 3.0)]
        .iter()
        .map(|(id, w)| Row::Map(vec![("subject_id".into(), (*id).into()), ("weight".into(), Value::Float(*w))]))
        .collect();
    ctx.world.insert(&t, &rows, &InsertOptions::default()).unwrap();
    (ctx, t)
}

fn ids(rows: &djsandbox::engine::Rows) -> Vec<String> {
    rows.rows.iter().map(|r| if let Value::Str(s) = &r[0] { s.clone() } else { panic!("not a string") }).collect()
}

fn spec(attrs: &[&str]) -> FetchSpec {
    FetchSpec { attrs: attrs.iter().map(|a| a.to_string()).collect(), ..Default::default() }
}

#[test]
fn base_tables_come_back_in_primary_key_order_under_the_collation() {
    let (ctx, t) = subjects();
    let rows = ctx.world.fetch(&ctx.world.query(&t).unwrap(), &FetchSpec::default()).unwrap();
    assert_eq!(rows.columns, ["subject_id", "sex", "weight"]);
    assert_eq!(ids(&rows), ["Beaver", "es", "fi", "y1", "z1"]);
    assert_eq!(rows.rows[0], vec!["Beaver".into(), "U".into(), Value::Float(3.0)]);
}

#[test]
fn order_by_limit_and_offset() {
    let (ctx, t) = subjects();
    let q = ctx.world.query(&t).unwrap();
    // oracle: Subject.fetch("subject_id", order_by="subject_id desc", limit=2) → ['z1' 'y1']
    let s = FetchSpec { order_by: vec!["subject_id desc".into()], limit: Some(2), ..spec(&["subject_id"]) };
    assert_eq!(ids(&ctx.world.fetch(&q, &s).unwrap()), ["z1", "y1"]);
    // oracle: fetch("subject_id", offset=1) skips the first in key order.
    let s = FetchSpec { offset: Some(1), ..spec(&["subject_id"]) };
    assert_eq!(ids(&ctx.world.fetch(&q, &s).unwrap()), ["es", "fi", "y1", "z1"]);
    // Ordering by an attribute that is not fetched, ties broken by the key.
    let s = FetchSpec { order_by: vec!["weight DESC".into()], ..spec(&["KEY"]) };
    assert_eq!(ids(&ctx.world.fetch(&q, &s).unwrap()), ["Beaver", "y1", "fi", "es", "z1"]);
    let s = FetchSpec { order_by: vec!["KEY DESC".into()], limit: Some(1), ..spec(&["subject_id"]) };
    assert_eq!(ids(&ctx.world.fetch(&q, &s).unwrap()), ["z1"]);
}

#[test]
fn fetch_errors() {
    let (ctx, t) = subjects();
    let q = ctx.world.query(&t).unwrap();
    assert_eq!(ctx.world.fetch(&q, &spec(&["nope"])).unwrap_err(), Error::dj("Attribute `nope` not found."));
    let s = FetchSpec { order_by: vec!["nope".into()], ..Default::default() };
    // MySQL 8.0 names the clause 'order clause' (MariaDB: 'ORDER BY').
    assert_eq!(
        ctx.world.fetch(&q, &s).unwrap_err(),
        Error::mysql(Kind::UnknownAttributeError, 1054, "Unknown column 'nope' in 'order clause'")
    );
}

#[test]
fn fetch1_errors_as_datajoint() {
    let (ctx, t) = subjects();
    let all = ctx.world.query(&t.clone()).unwrap();
    assert_eq!(
        ctx.world.fetch1(&all, &[]).unwrap_err(),
        Error::dj("fetch1 requires exactly one tuple in the input set.")
    );
    assert_eq!(
        ctx.world.fetch1(&all, &["weight".into()]).unwrap_err(),
        Error::dj("fetch1 should only return one tuple. 5 tuples found")
    );
    let none = ctx.world.restrict(&all.clone(), &Restriction::Map(vec![("subject_id".into(), "zzz".into())])).unwrap();
    assert_eq!(
        ctx.world.fetch1(&none, &[]).unwrap_err(),
        Error::dj("fetch1 requires exactly one tuple in the input set.")
    );
    assert_eq!(
        ctx.world.fetch1(&none, &["weight".into()]).unwrap_err(),
        Error::dj("fetch1 should only return one tuple. 0 tuples found")
    );
    let one = ctx.world.restrict(&all, &Restriction::Map(vec![("subject_id".into(), "beaver".into())])).unwrap();
    let key = ctx.world.fetch1(&one, &["KEY".into()]).unwrap();
    assert_eq!(key.columns, ["subject_id"]);
    assert_eq!(key.rows[0], vec![Value::from("Beaver")]);
}

#[test]
fn map_restrictions_ignore_unknown_keys_and_match_null() {
    let (ctx, t) = subjects();
    let q = ctx
        .world
        .restrict(&ctx.world.query(&t.clone()).unwrap(), &Restriction::Map(vec![("foo".into(), Value::Int(0))]))
        .unwrap();
    assert_eq!(ctx.world.len(&q).unwrap(), 5);
    let q = ctx
        .world
        .exclude(&ctx.world.query(&t.clone()).unwrap(), &Restriction::Map(vec![("foo".into(), Value::Int(0))]))
        .unwrap();
    assert_eq!(ctx.world.len(&q).unwrap(), 0);
    let q = ctx
        .world
        .restrict(&ctx.world.query(&t.clone()).unwrap(), &Restriction::Map(vec![("weight".into(), Value::Float(3.0))]))
        .unwrap();
    assert_eq!(ctx.world.len(&q).unwrap(), 2);
    let q = ctx.world.restrict(&ctx.world.query(&t.clone()).unwrap(), &Restriction::Bool(false)).unwrap();
    assert_eq!(ctx.world.len(&q).unwrap(), 0);
    // Accents and case do not matter under utf8mb4_0900_ai_ci.
    let q = ctx
        .world
        .restrict(&ctx.world.query(&t).unwrap(), &Restriction::Map(vec![("subject_id".into(), "BÉAVER".into())]))
        .unwrap();
    assert_eq!(ctx.world.len(&q).unwrap(), 1);
}
