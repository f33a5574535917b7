//! The course commands through the binary, on the small exercise set in tests/exercises: init,
//! list, check (text, JSON, JUnit), hints (progressive and targeted), reset, verify, export,
//! the variant world catching a typed-in answer, runaway scripts, and progress.json's safety.

use std::path::Path;

use assert_cmd::Command;

const SET: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/exercises");

fn djsandbox(workspace: &Path) -> Command {
    let mut c = Command::cargo_bin("djsandbox").unwrap();
    c.args(["--exercises", SET, "--workspace"]).arg(workspace).env_remove("DJ_USER").env_remove("DJ_PASS");
    c
}

/// Run and return (exit code, stdout).
fn run(workspace: &Path, args: &[&str]) -> (i32, String) {
    let out = djsandbox(workspace).args(args).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(run(dir.path(), &["init"]).0, 0);
    dir
}

fn write(ws: &Path, file: &str, text: &str) {
    std::fs::write(ws.join(file), text).unwrap();
}

const MICE: &str = "01_basics/01_count_mice.rhai";

#[test]
fn init_writes_starters_lessons_and_a_readme_and_keeps_existing_files() {
    let ws = workspace();
    assert!(ws.path().join(MICE).is_file());
    assert!(ws.path().join("01_basics/02_params.rhai").is_file());
    assert!(ws.path().join("01_basics/LESSON.md").is_file());
    assert!(ws.path().join("README.md").is_file());
    write(ws.path(), MICE, "// mine");
    run(ws.path(), &["init"]);
    assert_eq!(std::fs::read_to_string(ws.path().join(MICE)).unwrap(), "// mine");
}

#[test]
fn check_grades_in_text_json_and_junit_and_exits_by_the_result() {
    let ws = workspace();
    let (code, text) = run(ws.path(), &["check"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("check_text_starters", text);
    let (_, json) = run(ws.path(), &["check", "params", "--format", "json"]);
    insta::assert_snapshot!("check_json_params", json);
    let (_, junit) = run(ws.path(), &["check", "basics", "--format", "junit"]);
    insta::assert_snapshot!("check_junit_starters", junit);
    write(ws.path(), MICE, &std::fs::read_to_string(format!("{SET}/01_basics/01_count_mice/solution.rhai")).unwrap());
    let (code, text) = run(ws.path(), &["check", "count_mice"]);
    assert_eq!(
        (code, text.as_str()),
        (0, "PASS basics/count_mice — Count the mice\n  ✓ counted\n1 of 1 exercise pass\n")
    );
    let (_, list) = run(ws.path(), &["list"]);
    insta::assert_snapshot!("list_after_checks", list);
}

#[test]
fn an_answer_typed_in_fails_in_the_variant_world() {
    let ws = workspace();
    // 3 is right in the workshop's own world and wrong in its variant (one more mouse).
    write(ws.path(), MICE, "let n_mice = 3;");
    let (code, text) = run(ws.path(), &["check", "count_mice"]);
    assert_eq!(code, 1);
    assert!(text.contains("✗ counted: n_mice is 3; the database has 4 mice (with other rows in the world"), "{text}");
}

#[test]
fn targeted_hints_fire_on_an_error_kind_and_on_a_named_hint() {
    let ws = workspace();
    write(ws.path(), MICE, "let n_mice = len(Subject);");
    let (_, text) = run(ws.path(), &["check", "count_mice"]);
    assert!(text.contains("your script stopped: NameError: name 'Subject' is not defined"), "{text}");
    assert!(text.contains("hint: Import the table first"), "{text}");
    write(ws.path(), "01_basics/02_params.rhai", "throw \"stop\";");
    let (_, text) = run(ws.path(), &["check", "params"]);
    assert!(text.contains("hint: Both rows are needed: default and quick."), "{text}");
}

#[test]
fn a_runaway_script_fails_a_check_with_the_limit_and_grading_finishes() {
    let ws = workspace();
    write(ws.path(), MICE, "let n_mice = 0; loop { n_mice += 1; }");
    let (code, text) = run(ws.path(), &["check", "count_mice"]);
    assert_eq!(code, 1);
    // The operations limit or the wall clock, whichever comes first on this machine.
    assert!(text.contains("✗ runs within the limits: "), "{text}");
    assert!(text.contains("limit of operations") || text.contains("time limit of 5 s"), "{text}");
}

#[test]
fn hints_are_revealed_one_at_a_time_and_remembered() {
    let ws = workspace();
    let (_, first) = run(ws.path(), &["hint", "count_mice"]);
    assert_eq!(first, "Hint 1 of 2 for basics/count_mice:\nRestrict Subject by a map.\n");
    let (_, second) = run(ws.path(), &["hint", "basics/count_mice"]);
    assert!(second.starts_with("Hint 2 of 2"), "{second}");
    let (_, all) = run(ws.path(), &["hint", "count_mice"]);
    assert!(all.starts_with("All 2 hints for basics/count_mice have been shown:\n1. Restrict"), "{all}");
    let (code, _) = run(ws.path(), &["hint", "basics"]);
    assert_ne!(code, 0);
}

#[test]
fn reset_restores_the_starter_and_keeps_a_backup() {
    let ws = workspace();
    write(ws.path(), MICE, "// my attempt");
    let (code, _) = run(ws.path(), &["reset", "count_mice", "--yes"]);
    assert_eq!(code, 0);
    let starter = std::fs::read_to_string(format!("{SET}/01_basics/01_count_mice/starter.rhai")).unwrap();
    assert_eq!(std::fs::read_to_string(ws.path().join(MICE)).unwrap(), starter);
    let backups: Vec<_> = std::fs::read_dir(ws.path().join("01_basics"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("01_count_mice.rhai.bak-"))
        .collect();
    assert_eq!(backups.len(), 1);
    assert_eq!(std::fs::read_to_string(backups[0].path()).unwrap(), "// my attempt");
    // Without --yes and no "y" on stdin, nothing changes.
    write(ws.path(), MICE, "// again");
    djsandbox(ws.path()).args(["reset", "count_mice"]).write_stdin("n\n").assert().code(1);
    assert_eq!(std::fs::read_to_string(ws.path().join(MICE)).unwrap(), "// again");
}

#[test]
fn verify_passes_the_set_and_reports_a_broken_one() {
    let ws = tempfile::tempdir().unwrap();
    let (code, text) = run(ws.path(), &["verify"]);
    assert_eq!(
        (code, text.as_str()),
        (0, "ok   basics/count_mice\nok   basics/params\n2 exercises, 0 with problems\n")
    );
    // A copy whose solution is wrong and whose starter already passes.
    let broken = tempfile::tempdir().unwrap();
    Command::cargo_bin("djsandbox")
        .unwrap()
        .args(["--exercises", SET, "exercises", "export"])
        .arg(broken.path())
        .assert()
        .success();
    let ex = broken.path().join("01_basics/01_count_mice");
    std::fs::write(ex.join("starter.rhai"), std::fs::read_to_string(ex.join("solution.rhai")).unwrap()).unwrap();
    std::fs::write(ex.join("check.rhai"), "check(\"counted\", learner.vars.n_mice == 3, \"no\");").unwrap();
    let out = Command::cargo_bin("djsandbox")
        .unwrap()
        .arg("--exercises")
        .arg(broken.path())
        .args(["verify", "--format", "junit"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!("verify_junit_broken", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn export_writes_the_set_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let export = |d: &Path| {
        Command::cargo_bin("djsandbox")
            .unwrap()
            .args(["--exercises", SET, "exercises", "export"])
            .arg(d)
            .output()
            .unwrap()
    };
    assert!(export(dir.path()).status.success());
    assert!(dir.path().join("01_basics/02_params/setup.rhai").is_file());
    let again = export(dir.path());
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
}

#[test]
fn a_damaged_progress_file_is_set_aside_and_reported() {
    let ws = workspace();
    std::fs::create_dir_all(ws.path().join(".djsandbox")).unwrap();
    std::fs::write(ws.path().join(".djsandbox/progress.json"), "{ not json").unwrap();
    let out = djsandbox(ws.path()).args(["list"]).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("could not be read"));
    let kept: Vec<_> = std::fs::read_dir(ws.path().join(".djsandbox"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("progress.json.damaged-"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(std::fs::read_to_string(kept[0].path()).unwrap(), "{ not json");
}

#[test]
fn a_write_that_fails_midway_leaves_the_old_progress_whole() {
    use djsandbox::course::Progress;
    let ws = tempfile::tempdir().unwrap();
    let mut p = Progress::default();
    p.record("basics/count_mice", vec!["counted".into()], vec![]);
    p.save(ws.path()).unwrap();
    let before = std::fs::read_to_string(ws.path().join(".djsandbox/progress.json")).unwrap();
    // The temporary file's name taken by a directory: the write fails before the rename.
    let tmp = ws.path().join(format!(".djsandbox/.progress.json.{}.tmp", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    p.record("basics/params", vec![], vec!["params".into()]);
    assert!(p.save(ws.path()).is_err());
    assert_eq!(std::fs::read_to_string(ws.path().join(".djsandbox/progress.json")).unwrap(), before);
    let (loaded, note) = Progress::load(ws.path()).unwrap();
    assert_eq!((loaded.exercises.len(), note), (1, None));
}
