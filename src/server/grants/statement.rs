//! Parsing the account statements an instructor writes in a scenario (MySQL 8.0 syntax):
//! `CREATE USER|ROLE`, `DROP USER|ROLE`, `ALTER USER … IDENTIFIED BY`, `GRANT` of privileges or
//! roles, `REVOKE`, and `SHOW GRANTS`. Malformed text is a 1064 quoting the text from the
//! offending token on, as MySQL does.

use super::account::{AuthId, Level};
use super::errors;
use super::lexer::{lex, Tok, Token};
use super::privileges::{Privilege, Privs, DYNAMIC_PRIVILEGES};
use crate::engine::types::syntax_error_at;
use crate::engine::{Error, Result};

/// The privileges named in a `GRANT`/`REVOKE`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PrivilegeList {
    /// `ALL [PRIVILEGES]`: what it covers depends on the level.
    pub all: bool,
    /// The static privileges named (`GRANT OPTION` included).
    pub privileges: Privs,
    /// Dynamic privileges named, upper-cased.
    pub dynamic: Vec<String>,
}

/// One parsed account statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Statement {
    /// `CREATE USER [IF NOT EXISTS] user [IDENTIFIED BY 'pw'], …`.
    CreateUser {
        /// `IF NOT EXISTS`.
        if_not_exists: bool,
        /// Accounts and passwords.
        users: Vec<(AuthId, Option<String>)>,
    },
    /// `CREATE ROLE [IF NOT EXISTS] role, …`.
    CreateRole {
        /// `IF NOT EXISTS`.
        if_not_exists: bool,
        /// The roles.
        roles: Vec<AuthId>,
    },
    /// `DROP USER [IF EXISTS] user, …` (`role: false`) or `DROP ROLE …` (`role: true`).
    Drop {
        /// `DROP ROLE` rather than `DROP USER`.
        role: bool,
        /// `IF EXISTS`.
        if_exists: bool,
        /// The accounts.
        ids: Vec<AuthId>,
    },
    /// `ALTER USER [IF EXISTS] user IDENTIFIED BY 'pw', …`.
    AlterUser {
        /// `IF EXISTS`.
        if_exists: bool,
        /// Accounts and new passwords.
        users: Vec<(AuthId, Option<String>)>,
    },
    /// `GRANT privileges ON level TO accounts [WITH GRANT OPTION]`.
    GrantPrivileges {
        /// What.
        privileges: PrivilegeList,
        /// Where.
        level: Level,
        /// To whom.
        to: Vec<AuthId>,
    },
    /// `GRANT role, … TO accounts [WITH ADMIN OPTION]`.
    GrantRoles {
        /// The roles.
        roles: Vec<AuthId>,
        /// To whom.
        to: Vec<AuthId>,
        /// `WITH ADMIN OPTION`.
        admin_option: bool,
    },
    /// `REVOKE privileges ON level FROM accounts`.
    RevokePrivileges {
        /// What.
        privileges: PrivilegeList,
        /// Where.
        level: Level,
        /// From whom.
        from: Vec<AuthId>,
    },
    /// `REVOKE ALL [PRIVILEGES], GRANT OPTION FROM accounts`.
    RevokeAll {
        /// From whom.
        from: Vec<AuthId>,
    },
    /// `REVOKE role, … FROM accounts`.
    RevokeRoles {
        /// The roles.
        roles: Vec<AuthId>,
        /// From whom.
        from: Vec<AuthId>,
    },
    /// `SHOW GRANTS [FOR account [USING role, …]]`; `for_user: None` is the current user.
    ShowGrants {
        /// The account or role shown, `None` for `CURRENT_USER`.
        for_user: Option<AuthId>,
        /// The `USING` roles.
        using: Vec<AuthId>,
    },
}

/// Words MySQL reserves that may not stand unquoted for a user, role or database name here.
const RESERVED: &[&str] = &[
    "ALL",
    "ALTER",
    "AND",
    "AS",
    "BY",
    "CREATE",
    "CURRENT_USER",
    "DELETE",
    "DROP",
    "EXISTS",
    "FOR",
    "FROM",
    "GRANT",
    "IDENTIFIED",
    "IF",
    "INDEX",
    "INSERT",
    "LOCK",
    "NOT",
    "ON",
    "OR",
    "REFERENCES",
    "REVOKE",
    "SELECT",
    "SHOW",
    "TABLE",
    "TO",
    "TRIGGER",
    "UPDATE",
    "USAGE",
    "USING",
    "WITH",
];

struct Parser<'a> {
    sql: &'a str,
    toks: Vec<Token>,
    pos: usize,
}

/// Parses one statement (a trailing `;` is allowed).
pub fn parse(sql: &str) -> Result<Statement> {
    let mut p = Parser { sql, toks: lex(sql)?, pos: 0 };
    let stmt = p.statement()?;
    p.eat_sym(';');
    if p.pos < p.toks.len() {
        return Err(p.error());
    }
    Ok(stmt)
}

/// Splits a script into statements at the `;` outside quotes and comments.
pub fn split_script(script: &str) -> Result<Vec<&str>> {
    let toks = lex(script)?;
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for t in &toks {
        if t.tok == Tok::Sym(';') {
            if let Some(s) = start.take() {
                out.push(script[s..t.at].trim_end());
            }
        } else if start.is_none() {
            start = Some(t.at);
        }
    }
    if let Some(s) = start {
        out.push(script[s..].trim_end());
    }
    Ok(out)
}

impl Parser<'_> {
    fn error(&self) -> Error {
        let at = self.toks.get(self.pos).map_or(self.sql.len(), |t| t.at);
        syntax_error_at(self.sql, at)
    }

    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|t| &t.tok)
    }

    fn peek_word(&self, offset: usize) -> Option<String> {
        match self.toks.get(self.pos + offset).map(|t| &t.tok) {
            Some(Tok::Word(w)) => Some(w.to_ascii_uppercase()),
            _ => None,
        }
    }

    fn is_word(&self, w: &str) -> bool {
        self.peek_word(0).as_deref() == Some(w)
    }

    fn eat_word(&mut self, w: &str) -> bool {
        let yes = self.is_word(w);
        if yes {
            self.pos += 1;
        }
        yes
    }

    fn expect_word(&mut self, w: &str) -> Result<()> {
        if self.eat_word(w) {
            Ok(())
        } else {
            Err(self.error())
        }
    }

    fn eat_sym(&mut self, c: char) -> bool {
        let yes = self.peek() == Some(&Tok::Sym(c));
        if yes {
            self.pos += 1;
        }
        yes
    }

    fn expect_sym(&mut self, c: char) -> Result<()> {
        if self.eat_sym(c) {
            Ok(())
        } else {
            Err(self.error())
        }
    }

    fn statement(&mut self) -> Result<Statement> {
        let Some(first) = self.peek_word(0) else { return Err(self.error()) };
        self.pos += 1;
        match first.as_str() {
            "CREATE" => {
                let role = self.eat_word("ROLE");
                if !role {
                    self.expect_word("USER")?;
                }
                let if_not_exists = self.if_clause(true)?;
                if role {
                    Ok(Statement::CreateRole { if_not_exists, roles: self.account_list()? })
                } else {
                    Ok(Statement::CreateUser { if_not_exists, users: self.user_auth_list()? })
                }
            }
            "DROP" => {
                let role = self.eat_word("ROLE");
                if !role {
                    self.expect_word("USER")?;
                }
                let if_exists = self.if_clause(false)?;
                Ok(Statement::Drop { role, if_exists, ids: self.account_list()? })
            }
            "ALTER" => {
                self.expect_word("USER")?;
                let if_exists = self.if_clause(false)?;
                Ok(Statement::AlterUser { if_exists, users: self.user_auth_list()? })
            }
            "GRANT" => self.grant(),
            "REVOKE" => self.revoke(),
            "SHOW" => {
                self.expect_word("GRANTS")?;
                self.show_grants()
            }
            _ => {
                self.pos -= 1;
                Err(errors::unsupported(&format!("the statement {first}")))
            }
        }
    }

    /// `IF NOT EXISTS` (`not: true`) or `IF EXISTS`.
    fn if_clause(&mut self, not: bool) -> Result<bool> {
        if !self.eat_word("IF") {
            return Ok(false);
        }
        if not {
            self.expect_word("NOT")?;
        }
        self.expect_word("EXISTS")?;
        Ok(true)
    }

    /// A user or role name: quoted, backquoted, or a bare non-reserved word.
    fn name(&mut self) -> Result<String> {
        let name = match self.peek() {
            Some(Tok::Str(s) | Tok::Ident(s)) => s.clone(),
            Some(Tok::Word(w)) if !RESERVED.contains(&w.to_ascii_uppercase().as_str()) => w.clone(),
            _ => return Err(self.error()),
        };
        self.pos += 1;
        Ok(name)
    }

    /// `name[@host]` (MySQL manual, "Account Names": the host defaults to `%`).
    fn account(&mut self) -> Result<AuthId> {
        let user = self.name()?;
        let host = if self.eat_sym('@') { self.name()? } else { "%".to_string() };
        if user.chars().count() > 32 {
            return Err(errors::too_long(&user, "user name", 32));
        }
        if host.chars().count() > 255 {
            return Err(errors::too_long(&host, "host name", 255));
        }
        Ok(AuthId::new(user, host))
    }

    fn account_list(&mut self) -> Result<Vec<AuthId>> {
        let mut out = vec![self.account()?];
        while self.eat_sym(',') {
            out.push(self.account()?);
        }
        Ok(out)
    }

    fn string(&mut self) -> Result<String> {
        match self.peek() {
            Some(Tok::Str(s)) => {
                let s = s.clone();
                self.pos += 1;
                Ok(s)
            }
            _ => Err(self.error()),
        }
    }

    /// `user [IDENTIFIED BY 'pw' | IDENTIFIED WITH plugin [BY 'pw' | AS 'hash']]`, the plugin
    /// accepted and ignored (the sandbox compares plain passwords).
    fn user_auth_list(&mut self) -> Result<Vec<(AuthId, Option<String>)>> {
        let mut out = Vec::new();
        loop {
            let id = self.account()?;
            let mut password = None;
            if self.eat_word("IDENTIFIED") {
                if self.eat_word("WITH") {
                    match self.peek() {
                        Some(Tok::Word(_) | Tok::Str(_) | Tok::Ident(_)) => self.pos += 1,
                        _ => return Err(self.error()),
                    }
                    if self.eat_word("BY") {
                        password = Some(self.string()?);
                    } else if self.eat_word("AS") {
                        return Err(errors::unsupported("IDENTIFIED … AS 'hash'"));
                    }
                } else {
                    self.expect_word("BY")?;
                    password = Some(self.string()?);
                }
            }
            out.push((id, password));
            if !self.eat_sym(',') {
                return Ok(out);
            }
        }
    }

    /// Whether the `GRANT`/`REVOKE` names privileges: MySQL tells the two forms apart by the
    /// `ON` clause (MySQL manual, "GRANT Statement": "With ON, the statement grants privileges").
    fn has_on_clause(&self, until: &str) -> bool {
        for t in &self.toks[self.pos..] {
            if let Tok::Word(w) = &t.tok {
                let w = w.to_ascii_uppercase();
                if w == "ON" {
                    return true;
                }
                if w == until {
                    return false;
                }
            }
        }
        false
    }

    fn grant(&mut self) -> Result<Statement> {
        if !self.has_on_clause("TO") {
            let roles = self.account_list()?;
            self.expect_word("TO")?;
            let to = self.account_list()?;
            let admin_option = self.eat_word("WITH");
            if admin_option {
                self.expect_word("ADMIN")?;
                self.expect_word("OPTION")?;
            }
            return Ok(Statement::GrantRoles { roles, to, admin_option });
        }
        let mut privileges = self.privilege_list()?;
        self.expect_word("ON")?;
        let level = self.level()?;
        self.expect_word("TO")?;
        let to = self.account_list()?;
        if self.eat_word("WITH") {
            self.expect_word("GRANT")?;
            self.expect_word("OPTION")?;
            privileges.privileges = privileges.privileges.union(Privs::GRANT);
        }
        if self.is_word("AS") {
            return Err(errors::unsupported("GRANT … AS user"));
        }
        Ok(Statement::GrantPrivileges { privileges, level, to })
    }

    fn revoke(&mut self) -> Result<Statement> {
        if self.eat_word("IF") {
            return Err(errors::unsupported("REVOKE IF EXISTS"));
        }
        // `REVOKE ALL [PRIVILEGES], GRANT OPTION FROM …` (MySQL manual, "REVOKE Statement").
        let save = self.pos;
        if self.eat_word("ALL") {
            self.eat_word("PRIVILEGES");
            if self.eat_sym(',') {
                self.expect_word("GRANT")?;
                self.expect_word("OPTION")?;
                self.expect_word("FROM")?;
                return Ok(Statement::RevokeAll { from: self.account_list()? });
            }
            self.pos = save;
        }
        if !self.has_on_clause("FROM") {
            let roles = self.account_list()?;
            self.expect_word("FROM")?;
            return Ok(Statement::RevokeRoles { roles, from: self.account_list()? });
        }
        let privileges = self.privilege_list()?;
        self.expect_word("ON")?;
        let level = self.level()?;
        self.expect_word("FROM")?;
        Ok(Statement::RevokePrivileges { privileges, level, from: self.account_list()? })
    }

    fn show_grants(&mut self) -> Result<Statement> {
        let mut for_user = None;
        let mut using = Vec::new();
        if self.eat_word("FOR") {
            if self.eat_word("CURRENT_USER") {
                if self.eat_sym('(') {
                    self.expect_sym(')')?;
                }
            } else {
                for_user = Some(self.account()?);
            }
            if self.eat_word("USING") {
                using = self.account_list()?;
            }
        }
        Ok(Statement::ShowGrants { for_user, using })
    }

    /// `ALL [PRIVILEGES]` alone, or a list of privileges (multi-word names included).
    fn privilege_list(&mut self) -> Result<PrivilegeList> {
        let mut list = PrivilegeList::default();
        if self.eat_word("ALL") {
            self.eat_word("PRIVILEGES");
            list.all = true;
            return Ok(list);
        }
        loop {
            let Some(w) = self.peek_word(0) else { return Err(self.error()) };
            let start = self.pos;
            self.pos += 1;
            let second = |p: &mut Self, options: &[&str]| -> Option<String> {
                let next = p.peek_word(0)?;
                options.contains(&next.as_str()).then(|| {
                    p.pos += 1;
                    next
                })
            };
            let name = match w.as_str() {
                "USAGE" => None,
                "CREATE" => match second(self, &["TEMPORARY", "VIEW", "ROUTINE", "USER", "TABLESPACE", "ROLE"]) {
                    Some(t) if t == "TEMPORARY" => {
                        self.expect_word("TABLES")?;
                        Some("CREATE TEMPORARY TABLES".to_string())
                    }
                    Some(t) => Some(format!("CREATE {t}")),
                    None => Some(w),
                },
                "DROP" => Some(second(self, &["ROLE"]).map_or(w, |t| format!("DROP {t}"))),
                "ALTER" => Some(second(self, &["ROUTINE"]).map_or(w, |t| format!("ALTER {t}"))),
                "SHOW" => match second(self, &["DATABASES", "VIEW"]) {
                    Some(t) => Some(format!("SHOW {t}")),
                    None => return Err(self.error()),
                },
                "LOCK" => {
                    self.expect_word("TABLES")?;
                    Some("LOCK TABLES".into())
                }
                "REPLICATION" => match second(self, &["SLAVE", "CLIENT"]) {
                    Some(t) => Some(format!("REPLICATION {t}")),
                    None => return Err(self.error()),
                },
                "GRANT" => {
                    self.expect_word("OPTION")?;
                    Some("GRANT OPTION".into())
                }
                "PROXY" => return Err(errors::unsupported("GRANT PROXY")),
                "ALL" | "ON" | "TO" | "FROM" => {
                    self.pos = start;
                    return Err(self.error());
                }
                _ => Some(w),
            };
            if let Some(name) = name {
                match Privilege::from_name(&name) {
                    Some(p) => list.privileges = list.privileges.union(Privs::of(&[p])),
                    None if RESERVED.contains(&name.as_str()) => {
                        self.pos = start;
                        return Err(self.error());
                    }
                    None => list.dynamic.push(name),
                }
            }
            if self.peek() == Some(&Tok::Sym('(')) {
                return Err(errors::unsupported("column privileges"));
            }
            if !self.eat_sym(',') {
                return Ok(list);
            }
        }
    }

    /// A database or table name: backquoted, or a bare non-reserved word.
    fn identifier(&mut self) -> Result<String> {
        let name = match self.peek() {
            Some(Tok::Ident(s)) => s.clone(),
            Some(Tok::Word(w)) if !RESERVED.contains(&w.to_ascii_uppercase().as_str()) => w.clone(),
            _ => return Err(self.error()),
        };
        self.pos += 1;
        Ok(name)
    }

    /// A level without a database is fine to MySQL's grammar when `TO`/`FROM` follows, and then
    /// fails for want of a default database.
    fn no_database(&self) -> Error {
        if self.is_word("TO") || self.is_word("FROM") {
            errors::no_database_selected()
        } else {
            self.error()
        }
    }

    /// `[TABLE] *.* | db.* | db.tbl` (`*` and a bare `tbl` need a default database: 1046).
    fn level(&mut self) -> Result<Level> {
        self.eat_word("TABLE");
        if self.eat_sym('*') {
            if self.eat_sym('.') {
                self.expect_sym('*')?;
                return Ok(Level::Global);
            }
            return Err(self.no_database());
        }
        let db = self.identifier()?;
        if !self.eat_sym('.') {
            return Err(self.no_database());
        }
        if self.eat_sym('*') {
            return Ok(Level::Database(db));
        }
        Ok(Level::Table(db, self.identifier()?))
    }
}

/// Whether `name` is a dynamic privilege the server knows.
pub fn is_dynamic_privilege(name: &str) -> bool {
    DYNAMIC_PRIVILEGES.contains(&name)
}
