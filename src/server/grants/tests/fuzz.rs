use super::super::*;

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "GRANT",
    "REVOKE",
    "CREATE",
    "DROP",
    "ALTER",
    "USER",
    "ROLE",
    "SHOW",
    "GRANTS",
    "FOR",
    "USING",
    "ON",
    "TO",
    "FROM",
    "WITH",
    "GRANT OPTION",
    "ADMIN OPTION",
    "ALL",
    "PRIVILEGES",
    "SELECT",
    "INSERT",
    "CREATE VIEW",
    "LOCK",
    "TABLES",
    "IF",
    "NOT",
    "EXISTS",
    "IDENTIFIED",
    "BY",
    "TABLE",
    "CURRENT_USER",
    "*",
    ".",
    "*.*",
    ",",
    "@",
    "'",
    "\"",
    "`",
    "\\",
    "%",
    "_",
    "(",
    ")",
    ";",
    "--",
    "-- x\n",
    "#",
    "/*",
    "*/",
    "'sailor'",
    "'%'",
    "`workshop\\_%`",
    "dj_user",
    "é",
    "\u{1F600}",
    "\n",
    " ",
    "  ",
    "ROLE_ADMIN",
    "'it''s'",
    "'\\'",
    "0",
    "1.2.3",
];

const VALID: &[&str] = &[
    "CREATE ROLE 'dj_user'",
    "CREATE USER 'sailor'@'%' IDENTIFIED BY 'galley'",
    "GRANT CREATE, SELECT ON *.* TO 'dj_user'",
    "GRANT ALL PRIVILEGES ON `workshop\\_%`.* TO 'dj_user'",
    "GRANT 'dj_user' TO 'sailor'@'%'",
    "REVOKE ALL PRIVILEGES, GRANT OPTION FROM sailor",
    "SHOW GRANTS FOR CURRENT_USER() USING 'dj_user'",
];

#[test]
fn garbage_never_panics() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..20_000 {
        let n = 1 + rng.below(12);
        let sql: String = (0..n).map(|_| PIECES[rng.below(PIECES.len())]).collect::<Vec<_>>().join(" ");
        let _ = parse(&sql);
        let _ = split_script(&sql);
        let _ = Accounts::workshop().execute_script(&sql);
    }
}

#[test]
fn mutated_statements_never_panic() {
    let mut rng = Rng(42);
    let mut accounts = Accounts::workshop();
    let session = accounts.authenticate("sailor", Some("galley"), "localhost").unwrap();
    for _ in 0..20_000 {
        let base: Vec<char> = VALID[rng.below(VALID.len())].chars().collect();
        let mut chars = base.clone();
        for _ in 0..1 + rng.below(3) {
            match rng.below(3) {
                0 if !chars.is_empty() => {
                    let at = rng.below(chars.len());
                    chars.truncate(at);
                }
                1 if !chars.is_empty() => {
                    let at = rng.below(chars.len());
                    chars.remove(at);
                }
                _ => {
                    let at = rng.below(chars.len() + 1);
                    let piece = PIECES[rng.below(PIECES.len())];
                    for (i, c) in piece.chars().enumerate() {
                        chars.insert(at + i, c);
                    }
                }
            }
        }
        let sql: String = chars.into_iter().collect();
        if let Ok(stmt) = parse(&sql) {
            let _ = accounts.apply(&stmt);
        }
        let _ = accounts.show_grants_sql(&session, &sql);
    }
}
