//! A laid-out diagram as SVG, for a browser: DataJoint's node styles (`make_dot`'s colours and
//! shapes per tier, distinguished tables underlined) on the same layout as the text drawing,
//! one character cell scaled to a fixed box.

use std::fmt::Write;

use super::layout::Layout;
use crate::engine::declare::Tier;

/// Pixels per character cell.
const CELL_W: f64 = 8.0;
const CELL_H: f64 = 24.0;

/// DataJoint's fill colour, text colour and shape for a tier (`None`: an alias node).
fn style(tier: Option<Tier>) -> (&'static str, &'static str, Shape) {
    match tier {
        Some(Tier::Manual) => ("#00FF0030", "darkgreen", Shape::Box),
        Some(Tier::Lookup) => ("#00000020", "black", Shape::Plain),
        Some(Tier::Imported) => ("#00007F40", "#00007FA0", Shape::Ellipse),
        Some(Tier::Computed) => ("#FF000020", "#7F0000A0", Shape::Ellipse),
        Some(Tier::Part) => ("none", "black", Shape::Plain),
        None => ("#FF880080", "#FF880080", Shape::Dot),
    }
}

enum Shape {
    Box,
    Ellipse,
    Plain,
    Dot,
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// `layout` as an SVG document.
pub fn svg(layout: &Layout) -> String {
    let (w, h) = ((layout.width as f64 + 2.0) * CELL_W, (layout.height as f64 + 1.0) * CELL_H);
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
         font-family=\"arial\" font-size=\"12\">\n"
    );
    let x = |col: usize| (col as f64 + 1.5) * CELL_W;
    let y = |row: usize| (row as f64 + 0.5) * CELL_H;
    for edge in &layout.edges {
        let points: Vec<String> = edge.points.iter().map(|&(c, r)| format!("{},{}", x(c), y(r))).collect();
        let dash = if edge.primary { "" } else { " stroke-dasharray=\"5,3\"" };
        let width = if edge.multi { 0.75 } else { 2.0 };
        let _ = writeln!(
            out,
            "  <polyline points=\"{}\" fill=\"none\" stroke=\"#00000040\" stroke-width=\"{width}\"{dash}/>",
            points.join(" ")
        );
    }
    for node in &layout.nodes {
        let (fill, text, shape) = style(node.info.tier);
        let cells = node.text.chars().count() as f64;
        let (left, top) = ((node.x as f64 + 1.0) * CELL_W, node.y as f64 * CELL_H);
        let (cx, cy) = (left + cells * CELL_W / 2.0, top + CELL_H / 2.0);
        let _ = match shape {
            Shape::Box => writeln!(
                out,
                "  <rect x=\"{left}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"/>",
                top + 1.0,
                cells * CELL_W,
                CELL_H - 2.0
            ),
            Shape::Ellipse => writeln!(
                out,
                "  <ellipse cx=\"{cx}\" cy=\"{cy}\" rx=\"{}\" ry=\"{}\" fill=\"{fill}\"/>",
                cells * CELL_W / 2.0,
                CELL_H / 2.0 - 1.0
            ),
            Shape::Plain if fill != "none" => writeln!(
                out,
                "  <rect x=\"{left}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"/>",
                top + 1.0,
                cells * CELL_W,
                CELL_H - 2.0
            ),
            Shape::Plain => Ok(()),
            Shape::Dot => writeln!(out, "  <circle cx=\"{cx}\" cy=\"{cy}\" r=\"3\" fill=\"{fill}\"/>"),
        };
        if !matches!(shape, Shape::Dot) {
            let size = if node.info.tier == Some(Tier::Part) || node.info.tier == Some(Tier::Lookup) { 10 } else { 12 };
            let underline = if node.info.distinguished { " text-decoration=\"underline\"" } else { "" };
            let _ = writeln!(
                out,
                "  <text x=\"{cx}\" y=\"{}\" text-anchor=\"middle\" fill=\"{text}\" font-size=\"{size}\"{underline}>{}</text>",
                cy + 4.0,
                escape(&node.info.class_name)
            );
        }
    }
    out.push_str("</svg>\n");
    out
}
