//! The exercise set: sections (`NN_name/section.toml` + `lesson.md`), each a list of exercises
//! (`NN_name/exercise.toml`, `starter.rhai`, `solution.rhai`, `check.rhai`), read and checked.

use serde::Deserialize;

use super::error::CourseError;
use super::source::{join, Exercises};
use crate::scenario::parse_toml;

/// `section.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionFile {
    /// The section's title.
    pub title: String,
    /// One line saying what the section teaches.
    #[serde(default)]
    pub summary: String,
}

/// A hint that fires on what happened rather than on request.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TargetedHint {
    /// A name a check can ask for (`check(name, ok, message, "id")`).
    #[serde(default)]
    pub id: Option<String>,
    /// Fires when the learner's script ended with this error kind (`IntegrityError`).
    #[serde(default)]
    pub error: Option<String>,
    /// ... and (or alone) when that error's message contains this text.
    #[serde(default)]
    pub message: Option<String>,
    /// Fires when the check of this name failed.
    #[serde(default)]
    pub check: Option<String>,
    /// What it says.
    pub hint: String,
}

/// `exercise.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExerciseFile {
    /// The exercise's title.
    pub title: String,
    /// What to do (Markdown).
    pub instructions: String,
    /// The scenario whose world the exercise runs in.
    #[serde(default = "workshop")]
    pub scenario: String,
    /// The account whose saved `dj_local_conf.json` the learner starts with (as after the
    /// connection section); none: the learner's script connects by itself.
    #[serde(default)]
    pub connect_as: Option<String>,
    /// Earlier exercises (`section/name`) whose reference solutions run first, in order.
    #[serde(default)]
    pub setup: Vec<String>,
    /// A script in the exercise's directory run as the scenario's admin before the learner's.
    #[serde(default)]
    pub setup_script: Option<String>,
    /// Also grade in the scenario's variant world (same tables, other rows).
    #[serde(default = "yes")]
    pub variant: bool,
    /// Progressive hints, revealed one at a time.
    #[serde(default)]
    pub hints: Vec<String>,
    /// Hints that fire on an error or a failed check.
    #[serde(default)]
    pub targeted: Vec<TargetedHint>,
}

fn workshop() -> String {
    crate::scenario::WORKSHOP.to_string()
}

fn yes() -> bool {
    true
}

/// One exercise, with its scripts.
#[derive(Debug, Clone)]
pub struct Exercise {
    /// `section/name`, e.g. `connection/write_config`.
    pub id: String,
    /// Its directory, relative to the set (`01_connection/01_write_config`).
    pub dir: String,
    /// Its metadata.
    pub meta: ExerciseFile,
    /// What the learner starts from.
    pub starter: String,
    /// The reference solution.
    pub solution: String,
    /// The grader.
    pub check: String,
    /// The admin setup script's text, when it has one.
    pub setup_script: Option<String>,
}

impl Exercise {
    /// The learner's file, relative to the workspace (`01_connection/01_write_config.rhai`).
    pub fn learner_file(&self) -> String {
        format!("{}.rhai", self.dir)
    }

    /// The learner's file under `workspace`, joined the platform's way (`\` on Windows).
    pub fn learner_path(&self, workspace: &std::path::Path) -> std::path::PathBuf {
        workspace.join(self.learner_file().split('/').collect::<std::path::PathBuf>())
    }

    /// The short name (`write_config`).
    pub fn name(&self) -> &str {
        self.id.rsplit('/').next().unwrap_or(&self.id)
    }
}

/// A section and its exercises.
#[derive(Debug, Clone)]
pub struct Section {
    /// `connection`, `schema`, ...
    pub id: String,
    /// Its directory (`01_connection`).
    pub dir: String,
    /// Its metadata.
    pub meta: SectionFile,
    /// The lesson (Markdown).
    pub lesson: String,
    /// Its exercises, in order.
    pub exercises: Vec<Exercise>,
}

/// The whole set.
#[derive(Debug, Clone)]
pub struct ExerciseSet {
    /// Where it was read from.
    pub source: Exercises,
    /// The sections, in order.
    pub sections: Vec<Section>,
}

/// A directory's name without its ordering prefix (`01_write_config` → `write_config`).
fn bare(dir: &str) -> String {
    let rest = dir.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.strip_prefix('_').unwrap_or(dir).to_string()
}

fn parse<T: serde::de::DeserializeOwned>(source: &Exercises, file: &str) -> Result<T, CourseError> {
    let text = source.read(file)?.ok_or_else(|| CourseError::Missing { file: source.display(file) })?;
    parse_toml(&text).map_err(|e| CourseError::Invalid {
        file: source.display(file),
        line: e.line,
        column: e.column,
        field: e.field,
        message: e.message,
    })
}

fn required(source: &Exercises, file: &str) -> Result<String, CourseError> {
    source.read(file)?.ok_or_else(|| CourseError::Missing { file: source.display(file) })
}

impl ExerciseSet {
    /// Read the set: every section directory with a `section.toml`, every exercise directory
    /// in it with an `exercise.toml`; then check that setups name earlier exercises.
    pub fn load(source: Exercises) -> Result<ExerciseSet, CourseError> {
        let mut sections = Vec::new();
        for dir in source.dirs("") {
            if source.read(&join(&dir, "section.toml"))?.is_none() {
                continue;
            }
            let meta: SectionFile = parse(&source, &join(&dir, "section.toml"))?;
            let lesson = source.read(&join(&dir, "lesson.md"))?.unwrap_or_default();
            let id = bare(&dir);
            let mut exercises = Vec::new();
            for sub in source.dirs(&dir) {
                let path = join(&dir, &sub);
                if source.read(&join(&path, "exercise.toml"))?.is_none() {
                    continue;
                }
                let meta: ExerciseFile = parse(&source, &join(&path, "exercise.toml"))?;
                let setup_script = match &meta.setup_script {
                    Some(f) => Some(required(&source, &join(&path, f))?),
                    None => None,
                };
                exercises.push(Exercise {
                    id: format!("{id}/{}", bare(&sub)),
                    dir: path.clone(),
                    starter: required(&source, &join(&path, "starter.rhai"))?,
                    solution: required(&source, &join(&path, "solution.rhai"))?,
                    check: required(&source, &join(&path, "check.rhai"))?,
                    setup_script,
                    meta,
                });
            }
            sections.push(Section { id, dir, meta, lesson, exercises });
        }
        if sections.is_empty() {
            return Err(CourseError::EmptySet { dir: source.display("").trim_end_matches(['/', '\\']).to_string() });
        }
        let set = ExerciseSet { source, sections };
        set.check_setups()?;
        Ok(set)
    }

    /// Every exercise, in course order.
    pub fn exercises(&self) -> impl Iterator<Item = &Exercise> {
        self.sections.iter().flat_map(|s| s.exercises.iter())
    }

    /// The exercise with this id.
    pub fn exercise(&self, id: &str) -> Option<&Exercise> {
        self.exercises().find(|e| e.id == id)
    }

    /// What a learner's name picks: a section (by id or directory) or one exercise (by id,
    /// short name when unique, or directory); nothing picks everything.
    pub fn select(&self, name: Option<&str>) -> Result<Vec<&Exercise>, CourseError> {
        let Some(name) = name.map(|n| n.trim_end_matches('/')) else { return Ok(self.exercises().collect()) };
        if let Some(s) = self.sections.iter().find(|s| s.id == name || s.dir == name) {
            return Ok(s.exercises.iter().collect());
        }
        match self.exercise_named(name) {
            Some(ex) => Ok(vec![ex]),
            None => Err(CourseError::UnknownExercise { name: name.into() }),
        }
    }

    /// The one exercise a name picks: its id, directory, short name or file — as the
    /// workspace names it (`01_connection/01_write_config.rhai`), or from inside its section
    /// folder (`01_write_config.rhai`, `.\01_write_config.rhai` as PowerShell completes it).
    pub fn exercise_named(&self, name: &str) -> Option<&Exercise> {
        let name = name.replace('\\', "/");
        let name = name.trim_start_matches("./").trim_end_matches('/');
        let file_in_section = |e: &Exercise| e.learner_file().rsplit('/').next() == Some(name);
        let mut picked = self.exercises().filter(|e| {
            e.id == name || e.dir == name || e.name() == name || e.learner_file() == name || file_in_section(e)
        });
        match (picked.next(), picked.next()) {
            (Some(ex), None) => Some(ex),
            _ => None,
        }
    }

    fn check_setups(&self) -> Result<(), CourseError> {
        let mut seen: Vec<&str> = Vec::new();
        for e in self.exercises() {
            for s in &e.meta.setup {
                if !seen.contains(&s.as_str()) {
                    return Err(CourseError::Unsound {
                        file: self.source.display(&join(&e.dir, "exercise.toml")),
                        message: format!("setup: '{s}' is not an exercise that comes earlier"),
                    });
                }
            }
            seen.push(&e.id);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordering_prefixes_are_dropped_from_ids() {
        assert_eq!(bare("01_write_config"), "write_config");
        assert_eq!(bare("connection"), "connection");
        assert_eq!(bare("12_a_b"), "a_b");
    }
}
