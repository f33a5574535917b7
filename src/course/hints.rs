//! Targeted hints: fired by the error the learner's script ended with (its kind, a text in its
//! message) or by a failed check (by the check's name, or the hint a check names).

use super::check::CheckResult;
use super::run::ScriptError;
use super::set::{Exercise, TargetedHint};

fn fires(h: &TargetedHint, error: Option<&ScriptError>, checks: &[CheckResult]) -> bool {
    let on_error = (h.error.is_some() || h.message.is_some())
        && error.is_some_and(|e| {
            h.error.as_ref().is_none_or(|k| *k == e.kind)
                && h.message.as_ref().is_none_or(|m| e.message.contains(m.as_str()))
        });
    let on_check = h.check.as_ref().is_some_and(|name| checks.iter().any(|c| !c.passed && c.name == *name));
    let asked = h.id.as_ref().is_some_and(|id| checks.iter().any(|c| !c.passed && c.hint.as_deref() == Some(id)));
    on_error || on_check || asked
}

/// The targeted hints of `ex` that fire, in the order the exercise lists them.
pub fn fired(ex: &Exercise, traceback: Option<&str>, checks: &[CheckResult]) -> Vec<String> {
    let error = traceback.map(ScriptError::parse);
    ex.meta.targeted.iter().filter(|h| fires(h, error.as_ref(), checks)).map(|h| h.hint.clone()).collect()
}
