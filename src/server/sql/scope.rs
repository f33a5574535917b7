//! The columns a statement sees: one source per table in its FROM clause (named by its alias,
//! or by `tbl` and `db.tbl`), the columns merged by `USING`/`NATURAL` joins, the select list's
//! aliases (for GROUP BY, HAVING and ORDER BY), and the session's functions.

use std::sync::Arc;

use super::errors::{ambiguous, not_unique_table, unknown_column};
use crate::engine::condition::Scope;
use crate::engine::heading::TableInfo;
use crate::engine::types::AttrType;
use crate::engine::Result;

/// One table of the FROM clause.
pub struct Source {
    /// Its alias, if it has one (then only the alias names it).
    pub alias: Option<String>,
    /// The table.
    pub info: Arc<TableInfo>,
    /// Its name in the SQLite statement.
    pub sqlite_alias: String,
    /// Columns a USING/NATURAL join merged into another source's (not visible unqualified).
    pub hidden: Vec<String>,
}

impl Source {
    /// How a one-part qualifier names it.
    fn named(&self, q: &str) -> bool {
        match &self.alias {
            Some(a) => a == q,
            None => self.info.name.table == q,
        }
    }

    /// `db.tbl` naming it (only without an alias).
    fn named2(&self, db: &str, t: &str) -> bool {
        self.alias.is_none() && self.info.name.database == db && self.info.name.table == t
    }

    /// The column (case-insensitive), by its declared name.
    pub fn column(&self, name: &str) -> Option<(&str, &AttrType)> {
        self.info.attributes.iter().find(|a| a.name.eq_ignore_ascii_case(name)).map(|a| (a.name.as_str(), &a.ty))
    }

    /// `"t0"."col"`.
    pub fn sqlite(&self, column: &str) -> String {
        format!("\"{}\".\"{}\"", self.sqlite_alias, column.replace('"', "\"\""))
    }

    /// The name MySQL gives the source in messages (`tbl` or its alias).
    pub fn label(&self) -> &str {
        self.alias.as_deref().unwrap_or(&self.info.name.table)
    }
}

/// What a column reference resolved to.
pub struct Resolved {
    /// SQLite text.
    pub text: String,
    /// Its column type.
    pub ty: AttrType,
    /// `db.tbl.col`, as ONLY_FULL_GROUP_BY's messages name it.
    pub qualified: String,
}

/// The scope of one statement.
pub struct FromScope {
    /// FROM's tables in order.
    pub sources: Vec<Source>,
    /// Select-list aliases: (alias, SQLite text of the expression).
    pub aliases: Vec<(String, String)>,
    /// The session's functions: (lower-case name, SQLite literal).
    pub session: Vec<(String, String)>,
    /// How its tables' SQLite aliases start (`t`; a subquery's differ from its statement's).
    pub prefix: String,
}

impl FromScope {
    /// An empty scope with the session's functions.
    pub fn new(session: Vec<(String, String)>) -> FromScope {
        FromScope { sources: Vec::new(), aliases: Vec::new(), session, prefix: "t".into() }
    }

    /// Add a table; its name (or alias) must be unique (1066).
    pub fn push(&mut self, alias: Option<String>, info: Arc<TableInfo>) -> Result<usize> {
        let label = alias.clone().unwrap_or_else(|| info.name.table.clone());
        let clash = self.sources.iter().any(|s| match (&alias, &s.alias) {
            (None, None) => s.info.name == info.name,
            _ => s.label() == label,
        });
        if clash {
            return Err(not_unique_table(&label));
        }
        let sqlite_alias = format!("{}{}", self.prefix, self.sources.len());
        self.sources.push(Source { alias, info, sqlite_alias, hidden: Vec::new() });
        Ok(self.sources.len() - 1)
    }

    /// Resolve a column reference to its source and column.
    pub fn find(&self, parts: &[&str], clause: &str) -> Result<Option<Resolved>> {
        let whole = parts.join(".");
        let candidates: Vec<&Source> = match parts {
            [_] => self.sources.iter().collect(),
            [q, _] => self.sources.iter().filter(|s| s.named(q)).collect(),
            [db, t, _] => self.sources.iter().filter(|s| s.named2(db, t)).collect(),
            _ => return Err(unknown_column(&whole, clause)),
        };
        let col = parts[parts.len() - 1];
        let mut hits = candidates
            .iter()
            .filter_map(|s| s.column(col).map(|c| (*s, c)))
            .filter(|(s, (name, _))| parts.len() > 1 || !s.hidden.iter().any(|h| h == name));
        let Some((source, (name, ty))) = hits.next() else { return Ok(None) };
        if hits.next().is_some() {
            return Err(ambiguous(col, clause));
        }
        let t = &source.info.name;
        Ok(Some(Resolved {
            text: source.sqlite(name),
            ty: ty.clone(),
            qualified: format!("{}.{}.{name}", t.database, t.table),
        }))
    }

    fn alias(&self, name: &str) -> Option<&str> {
        self.aliases.iter().find(|(a, _)| a.eq_ignore_ascii_case(name)).map(|(_, t)| t.as_str())
    }
}

impl Scope for FromScope {
    fn resolve(&self, parts: &[&str], clause: &str) -> Result<(String, Option<AttrType>)> {
        // ORDER BY looks at the select list first; GROUP BY and HAVING at the tables first.
        if parts.len() == 1 && clause == "order clause" {
            if let Some(t) = self.alias(parts[0]) {
                return Ok((t.to_string(), None));
            }
        }
        if let Some(r) = self.find(parts, clause)? {
            return Ok((r.text, Some(r.ty)));
        }
        if parts.len() == 1 && matches!(clause, "group statement" | "having clause") {
            if let Some(t) = self.alias(parts[0]) {
                return Ok((t.to_string(), None));
            }
        }
        Err(unknown_column(&parts.join("."), clause))
    }

    fn session_function(&self, name: &str) -> Option<String> {
        self.session.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone())
    }
}

/// A SQLite string literal.
pub fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// The session functions of `SELECT DATABASE(), USER(), CURRENT_USER(), VERSION()`.
pub fn session_functions(user: &str, client_host: &str, account_host: &str, version: &str) -> Vec<(String, String)> {
    let user_at = quote(&format!("{user}@{client_host}"));
    vec![
        ("database".into(), "NULL".into()),
        ("schema".into(), "NULL".into()),
        ("user".into(), user_at.clone()),
        ("session_user".into(), user_at.clone()),
        ("system_user".into(), user_at),
        ("current_user".into(), quote(&format!("{user}@{account_host}"))),
        ("version".into(), quote(version)),
        ("connection_id".into(), "8".into()),
        ("last_insert_id".into(), "0".into()),
    ]
}
