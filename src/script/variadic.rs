//! Python's `*args`: methods that take up to four names (`T.fetch("a", "b")`, `dj.U("a", "b")`),
//! optionally followed by one map of keyword arguments.

use std::any::TypeId;

use rhai::{Dynamic, Engine, EvalAltResult, ImmutableString, Map};

type R<T> = Result<T, Box<EvalAltResult>>;

/// The most names a call takes (DataJoint's calls in the workshop use at most four).
pub const MAX_NAMES: usize = 4;

/// Register `name(this, n1, ..., nk)` for k in 0..=MAX_NAMES (and, with `options`, each also
/// with a trailing map); `f` gets the receiver, the names and the keyword map (empty if none).
pub fn register<S, F>(engine: &mut Engine, name: &str, options: bool, f: F)
where
    S: rhai::Variant + Clone,
    F: Fn(&mut S, Vec<String>, Map) -> R<Dynamic> + Clone + 'static,
{
    for k in 0..=MAX_NAMES {
        for with_map in [false, true] {
            if with_map && !options {
                continue;
            }
            let mut types = vec![TypeId::of::<S>()];
            types.extend(std::iter::repeat_n(TypeId::of::<ImmutableString>(), k));
            if with_map {
                types.push(TypeId::of::<Map>());
            }
            let f = f.clone();
            engine.register_raw_fn(name, types, move |_, args| {
                let names: Vec<String> = args[1..=k].iter().map(|a| a.to_string()).collect();
                let opts = if with_map { args[k + 1].take().cast::<Map>() } else { Map::new() };
                let mut this = args[0].write_lock::<S>().expect("receiver type checked by rhai");
                f(&mut this, names, opts)
            });
        }
    }
}
