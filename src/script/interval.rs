//! Spyglass's `Interval` in rhai: `common::Interval(times, ...)` from a module that exports it
//! (and plain `Interval(...)` once one is imported, as the module's tables are named), its
//! properties, and IntervalList's `fetch_interval()`; its methods are in `interval_methods`.
//! Bindings only: the rules are in [`crate::spyglass::interval`].

use std::any::TypeId;
use std::rc::Rc;

use rhai::{Array, Dynamic, Engine, EvalAltResult, Map, Module, INT};

use super::error::throw;
use super::host::Shared;
use super::pyargs::{bind, truthy, Signature};
use super::table::Table;
use super::value::to_value;
use crate::engine::{Error, Kind, Value};
use crate::spyglass::interval::{self, Input, Interval, Keywords, Times};
use crate::spyglass::log;

type R<T> = Result<T, Box<EvalAltResult>>;

/// The helper's name in modules and in the script's namespace.
pub const NAME: &str = "Interval";

/// An Interval in a script (`for row in interval` walks its rows).
#[derive(Debug, Clone)]
pub struct Iv(pub Interval);

impl IntoIterator for Iv {
    type Item = Dynamic;
    type IntoIter = std::vec::IntoIter<Dynamic>;
    fn into_iter(self) -> Self::IntoIter {
        rows(&self.0.times).into_iter()
    }
}

const INIT: Signature = Signature {
    name: "Interval.__init__",
    params: &[
        ("interval_list", true),
        ("name", true),
        ("from_inds", true),
        ("no_overlap", true),
        ("no_duplicates", true),
        ("warn", true),
    ],
    kwargs: true,
    map_first: true,
};
const FETCH_INTERVAL: Signature = Signature::of("IntervalList.fetch_interval", &[], false);

/// An element of an int64 or float64 array as a rhai number.
pub(super) fn number(v: f64, int: bool) -> Dynamic {
    if int {
        Dynamic::from_int(v as INT)
    } else {
        Dynamic::from_float(v)
    }
}

/// `.times`: one `[start, stop]` array per row (ints stay ints).
fn rows(t: &Times) -> Array {
    t.rows().iter().map(|r| Dynamic::from_array(vec![number(r[0], t.is_int()), number(r[1], t.is_int())])).collect()
}

fn text(d: Option<&Dynamic>) -> Option<String> {
    d.filter(|d| !d.is_unit()).map(|d| d.to_string())
}

fn optional(s: &Option<String>) -> Dynamic {
    s.clone().map_or(Dynamic::UNIT, Dynamic::from)
}

/// An argument as an Interval's input: another Interval's times, else the value.
fn input(d: &Dynamic) -> Input {
    match d.read_lock::<Iv>() {
        Some(iv) => Input::Times(iv.0.times.clone()),
        None => Input::Value(to_value(d)),
    }
}

/// `self._extract(other)`.
pub(super) fn other(h: &Shared, d: Option<&Dynamic>) -> R<Times> {
    let d = d.cloned().unwrap_or(Dynamic::UNIT);
    Ok(interval::resolve(&h.server.borrow().world, &input(&d)).map_err(throw)?.0)
}

fn logger(h: &Shared) -> impl FnMut(log::Level, &str) + '_ {
    move |level, message| h.emit(log::format(level, message))
}

/// `Interval(interval_list=None, name=None, from_inds=False, no_overlap=False,
/// no_duplicates=True, warn=True, **kwargs)`.
fn construct(h: &Shared, args: Vec<Dynamic>) -> R<Iv> {
    let b = bind(&INIT, args)?;
    let flag = |name: &str, default: bool| b.get(name).map_or(default, truthy);
    let server = h.server.borrow();
    let valid_times = match b.extra.get("valid_times") {
        Some(v) if truthy(v) => Some(interval::resolve(&server.world, &input(v)).map_err(throw)?.0),
        _ => None,
    };
    let keywords = Keywords {
        interval_list_name: text(b.extra.get("interval_list_name")),
        nwb_file_name: text(b.extra.get("nwb_file_name")),
        pipeline: text(b.extra.get("pipeline")),
        valid_times,
        no_overlap: flag("no_overlap", false),
        no_duplicates: flag("no_duplicates", true),
    };
    let source = b.get("interval_list").map_or(Input::Value(Value::Null), input);
    let name = text(b.get("name"));
    let mut log = logger(h);
    interval::construct(&server.world, &source, name, flag("from_inds", false), keywords, flag("warn", true), &mut log)
        .map(Iv)
        .map_err(throw)
}

/// Export the constructor from a module (`common::Interval(...)`), for up to seven arguments
/// (Python's six positional ones and a map of keywords).
pub fn export(m: &mut Module, host: &Shared) {
    let h = host.clone();
    let f: Rc<dyn Fn(Vec<Dynamic>) -> R<Iv>> = Rc::new(move |args| construct(&h, args));
    macro_rules! arity {
        ($($a:ident),*) => {{
            let g = f.clone();
            m.set_native_fn(NAME, move |$($a: Dynamic),*| g(vec![$($a),*]));
        }};
    }
    arity!();
    arity!(a);
    arity!(a, b);
    arity!(a, b, c);
    arity!(a, b, c, d);
    arity!(a, b, c, d, e);
    arity!(a, b, c, d, e, x);
    arity!(a, b, c, d, e, x, y);
}

/// Register `name(receiver, ...)` for 0 to 5 arguments of any type; `f` binds them.
pub(super) fn method<S: rhai::Variant + Clone>(
    engine: &mut Engine,
    name: &str,
    f: impl Fn(&mut S, Vec<Dynamic>) -> R<Dynamic> + Clone + 'static,
) {
    for n in 0..=5 {
        let mut types = vec![TypeId::of::<S>()];
        types.extend(std::iter::repeat_n(TypeId::of::<Dynamic>(), n));
        let f = f.clone();
        engine.register_raw_fn(name, types, move |_, args| {
            let rest: Vec<Dynamic> = args[1..].iter_mut().map(|a| std::mem::take(*a)).collect();
            let mut this = args[0].write_lock::<S>().expect("receiver type checked by rhai");
            f(&mut this, rest)
        });
    }
}

/// Register the type, the constructor, the methods and IntervalList's `fetch_interval`.
pub fn register(engine: &mut Engine, host: &Shared) {
    engine.register_type_with_name::<Iv>(NAME);
    engine.register_iterator::<Iv>();
    let h = host.clone();
    method::<Table>(engine, "fetch_interval", move |t, args| {
        bind(&FETCH_INTERVAL, args)?;
        if t.name() != interval::interval_list_table() {
            let class = t.class.rsplit('.').next().unwrap_or_default();
            return Err(throw(Error::new(
                Kind::AttributeError,
                format!("'{class}' object has no attribute 'fetch_interval'"),
            )));
        }
        let server = h.server.borrow();
        let found = interval::fetch_interval(&server.world, &t.query, &mut logger(&h));
        found.map(|i| Dynamic::from(Iv(i))).map_err(throw)
    });
    // `Interval(...)` without a module: only once an imported module named it.
    for n in 0..=7 {
        let h = host.clone();
        engine.register_raw_fn(NAME, vec![TypeId::of::<Dynamic>(); n], move |_, args| {
            if !h.helpers.borrow().contains(NAME) {
                return Err(throw(Error::new(Kind::NameError, super::error::not_defined(NAME))));
            }
            construct(&h, args.iter_mut().map(|a| std::mem::take(*a)).collect())
        });
    }
    super::interval_methods::register(engine, host);
    register_properties(engine, host);
}

fn register_properties(engine: &mut Engine, host: &Shared) {
    engine.register_get("times", |iv: &mut Iv| rows(&iv.0.times));
    engine.register_get("name", |iv: &mut Iv| optional(&iv.0.identity.name));
    engine.register_get("nwb_file_name", |iv: &mut Iv| optional(&iv.0.identity.nwb_file_name));
    engine.register_get("pipeline", |iv: &mut Iv| optional(&iv.0.identity.pipeline));
    engine.register_get("as_dict", |iv: &mut Iv| {
        let id = &iv.0.identity;
        let mut m = Map::new();
        for (key, value) in
            [("nwb_file_name", &id.nwb_file_name), ("interval_list_name", &id.name), ("pipeline", &id.pipeline)]
        {
            if let Some(v) = value {
                m.insert(key.into(), v.clone().into());
            }
        }
        m.insert("valid_times".into(), rows(&iv.0.times).into());
        m
    });
    engine.register_get("primary_key", |iv: &mut Iv| -> R<Map> {
        let (name, file) = iv.0.primary_key().map_err(throw)?;
        Ok(Map::from_iter([("interval_list_name".into(), name.into()), ("nwb_file_name".into(), file.into())]))
    });
    engine.register_fn("len", |iv: &mut Iv| iv.0.len() as INT);
    engine.register_fn("to_string", |iv: &mut Iv| iv.0.repr());
    engine.register_fn("to_debug", |iv: &mut Iv| iv.0.repr());
    // `__getitem__`: a row, with numpy's IndexError past the end.
    engine.register_indexer_get(|iv: &mut Iv, i: INT| -> R<Array> {
        let n = iv.0.len() as INT;
        let at = if i < 0 { i + n } else { i };
        let row = usize::try_from(at).ok().and_then(|a| rows(&iv.0.times).into_iter().nth(a));
        let message = format!("index {i} is out of bounds for axis 0 with size {n}");
        row.map(|r| r.cast::<Array>()).ok_or_else(|| throw(Error::new(Kind::IndexError, message)))
    });
    // An unknown property is Python's AttributeError.
    engine.register_indexer_get(|_: &mut Iv, name: &str| -> R<Dynamic> {
        Err(throw(Error::new(Kind::AttributeError, format!("'Interval' object has no attribute '{name}'"))))
    });
    // `interval == other`: `np.array_equal` with the other's times.
    for (op, same) in [("==", true), ("!=", false)] {
        let h = host.clone();
        engine.register_fn(op, move |a: Iv, b: Dynamic| -> R<bool> {
            Ok(a.0.times.array_equal(&other(&h, Some(&b))?) == same)
        });
    }
}
