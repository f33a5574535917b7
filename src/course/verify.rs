//! `djsandbox verify`, for instructors: every reference solution passes, every starter fails at
//! least one check, every hint a check names and every check a hint names exists, and the
//! metadata is sound (two or more hints, a known scenario and account).

use super::error::CourseError;
use super::grade::{Grade, Grader};
use super::set::{Exercise, ExerciseSet};
use crate::scenario::Scenarios;

/// What verifying one exercise found.
#[derive(Debug, Clone)]
pub struct Verified {
    /// The exercise.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The reference solution's grade.
    pub solution: Grade,
    /// The starter's grade.
    pub starter: Grade,
    /// What is wrong, in plain words (empty: sound).
    pub problems: Vec<String>,
}

/// Verify every exercise of `set`; an exercise that cannot even be graded (its setup fails)
/// is reported as a problem of that exercise, and the others are still verified.
pub fn verify(set: &ExerciseSet, grader: &Grader) -> Result<Vec<Verified>, CourseError> {
    set.exercises().map(|ex| one_or_problem(set, grader, ex)).collect()
}

/// Verify one exercise; one whose setup fails is a problem of its own.
fn one_or_problem(set: &ExerciseSet, grader: &Grader, ex: &Exercise) -> Result<Verified, CourseError> {
    match verify_one(set, grader, ex) {
        Err(CourseError::Unsound { file, message }) => {
            let empty =
                Grade { id: ex.id.clone(), checks: Vec::new(), output: Vec::new(), error: None, hints: Vec::new() };
            Ok(Verified {
                id: ex.id.clone(),
                title: ex.meta.title.clone(),
                solution: empty.clone(),
                starter: empty,
                problems: vec![format!("{file}: {message}")],
            })
        }
        other => other,
    }
}

fn verify_one(set: &ExerciseSet, grader: &Grader, ex: &Exercise) -> Result<Verified, CourseError> {
    let solution = grader.grade(set, ex, &ex.solution)?;
    let starter = grader.grade(set, ex, &ex.starter)?;
    let mut problems = Vec::new();
    if !solution.passed() {
        let failed: Vec<String> =
            solution.checks.iter().filter(|c| !c.passed).map(|c| format!("{}: {}", c.name, c.message)).collect();
        let why = if solution.checks.is_empty() { "it makes no checks".to_string() } else { failed.join("; ") };
        problems.push(format!("the solution does not pass ({why})"));
    }
    if starter.passed() {
        problems.push("the starter passes every check (it should leave something to do)".into());
    }
    if ex.meta.hints.len() < 2 {
        problems.push(format!("{} progressive hint(s); at least 2 expected", ex.meta.hints.len()));
    }
    let names: Vec<&str> = solution.checks.iter().chain(&starter.checks).map(|c| c.name.as_str()).collect();
    for h in &ex.meta.targeted {
        if let Some(check) = &h.check {
            if !names.contains(&check.as_str()) {
                problems.push(format!("a targeted hint fires on check '{check}', which the check script never makes"));
            }
        }
        if h.error.is_none() && h.message.is_none() && h.check.is_none() && h.id.is_none() {
            problems.push(format!("the targeted hint '{}' fires on nothing", h.hint));
        }
    }
    for c in solution.checks.iter().chain(&starter.checks) {
        if let Some(id) = &c.hint {
            if !ex.meta.targeted.iter().any(|h| h.id.as_deref() == Some(id.as_str())) {
                problems.push(format!("check '{}' names hint '{id}', which exercise.toml does not define", c.name));
            }
        }
    }
    problems.dedup();
    Ok(Verified { id: ex.id.clone(), title: ex.meta.title.clone(), solution, starter, problems })
}

/// [`verify`] on several threads, each with a grader of its own; results in course order.
pub fn verify_parallel(set: &ExerciseSet, scenarios: &Scenarios, threads: usize) -> Result<Vec<Verified>, CourseError> {
    let exercises: Vec<&Exercise> = set.exercises().collect();
    super::parallel::with_graders(scenarios, &exercises, threads, |grader, ex| one_or_problem(set, grader, ex))
        .into_iter()
        .collect()
}
