//! The workshop world's build scripts (`scenarios/workshop/build/NN_*.rhai`) run in order as the
//! admin user and build Spyglass's tables with Spyglass's own definitions and the demo lab's rows.
//! The expected texts below were checked against the oracle (Spyglass 0.6.0 on MariaDB): the
//! `describe()` of Session (FK names as a script that names the classes directly sees them), the
//! merge ids of the demo LFP and position entries, and the join errors of the notebook's
//! exercises.

use std::path::Path;

use assert_cmd::Command;

/// The build scripts in order, after the admin login the scenario loader provides.
fn build_script() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/workshop/build");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rhai"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "build scripts: {files:?}");
    let mut script =
        String::from("dj.config[\"database.user\"] = \"root\";\ndj.config[\"database.password\"] = \"root\";\n");
    for f in files {
        script.push_str(&std::fs::read_to_string(&f).unwrap());
        script.push('\n');
    }
    script
}

/// Runs the build plus `checks`; returns stdout (and fails on a non-zero exit, showing stderr).
fn run_world(checks: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workshop.rhai");
    std::fs::write(&path, build_script() + checks).unwrap();
    // The workshop scenario's accounts without its build (this test runs the build itself, so
    // that its variables are the checks' names) ...
    let toml = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/workshop/scenario.toml"))
        .unwrap();
    let start = toml.find("build = [").unwrap();
    let end = start + toml[start..].find(']').unwrap() + 1;
    let accounts_only = format!("{}build = []{}", &toml[..start], &toml[end..]);
    // nor its variant world (whose scripts are not copied)
    let accounts_only: String =
        accounts_only.lines().filter(|l| !l.starts_with("variant = ")).map(|l| l.to_string() + "\n").collect();
    let accounts_only = &accounts_only[..accounts_only.find("[modules").unwrap_or(accounts_only.len())];
    let scenarios = dir.path().join("scenarios");
    std::fs::create_dir_all(scenarios.join("workshop")).unwrap();
    std::fs::write(scenarios.join("workshop/scenario.toml"), accounts_only).unwrap();
    let output = Command::cargo_bin("djsandbox")
        .unwrap()
        .current_dir(dir.path())
        .env_remove("DJ_USER")
        .env_remove("DJ_PASS")
        .env_remove("DJ_HOST")
        .env_remove("DJSANDBOX_INTERACTIVE")
        .arg("--scenarios")
        .arg(&scenarios)
        .args(["run", "--fresh", "--timeout", "60"])
        .arg(&path)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).to_string();
    assert!(
        output.status.success(),
        "exit {:?}\nstdout:\n{stdout}\nstderr:\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

#[test]
fn workshop_world_builds_spyglass_tables_with_the_demo_lab() {
    let out = run_world(
        r#"
print("subjects " + len(Subject) + ", sessions " + len(Session) + ", nwb files " + len(Nwbfile) + ", intervals " + len(IntervalList));
print("electrode groups " + len(ElectrodeGroup) + ", electrodes " + len(Electrode) + ", analysis files " + len(AnalysisNwbfile));
print("LFPV1 " + len(LFPV1) + ", LFPOutput " + len(LFPOutput) + ", TrodesPosV1 " + len(TrodesPosV1) + ", PositionOutput " + len(PositionOutput));
print("SpikeSorterParameters " + len(SpikeSorterParameters) + ", SpikeSorting " + len(SpikeSorting) + ", CurationV1 " + len(CurationV1) + ", SpikeSortingOutput " + len(SpikeSortingOutput));
let d = Session.describe();
print(Session.heading.names);
print(Session.full_table_name + " " + LFPOutput.LFPV1.full_table_name + " " + LFPV1.full_table_name);
print((LFPOutput.LFPV1 & #{nwb_file_name: "minirec20230622_.nwb", lfp_electrode_group_name: "test"}).fetch1("merge_id"));
print((PositionOutput.TrodesPosV1 & #{nwb_file_name: "minirec20230622_.nwb", trodes_pos_params_name: "default"}).fetch1("merge_id"));
"#,
    );
    let session = "# Table for holding experimental sessions.\n-> Nwbfile\n---\n-> [nullable] Subject\n\
                   -> [nullable] Institution\n-> [nullable] Lab\nsession_id=null      : varchar(200)                 \n\
                   session_description  : varchar(2000)                \nsession_start_time   : datetime                     \n\
                   timestamps_reference_time : datetime                     \n\
                   experiment_description=null : varchar(2000)                ";
    let expected = format!(
        "subjects 5, sessions 5, nwb files 5, intervals 30\n\
         electrode groups 9, electrodes 40, analysis files 25\n\
         LFPV1 5, LFPOutput 6, TrodesPosV1 6, PositionOutput 6\n\
         SpikeSorterParameters 22, SpikeSorting 6, CurationV1 10, SpikeSortingOutput 10\n\
         {session}\n\
         [\"nwb_file_name\", \"subject_id\", \"institution_name\", \"lab_name\", \"session_id\", \"session_description\", \
         \"session_start_time\", \"timestamps_reference_time\", \"experiment_description\"]\n\
         `common_session`.`_session` `lfp_merge`.`l_f_p_output__l_f_p_v1` `lfp_v1`.`__l_f_p_v1`\n\
         1b37c6a9-61eb-9f7c-c974-664a62993f8e\n\
         cd92af41-8e1d-5a00-d337-4bf57b79e7a4\n"
    );
    assert_eq!(out, expected);
}

#[test]
fn workshop_notebook_queries_have_answers() {
    let out = run_world(
        r#"
print((Session & "session_start_time > '2024-01-01'").fetch("nwb_file_name"));
print((Subject & #{species: "Mus musculus"}).fetch("subject_id"));
print((Subject & `description LIKE "%mock%"`).fetch("subject_id"));
print(len((SpikeSorterParameters & "sorter LIKE 'clust%'") * SpikeSortingSelection * SpikeSorting.proj() * CurationV1));
print(len(SpikeSorting.proj() * CurationV1));
print((Subject * Session).fetch("subject_id", #{order_by: "session_start_time DESC", limit: 2}));
print(len(LFPElectrodeGroup.aggr(LFPElectrodeGroup.LFPElectrode, #{count: "count(*)"})));
print((Subject.aggr(Session, #{n: "count(*)"}) & "n > 1").fetch("subject_id"));
print(len(ElectrodeGroup.aggr(Electrode.proj(), #{n_electrodes: "count(*)"})));
print(len(IntervalList & `interval_list_name LIKE "pos%"`));
print(dj.conn().query("SELECT nwb_file_name FROM `common_nwbfile`.`nwbfile` WHERE nwb_file_name LIKE 'minirec%%'").fetchall());
print(len(CurationV1 * SpikeSortingSelection * Session & `subject_id LIKE "%mango%"`));
try { SpikeSorting * CurationV1; } catch (e) { print(e.kind + ": " + e.message); }
try { ElectrodeGroup.aggr(Electrode, #{n_electrodes: "count(*)"}); } catch (e) { print(e.kind + ": " + e.message); }
"#,
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[..12],
        [
            r#"["mango20240312_.nwb", "minirec20240115_.nwb", "pumpkin20240408_.nwb"]"#,
            r#"["kiwi", "mango", "papaya"]"#,
            r#"["mango", "papaya"]"#,
            "7",
            "10",
            r#"["pumpkin", "mango"]"#,
            "6",
            r#"["54321", "pumpkin"]"#,
            "9",
            "10",
            r#"[["minirec20230622_.nwb"], ["minirec20240115_.nwb"]]"#,
            "4",
        ]
    );
    // Real DataJoint names one shared secondary attribute, picked in Python's (hash-randomized)
    // set order: the oracle names either of these from run to run.
    let dependent = |line: &str, names: &[&str]| {
        let prefix = "DataJointError: Cannot join query expressions on dependent attribute `";
        let name = line.strip_prefix(prefix).and_then(|r| r.strip_suffix('`'));
        assert!(name.is_some_and(|n| names.contains(&n)), "{line}");
    };
    dependent(lines[12], &["analysis_file_name", "object_id"]);
    dependent(lines[13], &["probe_id", "region_id"]);
    assert_eq!(lines.len(), 14, "{out}");
}
