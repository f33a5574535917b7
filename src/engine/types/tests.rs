//! The types module's rules, one test each; `// oracle:` records what DataJoint 0.14.10 on
//! MariaDB 10.11 (strict mode) did, where that agrees with MySQL 8.0.

use std::collections::BTreeMap;

use rusqlite::types::Value as Sql;

use super::*;
use crate::engine::error::Kind;

fn ty(text: &str) -> AttrType {
    parse_type(text).unwrap_or_else(|e| panic!("{text}: {e}")).ty
}

fn err(text: &str) -> Error {
    parse_column_type(text, "x").unwrap_err()
}

fn store(t: &str, v: impl Into<Value>) -> Result<Sql> {
    ty(t).to_storage(&v.into(), "x", 1)
}

fn round_trip(t: &str, v: impl Into<Value>) -> Value {
    let a = ty(t);
    let s = a.to_storage(&v.into(), "x", 1).unwrap_or_else(|e| panic!("{t}: {e}"));
    a.from_storage((&s).into())
}

fn check(e: Error, kind: Kind, code: u16, msg: &str) {
    assert_eq!((e.kind, e.code, e.message.as_str()), (kind, Some(code), msg));
}

#[test]
fn every_type_parses_to_its_heading_type() {
    for (text, heading) in [
        ("int", "int"),
        ("INT UNSIGNED", "int unsigned"),
        ("int(11)", "int"),
        ("integer", "int"),
        ("tinyint", "tinyint"),
        ("tinyint(1) unsigned", "tinyint unsigned"),
        ("smallint unsigned", "smallint unsigned"),
        ("mediumint", "mediumint"),
        ("bigint", "bigint"),
        ("int8", "bigint"),
        ("int signed", "int"),
        ("serial", "bigint unsigned"),
        ("bool", "tinyint"),
        ("boolean", "tinyint"),
        ("float", "float"),
        ("float(24)", "float"),
        ("float(25)", "double"),
        ("float unsigned", "float unsigned"),
        ("double", "double"),
        ("real", "double"),
        ("decimal(5,2)", "decimal(5,2)"),
        ("decimal( 5 , 2 ) unsigned", "decimal(5,2) unsigned"),
        ("decimal", "decimal(10,0)"),
        ("decimal(10)", "decimal(10,0)"),
        ("decimal(0)", "decimal(10,0)"),
        ("numeric(5,2)", "decimal(5,2)"),
        ("varchar(32)", "varchar(32)"),
        ("VARCHAR (32)", "varchar(32)"),
        ("varchar(0)", "varchar(0)"),
        ("char(8)", "char(8)"),
        ("enum('M','F','U')", "enum('M','F','U')"),
        ("enum('M', \"F\")", "enum('M','F')"),
        ("enum('a ','b')", "enum('a','b')"),
        ("enum('it''s','x')", "enum('it''s','x')"),
        ("enum('')", "enum('')"),
        ("date", "date"),
        ("datetime", "datetime"),
        ("datetime(3)", "datetime(3)"),
        ("timestamp", "timestamp"),
        ("timestamp(6)", "timestamp(6)"),
        ("time", "time"),
        ("time(6)", "time(6)"),
        ("year", "year"),
        ("year(4)", "year"),
        ("json", "json"),
        ("longblob", "longblob"),
        ("blob", "blob"),
        ("mediumblob", "mediumblob"),
        ("tinyblob", "tinyblob"),
        ("uuid", "uuid"),
    ] {
        assert_eq!(ty(text).heading_type(), heading, "{text}");
    }
}

#[test]
fn auto_increment_is_reported() {
    assert!(parse_type("int unsigned auto_increment").unwrap().auto_increment);
    assert!(parse_type("serial").unwrap().auto_increment);
    assert!(!parse_type("int").unwrap().auto_increment);
}

#[test]
fn unsupported_types_are_datajoint_errors() {
    for t in ["text", "char", "enum()", "varchar()", "dec(5,2)", "longtext", "double precision"] {
        let e = parse_type(t).unwrap_err();
        assert_eq!((e.kind, e.message), (Kind::DataJointError, format!("Unsupported attribute type {t}")));
    }
    let e = parse_type("<graph>").unwrap_err();
    assert_eq!(e.message, "Support for Adapted Attribute types is disabled.");
    for t in ["attach", "blob@store", "attach@store"] {
        let e = parse_type(t).unwrap_err();
        assert_eq!(e.kind, Kind::DataJointError);
        assert!(e.message.starts_with(&format!("Attribute type {t} is not supported in the sandbox")), "{}", e.message);
    }
}

#[test]
fn filepath_types_name_their_store() {
    // declare.py: `match["type"].split("@", 1)[1]` is the store; the heading shows the type back.
    let ty = parse_type("filepath@raw-2").unwrap().ty;
    assert_eq!(ty, AttrType::Filepath { store: "raw-2".into(), database: String::new() });
    assert_eq!(ty.heading_type(), "filepath@raw-2");
    assert!(ty.is_filepath() && !ty.is_blob() && !ty.is_string() && !ty.is_numeric());
    for t in ["filepath@", "filepath@2x", "filepath", "filepath@a b"] {
        assert_eq!(parse_type(t).unwrap_err().message, format!("Unsupported attribute type {t}"), "{t}");
    }
}

const SYNTAX: &str = "You have an error in your SQL syntax; check the manual that corresponds to your MySQL \
                      server version for the right syntax to use near";

// oracle: MariaDB answered 1064 for each (it names "MariaDB server" and quotes the rest of the
// CREATE TABLE; we quote the rest of the type text). smallblob/tinyinteger: MariaDB 4161
// "Unknown data type"; MySQL 8.0 has no such error and fails to parse (1064).
#[test]
fn mysql_syntax_errors() {
    for (t, near) in [
        ("varchar(abc)", "abc)"),
        ("varchar( )", ")"),
        ("int[]", "[]"),
        ("enum(M,F)", "M,F)"),
        ("date(3)", "(3)"),
        ("double(5)", ")"),
        ("int auto_increment unsigned", "unsigned"),
        ("smallblob", "smallblob"),
        ("tinyinteger", "tinyinteger"),
    ] {
        check(err(t), Kind::QuerySyntaxError, 1064, &format!("{SYNTAX} '{near}' at line 1"));
    }
}

#[test]
fn syntax_error_in_a_statement_counts_lines() {
    let sql = "CREATE TABLE t (\n`k` int NOT NULL,\n`x` varchar(abc) NOT NULL\n)";
    let at = sql.find("abc").unwrap();
    let e = syntax_error_at(sql, at);
    assert_eq!(e.message, format!("{SYNTAX} 'abc) NOT NULL\n)' at line 3"));
    assert_eq!(syntax_error_at("x y", 2).message, format!("{SYNTAX} 'y' at line 1"));
    let _ = syntax_error_at("é", 1);
}

// oracle: same codes on MariaDB (1291 names 'a' for enum('a','A')); texts follow MySQL 8.0 (MariaDB: "Too big precision specified
// for 'x'. Maximum is 65", "Display width out of range for 'x' (max = 255)", no final period on 1427).
#[test]
fn mysql_ddl_limits() {
    let op = Kind::OperationalError;
    check(err("decimal(70,2)"), op, 1426, "Too-big precision 70 specified for 'x'. Maximum is 65.");
    check(err("decimal(65,31)"), op, 1425, "Too big scale 31 specified for column 'x'. Maximum is 30.");
    check(err("decimal(5,6)"), op, 1427, "For float(M,D), double(M,D) or decimal(M,D), M must be >= D (column 'x').");
    check(err("int(300)"), op, 1439, "Display width out of range for column 'x' (max = 255)");
    check(err("float(54)"), op, 1063, "Incorrect column specifier for column 'x'");
    check(
        err("varchar(16384)"),
        op,
        1074,
        "Column length too big for column 'x' (max = 16383); use BLOB or TEXT instead",
    );
    check(err("char(256)"), op, 1074, "Column length too big for column 'x' (max = 255); use BLOB or TEXT instead");
    check(err("enum('a','A')"), op, 1291, "Column 'x' has duplicated value 'a' in ENUM");
    check(err("enum('é','e')"), op, 1291, "Column 'x' has duplicated value 'é' in ENUM");
    check(err("datetime(7)"), op, 1426, "Too-big precision 7 specified for 'x'. Maximum is 6.");
    // MariaDB still accepts YEAR(2); MySQL 8.0 refuses it.
    check(err("year(2)"), op, 1818, "Supports only YEAR or YEAR(4) column.");
    assert!(parse_type("varchar(16383)").is_ok());
    assert!(parse_type("float(7,3)").is_ok());
}

#[test]
fn sqlite_declarations() {
    for (t, d) in [
        ("int", "INTEGER"),
        ("bool", "INTEGER"),
        ("year", "INTEGER"),
        ("float", "REAL"),
        ("decimal(5,2)", "REAL"),
        ("varchar(3)", "TEXT COLLATE MYSQL_AI_CI"),
        ("enum('a')", "TEXT COLLATE MYSQL_AI_CI"),
        ("datetime", "TEXT"),
        ("json", "TEXT"),
        ("uuid", "BLOB"),
        ("longblob", "BLOB"),
    ] {
        assert_eq!(ty(t).sqlite_decl(), d, "{t}");
    }
    assert!(ty("bool").is_numeric() && ty("decimal").is_numeric() && !ty("year").is_numeric());
    assert!(ty("date").is_string() && ty("enum('a')").is_string() && !ty("uuid").is_string());
    assert!(!ty("longblob").key_allowed() && ty("uuid").key_allowed());
}

// oracle: each value into each column type, fetched back.
#[test]
fn round_trips() {
    assert_eq!(round_trip("int", 42), Value::Int(42));
    assert_eq!(round_trip("int", "12"), Value::Int(12));
    assert_eq!(round_trip("int", true), Value::Int(1));
    assert_eq!(round_trip("tinyint(1)", 127), Value::Int(127));
    assert_eq!(round_trip("bool", false), Value::Int(0));
    assert_eq!(round_trip("bigint", i64::MAX), Value::Int(i64::MAX));
    assert_eq!(round_trip("float", 0.1), Value::Float(0.1));
    assert_eq!(round_trip("double", 1e308), Value::Float(1e308));
    assert_eq!(round_trip("decimal(5,2)", 1.5), Value::Float(1.5));
    assert_eq!(round_trip("varchar(8)", "mouse"), Value::from("mouse"));
    assert_eq!(round_trip("varchar(3)", "ééé"), Value::from("ééé"));
    assert_eq!(round_trip("varchar(30)", 1.0), Value::from("1"));
    assert_eq!(round_trip("varchar(30)", 1e20), Value::from("1e20"));
    assert_eq!(round_trip("varchar(30)", 1234), Value::from("1234"));
    assert_eq!(round_trip("varchar(3)", true), Value::from("1"));
    assert_eq!(round_trip("varchar(3)", Value::Bytes(b"ab".to_vec())), Value::from("ab"));
    assert_eq!(round_trip("varchar(3)", Value::List(vec![Value::from("a")])), Value::from("a"));
    assert_eq!(round_trip("varchar(3)", "abc   "), Value::from("abc"));
    assert_eq!(round_trip("varchar(3)", "ab "), Value::from("ab "));
    assert_eq!(round_trip("char(3)", "ab "), Value::from("ab"));
    assert_eq!(round_trip("char(3)", " a"), Value::from(" a"));
    assert_eq!(round_trip("date", "2020-02-29"), Value::from("2020-02-29"));
    assert_eq!(round_trip("date", 20200101), Value::from("2020-01-01"));
    assert_eq!(round_trip("datetime", "2020-01-01"), Value::from("2020-01-01 00:00:00"));
    assert_eq!(round_trip("datetime(3)", "2020-01-01 10:00:00"), Value::from("2020-01-01 10:00:00.000"));
    assert_eq!(round_trip("timestamp", "2020-01-01"), Value::from("2020-01-01 00:00:00"));
    assert_eq!(round_trip("time", "10:00"), Value::from("10:00:00"));
    assert_eq!(round_trip("year", 2020), Value::Int(2020));
    assert_eq!(round_trip("year", "0"), Value::Int(2000));
    assert_eq!(round_trip("year", 0), Value::Int(0));
    assert_eq!(
        round_trip("uuid", "{12345678-1234-5678-1234-567812345678}"),
        Value::from("12345678-1234-5678-1234-567812345678")
    );
    assert_eq!(round_trip("varchar(8)", Value::Null), Value::Null);
    assert_eq!(round_trip("longblob", Value::Null), Value::Null);
}

#[test]
fn json_round_trip() {
    let mut m = BTreeMap::new();
    m.insert("a".to_string(), Value::List(vec![Value::Int(1), Value::Float(2.5), Value::Bool(true), Value::Null]));
    m.insert("b".to_string(), Value::from("x"));
    let v = Value::Map(m);
    assert_eq!(round_trip("json", v.clone()), v);
    assert_eq!(round_trip("json", "abc"), Value::from("abc"));
    assert_eq!(round_trip("json", 1.0), Value::Float(1.0));
    let e = store("json", Value::Bytes(vec![1])).unwrap_err();
    assert_eq!((e.kind, e.message.as_str()), (Kind::TypeError, "Object of type bytes is not JSON serializable"));
}

#[test]
fn blob_round_trip_of_nested_values() {
    let mut inner = BTreeMap::new();
    inner.insert("spikes".to_string(), Value::List(vec![Value::Float(0.5), Value::Float(-1e-9)]));
    inner.insert("ok".to_string(), Value::Bool(true));
    inner.insert("none".to_string(), Value::Null);
    inner.insert("raw".to_string(), Value::Bytes(vec![0, 1, 255]));
    let v = Value::List(vec![Value::Map(inner), Value::Int(-3), Value::from("txt"), Value::List(vec![])]);
    for t in ["longblob", "blob", "mediumblob", "tinyblob"] {
        assert_eq!(round_trip(t, v.clone()), v, "{t}");
    }
    assert_eq!(round_trip("longblob", 7), Value::Int(7));
}

// oracle: int ← 3.5 → 4, '2.5' → 3, '-2.5' → -3, '1e3' → 1000, ' 12 ' → 12.
#[test]
fn numbers_round_half_away_from_zero() {
    assert_eq!(round_trip("int", 3.5), Value::Int(4));
    assert_eq!(round_trip("int", -2.5), Value::Int(-3));
    assert_eq!(round_trip("int", "2.5"), Value::Int(3));
    assert_eq!(round_trip("int", "1e3"), Value::Int(1000));
    assert_eq!(round_trip("int", " 12 "), Value::Int(12));
    assert_eq!(round_trip("int unsigned", "-0.4"), Value::Int(0));
    // oracle: decimal(5,2) ← 99.999 → Decimal('100.00'), 0.125 → 0.13, 0.135 → 0.14, '1e2' → 100.00.
    assert_eq!(round_trip("decimal(5,2)", 99.999), Value::Float(100.0));
    assert_eq!(round_trip("decimal(5,2)", 0.125), Value::Float(0.13));
    assert_eq!(round_trip("decimal(5,2)", 0.135), Value::Float(0.14));
    assert_eq!(round_trip("decimal(5,2)", "-999.994"), Value::Float(-999.99));
}

// oracle: all DataError 1264 with this text (MySQL 8.0 and MariaDB agree).
#[test]
fn out_of_range_values() {
    let cases: &[(&str, Value)] = &[
        ("int", Value::Int(2147483648)),
        ("int", Value::Int(-2147483649)),
        ("int", Value::Float(1e20)),
        ("int unsigned", Value::Int(-1)),
        ("int unsigned", Value::from("-1")),
        ("int unsigned", Value::Int(4294967296)),
        ("tinyint", Value::Int(128)),
        ("tinyint", Value::Int(-129)),
        ("bool", Value::Int(200)),
        ("float", Value::from("1e39")),
        ("float unsigned", Value::Float(-1.0)),
        ("double", Value::from("1e309")),
        ("decimal(5,2)", Value::Int(1000)),
        ("decimal(5,2)", Value::from("999.995")),
        ("decimal(5,2) unsigned", Value::Int(-1)),
        ("decimal(5,2) unsigned", Value::from("-0.001")),
        ("year", Value::Int(1900)),
        ("year", Value::Int(2156)),
    ];
    for (t, v) in cases {
        let e = ty(t).to_storage(v, "x", 3).unwrap_err();
        check(e, Kind::DataError, 1264, "Out of range value for column 'x' at row 3");
    }
    assert_eq!(round_trip("tinyint", -128), Value::Int(-128));
    assert_eq!(round_trip("int unsigned", 4294967295i64), Value::Int(4294967295));
}

#[test]
fn strict_mode_errors() {
    let de = Kind::DataError;
    // oracle: 'abcd' and 'éééé' into varchar(3), 'abcd' into char(3), 1234 into varchar(3).
    check(store("varchar(3)", "abcd").unwrap_err(), de, 1406, "Data too long for column 'x' at row 1");
    check(store("varchar(3)", "éééé").unwrap_err(), de, 1406, "Data too long for column 'x' at row 1");
    check(store("char(3)", "abcd").unwrap_err(), de, 1406, "Data too long for column 'x' at row 1");
    check(store("varchar(3)", 1234).unwrap_err(), de, 1406, "Data too long for column 'x' at row 1");
    // oracle: '12abc', '1_000' and '0x10' into int → 1265; 'X' into enum → 1265.
    check(store("int", "1_000").unwrap_err(), de, 1265, "Data truncated for column 'x' at row 1");
    check(store("decimal(5,2)", "1_0").unwrap_err(), de, 1265, "Data truncated for column 'x' at row 1");
    check(store("enum('M','F')", "X").unwrap_err(), de, 1265, "Data truncated for column 'x' at row 1");
    // oracle: 'inf' into int → DataError 1366 (MariaDB names the column `db`.`t`.`x`).
    check(store("int", "inf").unwrap_err(), de, 1366, "Incorrect integer value: 'inf' for column 'x' at row 1");
    check(store("year", "abc").unwrap_err(), de, 1366, "Incorrect integer value: 'abc' for column 'x' at row 1");
    // MySQL 8.0 Field_real: 1265 (MariaDB: 1366 "Incorrect double value").
    check(store("double", "inf").unwrap_err(), de, 1265, "Data truncated for column 'x' at row 1");
    // oracle: 1292 is unmapped in pymysql → OperationalError.
    let op = Kind::OperationalError;
    check(
        store("date", "2020-13-45").unwrap_err(),
        op,
        1292,
        "Incorrect date value: '2020-13-45' for column 'x' at row 1",
    );
    check(
        store("date", "2021-02-29").unwrap_err(),
        op,
        1292,
        "Incorrect date value: '2021-02-29' for column 'x' at row 1",
    );
    check(
        store("date", "0000-00-00").unwrap_err(),
        op,
        1292,
        "Incorrect date value: '0000-00-00' for column 'x' at row 1",
    );
    check(
        store("datetime", "2020-01-01 25:00:00").unwrap_err(),
        op,
        1292,
        "Incorrect datetime value: '2020-01-01 25:00:00' for column 'x' at row 1",
    );
    check(
        store("timestamp", "1970-01-01 00:00:00").unwrap_err(),
        op,
        1292,
        "Incorrect datetime value: '1970-01-01 00:00:00' for column 'x' at row 1",
    );
    check(
        store("time", "839:00:00").unwrap_err(),
        op,
        1292,
        "Incorrect time value: '839:00:00' for column 'x' at row 1",
    );
    check(
        store("varchar(3)", Value::Bytes(vec![0xff, 0xfe])).unwrap_err(),
        de,
        1366,
        "Incorrect string value: '\\xFF\\xFE' for column 'x' at row 1",
    );
}

// oracle: DataJoint's float(value) check raises before MySQL for numeric attributes.
#[test]
fn datajoint_checks_numeric_values_first() {
    let e = store("int", "abc").unwrap_err();
    assert_eq!((e.kind, e.message.as_str()), (Kind::ValueError, "could not convert string to float: 'abc'"));
    let e = store("int", Value::List(vec![Value::Int(1)])).unwrap_err();
    assert_eq!(e.kind, Kind::TypeError);
    let t = ty("int");
    assert!(t.insert_uses_default(&Value::from("")).unwrap());
    assert!(t.insert_uses_default(&Value::Float(f64::NAN)).unwrap());
    assert!(t.insert_uses_default(&Value::Null).unwrap());
    assert!(!t.insert_uses_default(&Value::Int(0)).unwrap());
    assert!(!ty("varchar(3)").insert_uses_default(&Value::from("")).unwrap());
}

// oracle: pymysql refuses these before MySQL sees them.
#[test]
fn pymysql_escaping_errors() {
    let e = store("varchar(9)", Value::Map(BTreeMap::new())).unwrap_err();
    assert_eq!((e.kind, e.message.as_str()), (Kind::TypeError, "dict can not be used as parameter"));
    let e = store("varchar(9)", Value::List(vec![Value::Int(1), Value::Int(2)])).unwrap_err();
    check(e, Kind::OperationalError, 1241, "Operand should contain 1 column(s)");
    let e = store("varchar(9)", f64::INFINITY).unwrap_err();
    assert_eq!((e.kind, e.message.as_str()), (Kind::ProgrammingError, "inf can not be used with MySQL"));
}

// oracle: 'm' → 'M', 'f' → 'F', 'M ' → 'M', 2 → 'F', '2' → 'F'; 0, 4, '' and ' M' → 1265.
#[test]
fn enum_matches_case_insensitively_and_stores_declared_spelling() {
    let t = "enum('M','F','U')";
    assert_eq!(round_trip(t, "m"), Value::from("M"));
    assert_eq!(round_trip(t, "f"), Value::from("F"));
    assert_eq!(round_trip(t, "M "), Value::from("M"));
    assert_eq!(round_trip(t, 2), Value::from("F"));
    assert_eq!(round_trip(t, "2"), Value::from("F"));
    assert_eq!(round_trip("enum('Café','b')", "CAFE"), Value::from("Café"));
    for v in [Value::Int(0), Value::Int(4), Value::from(""), Value::from(" M")] {
        check(store(t, v).unwrap_err(), Kind::DataError, 1265, "Data truncated for column 'x' at row 1");
    }
}

#[test]
fn uuid_values() {
    let e = store("uuid", "xyz").unwrap_err();
    assert_eq!((e.kind, e.message.as_str()), (Kind::DataJointError, "badly formed UUID value xyz for attribute `x`"));
    assert_eq!(
        round_trip("uuid", "urn:uuid:12345678123456781234567812345678"),
        Value::from("12345678-1234-5678-1234-567812345678")
    );
    let Sql::Blob(b) = store("uuid", "00000000-0000-0000-0000-000000000001").unwrap() else { panic!() };
    assert_eq!(b.len(), 16);
    assert_eq!(b[15], 1);
}

// oracle: MariaDB truncates fractions; MySQL 8.0 rounds them (documented), which we follow.
#[test]
fn datetimes_round_fractions() {
    assert_eq!(round_trip("datetime", "2020-01-01 10:00:00.6"), Value::from("2020-01-01 10:00:01"));
    assert_eq!(round_trip("datetime", "2020-01-01T10:00:00"), Value::from("2020-01-01 10:00:00"));
    assert_eq!(round_trip("date", "2020-01-01 10:00:00"), Value::from("2020-01-01"));
}

fn default(t: &str, lit: &str) -> Result<ColumnDefault> {
    column_default(&ty(t), lit, "x")
}

fn dv(t: &str, lit: &str) -> Value {
    match default(t, lit) {
        Ok(ColumnDefault::Value(v)) => v,
        other => panic!("{t} = {lit}: {other:?}"),
    }
}

// oracle: DEFAULT "1.5" on int → 2, " 5 " → 5, "99.999" on decimal(5,2) → 100.00, "m" on enum → 'M',
// "69" on year → 2069, "2020-01-01 10:00:00.7" on datetime (MySQL rounds: 10:00:01).
#[test]
fn defaults_convert_like_mysql() {
    assert_eq!(default("int", ""), Ok(ColumnDefault::None));
    assert_eq!(default("int", "null"), Ok(ColumnDefault::Null));
    assert_eq!(default("varchar(8)", "NULL"), Ok(ColumnDefault::Null));
    assert_eq!(dv("varchar(8)", "\"mouse\""), Value::from("mouse"));
    assert_eq!(dv("varchar(8)", "'mouse'"), Value::from("mouse"));
    assert_eq!(dv("varchar(8)", "mouse"), Value::from("mouse"));
    assert_eq!(dv("varchar(9)", "'a' 'b'"), Value::from("ab"));
    assert_eq!(dv("int", "0"), Value::Int(0));
    assert_eq!(dv("int", "1.5"), Value::Int(2));
    assert_eq!(dv("int", "\" 5 \""), Value::Int(5));
    assert_eq!(dv("float", "1.5"), Value::Float(1.5));
    assert_eq!(dv("decimal(5,2)", "99.999"), Value::Float(100.0));
    assert_eq!(dv("enum('M','F')", "m"), Value::from("M"));
    assert_eq!(dv("year", "69"), Value::Int(2069));
    assert_eq!(dv("date", "2020-01-01"), Value::from("2020-01-01"));
    assert_eq!(dv("datetime", "\"2020-01-01 10:00:00.7\""), Value::from("2020-01-01 10:00:01"));
    assert_eq!(dv("bool", "1"), Value::Int(1));
}

#[test]
fn current_timestamp_defaults() {
    assert_eq!(default("timestamp", "CURRENT_TIMESTAMP"), Ok(ColumnDefault::CurrentTimestamp));
    assert_eq!(default("datetime", "current_timestamp()"), Ok(ColumnDefault::CurrentTimestamp));
    assert_eq!(default("datetime(3)", "CURRENT_TIMESTAMP(3)"), Ok(ColumnDefault::CurrentTimestamp));
    // MySQL 8.0 (not MariaDB): only DATETIME/TIMESTAMP, and the precision must match.
    for (t, lit) in [("date", "CURRENT_TIMESTAMP"), ("int", "CURRENT_TIMESTAMP"), ("datetime(3)", "CURRENT_TIMESTAMP")]
    {
        check(default(t, lit).unwrap_err(), Kind::OperationalError, 1067, "Invalid default value for 'x'");
    }
}

// oracle: each is OperationalError 1067 "Invalid default value for 'x'" (json: MariaDB stores JSON
// as longtext and accepts; MySQL 8.0 answers 1101).
#[test]
fn invalid_defaults() {
    for (t, lit) in [
        ("int", "abc"),
        ("int", "5x"),
        ("bool", "true"),
        ("varchar(3)", "abcd"),
        ("varchar(3)", "\"abc  \""),
        ("enum('M','F')", "x"),
        ("date", "2020-13-01"),
        ("decimal(5,2)", "1000"),
        ("int unsigned", "-1"),
        ("float", "abc"),
        ("double", "1e400"),
        ("time", "900:00:00"),
        ("int", "\"\""),
    ] {
        check(default(t, lit).unwrap_err(), Kind::OperationalError, 1067, "Invalid default value for 'x'");
    }
    check(
        default("json", "\"{}\"").unwrap_err(),
        Kind::OperationalError,
        1101,
        "BLOB, TEXT, GEOMETRY or JSON column 'x' can't have a default value",
    );
    assert_eq!(default("varchar(9)", "'abc").unwrap_err().code, Some(1064));
}

#[test]
fn never_panics_on_odd_input() {
    let odd = [
        "",
        " ",
        "(",
        ")",
        "int(",
        "int(99999999999999999999999)",
        "decimal(1,",
        "enum('",
        "enum('a',)",
        "varchar(-1)",
        "datetime(",
        "float(1,2,3)",
        "int unsigned unsigned",
        "<>",
        "é",
        "enum('a' 'b')",
        "year(",
        "time(9999)",
    ];
    for t in odd {
        let _ = parse_column_type(t, "x");
    }
    let values = [
        Value::from(""),
        Value::from("-"),
        Value::from("."),
        Value::from("1e"),
        Value::from("1e99999999999999999999"),
        Value::from("--1"),
        Value::from("9".repeat(100)),
        Value::from("2020-"),
        Value::from("2020-01-01 10:"),
        Value::from("::"),
        Value::from("-"),
        Value::from("99999999999999:00:00"),
        Value::Float(f64::MAX),
        Value::Float(f64::MIN_POSITIVE),
        Value::Int(i64::MIN),
        Value::Bytes(vec![0xff]),
    ];
    for t in [
        "int",
        "bigint unsigned",
        "decimal(65,30)",
        "float",
        "varchar(3)",
        "char(1)",
        "enum('a')",
        "date",
        "datetime(6)",
        "timestamp",
        "time(6)",
        "year",
        "uuid",
        "json",
        "longblob",
        "bool",
    ] {
        let a = ty(t);
        for v in &values {
            let _ = a.to_storage(v, "x", 1);
            let _ = column_default(&a, &crate::engine::py::value_str(v), "x");
        }
        let _ = a.from_storage(rusqlite::types::ValueRef::Blob(&[1, 2, 3]));
        let _ = a.from_storage(rusqlite::types::ValueRef::Text(b"{"));
    }
}
