//! A person at the terminal: `breakpoint()` and `run --debug` open pdb's prompt, and safemode's
//! questions are asked and answered. `DJSANDBOX_INTERACTIVE=1` makes the piped stdin count as a
//! terminal; without it (a pipe, CI) breakpoints are skipped with a note and questions answered no.

use assert_cmd::Command;
use predicates::prelude::*;

fn run(script: &str, debug: bool, interactive: bool, input: &str) -> assert_cmd::assert::Assert {
    let mut cmd = Command::cargo_bin("djsandbox").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR")).env_remove("DJ_USER").env_remove("DJ_PASS");
    if interactive {
        cmd.env("DJSANDBOX_INTERACTIVE", "1");
    } else {
        cmd.env_remove("DJSANDBOX_INTERACTIVE");
    }
    cmd.args(["run", "--fresh"]);
    if debug {
        cmd.arg("--debug");
    }
    cmd.arg(format!("tests/interactive/{script}")).write_stdin(input).assert()
}

#[test]
fn breakpoint_opens_a_prompt_with_the_scripts_variables() {
    let out = run("breakpoints.rhai", false, true, "p x\nx = 100\nl\nc\nvars\np inner + 1\nc\n").success();
    out.stdout(
        "> tests/interactive/breakpoints.rhai(7)\n-> breakpoint();\n\
         (Pdb) 41\n(Pdb) (Pdb)    2    fn f(a) {\n   3        let inner = a * 2;\n   4        breakpoint();\n\
         \x20  5        inner\n   6    }\n   7 -> breakpoint();\n   8    x += 1;\n   9    print(`x is ${x}`);\n\
         \x20 10    print(f(x));\n(Pdb) x is 101\n> tests/interactive/breakpoints.rhai(4)\n-> breakpoint();\n\
         (Pdb) a = 101\ninner = 202\n(Pdb) 203\n(Pdb) 202\n",
    );
}

#[test]
fn breakpoint_without_a_terminal_is_a_note_and_the_script_goes_on() {
    run("breakpoints.rhai", false, false, "").success().stdout("x is 42\n84\n").stderr(
        "breakpoint() at tests/interactive/breakpoints.rhai, line 7: no terminal to debug at, so the script goes on\n\
         breakpoint() at tests/interactive/breakpoints.rhai, line 4: no terminal to debug at, so the script goes on\n",
    );
}

#[test]
fn quitting_at_the_prompt_stops_the_script() {
    run("breakpoints.rhai", false, true, "q\n")
        .code(1)
        .stdout(predicate::str::contains("x is").not())
        .stderr(predicate::str::ends_with("BdbQuit: quit at the debugger's prompt\n"));
}

#[test]
fn debug_opens_the_prompt_after_an_uncaught_error() {
    run("post_mortem.rhai", true, true, "p rows\nm.b = 5\np m\nq\n")
        .code(1)
        .stdout(
            "Entering post mortem debugging: the script's top-level variables are in scope (h for help).\n\
             > tests/interactive/post_mortem.rhai(3)\n-> print(m.b);\n(Pdb) [1, 2]\n(Pdb) (Pdb) #{\"a\": 1, \"b\": 5}\n(Pdb) ",
        )
        .stderr(predicate::str::ends_with("KeyError: 'b'\n"));
    run("post_mortem.rhai", true, false, "")
        .code(1)
        .stderr(predicate::str::ends_with("--debug: no terminal to debug at.\n"));
}

#[test]
fn safemode_asks_until_answered_and_does_what_it_is_told() {
    run("safemode.rhai", false, true, "maybe\nyes\nno\n").success().stdout(
        "[INFO]: Deleting 2 rows from `safemode_root`.`t`\nCommit deletes? [yes, No]: Commit deletes? [yes, No]: \
         [INFO]: Delete committed.\n2\n1\n[INFO]: `safemode_root`.`t` (1 tuples)\nProceed? [yes, No]: [\"t\"]\n",
    );
    run("safemode.rhai", false, false, "").success().stdout(
        "[INFO]: Deleting 2 rows from `safemode_root`.`t`\nCommit deletes? [yes, No]: (no terminal: answered no)\n\
         [WARNING]: Delete cancelled\n2\n3\n[INFO]: `safemode_root`.`t` (3 tuples)\nProceed? [yes, No]: (no terminal: answered \
         no)\n[\"t\"]\n",
    );
}
