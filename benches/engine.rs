//! Engine benchmark (`cargo bench --bench engine`): the workload of issue "Engine I", timed with
//! the median of several runs. Targets on the 2-core reference machine: insert 10k ≤ 10 ms,
//! fetch all 10k ≤ 5 ms, 1,000 keyed fetch1 ≤ 10 ms, reopen a 100k-row world < 100 ms.
//! Real DataJoint 0.14 + MariaDB on the same machine: 176 ms, 63 ms, 243 ms.
//! Engine II adds: 1,000 restrict-by-string fetch1, a join of two 10k tables fetched (≤ 5 ms),
//! aggr over 10k rows, a cascade delete of 10k rows (≤ 10 ms), populate of 1,000 keys whose make
//! fetches its parent row and inserts one row (≤ 25 ms; DataJoint + MariaDB: 1,475 ms).

use std::time::{Duration, Instant};

use djsandbox::engine::delete::{Console, DeleteOptions, Level};
use djsandbox::engine::populate::PopulateOptions;
use djsandbox::engine::{Declaration, FetchSpec, InsertOptions, Restriction, Row, TableName, Tier, Value, World};

const SUBJ: &str = "subj_id : int\n---\nname : varchar(32)\nweight : float";

struct Quiet;

impl Console for Quiet {
    fn log(&mut self, _: Level, _: &str) {}
    fn confirm(&mut self, _: &str, _: &str) -> bool {
        true
    }
}

fn declare(world: &mut World, schema: &str, class: &str, def: &str) -> TableName {
    declare_tier(world, schema, class, Tier::Manual, def)
}

fn declare_tier(world: &mut World, schema: &str, class: &str, tier: Tier, def: &str) -> TableName {
    world.create_schema(schema).unwrap();
    let names = |r: &str| match r {
        "Subj" => Some(TableName::new(schema, "subj")),
        "Info" => Some(TableName::new(schema, "info")),
        _ => None,
    };
    let decl = Declaration { schema, class_name: class, tier, master: None, definition: def };
    world.declare(&decl, &names).unwrap().name().clone()
}

fn rows(n: i64) -> Vec<Row> {
    (0..n)
        .map(|i| {
            Row::Map(vec![
                ("subj_id".into(), Value::Int(i)),
                ("name".into(), Value::Str(format!("s{i}"))),
                ("weight".into(), Value::Float(i as f64 * 0.5)),
            ])
        })
        .collect()
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn report(name: &str, d: Duration, target_ms: f64) {
    let ms = d.as_secs_f64() * 1e3;
    let verdict = if ms <= target_ms { "ok" } else { "OVER TARGET" };
    println!("{name:<28} {ms:>9.3} ms   (target ≤ {target_ms} ms: {verdict})");
}

fn main() {
    let runs = 11;
    let (mut declare10, mut insert, mut fetch_all, mut fetch1) = (vec![], vec![], vec![], vec![]);
    let data = rows(10_000);
    for _ in 0..runs {
        let mut world = World::in_memory().unwrap();
        let t0 = Instant::now();
        let tables: Vec<TableName> = (0..10).map(|i| declare(&mut world, "perf", &format!("Subj{i}"), SUBJ)).collect();
        declare10.push(t0.elapsed());

        let t0 = Instant::now();
        world.insert(&tables[0], &data, &InsertOptions::default()).unwrap();
        insert.push(t0.elapsed());

        let t0 = Instant::now();
        let all = world.fetch(&world.query(&tables[0].clone()).unwrap(), &FetchSpec::default()).unwrap();
        fetch_all.push(t0.elapsed());
        assert_eq!(all.rows.len(), 10_000);

        let t0 = Instant::now();
        for i in (0..10_000).step_by(10) {
            let q = world
                .restrict(
                    &world.query(&tables[0].clone()).unwrap(),
                    &Restriction::Map(vec![("subj_id".into(), Value::Int(i))]),
                )
                .unwrap();
            world.fetch1(&q, &[]).unwrap();
        }
        fetch1.push(t0.elapsed());
    }
    let (mut by_string, mut join, mut aggr, mut cascade, mut populate) = (vec![], vec![], vec![], vec![], vec![]);
    for _ in 0..runs {
        let mut world = World::in_memory().unwrap();
        let subj = declare(&mut world, "perf", "Subj", SUBJ);
        world.insert(&subj, &data, &InsertOptions::default()).unwrap();
        let info = declare(&mut world, "perf", "Info", "-> Subj\n---\nnote : varchar(16)\nscore : int");
        let info_rows: Vec<Row> = (0..10_000)
            .map(|i| Row::Positional(vec![Value::Int(i), Value::Str(format!("n{i}")), Value::Int(i % 7)]))
            .collect();
        world.insert(&info, &info_rows, &InsertOptions::default()).unwrap();
        let subj_q = world.query(&subj).unwrap();

        let t0 = Instant::now();
        for i in (0..10_000).step_by(10) {
            let q = world.restrict(&subj_q, &Restriction::Sql(format!("subj_id = {i}"))).unwrap();
            world.fetch1(&q, &[]).unwrap();
        }
        by_string.push(t0.elapsed());

        let t0 = Instant::now();
        let joined = world.join(&subj_q, &world.query(&info).unwrap(), false).unwrap();
        assert_eq!(world.fetch(&joined, &FetchSpec::default()).unwrap().rows.len(), 10_000);
        join.push(t0.elapsed());

        let t0 = Instant::now();
        let u = world.universal(&["score".to_string()]);
        let per = world.aggr(&u, &world.query(&info).unwrap(), &[], &[("n".into(), "count(*)".into())], false).unwrap();
        assert_eq!(world.fetch(&per, &FetchSpec::default()).unwrap().rows.len(), 7);
        aggr.push(t0.elapsed());

        let result = declare_tier(&mut world, "perf", "Result", Tier::Computed, "-> Subj\n---\nvalue : float");
        let opts = PopulateOptions { limit: Some(1_000), ..Default::default() };
        let target = world.query(&result).unwrap();
        let t0 = Instant::now();
        let made = world
            .populate(
                &target,
                &opts,
                &mut |w, key| {
                    let parent = w.restrict(&w.query(&subj)?, &Restriction::Map(key.clone()))?;
                    let weight = w.fetch1(&parent, &["weight".into()])?.rows.remove(0).remove(0);
                    let mut row = key.clone();
                    row.push(("value".into(), weight));
                    w.insert(&result, &[Row::Map(row)], &InsertOptions::default())
                },
                &mut |_, _| {},
            )
            .unwrap();
        populate.push(t0.elapsed());
        assert_eq!(made.success_count, 1_000);

        // 5,000 subjects, their 5,000 Info rows and 1,000 Result rows: 11,000 rows in all.
        let t0 = Instant::now();
        let half = world.restrict(&subj_q, &Restriction::Sql("subj_id < 5000".into())).unwrap();
        let quiet = DeleteOptions { safemode: false, ..DeleteOptions::default() };
        assert_eq!(world.delete(&half, quiet, &mut Quiet).unwrap(), 5_000);
        cascade.push(t0.elapsed());
    }
    println!("engine benchmark, median of {runs} runs");
    report("declare 10 tables", median(declare10), 50.0);
    report("insert 10,000 rows", median(insert), 10.0);
    report("fetch all 10,000 rows", median(fetch_all), 5.0);
    report("1,000 keyed fetch1", median(fetch1), 10.0);
    report("1,000 fetch1 by SQL string", median(by_string), 25.0);
    report("join 10k x 10k, fetch all", median(join), 5.0);
    report("aggr over 10k rows", median(aggr), 5.0);
    report("populate 1,000 keys", median(populate), 25.0);
    report("cascade delete 11k rows", median(cascade), 10.0);

    let dir = std::env::temp_dir().join(format!("djsandbox-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("world.sqlite");
    {
        let mut world = World::open(&path).unwrap();
        let t = declare(&mut world, "perf", "Subj", SUBJ);
        world.insert(&t, &rows(100_000), &InsertOptions::default()).unwrap();
    }
    let mut reopen = vec![];
    for _ in 0..runs {
        let t0 = Instant::now();
        let world = World::open(&path).unwrap();
        assert_eq!(world.count(&TableName::new("perf", "subj")).unwrap(), 100_000);
        reopen.push(t0.elapsed());
    }
    report("reopen 100,000-row world", median(reopen), 100.0);
    std::fs::remove_dir_all(&dir).ok();
}
