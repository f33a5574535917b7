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

#[test]
fn stored_nwb_objects_come_back_as_tagged_values_under_stable_ids() {
    use djsandbox::engine::nwb::NwbObject;
    use djsandbox::spyglass::synthetic;
    let world = World::in_memory().unwrap();
    let times = synthetic::sample_times(&[(100.0, 200.0)], 30.0, 5).unwrap();
    let objects = synthetic::trodes_position(&times, true, "f.nwb");
    let id = analysis::store_object(&world, "f.nwb", "Position", &objects[0]).unwrap();
    // a uuid4, the same for the same file and name in any world
    assert_eq!((id.len(), &id[14..15]), (36, "4"));
    assert_eq!(id, analysis::store_object(&World::in_memory().unwrap(), "f.nwb", "Position", &objects[0]).unwrap());
    let stored = analysis::object(&world, &id).unwrap().unwrap();
    assert_eq!(stored, objects[0].to_value());
    assert_eq!(NwbObject::from_value(&stored).unwrap().unwrap(), objects[0]);
    // one name per file
    let again = analysis::store_object(&world, "f.nwb", "Position", &objects[1]).unwrap_err();
    assert_eq!(again.kind.name(), "ValueError");
    // plain values still round-trip as before
    let mut rng = fastrand::Rng::with_seed(1);
    let name = analysis::create(&world, "f.nwb", &mut rng).unwrap();
    let plain = Value::List(vec![Value::Float(0.5)]);
    let pid = analysis::add_nwb_object(&world, &name, &plain, None, "/a", &mut rng).unwrap();
    assert_eq!(analysis::object(&world, &pid).unwrap(), Some(plain));
}
