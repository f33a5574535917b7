//! The exercise screen: the instructions (or the section's lesson) beside the file to edit,
//! each check ✓/✗ with its message, the hints revealed so far, targeted hints highlighted, and
//! what the script printed and the error it stopped with.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::Frame;

use crate::tui::app::App;
use crate::tui::markdown;

/// The exercise screen's keys.
pub const KEYS: &[(&str, &str)] = &[
    ("e", "edit"),
    ("h", "hint"),
    ("c", "check"),
    ("l", "lesson"),
    ("[ ]", "prev/next"),
    ("s", "shell"),
    ("q", "back"),
];

/// Lines of the script's output shown (its last ones).
const OUTPUT_LINES: usize = 8;

/// Draw the exercise screen in `area`.
pub fn view(app: &App, frame: &mut Frame, area: Rect) {
    let [text, results] = if area.width >= 100 {
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area)
    } else {
        Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area)
    };
    let ex = app.exercise();
    let width = text.width.saturating_sub(2) as usize;
    let (title, body) = if app.lesson {
        let section = app.set.sections.iter().find(|s| s.exercises.iter().any(|e| e.id == ex.id));
        let title = section.map_or_else(String::new, |s| format!(" Lesson · {} ", s.meta.title));
        (title, markdown::render(section.map_or("", |s| s.lesson.as_str()), &app.theme, width))
    } else {
        (format!(" {} · {} ", ex.id, ex.meta.title), markdown::render(&ex.meta.instructions, &app.theme, width))
    };
    let block = Block::default().borders(Borders::ALL).title(Span::styled(title, app.theme.title()));
    frame.render_widget(Paragraph::new(body).block(block).wrap(Wrap { trim: false }).scroll((app.scroll, 0)), text);
    let block = Block::default().borders(Borders::ALL).title(" Your file ");
    let text = Paragraph::new(results_text(app)).block(block).wrap(Wrap { trim: false });
    frame.render_widget(text.scroll((app.results_scroll, 0)), results);
}

fn results_text(app: &App) -> Text<'static> {
    let theme = &app.theme;
    let ex = app.exercise();
    let mut lines = vec![
        Line::from(vec![Span::styled(ex.learner_file(), theme.code())]),
        Line::from(vec![
            Span::styled("e", theme.key()),
            Span::styled(format!(" opens it in {}; saving checks it again", app.editor), theme.muted()),
        ]),
        Line::default(),
    ];
    let grade = app.grades.get(&ex.id);
    if app.grading.contains(&ex.id) {
        lines.push(Line::styled("Checking…", theme.hint()));
    } else if let Some(g) = grade {
        let failed = g.checks.iter().filter(|c| !c.passed).count();
        lines.push(if g.passed() {
            Line::styled("✓ Passed! Press n for the next exercise.", theme.pass())
        } else {
            Line::styled(format!("✗ {failed} of {} checks fail", g.checks.len()), theme.fail())
        });
    } else {
        lines.push(Line::styled("Not checked yet: press c.", theme.muted()));
    }
    if let Some(g) = grade {
        for c in &g.checks {
            lines.push(if c.passed {
                Line::from(vec![Span::styled("  ✓ ", theme.pass()), Span::raw(c.name.clone())])
            } else {
                let mut spans =
                    vec![Span::styled("  ✗ ", theme.fail()), Span::styled(format!("{}: ", c.name), theme.fail())];
                spans.extend(markdown::inline(&c.message, Style::default(), theme));
                Line::from(spans)
            });
        }
        for hint in &g.hints {
            lines.push(Line::from(vec![
                Span::styled("★ ", theme.targeted()),
                Span::styled(hint.clone(), theme.targeted()),
            ]));
        }
    }
    let shown = app.progress.of(&ex.id).hints_shown.min(ex.meta.hints.len());
    for (i, hint) in ex.meta.hints.iter().take(shown).enumerate() {
        let mut spans = vec![Span::styled(format!("Hint {}/{}: ", i + 1, ex.meta.hints.len()), theme.hint())];
        spans.extend(markdown::inline(hint, Style::default(), theme));
        lines.push(Line::from(spans));
    }
    if let Some(g) = grade {
        if !g.output.is_empty() {
            lines.push(Line::default());
            lines.push(Line::styled("Output:", theme.muted()));
            let skip = g.output.len().saturating_sub(OUTPUT_LINES);
            if skip > 0 {
                lines.push(Line::styled(format!("  … {skip} earlier lines"), theme.muted()));
            }
            lines.extend(g.output.iter().skip(skip).map(|l| Line::raw(format!("  {l}"))));
        }
        if let Some(error) = &g.error {
            lines.push(Line::default());
            lines.push(Line::styled(error.clone(), theme.error()));
        }
    }
    Text::from(lines)
}
