//! How fast the learner's first contact is: `djsandbox list` as a whole process, the terminal
//! UI's start to first frame (load the exercise set and progress, build the state, draw the home
//! screen) and one frame of each screen at 120×40 on ratatui's TestBackend. Targets: list
//! ≤ 20 ms, first frame ≤ 100 ms, a frame ≤ 2 ms. Run with `cargo bench --bench tui`.

use std::time::{Duration, Instant};

use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;

use djsandbox::course::shell::Reply;
use djsandbox::course::{workspace, ExerciseSet, Exercises, Progress};
use djsandbox::engine::diagram::Diagram;
use djsandbox::scenario::{Scenario, Scenarios, WORKSHOP};
use djsandbox::tui::app::{App, Msg};
use djsandbox::tui::theme::Theme;
use djsandbox::tui::update::update;
use djsandbox::tui::view::view;

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn key(app: &mut App, code: KeyCode) {
    update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    workspace::init(&ExerciseSet::load(Exercises::Embedded).unwrap(), dir.path()).unwrap();
    let mut first = Vec::new();
    for _ in 0..20 {
        let start = Instant::now();
        let set = ExerciseSet::load(Exercises::Embedded).unwrap();
        let (progress, _) = Progress::load(dir.path()).unwrap();
        let app = App::new(set, progress, dir.path().to_path_buf(), Theme::from_env()).unwrap();
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        terminal.draw(|f| view(&app, f)).unwrap();
        first.push(start.elapsed());
    }
    let list: Vec<Duration> = (0..20)
        .map(|_| {
            let start = Instant::now();
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_djsandbox"))
                .arg("--workspace")
                .arg(dir.path())
                .arg("list")
                .output()
                .unwrap();
            assert!(out.status.success());
            start.elapsed()
        })
        .collect();
    println!("start-up:");
    println!("  djsandbox list         {:>10.2?}   (target ≤ 20 ms; the whole process)", median(list));
    println!("  UI start to first frame{:>10.2?}   (target ≤ 100 ms)", median(first));
    println!("terminal UI:");

    let scenario = Scenario::load(&Scenarios::Embedded, WORKSHOP).unwrap();
    let world = scenario.world().unwrap();
    let session = world.tables_in("common_session");
    let diagram = Diagram::of_table(&world, &session[0]).unwrap().expand_up(1).expand_down(1);
    let set = ExerciseSet::load(Exercises::Embedded).unwrap();
    let mut app = App::new(set, Progress::default(), dir.path().to_path_buf(), Theme::from_env()).unwrap();
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut frame = |app: &App, name: &str| {
        let runs: Vec<Duration> = (0..200)
            .map(|_| {
                let start = Instant::now();
                terminal.draw(|f| view(app, f)).unwrap();
                start.elapsed()
            })
            .collect();
        println!("  frame: {name:<15} {:>10.2?}   (target ≤ 2 ms)", median(runs));
    };
    frame(&app, "home");
    key(&mut app, KeyCode::Enter);
    frame(&app, "exercise");
    key(&mut app, KeyCode::Char('l'));
    frame(&app, "lesson");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('s'));
    key(&mut app, KeyCode::Char('d'));
    key(&mut app, KeyCode::Enter);
    update(&mut app, Msg::Replied(Reply { diagram: Some(diagram), ..Reply::default() }));
    frame(&app, "shell");
    update(&mut app, Msg::Key(KeyEvent::new(KeyCode::Char('g'), KeyModifiers::CONTROL)));
    frame(&app, "diagram");
}
