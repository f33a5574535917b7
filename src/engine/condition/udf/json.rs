//! JSON_EXTRACT / `->` / `->>` on JSON text: simple paths (`$.a.b[0]`, `$."odd key"`); a result
//! prints as MySQL prints JSON (`{"a": 1, "b": [1, 2]}`, strings quoted unless unquoted).

use rusqlite::functions::Context;
use rusqlite::types::Value;
use serde_json::Value as Json;

use super::value::arg_text;

enum Step {
    Key(String),
    Index(usize),
}

/// `$.a."b c"[2]`; None for wildcards and malformed paths.
fn parse_path(path: &str) -> Option<Vec<Step>> {
    let mut rest = path.trim().strip_prefix('$')?;
    let mut steps = Vec::new();
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            if let Some(q) = r.strip_prefix('"') {
                let end = q.find('"')?;
                steps.push(Step::Key(q[..end].to_string()));
                rest = &q[end + 1..];
            } else {
                let end = r.find(['.', '[']).unwrap_or(r.len());
                let key = &r[..end];
                if key.is_empty() || key.contains('*') {
                    return None;
                }
                steps.push(Step::Key(key.trim().to_string()));
                rest = &r[end..];
            }
        } else if let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']')?;
            steps.push(Step::Index(r[..end].trim().parse().ok()?));
            rest = &r[end + 1..];
        } else {
            return None;
        }
    }
    Some(steps)
}

/// JSON as MySQL prints it: `, ` and `: ` separators.
pub fn mysql_json_text(v: &Json) -> String {
    match v {
        Json::Array(items) => format!("[{}]", items.iter().map(mysql_json_text).collect::<Vec<_>>().join(", ")),
        Json::Object(map) => format!(
            "{{{}}}",
            map.iter()
                .map(|(k, v)| format!("{}: {}", Json::String(k.clone()), mysql_json_text(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        other => other.to_string(),
    }
}

fn lookup<'a>(doc: &'a Json, steps: &[Step]) -> Option<&'a Json> {
    steps.iter().try_fold(doc, |v, s| match s {
        Step::Key(k) => v.get(k.as_str()),
        Step::Index(i) => v.get(*i),
    })
}

/// A JSON value as an SQL value in comparisons: strings unquoted, numbers as numbers.
pub fn scalar(v: &Json) -> Value {
    match v {
        Json::String(s) => Value::Text(s.clone()),
        Json::Number(n) => n.as_i64().map_or_else(|| Value::Real(n.as_f64().unwrap_or(0.0)), Value::Integer),
        other => Value::Text(mysql_json_text(other)),
    }
}

/// `mysql_json_extract(doc, path, mode)`: mode 0 JSON text (JSON_EXTRACT, `->`), 1 unquoted
/// (`->>`, JSON_UNQUOTE), 2 SQL value (for comparisons). NULL for a missing path, invalid JSON
/// or an unsupported path (MySQL raises 3141/3143 for the last two).
pub fn mysql_json_extract(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    let (Some(doc), Some(path)) = (arg_text(ctx, 0), arg_text(ctx, 1)) else { return Ok(Value::Null) };
    let mode = super::value::arg_int(ctx, 2).unwrap_or(0);
    let (Ok(doc), Some(steps)) = (serde_json::from_str::<Json>(&doc), parse_path(&path)) else {
        return Ok(Value::Null);
    };
    let Some(found) = lookup(&doc, &steps) else { return Ok(Value::Null) };
    Ok(match (mode, found) {
        (0, v) => Value::Text(mysql_json_text(v)),
        (1, Json::String(s)) => Value::Text(s.clone()),
        (1, v) => Value::Text(mysql_json_text(v)),
        (_, v) => scalar(v),
    })
}

/// `mysql_json_unquote(x)`: a JSON string literal unquoted, anything else unchanged.
pub fn mysql_json_unquote(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    let Some(s) = arg_text(ctx, 0) else { return Ok(Value::Null) };
    match serde_json::from_str::<Json>(&s) {
        Ok(Json::String(u)) if s.trim_start().starts_with('"') => Ok(Value::Text(u)),
        _ => Ok(Value::Text(s)),
    }
}
