//! Engine errors as the objects a script catches: `#{kind, message, code}`.

use rhai::{Dynamic, EvalAltResult, Map, Position};

use super::usage::Functions;
use crate::engine::{Error, Kind};

/// The error as a catchable rhai runtime error whose value is `#{kind, message, code}`.
pub fn throw(e: Error) -> Box<EvalAltResult> {
    let mut m = Map::new();
    m.insert("kind".into(), e.kind.name().into());
    m.insert("message".into(), e.message.into());
    m.insert("code".into(), e.code.map_or(Dynamic::UNIT, |c| Dynamic::from_int(c.into())));
    Box::new(EvalAltResult::ErrorRuntime(Dynamic::from_map(m), Position::NONE))
}

/// Python's TypeError for a method given arguments it does not take.
pub fn type_error(message: impl Into<String>) -> Box<EvalAltResult> {
    throw(Error::new(Kind::TypeError, message))
}

/// `KIND: message` for an uncaught error, as a Python traceback's last line; KeyError shows
/// its argument quoted as Python prints it; a call rhai could not match is worded as Python
/// would word it (see [`super::usage`]).
pub fn last_line(err: &EvalAltResult, functions: &Functions) -> String {
    last_line_in(err, functions, None)
}

/// [`last_line`], with the script's text to tell `x.f()` from `f(x)` where rhai does not say.
pub fn last_line_in(err: &EvalAltResult, functions: &Functions, source: Option<&str>) -> String {
    let value = match err {
        EvalAltResult::ErrorRuntime(v, _) => v,
        EvalAltResult::ErrorInFunctionCall(_, _, inner, _) | EvalAltResult::ErrorInModule(_, inner, _) => {
            return last_line_in(inner, functions, source)
        }
        EvalAltResult::ErrorFunctionNotFound(signature, pos) => {
            let method = source.and_then(|s| written_as_method(s, *pos));
            let e = super::usage::not_found(signature, functions, method);
            return format!("{}: {}", e.kind, e.message);
        }
        EvalAltResult::ErrorModuleNotFound(name, _) => {
            return format!("ModuleNotFoundError: {}", module_not_found(name))
        }
        // The limits' and the debugger's tokens carry their own `KIND: message`.
        EvalAltResult::ErrorTerminated(reason, _) => return reason.to_string(),
        EvalAltResult::ErrorTooManyOperations(_) => {
            return "RuntimeError: the script exceeded its limit of operations (an endless loop?)".into()
        }
        EvalAltResult::ErrorStackOverflow(_) => {
            return "RecursionError: maximum recursion depth exceeded (the script's limit of nested calls)".into()
        }
        EvalAltResult::ErrorPropertyNotFound(key, _) => {
            return format!("KeyError: {}", crate::engine::py::str_repr(key))
        }
        EvalAltResult::ErrorVariableNotFound(name, _) => return format!("NameError: {}", not_defined(name)),
        EvalAltResult::ErrorUnboundThis(_) => {
            return "NameError: name 'this' is not defined (call the function as a method: T.f(...))".into()
        }
        EvalAltResult::ErrorArrayBounds(..) => return format!("IndexError: {LIST_INDEX}"),
        EvalAltResult::ErrorStringBounds(..) => return "IndexError: string index out of range".into(),
        EvalAltResult::ErrorFor(_) => return format!("TypeError: {}", super::catch::NOT_ITERABLE),
        EvalAltResult::ErrorArithmetic(message, _) => return format!("ArithmeticError: {message}"),
        EvalAltResult::ErrorParsing(e, _) => return format!("SyntaxError: {e}"),
        other => return format!("Error: {other}"),
    };
    let Some(map) = value.read_lock::<rhai::Map>() else { return format!("Exception: {value}") };
    let kind = map.get("kind").map(|k| k.to_string()).unwrap_or_else(|| "Exception".into());
    let message = map.get("message").map(|m| m.to_string()).unwrap_or_default();
    if kind == "KeyError" {
        return format!("KeyError: {}", crate::engine::py::str_repr(&message));
    }
    format!("{kind}: {message}")
}

/// Python's ModuleNotFoundError text for an import path (`spyglass/common` → `spyglass.common`).
pub fn module_not_found(path: &str) -> String {
    format!("No module named {}", crate::engine::py::str_repr(&path.replace('/', ".")))
}

/// Python's NameError text.
pub fn not_defined(name: &str) -> String {
    format!("name '{name}' is not defined")
}

/// Python's IndexError text for a list.
pub const LIST_INDEX: &str = "list index out of range";

/// Is the call at `pos` written as a method (`x.f(...)`: a dot before the name)?
fn written_as_method(source: &str, pos: Position) -> Option<bool> {
    let line = source.lines().nth(pos.line()?.checked_sub(1)?)?;
    let column = pos.position()?.checked_sub(1)?;
    let before: String = line.chars().take(column).collect();
    Some(before.trim_end().ends_with('.'))
}
