use super::super::*;
use crate::engine::Kind;

#[test]
fn workshop_logins_activate_all_granted_roles() {
    let a = Accounts::workshop();
    let s = a.authenticate("sailor", Some("galley"), "localhost").unwrap();
    assert_eq!(s.account, AuthId::any_host("sailor"));
    assert_eq!(s.user(), "sailor");
    assert_eq!(s.client_host, "localhost");
    assert_eq!(s.active_roles, vec![AuthId::any_host("dj_user")]);
    let c = a.authenticate("captain", Some("bridge"), "127.0.0.1").unwrap();
    assert_eq!(c.active_roles, vec![AuthId::any_host("dj_admin")]);
    assert!(a.authenticate("swab", Some("bilge"), "localhost").is_ok());
    assert!(Accounts::admin_only().authenticate("root", Some("root"), "localhost").is_ok());
    assert!(Accounts::workshop().authenticate("root", Some("root"), "localhost").is_err());
}

// oracle: "Access denied for user 'sailor'@'127.0.0.1' (using password: YES)" for a wrong
// password and for an unknown user, "(using password: NO)" without one.
#[test]
fn wrong_user_or_password_is_1045() {
    let a = Accounts::workshop();
    let e = a.authenticate("sailor", Some("wrong"), "localhost").unwrap_err();
    assert_eq!((e.kind, e.code), (Kind::OperationalError, Some(1045)));
    assert_eq!(e.message, "Access denied for user 'sailor'@'localhost' (using password: YES)");
    let e = a.authenticate("sailor", None, "localhost").unwrap_err();
    assert_eq!(e.message, "Access denied for user 'sailor'@'localhost' (using password: NO)");
    let e = a.authenticate("sailor", Some(""), "localhost").unwrap_err();
    assert_eq!(e.message, "Access denied for user 'sailor'@'localhost' (using password: NO)");
    let e = a.authenticate("nobody", Some("x"), "127.0.0.1").unwrap_err();
    assert_eq!(e.message, "Access denied for user 'nobody'@'127.0.0.1' (using password: YES)");
    let e = a.authenticate("Sailor", Some("galley"), "localhost").unwrap_err();
    assert_eq!(e.code, Some(1045));
}

#[test]
fn roles_cannot_log_in() {
    let a = Accounts::workshop();
    let e = a.authenticate("dj_user", None, "localhost").unwrap_err();
    assert_eq!(
        (e.code, e.message.as_str()),
        (Some(3118), "Access denied for user 'dj_user'@'localhost'. Account is locked.")
    );
}

#[test]
fn the_most_specific_host_wins() {
    let mut a = Accounts::workshop();
    a.execute("CREATE USER 'sailor'@'localhost' IDENTIFIED BY 'local'").unwrap();
    let e = a.authenticate("sailor", Some("galley"), "localhost").unwrap_err();
    assert_eq!(e.code, Some(1045));
    let s = a.authenticate("sailor", Some("local"), "localhost").unwrap();
    assert_eq!(s.account, AuthId::new("sailor", "localhost"));
    assert!(s.active_roles.is_empty());
    assert!(a.authenticate("sailor", Some("galley"), "10.0.0.2").is_ok());
}

#[test]
fn passwordless_accounts() {
    let mut a = Accounts::empty();
    a.execute("CREATE USER guest").unwrap();
    assert!(a.authenticate("guest", None, "localhost").is_ok());
    assert!(a.authenticate("guest", Some(""), "localhost").is_ok());
    let e = a.authenticate("guest", Some("x"), "localhost").unwrap_err();
    assert_eq!(e.message, "Access denied for user 'guest'@'localhost' (using password: YES)");
    a.execute("ALTER USER guest IDENTIFIED BY 'pw'").unwrap();
    assert!(a.authenticate("guest", Some("pw"), "localhost").is_ok());
}
