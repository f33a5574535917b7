//! Scenarios: the file's format and its errors, the workshop's world and accounts, modules of
//! tables for `import`, and worlds copied from a built image.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use djsandbox::scenario::{Scenario, ScenarioError, Scenarios, WORKSHOP};
use djsandbox::script::{Interpreter, Limits};

const SERVER: &str =
    "[server]\nhosts = [\"localhost\"]\nport = 3306\nversion = \"8.0.40\"\nclient_host = \"localhost\"\n";

/// A scenarios directory holding one scenario `s` with this `scenario.toml`.
fn scenarios_with(toml: &str) -> (tempfile::TempDir, Scenarios) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("s")).unwrap();
    std::fs::write(dir.path().join("s/scenario.toml"), toml).unwrap();
    let scenarios = Scenarios::Disk(dir.path().to_path_buf());
    (dir, scenarios)
}

fn load_error(toml: &str) -> String {
    let (_dir, scenarios) = scenarios_with(toml);
    match Scenario::load(&scenarios, "s").and_then(|s| s.world()) {
        Ok(_) => panic!("the scenario built"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_bad_scenario_file_is_named_with_line_and_field() {
    let toml = format!("admin = \"root\"\n{}", SERVER.replace("port = 3306", "port = \"3306\""));
    let e = load_error(&toml);
    assert!(e.contains("s/scenario.toml:4:8: field `server.port`: invalid type: string \"3306\", expected u16"), "{e}");

    let e = load_error(&format!("admin = \"root\"\n{SERVER}\n[[users]]\nname = \"root\"\npasword = \"root\"\n"));
    assert!(e.contains("scenario.toml:10:1: field `users[0].pasword`: unknown field `pasword`"), "{e}");

    let e = load_error(&format!("admin = \"root\"\n{SERVER}\n[[roles]]\nname = \"r\"\ngrants = [\"SELEKT ON *.*\"]\n"));
    assert!(e.contains("scenario.toml: roles[0].grants[0]: "), "{e}");

    let e = load_error(&format!("admin = \"nobody\"\nbuild = [\"missing.rhai\"]\n{SERVER}"));
    assert!(e.contains("s/missing.rhai: cannot read it"), "{e}");
}

#[test]
fn the_admin_must_be_a_user() {
    let (_dir, scenarios) = scenarios_with(&format!("admin = \"nobody\"\n{SERVER}"));
    let scenario = Scenario::load(&scenarios, "s").unwrap();
    let e = scenario.world().err().unwrap();
    assert!(matches!(e, ScenarioError::Rejected { ref field, .. } if field == "admin"), "{e}");
}

fn workshop() -> Scenario {
    Scenario::load(&Scenarios::Embedded, WORKSHOP).unwrap()
}

/// Run `source` as `user` on a copy of `scenario`'s world; its output and error.
fn run_as(scenario: &Scenario, user: &str, password: &str, source: &str) -> (Vec<String>, Option<String>) {
    let server = scenario.server(&std::env::temp_dir()).unwrap();
    let login =
        format!("dj.config[\"database.user\"] = \"{user}\";\ndj.config[\"database.password\"] = \"{password}\";\n");
    let mut interpreter = Interpreter::new(server, Limits::default());
    interpreter.set_modules(scenario.modules.clone());
    let error = interpreter.eval(&format!("{login}{source}")).err();
    (interpreter.take_output(), error)
}

#[test]
fn the_workshop_scenario_builds_with_its_accounts() {
    let workshop = workshop();
    let declare =
        "let T = dj.schema(\"workshop_sailor\").manual(\"T\", \"id : int\");\nT.insert1([1]);\nprint(len(T));";
    let (out, err) = run_as(&workshop, "sailor", "galley", declare);
    assert_eq!((out, err), (vec!["1".to_string()], None));
    // The copy is fresh: the sailor's schema is not in the next world.
    let (out, err) = run_as(&workshop, "root", "root", "print(dj.list_schemas().contains(\"workshop_sailor\"));");
    assert_eq!((out, err), (vec!["false".to_string()], None));
    let (_, err) = run_as(&workshop, "swab", "bilge", declare);
    let err = err.unwrap();
    assert!(err.contains("Schema `workshop_sailor` does not exist and could not be created"), "{err}");
    // Nor may a guest manage accounts.
    let (_, err) = run_as(&workshop, "swab", "bilge", "dj.conn().query(\"CREATE USER x IDENTIFIED BY 'y'\");");
    assert!(err.unwrap().contains("you need (at least one of) the CREATE USER privilege"));
    let (out, _) = run_as(&workshop, "captain", "bridge", "print(dj.conn().query(\"SELECT VERSION()\").fetchall());");
    assert_eq!(out, vec!["[[\"8.0.40\"]]".to_string()]);
}

fn tiny() -> Scenario {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    Scenario::load(&Scenarios::Disk(dir), WORKSHOP).unwrap()
}

#[test]
fn a_module_exports_the_scenarios_tables_and_their_parts() {
    let source = "import \"lab/common\" as common;\nlet Subject = common::Subject;\nprint(len(Subject));\n\
                  print(common::Session.Experimenter.fetch1(\"name\"));\n\
                  let S = dj.schema(\"lab_mine\").manual(\"Weighing\", \"-> Subject\\n---\\ngrams : float\");\n\
                  S.insert1(#{subject_id: \"rat1\", grams: 300.0});\nprint(len(Subject * S));";
    let (out, err) = run_as(&tiny(), "root", "root", source);
    assert_eq!(err, None);
    assert_eq!(out, ["2", "Ada", "1"]);
    let (_, err) = run_as(&tiny(), "guest", "guest", "import \"lab/nothing\" as x;");
    assert!(err.unwrap().contains("ModuleNotFoundError: No module named 'lab.nothing'"));
}

#[test]
fn a_module_exports_the_sandboxs_helpers_by_name() {
    let toml = format!("admin = \"root\"\n{SERVER}\n[modules.\"lab/common\"]\nInterval = \"helper:Intervals\"\n");
    let e = load_error(&toml);
    assert!(e.contains("modules.\"lab/common\".Interval"), "{e}");
    assert!(e.contains("no helper 'Intervals' (the sandbox provides: Interval)"), "{e}");
    let e = load_error(&toml.replace("Interval = \"helper:Intervals\"", "Iv = \"helper:Interval\""));
    assert!(e.contains("a helper keeps its name: Interval = \"helper:Interval\""), "{e}");
    let workshop = workshop();
    let source = "try { Interval([]); } catch (e) { print(e.kind); }\nimport \"spyglass/common\" as common;\n\
                  print(common::Interval([[0, 1]]));\nprint(Interval([[0.5, 1.0]]).times);";
    let (out, err) = run_as(&workshop, "sailor", "galley", source);
    assert_eq!(err, None);
    assert_eq!(out, ["NameError", "Interval([0 1])", "[[0.5, 1.0]]"]);
}

#[test]
fn importing_spyglass_runs_its_settings_from_the_scenarios_environment() {
    // The workshop machines' SPYGLASS_BASE_DIR: stores under it, DataJoint's filepath switch on.
    let source =
        "import \"os\" as os;\nimport \"spyglass\" as sg;\nprint(dj.config[\"stores\"][\"raw\"][\"stage\"]);\n\
                  print(os::getenv(\"DJ_SUPPORT_FILEPATH_MANAGEMENT\"));";
    let (out, err) = run_as(&workshop(), "sailor", "galley", source);
    assert_eq!((out, err), (vec!["/data/spyglass/raw".to_string(), "TRUE".to_string()], None));
    // A configured base wins, and other stores are replaced with a warning (oracle: the text).
    let source = "dj.config[\"custom\"] = #{spyglass_dirs: #{base: \"/home/me/sg\"}};\n\
                  dj.config[\"stores\"] = #{raw: #{protocol: \"file\", location: \"/old\", stage: \"/old\"}};\n\
                  import \"spyglass/common\" as common;\nprint(dj.config[\"stores\"][\"analysis\"][\"stage\"]);";
    let (out, err) = run_as(&workshop(), "sailor", "galley", source);
    let warning = "[WARNING] Spyglass: Setting config DJ stores to resolve mismatch.\n\traw     : /home/me/sg/raw\n\t\
                   analysis: /home/me/sg/analysis";
    assert_eq!((out, err), (vec![warning.to_string(), "/home/me/sg/analysis".to_string()], None));
    // Without a base anywhere, Spyglass only warns and sets nothing.
    let source = "import \"spyglass\" as sg;\ntry { dj.config[\"stores\"]; } catch (e) { print(e.kind); }";
    let (out, err) = run_as(&tiny(), "root", "root", source);
    let failed = "[WARNING] Spyglass: Failed to load SpyglassConfig. Please set up config file.";
    assert_eq!((out, err), (vec![failed.to_string(), "KeyError".to_string()], None));
}

fn cli_in(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("djsandbox").unwrap();
    cmd.current_dir(dir).env_remove("DJ_USER").env_remove("DJ_PASS").env_remove("DJ_HOST");
    cmd
}

#[test]
fn run_builds_the_persistent_world_from_the_scenarios_given() {
    let dir = tempfile::tempdir().unwrap();
    let scenarios: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let script = dir.path().join("s.rhai");
    std::fs::write(
        &script,
        "dj.config[\"database.user\"] = \"root\";\ndj.config[\"database.password\"] = \"root\";\n\
         import \"lab/common\" as common;\ncommon::Subject.insert1([\"owl1\", \"owl\"]);\nprint(len(common::Subject));\n",
    )
    .unwrap();
    let run = |fresh: bool| {
        let mut cmd = cli_in(dir.path());
        cmd.arg("--scenarios").arg(&scenarios).arg("run");
        if fresh {
            cmd.arg("--fresh");
        }
        cmd.arg(&script).assert()
    };
    run(false).success().stdout("3\n");
    assert!(dir.path().join(".djsandbox/world.sqlite").is_file());
    // The world persists between runs; a fresh one starts from the scenario again.
    run(true).success().stdout("3\n");
    run(false).failure().stderr(predicates::str::contains("DuplicateError"));
}

#[test]
fn the_workshop_file_has_the_same_accounts_as_the_server_layers_fixture() {
    use djsandbox::server::grants::Accounts;
    let built = workshop().server(&std::env::temp_dir()).unwrap().accounts;
    let mut expected = Accounts::admin_only().accounts;
    expected.extend(Accounts::workshop().accounts);
    for account in &expected {
        assert_eq!(built.find(&account.id), Some(account), "{}", account.id);
    }
    assert_eq!(built.accounts.len(), expected.len());
}

/// The workshop's variant world: the build's tables with the variant script's extra rows.
#[test]
fn the_workshop_variant_world_has_more_rows_than_the_base() {
    let scenarios = djsandbox::scenario::Scenarios::new(None);
    let scenario = djsandbox::scenario::Scenario::load(&scenarios, "workshop").unwrap();
    let base = scenario.world().unwrap();
    let variant = scenario.variant_world().unwrap().expect("workshop has a variant");
    let subject = djsandbox::engine::TableName::new("common_subject", "subject");
    let session = djsandbox::engine::TableName::new("common_session", "_session");
    assert_eq!(base.count(&subject).unwrap() + 2, variant.count(&subject).unwrap());
    assert_eq!(base.count(&session).unwrap() + 1, variant.count(&session).unwrap());
    assert_eq!(base.tables_in("common_session"), variant.tables_in("common_session"));
}
