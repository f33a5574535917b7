//! The global `dj`: `dj.config`, `dj.conn()`, `dj.schema(...)`, `dj.list_schemas()`,
//! `dj.hash.key_hash(...)`, and schema objects that declare tables.

use rhai::{Array, Dynamic, Engine, EvalAltResult, Map};

use super::error::throw;
use super::host::{ScriptConsole, Shared};
use super::table::Table;
use super::value::{map_pairs, to_dynamic, to_value};
use crate::engine::{Declaration, Row, Tier};
use crate::server::sql;

type R<T> = Result<T, Box<EvalAltResult>>;

/// `dj`.
#[derive(Debug, Clone, Copy)]
pub struct Dj;

/// `dj.config`.
#[derive(Debug, Clone, Copy)]
pub struct ConfigHandle;

/// `dj.conn()`.
#[derive(Debug, Clone, Copy)]
pub struct Conn;

/// What `conn.query(...)` returns.
#[derive(Debug, Clone)]
pub struct Cursor(Array);

/// `dj.hash`.
#[derive(Debug, Clone, Copy)]
pub struct Hash;

/// `dj.schema(name)`.
#[derive(Debug, Clone)]
pub struct Schema(pub String);

/// Register `dj` and its members.
pub fn register(engine: &mut Engine, host: &Shared) {
    engine.register_type_with_name::<Dj>("dj");
    engine.register_type_with_name::<ConfigHandle>("Config");
    engine.register_type_with_name::<Conn>("Connection");
    engine.register_type_with_name::<Cursor>("Cursor");
    engine.register_type_with_name::<Schema>("Schema");
    // A getter only: the handle writes through to the server, and without a setter rhai lets
    // `dj.config[k] = v` run inside functions, where `dj` is a constant.
    engine.register_get("config", |_: &mut Dj| ConfigHandle);
    engine.register_get("hash", |_: &mut Dj| Hash);

    let h = host.clone();
    engine.register_indexer_get(move |_: &mut ConfigHandle, key: &str| -> R<Dynamic> {
        h.server.borrow().config.get(key).map(to_dynamic).map_err(throw)
    });
    let h = host.clone();
    engine.register_indexer_set(move |_: &mut ConfigHandle, key: &str, v: Dynamic| -> R<()> {
        let mut server = h.server.borrow_mut();
        let result = server.config.set(key, to_value(&v));
        server.sync_external();
        result.map_err(throw)
    });
    let h = host.clone();
    engine.register_fn("load", move |_: &mut ConfigHandle, path: &str| -> R<()> {
        let mut server = h.server.borrow_mut();
        let cwd = server.cwd.clone();
        let mut lines = Vec::new();
        let result = server.config.load(&cwd, path, &mut |l| lines.push(format!("[INFO]: {l}")));
        server.sync_external();
        lines.into_iter().for_each(|l| h.emit(l));
        result.map_err(throw)
    });
    // `save(filename, verbose=False)` and `save_local(verbose=False)`; verbose logs the file.
    for method in ["save", "save_local"] {
        let h = host.clone();
        let save = move |path: Option<&str>, opts: Map| -> R<()> {
            super::options::check(&opts, ("Config.save", &["verbose"]))?;
            let server = h.server.borrow();
            let file = path.unwrap_or(crate::server::config::LOCAL_CONFIG);
            server.config.save(&server.cwd, file).map_err(throw)?;
            if super::options::flag(&opts, "verbose") {
                h.emit(format!("[INFO]: Saved settings in {file}"));
            }
            Ok(())
        };
        if method == "save" {
            let s = save.clone();
            engine.register_fn(method, move |_: &mut ConfigHandle, path: &str| s(Some(path), Map::new()));
            engine.register_fn(method, move |_: &mut ConfigHandle, path: &str, o: Map| save(Some(path), o));
        } else {
            let s = save.clone();
            engine.register_fn(method, move |_: &mut ConfigHandle| s(None, Map::new()));
            engine.register_fn(method, move |_: &mut ConfigHandle, o: Map| save(None, o));
        }
    }
    // `dj.config.update({...})`: each item set as `dj.config[k] = v` would.
    let h = host.clone();
    engine.register_fn("update", move |_: &mut ConfigHandle, items: Map| -> R<()> {
        let mut server = h.server.borrow_mut();
        items.iter().try_for_each(|(k, v)| server.config.set(k, to_value(v)).map_err(throw))
    });

    let h = host.clone();
    engine.register_fn("conn", move |_: &mut Dj| -> R<Conn> {
        h.server.borrow_mut().conn(false).map(|_| Conn).map_err(throw)
    });
    let h = host.clone();
    engine.register_fn("conn", move |_: &mut Dj, opts: Map| -> R<Conn> {
        super::options::check(&opts, super::options::CONN)?;
        let reset = opts.get("reset").and_then(|v| v.as_bool().ok()).unwrap_or(false);
        h.server.borrow_mut().conn(reset).map(|_| Conn).map_err(throw)
    });
    let h = host.clone();
    engine.register_fn("ping", move |_: &mut Conn| -> R<()> { h.server.borrow().ping().map_err(throw) });
    let h = host.clone();
    engine.register_fn("query", move |_: &mut Conn, text: &str| -> R<Cursor> { run_sql(&h, text, &[]) });
    let h = host.clone();
    engine.register_fn("query", move |_: &mut Conn, text: &str, args: Array| -> R<Cursor> {
        let args: Vec<_> = args.iter().map(to_value).collect();
        run_sql(&h, text, &args)
    });
    engine.register_fn("fetchall", |c: &mut Cursor| c.0.clone());
    // `print(dj.conn())`: DataJoint's `DataJoint connection (connected) user@host:port`.
    for name in ["to_string", "to_debug"] {
        let h = host.clone();
        engine.register_fn(name, move |_: &mut Conn| h.server.borrow().describe_connection());
    }

    let h = host.clone();
    engine.register_fn("list_schemas", move |_: &mut Dj| -> R<Array> {
        let names = h.server.borrow_mut().list_schemas().map_err(throw)?;
        Ok(names.into_iter().map(Dynamic::from).collect())
    });
    engine.register_fn("key_hash", |_: &mut Hash, key: Map| {
        let pairs = map_pairs(&key);
        crate::engine::hash::key_hash(pairs.iter().map(|(k, v)| (k.as_str(), v)))
    });

    let h = host.clone();
    engine.register_fn("schema", move |_: &mut Dj, name: &str| -> R<Schema> {
        let mut server = h.server.borrow_mut();
        server.conn(false).map_err(throw)?;
        server.world.activate_schema(name, true).map_err(throw)?;
        // A new schema object: its `external` mapping reads the stores afresh.
        server.world.forget_store_specs(name);
        Ok(Schema(name.to_string()))
    });
    for (method, tier) in
        [("manual", Tier::Manual), ("lookup", Tier::Lookup), ("imported", Tier::Imported), ("computed", Tier::Computed)]
    {
        let h = host.clone();
        engine.register_fn(method, move |s: &mut Schema, class: &str, definition: &str| -> R<Table> {
            declare(&h, &s.0, class, tier, None, definition)
        });
    }
    let h = host.clone();
    engine.register_fn("lookup", move |s: &mut Schema, class: &str, definition: &str, contents: Array| -> R<Table> {
        let table = declare(&h, &s.0, class, Tier::Lookup, None, definition)?;
        let rows: Vec<Row> = contents.iter().map(super::table::row).collect::<R<_>>()?;
        let warning = h.server.borrow_mut().world.insert_contents(&table.name(), &rows).map_err(throw)?;
        h.contents.borrow_mut().insert(table.name(), contents);
        if let Some(w) = warning {
            h.emit(format!("[WARNING]: {w}"));
        }
        Ok(table)
    });
    // `schema.database`: the name it was created with.
    engine.register_get("database", |s: &mut Schema| s.0.clone());
    let h = host.clone();
    engine.register_fn("list_tables", move |s: &mut Schema| -> Array {
        h.server.borrow().world.list_tables(&s.0).into_iter().map(Dynamic::from).collect()
    });
    let h = host.clone();
    engine.register_fn("drop", move |s: &mut Schema, opts: Map| -> R<bool> {
        super::options::check(&opts, super::options::SCHEMA_DROP)?;
        let force = opts.get("force").and_then(|v| v.as_bool().ok()).unwrap_or(false);
        let mut server = h.server.borrow_mut();
        let safemode = server.config.safemode();
        server.world.drop_schema_checked(&s.0, force, safemode, &mut ScriptConsole(&h)).map_err(throw)
    });
}

/// Declare a table (or keep the existing one) and name it in the script's namespace.
pub fn declare(
    host: &Shared,
    schema: &str,
    class: &str,
    tier: Tier,
    master: Option<&Table>,
    definition: &str,
) -> R<Table> {
    let mut server = host.server.borrow_mut();
    let mut names = host.names.borrow().clone();
    if let Some(m) = master {
        names.insert("master".into(), m.name());
    }
    let master_table = master.map(|m| m.name().table.clone());
    let decl = Declaration { schema, class_name: class, tier, master: master_table.as_deref(), definition };
    // DataJoint evaluates the reference in the caller's namespace: a class, or a name reached
    // through an import alias or a variable holding the table.
    let aliases = host.aliases.borrow();
    let resolve = |r: &str| names.get(r).cloned().or_else(|| aliases.resolve(host, &names, r));
    let declared = server.world.declare(&decl, &resolve).map_err(throw)?;
    let name = declared.name().clone();
    let key = match master {
        Some(m) => format!("{}.{class}", m.class),
        None => class.to_string(),
    };
    host.names.borrow_mut().insert(key.clone(), name.clone());
    let query = server.world.query(&name).map_err(throw)?;
    Ok(Table { query, class: key })
}

fn run_sql(host: &Shared, text: &str, args: &[crate::engine::Value]) -> R<Cursor> {
    let mut server = host.server.borrow_mut();
    let result = sql::query(&mut server, text, args).map_err(throw)?;
    Ok(Cursor(result.rows.iter().map(|r| Dynamic::from_array(r.iter().map(to_dynamic).collect())).collect()))
}
