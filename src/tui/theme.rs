//! Colours and marks of the terminal UI, with a true monochrome variant for `NO_COLOR`
//! (<https://no-color.org>): no colour at all, only bold, underline, reverse and the marks.

use ratatui::style::{Color, Modifier, Style};

use crate::engine::Tier;

/// The styles every view draws with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// No colours.
    pub mono: bool,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to something.
    pub fn from_env() -> Theme {
        Theme { mono: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) }
    }

    fn fg(&self, colour: Color) -> Style {
        if self.mono {
            Style::default()
        } else {
            Style::default().fg(colour)
        }
    }

    /// A screen's title bar.
    pub fn title(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// A heading in a lesson.
    pub fn heading(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    /// Code, inline or in a block.
    pub fn code(&self) -> Style {
        self.fg(Color::LightCyan)
    }

    /// A passed check, a passed exercise.
    pub fn pass(&self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::BOLD)
    }

    /// A failed check.
    pub fn fail(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    /// An error a script stopped with.
    pub fn error(&self) -> Style {
        self.fg(Color::LightRed)
    }

    /// A hint.
    pub fn hint(&self) -> Style {
        self.fg(Color::Yellow)
    }

    /// A hint fired by what went wrong.
    pub fn targeted(&self) -> Style {
        self.fg(Color::Magenta).add_modifier(Modifier::BOLD)
    }

    /// Text that matters less (counts, paths).
    pub fn muted(&self) -> Style {
        if self.mono {
            Style::default()
        } else {
            Style::default().fg(Color::DarkGray)
        }
    }

    /// A key in the footer.
    pub fn key(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// The selected row of a list.
    pub fn selected(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    /// A progress gauge's filled part.
    pub fn gauge(&self) -> Style {
        if self.mono {
            Style::default().add_modifier(Modifier::BOLD)
        } else {
            Style::default().fg(Color::Green).bg(Color::Black)
        }
    }

    /// A diagram node by tier, in DataJoint's colours (Manual green, Lookup grey, Imported
    /// blue, Computed red, Part plain, an alias node orange); tables that introduce primary-key
    /// attributes of their own are underlined, as DataJoint underlines them.
    pub fn tier(&self, tier: Option<Tier>, distinguished: bool) -> Style {
        let colour = match tier {
            Some(Tier::Manual) => Color::Green,
            Some(Tier::Lookup) => Color::Gray,
            Some(Tier::Imported) => Color::LightBlue,
            Some(Tier::Computed) => Color::LightRed,
            Some(Tier::Part) => Color::White,
            None => Color::Rgb(255, 136, 0),
        };
        let style = self.fg(colour);
        if distinguished {
            style.add_modifier(Modifier::UNDERLINED)
        } else {
            style
        }
    }

    /// A diagram's foreign-key lines.
    pub fn edge(&self) -> Style {
        self.muted()
    }
}
