//! pandas DataFrames in rhai (`T.fetch(#{format: "frame"})`): `f["col"]`, `f.columns`,
//! `f.index`, `f.head(n)`, `len(f)`, and `print(f)` as pandas prints them.

use rhai::{Array, Dynamic, Engine, EvalAltResult};

use super::error::throw;
use super::value::to_dynamic;
use crate::engine::frame::Frame;
use crate::engine::Error;

type R<T> = Result<T, Box<EvalAltResult>>;

/// Register the frame type and its members.
pub fn register(engine: &mut Engine) {
    engine.register_type_with_name::<Frame>("DataFrame");
    engine.register_indexer_get(|f: &mut Frame, name: &str| -> R<Array> {
        // pandas: a missing column (an index level included) is KeyError.
        let values = f.column(name).ok_or_else(|| throw(Error::key_error(name)))?;
        Ok(values.iter().map(to_dynamic).collect())
    });
    engine.register_get("columns", |f: &mut Frame| -> Array { f.columns.iter().cloned().map(Dynamic::from).collect() });
    // A plain index is 0..n; a single-level one, its values; a MultiIndex, one array (Python's tuple) per row.
    engine.register_get("index", |f: &mut Frame| -> Array {
        f.index
            .iter()
            .enumerate()
            .map(|(i, r)| match r.as_slice() {
                [] => Dynamic::from_int(i as rhai::INT),
                [one] => to_dynamic(one),
                many => Dynamic::from_array(many.iter().map(to_dynamic).collect()),
            })
            .collect()
    });
    engine.register_fn("head", |f: &mut Frame| f.head(5));
    engine.register_fn("head", |f: &mut Frame, n: rhai::INT| f.head(n));
    engine.register_fn("len", |f: &mut Frame| f.len() as rhai::INT);
    engine.register_fn("to_string", |f: &mut Frame| f.repr());
    engine.register_fn("to_debug", |f: &mut Frame| f.repr());
}
