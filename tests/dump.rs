//! `export --sql` and `import --sql` in the engine: a schema like the workshop template's
//! exported, read back into a fresh world, and compared (headings as `describe` prints them,
//! rows as fetched); mysqldump's own output (tests/dump/oracle_mysqldump.sql, written by the
//! oracle's MariaDB for a schema DataJoint declared) read back; malformed and unsupported input.
//!
//! Verified on the oracle: the template's export (snapshot `template_export`) loads with the
//! mysql client into MariaDB 10.11, and real DataJoint 0.14.10 reads it back with the same
//! definitions and values, blobs included (tests/dump/oracle_fetch_of_template_export.txt, made
//! with `dj.VirtualModule(...)`, `describe()` and `fetch(as_dict=True)`).

mod common;

use std::collections::BTreeMap;

use common::Ctx;
use djsandbox::engine::dump::{export_sql, import_sql};
use djsandbox::engine::{FetchSpec, InsertOptions, Kind, Row, TableName, Tier, Value, World};

fn map(pairs: &[(&str, Value)]) -> Row {
    Row::Map(pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect())
}

/// The workshop template's shape: a Lookup with blob contents, a Manual with a renamed and a
/// nullable foreign key, a Computed with a Part; uuid/datetime/enum/decimal/float/varchar.
pub fn template() -> Ctx {
    let mut ctx = Ctx::new();
    let s = "workshop_sailor";
    ctx.declare(s, "Subject", Tier::Manual, "subject_id: uuid\n---\nname: varchar(32)  # who\nsex = \"U\": enum(\"M\", \"F\", \"U\")\nborn = null: datetime")
        .unwrap();
    ctx.declare(
        s,
        "MyParams",
        Tier::Lookup,
        "# parameter sets\nparam_name: varchar(32)\n---\nparams: blob  # dict of parameter values",
    )
    .unwrap();
    ctx.declare(
        s,
        "Pairing",
        Tier::Manual,
        "-> Subject\n-> Subject.proj(partner_id='subject_id')\n---\n-> [nullable] MyParams\nweight = 1.5: float\nscore = 2.50: decimal(5,2)\nnote = \"\": varchar(64)\nindex(note)",
    )
    .unwrap();
    ctx.declare(s, "MyAnalysis", Tier::Computed, "-> Pairing\n---\ntotal: double\nat = CURRENT_TIMESTAMP: timestamp")
        .unwrap();
    ctx.part("MyAnalysis", "Unit", "-> master\nunit_id: smallint unsigned\n---\nvalues: longblob").unwrap();
    let a = "1b4e28ba-2fa1-11d2-883f-0016d3cca427";
    let b = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";
    let w = &mut ctx.world;
    let o = InsertOptions { allow_direct_insert: true, ..Default::default() };
    let subject = TableName::new(s, "subject");
    w.insert(
        &subject,
        &[map(&[
            ("subject_id", a.into()),
            ("name", "Ann 'the' \\ \"first\"".into()),
            ("born", "2024-01-02 03:04:05".into()),
        ])],
        &o,
    )
    .unwrap();
    w.insert(&subject, &[map(&[("subject_id", b.into()), ("name", "Bo".into()), ("sex", "M".into())])], &o).unwrap();
    let params = Value::Map(BTreeMap::from([
        ("window".to_string(), Value::Float(0.25)),
        ("channels".to_string(), Value::List(vec![Value::Int(1), Value::Int(-2), Value::Null])),
        ("name".to_string(), Value::Str("é".into())),
        ("on".to_string(), Value::Bool(true)),
    ]));
    w.insert(&TableName::new(s, "#my_params"), &[map(&[("param_name", "default".into()), ("params", params)])], &o)
        .unwrap();
    let pairing = TableName::new(s, "pairing");
    w.insert(
        &pairing,
        &[map(&[("subject_id", a.into()), ("partner_id", b.into()), ("param_name", "default".into())])],
        &o,
    )
    .unwrap();
    w.insert(
        &pairing,
        &[map(&[("subject_id", b.into()), ("partner_id", a.into()), ("score", Value::Float(-3.25))])],
        &o,
    )
    .unwrap();
    w.insert(
        &TableName::new(s, "__my_analysis"),
        &[map(&[
            ("subject_id", a.into()),
            ("partner_id", b.into()),
            ("total", Value::Float(0.1)),
            ("at", "2025-05-06 07:08:09".into()),
        ])],
        &o,
    )
    .unwrap();
    w.insert(
        &TableName::new(s, "__my_analysis__unit"),
        &[map(&[
            ("subject_id", a.into()),
            ("partner_id", b.into()),
            ("unit_id", Value::Int(7)),
            ("values", Value::List(vec![Value::Float(1e-300), Value::Str("x".into())])),
        ])],
        &o,
    )
    .unwrap();
    ctx
}

/// Every table's `describe` (parents named by full name) and rows.
fn contents(world: &World, schema: &str) -> Vec<(String, String, Vec<Vec<Value>>)> {
    world
        .tables_in(schema)
        .into_iter()
        .map(|t| {
            let described = world.describe(&t, &|_| None).unwrap();
            let rows = world.fetch(&world.query(&t).unwrap(), &FetchSpec::default()).unwrap().rows;
            (t.table.clone(), described, rows)
        })
        .collect()
}

#[test]
fn export_then_import_gives_the_same_headings_and_rows() {
    let ctx = template();
    let sql = export_sql(&ctx.world, &["workshop_sailor".to_string()], true).unwrap();
    insta::assert_snapshot!("template_export", sql);
    let mut fresh = World::in_memory().unwrap();
    let done = import_sql(&mut fresh, &sql).unwrap();
    assert_eq!(done.tables.len(), 5);
    assert_eq!(done.rows, 7);
    assert!(done.unsupported.is_empty(), "{:?}", done.unsupported);
    let before = contents(&ctx.world, "workshop_sailor");
    let after = contents(&fresh, "workshop_sailor");
    assert_eq!(after, before);
    // Tiers and masters come back from the names.
    let part = fresh.table(&TableName::new("workshop_sailor", "__my_analysis__unit")).unwrap();
    assert_eq!(
        (part.tier, part.master.as_deref(), part.class_name.as_str()),
        (Tier::Part, Some("__my_analysis"), "Unit")
    );
    let lookup = fresh.table(&TableName::new("workshop_sailor", "#my_params")).unwrap();
    assert_eq!((lookup.tier, lookup.class_name.as_str()), (Tier::Lookup, "MyParams"));
}

#[test]
fn a_mysqldump_of_the_oracle_reads_back() {
    let src = std::fs::read_to_string("tests/dump/oracle_mysqldump.sql").unwrap();
    let mut world = World::in_memory().unwrap();
    let done = import_sql(&mut world, &src).unwrap();
    let summary = format!(
        "schemas: {:?}\nrows: {}\nunsupported: {:?}\n{}",
        done.schemas,
        done.rows,
        done.unsupported,
        contents(&world, "dump_oracle")
            .into_iter()
            .map(|(t, d, rows)| format!(
                "== {t}\n{d}{}\n",
                rows.iter().map(|r| format!("{r:?}")).collect::<Vec<_>>().join("\n")
            ))
            .collect::<String>()
    );
    insta::assert_snapshot!("oracle_mysqldump", summary);
}

#[test]
fn the_oracles_mysqldump_of_the_export_reads_back_as_the_template() {
    // The export run on the oracle, then dumped there with `mysqldump --hex-blob`.
    let src = std::fs::read_to_string("tests/dump/oracle_template_mysqldump.sql").unwrap();
    let mut world = World::in_memory().unwrap();
    import_sql(&mut world, &src).unwrap();
    // mysqldump writes the tables in name order.
    let sorted = |mut c: Vec<(String, String, Vec<Vec<Value>>)>| {
        c.sort_by(|a, b| a.0.cmp(&b.0));
        c
    };
    assert_eq!(sorted(contents(&world, "workshop_sailor")), sorted(contents(&template().world, "workshop_sailor")));
}

#[test]
fn mysql_8_dump_lines_read_back() {
    let src = std::fs::read_to_string("tests/dump/mysql8_lines.sql").unwrap();
    let mut world = World::in_memory().unwrap();
    let done = import_sql(&mut world, &src).unwrap();
    assert_eq!((done.tables.len(), done.rows, done.unsupported.len()), (1, 2, 0));
    let t = TableName::new("lab", "#kind");
    insta::assert_snapshot!(
        "mysql8_lines",
        format!(
            "{}{:?}",
            world.describe(&t, &|_| None).unwrap(),
            world.fetch(&world.query(&t).unwrap(), &FetchSpec::default()).unwrap().rows
        )
    );
}

#[test]
fn unique_foreign_keys_and_json_round_trip() {
    let mut ctx = Ctx::new();
    ctx.declare("workshop_u", "Probe", Tier::Lookup, "probe: varchar(8)\n---\nconfig = null: json").unwrap();
    let config =
        Value::Map(BTreeMap::from([("gain".to_string(), Value::List(vec![Value::Int(2), Value::Float(0.5)]))]));
    ctx.world
        .insert(&ctx.t("Probe"), &[map(&[("probe", "tetrode".into()), ("config", config)])], &InsertOptions::default())
        .unwrap();
    ctx.declare("workshop_u", "Rig", Tier::Manual, "rig: int\n---\n-> [unique] Probe\nunique index(rig, probe)")
        .unwrap();
    let sql = export_sql(&ctx.world, &["workshop_u".to_string()], true).unwrap();
    assert!(sql.contains("('tetrode','{\"gain\":[2,0.5]}')"), "{sql}");
    let mut fresh = World::in_memory().unwrap();
    import_sql(&mut fresh, &sql).unwrap();
    let back = contents(&fresh, "workshop_u");
    assert!(
        back[1].1.starts_with(
            "rig                  : int                          \n---\n-> [unique] `workshop_u`.`#probe`\n"
        ),
        "{}",
        back[1].1
    );
    assert_eq!(back, contents(&ctx.world, "workshop_u"));
}

#[test]
fn a_malformed_dump_is_an_error_with_its_line() {
    let mut world = World::in_memory().unwrap();
    let err =
        import_sql(&mut world, "CREATE DATABASE d;\n\nCREATE TABLE d.t (\n  x int NOT NULL,\n  PRIMARY KEY (x)\n;\n")
            .unwrap_err();
    assert_eq!(err.kind, Kind::QuerySyntaxError);
    assert!(err.message.starts_with("ERROR 1064 (42000) at line 3: "), "{}", err.message);
    let err = import_sql(&mut world, "CREATE DATABASE e;\nINSERT INTO e.t VALUES ('unclosed);\n").unwrap_err();
    assert!(err.message.starts_with("ERROR 1064 (42000) at line 2: "), "{}", err.message);
}

#[test]
fn unsupported_statements_are_listed() {
    let mut world = World::in_memory().unwrap();
    let src = "/*!40101 SET NAMES utf8mb4 */;\nCREATE DATABASE d;\nUSE d;\nCREATE TABLE `t` (`x` int NOT NULL, PRIMARY KEY (`x`));\nLOCK TABLES `t` WRITE;\nINSERT INTO `t` VALUES (1),(2);\nUNLOCK TABLES;\nCREATE VIEW v AS SELECT x FROM t;\nGRANT SELECT ON d.* TO 'u'@'%';\n";
    let done = import_sql(&mut world, src).unwrap();
    assert_eq!(done.rows, 2);
    assert_eq!(done.unsupported.iter().map(|(l, _)| *l).collect::<Vec<_>>(), [8, 9]);
    assert!(done.unsupported[0].1.starts_with("CREATE VIEW"), "{:?}", done.unsupported);
}

#[test]
fn the_cli_imports_into_the_workspace_and_into_a_new_scenario() {
    use assert_cmd::Command;
    use predicates::str::contains;
    let tmp = tempfile::tempdir().unwrap();
    let workspace = tmp.path().join("ws");
    std::fs::create_dir(&workspace).unwrap();
    let dump = std::path::Path::new("tests/dump/oracle_mysqldump.sql").canonicalize().unwrap();
    let bin = || Command::cargo_bin("djsandbox").unwrap();
    bin()
        .arg("--workspace")
        .arg(&workspace)
        .args(["import", "--sql"])
        .arg(&dump)
        .assert()
        .success()
        .stdout(contains("1 schema(s), 5 table(s), 9 row(s) loaded into your world"))
        .stdout(contains("line 181: CREATE TABLE `dump_oracle`.`~log` (DataJoint's own; not loaded)"));
    // The imported schema exports again, rows included.
    bin()
        .arg("--workspace")
        .arg(&workspace)
        .args(["export", "--sql", "--data", "dump_oracle"])
        .assert()
        .success()
        .stdout(contains("CREATE TABLE IF NOT EXISTS `dump_oracle`.`__score__detail` ("))
        .stdout(contains(
            "(0x11111111222233334444555555555555,1,'fast',0xAAAAAAAABBBBCCCCDDDDEEEEEEEEEEEE,'2024-05-06 07:08:09',1)",
        ));
    let scenarios = tmp.path().join("scenarios");
    bin()
        .args(["import", "--sql"])
        .arg(&dump)
        .arg("--scenario")
        .arg(scenarios.join("lab"))
        .assert()
        .success()
        .stdout(contains("loaded into the scenario"));
    let scenario =
        djsandbox::scenario::Scenario::load(&djsandbox::scenario::Scenarios::new(Some(scenarios)), "lab").unwrap();
    let world = scenario.world().unwrap();
    assert_eq!(world.count(&TableName::new("dump_oracle", "run")).unwrap(), 2);
}
