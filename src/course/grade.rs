//! Grading an exercise: in a fresh world of its scenario (and again in the scenario's variant
//! world, so hard-coded answers fail), run the setup, then the learner's file, then the check
//! script; the reference solution runs the same way in a world of its own, for comparison.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::time::Duration;

use super::check::{self, CheckResult};
use super::error::CourseError;
use super::hints;
use super::run::{run, save_learner_config, As, Run};
use super::set::{Exercise, ExerciseSet};
use crate::engine::World;
use crate::scenario::{Scenario, Scenarios};
use crate::script::{is_limit_error, Interpreter, Limits};
use crate::server::Server;

/// An exercise's grade.
#[derive(Debug, Clone, PartialEq)]
pub struct Grade {
    /// The exercise.
    pub id: String,
    /// Every check, in order (a variant-world failure replaces the check's pass).
    pub checks: Vec<CheckResult>,
    /// What the learner's script printed (in the scenario's own world).
    pub output: Vec<String>,
    /// How it ended, when it failed: the traceback's tail.
    pub error: Option<String>,
    /// Targeted hints that fired.
    pub hints: Vec<String>,
}

impl Grade {
    /// Did every check pass (and was there at least one)?
    pub fn passed(&self) -> bool {
        !self.checks.is_empty() && self.checks.iter().all(|c| c.passed)
    }
}

/// Grades exercises, loading each scenario once and setting up each exercise's world once.
pub struct Grader {
    scenarios: Scenarios,
    loaded: RefCell<HashMap<String, Rc<Scenario>>>,
    set_up: RefCell<HashMap<(String, bool), Rc<SetUp>>>,
    references: RefCell<HashMap<(String, bool), Rc<Reference>>>,
    limits: Limits,
}

/// The reference solution's run: the check's `reference` map, the world it left, and its
/// scratch directory (kept while the grader lives, for `reference_file`).
struct Reference {
    map: rhai::Dynamic,
    /// How it ended, when it failed (an exercise built on it cannot be set up).
    failed: Option<String>,
    /// The world and files it left.
    left: SetUp,
    scratch: tempfile::TempDir,
}

/// A world and the files left in the scratch directory beside it: an exercise's after its
/// setup, or a reference run's.
struct SetUp {
    image: crate::engine::image::Image,
    files: Vec<(std::ffi::OsString, Vec<u8>)>,
}

/// The name of the check the grader adds when a script hits a limit.
pub const WITHIN_LIMITS: &str = "runs within the limits";

impl Grader {
    /// A grader over `scenarios`; learner scripts get 5 s of wall clock each.
    pub fn new(scenarios: Scenarios) -> Grader {
        let limits = Limits { time: Duration::from_secs(5), ..Limits::default() };
        Grader {
            scenarios,
            loaded: RefCell::new(HashMap::new()),
            set_up: RefCell::new(HashMap::new()),
            references: RefCell::new(HashMap::new()),
            limits,
        }
    }

    fn scenario(&self, name: &str) -> Result<Rc<Scenario>, CourseError> {
        if let Some(s) = self.loaded.borrow().get(name) {
            return Ok(s.clone());
        }
        let s = Rc::new(Scenario::load(&self.scenarios, name)?);
        self.loaded.borrow_mut().insert(name.to_string(), s.clone());
        Ok(s)
    }

    /// Grade `learner` (the text of the learner's file) for exercise `ex`.
    pub fn grade(&self, set: &ExerciseSet, ex: &Exercise, learner: &str) -> Result<Grade, CourseError> {
        // A file saved with Windows line ends is the same program, and its checks see it so.
        let learner = &*crate::script::universal_newlines(learner);
        let scenario = self.scenario(&ex.meta.scenario)?;
        let main = self.grade_in(set, ex, &scenario, false, learner)?;
        let mut grade = main.clone();
        // The variant world is there to catch answers that pass only by being typed in: an
        // exercise already failing in the scenario's own world (a runaway script included) is
        // not graded again.
        if ex.meta.variant && main.passed() && !scenario.file.variant.is_empty() {
            let variant = self.grade_in(set, ex, &scenario, true, learner)?;
            for (c, v) in grade.checks.iter_mut().zip(&variant.checks) {
                if c.passed && !v.passed {
                    *c = CheckResult {
                        message: format!(
                            "{} (with other rows in the world: is an answer typed in rather than computed?)",
                            v.message
                        ),
                        ..v.clone()
                    };
                }
            }
        }
        grade.hints = hints::fired(ex, grade.error.as_deref(), &grade.checks);
        Ok(grade)
    }

    /// Grade in one world: setup, reference, learner, check.
    fn grade_in(
        &self,
        set: &ExerciseSet,
        ex: &Exercise,
        scenario: &Scenario,
        variant: bool,
        learner: &str,
    ) -> Result<Grade, CourseError> {
        let scratch = scratch_dir()?;
        let file = set.source.display(&ex.learner_file());
        let ready = self.set_up(set, ex, scenario, variant)?;
        let reference = self.reference(ex, scenario, &ready, variant)?;
        let mine = self.prepared(scenario, &ready, scratch.path(), learner, &file)?;
        let mut checks = Vec::new();
        if let Some(e) = mine.error.as_ref().filter(|e| is_limit_error(&e.kind, &e.message)) {
            checks.push(CheckResult {
                name: WITHIN_LIMITS.into(),
                passed: false,
                message: format!("{}: {}", e.kind, e.message),
                hint: None,
            });
        }
        let (output, error) = (mine.output.clone(), mine.error.as_ref().map(|e| e.traceback.clone()));
        checks.extend(self.check(ex, scenario, mine, &reference, learner, scratch.path())?);
        Ok(Grade { id: ex.id.clone(), checks, output, error, hints: Vec::new() })
    }

    /// The world and scratch files after the exercise's setup (its admin script, then earlier
    /// exercises' solutions), computed once per world and kept for the next grading.
    fn set_up(
        &self,
        set: &ExerciseSet,
        ex: &Exercise,
        scenario: &Scenario,
        variant: bool,
    ) -> Result<Rc<SetUp>, CourseError> {
        let key = (ex.id.clone(), variant);
        if let Some(done) = self.set_up.borrow().get(&key) {
            return Ok(done.clone());
        }
        let dir = scratch_dir()?;
        // One earlier exercise to build on: its reference run left the world this one starts
        // from (kept, so a chain of exercises is run once, not once per exercise).
        let earlier = match ex.meta.setup.as_slice() {
            [one] => set.exercise(one),
            _ => None,
        };
        let (world, steps) = match earlier {
            Some(dep) => {
                let dep_ready = self.set_up(set, dep, scenario, variant)?;
                let r = self.reference(dep, scenario, &dep_ready, variant)?;
                if let Some(e) = &r.failed {
                    let file = format!("{}/solution.rhai", dep.dir);
                    return Err(CourseError::Unsound { file, message: format!("the setup failed: {e}") });
                }
                write_files(dir.path(), &r.left.files)?;
                (World::from_image(&r.left.image)?, vec![ex])
            }
            None => {
                let world = match variant {
                    true => scenario.variant_world()?.map_or_else(|| scenario.world(), Ok)?,
                    false => scenario.world()?,
                };
                (world, setup_chain(set, ex))
            }
        };
        if let Some(user) = &ex.meta.connect_as {
            save_learner_config(scenario, dir.path(), user)?;
        }
        let mut server = Server::new(world, dir.path())?;
        server.set_env_defaults(scenario.file.env.clone());
        for step in steps {
            if let Some(script) = &step.setup_script {
                server = self.setup(scenario, server, As::Admin, script, &format!("{}/setup", step.dir))?;
            }
            if step.id != ex.id {
                server =
                    self.setup(scenario, server, As::Learner, &step.solution, &format!("{}/solution.rhai", step.dir))?;
            }
        }
        let done = Rc::new(SetUp { image: server.world.image()?, files: read_files(dir.path()) });
        self.set_up.borrow_mut().insert(key, done.clone());
        Ok(done)
    }

    /// The reference solution's run in the set-up world: what the check sees of it, and the
    /// world and files it left. Run once per world and kept (verify grades twice against it).
    fn reference(
        &self,
        ex: &Exercise,
        scenario: &Scenario,
        ready: &SetUp,
        variant: bool,
    ) -> Result<Rc<Reference>, CourseError> {
        let key = (ex.id.clone(), variant);
        if let Some(done) = self.references.borrow().get(&key) {
            return Ok(done.clone());
        }
        let scratch = scratch_dir()?;
        let run = self.prepared(scenario, ready, scratch.path(), &ex.solution, "solution.rhai")?;
        let done = Rc::new(Reference {
            map: check::run_map(&run, &ex.solution),
            failed: run.error.as_ref().map(|e| e.traceback.clone()),
            left: SetUp { image: run.server.world.image()?, files: read_files(scratch.path()) },
            scratch,
        });
        self.references.borrow_mut().insert(key, done.clone());
        Ok(done)
    }

    /// Run `source` in a copy of the set-up world, with the set-up files in `dir`.
    fn prepared(
        &self,
        scenario: &Scenario,
        ready: &SetUp,
        dir: &std::path::Path,
        source: &str,
        file: &str,
    ) -> Result<Run, CourseError> {
        write_files(dir, &ready.files)?;
        let mut server = Server::new(World::from_image(&ready.image)?, dir)?;
        server.set_env_defaults(scenario.file.env.clone());
        run(scenario, server, As::Learner, source, file, self.limits)
    }

    fn setup(
        &self,
        scenario: &Scenario,
        server: Server,
        who: As,
        source: &str,
        file: &str,
    ) -> Result<Server, CourseError> {
        let done = run(scenario, server, who, source, file, Limits::default())?;
        match done.error {
            None => Ok(done.server),
            Some(e) => {
                Err(CourseError::Unsound { file: file.into(), message: format!("the setup failed: {}", e.traceback) })
            }
        }
    }

    /// Run the check script on the world the learner left.
    fn check(
        &self,
        ex: &Exercise,
        scenario: &Scenario,
        mine: Run,
        reference: &Reference,
        learner: &str,
        scratch: &std::path::Path,
    ) -> Result<Vec<CheckResult>, CourseError> {
        let learner_map = check::run_map(&mine, learner);
        let mut server = mine.server;
        server.restart_client()?;
        scenario.log_in_as_admin(&mut server)?;
        let reference_world = Rc::new(World::from_image(&reference.left.image)?);
        let mut interpreter = Interpreter::new(server, Limits::default());
        interpreter.set_modules(scenario.modules.clone());
        interpreter.set_file(&format!("{}/check.rhai", ex.dir));
        let results = Rc::new(RefCell::new(Vec::new()));
        let reader = interpreter.world_reader();
        let dirs = [scratch.to_path_buf(), reference.scratch.path().to_path_buf()];
        check::register(interpreter.engine_mut(), &results, reference_world, reader, dirs);
        interpreter.define("learner", learner_map);
        interpreter.define("reference", reference.map.clone());
        if let Err(traceback) = interpreter.eval(&ex.check) {
            results.borrow_mut().push(CheckResult {
                name: "check script".into(),
                passed: false,
                message: format!("the check itself failed (tell your instructor): {traceback}"),
                hint: None,
            });
        }
        let out = results.borrow().clone();
        Ok(out)
    }
}

/// The exercises whose setup runs before `ex`, each once, in order, ending with `ex` itself.
pub fn setup_chain<'a>(set: &'a ExerciseSet, ex: &'a Exercise) -> Vec<&'a Exercise> {
    fn visit<'a>(set: &'a ExerciseSet, ex: &'a Exercise, out: &mut Vec<&'a Exercise>) {
        for id in &ex.meta.setup {
            if let Some(dep) = set.exercise(id) {
                if !out.iter().any(|e| e.id == dep.id) {
                    visit(set, dep, out);
                }
            }
        }
        if !out.iter().any(|e| e.id == ex.id) {
            out.push(ex);
        }
    }
    let mut out = Vec::new();
    visit(set, ex, &mut out);
    out
}

/// A scratch directory of its own for one run.
fn scratch_dir() -> Result<tempfile::TempDir, CourseError> {
    tempfile::tempdir().map_err(|e| CourseError::Io { path: "a scratch directory".into(), reason: e.to_string() })
}

/// The files directly in `dir`, with their contents.
fn read_files(dir: &std::path::Path) -> Vec<(std::ffi::OsString, Vec<u8>)> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .filter(|e| e.path().is_file())
                .filter_map(|e| Some((e.file_name(), std::fs::read(e.path()).ok()?)))
                .collect()
        })
        .unwrap_or_default()
}

/// Write `files` into `dir`.
fn write_files(dir: &std::path::Path, files: &[(std::ffi::OsString, Vec<u8>)]) -> Result<(), CourseError> {
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes)
            .map_err(|e| CourseError::Io { path: dir.display().to_string(), reason: e.to_string() })?;
    }
    Ok(())
}
