//! `pprint.pformat(obj, indent=4)` (width 80, dicts sorted), CPython 3.11's algorithm: how
//! `str(dj.config)` prints.

use crate::engine::py::{str_repr, value_repr};
use crate::engine::Value;

const WIDTH: i64 = 80;
const INDENT: i64 = 4;

/// `pprint.pformat(value, indent=4)`.
pub(crate) fn pformat(value: &Value) -> String {
    let mut out = String::new();
    format(value, &mut out, 0, 0, 0);
    out
}

fn len(s: &str) -> i64 {
    s.chars().count() as i64
}

/// `PrettyPrinter._safe_repr`: `repr` with dict keys sorted (a `Value::Map` already is).
fn repr(value: &Value) -> String {
    match value {
        Value::List(items) => format!("[{}]", items.iter().map(repr).collect::<Vec<_>>().join(", ")),
        Value::Map(map) => format!(
            "{{{}}}",
            map.iter().map(|(k, v)| format!("{}: {}", str_repr(k), repr(v))).collect::<Vec<_>>().join(", ")
        ),
        other => value_repr(other),
    }
}

/// `PrettyPrinter._format`: the one-line repr when it fits, else the type's multi-line form.
fn format(value: &Value, out: &mut String, indent: i64, allowance: i64, level: usize) {
    let rep = repr(value);
    if len(&rep) > WIDTH - indent - allowance {
        match value {
            Value::Map(map) => {
                out.push('{');
                out.push_str(&" ".repeat((INDENT - 1) as usize));
                let items: Vec<_> = map.iter().collect();
                let indent = indent + INDENT;
                let allowance = allowance + 1;
                for (i, (key, item)) in items.iter().enumerate() {
                    let last = i == items.len() - 1;
                    let krep = str_repr(key);
                    out.push_str(&krep);
                    out.push_str(": ");
                    format(item, out, indent + len(&krep) + 2, if last { allowance } else { 1 }, level + 1);
                    if !last {
                        out.push_str(",\n");
                        out.push_str(&" ".repeat(indent as usize));
                    }
                }
                out.push('}');
                return;
            }
            Value::List(items) => {
                out.push('[');
                let indent = indent + INDENT;
                let allowance = allowance + 1;
                out.push_str(&" ".repeat((INDENT - 1) as usize));
                for (i, item) in items.iter().enumerate() {
                    let last = i == items.len() - 1;
                    if i > 0 {
                        out.push_str(",\n");
                        out.push_str(&" ".repeat(indent as usize));
                    }
                    format(item, out, indent, if last { allowance } else { 1 }, level + 1);
                }
                out.push(']');
                return;
            }
            Value::Str(s) if !s.is_empty() => {
                pprint_str(s, out, indent, allowance, level + 1);
                return;
            }
            _ => {}
        }
    }
    out.push_str(&rep);
}

/// `PrettyPrinter._pprint_str`: long text as adjacent literals split after whitespace.
fn pprint_str(s: &str, out: &mut String, mut indent: i64, mut allowance: i64, level: usize) {
    if level == 1 {
        indent += 1;
        allowance += 1;
    }
    let lines = split_lines(s);
    let max_width = WIDTH - indent;
    let mut max_width1 = max_width;
    let mut chunks: Vec<String> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let last_line = i == lines.len() - 1;
        let rep = str_repr(line);
        if last_line {
            max_width1 -= allowance;
        }
        if len(&rep) <= max_width1 {
            chunks.push(rep);
            continue;
        }
        let parts = words(line);
        let mut max_width2 = max_width;
        let mut current = String::new();
        for (j, part) in parts.iter().enumerate() {
            let candidate = format!("{current}{part}");
            if j == parts.len() - 1 && last_line {
                max_width2 -= allowance;
            }
            if len(&str_repr(&candidate)) > max_width2 {
                if !current.is_empty() {
                    chunks.push(str_repr(&current));
                }
                current = part.to_string();
            } else {
                current = candidate;
            }
        }
        if !current.is_empty() {
            chunks.push(str_repr(&current));
        }
    }
    if chunks.len() == 1 {
        out.push_str(&chunks[0]);
        return;
    }
    if level == 1 {
        out.push('(');
    }
    for (i, chunk) in chunks.iter().enumerate() {
        if i > 0 {
            out.push('\n');
            out.push_str(&" ".repeat(indent.max(0) as usize));
        }
        out.push_str(chunk);
    }
    if level == 1 {
        out.push(')');
    }
}

/// `str.splitlines(True)`: every Python line boundary, kept at the end of its line.
fn split_lines(s: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = match c {
            '\r' if chars.peek().map(|(_, n)| *n) == Some('\n') => {
                chars.next();
                i + 2
            }
            '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{1c}' | '\u{1d}' | '\u{1e}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                i + c.len_utf8()
            }
            _ => continue,
        };
        lines.push(&s[start..end]);
        start = end;
    }
    if start < s.len() {
        lines.push(&s[start..]);
    }
    lines
}

/// `re.findall(r'\S*\s*', line)` without its final empty match: words with trailing space.
fn words(line: &str) -> Vec<&str> {
    let space = |c: char| c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c);
    let mut parts = Vec::new();
    let mut rest = line;
    while !rest.is_empty() {
        let word_end = rest.find(space).unwrap_or(rest.len());
        let space_end = rest[word_end..].find(|c| !space(c)).map_or(rest.len(), |n| word_end + n);
        parts.push(&rest[..space_end]);
        rest = &rest[space_end..];
    }
    parts
}
