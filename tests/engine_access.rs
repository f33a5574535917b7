//! The engine asks before every operation. With a stand-in for the server's grants (the real
//! ones live in the server layer), each denial comes back as DataJoint's AccessError with
//! MySQL 8.0's message and the statement DataJoint sent; declarations are silently skipped.

mod common;

use common::Ctx;
use djsandbox::engine::access::{Access, Privilege};
use djsandbox::engine::delete::{Console, DeleteOptions, Level};
use djsandbox::engine::{Declared, Error, InsertOptions, Kind, Restriction, Row, Tier, Value};

/// `dj_user`-like: CREATE and SELECT everywhere, everything on `workshop_*`.
struct Sailor;

impl Access for Sailor {
    fn check(&self, privileges: &[Privilege], database: &str, table: Option<&str>) -> djsandbox::engine::Result<()> {
        let missing: Vec<&str> = privileges
            .iter()
            .filter(|p| !(database.starts_with("workshop_") || matches!(p, Privilege::Select | Privilege::Create)))
            .map(|p| p.command())
            .collect();
        if missing.is_empty() {
            return Ok(());
        }
        Err(match table {
            Some(t) => Error::mysql(
                Kind::AccessError,
                1142,
                format!("{} command denied to user 'sailor'@'localhost' for table '{t}'", missing.join(", ")),
            ),
            None => Error::mysql(
                Kind::AccessError,
                1044,
                format!("Access denied for user 'sailor'@'localhost' to database '{database}'"),
            ),
        })
    }
}

struct Yes;

impl Console for Yes {
    fn log(&mut self, _: Level, _: &str) {}
    fn confirm(&mut self, _: &str, _: &str) -> bool {
        true
    }
}

#[test]
fn the_permission_denied_slide() {
    let mut ctx = Ctx::new();
    let t = ctx.declare("alice_workshop", "MyTable", Tier::Imported, "id : int\n---\nv : int").unwrap();
    ctx.world.set_access(Some(Box::new(Sailor)));
    let row = Row::Map(vec![("id".into(), Value::Int(1)), ("v".into(), Value::Int(2))]);
    let err = ctx
        .world
        .insert(&t, std::slice::from_ref(&row), &InsertOptions { allow_direct_insert: true, ..Default::default() })
        .unwrap_err();
    assert_eq!(
        err,
        Error {
            kind: Kind::AccessError,
            code: Some(1142),
            message: "('Insufficient privileges.', \"INSERT command denied to user 'sailor'@'localhost' for table '_my_table'\", 'INSERT INTO `alice_workshop`.`_my_table`(`id`,`v`) VALUES (%s,%s)')".into(),
        }
    );
    // skip_duplicates needs UPDATE too (oracle: "INSERT, UPDATE command denied ...").
    let opts = InsertOptions { allow_direct_insert: true, skip_duplicates: true, ..Default::default() };
    let err = ctx.world.insert(&t, &[row], &opts).unwrap_err();
    assert!(err.message.contains("INSERT, UPDATE command denied"), "{}", err.message);
    assert!(err.message.ends_with("VALUES (%s,%s) ON DUPLICATE KEY UPDATE `id`=`id`')"), "{}", err.message);
    // Reading is allowed; deleting is not.
    assert_eq!(ctx.world.len(&ctx.world.query(&t).unwrap()).unwrap(), 0);
    let err = ctx.world.delete(&ctx.world.query(&t).unwrap(), DeleteOptions::default(), &mut Yes).unwrap_err();
    assert_eq!(err.code, Some(1142));
    assert!(err.message.contains("DELETE command denied"));
}

#[test]
fn schemas_and_declarations_under_limited_grants() {
    let mut ctx = Ctx::new();
    ctx.declare("alice_workshop", "MyParams", Tier::Lookup, "param_name : varchar(32)").unwrap();
    ctx.world.set_access(Some(Box::new(Sailor)));
    // CREATE is global: a new schema and a plain table are fine...
    ctx.world.activate_schema("bob_workshop", true).unwrap();
    let plain = ctx.declare_outcome("bob_workshop", "Plain", Tier::Manual, "x : int").unwrap();
    assert!(matches!(plain, Declared::Created(_)));
    // ...but a foreign key into a schema without REFERENCES is refused, and DataJoint swallows
    // the AccessError: the table is just not there.
    let child = ctx.declare_outcome("bob_workshop", "Child", Tier::Manual, "-> MyParams\nx : int").unwrap();
    assert!(matches!(child, Declared::NotCreated(_)));
    let err = ctx.world.query(child.name()).unwrap_err();
    assert_eq!(err, Error::dj("The table `bob_workshop`.`child` is not defined."));
    // In the granted prefix everything works.
    ctx.world.activate_schema("workshop_sailor", true).unwrap();
    let mine = ctx.declare_outcome("workshop_sailor", "Mine", Tier::Manual, "x : int").unwrap();
    assert!(matches!(mine, Declared::Created(_)));
    ctx.world.insert(mine.name(), &[Row::Positional(vec![Value::Int(1)])], &InsertOptions::default()).unwrap();
    let q = ctx.world.restrict(&ctx.world.query(mine.name()).unwrap(), &Restriction::Bool(true)).unwrap();
    assert_eq!(ctx.world.len(&q).unwrap(), 1);
}

#[test]
fn a_schema_that_cannot_be_created() {
    struct Guest;
    impl Access for Guest {
        fn check(&self, p: &[Privilege], db: &str, _: Option<&str>) -> djsandbox::engine::Result<()> {
            if p == [Privilege::Select] {
                return Ok(());
            }
            Err(Error::mysql(
                Kind::AccessError,
                1044,
                format!("Access denied for user 'swab'@'localhost' to database '{db}'"),
            ))
        }
    }
    let mut ctx = Ctx::new();
    ctx.world.set_access(Some(Box::new(Guest)));
    // oracle (as swab): dj.Schema("swab_schema")
    assert_eq!(
        ctx.world.activate_schema("swab_schema", true).unwrap_err(),
        // The DataJointError keeps the 1044 behind it (oracle: its __context__ is the AccessError).
        Error {
            code: Some(1044),
            ..Error::dj("Schema `swab_schema` does not exist and could not be created. Check permissions.")
        }
    );
    assert_eq!(
        ctx.world.activate_schema("swab_schema", false).unwrap_err(),
        Error::dj("Database `swab_schema` has not yet been declared. Set argument create_schema=True to create it.")
    );
}
