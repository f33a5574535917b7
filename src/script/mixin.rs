//! Spyglass's mixin in rhai: `#{mixin: true}` on declarations, and the mixin's methods
//! (`delete`, `super_delete`, `find_insert_fail`, `file_like`, `restrict_by`, `<<`, `>>`,
//! `camel_name`) plus AnalysisNwbfile's `create`, `add`, `add_nwb_object`.
//! Bindings only: the rules are in [`crate::spyglass`].

use std::cell::RefCell;

use rhai::{Array, Dynamic, Engine, EvalAltResult, FnPtr, Map};

use super::error::{throw, type_error};
use super::host::{ScriptConsole, Shared};
use super::options::{self, flag};
use super::table::Table;
use super::value::{map_pairs, to_value};
use crate::engine::delete::DeleteOptions;
use crate::engine::preview::Display;
use crate::engine::{Error, Kind, Tier};
use crate::spyglass::{analysis, delete, log, mixin, restrict_by};

type R<T> = Result<T, Box<EvalAltResult>>;

/// Keywords of a declaration (`@schema class T(SpyglassMixin, dj.Manual)` → `#{mixin: true}`).
const DECLARE: (&str, &[&str]) = ("Schema.__call__", &["mixin"]);
/// `cautious_delete`'s keywords and DataJoint's.
const CAUTIOUS: (&str, &[&str]) =
    ("cautious_delete", &["force_permission", "dry_run", "transaction", "safemode", "force_parts", "force_masters"]);

thread_local! {
    /// Random names and object ids (`random.choices`, uuid4); `DJSANDBOX_SEED` makes them
    /// reproducible (tests, instructors' reference outputs).
    static RNG: RefCell<fastrand::Rng> = RefCell::new(
        std::env::var("DJSANDBOX_SEED").ok().and_then(|s| s.parse().ok()).map_or_else(fastrand::Rng::new, fastrand::Rng::with_seed),
    );
}

pub(super) fn display(h: &Shared) -> Display {
    let c = &h.server.borrow().config;
    Display { limit: c.display_limit(), width: c.display_width(), show_tuple_count: c.show_tuple_count() }
}

/// Spyglass's analysis directory (`settings.analysis_dir`, from `dj.config["custom"]` or the
/// environment); without a configured base, the sandbox's `/data/spyglass/analysis`.
pub(super) fn analysis_dir(h: &Shared) -> String {
    let server = h.server.borrow();
    let cwd = server.cwd.display().to_string();
    let dirs = crate::spyglass::settings::dirs(server.config.lookup("custom"), &|k| server.env.get(k), &cwd);
    dirs.map_or_else(|| "/data/spyglass/analysis".into(), |d| d.analysis)
}

/// Print Spyglass's log lines.
fn logger(h: &Shared) -> impl FnMut(log::Level, &str) + '_ {
    move |level, message| h.emit(log::format(level, message))
}

/// Does the object have the mixin's methods? Its table must be a mixin table, and the object
/// not a `FreeTable` (DataJoint's plain table class: `merge_get_parent` and
/// `parents(as_objects=True)` give those, and Spyglass's methods are not on them).
fn has_mixin(h: &Shared, t: &Table) -> R<bool> {
    Ok(t.class != "FreeTable" && mixin::is_mixin(&h.server.borrow().world, &t.name()).map_err(throw)?)
}

/// The table must be a mixin table, else Python's AttributeError for the method.
pub(super) fn require(h: &Shared, t: &Table, method: &str) -> R<()> {
    if has_mixin(h, t)? {
        return Ok(());
    }
    let class = t.class.rsplit('.').next().unwrap_or_default();
    Err(throw(Error::new(Kind::AttributeError, format!("'{class}' object has no attribute '{method}'"))))
}

/// A declaration with its options: a mixin class's decoration logs the prefix check first
/// (each time, even when the table exists: seen on Spyglass 0.6.0, where the class is
/// instantiated before it is declared; part classes log nothing), and its table is marked as a
/// mixin table after.
fn declared(h: &Shared, opts: &Map, schema: &str, part: bool, declare: impl FnOnce() -> R<Table>) -> R<Table> {
    options::check(opts, DECLARE)?;
    let mixin = flag(opts, "mixin");
    if mixin && !part {
        let (user, custom) = {
            let server = h.server.borrow();
            let custom = match server.config.lookup("custom") {
                Some(crate::engine::Value::Map(m)) => match m.get("database.prefix") {
                    Some(crate::engine::Value::Str(s)) => Some(s.clone()),
                    _ => None,
                },
                _ => None,
            };
            (server.config.user().unwrap_or_default(), custom)
        };
        mixin::check_prefix(schema, &user, custom.as_deref(), &mut logger(h));
    }
    let t = declare()?;
    if mixin {
        mixin::mark(&mut h.server.borrow_mut().world, &t.name()).map_err(throw)?;
    }
    Ok(t)
}

fn derived(t: &Table, query: crate::engine::Query) -> Table {
    Table { query, class: t.class.clone() }
}

/// Register the mixin options and methods (after the table's own methods: `delete` is replaced).
pub fn register(engine: &mut Engine, host: &Shared) {
    register_declarations(engine, host);
    register_delete(engine, host);
    register_helpers(engine, host);
    register_analysis(engine, host);
}

fn register_declarations(engine: &mut Engine, host: &Shared) {
    for (method, tier) in [("manual", Tier::Manual), ("lookup", Tier::Lookup)] {
        let h = host.clone();
        engine.register_fn(method, move |s: &mut super::api::Schema, class: &str, def: &str, opts: Map| -> R<Table> {
            declared(&h, &opts, &s.0, false, || super::api::declare(&h, &s.0, class, tier, None, def))
        });
    }
    let h = host.clone();
    engine.register_fn(
        "lookup",
        move |ctx: rhai::NativeCallContext,
              s: &mut super::api::Schema,
              class: &str,
              def: &str,
              rows: Array,
              opts: Map| {
            declared(&h, &opts, &s.0, false, || {
                ctx.call_native_fn("lookup", (s.clone(), class.to_string(), def.to_string(), rows))
            })
        },
    );
    for method in ["computed", "imported"] {
        let h = host.clone();
        engine.register_fn(
            method,
            move |ctx: rhai::NativeCallContext,
                  s: &mut super::api::Schema,
                  class: &str,
                  def: &str,
                  make: FnPtr,
                  opts: Map| {
                declared(&h, &opts, &s.0, false, || {
                    ctx.call_native_fn(method, (s.clone(), class.to_string(), def.to_string(), make))
                })
            },
        );
    }
    let h = host.clone();
    engine.register_fn("part", move |t: &mut Table, class: &str, def: &str, opts: Map| -> R<Table> {
        let schema = t.name().database;
        declared(&h, &opts, &schema, true, || super::api::declare(&h, &schema, class, Tier::Part, Some(t), def))
    });
    engine.register_get("camel_name", |t: &mut Table| mixin::camel_name(&t.name()));
}

fn register_delete(engine: &mut Engine, host: &Shared) {
    // The mixin's `delete` is `cautious_delete`, which returns None; other tables keep
    // DataJoint's.
    let h = host.clone();
    let delete = move |t: &mut Table, opts: Map| -> R<Dynamic> {
        if !has_mixin(&h, t)? {
            return super::table::delete(&h, t, opts);
        }
        options::check(&opts, CAUTIOUS)?;
        let shown = display(&h);
        let mut server = h.server.borrow_mut();
        let safemode = opts.get("safemode").and_then(|v| v.as_bool().ok()).unwrap_or_else(|| server.config.safemode());
        let o = DeleteOptions {
            safemode,
            force: false,
            force_parts: flag(&opts, "force_parts"),
            force_masters: flag(&opts, "force_masters"),
        };
        let cautious = delete::CautiousOptions {
            force_permission: flag(&opts, "force_permission"),
            dry_run: flag(&opts, "dry_run"),
        };
        let user = server.config.user().unwrap_or_else(|| "root".into());
        let mut log = logger(&h);
        let (q, name) = (t.query.clone(), t.name());
        delete::cautious_delete(
            &mut server.world,
            &q,
            &name,
            cautious,
            o,
            &user,
            &mut ScriptConsole(&h),
            &mut log,
            shown,
        )
        .map_err(throw)?;
        Ok(Dynamic::UNIT)
    };
    let d = delete.clone();
    engine.register_fn("delete", move |t: &mut Table| d(t, Map::new()));
    engine.register_fn("delete", move |t: &mut Table, opts: Map| delete(t, opts));
    // `super_delete(warn=True)`: DataJoint's delete behind a warning; returns None.
    let h = host.clone();
    let sup = move |t: &mut Table, mut opts: Map| -> R<()> {
        require(&h, t, "super_delete")?;
        let warn = opts.remove("warn").map(|v| v.as_bool().unwrap_or(true)).unwrap_or(true);
        if warn {
            h.emit(log::format(log::Level::Warning, "!! Bypassing cautious_delete !!"));
        }
        super::table::delete(&h, t, opts).map(|_| ())
    };
    let s = sup.clone();
    engine.register_fn("super_delete", move |t: &mut Table| s(t, Map::new()));
    engine.register_fn("super_delete", move |t: &mut Table, opts: Map| sup(t, opts));
}

fn register_helpers(engine: &mut Engine, host: &Shared) {
    let h = host.clone();
    engine.register_fn("find_insert_fail", move |t: &mut Table, key: Map| -> R<String> {
        require(&h, t, "find_insert_fail")?;
        let shown = display(&h);
        let server = h.server.borrow();
        mixin::find_insert_fail(&server.world, &t.name(), &map_pairs(&key), shown).map_err(throw)
    });
    let h = host.clone();
    let file_like = move |t: &mut Table, name: Dynamic| -> R<Dynamic> {
        require(&h, t, "file_like")?;
        let name = if name.is_unit() { String::new() } else { name.to_string() };
        let mut log = logger(&h);
        let server = h.server.borrow();
        let q = mixin::file_like(&server.world, &t.query, &t.name(), &name, &mut log).map_err(throw)?;
        Ok(q.map_or(Dynamic::UNIT, |q| Dynamic::from(derived(t, q))))
    };
    let f = file_like.clone();
    engine.register_fn("file_like", move |t: &mut Table| f(t, Dynamic::UNIT));
    engine.register_fn("file_like", move |t: &mut Table, name: Dynamic| file_like(t, name));

    let h = host.clone();
    let restrict = move |t: &Table, r: Dynamic, direction: &str, method: &str| -> R<Dynamic> {
        require(&h, t, method)?;
        let dir = restrict_by::Direction::parse(direction).map_err(throw)?;
        let r = super::ops::restriction(&r)?;
        let mut log = logger(&h);
        let server = h.server.borrow();
        let q = restrict_by::restrict_by(&server.world, &t.query, &r, dir, &mut log).map_err(throw)?;
        Ok(q.map_or(Dynamic::UNIT, |q| Dynamic::from(derived(t, q))))
    };
    let r = restrict.clone();
    engine.register_fn("<<", move |t: Table, c: Dynamic| r(&t, c, "up", "__lshift__"));
    let r = restrict.clone();
    engine.register_fn(">>", move |t: Table, c: Dynamic| r(&t, c, "down", "__rshift__"));
    let r = restrict.clone();
    engine.register_fn("restrict_by", move |t: &mut Table, c: Dynamic| r(t, c, "up", "restrict_by"));
    let r = restrict.clone();
    engine.register_fn("restrict_by", move |t: &mut Table, c: Dynamic, d: &str| r(t, c, d, "restrict_by"));
    engine.register_fn("restrict_by", move |t: &mut Table, c: Dynamic, opts: Map| {
        if let Some(k) = opts.keys().find(|k| !["direction", "return_graph", "verbose"].contains(&k.as_str())) {
            return Err(type_error(format!("restrict_by() got an unexpected keyword argument '{k}'")));
        }
        let d = opts.get("direction").map(|d| d.to_string()).unwrap_or_else(|| "up".into());
        restrict(t, c, &d, "restrict_by")
    });
}

fn register_analysis(engine: &mut Engine, host: &Shared) {
    let is_analysis = |t: &Table, method: &str| -> R<()> {
        if t.name().table == "analysis_nwbfile" {
            return Ok(());
        }
        let class = t.class.rsplit('.').next().unwrap_or_default();
        Err(throw(Error::new(Kind::AttributeError, format!("'{class}' object has no attribute '{method}'"))))
    };
    let h = host.clone();
    engine.register_fn("create", move |t: &mut Table, nwb_file_name: &str| -> R<String> {
        is_analysis(t, "create")?;
        let world = &h.server.borrow().world;
        let name = RNG.with(|r| analysis::create(world, nwb_file_name, &mut r.borrow_mut())).map_err(throw)?;
        h.emit(log::format(log::Level::Info, &format!("Writing new NWB file {name}")));
        Ok(name)
    });
    let h = host.clone();
    engine.register_fn("add", move |t: &mut Table, nwb_file_name: &str, analysis_file_name: &str| -> R<()> {
        is_analysis(t, "add")?;
        let row = vec![
            ("nwb_file_name".to_string(), nwb_file_name.into()),
            ("analysis_file_name".to_string(), analysis_file_name.into()),
            ("analysis_file_description".to_string(), "".into()),
            ("analysis_file_abs_path".to_string(), analysis::abs_path(&analysis_dir(&h), analysis_file_name).into()),
        ];
        let opts = crate::engine::InsertOptions::default();
        h.server.borrow_mut().world.insert(&t.name(), &[crate::engine::Row::Map(row)], &opts).map_err(throw)
    });
    let h = host.clone();
    let add_object = move |t: &mut Table, file: &str, obj: Dynamic, name: Option<String>| -> R<String> {
        is_analysis(t, "add_nwb_object")?;
        let dir = analysis_dir(&h);
        let world = &h.server.borrow().world;
        RNG.with(|r| analysis::add_nwb_object(world, file, &to_value(&obj), name.as_deref(), &dir, &mut r.borrow_mut()))
            .map_err(throw)
    };
    let a = add_object.clone();
    engine.register_fn("add_nwb_object", move |t: &mut Table, f: &str, o: Dynamic| a(t, f, o, None));
    engine.register_fn("add_nwb_object", move |t: &mut Table, f: &str, o: Dynamic, n: Dynamic| {
        add_object(t, f, o, (!n.is_unit()).then(|| n.to_string()))
    });
}
