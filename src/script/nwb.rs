//! NWB data in rhai: the objects `fetch_nwb()` hands back (pynwb series and containers, printed
//! as pynwb prints them), `fetch_nwb` itself (a mixin table's, or a merge table's through its
//! source), `fetch1_dataframe`, and the `sandbox/nwb` module scenario builds use to write a
//! pipeline's objects. Bindings only: the rules are in [`crate::spyglass::dataframe`].

use std::rc::Rc;

use rhai::{Array, Dynamic, Engine, EvalAltResult, Map, Module};

use super::error::throw;
use super::host::Shared;
use super::table::Table;
use super::value::map_pairs;
use crate::engine::frame::Frame;
use crate::engine::nwb::{address, NwbObject, Series, SeriesType};
use crate::engine::{Error, Kind, Restriction, Value};
use crate::spyglass::dataframe::{self, Context};
use crate::spyglass::{analysis, merge as sg};

type R<T> = Result<T, Box<EvalAltResult>>;

/// An object of an NWB file, and the `id()` its repr shows.
#[derive(Debug, Clone)]
pub struct Nwb {
    object: Rc<NwbObject>,
    address: u64,
}

impl Nwb {
    /// The engine's object.
    pub fn object(&self) -> &NwbObject {
        &self.object
    }

    /// pynwb's text for it.
    pub fn repr(&self) -> String {
        self.object.repr(self.address)
    }

    fn class(&self) -> &'static str {
        match &*self.object {
            NwbObject::Series(s) => s.kind.name(),
            NwbObject::Container(c) => c.kind.name(),
        }
    }

    fn series(&self, attr: &str) -> R<&Series> {
        match &*self.object {
            NwbObject::Series(s) => Ok(s),
            NwbObject::Container(_) => Err(no_attribute(self.class(), attr)),
        }
    }

    fn child(&self, s: &Series, i: usize) -> Nwb {
        Nwb { object: Rc::new(NwbObject::Series(s.clone())), address: self.address + 16 * (i as u64 + 1) }
    }
}

fn no_attribute(class: &str, attr: &str) -> Box<EvalAltResult> {
    throw(Error::new(Kind::AttributeError, format!("'{class}' object has no attribute '{attr}'")))
}

/// A stored value as rhai shows it: an NWB object (`seed` fixes its `id()`), else the value.
pub fn to_dynamic(v: &Value, seed: &str) -> R<Dynamic> {
    match NwbObject::from_value(v) {
        Some(object) => Ok(Dynamic::from(Nwb { object: Rc::new(object.map_err(throw)?), address: address(seed) })),
        None => Ok(super::value::to_dynamic(v)),
    }
}

/// `fetch_nwb`'s rows as rhai maps, each object under its name.
fn rows_to_array(rows: Vec<Vec<(String, Value)>>) -> R<Array> {
    let mut out = Array::new();
    for row in rows {
        let mut m = Map::new();
        for (k, v) in &row {
            let id = row.iter().find(|(n, _)| *n == format!("{k}_object_id")).map(|(_, v)| v);
            let seed = match id {
                Some(Value::Str(id)) => id.clone(),
                _ => k.clone(),
            };
            m.insert(k.as_str().into(), to_dynamic(v, &seed)?);
        }
        out.push(Dynamic::from_map(m));
    }
    Ok(out)
}

/// Register the NWB object type, `fetch_nwb` and `fetch1_dataframe`.
pub fn register(engine: &mut Engine, host: &Shared) {
    register_objects(engine);
    register_fetch_nwb(engine, host);
    let h = host.clone();
    let fetch1 = move |t: &mut Table, opts: Map| -> R<Frame> {
        let class = t.class.rsplit('.').next().unwrap_or_default().to_string();
        // DataJoint's own classes (a FreeTable from merge_get_parent, a Union) have no such method.
        if ["FreeTable", "Union", "U"].contains(&class.as_str()) {
            return Err(no_attribute(&class, "fetch1_dataframe"));
        }
        let dir = super::mixin::analysis_dir(&h);
        let display = super::mixin::display(&h);
        let mut notes = sg::Notes::new();
        let result = {
            let server = h.server.borrow();
            let mut cx = Context { analysis_dir: &dir, display, notes: &mut notes };
            dataframe::fetch1_dataframe(&server.world, &t.query, &class, &map_pairs(&opts), &mut cx)
        };
        super::merge::flush(&h, notes);
        result.map_err(throw)
    };
    let f = fetch1.clone();
    engine.register_fn("fetch1_dataframe", move |t: &mut Table| f(t, Map::new()));
    engine.register_fn("fetch1_dataframe", fetch1);
}

fn register_fetch_nwb(engine: &mut Engine, host: &Shared) {
    let h = host.clone();
    let fetch_nwb = move |t: &Table, r: Option<Dynamic>| -> R<Array> {
        let given = match r {
            Some(r) if !r.is_unit() && !r.read_lock::<Map>().is_some_and(|m| m.is_empty()) => {
                Some(super::ops::restriction(&r)?)
            }
            _ => None,
        };
        let merge_master =
            t.query.restricted_table().map(|(m, _)| m.clone()).filter(|m| sg::is_merge(&h.server.borrow().world, m));
        let dir = super::mixin::analysis_dir(&h);
        if let Some(master) = merge_master {
            // `restriction or self.restriction or True`.
            let r = given.unwrap_or_else(|| match t.query.base_table() {
                Some(_) => Restriction::Bool(true),
                None => Restriction::Query(t.query.clone()),
            });
            let display = super::mixin::display(&h);
            let mut notes = sg::Notes::new();
            let rows = sg::fetch_nwb(&h.server.borrow().world, &master, &r, &dir, display, &mut notes);
            super::merge::flush(&h, notes);
            return rows_to_array(rows.map_err(throw)?);
        }
        super::mixin::require(&h, t, "fetch_nwb")?;
        let server = h.server.borrow();
        let q = match given {
            Some(r) => server.world.restrict(&t.query, &r).map_err(throw)?,
            None => t.query.clone(),
        };
        rows_to_array(analysis::fetch_nwb(&server.world, &q, &t.name(), &[], &dir).map_err(throw)?)
    };
    let f = fetch_nwb.clone();
    engine.register_fn("fetch_nwb", move |t: &mut Table| f(t, None));
    engine.register_fn("fetch_nwb", move |t: &mut Table, r: Dynamic| fetch_nwb(t, Some(r)));
}

fn register_objects(engine: &mut Engine) {
    engine.register_type_with_name::<Nwb>("NWBContainer");
    engine.register_fn("to_string", |o: &mut Nwb| o.repr());
    engine.register_fn("to_debug", |o: &mut Nwb| o.repr());
    engine.register_get("name", |o: &mut Nwb| match &*o.object {
        NwbObject::Series(s) => s.name.clone(),
        NwbObject::Container(c) => c.name.clone(),
    });
    engine.register_get("neurodata_type", |o: &mut Nwb| o.class().to_string());
    engine.register_get("data", |o: &mut Nwb| -> R<Array> {
        let Value::List(items) = o.series("data")?.data_value() else { return Ok(Array::new()) };
        Ok(items.iter().map(super::value::to_dynamic).collect())
    });
    engine.register_get("timestamps", |o: &mut Nwb| -> R<Array> {
        Ok(o.series("timestamps")?.timestamps.iter().map(|&t| Dynamic::from_float(t)).collect())
    });
    engine.register_get("description", |o: &mut Nwb| -> R<String> { Ok(o.series("description")?.description.clone()) });
    engine.register_get("comments", |o: &mut Nwb| -> R<String> { Ok(o.series("comments")?.comments.clone()) });
    engine.register_get("unit", |o: &mut Nwb| -> R<String> { Ok(o.series("unit")?.unit.clone()) });
    engine.register_get("conversion", |o: &mut Nwb| -> R<f64> { Ok(o.series("conversion")?.conversion) });
    // Series with explicit timestamps have no rate.
    engine.register_get("rate", |o: &mut Nwb| -> R<()> { o.series("rate").map(|_| ()) });
    engine.register_get("reference_frame", |o: &mut Nwb| -> R<String> {
        match o.series("reference_frame")? {
            s if s.kind == SeriesType::SpatialSeries => Ok(s.reference_frame.clone().unwrap_or_default()),
            s => Err(no_attribute(s.kind.name(), "reference_frame")),
        }
    });
    for field in ["spatial_series", "time_series", "electrical_series"] {
        engine.register_get(field, move |o: &mut Nwb| -> R<Map> {
            match &*o.object {
                NwbObject::Container(c) if c.kind.field() == field => Ok(c
                    .series
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (s.name.as_str().into(), Dynamic::from(o.child(s, i))))
                    .collect()),
                _ => Err(no_attribute(o.class(), field)),
            }
        });
    }
    for getter in ["get_spatial_series", "get_timeseries", "get_electrical_series"] {
        let get = move |o: &Nwb, name: Option<&str>| -> R<Nwb> {
            match &*o.object {
                NwbObject::Container(c) if c.getter() == getter => {
                    let s = c.get(name).map_err(throw)?;
                    let i = c.series.iter().position(|x| x.name == s.name).unwrap_or(0);
                    Ok(o.child(s, i))
                }
                _ => Err(no_attribute(o.class(), getter)),
            }
        };
        engine.register_fn(getter, move |o: &mut Nwb| get(o, None));
        engine.register_fn(getter, move |o: &mut Nwb, name: &str| get(o, Some(name)));
    }
}

/// `import "sandbox/nwb" as nwb;`: for scenario build scripts, the objects a pipeline's `make`
/// would have written, stored in a file of the world's file store. Not Spyglass: learners have
/// no reason to import it.
pub fn module(host: &Shared) -> Module {
    let mut m = Module::new();
    let h = host.clone();
    // trodes_position(file, valid_times, #{rate, samples, leds}) → the three object ids.
    m.set_native_fn("trodes_position", move |file: &str, valid: Array, opts: Map| -> R<Map> {
        let (rate, samples) = (number(&opts, "rate", 30.0)?, number(&opts, "samples", 300.0)? as usize);
        let two_leds = number(&opts, "leds", 2.0)? >= 2.0;
        let times = crate::spyglass::synthetic::sample_times(&intervals(&valid)?, rate, samples).map_err(throw)?;
        let objects = crate::spyglass::synthetic::trodes_position(&times, two_leds, file);
        let world = &h.server.borrow().world;
        let mut ids = Map::new();
        for (field, object) in ["position", "orientation", "velocity"].into_iter().zip(&objects) {
            let NwbObject::Container(c) = object else { continue };
            let id = analysis::store_object(world, file, &c.name, object).map_err(throw)?;
            ids.insert(format!("{field}_object_id").into(), id.into());
        }
        Ok(ids)
    });
    let h = host.clone();
    // lfp(file, valid_times, #{rate, samples, electrodes, name, description}) → the object id.
    m.set_native_fn("lfp", move |file: &str, valid: Array, opts: Map| -> R<String> {
        let (rate, samples) = (number(&opts, "rate", 1000.0)?, number(&opts, "samples", 400.0)? as usize);
        let electrodes = number(&opts, "electrodes", 4.0)? as usize;
        let text = |k: &str, default: &str| opts.get(k).map_or(default.to_string(), |v| v.to_string());
        let (name, description) = (text("name", "filtered data"), text("description", "filtered data"));
        let times = crate::spyglass::synthetic::sample_times(&intervals(&valid)?, rate, samples).map_err(throw)?;
        let object = crate::spyglass::synthetic::lfp(&times, electrodes, &name, &description, file);
        analysis::store_object(&h.server.borrow().world, file, &name, &object).map_err(throw)
    });
    m
}

fn number(opts: &Map, key: &str, default: f64) -> R<f64> {
    match opts.get(key) {
        None => Ok(default),
        Some(v) => v
            .as_float()
            .or_else(|_| v.as_int().map(|i| i as f64))
            .map_err(|_| throw(Error::new(Kind::TypeError, format!("{key} must be a number")))),
    }
}

/// `valid_times` as fetched: `[[start, stop], ...]`.
fn intervals(valid: &Array) -> R<Vec<(f64, f64)>> {
    let bad = || throw(Error::new(Kind::TypeError, "valid_times must be a list of [start, stop] pairs"));
    valid
        .iter()
        .map(|pair| match super::value::to_value(pair) {
            Value::List(p) => match p.as_slice() {
                [a, b] => Ok((seconds(a).ok_or_else(bad)?, seconds(b).ok_or_else(bad)?)),
                _ => Err(bad()),
            },
            _ => Err(bad()),
        })
        .collect()
}

fn seconds(v: &Value) -> Option<f64> {
    match v {
        Value::Float(x) => Some(*x),
        Value::Int(i) => Some(*i as f64),
        _ => None,
    }
}
