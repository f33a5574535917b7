//! Python's wording for a call rhai cannot match: `TypeError` naming the method and what it
//! takes, `AttributeError` for a method a table does not have, `NameError` for an unknown
//! function, and Python's arity messages for the script's own functions.

use std::any::TypeId;
use std::cell::OnceCell;
use std::rc::Rc;

use rhai::{Dynamic, Engine, EvalAltResult};

use super::error::throw;

use crate::engine::{Error, Kind};

type R<T> = Result<T, Box<EvalAltResult>>;

/// What each bound method takes, for `TypeError: fetch() takes ...; got (int)`.
const USAGE: &[(&str, &str)] = &[
    ("fetch", "attribute names (str), then an options map (as_dict, order_by, limit, offset, format)"),
    ("fetch1", "attribute names (str)"),
    ("insert", "rows (a list of dicts or lists, or a query), then an options map (skip_duplicates, ...)"),
    ("insert1", "one row (a dict or a list), then an options map (skip_duplicates, ...)"),
    ("proj", "attribute names (a list of str), then renames and computed attributes (a dict)"),
    ("aggr", "a table, then the named aggregates (a dict)"),
    ("populate", "restrictions (str, dict or table), then an options map (display_progress, ...)"),
    ("progress", "restrictions (a dict)"),
    ("delete", "an options map (safemode, force)"),
    ("delete_quick", "an options map (get_count)"),
    ("drop", "an options map (force)"),
    ("alter", "a definition (str), then an options map (prompt)"),
    ("describe", "no arguments"),
    ("part", "a class name and a definition (str)"),
    ("manual", "a class name and a definition (str)"),
    ("lookup", "a class name and a definition (str), then the contents (a list of rows)"),
    ("imported", "a class name and a definition (str), then make (a closure or Fn(\"name\"))"),
    ("computed", "a class name and a definition (str), then make (a closure or Fn(\"name\"))"),
    ("schema", "a schema name (str)"),
    ("list_tables", "no arguments"),
    ("list_schemas", "no arguments"),
    ("conn", "an options map (reset)"),
    ("ping", "no arguments"),
    ("query", "SQL text (str), then its arguments (a list)"),
    ("fetchall", "no arguments"),
    ("load", "a file name (str)"),
    ("save", "a file name (str)"),
    ("key_hash", "a key (a dict)"),
    ("U", "attribute names (str)"),
    ("Top", "an options map (limit, order_by, offset)"),
    ("parents", "an options map (primary, as_objects, foreign_key_info)"),
    ("children", "an options map (primary, as_objects, foreign_key_info)"),
    ("ancestors", "an options map (as_objects)"),
    ("descendants", "an options map (as_objects)"),
    ("parts", "an options map (as_objects)"),
    ("getenv", "a variable name (str), then a default (str)"),
    ("get", "a key (str), then a default"),
];

/// For every bound method, catch-all overloads (any argument types, 0–5 arguments) that raise
/// Python's TypeError. rhai tries exact types first, so they fire only when no overload fits;
/// and being native calls, their errors carry the call's line, and are caught as any other.
pub fn register(engine: &mut Engine) {
    for &(name, _) in USAGE {
        for n in 0..=5 {
            engine.register_raw_fn(name, vec![TypeId::of::<Dynamic>(); n], move |ctx, args| -> R<()> {
                let types: Vec<&str> = args.iter().map(|a| ctx.engine().map_type_name(a.type_name())).collect();
                let method = types.first().is_some_and(|t| OBJECTS.contains(t));
                Err(throw(failed_call(name, &types, method, &Functions::default())))
            });
        }
    }
}

/// The script's own functions (name, parameters), and the functions rhai and the API provide.
#[derive(Debug, Clone, Default)]
pub struct Functions {
    /// `fn name(params)` declared by the script.
    pub script: Vec<(String, Vec<String>)>,
    /// Native functions, listed the first time a call fails (listing costs milliseconds).
    pub natives: Rc<OnceCell<Vec<Native>>>,
}

impl Functions {
    /// The native functions of `engine`.
    pub fn native(&self, engine: &Engine) -> &[Native] {
        self.natives.get_or_init(|| engine.gen_fn_signatures(true).iter().filter_map(|s| Native::parse(s)).collect())
    }

    fn has_native(&self, name: &str) -> bool {
        self.natives.get().is_some_and(|n| n.iter().any(|f| f.name == name))
    }
}

/// A native function's name and parameter types (rhai's short names; `?` takes anything).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Native {
    name: String,
    params: Vec<String>,
}

impl Native {
    /// From rhai's signature text: `pad(array: &mut array, len: i64, item: Dynamic) -> ...`.
    fn parse(signature: &str) -> Option<Native> {
        let (name, rest) = signature.split_once('(')?;
        let params = match rest.split_once(") -> ") {
            Some((params, _)) => params,
            None => rest.strip_suffix(')')?,
        };
        let params = params
            .split(", ")
            .filter(|p| !p.is_empty())
            .map(|p| {
                let ty = p.rsplit_once(": ").map_or(p, |(_, t)| t).trim_start_matches("&mut ");
                let ty = ty.rsplit("::").next().unwrap_or(ty);
                match ty {
                    "Dynamic" => "?",
                    "&str" | "ImmutableString" | "String" | "string" => "string",
                    "INT" => "i64",
                    "FLOAT" => "f64",
                    other => other,
                }
                .to_string()
            })
            .collect();
        Some(Native { name: name.to_string(), params })
    }

    /// Could it have been called with arguments of these rhai types? (rhai moves arguments into
    /// a native function, so after a failed call they read `()`: that matches anything.)
    pub fn takes(&self, name: &str, types: &[&str]) -> bool {
        self.name == name
            && self.params.len() == types.len()
            && self.params.iter().zip(types).all(|(p, t)| p == "?" || p == t || *t == "()")
    }
}

/// Types that are objects with methods: a call's first argument of such a type is its receiver.
const OBJECTS: &[&str] = &[
    "Table",
    "Schema",
    "dj",
    "Config",
    "Connection",
    "Cursor",
    "Heading",
    "DataFrame",
    "Hash",
    "Interval",
    "NWBContainer",
    "Diagram",
    "DiagramClass",
];

/// Python's name for a rhai type in a signature.
pub(crate) fn python_type(rhai: &str) -> &str {
    match rhai {
        "i64" | "i32" => "int",
        "f64" | "f32" => "float",
        "&str | ImmutableString | String" | "string" | "ImmutableString" | "char" => "str",
        "map" => "dict",
        "array" => "list",
        "()" => "NoneType",
        "blob" => "bytes",
        "Fn" => "function",
        other => other,
    }
}

/// The error for rhai's "function not found" `signature` (`fetch (Table, i64)`), as Python
/// would word the failed call. `method`: was it written `x.name(...)`? (When unknown, a first
/// argument of an object type is taken as the receiver.)
pub fn not_found(signature: &str, functions: &Functions, method: Option<bool>) -> Error {
    let (name, args) = signature.split_once(" (").unwrap_or((signature, ")"));
    let args: Vec<&str> = args.strip_suffix(')').unwrap_or(args).split(", ").filter(|a| !a.is_empty()).collect();
    let method = method.unwrap_or_else(|| args.first().is_some_and(|a| OBJECTS.contains(a)));
    failed_call(name, &args, method, functions)
}

/// The error for a call of `name` with arguments of rhai types `args` (the receiver first, for
/// a method call) that no function takes.
pub fn failed_call(name: &str, args: &[&str], method: bool, functions: &Functions) -> Error {
    let types: Vec<&str> = args.iter().map(|a| python_type(a)).collect();
    if name.chars().all(|c| !c.is_alphanumeric() && c != '_') {
        let operands = types.iter().map(|t| format!("'{t}'")).collect::<Vec<_>>().join(" and ");
        return Error::new(Kind::TypeError, format!("unsupported operand type(s) for {name}: {operands}"));
    }
    let given = if method { &types[1.min(types.len())..] } else { &types[..] };
    if let Some((_, params)) = functions.script.iter().find(|(n, _)| n == name) {
        return Error::new(Kind::TypeError, arity(name, params, given.len()));
    }
    if let Some((_, usage)) = USAGE.iter().find(|(n, _)| *n == name) {
        return Error::new(Kind::TypeError, format!("{name}() takes {usage}; got ({})", given.join(", ")));
    }
    let object = types.first().copied().unwrap_or("object");
    if method && (OBJECTS.contains(&object) || !functions.has_native(name)) {
        return Error::new(Kind::AttributeError, format!("'{object}' object has no attribute '{name}'"));
    }
    if functions.has_native(name) {
        return Error::new(Kind::TypeError, format!("{name}() does not take ({})", given.join(", ")));
    }
    Error::new(Kind::NameError, super::error::not_defined(name))
}

/// Python's arity messages (`missing 1 required positional argument: 'r'`, `takes 1 positional
/// argument but 2 were given`).
fn arity(name: &str, params: &[String], given: usize) -> String {
    // Python counts `self` among a method's arguments; a rhai method's `this` is not a parameter,
    // so the counts here are the arguments the learner wrote.
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if given < params.len() {
        let missing: Vec<String> = params[given..].iter().map(|p| format!("'{p}'")).collect();
        let list = match missing.as_slice() {
            [one] => one.clone(),
            [a, b] => format!("{a} and {b}"),
            [init @ .., last] => format!("{}, and {last}", init.join(", ")),
            [] => String::new(),
        };
        let n = missing.len();
        return format!("{name}() missing {n} required positional argument{}: {list}", plural(n));
    }
    let n = params.len();
    let were = if given == 1 { "was" } else { "were" };
    format!("{name}() takes {n} positional argument{} but {given} {were} given", plural(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn native_signatures_parse_to_short_types() {
        let pad = Native::parse("pad(array: &mut array, len: i64, item: Dynamic) -> Result<(), Box<EvalAltResult>>");
        assert_eq!(pad, Some(Native { name: "pad".into(), params: vec!["array".into(), "i64".into(), "?".into()] }));
        assert!(pad.unwrap().takes("pad", &["array", "i64", "map"]));
        let s2 = Native::parse("s2(_: string, _: types::dynamic::Dynamic)").unwrap();
        assert!(s2.takes("s2", &["string", "Table"]) && !s2.takes("s2", &["i64", "Table"]));
    }

    fn functions() -> Functions {
        let natives = vec![Native { name: "push".into(), params: vec!["array".into(), "?".into()] }];
        Functions { script: vec![("blind".into(), vec!["restriction".into()])], natives: Rc::new(natives.into()) }
    }

    fn text(e: Error) -> String {
        format!("{}: {}", e.kind, e.message)
    }

    #[test]
    fn calls_are_worded_as_python_would() {
        let f = functions();
        let not_found = |s: &str, f: &Functions| text(not_found(s, f, None));
        let s = "&str | ImmutableString | String";
        assert_eq!(
            not_found("fetch (Table, i64)", &f),
            "TypeError: fetch() takes attribute names (str), then an options map (as_dict, order_by, limit, offset, \
             format); got (int)"
        );
        assert_eq!(
            not_found(&format!("- ({s}, i64)"), &f),
            "TypeError: unsupported operand type(s) for -: 'str' and 'int'"
        );
        assert_eq!(
            not_found("blind (Table)", &f),
            "TypeError: blind() missing 1 required positional argument: 'restriction'"
        );
        assert_eq!(
            not_found("blind (Table, map, map)", &f),
            "TypeError: blind() takes 1 positional argument but 2 were given"
        );
        assert_eq!(not_found("frobnicate (Table)", &f), "AttributeError: 'Table' object has no attribute 'frobnicate'");
        assert_eq!(not_found("push (i64, i64)", &f), "TypeError: push() does not take (int, int)");
        assert_eq!(not_found("frobnicate (i64)", &f), "NameError: name 'frobnicate' is not defined");
        let e = super::not_found("frobnicate (array, i64)", &f, Some(true));
        assert_eq!(text(e), "AttributeError: 'list' object has no attribute 'frobnicate'");
    }

    #[test]
    fn several_missing_arguments_are_listed_like_python() {
        let params = vec!["a".to_string(), "b".to_string(), "c".to_string()];
        assert_eq!(arity("f", &params, 0), "f() missing 3 required positional arguments: 'a', 'b', and 'c'");
    }
}
