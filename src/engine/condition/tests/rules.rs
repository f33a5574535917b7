//! One test per rule, with exact SQL or messages.

use super::{attrs, fixture, ids};
use crate::engine::condition::{translate_condition, translate_expression};
use crate::engine::{Error, Kind};

fn cond_err(text: &str) -> Error {
    translate_condition(text, &attrs()).unwrap_err()
}

fn expr_err(text: &str, aggregates: bool) -> Error {
    translate_expression(text, &attrs(), aggregates).unwrap_err()
}

fn near(text: &str) -> String {
    format!(
        "You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for \
         the right syntax to use near '{text}' at line 1"
    )
}

#[test]
fn guess_runs_first() {
    // oracle: `T & "a >"` → DataJointError 'Attribute `a` is not found in query.' (before 1064).
    let e = cond_err("lang = 'en' and");
    assert_eq!(
        (e.kind, e.message.as_str(), e.code),
        (Kind::DataJointError, "Attribute `lang` is not found in query.", None)
    );
    // oracle: lower-case words DataJoint does not know are taken for columns.
    for (text, word) in [
        ("flag = true", "true"),
        ("flag xor n", "xor"),
        ("n mod 2 = 1", "mod"),
        ("current_date > d", "current_date"),
        ("name regexp '^a'", "regexp"),
        ("id = 1 order by id", "order"),
        ("name like 'x' escape '!'", "escape"),
    ] {
        assert_eq!(cond_err(text).message, format!("Attribute `{word}` is not found in query."), "{text}");
    }
    // Quoted text, functions, keywords and upper case are not guessed.
    assert!(translate_condition("upper(name) = 'lang' AND d > curdate() - interval 1 day", &attrs()).is_ok());
    assert_eq!(cond_err("`nme` = 1").message, "Attribute `nme` is not found in query.");
    assert_eq!(super::super::column_names("a = 'b' and `c` = \"d\" or f(x) is null"), ["c", "a", "x"]);
}

#[test]
fn syntax_errors_quote_the_rest_of_the_statement() {
    // oracle (MariaDB words 'MariaDB server version'): these near texts.
    for (text, rest) in [
        ("id >", "))"),
        ("id = 1)", ")"),
        ("(id = 1", ""),
        ("", "))"),
        ("NAME = 'X", "'X))"),
        ("ID = 1 ORDER BY ID", "ORDER BY ID))"),
        ("ID = = 1", "= 1))"),
        ("ID > 1 NAME", "NAME))"),
        ("ID = 1 OR", "))"),
    ] {
        let e = cond_err(text);
        assert_eq!((e.kind, e.code), (Kind::QuerySyntaxError, Some(1064)), "{text}");
        assert_eq!(e.message, near(rest), "{text}");
    }
    // oracle: the line is counted in the statement.
    let e = cond_err("ID = 1 AND\nID >");
    assert!(e.message.ends_with("near '))' at line 2"), "{}", e.message);
}

#[test]
fn unknown_columns_are_1054() {
    let e = cond_err("Foo = 1");
    assert_eq!((e.kind, e.code), (Kind::UnknownAttributeError, Some(1054)));
    assert_eq!(e.message, "Unknown column 'Foo' in 'where clause'");
    assert_eq!(expr_err("Foo * 2", false).message, "Unknown column 'Foo' in 'field list'");
    assert_eq!(cond_err("T.id = 1").message, "Unknown column 'T.id' in 'where clause'");
    // oracle: `Weight > 2` selects by `weight`: names are case-insensitive.
    assert_eq!(translate_condition("Name = 'x'", &attrs()).unwrap(), "(mysql_cmp(\"name\", 'x') = 0)");
}

#[test]
fn literals() {
    let t = |s: &str| translate_expression(s, &attrs(), false).unwrap();
    assert_eq!(t("\"it's\""), "'it''s'");
    assert_eq!(t("'a\\'b\\\\c\\n'"), "'a''b\\c\n'");
    // A projection's `%` goes through pymysql's formatting: `%%` is one `%`.
    assert_eq!(t("'50\\%%'"), "'50\\%'");
    assert_eq!(t("TRUE"), "1");
    assert_eq!(t("'a' 'b'"), "'ab'");
    assert_eq!(t("_utf8mb4'x'"), "'x'");
    assert_eq!(t("'a\\0b'"), "('a' || char(0) || 'b')");
}

#[test]
fn comparisons_follow_static_types() {
    let t = |s: &str| translate_condition(s, &attrs()).unwrap();
    assert_eq!(t("'a' = 'A'"), "('a' = 'A' COLLATE MYSQL_AI_CI)");
    assert_eq!(t("1 < 2"), "(1 < 2)");
    assert_eq!(t("id = 5"), "(mysql_num(\"id\") = 5)");
    assert_eq!(t("name <> 'bob'"), "(mysql_cmp(\"name\", 'bob') <> 0)");
    assert_eq!(t("n <=> NULL"), "mysql_nseq(\"n\", NULL)");
    assert_eq!(t("id IN (1, 2)"), "(mysql_num(\"id\") IN (1, 2))");
    assert_eq!(t("flag"), "\"flag\"");
}

#[test]
fn aggregates() {
    // oracle: `T & "count(*) > 1"` → ProgrammingError (1111, 'Invalid use of group function').
    let e = cond_err("count(*) > 1");
    assert_eq!(
        (e.kind, e.code, e.message.as_str()),
        (Kind::ProgrammingError, Some(1111), "Invalid use of group function")
    );
    assert_eq!(expr_err("max(n)", false).code, Some(1111));
    assert_eq!(expr_err("max(count(*))", true).code, Some(1111));
    let c = fixture();
    let agg = |e: &str| -> String {
        let sql = translate_expression(e, &attrs(), true).unwrap();
        c.query_row(&format!("SELECT CAST({sql} AS TEXT) FROM (SELECT * FROM fx)"), [], |r| {
            r.get::<_, Option<String>>(0)
        })
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .unwrap_or_default()
    };
    assert_eq!(agg("count(*)"), "8");
    assert_eq!(agg("count(score)"), "7");
    assert_eq!(agg("COUNT(DISTINCT flag)"), "3");
    assert_eq!(agg("count(distinct name)"), "7");
    assert_eq!(agg("max(d)"), "2024-03-01");
    assert_eq!(agg("min(date(t))"), "2019-06-15");
    assert_eq!(agg("sum(n * flag)"), "7");
    assert_eq!(agg("round(avg(n), 2)"), "3.86");
    assert_eq!(agg("group_concat(id order by id desc separator ';')"), "8;7;6;5;4;3;2;1");
    assert_eq!(agg("group_concat(DISTINCT flag ORDER BY flag)"), "0,1,2");
    assert_eq!(agg("round(std(flag), 4)"), "0.6999");
}

#[test]
fn functions_and_their_errors() {
    // oracle: concat() → OperationalError (1582, ...native function 'concat'); left('abc') too.
    let e = expr_err("concat()", false);
    assert_eq!((e.kind, e.code), (Kind::OperationalError, Some(1582)));
    assert_eq!(e.message, "Incorrect parameter count in the call to native function 'concat'");
    assert_eq!(
        expr_err("LEFT(name)", false).message,
        "Incorrect parameter count in the call to native function 'LEFT'"
    );
    let e = expr_err("frobnicate(n)", false);
    assert_eq!((e.kind, e.code, e.message.as_str()), (Kind::OperationalError, Some(1046), "No database selected"));
    let e = expr_err("soundex(name)", false);
    assert_eq!((e.kind, e.code), (Kind::OperationalError, None));
    let e = cond_err("ID IN (SELECT 1)");
    assert_eq!((e.kind, e.code), (Kind::OperationalError, None));
    assert!(e.message.contains("subquery"), "{}", e.message);
    // oracle: ESCAPE 'xy' → OperationalError (1210, 'Incorrect arguments to ESCAPE').
    let e = cond_err("NAME LIKE 'a' ESCAPE 'xy'");
    assert_eq!(
        (e.kind, e.code, e.message.as_str()),
        (Kind::OperationalError, Some(1210), "Incorrect arguments to ESCAPE")
    );
    assert_eq!(expr_err("n % 3", false).kind, Kind::ProgrammingError);
}

#[test]
fn nesting_is_bounded() {
    let deep = format!("{}1{}", "(".repeat(300), ")".repeat(300));
    let e = cond_err(&deep);
    assert_eq!((e.kind, e.code), (Kind::OperationalError, None));
    let ok = format!("{}ID{} = 1", "(".repeat(150), ")".repeat(150));
    assert!(translate_condition(&ok, &attrs()).is_ok());
    let long = format!("ID = 1{}", " OR ID = 1".repeat(300));
    assert_eq!(ids(&fixture(), &long).unwrap(), [1]);
    let too_long = format!("ID = 1{}", " OR ID = 1".repeat(3000));
    assert_eq!(cond_err(&too_long).kind, Kind::OperationalError);
}

#[test]
fn dates_relative_to_today() {
    let c = fixture();
    // The deck's example: every fixture date is in the past.
    assert_eq!(ids(&c, "d < curdate() - interval 30 day").unwrap(), [1, 3, 4, 5, 6, 7, 8]);
    assert_eq!(ids(&c, "t < NOW() AND d <= CURRENT_DATE").unwrap(), [1, 3, 4, 5, 6, 7, 8]);
}

#[test]
fn json_paths() {
    let c = fixture();
    let v = |e: &str| -> Option<String> {
        let sql = translate_expression(e, &attrs(), false).unwrap();
        c.query_row(&format!("SELECT CAST({sql} AS TEXT)"), [], |r| r.get(0)).unwrap()
    };
    // oracle: json_extract('{"a": "x", "b": 5}', '$.a') = '"x"', '$.b' = '5'; json_unquote → 'x'.
    let doc = r#"'{"a": "x", "b": 5, "c": [1, {"d": true}]}'"#;
    assert_eq!(v(&format!("json_extract({doc}, '$.a')")).unwrap(), "\"x\"");
    assert_eq!(v(&format!("json_extract({doc}, '$.b')")).unwrap(), "5");
    assert_eq!(v(&format!("{doc} ->> '$.a'")).unwrap(), "x");
    assert_eq!(v(&format!("{doc} -> '$.c[1]'")).unwrap(), "{\"d\": true}");
    assert_eq!(v(&format!("json_extract({doc}, '$.a') = 'X'")).unwrap(), "1");
    assert_eq!(v(&format!("{doc} -> '$.b' = 5")).unwrap(), "1");
    assert_eq!(v(&format!("json_extract({doc}, '$.zz')")), None);
}

#[test]
fn scalar_values_match_the_oracle() {
    // oracle: `SELECT <expr>` through dj.conn().query (MariaDB 10.11), MySQL 8.0 where noted.
    let cases: &[(&str, Option<&str>)] = &[
        ("5/2", Some("2.5")),
        ("1/3", Some("0.3333")),
        ("10.5/3", Some("3.5")),
        ("5 DIV 2", Some("2")),
        ("-7 DIV 2", Some("-3")),
        ("5.5 DIV 2", Some("2")),
        ("-7 %% 3", Some("-1")),
        ("5.5 %% 2", Some("1.5")),
        ("7 %% 0", None),
        ("7 / 0", None),
        ("sqrt(-1)", None),
        ("round(2.5)", Some("3.0")),
        ("round(-2.5)", Some("-3.0")),
        ("round(1.25, 1)", Some("1.3")),
        ("round(1234, -2)", Some("1200")),
        ("substring('abc', 0, 2)", Some("")),
        ("substring('abc', -2)", Some("bc")),
        ("substring('abc', -5)", Some("")),
        ("left('abc', -1)", Some("")),
        ("right('abc', 5)", Some("abc")),
        ("length('é')", Some("2")),
        ("char_length('é')", Some("1")),
        ("upper('é')", Some("É")),
        ("lower('ÀB')", Some("àb")),
        ("trim(leading 'x' from 'xxaxx')", Some("axx")),
        ("trim(both 'xy' from 'xyxyaxy')", Some("a")),
        ("cast('2.5' as signed)", Some("2")),
        ("cast(2.5 as signed)", Some("3")),
        ("cast(-2.5 as signed)", Some("-3")),
        ("cast('abc' as signed)", Some("0")),
        ("cast(2.55 as decimal(4,1))", Some("2.6")),
        ("greatest(1, '10', 9)", Some("10")),
        ("greatest('a', 'B')", Some("B")),
        ("greatest(1, NULL)", None),
        ("date('2020-01-05 10:30:00')", Some("2020-01-05")),
        ("date('now')", None),
        ("date('2020-13-01')", None),
        ("hour('10:30:00')", Some("10")),
        ("month('abc')", None),
        ("datediff('2020-01-10 23:00', '2020-01-09 01:00')", Some("1")),
        ("timestampdiff(MONTH, '2020-01-31', '2020-02-29')", Some("0")),
        ("timestampdiff(YEAR, '2019-03-01', '2020-02-29')", Some("0")),
        ("timestampdiff(MINUTE, '2020-01-01 10:00:00', '2020-01-01 09:58:30')", Some("-1")),
        ("timestampdiff(WEEK, '2020-01-01', '2020-01-15')", Some("2")),
        ("timestampdiff(QUARTER, '2020-01-01', '2020-07-01')", Some("2")),
        ("'2020-01-31' + interval 1 day", Some("2020-02-01")),
        ("date_add('abc', interval 1 day)", None),
        ("date_add(20200105, interval 1 day)", Some("2020-01-06")),
        ("datediff(20200105, '2020-01-01')", Some("4")),
        ("concat('a', 1, 1.5)", Some("a11.5")),
        ("concat('a', 'b', NULL)", None),
        ("concat_ws(',', 'a', NULL, 'b')", Some("a,b")),
        ("concat_ws(NULL, 'a')", None),
        ("'abc' = 'ABC'", Some("1")),
        ("'a' = 'á'", Some("1")),
        // MariaDB: 1 ('a ' = 'a', PAD SPACE); MySQL 8.0's utf8mb4_0900_ai_ci is NO PAD.
        ("'a ' = 'a'", Some("0")),
        // MariaDB: 0 ('ß' = 'ss' false in general_ci); utf8mb4_0900_ai_ci equates them.
        ("'ß' = 'ss'", Some("1")),
        ("'5abc' = 5", Some("1")),
        ("'abc' = 0", Some("1")),
        ("'  5' = 5", Some("1")),
        ("'1e1' = 10", Some("1")),
        ("if(1, 'a', 'b')", Some("a")),
        ("nullif('a', 'A')", None),
        ("isnull(NULL)", Some("1")),
        ("floor(-2.5)", Some("-3")),
        ("ceil(-2.5)", Some("-2")),
        ("truncate(2.567, 2)", Some("2.56")),
        ("power(2, -1)", Some("0.5")),
        ("mod(-7, 3)", Some("-1")),
        ("1 XOR 1", Some("0")),
        ("NULL XOR 1", None),
        ("2 && 3", Some("1")),
        ("0 || NULL", None),
        ("NOT 'abc'", Some("1")),
        ("NOT '1abc'", Some("0")),
        ("'abc' IS TRUE", Some("0")),
        ("2 IS TRUE", Some("1")),
        ("NULL IS NOT TRUE", Some("1")),
        ("1 <=> NULL", Some("0")),
        ("NULL <=> NULL", Some("1")),
        ("'a' <=> 'A'", Some("1")),
        ("'a' between 'A' and 'B'", Some("1")),
        ("3 between 5 and 1", Some("0")),
        ("'b' in ('A', 'B')", Some("1")),
        ("2 in (1, '2')", Some("1")),
        ("5 in (1, NULL)", None),
        ("1 in (1, NULL)", Some("1")),
        ("'2020-01-05' < '2020-1-6'", Some("1")),
        ("strcmp('a', 'B')", Some("-1")),
        ("repeat('ab', 2)", Some("abab")),
        ("lpad('5', 3, '0')", Some("005")),
        ("locate('B', 'abc')", Some("2")),
        ("instr('abc', 'C')", Some("3")),
    ];
    let c = fixture();
    let mut failures = Vec::new();
    for (expr, want) in cases {
        let sql = translate_expression(expr, &attrs(), false).unwrap_or_else(|e| panic!("{expr}: {e:?}"));
        let got: Option<String> = c
            .query_row(&format!("SELECT CAST({sql} AS TEXT)"), [], |r| r.get(0))
            .unwrap_or_else(|e| panic!("{expr}: {sql}: {e}"));
        if got.as_deref() != *want {
            failures.push(format!("{expr}: want {want:?}, got {got:?} ({sql})"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
