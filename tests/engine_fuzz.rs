//! Bad input never panics: random definitions, type texts, defaults and rows go through the
//! whole declare → insert → fetch → describe path and come back as values or typed errors.

mod common;

use common::{common, Ctx, Rng};
use djsandbox::engine::{FetchSpec, InsertOptions, Row, Tier, Value};

const NAMES: &[&str] = &["a", "b", "subject_id", "Bad", "1x", "index", "x_y", "", "é", "a b"];
const TYPES: &[&str] = &[
    "int",
    "int unsigned",
    "tinyint",
    "bigint",
    "float",
    "double",
    "decimal(5,2)",
    "decimal(70,2)",
    "varchar(8)",
    "varchar()",
    "varchar(x)",
    "char(2)",
    "char",
    "enum('a','b')",
    "enum()",
    "date",
    "datetime",
    "datetime(3)",
    "timestamp",
    "time",
    "year",
    "bool",
    "uuid",
    "json",
    "blob",
    "longblob",
    "text",
    "int auto_increment",
    "serial",
    "<adapted>",
    "attach",
    "blob@store",
    "(",
    ")",
    "'",
    "\"",
    "",
    "int(",
    "varchar(8",
    "enum('a",
];
const DEFAULTS: &[&str] = &[
    "",
    "= null",
    "= NULL",
    "= 0",
    "= -1",
    "= 1.5",
    "= \"x\"",
    "= 'y'",
    "= CURRENT_TIMESTAMP",
    "= \"",
    "= (",
    "=",
    "= \"2024-02-30\"",
    "= abc",
    "= \"a#b\"",
    "= 99999999999999999999",
];
const COMMENTS: &[&str] = &["", "# c", "#", "# :x", "# \"q\"", "# {a}", "# a # b"];
const EXTRA: &[&str] = &[
    "---",
    "___",
    "-> Subject",
    "-> [nullable] Subject",
    "-> [unique] Subject",
    "-> [bogus] Subject",
    "-> Missing",
    "-> Subject.proj(s='subject_id')",
    "-> Subject.proj(s='nope')",
    "-> Subject.proj(",
    "b -> A",
    "index(a)",
    "unique index(a, b)",
    "index()",
    "index",
    "# comment",
    "",
    "->",
    "-> .",
    "-> Subject &",
    ":",
    "::",
    "= :",
];
const VALUES: &[fn(u64) -> Value] = &[
    |_| Value::Null,
    |n| Value::Int(n as i64),
    |n| Value::Int(-(n as i64 % 1000)),
    |n| Value::Float(n as f64 / 7.0),
    |_| Value::Float(f64::NAN),
    |_| Value::Float(f64::INFINITY),
    |_| Value::Bool(true),
    |n| Value::Str(format!("s{n}")),
    |_| Value::Str(String::new()),
    |_| Value::Str("2024-02-29".into()),
    |_| Value::Str("2024-13-45 25:61:61".into()),
    |_| Value::Str("0c9bd0e5-9e42-4a7b-a6b7-c8b5c8e3b2a1".into()),
    |_| Value::Str("x".repeat(300)),
    |_| Value::List(vec![Value::Int(1), Value::Str("a".into())]),
    |_| Value::Map([("k".to_string(), Value::Float(0.5))].into()),
    |_| Value::Bytes(vec![0, 255, 10]),
];

const SANE_NAMES: &[&str] = &["a", "b", "c", "d", "e"];
const SANE_TYPES: &[&str] = &["int", "varchar(8)", "float", "date", "uuid", "enum('a','b')", "blob", "decimal(5,2)"];

/// Half the definitions are mostly well-formed, so the insert and fetch paths get exercised;
/// the other half are hostile.
fn random_definition(rng: &mut Rng) -> String {
    let lines = 1 + rng.next() % 6;
    let sane = rng.next().is_multiple_of(2);
    let mut out = Vec::new();
    if rng.next().is_multiple_of(4) {
        out.push("# table comment".to_string());
    }
    for _ in 0..lines {
        if sane && !rng.next().is_multiple_of(5) {
            let default = if rng.next().is_multiple_of(4) { "= null" } else { "" };
            out.push(format!("{} {} : {}", rng.pick(SANE_NAMES), default, rng.pick(SANE_TYPES)));
        } else if rng.next().is_multiple_of(3) {
            out.push(rng.pick(EXTRA).to_string());
        } else {
            out.push(format!(
                "{} {} : {} {}",
                rng.pick(NAMES),
                rng.pick(DEFAULTS),
                rng.pick(TYPES),
                rng.pick(COMMENTS)
            ));
        }
    }
    out.join("\n")
}

#[test]
fn random_definitions_and_rows_never_panic() {
    let mut ctx = Ctx::new();
    common(&mut ctx);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut declared = 0;
    for i in 0..3000 {
        let def = random_definition(&mut rng);
        let class = format!("T{i}");
        let Ok(t) = ctx.declare("fuzz", &class, Tier::Manual, &def) else { continue };
        declared += 1;
        let info = ctx.world.table(&t).unwrap();
        for _ in 0..4 {
            let mut row: Vec<(String, Value)> = Vec::new();
            for a in &info.attributes {
                if !rng.next().is_multiple_of(5) {
                    let make = VALUES[(rng.next() % VALUES.len() as u64) as usize];
                    row.push((a.name.clone(), make(rng.next() % 100_000)));
                }
            }
            let _ = ctx.world.insert(
                &t,
                &[Row::Map(row)],
                &InsertOptions { skip_duplicates: rng.next().is_multiple_of(2), ..Default::default() },
            );
        }
        ctx.world.fetch(&ctx.world.query(&t.clone()).unwrap(), &FetchSpec::default()).unwrap();
        let _ = ctx.describe(&class);
    }
    // The generator must reach the happy path too, or this test proves little.
    assert!(declared > 100, "only {declared} random definitions declared");
}
