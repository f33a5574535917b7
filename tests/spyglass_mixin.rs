//! The Spyglass layer on the engine: AnalysisNwbfile's file names, objects and fetch_nwb.

use djsandbox::engine::{Value, World};
use djsandbox::spyglass::analysis;

#[test]
fn analysis_files_are_named_like_spyglass_and_hold_objects() {
    let world = World::in_memory().unwrap();
    let mut rng = fastrand::Rng::with_seed(7);
    let name = analysis::create(&world, "minirec20230622_.nwb", &mut rng).unwrap();
    // `{stem}{10 of [A-Z0-9]}.nwb`, as `__get_new_file_name`.
    let suffix = name.strip_prefix("minirec20230622_").unwrap().strip_suffix(".nwb").unwrap();
    assert_eq!(suffix.len(), 10);
    assert!(suffix.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()));
    assert_eq!(analysis::abs_path("/base/analysis", &name), format!("/base/analysis/minirec20230622/{name}"));
    let obj = Value::List(vec![Value::Int(1), Value::Int(2)]);
    let id = analysis::add_nwb_object(&world, &name, &obj, Some("pos"), "/a", &mut rng).unwrap();
    assert_eq!(id.len(), 36);
    assert_eq!(analysis::object(&world, &id).unwrap(), Some(obj.clone()));
    let dup = analysis::add_nwb_object(&world, &name, &obj, Some("pos"), "/a", &mut rng).unwrap_err();
    assert_eq!(dup.kind.name(), "ValueError");
    assert!(dup.message.starts_with(&format!("Object with name 'pos' already exists in {name}.")));
    let missing = analysis::add_nwb_object(&world, "nope.nwb", &obj, None, "/a", &mut rng).unwrap_err();
    assert_eq!(missing.kind.name(), "FileNotFoundError");
}
