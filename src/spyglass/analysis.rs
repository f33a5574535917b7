//! AnalysisNwbfile (`common/common_nwbfile.py`, `utils/mixins/analysis.py`) and `fetch_nwb`
//! (`utils/mixins/fetch.py`) over a file store kept in the world: each "file" is a row naming
//! its parent NWB file, each object a stored value under a name and an object id.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::engine::nwb::NwbObject;
use crate::engine::world::internal;
use crate::engine::{Error, FetchSpec, Kind, Query, Result, TableName, Value, World};

/// `AnalysisNwbfile`'s table.
pub fn analysis_table() -> TableName {
    TableName::new("common_nwbfile", "analysis_nwbfile")
}

/// `Nwbfile`'s table.
pub fn nwbfile_table() -> TableName {
    TableName::new("common_nwbfile", "nwbfile")
}

fn ensure_store(world: &World) -> Result<()> {
    world
        .connection()
        .execute_batch(
            "CREATE TABLE IF NOT EXISTS djs_sg_file(name TEXT PRIMARY KEY, nwb_file_name TEXT NOT NULL);
             CREATE TABLE IF NOT EXISTS djs_sg_object(
                 object_id TEXT PRIMARY KEY, file TEXT NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL,
                 UNIQUE(file, name));",
        )
        .map_err(internal)
}

/// `{analysis_dir}/{name up to its last '_'}/{name}`, where Spyglass keeps the file.
pub fn abs_path(analysis_dir: &str, name: &str) -> String {
    let folder = name.rsplit_once('_').map_or(name, |(head, _)| head);
    format!("{}/{folder}/{name}", analysis_dir.trim_end_matches('/'))
}

fn file_exists(world: &World, name: &str) -> Result<bool> {
    ensure_store(world)?;
    let found: Option<i64> = world
        .connection()
        .query_row("SELECT 1 FROM djs_sg_file WHERE name=?1", [name], |r| r.get(0))
        .optional()
        .map_err(internal)?;
    Ok(found.is_some())
}

/// `AnalysisNwbfile().create(nwb_file_name)`: a new empty file named `{stem}{10 of [A-Z0-9]}.nwb`
/// (redrawn while taken). Logs `Writing new NWB file {name}`; does not add the table row.
pub fn create(world: &World, nwb_file_name: &str, rng: &mut fastrand::Rng) -> Result<String> {
    ensure_store(world)?;
    const CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    let stem = nwb_file_name.strip_suffix(".nwb").unwrap_or(nwb_file_name);
    let name = loop {
        let suffix: String = (0..10).map(|_| CHARS[rng.usize(..CHARS.len())] as char).collect();
        let name = format!("{stem}{suffix}.nwb");
        if !file_exists(world, &name)? {
            break name;
        }
    };
    world
        .connection()
        .execute("INSERT INTO djs_sg_file(name, nwb_file_name) VALUES(?1, ?2)", params![name, nwb_file_name])
        .map_err(internal)?;
    Ok(name)
}

/// A random uuid4 in canonical form, as pynwb's `object_id`.
fn uuid4(rng: &mut fastrand::Rng) -> String {
    let mut bytes = [0u8; 16];
    rng.fill(&mut bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    uuid::Uuid::from_bytes(bytes).hyphenated().to_string()
}

/// The name pynwb gives an object added without `table_name`: a table-like value is a
/// DataFrame (`pandas_table`), other arrays numpy arrays (`numpy_array`).
fn default_name(v: &Value) -> &'static str {
    match v {
        Value::List(items) if !items.iter().all(|i| matches!(i, Value::Map(_))) => "numpy_array",
        _ => "pandas_table",
    }
}

/// `add_nwb_object(analysis_file_name, obj, table_name)`: store `obj` in the file's scratch
/// space and return its object id; a name already used there is Spyglass's ValueError.
pub fn add_nwb_object(
    world: &World,
    file: &str,
    obj: &Value,
    table_name: Option<&str>,
    analysis_dir: &str,
    rng: &mut fastrand::Rng,
) -> Result<String> {
    if !file_exists(world, file)? {
        // h5py opening a file that is not there.
        return Err(Error::new(
            Kind::FileNotFoundError,
            format!("[Errno 2] No such file or directory: '{}'", abs_path(analysis_dir, file)),
        ));
    }
    let name = table_name.filter(|n| !n.is_empty()).unwrap_or_else(|| default_name(obj));
    let taken: Option<i64> = world
        .connection()
        .query_row("SELECT 1 FROM djs_sg_object WHERE file=?1 AND name=?2", params![file, name], |r| r.get(0))
        .optional()
        .map_err(internal)?;
    if taken.is_some() {
        return Err(Error::new(
            Kind::ValueError,
            format!(
                "Object with name '{name}' already exists in {file}. Please pass a different name argument to \
                 AnalysisNwbfile.add_nwb_object()."
            ),
        ));
    }
    let id = uuid4(rng);
    let json = serde_json::to_string(obj).map_err(|e| Error::new(Kind::InternalError, e.to_string()))?;
    world
        .connection()
        .execute(
            "INSERT INTO djs_sg_object(object_id, file, name, value) VALUES(?1, ?2, ?3, ?4)",
            params![id, file, name, json],
        )
        .map_err(internal)?;
    Ok(id)
}

/// How the store writes an NWB object: its own JSON (plain arrays of numbers, a third the size
/// of an engine value's), under a key no engine value's JSON starts with.
#[derive(Serialize, Deserialize)]
struct StoredNwb {
    nwb: NwbObject,
}

/// The stored object with `object_id`, if any; an NWB object comes back as its tagged value
/// ([`NwbObject::to_value`]).
pub fn object(world: &World, object_id: &str) -> Result<Option<Value>> {
    ensure_store(world)?;
    let json: Option<String> = world
        .connection()
        .query_row("SELECT value FROM djs_sg_object WHERE object_id=?1", [object_id], |r| r.get(0))
        .optional()
        .map_err(internal)?;
    let parse = |j: &str| match serde_json::from_str::<Value>(j) {
        Ok(v) => Ok(v),
        Err(_) => serde_json::from_str::<StoredNwb>(j).map(|s| s.nwb.to_value()),
    };
    json.map(|j| parse(&j).map_err(|e| Error::new(Kind::InternalError, e.to_string()))).transpose()
}

/// `store_object(file, name, obj)`: put an NWB object into a file as a pipeline's `make` (or
/// the acquisition system, for a raw file) would have written it, under a uuid4-shaped object
/// id derived from the file and the name, so a scenario's world is the same at every build.
pub fn store_object(world: &World, file: &str, name: &str, obj: &NwbObject) -> Result<String> {
    ensure_store(world)?;
    let seed = crate::engine::hash::key_hash([("file", &Value::from(file)), ("name", &Value::from(name))]);
    let mut rng = fastrand::Rng::with_seed(u64::from_str_radix(&seed[..16], 16).unwrap_or(0));
    let id = uuid4(&mut rng);
    let json = serde_json::to_string(&StoredNwb { nwb: obj.clone() })
        .map_err(|e| Error::new(Kind::InternalError, e.to_string()))?;
    world
        .connection()
        .execute(
            "INSERT INTO djs_sg_object(object_id, file, name, value) VALUES(?1, ?2, ?3, ?4)",
            params![id, file, name, json],
        )
        .map_err(|e| Error::new(Kind::ValueError, format!("cannot store '{name}' in {file}: {e}")))?;
    Ok(id)
}

/// Spyglass classes that set `_nwb_table = Nwbfile`: their objects are in the raw file.
const RAW_FILE_TABLES: &[(&str, &str)] = &[
    ("common_ephys", "_raw"),
    ("common_ephys", "_sample_count"),
    ("common_behav", "_raw_position__pos_object"),
    ("common_behav", "raw_compass_direction"),
    ("common_behav", "_state_script_file"),
    ("common_behav", "_video_file"),
    ("lfp_imported", "_imported_l_f_p"),
    ("spikesorting_imported", "_imported_spike_sorting"),
];

/// Which file table `table` loads from (`_nwb_table_tuple`): an `analysis_nwbfile` parent,
/// else the class's `_nwb_table` (Nwbfile for the ingestion tables), else a literal
/// `-> Nwbfile` in its definition; else Spyglass's NotImplementedError.
pub fn nwb_source(world: &World, table: &TableName) -> Result<(TableName, &'static str)> {
    let info = world.table_or_err(table)?;
    if let Some(p) = world.parents(table).into_iter().find(|p| p.table == "analysis_nwbfile") {
        return Ok((p, "analysis_file_abs_path"));
    }
    let raw = RAW_FILE_TABLES.contains(&(table.database.as_str(), table.table.as_str()));
    if raw || info.definition.contains("-> Nwbfile") || world.parents(table).contains(&nwbfile_table()) {
        return Ok((nwbfile_table(), "nwb_file_abs_path"));
    }
    Err(Error::new(
        Kind::NotImplementedError,
        format!("{} does not have a (Analysis)Nwbfile foreign key or _nwb_table attribute.", info.class_name),
    ))
}

/// `fetch_nwb(*attrs)`: one map per row with the asked fields (all by default) and
/// `nwb2load_filepath`; when any field names an `object_id`, the path is dropped and each
/// non-empty `*object_id*` field's object is added under the name without `_object_id`.
pub fn fetch_nwb(
    world: &World,
    q: &Query,
    table: &TableName,
    attrs: &[String],
    analysis_dir: &str,
) -> Result<Vec<Vec<(String, Value)>>> {
    let (source, _) = nwb_source(world, table)?;
    let attrs: Vec<String> = if attrs.is_empty() { q.names() } else { attrs.to_vec() };
    let spec = FetchSpec { attrs: attrs.clone(), order_by: Vec::new(), limit: None, offset: None };
    let rows = world.fetch(q, &spec)?;
    let analysis = source.table == "analysis_nwbfile";
    let file_attr = if analysis { "analysis_file_name" } else { "nwb_file_name" };
    let file_spec = FetchSpec { attrs: vec![file_attr.into()], order_by: Vec::new(), limit: None, offset: None };
    let files = world.fetch(q, &file_spec)?;
    let has_objects = attrs.iter().any(|a| a.contains("object_id"));
    let mut out = Vec::new();
    for (row, file) in rows.rows.iter().zip(&files.rows) {
        let mut rec: Vec<(String, Value)> = rows.columns.iter().cloned().zip(row.iter().cloned()).collect();
        if !has_objects {
            let name = match &file[0] {
                Value::Str(s) => s.clone(),
                other => crate::engine::py::value_str(other),
            };
            let raw = analysis_dir.rsplit_once('/').map_or("", |(base, _)| base);
            let path = if analysis { abs_path(analysis_dir, &name) } else { format!("{raw}/raw/{name}") };
            rec.push(("nwb2load_filepath".into(), Value::Str(path)));
            out.push(rec);
            continue;
        }
        let mut objects = Vec::new();
        for (k, v) in &rec {
            if let (true, Value::Str(id)) = (k.contains("object_id"), v) {
                if !id.is_empty() {
                    objects.push((k.replace("_object_id", ""), object(world, id)?.unwrap_or(Value::Null)));
                }
            }
        }
        rec.extend(objects);
        out.push(rec);
    }
    Ok(out)
}
