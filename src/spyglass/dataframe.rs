//! `fetch1_dataframe` (Spyglass 0.6.0) over the NWB objects of the file store: TrodesPosV1's
//! position table (`IntervalPositionInfo._data_to_df`), LFPV1's and the legacy LFP's voltages,
//! and the merge tables LFPOutput and PositionOutput, which read their one entry's source.

use super::analysis;
use super::merge::{self, Level, Notes};
use crate::engine::declare::naming::to_camel_case;
use crate::engine::frame::{Dtype, Frame};
use crate::engine::nwb::{Container, NwbObject, Series};
use crate::engine::preview::Display;
use crate::engine::{Error, FetchSpec, Kind, Query, Restriction, Result, TableName, Value, World};

/// The Spyglass classes of the world that define `fetch1_dataframe`.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Class {
    /// `TrodesPosV1`.
    TrodesPos,
    /// `LFPV1`, and the legacy `common_ephys.LFP` (the same method).
    Lfp,
    /// `LFPOutput`.
    LfpMerge,
    /// `PositionOutput`.
    PositionMerge,
    /// `RawPosition` and its `PosObject`: raw data the world does not hold.
    RawPosition,
}

fn class_of(t: &TableName) -> Option<Class> {
    Some(match (t.database.as_str(), t.table.as_str()) {
        ("position_v1_trodes_position", "__trodes_pos_v1") => Class::TrodesPos,
        ("lfp_v1", "__l_f_p_v1") | ("common_ephys", "_l_f_p") => Class::Lfp,
        ("lfp_merge", "l_f_p_output") => Class::LfpMerge,
        ("position_merge", "position_output") => Class::PositionMerge,
        ("common_behav", "_raw_position" | "_raw_position__pos_object") => Class::RawPosition,
        _ => return None,
    })
}

/// `PositionOutput`'s module-level `source_class_dict`: the classes its parts may point at.
const POSITION_SOURCES: &[&str] =
    &["IntervalPositionInfo", "DLCPosV1", "TrodesPosV1", "ImportedPose", "DLCPoseEstimation"];

/// What a call needs besides the query: where analysis files live, how previews print (in
/// merge errors), and where Spyglass's log lines go.
pub struct Context<'a> {
    /// Spyglass's analysis directory.
    pub analysis_dir: &'a str,
    /// Preview settings.
    pub display: Display,
    /// Log lines.
    pub notes: &'a mut Notes,
}

/// `q.fetch1_dataframe(**kwargs)` for an object of Python class `class`; a class without the
/// method (or a join, which is a plain QueryExpression) is Python's AttributeError.
/// TrodesPosV1's takes `add_frame_ind` (default True), PositionOutput's nothing, and the LFP
/// ones any keyword (`**kwargs`, unused).
pub fn fetch1_dataframe(
    world: &World,
    q: &Query,
    class: &str,
    kwargs: &[(String, Value)],
    cx: &mut Context,
) -> Result<Frame> {
    let no_method = |class: &str| no_attribute(class, "fetch1_dataframe");
    let Some((table, _)) = q.restricted_table() else { return Err(no_method("QueryExpression")) };
    let which = class_of(table);
    // Python looks the method up first: a class without it fails whatever the keywords.
    let allowed: &[&str] = if which == Some(Class::TrodesPos) { &["add_frame_ind"] } else { &[] };
    let takes_any = matches!(which, Some(Class::Lfp | Class::LfpMerge));
    if let (Some(_), false) = (which, takes_any) {
        if let Some((k, _)) = kwargs.iter().find(|(k, _)| !allowed.contains(&k.as_str())) {
            return Err(Error::new(
                Kind::TypeError,
                format!("{class}.fetch1_dataframe() got an unexpected keyword argument '{k}'"),
            ));
        }
    }
    let add_frame_ind = kwargs.iter().find(|(k, _)| k == "add_frame_ind").is_none_or(|(_, v)| truthy(v));
    match which {
        Some(Class::TrodesPos) => trodes_pos(world, q, table, add_frame_ind, cx),
        Some(Class::Lfp) => {
            ensure_single_entry(world, q, table)?;
            let rows = analysis::fetch_nwb(world, q, table, &[], cx.analysis_dir)?;
            lfp_frame(first(&rows)?)
        }
        Some(Class::LfpMerge) => {
            ensure_single_entry(world, q, table)?;
            let r = Restriction::Query(q.clone());
            let rows = merge::fetch_nwb(world, table, &r, cx.analysis_dir, cx.display, cx.notes)?;
            lfp_frame(first(&rows)?)
        }
        Some(Class::PositionMerge) => position_merge(world, q, table, cx),
        Some(Class::RawPosition) => Err(Error::new(
            Kind::NotImplementedError,
            "fetch1_dataframe: the sandbox's world holds no raw position data (use TrodesPosV1 or PositionOutput)",
        )),
        None => Err(no_method(class)),
    }
}

/// `ensure_single_entry()`, called from `fetch1_dataframe`.
fn ensure_single_entry(world: &World, q: &Query, table: &TableName) -> Result<()> {
    let n = world.len(q)?;
    if n == 1 {
        return Ok(());
    }
    Err(Error::key_error(format!(
        "Please restrict {} to 1 entry when calling fetch1_dataframe(). Found {n} entries",
        table.full()
    )))
}

/// `TrodesPosV1.fetch1_dataframe`: frame indices are dropped (with a warning) for upsampled
/// parameters, then `_data_to_df(fetch_nwb()[0], prefix="")`.
fn trodes_pos(world: &World, q: &Query, table: &TableName, add_frame_ind: bool, cx: &mut Context) -> Result<Frame> {
    ensure_single_entry(world, q, table)?;
    let spec = FetchSpec { attrs: vec!["trodes_pos_params_name".into()], ..FetchSpec::default() };
    let name = world.fetch(q, &spec)?.rows.remove(0).remove(0);
    let params_table = TableName::new(&table.database, "trodes_pos_params");
    let params_q = world
        .restrict(&world.query(&params_table)?, &Restriction::Map(vec![("trodes_pos_params_name".into(), name)]))?;
    let params = world.fetch1(&params_q, &["params".to_string()])?.rows.remove(0).remove(0);
    let mut add_frame_ind = add_frame_ind;
    if add_frame_ind {
        let upsampled = match &params {
            Value::Map(m) => m.get("is_upsampled").cloned().ok_or_else(|| Error::key_error("is_upsampled"))?,
            _ => Value::Null,
        };
        if truthy(&upsampled) {
            let text = "Upsampled position data, frame indices are invalid. Setting add_frame_ind=False";
            merge::note(cx.notes, Level::Warning, text);
            add_frame_ind = false;
        }
    }
    let rows = analysis::fetch_nwb(world, q, table, &[], cx.analysis_dir)?;
    data_to_df(first(&rows)?, add_frame_ind)
}

/// `_data_to_df(data, prefix="", add_frame_ind)`: position x/y, orientation, velocity x/y and
/// speed side by side, indexed by the position's timestamps; `video_frame_ind` first if asked.
fn data_to_df(rec: &[(String, Value)], add_frame_ind: bool) -> Result<Frame> {
    let position = container(rec, "position", "get_spatial_series")?.get(None)?.clone();
    let orientation = container(rec, "orientation", "get_spatial_series")?.get(None)?.clone();
    let velocity = container(rec, "velocity", "time_series")?;
    let speed = named(&velocity, "velocity")?;
    let parts = [&position, &orientation, speed];
    let n = position.len();
    if let Some((i, p)) = parts.iter().enumerate().find(|(_, p)| p.len() != n) {
        return Err(Error::new(
            Kind::ValueError,
            format!(
                "all the input array dimensions except for the concatenation axis must match exactly, but along \
                 dimension 0, the array at index 0 has size {n} and the array at index {i} has size {}",
                p.len()
            ),
        ));
    }
    let width: usize = parts.iter().map(|p| p.width.unwrap_or(1)).sum();
    const COLUMNS: [&str; 6] = ["position_x", "position_y", "orientation", "velocity_x", "velocity_y", "speed"];
    if width != COLUMNS.len() {
        return Err(Error::new(
            Kind::ValueError,
            format!("Shape of passed values is ({n}, {width}), indices imply ({n}, {})", COLUMNS.len()),
        ));
    }
    let values: Vec<f64> = (0..n).flat_map(|i| parts.iter().flat_map(move |p| p.row(i).iter().copied())).collect();
    let mut columns: Vec<(Value, Dtype, Vec<Value>)> = COLUMNS
        .iter()
        .enumerate()
        .map(|(c, name)| {
            (Value::from(*name), Dtype::Float, (0..n).map(|i| Value::Float(values[i * width + c])).collect())
        })
        .collect();
    if add_frame_ind {
        let frames = named(&velocity, "video_frame_ind")?;
        let ints = frames.data.iter().map(|&x| Value::Int(x as i64)).collect();
        columns.insert(0, (Value::from("video_frame_ind"), Dtype::Int, ints));
    }
    Frame::with_index("time", position.timestamps.iter().map(|&t| Value::Float(t)).collect(), columns)
}

/// `pd.DataFrame(nwb["lfp"].data, index=pd.Index(nwb["lfp"].timestamps, name="time"))`: one
/// numbered column per electrode.
fn lfp_frame(rec: &[(String, Value)]) -> Result<Frame> {
    let es = match object(rec, "lfp", "data")? {
        NwbObject::Series(s) => s,
        NwbObject::Container(c) => return Err(no_attribute(c.kind.name(), "data")),
    };
    let width = es.width.unwrap_or(1);
    let dtype = if es.dtype.is_int() { Dtype::Int } else { Dtype::Float };
    let columns = (0..width)
        .map(|c| (Value::Int(c as i64), dtype, (0..es.len()).map(|i| es.value(es.row(i)[c])).collect()))
        .collect();
    Frame::with_index("time", es.timestamps.iter().map(|&t| Value::Float(t)).collect(), columns)
}

/// `PositionOutput.fetch1_dataframe`: the entries' keys from `merge_restrict(self.proj())`, their
/// one source from `merge_get_parent`, and that class's `fetch1_dataframe` on those keys.
fn position_merge(world: &World, q: &Query, master: &TableName, cx: &mut Context) -> Result<Frame> {
    let own = Restriction::Query(world.proj(q, &[], &[])?);
    let Some(union) = merge::merge_repr(world, master, &own, cx.notes)? else {
        return Err(no_attribute("NoneType", "proj"));
    };
    let key = world.proj(&union, &[], &[])?;
    let (parent, _) = merge::get_parent(world, master, &own, false, false, true, cx.display)?.remove(0);
    let class = to_camel_case(&parent.table);
    if !POSITION_SOURCES.contains(&class.as_str()) {
        return Err(Error::key_error(class));
    }
    let query = world.restrict(&world.query(&parent)?, &Restriction::Query(key))?;
    fetch1_dataframe(world, &query, &class, &[], cx)
}

/// `fetch_nwb()[0]`.
fn first(rows: &[Vec<(String, Value)>]) -> Result<&[(String, Value)]> {
    rows.first().map(Vec::as_slice).ok_or_else(|| Error::new(Kind::IndexError, "list index out of range"))
}

/// `data[name]` as an NWB object; `attribute` is what the caller reads from it (for the
/// AttributeError a stored non-object gives).
fn object(rec: &[(String, Value)], name: &str, attribute: &str) -> Result<NwbObject> {
    let v = rec.iter().find(|(k, _)| k == name).map(|(_, v)| v).ok_or_else(|| Error::key_error(name))?;
    match NwbObject::from_value(v) {
        Some(parsed) => parsed,
        None => Err(no_attribute(crate::engine::py::value_type_name(v), attribute)),
    }
}

fn container(rec: &[(String, Value)], name: &str, attribute: &str) -> Result<Container> {
    match object(rec, name, attribute)? {
        NwbObject::Container(c) => Ok(c),
        NwbObject::Series(s) => Err(no_attribute(s.kind.name(), attribute)),
    }
}

/// `container.time_series[name]`.
fn named<'a>(c: &'a Container, name: &str) -> Result<&'a Series> {
    c.series.iter().find(|s| s.name == name).ok_or_else(|| Error::key_error(name))
}

/// Python's `bool(value)`.
fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Int(i) => *i != 0,
        Value::Float(x) => *x != 0.0,
        Value::Str(s) => !s.is_empty(),
        Value::Bytes(b) => !b.is_empty(),
        Value::List(l) => !l.is_empty(),
        Value::Map(m) => !m.is_empty(),
    }
}

fn no_attribute(class: &str, attribute: &str) -> Error {
    Error::new(Kind::AttributeError, format!("'{class}' object has no attribute '{attribute}'"))
}
