//! How each message changes the UI's state, and which effects it asks for.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::app::{App, DiagramState, Effect, Entry, Msg, Screen};
use crate::course::Status;

/// Apply `msg` to `app`.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(key) if key.kind != KeyEventKind::Release => key_pressed(app, key),
        Msg::Key(_) | Msg::Resize => Vec::new(),
        Msg::Saved(path) => saved(app, &path),
        Msg::Graded(id, result) => graded(app, id, result),
        Msg::Replied(reply) => replied(app, reply),
        Msg::Printed(line) => {
            if let Some(entry) = app.shell.running() {
                entry.printed.push(line);
            }
            Vec::new()
        }
        Msg::Asked(prompt) => {
            if let Some(entry) = app.shell.running() {
                entry.printed.push(prompt.trim_end().to_string());
            }
            app.shell.question = Some(prompt);
            // A question is answered at the prompt: show it.
            if app.screen != Screen::Shell {
                open(app, Screen::Shell);
            }
            Vec::new()
        }
        Msg::Edited => grade_selected(app),
    }
}

fn key_pressed(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
        return vec![Effect::Quit];
    }
    if app.help {
        app.help = false;
        return Vec::new();
    }
    if key.code == KeyCode::Char('?') && app.screen != Screen::Shell {
        app.help = true;
        return Vec::new();
    }
    app.notice = None;
    match app.screen {
        Screen::Home => home_key(app, key),
        Screen::Exercise => exercise_key(app, key),
        Screen::Shell => shell_key(app, key),
        Screen::Diagram => diagram_key(app, key),
    }
}

/// Show `screen`, coming back to the current one on `q` / Esc.
fn open(app: &mut App, screen: Screen) {
    if app.screen != screen {
        app.back.push(app.screen);
        app.screen = screen;
    }
}

fn go_back(app: &mut App) -> Vec<Effect> {
    match app.back.pop() {
        Some(screen) => {
            app.screen = screen;
            Vec::new()
        }
        None => vec![Effect::Quit],
    }
}

fn home_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let last = app.count() - 1;
    match key.code {
        KeyCode::Up | KeyCode::Char('k') => app.selected = app.selected.saturating_sub(1),
        KeyCode::Down | KeyCode::Char('j') => app.selected = (app.selected + 1).min(last),
        KeyCode::PageUp => app.selected = app.selected.saturating_sub(10),
        KeyCode::PageDown => app.selected = (app.selected + 10).min(last),
        KeyCode::Home => app.selected = 0,
        KeyCode::End => app.selected = last,
        KeyCode::Enter | KeyCode::Right | KeyCode::Char('l') => return open_exercise(app),
        KeyCode::Char('s') => open(app, Screen::Shell),
        KeyCode::Char('d') if app.diagram.is_some() => open(app, Screen::Diagram),
        KeyCode::Char('q') | KeyCode::Esc => return go_back(app),
        _ => {}
    }
    Vec::new()
}

fn open_exercise(app: &mut App) -> Vec<Effect> {
    open(app, Screen::Exercise);
    show_selected(app)
}

/// Show the selected exercise from the top of its instructions, graded once on first sight so
/// the checks show where the learner stands.
fn show_selected(app: &mut App) -> Vec<Effect> {
    app.scroll = 0;
    app.results_scroll = 0;
    app.lesson = false;
    if app.grades.contains_key(&app.exercise().id) {
        Vec::new()
    } else {
        grade_selected(app)
    }
}

fn exercise_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let id = app.exercise().id.clone();
    let passed = app.grades.get(&id).is_some_and(|g| g.passed());
    match key.code {
        KeyCode::Char('e') => return vec![Effect::Edit(app.file())],
        KeyCode::Char('c') | KeyCode::Char('r') => return grade_selected(app),
        KeyCode::Char('h') => {
            let available = app.exercise().meta.hints.len();
            if app.progress.next_hint(&id, available).is_none() {
                app.notice = Some(format!("All {available} hints are shown."));
            }
            return vec![Effect::SaveProgress];
        }
        KeyCode::Char('l') | KeyCode::Tab => {
            app.lesson = !app.lesson;
            app.scroll = 0;
        }
        KeyCode::Up | KeyCode::Char('K')
            if key.modifiers.contains(KeyModifiers::SHIFT) || key.code == KeyCode::Char('K') =>
        {
            app.results_scroll = app.results_scroll.saturating_sub(1)
        }
        KeyCode::Down | KeyCode::Char('J')
            if key.modifiers.contains(KeyModifiers::SHIFT) || key.code == KeyCode::Char('J') =>
        {
            app.results_scroll = app.results_scroll.saturating_add(1)
        }
        KeyCode::Up | KeyCode::Char('k') => app.scroll = app.scroll.saturating_sub(1),
        KeyCode::Down | KeyCode::Char('j') => app.scroll = app.scroll.saturating_add(1),
        KeyCode::PageUp => app.scroll = app.scroll.saturating_sub(10),
        KeyCode::PageDown => app.scroll = app.scroll.saturating_add(10),
        KeyCode::Char('n') | KeyCode::Enter | KeyCode::Char(']') if passed || key.code == KeyCode::Char(']') => {
            return step(app, 1)
        }
        KeyCode::Char('[') => return step(app, -1),
        KeyCode::Char('s') => open(app, Screen::Shell),
        KeyCode::Char('q') | KeyCode::Esc => return go_back(app),
        _ => {}
    }
    Vec::new()
}

/// Move to the next (or previous) exercise.
fn step(app: &mut App, by: isize) -> Vec<Effect> {
    let to = app.selected as isize + by;
    if to < 0 || to as usize >= app.count() {
        app.notice =
            Some(if by > 0 { "That was the last exercise.".into() } else { "This is the first exercise.".into() });
        return Vec::new();
    }
    app.selected = to as usize;
    show_selected(app)
}

/// Grade the selected exercise's file as it is on disk.
fn grade_selected(app: &mut App) -> Vec<Effect> {
    let id = app.exercise().id.clone();
    match std::fs::read_to_string(app.file()) {
        Ok(source) => queue_grade(app, id, source),
        Err(e) => {
            app.notice = Some(format!("cannot read {}: {e}", app.exercise().learner_file()));
            Vec::new()
        }
    }
}

/// A saved exercise file is graded again (any exercise's, so the home screen stays right).
fn saved(app: &mut App, path: &std::path::Path) -> Vec<Effect> {
    // By the file's place in the workspace: the watch may report the path resolved (macOS's
    // /private/tmp, Windows' \\?\ prefix) or the workspace may have been given relative.
    let Some(ex) = app.set.exercises().find(|e| path.ends_with(e.learner_file())) else {
        return Vec::new();
    };
    let id = ex.id.clone();
    match std::fs::read_to_string(path) {
        Ok(source) => queue_grade(app, id, source),
        Err(_) => Vec::new(),
    }
}

/// Mark `id` as being graded and ask for it.
fn queue_grade(app: &mut App, id: String, source: String) -> Vec<Effect> {
    if !app.grading.contains(&id) {
        app.grading.push(id.clone());
    }
    vec![Effect::Grade { id, source }]
}

fn graded(app: &mut App, id: String, result: Result<crate::course::Grade, String>) -> Vec<Effect> {
    app.grading.retain(|g| *g != id);
    match result {
        Ok(grade) => {
            let (passed, failed): (Vec<_>, Vec<_>) = grade.checks.iter().partition(|c| c.passed);
            app.progress.record(
                &id,
                passed.iter().map(|c| c.name.clone()).collect(),
                failed.iter().map(|c| c.name.clone()).collect(),
            );
            app.grades.insert(id, grade);
            vec![Effect::SaveProgress]
        }
        Err(message) => {
            app.notice = Some(format!("could not grade {id}: {message}"));
            Vec::new()
        }
    }
}

fn shell_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let shell = &mut app.shell;
    match key.code {
        KeyCode::Esc => return go_back(app),
        KeyCode::Char('g') if ctrl => {
            let last = shell
                .entries
                .iter()
                .rev()
                .find_map(|e| Some((e.input.trim().to_string(), e.reply.as_ref()?.diagram.clone()?)));
            if let Some((title, d)) = last {
                app.diagram = Some(DiagramState { diagram: d, title, scroll: (0, 0), count: None });
                open(app, Screen::Diagram);
            } else {
                app.notice = Some("No diagram yet: end a statement with a diagram, e.g. dj.Diagram(T)".into());
            }
        }
        KeyCode::Char('l') if ctrl => shell.entries.clear(),
        KeyCode::Char(c) if !ctrl => {
            shell.input.push(c);
            shell.recalled = None;
        }
        KeyCode::Backspace => {
            shell.input.pop();
        }
        KeyCode::Up => {
            let at = shell.recalled.map_or(shell.history.len(), |i| i).saturating_sub(1);
            if let Some(line) = shell.history.get(at) {
                shell.input = line.clone();
                shell.recalled = Some(at);
            }
        }
        KeyCode::Down => match shell.recalled {
            Some(i) if i + 1 < shell.history.len() => {
                shell.input = shell.history[i + 1].clone();
                shell.recalled = Some(i + 1);
            }
            _ => {
                shell.input.clear();
                shell.recalled = None;
            }
        },
        KeyCode::PageUp => shell.scroll = shell.scroll.saturating_add(10),
        KeyCode::PageDown => shell.scroll = shell.scroll.saturating_sub(10),
        KeyCode::Enter if shell.question.is_some() => {
            let answer = std::mem::take(&mut shell.input);
            shell.question = None;
            if let Some(entry) = shell.running() {
                if let Some(last) = entry.printed.last_mut() {
                    last.push(' ');
                    last.push_str(&answer);
                }
            }
            return vec![Effect::Answer(answer)];
        }
        KeyCode::Enter => {
            let line = std::mem::take(&mut shell.input);
            if line.trim().is_empty() && shell.pending.is_empty() {
                return Vec::new();
            }
            if !line.trim().is_empty() && shell.history.last() != Some(&line) {
                shell.history.push(line.clone());
            }
            shell.recalled = None;
            shell.scroll = 0;
            let statement = format!("{}{line}\n", std::mem::take(&mut shell.pending));
            // A blank line ends a statement that keeps going, as at the command-line prompt.
            let statement = if line.trim().is_empty() { statement.trim_end().to_string() + "\n" } else { statement };
            shell.entries.push(Entry { input: statement.clone(), printed: Vec::new(), reply: None });
            return vec![Effect::Eval(statement)];
        }
        _ => {}
    }
    Vec::new()
}

fn replied(app: &mut App, reply: crate::course::shell::Reply) -> Vec<Effect> {
    let shell = &mut app.shell;
    let Some(entry) = shell.running() else {
        // A reply nobody asked for: the shell could not open the world.
        shell.entries.push(Entry { input: String::new(), printed: Vec::new(), reply: Some(reply) });
        return Vec::new();
    };
    if reply.incomplete {
        shell.pending = entry.input.clone();
        shell.entries.pop();
    } else {
        entry.reply = Some(reply);
    }
    Vec::new()
}

fn diagram_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Some(state) = app.diagram.as_mut() else { return go_back(app) };
    if let KeyCode::Char(c @ '0'..='9') = key.code {
        // A count before + or -, as in `dj.Diagram(T) + 3`.
        let digit = i64::from(c as u8 - b'0');
        state.count = Some((state.count.unwrap_or(0) * 10 + digit).min(999));
        return Vec::new();
    }
    let levels = state.count.take().unwrap_or(1);
    let (x, y) = &mut state.scroll;
    match key.code {
        KeyCode::Char('+') => {
            state.diagram = state.diagram.expand_down(levels);
            state.title = format!("{} + {levels}", state.title);
        }
        KeyCode::Char('-') => {
            state.diagram = state.diagram.expand_up(levels);
            state.title = format!("{} - {levels}", state.title);
        }
        KeyCode::Left | KeyCode::Char('h') => *x = x.saturating_sub(4),
        KeyCode::Right | KeyCode::Char('l') => *x = x.saturating_add(4),
        KeyCode::Up | KeyCode::Char('k') => *y = y.saturating_sub(1),
        KeyCode::Down | KeyCode::Char('j') => *y = y.saturating_add(1),
        KeyCode::Char('q') | KeyCode::Esc => return go_back(app),
        _ => {}
    }
    Vec::new()
}

/// Is the exercise passed, by this session's grade or the saved progress?
pub fn passed(app: &App, id: &str) -> bool {
    match app.grades.get(id) {
        Some(g) => g.passed(),
        None => app.progress.of(id).status == Status::Passed,
    }
}
