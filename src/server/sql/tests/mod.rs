//! Unit tests of raw SQL, on a world holding the workshop's common tables and the seed deck's
//! tables, connected as one of the workshop's accounts.

mod account;
mod dml;
mod fuzz;
mod select;
mod show;
mod subquery;

use std::collections::HashMap;

use super::{query, QueryResult};
use crate::engine::{Declaration, Error, Row, TableName, Tier, Value, World};
use crate::server::grants::Accounts;
use crate::server::Server;

/// Declare a table in `world`, resolving class names through `names`.
fn declare(
    world: &mut World,
    names: &mut HashMap<String, TableName>,
    schema: &str,
    class: &str,
    tier: Tier,
    def: &str,
) {
    declare_part(world, names, schema, class, tier, None, def);
}

fn declare_part(
    world: &mut World,
    names: &mut HashMap<String, TableName>,
    schema: &str,
    class: &str,
    tier: Tier,
    master: Option<&str>,
    def: &str,
) {
    world.create_schema(schema).expect("schema");
    let known = names.clone();
    let resolve = move |r: &str| known.get(r).cloned();
    let decl = Declaration { schema, class_name: class, tier, master, definition: def };
    let declared = world.declare(&decl, &resolve).expect("declare");
    names.insert(class.to_string(), declared.name().clone());
}

/// The workshop world: Spyglass's common tables with rows, and the seed deck's tables.
pub fn world() -> World {
    let mut w = World::in_memory().expect("world");
    let mut n = HashMap::new();
    declare(
        &mut w,
        &mut n,
        "common_subject",
        "Subject",
        Tier::Manual,
        "subject_id: varchar(80)\n---\nage = NULL: varchar(200)\ndescription = NULL: varchar(2000)\n\
         genotype = NULL: varchar(2000)\nsex = \"U\": enum(\"M\", \"F\", \"U\")\nspecies = NULL: varchar(200)",
    );
    declare(
        &mut w,
        &mut n,
        "common_nwbfile",
        "Nwbfile",
        Tier::Manual,
        "nwb_file_name: varchar(64)\n---\nnwb_file_abs_path: varchar(255)",
    );
    declare(
        &mut w,
        &mut n,
        "common_nwbfile",
        "AnalysisNwbfile",
        Tier::Manual,
        "analysis_file_name: varchar(64)\n---\n-> Nwbfile\nanalysis_file_abs_path: varchar(255)",
    );
    declare(
        &mut w,
        &mut n,
        "common_session",
        "Session",
        Tier::Imported,
        "-> Nwbfile\n---\n-> [nullable] Subject\nsession_id = NULL: varchar(200)\n\
         session_description: varchar(2000)\nsession_start_time: datetime",
    );
    let s = "workshop_sailor";
    declare(&mut w, &mut n, s, "UpstreamUnit", Tier::Manual, "unit_id : int");
    declare(
        &mut w,
        &mut n,
        s,
        "MyParams",
        Tier::Lookup,
        "\n    param_name : varchar(32)\n    ---\n    params     : blob           # dict of parameter values\n    ",
    );
    declare(
        &mut w,
        &mut n,
        s,
        "SubjBlinded",
        Tier::Manual,
        "subject_id : uuid\n---\n-> Subject.proj(actual_id='subject_id')",
    );
    declare(
        &mut w,
        &mut n,
        s,
        "MyGrouping",
        Tier::Manual,
        "group_id : int auto_increment\n---\ngroup_name : varchar(64)",
    );
    let mut parts = n.clone();
    parts.insert("master".into(), n["MyGrouping"].clone());
    declare_part(&mut w, &mut parts, s, "MyUnit", Tier::Part, Some("my_grouping"), "-> master\n-> UpstreamUnit");
    declare(&mut w, &mut n, s, "MyAnalysisSelection", Tier::Manual, "-> SubjBlinded\n-> MyParams");
    declare(
        &mut w,
        &mut n,
        s,
        "MyAnalysis",
        Tier::Computed,
        "-> MyAnalysisSelection\n---\n-> AnalysisNwbfile    # by convention, results go into an NWB file",
    );
    declare(
        &mut w,
        &mut n,
        "alice_workshop",
        "Misc",
        Tier::Manual,
        "# misc table\nid : smallint unsigned   # the id\n---\nf = 1.5 : float\nd = 2.50 : decimal(5,2)\n\
         flag = 1 : bool\nts = CURRENT_TIMESTAMP : timestamp\ndt = null : datetime\nj = null : json\n\
         e = 'a' : enum('a','b')\nch = 'x' : char(3)\ndd : date\nlb : longblob\nunique index (ch, dd)\nindex (f)",
    );
    let map = |pairs: &[(&str, Value)]| Row::Map(pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect());
    let subjects = [
        ("Aardvark", "M", "Rattus norvegicus", Some("P90D")),
        ("Beaver", "F", "Rattus norvegicus", Some("P120D")),
        ("Chinchilla", "F", "Mus musculus", Some("P60D")),
        ("Dormouse", "U", "Mus musculus", None),
    ];
    let rows: Vec<Row> = subjects
        .iter()
        .map(|(id, sex, sp, age)| {
            map(&[
                ("subject_id", (*id).into()),
                ("sex", (*sex).into()),
                ("species", (*sp).into()),
                ("age", age.map_or(Value::Null, Value::from)),
            ])
        })
        .collect();
    w.insert(&n["Subject"], &rows, &Default::default()).expect("subjects");
    let files: Vec<Row> = ["aard", "beav", "chin"]
        .iter()
        .map(|f| {
            map(&[
                ("nwb_file_name", format!("{f}20230622_.nwb").into()),
                ("nwb_file_abs_path", format!("/nwb/{f}20230622_.nwb").into()),
            ])
        })
        .collect();
    w.insert(&n["Nwbfile"], &files, &Default::default()).expect("files");
    let sessions = [
        ("aard", "Aardvark", "r1", "run", "2023-06-22 10:00:00"),
        ("beav", "Beaver", "r1", "sleep", "2023-06-22 11:00:00"),
        ("chin", "Chinchilla", "r2", "run", "2023-06-22 12:30:00"),
    ];
    let rows: Vec<Row> = sessions
        .iter()
        .map(|(f, s, id, d, t)| {
            map(&[
                ("nwb_file_name", format!("{f}20230622_.nwb").into()),
                ("subject_id", (*s).into()),
                ("session_id", (*id).into()),
                ("session_description", (*d).into()),
                ("session_start_time", (*t).into()),
            ])
        })
        .collect();
    let opts = crate::engine::InsertOptions { allow_direct_insert: true, ..Default::default() };
    w.insert(&n["Session"], &rows, &opts).expect("sessions");
    w
}

/// A server over [`world`] with the workshop's accounts, connected as `user`.
pub fn server(user: &str) -> Server {
    let mut s = Server::new(world(), std::path::Path::new(".")).expect("server");
    s.accounts = Accounts::workshop();
    let password = match user {
        "sailor" => "galley",
        "swab" => "bilge",
        "captain" => "bridge",
        _ => "root",
    };
    s.config.set("database.user", Value::Str(user.into())).expect("user");
    s.config.set("database.password", Value::Str(password.into())).expect("password");
    s
}

/// Run `sql` without arguments.
pub fn q(s: &mut Server, sql: &str) -> Result<QueryResult, Error> {
    query(s, sql, &[])
}

/// Run `sql`, expecting success.
pub fn ok(s: &mut Server, sql: &str) -> QueryResult {
    q(s, sql).unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// Run `sql`, expecting an error: (class, message).
pub fn err(s: &mut Server, sql: &str) -> (String, String) {
    match q(s, sql) {
        Ok(r) => panic!("{sql}: expected an error, got {r:?}"),
        Err(e) => (e.kind.name().to_string(), e.message),
    }
}

/// Shorthand for string cells.
pub fn s(v: &str) -> Value {
    Value::Str(v.into())
}
