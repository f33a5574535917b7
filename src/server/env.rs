//! The client machine's environment as a script sees it (`os.environ`, `os.getenv`): what the
//! script (or an imported package) set, over the process's own variables, over the scenario's
//! defaults (the workshop machine's settings, such as Spyglass's base directory).

use std::collections::BTreeMap;

/// Environment variables, in three layers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Environment {
    /// The scenario's variables, beneath the process's.
    defaults: BTreeMap<String, String>,
    /// Set during the run, over everything else.
    changed: BTreeMap<String, String>,
    /// Hide the process's own variables (a grader's runs must not depend on its machine).
    isolated: bool,
}

impl Environment {
    /// An environment with `defaults` beneath the process's variables.
    pub fn with_defaults(defaults: BTreeMap<String, String>) -> Environment {
        Environment { defaults, changed: BTreeMap::new(), isolated: false }
    }

    /// A new process's environment for a grader: the script's changes gone and the process's
    /// own variables hidden; only the scenario's defaults remain.
    pub fn isolate(&mut self) {
        self.changed.clear();
        self.isolated = true;
    }

    /// `os.getenv(name)`.
    pub fn get(&self, name: &str) -> Option<String> {
        let set = self.changed.get(name).cloned();
        let process = if self.isolated { None } else { std::env::var(name).ok() };
        set.or(process).or_else(|| self.defaults.get(name).cloned())
    }

    /// `os.environ[name] = value`.
    pub fn set(&mut self, name: &str, value: &str) {
        self.changed.insert(name.to_string(), value.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_cover_the_process_and_defaults_lie_beneath() {
        let name = "DJSANDBOX_ENV_TEST_VARIABLE";
        let mut env = Environment::with_defaults([(name.to_string(), "default".to_string())].into());
        assert_eq!(env.get(name).as_deref(), Some("default"));
        env.set(name, "set");
        assert_eq!(env.get(name).as_deref(), Some("set"));
        assert_eq!(Environment::default().get(name), None);
        // The process's own variables come before the scenario's.
        let path = std::env::var("PATH").ok();
        let env = Environment::with_defaults([("PATH".to_string(), "x".to_string())].into());
        assert_eq!(env.get("PATH"), path.or(Some("x".into())));
        let mut env = Environment::with_defaults([("PATH".to_string(), "x".to_string())].into());
        env.set("A", "1");
        env.isolate();
        assert_eq!((env.get("PATH").as_deref(), env.get("A")), (Some("x"), None));
    }
}
