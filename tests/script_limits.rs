//! One test per script limit: each ends a runaway script with an error naming the limit, never
//! a hang or a crash. Run through the public API with small limits (and the binary's counting
//! allocator, so the memory limit is live here too).

use std::time::Duration;

use djsandbox::engine::World;
use djsandbox::script::{run, Limits};
use djsandbox::server::Server;

#[global_allocator]
static ALLOCATOR: djsandbox::memory::Counting = djsandbox::memory::Counting;

fn fresh_server() -> Server {
    Server::new(World::in_memory().unwrap(), &std::env::temp_dir()).unwrap()
}

fn error_of(source: &str, limits: Limits) -> String {
    let server = fresh_server();
    run(server, source, limits).error.expect("the script should have failed")
}

fn last_line(source: &str, limits: Limits) -> String {
    error_of(source, limits).lines().last().unwrap().to_string()
}

#[test]
fn operations_limit_ends_an_endless_loop() {
    let limits = Limits { operations: 10_000, ..Limits::default() };
    assert_eq!(
        last_line("let n = 0;\nloop { n += 1; }", limits),
        "RuntimeError: the script exceeded its limit of operations (an endless loop?)"
    );
}

#[test]
fn time_limit_ends_a_slow_script() {
    let limits = Limits { time: Duration::from_millis(200), ..Limits::default() };
    let err = error_of("let n = 0;\nloop { n += 1; }", limits);
    assert!(err.starts_with("line 2, column"), "{err}");
    assert!(err.ends_with("TimeoutError: the script ran longer than its time limit of 0 s"), "{err}");
}

#[test]
fn call_depth_limit_ends_endless_recursion() {
    let limits = Limits { call_levels: 8, ..Limits::default() };
    assert_eq!(
        last_line("fn down(n) { down(n + 1) }\ndown(0);", limits),
        "RecursionError: maximum recursion depth exceeded (the script's limit of nested calls)"
    );
}

#[test]
fn expression_depth_limit_refuses_deep_nesting() {
    let limits = Limits { expr_depth: 8, ..Limits::default() };
    let deep = format!("let x = {}1{};", "(".repeat(20), ")".repeat(20));
    assert_eq!(last_line(&deep, limits), "SyntaxError: Expression exceeds maximum complexity");
}

#[test]
fn memory_limit_ends_a_value_that_keeps_growing() {
    let limits = Limits { memory: 16 << 20, ..Limits::default() };
    let message = "MemoryError: the script's values outgrew its memory limit of 16 MB (a string, array or map \
                   that keeps growing?)";
    assert_eq!(last_line("let s = \"x\";\nloop { s += s; }", limits), message);
    assert_eq!(last_line("let a = [1];\nloop { a += a; }", limits), message);
    assert_eq!(last_line("let m = #{};\nlet i = 0;\nloop { m[`k${i}`] = i; i += 1; }", limits), message);
}

#[test]
fn size_limits_refuse_values_made_in_one_step() {
    let limits = Limits { array_size: 1000, string_size: 100, ..Limits::default() };
    assert_eq!(
        last_line("let a = [];\na.pad(1001, 0);", limits),
        "MemoryError: an array of 1001 items exceeds the script's size limit of 1000 items"
    );
    assert_eq!(
        last_line("let b = blob(5000);", limits),
        "MemoryError: a blob of 5000 bytes exceeds the script's size limit of 1000 bytes"
    );
    assert_eq!(
        last_line("let s = \"\";\ns.pad(101, 'x');", limits),
        "MemoryError: a string of 101 characters exceeds the script's size limit of 100 characters"
    );
    // Within the limits, pad and blob behave as rhai's own.
    let server = fresh_server();
    let out = run(
        server,
        "let a = [1];\na.pad(3, 0);\nprint(a);\nlet s = \"ab\";\ns.pad(4, \"xy\");\nprint(s);\nprint(blob(2, 7));",
        limits,
    );
    assert_eq!(out.error, None);
    assert_eq!(out.output, vec!["[1, 0, 0]", "abxy", "[0707]"]);
    // A negative length pads nothing, as rhai's own pad (and never asks for 2^64 items).
    let out = run(fresh_server(), "let a = [1];\na.pad(-5, 0);\nlet s = \"ab\";\ns.pad(-1, 'x');\nlet b = blob(1);\nb.pad(-3, 1);\nprint(`${a.len()} ${s} ${b.len()}`);", limits);
    assert_eq!((out.error, out.output), (None, vec!["1 ab 1".to_string()]));
}

#[test]
fn building_a_long_list_row_by_row_is_not_quadratic() {
    // rhai's own size limits re-measure the whole array after every push; with them, 20,000
    // pushes of small maps took seconds. The operations limit is what bounds this loop.
    let limits = Limits { time: Duration::from_secs(5), ..Limits::default() };
    let server = fresh_server();
    let source = "let rows = [];\nfor i in 0..20000 { rows.push(#{id: i, name: `s${i}`}); }\nprint(rows.len());";
    let out = run(server, source, limits);
    assert_eq!((out.error, out.output), (None, vec!["20000".to_string()]));
}
