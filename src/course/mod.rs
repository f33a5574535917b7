//! The course: the exercise set (sections, lessons, exercises), grading with checks and hints,
//! and the learner's progress. Built on the rhai face and the scenarios; no UI here.

mod check;
mod compare;
mod error;
pub mod grade;
mod hints;
pub mod parallel;
pub mod progress;
pub mod report;
mod run;
pub mod set;
pub mod shell;
mod source;
pub mod verify;
pub mod workspace;

pub use check::CheckResult;
pub use error::CourseError;
pub use grade::{Grade, Grader};
pub use progress::{Progress, Status};
pub use set::{Exercise, ExerciseSet, Section};
pub use source::Exercises;
