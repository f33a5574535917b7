//! The round trip the issue names, through the binary: a pipeline declared in rhai
//! (tests/roundtrip/declare.rhai) → `export --sql --data` → `import --sql` into another
//! workspace → the same tables (the server's SHOW CREATE TABLE), the same rows, and the
//! Lookup's blobs read back as the same dicts.

use std::path::Path;

use assert_cmd::Command;

fn djsandbox(workspace: &Path, args: &[&str]) -> String {
    let out = Command::cargo_bin("djsandbox")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("DJ_USER")
        .env_remove("DJ_PASS")
        .arg("--workspace")
        .arg(workspace)
        .args(args)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{args:?} failed:\n{text}\n{}", String::from_utf8_lossy(&out.stderr));
    text
}

#[test]
fn declared_in_rhai_exported_and_imported_the_tables_and_rows_are_the_same() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    djsandbox(a.path(), &["run", "tests/roundtrip/declare.rhai"]);
    let dump = a.path().join("dump.sql");
    djsandbox(a.path(), &["export", "--sql", "--data", "-o", dump.to_str().unwrap(), "workshop_rt"]);
    djsandbox(b.path(), &["import", "--sql", dump.to_str().unwrap()]);
    let before = djsandbox(a.path(), &["run", "tests/roundtrip/show.rhai"]);
    let after = djsandbox(b.path(), &["run", "tests/roundtrip/show.rhai"]);
    assert!(before.contains("CREATE TABLE `__result__step`"), "{before}");
    assert!(before.contains("\"tags\": [\"a\", \"b\"]"), "{before}");
    assert_eq!(after, before);
}
