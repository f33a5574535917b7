//! Garbage in: every result is Ok (and prepares and runs in SQLite over the fixture) or a typed
//! error with an engine message; nothing panics. Deterministic (xorshift), no new dependencies.

use super::{attrs, fixture};
use crate::engine::condition::{translate_condition, translate_expression};
use crate::engine::testing::Rng;
use crate::engine::{Error, Kind};

const CHARS: &[&str] = &[
    "a", "b", "N", "_", "0", "1", "9", " ", " ", "\n", "'", "\"", "`", "\\", "(", ")", ",", ".", "%", "=", "<", ">",
    "!", "+", "-", "*", "/", "&", "|", "^", "~", "@", "?", "#", ";", ":", "é", "ß", "€", "\0", "$", "[", "]", "{",
];

const TOKENS: &[&str] = &[
    "id",
    "name",
    "score",
    "price",
    "flag",
    "n",
    "d",
    "t",
    "code",
    "ID",
    "Name",
    "`n`",
    "`X`",
    "Foo",
    "t.id",
    "@v",
    "AND",
    "OR",
    "NOT",
    "XOR",
    "IN",
    "BETWEEN",
    "LIKE",
    "ESCAPE",
    "IS",
    "NULL",
    "TRUE",
    "FALSE",
    "UNKNOWN",
    "CASE",
    "WHEN",
    "THEN",
    "ELSE",
    "END",
    "INTERVAL",
    "DAY",
    "MONTH",
    "HOUR",
    "YEAR",
    "DIV",
    "MOD",
    "REGEXP",
    "COLLATE",
    "utf8mb4_bin",
    "CAST",
    "AS",
    "SIGNED",
    "UNSIGNED",
    "CHAR",
    "DATE",
    "DATETIME",
    "DECIMAL(5,2)",
    "DISTINCT",
    "SELECT",
    "FROM",
    "ORDER",
    "BY",
    "SEPARATOR",
    "EXISTS",
    "COUNT(",
    "MAX(",
    "MIN(",
    "SUM(",
    "AVG(",
    "STD(",
    "GROUP_CONCAT(",
    "DATE(",
    "YEAR(",
    "CONCAT(",
    "CONCAT_WS(",
    "ROUND(",
    "TRUNCATE(",
    "FLOOR(",
    "CEIL(",
    "DATE_ADD(",
    "DATE_SUB(",
    "TIMESTAMPDIFF(",
    "DATEDIFF(",
    "DATE_FORMAT(",
    "IF(",
    "IFNULL(",
    "COALESCE(",
    "NULLIF(",
    "JSON_EXTRACT(",
    "SUBSTRING(",
    "TRIM(",
    "LEADING",
    "FROM",
    "LEFT(",
    "RIGHT(",
    "GREATEST(",
    "LEAST(",
    "FOO(",
    "NOW()",
    "CURDATE()",
    "CURRENT_DATE",
    "LENGTH(",
    "UPPER(",
    "LOCATE(",
    "EXTRACT(",
    "POSITION(",
    "(",
    "(",
    ")",
    ")",
    ",",
    "=",
    "<>",
    "!=",
    "<",
    "<=",
    ">",
    ">=",
    "<=>",
    "+",
    "-",
    "*",
    "/",
    "%",
    "%%",
    "&",
    "|",
    "^",
    "<<",
    ">>",
    "~",
    "!",
    "&&",
    "||",
    "->",
    "->>",
    "0",
    "1",
    "-1",
    "2.5",
    "1e3",
    ".5",
    "9223372036854775807",
    "99999999999999999999",
    "0x1F",
    "x'41'",
    "b'1'",
    "'a'",
    "'A'",
    "'%a_'",
    "'\\%'",
    "'it''s'",
    "\"dq\"",
    "'2020-01-05'",
    "'2020-1-5 10:00'",
    "'10:30:00'",
    "'{\"a\": 1}'",
    "'$.a'",
    "'['",
    "N'x'",
    "_utf8mb4'x'",
    "?",
];

fn random_chars(r: &mut Rng) -> String {
    let len = r.below(40);
    (0..len).map(|_| r.pick(CHARS)).collect()
}

fn token_soup(r: &mut Rng) -> String {
    let len = 1 + r.below(14);
    (0..len).map(|_| r.pick(TOKENS)).collect::<Vec<_>>().join(" ")
}

/// A plausible expression, nested at random, to reach deeper translation paths.
fn grammar(r: &mut Rng, depth: usize) -> String {
    if depth == 0 || r.below(4) == 0 {
        return r
            .pick(&["id", "name", "score", "n", "d", "t", "code", "1", "2.5", "'x'", "NULL", "'2020-01-05'"])
            .into();
    }
    let a = grammar(r, depth - 1);
    let b = grammar(r, depth - 1);
    match r.below(12) {
        0 => format!(
            "{a} {} {b}",
            r.pick(&["=", "<", ">=", "<>", "<=>", "+", "-", "*", "/", "DIV", "%%", "AND", "OR", "XOR"])
        ),
        1 => format!("({a})"),
        2 => format!("NOT {a}"),
        3 => format!("{a} IN ({b}, {a})"),
        4 => format!("{a} BETWEEN {b} AND {a}"),
        5 => format!("{a} LIKE {b}"),
        6 => format!("CASE WHEN {a} THEN {b} ELSE {a} END"),
        7 => format!("{}({a})", r.pick(&["DATE", "YEAR", "UPPER", "LENGTH", "ROUND", "FLOOR", "ABS", "MAX", "COUNT"])),
        8 => format!("{}({a}, {b})", r.pick(&["CONCAT", "IFNULL", "GREATEST", "DATEDIFF", "LEFT", "MOD", "POW"])),
        9 => format!("{a} + INTERVAL {b} DAY"),
        10 => format!("IF({a}, {b}, {a})"),
        _ => format!("{a} IS {}", r.pick(&["NULL", "NOT NULL", "TRUE", "NOT FALSE"])),
    }
}

fn check_error(text: &str, e: &Error) {
    let allowed = [
        Kind::DataJointError,
        Kind::QuerySyntaxError,
        Kind::UnknownAttributeError,
        Kind::OperationalError,
        Kind::ProgrammingError,
        Kind::ValueError,
    ];
    assert!(allowed.contains(&e.kind), "{text:?}: {e:?}");
    assert!(!e.message.is_empty(), "{text:?}");
    assert!(!e.message.contains("sql parser error") && !e.message.contains("Expected:"), "{text:?}: {e:?}");
}

#[test]
fn garbage_never_panics_and_ok_output_is_valid_sqlite() {
    let c = fixture();
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut oks, mut runtime_errors) = (0, Vec::new());
    for i in 0..4000 {
        let text = match i % 3 {
            0 => random_chars(&mut r),
            1 => token_soup(&mut r),
            _ => grammar(&mut r, 4),
        };
        let attributes = attrs();
        let cases = [
            (translate_condition(&text, &attributes), "SELECT id FROM (SELECT * FROM fx) WHERE ({})"),
            (translate_expression(&text, &attributes, false), "SELECT {} FROM (SELECT * FROM fx)"),
            (translate_expression(&text, &attributes, true), "SELECT {} FROM (SELECT * FROM fx) GROUP BY flag"),
        ];
        for (result, template) in cases {
            match result {
                Err(e) => check_error(&text, &e),
                Ok(sql) => {
                    oks += 1;
                    let q = template.replace("{}", &sql);
                    let mut st = c.prepare(&q).unwrap_or_else(|e| panic!("{text:?} → {q}: {e}"));
                    let mut rows = st.query([]).unwrap();
                    loop {
                        match rows.next() {
                            Ok(Some(_)) => {}
                            Ok(None) => break,
                            // Arithmetic overflow is MySQL's 1690 too; anything else is a bug.
                            Err(e) if e.to_string().contains("integer overflow") => break,
                            Err(e) => {
                                runtime_errors.push(format!("{text:?} → {q}: {e}"));
                                break;
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(runtime_errors.is_empty(), "{}", runtime_errors.join("\n"));
    assert!(oks > 1000, "only {oks} translations succeeded");
}
