//! `djsandbox export --python`: a schema declared by a rhai script, exported as a DataJoint
//! module. The snapshots are what was run on the real thing (Spyglass 0.6.0, DataJoint 0.14.10,
//! MariaDB): `tests/export/template.snap`'s module declared the workshop template's tables,
//! inserted its rows (Lookup contents and `insert_data()`), and its translated `make`
//! repopulated `MyAnalysis` and `MyAnalysis.MyPart` with exactly the rows the sandbox computed;
//! its classmethods `MyParams.insert_default()` and `MyAnalysisSelection.insert_all("quick")`
//! (script functions the rhai called on those tables) ran and added the expected rows.

use std::path::Path;

use assert_cmd::Command;

fn djsandbox(workspace: &Path) -> Command {
    let mut c = Command::cargo_bin("djsandbox").unwrap();
    c.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("DJ_USER")
        .env_remove("DJ_PASS")
        .env_remove("DJ_HOST")
        .env_remove("USER")
        .env_remove("DJSANDBOX_INTERACTIVE")
        .env("DJSANDBOX_SEED", "1")
        .arg("--workspace")
        .arg(workspace);
    c
}

/// Run `tests/export/NAME.rhai` in a new workspace, then export with `args`.
fn export(name: &str, args: &[&str]) -> String {
    let workspace = tempfile::tempdir().unwrap();
    let run = djsandbox(workspace.path()).args(["run", &format!("tests/export/{name}.rhai")]).output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let out = djsandbox(workspace.path()).args(["export", "--python"]).args(args).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/export"));
    s.set_prepend_module_to_snapshot(false);
    s
}

#[test]
fn the_workshop_template_exports_as_a_runnable_module() {
    let text = export("template", &["--data"]);
    settings().bind(|| insta::assert_snapshot!("template", text));
}

#[test]
fn an_export_can_be_written_to_a_file() {
    let workspace = tempfile::tempdir().unwrap();
    let run = djsandbox(workspace.path()).args(["run", "tests/export/template.rhai"]).output().unwrap();
    assert!(run.status.success());
    let file = workspace.path().join("out.py");
    let out = djsandbox(workspace.path()).args(["export", "--python", "-o"]).arg(&file).output().unwrap();
    assert!(out.status.success() && out.stdout.is_empty());
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.contains("class MySubject(SpyglassMixin, dj.Lookup):") && !text.contains("def insert_data"));
}

#[test]
fn a_schema_that_does_not_exist_is_an_error() {
    let workspace = tempfile::tempdir().unwrap();
    let out = djsandbox(workspace.path()).args(["export", "--python", "workshop_nobody"]).output().unwrap();
    assert!(!out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: no schema 'workshop_nobody' in your world (`dj.list_schemas()` in `djsandbox shell` lists them)\n"
    );
}

/// The workshop's analysis make translated (run on the oracle: with a string `subject_id` in
/// the part rows, real Spyglass 0.6.0 populated `MyAnalysis` with `total_result` 5 and the
/// sandbox's two part rows), Spyglass classes imported from their modules, `Subject.proj(...)`
/// kept, rows of a table whose make wrote an analysis file left to `populate`, and a make
/// with integer division kept as rhai.
#[test]
fn a_spyglass_analysis_exports_with_imports_and_the_fallback() {
    let text = export("analysis", &["--data"]);
    settings().bind(|| insta::assert_snapshot!("analysis", text));
}
