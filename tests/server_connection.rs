//! Connecting to the emulated server as the workshop's accounts, and what each may do. Texts
//! are pymysql's and MySQL 8.0's (the oracle's MariaDB differs only where server.md says).

use djsandbox::engine::{Declaration, Error, InsertOptions, Kind, Row, TableName, Tier, Value, World};
use djsandbox::server::grants::Accounts;
use djsandbox::server::Server;

fn server() -> Server {
    let dir = std::env::temp_dir();
    let mut s = Server::new(World::in_memory().unwrap(), &dir).unwrap();
    s.accounts = Accounts::workshop();
    // The lab's shared tables, declared by the administrator before anyone connects.
    s.world.create_schema("common_subject").unwrap();
    let decl = Declaration {
        schema: "common_subject",
        class_name: "Subject",
        tier: Tier::Manual,
        master: None,
        definition: "subject_id: varchar(80)\n---\nspecies = null : varchar(200)",
    };
    s.world.declare(&decl, &|_| None).unwrap();
    s
}

fn login(s: &mut Server, user: &str, password: &str) -> Result<(), Error> {
    s.config.set("database.user", Value::from(user)).unwrap();
    s.config.set("database.password", Value::from(password)).unwrap();
    s.conn(true).map(|_| ())
}

#[test]
fn logging_in_and_its_errors() {
    let mut s = server();
    login(&mut s, "sailor", "galley").unwrap();
    s.ping().unwrap();
    assert_eq!(s.user().unwrap(), "sailor@localhost");
    assert_eq!(s.describe_connection(), "DataJoint connection (connected) sailor@localhost:3306");
    // oracle: OperationalError (1045, "Access denied for user 'sailor'@'127.0.0.1' (using password: YES)")
    assert_eq!(
        login(&mut s, "sailor", "nope").unwrap_err(),
        Error::mysql(Kind::OperationalError, 1045, "Access denied for user 'sailor'@'localhost' (using password: YES)")
    );
    assert_eq!(
        login(&mut s, "sailor", "").unwrap_err(),
        Error::mysql(Kind::OperationalError, 1045, "Access denied for user 'sailor'@'localhost' (using password: NO)")
    );
    s.config.set("database.port", Value::Int(3307)).unwrap();
    // oracle: (2003, "Can't connect to MySQL server on '127.0.0.1' ([Errno 111] Connection refused)")
    s.config.set("database.host", Value::from("127.0.0.1")).unwrap();
    assert_eq!(
        login(&mut s, "sailor", "galley").unwrap_err(),
        Error::mysql(
            Kind::OperationalError,
            2003,
            "Can't connect to MySQL server on '127.0.0.1' ([Errno 111] Connection refused)"
        )
    );
    s.config.set("database.port", Value::Int(3306)).unwrap();
    s.config.set("database.host", Value::from("nohost.invalid")).unwrap();
    assert_eq!(
        login(&mut s, "sailor", "galley").unwrap_err(),
        Error::mysql(
            Kind::OperationalError,
            2003,
            "Can't connect to MySQL server on 'nohost.invalid' ([Errno -2] Name or service not known)"
        )
    );
    // A `host:port` string overrides the port.
    s.config.set("database.host", Value::from("localhost:3306")).unwrap();
    login(&mut s, "sailor", "galley").unwrap();
}

#[test]
fn the_permission_denied_slide_with_the_real_grants() {
    let mut s = server();
    login(&mut s, "sailor", "galley").unwrap();
    // dj_user has CREATE everywhere: the wrongly named schema and its table are created...
    s.world.activate_schema("alice_workshop", true).unwrap();
    let decl = Declaration {
        schema: "alice_workshop",
        class_name: "MyTable",
        tier: Tier::Imported,
        master: None,
        definition: "id : int\n---\nv : int",
    };
    let table = s.world.declare(&decl, &|_| None).unwrap().name().clone();
    assert_eq!(table, TableName::new("alice_workshop", "_my_table"));
    // ...but writing into it is denied.
    let row = Row::Map(vec![("id".into(), Value::Int(1)), ("v".into(), Value::Int(2))]);
    let err = s
        .world
        .insert(&table, std::slice::from_ref(&row), &InsertOptions { allow_direct_insert: true, ..Default::default() })
        .unwrap_err();
    assert_eq!(err.kind, Kind::AccessError);
    assert_eq!(
        err.message,
        "('Insufficient privileges.', \"INSERT command denied to user 'sailor'@'localhost' for table '_my_table'\", 'INSERT INTO `alice_workshop`.`_my_table`(`id`,`v`) VALUES (%s,%s)')"
    );
    // Under the granted prefix it works.
    s.world.activate_schema("workshop_sailor", true).unwrap();
    let decl = Declaration { schema: "workshop_sailor", ..decl };
    let mine = s.world.declare(&decl, &|_| None).unwrap().name().clone();
    s.world.insert(&mine, &[row], &InsertOptions { allow_direct_insert: true, ..Default::default() }).unwrap();
    // The shared schema is writable for dj_user too (ALL on `common\_%`).
    let subject = TableName::new("common_subject", "subject");
    s.world.insert(&subject, &[Row::Positional(vec!["mango".into(), Value::Null])], &InsertOptions::default()).unwrap();
}

#[test]
fn reconnecting_as_another_user_switches_privileges() {
    let mut s = server();
    login(&mut s, "captain", "bridge").unwrap();
    let subject = TableName::new("common_subject", "subject");
    s.world.insert(&subject, &[Row::Positional(vec!["kiwi".into(), Value::Null])], &InsertOptions::default()).unwrap();
    login(&mut s, "swab", "bilge").unwrap();
    // The observer reads...
    assert_eq!(s.world.len(&s.world.query(&subject).unwrap()).unwrap(), 1);
    // ...but may not write, nor create a schema.
    let err = s
        .world
        .insert(&subject, &[Row::Positional(vec!["x".into(), Value::Null])], &InsertOptions::default())
        .unwrap_err();
    assert!(
        err.message.contains("INSERT command denied to user 'swab'@'localhost' for table 'subject'"),
        "{}",
        err.message
    );
    assert_eq!(
        s.world.activate_schema("swab_schema", true).unwrap_err(),
        // The DataJointError keeps the 1044 behind it (oracle: its __context__ is the AccessError).
        Error {
            code: Some(1044),
            ..Error::dj("Schema `swab_schema` does not exist and could not be created. Check permissions.")
        }
    );
    assert!(s.list_schemas().unwrap().contains(&"common_subject".to_string()));
}

#[test]
fn no_user_configured_is_a_clear_error() {
    let mut s = server();
    let err = s.conn(false).unwrap_err();
    assert_eq!(err.kind, Kind::DataJointError);
    assert!(err.message.contains("dj.config[\"database.user\"]"), "{}", err.message);
    assert_eq!(s.ping().unwrap_err(), Error::new(Kind::PyMySqlError, "Already closed"));
}

#[test]
fn accounts_and_settings_persist_in_the_world_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("world.sqlite");
    {
        let mut s = Server::new(World::open(&path).unwrap(), dir.path()).unwrap();
        s.accounts = Accounts::workshop();
        s.settings.port = 3310;
        s.save_server().unwrap();
    }
    let mut s = Server::new(World::open(&path).unwrap(), dir.path()).unwrap();
    assert_eq!(s.settings.port, 3310);
    s.config.set("database.port", Value::Int(3310)).unwrap();
    login(&mut s, "sailor", "galley").unwrap();
}

#[test]
fn the_decks_config_file_connects_as_sailor() {
    let dir = tempfile::tempdir().unwrap();
    // The config slide, with the sandbox's host.
    std::fs::write(
        dir.path().join("dj_local_conf.json"),
        r#"{
    "database.host":     "localhost",
    "database.user":     "sailor",
    "database.password": "galley",
    "database.port":     3306,
    "database.use_tls":  false,
    "safemode":          true,
    "fetch_format":      "array"
}"#,
    )
    .unwrap();
    let mut s = Server::new(World::in_memory().unwrap(), dir.path()).unwrap();
    s.accounts = Accounts::workshop();
    s.import_config(|_| None).unwrap();
    assert_eq!(s.config.user().as_deref(), Some("sailor"));
    s.conn(false).unwrap();
    s.ping().unwrap();
    // DJ_PASS overrides the file, as at `import datajoint`.
    s.import_config(|k| (k == "DJ_PASS").then(|| "wrong".to_string())).unwrap();
    assert_eq!(s.conn(true).unwrap_err().code, Some(1045));
    // A broken file is reported with Python's JSON error (python3: json.loads of the same text).
    std::fs::write(dir.path().join("dj_local_conf.json"), "{\n  \"database.user\": \"sailor\",\n}").unwrap();
    let err = s.import_config(|_| None).unwrap_err();
    assert_eq!(err.kind, Kind::JSONDecodeError);
    assert_eq!(err.message, "Expecting property name enclosed in double quotes: line 3 column 1 (char 31)");
}
