//! Python's `pathlib` on POSIX, lexically, as `upload_filepath` and `download_filepath` use it:
//! `Path(text)` (repeated and trailing slashes and `.` parts dropped, `..` kept), `.parent`,
//! `.relative_to(stage)`, `Path(stage).absolute() / relative`.

use crate::engine::error::{Error, Kind, Result};
use crate::engine::py::value_type_name;
use crate::engine::value::Value;

/// A pure POSIX path: its root (`""`, `"/"`, or `"//"`, which POSIX keeps) and its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PurePath {
    root: &'static str,
    parts: Vec<String>,
}

impl PurePath {
    /// `PurePosixPath(text)`.
    pub fn new(text: &str) -> PurePath {
        let slashes = text.len() - text.trim_start_matches('/').len();
        let root = match slashes {
            0 => "",
            2 => "//",
            _ => "/",
        };
        let parts = text.split('/').filter(|p| !p.is_empty() && *p != ".").map(String::from).collect();
        PurePath { root, parts }
    }

    /// Has a root.
    pub fn is_absolute(&self) -> bool {
        !self.root.is_empty()
    }

    /// `.parent`: the path without its last part (`.` and `/` are their own parents).
    pub fn parent(&self) -> PurePath {
        let mut parts = self.parts.clone();
        parts.pop();
        PurePath { root: self.root, parts }
    }

    /// `.relative_to(other)` as text, or `None` when `other` is not a leading part of the path.
    pub fn relative_to(&self, other: &PurePath) -> Option<String> {
        if self.root != other.root || !self.parts.starts_with(&other.parts) {
            return None;
        }
        let rest = &self.parts[other.parts.len()..];
        Some(if rest.is_empty() { ".".into() } else { rest.join("/") })
    }

    /// `self / relative`.
    pub fn join(&self, relative: &str) -> PurePath {
        let other = PurePath::new(relative);
        if other.is_absolute() {
            return other;
        }
        let mut parts = self.parts.clone();
        parts.extend(other.parts);
        PurePath { root: self.root, parts }
    }

    /// `.absolute()`: a relative path is taken from `cwd`; nothing is resolved.
    pub fn absolute(&self, cwd: &str) -> PurePath {
        if self.is_absolute() {
            return self.clone();
        }
        let mut out = PurePath::new(cwd);
        if !out.is_absolute() {
            out.root = "/";
        }
        out.parts.extend(self.parts.iter().cloned());
        out
    }
}

impl std::fmt::Display for PurePath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.root.is_empty() && self.parts.is_empty() {
            return f.write_str(".");
        }
        write!(f, "{}{}", self.root, self.parts.join("/"))
    }
}

/// What `Path(value)` accepts: text; anything else is Python's `TypeError`.
// oracle: Path(5) → "expected str, bytes or os.PathLike object, not int"; Path(b"x") → the
// message about bytes below.
pub fn path_text(v: &Value) -> Result<String> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        Value::Bytes(_) => Err(Error::new(
            Kind::TypeError,
            "argument should be a str object or an os.PathLike object returning str, not <class 'bytes'>",
        )),
        other => Err(Error::new(
            Kind::TypeError,
            format!("expected str, bytes or os.PathLike object, not {}", value_type_name(other)),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_normalize_as_pathlib() {
        // oracle: str(Path(s)) and str(Path(s).parent) on CPython 3.11.
        for (text, path, parent) in [
            ("/a//b/./c/", "/a/b/c", "/a/b"),
            ("a/../b", "a/../b", "a/.."),
            ("./x", "x", "."),
            (".", ".", "."),
            ("", ".", "."),
            ("//a", "//a", "//"),
            ("///a", "/a", "/"),
            ("/a/b/..", "/a/b/..", "/a/b"),
        ] {
            let p = PurePath::new(text);
            assert_eq!((p.to_string(), p.parent().to_string()), (path.to_string(), parent.to_string()), "{text}");
        }
    }

    #[test]
    fn relative_to_compares_whole_parts() {
        let rel = |a: &str, b: &str| PurePath::new(a).relative_to(&PurePath::new(b));
        assert_eq!(rel("/a/b/c", "/a/b").as_deref(), Some("c"));
        assert_eq!(rel("/a/b", "/a/b/").as_deref(), Some("."));
        assert_eq!(rel("a/b", "a").as_deref(), Some("b"));
        assert_eq!(rel("/a/b/../c", "/a/b").as_deref(), Some("../c"));
        for (a, b) in [("/a/bc", "/a/b"), ("/A/b", "/a"), ("a/b", "/a"), ("/a", "a")] {
            assert_eq!(rel(a, b), None, "{a} {b}");
        }
    }

    #[test]
    fn absolute_joins_the_working_directory() {
        // oracle: str(Path("/s").absolute() / "../x") == "/s/../x"; a relative stage under cwd.
        assert_eq!(PurePath::new("/s").absolute("/w").join("../x").to_string(), "/s/../x");
        assert_eq!(PurePath::new("rel/s").absolute("/tmp/hfp").join("x").to_string(), "/tmp/hfp/rel/s/x");
        assert_eq!(PurePath::new(".").absolute("/w/").to_string(), "/w");
    }
}
