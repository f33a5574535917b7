//! DataJoint's client-side guess of the column names a restriction string uses
//! (`datajoint/condition.py`, `extract_column_names`). It runs before the server sees the text,
//! so its false positives (`flag = true`, `current_date`, lower-case `cast(x as signed)`) are
//! what a learner meets first.

use std::sync::LazyLock;

use regex::Regex;

use crate::engine::error::{Error, Result};

/// The words DataJoint does not take for column names.
const KEYWORDS: [&str; 16] = [
    "is", "in", "between", "like", "and", "or", "null", "not", "interval", "second", "minute", "hour", "day", "month",
    "week", "year",
];

struct Patterns {
    escaped_quote: Regex,
    single: Regex,
    double: Regex,
    back_quoted: Regex,
    space_paren: Regex,
    function: Regex,
    token: Regex,
}

static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| Patterns {
    escaped_quote: Regex::new(r#"(\\")|(\\')"#).expect("static regex"),
    single: Regex::new(r"'[^']*'").expect("static regex"),
    double: Regex::new(r#""[^"]*""#).expect("static regex"),
    back_quoted: Regex::new(r"`([a-z][a-z_0-9]*)`").expect("static regex"),
    space_paren: Regex::new(r"\s*\(").expect("static regex"),
    function: Regex::new(r"(\b[a-z][a-z_0-9]*)\(").expect("static regex"),
    token: Regex::new(r"\b[a-z][a-z_0-9]*\b").expect("static regex"),
});

/// The presumed column names in `text`, in order of first appearance (DataJoint collects a set;
/// the order only decides which missing name the error names first).
pub fn column_names(text: &str) -> Vec<String> {
    let p = &*PATTERNS;
    let s = p.escaped_quote.replace_all(text, "");
    let s = p.single.replace_all(&s, "");
    let s = p.double.replace_all(&s, "");
    let mut names: Vec<String> = Vec::new();
    let mut push = |n: &str| {
        if !names.iter().any(|x| x == n) {
            names.push(n.to_string());
        }
    };
    for c in p.back_quoted.captures_iter(&s) {
        push(&c[1]);
    }
    let s = p.back_quoted.replace_all(&s, "");
    let s = p.space_paren.replace_all(&s, "(");
    let s = p.function.replace_all(&s, "(");
    for m in p.token.find_iter(&s) {
        if !KEYWORDS.contains(&m.as_str()) {
            push(m.as_str());
        }
    }
    names
}

/// DataJoint's check in `QueryExpression.restrict`: every guessed name must be an attribute
/// (compared exactly, as Python does).
pub fn check(text: &str, attributes: &[String]) -> Result<()> {
    match column_names(text).into_iter().find(|n| !attributes.iter().any(|a| a == n)) {
        Some(missing) => Err(Error::dj(format!("Attribute `{missing}` is not found in query."))),
        None => Ok(()),
    }
}
