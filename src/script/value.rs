//! Values between rhai and the engine: NULL is `()`, numbers are INT/FLOAT, maps and arrays
//! nest (blobs hold any of them and give them back unchanged).

use rhai::{Array, Dynamic, Map};

use crate::engine::Value;

/// A rhai value as an engine value.
pub fn to_value(d: &Dynamic) -> Value {
    if d.is_unit() {
        return Value::Null;
    }
    if let Ok(i) = d.as_int() {
        return Value::Int(i);
    }
    if let Ok(f) = d.as_float() {
        return Value::Float(f);
    }
    if let Ok(b) = d.as_bool() {
        return Value::Bool(b);
    }
    if let Ok(s) = d.as_immutable_string_ref() {
        return Value::Str(s.to_string());
    }
    if let Ok(c) = d.as_char() {
        return Value::Str(c.to_string());
    }
    if let Some(a) = d.read_lock::<Array>() {
        return Value::List(a.iter().map(to_value).collect());
    }
    if let Some(m) = d.read_lock::<Map>() {
        return Value::Map(m.iter().map(|(k, v)| (k.as_str().to_owned(), to_value(v))).collect());
    }
    if let Some(b) = d.read_lock::<rhai::Blob>() {
        return Value::Bytes(b.clone());
    }
    if let Some(o) = d.read_lock::<super::nwb::Nwb>() {
        return o.object().to_value();
    }
    Value::Str(d.to_string())
}

/// An engine value as a rhai value.
pub fn to_dynamic(v: &Value) -> Dynamic {
    match v {
        Value::Null => Dynamic::UNIT,
        Value::Bool(b) => Dynamic::from_bool(*b),
        Value::Int(i) => Dynamic::from_int(*i),
        Value::Float(f) => Dynamic::from_float(*f),
        Value::Str(s) => Dynamic::from(s.clone()),
        Value::Bytes(b) => Dynamic::from_blob(b.clone()),
        Value::List(items) => Dynamic::from_array(items.iter().map(to_dynamic).collect()),
        Value::Map(m) => Dynamic::from_map(m.iter().map(|(k, v)| (k.as_str().into(), to_dynamic(v))).collect()),
    }
}

/// A rhai map as the engine's ordered pairs.
pub fn map_pairs(m: &Map) -> Vec<(String, Value)> {
    // `as_str().to_owned()`, not `to_string()`: the Display route costs a third of an insert.
    m.iter().map(|(k, v)| (k.as_str().to_owned(), to_value(v))).collect()
}
