//! `dj.Diagram(...)`: the diagram of a table, a schema or a list of tables, its algebra
//! (`+ n`, `- n`, `+`, `-`, `*`), `nodes_to_show`, `topo_sort()`, `add_parts()` and `draw()`,
//! which prints the drawing (DataJoint's `draw()` shows it in a plot window).

use rhai::{Array, Dynamic, Engine, EvalAltResult};

use super::api::{Dj, Schema};
use super::error::{throw, type_error};
use super::host::Shared;
use super::table::Table;
use super::usage::python_type;
use crate::engine::diagram::{Diagram, LEGEND};
use crate::engine::{Error, Kind};

type R<T> = Result<T, Box<EvalAltResult>>;

/// `dj.Diagram` used as a value: the class, for `dj.Diagram.from_sequence([...])`.
#[derive(Debug, Clone, Copy)]
pub struct DiagramClass;

/// Register `dj.Diagram` and the diagram's members.
pub fn register(engine: &mut Engine, host: &Shared) {
    engine.register_type_with_name::<Diagram>("Diagram");
    engine.register_type_with_name::<DiagramClass>("DiagramClass");
    engine.register_get("Diagram", |_: &mut Dj| DiagramClass);
    let h = host.clone();
    engine.register_fn("Diagram", move |_: &mut Dj, t: Table| of_table(&h, &t));
    let h = host.clone();
    engine.register_fn("Diagram", move |_: &mut Dj, s: Schema| -> Diagram {
        Diagram::of_schema(&h.server.borrow().world, &s.0)
    });
    engine.register_fn("Diagram", |_: &mut Dj, d: Diagram| d);
    engine.register_fn("Diagram", |_: &mut Dj, other: Dynamic| -> R<Diagram> { Err(no_connection(&other)) });
    let h = host.clone();
    engine.register_fn("from_sequence", move |_: &mut DiagramClass, items: Array| -> R<Diagram> {
        let mut out: Option<Diagram> = None;
        for item in items {
            let d = match item.clone().try_cast::<Table>() {
                Some(t) => of_table(&h, &t)?,
                None => match item.clone().try_cast::<Schema>() {
                    Some(s) => Diagram::of_schema(&h.server.borrow().world, &s.0),
                    None => return Err(no_connection(&item)),
                },
            };
            out = Some(match out {
                Some(acc) => acc.union(&d),
                None => d,
            });
        }
        // functools.reduce of an empty sequence.
        out.ok_or_else(|| type_error("reduce() of empty iterable with no initial value"))
    });

    engine.register_fn("+", |d: &mut Diagram, n: i64| d.expand_down(n));
    engine.register_fn("-", |d: &mut Diagram, n: i64| d.expand_up(n));
    engine.register_fn("+", |d: &mut Diagram, other: Diagram| d.union(&other));
    engine.register_fn("-", |d: &mut Diagram, other: Diagram| d.difference(&other));
    engine.register_fn("*", |d: &mut Diagram, other: Diagram| d.intersection(&other));
    engine.register_fn("+", |d: &mut Diagram, t: Table| d.with_table(&t.name()));
    engine.register_fn("-", |d: &mut Diagram, t: Table| d.without_table(&t.name()).map_err(throw));
    for op in ["+", "-"] {
        engine.register_fn(op, |_: &mut Diagram, other: Dynamic| -> R<Diagram> {
            Err(type_error(format!("'{}' object cannot be interpreted as an integer", python_type(other.type_name()))))
        });
    }
    engine.register_get("nodes_to_show", |d: &mut Diagram| -> Array {
        d.nodes_to_show().into_iter().map(Dynamic::from).collect()
    });
    engine.register_fn("topo_sort", |d: &mut Diagram| -> Array {
        d.topo_sort().into_iter().map(Dynamic::from).collect()
    });
    engine.register_fn("add_parts", |d: &mut Diagram| d.add_parts());
    let h = host.clone();
    engine.register_fn("draw", move |d: &mut Diagram| {
        for line in display(d).lines() {
            h.emit(line);
        }
    });
    engine.register_fn("make_svg", |d: &mut Diagram| d.svg());
    for with_format in [false, true] {
        let h = host.clone();
        let save =
            move |d: &mut Diagram, filename: &str, format: Option<&str>| -> R<()> { save(&h, d, filename, format) };
        if with_format {
            engine.register_fn("save", move |d: &mut Diagram, f: &str, format: &str| save(d, f, Some(format)));
        } else {
            engine.register_fn("save", move |d: &mut Diagram, f: &str| save(d, f, None));
        }
    }
    engine.register_fn("to_string", |d: &mut Diagram| d.summary());
    engine.register_fn("to_debug", |d: &mut Diagram| d.summary());
}

/// The drawing with its legend, as `draw()` prints it.
pub fn display(d: &Diagram) -> String {
    format!("{}\n{LEGEND}", d.draw().text())
}

/// `diagram.save(filename, format=None)`: the format from the name's ending when not given,
/// as DataJoint decides it; the sandbox writes SVG (a PNG needs graphviz, which it has not).
fn save(h: &Shared, d: &Diagram, filename: &str, format: Option<&str>) -> R<()> {
    let lower = filename.to_lowercase();
    let format = format
        .map(str::to_lowercase)
        .or_else(|| [".png", ".svg"].iter().find(|e| lower.ends_with(*e)).map(|e| e[1..].to_string()));
    match format.as_deref() {
        Some("svg") => {
            let path = h.server.borrow().cwd.join(filename);
            std::fs::write(&path, d.svg()).map_err(|e| {
                throw(match e.kind() {
                    std::io::ErrorKind::NotFound => Error::new(
                        Kind::FileNotFoundError,
                        format!("[Errno 2] No such file or directory: '{filename}'"),
                    ),
                    _ => Error::new(Kind::OSError, format!("{e}: '{filename}'")),
                })
            })
        }
        Some("png") => Err(throw(Error::dj(
            "The sandbox draws diagrams as SVG only: save with a .svg name (a PNG needs graphviz)".to_string(),
        ))),
        Some(_) => Err(throw(Error::dj("Unsupported file format".to_string()))),
        // DataJoint calls `.lower()` on the missing format.
        None => Err(throw(Error::new(Kind::AttributeError, "'NoneType' object has no attribute 'lower'"))),
    }
}

/// The diagram of one table: a base table, restricted or not (it keeps its class and name).
fn of_table(h: &Shared, t: &Table) -> R<Diagram> {
    match t.query.restricted_table() {
        Some((name, _)) => Diagram::of_table(&h.server.borrow().world, name).map_err(throw),
        // A join or projection has neither `full_table_name` nor `database`.
        None => Err(throw(Error::dj(format!("Cannot plot Diagram for {}", t.class)))),
    }
}

/// DataJoint's error when the source has no connection: it shows `repr(source[0])`, which for
/// a number is itself a TypeError.
fn no_connection(source: &Dynamic) -> Box<EvalAltResult> {
    if let Some(s) = source.read_lock::<rhai::ImmutableString>() {
        let first: String = s.chars().take(1).collect();
        return throw(Error::dj(format!(
            "Could not find database connection in {}",
            crate::engine::py::str_repr(&first)
        )));
    }
    if let Some(a) = source.read_lock::<Array>() {
        return throw(match a.first() {
            Some(first) => Error::dj(format!("Could not find database connection in {first}")),
            None => Error::new(Kind::IndexError, "list index out of range"),
        });
    }
    type_error(format!("'{}' object is not subscriptable", python_type(source.type_name())))
}
