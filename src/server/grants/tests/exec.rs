use super::super::*;
use crate::engine::Kind;

fn err(a: &mut Accounts, sql: &str) -> (Option<u16>, String) {
    let before = a.clone();
    let e = a.execute(sql).expect_err(sql);
    assert_eq!(*a, before, "{sql} changed the accounts although it failed");
    (e.code, e.message)
}

#[test]
fn unknown_accounts() {
    let mut a = Accounts::workshop();
    assert_eq!(
        err(&mut a, "GRANT SELECT ON *.* TO 'nobody'"),
        (Some(1410), "You are not allowed to create a user with GRANT".into())
    );
    assert_eq!(
        err(&mut a, "GRANT SELECT ON *.* TO sailor, 'nobody'@'localhost'"),
        (Some(1410), "You are not allowed to create a user with GRANT".into())
    );
    assert_eq!(err(&mut a, "GRANT 'x' TO 'sailor'@'%'"), (Some(3523), "Unknown authorization ID `x`@`%`".into()));
    assert_eq!(
        err(&mut a, "GRANT dj_user TO ghost@localhost"),
        (Some(3523), "Unknown authorization ID `ghost`@`localhost`".into())
    );
    assert_eq!(err(&mut a, "REVOKE dj_user FROM ghost"), (Some(3523), "Unknown authorization ID `ghost`@`%`".into()));
    let e = a.execute("GRANT 'x' TO 'sailor'@'%'").unwrap_err();
    assert_eq!(e.kind, Kind::OperationalError);
}

#[test]
fn create_and_drop() {
    let mut a = Accounts::workshop();
    assert_eq!(
        err(&mut a, "CREATE USER sailor, newbie"),
        (Some(1396), "Operation CREATE USER failed for 'sailor'@'%'".into())
    );
    assert_eq!(
        err(&mut a, "CREATE ROLE dj_user, swab"),
        (Some(1396), "Operation CREATE ROLE failed for 'dj_user'@'%','swab'@'%'".into())
    );
    a.execute("CREATE USER IF NOT EXISTS sailor IDENTIFIED BY 'changed'").unwrap();
    assert!(a.authenticate("sailor", Some("galley"), "localhost").is_ok());
    assert_eq!(err(&mut a, "DROP USER ghost"), (Some(1396), "Operation DROP USER failed for 'ghost'@'%'".into()));
    assert_eq!(err(&mut a, "DROP ROLE ghost"), (Some(1396), "Operation DROP ROLE failed for 'ghost'@'%'".into()));
    assert_eq!(
        err(&mut a, "ALTER USER ghost IDENTIFIED BY 'x'"),
        (Some(1396), "Operation ALTER USER failed for 'ghost'@'%'".into())
    );
    a.execute("DROP USER IF EXISTS ghost").unwrap();
    a.execute("DROP ROLE dj_user").unwrap();
    let s = a.authenticate("sailor", Some("galley"), "localhost").unwrap();
    assert!(s.active_roles.is_empty());
    assert!(!a.has(&s, Privilege::Select, "common_subject", None));
    a.execute("DROP USER sailor").unwrap();
    assert_eq!(a.authenticate("sailor", Some("galley"), "localhost").unwrap_err().code, Some(1045));
}

#[test]
fn privileges_must_fit_the_level() {
    let mut a = Accounts::workshop();
    assert_eq!(
        err(&mut a, "GRANT RELOAD ON db.* TO sailor"),
        (Some(1221), "Incorrect usage of DB GRANT and GLOBAL PRIVILEGES".into())
    );
    assert_eq!(
        err(&mut a, "GRANT CREATE USER ON db.t TO sailor"),
        (
            Some(1144),
            "Illegal GRANT/REVOKE command; please consult the manual to see which privileges can be used".into()
        )
    );
    assert_eq!(
        err(&mut a, "GRANT ROLE_ADMIN ON db.* TO sailor"),
        (Some(3619), "Illegal privilege level specified for ROLE_ADMIN".into())
    );
    let (code, _) = err(&mut a, "GRANT FOO_BAR ON *.* TO sailor");
    assert_eq!(code, Some(1149));
    a.execute("GRANT EXECUTE, EVENT, TRIGGER ON db.* TO sailor").unwrap();
    a.execute("GRANT TRIGGER, SHOW VIEW ON db.t TO sailor").unwrap();
}

#[test]
fn revoke() {
    let mut a = Accounts::workshop();
    assert_eq!(
        err(&mut a, "REVOKE SELECT ON db.* FROM sailor"),
        (Some(1141), "There is no such grant defined for user 'sailor' on host '%'".into())
    );
    assert_eq!(
        err(&mut a, "REVOKE SELECT ON db.t FROM sailor"),
        (Some(1147), "There is no such grant defined for user 'sailor' on host '%' on table 't'".into())
    );
    assert_eq!(
        err(&mut a, "REVOKE SELECT ON *.* FROM ghost"),
        (Some(1141), "There is no such grant defined for user 'ghost' on host '%'".into())
    );
    a.execute(r"REVOKE ALL ON `workshop\_%`.* FROM dj_user").unwrap();
    a.execute("REVOKE CREATE ON *.* FROM dj_user").unwrap();
    let s = a.authenticate("sailor", Some("galley"), "localhost").unwrap();
    assert!(!a.has(&s, Privilege::Insert, "workshop_sailor", None));
    assert!(!a.has(&s, Privilege::Create, "anything", None));
    assert!(a.has(&s, Privilege::Select, "anything", None));
    a.execute("REVOKE ALL PRIVILEGES, GRANT OPTION FROM dj_user").unwrap();
    assert!(!a.has(&s, Privilege::Select, "anything", None));
    a.execute("REVOKE dj_user FROM sailor").unwrap();
    assert_eq!(a.authenticate("sailor", Some("galley"), "localhost").unwrap().active_roles, vec![]);
}

#[test]
fn workshop_accounts_round_trip_through_json() {
    let a = Accounts::workshop();
    let json = serde_json::to_string(&a).unwrap();
    assert!(json.contains(r#""privileges":["SELECT","CREATE"]"#), "{json}");
    let back: Accounts = serde_json::from_str(&json).unwrap();
    assert_eq!(back, a);
    let small: Accounts = serde_json::from_str(
        r#"{"accounts":[{"user":"u","password":"p","grants":[{"level":{"database":"x\\_%"},"privileges":["SELECT","INSERT"]}]}]}"#,
    )
    .unwrap();
    let s = small.authenticate("u", Some("p"), "localhost").unwrap();
    assert_eq!(s.account, AuthId::any_host("u"));
    assert!(small.has(&s, Privilege::Insert, "x_1", None));
    assert!(serde_json::from_str::<Accounts>(
        r#"{"accounts":[{"user":"u","grants":[{"level":"global","privileges":["FLY"]}]}]}"#
    )
    .is_err());
}
