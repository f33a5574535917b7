//! The seed deck's tables, declared and described as DataJoint 0.14 on MySQL 8.0 does.
//! Expected texts are the oracle's (DataJoint 0.14.10) output, with MySQL 8.0's type names.

mod common;

use common::{common, Ctx};
use djsandbox::engine::{Tier, Value};

fn seed() -> Ctx {
    let mut ctx = Ctx::new();
    common(&mut ctx);
    let s = "workshop_sailor";
    ctx.declare(s, "UpstreamUnit", Tier::Manual, "unit_id : int").unwrap();
    ctx.declare(
        s,
        "MyParams",
        Tier::Lookup,
        "\n    param_name : varchar(32)\n    ---\n    params     : blob           # dict of parameter values\n    ",
    )
    .unwrap();
    ctx.declare(s, "SubjBlinded", Tier::Manual, "subject_id : uuid\n---\n-> Subject.proj(actual_id='subject_id')")
        .unwrap();
    ctx.declare(s, "MyGrouping", Tier::Manual, "group_id : int auto_increment\n---\ngroup_name : varchar(64)").unwrap();
    ctx.part("MyGrouping", "MyUnit", "-> MyGrouping\n-> UpstreamUnit").unwrap();
    ctx.declare(s, "MyAnalysisSelection", Tier::Manual, "-> SubjBlinded\n-> MyParams").unwrap();
    ctx.declare(
        s,
        "MyAnalysis",
        Tier::Computed,
        "-> MyAnalysisSelection\n---\n-> AnalysisNwbfile    # by convention, results go into an NWB file",
    )
    .unwrap();
    ctx
}

#[test]
fn seed_tables_get_datajoint_names() {
    let ctx = seed();
    let full: Vec<String> =
        ["MyParams", "SubjBlinded", "MyGrouping", "MyGrouping.MyUnit", "MyAnalysisSelection", "MyAnalysis"]
            .iter()
            .map(|c| ctx.t(c).full())
            .collect();
    assert_eq!(
        full,
        [
            "`workshop_sailor`.`#my_params`",
            "`workshop_sailor`.`subj_blinded`",
            "`workshop_sailor`.`my_grouping`",
            "`workshop_sailor`.`my_grouping__my_unit`",
            "`workshop_sailor`.`my_analysis_selection`",
            "`workshop_sailor`.`__my_analysis`",
        ]
    );
}

#[test]
fn seed_tables_describe_as_datajoint() {
    let ctx = seed();
    // oracle: MyParams.describe()
    assert_eq!(
        ctx.describe("MyParams"),
        "param_name           : varchar(32)                  \n---\nparams               : blob                         # dict of parameter values\n"
    );
    // oracle: SubjBlinded.describe()
    assert_eq!(
        ctx.describe("SubjBlinded"),
        "subject_id           : uuid                         \n---\n-> Subject.proj(actual_id=\"subject_id\")\n"
    );
    // oracle: MyGrouping.describe()
    assert_eq!(
        ctx.describe("MyGrouping"),
        "group_id             : int auto_increment           \n---\ngroup_name           : varchar(64)                  \n"
    );
    assert_eq!(ctx.describe("MyGrouping.MyUnit"), "-> MyGrouping\n-> UpstreamUnit\n");
    assert_eq!(ctx.describe("MyAnalysisSelection"), "-> SubjBlinded\n-> MyParams\n");
    assert_eq!(ctx.describe("MyAnalysis"), "-> MyAnalysisSelection\n---\n-> AnalysisNwbfile\n");
}

#[test]
fn seed_headings_follow_declaration_order() {
    let ctx = seed();
    let h = ctx.world.table(&ctx.t("MyAnalysis")).unwrap();
    // oracle: MyAnalysis.heading.names
    assert_eq!(h.names(), ["subject_id", "param_name", "analysis_file_name"]);
    assert_eq!(h.primary_key(), ["subject_id", "param_name"]);
    let sb = ctx.world.table(&ctx.t("SubjBlinded")).unwrap();
    assert_eq!(sb.names(), ["subject_id", "actual_id"]);
    let types: Vec<String> = sb.attributes.iter().map(|a| a.type_name()).collect();
    assert_eq!(types, ["uuid", "varchar(80)"]);
}

#[test]
fn example_slide_table_describes_with_comments_and_renamed_fk() {
    let mut ctx = Ctx::new();
    common(&mut ctx);
    ctx.declare(
        "workshop_sailor",
        "ExampleTable",
        Tier::Manual,
        "  # table-level comment shown in dj.Diagram\n    primary_key1 : uuid        # unique random ID\n    \
         primary_key2 : int         # integer\n    ---\n    secondary_field : varchar(32)  # string, max 32 chars\n    \
         blob_field      : blob         # any Python object (dict, array, …)\n    \
         -> Subject                     # foreign key: inherits Subject's PK\n    \
         -> Subject.proj(src='subject_id')  # foreign key with renamed column\n    ",
    )
    .unwrap();
    // oracle: Example.describe()
    assert_eq!(
        ctx.describe("ExampleTable"),
        "# table-level comment shown in dj.Diagram\n\
         primary_key1         : uuid                         # unique random ID\n\
         primary_key2         : int                          # integer\n\
         ---\n\
         secondary_field      : varchar(32)                  # string, max 32 chars\n\
         blob_field           : blob                         # any Python object (dict, array, …)\n\
         -> Subject\n\
         -> Subject.proj(src=\"subject_id\")\n"
    );
}

#[test]
fn every_type_describes_with_mysql8_names_and_defaults() {
    let mut ctx = Ctx::new();
    ctx.declare(
        "s",
        "Kinds",
        Tier::Manual,
        "# every type\nk : int unsigned\n---\nt = 5 : tinyint\ns = 3 : smallint unsigned\nb = 1 : bool\n\
         f = 1.5 : float\nd = 2.5 : double\ndec = 99.999 : decimal(5,2)\nc = \"ab\" : char(4)\n\
         v = \"x y\" : varchar(16)\ne = \"U\" : enum(\"M\", 'F', \"U\")\ndt = \"2024-02-29\" : date\n\
         dtt = \"2024-01-02 03:04:05\" : datetime\nts = CURRENT_TIMESTAMP : timestamp\ntm = \"01:02:03\" : time\n\
         j = null : json\nlb = null : longblob\nu = null : uuid\nbig = null : bigint",
    )
    .unwrap();
    // oracle (MariaDB) with MySQL 8.0's differences: json stays `json`, the timestamp default is
    // CURRENT_TIMESTAMP (MariaDB: "current_timestamp()").
    assert_eq!(
        ctx.describe("Kinds"),
        "# every type\n\
         k                    : int unsigned                 \n\
         ---\n\
         t=5                  : tinyint                      \n\
         s=3                  : smallint unsigned            \n\
         b=1                  : tinyint                      \n\
         f=1.5                : float                        \n\
         d=2.5                : double                       \n\
         dec=100.00           : decimal(5,2)                 \n\
         c=\"ab\"               : char(4)                      \n\
         v=\"x y\"              : varchar(16)                  \n\
         e=\"U\"                : enum('M','F','U')            \n\
         dt=\"2024-02-29\"      : date                         \n\
         dtt=\"2024-01-02 03:04:05\" : datetime                     \n\
         ts=CURRENT_TIMESTAMP : timestamp                    \n\
         tm=\"01:02:03\"        : time                         \n\
         j=null               : json                         \n\
         lb=null              : longblob                     \n\
         u=null               : uuid                         \n\
         big=null             : bigint                       \n"
    );
    // Defaults fill a row given only its key.
    let t = ctx.t("Kinds");
    ctx.world
        .insert(&t, &[djsandbox::engine::Row::Map(vec![("k".into(), Value::Int(1))])], &Default::default())
        .unwrap();
    let rows = ctx.world.fetch(&ctx.world.query(&t).unwrap(), &Default::default()).unwrap();
    let row = &rows.rows[0];
    assert_eq!(row[1], Value::Int(5));
    assert_eq!(row[6], Value::Float(100.0));
    assert_eq!(row[8], Value::from("x y"));
    assert_eq!(row[9], Value::from("U"));
    assert_eq!(row[14], Value::Null);
}

#[test]
fn seed_pipeline_rows_flow_through_uuid_keys_and_blobs() {
    use djsandbox::engine::hash::key_hash;
    use djsandbox::engine::{FetchSpec, InsertOptions, Restriction, Row};
    let mut ctx = seed();
    let subject = ctx.t("Subject");
    let subjects: Vec<Row> =
        ["mango", "kiwi"].iter().map(|s| Row::Map(vec![("subject_id".into(), (*s).into())])).collect();
    ctx.world.insert(&subject, &subjects, &InsertOptions::default()).unwrap();
    let params =
        Value::Map([("window_s".to_string(), Value::Float(1.0)), ("threshold".to_string(), Value::Float(0.5))].into());
    ctx.world.insert_contents(&ctx.t("MyParams"), &[Row::Positional(vec!["default".into(), params.clone()])]).unwrap();
    // blind_subjects: subject_id = key_hash(key), the real id kept as actual_id.
    let keys = ctx
        .world
        .fetch(&ctx.world.query(&subject).unwrap(), &FetchSpec { attrs: vec!["KEY".into()], ..Default::default() })
        .unwrap();
    let blinded: Vec<Row> = keys
        .rows
        .iter()
        .map(|k| {
            let hash = key_hash([("subject_id", &k[0])]);
            Row::Map(vec![("subject_id".into(), hash.into()), ("actual_id".into(), k[0].clone())])
        })
        .collect();
    ctx.world
        .insert(&ctx.t("SubjBlinded"), &blinded, &InsertOptions { skip_duplicates: true, ..Default::default() })
        .unwrap();
    let sb = ctx.world.fetch(&ctx.world.query(&ctx.t("SubjBlinded")).unwrap(), &FetchSpec::default()).unwrap();
    // key_hash gives 32 hex digits; stored as uuid they come back in canonical form.
    let mango = key_hash([("subject_id", &Value::from("mango"))]);
    let canonical = format!("{}-{}-{}-{}-{}", &mango[..8], &mango[8..12], &mango[12..16], &mango[16..20], &mango[20..]);
    assert!(sb.rows.contains(&vec![Value::Str(canonical.clone()), "mango".into()]), "{:?}", sb.rows);
    let selection =
        Row::Map(vec![("subject_id".into(), canonical.clone().into()), ("param_name".into(), "default".into())]);
    ctx.world.insert(&ctx.t("MyAnalysisSelection"), &[selection], &InsertOptions::default()).unwrap();
    let q = ctx
        .world
        .restrict(
            &ctx.world.query(&ctx.t("MyParams")).unwrap(),
            &Restriction::Map(vec![("param_name".into(), "default".into())]),
        )
        .unwrap();
    assert_eq!(ctx.world.fetch1(&q, &["params".into()]).unwrap().rows[0][0], params);
    // The Selection row refers to a Lookup row that does not exist: MySQL's 1452.
    let missing = Row::Map(vec![("subject_id".into(), canonical.into()), ("param_name".into(), "quick".into())]);
    let err = ctx.world.insert(&ctx.t("MyAnalysisSelection"), &[missing], &InsertOptions::default()).unwrap_err();
    assert_eq!(
        err.message,
        "Cannot add or update a child row: a foreign key constraint fails (`workshop_sailor`.`my_analysis_selection`, CONSTRAINT `my_analysis_selection_ibfk_2` FOREIGN KEY (`param_name`) REFERENCES `#my_params` (`param_name`) ON DELETE RESTRICT ON UPDATE CASCADE)"
    );
}

#[test]
fn class_names_must_be_camel_case() {
    let mut ctx = Ctx::new();
    let err = ctx.declare("s", "Table_With_Underscores", Tier::Manual, "x : int").unwrap_err();
    assert_eq!(
        err,
        djsandbox::engine::Error::dj("ClassName must be alphanumeric in CamelCase, begin with a capital letter")
    );
    let t = ctx.declare("s", "SelectPK", Tier::Computed, "x : int").unwrap();
    assert_eq!(t.table, "__select_p_k");
}

#[test]
fn bad_defaults_are_mysql_1067() {
    let mut ctx = Ctx::new();
    // oracle: `s = -3 : smallint unsigned` → OperationalError (1067, "Invalid default value for 's'")
    let err = ctx.declare("s", "Bad", Tier::Manual, "k : int\n---\ns = -3 : smallint unsigned").unwrap_err();
    assert_eq!(
        err,
        djsandbox::engine::Error::mysql(
            djsandbox::engine::Kind::OperationalError,
            1067,
            "Invalid default value for 's'"
        )
    );
}
