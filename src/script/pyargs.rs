//! Python's binding of call arguments to a signature with defaults: rhai's positional
//! arguments, then one trailing map of keywords, with CPython's TypeError texts (which count
//! `self` among a method's positional arguments).

use rhai::{Dynamic, EvalAltResult, Map};

use super::error::type_error;

type R<T> = Result<T, Box<EvalAltResult>>;

/// A Python signature.
pub struct Signature {
    /// The qualified name messages use: `Interval.by_length`.
    pub name: &'static str,
    /// The parameters after `self`, in order; `true` when it has a default.
    pub params: &'static [(&'static str, bool)],
    /// Does it take `**kwargs`?
    pub kwargs: bool,
    /// Is a lone map the first argument (a key) rather than keywords?
    pub map_first: bool,
}

impl Signature {
    /// A method's signature without `**kwargs`.
    pub const fn of(name: &'static str, params: &'static [(&'static str, bool)], map_first: bool) -> Signature {
        Signature { name, params, kwargs: false, map_first }
    }
}

/// Arguments bound to a signature's parameters.
pub struct Bound {
    values: Vec<Option<Dynamic>>,
    names: &'static [(&'static str, bool)],
    /// Keywords the signature does not name (its `**kwargs`).
    pub extra: Map,
}

impl Bound {
    /// The argument for `name`, if given.
    pub fn get(&self, name: &str) -> Option<&Dynamic> {
        let i = self.names.iter().position(|(n, _)| *n == name)?;
        self.values[i].as_ref()
    }
}

/// Bind `args` (a trailing map being keywords) as Python binds them to `sig`.
pub fn bind(sig: &Signature, mut args: Vec<Dynamic>) -> R<Bound> {
    let trailing_map = args.last().is_some_and(|a| a.is_map());
    let keywords = if trailing_map && !(sig.map_first && args.len() == 1) {
        args.pop().map(|m| m.cast::<Map>()).unwrap_or_default()
    } else {
        Map::new()
    };
    let n = sig.params.len();
    if args.len() > n {
        let required = sig.params.iter().filter(|(_, d)| !d).count();
        let takes = if required < n {
            format!("from {} to {} positional arguments", required + 1, n + 1)
        } else {
            format!("{} positional argument{}", n + 1, if n + 1 == 1 { "" } else { "s" })
        };
        let given = args.len() + 1;
        let were = if given == 1 { "was" } else { "were" };
        return Err(type_error(format!("{}() takes {takes} but {given} {were} given", sig.name)));
    }
    let mut values: Vec<Option<Dynamic>> = args.into_iter().map(Some).collect();
    values.resize(n, None);
    let mut extra = Map::new();
    for (key, value) in keywords {
        match sig.params.iter().position(|(p, _)| *p == key.as_str()) {
            Some(i) if values[i].is_some() => {
                return Err(type_error(format!("{}() got multiple values for argument '{key}'", sig.name)))
            }
            Some(i) => values[i] = Some(value),
            None if sig.kwargs => {
                extra.insert(key, value);
            }
            None => return Err(type_error(format!("{}() got an unexpected keyword argument '{key}'", sig.name))),
        }
    }
    let missing: Vec<String> = sig
        .params
        .iter()
        .zip(&values)
        .filter(|((_, default), v)| !default && v.is_none())
        .map(|((p, _), _)| format!("'{p}'"))
        .collect();
    if !missing.is_empty() {
        let list = match missing.as_slice() {
            [one] => one.clone(),
            [a, b] => format!("{a} and {b}"),
            [init @ .., last] => format!("{}, and {last}", init.join(", ")),
            [] => String::new(),
        };
        let s = if missing.len() == 1 { "" } else { "s" };
        return Err(type_error(format!(
            "{}() missing {} required positional argument{s}: {list}",
            sig.name,
            missing.len()
        )));
    }
    Ok(Bound { values, names: sig.params, extra })
}

/// Python's truth value of an argument (`None`, `0`, `""`, empty containers are false).
pub fn truthy(d: &Dynamic) -> bool {
    if let Ok(b) = d.as_bool() {
        return b;
    }
    if let Ok(i) = d.as_int() {
        return i != 0;
    }
    if let Ok(f) = d.as_float() {
        return f != 0.0;
    }
    if let Some(s) = d.read_lock::<rhai::ImmutableString>() {
        return !s.is_empty();
    }
    if let Some(a) = d.read_lock::<rhai::Array>() {
        return !a.is_empty();
    }
    if let Some(m) = d.read_lock::<Map>() {
        return !m.is_empty();
    }
    !d.is_unit()
}
