//! `fetch`, `fetch1` and `len`: rows out of a query, in primary-key order unless told otherwise.

use super::error::{Error, Kind, Result};
use super::heading::TableInfo;
use super::query::Query;
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
        let info = self.table_or_err(&query.table)?;
        let columns = select_list(&info, &spec.attrs)?;
        let (where_sql, args) = query.where_clause(&info)?;
        let order = order_clause(&info, &spec.order_by)?;
        let mut sql = format!(
            "SELECT {} FROM {} {} ORDER BY {}",
            columns.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(","),
            query.table.sqlite(),
            where_sql,
            order
        );
        if spec.limit.is_some() || spec.offset.is_some() {
            // DataJoint: an offset without a limit takes 999999999999 rows.
            sql.push_str(&format!(
                " LIMIT {} OFFSET {}",
                spec.limit.unwrap_or(999_999_999_999),
                spec.offset.unwrap_or(0)
            ));
        }
        let types: Vec<_> = columns.iter().map(|c| info.attribute(c).map(|a| a.ty.clone())).collect();
        let mut stmt = self.conn.prepare_cached(&sql).map_err(internal)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(args.iter())).map_err(internal)?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().map_err(internal)? {
            let mut values = Vec::with_capacity(types.len());
            for (i, ty) in types.iter().enumerate() {
                let raw = row.get_ref(i).map_err(internal)?;
                values.push(match ty {
                    Some(ty) => ty.from_storage(raw),
                    None => Value::Null,
                });
            }
            out.push(values);
        }
        Ok(Rows { columns, rows: out })
    }

    /// `fetch1()` / `fetch1(attrs)`: exactly one row, or DataJoint's error.
    pub fn fetch1(&self, query: &Query, attrs: &[String]) -> Result<Rows> {
        let spec = FetchSpec { attrs: attrs.to_vec(), limit: Some(2), ..FetchSpec::default() };
        let rows = if attrs.is_empty() {
            self.fetch(query, &spec)?
        } else {
            // With attributes, DataJoint counts every matching row for its message.
            let n = self.len(query)?;
            if n != 1 {
                return Err(Error::dj(format!("fetch1 should only return one tuple. {n} tuples found")));
            }
            self.fetch(query, &spec)?
        };
        if rows.rows.len() != 1 {
            return Err(Error::dj("fetch1 requires exactly one tuple in the input set."));
        }
        Ok(rows)
    }

    /// `len(query)`.
    pub fn len(&self, query: &Query) -> Result<usize> {
        let info = self.table_or_err(&query.table)?;
        let (where_sql, args) = query.where_clause(&info)?;
        let sql = format!("SELECT count(*) FROM {} {}", query.table.sqlite(), where_sql);
        let n: i64 = self
            .conn
            .prepare_cached(&sql)
            .and_then(|mut s| s.query_row(rusqlite::params_from_iter(args.iter()), |r| r.get(0)))
            .map_err(internal)?;
        Ok(n as usize)
    }
}

/// The columns `fetch(*attrs)` returns; `KEY` stands for the primary key.
fn select_list(info: &TableInfo, attrs: &[String]) -> Result<Vec<String>> {
    if attrs.is_empty() {
        return Ok(info.names());
    }
    let mut out: Vec<String> = Vec::new();
    for a in attrs {
        let names = if a == "KEY" { info.primary_key() } else { vec![a.clone()] };
        for n in names {
            if info.attribute(&n).is_none() {
                return Err(Error::dj(format!("Attribute `{n}` not found.")));
            }
            if !out.contains(&n) {
                out.push(n);
            }
        }
    }
    Ok(out)
}

/// `ORDER BY` from DataJoint's `order_by` items; the primary key by default and as the final
/// tiebreak, so results are deterministic as InnoDB's clustered order is.
fn order_clause(info: &TableInfo, order_by: &[String]) -> Result<String> {
    let mut items: Vec<String> = Vec::new();
    for item in order_by {
        let mut words = item.split_whitespace();
        let name = words.next().unwrap_or_default();
        let dir = match words.next().map(|w| w.to_ascii_uppercase()) {
            None => "",
            Some(d) if d == "ASC" => " ASC",
            Some(d) if d == "DESC" => " DESC",
            Some(_) => return Err(order_syntax_error(item)),
        };
        if words.next().is_some() {
            return Err(order_syntax_error(item));
        }
        if name == "KEY" {
            items.extend(info.primary_key().iter().map(|k| format!("\"{k}\"{dir}")));
        } else if info.attribute(name).is_some() {
            items.push(format!("\"{name}\"{dir}"));
        } else {
            return Err(Error::mysql(
                Kind::UnknownAttributeError,
                1054,
                format!("Unknown column '{name}' in 'order clause'"),
            ));
        }
    }
    items.extend(info.primary_key().iter().map(|k| format!("\"{k}\"")));
    Ok(items.join(", "))
}

fn order_syntax_error(item: &str) -> Error {
    Error::with_args(
        Kind::QuerySyntaxError,
        Some(1064),
        &[&format!(
            "You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '{item}' at line 1"
        )],
    )
}
