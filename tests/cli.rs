//! The binary runs and says what it contains.

use assert_cmd::Command;
use predicates::str::contains;

#[test]
fn binary_reports_its_version_and_contents() {
    Command::cargo_bin("djsandbox")
        .unwrap()
        .assert()
        .success()
        .stdout(contains(concat!("djsandbox ", env!("CARGO_PKG_VERSION"))))
        .stdout(contains("DataJoint engine"));
    Command::cargo_bin("djsandbox").unwrap().arg("--version").assert().success().stdout(contains("djsandbox"));
}
