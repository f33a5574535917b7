//! Random expression trees over a small pipeline: every operator yields a query or a typed
//! error, and every query that builds also compiles, fetches, counts and previews without a
//! panic and without leaking a storage error (which would mean the sandbox wrote bad SQL).

mod common;

use common::{Ctx, Rng};
use djsandbox::engine::preview::Display;
use djsandbox::engine::query::Top;
use djsandbox::engine::{FetchSpec, InsertOptions, Kind, Query, Restriction, Row, Tier, Value};

const ATTRS: &[&str] =
    &["subject_id", "session", "species", "weight", "note", "duration", "param", "scale", "nope", "n"];
const TOKENS: &[&str] = &[
    "subject_id",
    "weight",
    "species",
    "session",
    ">",
    "<",
    "=",
    "1",
    "2.5",
    "'mouse'",
    "\"rat\"",
    "and",
    "or",
    "not",
    "(",
    ")",
    "like",
    "'m%'",
    "in",
    "between",
    "is",
    "null",
    "count(*)",
    "max(weight)",
    "+",
    "*",
    "/",
    "NOPE",
    "`note`",
    ",",
    "date(",
    "now()",
    "%",
    "\\",
    "'",
    "interval",
    "day",
];

fn fixture() -> Ctx {
    let mut ctx = Ctx::new();
    common::subjects_and_sessions(&mut ctx, "fuzz_alg");
    ctx.declare("fuzz_alg", "Param", Tier::Lookup, "param : varchar(8)\n---\nscale : float").unwrap();
    let param = Row::Positional(vec!["default".into(), Value::Float(1.0)]);
    ctx.world.insert(&ctx.t("Param"), &[param], &InsertOptions::default()).unwrap();
    ctx
}

const VALID: &[&str] = &[
    "weight > 10",
    "species = 'mouse'",
    "subject_id like 'm%'",
    "weight is null",
    "session < 5",
    "duration * 2 > 15",
    "scale = 1",
    "lower(species) = 'rat'",
    "weight between 1 and 300",
];

/// Mostly conditions that hold on some heading, sometimes a soup of tokens.
fn random_sql(rng: &mut Rng) -> String {
    if rng.below(4) > 0 {
        return rng.pick(VALID).to_string();
    }
    (0..1 + rng.below(6)).map(|_| rng.pick(TOKENS)).collect::<Vec<_>>().join(" ")
}

fn random_restriction(ctx: &Ctx, rng: &mut Rng, depth: usize) -> Restriction {
    match rng.below(if depth > 2 { 4 } else { 8 }) {
        0 => Restriction::Map(vec![(
            rng.pick(ATTRS).into(),
            [Value::Int(1), "mango".into(), Value::Null, Value::Float(20.0)][rng.below(4)].clone(),
        )]),
        1 => Restriction::Sql(random_sql(rng)),
        2 => Restriction::Bool(rng.below(2) == 0),
        3 => Restriction::Top(Top {
            limit: Some(rng.below(3) as u64),
            order_by: vec![rng.pick(&["KEY", "weight desc", "nope"]).into()],
            offset: 0,
        }),
        4 => Restriction::Or((0..rng.below(3)).map(|_| random_restriction(ctx, rng, depth + 1)).collect()),
        5 => Restriction::And((0..rng.below(3)).map(|_| random_restriction(ctx, rng, depth + 1)).collect()),
        6 => Restriction::Not(Box::new(random_restriction(ctx, rng, depth + 1))),
        _ => match random_query(ctx, rng, depth + 1) {
            Some(q) => Restriction::Query(q),
            None => Restriction::Bool(true),
        },
    }
}

fn random_query(ctx: &Ctx, rng: &mut Rng, depth: usize) -> Option<Query> {
    let w = &ctx.world;
    let base = |rng: &mut Rng| w.query(&ctx.t(rng.pick(&["Subject", "Session", "Param"]))).unwrap();
    if depth > 2 || rng.below(3) == 0 {
        return Some(base(rng));
    }
    let a = random_query(ctx, rng, depth + 1)?;
    let result = match rng.below(8) {
        0 => Ok(base(rng)),
        1 => w.restrict(&a, &random_restriction(ctx, rng, depth)),
        2 => w.exclude(&a, &random_restriction(ctx, rng, depth)),
        3 => w.join(&a, &random_query(ctx, rng, depth + 1)?, rng.below(2) == 0),
        4 => {
            let attrs: Vec<String> =
                (0..rng.below(3)).map(|_| rng.pick(&["...", "-note", "species", "weight", "nope"]).into()).collect();
            let named: Vec<(String, String)> =
                (0..rng.below(2)).map(|_| (rng.pick(&["x", "y", "species"]).into(), random_sql(rng))).collect();
            w.proj(&a, &attrs, &named)
        }
        5 => {
            let named = vec![(
                String::from("n"),
                rng.pick(&["count(*)", "max(weight)", "sum(duration)", "avg(", "count(distinct species)"]).to_string(),
            )];
            w.aggr(&a, &random_query(ctx, rng, depth + 1)?, &[], &named, rng.below(2) == 0)
        }
        6 => w.union(&a, &random_query(ctx, rng, depth + 1)?),
        _ => {
            let u = w.universal(&[rng.pick(&["species", "subject_id", "nope"]).to_string()]);
            match rng.below(3) {
                0 => w.restrict(&u, &Restriction::Query(a)),
                1 => w.join(&u, &a, false),
                _ => w.aggr(&u, &a, &[], &[("n".into(), "count(*)".into())], false),
            }
        }
    };
    match result {
        Ok(q) => Some(q),
        Err(e) => {
            assert_ne!(e.kind, Kind::InternalError, "{e}");
            None
        }
    }
}

#[test]
fn random_expression_trees_never_panic_or_leak_storage_errors() {
    let ctx = fixture();
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    let mut ran = 0;
    for _ in 0..2500 {
        let Some(q) = random_query(&ctx, &mut rng, 0) else { continue };
        let checks = [
            ctx.world.fetch(&q, &FetchSpec::default()).map(|_| ()),
            ctx.world.len(&q).map(|_| ()),
            ctx.world.preview(&q, Display::default()).map(|_| ()),
            ctx.world
                .fetch(
                    &q,
                    &FetchSpec {
                        attrs: vec!["KEY".into()],
                        order_by: vec!["KEY DESC".into()],
                        limit: Some(2),
                        offset: Some(1),
                    },
                )
                .map(|_| ()),
        ];
        for c in checks {
            match c {
                Ok(()) => ran += 1,
                Err(e) => assert_ne!(e.kind, Kind::InternalError, "{e}"),
            }
        }
    }
    assert!(ran > 1000, "only {ran} successful runs");
}
