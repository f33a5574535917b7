//! The shell pane: rhai statements against the workspace's world, each with what it printed,
//! its value (a table's preview) or error, and a diagram drawn in colour.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

use super::diagram::drawing_lines;
use super::inset;
use crate::tui::app::App;

/// The shell's keys.
pub const KEYS: &[(&str, &str)] =
    &[("enter", "run"), ("↑↓", "history"), ("ctrl-g", "diagram view"), ("ctrl-l", "clear"), ("esc", "back")];

/// Draw the shell in `area`.
pub fn view(app: &App, frame: &mut Frame, area: Rect) {
    let area = inset(area);
    let [transcript, input] = Layout::vertical([Constraint::Min(1), Constraint::Length(3)]).areas(area);
    let theme = &app.theme;
    let mut lines: Vec<Line<'static>> = vec![Line::styled(
        "rhai with `dj` on your own database; a statement that goes on continues below.",
        theme.muted(),
    )];
    for entry in &app.shell.entries {
        for (i, l) in entry.input.trim_end().lines().enumerate() {
            let prompt = if i == 0 { ">>> " } else { "... " };
            lines.push(Line::from(vec![Span::styled(prompt, theme.key()), Span::styled(l.to_string(), theme.code())]));
        }
        lines.extend(entry.printed.iter().map(|l| Line::raw(l.clone())));
        let Some(reply) = &entry.reply else {
            if app.shell.question.is_none() {
                lines.push(Line::styled("running…", theme.hint()));
            }
            continue;
        };
        lines.extend(reply.output.iter().map(|l| Line::raw(l.clone())));
        match (&reply.diagram, &reply.value) {
            (Some(d), _) => {
                lines.extend(drawing_lines(&d.draw(), theme));
                lines.push(Line::styled("ctrl-g opens it in the diagram view", theme.muted()));
            }
            (None, Some(v)) => lines.extend(v.lines().map(|l| Line::raw(l.to_string()))),
            (None, None) => {}
        }
        if let Some(e) = &reply.error {
            lines.extend(e.lines().map(|l| Line::styled(l.to_string(), theme.error())));
        }
    }
    // The newest lines at the bottom, scrolled up by PageUp.
    let height = transcript.height as usize;
    let top = lines.len().saturating_sub(height).saturating_sub(app.shell.scroll as usize);
    frame.render_widget(Paragraph::new(lines).scroll((top as u16, 0)), transcript);
    let prompt = match &app.shell.question {
        Some(q) => format!("{} ", q.trim_end()),
        None if app.shell.pending.is_empty() => ">>> ".to_string(),
        None => "... ".to_string(),
    };
    let block = Block::default().borders(Borders::TOP);
    let line = Line::from(vec![
        Span::styled(prompt, theme.key()),
        Span::raw(app.shell.input.clone()),
        Span::styled("█", theme.key()),
    ]);
    frame.render_widget(Paragraph::new(line).block(block), input);
}
