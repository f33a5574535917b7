//! The home screen: each section's progress as a gauge, then every exercise with its status.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{LineGauge, Paragraph};
use ratatui::Frame;

use super::inset;
use crate::course::Status;
use crate::tui::app::App;

/// The home screen's keys.
pub const KEYS: &[(&str, &str)] = &[("↑↓", "move"), ("enter", "open"), ("s", "shell"), ("q", "quit")];

/// The mark of an exercise's status: passed, failed, being graded, not started.
pub fn mark(app: &App, id: &str) -> (&'static str, ratatui::style::Style) {
    if app.grading.iter().any(|g| g == id) {
        return ("…", app.theme.hint());
    }
    match app.grades.get(id).map(|g| g.passed()) {
        Some(true) => ("✓", app.theme.pass()),
        Some(false) => ("✗", app.theme.fail()),
        None => match app.progress.of(id).status {
            Status::Passed => ("✓", app.theme.pass()),
            Status::Failed => ("✗", app.theme.fail()),
            Status::NotStarted => ("·", app.theme.muted()),
        },
    }
}

/// Draw the home screen in `area`.
pub fn view(app: &App, frame: &mut Frame, area: Rect) {
    let area = inset(area);
    let sections = app.set.sections.len() as u16;
    let [gauges, _, list] =
        Layout::vertical([Constraint::Length(sections), Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let rows = Layout::vertical(vec![Constraint::Length(1); app.set.sections.len()]).split(gauges);
    for (section, row) in app.set.sections.iter().zip(rows.iter()) {
        let done = section.exercises.iter().filter(|e| crate::tui::update::passed(app, &e.id)).count();
        let total = section.exercises.len().max(1);
        let gauge = LineGauge::default()
            .ratio(done as f64 / total as f64)
            .label(format!("{:<12} {done:>2}/{total:<2}", section.id))
            // Filled and unfilled differ in shape too, so the gauge reads without colour.
            .filled_symbol("█")
            .unfilled_symbol("░")
            .filled_style(app.theme.gauge())
            .unfilled_style(app.theme.muted());
        frame.render_widget(gauge, *row);
    }
    let mut lines = Vec::new();
    let mut selected_line = 0;
    let mut index = 0;
    for section in &app.set.sections {
        lines.push(Line::styled(format!("{} — {}", section.id, section.meta.title), app.theme.heading()));
        for ex in &section.exercises {
            let (mark, style) = mark(app, &ex.id);
            let mut line = Line::from(vec![
                Span::raw("  "),
                Span::styled(mark, style),
                Span::raw(format!(" {:<22} ", ex.name())),
                Span::styled(ex.meta.title.clone(), app.theme.muted()),
            ]);
            if index == app.selected {
                line = line.style(app.theme.selected());
                selected_line = lines.len();
            }
            lines.push(line);
            index += 1;
        }
    }
    // Keep the selected exercise in view, with its section's heading when it fits.
    let height = list.height as usize;
    let top = selected_line.saturating_sub(height.saturating_sub(3)).min(lines.len().saturating_sub(height));
    frame.render_widget(Paragraph::new(lines).scroll((top as u16, 0)), list);
}
