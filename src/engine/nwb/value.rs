//! NWB objects as engine values: a map tagged with the object's `neurodata_type`, numbers in
//! lists (integer data as ints, NaN as `Null`), so an object goes anywhere a value goes (rhai,
//! a blob) and comes back checked.

use std::collections::BTreeMap;

use super::{Container, ContainerType, DataType, NwbObject, Series, SeriesType};
use crate::engine::value::Value;
use crate::engine::{Error, Kind, Result};

impl Series {
    pub(super) fn to_value(&self) -> Value {
        let mut m = BTreeMap::new();
        m.insert("neurodata_type".into(), Value::from(self.kind.name()));
        m.insert("name".into(), Value::from(self.name.as_str()));
        m.insert("description".into(), Value::from(self.description.as_str()));
        m.insert("comments".into(), Value::from(self.comments.as_str()));
        m.insert("unit".into(), Value::from(self.unit.as_str()));
        m.insert("conversion".into(), Value::Float(self.conversion));
        m.insert("reference_frame".into(), self.reference_frame.clone().map_or(Value::Null, Value::Str));
        let times = self.timestamps.iter().map(|&t| if t.is_nan() { Value::Null } else { Value::Float(t) });
        m.insert("timestamps".into(), Value::List(times.collect()));
        m.insert("data".into(), self.data_value());
        m.insert("dtype".into(), Value::from(self.dtype.name()));
        Value::Map(m)
    }

    pub(super) fn from_map(m: &BTreeMap<String, Value>) -> Result<Series> {
        let tag = text(m, "neurodata_type")?;
        let kind =
            SeriesType::ALL.into_iter().find(|k| k.name() == tag).ok_or_else(|| bad(format!("not a series: {tag}")))?;
        let dtype_name = text(m, "dtype")?;
        let dtype = DataType::ALL
            .into_iter()
            .find(|d| d.name() == dtype_name)
            .ok_or_else(|| bad(format!("dtype {dtype_name}")))?;
        let timestamps = numbers(m.get("timestamps").ok_or_else(|| bad("no timestamps"))?)?;
        let rows = match m.get("data") {
            Some(Value::List(rows)) => rows,
            _ => return Err(bad("no data")),
        };
        if rows.len() != timestamps.len() {
            return Err(bad(format!("{} rows of data for {} timestamps", rows.len(), timestamps.len())));
        }
        let two_d = rows.first().is_some_and(|r| matches!(r, Value::List(_)));
        let (data, width) = if two_d {
            let mut data = Vec::new();
            let mut width = None;
            for r in rows {
                let r = numbers(r)?;
                if *width.get_or_insert(r.len()) != r.len() {
                    return Err(bad("rows of different lengths"));
                }
                data.extend(r);
            }
            (data, Some(width.unwrap_or(0)))
        } else {
            (numbers(&Value::List(rows.clone()))?, None)
        };
        let reference_frame = match m.get("reference_frame") {
            Some(Value::Str(s)) => Some(s.clone()),
            _ => None,
        };
        let conversion = match m.get("conversion") {
            Some(Value::Float(x)) => *x,
            Some(Value::Int(i)) => *i as f64,
            _ => return Err(bad("no conversion")),
        };
        Ok(Series {
            kind,
            name: text(m, "name")?,
            description: text(m, "description")?,
            comments: text(m, "comments")?,
            unit: text(m, "unit")?,
            conversion,
            reference_frame,
            timestamps,
            data,
            width,
            dtype,
        })
    }
}

impl NwbObject {
    /// The object as the store keeps it: a map tagged with its `neurodata_type`.
    pub fn to_value(&self) -> Value {
        match self {
            NwbObject::Series(s) => s.to_value(),
            NwbObject::Container(c) => {
                let mut m = BTreeMap::new();
                m.insert("neurodata_type".into(), Value::from(c.kind.name()));
                m.insert("name".into(), Value::from(c.name.as_str()));
                m.insert("series".into(), Value::List(c.series.iter().map(Series::to_value).collect()));
                Value::Map(m)
            }
        }
    }

    /// The object a stored value holds: `None` for a value that is not a tagged map (a list or
    /// table stored through `add_nwb_object`), an error for a tagged map that is malformed.
    pub fn from_value(v: &Value) -> Option<Result<NwbObject>> {
        let Value::Map(m) = v else { return None };
        let Some(Value::Str(tag)) = m.get("neurodata_type") else { return None };
        let Some(kind) = ContainerType::ALL.into_iter().find(|k| k.name() == tag) else {
            return Some(Series::from_map(m).map(NwbObject::Series));
        };
        Some((|| {
            let Some(Value::List(items)) = m.get("series") else { return Err(bad("no series")) };
            let mut series = Vec::new();
            for item in items {
                let Value::Map(s) = item else { return Err(bad("a series is not a map")) };
                let s = Series::from_map(s)?;
                if s.kind != kind.holds() {
                    return Err(bad(format!("{} holds {}, not {}", kind.name(), kind.holds().name(), s.kind.name())));
                }
                series.push(s);
            }
            series.sort_by(|a, b| a.name.cmp(&b.name));
            Ok(NwbObject::Container(Container { kind, name: text(m, "name")?, series }))
        })())
    }
}

/// JSON has no NaN: samples that are NaN are stored as `null`.
pub(super) mod nan_as_null {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(xs: &[f64], s: S) -> Result<S::Ok, S::Error> {
        let v: Vec<Option<f64>> = xs.iter().map(|x| (!x.is_nan()).then_some(*x)).collect();
        v.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<f64>, D::Error> {
        Ok(Vec::<Option<f64>>::deserialize(d)?.into_iter().map(|x| x.unwrap_or(f64::NAN)).collect())
    }
}

fn bad(message: impl Into<String>) -> Error {
    Error::new(Kind::ValueError, format!("malformed NWB object in the file store: {}", message.into()))
}

fn text(m: &BTreeMap<String, Value>, key: &str) -> Result<String> {
    match m.get(key) {
        Some(Value::Str(s)) => Ok(s.clone()),
        _ => Err(bad(format!("no {key}"))),
    }
}

fn numbers(v: &Value) -> Result<Vec<f64>> {
    let Value::List(items) = v else { return Err(bad("not a list of numbers")) };
    items
        .iter()
        .map(|x| match x {
            Value::Float(f) => Ok(*f),
            Value::Int(i) => Ok(*i as f64),
            Value::Null => Ok(f64::NAN),
            _ => Err(bad("not a number")),
        })
        .collect()
}
