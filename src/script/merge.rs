//! Spyglass merge tables in rhai: `schema.merge("Out")`, the merge insert and the `merge_*`
//! methods. Bindings only: the rules are in `crate::spyglass::merge`.

use rhai::{Array, Dynamic, Engine, EvalAltResult, Map};

use super::api::Schema;
use super::error::throw;
use super::host::{ScriptConsole, Shared};
use super::ops::restriction;
use super::options::{self, flag};
use super::table::Table;
use crate::engine::delete::DeleteOptions;
use crate::engine::preview::Display;
use crate::engine::{Error, Kind, Query, Restriction, Row, TableName, Tier};
use crate::spyglass::merge::{self as sg, Level, Notes};

type R<T> = Result<T, Box<EvalAltResult>>;

/// `Merge.insert`'s keywords: `part_name` and those it passes on to `Table.insert`.
const INSERT: (&str, &[&str]) =
    ("Table.insert", &["part_name", "replace", "skip_duplicates", "ignore_extra_fields", "allow_direct_insert"]);
const GET_PART: (&str, &[&str]) =
    ("Merge.merge_get_part", &["join_master", "restrict_part", "multi_source", "return_empties"]);
const GET_PARENT: (&str, &[&str]) =
    ("Merge.merge_get_parent", &["join_master", "multi_source", "return_empties", "add_invalid_restrict"]);
const RESTRICT_CLASS: (&str, &[&str]) =
    ("Merge.merge_restrict_class", &["permit_multiple_rows", "add_invalid_restrict"]);
const DELETE_PARENT: (&str, &[&str]) =
    ("Merge.merge_delete_parent", &["dry_run", "transaction", "safemode", "force_parts", "force_masters"]);
const REPR: (&str, &[&str]) = ("Merge._merge_repr", &["include_empties"]);

/// Print Spyglass's log lines as its logger does, without the clock (output stays comparable).
pub(super) fn flush(host: &Shared, notes: Notes) {
    for n in notes {
        let level = match n.level {
            Level::Info => "INFO",
            Level::Warning => "WARNING",
            Level::Error => "ERROR",
        };
        host.emit(format!("[{level}] Spyglass: {}", n.text));
    }
}

fn display(host: &Shared) -> Display {
    let c = &host.server.borrow().config;
    Display { limit: c.display_limit(), width: c.display_width(), show_tuple_count: c.show_tuple_count() }
}

/// The merge master behind `t`, or Python's AttributeError for a method only merge tables have.
pub(super) fn master_of(host: &Shared, t: &Table, method: &str) -> R<TableName> {
    let name = t.name();
    if sg::is_merge(&host.server.borrow().world, &name) {
        return Ok(name);
    }
    Err(throw(Error::new(Kind::AttributeError, format!("'{}' object has no attribute '{method}'", t.class))))
}

/// A native table of the script (its class name) or a FreeTable.
/// The tables `merge_get_part`/`merge_get_parent` found, each joined with the master under
/// `join_master`: a list with `multi_source`, else the one found (`()` if none).
fn found_tables(
    host: &Shared,
    world: &crate::engine::World,
    master: &TableName,
    found: Vec<(TableName, Query)>,
    opts: &Map,
    multi: bool,
    free: bool,
) -> R<Dynamic> {
    let mut out = Array::new();
    for (name, q) in found {
        let mut tbl = table(host, &name, q, free);
        if flag(opts, "join_master") {
            tbl.query = world.join(&world.query(master).map_err(throw)?, &tbl.query, false).map_err(throw)?;
        }
        out.push(Dynamic::from(tbl));
    }
    Ok(if multi { Dynamic::from_array(out) } else { out.into_iter().next().unwrap_or(Dynamic::UNIT) })
}

fn table(host: &Shared, name: &TableName, query: Query, free: bool) -> Table {
    let class = if free { "FreeTable".into() } else { host.class_of(name).unwrap_or_else(|| name.full()) };
    Table { query, class }
}

/// Is `t` a merge table? (The table binding asks before inserting.)
pub fn is_merge(host: &Shared, t: &Table) -> bool {
    t.query.base_table().is_some() && sg::is_merge(&host.server.borrow().world, &t.name())
}

/// `Merge.insert(rows, part_name=..., **kwargs)`.
pub fn insert(host: &Shared, t: &Table, rows: &[Dynamic], opts: &Map) -> R<()> {
    options::check(opts, INSERT)?;
    let rows: Vec<Row> = rows.iter().map(super::table::row).collect::<R<_>>()?;
    let part = opts.get("part_name").filter(|v| !v.is_unit()).map(|v| v.to_string());
    let o = super::table::insert_options(opts);
    let mut notes = Notes::new();
    let result =
        sg::merge_insert(&mut host.server.borrow_mut().world, &t.name(), &rows, part.as_deref(), &o, &mut notes);
    flush(host, notes);
    result.map_err(throw)
}

/// `Out & r` when called on a restricted master (Spyglass's `self.restriction`), else `r`.
fn effective(t: &Table, r: Restriction) -> Restriction {
    if t.query.base_table().is_some() {
        r
    } else {
        Restriction::Query(t.query.clone())
    }
}

fn bool_opt(opts: &Map, key: &str, default: bool) -> bool {
    opts.get(key).and_then(|v| v.as_bool().ok()).unwrap_or(default)
}

/// Register `schema.merge` and the merge methods.
pub fn register(engine: &mut Engine, host: &Shared) {
    let h = host.clone();
    engine.register_fn("merge", move |s: &mut Schema, class: &str| -> R<Table> {
        let t = super::api::declare(&h, &s.0, class, Tier::Manual, None, sg::MERGE_DEFINITION)?;
        sg::mark_merge(&mut h.server.borrow_mut().world, &t.name()).map_err(throw)?;
        Ok(t)
    });
    register_views(engine, host);
    register_gets(engine, host);
    register_deletes(engine, host);
    super::merge_fetch::register(engine, host);
}

/// Register `name(T)`, `name(T, r)` and `name(T, r, opts)` over one implementation.
fn with_restriction<F>(engine: &mut Engine, name: &'static str, f: F)
where
    F: Fn(&mut Table, Restriction, Map) -> R<Dynamic> + Clone + 'static,
{
    let g = f.clone();
    engine.register_fn(name, move |t: &mut Table| g(t, Restriction::Bool(true), Map::new()));
    let g = f.clone();
    engine.register_fn(name, move |t: &mut Table, r: Dynamic| g(t, restriction(&r)?, Map::new()));
    engine.register_fn(name, move |t: &mut Table, r: Dynamic, opts: Map| f(t, restriction(&r)?, opts));
}

fn register_views(engine: &mut Engine, host: &Shared) {
    for name in ["merge_view", "merge_restrict", "_merge_repr"] {
        let h = host.clone();
        with_restriction(engine, name, move |t, r, opts| {
            let m = master_of(&h, t, name)?;
            options::check(&opts, if name == "_merge_repr" { REPR } else { (name, &[]) })?;
            let r = effective(t, r);
            let mut notes = Notes::new();
            let view = sg::merge_repr(&h.server.borrow().world, &m, &r, &mut notes);
            flush(&h, notes);
            let Some(query) = view.map_err(throw)? else { return Ok(Dynamic::UNIT) };
            let union = Table { query, class: "Union".into() };
            if name == "merge_view" {
                let text = super::table::preview(&h, &union);
                h.emit(text);
                return Ok(Dynamic::UNIT);
            }
            Ok(Dynamic::from(union))
        });
    }
    let h = host.clone();
    engine.register_get("source_class_dict", move |t: &mut Table| -> R<Map> {
        let m = master_of(&h, t, "source_class_dict")?;
        let world = &h.server.borrow().world;
        let mut out = Map::new();
        for (name, source) in sg::source_class_dict(world, &m) {
            let q = world.query(&source).map_err(throw)?;
            out.insert(name.into(), Dynamic::from(table(&h, &source, q, false)));
        }
        Ok(out)
    });
    // `parts(camel_case=True)` on a merge table: the CamelCase names, in dependency order.
    let h = host.clone();
    engine.register_fn("parts", move |t: &mut Table, opts: Map| -> R<Array> {
        let camel = flag(&opts, "camel_case");
        let keywords = if sg::is_merge(&h.server.borrow().world, &t.name()) {
            ("Table.parts", &["as_objects", "camel_case"][..])
        } else {
            options::DESCENDANTS
        };
        options::check(&opts, keywords)?;
        let world = &h.server.borrow().world;
        let parts = world.topo_sort(&world.parts(&t.name()));
        if camel {
            if flag(&opts, "as_objects") {
                flush(
                    &h,
                    vec![sg::Note {
                        level: Level::Warning,
                        text: "Overriding as_objects=True to return CamelCase part names.".into(),
                    }],
                );
            }
            return Ok(parts.iter().map(|p| Dynamic::from(sg::part_name(p))).collect());
        }
        parts
            .into_iter()
            .map(|p| {
                if flag(&opts, "as_objects") {
                    world.query(&p).map(|q| Dynamic::from(table(&h, &p, q, true))).map_err(throw)
                } else {
                    Ok(Dynamic::from(p.full()))
                }
            })
            .collect()
    });
}

fn register_gets(engine: &mut Engine, host: &Shared) {
    let h = host.clone();
    with_restriction(engine, "merge_get_part", move |t, r, opts| {
        let m = master_of(&h, t, "merge_get_part")?;
        options::check(&opts, GET_PART)?;
        let multi = flag(&opts, "multi_source");
        let world = &h.server.borrow().world;
        let found = sg::get_part(
            world,
            &m,
            &effective(t, r),
            bool_opt(&opts, "restrict_part", true),
            multi,
            flag(&opts, "return_empties"),
        )
        .map_err(throw)?;
        let Some(found) = found else { return Ok(Dynamic::UNIT) };
        found_tables(&h, world, &m, found, &opts, multi, false)
    });
    let h = host.clone();
    with_restriction(engine, "merge_get_parent", move |t, r, opts| {
        let m = master_of(&h, t, "merge_get_parent")?;
        options::check(&opts, GET_PARENT)?;
        let multi = flag(&opts, "multi_source");
        let d = display(&h);
        let world = &h.server.borrow().world;
        let invalid = bool_opt(&opts, "add_invalid_restrict", true);
        let found = sg::get_parent(world, &m, &effective(t, r), multi, flag(&opts, "return_empties"), invalid, d)
            .map_err(throw)?;
        found_tables(&h, world, &m, found, &opts, multi, true)
    });
    let h = host.clone();
    engine.register_fn("merge_get_parent_class", move |t: &mut Table, source: Dynamic| -> R<Dynamic> {
        let m = master_of(&h, t, "merge_get_parent_class")?;
        let d = display(&h);
        let mut notes = Notes::new();
        let result = {
            let world = &h.server.borrow().world;
            let (src, shown) = if let Some(s) = source.read_lock::<rhai::ImmutableString>() {
                (sg::Source::Name(s.to_string()), s.to_string())
            } else if let Some(tb) = source.read_lock::<Table>() {
                (sg::Source::Table(tb.name()), super::table::preview(&h, &tb))
            } else {
                let r = restriction(&source)?;
                let shown = sg::restriction_str(&sg::popped(&r));
                (sg::Source::Key(r), shown)
            };
            sg::parent_class(world, &m, src, &shown, d, &mut notes)
                .and_then(|found| found.map(|n| world.query(&n).map(|q| (n, q))).transpose())
        };
        flush(&h, notes);
        Ok(match result.map_err(throw)? {
            Some((n, q)) => Dynamic::from(table(&h, &n, q, false)),
            None => Dynamic::UNIT,
        })
    });
    let h = host.clone();
    let restrict_class = move |t: &mut Table, key: Dynamic, opts: Map| -> R<Table> {
        let m = master_of(&h, t, "merge_restrict_class")?;
        options::check(&opts, RESTRICT_CLASS)?;
        let d = display(&h);
        let mut notes = Notes::new();
        let key = restriction(&key)?;
        let found = {
            let world = &h.server.borrow().world;
            let permit = flag(&opts, "permit_multiple_rows");
            sg::restrict_class(world, &m, &key, permit, bool_opt(&opts, "add_invalid_restrict", true), d, &mut notes)
        };
        flush(&h, notes);
        let (name, q) = found.map_err(throw)?;
        Ok(table(&h, &name, q, false))
    };
    let f = restrict_class.clone();
    engine.register_fn("merge_restrict_class", move |t: &mut Table, key: Dynamic| f(t, key, Map::new()));
    engine.register_fn("merge_restrict_class", restrict_class);
}

fn register_deletes(engine: &mut Engine, host: &Shared) {
    let h = host.clone();
    with_restriction(engine, "merge_delete", move |t, r, opts| {
        let m = master_of(&h, t, "merge_delete")?;
        options::check(&opts, options::DELETE)?;
        let mut notes = Notes::new();
        let result = sg::merge_delete(&h.server.borrow().world, &m, &effective(t, r), &mut notes);
        flush(&h, notes);
        result.map(|_| Dynamic::UNIT).map_err(throw)
    });
    let h = host.clone();
    with_restriction(engine, "merge_delete_parent", move |t, r, opts| {
        let m = master_of(&h, t, "merge_delete_parent")?;
        options::check(&opts, DELETE_PARENT)?;
        let mut notes = Notes::new();
        let result = {
            let mut server = h.server.borrow_mut();
            let safemode =
                opts.get("safemode").and_then(|v| v.as_bool().ok()).unwrap_or_else(|| server.config.safemode());
            let o = DeleteOptions {
                safemode,
                force: false,
                force_parts: flag(&opts, "force_parts"),
                force_masters: flag(&opts, "force_masters"),
            };
            let dry = bool_opt(&opts, "dry_run", true);
            sg::merge_delete_parent(&mut server.world, &m, &effective(t, r), dry, o, &mut ScriptConsole(&h), &mut notes)
        };
        flush(&h, notes);
        Ok(match result.map_err(throw)? {
            Some(parents) => {
                Dynamic::from_array(parents.into_iter().map(|(n, q)| Dynamic::from(table(&h, &n, q, true))).collect())
            }
            None => Dynamic::UNIT,
        })
    });
}
