//! The attribute line grammar `name [= default] : type [# comment]`, with pyparsing's positions
//! and messages for the ways it fails.

use std::sync::OnceLock;

use regex::Regex;

use crate::engine::error::{Error, Result};

use super::text::{expand_tabs, pp_isspace, py_strip, skip_to};

/// The raw fields of an attribute line, each stripped as DataJoint strips them.
#[derive(Debug, Clone, PartialEq)]
pub struct RawAttribute {
    /// The attribute name.
    pub name: String,
    /// The default text; empty when absent (`x = : int` is the same as no default).
    pub default: String,
    /// The type text.
    pub type_text: String,
    /// The comment, trailing `#`s removed.
    pub comment: String,
}

/// Parse `line` as pyparsing does after appending `#` (tabs expanded first).
pub fn parse(line: &str) -> Result<RawAttribute> {
    let text = expand_tabs(&format!("{line}#"));
    let c: Vec<char> = text.chars().collect();
    let fail =
        |pos: usize, msg: &str| Error::dj(format!("Declaration error in position {pos} in line:\n  {text}\n{msg}"));
    let ws = |mut i: usize| {
        while c.get(i).is_some_and(|&x| pp_isspace(x)) {
            i += 1;
        }
        i
    };
    let slice = |a: usize, b: usize| -> String { c.get(a..b).unwrap_or(&[]).iter().collect() };

    let name_start = ws(0);
    if !c.get(name_start).is_some_and(|x| x.is_ascii_lowercase()) {
        return Err(fail(name_start, "Expected W:(a-z, 0-9_a-z)"));
    }
    let mut i = name_start + 1;
    while c.get(i).is_some_and(|&x| x.is_ascii_lowercase() || x.is_ascii_digit() || x == '_') {
        i += 1;
    }
    let name = slice(name_start, i);

    // Optional `= default`: everything up to the next colon outside quotes; backtracks if none.
    let mut default = String::new();
    let eq = ws(i);
    if c.get(eq) == Some(&'=') {
        let from = ws(eq + 1);
        if let Some(colon) = skip_to(&c, from, ':') {
            default = slice(from, colon);
            i = colon;
        }
    }

    let colon = ws(i);
    if c.get(colon) != Some(&':') {
        return Err(fail(colon, "Expected ':'"));
    }

    // The type: a word of letters and everything up to `#` outside quotes, or `<adapter>`.
    let type_start = ws(colon + 1);
    let type_end = match c.get(type_start) {
        Some(x) if x.is_ascii_alphabetic() => {
            let mut j = type_start;
            while c.get(j).is_some_and(|x| x.is_ascii_alphabetic()) {
                j += 1;
            }
            skip_to(&c, j, '#')
        }
        Some('<') => (type_start + 1..c.len())
            .take_while(|&k| c.get(k).is_some_and(|&x| x != '\n' && x != '\r'))
            .find(|&k| c.get(k) == Some(&'>'))
            .map(|k| k + 1),
        _ => None,
    };
    let Some(type_end) = type_end else {
        return Err(fail(type_start, "Expected W:(A-Za-z)"));
    };
    let hash = ws(type_end);
    if c.get(hash) != Some(&'#') {
        return Err(fail(hash, "Expected '#'"));
    }
    let comment = slice(hash + 1, c.len());
    Ok(RawAttribute {
        name,
        default: py_strip(&default).to_string(),
        type_text: py_strip(&slice(type_start, type_end)).to_string(),
        comment: py_strip(comment.trim_end_matches('#')).to_string(),
    })
}

/// Serialized types (`(tiny|small|medium|long)blob`, `blob@store`, `attach`, `attach@store`),
/// whose default can only be NULL.
pub fn is_serialized_type(type_text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)^(?:(?:tiny|small|medium|long|)blob|blob@[a-z][\-\w]*|attach|attach@[a-z][\-\w]*)$")
            .expect("static regex")
    })
    .is_match(type_text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(line: &str) -> (String, String, String, String) {
        let r = parse(line).unwrap();
        (r.name, r.default, r.type_text, r.comment)
    }

    fn err(line: &str) -> String {
        parse(line).unwrap_err().message
    }

    #[test]
    fn fields() {
        let t = |a: &str, b: &str, c: &str, d: &str| (a.to_string(), b.to_string(), c.to_string(), d.to_string());
        assert_eq!(raw("x : int"), t("x", "", "int", ""));
        assert_eq!(raw("x=5:int"), t("x", "5", "int", ""));
        assert_eq!(raw("x = : int"), t("x", "", "int", ""));
        assert_eq!(raw("x = 'a:b' : int"), t("x", "'a:b'", "int", ""));
        assert_eq!(raw("url = \"http://x#y\" : varchar(64) # c"), t("url", "\"http://x#y\"", "varchar(64)", "c"));
        assert_eq!(raw("x : enum('a', 'b')  # it's"), t("x", "", "enum('a', 'b')", "it's"));
        assert_eq!(raw("x : varchar('#') # c"), t("x", "", "varchar('#')", "c"));
        assert_eq!(raw("x : int # 'a#b' c"), t("x", "", "int", "'a#b' c"));
        assert_eq!(raw("x : int # c #"), t("x", "", "int", "c"));
        assert_eq!(raw("x : int #"), t("x", "", "int", ""));
        assert_eq!(raw("x : int#a#b"), t("x", "", "int", "a#b"));
        assert_eq!(raw("x : int unsigned auto_increment"), t("x", "", "int unsigned auto_increment", ""));
        assert_eq!(raw("x = 'abc : int"), t("x", "'abc", "int", ""));
        assert_eq!(raw("x = 'a' 'b' : int"), t("x", "'a' 'b'", "int", ""));
        assert_eq!(raw("x = null # : int"), t("x", "null #", "int", ""));
        assert_eq!(raw("x : int ' # c"), t("x", "", "int '", "c"));
        assert_eq!(raw("x : int("), t("x", "", "int(", ""));
        assert_eq!(raw("x : <adapter>"), t("x", "", "<adapter>", ""));
        assert_eq!(raw("x : <a<b> # c"), t("x", "", "<a<b>", "c"));
        // pyparsing expands tabs: the matched text has spaces.
        assert_eq!(raw("x : int # a\tb"), t("x", "", "int", "a     b"));
        assert_eq!(raw("x\t:\tint"), t("x", "", "int", ""));
        // Python's quoted strings have no escapes here: 'a\' is a whole string.
        assert_eq!(raw("x = 'a\\'b:c' : int"), t("x", "'a\\'b", "c' : int", ""));
    }

    #[test]
    fn errors() {
        // oracle: datajoint.declare.compile_attribute
        for (line, msg) in [
            (
                "Bad_name : int",
                "Declaration error in position 0 in line:\n  Bad_name : int#\nExpected W:(a-z, 0-9_a-z)",
            ),
            ("x int", "Declaration error in position 2 in line:\n  x int#\nExpected ':'"),
            ("x : ", "Declaration error in position 4 in line:\n  x : #\nExpected W:(A-Za-z)"),
            ("x :", "Declaration error in position 3 in line:\n  x :#\nExpected W:(A-Za-z)"),
            ("1x : int", "Declaration error in position 0 in line:\n  1x : int#\nExpected W:(a-z, 0-9_a-z)"),
            ("X : int", "Declaration error in position 0 in line:\n  X : int#\nExpected W:(a-z, 0-9_a-z)"),
            ("x", "Declaration error in position 1 in line:\n  x#\nExpected ':'"),
            (":int", "Declaration error in position 0 in line:\n  :int#\nExpected W:(a-z, 0-9_a-z)"),
            ("x : 'int'", "Declaration error in position 4 in line:\n  x : 'int'#\nExpected W:(A-Za-z)"),
            ("x : <adapt", "Declaration error in position 4 in line:\n  x : <adapt#\nExpected W:(A-Za-z)"),
            ("x : 5int", "Declaration error in position 4 in line:\n  x : 5int#\nExpected W:(A-Za-z)"),
            ("x = 3 int", "Declaration error in position 2 in line:\n  x = 3 int#\nExpected ':'"),
            ("x : @int", "Declaration error in position 4 in line:\n  x : @int#\nExpected W:(A-Za-z)"),
            ("xY : int", "Declaration error in position 1 in line:\n  xY : int#\nExpected ':'"),
            ("x-y : int", "Declaration error in position 1 in line:\n  x-y : int#\nExpected ':'"),
            ("x :  # c", "Declaration error in position 5 in line:\n  x :  # c#\nExpected W:(A-Za-z)"),
            ("x y : int", "Declaration error in position 2 in line:\n  x y : int#\nExpected ':'"),
            ("é : int", "Declaration error in position 0 in line:\n  é : int#\nExpected W:(a-z, 0-9_a-z)"),
            ("x : ë", "Declaration error in position 4 in line:\n  x : ë#\nExpected W:(A-Za-z)"),
            ("x : <a> b", "Declaration error in position 8 in line:\n  x : <a> b#\nExpected '#'"),
            ("x\tint", "Declaration error in position 8 in line:\n  x       int#\nExpected ':'"),
            ("X\t: int", "Declaration error in position 0 in line:\n  X       : int#\nExpected W:(a-z, 0-9_a-z)"),
            ("--", "Declaration error in position 0 in line:\n  --#\nExpected W:(a-z, 0-9_a-z)"),
            ("unique(x)", "Declaration error in position 6 in line:\n  unique(x)#\nExpected ':'"),
        ] {
            assert_eq!(err(line), msg, "{line}");
        }
    }

    #[test]
    fn serialized_types() {
        for t in ["blob", "longblob", "TINYBLOB", "blob@store", "attach", "attach@s-1", "Attach"] {
            assert!(is_serialized_type(t), "{t}");
        }
        for t in ["blobx", "filepath@s", "varchar(3)", "json", "blob@", "int"] {
            assert!(!is_serialized_type(t), "{t}");
        }
    }
}
