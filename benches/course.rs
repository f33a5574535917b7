//! How long grading takes: `check` of the whole embedded course (every starter) and `verify`
//! (every solution and starter), both on every core, as a learner and an instructor meet them. Targets: check < 1 s,
//! verify < 2 s. Run with `cargo bench --bench course`.

use std::time::{Duration, Instant};

use djsandbox::course::parallel::{cores, with_graders};
use djsandbox::course::{verify::verify_parallel, ExerciseSet, Exercises};
use djsandbox::scenario::Scenarios;

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn main() {
    let set = ExerciseSet::load(Exercises::Embedded).expect("the embedded exercise set");
    let n = set.exercises().count();
    let mut check = Vec::new();
    let mut full = Vec::new();
    for _ in 0..5 {
        // New graders each time: their first grading builds the scenario's world, as a `check`
        // run does; like `check`, on every core.
        let exercises: Vec<_> = set.exercises().collect();
        let start = Instant::now();
        for grade in with_graders(&Scenarios::Embedded, &exercises, cores(), |g, ex| g.grade(&set, ex, &ex.starter)) {
            grade.expect("grading");
        }
        check.push(start.elapsed());
        let start = Instant::now();
        verify_parallel(&set, &Scenarios::Embedded, cores()).expect("verify");
        full.push(start.elapsed());
    }
    println!("course of {n} exercises, median of 5 runs:");
    println!("  check every exercise   {:>10.2?}   (target < 1 s)", median(check));
    println!("  verify the set         {:>10.2?}   (target < 2 s)", median(full));
}
