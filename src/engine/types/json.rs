//! JSON columns: DataJoint stores `json.dumps(value)` and fetches `json.loads(text)`.

use serde_json::{Map, Number, Value as J};

use crate::engine::error::{Error, Kind, Result};
use crate::engine::value::Value;

/// `json.dumps(v)` as text; bytes are not serializable (Python's TypeError) and NaN/inf, which
/// Python writes as `NaN`/`Infinity`, are then rejected by MySQL's JSON parser (3140).
pub fn to_json_text(v: &Value, column: &str) -> Result<String> {
    Ok(to_json(v, column)?.to_string())
}

fn to_json(v: &Value, column: &str) -> Result<J> {
    Ok(match v {
        Value::Null => J::Null,
        Value::Bool(b) => J::Bool(*b),
        Value::Int(i) => J::Number((*i).into()),
        Value::Float(f) => J::Number(Number::from_f64(*f).ok_or_else(|| {
            Error::mysql(
                Kind::OperationalError,
                3140,
                format!("Invalid JSON text: \"Invalid value.\" at position 0 in value for column '{column}'."),
            )
        })?),
        Value::Str(s) => J::String(s.clone()),
        Value::Bytes(_) => {
            return Err(Error::new(Kind::TypeError, "Object of type bytes is not JSON serializable"));
        }
        Value::List(items) => J::Array(items.iter().map(|i| to_json(i, column)).collect::<Result<_>>()?),
        Value::Map(m) => {
            let mut out = Map::new();
            for (k, v) in m {
                out.insert(k.clone(), to_json(v, column)?);
            }
            J::Object(out)
        }
    })
}

/// `json.loads(text)`: objects become maps; integers that fit stay integers.
pub fn from_json_text(text: &str) -> Value {
    match serde_json::from_str::<J>(text) {
        Ok(j) => from_json(j),
        Err(_) => Value::Str(text.to_string()),
    }
}

fn from_json(j: J) -> Value {
    match j {
        J::Null => Value::Null,
        J::Bool(b) => Value::Bool(b),
        J::Number(n) => n.as_i64().map_or_else(|| Value::Float(n.as_f64().unwrap_or(f64::NAN)), Value::Int),
        J::String(s) => Value::Str(s),
        J::Array(a) => Value::List(a.into_iter().map(from_json).collect()),
        J::Object(o) => Value::Map(o.into_iter().map(|(k, v)| (k, from_json(v))).collect()),
    }
}
