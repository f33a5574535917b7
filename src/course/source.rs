//! Where the exercise set comes from: the set embedded in the binary, or an instructor's
//! directory on disk (`--exercises DIR`), read without recompiling.

use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};

use super::error::CourseError;

static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/exercises");

/// A directory of sections, each a directory of exercises.
#[derive(Debug, Clone)]
pub enum Exercises {
    /// The set compiled into the binary.
    Embedded,
    /// An instructor's directory.
    Disk(PathBuf),
}

impl Exercises {
    /// The instructor's directory when given, else the embedded set.
    pub fn new(dir: Option<PathBuf>) -> Exercises {
        dir.map_or(Exercises::Embedded, Exercises::Disk)
    }

    /// The subdirectories of `dir` (relative to the set's root; `""` is the root), sorted.
    pub fn dirs(&self, dir: &str) -> Vec<String> {
        self.entries(dir, true)
    }

    /// The text of `file` (relative to the set's root), or `None` when there is no such file.
    pub fn read(&self, file: &str) -> Result<Option<String>, CourseError> {
        let unreadable = |reason: String| CourseError::Unreadable { file: self.display(file), reason };
        match self {
            Exercises::Embedded => match EMBEDDED.get_file(file) {
                None => Ok(None),
                Some(f) => f.contents_utf8().map(|t| Some(t.to_string())).ok_or_else(|| unreadable("not UTF-8".into())),
            },
            Exercises::Disk(root) => match std::fs::read_to_string(root.join(file)) {
                Ok(text) => Ok(Some(text)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                Err(e) => Err(unreadable(e.to_string())),
            },
        }
    }

    /// How a file of the set is named in messages.
    pub fn display(&self, file: &str) -> String {
        match self {
            Exercises::Embedded => format!("exercises/{file}"),
            Exercises::Disk(root) => root.join(file).display().to_string(),
        }
    }

    /// Write the whole set under `target` (`exercises export DIR`), refusing to overwrite files.
    pub fn export(&self, target: &Path) -> Result<usize, CourseError> {
        let mut written = 0;
        self.export_dir("", target, &mut written)?;
        Ok(written)
    }

    fn export_dir(&self, dir: &str, target: &Path, written: &mut usize) -> Result<(), CourseError> {
        let io = |path: &Path, e: std::io::Error| CourseError::Io {
            path: path.display().to_string(),
            reason: e.to_string(),
        };
        let here = target.join(dir);
        std::fs::create_dir_all(&here).map_err(|e| io(&here, e))?;
        for file in self.files(dir) {
            let rel = join(dir, &file);
            let text = self.read(&rel)?.unwrap_or_default();
            let path = target.join(&rel);
            if path.exists() {
                return Err(CourseError::Io {
                    path: path.display().to_string(),
                    reason: "already exists (export into an empty or new directory)".into(),
                });
            }
            std::fs::write(&path, text).map_err(|e| io(&path, e))?;
            *written += 1;
        }
        for sub in self.dirs(dir) {
            self.export_dir(&join(dir, &sub), target, written)?;
        }
        Ok(())
    }

    /// The files directly in `dir`, sorted.
    fn files(&self, dir: &str) -> Vec<String> {
        self.entries(dir, false)
    }

    /// The names of the subdirectories (or the files) directly in `dir`, sorted.
    fn entries(&self, dir: &str, dirs: bool) -> Vec<String> {
        let name = |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned());
        let mut names: Vec<String> = match self {
            Exercises::Embedded => {
                let found = if dir.is_empty() { Some(&EMBEDDED) } else { EMBEDDED.get_dir(dir) };
                match found {
                    Some(d) if dirs => d.dirs().filter_map(|s| name(s.path())).collect(),
                    Some(d) => d.files().filter_map(|f| name(f.path())).collect(),
                    None => Vec::new(),
                }
            }
            Exercises::Disk(root) => std::fs::read_dir(root.join(dir))
                .map(|entries| {
                    entries
                        .filter_map(|e| e.ok().map(|e| e.path()))
                        .filter(|p| if dirs { p.is_dir() } else { p.is_file() })
                        .filter_map(|p| name(&p))
                        .collect()
                })
                .unwrap_or_default(),
        };
        names.sort();
        names
    }
}

/// `dir/name`, or `name` at the root.
pub fn join(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_string()
    } else {
        format!("{dir}/{name}")
    }
}
