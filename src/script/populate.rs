//! Auto-populated tables in rhai: `schema.computed(name, definition, make)` (a closure or
//! `Fn("name")`, called with the key and `this` = the table), `populate`, `progress`,
//! `key_source`. Each key's make runs in its own transaction, as DataJoint's does.

use rhai::{Array, Dynamic, Engine, EvalAltResult, FnPtr, Map, NativeCallContext};

use super::error::{throw, type_error};
use super::host::Shared;
use super::ops::restriction;
use super::table::{python_type, Table};
use super::value::{map_pairs, to_dynamic};
use crate::engine::populate::{error_text, progress_bar, progress_text, Key, Order, PopulateOptions};
use crate::engine::{Error, Kind, Restriction, Tier};

type R<T> = Result<T, Box<EvalAltResult>>;

/// A make failure as the engine error populate records (`"Class: message"`).
fn as_error(e: &EvalAltResult, host: &Shared) -> Error {
    let line = super::error::last_line(e, &host.functions.borrow());
    match line.split_once(": ") {
        Some((kind, message)) => Error::new(Kind::DataJointError, message).with_class(kind),
        None => Error::new(Kind::DataJointError, line),
    }
}

fn key_map(key: &Key) -> Dynamic {
    Dynamic::from_map(key.iter().map(|(k, v)| (k.as_str().into(), to_dynamic(v))).collect())
}

fn options(opts: &Map, restrictions: Vec<Restriction>) -> R<PopulateOptions> {
    super::options::check(opts, super::options::POPULATE)?;
    let keys = match opts.get("keys").filter(|k| !k.is_unit()) {
        None => None,
        Some(k) => Some(
            k.read_lock::<Array>()
                .ok_or_else(|| super::error::type_error("populate: keys must be a list of keys (maps)"))?
                .iter()
                .map(|key| match key.read_lock::<Map>() {
                    Some(m) => Ok(map_pairs(&m)),
                    None => Err(super::error::type_error("populate: keys must be a list of keys (maps)")),
                })
                .collect::<R<Vec<_>>>()?,
        ),
    };
    let flag = |k: &str| opts.get(k).and_then(|v| v.as_bool().ok()).unwrap_or(false);
    let number = |k: &str| opts.get(k).and_then(|v| v.as_int().ok()).map(|n| n.max(0) as usize);
    let order = match opts.get("order") {
        Some(o) => Order::parse(&o.to_string()).map_err(throw)?,
        None => Order::Original,
    };
    Ok(PopulateOptions {
        restrictions,
        keys,
        suppress_errors: flag("suppress_errors"),
        limit: number("limit"),
        max_calls: number("max_calls"),
        order,
        ..PopulateOptions::default()
    })
}

/// The error of a populate with keys to do and no `make`: DataJoint's, or for a Spyglass table
/// of the scenario (whose computation is Spyglass's, not the script's) the sandbox's own.
fn missing_make(name: &crate::engine::TableName, class: &str) -> Error {
    let prefix = name.database.split('_').next().unwrap_or_default();
    if crate::spyglass::mixin::SHARED_MODULES.contains(&prefix) {
        return Error::new(
            Kind::NotImplementedError,
            format!(
                "djsandbox does not run Spyglass's own computation for {class}: its rows come with the world. \
                 Insert into its selection table only what the world already computed, or declare your own \
                 table under workshop_<user> to populate."
            ),
        );
    }
    Error::new(
        Kind::NotImplementedError,
        "Subclasses of AutoPopulate must implement the method `make` or (`make_fetch` + `make_compute` + `make_insert`)",
    )
}

/// The parameters of the script function behind `make` called with `n` arguments (a closure's
/// captured variables come first), if it is one.
fn script_params(ctx: &NativeCallContext, make: &FnPtr, n: usize) -> Option<Vec<String>> {
    let n = make.curry().len() + n;
    ctx.global_runtime_state()
        .lib
        .iter()
        .find_map(|m| m.get_script_fn(make.fn_name(), n))
        .map(|f| f.params.iter().map(|p| p.to_string()).collect())
}

/// Call `make(key, **kwargs)` with `this` = the table. DataJoint passes populate's
/// `make_kwargs` as keyword arguments; here a make declared with a second parameter receives
/// them as a map (empty when there are none), and a one-parameter make given some refuses them
/// as Python refuses an unexpected keyword.
fn call_make(ctx: &NativeCallContext, t: &Table, make: &FnPtr, key: Dynamic, kwargs: &Map) -> R<Dynamic> {
    let mut this = Dynamic::from(t.clone());
    if script_params(ctx, make, 2).is_some() {
        return make.call_raw(ctx, Some(&mut this), [key, Dynamic::from_map(kwargs.clone())]);
    }
    if let Some(k) = kwargs.keys().next() {
        return Err(type_error(format!("{}.make() got an unexpected keyword argument '{k}'", t.class)));
    }
    make.call_raw(ctx, Some(&mut this), [key])
}

/// populate's `make_kwargs`: a map, or None for none.
fn make_kwargs(opts: &Map, class: &str) -> R<Map> {
    match opts.get("make_kwargs") {
        None => Ok(Map::new()),
        Some(v) if v.is_unit() => Ok(Map::new()),
        Some(v) => v.read_lock::<Map>().map(|m| m.clone()).ok_or_else(|| {
            type_error(format!("__main__.{class}.make() argument after ** must be a mapping, not {}", python_type(v)))
        }),
    }
}

fn populate(ctx: &NativeCallContext, host: &Shared, t: &mut Table, opts: PopulateOptions, raw: &Map) -> R<Map> {
    let show = raw.get("display_progress").and_then(|v| v.as_bool().ok()).unwrap_or(false);
    let kwargs = make_kwargs(raw, &t.class)?;
    let name = t.name();
    let make = host.makes.borrow().get(&name).cloned();
    let keys = host.server.borrow().world.populate_keys(&t.query, &opts).map_err(throw)?;
    // DataJoint calls `make` only for a key to do: with none, a table without one populates fine.
    let Some(make) = make else {
        return if keys.is_empty() { Ok(summary(0, Array::new())) } else { Err(throw(missing_make(&name, &t.class))) };
    };
    let mut success = 0;
    let mut errors = Array::new();
    for (done, key) in keys.iter().enumerate() {
        if !host.server.borrow_mut().world.begin_make(&name, key).map_err(throw)? {
            continue;
        }
        let result = call_make(ctx, t, &make, key_map(key), &kwargs);
        host.server.borrow_mut().world.end_make(result.is_ok()).map_err(throw)?;
        match result {
            Ok(_) => success += 1,
            Err(e) if opts.suppress_errors => {
                errors.push(Dynamic::from_array(vec![key_map(key), Dynamic::from(error_text(&as_error(&e, host)))]));
            }
            Err(e) => {
                if show {
                    host.emit(progress_bar(&t.class, done, keys.len()));
                }
                return Err(e);
            }
        }
    }
    if show && !keys.is_empty() {
        host.emit(progress_bar(&t.class, keys.len(), keys.len()));
    }
    Ok(summary(success, errors))
}

/// populate's return value: `{"success_count": n, "error_list": [...]}`.
fn summary(success: rhai::INT, errors: Array) -> Map {
    let mut out = Map::new();
    out.insert("success_count".into(), Dynamic::from_int(success));
    out.insert("error_list".into(), Dynamic::from_array(errors));
    out
}

/// Register computed/imported declarations with a make, and populate/progress/key_source.
pub fn register(engine: &mut Engine, host: &Shared) {
    for (method, tier) in [("computed", Tier::Computed), ("imported", Tier::Imported)] {
        let h = host.clone();
        engine.register_fn(
            method,
            move |s: &mut super::api::Schema, class: &str, definition: &str, make: FnPtr| -> R<Table> {
                let table = super::api::declare(&h, &s.0, class, tier, None, definition)?;
                // Keep the make's text for `export --python` (a make from a module has none here).
                if let Some(source) = h.sources.borrow().get(make.fn_name()) {
                    let text = source.closure(make.curry().len());
                    h.server.borrow_mut().world.set_make_source(&table.name(), &text).map_err(throw)?;
                }
                h.makes.borrow_mut().insert(table.name(), make);
                Ok(table)
            },
        );
    }
    // Restrictions first, keywords last; a lone map is the keywords (product.md).
    let h = host.clone();
    let run = move |ctx: &NativeCallContext, t: &mut Table, r: Option<Dynamic>, opts: Map| -> R<Map> {
        let restrictions = r.map(|r| restriction(&r)).transpose()?.into_iter().collect();
        populate(ctx, &h, t, options(&opts, restrictions)?, &opts)
    };
    let p = run.clone();
    engine.register_fn("populate", move |ctx: NativeCallContext, t: &mut Table| p(&ctx, t, None, Map::new()));
    let p = run.clone();
    engine.register_fn("populate", move |ctx: NativeCallContext, t: &mut Table, o: Map| p(&ctx, t, None, o));
    let p = run.clone();
    engine.register_fn("populate", move |ctx: NativeCallContext, t: &mut Table, r: Dynamic| {
        p(&ctx, t, Some(r), Map::new())
    });
    engine.register_fn("populate", move |ctx: NativeCallContext, t: &mut Table, r: Dynamic, o: Map| {
        run(&ctx, t, Some(r), o)
    });
    let h = host.clone();
    let progress = move |t: &mut Table, r: Option<Dynamic>, opts: Map| -> R<Array> {
        super::options::check(&opts, super::options::PROGRESS)?;
        let restrictions = r.map(|r| restriction(&r)).transpose()?.into_iter().collect();
        let opts_ = PopulateOptions { restrictions, ..Default::default() };
        let server = h.server.borrow();
        let (remaining, total) = server.world.progress(&t.query, &opts_).map_err(throw)?;
        if opts.get("display").and_then(|v| v.as_bool().ok()).unwrap_or(false) {
            let now = server.world.local_now().map_err(throw)?;
            h.emit(progress_text(&t.class, remaining, total, &now));
        }
        Ok(vec![Dynamic::from_int(remaining as i64), Dynamic::from_int(total as i64)])
    };
    let p = progress.clone();
    engine.register_fn("progress", move |t: &mut Table| p(t, None, Map::new()));
    let p = progress.clone();
    engine.register_fn("progress", move |t: &mut Table, o: Map| p(t, None, o));
    let p = progress.clone();
    engine.register_fn("progress", move |t: &mut Table, r: Dynamic| p(t, Some(r), Map::new()));
    engine.register_fn("progress", move |t: &mut Table, r: Dynamic, o: Map| progress(t, Some(r), o));
    register_make(engine, host);
    let h = host.clone();
    engine.register_get("key_source", move |t: &mut Table| -> R<Table> {
        let query = h.server.borrow().world.key_source(&t.name()).map_err(throw)?;
        Ok(Table { query, class: t.class.clone() })
    });
}

/// `T.make(key)` and `T.make(key, kwargs)` called directly, as Python can call a table's
/// `make`: outside populate, so its inserts meet DataJoint's direct-insert refusal.
fn register_make(engine: &mut Engine, host: &Shared) {
    let h = host.clone();
    let find = move |t: &Table| -> R<FnPtr> {
        if let Some(make) = h.makes.borrow().get(&t.name()) {
            return Ok(make.clone());
        }
        let tier = h.server.borrow().world.table_or_err(&t.name()).map_err(throw)?.tier;
        Err(throw(match tier {
            Tier::Computed | Tier::Imported => missing_make(&t.name(), &t.class),
            _ => Error::new(Kind::AttributeError, format!("'{}' object has no attribute 'make'", t.class)),
        }))
    };
    let f = find.clone();
    engine.register_fn("make", move |ctx: NativeCallContext, t: &mut Table| -> R<Dynamic> {
        let make = f(t)?;
        let key = script_params(&ctx, &make, 1).and_then(|p| p.last().cloned()).unwrap_or_else(|| "key".into());
        Err(type_error(format!("{}.make() missing 1 required positional argument: '{key}'", t.class)))
    });
    let f = find.clone();
    engine.register_fn("make", move |ctx: NativeCallContext, t: &mut Table, key: Dynamic| -> R<Dynamic> {
        call_make(&ctx, t, &f(t)?, key, &Map::new())
    });
    engine.register_fn("make", move |ctx: NativeCallContext, t: &mut Table, key: Dynamic, kw: Map| -> R<Dynamic> {
        call_make(&ctx, t, &find(t)?, key, &kw)
    });
}
