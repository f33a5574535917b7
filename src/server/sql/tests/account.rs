//! Account statements through raw SQL: an administrator sets up the workshop's accounts, an
//! attendee may not.

use std::path::Path;

use super::*;

#[test]
fn root_creates_and_grants_and_the_new_account_logs_in_with_them() {
    let mut sv = server("root");
    sv.accounts = Accounts::admin_only();
    ok(&mut sv, "CREATE ROLE IF NOT EXISTS 'dj_user'");
    ok(&mut sv, "GRANT CREATE, SELECT ON *.* TO 'dj_user'");
    ok(&mut sv, "GRANT ALL PRIVILEGES ON `workshop\\_%%`.* TO 'dj_user'");
    ok(&mut sv, "create user if not exists 'sailor'@'%%' identified by 'galley'");
    ok(&mut sv, "GRANT 'dj_user' TO 'sailor'@'%%'");
    // Again: IF NOT EXISTS and repeated grants change nothing.
    ok(&mut sv, "CREATE USER IF NOT EXISTS 'sailor'@'%%' IDENTIFIED BY 'galley'");
    let (kind, msg) = err(&mut sv, "CREATE USER 'sailor'@'%%'");
    assert_eq!((kind.as_str(), msg.as_str()), ("OperationalError", "Operation CREATE USER failed for 'sailor'@'%'"));
    // The accounts are kept in the world, as MySQL keeps them in its grant tables.
    let kept = Server::new(std::mem::replace(&mut sv.world, World::in_memory().expect("world")), Path::new("."));
    let mut kept = kept.expect("server");
    kept.config.set("database.user", Value::Str("sailor".into())).expect("user");
    kept.config.set("database.password", Value::Str("galley".into())).expect("password");
    let r = ok(&mut kept, "SHOW GRANTS");
    assert_eq!(r.rows.last().expect("rows")[0], s("GRANT `dj_user`@`%` TO `sailor`@`%`"));
}

#[test]
fn an_attendee_may_not_run_account_statements() {
    let mut sv = server("sailor");
    for sql in ["CREATE USER 'eve'@'%%'", "GRANT ALL PRIVILEGES ON *.* TO 'sailor'@'%%'", "DROP ROLE 'dj_guest'"] {
        let e = q(&mut sv, sql).unwrap_err();
        assert_eq!(
            (e.kind.name(), e.code, e.message.as_str()),
            (
                "OperationalError",
                Some(1227),
                "Access denied; you need (at least one of) the CREATE USER privilege(s) for this operation"
            ),
            "{sql}"
        );
    }
    // captain (dj_admin: ALL on *.*) may.
    let mut sv = server("captain");
    ok(&mut sv, "CREATE USER 'eve'@'%%' IDENTIFIED BY 'x'");
}
