//! NWB objects as Spyglass's pipelines leave them in a file: pynwb time series (`TimeSeries`,
//! `SpatialSeries`, `ElectricalSeries`) and the containers that hold them (`Position`,
//! `CompassDirection`, `BehavioralTimeSeries`, `LFP`). The world's file store keeps each one as
//! an engine [`Value`] map tagged with its `neurodata_type` ([`NwbObject::to_value`]), so it
//! goes through the store's JSON and comes back unchanged ([`NwbObject::from_value`]).

mod repr;
mod value;

use serde::{Deserialize, Serialize};

use super::value::Value;
use super::{Error, Kind, Result};

/// The pynwb class of a series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SeriesType {
    /// `pynwb.base.TimeSeries` (velocity, video frame indices).
    TimeSeries,
    /// `pynwb.behavior.SpatialSeries` (position, orientation): has a `reference_frame`.
    SpatialSeries,
    /// `pynwb.ecephys.ElectricalSeries` (LFP): one column per electrode.
    ElectricalSeries,
}

impl SeriesType {
    const ALL: [SeriesType; 3] = [SeriesType::TimeSeries, SeriesType::SpatialSeries, SeriesType::ElectricalSeries];

    /// The class name (`neurodata_type`).
    pub fn name(self) -> &'static str {
        match self {
            SeriesType::TimeSeries => "TimeSeries",
            SeriesType::SpatialSeries => "SpatialSeries",
            SeriesType::ElectricalSeries => "ElectricalSeries",
        }
    }

    /// The module pynwb defines the class in.
    pub fn module(self) -> &'static str {
        match self {
            SeriesType::TimeSeries => "pynwb.base",
            SeriesType::SpatialSeries => "pynwb.behavior",
            SeriesType::ElectricalSeries => "pynwb.ecephys",
        }
    }
}

/// The pynwb class of a container of series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ContainerType {
    /// `pynwb.behavior.Position`: spatial series.
    Position,
    /// `pynwb.behavior.CompassDirection`: spatial series.
    CompassDirection,
    /// `pynwb.behavior.BehavioralTimeSeries`: time series.
    BehavioralTimeSeries,
    /// `pynwb.ecephys.LFP`: electrical series.
    Lfp,
}

impl ContainerType {
    const ALL: [ContainerType; 4] = [
        ContainerType::Position,
        ContainerType::CompassDirection,
        ContainerType::BehavioralTimeSeries,
        ContainerType::Lfp,
    ];

    /// The class name (`neurodata_type`).
    pub fn name(self) -> &'static str {
        match self {
            ContainerType::Position => "Position",
            ContainerType::CompassDirection => "CompassDirection",
            ContainerType::BehavioralTimeSeries => "BehavioralTimeSeries",
            ContainerType::Lfp => "LFP",
        }
    }

    /// The module pynwb defines the class in.
    pub fn module(self) -> &'static str {
        match self {
            ContainerType::Lfp => "pynwb.ecephys",
            _ => "pynwb.behavior",
        }
    }

    /// The attribute holding the series (`Position().spatial_series`).
    pub fn field(self) -> &'static str {
        match self {
            ContainerType::Position | ContainerType::CompassDirection => "spatial_series",
            ContainerType::BehavioralTimeSeries => "time_series",
            ContainerType::Lfp => "electrical_series",
        }
    }

    /// The series class the container holds.
    pub fn holds(self) -> SeriesType {
        match self {
            ContainerType::Position | ContainerType::CompassDirection => SeriesType::SpatialSeries,
            ContainerType::BehavioralTimeSeries => SeriesType::TimeSeries,
            ContainerType::Lfp => SeriesType::ElectricalSeries,
        }
    }
}

/// The numpy dtype of a series' data, as the file stores it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DataType {
    /// int16 (`<i2`): raw and filtered voltages in ADC units.
    Int16,
    /// int64 (`<i8`): indices.
    Int64,
    /// float64 (`<f8`).
    Float64,
}

impl DataType {
    const ALL: [DataType; 3] = [DataType::Int16, DataType::Int64, DataType::Float64];

    /// numpy's name (`int16`).
    pub fn name(self) -> &'static str {
        match self {
            DataType::Int16 => "int16",
            DataType::Int64 => "int64",
            DataType::Float64 => "float64",
        }
    }

    /// h5py's type string (`<i2`).
    pub fn code(self) -> &'static str {
        match self {
            DataType::Int16 => "<i2",
            DataType::Int64 => "<i8",
            DataType::Float64 => "<f8",
        }
    }

    /// Integer data.
    pub fn is_int(self) -> bool {
        !matches!(self, DataType::Float64)
    }
}

/// A pynwb time series: one row of data per timestamp.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Series {
    /// The pynwb class.
    pub kind: SeriesType,
    /// Its name in the file.
    pub name: String,
    /// `description`.
    pub description: String,
    /// `comments` (pynwb's default is "no comments").
    pub comments: String,
    /// `unit`.
    pub unit: String,
    /// `conversion`: the factor to `unit`.
    pub conversion: f64,
    /// `reference_frame` (spatial series only).
    pub reference_frame: Option<String>,
    /// Sample times in seconds.
    #[serde(with = "value::nan_as_null")]
    pub timestamps: Vec<f64>,
    /// The samples, row-major: one row per timestamp, `width` values each.
    #[serde(with = "value::nan_as_null")]
    pub data: Vec<f64>,
    /// Values per row; `None` for one-dimensional data.
    pub width: Option<usize>,
    /// The data's dtype.
    pub dtype: DataType,
}

impl Series {
    /// Row `i` of the data.
    pub fn row(&self, i: usize) -> &[f64] {
        let w = self.width.unwrap_or(1);
        &self.data[i * w..(i + 1) * w]
    }

    /// Number of samples.
    pub fn len(&self) -> usize {
        self.timestamps.len()
    }

    /// No samples.
    pub fn is_empty(&self) -> bool {
        self.timestamps.is_empty()
    }

    /// One sample as an engine value (an int for integer data; NaN is `Null`, which JSON keeps).
    pub fn value(&self, x: f64) -> Value {
        if x.is_nan() {
            Value::Null
        } else if self.dtype.is_int() {
            Value::Int(x as i64)
        } else {
            Value::Float(x)
        }
    }

    /// The data as engine values: a list of samples, or of rows for two-dimensional data.
    pub fn data_value(&self) -> Value {
        Value::List(match self.width {
            None => self.data.iter().map(|&x| self.value(x)).collect(),
            Some(_) => {
                (0..self.len()).map(|i| Value::List(self.row(i).iter().map(|&x| self.value(x)).collect())).collect()
            }
        })
    }

    /// pynwb's `repr(series)`; `address` stands in for Python's `id()`.
    pub fn repr(&self, address: u64) -> String {
        repr::series(self, address)
    }
}

/// A pynwb container of named series (`Position`, `BehavioralTimeSeries`, ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Container {
    /// The pynwb class.
    pub kind: ContainerType,
    /// Its name (pynwb's default is the class name).
    pub name: String,
    /// The series, in the order pynwb lists them (by name).
    pub series: Vec<Series>,
}

impl Container {
    /// pynwb's getter (`get_spatial_series(name=None)`, `get_timeseries`, ...): the named series,
    /// or without a name the only one; hdmf's errors otherwise.
    pub fn get(&self, name: Option<&str>) -> Result<&Series> {
        let (field, class) = (self.kind.field(), self.kind.name());
        match name {
            Some(n) => self
                .series
                .iter()
                .find(|s| s.name == n)
                .ok_or_else(|| Error::key_error(format!("'{n}' not found in {field} of {class} '{}'.", self.name))),
            None => match self.series.as_slice() {
                [one] => Ok(one),
                [] => Err(Error::new(Kind::ValueError, format!("{field} of {class} '{}' is empty.", self.name))),
                _ => Err(Error::new(
                    Kind::ValueError,
                    format!("More than one element in {field} of {class} '{}' -- must specify a name.", self.name),
                )),
            },
        }
    }

    /// pynwb's name of the getter (`get_spatial_series`).
    pub fn getter(&self) -> &'static str {
        match self.kind {
            ContainerType::Position | ContainerType::CompassDirection => "get_spatial_series",
            ContainerType::BehavioralTimeSeries => "get_timeseries",
            ContainerType::Lfp => "get_electrical_series",
        }
    }

    /// pynwb's `repr(container)`; `address` stands in for Python's `id()`.
    pub fn repr(&self, address: u64) -> String {
        repr::container(self, address)
    }
}

/// An object of an NWB file, as `nwbf.objects[object_id]` gives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum NwbObject {
    /// A time series.
    Series(Series),
    /// A container of series.
    Container(Container),
}

impl NwbObject {
    /// pynwb's `repr(object)`; `address` stands in for Python's `id()`.
    pub fn repr(&self, address: u64) -> String {
        match self {
            NwbObject::Series(s) => s.repr(address),
            NwbObject::Container(c) => c.repr(address),
        }
    }
}

/// A stand-in for CPython's `id()` of an object, stable for a given seed: a multiple of 16
/// around 1.4e14, where CPython's heap puts objects (pynwb prints it in decimal after `0x`).
pub fn address(seed: &str) -> u64 {
    let digest = super::hash::key_hash([("seed", &Value::from(seed))]);
    let n = u64::from_str_radix(&digest[..12], 16).unwrap_or(0);
    140_000_000_000_000 + (n % 1_000_000_000_000) / 16 * 16
}

#[cfg(test)]
mod tests;
