//! `fetch`, `fetch1` and `len` over any query expression, in primary-key order unless told
//! otherwise.

use super::error::{Error, Result};
use super::query::{check_order_by, order_clause, Query};
use super::value::Value;
use super::world::{internal, World};

/// `fetch`'s options: which attributes and in what order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FetchSpec {
    /// Attributes to fetch (`"KEY"` expands to the primary key); empty: all.
    pub attrs: Vec<String>,
    /// `order_by` items: `"a"`, `"a desc"`, `"KEY"`, `"KEY DESC"`.
    pub order_by: Vec<String>,
    /// `limit`.
    pub limit: Option<u64>,
    /// `offset`.
    pub offset: Option<u64>,
}

/// Fetched rows: column names and values.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rows {
    /// Column names in order.
    pub columns: Vec<String>,
    /// One vector per row, aligned with `columns`.
    pub rows: Vec<Vec<Value>>,
}

impl World {
    /// Fetch rows of a query.
    pub fn fetch(&self, query: &Query, spec: &FetchSpec) -> Result<Rows> {
        let columns = select_list(query, &spec.attrs)?;
        self.authorize_read(query, || format!("{}{}", query.mysql_text(&columns), mysql_sorting(query, spec)))?;
        if let Some(err) = query.deferred_error(&columns) {
            return Err(err);
        }
        check_order_by(query, &spec.order_by)?;
        let (inner, args) = query.select()?;
        let mut sql = format!(
            "SELECT {} FROM ({inner}) AS _f{}",
            columns.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(","),
            order_clause(query, &spec.order_by)
        );
        if spec.limit.is_some() || spec.offset.is_some() {
            // DataJoint: an offset without a limit takes 999999999999 rows.
            sql.push_str(&format!(
                " LIMIT {} OFFSET {}",
                spec.limit.unwrap_or(999_999_999_999),
                spec.offset.unwrap_or(0)
            ));
        }
        let types: Vec<_> = columns.iter().map(|c| query.column(c).and_then(|col| col.ty.clone())).collect();
        let mut stmt = self.conn.prepare_cached(&sql).map_err(internal)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(args.iter())).map_err(internal)?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().map_err(internal)? {
            let mut values = Vec::with_capacity(types.len());
            for (i, ty) in types.iter().enumerate() {
                let raw = row.get_ref(i).map_err(internal)?;
                values.push(match ty {
                    Some(ty) => ty.from_storage(raw),
                    None => computed_value(raw),
                });
            }
            out.push(values);
        }
        drop(rows);
        drop(stmt);
        self.resolve_filepaths(&types, &mut out)?;
        Ok(Rows { columns, rows: out })
    }

    /// `fetch1()` / `fetch1(attrs)`: exactly one row, or DataJoint's error.
    pub fn fetch1(&self, query: &Query, attrs: &[String]) -> Result<Rows> {
        let spec = FetchSpec { attrs: attrs.to_vec(), limit: Some(2), ..FetchSpec::default() };
        if !attrs.is_empty() {
            // With attributes, DataJoint counts every matching row for its message.
            let rows = self.fetch(query, &FetchSpec { limit: None, ..spec })?;
            if rows.rows.len() != 1 {
                return Err(Error::dj(format!(
                    "fetch1 should only return one tuple. {} tuples found",
                    rows.rows.len()
                )));
            }
            return Ok(rows);
        }
        // DataJoint's fetch1 reads every row (no LIMIT): that statement is what a failure names.
        let columns = select_list(query, attrs)?;
        self.authorize_read(query, || query.mysql_text(&columns))?;
        let rows = self.fetch(query, &spec)?;
        if rows.rows.len() != 1 {
            return Err(Error::dj("fetch1 requires exactly one tuple in the input set."));
        }
        Ok(rows)
    }

    /// `len(query)`: DataJoint's `count(DISTINCT primary key)`, which skips rows with a NULL in
    /// the key (MySQL's COUNT(DISTINCT a, b) ignores them); `count(*)` when the expression has a
    /// left join; unions and aggregations count every row of their subquery.
    pub fn len(&self, query: &Query) -> Result<usize> {
        self.count_rows(query, !query.counts_all_rows())
    }

    /// The `(Total: N)` of a preview: `len(q.proj(*non_blobs))`, so even a union counts distinct
    /// non-NULL keys (Spyglass's experimenter summary shows a NULL row with `(Total: 0)`).
    pub(crate) fn preview_len(&self, query: &Query) -> Result<usize> {
        self.count_rows(query, true)
    }

    fn count_rows(&self, query: &Query, distinct_key: bool) -> Result<usize> {
        let key = query.primary_key();
        // DataJoint's `__len__` statement: count(DISTINCT key), or count(*) over a left join.
        self.authorize_read(query, || {
            let count = if query.has_left_join() || key.is_empty() {
                "count(*)".to_string()
            } else {
                format!("count(DISTINCT {})", key.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(","))
            };
            format!("SELECT {count} FROM {}", query.mysql_from())
        })?;
        let (inner, args) = query.select()?;
        let sql = if !distinct_key || key.is_empty() || query.has_left_join() {
            format!("SELECT count(*) FROM ({inner})")
        } else {
            let not_null: Vec<String> =
                key.iter().map(|k| format!("{} IS NOT NULL", super::query::quote_column(k))).collect();
            format!("SELECT count(*) FROM ({inner}) WHERE {}", not_null.join(" AND "))
        };
        let n: i64 = self
            .conn
            .prepare_cached(&sql)
            .and_then(|mut s| s.query_row(rusqlite::params_from_iter(args.iter()), |r| r.get(0)))
            .map_err(internal)?;
        Ok(n as usize)
    }

    /// `bool(query)`: does it have any row?
    pub fn exists(&self, query: &Query) -> Result<bool> {
        self.authorize_read(query, || format!("SELECT EXISTS(SELECT 1 FROM {})", query.mysql_from()))?;
        let (inner, args) = query.select()?;
        let sql = format!("SELECT EXISTS({inner})");
        self.conn
            .prepare_cached(&sql)
            .and_then(|mut s| s.query_row(rusqlite::params_from_iter(args.iter()), |r| r.get(0)))
            .map_err(internal)
    }
}

/// A computed attribute's value, typed by what SQLite produced.
fn computed_value(raw: rusqlite::types::ValueRef<'_>) -> Value {
    use rusqlite::types::ValueRef;
    match raw {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::Int(i),
        ValueRef::Real(f) => Value::Float(f),
        ValueRef::Text(t) => Value::Str(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::Bytes(b.to_vec()),
    }
}

/// The columns `fetch(*attrs)` returns; `KEY` stands for the primary key.
fn select_list(q: &Query, attrs: &[String]) -> Result<Vec<String>> {
    if attrs.is_empty() {
        return Ok(q.names());
    }
    let mut out: Vec<String> = Vec::new();
    for a in attrs {
        let names = if a == "KEY" { q.primary_key() } else { vec![a.clone()] };
        for n in names {
            if q.column(&n).is_none() {
                return Err(Error::dj(format!("Attribute `{n}` not found.")));
            }
            if !out.contains(&n) {
                out.push(n);
            }
        }
    }
    Ok(out)
}

/// The ORDER BY / LIMIT / OFFSET DataJoint appends for a fetch with `order_by`, `limit` or
/// `offset` (its `Top`: `KEY` order by default; `KEY` expands to the primary key; each word
/// not starting with asc/desc backquoted, as its `_wrap_attributes` does).
fn mysql_sorting(query: &Query, spec: &FetchSpec) -> String {
    if spec.order_by.is_empty() && spec.limit.is_none() && spec.offset.unwrap_or(0) == 0 {
        return String::new();
    }
    let key = query.primary_key();
    let default = ["KEY".to_string()];
    let order: &[String] = if spec.order_by.is_empty() { &default } else { &spec.order_by };
    let mut items = Vec::new();
    for item in order {
        let words: Vec<String> = item.split_whitespace().map(str::to_uppercase).collect();
        match words.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
            ["KEY"] | ["KEY", "ASC"] => items.extend(key.iter().cloned()),
            ["KEY", "DESC"] => items.extend(key.iter().map(|k| format!("{k} DESC"))),
            _ => items.push(item.clone()),
        }
    }
    let mut out = String::new();
    if !items.is_empty() {
        out = format!(" ORDER BY {}", items.iter().map(|i| wrap_words(i)).collect::<Vec<_>>().join(", "));
    }
    let offset = spec.offset.unwrap_or(0);
    if let Some(limit) = spec.limit.or((offset > 0).then_some(999_999_999_999)) {
        out.push_str(&format!(" LIMIT {limit}"));
        if offset > 0 {
            out.push_str(&format!(" OFFSET {offset}"));
        }
    }
    out
}

/// Backquote each word (`\w+`) that does not start with `asc` or `desc`.
fn wrap_words(text: &str) -> String {
    let mut out = String::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let lower = word.to_lowercase();
        if word.is_empty() || lower.starts_with("asc") || lower.starts_with("desc") {
            out.push_str(word);
        } else {
            out.push_str(&format!("`{word}`"));
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() || c == '_' {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}
