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

#[test]
fn a_solution_saved_with_windows_line_ends_passes_too() {
    // Notepad saves "\r\n"; the checks that read the learner's source see it as Python would.
    let set = ExerciseSet::load(Exercises::Embedded).unwrap();
    let grader = Grader::new(Scenarios::Embedded);
    let mut graded = 0;
    for ex in set.exercises().filter(|ex| ex.check.contains("learner.source")) {
        let crlf = ex.solution.replace('\n', "\r\n");
        let grade = grader.grade(&set, ex, &crlf).unwrap();
        assert!(grade.passed(), "{}: {:?}", ex.id, grade.checks.iter().filter(|c| !c.passed).collect::<Vec<_>>());
        graded += 1;
    }
    assert!(graded >= 8, "{graded}");
}
