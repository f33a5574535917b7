//! The views: pure functions from the state to a frame. Each screen has a title bar, a body
//! and a footer naming its keys; `?` lays the help over any of them.

mod diagram;
mod exercise;
mod help;
mod home;
mod shell;

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::app::{App, Screen};

pub use diagram::drawing_lines;

/// Draw `app` into `frame`.
pub fn view(app: &App, frame: &mut Frame) {
    let [title, body, footer] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1), Constraint::Length(1)]).areas(frame.area());
    let (name, keys) = match app.screen {
        Screen::Home => ("Workshop", home::KEYS),
        Screen::Exercise => ("Exercise", exercise::KEYS),
        Screen::Shell => ("Shell", shell::KEYS),
        Screen::Diagram => ("Diagram", diagram::KEYS),
    };
    let passed = app.set.exercises().filter(|e| super::update::passed(app, &e.id)).count();
    let bar = Line::from(vec![
        Span::styled(" djsandbox ", app.theme.title()),
        Span::raw(format!("· {name} ")),
        Span::styled(format!("· {passed}/{} passed · {}", app.count(), app.workspace.display()), app.theme.muted()),
    ]);
    frame.render_widget(Paragraph::new(bar), title);
    match app.screen {
        Screen::Home => home::view(app, frame, body),
        Screen::Exercise => exercise::view(app, frame, body),
        Screen::Shell => shell::view(app, frame, body),
        Screen::Diagram => diagram::view(app, frame, body),
    }
    frame.render_widget(Paragraph::new(footer_line(app, keys)), footer);
    if app.help {
        help::view(app, frame, body);
    }
}

/// The footer: a notice when there is one, else the screen's keys.
fn footer_line(app: &App, keys: &[(&str, &str)]) -> Line<'static> {
    if let Some(notice) = &app.notice {
        return Line::styled(format!(" {notice}"), app.theme.hint());
    }
    let mut spans = Vec::new();
    for (key, what) in keys.iter().chain([("?", "help")].iter()) {
        spans.push(Span::styled(format!(" {key}"), app.theme.key()));
        spans.push(Span::raw(format!(" {what} ")));
    }
    Line::from(spans)
}

/// The part of `area` inside a one-cell margin on the left and right.
fn inset(area: Rect) -> Rect {
    Rect { x: area.x + 1, width: area.width.saturating_sub(2), ..area }
}
