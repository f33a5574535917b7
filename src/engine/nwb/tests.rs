use std::collections::BTreeMap;

use super::*;

fn spatial(name: &str, width: Option<usize>) -> Series {
    let n = 3;
    let w = width.unwrap_or(1);
    Series {
        kind: SeriesType::SpatialSeries,
        name: name.into(),
        description: "x_position, y_position".into(),
        comments: "no comments".into(),
        unit: "meters".into(),
        conversion: 0.01,
        reference_frame: Some("Upper left corner of video frame".into()),
        timestamps: (0..n).map(|k| 1687449598.0 + k as f64 / 30.0).collect(),
        data: (0..n * w).map(|k| k as f64 * 0.5).collect(),
        width,
        dtype: DataType::Float64,
    }
}

fn frame_index() -> Series {
    Series {
        kind: SeriesType::TimeSeries,
        name: "video_frame_ind".into(),
        description: "video_frame_ind".into(),
        comments: "no comments".into(),
        unit: "index".into(),
        conversion: 1.0,
        reference_frame: None,
        timestamps: vec![1.0, 2.0, 3.0],
        data: vec![0.0, 1.0, 2.0],
        width: None,
        dtype: DataType::Int64,
    }
}

/// Through the store: the tagged value, its JSON, and back.
fn through_store(o: &NwbObject) -> NwbObject {
    let json = serde_json::to_string(&o.to_value()).unwrap();
    let v: Value = serde_json::from_str(&json).unwrap();
    NwbObject::from_value(&v).expect("a tagged map").unwrap()
}

#[test]
fn objects_round_trip_through_the_store() {
    let position = NwbObject::Container(Container {
        kind: ContainerType::Position,
        name: "Position".into(),
        series: vec![spatial("position", Some(2))],
    });
    assert_eq!(through_store(&position), position);
    // Floats come back bit for bit (serde_json's default parser reads 100.03333333333333 as
    // 100.03333333333332).
    let mut orientation = spatial("orientation", None);
    orientation.timestamps[1] = 100.0 + 1.0 / 30.0;
    orientation.data[1] = f64::NAN;
    let back = through_store(&NwbObject::Series(orientation.clone()));
    let NwbObject::Series(back) = back else { panic!("a series") };
    assert!(back.data[1].is_nan());
    assert_eq!((back.data[0], back.data[2], back.width), (orientation.data[0], orientation.data[2], None));
    assert_eq!(back.timestamps, orientation.timestamps);
    let behavioral = NwbObject::Container(Container {
        kind: ContainerType::BehavioralTimeSeries,
        name: "BehavioralTimeSeries".into(),
        series: vec![frame_index()],
    });
    assert_eq!(through_store(&behavioral), behavioral);
    // Integer data is stored as integers.
    let Value::Map(m) = frame_index().to_value() else { panic!("a map") };
    assert_eq!(m["data"], Value::List(vec![Value::Int(0), Value::Int(1), Value::Int(2)]));
}

#[test]
fn other_values_are_not_objects_and_bad_ones_are_errors() {
    assert!(NwbObject::from_value(&Value::List(vec![Value::Int(1)])).is_none());
    let mut plain = BTreeMap::new();
    plain.insert("a".to_string(), Value::Int(1));
    assert!(NwbObject::from_value(&Value::Map(plain)).is_none());
    let Value::Map(mut m) = spatial("p", Some(2)).to_value() else { panic!("a map") };
    m.insert("timestamps".into(), Value::List(vec![Value::Float(1.0)]));
    let e = NwbObject::from_value(&Value::Map(m)).unwrap().unwrap_err();
    assert_eq!(e.message, "malformed NWB object in the file store: 3 rows of data for 1 timestamps");
    // A container holds its own kind of series.
    let wrong = Container { kind: ContainerType::Lfp, name: "LFP".into(), series: vec![spatial("p", None)] };
    let e = NwbObject::from_value(&NwbObject::Container(wrong).to_value()).unwrap().unwrap_err();
    assert!(e.message.ends_with("LFP holds ElectricalSeries, not SpatialSeries"), "{}", e.message);
}

#[test]
fn reprs_read_as_pynwb_prints_them() {
    let position = Container {
        kind: ContainerType::Position,
        name: "Position".into(),
        series: vec![spatial("position", Some(2))],
    };
    assert_eq!(
        position.repr(140507749896912),
        "Position pynwb.behavior.Position at 0x140507749896912\nFields:\n  spatial_series: {\n    \
         position <class 'pynwb.behavior.SpatialSeries'>\n  }\n"
    );
    let velocity = Container {
        kind: ContainerType::BehavioralTimeSeries,
        name: "BehavioralTimeSeries".into(),
        series: vec![Series { name: "velocity".into(), ..frame_index() }, frame_index()],
    };
    assert!(velocity.repr(1).ends_with(
        "  time_series: {\n    velocity <class 'pynwb.base.TimeSeries'>,\n    \
         video_frame_ind <class 'pynwb.base.TimeSeries'>\n  }\n"
    ));
    assert_eq!(
        spatial("position", Some(2)).repr(140507749939728),
        "position pynwb.behavior.SpatialSeries at 0x140507749939728\nFields:\n  comments: no comments\n  \
         conversion: 0.01\n  data: <HDF5 dataset \"data\": shape (3, 2), type \"<f8\">\n  \
         description: x_position, y_position\n  interval: 1\n  offset: 0.0\n  \
         reference_frame: Upper left corner of video frame\n  resolution: -1.0\n  \
         timestamps: <HDF5 dataset \"timestamps\": shape (3,), type \"<f8\">\n  timestamps_unit: seconds\n  \
         unit: meters\n"
    );
    let lfp = Series {
        kind: SeriesType::ElectricalSeries,
        name: "filtered data".into(),
        description: "filtered data".into(),
        unit: "volts".into(),
        conversion: 1.0,
        reference_frame: None,
        dtype: DataType::Int16,
        ..spatial("x", Some(2))
    };
    assert_eq!(
        lfp.repr(7),
        "filtered data pynwb.ecephys.ElectricalSeries at 0x7\nFields:\n  comments: no comments\n  conversion: 1.0\n  \
         data: <HDF5 dataset \"data\": shape (3, 2), type \"<i2\">\n  description: filtered data\n  \
         electrodes: electrodes <class 'hdmf.common.table.DynamicTableRegion'>\n  interval: 1\n  offset: 0.0\n  \
         resolution: -1.0\n  timestamps: <HDF5 dataset \"timestamps\": shape (3,), type \"<f8\">\n  \
         timestamps_unit: seconds\n  unit: volts\n"
    );
    assert_eq!(address("x") % 16, 0);
    assert_eq!(address("x"), address("x"));
}
