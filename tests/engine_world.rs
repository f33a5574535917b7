//! Worlds: schemas, persistence, redeclaration, drop and delete_quick.

mod common;

use common::{common, Ctx};
use djsandbox::engine::{Declared, Error, FetchSpec, InsertOptions, Kind, Restriction, Row, Tier, Value, World};

fn row(pairs: &[(&str, Value)]) -> Row {
    Row::Map(pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect())
}

#[test]
fn a_world_file_reopens_with_every_table_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("world.sqlite");
    let described;
    {
        let mut ctx = Ctx::with_world(World::open(&path).unwrap());
        common(&mut ctx);
        ctx.declare("workshop_sailor", "Thing", Tier::Manual, "# things\n-> Subject\nthing : int # the id\n---\n-> [nullable] Nwbfile\nnote = \"n/a\" : varchar(8)\nunique index (note)")
            .unwrap();
        ctx.world
            .insert(&ctx.t("Subject"), &[row(&[("subject_id", "mango".into())])], &InsertOptions::default())
            .unwrap();
        ctx.world
            .insert(
                &ctx.t("Thing"),
                &[row(&[("subject_id", "mango".into()), ("thing", Value::Int(1))])],
                &InsertOptions::default(),
            )
            .unwrap();
        described = ctx.describe("Thing");
    }
    let mut ctx = Ctx::with_world(World::open(&path).unwrap());
    for (class, table) in [
        ("Subject", ("common_subject", "subject")),
        ("Nwbfile", ("common_nwbfile", "nwbfile")),
        ("Thing", ("workshop_sailor", "thing")),
    ] {
        ctx.names.insert(class.into(), djsandbox::engine::TableName::new(table.0, table.1));
    }
    assert_eq!(ctx.describe("Thing"), described);
    assert_eq!(
        described,
        "# things\n-> Subject\nthing                : int                          # the id\n---\n-> [nullable] Nwbfile\nnote=\"n/a\"           : varchar(8)                   \nUNIQUE INDEX (note)\n"
    );
    assert_eq!(ctx.world.list_schemas(), ["common_nwbfile", "common_subject", "workshop_sailor"]);
    let rows = ctx.world.fetch(&ctx.world.query(&ctx.t("Thing")).unwrap(), &FetchSpec::default()).unwrap();
    assert_eq!(rows.rows, vec![vec!["mango".into(), Value::Int(1), Value::Null, "n/a".into()]]);
    // Constraints survive too.
    let err = ctx
        .world
        .insert(
            &ctx.t("Thing"),
            &[row(&[("subject_id", "kiwi".into()), ("thing", Value::Int(1))])],
            &InsertOptions::default(),
        )
        .unwrap_err();
    assert_eq!(err.code, Some(1452));
}

#[test]
fn redeclaring_keeps_the_existing_table() {
    let mut ctx = Ctx::new();
    ctx.declare("s", "MyAnalysis", Tier::Manual, "id : int\n---\nresult : float").unwrap();
    let again = ctx
        .declare_outcome("s", "MyAnalysis", Tier::Manual, "id : int\n---\nresult : float\nmean_result : float")
        .unwrap();
    assert!(matches!(again, Declared::Existing(_)));
    assert_eq!(ctx.world.table(&ctx.t("MyAnalysis")).unwrap().names(), ["id", "result"]);
}

#[test]
fn declaration_errors() {
    let mut ctx = Ctx::new();
    assert_eq!(
        ctx.declare("s", "NoKey", Tier::Manual, "---\nx : int").unwrap_err(),
        Error::dj("Table must have a primary key")
    );
    assert_eq!(
        ctx.declare("s", "Orphan", Tier::Manual, "-> Missing\nx : int").unwrap_err(),
        Error::dj("Foreign key reference Missing could not be resolved")
    );
    assert_eq!(
        ctx.declare("s", "Texty", Tier::Manual, "x : text").unwrap_err(),
        Error::dj("Unsupported attribute type text")
    );
    // DataJoint keeps the first of two attributes with the same name.
    ctx.declare("s", "Twice", Tier::Manual, "x : int\n---\nx : varchar(8)").unwrap();
    assert_eq!(ctx.world.table(&ctx.t("Twice")).unwrap().names(), ["x"]);
    let err = ctx.declare("s", "BadIndex", Tier::Manual, "x : int\n---\nindex(y)").unwrap_err();
    assert_eq!(err, Error::mysql(Kind::OperationalError, 1072, "Key column 'y' doesn't exist in table"));
    let err = ctx.declare("s", "BlobKey", Tier::Manual, "x : longblob").unwrap_err();
    assert_eq!(err.code, Some(1170));
    // Nothing half-declared stays behind.
    assert_eq!(ctx.world.tables_in("s").len(), 1);
}

#[test]
fn drop_takes_dependents_and_refuses_parts_and_restrictions() {
    let mut ctx = Ctx::new();
    common(&mut ctx);
    ctx.declare("w", "MyGrouping", Tier::Manual, "group_id : int\n---\nname : varchar(8)").unwrap();
    ctx.part("MyGrouping", "MyUnit", "-> master\n-> Subject").unwrap();
    ctx.declare("w", "Downstream", Tier::Manual, "-> MyGrouping").unwrap();
    let part = ctx.world.query(&ctx.t("MyGrouping.MyUnit")).unwrap();
    assert_eq!(
        ctx.world.drop_plan(&part, false).unwrap_err(),
        Error::dj("Cannot drop a Part directly.  Delete from master instead")
    );
    assert_eq!(
        ctx.world.drop_plan(&part, true).unwrap_err(),
        Error::dj("Attempt to drop part table `w`.`my_grouping__my_unit` before dropping its master. Drop `w`.`my_grouping` first.")
    );
    let restricted = ctx
        .world
        .restrict(
            &ctx.world.query(&ctx.t("MyGrouping")).unwrap(),
            &Restriction::Map(vec![("group_id".into(), Value::Int(1))]),
        )
        .unwrap();
    assert_eq!(
        ctx.world.drop_plan(&restricted, false).unwrap_err(),
        Error::dj("A table with an applied restriction cannot be dropped. Call drop() on the unrestricted Table.")
    );
    let plan = ctx.world.drop_plan(&ctx.world.query(&ctx.t("MyGrouping")).unwrap(), false).unwrap();
    let names: Vec<String> = plan.iter().map(|(t, _)| t.full()).collect();
    assert_eq!(names, ["`w`.`my_grouping`", "`w`.`my_grouping__my_unit`", "`w`.`downstream`"]);
    ctx.world.drop_tables(&plan).unwrap();
    assert!(ctx.world.tables_in("w").is_empty());
    // Dropping a table that is still referenced fails as MySQL 8.0 fails it.
    let err = ctx.world.drop_quick(&ctx.t("Nwbfile")).unwrap_err();
    assert_eq!(
        err,
        Error::mysql(
            Kind::OperationalError,
            3730,
            "Cannot drop table 'nwbfile' referenced by a foreign key constraint 'analysis_nwbfile_ibfk_1' on table 'analysis_nwbfile'."
        )
    );
}

#[test]
fn delete_quick_refuses_referenced_rows() {
    let mut ctx = Ctx::new();
    common(&mut ctx);
    let s = ctx.t("Subject");
    ctx.world
        .insert(
            &s,
            &[row(&[("subject_id", "mango".into())]), row(&[("subject_id", "kiwi".into())])],
            &InsertOptions::default(),
        )
        .unwrap();
    let sess = ctx.declare("w", "Sess", Tier::Manual, "-> Subject\nn : int").unwrap();
    ctx.world
        .insert(&sess, &[row(&[("subject_id", "mango".into()), ("n", Value::Int(1))])], &InsertOptions::default())
        .unwrap();
    let err = ctx.world.delete_quick(&ctx.world.query(&s.clone()).unwrap()).unwrap_err();
    assert_eq!(
        err,
        Error::mysql(
            Kind::IntegrityError,
            1451,
            "Cannot delete or update a parent row: a foreign key constraint fails (`w`.`sess`, CONSTRAINT `sess_ibfk_1` FOREIGN KEY (`subject_id`) REFERENCES `common_subject`.`subject` (`subject_id`) ON DELETE RESTRICT ON UPDATE CASCADE)"
        )
    );
    assert_eq!(ctx.world.count(&s).unwrap(), 2);
    let kiwi = ctx
        .world
        .restrict(&ctx.world.query(&s.clone()).unwrap(), &Restriction::Map(vec![("subject_id".into(), "kiwi".into())]))
        .unwrap();
    assert_eq!(ctx.world.delete_quick(&kiwi).unwrap(), 1);
    assert_eq!(ctx.world.count(&s).unwrap(), 1);
}

#[test]
fn schemas_list_and_drop() {
    let mut ctx = Ctx::new();
    common(&mut ctx);
    ctx.declare("workshop_sailor", "Mine", Tier::Manual, "-> Subject").unwrap();
    assert_eq!(ctx.world.drop_schema("common_subject").unwrap_err().code, Some(3730));
    ctx.world.drop_schema("workshop_sailor").unwrap();
    ctx.world.drop_schema("common_subject").unwrap();
    assert_eq!(ctx.world.list_schemas(), ["common_nwbfile"]);
}

#[test]
fn declaring_inside_a_transaction_is_refused() {
    let mut ctx = Ctx::new();
    ctx.world.create_schema("s").unwrap();
    let err = ctx
        .world
        .atomically(|w| {
            w.declare(
                &djsandbox::engine::Declaration {
                    schema: "s",
                    class_name: "T",
                    tier: Tier::Manual,
                    master: None,
                    definition: "x : int",
                },
                &|_| None,
            )
        })
        .unwrap_err();
    assert_eq!(err, Error::dj("Cannot declare new tables inside a transaction, e.g. from inside a populate/make call"));
}

#[test]
fn dependency_graph_across_schemas() {
    let mut ctx = Ctx::new();
    common(&mut ctx);
    ctx.declare("w", "A", Tier::Manual, "a : int").unwrap();
    ctx.declare("w", "B", Tier::Manual, "-> A\nb : int\n---\n-> [nullable] Subject").unwrap();
    ctx.part("B", "Part", "-> master\np : int").unwrap();
    ctx.declare("w", "C", Tier::Computed, "-> B").unwrap();
    let full = |ts: Vec<djsandbox::engine::TableName>| ts.iter().map(|t| t.full()).collect::<Vec<_>>();
    assert_eq!(full(ctx.world.parents(&ctx.t("B"))), ["`w`.`a`", "`common_subject`.`subject`"]);
    assert_eq!(full(ctx.world.children(&ctx.t("B"))), ["`w`.`b__part`", "`w`.`__c`"]);
    // DataJoint: descendants start with the table itself, parts right behind their masters.
    assert_eq!(full(ctx.world.descendants(&ctx.t("A"))), ["`w`.`a`", "`w`.`b`", "`w`.`b__part`", "`w`.`__c`"]);
    // Ancestors: the table first, then upstream in reverse topological order.
    assert_eq!(
        full(ctx.world.ancestors(&ctx.t("C"))),
        ["`w`.`__c`", "`w`.`b`", "`w`.`a`", "`common_subject`.`subject`"]
    );
    assert_eq!(full(ctx.world.parts(&ctx.t("B"))), ["`w`.`b__part`"]);
}

struct Answer(bool, Vec<String>);

impl djsandbox::engine::delete::Console for Answer {
    fn log(&mut self, _: djsandbox::engine::delete::Level, _: &str) {}
    fn confirm(&mut self, prompt: &str, choices: &str) -> bool {
        self.1.push(format!("{prompt} {choices}: "));
        self.0
    }
}

#[test]
fn list_tables_is_topological_and_schema_drop_asks() {
    let mut ctx = Ctx::new();
    ctx.declare("w", "Zeta", Tier::Manual, "z : int").unwrap();
    ctx.declare("w", "Alpha", Tier::Manual, "-> Zeta\na : int").unwrap();
    ctx.part("Zeta", "Part", "-> master\np : int").unwrap();
    ctx.declare("w", "Params", Tier::Lookup, "param : int").unwrap();
    // oracle (the same declarations through the rhai bridge): networkx sorts by generations, so
    // #params (no parents) comes before alpha (a child of zeta); the part follows its master.
    assert_eq!(ctx.world.list_tables("w"), ["zeta", "zeta__part", "#params", "alpha"]);
    let mut no = Answer(false, vec![]);
    assert!(!ctx.world.drop_schema_checked("w", false, true, &mut no).unwrap());
    // oracle prompt: "Proceed to delete entire schema `db`? [yes, No]: "
    assert_eq!(no.1, ["Proceed to delete entire schema `w`? [yes, No]: "]);
    assert!(ctx.world.schema_exists("w"));
    assert!(ctx.world.drop_schema_checked("w", true, true, &mut no).unwrap());
    assert!(!ctx.world.schema_exists("w"));
    assert!(!ctx.world.drop_schema_checked("w", true, true, &mut no).unwrap());
}

#[test]
fn list_tables_sorts_the_whole_graph_by_generations() {
    // The deck's pipeline under an upstream schema, declared in flow.rhai's order; oracle
    // (flow.rhai through the rhai bridge): ['#my_params', '_raw_size', 'subj_blinded',
    // 'my_grouping', 'my_grouping__my_unit', 'my_analysis_selection', '__my_analysis'].
    // _raw_size, declared last, is a child of the upstream Subject and so of the first
    // generation after it; the renamed foreign key's edge comes after the plain ones.
    let mut ctx = Ctx::new();
    ctx.declare("flow_common", "Subject", Tier::Manual, "subject_id : varchar(16)").unwrap();
    ctx.declare("flow_workshop", "MyParams", Tier::Lookup, "param_name : varchar(32)").unwrap();
    let blinded = "subject_id : uuid\n---\n-> Subject.proj(actual_id='subject_id')";
    ctx.declare("flow_workshop", "SubjBlinded", Tier::Manual, blinded).unwrap();
    ctx.declare("flow_workshop", "MyGrouping", Tier::Manual, "group_id : int auto_increment").unwrap();
    ctx.part("MyGrouping", "MyUnit", "-> MyGrouping\n-> Subject").unwrap();
    ctx.declare("flow_workshop", "MyAnalysisSelection", Tier::Manual, "-> SubjBlinded\n-> MyParams").unwrap();
    ctx.declare("flow_workshop", "RawSize", Tier::Imported, "-> Subject\n---\nn_bytes : int").unwrap();
    ctx.declare("flow_workshop", "MyAnalysis", Tier::Computed, "-> MyAnalysisSelection\n---\nresult : float").unwrap();
    assert_eq!(
        ctx.world.list_tables("flow_workshop"),
        [
            "#my_params",
            "_raw_size",
            "subj_blinded",
            "my_grouping",
            "my_grouping__my_unit",
            "my_analysis_selection",
            "__my_analysis"
        ]
    );
    assert_eq!(ctx.world.list_tables("flow_common"), ["subject"]);
}
