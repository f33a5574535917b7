//! The embedded exercise set is sound: every reference solution passes, every starter fails at
//! least one check, every hint and check name resolves (`djsandbox verify`).

use djsandbox::course::{verify::verify, ExerciseSet, Exercises, Grader};
use djsandbox::scenario::Scenarios;

#[test]
fn the_embedded_exercise_set_verifies() {
    let set = ExerciseSet::load(Exercises::Embedded).unwrap();
    assert!(set.exercises().count() >= 1, "the embedded set is empty");
    let found = verify(&set, &Grader::new(Scenarios::Embedded)).unwrap();
    let problems: Vec<String> = found
        .iter()
        .filter(|v| !v.problems.is_empty())
        .map(|v| format!("{}: {}", v.id, v.problems.join("; ")))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
