//! `dj.config`: DataJoint 0.14's settings, their defaults and validation, and the
//! `dj_local_conf.json` file format.
//!
//! Facts from `datajoint/settings.py` (0.14.10), checked on the oracle:
//! - only `database.port` (an int; Python's `bool` is an int) and `loglevel` are validated, and
//!   only on item assignment; `load` bypasses both (`self._conf.update(json.load(fid))`);
//! - a bad `loglevel` is stored *before* the `ValueError` is raised;
//! - `save` writes every key, in insertion order, with `json.dump(indent=4)` and no final newline;
//! - `str(dj.config)` is `pprint.pformat(conf, indent=4)`, keys sorted.

mod json;
mod pprint;

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use crate::engine::py::{str_repr, value_str};
use crate::engine::{Error, Kind, Result, Value};
use json::{Json, Layout};

/// The local settings file `import datajoint` and `dj.config.save_local()` use.
pub const LOCAL_CONFIG: &str = "dj_local_conf.json";

/// What `import datajoint` logs when there is no settings file (hidden: no handler yet).
// oracle: "No config file was found."
pub const NO_CONFIG_FILE: &str = "No config file was found.";

/// The levels `dj.config["loglevel"] = ...` accepts, in the order the `ValueError` lists them.
// Python lists a set, whose order changes with the hash seed; this is PYTHONHASHSEED=0's.
const LOG_LEVELS: [&str; 5] = ["INFO", "WARNING", "ERROR", "DEBUG", "CRITICAL"];

/// Environment variables `import datajoint` copies into the config, in DataJoint's order.
const ENV_KEYS: [(&str, &str); 6] = [
    ("DJ_HOST", "database.host"),
    ("DJ_USER", "database.user"),
    ("DJ_PASS", "database.password"),
    ("DJ_AWS_ACCESS_KEY_ID", "external.aws_access_key_id"),
    ("DJ_AWS_SECRET_ACCESS_KEY", "external.aws_secret_access_key"),
    ("DJ_LOG_LEVEL", "loglevel"),
];

/// `dj.config`: ordered settings, as DataJoint's `Config` dict holds them.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    entries: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq)]
struct Entry {
    key: String,
    value: Value,
    /// Key order of nested objects read from a file, for `save`.
    layout: Layout,
}

impl Default for Config {
    fn default() -> Self {
        Config::new()
    }
}

impl std::fmt::Display for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_text())
    }
}

impl Config {
    /// DataJoint 0.14.10's defaults, in its order (`datajoint.settings.default`).
    pub fn new() -> Self {
        let defaults: [(&str, Value); 18] = [
            ("database.host", "localhost".into()),
            ("database.password", Value::Null),
            ("database.user", Value::Null),
            ("database.port", 3306.into()),
            ("database.reconnect", true.into()),
            ("connection.init_function", Value::Null),
            ("connection.charset", "".into()),
            ("loglevel", "INFO".into()),
            ("safemode", true.into()),
            ("fetch_format", "array".into()),
            ("display.limit", 12.into()),
            ("display.width", 14.into()),
            ("display.show_tuple_count", true.into()),
            ("database.use_tls", Value::Null),
            ("enable_python_native_blobs", true.into()),
            ("add_hidden_timestamp", false.into()),
            ("filepath_checksum_size_limit", Value::Null),
            ("filepath_checksum_size_limit_insert", Value::Null),
        ];
        let entries =
            defaults.into_iter().map(|(k, v)| Entry { key: k.into(), value: v, layout: Layout::Leaf }).collect();
        Config { entries }
    }

    /// `import datajoint`'s configuration step: defaults, then `dj_local_conf.json` in `cwd` if
    /// present, then the `DJ_*` environment, then the logger level check. DataJoint's logger has
    /// no handler yet at that point, so none of its log lines are shown.
    pub fn import(cwd: &Path, env: impl Fn(&str) -> Option<String>) -> Result<Config> {
        let mut config = Config::new();
        config.auto_load(cwd)?;
        config.apply_env(env)?;
        config.check_log_level()?;
        Ok(config)
    }

    /// `dj.config[key]`.
    pub fn get(&self, key: &str) -> Result<&Value> {
        self.lookup(key).ok_or_else(|| Error::key_error(key))
    }

    /// `dj.config.get(key)`: `None` for a missing key.
    pub fn lookup(&self, key: &str) -> Option<&Value> {
        self.entries.iter().find(|e| e.key == key).map(|e| &e.value)
    }

    /// `key in dj.config`.
    pub fn contains(&self, key: &str) -> bool {
        self.lookup(key).is_some()
    }

    /// `dj.config[key] = value`, through DataJoint's validators. Unknown keys are accepted.
    pub fn set(&mut self, key: &str, value: Value) -> Result<()> {
        // Python's `isinstance(a, int)` also holds for True and False.
        if key == "database.port" && !matches!(value, Value::Int(_) | Value::Bool(_)) {
            return Err(Error::dj(format!("Validator for {key} did not pass")));
        }
        let check = if key == "loglevel" { log_level_error(&value) } else { None };
        // The value is stored before the loglevel check raises.
        self.put(key, value, Layout::Leaf);
        match check {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// `del dj.config[key]`.
    pub fn remove(&mut self, key: &str) -> Result<Value> {
        let at = self.entries.iter().position(|e| e.key == key).ok_or_else(|| Error::key_error(key))?;
        Ok(self.entries.remove(at).value)
    }

    /// `list(dj.config)`: keys in insertion order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|e| e.key.as_str())
    }

    /// `dj.config.items()`.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.entries.iter().map(|e| (e.key.as_str(), &e.value))
    }

    /// `len(dj.config)`.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when every key was deleted.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Plain dict assignment, no validation: an existing key keeps its place.
    fn put(&mut self, key: &str, value: Value, layout: Layout) {
        match self.entries.iter_mut().find(|e| e.key == key) {
            Some(e) => {
                e.value = value;
                e.layout = layout;
            }
            None => self.entries.push(Entry { key: key.into(), value, layout }),
        }
    }

    /// The environment overrides `import datajoint` applies (`env` stands in for `os.getenv`).
    /// They go through the validators, so a bad `DJ_LOG_LEVEL` raises `ValueError`. Returns the
    /// INFO line DataJoint logs (hidden at import time). AWS credentials land in the flat keys
    /// `external.aws_access_key_id`/`external.aws_secret_access_key`, not in `stores`, as in
    /// DataJoint; nothing in the sandbox reads them.
    pub fn apply_env(&mut self, env: impl Fn(&str) -> Option<String>) -> Result<Option<String>> {
        let found: Vec<(&str, String)> = ENV_KEYS.iter().filter_map(|(var, key)| Some((*key, env(var)?))).collect();
        if found.is_empty() {
            return Ok(None);
        }
        let keys: Vec<&str> = found.iter().map(|(k, _)| *k).collect();
        let line = format!("Overloaded settings {} from environment variables.", crate::engine::py::tuple_repr(&keys));
        for (key, value) in found {
            self.set(key, Value::Str(value))?;
        }
        Ok(Some(line))
    }

    /// `logger.setLevel(log_levels[config["loglevel"]])`, the last step of `import datajoint`:
    /// a level loaded from a file unchecked fails here.
    pub fn check_log_level(&self) -> Result<()> {
        match self.get("loglevel")? {
            Value::Null => Ok(()),
            Value::Str(s) if LOG_LEVELS.contains(&s.as_str()) => Ok(()),
            Value::List(_) => Err(Error::new(Kind::TypeError, "unhashable type: 'list'")),
            Value::Map(_) => Err(Error::new(Kind::TypeError, "unhashable type: 'dict'")),
            // KeyError's bare argument: a non-string level prints unquoted in Python.
            other => Err(Error::key_error(value_str(other))),
        }
    }

    /// `dj.config.load(filename)`, `filename` relative to `cwd` (the script's working
    /// directory). `log` receives `DataJoint is configured from {abspath}` once the file is open,
    /// so also before a decoding error. Values are not validated, as in DataJoint.
    pub fn load(&mut self, cwd: &Path, filename: &str, log: &mut dyn FnMut(&str)) -> Result<()> {
        let path = cwd.join(filename);
        if path.is_dir() {
            return Err(os_error(21, "Is a directory", filename));
        }
        let bytes = std::fs::read(&path).map_err(|e| io_error(&e, filename))?;
        log(&format!("DataJoint is configured from {}", abspath(cwd, filename).display()));
        let doc = json::loads(&json::decode_text(&bytes)?)?;
        self.update(doc)
    }

    /// What `import datajoint` does with `dj_local_conf.json` in `cwd`: loads it if it exists,
    /// returning its log line; `None` when there is none (DataJoint then logs [`NO_CONFIG_FILE`]).
    /// DataJoint would next try `~/.datajoint_config.json`; the sandbox has only its workspace.
    pub fn auto_load(&mut self, cwd: &Path) -> Result<Option<String>> {
        if !cwd.join(LOCAL_CONFIG).exists() {
            return Ok(None);
        }
        let mut line = None;
        self.load(cwd, LOCAL_CONFIG, &mut |l| line = Some(l.to_string()))?;
        Ok(line)
    }

    /// `dict.update(doc)` for whatever the file held: an object's pairs, or a sequence of
    /// 2-item sequences; anything else raises what `dict.update` raises (after applying the
    /// elements before the bad one, as Python does).
    fn update(&mut self, doc: Json) -> Result<()> {
        let items = match doc {
            Json::Object(pairs) => {
                for (k, v) in pairs {
                    let (value, layout) = v.into_value();
                    self.put(&k, value, layout);
                }
                return Ok(());
            }
            Json::Array(items) => items,
            Json::Str(s) => s.chars().map(|c| Json::Str(c.to_string())).collect(),
            Json::Null => return Err(Error::new(Kind::TypeError, "'NoneType' object is not iterable")),
            Json::Bool(_) => return Err(Error::new(Kind::TypeError, "'bool' object is not iterable")),
            Json::Int(_) => return Err(Error::new(Kind::TypeError, "'int' object is not iterable")),
            Json::Float(_) => return Err(Error::new(Kind::TypeError, "'float' object is not iterable")),
        };
        for (n, item) in items.into_iter().enumerate() {
            let pair: Vec<Json> = match item {
                Json::Array(v) => v,
                Json::Str(s) => s.chars().map(|c| Json::Str(c.to_string())).collect(),
                // Iterating a dict yields its keys.
                Json::Object(pairs) => pairs.into_iter().map(|(k, _)| Json::Str(k)).collect(),
                _ => {
                    return Err(Error::new(
                        Kind::TypeError,
                        format!("cannot convert dictionary update sequence element #{n} to a sequence"),
                    ))
                }
            };
            if pair.len() != 2 {
                return Err(Error::new(
                    Kind::ValueError,
                    format!("dictionary update sequence element #{n} has length {}; 2 is required", pair.len()),
                ));
            }
            let [key, value]: [Json; 2] = pair.try_into().expect("length checked");
            let key = match key {
                Json::Str(s) => s,
                Json::Array(_) => return Err(Error::new(Kind::TypeError, "unhashable type: 'list'")),
                Json::Object(_) => return Err(Error::new(Kind::TypeError, "unhashable type: 'dict'")),
                // Python would keep a non-string key; config keys here are strings.
                other => value_str(&other.into_value().0),
            };
            let (value, layout) = value.into_value();
            self.put(&key, value, layout);
        }
        Ok(())
    }

    /// The text `dj.config.save` writes: `json.dump(conf, fd, indent=4)`, no final newline.
    pub fn to_json(&self) -> Result<String> {
        let mut out = String::new();
        let map: BTreeMap<String, Value> = self.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
        let layout = Layout::Object(self.entries.iter().map(|e| (e.key.clone(), e.layout.clone())).collect());
        json::dump(&Value::Map(map), &layout, 0, &mut out)?;
        Ok(out)
    }

    /// `dj.config.save(filename)`, `filename` relative to `cwd`. Written to a temporary file and
    /// renamed, so a failure leaves the old file whole (Python would leave it truncated).
    pub fn save(&self, cwd: &Path, filename: &str) -> Result<()> {
        let text = self.to_json()?;
        let path = cwd.join(filename);
        if path.is_dir() {
            return Err(os_error(21, "Is a directory", filename));
        }
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
        std::fs::write(&tmp, text).map_err(|e| io_error(&e, filename))?;
        std::fs::rename(&tmp, &path).map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            io_error(&e, filename)
        })
    }

    /// `dj.config.save_local()`: `save` to `dj_local_conf.json`.
    pub fn save_local(&self, cwd: &Path) -> Result<()> {
        self.save(cwd, LOCAL_CONFIG)
    }

    /// `str(dj.config)` and `repr(dj.config)`: `pprint.pformat(conf, indent=4)`, keys sorted.
    pub fn to_text(&self) -> String {
        pprint::pformat(&Value::Map(self.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()))
    }

    fn value(&self, key: &str) -> &Value {
        self.lookup(key).unwrap_or(&Value::Null)
    }

    /// `dj.config["safemode"]` as `if config["safemode"]:` reads it (Python truthiness).
    pub fn safemode(&self) -> bool {
        truthy(self.value("safemode"))
    }

    /// `dj.config["display.show_tuple_count"]`, by truthiness.
    pub fn show_tuple_count(&self) -> bool {
        truthy(self.value("display.show_tuple_count"))
    }

    /// `dj.config["display.limit"]`; a value that is not a non-negative int falls back to 12.
    pub fn display_limit(&self) -> usize {
        count(self.value("display.limit")).unwrap_or(12)
    }

    /// `dj.config["display.width"]`; a value that is not a non-negative int falls back to 14.
    pub fn display_width(&self) -> usize {
        count(self.value("display.width")).unwrap_or(14)
    }

    /// `dj.config["fetch_format"]` as `fetch` checks it: "array" or "frame", else fetch's error.
    pub fn fetch_format(&self) -> Result<&'static str> {
        match self.value("fetch_format") {
            Value::Str(s) if s == "array" => Ok("array"),
            Value::Str(s) if s == "frame" => Ok("frame"),
            Value::List(_) => Err(Error::new(Kind::TypeError, "unhashable type: 'list'")),
            Value::Map(_) => Err(Error::new(Kind::TypeError, "unhashable type: 'dict'")),
            // Text from datajoint/fetch.py.
            other => Err(Error::dj(format!(
                "Invalid entry \"{}\" in datajoint.config[\"fetch_format\"]: use \"array\" or \"frame\"",
                value_str(other)
            ))),
        }
    }

    /// `dj.config["database.host"]` as text.
    pub fn host(&self) -> String {
        match self.value("database.host") {
            Value::Str(s) => s.clone(),
            other => value_str(other),
        }
    }

    /// `dj.config["database.port"]`; out of range falls back to 3306.
    pub fn port(&self) -> u16 {
        match self.value("database.port") {
            Value::Int(i) => u16::try_from(*i).unwrap_or(3306),
            Value::Bool(b) => u16::from(*b),
            _ => 3306,
        }
    }

    /// `dj.config["database.user"]`: `None` until set (DataJoint then prompts).
    pub fn user(&self) -> Option<String> {
        text(self.value("database.user"))
    }

    /// `dj.config["database.password"]`: `None` until set (DataJoint then prompts).
    pub fn password(&self) -> Option<String> {
        text(self.value("database.password"))
    }

    /// `dj.config["database.use_tls"]` as `conn` reads it: `None` = preferred, `Some(false)` =
    /// off, anything else (True or an ssl dict) = required.
    pub fn use_tls(&self) -> Option<bool> {
        match self.value("database.use_tls") {
            Value::Null => None,
            Value::Bool(false) => Some(false),
            _ => Some(true),
        }
    }

    /// `dj.config["loglevel"]` when it is text (None or anything else gives `None`).
    pub fn loglevel(&self) -> Option<&str> {
        match self.value("loglevel") {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }
}

/// The error `dj.config["loglevel"] = value` raises after storing `value`, if any.
fn log_level_error(value: &Value) -> Option<Error> {
    match value {
        Value::Str(s) if LOG_LEVELS.contains(&s.as_str()) => None,
        Value::List(_) => Some(Error::new(Kind::TypeError, "unhashable type: 'list'")),
        Value::Map(_) => Some(Error::new(Kind::TypeError, "unhashable type: 'dict'")),
        other => Some(Error::new(
            Kind::ValueError,
            format!(
                "'{}' is not a valid logging value {}",
                value_str(other),
                crate::engine::py::tuple_repr(&LOG_LEVELS)
            ),
        )),
    }
}

/// Python's `bool(value)`.
fn truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Int(i) => *i != 0,
        Value::Float(f) => *f != 0.0,
        Value::Str(s) => !s.is_empty(),
        Value::Bytes(b) => !b.is_empty(),
        Value::List(l) => !l.is_empty(),
        Value::Map(m) => !m.is_empty(),
    }
}

fn count(value: &Value) -> Option<usize> {
    match value {
        Value::Int(i) => usize::try_from(*i).ok(),
        Value::Bool(b) => Some(usize::from(*b)),
        _ => None,
    }
}

fn text(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::Str(s) => Some(s.clone()),
        other => Some(value_str(other)),
    }
}

/// `OSError(errno, strerror, filename)` as `str(e)` prints it.
fn os_error(errno: i32, strerror: &str, filename: &str) -> Error {
    let kind = match errno {
        2 => Kind::FileNotFoundError,
        13 => Kind::PermissionError,
        20 => Kind::NotADirectoryError,
        21 => Kind::IsADirectoryError,
        _ => Kind::OSError,
    };
    Error::new(kind, format!("[Errno {errno}] {strerror}: {}", str_repr(filename)))
}

fn io_error(e: &std::io::Error, filename: &str) -> Error {
    let errno = e.raw_os_error().unwrap_or(5);
    // Rust prints "No such file or directory (os error 2)"; Python prints strerror alone.
    let text = e.to_string();
    let strerror = text.split(" (os error").next().unwrap_or(&text);
    os_error(errno, strerror, filename)
}

/// `os.path.abspath(filename)` with `cwd` as the working directory: joined, then normalized
/// lexically (`.` and `..` resolved, symlinks not).
fn abspath(cwd: &Path, filename: &str) -> PathBuf {
    let mut out = PathBuf::from("/");
    for part in cwd.join(filename).components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(p) => out.push(p),
            Component::RootDir | Component::CurDir | Component::Prefix(_) => {}
        }
    }
    out
}

#[cfg(test)]
mod tests;
