//! Engine errors as the objects a script catches: `#{kind, message, code}`.

use rhai::{Dynamic, EvalAltResult, Map, Position};

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
/// its argument quoted as Python prints it.
pub fn last_line(err: &EvalAltResult) -> String {
    let value = match err {
        EvalAltResult::ErrorRuntime(v, _) => v,
        EvalAltResult::ErrorInFunctionCall(_, _, inner, _) | EvalAltResult::ErrorInModule(_, inner, _) => {
            return last_line(inner)
        }
        EvalAltResult::ErrorFunctionNotFound(signature, _) => {
            let name = signature.split(['(', ' ']).next().unwrap_or(signature);
            return format!("TypeError: {name}() does not take these arguments: {signature}");
        }
        EvalAltResult::ErrorModuleNotFound(name, _) => {
            return format!(
                "ModuleNotFoundError: No module named {}",
                crate::engine::py::str_repr(&name.replace('/', "."))
            )
        }
        EvalAltResult::ErrorTerminated(reason, _) => return format!("TimeoutError: {reason}"),
        EvalAltResult::ErrorTooManyOperations(_) => {
            return "RuntimeError: the script exceeded its limit of operations (an endless loop?)".into()
        }
        EvalAltResult::ErrorStackOverflow(_) => {
            return "RecursionError: maximum recursion depth exceeded (the script's limit of nested calls)".into()
        }
        EvalAltResult::ErrorDataTooLarge(what, _) => {
            return format!("MemoryError: {what} exceeds the script's size limit")
        }
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
