use super::super::*;
use crate::engine::Kind;

const PREFIXES: [&str; 10] =
    ["common", "decoding", "lfp", "linearization", "mua", "position", "ripple", "spikesorting", "waveform", "workshop"];

const GLOBAL_ALL: &str = "SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, RELOAD, SHUTDOWN, PROCESS, FILE, REFERENCES, \
                          INDEX, ALTER, SHOW DATABASES, SUPER, CREATE TEMPORARY TABLES, LOCK TABLES, EXECUTE, \
                          REPLICATION SLAVE, REPLICATION CLIENT, CREATE VIEW, SHOW VIEW, CREATE ROUTINE, ALTER \
                          ROUTINE, CREATE USER, EVENT, TRIGGER, CREATE TABLESPACE, CREATE ROLE, DROP ROLE";

fn login(a: &Accounts, user: &str, pw: &str) -> Session {
    a.authenticate(user, Some(pw), "localhost").unwrap()
}

fn dj_user_rows(to: &str) -> Vec<String> {
    let mut rows = vec![format!("GRANT SELECT, CREATE ON *.* TO {to}")];
    rows.extend(PREFIXES.iter().map(|p| format!(r"GRANT ALL PRIVILEGES ON `{p}\_%`.* TO {to}")));
    rows
}

fn role(name: &str) -> AuthId {
    AuthId::any_host(name)
}

#[test]
fn sailor() {
    let a = Accounts::workshop();
    let s = login(&a, "sailor", "galley");
    let me = AuthId::any_host("sailor");
    assert_eq!(
        a.show_grants(&s, Some(&me), &[]).unwrap(),
        vec!["GRANT USAGE ON *.* TO `sailor`@`%`", "GRANT `dj_user`@`%` TO `sailor`@`%`"]
    );
    let mut expanded = dj_user_rows("`sailor`@`%`");
    expanded.push("GRANT `dj_user`@`%` TO `sailor`@`%`".into());
    assert_eq!(a.show_grants(&s, Some(&me), &[role("dj_user")]).unwrap(), expanded);
    assert_eq!(a.show_grants(&s, None, &[role("dj_user")]).unwrap(), expanded);
    // SHOW GRANTS / FOR CURRENT_USER(): the active roles (all of them, on login) are expanded.
    assert_eq!(a.show_grants(&s, None, &[]).unwrap(), expanded);
    assert_eq!(a.show_grants_sql(&s, "SHOW GRANTS FOR CURRENT_USER()").unwrap(), expanded);
    assert_eq!(a.show_grants_sql(&s, "SHOW GRANTS FOR 'sailor'@'%' USING 'dj_user'").unwrap(), expanded);
    assert_eq!(grants_column(&s, None), "Grants for sailor@%");
}

#[test]
fn swab_and_captain() {
    let a = Accounts::workshop();
    let s = login(&a, "swab", "bilge");
    let me = AuthId::any_host("swab");
    assert_eq!(
        a.show_grants(&s, Some(&me), &[]).unwrap(),
        vec!["GRANT USAGE ON *.* TO `swab`@`%`", "GRANT `dj_guest`@`%` TO `swab`@`%`"]
    );
    assert_eq!(
        a.show_grants(&s, None, &[]).unwrap(),
        vec!["GRANT SELECT ON *.* TO `swab`@`%`", "GRANT `dj_guest`@`%` TO `swab`@`%`"]
    );

    let c = login(&a, "captain", "bridge");
    let me = AuthId::any_host("captain");
    assert_eq!(
        a.show_grants(&c, Some(&me), &[]).unwrap(),
        vec!["GRANT USAGE ON *.* TO `captain`@`%`", "GRANT `dj_admin`@`%` TO `captain`@`%`"]
    );
    let rows = a.show_grants(&c, Some(&me), &[role("dj_admin")]).unwrap();
    assert_eq!(
        rows,
        vec![
            format!("GRANT {GLOBAL_ALL} ON *.* TO `captain`@`%`"),
            format!("GRANT {} ON *.* TO `captain`@`%`", DYNAMIC_PRIVILEGES.join(",")),
            "GRANT `dj_admin`@`%` TO `captain`@`%`".to_string(),
        ]
    );
}

#[test]
fn roles_and_other_users() {
    let a = Accounts::workshop();
    let s = login(&a, "sailor", "galley");
    // dj_user holds a global SELECT, so sailor may read mysql.user and see anyone's grants.
    assert_eq!(a.show_grants(&s, Some(&role("dj_user")), &[]).unwrap(), dj_user_rows("`dj_user`@`%`"));
    assert_eq!(a.show_grants(&s, Some(&role("dj_guest")), &[]).unwrap(), vec!["GRANT SELECT ON *.* TO `dj_guest`@`%`"]);
    assert_eq!(
        a.show_grants_sql(&s, "SHOW GRANTS FOR captain").unwrap(),
        vec!["GRANT USAGE ON *.* TO `captain`@`%`", "GRANT `dj_admin`@`%` TO `captain`@`%`"]
    );
    assert_eq!(grants_column(&s, Some(&role("dj_user"))), "Grants for dj_user@%");
}

#[test]
fn show_grants_errors() {
    let mut a = Accounts::workshop();
    let s = login(&a, "sailor", "galley");
    // oracle: "There is no such grant defined for user 'nobody' on host '%'" (and 'localhost').
    let e = a.show_grants(&s, Some(&role("nobody")), &[]).unwrap_err();
    assert_eq!((e.kind, e.code), (Kind::OperationalError, Some(1141)));
    assert_eq!(e.message, "There is no such grant defined for user 'nobody' on host '%'");
    let e = a.show_grants_sql(&s, "SHOW GRANTS FOR 'sailor'@'localhost'").unwrap_err();
    assert_eq!(e.message, "There is no such grant defined for user 'sailor' on host 'localhost'");
    let e = a.show_grants(&s, None, &[role("dj_admin")]).unwrap_err();
    assert_eq!((e.code, e.message.as_str()), (Some(3530), "`dj_admin`@`%` is not granted to `sailor`@`%`"));
    let e = a.show_grants(&s, None, &[role("ghost")]).unwrap_err();
    assert_eq!((e.code, e.message.as_str()), (Some(3523), "Unknown authorization ID `ghost`@`%`"));

    a.execute_script("CREATE USER narrow IDENTIFIED BY 'n'; GRANT ALL ON `narrow\\_%`.* TO narrow").unwrap();
    let n = login(&a, "narrow", "n");
    let e = a.show_grants(&n, Some(&role("sailor")), &[]).unwrap_err();
    assert_eq!((e.kind, e.code), (Kind::AccessError, Some(1142)));
    assert_eq!(e.message, "SELECT command denied to user 'narrow'@'localhost' for table 'user'");
    assert_eq!(
        a.show_grants(&n, None, &[]).unwrap(),
        vec!["GRANT USAGE ON *.* TO `narrow`@`%`", r"GRANT ALL PRIVILEGES ON `narrow\_%`.* TO `narrow`@`%`"]
    );
}

#[test]
fn formatting_of_levels_and_options() {
    let mut a = Accounts::admin_only();
    let root = login(&a, "root", "root");
    assert_eq!(
        a.show_grants(&root, None, &[]).unwrap(),
        vec![
            format!("GRANT {GLOBAL_ALL} ON *.* TO `root`@`%` WITH GRANT OPTION"),
            format!("GRANT {} ON *.* TO `root`@`%` WITH GRANT OPTION", DYNAMIC_PRIVILEGES.join(",")),
        ]
    );
    a.execute_script(
        "CREATE ROLE r1, r2, r0; CREATE USER 'u'@'localhost';
         GRANT DELETE, SELECT, INSERT ON `zdb`.* TO u@localhost WITH GRANT OPTION;
         GRANT ALL ON `adb`.* TO u@localhost; GRANT SELECT ON `a_b`.* TO u@localhost;
         GRANT UPDATE, SELECT ON adb.`t2` TO u@localhost; GRANT ALL ON adb.t1 TO u@localhost;
         GRANT ROLE_ADMIN ON *.* TO u@localhost; GRANT SYSTEM_USER, BACKUP_ADMIN ON *.* TO u@localhost WITH GRANT OPTION;
         GRANT r2, r1 TO u@localhost; GRANT r0 TO u@localhost WITH ADMIN OPTION",
    )
    .unwrap();
    let u = AuthId::new("u", "localhost");
    assert_eq!(
        a.show_grants(&root, Some(&u), &[]).unwrap(),
        vec![
            "GRANT USAGE ON *.* TO `u`@`localhost` WITH GRANT OPTION",
            "GRANT ROLE_ADMIN ON *.* TO `u`@`localhost`",
            "GRANT BACKUP_ADMIN,SYSTEM_USER ON *.* TO `u`@`localhost` WITH GRANT OPTION",
            "GRANT ALL PRIVILEGES ON `adb`.* TO `u`@`localhost`",
            "GRANT SELECT, INSERT, DELETE ON `zdb`.* TO `u`@`localhost` WITH GRANT OPTION",
            "GRANT SELECT ON `a_b`.* TO `u`@`localhost`",
            "GRANT ALL PRIVILEGES ON `adb`.`t1` TO `u`@`localhost`",
            "GRANT SELECT, UPDATE ON `adb`.`t2` TO `u`@`localhost`",
            "GRANT `r1`@`%`,`r2`@`%` TO `u`@`localhost`",
            "GRANT `r0`@`%` TO `u`@`localhost` WITH ADMIN OPTION",
        ]
    );
}
