use super::super::*;
use crate::engine::Kind;

fn near(text: &str) -> String {
    format!(
        "You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for \
         the right syntax to use near '{text}' at line 1"
    )
}

fn syntax(sql: &str) -> String {
    let e = parse(sql).expect_err(sql);
    assert_eq!((e.kind, e.code), (Kind::QuerySyntaxError, Some(1064)), "{sql}: {e}");
    e.message
}

#[test]
fn create_role_and_user() {
    assert_eq!(
        parse("CREATE ROLE 'dj_user'").unwrap(),
        Statement::CreateRole { if_not_exists: false, roles: vec![AuthId::any_host("dj_user")] }
    );
    assert_eq!(
        parse("create role if not exists dj_admin, `dj_guest`@'%';").unwrap(),
        Statement::CreateRole {
            if_not_exists: true,
            roles: vec![AuthId::any_host("dj_admin"), AuthId::any_host("dj_guest")]
        }
    );
    assert_eq!(
        parse("CREATE USER 'sailor'@'%' IDENTIFIED BY 'galley'").unwrap(),
        Statement::CreateUser {
            if_not_exists: false,
            users: vec![(AuthId::any_host("sailor"), Some("galley".into()))]
        }
    );
    assert_eq!(
        parse("CREATE USER sailor@LocalHost IDENTIFIED WITH mysql_native_password BY 'it''s', swab").unwrap(),
        Statement::CreateUser {
            if_not_exists: false,
            users: vec![(AuthId::new("sailor", "localhost"), Some("it's".into())), (AuthId::any_host("swab"), None)]
        }
    );
    assert_eq!(
        parse(r#"CREATE USER "a"@"127.0.0.1" IDENTIFIED BY 'x\'y\\z'"#).unwrap(),
        Statement::CreateUser {
            if_not_exists: false,
            users: vec![(AuthId::new("a", "127.0.0.1"), Some(r"x'y\z".into()))]
        }
    );
    assert_eq!(
        parse("CREATE USER u@127.0.0.1").unwrap(),
        Statement::CreateUser { if_not_exists: false, users: vec![(AuthId::new("u", "127.0.0.1"), None)] }
    );
}

#[test]
fn grant_privileges() {
    let Statement::GrantPrivileges { privileges, level, to } =
        parse("GRANT CREATE, SELECT ON *.* TO 'dj_user'").unwrap()
    else {
        panic!()
    };
    assert_eq!(privileges.privileges, Privs::of(&[Privilege::Select, Privilege::Create]));
    assert!(!privileges.all);
    assert_eq!(level, Level::Global);
    assert_eq!(to, vec![AuthId::any_host("dj_user")]);

    let Statement::GrantPrivileges { privileges, level, .. } =
        parse(r"GRANT ALL PRIVILEGES ON `workshop\_%`.* TO 'dj_user'").unwrap()
    else {
        panic!()
    };
    assert!(privileges.all);
    assert_eq!(level, Level::Database(r"workshop\_%".into()));

    let Statement::GrantPrivileges { privileges, level, to } = parse(
        "GRANT insert, CREATE TEMPORARY TABLES, lock tables, show view, create view, drop ON TABLE db.`t``x` \
         TO u@h, 'v' WITH GRANT OPTION",
    )
    .unwrap() else {
        panic!()
    };
    use Privilege::*;
    assert_eq!(
        privileges.privileges,
        Privs::of(&[Insert, CreateTemporaryTables, LockTables, ShowView, CreateView, Drop, GrantOption])
    );
    assert_eq!(level, Level::Table("db".into(), "t`x".into()));
    assert_eq!(to, vec![AuthId::new("u", "h"), AuthId::any_host("v")]);

    let Statement::GrantPrivileges { privileges, .. } =
        parse("GRANT USAGE, ROLE_ADMIN, create user, drop role ON *.* TO u").unwrap()
    else {
        panic!()
    };
    assert_eq!(privileges.privileges, Privs::of(&[CreateUser, DropRole]));
    assert_eq!(privileges.dynamic, vec!["ROLE_ADMIN".to_string()]);
}

#[test]
fn grant_and_revoke_roles() {
    assert_eq!(
        parse("GRANT 'dj_user' TO 'sailor'@'%'").unwrap(),
        Statement::GrantRoles {
            roles: vec![AuthId::any_host("dj_user")],
            to: vec![AuthId::any_host("sailor")],
            admin_option: false
        }
    );
    assert_eq!(
        parse("GRANT dj_user, `dj_guest` TO sailor, swab WITH ADMIN OPTION").unwrap(),
        Statement::GrantRoles {
            roles: vec![AuthId::any_host("dj_user"), AuthId::any_host("dj_guest")],
            to: vec![AuthId::any_host("sailor"), AuthId::any_host("swab")],
            admin_option: true
        }
    );
    assert_eq!(
        parse("REVOKE 'dj_user' FROM sailor").unwrap(),
        Statement::RevokeRoles { roles: vec![AuthId::any_host("dj_user")], from: vec![AuthId::any_host("sailor")] }
    );
    assert_eq!(
        parse("REVOKE ALL PRIVILEGES, GRANT OPTION FROM sailor").unwrap(),
        Statement::RevokeAll { from: vec![AuthId::any_host("sailor")] }
    );
    let Statement::RevokePrivileges { privileges, level, from } =
        parse("REVOKE ALL ON `common\\_%`.* FROM 'dj_user'").unwrap()
    else {
        panic!()
    };
    assert!(privileges.all);
    assert_eq!(level, Level::Database(r"common\_%".into()));
    assert_eq!(from, vec![AuthId::any_host("dj_user")]);
}

#[test]
fn show_grants_forms() {
    let current = Statement::ShowGrants { for_user: None, using: vec![] };
    assert_eq!(parse("SHOW GRANTS").unwrap(), current);
    assert_eq!(parse("show grants for current_user").unwrap(), current);
    assert_eq!(parse("SHOW GRANTS FOR CURRENT_USER();").unwrap(), current);
    assert_eq!(
        parse("SHOW GRANTS FOR CURRENT_USER() USING 'dj_user'").unwrap(),
        Statement::ShowGrants { for_user: None, using: vec![AuthId::any_host("dj_user")] }
    );
    assert_eq!(
        parse("SHOW GRANTS FOR 'sailor'@'%' USING dj_user, dj_guest").unwrap(),
        Statement::ShowGrants {
            for_user: Some(AuthId::any_host("sailor")),
            using: vec![AuthId::any_host("dj_user"), AuthId::any_host("dj_guest")]
        }
    );
}

#[test]
fn comments_and_scripts() {
    let script = "-- the roles\nCREATE ROLE a; /* a; comment */ CREATE USER 'b;c' # note\n;\n\n;GRANT a TO `b;c`";
    assert_eq!(split_script(script).unwrap(), vec!["CREATE ROLE a", "CREATE USER 'b;c' # note", "GRANT a TO `b;c`"]);
    assert!(parse("CREATE ROLE a -- trailing").is_ok());
}

// oracle (MariaDB's parser) quotes the same text for these.
#[test]
fn malformed_statements_are_1064() {
    assert_eq!(syntax("GRANT SELECT ON *.* 'dj_user'"), near("'dj_user'"));
    assert_eq!(syntax("CREATE USER"), near(""));
    assert_eq!(syntax("CREATE ROLE 'abc"), near("'abc"));
    assert_eq!(syntax("GRANT SELECT ON TO x"), near("TO x"));
    assert_eq!(syntax(r"GRANT SELECT ON `workshop\_%`.* TO"), near(""));
    assert_eq!(syntax("GRANT SELECT ON workshop_%.* TO x"), near("%.* TO x"));
    assert_eq!(syntax("GRANT SHOW ON *.* TO x"), near("ON *.* TO x"));
    assert_eq!(syntax("CREATE USER 'a'@'%' IDENTIFIED BY galley"), near("galley"));
    assert_eq!(syntax("GRANT SELECT ON 'db'.* TO x"), near("'db'.* TO x"));
    assert_eq!(syntax("GRANT SELECT ON *.* TO x WITH ADMIN OPTION"), near("ADMIN OPTION"));
    assert_eq!(syntax("CREATE ROLE select"), near("select"));
    assert_eq!(syntax("CREATE ROLE a b"), near("b"));
    assert_eq!(syntax("GRANT ON *.* TO x"), near("ON *.* TO x"));
    assert_eq!(syntax("CREATE ROLE `a"), near("`a"));
    assert_eq!(syntax("CREATE ROLE a /* open"), near("/* open"));
    assert_eq!(syntax("DROP USER IF sailor"), near("sailor"));
    assert_eq!(syntax("GRANT SELECT ON db.* TO u@"), near(""));
    assert_eq!(syntax("CREATE ROLE a\n\nb"), format!("{} 3", near("b").trim_end_matches(" 1")));
}

#[test]
fn other_statement_errors() {
    let e = parse("GRANT SELECT ON * TO sailor").unwrap_err();
    assert_eq!((e.code, e.message.as_str()), (Some(1046), "No database selected"));
    assert_eq!(parse("GRANT SELECT ON subject TO sailor").unwrap_err().code, Some(1046));
    let e = parse(&format!("CREATE USER '{}'", "x".repeat(33))).unwrap_err();
    assert_eq!(
        e.message,
        format!("String '{}' is too long for user name (should be no longer than 32)", "x".repeat(33))
    );
    assert_eq!(e.code, Some(1470));
    assert_eq!(parse("GRANT SELECT (a) ON db.t TO u").unwrap_err().kind, Kind::NotImplementedError);
    assert_eq!(parse("SELECT 1").unwrap_err().kind, Kind::NotImplementedError);
}
