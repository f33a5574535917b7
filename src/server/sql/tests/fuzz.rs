//! Random SQL text (deterministic): every outcome is a typed error or a result; no panic, and
//! no internal storage error for text the parser accepts.

use super::*;
use crate::engine::condition::parse_statement;
use crate::engine::Kind;

const WORDS: &[&str] = &[
    "SELECT",
    "FROM",
    "WHERE",
    "GROUP BY",
    "HAVING",
    "ORDER BY",
    "LIMIT",
    "JOIN",
    "LEFT JOIN",
    "NATURAL JOIN",
    "USING",
    "ON",
    "AS",
    "AND",
    "OR",
    "NOT",
    "IN",
    "LIKE",
    "IS NULL",
    "DISTINCT",
    "INSERT INTO",
    "VALUES",
    "UPDATE",
    "SET",
    "DELETE FROM",
    "SHOW",
    "TABLES",
    "DATABASES",
    "COLUMNS",
    "CREATE TABLE",
    "DESCRIBE",
    "DROP TABLE",
    "CREATE DATABASE",
    "common_subject.subject",
    "common_session._session",
    "`workshop_sailor`.`#my_params`",
    "workshop_sailor.my_grouping",
    "alice_workshop.misc",
    "s",
    "t",
    "subject_id",
    "sex",
    "s.sex",
    "t.subject_id",
    "group_id",
    "params",
    "ts",
    "j",
    "*",
    "count(*)",
    "max(subject_id)",
    "sum(group_id)",
    "concat(sex, 'x')",
    "now()",
    "USER()",
    "DATABASE()",
    "1",
    "0",
    "-3",
    "2.5",
    "'M'",
    "'A%%'",
    "NULL",
    "DEFAULT",
    "(",
    ")",
    ",",
    "=",
    "<",
    ">=",
    "<>",
    "+",
    "*",
    "/",
    "%%",
    "%s",
    "%",
    ";",
    "X'00ff'",
    "'{\"a\": 1}'",
    "DESC",
    "ASC",
    "1, 2",
    "IF EXISTS",
    "'2023-01-01'",
    "CURRENT_TIMESTAMP",
];

const TEMPLATES: &[&str] = &[
    "SELECT {} FROM common_subject.subject WHERE {}",
    "SELECT {}, {} FROM common_subject.subject s JOIN common_session._session t USING (subject_id) ORDER BY {}",
    "SELECT {} FROM common_subject.subject GROUP BY {} HAVING {}",
    "INSERT INTO workshop_sailor.my_grouping (group_name) VALUES ({})",
    "INSERT INTO common_subject.subject (subject_id, sex) VALUES ({}, {})",
    "INSERT INTO alice_workshop.misc (id, dd, lb, j, ts) VALUES ({}, {}, {}, {}, {})",
    "UPDATE common_subject.subject SET sex = {} WHERE {}",
    "UPDATE workshop_sailor.my_grouping SET group_id = {} WHERE {}",
    "DELETE FROM common_subject.subject WHERE {}",
    "SELECT {} {} {}",
    "SHOW {} FROM {}",
    "DESCRIBE {}",
    "{} {} {} {} {}",
];

fn piece(rng: &mut fastrand::Rng) -> String {
    let n = if rng.u8(..4) == 0 { 2 } else { 1 };
    (0..n).map(|_| WORDS[rng.usize(..WORDS.len())]).collect::<Vec<_>>().join(" ")
}

fn statement(rng: &mut fastrand::Rng) -> String {
    let template = TEMPLATES[rng.usize(..TEMPLATES.len())];
    let mut out = String::new();
    for (k, part) in template.split("{}").enumerate() {
        if k > 0 {
            out.push_str(&piece(rng));
        }
        out.push_str(part);
    }
    // Sometimes damage it.
    if rng.u8(..4) == 0 && !out.is_empty() {
        let mut chars: Vec<char> = out.chars().collect();
        let at = rng.usize(..chars.len());
        match rng.u8(..3) {
            0 => {
                chars.remove(at);
            }
            1 => chars.insert(at, ['(', ')', '\'', '`', '"', ',', '\\', 'é'][rng.usize(..8)]),
            _ => chars.truncate(at),
        }
        out = chars.into_iter().collect();
    }
    out
}

#[test]
fn random_sql_fails_cleanly() {
    let mut rng = fastrand::Rng::with_seed(20240622);
    let mut sv = server("sailor");
    let mut succeeded = 0;
    let mut kinds: std::collections::BTreeMap<&str, usize> = Default::default();
    for round in 0..3000 {
        if round % 500 == 0 {
            sv = server(if round % 1000 == 0 { "sailor" } else { "swab" });
        }
        let sql = statement(&mut rng);
        let args: Vec<Value> =
            if sql.contains("%s") && rng.bool() { vec![s("x'y"); sql.matches("%s").count()] } else { Vec::new() };
        match query(&mut sv, &sql, &args) {
            Ok(_) => succeeded += 1,
            Err(e) if e.kind == Kind::InternalError => {
                let formatted = super::super::format_query(&sql, &args).unwrap_or_default();
                assert!(parse_statement(&formatted).is_err(), "internal error for parseable `{sql}`: {}", e.message);
            }
            Err(e) => *kinds.entry(e.kind.name()).or_insert(0) += 1,
        }
    }
    eprintln!("{succeeded} ran; errors: {kinds:?}");
    assert!(succeeded > 30, "only {succeeded} statements ran");
}
