//! insert / insert1: every error with DataJoint's class and MySQL 8.0's text. Expectations come
//! from the oracle (DataJoint 0.14.10); MariaDB-only wording is replaced by MySQL 8.0's
//! (`'subject.PRIMARY'` key names, `ON DELETE RESTRICT ON UPDATE CASCADE` in FK texts).

mod common;

use common::Ctx;
use djsandbox::engine::{Error, FetchSpec, InsertOptions, Kind, Restriction, Row, TableName, Tier, Value};

fn map(pairs: &[(&str, Value)]) -> Row {
    Row::Map(pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect())
}

fn fixture() -> (Ctx, TableName, TableName) {
    let mut ctx = Ctx::new();
    let subject = ctx
        .declare(
            "main_ins",
            "Subject",
            Tier::Manual,
            "subject_id: varchar(16)\n---\nsex = \"U\": enum(\"M\", \"F\", \"U\")\nage = null : int\nweight : float",
        )
        .unwrap();
    let sess =
        ctx.declare("main_ins", "Sess", Tier::Manual, "-> Subject\nsess : int\n---\nnote = \"\" : varchar(8)").unwrap();
    ctx.world
        .insert(
            &subject,
            &[map(&[("subject_id", "Beaver".into()), ("sex", "F".into()), ("weight", Value::Int(3))])],
            &InsertOptions::default(),
        )
        .unwrap();
    (ctx, subject, sess)
}

fn insert1(ctx: &mut Ctx, t: &TableName, row: Row) -> Result<(), Error> {
    ctx.world.insert(t, &[row], &InsertOptions::default())
}

#[test]
fn duplicate_is_case_insensitive_and_suggests_skip_duplicates() {
    let (mut ctx, subject, _) = fixture();
    let err =
        insert1(&mut ctx, &subject, map(&[("subject_id", "beaver".into()), ("weight", Value::Int(3))])).unwrap_err();
    assert_eq!(
        err,
        Error {
            kind: Kind::DuplicateError,
            message: "(\"Duplicate entry 'beaver' for key 'subject.PRIMARY'\", 'To ignore duplicate entries in insert, set skip_duplicates=True')".into(),
            code: Some(1062),
        }
    );
    let skip = InsertOptions { skip_duplicates: true, ..Default::default() };
    ctx.world.insert(&subject, &[map(&[("subject_id", "beaver".into()), ("weight", Value::Int(3))])], &skip).unwrap();
    assert_eq!(ctx.world.count(&subject).unwrap(), 1);
}

#[test]
fn unknown_field_is_a_key_error_unless_ignored() {
    let (mut ctx, subject, _) = fixture();
    let row = map(&[("subject_id", "x".into()), ("weight", Value::Int(3)), ("color", "red".into())]);
    assert_eq!(
        insert1(&mut ctx, &subject, row.clone()).unwrap_err(),
        Error::key_error("`color` is not in the table heading")
    );
    let ignore = InsertOptions { ignore_extra_fields: true, ..Default::default() };
    ctx.world.insert(&subject, &[row], &ignore).unwrap();
    assert_eq!(ctx.world.count(&subject).unwrap(), 2);
}

#[test]
fn rows_with_different_fields_are_refused_but_later_extras_pass() {
    let (mut ctx, subject, _) = fixture();
    let rows = [
        map(&[("subject_id", "y".into()), ("weight", Value::Int(3))]),
        map(&[("subject_id", "z".into()), ("sex", "M".into()), ("weight", Value::Int(1))]),
    ];
    let err = ctx.world.insert(&subject, &rows, &InsertOptions::default()).unwrap_err();
    assert_eq!(err, Error::dj("Attempt to insert rows with different fields."));
    // oracle: only the first row's fields are checked against the heading.
    let rows = [
        map(&[("subject_id", "y1".into()), ("weight", Value::Int(3))]),
        map(&[("subject_id", "z1".into()), ("weight", Value::Int(1)), ("junk", Value::Int(5))]),
    ];
    ctx.world.insert(&subject, &rows, &InsertOptions::default()).unwrap();
    assert_eq!(ctx.world.count(&subject).unwrap(), 3);
}

#[test]
fn missing_value_without_default_is_missing_attribute_error() {
    let (mut ctx, subject, _) = fixture();
    let expected = Error::mysql(Kind::MissingAttributeError, 1364, "Field 'weight' doesn't have a default value");
    assert_eq!(insert1(&mut ctx, &subject, map(&[("subject_id", "m".into())])).unwrap_err(), expected);
    // None and NaN are sent as DEFAULT.
    assert_eq!(
        insert1(&mut ctx, &subject, map(&[("subject_id", "m".into()), ("weight", Value::Null)])).unwrap_err(),
        expected
    );
    assert_eq!(
        insert1(&mut ctx, &subject, map(&[("subject_id", "m".into()), ("weight", Value::Float(f64::NAN))]))
            .unwrap_err(),
        expected
    );
    let skip = InsertOptions { skip_duplicates: true, ..Default::default() };
    assert_eq!(ctx.world.insert(&subject, &[map(&[("subject_id", "m".into())])], &skip).unwrap_err(), expected);
}

#[test]
fn strict_mode_data_errors() {
    let (mut ctx, subject, _) = fixture();
    let bad_enum = map(&[("subject_id", "e".into()), ("sex", "X".into()), ("weight", Value::Int(1))]);
    assert_eq!(
        insert1(&mut ctx, &subject, bad_enum).unwrap_err(),
        Error::mysql(Kind::DataError, 1265, "Data truncated for column 'sex' at row 1")
    );
    let long = map(&[("subject_id", "a".repeat(17).into()), ("weight", Value::Int(1))]);
    assert_eq!(
        insert1(&mut ctx, &subject, long).unwrap_err(),
        Error::mysql(Kind::DataError, 1406, "Data too long for column 'subject_id' at row 1")
    );
    let range = map(&[("subject_id", "r".into()), ("weight", Value::Int(1)), ("age", Value::Int(1 << 40))]);
    assert_eq!(
        insert1(&mut ctx, &subject, range).unwrap_err(),
        Error::mysql(Kind::DataError, 1264, "Out of range value for column 'age' at row 1")
    );
    // DataJoint itself tries float() on strings for numeric attributes.
    let text = map(&[("subject_id", "bi".into()), ("weight", Value::Int(1)), ("age", "abc".into())]);
    assert_eq!(
        insert1(&mut ctx, &subject, text).unwrap_err(),
        Error::new(Kind::ValueError, "could not convert string to float: 'abc'")
    );
    // The row number counts rows within the call.
    let rows = [
        map(&[("subject_id", "ok".into()), ("sex", "M".into()), ("weight", Value::Int(1))]),
        map(&[("subject_id", "bad".into()), ("sex", "Q".into()), ("weight", Value::Int(1))]),
    ];
    let err = ctx.world.insert(&subject, &rows, &InsertOptions::default()).unwrap_err();
    assert_eq!(err.message, "Data truncated for column 'sex' at row 2");
    // The whole call is one transaction: the good first row is not kept.
    assert_eq!(ctx.world.count(&subject).unwrap(), 1);
}

#[test]
fn numeric_conversions_match_mysql() {
    let (mut ctx, subject, _) = fixture();
    for (id, age) in
        [("si", Value::from("12")), ("fi", Value::Float(3.5)), ("fi2", Value::Float(2.5)), ("es", Value::from(""))]
    {
        insert1(&mut ctx, &subject, map(&[("subject_id", id.into()), ("weight", Value::Int(1)), ("age", age)]))
            .unwrap();
    }
    insert1(
        &mut ctx,
        &subject,
        map(&[("subject_id", "bool".into()), ("weight", Value::Bool(true)), ("age", Value::Bool(false))]),
    )
    .unwrap();
    let ages = ctx
        .world
        .fetch(
            &ctx.world.query(&subject.clone()).unwrap(),
            &FetchSpec { attrs: vec!["subject_id".into(), "age".into(), "weight".into()], ..Default::default() },
        )
        .unwrap();
    // oracle: '12' → 12, 3.5 → 4, 2.5 → 3 (half away from zero), '' → NULL, True → 1.0, False → 0
    let got: Vec<(String, Value, Value)> = ages
        .rows
        .into_iter()
        .map(|r| (if let Value::Str(s) = &r[0] { s.clone() } else { String::new() }, r[1].clone(), r[2].clone()))
        .collect();
    assert!(got.contains(&("si".into(), Value::Int(12), Value::Float(1.0))));
    assert!(got.contains(&("fi".into(), Value::Int(4), Value::Float(1.0))));
    assert!(got.contains(&("fi2".into(), Value::Int(3), Value::Float(1.0))));
    assert!(got.contains(&("es".into(), Value::Null, Value::Float(1.0))));
    assert!(got.contains(&("bool".into(), Value::Int(0), Value::Float(1.0))));
}

#[test]
fn positional_rows_need_every_attribute() {
    let (mut ctx, subject, _) = fixture();
    ctx.world
        .insert(
            &subject,
            &[Row::Positional(vec!["p".into(), "M".into(), Value::Int(3), Value::Float(2.0)])],
            &InsertOptions::default(),
        )
        .unwrap();
    let err = insert1(&mut ctx, &subject, Row::Positional(vec!["p".into(), "M".into()])).unwrap_err();
    assert_eq!(err, Error::dj("Invalid insert argument. Incorrect number of attributes: 2 given; 4 expected"));
    let err = insert1(&mut ctx, &subject, Row::Positional(vec![])).unwrap_err();
    assert_eq!(err, Error::dj("Invalid insert argument. Incorrect number of attributes: 0 given; 4 expected"));
}

#[test]
fn foreign_key_failure_names_the_constraint() {
    let (mut ctx, _, sess) = fixture();
    let err = insert1(&mut ctx, &sess, map(&[("subject_id", "nobody".into()), ("sess", Value::Int(1))])).unwrap_err();
    assert_eq!(
        err,
        Error::mysql(
            Kind::IntegrityError,
            1452,
            "Cannot add or update a child row: a foreign key constraint fails (`main_ins`.`sess`, CONSTRAINT `sess_ibfk_1` FOREIGN KEY (`subject_id`) REFERENCES `subject` (`subject_id`) ON DELETE RESTRICT ON UPDATE CASCADE)"
        )
    );
    // The parent key matches under the collation.
    insert1(&mut ctx, &sess, map(&[("subject_id", "BEAVER".into()), ("sess", Value::Int(1))])).unwrap();
}

#[test]
fn cross_schema_foreign_key_qualifies_the_parent() {
    let mut ctx = Ctx::new();
    common::common(&mut ctx);
    let t = ctx.declare("workshop_sailor", "MyThing", Tier::Manual, "-> Subject\nthing : int").unwrap();
    let err = insert1(&mut ctx, &t, map(&[("subject_id", "alice_1".into()), ("thing", Value::Int(1))])).unwrap_err();
    assert_eq!(
        err.message,
        "Cannot add or update a child row: a foreign key constraint fails (`workshop_sailor`.`my_thing`, CONSTRAINT `my_thing_ibfk_1` FOREIGN KEY (`subject_id`) REFERENCES `common_subject`.`subject` (`subject_id`) ON DELETE RESTRICT ON UPDATE CASCADE)"
    );
}

#[test]
fn auto_populated_tables_refuse_direct_inserts() {
    let (mut ctx, _, sess) = fixture();
    insert1(&mut ctx, &sess, map(&[("subject_id", "Beaver".into()), ("sess", Value::Int(1))])).unwrap();
    let comp = ctx.declare("main_ins", "Comp", Tier::Computed, "-> Sess\n---\nval : double").unwrap();
    let row = map(&[("subject_id", "Beaver".into()), ("sess", Value::Int(1)), ("val", Value::Float(1.0))]);
    assert_eq!(
        insert1(&mut ctx, &comp, row.clone()).unwrap_err(),
        Error::dj("Inserts into an auto-populated table can only be done inside its make method during a populate call. To override, set keyword argument allow_direct_insert=True.")
    );
    ctx.world.insert(&comp, &[row], &InsertOptions { allow_direct_insert: true, ..Default::default() }).unwrap();
}

#[test]
fn uuid_values_are_checked_and_round_trip() {
    let mut ctx = Ctx::new();
    let u = ctx.declare("main_ins", "U", Tier::Manual, "id : uuid").unwrap();
    assert_eq!(
        insert1(&mut ctx, &u, map(&[("id", "abc".into())])).unwrap_err(),
        Error::dj("badly formed UUID value abc for attribute `id`")
    );
    assert_eq!(
        insert1(&mut ctx, &u, map(&[("id", Value::Int(0))])).unwrap_err(),
        Error::dj("badly formed UUID value 0 for attribute `id`")
    );
    let id = "0c9bd0e5-9e42-4a7b-a6b7-c8b5c8e3b2a1";
    insert1(&mut ctx, &u, map(&[("id", id.into())])).unwrap();
    // oracle (MariaDB and MySQL's convert_to_printable): non-printable bytes as \xHH.
    let err = insert1(&mut ctx, &u, map(&[("id", id.to_uppercase().into())])).unwrap_err();
    assert_eq!(err.kind, Kind::DuplicateError);
    assert!(
        err.message.starts_with("(\"Duplicate entry '\\\\x0C\\\\x9B\\\\xD0\\\\xE5\\\\x9EBJ{\\\\xA6"),
        "{}",
        err.message
    );
    let q = ctx
        .world
        .restrict(&ctx.world.query(&u).unwrap(), &Restriction::Map(vec![("id".into(), id.to_uppercase().into())]))
        .unwrap();
    assert_eq!(ctx.world.fetch1(&q, &[]).unwrap().rows[0], vec![Value::from(id)]);
}

#[test]
fn replace_overwrites_a_leaf_but_not_a_referenced_parent() {
    let (mut ctx, subject, sess) = fixture();
    insert1(&mut ctx, &sess, map(&[("subject_id", "Beaver".into()), ("sess", Value::Int(1))])).unwrap();
    let replace = InsertOptions { replace: true, ..Default::default() };
    let err = ctx
        .world
        .insert(
            &subject,
            &[map(&[("subject_id", "Beaver".into()), ("sex", "M".into()), ("weight", Value::Int(3))])],
            &replace,
        )
        .unwrap_err();
    assert_eq!(
        err,
        Error::mysql(
            Kind::IntegrityError,
            1451,
            "Cannot delete or update a parent row: a foreign key constraint fails (`main_ins`.`sess`, CONSTRAINT `sess_ibfk_1` FOREIGN KEY (`subject_id`) REFERENCES `subject` (`subject_id`) ON DELETE RESTRICT ON UPDATE CASCADE)"
        )
    );
    ctx.world
        .insert(&subject, &[map(&[("subject_id", "x".into()), ("weight", Value::Int(3))])], &InsertOptions::default())
        .unwrap();
    ctx.world
        .insert(
            &subject,
            &[map(&[("subject_id", "x".into()), ("sex", "M".into()), ("weight", Value::Int(4))])],
            &replace,
        )
        .unwrap();
    let q = ctx
        .world
        .restrict(&ctx.world.query(&subject).unwrap(), &Restriction::Map(vec![("subject_id".into(), "x".into())]))
        .unwrap();
    assert_eq!(
        ctx.world.fetch1(&q, &[]).unwrap().rows[0],
        vec!["x".into(), "M".into(), Value::Null, Value::Float(4.0)]
    );
}

#[test]
fn auto_increment_counts_on_and_never_reuses() {
    let mut ctx = Ctx::new();
    let g = ctx
        .declare("s", "MyGrouping", Tier::Manual, "group_id : int auto_increment\n---\ngroup_name : varchar(64)")
        .unwrap();
    let rows: Vec<Row> = ["a", "b"].iter().map(|n| map(&[("group_name", (*n).into())])).collect();
    ctx.world.insert(&g, &rows, &InsertOptions::default()).unwrap();
    ctx.world.delete_quick(&ctx.world.query(&g.clone()).unwrap()).unwrap();
    ctx.world.insert(&g, &rows[..1], &InsertOptions::default()).unwrap();
    let ids = ctx
        .world
        .fetch(&ctx.world.query(&g).unwrap(), &FetchSpec { attrs: vec!["group_id".into()], ..Default::default() })
        .unwrap();
    assert_eq!(ids.rows, vec![vec![Value::Int(3)]]);
}

#[test]
fn lookup_contents_insert_once() {
    let mut ctx = Ctx::new();
    let p = ctx.declare("s", "MyParams", Tier::Lookup, "param_name : varchar(32)\n---\nparams : blob").unwrap();
    let params =
        Value::Map([("window_s".to_string(), Value::Float(1.0)), ("threshold".to_string(), Value::Float(0.5))].into());
    let contents = vec![
        Row::Positional(vec!["default".into(), params.clone()]),
        Row::Positional(vec!["fast".into(), params.clone()]),
    ];
    assert_eq!(ctx.world.insert_contents(&p, &contents).unwrap(), None);
    assert_eq!(ctx.world.insert_contents(&p, &contents).unwrap(), None);
    assert_eq!(ctx.world.count(&p).unwrap(), 2);
    let q = ctx
        .world
        .restrict(&ctx.world.query(&p).unwrap(), &Restriction::Map(vec![("param_name".into(), "DEFAULT".into())]))
        .unwrap();
    assert_eq!(ctx.world.fetch1(&q, &["params".into()]).unwrap().rows[0], vec![params]);
}
