//! The query algebra against DataJoint 0.14.10: headings, lengths and rows (fetched as dicts in
//! key order) copied from the oracle's output, and the operators' errors verbatim.

mod common;

use common::Ctx;
use djsandbox::engine::py::{str_repr, value_repr};
use djsandbox::engine::{Error, FetchSpec, InsertOptions, Kind, Query, Restriction, Row, Tier, Value};

fn rows(pairs: &[&[(&str, Value)]]) -> Vec<Row> {
    pairs.iter().map(|r| Row::Map(r.iter().map(|(k, v)| (k.to_string(), v.clone())).collect())).collect()
}

fn fixture() -> Ctx {
    let mut ctx = Ctx::new();
    let s = "main_alg";
    common::subjects_and_sessions(&mut ctx, s);
    ctx.declare(s, "Param", Tier::Lookup, "param : varchar(8)\n---\nscale : float").unwrap();
    ctx.declare(s, "Sel", Tier::Manual, "-> Session\n-> Param").unwrap();
    ctx.declare(s, "Other", Tier::Manual, "oid : int\n---\nspecies : varchar(32)").unwrap();
    let w = &mut ctx.world;
    let opts = InsertOptions::default();
    w.insert_contents(
        &ctx.names["Param"],
        &[
            Row::Positional(vec!["default".into(), Value::Float(1.0)]),
            Row::Positional(vec!["quick".into(), Value::Float(0.5)]),
        ],
    )
    .unwrap();
    let sel = rows(&[
        &[("subject_id", "mango".into()), ("session", Value::Int(1)), ("param", "default".into())],
        &[("subject_id", "mango".into()), ("session", Value::Int(1)), ("param", "quick".into())],
        &[("subject_id", "pumpkin".into()), ("session", Value::Int(1)), ("param", "default".into())],
    ]);
    w.insert(&ctx.names["Sel"], &sel, &opts).unwrap();
    w.insert(&ctx.names["Other"], &[Row::Positional(vec![Value::Int(1), "mouse".into()])], &opts).unwrap();
    ctx
}

/// `H [names] [primary key] N len` and the rows as Python prints a list of dicts.
fn show(ctx: &Ctx, q: &Query) -> String {
    let names: Vec<String> = q.names().iter().map(|n| str_repr(n)).collect();
    let pk: Vec<String> = q.primary_key().iter().map(|n| str_repr(n)).collect();
    let fetched = ctx.world.fetch(q, &FetchSpec { order_by: vec!["KEY".into()], ..Default::default() }).unwrap();
    let dicts: Vec<String> = fetched
        .rows
        .iter()
        .map(|r| {
            let items: Vec<String> =
                fetched.columns.iter().zip(r).map(|(c, v)| format!("{}: {}", str_repr(c), value_repr(v))).collect();
            format!("{{{}}}", items.join(", "))
        })
        .collect();
    format!("H [{}] [{}] N {}\n   [{}]", names.join(", "), pk.join(", "), ctx.world.len(q).unwrap(), dicts.join(", "))
}

fn t(ctx: &Ctx, class: &str) -> Query {
    ctx.world.query(&ctx.t(class)).unwrap()
}

fn map(pairs: &[(&str, Value)]) -> Restriction {
    Restriction::Map(pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect())
}

fn named(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn joins_order_their_heading_as_datajoint() {
    let ctx = fixture();
    let w = &ctx.world;
    let join = w.join(&t(&ctx, "Subject"), &t(&ctx, "Session"), false).unwrap();
    assert_eq!(show(&ctx, &join), "H ['subject_id', 'session', 'species', 'weight', 'note', 'duration'] ['subject_id', 'session'] N 4\n   [{'subject_id': 'Apple', 'session': 7, 'species': 'rat', 'weight': 250.0, 'note': 'z', 'duration': 1.0}, {'subject_id': 'mango', 'session': 1, 'species': 'mouse', 'weight': 20.0, 'note': 'a', 'duration': 10.0}, {'subject_id': 'mango', 'session': 2, 'species': 'mouse', 'weight': 20.0, 'note': 'b', 'duration': 20.0}, {'subject_id': 'pumpkin', 'session': 1, 'species': 'rat', 'weight': 300.0, 'note': '', 'duration': 5.0}]");
    let join2 = w.join(&t(&ctx, "Session"), &t(&ctx, "Subject"), false).unwrap();
    assert_eq!(join2.names(), ["subject_id", "session", "note", "duration", "species", "weight"]);
    let sp = w.join(&t(&ctx, "Sel"), &t(&ctx, "Param"), false).unwrap();
    let join3 = w.join(&sp, &t(&ctx, "Session"), false).unwrap();
    assert_eq!(show(&ctx, &join3), "H ['subject_id', 'session', 'param', 'scale', 'note', 'duration'] ['subject_id', 'session', 'param'] N 3\n   [{'subject_id': 'mango', 'session': 1, 'param': 'default', 'scale': 1.0, 'note': 'a', 'duration': 10.0}, {'subject_id': 'mango', 'session': 1, 'param': 'quick', 'scale': 0.5, 'note': 'a', 'duration': 10.0}, {'subject_id': 'pumpkin', 'session': 1, 'param': 'default', 'scale': 1.0, 'note': '', 'duration': 5.0}]");
    let other_key = w.proj(&t(&ctx, "Other"), &[], &[]).unwrap();
    let cart = w.join(&t(&ctx, "Param"), &other_key, false).unwrap();
    assert_eq!(show(&ctx, &cart), "H ['param', 'oid', 'scale'] ['param', 'oid'] N 2\n   [{'param': 'default', 'oid': 1, 'scale': 1.0}, {'param': 'quick', 'oid': 1, 'scale': 0.5}]");
    assert_eq!(
        w.join(&t(&ctx, "Subject"), &t(&ctx, "Other"), false).unwrap_err(),
        Error::dj("Cannot join query expressions on dependent attribute `species`")
    );
    let left = w.join(&t(&ctx, "Subject"), &t(&ctx, "Session"), true).unwrap();
    assert_eq!(show(&ctx, &left), "H ['subject_id', 'session', 'species', 'weight', 'note', 'duration'] ['subject_id', 'session'] N 5\n   [{'subject_id': 'Apple', 'session': 7, 'species': 'rat', 'weight': 250.0, 'note': 'z', 'duration': 1.0}, {'subject_id': 'kiwi', 'session': None, 'species': 'mouse', 'weight': None, 'note': None, 'duration': None}, {'subject_id': 'mango', 'session': 1, 'species': 'mouse', 'weight': 20.0, 'note': 'a', 'duration': 10.0}, {'subject_id': 'mango', 'session': 2, 'species': 'mouse', 'weight': 20.0, 'note': 'b', 'duration': 20.0}, {'subject_id': 'pumpkin', 'session': 1, 'species': 'rat', 'weight': 300.0, 'note': '', 'duration': 5.0}]");
}

#[test]
fn restrictions_by_tables_lists_maps_and_not() {
    let ctx = fixture();
    let w = &ctx.world;
    let subject = t(&ctx, "Subject");
    let n = |r: &Restriction| w.len(&w.restrict(&subject, r).unwrap()).unwrap();
    let nx = |r: &Restriction| w.len(&w.exclude(&subject, r).unwrap()).unwrap();
    let session = Restriction::Query(t(&ctx, "Session"));
    assert_eq!((n(&session), nx(&session)), (3, 1));
    let kiwi = w.exclude(&subject, &session).unwrap();
    assert_eq!(show(&ctx, &kiwi), "H ['subject_id', 'species', 'weight'] ['subject_id'] N 1\n   [{'subject_id': 'kiwi', 'species': 'mouse', 'weight': None}]");
    // No shared attributes: TRUE when the argument has rows, FALSE when empty.
    let param = t(&ctx, "Param");
    let other_key = w.proj(&t(&ctx, "Other"), &[], &[]).unwrap();
    let empty_other =
        w.proj(&w.restrict(&t(&ctx, "Other"), &map(&[("oid", Value::Int(9))])).unwrap(), &[], &[]).unwrap();
    assert_eq!(w.len(&w.restrict(&param, &Restriction::Query(other_key.clone())).unwrap()).unwrap(), 2);
    assert_eq!(w.len(&w.restrict(&param, &Restriction::Query(empty_other)).unwrap()).unwrap(), 0);
    assert_eq!(w.len(&w.exclude(&param, &Restriction::Query(other_key)).unwrap()).unwrap(), 0);
    // Lists are OR, empty lists FALSE; AndLists AND; unknown dict keys are ignored.
    let either = Restriction::Or(vec![map(&[("subject_id", "mango".into())]), map(&[("subject_id", "kiwi".into())])]);
    assert_eq!(n(&either), 2);
    assert_eq!((n(&Restriction::Or(vec![])), nx(&Restriction::Or(vec![]))), (0, 4));
    assert_eq!((n(&map(&[("foo", Value::Int(0))])), nx(&map(&[("foo", Value::Int(0))]))), (4, 0));
    let and = Restriction::And(vec![map(&[("species", "mouse".into())]), map(&[("subject_id", "kiwi".into())])]);
    assert_eq!(n(&and), 1);
    assert_eq!(n(&Restriction::Not(Box::new(map(&[("species", "mouse".into())])))), 2);
    assert_eq!(n(&map(&[("weight", Value::Null)])), 1);
    // Restricting by a projection and by an aggregation.
    let by_proj = w.restrict(&t(&ctx, "Session"), &Restriction::Query(w.proj(&subject, &[], &[]).unwrap())).unwrap();
    assert_eq!(w.len(&by_proj).unwrap(), 4);
    let counts = w.aggr(&subject, &t(&ctx, "Session"), &[], &named(&[("n", "count(*)")]), false).unwrap();
    assert_eq!(w.len(&w.restrict(&subject, &Restriction::Query(counts)).unwrap()).unwrap(), 3);
}

#[test]
fn projections_rename_duplicate_and_refuse() {
    let ctx = fixture();
    let w = &ctx.world;
    let subject = t(&ctx, "Subject");
    let sp = w.proj(&subject, &[], &named(&[("sp", "species")])).unwrap();
    assert_eq!(show(&ctx, &sp), "H ['subject_id', 'sp'] ['subject_id'] N 4\n   [{'subject_id': 'Apple', 'sp': 'rat'}, {'subject_id': 'kiwi', 'sp': 'mouse'}, {'subject_id': 'mango', 'sp': 'mouse'}, {'subject_id': 'pumpkin', 'sp': 'rat'}]");
    let animal = w.proj(&t(&ctx, "Session"), &[], &named(&[("animal", "subject_id")])).unwrap();
    assert_eq!(animal.names(), ["animal", "session"]);
    assert_eq!(animal.primary_key(), ["animal", "session"]);
    let dots = w.proj(&t(&ctx, "Session"), &strings(&["...", "-note"]), &[]).unwrap();
    assert_eq!(dots.names(), ["subject_id", "session", "duration"]);
    let dup = w.proj(&subject, &strings(&["species"]), &named(&[("sp2", "(species)")])).unwrap();
    assert_eq!(show(&ctx, &dup), "H ['subject_id', 'species', 'sp2'] ['subject_id'] N 4\n   [{'subject_id': 'Apple', 'species': 'rat', 'sp2': 'rat'}, {'subject_id': 'kiwi', 'species': 'mouse', 'sp2': 'mouse'}, {'subject_id': 'mango', 'species': 'mouse', 'sp2': 'mouse'}, {'subject_id': 'pumpkin', 'species': 'rat', 'sp2': 'rat'}]");
    assert_eq!(
        w.proj(&subject, &strings(&["-subject_id"]), &[]).unwrap_err(),
        Error::dj("('Cannot exclude primary key attribute %s', 'subject_id')")
    );
    assert_eq!(w.proj(&subject, &strings(&["nope"]), &[]).unwrap_err(), Error::dj("Attribute `nope` not found."));
    assert_eq!(
        w.proj(&subject, &strings(&["species"]), &named(&[("species", "weight")])).unwrap_err(),
        Error::dj("Attribute `species` already exists")
    );
    assert_eq!(w.proj(&subject, &[], &named(&[("sex", "species")])).unwrap().names(), ["subject_id", "sex"]);
}

#[test]
fn aggregations_group_by_the_left_key() {
    let ctx = fixture();
    let w = &ctx.world;
    let (subject, session) = (t(&ctx, "Subject"), t(&ctx, "Session"));
    let n = w.aggr(&subject, &session, &[], &named(&[("n", "count(*)")]), false).unwrap();
    assert_eq!(show(&ctx, &n), "H ['subject_id', 'n'] ['subject_id'] N 3\n   [{'subject_id': 'Apple', 'n': 1}, {'subject_id': 'mango', 'n': 2}, {'subject_id': 'pumpkin', 'n': 1}]");
    let keep = w.aggr(&subject, &session, &[], &named(&[("n", "count(session)")]), true).unwrap();
    assert_eq!(show(&ctx, &keep), "H ['subject_id', 'n'] ['subject_id'] N 4\n   [{'subject_id': 'Apple', 'n': 1}, {'subject_id': 'kiwi', 'n': 0}, {'subject_id': 'mango', 'n': 2}, {'subject_id': 'pumpkin', 'n': 1}]");
    // MySQL 8.0 accepts the grouping side's own attributes (functionally dependent on its key);
    // MariaDB's ONLY_FULL_GROUP_BY refuses them with 1055.
    let attrs =
        w.aggr(&subject, &session, &strings(&["species"]), &named(&[("total", "sum(duration)")]), false).unwrap();
    assert_eq!(attrs.names(), ["subject_id", "species", "total"]);
    let u = w.universal(&strings(&["species"]));
    let per_species = w.aggr(&u, &subject, &[], &named(&[("n", "count(*)")]), false).unwrap();
    assert_eq!(
        show(&ctx, &per_species),
        "H ['species', 'n'] ['species'] N 2\n   [{'species': 'mouse', 'n': 2}, {'species': 'rat', 'n': 2}]"
    );
    let all = w
        .aggr(&w.universal(&[]), &session, &[], &named(&[("n", "count(*)"), ("total", "sum(duration)")]), false)
        .unwrap();
    assert_eq!(show(&ctx, &all), "H ['n', 'total'] [] N 1\n   [{'n': 4, 'total': 36.0}]");
    assert_eq!(
        w.aggr(&u, &subject, &[], &named(&[("n", "count(*)")]), true).unwrap_err(),
        Error::dj("Cannot set keep_all_rows=True when aggregating on a universal set.")
    );
}

#[test]
fn universal_sets() {
    let ctx = fixture();
    let w = &ctx.world;
    let subject = t(&ctx, "Subject");
    let u = w.universal(&strings(&["species"]));
    let species = w.restrict(&u, &Restriction::Query(subject.clone())).unwrap();
    assert_eq!(show(&ctx, &species), "H ['species'] ['species'] N 2\n   [{'species': 'mouse'}, {'species': 'rat'}]");
    let promoted = w.join(&u, &subject, false).unwrap();
    assert_eq!(promoted.primary_key(), ["subject_id", "species"]);
    assert_eq!(w.len(&promoted).unwrap(), 4);
    assert_eq!(
        w.restrict(&u, &map(&[("species", "rat".into())])).unwrap_err(),
        Error::dj("Set U can only be restricted with a QueryExpression.")
    );
    assert_eq!(
        w.join(&w.universal(&strings(&["nope"])), &subject, false).unwrap_err(),
        Error::dj("Attribute `nope` not found")
    );
    assert_eq!(
        w.restrict(&w.universal(&strings(&["nope"])), &Restriction::Query(subject)).unwrap_err(),
        Error::new(Kind::KeyError, "nope")
    );
}

#[test]
fn unions_and_their_errors() {
    let ctx = fixture();
    let w = &ctx.world;
    let subject = t(&ctx, "Subject");
    let a = w.proj(&subject, &strings(&["species"]), &[]).unwrap();
    let b = w.proj(&subject, &[], &named(&[("w", "weight")])).unwrap();
    let u = w.union(&a, &b).unwrap();
    assert_eq!(show(&ctx, &u), "H ['subject_id', 'species', 'w'] ['subject_id'] N 4\n   [{'subject_id': 'Apple', 'species': 'rat', 'w': 250.0}, {'subject_id': 'kiwi', 'species': 'mouse', 'w': None}, {'subject_id': 'mango', 'species': 'mouse', 'w': 20.0}, {'subject_id': 'pumpkin', 'species': 'rat', 'w': 300.0}]");
    let mango = w
        .proj(&w.restrict(&subject, &map(&[("subject_id", "mango".into())])).unwrap(), &strings(&["species"]), &[])
        .unwrap();
    let kiwi = w
        .proj(&w.restrict(&subject, &map(&[("subject_id", "kiwi".into())])).unwrap(), &[], &named(&[("w", "weight")]))
        .unwrap();
    let outer = w.union(&mango, &kiwi).unwrap();
    let rows = w.fetch(&outer, &FetchSpec::default()).unwrap().rows;
    assert_eq!(
        rows,
        vec![vec!["kiwi".into(), Value::Null, Value::Null], vec!["mango".into(), "mouse".into(), Value::Null]]
    );
    assert_eq!(
        w.union(&subject, &t(&ctx, "Session")).unwrap_err(),
        Error::dj("The operands of a union must share the same primary key.")
    );
    assert_eq!(
        w.union(&subject, &subject).unwrap_err(),
        Error::dj("The operands of a union must not share any secondary attributes.")
    );
}

#[test]
fn top_orders_limits_and_offsets() {
    use djsandbox::engine::query::Top;
    let ctx = fixture();
    let w = &ctx.world;
    let subject = t(&ctx, "Subject");
    let top =
        |limit, order: &str, offset| Restriction::Top(Top { limit: Some(limit), order_by: vec![order.into()], offset });
    let ids = |q: &Query| -> Vec<Value> {
        w.fetch(q, &FetchSpec { attrs: vec!["subject_id".into()], ..Default::default() })
            .unwrap()
            .rows
            .into_iter()
            .map(|r| r[0].clone())
            .collect()
    };
    assert_eq!(
        ids(&w.restrict(&subject, &top(2, "weight desc", 0)).unwrap()),
        vec![Value::from("Apple"), "pumpkin".into()]
    );
    assert_eq!(ids(&w.restrict(&subject, &Restriction::Top(Top::default())).unwrap()), vec![Value::from("Apple")]);
    assert_eq!(ids(&w.restrict(&subject, &top(2, "KEY", 1)).unwrap()), vec![Value::from("kiwi"), "mango".into()]);
    assert_eq!(
        w.restrict(&subject, &Restriction::Or(vec![Restriction::Top(Top::default())])).unwrap_err(),
        Error::dj("Invalid restriction type Top(limit=1, order_by=['KEY'], offset=0)")
    );
    // A restriction after a Top applies to the Top's rows.
    let then =
        w.restrict(&w.restrict(&subject, &top(2, "KEY", 0)).unwrap(), &map(&[("species", "mouse".into())])).unwrap();
    assert_eq!(ids(&then), vec![Value::from("kiwi")]);
}

#[test]
fn the_extreme_of_a_float_column_is_a_float() {
    // oracle: dj.U().aggr(R, hi="max(v)", lo="min(v)", mean="avg(v)", dhi="max(d)", p="max(v) + 0")
    // → {'hi': 0.9, 'lo': 0.1, 'mean': 0.4999999888241291, 'dhi': 0.9, 'p': 0.8999999761581421}:
    // MySQL types MAX/MIN as their FLOAT argument; AVG and arithmetic are DOUBLE.
    let mut ctx = Ctx::new();
    ctx.declare("main_flt", "R", Tier::Manual, "rid : int\n---\nv : float\nd : double").unwrap();
    let r = ctx.names["R"].clone();
    let values = [(1, 0.9), (2, 0.1)];
    let rows: Vec<Row> =
        values.iter().map(|(i, f)| Row::Positional(vec![Value::Int(*i), Value::Float(*f), Value::Float(*f)])).collect();
    ctx.world.insert(&r, &rows, &InsertOptions::default()).unwrap();
    let w = &ctx.world;
    let all = w
        .aggr(
            &w.universal(&[]),
            &t(&ctx, "R"),
            &[],
            &named(&[
                ("hi", "max(v)"),
                ("lo", "MIN( `v` )"),
                ("mean", "avg(v)"),
                ("dhi", "max(d)"),
                ("p", "max(v) + 0"),
            ]),
            false,
        )
        .unwrap();
    assert_eq!(
        show(&ctx, &all),
        "H ['hi', 'lo', 'mean', 'dhi', 'p'] [] N 1\n   [{'hi': 0.9, 'lo': 0.1, 'mean': 0.4999999888241291, 'dhi': 0.9, \
         'p': 0.8999999761581421}]"
    );
}

/// DataJoint's `len`: `count(DISTINCT primary key)` skips keys holding a NULL, while unions and
/// aggregations count every row; a preview's total counts like the former (checked on
/// DataJoint 0.14.10: `len(U('subject_id', 'tag') & S.proj(tag='NULL'))` is 0 with 3 rows
/// fetched, the union of that with itself has len 3 but previews `(Total: 0)`, and
/// `U('tag').aggr(...)` has len 1).
#[test]
fn len_counts_distinct_non_null_keys_except_unions_and_aggregations() {
    let ctx = fixture();
    let w = &ctx.world;
    let subject = t(&ctx, "Subject");
    let nulls = w.proj(&subject, &[], &named(&[("tag", "NULL")])).unwrap();
    let key = w.restrict(&w.universal(&strings(&["subject_id", "tag"])), &Restriction::Query(nulls.clone())).unwrap();
    assert_eq!(w.fetch(&key, &FetchSpec::default()).unwrap().rows.len(), 4);
    assert_eq!(w.len(&key).unwrap(), 0);
    let union = w.union(&key, &key).unwrap();
    assert_eq!(w.len(&union).unwrap(), 4);
    let shown = w.preview(&union, djsandbox::engine::preview::Display::default()).unwrap();
    assert!(shown.ends_with(" (Total: 0)\n"), "{shown}");
    let per_tag = w.aggr(&w.universal(&strings(&["tag"])), &nulls, &[], &named(&[("n", "count(*)")]), false).unwrap();
    assert_eq!(w.len(&per_tag).unwrap(), 1);
}
