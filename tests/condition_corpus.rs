//! The corpus of restriction strings in `tests/corpus/conditions.txt` (data, one per line):
//! each translates to SQL SQLite accepts, or fails with a typed error; none panics.

use djsandbox::engine::condition::translate_condition;
use djsandbox::engine::{Kind, World};

#[test]
fn corpus_strings_translate_or_fail_cleanly() {
    let corpus = include_str!("corpus/conditions.txt");
    let attrs: Vec<String> =
        ["subject_id", "species", "weight", "session_start_time", "day", "username", "i", "status", "cond_in_l", "j"]
            .iter()
            .map(|s| s.to_string())
            .collect();
    let world = World::in_memory().unwrap();
    let columns = attrs.iter().map(|a| format!("\"{a}\"")).collect::<Vec<_>>().join(", ");
    world.connection().execute_batch(&format!("CREATE TABLE t({columns})")).unwrap();
    let mut translated = 0;
    for line in corpus.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
        match translate_condition(line, &attrs) {
            Ok(sql) => {
                world
                    .connection()
                    .prepare(&format!("SELECT * FROM t WHERE {sql}"))
                    .unwrap_or_else(|e| panic!("{line:?} → {sql}: {e}"));
                translated += 1;
            }
            Err(e) => assert_ne!(e.kind, Kind::InternalError, "{line:?}: {e}"),
        }
    }
    assert!(translated > 20, "only {translated} corpus lines translated");
}
