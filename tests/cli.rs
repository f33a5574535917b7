//! The binary runs and says what it contains.

use assert_cmd::Command;
use predicates::str::contains;

#[test]
fn binary_reports_its_version_and_contents() {
    // The exercise set's version rides along: how many exercises, and a digest of the files.
    let out = Command::cargo_bin("djsandbox").unwrap().arg("--version").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with(concat!("djsandbox ", env!("CARGO_PKG_VERSION"), " (")), "{text}");
    assert!(text.contains(" exercises, set "), "{text}");
}

#[test]
fn without_a_terminal_the_workshop_is_written_and_the_progress_printed() {
    // No command opens the workshop in ./workshop; with no terminal to draw on, the summary.
    let dir = tempfile::tempdir().unwrap();
    Command::cargo_bin("djsandbox")
        .unwrap()
        .current_dir(dir.path())
        .assert()
        .success()
        .stdout(contains("Created the workshop in"))
        .stdout(contains("Start: run `djsandbox` in a terminal, or edit 01_connection/01_write_config.rhai"))
        .stdout(contains("Help: `djsandbox --help`"))
        .stdout(contains("No terminal to draw on; your progress:"))
        .stdout(contains("connection — "))
        .stdout(contains("[ ] write_config"));
    assert!(dir.path().join("workshop/01_connection/01_write_config.rhai").is_file());
    assert!(dir.path().join("workshop/01_connection/LESSON.md").is_file());
    // The second time, the same workshop: nothing written again.
    let out = Command::cargo_bin("djsandbox").unwrap().current_dir(dir.path()).output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains("Created"));
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

#[test]
fn the_shell_remembers_imports_and_functions_between_statements() {
    // As in Python's REPL: a module imported and a function defined stay for later lines.
    let input = "import \"spyglass/common\" as common;\nfn twice(x) { x * 2 }\n\
                 print(common::Session.full_table_name);\nprint(twice(21));\ndj.Diagram(common::Session)\n";
    Command::cargo_bin("djsandbox")
        .unwrap()
        .args(["shell", "--fresh"])
        .write_stdin(input)
        .assert()
        .success()
        .stdout(contains("`common_session`.`_session`\n42\n(Session)\n"))
        .stdout(contains("[Manual]  {Lookup}"));
}

#[test]
fn run_stops_a_runaway_script_at_its_timeout() {
    // Each turn writes 10,000 characters: on any machine the time limit comes long before the
    // 50 million operations run out. (Where it stops within the loop varies, so only the
    // traceback's first and last lines are pinned.)
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("slow.rhai");
    std::fs::write(&script, "loop { let s = \"\"; s.pad(10000, 'x'); }\n").unwrap();
    Command::cargo_bin("djsandbox")
        .unwrap()
        .args(["run", "--fresh", "--timeout", "1"])
        .arg(&script)
        .assert()
        .code(1)
        .stderr(predicates::str::starts_with("Traceback (most recent call last):\n"))
        .stderr(predicates::str::ends_with("TimeoutError: the script ran longer than its time limit of 1 s\n"));
}

#[test]
fn every_command_explains_itself_with_help() {
    for command in [
        &["init"][..],
        &["list"],
        &["check"],
        &["hint"],
        &["reset"],
        &["verify"],
        &["exercises", "export"],
        &["run"],
        &["diagram"],
        &["shell"],
        &["export"],
        &["import"],
    ] {
        Command::cargo_bin("djsandbox")
            .unwrap()
            .args(command)
            .arg("--help")
            .assert()
            .success()
            .stdout(contains("Usage: djsandbox"))
            .stdout(contains("--workspace"));
    }
    Command::cargo_bin("djsandbox")
        .unwrap()
        .args(["check", "--help"])
        .assert()
        .success()
        .stdout(contains("--format"))
        .stdout(contains("junit"));
}

#[test]
fn a_reader_that_goes_away_ends_the_command_quietly() {
    // `djsandbox list | head -1`: the pipe closes before the list is written; no panic, exit 0.
    let dir = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("djsandbox"))
        .arg("list")
        .current_dir(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    // With standard error gone too, an error still ends with 1, not a panic's 101.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("djsandbox"))
        .args(["hint", "nosuch"])
        .current_dir(dir.path())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stderr.take());
    assert_eq!(child.wait().unwrap().code(), Some(1));
}

#[test]
fn errors_say_what_went_wrong_and_what_to_do_next() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        let out = Command::cargo_bin("djsandbox").unwrap().args(args).current_dir(dir.path()).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    assert_eq!(
        run(&["check"]),
        format!(
            "error: no exercise file to check in {}: it is not a workspace yet; run `djsandbox init` there, or \
             name the workspace with `--workspace DIR`\n",
            dir.path().display()
        )
    );
    assert!(run(&["check", "write_config"])
        .ends_with("`djsandbox reset 01_connection/01_write_config.rhai` writes its starter\n"));
    assert_eq!(run(&["hint", "nosuch"]), "error: no exercise or section 'nosuch' (try `djsandbox list`)\n");
    // The cause follows on the same line, not in a `Caused by:` block.
    assert!(run(&["run", "nosuch.rhai"]).starts_with("error: cannot read nosuch.rhai: "));
    assert!(run(&["export", "--sql"]).contains("or name the schemas: `djsandbox export --sql SCHEMA...`"));
    std::fs::write(dir.path().join("README.md"), "mine").unwrap();
    assert!(run(&["exercises", "export", "."]).contains("already exists (export into an empty or new directory)"));
    // A wrong --exercises or --scenarios path, and a world file that is not one.
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    assert!(run(&["--exercises", "empty", "list"]).starts_with("error: no exercises in empty: a set has a NN_section/"));
    std::fs::write(dir.path().join("x.rhai"), "print(1);").unwrap();
    assert!(run(&["--scenarios", "empty", "run", "x.rhai"]).contains("is the --scenarios path right?"));
    std::fs::create_dir_all(dir.path().join(".djsandbox")).unwrap();
    std::fs::write(dir.path().join(".djsandbox/world.sqlite"), "not a world").unwrap();
    assert!(run(&["run", "x.rhai"]).contains(
        "your world cannot be opened (sandbox storage error: file is not a database); move the file away or delete it"
    ));
}

#[test]
fn the_examples_in_the_help_run_as_written() {
    // In a workspace where the learner declared a schema, with a scratch script and a dump.
    let dir = tempfile::tempdir().unwrap();
    let djsandbox = |args: &[&str]| {
        Command::cargo_bin("djsandbox")
            .unwrap()
            .args(args)
            .current_dir(dir.path())
            .env("USER", "sailor")
            .output()
            .unwrap()
    };
    assert!(djsandbox(&["init"]).status.success());
    for (file, solution) in [
        ("config.rhai", include_str!("../exercises/01_connection/01_write_config/solution.rhai")),
        ("declare.rhai", include_str!("../exercises/02_schema/01_declare/solution.rhai")),
    ] {
        std::fs::write(dir.path().join(file), solution).unwrap();
        assert!(djsandbox(&["run", file]).status.success(), "{file}");
    }
    std::fs::write(dir.path().join("scratch.rhai"), "print(40 + 2);\n").unwrap();
    std::fs::write(
        dir.path().join("lab.sql"),
        "CREATE DATABASE `lab_session`;\nCREATE TABLE `lab_session`.`subject` (`name` varchar(8) NOT NULL, \
         PRIMARY KEY (`name`));\nINSERT INTO `lab_session`.`subject` VALUES ('ada');\n",
    )
    .unwrap();
    let mut ran = 0;
    for command in ["check", "hint", "run", "diagram", "export", "import"] {
        let help = String::from_utf8(djsandbox(&[command, "--help"]).stdout).unwrap();
        let Some((_, examples)) = help.split_once("\nExamples:\n") else { continue };
        // `mysqldump … > lab.sql; djsandbox import …`: the dump is already here; run our part.
        for example in examples.lines().flat_map(|l| l.split("; ")).filter_map(|l| l.trim().strip_prefix("djsandbox "))
        {
            let args: Vec<&str> = example.split_whitespace().collect();
            let out = djsandbox(&args);
            let stderr = String::from_utf8_lossy(&out.stderr);
            // `check` exits 1 when an exercise fails: the starters do; that is no error.
            assert!(out.status.code() == Some(0) || command == "check", "{example}: {stderr}");
            assert!(!stderr.contains("error:") && !stderr.contains("panicked"), "{example}: {stderr}");
            // What it printed (a starter script may print nothing; a file written is checked below).
            let quiet = command == "run" || args.contains(&"-o") || args.contains(&"--svg");
            assert!(!out.stdout.is_empty() || quiet, "{example}");
            ran += 1;
        }
    }
    assert_eq!(ran, 11);
    assert!(dir.path().join("my_pipeline.py").is_file() && dir.path().join("session.svg").is_file());
    assert!(dir.path().join("my_scenarios/lab/scenario.toml").is_file());
}

#[test]
fn a_script_saved_with_windows_line_ends_runs_as_python_reads_it() {
    // Universal newlines: the line end inside a multi-line string is "\n", whatever the editor
    // saved, and errors name the same line.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notepad.rhai"), "let s = `a\r\nb`;\r\nprint(s.len());\r\nprint(s[9]);\r\n")
        .unwrap();
    let out = Command::cargo_bin("djsandbox")
        .unwrap()
        .args(["run", "notepad.rhai", "--fresh"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "3\n");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("line 4, column 9\n    print(s[9]);\nIndexError") && !stderr.contains('\r'), "{stderr}");
}

#[test]
fn inside_a_section_folder_the_commands_work_on_its_workspace() {
    // Where a learner stands while editing: `cd 01_connection` and `djsandbox check` still
    // grades (and remembers) in the workspace, not in a new one.
    let dir = tempfile::tempdir().unwrap();
    Command::cargo_bin("djsandbox").unwrap().arg("init").current_dir(dir.path()).assert().success();
    assert!(dir.path().join(".djsandbox").is_dir(), "init marks the workspace");
    let section = dir.path().join("01_connection");
    let at =
        |args: &[&str]| Command::cargo_bin("djsandbox").unwrap().args(args).current_dir(&section).output().unwrap();
    let out = at(&["check", "write_config"]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("FAIL connection/write_config"));
    assert!(dir.path().join(".djsandbox/progress.json").is_file() && !section.join(".djsandbox").exists());
    assert!(String::from_utf8_lossy(&at(&["list"]).stdout).contains("[✗] write_config"));
    // The file as the shell completes it there names the exercise too (PowerShell adds `.\`).
    for file in ["01_write_config.rhai", "./01_write_config.rhai", ".\\01_write_config.rhai"] {
        let out = at(&["hint", file]);
        assert!(String::from_utf8_lossy(&out.stdout).contains("for connection/write_config"), "{file}");
    }
    // A folder that is not a section of a workspace is its own workspace, as before.
    let other = tempfile::tempdir().unwrap();
    std::fs::create_dir(other.path().join("01_notes")).unwrap();
    let out = Command::cargo_bin("djsandbox")
        .unwrap()
        .arg("check")
        .current_dir(other.path().join("01_notes"))
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("01_notes: it is not a workspace yet"));
}
