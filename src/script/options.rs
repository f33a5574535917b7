//! Keyword arguments: Python refuses a keyword a method does not take, with its qualified name
//! (`TypeError: Table.insert() got an unexpected keyword argument 'skip_dupes'`); so do we,
//! instead of ignoring a typo.

use rhai::{EvalAltResult, Map};

use super::error::type_error;

/// `Table.insert` (and `insert1`, which passes its keywords on).
pub const INSERT: (&str, &[&str]) =
    ("Table.insert", &["replace", "skip_duplicates", "ignore_extra_fields", "allow_direct_insert"]);
/// `Fetch.__call__`.
pub const FETCH: (&str, &[&str]) =
    ("Fetch.__call__", &["offset", "limit", "order_by", "format", "as_dict", "squeeze", "download_path"]);
/// `Table.delete`.
pub const DELETE: (&str, &[&str]) = ("Table.delete", &["transaction", "safemode", "force_parts", "force_masters"]);
/// `Part.delete` and `Part.drop`.
pub const PART_DELETE: (&str, &[&str]) = ("Part.delete", &["force"]);
/// `Part.drop`.
pub const PART_DROP: (&str, &[&str]) = ("Part.drop", &["force"]);
/// `Table.drop`.
pub const DROP: (&str, &[&str]) = ("Table.drop", &[]);
/// `Table.delete_quick`.
pub const DELETE_QUICK: (&str, &[&str]) = ("Table.delete_quick", &["get_count"]);
/// `AutoPopulate.populate`.
pub const POPULATE: (&str, &[&str]) = (
    "AutoPopulate.populate",
    &[
        "keys",
        "suppress_errors",
        "return_exception_objects",
        "reserve_jobs",
        "order",
        "limit",
        "max_calls",
        "display_progress",
        "processes",
        "make_kwargs",
    ],
);
/// `AutoPopulate.progress`.
pub const PROGRESS: (&str, &[&str]) = ("AutoPopulate.progress", &["display"]);
/// `Table.alter`.
pub const ALTER: (&str, &[&str]) = ("Table.alter", &["prompt", "context"]);
/// `dj.conn`.
pub const CONN: (&str, &[&str]) = ("conn", &["host", "user", "password", "init_fun", "reset", "use_tls"]);
/// `Schema.drop`.
pub const SCHEMA_DROP: (&str, &[&str]) = ("Schema.drop", &["force"]);
/// `Table.parents` and `Table.children`.
pub const PARENTS: (&str, &[&str]) = ("Table.parents", &["primary", "as_objects", "foreign_key_info"]);
/// `Table.descendants`, `ancestors` and `parts`.
pub const DESCENDANTS: (&str, &[&str]) = ("Table.descendants", &["as_objects"]);

/// Refuse keywords `method` does not take.
pub fn check(opts: &Map, (method, allowed): (&str, &[&str])) -> Result<(), Box<EvalAltResult>> {
    match opts.keys().find(|k| !allowed.contains(&k.as_str())) {
        Some(k) => Err(type_error(format!("{method}() got an unexpected keyword argument '{k}'"))),
        None => Ok(()),
    }
}

/// A boolean keyword (absent: false).
pub fn flag(opts: &Map, key: &str) -> bool {
    opts.get(key).and_then(|v| v.as_bool().ok()).unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keywords_are_refused_with_the_qualified_name() {
        let mut opts = Map::new();
        opts.insert("skip_duplicates".into(), true.into());
        assert!(check(&opts, INSERT).is_ok());
        opts.insert("skip_dupes".into(), true.into());
        let err = check(&opts, INSERT).unwrap_err();
        let rhai::EvalAltResult::ErrorRuntime(v, _) = *err else { panic!("not a runtime error") };
        let m = v.cast::<Map>();
        assert_eq!(m["message"].to_string(), "Table.insert() got an unexpected keyword argument 'skip_dupes'");
        assert_eq!(m["kind"].to_string(), "TypeError");
    }
}
