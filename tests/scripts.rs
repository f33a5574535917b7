//! Golden scripts: every `tests/scripts/NAME.rhai` runs through the binary (`djsandbox run
//! --fresh`), and its exit code, stdout and stderr must equal the insta snapshot
//! `tests/scripts/snapshots/NAME.snap` — data, checked against the real DataJoint (the oracle's
//! rhai bridge) where they involve DataJoint. After a deliberate change: `cargo insta review`
//! (or `INSTA_UPDATE=always cargo test --test scripts`), then read the diff.

use std::path::Path;

use assert_cmd::Command;

/// What a script did, as its snapshot records it.
fn run(name: &str) -> String {
    // A workspace of its own, so files a script writes (`dj.config.save_local()`) stay out of the tree.
    let workspace = tempfile::tempdir().unwrap();
    let output = Command::cargo_bin("djsandbox")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("DJ_USER")
        .env_remove("DJ_PASS")
        .env_remove("DJ_HOST")
        .env_remove("DJSANDBOX_INTERACTIVE")
        .env("DJSANDBOX_SEED", "1")
        .arg("--workspace")
        .arg(workspace.path())
        .args(["run", "--fresh", "--timeout", "1", &format!("tests/scripts/{name}.rhai")])
        .output()
        .unwrap();
    format!(
        "exit code: {}\n----- stdout -----\n{}----- stderr -----\n{}",
        output.status.code().map_or("killed".to_string(), |c| c.to_string()),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[test]
fn golden_scripts_print_what_they_should() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scripts");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rhai"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().to_string())
        .collect();
    names.sort();
    assert!(names.len() >= 10, "the golden scripts are missing");
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(dir.join("snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for name in &names {
            insta::assert_snapshot!(name.as_str(), run(name));
        }
    });
}
