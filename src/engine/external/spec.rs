//! A store's spec from `dj.config["stores"]`, checked as DataJoint 0.14's
//! `Config.get_store_spec` checks it.

use crate::engine::error::{Error, Kind, Result};
use crate::engine::py::value_type_name;
use crate::engine::value::Value;

/// `dj.config["stores"][store]` once checked.
#[derive(Debug, Clone, PartialEq)]
pub struct StoreSpec {
    /// The store's name.
    pub store: String,
    /// `protocol` as written (`file` or `s3`, in any case).
    pub protocol: String,
    /// `location`.
    pub location: Value,
    /// `stage`, where local copies live (`None`: not configured).
    pub stage: Option<Value>,
}

/// The keys each protocol takes: upper case required, lower case optional (`spec_keys`).
fn spec_keys(protocol: &str) -> Option<&'static [&'static str]> {
    match protocol {
        "file" => Some(&["PROTOCOL", "LOCATION", "subfolding", "stage"]),
        "s3" => Some(&[
            "PROTOCOL",
            "ENDPOINT",
            "BUCKET",
            "ACCESS_KEY",
            "SECRET_KEY",
            "LOCATION",
            "secure",
            "subfolding",
            "stage",
            "proxy_server",
        ]),
        _ => None,
    }
}

/// Python's `TypeError` for subscripting a value that is not a dict with a string.
fn not_subscriptable(v: &Value) -> Error {
    let message = match v {
        Value::Str(_) => "string indices must be integers, not 'str'".to_string(),
        Value::List(_) => "list indices must be integers or slices, not str".to_string(),
        Value::Bytes(_) => "byte indices must be integers or slices, not str".to_string(),
        other => format!("'{}' object is not subscriptable", value_type_name(other)),
    };
    Error::new(Kind::TypeError, message)
}

impl StoreSpec {
    /// `get_store_spec(store)` over `stores` (`dj.config["stores"]`, `None` when absent).
    // oracle: each message below, from DataJoint 0.14.10 with stores {} / {"raw": {...}}.
    pub fn from_config(stores: Option<&Value>, store: &str) -> Result<StoreSpec> {
        let not_configured = || Error::dj(format!("Storage {store} is requested but not configured"));
        let spec = match stores {
            None => return Err(not_configured()),
            Some(Value::Map(m)) => m.get(store).ok_or_else(not_configured)?,
            Some(other) => return Err(not_subscriptable(other)),
        };
        // `spec["subfolding"] = spec.get(...)` runs first: only a dict has `get`.
        let Value::Map(spec) = spec else {
            let t = value_type_name(spec);
            return Err(Error::new(Kind::AttributeError, format!("'{t}' object has no attribute 'get'")));
        };
        let protocol = match spec.get("protocol") {
            None => String::new(),
            Some(Value::Str(s)) => s.clone(),
            Some(other) => {
                let t = value_type_name(other);
                return Err(Error::new(Kind::AttributeError, format!("'{t}' object has no attribute 'lower'")));
            }
        };
        let Some(keys) = spec_keys(&protocol.to_lowercase()) else {
            return Err(Error::dj(format!("Missing or invalid protocol in dj.config[\"stores\"][\"{store}\"]")));
        };
        let required = keys.iter().filter(|k| k.chars().all(|c| !c.is_lowercase()));
        if let Some(missing) = required.map(|k| k.to_lowercase()).find(|k| !spec.contains_key(k)) {
            return Err(Error::dj(format!("dj.config[\"stores\"][\"{store}\"] is missing \"{missing}\"")));
        }
        // `subfolding` is filled in before this check, so it is always allowed.
        let allowed = |k: &str| {
            k == "subfolding" || keys.contains(&k.to_uppercase().as_str()) || keys.contains(&k.to_lowercase().as_str())
        };
        if let Some(bad) = spec.keys().find(|k| !allowed(k)) {
            return Err(Error::dj(format!("Invalid key \"{bad}\" in dj.config[\"stores\"][\"{store}\"]")));
        }
        Ok(StoreSpec {
            store: store.to_string(),
            protocol,
            location: spec.get("location").cloned().unwrap_or(Value::Null),
            stage: spec.get("stage").cloned(),
        })
    }

    /// The checks `ExternalTable.__init__` makes after the spec: a `file` location must be a
    /// path (it must also be a directory, and in the virtual store every location is one).
    pub fn check_location(&self) -> Result<()> {
        if self.protocol == "file" {
            super::path::path_text(&self.location)?;
        }
        Ok(())
    }

    /// `_make_external_filepath`, run on every upload and download: it knows only the exact
    /// protocols `file` and `s3` (`assert False` otherwise).
    pub fn check_protocol(&self) -> Result<()> {
        match self.protocol.as_str() {
            "file" | "s3" => Ok(()),
            _ => Err(Error::new(Kind::AssertionError, "")),
        }
    }

    /// `self.spec["stage"]` as a path's text: `KeyError: 'stage'` when there is none.
    pub fn stage_text(&self) -> Result<String> {
        match &self.stage {
            None => Err(Error::key_error("stage")),
            Some(v) => super::path::path_text(v),
        }
    }
}
