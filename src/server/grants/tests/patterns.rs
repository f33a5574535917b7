use super::super::*;

// oracle: `hgrant\_a%` let a user create hgrant_a1 but not hgrantXa1 or HGRANT_A2; `hgrantb_%`
// matched hgrantb_1, hgrantbx1 and hgrantb1, not hgrantb.
#[test]
fn escaped_underscore_is_literal() {
    assert!(db_matches(r"workshop\_%", "workshop_sailor"));
    assert!(db_matches(r"workshop\_%", "workshop_"));
    assert!(!db_matches(r"workshop\_%", "workshopx"));
    assert!(!db_matches(r"workshop\_%", "workshopx_sailor"));
    assert!(!db_matches(r"workshop\_%", "WORKSHOP_sailor"));
    assert!(!db_matches(r"workshop\_%", "alice_workshop"));
}

#[test]
fn unescaped_underscore_matches_any_character() {
    assert!(db_matches("workshop_%", "workshopx"));
    assert!(db_matches("workshop_%", "workshop_sailor"));
    assert!(!db_matches("workshop_%", "workshop"));
    assert!(db_matches("hgrantb_%", "hgrantb1"));
    assert!(!db_matches("hgrantb_%", "hgrantb"));
}

#[test]
fn percent_and_literals() {
    assert!(db_matches("%", ""));
    assert!(db_matches("%", "anything"));
    assert!(db_matches("a%b%c", "aXXbYYc"));
    assert!(!db_matches("a%b%c", "aXXbYY"));
    assert!(db_matches("common_subject", "common_subject"));
    assert!(db_matches("common_subject", "commonXsubject"));
    assert!(db_matches(r"common\_subject", "common_subject"));
    assert!(!db_matches(r"common\_subject", "commonXsubject"));
    assert!(db_matches(r"100\%", "100%"));
    assert!(!db_matches(r"100\%", "1000"));
    assert!(db_matches("x\\", "x\\"));
    assert!(db_matches("é_", "éa"));
}

#[test]
fn host_patterns_fold_case() {
    assert!(host_matches("%", "localhost"));
    assert!(host_matches("localhost", "LocalHost"));
    assert!(host_matches("192.168.1.%", "192.168.1.20"));
    assert!(!host_matches("192.168.1.%", "192.168.2.20"));
}

#[test]
fn many_percents_stay_fast() {
    let pattern = "%a".repeat(30);
    let name = "a".repeat(29) + "b";
    assert!(!db_matches(&pattern, &name));
}
