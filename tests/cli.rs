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

#[test]
fn shell_evaluates_statements_across_lines_and_previews_tables() {
    let input = "dj.config[\"database.user\"] = \"root\";\ndj.config[\"database.password\"] = \"root\";\n\
                 let T = dj.schema(\"shell_test\").manual(\"T\", \"id : int\\n---\\nname : varchar(8)\");\n\
                 T.insert([\n  [1, \"a\"],\n  [2, \"b\"]\n]);\nT\nlen(T)\nT.fetch1(\"name\")\n";
    Command::cargo_bin("djsandbox")
        .unwrap()
        .env_remove("DJ_USER")
        .env_remove("DJ_PASS")
        .args(["shell", "--fresh"])
        .write_stdin(input)
        .assert()
        .success()
        .stdout(contains("*id    name    \n+----+ +------+\n1      a       \n2      b       \n (Total: 2)\n2\n"))
        .stderr(contains("DataJointError: fetch1 should only return one tuple. 2 tuples found"));
}
