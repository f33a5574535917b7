//! Every caught error is the same kind of object: `#{kind, message, code}`. DataJoint's errors
//! are thrown that way; rhai's own (a missing map key, an unknown function, an index out of
//! range) reach `catch (e)` as rhai's maps, and rhai has no hook there. So the script's text
//! gets one call at the start of each catch block, `e = __python_error(e);`, which turns rhai's
//! maps into Python's errors (`KeyError`, `TypeError`, `NameError`, ...).

use rhai::{Dynamic, Engine, Map, NativeCallContext};

use super::error::{module_not_found, not_defined, LIST_INDEX};
use super::host::Shared;
use super::usage;

/// The text inserted at a catch block's start, and where (line, column of the insertion).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rewrite {
    /// The script with the calls inserted.
    pub source: String,
    /// Each insertion: its line, the 1-based column it starts at, and its length.
    pub inserted: Vec<(usize, usize, usize)>,
}

impl Rewrite {
    /// A column of the rewritten text as the column of the learner's own text.
    pub fn original_column(&self, line: usize, column: usize) -> usize {
        let shift: usize = self.inserted.iter().filter(|(l, c, _)| *l == line && *c <= column).map(|(_, _, n)| n).sum();
        column.saturating_sub(shift).max(1)
    }
}

/// Insert the conversion after each `catch (name) {` outside strings and comments.
pub fn rewrite(source: &str) -> Rewrite {
    let mut out = Rewrite { source: String::with_capacity(source.len()), inserted: Vec::new() };
    let tokens = super::words::words(source);
    let mut copied = 0;
    for w in &tokens {
        if w.text != "catch" {
            continue;
        }
        // catch ( name ) {
        let rest = &source[w.end..];
        let Some(after) = catch_header(rest) else { continue };
        let (name, brace) = after;
        let at = w.end + brace + 1;
        out.source.push_str(&source[copied..at]);
        let call = format!("{name} = __python_error({name});");
        let line = source[..at].matches('\n').count() + 1;
        let column = at - source[..at].rfind('\n').map_or(0, |p| p + 1) + 1;
        out.inserted.push((line, column, call.len()));
        out.source.push_str(&call);
        copied = at;
    }
    out.source.push_str(&source[copied..]);
    out
}

/// After `catch`: `(name) {` with any whitespace; the name and the offset of `{`.
fn catch_header(rest: &str) -> Option<(&str, usize)> {
    let open = rest.find(|c: char| !c.is_whitespace())?;
    if !rest[open..].starts_with('(') {
        return None;
    }
    let close = open + rest[open..].find(')')?;
    let name = rest[open + 1..close].trim();
    if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
        return None;
    }
    let brace = close + 1 + rest[close + 1..].find(|c: char| !c.is_whitespace())?;
    rest[brace..].starts_with('{').then_some((name, brace))
}

/// Register `__python_error`.
pub fn register(engine: &mut Engine, host: &Shared) {
    let h = host.clone();
    engine.register_fn("__python_error", move |ctx: NativeCallContext, e: Dynamic| -> Dynamic {
        let Some(map) = e.read_lock::<Map>().map(|m| m.clone()) else { return e };
        if map.contains_key("kind") || !map.contains_key("error") {
            return e;
        }
        let field = |k: &str| map.get(k).map(|v| v.to_string()).unwrap_or_default();
        let functions = h.functions.borrow();
        functions.native(ctx.engine());
        let (kind, message) = match field("error").as_str() {
            // An error inside a closure or function: rhai keeps only its text.
            "ErrorInFunctionCall" => from_text(&field("message"), &functions),
            "ErrorPropertyNotFound" => ("KeyError".to_string(), field("variable")),
            "ErrorFunctionNotFound" => {
                let err = usage::not_found(&field("function"), &functions, None);
                (err.kind.name().to_string(), err.message)
            }
            "ErrorVariableNotFound" => ("NameError".into(), not_defined(&field("variable"))),
            "ErrorArrayBounds" => ("IndexError".into(), LIST_INDEX.into()),
            "ErrorStringBounds" => ("IndexError".into(), "string index out of range".into()),
            "ErrorModuleNotFound" => ("ModuleNotFoundError".into(), module_not_found(&field("module"))),
            "ErrorFor" => ("TypeError".into(), NOT_ITERABLE.into()),
            "ErrorArithmetic" => ("ArithmeticError".into(), field("message")),
            _ => ("Exception".into(), field("message")),
        };
        let mut out = Map::new();
        out.insert("kind".into(), kind.into());
        out.insert("message".into(), message.into());
        out.insert("code".into(), Dynamic::UNIT);
        Dynamic::from_map(out)
    });
}

/// rhai's `ErrorFor`: it does not say the type; `()` is the usual culprit, as `None` is Python's.
pub const NOT_ITERABLE: &str = "this object is not iterable (is it (), Python's None?)";

/// Python's error for rhai's text of an error raised inside a function or closure
/// (`Function not found: f (i64) (line 3, position 5)\nin closure call`).
fn from_text(text: &str, functions: &usage::Functions) -> (String, String) {
    let first = text.lines().next().unwrap_or_default();
    let first = first.rsplit_once(" (line ").map_or(first, |(head, _)| head);
    let (kind, message) = if let Some(sig) = first.strip_prefix("Function not found: ") {
        let err = usage::not_found(sig, functions, None);
        (err.kind.name(), err.message)
    } else if let Some(key) = first.strip_prefix("Property not found: ") {
        ("KeyError", key.to_string())
    } else if let Some(name) = first.strip_prefix("Variable not found: ") {
        ("NameError", not_defined(name))
    } else if first.starts_with("Array index ") {
        ("IndexError", LIST_INDEX.to_string())
    } else {
        ("Exception", first.to_string())
    };
    (kind.to_string(), message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catch_blocks_get_the_conversion_and_columns_map_back() {
        let src =
            "try { x } catch (e) { print(e.kind) }\n// catch (c) {\nlet s = \"catch (d) {\";\ntry {} catch(err){}";
        let r = rewrite(src);
        assert_eq!(
            r.source,
            "try { x } catch (e) {e = __python_error(e); print(e.kind) }\n// catch (c) {\nlet s = \"catch (d) {\";\n\
             try {} catch(err){err = __python_error(err);}"
        );
        assert_eq!(r.inserted, vec![(1, 22, 22), (4, 19, 26)]);
        assert_eq!(r.original_column(1, 10), 10);
        assert_eq!(r.original_column(1, 45), 23);
    }

    #[test]
    fn errors_inside_closures_are_read_from_rhais_text() {
        let f = usage::Functions::default();
        let text = "Function not found: frobnicate (i64) (line 33, position 8)\nin closure call";
        assert_eq!(from_text(text, &f), ("NameError".into(), "name 'frobnicate' is not defined".into()));
        let text = "Array index 5 out of bounds: only 2 elements in array (line 36, position 15)\nin closure call";
        assert_eq!(from_text(text, &f), ("IndexError".into(), "list index out of range".into()));
        assert_eq!(from_text("Property not found: a (line 1, position 2)", &f), ("KeyError".into(), "a".into()));
    }

    #[test]
    fn a_catch_without_a_variable_is_left_alone() {
        assert_eq!(rewrite("try { x } catch { }").source, "try { x } catch { }");
    }
}
