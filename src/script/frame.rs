//! pandas DataFrames in rhai (`T.fetch(#{format: "frame"})`, `T.fetch1_dataframe()`): `f["col"]`
//! (`f[0]` for numbered columns), `f.columns`, `f.index`, `f.head(n)`, `len(f)`, and `print(f)`
//! as pandas prints them.

use rhai::{Array, Dynamic, Engine, EvalAltResult};

use super::error::throw;
use super::value::to_dynamic;
use crate::engine::frame::Frame;
use crate::engine::{Error, Value};

type R<T> = Result<T, Box<EvalAltResult>>;

/// Register the frame type and its members.
pub fn register(engine: &mut Engine) {
    engine.register_type_with_name::<Frame>("DataFrame");
    // pandas: a missing column (an index level included) is KeyError.
    engine.register_indexer_get(|f: &mut Frame, name: &str| column(f, Value::from(name)));
    engine.register_indexer_get(|f: &mut Frame, i: rhai::INT| column(f, Value::Int(i)));
    engine.register_get("columns", |f: &mut Frame| -> Array { f.columns.iter().map(to_dynamic).collect() });
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

fn column(f: &Frame, label: Value) -> R<Array> {
    let values = f.column(&label).ok_or_else(|| throw(Error::key_error(crate::engine::py::value_str(&label))))?;
    Ok(values.iter().map(to_dynamic).collect())
}
