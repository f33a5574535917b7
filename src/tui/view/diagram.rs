//! The diagram view: a `dj.Diagram` drawn as DataJoint draws it — nodes in their tier's colour
//! (and marks, which carry the tier without colour), foreign keys as lines — with its legend.
//! `+` / `-` grow it one level down or up.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::inset;
use crate::engine::diagram::{Drawing, Role, LEGEND};
use crate::tui::app::App;
use crate::tui::theme::Theme;

/// The diagram view's keys.
pub const KEYS: &[(&str, &str)] =
    &[("[N]+", "N levels down"), ("[N]-", "N levels up"), ("←↑↓→", "scroll"), ("q", "back")];

/// A drawing as styled lines: runs of cells with one role become one span.
pub fn drawing_lines(drawing: &Drawing, theme: &Theme) -> Vec<Line<'static>> {
    let style = |role: Role| match role {
        Role::Blank => Style::default(),
        Role::Edge => theme.edge(),
        Role::Node { tier, distinguished } => theme.tier(tier, distinguished),
    };
    drawing
        .rows
        .iter()
        .map(|row| {
            let mut spans: Vec<Span<'static>> = Vec::new();
            let mut run = String::new();
            let mut role = None;
            for cell in row {
                if role != Some(cell.role) && !run.is_empty() {
                    spans.push(Span::styled(std::mem::take(&mut run), style(role.unwrap_or_default())));
                }
                role = Some(cell.role);
                run.push(cell.ch);
            }
            let rest = run.trim_end().to_string();
            if !rest.is_empty() {
                spans.push(Span::styled(rest, style(role.unwrap_or_default())));
            }
            Line::from(spans)
        })
        .collect()
}

/// The legend, its marks in their tiers' colours.
pub fn legend_lines(theme: &Theme) -> Vec<Line<'static>> {
    use crate::engine::Tier;
    let mut first = Vec::new();
    for (text, tier) in [
        ("[Manual]", Some(Tier::Manual)),
        ("{Lookup}", Some(Tier::Lookup)),
        ("(Imported)", Some(Tier::Imported)),
        ("((Computed))", Some(Tier::Computed)),
        ("Part", Some(Tier::Part)),
    ] {
        first.push(Span::styled(text, theme.tier(tier, false)));
        first.push(Span::raw("  "));
    }
    first.push(Span::styled("●", theme.tier(None, false)));
    first.push(Span::raw(" renamed key"));
    let second = LEGEND.lines().nth(1).unwrap_or_default().to_string();
    vec![Line::from(first), Line::styled(second, theme.muted())]
}

/// Draw the diagram view in `area`.
pub fn view(app: &App, frame: &mut Frame, area: Rect) {
    let area = inset(area);
    let Some(state) = &app.diagram else {
        frame.render_widget(Paragraph::new("No diagram."), area);
        return;
    };
    let [title, body, legend] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1), Constraint::Length(2)]).areas(area);
    let shown = state.diagram.nodes_to_show().len();
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(state.title.clone(), app.theme.code()),
            Span::styled(format!("  ({shown} nodes)"), app.theme.muted()),
            Span::styled(state.count.map(|n| format!("  {n}…")).unwrap_or_default(), app.theme.key()),
        ])),
        title,
    );
    let lines = drawing_lines(&state.diagram.draw(), &app.theme);
    frame.render_widget(Paragraph::new(lines).scroll((state.scroll.1, state.scroll.0)), body);
    frame.render_widget(Paragraph::new(legend_lines(&app.theme)), legend);
}
