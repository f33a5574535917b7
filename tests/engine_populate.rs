//! populate / progress / key_source against DataJoint 0.14.10's behaviour (oracle run of the
//! same pipeline): one transaction per key, suppressed errors, restrictions, refusals.

mod common;

use common::Ctx;
use djsandbox::engine::populate::{Key, Order, PopulateOptions};
use djsandbox::engine::{Error, FetchSpec, InsertOptions, Kind, Restriction, Row, Tier, Value, World};

fn fixture() -> Ctx {
    let mut ctx = Ctx::new();
    let s = "main_pop";
    ctx.declare(s, "Subj", Tier::Manual, "subj_id : int\n---\nweight : float").unwrap();
    ctx.declare(s, "Params", Tier::Lookup, "param_id : int\n---\nscale : float").unwrap();
    ctx.declare(s, "Result", Tier::Computed, "-> Subj\n-> Params\n---\nvalue : float").unwrap();
    ctx.part("Result", "Detail", "-> master\n---\nnote : varchar(8)").unwrap();
    let w = &mut ctx.world;
    w.insert_contents(
        &ctx.names["Params"],
        &[
            Row::Positional(vec![Value::Int(1), Value::Float(2.0)]),
            Row::Positional(vec![Value::Int(2), Value::Float(3.0)]),
        ],
    )
    .unwrap();
    let subj: Vec<Row> = [(1, 1.5), (2, -1.0), (3, 0.0), (4, 2.0)]
        .iter()
        .map(|(i, w)| Row::Positional(vec![Value::Int(*i), Value::Float(*w)]))
        .collect();
    w.insert(&ctx.names["Subj"], &subj, &InsertOptions::default()).unwrap();
    ctx
}

/// The oracle's make: fails on a negative weight, inserts nothing for zero, else weight*scale
/// into the master and a row into its part.
fn make(
    ctx_names: &std::collections::HashMap<String, djsandbox::engine::TableName>,
) -> impl FnMut(&mut World, &Key) -> djsandbox::engine::Result<()> + '_ {
    move |w: &mut World, key: &Key| {
        let subj = w.restrict(&w.query(&ctx_names["Subj"])?, &Restriction::Map(key.clone()))?;
        let weight = match w.fetch1(&subj, &["weight".into()])?.rows[0][0] {
            Value::Float(f) => f,
            _ => unreachable!("weight is a float"),
        };
        // Insert into the part first: an error afterwards must take it back too.
        let mut part_row = key.clone();
        part_row.push(("note".into(), "made".into()));
        if weight == 0.0 {
            return Ok(());
        }
        let mut row = key.clone();
        let params = w.restrict(&w.query(&ctx_names["Params"])?, &Restriction::Map(key.clone()))?;
        let Value::Float(scale) = w.fetch1(&params, &["scale".into()])?.rows[0][0] else { unreachable!() };
        row.push(("value".into(), Value::Float(weight * scale)));
        w.insert(&ctx_names["Result"], &[Row::Map(row)], &InsertOptions::default())?;
        w.insert(&ctx_names["Result.Detail"], &[Row::Map(part_row)], &InsertOptions::default())?;
        if weight < 0.0 {
            return Err(Error::new(
                Kind::ValueError,
                format!("negative weight {}", djsandbox::engine::py::float_repr(weight)),
            ));
        }
        Ok(())
    }
}

#[test]
fn key_source_progress_and_suppressed_errors() {
    let mut ctx = fixture();
    let result = ctx.world.query(&ctx.t("Result")).unwrap();
    let ks = ctx.world.key_source(&ctx.t("Result")).unwrap();
    // oracle: Result.key_source.heading.names, len(Result.key_source)
    assert_eq!((ks.names(), ctx.world.len(&ks).unwrap()), (vec!["subj_id".to_string(), "param_id".to_string()], 8));
    assert_eq!(ctx.world.progress(&result, &PopulateOptions::default()).unwrap(), (8, 8));
    let opts = PopulateOptions { suppress_errors: true, ..Default::default() };
    let mut ticks = Vec::new();
    let names = ctx.names.clone();
    let outcome = ctx.world.populate(&result, &opts, &mut make(&names), &mut |d, t| ticks.push((d, t))).unwrap();
    // oracle: {'success_count': 6, 'error_list': [({'subj_id': 2, 'param_id': 1}, 'ValueError: negative weight -1.0'), ...]}
    assert_eq!(outcome.success_count, 6);
    let key = |s: i64, p: i64| vec![("subj_id".to_string(), Value::Int(s)), ("param_id".to_string(), Value::Int(p))];
    assert_eq!(
        outcome.error_list,
        vec![
            (key(2, 1), "ValueError: negative weight -1.0".to_string()),
            (key(2, 2), "ValueError: negative weight -1.0".to_string())
        ]
    );
    assert_eq!(ticks.last(), Some(&(8, 8)));
    assert_eq!(ctx.world.progress(&result, &PopulateOptions::default()).unwrap(), (4, 8));
    let values = ctx.world.fetch(&result, &FetchSpec { attrs: vec!["value".into()], ..Default::default() }).unwrap();
    assert_eq!(
        values.rows,
        vec![vec![Value::Float(3.0)], vec![Value::Float(4.5)], vec![Value::Float(4.0)], vec![Value::Float(6.0)]]
    );
    // The failed keys left nothing behind, not even their part rows.
    assert_eq!(ctx.world.count(&ctx.t("Result.Detail")).unwrap(), 4);
}

#[test]
fn an_unsuppressed_error_stops_populate_unchanged() {
    let mut ctx = fixture();
    let result = ctx.world.query(&ctx.t("Result")).unwrap();
    let names = ctx.names.clone();
    let err = ctx.world.populate(&result, &PopulateOptions::default(), &mut make(&names), &mut |_, _| {}).unwrap_err();
    assert_eq!(err, Error::new(Kind::ValueError, "negative weight -1.0"));
    // Keys before the failure were committed, each in its own transaction.
    assert_eq!(ctx.world.count(&ctx.t("Result")).unwrap(), 2);
    assert!(!ctx.world.in_transaction());
}

#[test]
fn restrictions_limits_orders_and_refusals() {
    let mut ctx = fixture();
    let result = ctx.world.query(&ctx.t("Result")).unwrap();
    let only3 = PopulateOptions {
        restrictions: vec![Restriction::Map(vec![("subj_id".into(), Value::Int(3))])],
        suppress_errors: true,
        ..Default::default()
    };
    // oracle: Result.progress({"subj_id": 3}) == (2, 2); populate → success_count 2
    assert_eq!(ctx.world.progress(&result, &only3).unwrap(), (2, 2));
    let names = ctx.names.clone();
    assert_eq!(ctx.world.populate(&result, &only3, &mut make(&names), &mut |_, _| {}).unwrap().success_count, 2);
    let reverse = PopulateOptions { order: Order::Reverse, max_calls: Some(1), ..Default::default() };
    assert_eq!(
        ctx.world.populate_keys(&result, &reverse).unwrap(),
        vec![vec![("subj_id".to_string(), Value::Int(4)), ("param_id".to_string(), Value::Int(2))]]
    );
    let limited = PopulateOptions { limit: Some(3), ..Default::default() };
    assert_eq!(ctx.world.populate_keys(&result, &limited).unwrap().len(), 3);
    let restricted = ctx.world.restrict(&result, &Restriction::Map(vec![("subj_id".into(), Value::Int(1))])).unwrap();
    assert_eq!(
        ctx.world.populate_keys(&restricted, &PopulateOptions::default()).unwrap_err(),
        Error::dj("Cannot call populate on a restricted table. Instead, pass conditions to populate() as arguments.")
    );
    assert_eq!(
        Order::parse("sideways").unwrap_err(),
        Error::dj("The order argument must be one of ['original', 'reverse', 'random']")
    );
    let err = ctx.world.atomically(|w| w.populate_keys(&result, &PopulateOptions::default())).unwrap_err();
    assert_eq!(err, Error::dj("Populate cannot be called during a transaction."));
    let manual = ctx.world.query(&ctx.t("Subj")).unwrap();
    assert_eq!(
        ctx.world.key_source(&ctx.t("Subj")).unwrap_err(),
        Error::dj("A table must have dependencies from its primary key for auto-populate to work")
    );
    assert!(ctx.world.populate_keys(&manual, &PopulateOptions::default()).is_err());
}
