//! Golden scripts: every `tests/scripts/NAME.rhai` runs through the binary (`djsandbox run
//! --fresh`) and must print exactly `NAME.out` on stdout and `NAME.err` on stderr (an `.err`
//! file also means the script must fail). The expected files are data, checked against the
//! oracle through the rhai bridge where they involve DataJoint.

use std::path::Path;

use assert_cmd::Command;

#[test]
fn golden_scripts_print_what_they_should() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scripts");
    let mut scripts: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rhai"))
        .collect();
    scripts.sort();
    assert!(!scripts.is_empty());
    for script in scripts {
        let name = script.file_stem().unwrap().to_string_lossy().to_string();
        let expected_out = std::fs::read_to_string(dir.join(format!("{name}.out"))).unwrap_or_default();
        let expected_err = std::fs::read_to_string(dir.join(format!("{name}.err"))).ok();
        let relative = format!("tests/scripts/{name}.rhai");
        let output = Command::cargo_bin("djsandbox")
            .unwrap()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env_remove("DJ_USER")
            .env_remove("DJ_PASS")
            .env_remove("DJ_HOST")
            .args(["run", "--fresh", "--timeout", "1", &relative])
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(stdout, expected_out, "{name}: stdout");
        match expected_err {
            Some(err) => {
                assert_eq!(stderr, err, "{name}: stderr");
                assert_eq!(output.status.code(), Some(1), "{name}: exit code");
            }
            None => assert!(output.status.success(), "{name}: failed with {stderr}"),
        }
    }
}
