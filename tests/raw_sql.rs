//! `dj.conn().query(sql, args)` through the public API: a server over an in-memory world with
//! the workshop's accounts, as a script would use it.

use djsandbox::engine::{Declaration, Kind, Tier, Value, World};
use djsandbox::server::grants::Accounts;
use djsandbox::server::sql::{format_query, query};
use djsandbox::server::Server;

fn server(user: &str, password: &str) -> Server {
    let mut world = World::in_memory().expect("world");
    world.create_schema("workshop_sailor").expect("schema");
    let decl = Declaration {
        schema: "workshop_sailor",
        class_name: "MyParams",
        tier: Tier::Lookup,
        master: None,
        definition: "param_name : varchar(32)\n---\nparams : blob  # dict of parameter values",
    };
    world.declare(&decl, &|_: &str| None).expect("declare");
    let mut s = Server::new(world, std::path::Path::new(".")).expect("server");
    s.accounts = Accounts::workshop();
    s.config.set("database.user", Value::Str(user.into())).expect("user");
    s.config.set("database.password", Value::Str(password.into())).expect("password");
    s
}

#[test]
fn query_connects_and_answers() {
    let mut s = server("sailor", "galley");
    assert!(s.session().is_none());
    let r = query(&mut s, "SELECT USER(), CURRENT_USER()", &[]).expect("select");
    assert!(s.session().is_some(), "query connects on demand");
    assert_eq!(r.rows, [vec![Value::Str("sailor@localhost".into()), Value::Str("sailor@%".into())]]);
    let r = query(&mut s, "SHOW TABLES FROM workshop_sailor", &[]).expect("show");
    assert_eq!(r.columns, ["Tables_in_workshop_sailor"]);
    assert_eq!(r.rows, [vec![Value::Str("#my_params".into())]]);
    let r = query(&mut s, "SHOW CREATE TABLE workshop_sailor.`#my_params`", &[]).expect("show create");
    assert_eq!(
        r.rows[0][1],
        Value::Str(
            "CREATE TABLE `#my_params` (\n  `param_name` varchar(32) NOT NULL,\n  `params` blob NOT NULL COMMENT 'dict \
             of parameter values',\n  PRIMARY KEY (`param_name`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 \
             COLLATE=utf8mb4_0900_ai_ci"
                .into()
        )
    );
}

#[test]
fn placeholders_and_percent_signs() {
    let mut s = server("sailor", "galley");
    let ins = "INSERT INTO workshop_sailor.`#my_params` (param_name, params) VALUES (%s, %s)";
    let r = query(&mut s, ins, &[Value::Str("it's".into()), Value::Bytes(vec![1, 2])]).expect("insert");
    assert_eq!(r.rowcount, 1);
    let r = query(&mut s, "SELECT param_name FROM workshop_sailor.`#my_params` WHERE param_name LIKE 'it%%'", &[])
        .expect("like");
    assert_eq!(r.rows, [vec![Value::Str("it's".into())]]);
    let e = query(&mut s, "SELECT param_name FROM workshop_sailor.`#my_params` WHERE param_name LIKE 'it%'", &[])
        .unwrap_err();
    assert_eq!((e.kind, e.message.as_str()), (Kind::ProgrammingError, "not enough arguments for format string"));
    assert_eq!(format_query("SELECT %s, %s", &[Value::Float(0.5), Value::Null]).unwrap(), "SELECT 0.5e0, NULL");
}

#[test]
fn a_guest_may_read_but_not_write() {
    let mut s = server("swab", "bilge");
    assert!(query(&mut s, "SELECT * FROM workshop_sailor.`#my_params`", &[]).is_ok());
    let sql = "DELETE FROM workshop_sailor.`#my_params`";
    let e = query(&mut s, sql, &[]).unwrap_err();
    assert_eq!(e.kind, Kind::AccessError);
    assert_eq!(
        e.message,
        "('Insufficient privileges.', \"DELETE command denied to user 'swab'@'localhost' for table '#my_params'\", \
         'DELETE FROM workshop_sailor.`#my_params`')"
    );
}

#[test]
fn wrong_password_fails_before_the_query() {
    let mut s = server("sailor", "nope");
    let e = query(&mut s, "SELECT 1", &[]).unwrap_err();
    assert_eq!(e.code, Some(1045));
}

#[test]
fn length_counts_bytes_also_of_binary_uuids() {
    let mut s = server("sailor", "galley");
    let decl = Declaration {
        schema: "workshop_sailor",
        class_name: "Blind",
        tier: Tier::Manual,
        master: None,
        definition: "id : uuid\n---\nname : varchar(8)",
    };
    s.world.declare(&decl, &|_: &str| None).expect("declare");
    // Raw SQL would need UNHEX() for a binary(16) column (a uuid's text is 1406 there, as on
    // MySQL): the row goes in through DataJoint's insert, which converts the uuid.
    let row = djsandbox::engine::Row::Positional(vec![
        Value::Str("0c9bd0e5-9e42-4a7b-a6b7-c8b5c8e3b2a1".into()),
        Value::Str("é".into()),
    ]);
    s.conn(false).expect("connect");
    s.world
        .insert(&djsandbox::engine::TableName::new("workshop_sailor", "blind"), &[row], &Default::default())
        .expect("insert");
    let r = query(&mut s, "SELECT length(id), length(name), char_length(name) FROM workshop_sailor.blind", &[])
        .expect("select");
    // MySQL: binary(16) is 16 bytes; 'é' is 2 bytes and 1 character in utf8mb4.
    assert_eq!(r.rows, [vec![Value::Int(16), Value::Int(2), Value::Int(1)]]);
}
