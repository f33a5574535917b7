//! `.djsandbox/progress.json`: per exercise its status, hints shown, attempts and last result.
//! Written atomically (a temporary file, synced, then renamed over the old one), so a process
//! killed mid-write leaves the previous file whole; a file that does not parse is set aside
//! (renamed, never deleted) and reported.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::error::CourseError;

/// An exercise's status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Never checked.
    #[default]
    NotStarted,
    /// Checked, some check failed.
    Failed,
    /// Every check passed.
    Passed,
}

/// The last grading of an exercise.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LastResult {
    /// Names of the checks that passed.
    pub passed: Vec<String>,
    /// Names of the checks that failed.
    pub failed: Vec<String>,
    /// Seconds since the Unix epoch.
    pub at: u64,
}

/// One exercise's progress.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExerciseProgress {
    /// Not started, failed or passed.
    pub status: Status,
    /// How many progressive hints have been shown.
    pub hints_shown: usize,
    /// How many times it was checked.
    pub attempts: u32,
    /// The last check's result.
    #[serde(default)]
    pub last: Option<LastResult>,
}

/// The whole progress file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// The file format's version.
    pub version: u32,
    /// By exercise id.
    pub exercises: BTreeMap<String, ExerciseProgress>,
}

impl Default for Progress {
    fn default() -> Self {
        Progress { version: 1, exercises: BTreeMap::new() }
    }
}

/// Where the workspace keeps its progress.
pub fn path(workspace: &Path) -> PathBuf {
    workspace.join(".djsandbox").join("progress.json")
}

fn now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

impl Progress {
    /// Read the workspace's progress (none yet: empty). A damaged file is renamed to
    /// `progress.json.damaged-<time>` and the returned note says so.
    pub fn load(workspace: &Path) -> Result<(Progress, Option<String>), CourseError> {
        let file = path(workspace);
        let text = match std::fs::read_to_string(&file) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((Progress::default(), None)),
            Err(e) => return Err(CourseError::Io { path: file.display().to_string(), reason: e.to_string() }),
        };
        match serde_json::from_str::<Progress>(&text) {
            Ok(p) => Ok((p, None)),
            Err(e) => {
                let aside = file.with_file_name(format!("progress.json.damaged-{}", now()));
                std::fs::rename(&file, &aside)
                    .map_err(|e| CourseError::Io { path: file.display().to_string(), reason: e.to_string() })?;
                let note = format!(
                    "{} could not be read ({e}); it was kept as {} and progress starts afresh",
                    file.display(),
                    aside.display()
                );
                Ok((Progress::default(), Some(note)))
            }
        }
    }

    /// Write the progress atomically.
    pub fn save(&self, workspace: &Path) -> Result<(), CourseError> {
        let file = path(workspace);
        let io = |e: std::io::Error| CourseError::Io { path: file.display().to_string(), reason: e.to_string() };
        let dir = file.parent().unwrap_or(workspace);
        std::fs::create_dir_all(dir).map_err(io)?;
        let text = serde_json::to_string_pretty(self).map_err(|e| io(std::io::Error::other(e)))?;
        let tmp = file.with_file_name(format!(".progress.json.{}.tmp", std::process::id()));
        let written = std::fs::File::create(&tmp).and_then(|mut f| {
            f.write_all(text.as_bytes())?;
            f.sync_all()
        });
        if let Err(e) = written.and_then(|_| std::fs::rename(&tmp, &file)) {
            let _ = std::fs::remove_file(&tmp);
            return Err(io(e));
        }
        Ok(())
    }

    /// The progress of exercise `id` (a default one if never touched).
    pub fn of(&self, id: &str) -> ExerciseProgress {
        self.exercises.get(id).cloned().unwrap_or_default()
    }

    /// Record a grading of `id`.
    pub fn record(&mut self, id: &str, passed: Vec<String>, failed: Vec<String>) {
        let entry = self.exercises.entry(id.to_string()).or_default();
        entry.attempts += 1;
        entry.status = if failed.is_empty() { Status::Passed } else { Status::Failed };
        entry.last = Some(LastResult { passed, failed, at: now() });
    }

    /// Count one more progressive hint shown for `id` (up to `available`); returns its index.
    pub fn next_hint(&mut self, id: &str, available: usize) -> Option<usize> {
        let entry = self.exercises.entry(id.to_string()).or_default();
        if entry.hints_shown >= available {
            return None;
        }
        entry.hints_shown += 1;
        Some(entry.hints_shown - 1)
    }
}
