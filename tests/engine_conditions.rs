//! Restriction strings in MySQL's dialect through the whole engine, against the oracle's
//! answers on the same rows (DataJoint 0.14.10); MySQL 8.0's wording where MariaDB's differs.

mod common;

use common::Ctx;
use djsandbox::engine::{Error, FetchSpec, Kind, Query, Restriction, Value};

fn fixture() -> Ctx {
    let mut ctx = Ctx::new();
    common::subjects_and_sessions(&mut ctx, "main_alg");
    ctx
}

fn ids(ctx: &Ctx, q: &Query) -> Result<Vec<String>, Error> {
    let rows = ctx.world.fetch(q, &FetchSpec { attrs: vec!["subject_id".into()], ..Default::default() })?;
    let mut out: Vec<String> =
        rows.rows.into_iter().map(|r| if let Value::Str(s) = &r[0] { s.clone() } else { String::new() }).collect();
    out.sort();
    Ok(out)
}

fn restricted(ctx: &Ctx, cond: &str) -> Result<Vec<String>, Error> {
    let q = ctx.world.restrict(&ctx.world.query(&ctx.t("Subject")).unwrap(), &Restriction::Sql(cond.into()))?;
    ids(ctx, &q)
}

#[test]
fn conditions_select_what_mysql_selects() {
    let ctx = fixture();
    // oracle: sorted((Subject & cond).fetch("subject_id"))
    for (cond, expected) in [
        ("species = \"mouse\"", &["kiwi", "mango"][..]),
        ("species='MOUSE'", &["kiwi", "mango"]),
        ("subject_id LIKE \"m%\"", &["mango"]),
        ("subject_id like \"A%\"", &["Apple"]),
        ("weight > 100", &["Apple", "pumpkin"]),
        ("weight is null", &["kiwi"]),
        ("weight between 10 and 260", &["Apple", "mango"]),
        ("subject_id in (\"mango\", \"kiwi\")", &["kiwi", "mango"]),
        ("not weight > 100", &["mango"]),
        ("weight > 100 and species = 'rat'", &["Apple", "pumpkin"]),
        ("weight * 2 > 500", &["pumpkin"]),
        ("length(subject_id) = 5", &["Apple", "mango"]),
        ("lower(subject_id) = 'apple'", &["Apple"]),
        ("concat(subject_id, '-', species) = 'mango-mouse'", &["mango"]),
        ("subject_id < 'l'", &["Apple", "kiwi"]),
        ("ifnull(weight, 0) = 0", &["kiwi"]),
    ] {
        assert_eq!(restricted(&ctx, cond).unwrap(), expected, "{cond}");
    }
}

#[test]
fn condition_errors_as_datajoint_raises_them() {
    let ctx = fixture();
    for name in ["lang", "duration", "note"] {
        let cond = format!("{name} = 'x'");
        assert_eq!(
            restricted(&ctx, &cond).unwrap_err(),
            Error::dj(format!("Attribute `{name}` is not found in query."))
        );
    }
    assert_eq!(restricted(&ctx, "`nope` = 1").unwrap_err(), Error::dj("Attribute `nope` is not found in query."));
    // Found by the server when the query runs (MySQL 8.0: 'where clause'; MariaDB: 'WHERE').
    assert_eq!(
        restricted(&ctx, "Nope = 1").unwrap_err(),
        Error::mysql(Kind::UnknownAttributeError, 1054, "Unknown column 'Nope' in 'where clause'")
    );
    let err = restricted(&ctx, "weight >").unwrap_err();
    assert_eq!(err.kind, Kind::QuerySyntaxError);
    assert_eq!(err.code, Some(1064));
    assert_eq!(
        err.message,
        "(\"You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '))' at line 1\", 'SELECT `subject_id` FROM `main_alg`.`subject` WHERE ( (weight >))')"
    );
}

#[test]
fn computed_attributes_and_having() {
    let ctx = fixture();
    let w = &ctx.world;
    let subject = w.query(&ctx.t("Subject")).unwrap();
    let named = vec![("w2".to_string(), "weight*2".to_string()), ("up".to_string(), "upper(species)".to_string())];
    let q = w.restrict(&w.proj(&subject, &[], &named).unwrap(), &Restriction::Sql("w2 > 100".into())).unwrap();
    let rows = w.fetch(&q, &FetchSpec::default()).unwrap();
    // oracle: [{'subject_id': 'Apple', 'w2': 500.0, 'up': 'RAT'}, {'subject_id': 'pumpkin', 'w2': 600.0, 'up': 'RAT'}]
    assert_eq!(
        rows.rows,
        vec![
            vec!["Apple".into(), Value::Float(500.0), "RAT".into()],
            vec!["pumpkin".into(), Value::Float(600.0), "RAT".into()]
        ]
    );
    let named = vec![("n".to_string(), "count(*)".to_string()), ("total".to_string(), "sum(duration)".to_string())];
    let counts = w.aggr(&subject, &w.query(&ctx.t("Session")).unwrap(), &[], &named, false).unwrap();
    let having = w.restrict(&counts, &Restriction::Sql("n > 1".into())).unwrap();
    // oracle: [{'subject_id': 'mango', 'n': 2, 'total': 30.0}]
    assert_eq!(
        w.fetch(&having, &FetchSpec::default()).unwrap().rows,
        vec![vec!["mango".into(), Value::Int(2), Value::Float(30.0)]]
    );
    let sessions =
        w.restrict(&w.query(&ctx.t("Session")).unwrap(), &Restriction::Sql("session between 1 and 2".into())).unwrap();
    assert_eq!(w.len(&sessions).unwrap(), 3);
}
