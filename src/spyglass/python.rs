//! Where Spyglass 0.6.0 defines the classes of a schema: the Python module a real lab imports
//! them from (`from spyglass.common.common_session import Session`). Used by `export --python`.

/// The Spyglass module that declares the tables of `database`, for the schemas the sandbox's
/// scenarios carry; `None` for a schema Spyglass does not declare.
pub fn module_path(database: &str) -> Option<String> {
    // The `common` package names each module after its schema (`common/common_session.py`
    // declares `common_session`).
    if database.starts_with("common_") {
        return Some(format!("spyglass.common.{database}"));
    }
    let path = match database {
        "lfp_v1" => "spyglass.lfp.v1.lfp",
        "lfp_merge" => "spyglass.lfp.lfp_merge",
        "lfp_electrode" => "spyglass.lfp.lfp_electrode",
        "lfp_imported" => "spyglass.lfp.lfp_imported",
        "position_merge" => "spyglass.position.position_merge",
        "position_v1_trodes_position" => "spyglass.position.v1.position_trodes_position",
        "spikesorting_v1_recording" => "spyglass.spikesorting.v1.recording",
        "spikesorting_v1_sorting" => "spyglass.spikesorting.v1.sorting",
        "spikesorting_v1_curation" => "spyglass.spikesorting.v1.curation",
        "spikesorting_merge" => "spyglass.spikesorting.spikesorting_merge",
        _ => return None,
    };
    Some(path.to_string())
}
