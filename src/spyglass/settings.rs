//! Spyglass's settings as `import spyglass` loads them (`settings.py`, `SpyglassConfig`):
//! the base directory from `dj.config["custom"]["spyglass_dirs"]["base"]` or
//! `SPYGLASS_BASE_DIR`, the raw and analysis directories under it (each overridable by
//! `spyglass_dirs` or `SPYGLASS_{RAW,ANALYSIS}_DIR`), DataJoint's filepath switch turned on, and
//! `dj.config["stores"]` pointed at the two directories. The sandbox makes no directories.

use std::collections::BTreeMap;

use crate::engine::Value;

/// What `import spyglass` logs when no base directory is configured (and then sets nothing).
// oracle: "[12:13:47][WARNING] Spyglass: Failed to load SpyglassConfig. Please set up config file."
pub const LOAD_FAILED: &str = "Failed to load SpyglassConfig. Please set up config file.";

/// The environment variables Spyglass sets by default (`env_defaults`), of those the sandbox
/// reads: a value already there is kept (`os.getenv(var, default)`).
pub const ENV_DEFAULTS: [(&str, &str); 1] = [("DJ_SUPPORT_FILEPATH_MANAGEMENT", "TRUE")];

/// The directories Spyglass resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dirs {
    /// `SPYGLASS_BASE_DIR`, absolute.
    pub base: String,
    /// `SPYGLASS_RAW_DIR`.
    pub raw: String,
    /// `SPYGLASS_ANALYSIS_DIR`.
    pub analysis: String,
}

/// A non-empty text value (Python's `or` passes over `""` and `None`).
fn text(v: Option<&Value>) -> Option<String> {
    match v {
        Some(Value::Str(s)) if !s.is_empty() => Some(s.clone()),
        _ => None,
    }
}

/// `Path(base).expanduser().resolve()`, lexically: `~` is `HOME`, a relative path is taken
/// from `cwd`, `.` and `..` are folded.
fn resolve(base: &str, home: Option<String>, cwd: &str) -> String {
    let expanded = match (base.strip_prefix('~'), home) {
        (Some(rest), Some(home)) if rest.is_empty() || rest.starts_with('/') => format!("{home}{rest}"),
        _ => base.to_string(),
    };
    let full = if expanded.starts_with('/') { expanded } else { format!("{cwd}/{expanded}") };
    let mut parts: Vec<&str> = Vec::new();
    for part in full.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    format!("/{}", parts.join("/"))
}

/// The directories from `dj.config["custom"]` and the environment; `None` without a base.
pub fn dirs(custom: Option<&Value>, env: &dyn Fn(&str) -> Option<String>, cwd: &str) -> Option<Dirs> {
    let spyglass_dirs = match custom {
        Some(Value::Map(m)) => m.get("spyglass_dirs"),
        _ => None,
    };
    let configured = |key: &str| match spyglass_dirs {
        Some(Value::Map(d)) => text(d.get(key)),
        _ => None,
    };
    let nonempty = |var: &str| env(var).filter(|v| !v.is_empty());
    let base = resolve(&configured("base").or_else(|| nonempty("SPYGLASS_BASE_DIR"))?, env("HOME"), cwd);
    let dir = |name: &str| {
        let under_base = format!("{}/{name}", base.trim_end_matches('/'));
        let var = format!("SPYGLASS_{}_DIR", name.to_uppercase());
        configured(name).or_else(|| nonempty(&var)).unwrap_or(under_base).replace('"', "")
    };
    Some(Dirs { raw: dir("raw"), analysis: dir("analysis"), base })
}

/// `dj.config["stores"]` as Spyglass sets it (`_dj_stores`).
pub fn stores(dirs: &Dirs) -> Value {
    let store = |dir: &str| {
        let spec: BTreeMap<String, Value> =
            [("protocol", "file"), ("location", dir), ("stage", dir)].map(|(k, v)| (k.to_string(), v.into())).into();
        Value::Map(spec)
    };
    Value::Map([("raw".to_string(), store(&dirs.raw)), ("analysis".to_string(), store(&dirs.analysis))].into())
}

/// Spyglass's warning when `dj.config["stores"]` named other directories before it replaced
/// them (`_set_dj_config_stores`).
pub fn mismatch_warning(existing: Option<&Value>, dirs: &Dirs) -> Option<String> {
    let location = |store: &str| match existing {
        Some(Value::Map(m)) => match m.get(store) {
            Some(Value::Map(spec)) => text(spec.get("location")),
            _ => None,
        },
        _ => None,
    };
    let differs = |store: &str, dir: &str| location(store).is_some_and(|l| l.trim_end_matches('/') != dir);
    (differs("raw", &dirs.raw) || differs("analysis", &dirs.analysis)).then(|| {
        format!(
            "Setting config DJ stores to resolve mismatch.\n\traw     : {}\n\tanalysis: {}",
            dirs.raw, dirs.analysis
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let vars: Vec<(String, String)> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        move |k| vars.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone())
    }

    fn custom(base: &str) -> Value {
        Value::Map([("spyglass_dirs".into(), Value::Map([("base".into(), base.into())].into()))].into())
    }

    #[test]
    fn base_comes_from_config_then_environment() {
        // oracle: base /tmp/sgoracle-base → stores raw/analysis at {base}/raw, {base}/analysis.
        let d = dirs(Some(&custom("/tmp/sgoracle-base")), &env(&[("SPYGLASS_BASE_DIR", "/other")]), "/w").unwrap();
        assert_eq!(d.raw, "/tmp/sgoracle-base/raw");
        assert_eq!(d.analysis, "/tmp/sgoracle-base/analysis");
        let d = dirs(None, &env(&[("SPYGLASS_BASE_DIR", "/b/"), ("SPYGLASS_RAW_DIR", "/r")]), "/w").unwrap();
        assert_eq!((d.base.as_str(), d.raw.as_str(), d.analysis.as_str()), ("/b", "/r", "/b/analysis"));
        assert_eq!(dirs(None, &env(&[("HOME", "/h")]), "/w").map(|d| d.base), None);
        let d = dirs(Some(&custom("~/data/../sg")), &env(&[("HOME", "/home/u")]), "/w").unwrap();
        assert_eq!(d.base, "/home/u/sg");
        assert_eq!(dirs(Some(&custom("rel")), &env(&[]), "/w").unwrap().base, "/w/rel");
    }

    #[test]
    fn stores_and_mismatch() {
        let d = dirs(Some(&custom("/b")), &env(&[]), "/").unwrap();
        let Value::Map(s) = stores(&d) else { panic!("a map") };
        let Some(Value::Map(raw)) = s.get("raw") else { panic!("raw") };
        assert_eq!(raw.get("stage"), Some(&Value::from("/b/raw")));
        assert_eq!(raw.get("protocol"), Some(&Value::from("file")));
        assert_eq!(mismatch_warning(Some(&stores(&d)), &d), None);
        assert_eq!(mismatch_warning(None, &d), None);
        let other = dirs(Some(&custom("/c")), &env(&[]), "/").unwrap();
        let warning = mismatch_warning(Some(&stores(&other)), &d).unwrap();
        assert_eq!(
            warning,
            "Setting config DJ stores to resolve mismatch.\n\traw     : /b/raw\n\tanalysis: /b/analysis"
        );
    }
}
