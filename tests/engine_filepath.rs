//! `filepath@store`: declaring, inserting and fetching paths in a store, the store's config and
//! the `~external_{store}` tracking table. Every text was checked on the oracle (DataJoint
//! 0.14.10 on MariaDB, with empty files under the stage); where MariaDB and MySQL 8.0 word a
//! foreign-key failure differently, the MySQL 8.0 text (its `ON DELETE ...` rules) is kept.

mod common;

use common::Ctx;
use djsandbox::engine::external::Settings;
use djsandbox::engine::{Error, FetchSpec, InsertOptions, Kind, Row, TableName, Tier, Value};

const STAGE: &str = "/data/raw";
const DEF: &str = "k: int\n---\np: filepath@raw   # the path\nq = null: filepath@raw";

fn map(pairs: &[(&str, Value)]) -> Row {
    Row::Map(pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect())
}

fn store(spec: &[(&str, &str)]) -> Value {
    let spec = spec.iter().map(|(k, v)| (k.to_string(), Value::from(*v))).collect();
    Value::Map([("raw".to_string(), Value::Map(spec))].into())
}

fn settings(ctx: &mut Ctx, enabled: bool, stores: Option<Value>) {
    ctx.world.set_external_settings(Settings { filepath_enabled: enabled, stores, cwd: "/work".into() });
}

/// A world with the switch on and the `raw` store at STAGE.
fn enabled() -> Ctx {
    let mut ctx = Ctx::new();
    settings(&mut ctx, true, Some(store(&[("protocol", "file"), ("location", STAGE), ("stage", STAGE)])));
    ctx
}

fn insert1(ctx: &mut Ctx, t: &TableName, row: &[(&str, Value)]) -> Result<(), Error> {
    ctx.world.insert(t, &[map(row)], &InsertOptions::default())
}

fn fetch(ctx: &Ctx, t: &TableName, attrs: &[&str]) -> Result<Vec<Vec<Value>>, Error> {
    let q = ctx.world.query(t)?;
    let spec = FetchSpec { attrs: attrs.iter().map(|a| a.to_string()).collect(), ..FetchSpec::default() };
    Ok(ctx.world.fetch(&q, &spec)?.rows)
}

fn declare_err(ctx: &mut Ctx, def: &str) -> (Kind, String) {
    let e = ctx.declare("fp", "F", Tier::Manual, def).unwrap_err();
    (e.kind, e.message)
}

#[test]
fn declaring_needs_the_switch_and_a_configured_store() {
    let mut ctx = Ctx::new();
    let disabled =
        "\n            The filepath data type is disabled until complete validation.\n            To turn it \
                    on as experimental feature, set the environment variable\n            \
                    DJ_SUPPORT_FILEPATH_MANAGEMENT = TRUE or upgrade datajoint.\n            ";
    assert_eq!(declare_err(&mut ctx, DEF), (Kind::DataJointError, disabled.to_string()));
    let dj = |m: &str| (Kind::DataJointError, m.to_string());
    let cases: Vec<(Option<Value>, (Kind, String))> = vec![
        (None, dj("Storage raw is requested but not configured")),
        (Some(Value::Map(Default::default())), dj("Storage raw is requested but not configured")),
        (Some(store(&[("location", STAGE)])), dj("Missing or invalid protocol in dj.config[\"stores\"][\"raw\"]")),
        (
            Some(store(&[("protocol", "ftp"), ("location", STAGE)])),
            dj("Missing or invalid protocol in dj.config[\"stores\"][\"raw\"]"),
        ),
        (Some(store(&[("protocol", "file")])), dj("dj.config[\"stores\"][\"raw\"] is missing \"location\"")),
        (
            Some(store(&[("protocol", "s3"), ("location", "/x")])),
            dj("dj.config[\"stores\"][\"raw\"] is missing \"endpoint\""),
        ),
        (
            Some(store(&[("protocol", "file"), ("location", STAGE), ("stage", STAGE), ("colour", "red")])),
            dj("Invalid key \"colour\" in dj.config[\"stores\"][\"raw\"]"),
        ),
        (Some(Value::from("abc")), (Kind::TypeError, "string indices must be integers, not 'str'".into())),
        (
            Some(Value::List(vec![Value::Int(1)])),
            (Kind::TypeError, "list indices must be integers or slices, not str".into()),
        ),
        (Some(Value::Int(5)), (Kind::TypeError, "'int' object is not subscriptable".into())),
        (
            Some(Value::Map([("raw".to_string(), Value::List(vec![]))].into())),
            (Kind::AttributeError, "'list' object has no attribute 'get'".into()),
        ),
        (
            Some(Value::Map([("raw".to_string(), Value::Map([("protocol".to_string(), Value::Null)].into()))].into())),
            (Kind::AttributeError, "'NoneType' object has no attribute 'lower'".into()),
        ),
        (
            Some(Value::Map(
                [(
                    "raw".to_string(),
                    Value::Map(
                        [("protocol".to_string(), "file".into()), ("location".to_string(), Value::Int(7))].into(),
                    ),
                )]
                .into(),
            )),
            (Kind::TypeError, "expected str, bytes or os.PathLike object, not int".into()),
        ),
    ];
    for (stores, expected) in cases {
        settings(&mut ctx, true, stores.clone());
        assert_eq!(declare_err(&mut ctx, DEF), expected, "{stores:?}");
    }
    assert!(ctx.world.table(&TableName::new("fp", "f")).is_none());
}

#[test]
fn a_filepath_cannot_be_in_the_primary_key() {
    let mut ctx = enabled();
    let e = declare_err(&mut ctx, "p: filepath@raw");
    // DataJoint raises this as it loads the heading (MySQL takes binary(16) in a key); the
    // sandbox refuses the declaration.
    assert_eq!(
        e,
        (
            Kind::DataJointError,
            "Json, Blob, attachment, or filepath attributes are not allowed in the primary key".into()
        )
    );
}

#[test]
fn declared_tables_describe_and_track_their_store() {
    let mut ctx = enabled();
    let f = ctx.declare("fp", "F", Tier::Manual, DEF).unwrap();
    assert_eq!(
        ctx.describe("F"),
        "k                    : int                          \n---\np                    : filepath@raw                 # the path\n\
         q=null               : filepath@raw                 \nINDEX (p)\nINDEX (q)\n"
    );
    let info = ctx.world.table(&f).unwrap();
    assert_eq!(info.attributes[1].type_name(), "filepath@raw");
    // The tracking table is declared with the table, and left out of list_tables.
    assert_eq!(ctx.world.list_tables("fp"), ["f"]);
    let tables: Vec<String> = ctx.world.tables_in("fp").into_iter().map(|t| t.table).collect();
    assert_eq!(tables, ["~external_raw", "f"]);
    let tracking = TableName::new("fp", "~external_raw");
    let namer = |_: &TableName| None;
    assert_eq!(
        ctx.world.describe(&tracking, &namer).unwrap(),
        [
            "# external storage tracking",
            "hash                 : uuid                         # hash of contents (blob), of filename + contents \
             (attach), or relative filepath (filepath)",
            "---",
            "size                 : bigint unsigned              # size of object in bytes",
            "attachment_name=null : varchar(255)                 # the filename of an attachment",
            "filepath=null        : varchar(1000)                # relative filepath or attachment filename",
            "contents_hash=null   : uuid                         # used for the filepath datatype",
            "timestamp=CURRENT_TIMESTAMP : timestamp                    # automatic timestamp",
            "",
        ]
        .join("\n")
    );
}

#[test]
fn constraints_count_external_references_in_declaration_order() {
    let mut ctx = enabled();
    ctx.declare("fp", "P", Tier::Manual, "pk: int").unwrap();
    let g = ctx.declare("fp", "G", Tier::Manual, "k: int\n---\np: filepath@raw\n-> P\nq = null: filepath@raw").unwrap();
    let info = ctx.world.table(&g).unwrap();
    let names: Vec<(String, String)> = info.constraints().into_iter().map(|c| (c.name, c.parent.table)).collect();
    // oracle: g_ibfk_1 → ~external_raw (p), g_ibfk_2 → p (pk), g_ibfk_3 → ~external_raw (q);
    // MySQL's keys p, pk, q in that order.
    assert_eq!(
        names,
        [("g_ibfk_1", "~external_raw"), ("g_ibfk_2", "p"), ("g_ibfk_3", "~external_raw")]
            .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    assert_eq!(info.constraint_name(0), "g_ibfk_2");
    let keys: Vec<&str> = info.indexes.iter().map(|i| i.attributes[0].as_str()).collect();
    assert_eq!(keys, ["p", "pk", "q"]);
    // The external references are no dependencies.
    assert_eq!(ctx.world.parents(&g), [TableName::new("fp", "p")]);
    insert1(&mut ctx, &TableName::new("fp", "p"), &[("pk", Value::Int(1))]).unwrap();
    let e = insert1(&mut ctx, &g, &[("k", Value::Int(2)), ("p", "/data/raw/a.nwb".into()), ("pk", Value::Int(7))]);
    assert_eq!(
        e.unwrap_err().message,
        "Cannot add or update a child row: a foreign key constraint fails (`fp`.`g`, CONSTRAINT `g_ibfk_2` FOREIGN \
         KEY (`pk`) REFERENCES `p` (`pk`) ON DELETE RESTRICT ON UPDATE CASCADE)"
    );
}

#[test]
fn inserts_take_paths_under_the_stage_and_fetches_give_them_back() {
    let mut ctx = enabled();
    let f = ctx.declare("fp", "F", Tier::Manual, DEF).unwrap();
    insert1(&mut ctx, &f, &[("k", Value::Int(1)), ("p", "/data/raw/a.nwb".into())]).unwrap();
    insert1(
        &mut ctx,
        &f,
        &[("k", Value::Int(2)), ("p", "/data//raw/./sub/b.nwb".into()), ("q", "/data/raw/a.nwb".into())],
    )
    .unwrap();
    insert1(&mut ctx, &f, &[("k", Value::Int(3)), ("p", "/data/raw/../raw/a.nwb".into())]).unwrap();
    // oracle: the parent of the path in the message; the stage itself is a directory.
    for (path, kind, message) in [
        (Value::from("/tmp/other/c.nwb"), Kind::DataJointError, "The path /tmp/other is not in stage /data/raw"),
        (Value::from("a.nwb"), Kind::DataJointError, "The path . is not in stage /data/raw"),
        (Value::from(""), Kind::DataJointError, "The path . is not in stage /data/raw"),
        (Value::from("/data/rawx/a.nwb"), Kind::DataJointError, "The path /data/rawx is not in stage /data/raw"),
        (Value::Int(5), Kind::TypeError, "expected str, bytes or os.PathLike object, not int"),
        (
            Value::Bytes(b"x".to_vec()),
            Kind::TypeError,
            "argument should be a str object or an os.PathLike object returning str, not <class 'bytes'>",
        ),
        (Value::from("/data/raw/"), Kind::IsADirectoryError, "[Errno 21] Is a directory: '/data/raw'"),
        (Value::Null, Kind::MissingAttributeError, "Field 'p' doesn't have a default value"),
    ] {
        let e = insert1(&mut ctx, &f, &[("k", Value::Int(9)), ("p", path.clone())]).unwrap_err();
        assert_eq!((e.kind, e.message.as_str()), (kind, message), "{path:?}");
    }
    let rows = fetch(&ctx, &f, &[]).unwrap();
    assert_eq!(
        rows,
        [
            vec![Value::Int(1), "/data/raw/a.nwb".into(), Value::Null],
            vec![Value::Int(2), "/data/raw/sub/b.nwb".into(), "/data/raw/a.nwb".into()],
            vec![Value::Int(3), "/data/raw/../raw/a.nwb".into(), Value::Null],
        ]
    );
    // The tracking rows: the relative paths, of virtual (empty) files.
    let tracking = TableName::new("fp", "~external_raw");
    let tracked = fetch(&ctx, &tracking, &["filepath", "size", "contents_hash"]).unwrap();
    let mut tracked: Vec<String> = tracked.iter().map(|r| format!("{:?}", r)).collect();
    tracked.sort();
    let row = |p: &str| format!("[Str({p:?}), Int(0), Str(\"d41d8cd9-8f00-b204-e980-0998ecf8427e\")]");
    assert_eq!(tracked, [row("../raw/a.nwb"), row("a.nwb"), row("sub/b.nwb")]);
    // The hash is the MD5 of the relative path (oracle: 'a.nwb' → 54dba21b-0413-e0e6-53cb-0ac754420b53).
    let hashes = fetch(&ctx, &tracking, &["hash", "filepath"]).unwrap();
    assert!(hashes.contains(&vec!["54dba21b-0413-e0e6-53cb-0ac754420b53".into(), "a.nwb".into()]));
    // Deleting rows leaves their paths tracked; a tracked path is referenced.
    let q = ctx.world.query(&f).unwrap();
    ctx.world.delete_quick(&q).unwrap();
    assert_eq!(ctx.world.count(&f).unwrap(), 0);
    assert_eq!(ctx.world.count(&tracking).unwrap(), 3);
}

#[test]
fn the_tracking_rows_are_referenced() {
    let mut ctx = enabled();
    let f = ctx.declare("fp", "F", Tier::Manual, DEF).unwrap();
    insert1(&mut ctx, &f, &[("k", Value::Int(1)), ("p", "/data/raw/a.nwb".into())]).unwrap();
    let tracking = TableName::new("fp", "~external_raw");
    let q = ctx.world.query(&tracking).unwrap();
    let e = ctx.world.delete_quick(&q).unwrap_err();
    assert_eq!(
        (e.kind, e.message.as_str()),
        (
            Kind::IntegrityError,
            "Cannot delete or update a parent row: a foreign key constraint fails (`fp`.`f`, CONSTRAINT `f_ibfk_1` \
             FOREIGN KEY (`p`) REFERENCES `~external_raw` (`hash`) ON DELETE RESTRICT ON UPDATE RESTRICT)"
        )
    );
    // Nor can the tracking table be dropped while a table references it (MySQL 8.0's 3730).
    let e = ctx.world.drop_quick(&tracking).unwrap_err();
    assert_eq!(
        (e.code, e.message.as_str()),
        (
            Some(3730),
            "Cannot drop table '~external_raw' referenced by a foreign key constraint 'f_ibfk_1' on table 'f'."
        )
    );
}

#[test]
fn stores_are_read_once_per_schema_and_checked_on_use() {
    let mut ctx = enabled();
    let f = ctx.declare("fp", "F", Tier::Manual, DEF).unwrap();
    insert1(&mut ctx, &f, &[("k", Value::Int(1)), ("p", "/data/raw/a.nwb".into())]).unwrap();
    // A changed config reaches the schema only through a new schema object.
    settings(&mut ctx, true, Some(store(&[("protocol", "file"), ("location", "/x"), ("stage", "rel/stage")])));
    assert_eq!(fetch(&ctx, &f, &["p"]).unwrap(), [vec![Value::from("/data/raw/a.nwb")]]);
    ctx.world.forget_store_specs("fp");
    // A relative stage is taken from the working directory (`Path(stage).absolute()`).
    assert_eq!(fetch(&ctx, &f, &["p"]).unwrap(), [vec![Value::from("/work/rel/stage/a.nwb")]]);
    settings(&mut ctx, true, None);
    assert_eq!(fetch(&ctx, &f, &["p"]).unwrap(), [vec![Value::from("/work/rel/stage/a.nwb")]]);
    ctx.world.forget_store_specs("fp");
    let e = fetch(&ctx, &f, &["p"]).unwrap_err();
    assert_eq!(e.message, "Storage raw is requested but not configured");
    // Only values need the store: NULLs and other attributes do not.
    assert_eq!(fetch(&ctx, &f, &["k", "q"]).unwrap(), [vec![Value::Int(1), Value::Null]]);
    // Without a stage: KeyError 'stage'; a protocol not exactly "file"/"s3": AssertionError.
    settings(&mut ctx, true, Some(store(&[("protocol", "file"), ("location", "/x")])));
    ctx.world.forget_store_specs("fp");
    let e = fetch(&ctx, &f, &["p"]).unwrap_err();
    assert_eq!((e.kind, e.message.as_str()), (Kind::KeyError, "stage"));
    let e = insert1(&mut ctx, &f, &[("k", Value::Int(2)), ("p", "/data/raw/b.nwb".into())]).unwrap_err();
    assert_eq!((e.kind, e.message.as_str()), (Kind::KeyError, "stage"));
    settings(&mut ctx, true, Some(store(&[("protocol", "FILE"), ("location", STAGE), ("stage", STAGE)])));
    ctx.world.forget_store_specs("fp");
    let e = fetch(&ctx, &f, &["p"]).unwrap_err();
    assert_eq!((e.kind, e.message.as_str()), (Kind::AssertionError, ""));
    let e = insert1(&mut ctx, &f, &[("k", Value::Int(2)), ("p", "/data/raw/b.nwb".into())]).unwrap_err();
    assert_eq!(e.kind, Kind::AssertionError);
    // A path already tracked needs no upload, so no protocol check (oracle: inserted).
    insert1(&mut ctx, &f, &[("k", Value::Int(3)), ("p", "/data/raw/a.nwb".into())]).unwrap();
}

#[test]
fn a_filepath_default_is_stored_as_binary_and_fails_its_foreign_key() {
    let mut ctx = enabled();
    let h = ctx.declare("fp", "H", Tier::Manual, "k: int\n---\np = \"a\": filepath@raw").unwrap();
    // oracle: describe() shows `p=a`; an insert without `p` fails the external reference.
    assert!(ctx.describe("H").contains("\np=a                  : filepath@raw"), "{}", ctx.describe("H"));
    let e = insert1(&mut ctx, &h, &[("k", Value::Int(1))]).unwrap_err();
    assert_eq!(
        (e.kind, e.message.as_str()),
        (
            Kind::IntegrityError,
            "Cannot add or update a child row: a foreign key constraint fails (`fp`.`h`, CONSTRAINT `h_ibfk_1` \
             FOREIGN KEY (`p`) REFERENCES `~external_raw` (`hash`) ON DELETE RESTRICT ON UPDATE RESTRICT)"
        )
    );
}
