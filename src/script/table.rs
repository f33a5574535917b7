//! Tables and query expressions in rhai: the methods and properties of DataJoint's tables.

use rhai::{Array, Dynamic, Engine, EvalAltResult, FnPtr, Map, NativeCallContext};

use super::error::{throw, type_error};
use super::host::{ScriptConsole, Shared};
use super::value::{map_pairs, to_dynamic, to_value};
use crate::engine::delete::DeleteOptions;
use crate::engine::frame;
use crate::engine::preview::Display;
use crate::engine::{Error, FetchSpec, InsertOptions, Kind, Query, Row, TableName, Tier};

type R<T> = Result<T, Box<EvalAltResult>>;

/// A table or query expression in a script.
#[derive(Debug, Clone)]
pub struct Table {
    /// The expression.
    pub query: Query,
    /// The class name it is known by (`MyGrouping.MyUnit` for parts).
    pub class: String,
}

impl Table {
    /// The base table (for a derived expression, the first table it reads).
    pub fn name(&self) -> TableName {
        match self.query.restricted_table() {
            Some((t, _)) => t.clone(),
            None => self.query.tables().into_iter().next().unwrap_or_else(|| TableName::new("", "")),
        }
    }
}

/// `T.heading`.
#[derive(Debug, Clone)]
pub struct Heading(Query);

/// A row given as a map or a positional array.
pub fn row(d: &Dynamic) -> R<Row> {
    if let Some(m) = d.read_lock::<Map>() {
        return Ok(Row::Map(map_pairs(&m)));
    }
    if let Some(a) = d.read_lock::<Array>() {
        return Ok(Row::Positional(a.iter().map(to_value).collect()));
    }
    Err(throw(Error::dj(format!("Datatype <class '{}'> cannot be inserted", python_type(d)))))
}

/// Python's name for the type of a script value.
pub(super) fn python_type(d: &Dynamic) -> &'static str {
    match d.type_name() {
        "i64" => "int",
        "array" => "list",
        "map" => "dict",
        "f64" => "float",
        "bool" => "bool",
        "string" | "char" => "str",
        "()" => "NoneType",
        _ => "object",
    }
}

use super::options::{self, flag};

pub(super) fn insert_options(opts: &Map) -> InsertOptions {
    InsertOptions {
        replace: flag(opts, "replace"),
        skip_duplicates: flag(opts, "skip_duplicates"),
        ignore_extra_fields: flag(opts, "ignore_extra_fields"),
        allow_direct_insert: flag(opts, "allow_direct_insert"),
    }
}

fn fetch_spec(attrs: Vec<String>, opts: &Map) -> R<FetchSpec> {
    let order_by = match opts.get("order_by") {
        None => Vec::new(),
        Some(v) if v.is_array() => v.clone().into_array().unwrap_or_default().iter().map(|x| x.to_string()).collect(),
        Some(v) => v.to_string().split(',').map(|s| s.trim().to_string()).collect(),
    };
    let number = |key: &str| -> R<Option<u64>> {
        match opts.get(key) {
            None => Ok(None),
            Some(v) if v.is_unit() => Ok(None),
            Some(v) => v
                .as_int()
                .map(|i| Some(i.max(0) as u64))
                .map_err(|_| type_error(format!("fetch: {key} must be an integer"))),
        }
    };
    Ok(FetchSpec { attrs, order_by, limit: number("limit")?, offset: number("offset")? })
}

/// Rows as an array of maps (`fetch()`, `fetch(#{as_dict: true})`).
fn as_maps(columns: &[String], rows: &[Vec<crate::engine::Value>]) -> Array {
    rows.iter()
        .map(|r| Dynamic::from_map(columns.iter().zip(r).map(|(c, v)| (c.as_str().into(), to_dynamic(v))).collect()))
        .collect()
}

pub(super) fn fetch(host: &Shared, t: &Table, attrs: Vec<String>, opts: &Map) -> R<Dynamic> {
    options::check(opts, options::FETCH)?;
    let spec = fetch_spec(attrs.clone(), opts)?;
    let server = host.server.borrow();
    let frame = match opts.get("format").filter(|f| !f.is_unit()) {
        Some(f) => frame::wants_frame(&f.to_string(), !attrs.is_empty() || flag(opts, "as_dict")).map_err(throw)?,
        None => false,
    };
    let rows = server.world.fetch(&t.query, &spec).map_err(throw)?;
    if frame {
        return frame::Frame::from_rows(t.query.heading(), &rows).map(Dynamic::from).map_err(throw);
    }
    if attrs.is_empty() || attrs == ["KEY"] || flag(opts, "as_dict") {
        return Ok(Dynamic::from_array(as_maps(&rows.columns, &rows.rows)));
    }
    // One result per attribute asked for, repeats included; `KEY` among them gives key maps.
    let key = t.query.primary_key();
    let one = |a: &String| -> Dynamic {
        if a == "KEY" {
            let picked = key_columns(&rows.columns, &key);
            return Dynamic::from_array(rows.rows.iter().map(|r| key_map(&rows.columns, &picked, r)).collect());
        }
        let i = rows.columns.iter().position(|c| c == a).unwrap_or(0);
        Dynamic::from_array(rows.rows.iter().map(|r| to_dynamic(&r[i])).collect())
    };
    if attrs.len() == 1 {
        return Ok(one(&attrs[0]));
    }
    Ok(Dynamic::from_array(attrs.iter().map(one).collect()))
}

/// Where the primary key's attributes are among the fetched columns.
fn key_columns(columns: &[String], key: &[String]) -> Vec<usize> {
    key.iter().filter_map(|k| columns.iter().position(|c| c == k)).collect()
}

/// A row's primary key as a map (`KEY` among the names asked of fetch and fetch1).
fn key_map(columns: &[String], picked: &[usize], row: &[crate::engine::Value]) -> Dynamic {
    Dynamic::from_map(picked.iter().map(|&i| (columns[i].as_str().into(), to_dynamic(&row[i]))).collect())
}

fn fetch1(host: &Shared, t: &Table, attrs: Vec<String>) -> R<Dynamic> {
    let server = host.server.borrow();
    let rows = server.world.fetch1(&t.query, &attrs).map_err(throw)?;
    let row = &rows.rows[0];
    if attrs.is_empty() || attrs == ["KEY"] {
        return Ok(as_maps(&rows.columns, &rows.rows).remove(0));
    }
    // `KEY` among the names gives the row's primary key as a map, as Python's fetch1 does.
    let key = t.query.primary_key();
    let one = |a: &String| -> Dynamic {
        if a == "KEY" {
            return key_map(&rows.columns, &key_columns(&rows.columns, &key), row);
        }
        to_dynamic(&row[rows.columns.iter().position(|c| c == a).unwrap_or(0)])
    };
    if attrs.len() == 1 {
        return Ok(one(&attrs[0]));
    }
    Ok(Dynamic::from_array(attrs.iter().map(one).collect()))
}

/// Register the table type, its methods and properties.
pub fn register(engine: &mut Engine, host: &Shared) {
    engine.register_type_with_name::<Table>("Table");
    let names =
        |t: &mut Table, f: fn(&Query) -> Vec<String>| -> Array { f(&t.query).into_iter().map(Dynamic::from).collect() };
    engine.register_get("primary_key", move |t: &mut Table| names(t, Query::primary_key));
    engine.register_get("full_table_name", |t: &mut Table| t.name().full());
    engine.register_get("heading", |t: &mut Table| Heading(t.query.clone()));
    engine.register_type_with_name::<Heading>("Heading");
    engine.register_get("names", |h: &mut Heading| -> Array { h.0.names().into_iter().map(Dynamic::from).collect() });
    engine.register_get("primary_key", |h: &mut Heading| -> Array {
        h.0.primary_key().into_iter().map(Dynamic::from).collect()
    });
    engine.register_get("secondary_attributes", |h: &mut Heading| -> Array {
        h.0.secondary_attributes().into_iter().map(Dynamic::from).collect()
    });
    for name in ["to_string", "to_debug"] {
        let h = host.clone();
        engine.register_fn(name, move |hd: &mut Heading| h.server.borrow().world.heading_repr(&hd.0));
    }
    engine.register_get("table_name", |t: &mut Table| t.name().table.clone());
    engine.register_get("database", |t: &mut Table| t.name().database.clone());

    let h = host.clone();
    engine.register_fn("insert", move |t: &mut Table, rows: Array| -> R<()> { insert(&h, t, &rows, &Map::new()) });
    let h = host.clone();
    engine.register_fn("insert", move |t: &mut Table, rows: Array, opts: Map| -> R<()> { insert(&h, t, &rows, &opts) });
    let h = host.clone();
    engine.register_fn("insert", move |t: &mut Table, q: Table| -> R<()> { insert_query(&h, t, &q, &Map::new()) });
    let h = host.clone();
    engine.register_fn("insert", move |t: &mut Table, q: Table, opts: Map| -> R<()> { insert_query(&h, t, &q, &opts) });
    let h = host.clone();
    engine.register_get("contents", move |t: &mut Table| -> R<Array> {
        let declared = t.query.restricted_table().and_then(|(n, _)| h.contents.borrow().get(n).cloned());
        declared.ok_or_else(|| {
            let class = t.class.rsplit('.').next().unwrap_or_default();
            throw(Error::new(Kind::AttributeError, format!("type object '{class}' has no attribute 'contents'")))
        })
    });
    let h = host.clone();
    engine.register_fn("insert1", move |t: &mut Table, r: Dynamic| -> R<()> { insert(&h, t, &[r], &Map::new()) });
    let h = host.clone();
    engine.register_fn("insert1", move |t: &mut Table, r: Dynamic, opts: Map| -> R<()> { insert(&h, t, &[r], &opts) });

    let h = host.clone();
    super::variadic::register(engine, "fetch", true, move |t: &mut Table, attrs, opts| fetch(&h, t, attrs, &opts));
    let h = host.clone();
    super::variadic::register(engine, "fetch1", false, move |t: &mut Table, attrs, _| fetch1(&h, t, attrs));
    let h = host.clone();
    engine.register_fn("len", move |t: &mut Table| -> R<rhai::INT> {
        h.server.borrow().world.len(&t.query).map(|n| n as rhai::INT).map_err(throw)
    });
    let h = host.clone();
    engine.register_fn("describe", move |t: &mut Table| -> R<String> {
        let text = h.server.borrow().world.describe(&t.name(), &|n| h.class_of(n)).map_err(throw)?;
        h.emit(text.trim_end_matches('\n'));
        Ok(text)
    });
    let h = host.clone();
    engine.register_fn("to_string", move |t: &mut Table| -> String { preview(&h, t) });
    let h = host.clone();
    engine.register_fn("to_debug", move |t: &mut Table| -> String { preview(&h, t) });
    let h = host.clone();
    engine.register_fn("part", move |t: &mut Table, class: &str, definition: &str| -> R<Table> {
        let schema = t.name().database;
        super::api::declare(&h, &schema, class, Tier::Part, Some(t), definition)
    });
    // A part's `delete(force)` returns nothing, as DataJoint's Part.delete does; a table's
    // `delete(...)` returns the count of the table it was called on.
    let h = host.clone();
    let delete = move |t: &mut Table, opts: Map| -> R<Dynamic> { self::delete(&h, t, opts) };
    let d = delete.clone();
    engine.register_fn("delete", move |t: &mut Table, opts: Map| d(t, opts));
    engine.register_fn("delete", move |t: &mut Table| delete(t, Map::new()));
    for prompt in [true, false] {
        let h = host.clone();
        let alter = move |t: &mut Table, definition: &str, prompt: bool| -> R<bool> {
            let names = h.names.borrow().clone();
            let aliases = h.aliases.borrow();
            let resolve = |r: &str| names.get(r).cloned().or_else(|| aliases.resolve(&h, &names, r));
            let namer = |n: &TableName| h.class_of(n);
            let mut server = h.server.borrow_mut();
            let altered = server
                .world
                .alter(&t.name(), definition, &resolve, &namer, prompt, &mut ScriptConsole(&h))
                .map_err(throw)?;
            // DataJoint resets the class's heading after an alter.
            if altered {
                t.query = server.world.query(&t.name()).map_err(throw)?;
            }
            Ok(altered)
        };
        if prompt {
            engine.register_fn("alter", move |t: &mut Table, definition: &str| alter(t, definition, true));
        } else {
            engine.register_fn("alter", move |t: &mut Table, definition: &str, opts: Map| {
                options::check(&opts, options::ALTER)?;
                alter(t, definition, opts.get("prompt").and_then(|v| v.as_bool().ok()).unwrap_or(true))
            });
        }
    }
    let h = host.clone();
    engine.register_fn("delete_quick", move |t: &mut Table| -> R<()> {
        h.server.borrow_mut().world.delete_quick(&t.query).map(|_| ()).map_err(throw)
    });
    let h = host.clone();
    engine.register_fn("delete_quick", move |t: &mut Table, opts: Map| -> R<Dynamic> {
        options::check(&opts, options::DELETE_QUICK)?;
        let n = h.server.borrow_mut().world.delete_quick(&t.query).map_err(throw)?;
        Ok(if flag(&opts, "get_count") { Dynamic::from_int(n as i64) } else { Dynamic::UNIT })
    });
    let h = host.clone();
    let drop = move |t: &mut Table, opts: Map| -> R<()> {
        let part = crate::engine::drop::get_master(&t.name()).is_some();
        options::check(&opts, if part { options::PART_DROP } else { options::DROP })?;
        let mut server = h.server.borrow_mut();
        let safemode = server.config.safemode();
        let force = flag(&opts, "force");
        server.world.drop(&t.query, force, safemode, &mut ScriptConsole(&h)).map(|_| ()).map_err(throw)
    };
    let h = host.clone();
    engine.register_fn("drop_quick", move |t: &mut Table| -> R<()> {
        h.server.borrow_mut().world.drop_quick_logged(&t.query, &mut ScriptConsole(&h)).map_err(throw)
    });
    let d = drop.clone();
    engine.register_fn("drop", move |t: &mut Table| d(t, Map::new()));
    engine.register_fn("drop", move |t: &mut Table, opts: Map| drop(t, opts));
    super::graph::register(engine, host);
    // `Master.Part`, and a script function without parameters read as a property (Python's
    // `@property`: `SubjBlinded.pk`); anything else is Python's AttributeError.
    let h = host.clone();
    engine.register_indexer_get(move |ctx: NativeCallContext, t: &mut Table, name: &str| -> R<Dynamic> {
        let part = format!("{}.{name}", t.class);
        if let Some(table) = h.names.borrow().get(&part).cloned() {
            let query = h.server.borrow().world.query(&table).map_err(throw)?;
            return Ok(Dynamic::from(Table { query, class: part }));
        }
        let property = h.functions.borrow().script.iter().any(|(f, params)| f == name && params.is_empty());
        if property {
            let mut this = Dynamic::from(t.clone());
            return FnPtr::new(name)?.call_raw(&ctx, Some(&mut this), []);
        }
        Err(throw(Error::new(Kind::AttributeError, format!("'{}' object has no attribute '{name}'", t.class))))
    });
    super::ops::register(engine, host);
}

/// `T.delete(...)`: DataJoint's; a part's `delete(force)` returns nothing, as DataJoint's
/// Part.delete does; a table's returns the count of the table it was called on.
pub(super) fn delete(h: &Shared, t: &Table, opts: Map) -> R<Dynamic> {
    let part = crate::engine::drop::get_master(&t.name()).is_some();
    options::check(&opts, if part { options::PART_DELETE } else { options::DELETE })?;
    let mut server = h.server.borrow_mut();
    let safemode = opts.get("safemode").and_then(|v| v.as_bool().ok()).unwrap_or_else(|| server.config.safemode());
    let o = DeleteOptions {
        safemode,
        force: flag(&opts, "force"),
        force_parts: flag(&opts, "force_parts"),
        force_masters: flag(&opts, "force_masters"),
    };
    let n = server.world.delete(&t.query, o, &mut ScriptConsole(h)).map_err(throw)?;
    Ok(if part { Dynamic::UNIT } else { Dynamic::from_int(n as rhai::INT) })
}

fn insert_query(host: &Shared, t: &Table, q: &Table, opts: &Map) -> R<()> {
    host.server.borrow_mut().world.insert_query(&t.name(), &q.query, &insert_options(opts)).map_err(throw)
}

fn insert(host: &Shared, t: &Table, rows: &[Dynamic], opts: &Map) -> R<()> {
    // Spyglass's `Merge.insert` finds each row's source part (`_merge_insert`).
    if super::merge::is_merge(host, t) {
        return super::merge::insert(host, t, rows, opts);
    }
    options::check(opts, options::INSERT)?;
    let rows: Vec<Row> = rows.iter().map(row).collect::<R<_>>()?;
    host.server.borrow_mut().world.insert(&t.name(), &rows, &insert_options(opts)).map_err(throw)
}

/// `print(T)`: DataJoint's preview (an error prints as its message).
pub(crate) fn preview(host: &Shared, t: &Table) -> String {
    let server = host.server.borrow();
    let c = &server.config;
    let display =
        Display { limit: c.display_limit(), width: c.display_width(), show_tuple_count: c.show_tuple_count() };
    // A FreeTable's repr names its table first (Spyglass's `merge_get_parent` returns these).
    let head = if t.class == "FreeTable" { format!("FreeTable({})\n", t.name().full()) } else { String::new() };
    let text = match t.class.as_str() {
        "Union" => crate::spyglass::merge::view_preview(&server.world, &t.query, display),
        _ => server.world.preview(&t.query, display),
    };
    match text {
        Ok(text) => format!("{head}{}", text.trim_end_matches('\n')),
        Err(e) => format!("{}: {}", e.kind, e.message),
    }
}
