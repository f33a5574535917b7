//! Lessons and instructions are Markdown; this turns them into styled terminal lines:
//! headings, paragraphs, lists, block quotes, code blocks and inline code, emphasis.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};

use super::theme::Theme;

/// `markdown` as styled lines for a pane `width` columns wide (wrapping is left to the
/// paragraph that shows them; a table too wide for the pane is laid out row by row).
pub fn render(markdown: &str, theme: &Theme, width: usize) -> Text<'static> {
    let mut out = Renderer {
        theme: *theme,
        width,
        lines: Vec::new(),
        line: Vec::new(),
        styles: vec![Style::default()],
        lists: Vec::new(),
        code: false,
        quote: 0,
        table: None,
    };
    for event in Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES) {
        out.event(event);
    }
    out.flush();
    while out.lines.last().is_some_and(|l| l.spans.is_empty()) {
        out.lines.pop();
    }
    Text::from(out.lines)
}

/// One line of text with Markdown's inline code (`` `x` ``) styled as code, as hints and check
/// messages write it; the backquotes themselves are dropped.
pub fn inline(text: &str, style: Style, theme: &Theme) -> Vec<Span<'static>> {
    text.split('`')
        .enumerate()
        .filter(|(_, part)| !part.is_empty())
        .map(|(i, part)| {
            if i % 2 == 1 {
                Span::styled(part.to_string(), theme.code())
            } else {
                Span::styled(part.to_string(), style)
            }
        })
        .collect()
}

struct Renderer {
    theme: Theme,
    width: usize,
    lines: Vec<Line<'static>>,
    line: Vec<Span<'static>>,
    styles: Vec<Style>,
    /// Open lists: the next number of an ordered one, `None` for bullets.
    lists: Vec<Option<u64>>,
    code: bool,
    quote: usize,
    /// The table being read: rows of cells of spans (the head row first).
    table: Option<Vec<Vec<Vec<Span<'static>>>>>,
}

impl Renderer {
    fn style(&self) -> Style {
        *self.styles.last().unwrap_or(&Style::default())
    }

    fn push_style(&mut self, add: Style) {
        let s = self.style().patch(add);
        self.styles.push(s);
    }

    fn flush(&mut self) {
        if !self.line.is_empty() {
            let mut spans = Vec::new();
            if self.quote > 0 {
                spans.push(Span::styled("│ ".repeat(self.quote), self.theme.muted()));
            }
            spans.append(&mut self.line);
            self.lines.push(Line::from(spans));
        }
    }

    fn blank(&mut self) {
        self.flush();
        if self.lines.last().is_some_and(|l| !l.spans.is_empty()) {
            self.lines.push(Line::default());
        }
    }

    fn text(&mut self, text: &str) {
        let style = self.style();
        self.line.push(Span::styled(text.to_string(), style));
    }

    /// A table's rows in aligned columns, the head row bold and ruled off.
    fn table_lines(&mut self, rows: Vec<Vec<Vec<Span<'static>>>>) {
        let width = |cell: &Vec<Span>| cell.iter().map(|s| s.content.chars().count()).sum::<usize>();
        let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
        let widths: Vec<usize> =
            (0..columns).map(|c| rows.iter().filter_map(|r| r.get(c)).map(width).max().unwrap_or(0)).collect();
        if widths.iter().sum::<usize>() + 3 * columns.saturating_sub(1) > self.width {
            return self.table_records(rows);
        }
        for (i, row) in rows.into_iter().enumerate() {
            let mut spans = Vec::new();
            for (c, cell) in row.into_iter().enumerate() {
                if c > 0 {
                    spans.push(Span::styled(" │ ", self.theme.muted()));
                }
                // The last column is not padded: a long cell wraps, padding would add blank lines.
                let pad = if c + 1 == widths.len() { 0 } else { widths[c].saturating_sub(width(&cell)) };
                for span in cell {
                    spans.push(if i == 0 {
                        span.patch_style(Style::default().add_modifier(Modifier::BOLD))
                    } else {
                        span
                    });
                }
                spans.push(Span::raw(" ".repeat(pad)));
            }
            self.lines.push(Line::from(spans));
            if i == 0 {
                let last = widths.len().saturating_sub(1);
                let rule: Vec<String> = widths
                    .iter()
                    .enumerate()
                    .map(|(c, w)| "─".repeat(if c == last { (*w).min(12) } else { *w }))
                    .collect();
                self.lines.push(Line::styled(rule.join("─┼─"), self.theme.muted()));
            }
        }
    }

    /// A table too wide for the pane: each row a list item, each cell named by its column.
    fn table_records(&mut self, mut rows: Vec<Vec<Vec<Span<'static>>>>) {
        if rows.is_empty() {
            return;
        }
        let head: Vec<String> =
            rows.remove(0).iter().map(|cell| cell.iter().map(|s| s.content.as_ref()).collect()).collect();
        for row in rows {
            for (c, cell) in row.into_iter().enumerate() {
                let name = head.get(c).cloned().unwrap_or_default();
                let mut spans = vec![Span::raw(if c == 0 { "• " } else { "  " })];
                spans.push(Span::styled(format!("{name}: "), Style::default().add_modifier(Modifier::BOLD)));
                spans.extend(cell);
                self.lines.push(Line::from(spans));
            }
        }
    }

    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) if self.code => {
                for (i, l) in t.lines().enumerate() {
                    if i > 0 {
                        self.flush();
                    }
                    self.line.push(Span::styled(format!("    {l}"), self.theme.code()));
                }
            }
            Event::Text(t) => self.text(&t),
            Event::Code(c) => self.line.push(Span::styled(c.to_string(), self.theme.code())),
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.flush(),
            Event::Rule => {
                self.blank();
                self.lines.push(Line::styled("─".repeat(40), self.theme.muted()));
            }
            Event::Html(h) | Event::InlineHtml(h) => self.text(&h),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Heading { level, .. } => {
                self.blank();
                let mut style = self.theme.heading();
                if level == HeadingLevel::H1 {
                    style = style.add_modifier(Modifier::UNDERLINED);
                }
                self.push_style(style);
            }
            Tag::Paragraph if self.lists.is_empty() => self.blank(),
            Tag::CodeBlock(_) => {
                self.blank();
                self.code = true;
            }
            Tag::List(first) => {
                if self.lists.is_empty() {
                    self.blank();
                } else {
                    self.flush();
                }
                self.lists.push(first);
            }
            Tag::Item => {
                self.flush();
                let depth = self.lists.len().saturating_sub(1);
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}. ", *n - 1)
                    }
                    _ => "• ".to_string(),
                };
                self.line.push(Span::raw(format!("{}{marker}", "  ".repeat(depth))));
            }
            Tag::BlockQuote(_) => {
                self.blank();
                self.quote += 1;
            }
            Tag::Table(_) => {
                self.blank();
                self.table = Some(Vec::new());
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some(t) = self.table.as_mut() {
                    t.push(Vec::new());
                }
            }
            Tag::TableCell => self.line.clear(),
            Tag::Emphasis => self.push_style(Style::default().add_modifier(Modifier::ITALIC)),
            Tag::Strong => self.push_style(Style::default().add_modifier(Modifier::BOLD)),
            Tag::Strikethrough => self.push_style(Style::default().add_modifier(Modifier::CROSSED_OUT)),
            Tag::Link { .. } => self.push_style(Style::default().add_modifier(Modifier::UNDERLINED)),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) => {
                self.styles.pop();
                self.flush();
            }
            TagEnd::Paragraph => self.flush(),
            TagEnd::CodeBlock => {
                self.flush();
                self.code = false;
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::Item => self.flush(),
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quote = self.quote.saturating_sub(1);
            }
            TagEnd::TableCell => {
                let cell = std::mem::take(&mut self.line);
                if let Some(row) = self.table.as_mut().and_then(|t| t.last_mut()) {
                    row.push(cell);
                }
            }
            TagEnd::Table => {
                let rows = self.table.take().unwrap_or_default();
                self.table_lines(rows);
            }
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link => {
                self.styles.pop();
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(md: &str) -> String {
        let text = render(md, &Theme { mono: true }, 80);
        text.lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn headings_paragraphs_lists_and_code_become_lines() {
        let md = "# Title\n\nSome *text* with `code`.\n\n- one\n- two\n\n1. first\n2. second\n\n```rhai\nlet x = 1;\nprint(x);\n```\n";
        assert_eq!(
            plain(md),
            "Title\n\nSome text with code.\n\n• one\n• two\n\n1. first\n2. second\n\n    let x = 1;\n    print(x);"
        );
    }

    #[test]
    fn tables_line_up_their_columns() {
        assert_eq!(
            plain("| key | value |\n|---|---|\n| `database.host` | 127.0.0.1 |\n"),
            "key           │ value\n──────────────┼──────────\ndatabase.host │ 127.0.0.1"
        );
    }

    #[test]
    fn a_table_too_wide_for_the_pane_becomes_records() {
        let text = render("| type | role |\n|---|---|\n| Data | raw or ingested data |\n", &Theme { mono: true }, 12);
        let lines: Vec<String> =
            text.lines.iter().map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect()).collect();
        assert_eq!(lines, ["• type: Data", "  role: raw or ingested data"]);
    }

    #[test]
    fn inline_code_in_a_hint_is_styled_without_its_backquotes() {
        let theme = Theme { mono: false };
        let spans = inline("call `save_local()` last", Style::default(), &theme);
        let texts: Vec<&str> = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(texts, ["call ", "save_local()", " last"]);
        assert_eq!(spans[1].style, theme.code());
    }

    #[test]
    fn nested_lists_indent_and_quotes_carry_a_bar() {
        assert_eq!(plain("- a\n  - b\n- c\n"), "• a\n  • b\n• c");
        assert_eq!(plain("> quoted\n"), "│ quoted");
    }

    #[test]
    fn headings_are_styled_in_colour_and_bold_without() {
        let colour = render("## H\n", &Theme { mono: false }, 80);
        assert!(colour.lines[0].spans[0].style.fg.is_some());
        let mono = render("## H\n", &Theme { mono: true }, 80);
        assert_eq!(mono.lines[0].spans[0].style.fg, None);
        assert!(mono.lines[0].spans[0].style.add_modifier.contains(Modifier::BOLD));
    }
}
