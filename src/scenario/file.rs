//! `scenario.toml`: the typed file, and its errors located by file, line, column and field.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Deserialize;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::error::ScenarioError;

/// A scenario file as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioFile {
    /// One line for listings.
    #[serde(default)]
    pub description: String,
    /// The user the build scripts run as (it must exist and may do anything they do).
    pub admin: String,
    /// The build scripts (rhai, or `.sql` dumps loaded as `import --sql` does), in order,
    /// relative to the scenario's directory.
    #[serde(default)]
    pub build: Vec<String>,
    /// Scripts run after the build for the variant world: the same tables with other rows, in
    /// which grading runs an exercise a second time so that hard-coded answers fail.
    #[serde(default)]
    pub variant: Vec<String>,
    /// Where the server answers and what it calls itself.
    pub server: ServerSection,
    /// Roles, created before the users (so users can be granted them).
    #[serde(default)]
    pub roles: Vec<RoleEntry>,
    /// Users who can log in.
    #[serde(default)]
    pub users: Vec<UserEntry>,
    /// The client machine's environment variables (`os.getenv`), beneath the process's own:
    /// e.g. Spyglass's `SPYGLASS_BASE_DIR` on the workshop's machines.
    #[serde(default)]
    pub env: BTreeMap<String, String>,
    /// What `import "path" as m;` offers: module path → exported class name → table
    /// (`"common_subject.subject"`; a Part table comes with its master as `Master.Part`) or a
    /// helper the sandbox provides (`"helper:Interval"`).
    #[serde(default)]
    pub modules: BTreeMap<String, BTreeMap<String, String>>,
}

/// `[server]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerSection {
    /// Host names and addresses that reach the server.
    pub hosts: Vec<String>,
    /// Its port.
    pub port: u16,
    /// `SELECT VERSION()`.
    pub version: String,
    /// The client's host as messages name it (`'sailor'@'localhost'`).
    pub client_host: String,
}

/// `[[roles]]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleEntry {
    /// The role's name.
    pub name: String,
    /// Privileges in `GRANT`'s form without `GRANT` and `TO`: ``"ALL PRIVILEGES ON `lab\_%`.*"``.
    #[serde(default)]
    pub grants: Vec<String>,
}

/// `[[users]]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserEntry {
    /// The user's name.
    pub name: String,
    /// The host pattern of the account (`%` when not given).
    #[serde(default = "any_host")]
    pub host: String,
    /// Its password.
    pub password: String,
    /// Roles granted to it.
    #[serde(default)]
    pub roles: Vec<String>,
    /// Privileges of its own, in the same form as a role's.
    #[serde(default)]
    pub grants: Vec<String>,
}

fn any_host() -> String {
    "%".into()
}

impl ScenarioFile {
    /// Parse `text`, read from `file` (named in errors).
    pub fn parse(file: &str, text: &str) -> Result<ScenarioFile, ScenarioError> {
        parse_toml(text).map_err(|e| ScenarioError::Invalid {
            file: file.into(),
            line: e.line,
            column: e.column,
            field: e.field,
            message: e.message,
        })
    }
}

/// Where and why a TOML file does not fit its type.
#[derive(Debug, Clone, PartialEq)]
pub struct TomlError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// The dotted field at fault (`users[1].password`), empty when unknown.
    pub field: String,
    /// What is wrong.
    pub message: String,
}

/// Parse `text` as a `T`, locating a mismatch by line, column and field.
pub fn parse_toml<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, TomlError> {
    toml::from_str(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        let (line, column) = line_column(text, span.start);
        let field = field_at(text, &span).unwrap_or_default();
        TomlError { line, column, field, message: e.message().trim().into() }
    })
}

/// 1-based line and column of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The dotted path of the innermost key whose key or value holds `span` (`users[2].password`);
/// `None` when the text does not parse or nothing holds it.
fn field_at(text: &str, span: &Range<usize>) -> Option<String> {
    let doc = DeTable::parse(text).ok()?;
    let mut path = String::new();
    in_table(doc.get_ref(), span, &mut path).then_some(path)
}

fn in_table(table: &DeTable<'_>, span: &Range<usize>, path: &mut String) -> bool {
    for (key, value) in table.iter() {
        if contains(key.span(), span) || contains(value.span(), span) || holds(value, span) {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(key.get_ref());
            in_value(value, span, path);
            return true;
        }
    }
    false
}

fn in_value(value: &Spanned<DeValue<'_>>, span: &Range<usize>, path: &mut String) {
    match value.get_ref() {
        DeValue::Table(t) => {
            in_table(t, span, path);
        }
        DeValue::Array(items) => {
            if let Some((i, item)) = items.iter().enumerate().find(|(_, v)| contains(v.span(), span) || holds(v, span))
            {
                path.push_str(&format!("[{i}]"));
                in_value(item, span, path);
            }
        }
        _ => {}
    }
}

/// Does a table's or array's content hold `span` (an array of tables' span is only its header)?
fn holds(value: &Spanned<DeValue<'_>>, span: &Range<usize>) -> bool {
    match value.get_ref() {
        DeValue::Table(t) => {
            t.iter().any(|(k, v)| contains(k.span(), span) || contains(v.span(), span) || holds(v, span))
        }
        DeValue::Array(items) => items.iter().any(|v| contains(v.span(), span) || holds(v, span)),
        _ => false,
    }
}

fn contains(outer: Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end && outer.start < outer.end
}
