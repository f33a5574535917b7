//! The operators: `&` and `-` (restriction by a map, a SQL string, a list, a table, a bool),
//! `*` (join), `+` (union), and `proj`, `aggr`.

use rhai::{Array, Dynamic, Engine, EvalAltResult, Map};

use super::error::{throw, type_error};
use super::host::Shared;
use super::table::Table;
use super::value::map_pairs;
use crate::engine::{Error, Restriction};

type R<T> = Result<T, Box<EvalAltResult>>;

/// A rhai value as a DataJoint restriction.
fn restriction(d: &Dynamic) -> R<Restriction> {
    if let Some(m) = d.read_lock::<Map>() {
        return Ok(Restriction::Map(map_pairs(&m)));
    }
    if let Some(s) = d.read_lock::<rhai::ImmutableString>() {
        return Ok(Restriction::Sql(s.to_string()));
    }
    if let Some(a) = d.read_lock::<Array>() {
        return a.iter().map(restriction).collect::<R<Vec<_>>>().map(Restriction::Or);
    }
    if let Some(t) = d.read_lock::<Table>() {
        return Ok(Restriction::Query(t.query.clone()));
    }
    if let Some(n) = d.read_lock::<Not>() {
        return Ok(Restriction::Not(Box::new(restriction(&n.0)?)));
    }
    if let Ok(b) = d.as_bool() {
        return Ok(Restriction::Bool(b));
    }
    Err(throw(Error::dj(format!("Invalid restriction type {d}"))))
}

/// `dj.Not(restriction)`.
#[derive(Debug, Clone)]
pub struct Not(pub Dynamic);

fn derived(t: &Table, query: crate::engine::Query) -> Table {
    Table { query, class: t.class.clone() }
}

/// Register the operators.
pub fn register(engine: &mut Engine, host: &Shared) {
    engine.register_type_with_name::<Not>("Not");
    engine.register_fn("Not", |_: &mut super::api::Dj, r: Dynamic| Not(r));
    let h = host.clone();
    engine.register_fn("U", move |_: &mut super::api::Dj| -> Table {
        Table { query: h.server.borrow().world.universal(&[]), class: "U".into() }
    });
    for n in 1..=3usize {
        let h = host.clone();
        let build =
            move |names: Vec<String>| Table { query: h.server.borrow().world.universal(&names), class: "U".into() };
        match n {
            1 => engine.register_fn("U", move |_: &mut super::api::Dj, a: &str| build(vec![a.into()])),
            2 => {
                engine.register_fn("U", move |_: &mut super::api::Dj, a: &str, b: &str| build(vec![a.into(), b.into()]))
            }
            _ => engine.register_fn("U", move |_: &mut super::api::Dj, a: &str, b: &str, c: &str| {
                build(vec![a.into(), b.into(), c.into()])
            }),
        };
    }
    let h = host.clone();
    engine.register_fn("&", move |t: Table, r: Dynamic| -> R<Table> {
        let q = h.server.borrow().world.restrict(&t.query, &restriction(&r)?).map_err(throw)?;
        Ok(derived(&t, q))
    });
    let h = host.clone();
    engine.register_fn("-", move |t: Table, r: Dynamic| -> R<Table> {
        let q = h.server.borrow().world.exclude(&t.query, &restriction(&r)?).map_err(throw)?;
        Ok(derived(&t, q))
    });
    let h = host.clone();
    engine.register_fn("*", move |a: Table, b: Table| -> R<Table> {
        let q = h.server.borrow().world.join(&a.query, &b.query, false).map_err(throw)?;
        Ok(derived(&a, q))
    });
    let h = host.clone();
    engine.register_fn("+", move |a: Table, b: Table| -> R<Table> {
        let q = h.server.borrow().world.union(&a.query, &b.query).map_err(throw)?;
        Ok(derived(&a, q))
    });
    let h = host.clone();
    let proj = move |t: &Table, attrs: &Array, named: &Map| -> R<Table> {
        let attrs: Vec<String> = attrs.iter().map(|a| a.to_string()).collect();
        let named: Vec<(String, String)> = named.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let q = h.server.borrow().world.proj(&t.query, &attrs, &named).map_err(throw)?;
        Ok(derived(t, q))
    };
    let p = proj.clone();
    engine.register_fn("proj", move |t: &mut Table| p(t, &Array::new(), &Map::new()));
    let p = proj.clone();
    engine.register_fn("proj", move |t: &mut Table, attrs: Array| p(t, &attrs, &Map::new()));
    let p = proj.clone();
    engine.register_fn("proj", move |t: &mut Table, named: Map| p(t, &Array::new(), &named));
    engine.register_fn("proj", move |t: &mut Table, attrs: Array, named: Map| proj(t, &attrs, &named));
    let h = host.clone();
    engine.register_fn("aggr", move |t: &mut Table, other: Table, named: Map| -> R<Table> {
        let keep = named.get("keep_all_rows").and_then(|v| v.as_bool().ok()).unwrap_or(false);
        let named: Vec<(String, String)> = named
            .iter()
            .filter(|(k, _)| k.as_str() != "keep_all_rows")
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let q = h.server.borrow().world.aggr(&t.query, &other.query, &[], &named, keep).map_err(throw)?;
        Ok(derived(t, q))
    });
    engine.register_fn("&", |_: Table, _: ()| -> R<Table> {
        Err(type_error("unsupported operand type(s) for &: 'Table' and 'NoneType'"))
    });
}
