//! The help overlay (`?`): what each screen is for and its keys.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;

use crate::tui::app::App;

const HELP: &[(&str, &str)] = &[
    ("Home", "↑↓ or j k choose an exercise, enter opens it, s opens the shell, q quits."),
    ("Exercise", "e opens your file in $VISUAL or $EDITOR; every save checks it again. h shows the next hint, c checks now, l switches between instructions and the lesson, ↑↓ scroll the text and J K (or shift-↑↓) the results, [ and ] go to the previous or next exercise, n moves on once it passes."),
    ("Shell", "Type rhai as in a script; enter runs it. ↑↓ recall earlier lines, PageUp scrolls back, ctrl-g shows the last diagram full screen, esc goes back."),
    ("Diagram", "+ adds a level of children, - a level of parents, arrows scroll. Marks: [Manual] {Lookup} (Imported) ((Computed)) Part, ● a renamed foreign key."),
    ("Anywhere", "? shows this help, q or esc goes back, ctrl-c quits."),
];

/// Lay the help over `area`.
pub fn view(app: &App, frame: &mut Frame, area: Rect) {
    let width = area.width.saturating_sub(4).min(76);
    let height = area.height.saturating_sub(2).min(20);
    let rect = Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height };
    let mut lines = Vec::new();
    for (screen, text) in HELP {
        lines.push(Line::from(vec![Span::styled(format!("{screen}: "), app.theme.key()), Span::raw(*text)]));
    }
    lines.push(Line::default());
    lines.push(Line::styled("Any key closes this help.", app.theme.muted()));
    let block = Block::default().borders(Borders::ALL).title(Span::styled(" Help ", app.theme.title()));
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: true }), rect);
}
