use super::super::*;
use crate::engine::Kind;

fn login(a: &Accounts, user: &str) -> Session {
    let pw = match user {
        "captain" => "bridge",
        "sailor" => "galley",
        "swab" => "bilge",
        _ => unreachable!(),
    };
    a.authenticate(user, Some(pw), "localhost").unwrap()
}

// oracle (MariaDB, same roles): sailor may create a table in a schema outside the granted
// prefixes but gets 1142 for INSERT, ALTER, INDEX, DELETE and DROP there, and 1044 for DROP
// DATABASE; swab gets 1044 for CREATE DATABASE and 1142 for INSERT. REFERENCES is not checked by
// MariaDB; MySQL 8.0 checks it on the parent table (design/server.md).
#[test]
fn permission_matrix() {
    use Privilege::*;
    let a = Accounts::workshop();
    let ops = [Select, Insert, Delete, Create, Drop, References];
    let schemas = ["common_subject", "workshop_sailor", "alice_workshop"];
    let expected = |user: &str, op: Privilege, schema: &str| match user {
        "captain" => true,
        "sailor" => schema != "alice_workshop" || matches!(op, Select | Create),
        "swab" => op == Select,
        _ => unreachable!(),
    };
    for user in ["captain", "sailor", "swab"] {
        let s = login(&a, user);
        for op in ops {
            for schema in schemas {
                let want = expected(user, op, schema);
                assert_eq!(a.has(&s, op, schema, Some("subject")), want, "{user} {op:?} {schema}.subject");
                assert_eq!(a.has(&s, op, schema, None), want, "{user} {op:?} {schema}");
                assert_eq!(a.check(&s, op, schema, Some("subject")).is_ok(), want);
            }
        }
    }
}

#[test]
fn denial_texts() {
    let a = Accounts::workshop();
    let sailor = login(&a, "sailor");
    let swab = login(&a, "swab");
    let e = a.check(&sailor, Privilege::Insert, "alice_workshop", Some("subject")).unwrap_err();
    assert_eq!((e.kind, e.code), (Kind::AccessError, Some(1142)));
    assert_eq!(e.message, "INSERT command denied to user 'sailor'@'localhost' for table 'subject'");
    let e = a.check(&swab, Privilege::Insert, "common_subject", Some("subject")).unwrap_err();
    assert_eq!(e.message, "INSERT command denied to user 'swab'@'localhost' for table 'subject'");
    let e = a.check(&sailor, Privilege::Delete, "alice_workshop", Some("session")).unwrap_err();
    assert_eq!(e.message, "DELETE command denied to user 'sailor'@'localhost' for table 'session'");
    let e = a.check(&sailor, Privilege::Drop, "alice_workshop", Some("session")).unwrap_err();
    assert_eq!(e.message, "DROP command denied to user 'sailor'@'localhost' for table 'session'");
    let e = a.check(&swab, Privilege::Create, "alice_workshop", Some("t")).unwrap_err();
    assert_eq!(e.message, "CREATE command denied to user 'swab'@'localhost' for table 't'");

    // Database level: the account's host pattern, as MySQL's check_access (and the oracle) print.
    let e = a.check(&sailor, Privilege::Drop, "alice_workshop", None).unwrap_err();
    assert_eq!((e.kind, e.code), (Kind::AccessError, Some(1044)));
    assert_eq!(e.message, "Access denied for user 'sailor'@'%' to database 'alice_workshop'");
    let e = a.check(&swab, Privilege::Create, "swab_schema", None).unwrap_err();
    assert_eq!(e.message, "Access denied for user 'swab'@'%' to database 'swab_schema'");

    let e = a.check_references(&sailor, "alice_workshop", "session").unwrap_err();
    assert_eq!((e.kind, e.code), (Kind::AccessError, Some(1142)));
    assert_eq!(e.message, "REFERENCES command denied to user 'sailor'@'localhost' for table 'alice_workshop.session'");
    assert!(a.check_references(&sailor, "common_subject", "subject").is_ok());
}

#[test]
fn information_schema_is_read_only() {
    let a = Accounts::admin_only();
    let root = a.authenticate("root", Some("root"), "localhost").unwrap();
    assert!(a.has(&root, Privilege::Select, "information_schema", Some("tables")));
    assert!(!a.has(&root, Privilege::Insert, "information_schema", Some("tables")));
    assert!(a.has(&root, Privilege::Insert, "anything", Some("t")));
}

#[test]
fn grants_take_effect_on_open_sessions() {
    let mut a = Accounts::workshop();
    let sailor = login(&a, "sailor");
    assert!(!a.has(&sailor, Privilege::Insert, "alice_workshop", Some("t")));
    a.execute("GRANT INSERT ON alice_workshop.t TO 'dj_user'").unwrap();
    assert!(a.has(&sailor, Privilege::Insert, "alice_workshop", Some("t")));
    assert!(!a.has(&sailor, Privilege::Insert, "alice_workshop", Some("u")));
    a.execute("REVOKE INSERT ON alice_workshop.t FROM dj_user").unwrap();
    assert!(!a.has(&sailor, Privilege::Insert, "alice_workshop", Some("t")));
    a.execute("GRANT INSERT ON `alice%`.* TO sailor").unwrap();
    assert!(a.has(&sailor, Privilege::Insert, "alice_workshop", Some("t")));
}

// MySQL 8.0 with active roles (Security_context::db_acl): a grant naming the database exactly
// wins over pattern grants.
#[test]
fn exact_database_grant_wins_over_patterns() {
    let mut a = Accounts::empty();
    a.execute_script("CREATE USER u IDENTIFIED BY 'p'; GRANT SELECT ON mydb.* TO u; GRANT ALL ON `my%`.* TO u")
        .unwrap();
    let s = a.authenticate("u", Some("p"), "localhost").unwrap();
    assert!(a.has(&s, Privilege::Select, "mydb", None));
    assert!(!a.has(&s, Privilege::Insert, "mydb", None));
    assert!(a.has(&s, Privilege::Insert, "mydb2", None));
}

#[test]
fn nested_roles_count() {
    let mut a = Accounts::empty();
    a.execute_script(
        "CREATE ROLE outer_r, inner_r; GRANT DELETE ON `x`.* TO inner_r; GRANT inner_r TO outer_r;
         CREATE USER u IDENTIFIED BY 'p'; GRANT outer_r TO u",
    )
    .unwrap();
    let s = a.authenticate("u", Some("p"), "localhost").unwrap();
    assert_eq!(s.active_roles, vec![AuthId::any_host("outer_r")]);
    assert!(a.has(&s, Privilege::Delete, "x", Some("t")));
    let e = a.execute("GRANT u TO inner_r").unwrap_err();
    assert_eq!(e.code, Some(3573));
    assert_eq!(
        e.message,
        "User account `inner_r`@`%` is directly or indirectly granted to the role `u`@`%`. The GRANT would create \
         a loop in the role graph."
    );
}

// oracle: a user with only database grants sees the matching databases and the one holding a
// table grant; everyone with a global SELECT sees all.
#[test]
fn visible_databases() {
    let mut a = Accounts::workshop();
    let all: Vec<String> = ["common_subject", "information_schema", "mysql", "secret", "workshop_sailor", "workshopx"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    for user in ["captain", "sailor", "swab"] {
        assert_eq!(a.visible_databases(&login(&a, user), &all), all, "{user}");
    }
    a.execute_script(
        r"CREATE USER narrow IDENTIFIED BY 'n'; GRANT ALL ON `workshop\_%`.* TO narrow;
          GRANT SELECT ON common_subject.subject TO narrow; GRANT RELOAD ON *.* TO narrow",
    )
    .unwrap();
    let s = a.authenticate("narrow", Some("n"), "localhost").unwrap();
    assert_eq!(a.visible_databases(&s, &all), vec!["common_subject", "information_schema", "workshop_sailor"]);
    a.execute("GRANT SHOW DATABASES ON *.* TO narrow").unwrap();
    assert_eq!(a.visible_databases(&s, &all), all);
}
