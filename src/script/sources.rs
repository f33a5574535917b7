//! The rhai source text of a script's functions (closures included), so that a table's `make`
//! can be kept in the world and exported (`djsandbox export --python`). rhai's AST keeps a
//! function's body only as statements and its span; the span maps back to the script's text.

use std::collections::HashMap;

use rhai::{Position, AST};

/// One script function's parameters and body text (`{ ... }`, as written).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FnSource {
    /// Parameter names; a closure's captured variables come first (rhai curries them).
    pub params: Vec<String>,
    /// The body, braces included.
    pub body: String,
}

impl FnSource {
    /// The text of a closure over the last `n` parameters (`|key| { ... }`): a make's own
    /// parameters, without the variables rhai captured.
    pub fn closure(&self, captured: usize) -> String {
        let params = self.params.get(captured..).unwrap_or_default();
        format!("|{}| {}", params.join(", "), self.body)
    }
}

/// Each function of `ast` by name, its body cut from `text` (the text `ast` was compiled from).
pub fn of_ast(ast: &AST, text: &str) -> HashMap<String, FnSource> {
    let starts = line_starts(text);
    let mut out = HashMap::new();
    for f in ast.iter_fn_def() {
        let (Some(start), Some(end)) =
            (offset(&starts, text, f.body.start_position()), offset(&starts, text, f.body.end_position()))
        else {
            continue;
        };
        let Some(body) = text.get(start..=end).filter(|b| b.starts_with('{') && b.ends_with('}')) else {
            continue;
        };
        let params = f.params.iter().map(|p| p.to_string()).collect();
        out.insert(f.name.to_string(), FnSource { params, body: without_catch_calls(body) });
    }
    out
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect()
}

/// The byte offset of a (1-based, character-counted) line and column.
fn offset(starts: &[usize], text: &str, pos: Position) -> Option<usize> {
    let line_start = *starts.get(pos.line()?.checked_sub(1)?)?;
    let column = pos.position()?.checked_sub(1)?;
    let line = &text[line_start..];
    line.char_indices().nth(column).map(|(i, _)| line_start + i)
}

/// Remove the `e = __python_error(e);` calls the script runner put at the start of each catch
/// block (`catch.rs`): they are the sandbox's, not the learner's.
fn without_catch_calls(body: &str) -> String {
    let mut out = body.to_string();
    while let Some(at) = out.find(" = __python_error(") {
        let Some(start) = out[..at].rfind('{').map(|b| b + 1) else { break };
        let Some(end) = out[at..].find(");").map(|e| at + e + 2) else { break };
        out.replace_range(start..end, "");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closure_body_is_cut_from_the_text() {
        let text = "let x = 1;\nlet f = |key| {\n    let y = key + x; // why\n    y\n};\n";
        let ast = rhai::Engine::new().compile(text).unwrap();
        let sources = of_ast(&ast, text);
        let (_, f) = sources.iter().find(|(n, _)| n.starts_with("anon$")).unwrap();
        assert_eq!(f.params, ["x", "key"]);
        assert_eq!(f.closure(1), "|key| {\n    let y = key + x; // why\n    y\n}");
    }

    #[test]
    fn catch_calls_are_removed() {
        assert_eq!(
            without_catch_calls("{ try { a() } catch (e) {e = __python_error(e); b(e) } }"),
            "{ try { a() } catch (e) { b(e) } }"
        );
    }
}
