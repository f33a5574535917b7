//! A diagram laid out top-down in character cells, the way `dot` draws DataJoint's diagrams:
//! parents above children, one layer per row of nodes (a layered "Sugiyama" layout: layers,
//! dummy vertices on long edges, crossing reduction by barycenters, then columns).

use std::collections::{BTreeSet, HashMap};

use super::graph::{Graph, NodeInfo};
use super::route::{assign_tracks, Segment};
use super::Diagram;
use crate::engine::declare::Tier;

/// A node placed in the drawing.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// The node as the graph describes it.
    pub info: NodeInfo,
    /// Its text as drawn, tier marks included (`[Subject]`, `((MyAnalysis))`).
    pub text: String,
    /// Its row.
    pub y: usize,
    /// Its first column.
    pub x: usize,
}

/// An edge as a path of cells, from the parent's row to the child's row.
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    /// Index of the parent node in [`Layout::nodes`] (edges from one parent may share cells).
    pub parent: usize,
    /// Drawn solid (primary foreign key) or dashed.
    pub primary: bool,
    /// Drawn thin (one-to-many) or thick (one-to-one).
    pub multi: bool,
    /// Corner points `(x, y)`; consecutive points share a row or a column.
    pub points: Vec<(usize, usize)>,
}

/// A whole drawing's geometry.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Layout {
    /// The nodes.
    pub nodes: Vec<Placed>,
    /// The edges.
    pub edges: Vec<Path>,
    /// Columns used.
    pub width: usize,
    /// Rows used.
    pub height: usize,
}

/// The text of a node: its label inside the marks of its tier, so a drawing without colour
/// still tells the tiers apart (DataJoint: Manual a box, Lookup plain, Imported and Computed
/// ellipses, Part small plain text, an alias node a dot).
pub fn node_text(info: &NodeInfo) -> String {
    let label = &info.class_name;
    match info.tier {
        Some(Tier::Manual) => format!("[{label}]"),
        Some(Tier::Lookup) => format!("{{{label}}}"),
        Some(Tier::Imported) => format!("({label})"),
        Some(Tier::Computed) => format!("(({label}))"),
        Some(Tier::Part) => label.clone(),
        None => "●".into(),
    }
}

/// A vertex of the layered graph: a node, or a dummy carrying a long edge through a layer.
struct Vertex {
    node: Option<usize>,
    width: usize,
    layer: usize,
}

/// Sweeps of crossing reduction and of column placement.
const SWEEPS: usize = 6;

impl Layout {
    /// Lay out the nodes `diagram` draws.
    pub fn of(diagram: &Diagram) -> Layout {
        let graph = diagram.graph();
        let nodes: Vec<usize> = diagram.drawn_nodes().into_iter().collect();
        if nodes.is_empty() {
            return Layout::default();
        }
        let local: HashMap<usize, usize> = nodes.iter().enumerate().map(|(i, &n)| (n, i)).collect();
        let edges: Vec<(usize, usize, usize)> = graph
            .edges
            .iter()
            .enumerate()
            .filter_map(|(e, edge)| Some((local.get(&edge.parent).copied()?, local.get(&edge.child).copied()?, e)))
            .collect();
        let layers = assign_layers(nodes.len(), &edges);
        let mut vertices: Vec<Vertex> = nodes
            .iter()
            .zip(&layers)
            .map(|(&n, &layer)| Vertex { node: Some(n), width: node_text(&graph.nodes[n]).chars().count(), layer })
            .collect();
        // Each edge as a chain of vertices, one per layer it spans.
        let chains: Vec<Vec<usize>> = edges
            .iter()
            .map(|&(p, c, _)| {
                let mut chain = vec![p];
                for layer in layers[p] + 1..layers[c] {
                    vertices.push(Vertex { node: None, width: 1, layer });
                    chain.push(vertices.len() - 1);
                }
                chain.push(c);
                chain
            })
            .collect();
        let links: BTreeSet<(usize, usize)> = chains.iter().flat_map(|c| c.windows(2).map(|w| (w[0], w[1]))).collect();
        let order = order_layers(&vertices, &links);
        let x = place_columns(&vertices, &order, &links);
        build(graph, &vertices, &order, &x, &chains, &edges)
    }
}

/// Layers by longest path from the top, then sources and nodes with more children than parents
/// pulled down next to their highest child, as `dot`'s edge-length minimisation places them.
fn assign_layers(n: usize, edges: &[(usize, usize, usize)]) -> Vec<usize> {
    let mut indegree = vec![0; n];
    for &(_, c, _) in edges {
        indegree[c] += 1;
    }
    let mut topo: Vec<usize> = (0..n).filter(|&v| indegree[v] == 0).collect();
    let mut remaining = indegree.clone();
    let mut i = 0;
    while i < topo.len() {
        for &(p, c, _) in edges {
            if p == topo[i] {
                remaining[c] -= 1;
                if remaining[c] == 0 {
                    topo.push(c);
                }
            }
        }
        i += 1;
    }
    let mut layer = vec![0; n];
    for &v in &topo {
        for &(p, c, _) in edges {
            if p == v {
                layer[c] = layer[c].max(layer[v] + 1);
            }
        }
    }
    for &v in topo.iter().rev() {
        let children: Vec<usize> = edges.iter().filter(|e| e.0 == v).map(|e| layer[e.1]).collect();
        if let Some(&highest) = children.iter().min() {
            if indegree[v] < children.len() {
                layer[v] = highest - 1;
            }
        }
    }
    layer
}

/// The order of vertices within each layer: start from the nodes' graph order, then sweep
/// down and up sorting by the mean position of neighbours, then swap neighbours while that
/// removes crossings; keep the order with the fewest crossings.
fn order_layers(vertices: &[Vertex], links: &BTreeSet<(usize, usize)>) -> Vec<Vec<usize>> {
    let depth = vertices.iter().map(|v| v.layer).max().unwrap_or(0) + 1;
    let mut order: Vec<Vec<usize>> = vec![Vec::new(); depth];
    for (i, v) in vertices.iter().enumerate() {
        order[v.layer].push(i);
    }
    // Links leaving each layer (all links join adjacent layers, thanks to the dummies).
    let mut between: Vec<Vec<(usize, usize)>> = vec![Vec::new(); depth];
    for &(a, b) in links {
        between[vertices[a].layer].push((a, b));
    }
    let mut pos = vec![0; vertices.len()];
    let index = |order: &[Vec<usize>], pos: &mut Vec<usize>| {
        for row in order {
            for (i, &v) in row.iter().enumerate() {
                pos[v] = i;
            }
        }
    };
    let total = |pos: &[usize]| between.iter().map(|pairs| crossings(pairs, pos)).sum::<usize>();
    index(&order, &mut pos);
    let mut best = (total(&pos), order.clone());
    for sweep in 0..SWEEPS * 2 {
        let down = sweep % 2 == 0;
        let layers: Vec<usize> = if down { (1..depth).collect() } else { (0..depth.saturating_sub(1)).rev().collect() };
        for l in layers {
            let key = |v: usize| {
                let near: Vec<usize> = links
                    .iter()
                    .filter_map(|&(a, b)| match down {
                        true if b == v => Some(pos[a]),
                        false if a == v => Some(pos[b]),
                        _ => None,
                    })
                    .collect();
                if near.is_empty() {
                    pos[v] as f64
                } else {
                    near.iter().sum::<usize>() as f64 / near.len() as f64
                }
            };
            let mut keyed: Vec<(f64, usize)> = order[l].iter().map(|&v| (key(v), v)).collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
            order[l] = keyed.into_iter().map(|(_, v)| v).collect();
            index(&order, &mut pos);
        }
        transpose(&mut order, &mut pos, &between);
        let count = total(&pos);
        if count < best.0 {
            best = (count, order.clone());
        }
        if count == 0 {
            break;
        }
    }
    best.1
}

/// Swap neighbours in a layer while that lowers the crossings with the layers above and below.
fn transpose(order: &mut [Vec<usize>], pos: &mut [usize], between: &[Vec<(usize, usize)>]) {
    let around =
        |l: usize, pos: &[usize]| crossings(&between[l], pos) + if l > 0 { crossings(&between[l - 1], pos) } else { 0 };
    for _ in 0..SWEEPS {
        let mut improved = false;
        for (l, row) in order.iter_mut().enumerate() {
            for i in 1..row.len() {
                let before = around(l, pos);
                let (a, b) = (row[i - 1], row[i]);
                pos.swap(a, b);
                if around(l, pos) < before {
                    row.swap(i - 1, i);
                    improved = true;
                } else {
                    pos.swap(a, b);
                }
            }
        }
        if !improved {
            break;
        }
    }
}

/// Pairs of `links` (all between the same two layers) that cross, given positions `pos`.
fn crossings(links: &[(usize, usize)], pos: &[usize]) -> usize {
    let mut count = 0;
    for (i, &(a1, b1)) in links.iter().enumerate() {
        for &(a2, b2) in &links[i + 1..] {
            let (ta, tb, ba, bb) = (pos[a1], pos[a2], pos[b1], pos[b2]);
            if ta < tb && ba > bb || ta > tb && ba < bb {
                count += 1;
            }
        }
    }
    count
}

/// Columns: each vertex centred under (then over) its neighbours as nearly as the order and
/// the gaps allow — the least-squares placement, found by pool-adjacent-violators.
fn place_columns(vertices: &[Vertex], order: &[Vec<usize>], links: &BTreeSet<(usize, usize)>) -> Vec<usize> {
    let gap = |a: usize, b: usize| if vertices[a].node.is_some() && vertices[b].node.is_some() { 3 } else { 2 };
    let mut x = vec![0.0f64; vertices.len()];
    for row in order {
        let mut at = 0.0;
        for (i, &v) in row.iter().enumerate() {
            if i > 0 {
                at += vertices[row[i - 1]].width as f64 + gap(row[i - 1], v) as f64;
            }
            x[v] = at;
        }
    }
    let centre = |x: &[f64], v: usize| x[v] + (vertices[v].width as f64 - 1.0) / 2.0;
    for sweep in 0..SWEEPS {
        let down = sweep % 2 == 0;
        for row in order {
            let wanted: Vec<f64> = row
                .iter()
                .map(|&v| {
                    let near: Vec<f64> = links
                        .iter()
                        .filter_map(|&(a, b)| match down {
                            true if b == v => Some(centre(&x, a)),
                            false if a == v => Some(centre(&x, b)),
                            _ => None,
                        })
                        .collect();
                    let c = if near.is_empty() { centre(&x, v) } else { near.iter().sum::<f64>() / near.len() as f64 };
                    c - (vertices[v].width as f64 - 1.0) / 2.0
                })
                .collect();
            // Offsets that keep the row's vertices apart; then x - offset must not decrease.
            let mut offset = vec![0.0; row.len()];
            for i in 1..row.len() {
                offset[i] = offset[i - 1] + vertices[row[i - 1]].width as f64 + gap(row[i - 1], row[i]) as f64;
            }
            let fitted = isotonic(&wanted.iter().zip(&offset).map(|(w, o)| w - o).collect::<Vec<_>>());
            for (i, &v) in row.iter().enumerate() {
                x[v] = fitted[i] + offset[i];
            }
        }
    }
    let min = x.iter().copied().fold(f64::INFINITY, f64::min);
    let mut cols: Vec<usize> = x.iter().map(|v| (v - min).round() as usize).collect();
    for row in order {
        for i in 1..row.len() {
            let least = cols[row[i - 1]] + vertices[row[i - 1]].width + gap(row[i - 1], row[i]);
            cols[row[i]] = cols[row[i]].max(least);
        }
    }
    cols
}

/// The non-decreasing sequence nearest to `y` in least squares (pool adjacent violators).
fn isotonic(y: &[f64]) -> Vec<f64> {
    let mut blocks: Vec<(f64, usize)> = Vec::new();
    for &v in y {
        blocks.push((v, 1));
        while blocks.len() > 1 && blocks[blocks.len() - 2].0 > blocks[blocks.len() - 1].0 {
            let (b, nb) = blocks.pop().expect("two blocks");
            let (a, na) = blocks.pop().expect("two blocks");
            blocks.push(((a * na as f64 + b * nb as f64) / (na + nb) as f64, na + nb));
        }
    }
    blocks.into_iter().flat_map(|(v, n)| std::iter::repeat_n(v, n)).collect()
}

/// Rows, ports and routed paths from the layered, ordered, placed vertices.
fn build(
    graph: &Graph,
    vertices: &[Vertex],
    order: &[Vec<usize>],
    x: &[usize],
    chains: &[Vec<usize>],
    edges: &[(usize, usize, usize)],
) -> Layout {
    let centre = |v: usize| x[v] + (vertices[v].width - 1) / 2;
    // Arrival ports: a node's incoming edges spread over its width, ordered by where they come from.
    let mut arrival: HashMap<(usize, usize), usize> = HashMap::new();
    for (v, vertex) in vertices.iter().enumerate() {
        let mut incoming: Vec<usize> = chains.iter().filter(|c| c[c.len() - 1] == v).map(|c| c[c.len() - 2]).collect();
        incoming.sort_by_key(|&u| (x[u], u));
        incoming.dedup();
        let k = incoming.len();
        for (i, &u) in incoming.iter().enumerate() {
            let port = if k == 1 { centre(v) } else { x[v] + ((i + 1) * vertex.width) / (k + 1) };
            arrival.insert((u, v), port.min(x[v] + vertex.width - 1));
        }
    }
    let port_in = |u: usize, v: usize| arrival.get(&(u, v)).copied().unwrap_or_else(|| centre(v));
    // Route each channel, then give rows to layers and tracks.
    let mut row_of_layer = Vec::with_capacity(order.len());
    let mut track_rows: HashMap<(usize, usize), usize> = HashMap::new();
    let mut y = 0;
    for l in 0..order.len() {
        row_of_layer.push(y);
        let links: BTreeSet<(usize, usize)> = chains
            .iter()
            .flat_map(|c| c.windows(2).map(|w| (w[0], w[1])))
            .filter(|&(a, _)| vertices[a].layer == l)
            .collect();
        let segments: Vec<Segment> =
            links.iter().map(|&(a, b)| Segment { group: a, top: centre(a), bottom: port_in(a, b) }).collect();
        let (tracks, assigned) = assign_tracks(&segments);
        for (&(a, b), track) in links.iter().zip(assigned) {
            if let Some(t) = track {
                track_rows.insert((a, b), y + 1 + t);
            }
        }
        y += 1 + if l + 1 < order.len() { tracks.max(1) } else { 0 };
    }
    let mut index_of_vertex: HashMap<usize, usize> = HashMap::new();
    let mut nodes = Vec::new();
    for (v, vertex) in vertices.iter().enumerate() {
        if let Some(n) = vertex.node {
            index_of_vertex.insert(v, nodes.len());
            let info = graph.nodes[n].clone();
            nodes.push(Placed { text: node_text(&info), info, y: row_of_layer[vertex.layer], x: x[v] });
        }
    }
    let paths = chains
        .iter()
        .zip(edges)
        .map(|(chain, &(_, _, e))| {
            let mut points = vec![(centre(chain[0]), row_of_layer[vertices[chain[0]].layer])];
            for w in chain.windows(2) {
                let (a, b) = (w[0], w[1]);
                let (top, bottom) = (centre(a), port_in(a, b));
                if let Some(&row) = track_rows.get(&(a, b)) {
                    points.push((top, row));
                    points.push((bottom, row));
                }
                points.push((bottom, row_of_layer[vertices[b].layer]));
            }
            let edge = &graph.edges[e];
            Path { parent: index_of_vertex[&chain[0]], primary: edge.primary, multi: edge.multi, points }
        })
        .collect();
    let width = nodes.iter().map(|n| n.x + n.text.chars().count()).chain(x.iter().map(|&c| c + 1)).max().unwrap_or(0);
    Layout { nodes, edges: paths, width, height: y }
}
