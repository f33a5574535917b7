//! The terminal UI through its state, update and views: each screen drawn on ratatui's
//! TestBackend at 80×24 and 120×40 (insta snapshots of the text), NO_COLOR drawing no colour,
//! and the keys and messages that move between screens, grade and reveal hints.

use std::path::Path;

use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Color;
use ratatui::Terminal;

use djsandbox::course::shell::Reply;
use djsandbox::course::{CheckResult, ExerciseSet, Exercises, Grade, Progress};
use djsandbox::engine::diagram::Diagram;
use djsandbox::scenario::{Scenario, Scenarios, WORKSHOP};
use djsandbox::tui::app::{App, Effect, Msg, Screen};
use djsandbox::tui::theme::Theme;
use djsandbox::tui::update::update;
use djsandbox::tui::view::view;

fn app(workspace: &Path, mono: bool) -> App {
    let set = ExerciseSet::load(Exercises::Embedded).unwrap();
    djsandbox::course::workspace::init(&set, workspace).unwrap();
    App::new(set, Progress::default(), workspace.to_path_buf(), Theme { mono }).unwrap()
}

fn key(app: &mut App, code: KeyCode) -> Vec<Effect> {
    update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| view(app, f)).unwrap();
    terminal
}

/// The screen's text, one line a row, trailing blanks trimmed.
fn text(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let row: String = (0..buffer.area.width).map(|x| buffer[(x, y)].symbol().to_string()).collect();
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}

/// Does any cell carry a colour?
fn coloured(terminal: &Terminal<TestBackend>) -> bool {
    let buffer = terminal.backend().buffer();
    buffer.content.iter().any(|c| c.fg != Color::Reset || c.bg != Color::Reset)
}

/// A grade as the grader reports a half-done exercise.
fn failing(id: &str) -> Grade {
    Grade {
        id: id.into(),
        checks: vec![
            CheckResult { name: "host".into(), passed: true, message: String::new(), hint: None },
            CheckResult {
                name: "saved".into(),
                passed: false,
                message: "there is no dj_local_conf.json next to your script".into(),
                hint: Some("save".into()),
            },
        ],
        output: vec!["configured".into()],
        error: Some("KeyError: 'database.prefix'".into()),
        hints: vec!["The file appears only after dj.config.save_local() runs.".into()],
    }
}

fn passing(id: &str) -> Grade {
    Grade {
        id: id.into(),
        checks: vec![CheckResult { name: "saved".into(), passed: true, message: String::new(), hint: None }],
        output: Vec::new(),
        error: None,
        hints: Vec::new(),
    }
}

/// Every screen in one state each, at both sizes, colour and NO_COLOR.
fn screens(ws: &Path, mono: bool) -> Vec<(&'static str, App)> {
    let mut out = Vec::new();
    let mut home = app(ws, mono);
    home.grades.insert("connection/write_config".into(), passing("connection/write_config"));
    home.grades.insert("connection/load_and_ping".into(), failing("connection/load_and_ping"));
    home.selected = 1;
    out.push(("home", home));

    let mut exercise = app(ws, mono);
    key(&mut exercise, KeyCode::Enter);
    exercise.grading.clear();
    exercise.grades.insert("connection/write_config".into(), failing("connection/write_config"));
    key(&mut exercise, KeyCode::Char('h'));
    out.push(("exercise", exercise));

    let mut passed = app(ws, mono);
    key(&mut passed, KeyCode::Enter);
    passed.grading.clear();
    passed.grades.insert("connection/write_config".into(), passing("connection/write_config"));
    out.push(("exercise_passed", passed));

    let scenario = Scenario::load(&Scenarios::Embedded, WORKSHOP).unwrap();
    let world = scenario.world().unwrap();
    let session = world.tables_in("common_session");
    let diagram = Diagram::of_table(&world, &session[0]).unwrap().expand_up(1);
    let mut shell = app(ws, mono);
    key(&mut shell, KeyCode::Char('s'));
    for c in "dj.Diagram(Session) - 1".chars() {
        key(&mut shell, KeyCode::Char(c));
    }
    assert_eq!(key(&mut shell, KeyCode::Enter), vec![Effect::Eval("dj.Diagram(Session) - 1\n".into())]);
    update(&mut shell, Msg::Replied(Reply { diagram: Some(diagram.clone()), ..Reply::default() }));
    out.push(("shell", shell));

    let mut diagram_view = app(ws, mono);
    key(&mut diagram_view, KeyCode::Char('s'));
    for c in "d".chars() {
        key(&mut diagram_view, KeyCode::Char(c));
    }
    key(&mut diagram_view, KeyCode::Enter);
    update(&mut diagram_view, Msg::Replied(Reply { diagram: Some(diagram), ..Reply::default() }));
    update(&mut diagram_view, Msg::Key(KeyEvent::new(KeyCode::Char('g'), KeyModifiers::CONTROL)));
    assert_eq!(diagram_view.screen, Screen::Diagram);
    out.push(("diagram", diagram_view));

    let mut help = app(ws, mono);
    key(&mut help, KeyCode::Char('?'));
    out.push(("help", help));
    out
}

#[test]
fn every_screen_draws_at_80x24_and_120x40() {
    let ws = tempfile::tempdir().unwrap();
    for (name, app) in screens(ws.path(), false) {
        for (w, h) in [(80, 24), (120, 40)] {
            let terminal = draw(&app, w, h);
            // The workspace is a temporary directory: its path is not part of the snapshot.
            let screen = text(&terminal).replace(&ws.path().display().to_string(), "WORKSPACE");
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen);
            assert!(coloured(&terminal), "{name} {w}x{h} draws in colour");
        }
    }
}

#[test]
fn a_tiny_or_odd_terminal_never_breaks_a_screen() {
    let ws = tempfile::tempdir().unwrap();
    for (name, app) in screens(ws.path(), false) {
        for (w, h) in [(1, 1), (10, 3), (20, 5), (40, 10), (250, 8), (33, 70)] {
            let screen = text(&draw(&app, w, h));
            assert_eq!(screen.lines().count(), h as usize, "{name} at {w}×{h}");
        }
    }
}

#[test]
fn no_color_draws_no_colour_and_the_same_text() {
    let ws = tempfile::tempdir().unwrap();
    let colour = screens(ws.path(), false);
    for ((name, mono), (_, coloured_app)) in screens(ws.path(), true).into_iter().zip(colour) {
        for (w, h) in [(80, 24), (120, 40)] {
            let terminal = draw(&mono, w, h);
            assert!(!coloured(&terminal), "{name} {w}x{h} uses a colour under NO_COLOR");
            assert_eq!(text(&terminal), text(&draw(&coloured_app, w, h)), "{name}: the marks carry the meaning");
        }
    }
}

#[test]
fn keys_move_open_reveal_hints_and_go_back() {
    let ws = tempfile::tempdir().unwrap();
    let mut app = app(ws.path(), true);
    assert_eq!(app.screen, Screen::Home);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Up);
    assert_eq!(app.exercise().id, "connection/load_and_ping");
    // Opening grades the file as it is on disk.
    let effects = key(&mut app, KeyCode::Enter);
    let starter = std::fs::read_to_string(ws.path().join(app.exercise().learner_file())).unwrap();
    assert_eq!(effects, vec![Effect::Grade { id: "connection/load_and_ping".into(), source: starter }]);
    assert_eq!(app.screen, Screen::Exercise);
    // The text and the results scroll apart.
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char('J'));
    key(&mut app, KeyCode::Char('J'));
    key(&mut app, KeyCode::Char('K'));
    assert_eq!((app.scroll, app.results_scroll), (1, 1));
    // Hints one at a time, remembered in the progress.
    assert_eq!(key(&mut app, KeyCode::Char('h')), vec![Effect::SaveProgress]);
    assert_eq!(app.progress.of("connection/load_and_ping").hints_shown, 1);
    key(&mut app, KeyCode::Char('h'));
    assert_eq!(app.progress.of("connection/load_and_ping").hints_shown, 2);
    // n moves on only once the exercise passes; ] always.
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.exercise().id, "connection/load_and_ping");
    update(&mut app, Msg::Graded("connection/load_and_ping".into(), Ok(passing("connection/load_and_ping"))));
    assert_eq!(app.progress.of("connection/load_and_ping").status, djsandbox::course::Status::Passed);
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.exercise().id, "connection/access_denied");
    key(&mut app, KeyCode::Char('['));
    assert_eq!(app.exercise().id, "connection/load_and_ping");
    assert_eq!(
        key(&mut app, KeyCode::Char('e')),
        vec![Effect::Edit(ws.path().join("01_connection/02_load_and_ping.rhai"))]
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Home);
    assert_eq!(key(&mut app, KeyCode::Char('q')), vec![Effect::Quit]);
}

#[test]
fn the_diagram_view_grows_by_a_typed_count() {
    let ws = tempfile::tempdir().unwrap();
    let scenario = Scenario::load(&Scenarios::Embedded, WORKSHOP).unwrap();
    let world = scenario.world().unwrap();
    let session = world.tables_in("common_session");
    let start = Diagram::of_table(&world, &session[0]).unwrap();
    let mut app = app(ws.path(), true);
    key(&mut app, KeyCode::Char('s'));
    key(&mut app, KeyCode::Char('d'));
    key(&mut app, KeyCode::Enter);
    update(&mut app, Msg::Replied(Reply { diagram: Some(start.clone()), ..Reply::default() }));
    update(&mut app, Msg::Key(KeyEvent::new(KeyCode::Char('g'), KeyModifiers::CONTROL)));
    key(&mut app, KeyCode::Char('2'));
    key(&mut app, KeyCode::Char('-'));
    key(&mut app, KeyCode::Char('+'));
    let state = app.diagram.as_ref().unwrap();
    assert_eq!(state.diagram.nodes_to_show(), start.expand_up(2).expand_down(1).nodes_to_show());
    assert_eq!(state.title, "d - 2 + 1");
}

#[test]
fn a_saved_exercise_file_is_graded_again_and_other_files_are_not() {
    let ws = tempfile::tempdir().unwrap();
    let mut app = app(ws.path(), true);
    let file = ws.path().join("02_schema/01_declare.rhai");
    std::fs::write(&file, "// mine\n").unwrap();
    assert_eq!(
        update(&mut app, Msg::Saved(file)),
        vec![Effect::Grade { id: "schema/declare".into(), source: "// mine\n".into() }]
    );
    assert_eq!(app.grading, ["schema/declare"]);
    assert!(update(&mut app, Msg::Saved(ws.path().join("notes.rhai"))).is_empty());
    // The same file as the watch may name it, through another path to the workspace.
    let resolved = std::fs::canonicalize(ws.path()).unwrap().join("02_schema/01_declare.rhai");
    assert_eq!(update(&mut app, Msg::Saved(resolved)).len(), 1);
    update(&mut app, Msg::Graded("schema/declare".into(), Err("the scenario is broken".into())));
    assert!(app.grading.is_empty());
    assert_eq!(app.notice.as_deref(), Some("could not grade schema/declare: the scenario is broken"));
}

#[test]
fn the_shell_keeps_history_and_continues_a_statement_that_goes_on() {
    let ws = tempfile::tempdir().unwrap();
    let mut app = app(ws.path(), true);
    key(&mut app, KeyCode::Char('s'));
    for c in "if true {".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    assert_eq!(key(&mut app, KeyCode::Enter), vec![Effect::Eval("if true {\n".into())]);
    update(&mut app, Msg::Replied(Reply { incomplete: true, ..Reply::default() }));
    assert_eq!(app.shell.pending, "if true {\n");
    assert!(app.shell.entries.is_empty());
    for c in "1 }".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    assert_eq!(key(&mut app, KeyCode::Enter), vec![Effect::Eval("if true {\n1 }\n".into())]);
    update(&mut app, Msg::Replied(Reply { value: Some("1".into()), ..Reply::default() }));
    assert_eq!(app.shell.entries.len(), 1);
    key(&mut app, KeyCode::Up);
    assert_eq!(app.shell.input, "1 }");
    key(&mut app, KeyCode::Up);
    assert_eq!(app.shell.input, "if true {");
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    assert_eq!(app.shell.input, "");
    // q is typed, not a way out; Esc goes back.
    key(&mut app, KeyCode::Char('q'));
    assert_eq!(app.shell.input, "q");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Home);
}

#[test]
fn a_question_from_the_running_statement_is_answered_at_the_prompt() {
    let ws = tempfile::tempdir().unwrap();
    let mut app = app(ws.path(), true);
    key(&mut app, KeyCode::Char('s'));
    for c in "T.delete()".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    key(&mut app, KeyCode::Enter);
    update(&mut app, Msg::Printed("About to delete:".into()));
    update(&mut app, Msg::Asked("Commit deletes? [yes, No]: ".into()));
    let screen = text(&draw(&app, 80, 24));
    assert!(screen.contains("About to delete:"), "{screen}");
    assert!(screen.contains("Commit deletes? [yes, No]: █"), "{screen}");
    for c in "yes".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    assert_eq!(key(&mut app, KeyCode::Enter), vec![Effect::Answer("yes".into())]);
    assert_eq!(app.shell.question, None);
    assert_eq!(app.shell.entries[0].printed, ["About to delete:", "Commit deletes? [yes, No]: yes"]);
    update(&mut app, Msg::Replied(Reply { value: Some("3".into()), ..Reply::default() }));
    let screen = text(&draw(&app, 80, 24));
    assert!(screen.contains(">>> █"), "{screen}");
}

#[test]
fn grading_a_saved_solution_shows_it_passed() {
    // The real grader behind the message: the reference solution passes and the view says so.
    let ws = tempfile::tempdir().unwrap();
    let mut app = app(ws.path(), true);
    let ex = app.set.exercise("connection/write_config").unwrap().clone();
    std::fs::write(ws.path().join(ex.learner_file()), &ex.solution).unwrap();
    let effects = key(&mut app, KeyCode::Enter);
    let Some(Effect::Grade { id, source }) = effects.into_iter().next() else { panic!("no grading asked for") };
    let grader = djsandbox::course::Grader::new(Scenarios::Embedded);
    let grade = grader.grade(&app.set, &ex, &source).map_err(|e| e.to_string());
    update(&mut app, Msg::Graded(id, grade));
    let screen = text(&draw(&app, 80, 24));
    assert!(screen.contains("✓ Passed! Press n for the next exercise."), "{screen}");
    assert!(screen.contains("✓ saved"), "{screen}");
}

#[test]
fn the_shell_history_is_the_command_line_shells() {
    // Written as rustyline writes it (`#V2`, newlines and backslashes escaped), read back whole.
    let ws = tempfile::tempdir().unwrap();
    let history = vec!["let a = 1;".to_string(), "if a {\n  print(\"a\\\\b\")\n}".to_string()];
    djsandbox::course::workspace::save_history(ws.path(), &history).unwrap();
    let text = std::fs::read_to_string(ws.path().join(".djsandbox/history")).unwrap();
    assert_eq!(text, "#V2\nlet a = 1;\nif a {\\n  print(\"a\\\\\\\\b\")\\n}\n");
    let app = app(ws.path(), true);
    assert_eq!(app.shell.history, history);
}
