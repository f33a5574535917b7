//! Synthetic recordings for scenario worlds: the NWB objects Spyglass's pipelines would have
//! written for a row (TrodesPosV1's position, orientation and velocity; an LFP electrical
//! series), with the names, units and layout Spyglass gives them. Small and deterministic: the
//! first samples of the row's valid times at the pipeline's sampling rate. A stand-in for the
//! raw data a scenario cannot ship; learners read them back through `fetch_nwb` and
//! `fetch1_dataframe`.

use std::f64::consts::PI;

use crate::engine::nwb::{Container, ContainerType, DataType, NwbObject, Series, SeriesType};
use crate::engine::{Error, Kind, Result};

/// What Trodes writes as a position series' reference frame.
const REFERENCE_FRAME: &str = "Upper left corner of video frame";

/// The first `samples` times at `rate` Hz inside the valid intervals, each interval read from
/// its start (`start + k / rate` up to its stop); where intervals overlap, times only go forward.
pub fn sample_times(valid_times: &[(f64, f64)], rate: f64, samples: usize) -> Result<Vec<f64>> {
    if !(rate > 0.0 && rate.is_finite()) {
        return Err(Error::new(Kind::ValueError, format!("sampling rate must be positive, not {rate}")));
    }
    let mut times = Vec::with_capacity(samples);
    for &(start, stop) in valid_times {
        let mut k = 0;
        while times.len() < samples {
            let t = start + k as f64 / rate;
            if t > stop {
                break;
            }
            if times.last().is_none_or(|&last| t > last) {
                times.push(t);
            }
            k += 1;
        }
    }
    if times.len() < samples {
        return Err(Error::new(
            Kind::ValueError,
            format!("the valid times hold {} samples at {rate} Hz, not {samples}", times.len()),
        ));
    }
    Ok(times)
}

/// A small pseudo-random source: each object gets its own, from a seed text.
fn rng(seed: &str) -> fastrand::Rng {
    let hash = crate::engine::hash::key_hash([("seed", &crate::engine::Value::from(seed))]);
    fastrand::Rng::with_seed(u64::from_str_radix(&hash[..16], 16).unwrap_or(0))
}

fn series(kind: SeriesType, name: &str, description: &str, unit: &str, conversion: f64) -> Series {
    Series {
        kind,
        name: name.into(),
        description: description.into(),
        comments: "no comments".into(),
        unit: unit.into(),
        conversion,
        reference_frame: (kind == SeriesType::SpatialSeries).then(|| REFERENCE_FRAME.to_string()),
        timestamps: Vec::new(),
        data: Vec::new(),
        width: None,
        dtype: DataType::Float64,
    }
}

/// `generate_pos_components(prefix="", add_frame_ind=True)` for a rat running laps around an
/// open field: `[Position, CompassDirection, BehavioralTimeSeries]`, in cm and cm/s (the series'
/// `conversion` 0.01 turns them into meters). With one LED, Spyglass's angle between identical
/// front and back points is 0, so the orientation is 0 throughout.
pub fn trodes_position(times: &[f64], two_leds: bool, seed: &str) -> [NwbObject; 3] {
    let mut rng = rng(seed);
    let (cx, cy) = (55.0 + rng.f64() * 10.0, 50.0 + rng.f64() * 10.0);
    let (rx, ry) = (25.0 + rng.f64() * 10.0, 20.0 + rng.f64() * 10.0);
    let lap = 2.0 * PI / (18.0 + rng.f64() * 6.0);
    let (phase, wobble) = (rng.f64() * 2.0 * PI, 2.0 + rng.f64() * 2.0);
    let t0 = times.first().copied().unwrap_or(0.0);
    let mut position = series(SeriesType::SpatialSeries, "position", "x_position, y_position", "meters", 0.01);
    let mut orientation = series(SeriesType::SpatialSeries, "orientation", "orientation", "meters", 1.0);
    let mut velocity = series(SeriesType::TimeSeries, "velocity", "x_velocity, y_velocity, speed", "m/s", 0.01);
    let mut frames = series(SeriesType::TimeSeries, "video_frame_ind", "video_frame_ind", "index", 1.0);
    for (k, &t) in times.iter().enumerate() {
        let a = lap * (t - t0) + phase;
        let w = 3.0 * a;
        let (x, y) = (cx + rx * a.cos() + wobble * w.sin(), cy + ry * a.sin() + wobble * w.cos());
        let (vx, vy) = (lap * (-rx * a.sin() + 3.0 * wobble * w.cos()), lap * (ry * a.cos() - 3.0 * wobble * w.sin()));
        position.data.extend([x, y]);
        orientation.data.push(if two_leds { vy.atan2(vx) } else { 0.0 });
        velocity.data.extend([vx, vy, vx.hypot(vy)]);
        frames.data.push(k as f64);
    }
    position.width = Some(2);
    velocity.width = Some(3);
    frames.dtype = DataType::Int64;
    for s in [&mut position, &mut orientation, &mut velocity, &mut frames] {
        s.timestamps = times.to_vec();
    }
    let container = |kind: ContainerType, series: Vec<Series>| {
        NwbObject::Container(Container { kind, name: kind.name().into(), series })
    };
    [
        container(ContainerType::Position, vec![position]),
        container(ContainerType::CompassDirection, vec![orientation]),
        container(ContainerType::BehavioralTimeSeries, vec![velocity, frames]),
    ]
}

/// An electrical series of int16 samples (ADC units, as Spyglass's filter keeps the raw dtype),
/// one column per electrode: theta, a slower wave, gamma and noise, each electrode a little
/// different.
pub fn lfp(times: &[f64], electrodes: usize, name: &str, description: &str, seed: &str) -> NwbObject {
    let mut rng = rng(seed);
    let mut es = series(SeriesType::ElectricalSeries, name, description, "volts", 1.0);
    let per: Vec<(f64, f64, f64)> =
        (0..electrodes).map(|_| (0.8 + rng.f64() * 0.4, rng.f64() * 0.6, rng.f64() * 2.0 * PI)).collect();
    let t0 = times.first().copied().unwrap_or(0.0);
    for &t in times {
        let s = t - t0;
        let theta = (2.0 * PI * 8.0 * s).sin();
        let slow = (2.0 * PI * 1.5 * s + 1.0).sin();
        for &(gain, lag, gamma_phase) in &per {
            let gamma = (2.0 * PI * 40.0 * s + gamma_phase).sin();
            let v = gain * (150.0 * (2.0 * PI * 8.0 * s - lag).sin() + 60.0 * slow) + 25.0 * gamma * (1.0 + theta);
            es.data.push((v + (rng.f64() - 0.5) * 20.0).round());
        }
    }
    es.width = Some(electrodes);
    es.dtype = DataType::Int16;
    es.timestamps = times.to_vec();
    NwbObject::Series(es)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_fill_the_valid_times_in_order() {
        assert_eq!(sample_times(&[(10.0, 10.5), (20.0, 30.0)], 4.0, 5).unwrap(), [10.0, 10.25, 10.5, 20.0, 20.25]);
        assert_eq!(sample_times(&[(0.0, 0.5), (0.25, 1.0)], 4.0, 4).unwrap(), [0.0, 0.25, 0.5, 0.75]);
        let e = sample_times(&[(0.0, 1.0)], 2.0, 4).unwrap_err();
        assert_eq!(e.message, "the valid times hold 3 samples at 2 Hz, not 4");
        assert!(sample_times(&[(0.0, 1.0)], 0.0, 1).is_err());
    }

    #[test]
    fn objects_are_deterministic_and_shaped_as_spyglass_writes_them() {
        let times = sample_times(&[(100.0, 200.0)], 30.0, 4).unwrap();
        let a = trodes_position(&times, true, "x");
        assert_eq!(a, trodes_position(&times, true, "x"));
        assert_ne!(a, trodes_position(&times, true, "y"));
        let NwbObject::Container(v) = &a[2] else { panic!("a container") };
        assert_eq!(
            v.series.iter().map(|s| (s.name.as_str(), s.width)).collect::<Vec<_>>(),
            [("velocity", Some(3)), ("video_frame_ind", None)]
        );
        let NwbObject::Container(o) = &trodes_position(&times, false, "x")[1] else { panic!("a container") };
        assert!(o.series[0].data.iter().all(|&x| x == 0.0));
        let NwbObject::Series(es) = lfp(&times, 3, "filtered data", "filtered data", "z") else { panic!("a series") };
        assert_eq!((es.len(), es.width, es.data.len()), (4, Some(3), 12));
        assert!(es.data.iter().all(|x| x.fract() == 0.0 && x.abs() < 32768.0));
    }
}
