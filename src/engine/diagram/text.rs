//! A laid-out diagram drawn in character cells: nodes as their tier-marked text, edges in
//! box-drawing lines — solid for a primary foreign key, dashed for a secondary one, thick for
//! one-to-one, thin for one-to-many (DataJoint's edge styles). Each cell keeps its role, so a
//! terminal can colour nodes by tier; the plain text reads without colour.

use std::collections::HashMap;

use super::layout::Layout;
use crate::engine::declare::Tier;

/// What a cell belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Role {
    /// Nothing.
    #[default]
    Blank,
    /// A foreign-key line.
    Edge,
    /// A node's text: its tier (`None` for an alias node), and whether the table introduces
    /// primary-key attributes of its own (DataJoint underlines those).
    Node { tier: Option<Tier>, distinguished: bool },
}

/// One character cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    /// The character shown.
    pub ch: char,
    /// What it belongs to.
    pub role: Role,
}

/// A drawing: rows of cells, all as wide as the drawing.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Drawing {
    /// The rows, top first.
    pub rows: Vec<Vec<Cell>>,
}

const UP: u8 = 1;
const DOWN: u8 = 2;
const LEFT: u8 = 4;
const RIGHT: u8 = 8;

/// The line directions one edge (identified by its parent) passes through a cell, with its style.
#[derive(Debug, Clone, Copy)]
struct Stroke {
    owner: usize,
    dirs: u8,
    primary: bool,
    multi: bool,
}

impl Drawing {
    /// Draw `layout`.
    pub fn of(layout: &Layout) -> Drawing {
        let blank = Cell { ch: ' ', role: Role::Blank };
        let mut rows = vec![vec![blank; layout.width]; layout.height];
        let mut strokes: HashMap<(usize, usize), Vec<Stroke>> = HashMap::new();
        let occupied: std::collections::HashSet<(usize, usize)> =
            layout.nodes.iter().flat_map(|n| (0..n.text.chars().count()).map(move |i| (n.x + i, n.y))).collect();
        for path in &layout.edges {
            let mut mark = |at: (usize, usize), dirs: u8| {
                if occupied.contains(&at) {
                    return;
                }
                let list = strokes.entry(at).or_default();
                match list.iter_mut().find(|s| s.owner == path.parent) {
                    Some(s) => s.dirs |= dirs,
                    None => list.push(Stroke { owner: path.parent, dirs, primary: path.primary, multi: path.multi }),
                }
            };
            for w in path.points.windows(2) {
                let ((x0, y0), (x1, y1)) = (w[0], w[1]);
                if x0 == x1 {
                    for y in y0.min(y1)..=y0.max(y1) {
                        let dirs = if y > y0.min(y1) { UP } else { 0 } | if y < y0.max(y1) { DOWN } else { 0 };
                        mark((x0, y), dirs);
                    }
                } else {
                    let (a, b) = (x0.min(x1), x0.max(x1));
                    for x in a..=b {
                        let dirs = if x > a { LEFT } else { 0 } | if x < b { RIGHT } else { 0 };
                        mark((x, y0), dirs);
                    }
                }
            }
        }
        for ((x, y), list) in strokes {
            if let Some(ch) = line_char(&list) {
                rows[y][x] = Cell { ch, role: Role::Edge };
            }
        }
        for node in &layout.nodes {
            let role = Role::Node { tier: node.info.tier, distinguished: node.info.distinguished };
            for (i, ch) in node.text.chars().enumerate() {
                rows[node.y][node.x + i] = Cell { ch, role };
            }
        }
        Drawing { rows }
    }

    /// The drawing as plain text, trailing blanks trimmed.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for row in &self.rows {
            let line: String = row.iter().map(|c| c.ch).collect();
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

/// How the marks read: printed under a drawing and shown by the terminal's legend.
pub const LEGEND: &str = "[Manual]  {Lookup}  (Imported)  ((Computed))  Part  ● renamed key\n\
     │ primary key   ┆ secondary   ┃ one-to-one";

/// The character for the strokes through one cell. Where one edge's straight run crosses
/// another's, the vertical run is drawn over the horizontal one (a crossing, not a junction).
fn line_char(strokes: &[Stroke]) -> Option<char> {
    let vertical = strokes.iter().find(|s| s.dirs == UP | DOWN);
    let horizontal = strokes.iter().find(|s| s.dirs == LEFT | RIGHT);
    if let (Some(v), Some(_)) = (vertical, horizontal) {
        return Some(straight(true, v));
    }
    let dirs = strokes.iter().fold(0, |d, s| d | s.dirs);
    let style = strokes.first()?;
    Some(match dirs {
        0 => return None,
        d if d & (LEFT | RIGHT) == 0 => straight(true, style),
        d if d & (UP | DOWN) == 0 => straight(false, style),
        d => junction(d, !style.multi),
    })
}

/// A straight run in an edge's style.
fn straight(vertical: bool, s: &Stroke) -> char {
    match (vertical, s.primary, s.multi) {
        (true, true, true) => '│',
        (true, false, true) => '┆',
        (true, true, false) => '┃',
        (true, false, false) => '┇',
        (false, true, true) => '─',
        (false, false, true) => '┄',
        (false, true, false) => '━',
        (false, false, false) => '┅',
    }
}

/// A corner or junction joining the directions `d`.
fn junction(d: u8, heavy: bool) -> char {
    let (light, thick) = match d {
        x if x == DOWN | RIGHT => ('┌', '┏'),
        x if x == DOWN | LEFT => ('┐', '┓'),
        x if x == UP | RIGHT => ('└', '┗'),
        x if x == UP | LEFT => ('┘', '┛'),
        x if x == UP | DOWN | RIGHT => ('├', '┣'),
        x if x == UP | DOWN | LEFT => ('┤', '┫'),
        x if x == DOWN | LEFT | RIGHT => ('┬', '┳'),
        x if x == UP | LEFT | RIGHT => ('┴', '┻'),
        _ => ('┼', '╋'),
    };
    if heavy {
        thick
    } else {
        light
    }
}
