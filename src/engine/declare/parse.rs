//! Classify and parse a definition's lines as DataJoint 0.14's `declare.py` does.

use std::sync::OnceLock;

use regex::Regex;

use crate::engine::error::{Error, Result};

use super::attr;
use super::fk::{self, RefShape};
use super::text::{py_isspace, py_strip};

/// A parsed definition.
#[derive(Debug, Clone, PartialEq)]
pub struct Definition {
    /// The table comment (first line `# ...`), or empty.
    pub comment: String,
    /// Attribute, foreign-key and index lines in order.
    pub items: Vec<Item>,
}

/// One meaningful line.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// `name [= default] : type [# comment]`.
    Attribute(AttributeLine),
    /// `-> [options] Reference[.proj(new='old', ...)]`.
    ForeignKey(ForeignKeyLine),
    /// `[unique] index(a, b)`.
    Index(IndexLine),
}

/// An attribute line.
#[derive(Debug, Clone, PartialEq)]
pub struct AttributeLine {
    /// Attribute name.
    pub name: String,
    /// The raw default text after `=`, trimmed; `None` when there is none (also for `x = : int`,
    /// which DataJoint treats as no default).
    pub default: Option<String>,
    /// The type text, verbatim.
    pub type_text: String,
    /// The comment, without `#`.
    pub comment: String,
    /// Above the `---` divider.
    pub in_key: bool,
    /// The source line, stripped.
    pub line: String,
}

impl AttributeLine {
    /// `= null` in any case: the attribute is nullable and defaults to NULL.
    pub fn nullable(&self) -> bool {
        self.default.as_deref().is_some_and(|d| d.to_lowercase() == "null")
    }
}

/// A foreign-key line.
#[derive(Debug, Clone, PartialEq)]
pub struct ForeignKeyLine {
    /// Above the `---` divider.
    pub in_key: bool,
    /// `[nullable]`.
    pub nullable: bool,
    /// `[unique]`.
    pub unique: bool,
    /// The referenced name as written: `Subject`, `common.Nwbfile`, `master`.
    pub reference: String,
    /// `.proj(new='old', ...)` renames, in order: (new, old). `old` is the string literal's value
    /// verbatim; DataJoint's `proj` then decides: a bare name renames, `(name)` duplicates,
    /// anything else is a computation (which a foreign key ignores).
    pub renames: Vec<(String, String)>,
    /// `.proj('attr', ...)` positional arguments in order, `...` for Ellipsis. They do not change
    /// the foreign key but `proj` validates them (unknown or excluded key attributes raise).
    pub attributes: Vec<String>,
    /// The source line, stripped.
    pub line: String,
}

impl ForeignKeyLine {
    /// The reference text as DataJoint quotes it in messages (tabs expanded, comment kept).
    pub fn ref_text(&self) -> String {
        fk::split(&self.line).map(|s| s.ref_text).unwrap_or_default()
    }

    /// DataJoint's error when the reference does not evaluate (unknown name, `proj` raising).
    pub fn unresolved_error(&self) -> Error {
        unresolved(&self.ref_text())
    }

    /// DataJoint's error when the reference evaluates to something other than a table or its
    /// projection.
    pub fn unsupported_error(&self) -> Error {
        unsupported(&self.ref_text())
    }
}

/// An index line.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexLine {
    /// `unique index`.
    pub unique: bool,
    /// The indexed attributes.
    pub attributes: Vec<String>,
    /// The source line, stripped.
    pub line: String,
}

/// Checks only the caller can make, run at the point DataJoint makes them so that the first
/// error raised is DataJoint's first error.
pub trait Resolver {
    /// Evaluate a foreign key's reference (DataJoint's `eval`), before its options are checked;
    /// fail with `fk.unresolved_error()` when it names no table or its `proj` raises.
    fn resolve(&mut self, fk: &ForeignKeyLine) -> Result<()> {
        let _ = fk;
        Ok(())
    }

    /// Whether a free name of a reference DataJoint cannot use (e.g. `Subject` in
    /// `Subject & 'x=1'`) exists: unknown names fail to evaluate ("could not be resolved")
    /// before the shape is rejected ("not supported").
    fn name_exists(&mut self, name: &str) -> bool {
        let _ = name;
        true
    }

    /// Check an attribute's type (`Unsupported attribute type`, adapters, filepath), after the
    /// nullable and comment checks and before the blob-default check.
    fn check_type(&mut self, attribute: &AttributeLine) -> Result<()> {
        let _ = attribute;
        Ok(())
    }
}

/// A resolver that accepts every reference and type.
pub struct AcceptAll;

impl Resolver for AcceptAll {}

/// Parse a definition. Errors are DataJoint's, verbatim.
pub fn parse_definition(text: &str) -> Result<Definition> {
    parse_definition_with(text, &mut AcceptAll)
}

/// Parse a definition, letting `resolver` raise its errors in DataJoint's order.
pub fn parse_definition_with(text: &str, resolver: &mut dyn Resolver) -> Result<Definition> {
    let mut lines = split_lines(text).into_iter().peekable();
    let mut comment = String::new();
    if let Some(first) = lines.peek() {
        if let Some(rest) = first.strip_prefix('#') {
            comment = py_strip(rest).to_string();
            lines.next();
        }
    }
    if comment.starts_with(':') {
        return Err(Error::dj("Table comment must not start with a colon \":\""));
    }
    let mut in_key = true;
    let mut items = Vec::new();
    for line in lines {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with("---") || line.starts_with("___") {
            in_key = false;
        } else if is_foreign_key(&line) {
            items.push(Item::ForeignKey(foreign_key(line, in_key, resolver)?));
        } else if is_index(&line) {
            items.push(Item::Index(index(line)?));
        } else {
            items.push(Item::Attribute(attribute(line, in_key, resolver)?));
        }
    }
    Ok(Definition { comment, items })
}

/// `re.split(r"\s*\n\s*", text.strip())`: every line stripped of Python whitespace.
fn split_lines(text: &str) -> Vec<String> {
    py_strip(text).split('\n').map(|l| l.trim_matches(py_isspace).to_string()).collect()
}

/// An arrow with none of `"`, `#`, `'` before it.
fn is_foreign_key(line: &str) -> bool {
    line.find("->").is_some_and(|at| !line[..at].contains(['"', '#', '\'']))
}

/// `re.match(r"^(unique\s+)?index\s*.*$", line, re.I)`.
fn is_index(line: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?i)^(?:unique[\s\x1c-\x1f]+)?index").expect("static regex")).is_match(line)
}

fn unresolved(ref_text: &str) -> Error {
    Error::dj(format!("Foreign key reference {ref_text} could not be resolved"))
}

fn unsupported(ref_text: &str) -> Error {
    Error::dj(format!("Dependency \"{ref_text}\" is not supported (yet). Use a base table or its projection."))
}

/// `compile_foreign_key`'s checks in its order: syntax, eval, options, nullable key, shape.
fn foreign_key(line: String, in_key: bool, resolver: &mut dyn Resolver) -> Result<ForeignKeyLine> {
    let split = fk::split(&line)?;
    let shape = fk::shape(&split.ref_text);
    let options: Vec<String> = split.options.iter().map(|o| o.to_ascii_uppercase()).collect();
    let mut out = ForeignKeyLine {
        in_key,
        nullable: options.iter().any(|o| o == "NULLABLE"),
        unique: options.iter().any(|o| o == "UNIQUE"),
        reference: String::new(),
        renames: Vec::new(),
        attributes: Vec::new(),
        line,
    };
    match &shape {
        RefShape::Unresolvable => return Err(unresolved(&split.ref_text)),
        RefShape::Table { name, renames, attributes } => {
            out.reference = name.clone();
            out.renames = renames.clone();
            out.attributes = attributes.clone();
            resolver.resolve(&out)?;
        }
        RefShape::Unsupported => {
            if !fk::free_names(&split.ref_text).iter().all(|n| resolver.name_exists(n)) {
                return Err(unresolved(&split.ref_text));
            }
        }
    }
    if let Some(bad) = options.iter().find(|o| *o != "NULLABLE" && *o != "UNIQUE") {
        return Err(Error::dj(format!("Invalid foreign key option \"{bad}\"")));
    }
    if out.nullable && in_key {
        return Err(Error::dj(format!("Primary dependencies cannot be nullable in line \"{}\"", out.line)));
    }
    if shape == RefShape::Unsupported {
        return Err(unsupported(&split.ref_text));
    }
    Ok(out)
}

/// `compile_index`: `[unique] index ( args )`, split on commas outside parentheses.
fn index(line: String) -> Result<IndexLine> {
    static RE: OnceLock<Regex> = OnceLock::new();
    static ARG: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)^(unique[\s\x1c-\x1f]+)?index[\s\x1c-\x1f]*\([\s\x1c-\x1f]*(.*)\)").expect("static regex")
    });
    let Some(caps) = re.captures(&line) else {
        return Err(Error::dj(format!("Table definition syntax error in line \"{line}\"")));
    };
    let args = caps.get(2).map_or("", |m| m.as_str());
    let arg = ARG.get_or_init(|| Regex::new(r"(?:[^,(]|\([^)]*\))+").expect("static regex"));
    let attributes = arg.find_iter(args).map(|m| py_strip(m.as_str()).to_string()).collect();
    Ok(IndexLine { unique: caps.get(1).is_some(), attributes, line })
}

/// `compile_attribute`'s checks in its order: syntax, nullable key, comment colon, type, blob
/// default.
fn attribute(line: String, in_key: bool, resolver: &mut dyn Resolver) -> Result<AttributeLine> {
    let raw = attr::parse(&line)?;
    let out = AttributeLine {
        name: raw.name,
        default: (!raw.default.is_empty()).then_some(raw.default),
        type_text: raw.type_text,
        comment: raw.comment,
        in_key,
        line,
    };
    if out.nullable() && in_key {
        return Err(Error::dj(format!("Primary key attributes cannot be nullable in line \"{}\"", out.line)));
    }
    // DataJoint escapes double quotes before this check, and its message shows them escaped.
    let escaped = out.comment.replace('"', "\\\"");
    if escaped.starts_with(':') {
        return Err(Error::dj(format!("An attribute comment must not start with a colon in comment \"{escaped}\"")));
    }
    resolver.check_type(&out)?;
    if attr::is_serialized_type(&out.type_text) && out.default.is_some() && !out.nullable() {
        return Err(Error::dj(format!(
            "The default value for a blob or attachment attributes can only be NULL in:\n{}",
            out.line
        )));
    }
    Ok(out)
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
