//! The methods of Spyglass's `Interval` in rhai: the set operations and those against
//! timestamps, each taking Python's positional and keyword arguments.

use rhai::{Array, Dynamic, Engine, EvalAltResult, INT};

use super::error::throw;
use super::host::Shared;
use super::interval::{method, number, other, Iv};
use super::pyargs::{bind, truthy, Signature};
use super::value::to_value;
use crate::engine::{Error, Kind, Value};
use crate::spyglass::interval::{Interval, Num, Stamps};

type R<T> = Result<T, Box<EvalAltResult>>;

const CONSOLIDATE: Signature = Signature::of("Interval.consolidate", &[], false);
const BY_LENGTH: Signature = Signature::of("Interval.by_length", &[("min_length", true), ("max_length", true)], false);
const INTERSECT: Signature = Signature::of("Interval.intersect", &[("other", false), ("min_length", true)], true);
const UNION: Signature =
    Signature::of("Interval.union", &[("other", false), ("min_length", true), ("max_length", true)], true);
const SUBTRACT: Signature = Signature::of(
    "Interval.subtract",
    &[("other", false), ("reverse", true), ("min_length", true), ("max_length", true)],
    true,
);
const CONTAINS: Signature =
    Signature::of("Interval.contains", &[("timestamps", false), ("as_indices", true), ("padding", true)], false);
const EXCLUDES: Signature = Signature::of("Interval.excludes", &[("timestamps", false), ("as_indices", true)], false);
const CENSOR: Signature = Signature::of("Interval.censor", &[("timestamps", false)], false);
const TO_INDICES: Signature =
    Signature::of("Interval.to_indices", &[("timestamps", false), ("as_interval", true)], false);
const TO_SECONDS: Signature = Signature::of("Interval.to_seconds", &[("timestamps", false)], false);

fn stamps(s: &Stamps) -> Array {
    s.values.iter().map(|v| number(*v, s.int)).collect()
}

fn pick(n: Num) -> Dynamic {
    number(n.value, n.int)
}

fn timestamps(d: Option<&Dynamic>) -> R<Stamps> {
    Stamps::from_value(&d.map_or(Value::Null, to_value)).map_err(throw)
}

/// A length bound (`None` for the default); numpy's comparison `ufunc` fails on text.
fn length(d: Option<&Dynamic>, int: bool, ufunc: &str) -> R<Option<f64>> {
    let Some(d) = d.filter(|d| !d.is_unit()) else { return Ok(None) };
    if let Ok(i) = d.as_int() {
        return Ok(Some(i as f64));
    }
    if let Ok(f) = d.as_float() {
        return Ok(Some(f));
    }
    if let Ok(b) = d.as_bool() {
        return Ok(Some(f64::from(u8::from(b))));
    }
    if d.is_string() {
        let dtype = if int { "Int64DType" } else { "Float64DType" };
        return Err(throw(Error::new(
            Kind::UFuncTypeError,
            format!(
                "ufunc '{ufunc}' did not contain a loop with signature matching types (<class \
                 'numpy.dtypes.{dtype}'>, <class 'numpy.dtypes.StrDType'>) -> None"
            ),
        )));
    }
    let op = if ufunc == "greater" { ">" } else { "<" };
    let class = match d.type_name() {
        "map" => "dict",
        "array" => "list",
        other => other,
    };
    Err(throw(Error::new(
        Kind::TypeError,
        format!("'{op}' not supported between instances of 'numpy.ndarray' and '{class}'"),
    )))
}

fn out(r: crate::engine::Result<Interval>) -> R<Dynamic> {
    r.map(|i| Dynamic::from(Iv(i))).map_err(throw)
}

/// Register the methods on the Interval type.
pub fn register(engine: &mut Engine, host: &Shared) {
    method::<Iv>(engine, "consolidate", |iv, args| {
        bind(&CONSOLIDATE, args)?;
        out(iv.0.consolidate())
    });
    method::<Iv>(engine, "by_length", |iv, args| {
        let b = bind(&BY_LENGTH, args)?;
        let int = iv.0.times.is_int();
        out(iv.0.by_length(length(b.get("min_length"), int, "greater")?, length(b.get("max_length"), int, "less")?))
    });
    let h = host.clone();
    method::<Iv>(engine, "intersect", move |iv, args| {
        let b = bind(&INTERSECT, args)?;
        let other = other(&h, b.get("other"))?;
        out(iv.0.intersect(&other, length(b.get("min_length"), iv.0.times.is_int(), "greater")?))
    });
    let h = host.clone();
    method::<Iv>(engine, "union", move |iv, args| {
        let b = bind(&UNION, args)?;
        out(iv.0.union(&other(&h, b.get("other"))?))
    });
    let h = host.clone();
    method::<Iv>(engine, "subtract", move |iv, args| {
        let b = bind(&SUBTRACT, args)?;
        let other = other(&h, b.get("other"))?;
        let int = iv.0.times.is_int();
        let (min, max) = (length(b.get("min_length"), int, "greater")?, length(b.get("max_length"), int, "less")?);
        out(iv.0.subtract(&other, b.get("reverse").is_some_and(truthy), min, max))
    });
    method::<Iv>(engine, "contains", |iv, args| {
        let b = bind(&CONTAINS, args)?;
        let padding = b.get("padding").filter(|p| truthy(p)).map(|p| length(Some(p), false, "greater")).transpose()?;
        let found = iv.0.contains(
            &timestamps(b.get("timestamps"))?,
            b.get("as_indices").is_some_and(truthy),
            padding.flatten(),
        );
        Ok(Dynamic::from_array(stamps(&found.map_err(throw)?)))
    });
    method::<Iv>(engine, "excludes", |iv, args| {
        let b = bind(&EXCLUDES, args)?;
        let found = iv.0.excludes(&timestamps(b.get("timestamps"))?, b.get("as_indices").is_some_and(truthy));
        Ok(Dynamic::from_array(stamps(&found)))
    });
    method::<Iv>(engine, "censor", |iv, args| {
        let b = bind(&CENSOR, args)?;
        out(iv.0.censor(&timestamps(b.get("timestamps"))?))
    });
    method::<Iv>(engine, "to_indices", |iv, args| {
        let b = bind(&TO_INDICES, args)?;
        let ts = timestamps(b.get("timestamps"))?;
        if b.get("as_interval").is_some_and(truthy) {
            return out(iv.0.to_indices_interval(&ts));
        }
        let pair = |r: &[usize; 2]| Dynamic::from_array(vec![(r[0] as INT).into(), (r[1] as INT).into()]);
        Ok(Dynamic::from_array(iv.0.to_indices(&ts).iter().map(pair).collect()))
    });
    method::<Iv>(engine, "to_seconds", |iv, args| {
        let b = bind(&TO_SECONDS, args)?;
        let pairs = iv.0.to_seconds(&timestamps(b.get("timestamps"))?).map_err(throw)?;
        Ok(Dynamic::from_array(pairs.into_iter().map(|p| Dynamic::from_array(vec![pick(p[0]), pick(p[1])])).collect()))
    });
}
