//! Where scenarios come from: the set embedded in the binary, or an instructor's directory on
//! disk (`--scenarios DIR`), read without recompiling.

use std::path::PathBuf;

use include_dir::{include_dir, Dir};

use super::error::ScenarioError;

static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/scenarios");

/// A directory of scenarios, one subdirectory each.
#[derive(Debug, Clone)]
pub enum Scenarios {
    /// The set compiled into the binary.
    Embedded,
    /// An instructor's directory.
    Disk(PathBuf),
}

impl Scenarios {
    /// The instructor's directory when given, else the embedded set.
    pub fn new(dir: Option<PathBuf>) -> Scenarios {
        dir.map_or(Scenarios::Embedded, Scenarios::Disk)
    }

    /// The scenarios' names, sorted.
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = match self {
            Scenarios::Embedded => EMBEDDED
                .dirs()
                .filter(|d| d.get_file(d.path().join("scenario.toml")).is_some())
                .filter_map(|d| d.path().file_name().map(|n| n.to_string_lossy().into_owned()))
                .collect(),
            Scenarios::Disk(root) => std::fs::read_dir(root)
                .map(|entries| {
                    entries
                        .filter_map(|e| e.ok().map(|e| e.path()))
                        .filter(|p| p.join("scenario.toml").is_file())
                        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                        .collect()
                })
                .unwrap_or_default(),
        };
        names.sort();
        names
    }

    /// How a file of scenario `name` is named in messages.
    pub fn display(&self, name: &str, file: &str) -> String {
        match self {
            Scenarios::Embedded => format!("scenarios/{name}/{file}"),
            Scenarios::Disk(root) => root.join(name).join(file).display().to_string(),
        }
    }

    /// The text of `file` (relative to scenario `name`'s directory).
    pub fn read(&self, name: &str, file: &str) -> Result<String, ScenarioError> {
        let unreadable = |reason: String| ScenarioError::Unreadable { file: self.display(name, file), reason };
        match self {
            Scenarios::Embedded => {
                let path = std::path::Path::new(name).join(file);
                let found = EMBEDDED.get_file(&path).ok_or_else(|| unreadable("no such file".into()))?;
                found.contents_utf8().map(str::to_string).ok_or_else(|| unreadable("not UTF-8 text".into()))
            }
            Scenarios::Disk(root) => {
                std::fs::read_to_string(root.join(name).join(file)).map_err(|e| unreadable(e.to_string()))
            }
        }
    }

    /// Where the scenarios are, for messages.
    pub fn place(&self) -> String {
        match self {
            Scenarios::Embedded => "the embedded scenarios".into(),
            Scenarios::Disk(root) => root.display().to_string(),
        }
    }
}
