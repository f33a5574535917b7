//! The operators: `&` and `-` (restriction by a map, a SQL string, a list, a table, a bool),
//! `*` (join), `+` (union), and `proj`, `aggr`.

use rhai::{Array, Dynamic, Engine, EvalAltResult, Map};

use super::error::{throw, type_error};
use super::host::Shared;
use super::table::Table;
use super::value::map_pairs;
use crate::engine::query::Top;
use crate::engine::{Error, Restriction};

type R<T> = Result<T, Box<EvalAltResult>>;

/// A rhai value as a DataJoint restriction.
pub(super) fn restriction(d: &Dynamic) -> R<Restriction> {
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
    if let Some(t) = d.read_lock::<Top>() {
        return Ok(Restriction::Top(t.clone()));
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

/// `dj.Top(limit=1, order_by="KEY", offset=0)`'s keywords, type-checked as DataJoint does.
fn top(opts: &Map) -> R<Top> {
    if let Some(k) = opts.keys().find(|k| !["limit", "order_by", "offset"].contains(&k.as_str())) {
        return Err(type_error(format!("Top.__init__() got an unexpected keyword argument '{k}'")));
    }
    let int = |v: &Dynamic, message: &str| v.as_int().map(|i| i.max(0) as u64).map_err(|_| type_error(message));
    let limit = match opts.get("limit") {
        None => Some(1),
        Some(v) if v.is_unit() => None,
        Some(v) => Some(int(v, "Top limit must be an integer")?),
    };
    let strings = "Top order_by attributes must all be strings";
    let order_by = match opts.get("order_by") {
        None => Vec::new(),
        Some(v) if v.is_unit() => Vec::new(),
        Some(v) if v.is_string() => vec![v.to_string()].into_iter().filter(|s| !s.is_empty()).collect(),
        Some(v) => match v.read_lock::<Array>() {
            Some(a) if a.iter().all(|x| x.is_string()) => a.iter().map(|x| x.to_string()).collect(),
            _ => return Err(type_error(strings)),
        },
    };
    let offset = match opts.get("offset") {
        None => 0,
        Some(v) if v.is_unit() => 0,
        Some(v) => int(v, "The offset argument must be an integer")?,
    };
    Ok(Top::new(limit, order_by, offset))
}

fn derived(t: &Table, query: crate::engine::Query) -> Table {
    Table { query, class: t.class.clone() }
}

/// Register the operators.
pub fn register(engine: &mut Engine, host: &Shared) {
    engine.register_type_with_name::<Not>("Not");
    engine.register_fn("Not", |_: &mut super::api::Dj, r: Dynamic| Not(r));
    engine.register_type_with_name::<Top>("Top");
    engine.register_fn("Top", |_: &mut super::api::Dj| Top::default());
    engine.register_fn("Top", |_: &mut super::api::Dj, opts: Map| top(&opts));
    engine.register_fn("to_string", |t: &mut Top| t.repr());
    engine.register_fn("to_debug", |t: &mut Top| t.repr());
    let h = host.clone();
    super::variadic::register(engine, "U", false, move |_: &mut super::api::Dj, names, _| {
        Ok(Dynamic::from(Table { query: h.server.borrow().world.universal(&names), class: "U".into() }))
    });
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
    // `T.proj("a", "b", #{new: "old"})` as Python's `T.proj("a", "b", new="old")`, and with
    // the names in one array.
    let p = proj.clone();
    super::variadic::register(engine, "proj", true, move |t: &mut Table, attrs, named| {
        let attrs: Array = attrs.into_iter().map(Dynamic::from).collect();
        p(t, &attrs, &named).map(Dynamic::from)
    });
    let p = proj.clone();
    engine.register_fn("proj", move |t: &mut Table, attrs: Array| p(t, &attrs, &Map::new()));
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
