//! Every expected text below was printed by DataJoint 0.14.10 on Python 3.11 (the oracle).

use super::*;
use std::collections::BTreeMap;

fn map(pairs: &[(&str, Value)]) -> Value {
    Value::Map(pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect::<BTreeMap<_, _>>())
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

/// Loads `bytes` as a file into a fresh config; the error as `Kind: message`.
fn load_bytes(bytes: &[u8]) -> std::result::Result<Config, String> {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "c.json", bytes);
    let mut c = Config::new();
    match c.load(dir.path(), "c.json", &mut |_| {}) {
        Ok(()) => Ok(c),
        Err(e) => Err(format!("{}: {}", e.kind, e.message)),
    }
}

fn load_err(text: &str) -> String {
    load_bytes(text.as_bytes()).expect_err("load should fail")
}

#[test]
fn defaults_and_order() {
    let c = Config::new();
    // oracle: list(dj.config.keys())
    let keys = [
        "database.host",
        "database.password",
        "database.user",
        "database.port",
        "database.reconnect",
        "connection.init_function",
        "connection.charset",
        "loglevel",
        "safemode",
        "fetch_format",
        "display.limit",
        "display.width",
        "display.show_tuple_count",
        "database.use_tls",
        "enable_python_native_blobs",
        "add_hidden_timestamp",
        "filepath_checksum_size_limit",
        "filepath_checksum_size_limit_insert",
    ];
    assert_eq!(c.keys().collect::<Vec<_>>(), keys);
    // oracle: list(dj.config.values())
    let values: Vec<Value> = vec![
        "localhost".into(),
        Value::Null,
        Value::Null,
        3306.into(),
        true.into(),
        Value::Null,
        "".into(),
        "INFO".into(),
        true.into(),
        "array".into(),
        12.into(),
        14.into(),
        true.into(),
        Value::Null,
        true.into(),
        false.into(),
        Value::Null,
        Value::Null,
    ];
    assert_eq!(c.iter().map(|(_, v)| v.clone()).collect::<Vec<_>>(), values);
    assert_eq!(c.len(), 18);
    assert_eq!(Config::default(), c);
}

#[test]
fn typed_accessors_of_defaults() {
    let c = Config::new();
    assert!(c.safemode());
    assert_eq!(c.display_limit(), 12);
    assert_eq!(c.display_width(), 14);
    assert!(c.show_tuple_count());
    assert_eq!(c.fetch_format().unwrap(), "array");
    assert_eq!(c.host(), "localhost");
    assert_eq!(c.port(), 3306);
    assert_eq!(c.user(), None);
    assert_eq!(c.password(), None);
    assert_eq!(c.use_tls(), None);
    assert_eq!(c.loglevel(), Some("INFO"));
}

#[test]
fn typed_accessors_follow_python_truthiness_and_fetch() {
    let mut c = Config::new();
    // oracle: dj.config["safemode"] = "no" is accepted; `if config["safemode"]` is then true.
    c.set("safemode", "no".into()).unwrap();
    assert!(c.safemode());
    c.set("safemode", 0.into()).unwrap();
    assert!(!c.safemode());
    // oracle: dj.config["fetch_format"] = "bogus" is accepted; fetch raises later.
    c.set("fetch_format", "bogus".into()).unwrap();
    let e = c.fetch_format().unwrap_err();
    assert_eq!(e.kind, Kind::DataJointError);
    assert_eq!(e.message, r#"Invalid entry "bogus" in datajoint.config["fetch_format"]: use "array" or "frame""#);
    c.set("fetch_format", "frame".into()).unwrap();
    assert_eq!(c.fetch_format().unwrap(), "frame");
    c.set("database.use_tls", false.into()).unwrap();
    assert_eq!(c.use_tls(), Some(false));
    c.set("database.use_tls", map(&[("ca", "x".into())])).unwrap();
    assert_eq!(c.use_tls(), Some(true));
    c.set("database.user", "alice".into()).unwrap();
    assert_eq!(c.user().as_deref(), Some("alice"));
    c.set("display.limit", "x".into()).unwrap();
    assert_eq!(c.display_limit(), 12);
}

#[test]
fn missing_key_is_key_error() {
    let mut c = Config::new();
    // oracle: dj.config["nope"] -> KeyError('nope'); del dj.config["nope"] -> KeyError('nope')
    let e = c.get("nope").unwrap_err();
    assert_eq!((e.kind, e.message.as_str()), (Kind::KeyError, "nope"));
    let e = c.remove("nope").unwrap_err();
    assert_eq!((e.kind, e.message.as_str()), (Kind::KeyError, "nope"));
    assert!(c.lookup("nope").is_none());
    assert!(!c.contains("nope"));
}

#[test]
fn remove_then_set_appends_at_end() {
    let mut c = Config::new();
    assert_eq!(c.remove("safemode").unwrap(), Value::Bool(true));
    c.set("whatever.key", Value::List(vec![1.into(), 2.5.into(), Value::Null])).unwrap();
    // oracle: after `del dj.config["safemode"]` and a new key: 18 keys, safemode gone.
    assert_eq!(c.len(), 18);
    assert!(!c.contains("safemode"));
    c.set("safemode", true.into()).unwrap();
    // oracle: [..., 'filepath_checksum_size_limit_insert', 'whatever.key', 'safemode']
    let keys: Vec<_> = c.keys().collect();
    assert_eq!(keys[16..], ["filepath_checksum_size_limit_insert", "whatever.key", "safemode"]);
}

#[test]
fn port_validator() {
    let mut c = Config::new();
    for bad in [Value::from("3306"), Value::from(3306.0), Value::Null] {
        let e = c.set("database.port", bad).unwrap_err();
        // oracle: DataJointError: Validator for database.port did not pass (value unchanged)
        assert_eq!(e.kind, Kind::DataJointError);
        assert_eq!(e.message, "Validator for database.port did not pass");
        assert_eq!(c.get("database.port").unwrap(), &Value::Int(3306));
    }
    // oracle: True, 70000 and -1 all pass (isinstance(a, int)).
    for good in [Value::Bool(true), Value::Int(70000), Value::Int(-1)] {
        c.set("database.port", good.clone()).unwrap();
        assert_eq!(c.get("database.port").unwrap(), &good);
    }
}

#[test]
fn loglevel_validator_stores_then_raises() {
    let mut c = Config::new();
    let cases: [(Value, Kind, &str); 5] = [
        // oracle (PYTHONHASHSEED=0; the tuple's order follows the hash seed):
        // ValueError: 'debug' is not a valid logging value ('INFO', 'WARNING', 'ERROR', 'DEBUG', 'CRITICAL')
        (
            "debug".into(),
            Kind::ValueError,
            "'debug' is not a valid logging value ('INFO', 'WARNING', 'ERROR', 'DEBUG', 'CRITICAL')",
        ),
        // oracle: ValueError: 'None' is not a valid logging value (...)
        (
            Value::Null,
            Kind::ValueError,
            "'None' is not a valid logging value ('INFO', 'WARNING', 'ERROR', 'DEBUG', 'CRITICAL')",
        ),
        // oracle: ValueError: '5' is not a valid logging value (...)
        (
            5.into(),
            Kind::ValueError,
            "'5' is not a valid logging value ('INFO', 'WARNING', 'ERROR', 'DEBUG', 'CRITICAL')",
        ),
        // oracle: TypeError: unhashable type: 'list'
        (Value::List(vec!["x".into()]), Kind::TypeError, "unhashable type: 'list'"),
        // oracle: TypeError: unhashable type: 'dict'
        (map(&[("a", 1.into())]), Kind::TypeError, "unhashable type: 'dict'"),
    ];
    for (value, kind, message) in cases {
        let e = c.set("loglevel", value.clone()).unwrap_err();
        assert_eq!((e.kind, e.message.as_str()), (kind, message));
        // oracle: the bad value is stored anyway.
        assert_eq!(c.get("loglevel").unwrap(), &value);
    }
    c.set("loglevel", "WARNING".into()).unwrap();
    assert_eq!(c.loglevel(), Some("WARNING"));
}

#[test]
fn other_keys_are_not_validated() {
    let mut c = Config::new();
    // oracle: fetch_format 'bogus', safemode 'no', display.limit 'x', unknown keys: all OK.
    c.set("fetch_format", "bogus".into()).unwrap();
    c.set("safemode", "no".into()).unwrap();
    c.set("display.limit", "x".into()).unwrap();
    c.set("whatever.key", Value::List(vec![1.into(), 2.5.into(), Value::Null])).unwrap();
    assert_eq!(c.get("safemode").unwrap(), &Value::from("no"));
    assert_eq!(c.len(), 19);
}

#[test]
fn env_overrides() {
    let env = |vars: &'static [(&'static str, &'static str)]| {
        move |name: &str| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
    };
    let mut c = Config::new();
    assert_eq!(c.apply_env(|_| None).unwrap(), None);
    let line = c
        .apply_env(env(&[
            ("DJ_HOST", "h"),
            ("DJ_USER", "u"),
            ("DJ_PASS", "p"),
            ("DJ_LOG_LEVEL", "WARNING"),
            ("DJ_AWS_ACCESS_KEY_ID", "k"),
        ]))
        .unwrap();
    // oracle (a handler on the datajoint logger before `import datajoint`):
    assert_eq!(
        line.as_deref(),
        Some(
            "Overloaded settings ('database.host', 'database.user', 'database.password', \
             'external.aws_access_key_id', 'loglevel') from environment variables."
        )
    );
    // oracle: host 'h', loglevel 'WARNING', and a new last key ('external.aws_access_key_id', 'k').
    assert_eq!(c.host(), "h");
    assert_eq!(c.user().as_deref(), Some("u"));
    assert_eq!(c.password().as_deref(), Some("p"));
    assert_eq!(c.loglevel(), Some("WARNING"));
    assert_eq!(c.keys().last(), Some("external.aws_access_key_id"));
    assert_eq!(c.get("external.aws_access_key_id").unwrap(), &Value::from("k"));

    // oracle: DJ_HOST= (empty) gives database.host ''.
    let mut c = Config::new();
    c.apply_env(env(&[("DJ_HOST", "")])).unwrap();
    assert_eq!(c.host(), "");

    // oracle: DJ_LOG_LEVEL=debug -> ValueError: 'debug' is not a valid logging value (...)
    let dir = tempfile::tempdir().unwrap();
    let e = Config::import(dir.path(), env(&[("DJ_LOG_LEVEL", "debug")])).unwrap_err();
    assert_eq!(e.kind, Kind::ValueError);
    assert!(e.message.starts_with("'debug' is not a valid logging value ("), "{}", e.message);
}

#[test]
fn import_reads_local_file_then_env() {
    let dir = tempfile::tempdir().unwrap();
    let c = Config::import(dir.path(), |_| None).unwrap();
    assert_eq!(c, Config::new());

    write(dir.path(), LOCAL_CONFIG, b"{\"database.host\": \"fromfile\"}\n");
    // oracle: prints fromfile; with DJ_HOST=envh prints envh.
    assert_eq!(Config::import(dir.path(), |_| None).unwrap().host(), "fromfile");
    let c = Config::import(dir.path(), |v| (v == "DJ_HOST").then(|| "envh".to_string())).unwrap();
    assert_eq!(c.host(), "envh");

    let mut c = Config::new();
    let line = c.auto_load(dir.path()).unwrap().unwrap();
    assert_eq!(line, format!("DataJoint is configured from {}", dir.path().join(LOCAL_CONFIG).display()));

    // oracle: `import datajoint` with dj_local_conf.json `{bad` ->
    // json.decoder.JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)
    write(dir.path(), LOCAL_CONFIG, b"{bad\n");
    let e = Config::import(dir.path(), |_| None).unwrap_err();
    assert_eq!(e.kind, Kind::JSONDecodeError);
    assert_eq!(e.message, "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)");

    // oracle: {"loglevel": "bogus"} -> KeyError: 'bogus' (from log_levels[...]); null is fine.
    write(dir.path(), LOCAL_CONFIG, b"{\"loglevel\": \"bogus\"}\n");
    let e = Config::import(dir.path(), |_| None).unwrap_err();
    assert_eq!((e.kind, e.message.as_str()), (Kind::KeyError, "bogus"));
    write(dir.path(), LOCAL_CONFIG, b"{\"loglevel\": null}\n");
    assert_eq!(Config::import(dir.path(), |_| None).unwrap().get("loglevel").unwrap(), &Value::Null);
}

#[test]
fn load_bypasses_validators_and_keeps_places() {
    // oracle: loading this file gives port 'abc', loglevel 'bogus', host 'h' in first place,
    // and 'new': 5 last (a repeated key keeps its first place, takes the last value).
    let c = load_bytes(
        br#"{"database.port": "abc", "loglevel": "bogus", "safemode": false, "new": {"b": 1, "a": 2}, "database.host": "h", "new": 5}"#,
    )
    .unwrap();
    assert_eq!(c.get("database.port").unwrap(), &Value::from("abc"));
    assert_eq!(c.get("loglevel").unwrap(), &Value::from("bogus"));
    assert_eq!(c.keys().next(), Some("database.host"));
    assert_eq!(c.get("database.host").unwrap(), &Value::from("h"));
    assert_eq!(c.keys().last(), Some("new"));
    assert_eq!(c.get("new").unwrap(), &Value::Int(5));
    assert_eq!(c.len(), 19);
}

#[test]
fn load_logs_absolute_path_even_before_a_decode_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    write(dir.path(), "bad.json", b"");
    let mut lines = Vec::new();
    let mut c = Config::new();
    // oracle: "DataJoint is configured from /tmp/cfgo/empty.json" is logged, then
    // JSONDecodeError: Expecting value: line 1 column 1 (char 0)
    let e = c.load(dir.path(), "sub/../bad.json", &mut |l| lines.push(l.to_string())).unwrap_err();
    assert_eq!(e.message, "Expecting value: line 1 column 1 (char 0)");
    assert_eq!(lines, [format!("DataJoint is configured from {}", dir.path().join("bad.json").display())]);
}

#[test]
fn load_missing_file_or_directory() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("adir")).unwrap();
    let mut c = Config::new();
    let mut logged = false;
    let cases = [
        // oracle: FileNotFoundError: [Errno 2] No such file or directory: 'x.json'
        ("x.json", Kind::FileNotFoundError, "[Errno 2] No such file or directory: 'x.json'"),
        // oracle: FileNotFoundError: [Errno 2] No such file or directory: "it's.json"
        ("it's.json", Kind::FileNotFoundError, "[Errno 2] No such file or directory: \"it's.json\""),
        // oracle: IsADirectoryError: [Errno 21] Is a directory: 'adir'
        ("adir", Kind::IsADirectoryError, "[Errno 21] Is a directory: 'adir'"),
    ];
    for (name, kind, message) in cases {
        let e = c.load(dir.path(), name, &mut |_| logged = true).unwrap_err();
        assert_eq!((e.kind, e.message.as_str()), (kind, message));
    }
    assert!(!logged, "nothing is logged when the file cannot be opened");
    assert_eq!(c, Config::new());
}

#[test]
fn load_malformed_json_messages() {
    // oracle: each text written to a file and passed to dj.config.load.
    let cases = [
        ("", "Expecting value: line 1 column 1 (char 0)"),
        ("{\n  \"a\": 1,\n}", "Expecting property name enclosed in double quotes: line 3 column 1 (char 12)"),
        ("{\n  \"a\": 1\n  \"b\": 2\n}", "Expecting ',' delimiter: line 3 column 3 (char 13)"),
        ("{\"a\": \"abc", "Unterminated string starting at: line 1 column 7 (char 6)"),
        ("{\"a\": 1} x", "Extra data: line 1 column 10 (char 9)"),
        // oracle: json.loads of each text (the file read adds nothing for these).
        ("[1,]", "Expecting value: line 1 column 4 (char 3)"),
        ("{\"a\" 1}", "Expecting ':' delimiter: line 1 column 6 (char 5)"),
        ("{\"a\":}", "Expecting value: line 1 column 6 (char 5)"),
        ("{\"a\": tru}", "Expecting value: line 1 column 7 (char 6)"),
        ("\"\\x\"", "Invalid \\escape: line 1 column 2 (char 1)"),
        ("\"\\u12\"", "Invalid \\uXXXX escape: line 1 column 3 (char 2)"),
        ("\"\\u12zz\"", "Invalid \\uXXXX escape: line 1 column 3 (char 2)"),
        ("\"a\tb\"", "Invalid control character at: line 1 column 3 (char 2)"),
        ("{\"a\": 1", "Expecting ',' delimiter: line 1 column 8 (char 7)"),
        ("[", "Expecting value: line 1 column 2 (char 1)"),
        ("{", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
        ("\"abc\\", "Unterminated string starting at: line 1 column 1 (char 0)"),
        ("-", "Expecting value: line 1 column 1 (char 0)"),
        ("01", "Extra data: line 1 column 2 (char 1)"),
        ("1.", "Extra data: line 1 column 2 (char 1)"),
        (".5", "Expecting value: line 1 column 1 (char 0)"),
        ("1e", "Extra data: line 1 column 2 (char 1)"),
        ("nul", "Expecting value: line 1 column 1 (char 0)"),
        ("\u{feff}{}", "Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)"),
        ("{\"é☃\": 1, }", "Expecting property name enclosed in double quotes: line 1 column 11 (char 10)"),
        ("[1 2]", "Expecting ',' delimiter: line 1 column 4 (char 3)"),
        ("{\"a\": 1 \"b\"}", "Expecting ',' delimiter: line 1 column 9 (char 8)"),
        ("{\"a\": 1,, }", "Expecting property name enclosed in double quotes: line 1 column 9 (char 8)"),
        ("{,}", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
        (" \n ", "Expecting value: line 2 column 2 (char 3)"),
        ("{\"a\":1}\n\nx", "Extra data: line 3 column 1 (char 9)"),
        ("{1: 2}", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
        ("{'a': 1}", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
        ("[1, 2", "Expecting ',' delimiter: line 1 column 6 (char 5)"),
        ("[1, 2,", "Expecting value: line 1 column 7 (char 6)"),
        ("True", "Expecting value: line 1 column 1 (char 0)"),
        ("{\"a\": [1, {\"b\": }]}", "Expecting value: line 1 column 17 (char 16)"),
        ("\"\u{0}\"", "Invalid control character at: line 1 column 2 (char 1)"),
        ("\u{c}{}", "Expecting value: line 1 column 1 (char 0)"),
        ("\"\\ud83d\\u12\"", "Invalid \\uXXXX escape: line 1 column 9 (char 8)"),
        ("\"\\ud83d\\\"", "Unterminated string starting at: line 1 column 1 (char 0)"),
        // oracle: file bytes b'{\r\n "a": 1,\r\n}' and b'{\r "a": 1,\r}': newlines translated on read.
        ("{\r\n \"a\": 1,\r\n}", "Expecting property name enclosed in double quotes: line 3 column 1 (char 11)"),
        ("{\r \"a\": 1,\r}", "Expecting property name enclosed in double quotes: line 3 column 1 (char 11)"),
    ];
    for (text, message) in cases {
        assert_eq!(load_err(text), format!("JSONDecodeError: {message}"), "{text:?}");
    }
}

#[test]
fn load_accepts_python_json_extensions() {
    // oracle: json.loads gives 100000.0, 0, -0.0, nan, inf, -inf, '\u2028', 'é', '😀', '/\x08\x0c'.
    let c = load_bytes(
        br#"{"e": 1e5, "z": -0, "nz": -0.0, "nan": NaN, "inf": Infinity, "ninf": -Infinity,
            "ls": "\u2028", "u": "\u00e9", "pair": "\ud83d\ude00", "esc": "\/\b\f", "big": 1e400,
            "lone": "\ud800", "t": [true, false, null], "ws": {}}"#,
    )
    .unwrap();
    assert_eq!(c.get("e").unwrap(), &Value::Float(100000.0));
    assert_eq!(c.get("z").unwrap(), &Value::Int(0));
    assert!(matches!(c.get("nz").unwrap(), Value::Float(f) if *f == 0.0 && f.is_sign_negative()));
    assert!(matches!(c.get("nan").unwrap(), Value::Float(f) if f.is_nan()));
    assert_eq!(c.get("inf").unwrap(), &Value::Float(f64::INFINITY));
    assert_eq!(c.get("ninf").unwrap(), &Value::Float(f64::NEG_INFINITY));
    assert_eq!(c.get("big").unwrap(), &Value::Float(f64::INFINITY));
    assert_eq!(c.get("ls").unwrap(), &Value::from("\u{2028}"));
    assert_eq!(c.get("u").unwrap(), &Value::from("é"));
    assert_eq!(c.get("pair").unwrap(), &Value::from("😀"));
    assert_eq!(c.get("esc").unwrap(), &Value::from("/\u{8}\u{c}"));
    // Python keeps the lone surrogate '\ud800'; a Rust string cannot.
    assert_eq!(c.get("lone").unwrap(), &Value::from("\u{fffd}"));
    assert_eq!(c.get("t").unwrap(), &Value::List(vec![true.into(), false.into(), Value::Null]));
    // oracle: 12345678901234567890 stays an exact int in Python; here it becomes a float.
    let c = load_bytes(br#"{"big": 12345678901234567890}"#).unwrap();
    assert_eq!(c.get("big").unwrap(), &Value::Float(12345678901234567890.0));
}

#[test]
fn load_non_object_documents_like_dict_update() {
    let cases: [(&str, &str); 5] = [
        // oracle: list.json [1, 2]
        ("[1, 2]", "TypeError: cannot convert dictionary update sequence element #0 to a sequence"),
        // oracle: str.json "abc"
        ("\"abc\"", "ValueError: dictionary update sequence element #0 has length 1; 2 is required"),
        // oracle: null.json, int.json
        ("null", "TypeError: 'NoneType' object is not iterable"),
        ("1", "TypeError: 'int' object is not iterable"),
        // oracle: deep990.json: `[[[...]]]` nested 990 deep
        (
            &*Box::leak(format!("{}{}", "[".repeat(990), "]".repeat(990)).into_boxed_str()),
            "ValueError: dictionary update sequence element #0 has length 1; 2 is required",
        ),
    ];
    for (text, message) in cases {
        assert_eq!(load_err(text), message, "{text}");
    }
    // oracle: [["x", 1], "yz"] sets x = 1 and y = 'z'.
    let c = load_bytes(br#"[["x", 1], "yz"]"#).unwrap();
    assert_eq!(c.get("x").unwrap(), &Value::Int(1));
    assert_eq!(c.get("y").unwrap(), &Value::from("z"));
}

#[test]
fn load_decoding_limits() {
    // oracle: UnicodeDecodeError texts for these file bytes.
    let cases: [(&[u8], &str); 6] = [
        (b"{\"a\": \"\xff\"}", "'utf-8' codec can't decode byte 0xff in position 7: invalid start byte"),
        (b"{\"a\": \"\xe9t\xc3\"}", "'utf-8' codec can't decode byte 0xe9 in position 7: invalid continuation byte"),
        (b"{\"a\": \"\xe2\x82\"}", "'utf-8' codec can't decode bytes in position 7-8: invalid continuation byte"),
        (b"{\"a\": 1}\xe2\x82", "'utf-8' codec can't decode bytes in position 8-9: unexpected end of data"),
        (b"\xed\xa0\x80", "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte"),
        (b"\xf0\x9f\x98", "'utf-8' codec can't decode bytes in position 0-2: unexpected end of data"),
    ];
    for (bytes, message) in cases {
        assert_eq!(load_bytes(bytes).unwrap_err(), format!("UnicodeDecodeError: {message}"));
    }
    // oracle: a 4301-digit integer.
    let text = format!("{{\"big\": {}}}", "1".repeat(4301));
    assert_eq!(
        load_err(&text),
        "ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; \
         use sys.set_int_max_str_digits() to increase the limit"
    );
    assert!(load_bytes(format!("{{\"big\": -{}}}", "1".repeat(4300)).as_bytes()).is_ok());
    // oracle (module-level `dj.config.load`): 993 nested arrays decode; 994 raise RecursionError.
    let deep = |n: usize, open: &str, close: &str| format!("{}1{}", open.repeat(n), close.repeat(n));
    assert_eq!(
        load_err(&deep(994, "[", "]")),
        "RecursionError: maximum recursion depth exceeded while decoding a JSON array from a unicode string"
    );
    assert!(load_bytes(deep(993, "{\"a\":", "}").as_bytes()).is_ok());
    assert_eq!(
        load_err(&deep(994, "{\"a\":", "}")),
        "RecursionError: maximum recursion depth exceeded while decoding a JSON object from a unicode string"
    );
}

// oracle: `dj.config.save("defaults.json")` in a fresh session, the file byte for byte.
const DEFAULTS_SAVED: &str = "{\n    \"database.host\": \"localhost\",\n    \"database.password\": null,\n    \"database.user\": null,\n    \"database.port\": 3306,\n    \"database.reconnect\": true,\n    \"connection.init_function\": null,\n    \"connection.charset\": \"\",\n    \"loglevel\": \"INFO\",\n    \"safemode\": true,\n    \"fetch_format\": \"array\",\n    \"display.limit\": 12,\n    \"display.width\": 14,\n    \"display.show_tuple_count\": true,\n    \"database.use_tls\": null,\n    \"enable_python_native_blobs\": true,\n    \"add_hidden_timestamp\": false,\n    \"filepath_checksum_size_limit\": null,\n    \"filepath_checksum_size_limit_insert\": null\n}";

#[test]
fn save_defaults_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    Config::new().save(dir.path(), "defaults.json").unwrap();
    assert_eq!(std::fs::read_to_string(dir.path().join("defaults.json")).unwrap(), DEFAULTS_SAVED);
    Config::new().save_local(dir.path()).unwrap();
    assert_eq!(std::fs::read_to_string(dir.path().join(LOCAL_CONFIG)).unwrap(), DEFAULTS_SAVED);
    // Only the target file remains: the temporary one was renamed.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
fn save_after_load_keeps_file_order_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "in.json", IN_JSON.as_bytes());
    let mut c = Config::new();
    c.load(dir.path(), "in.json", &mut |_| {}).unwrap();
    c.save(dir.path(), "out.json").unwrap();
    assert_eq!(std::fs::read_to_string(dir.path().join("out.json")).unwrap(), LOADED_SAVED);
    // Round trip: loading what was saved changes nothing.
    let mut again = Config::new();
    again.load(dir.path(), "out.json", &mut |_| {}).unwrap();
    assert_eq!(again.to_json().unwrap(), LOADED_SAVED);
}

#[test]
fn save_values_set_from_rust() {
    let mut c = Config::new();
    for k in c.keys().map(String::from).collect::<Vec<_>>() {
        c.remove(&k).unwrap();
    }
    assert!(c.is_empty());
    c.set("custom", map(&[])).unwrap();
    c.set("lst", Value::List(vec![])).unwrap();
    c.set("f", 1e16.into()).unwrap();
    c.set("h", 0.5.into()).unwrap();
    c.set("o", 1.0.into()).unwrap();
    c.set("uni", "héllo\u{2603}\u{1}".into()).unwrap();
    // oracle: json.dump(..., indent=4) of these values.
    assert_eq!(
        c.to_json().unwrap(),
        "{\n    \"custom\": {},\n    \"lst\": [],\n    \"f\": 1e+16,\n    \"h\": 0.5,\n    \"o\": 1.0,\n    \"uni\": \"h\\u00e9llo\\u2603\\u0001\"\n}"
    );
    // Python's json cannot write bytes: TypeError: Object of type bytes is not JSON serializable
    c.set("b", Value::Bytes(vec![1])).unwrap();
    let e = c.to_json().unwrap_err();
    assert_eq!((e.kind, e.message.as_str()), (Kind::TypeError, "Object of type bytes is not JSON serializable"));
}

#[test]
fn save_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("adir")).unwrap();
    let c = Config::new();
    let e = c.save(dir.path(), "nodir/x.json").unwrap_err();
    assert_eq!(
        (e.kind, e.message.as_str()),
        (Kind::FileNotFoundError, "[Errno 2] No such file or directory: 'nodir/x.json'")
    );
    let e = c.save(dir.path(), "adir").unwrap_err();
    assert_eq!((e.kind, e.message.as_str()), (Kind::IsADirectoryError, "[Errno 21] Is a directory: 'adir'"));
}

// oracle: `print(str(dj.config))` in a fresh session (repr is the same text).
const DEFAULT_TEXT: &str = "{   'add_hidden_timestamp': False,
    'connection.charset': '',
    'connection.init_function': None,
    'database.host': 'localhost',
    'database.password': None,
    'database.port': 3306,
    'database.reconnect': True,
    'database.use_tls': None,
    'database.user': None,
    'display.limit': 12,
    'display.show_tuple_count': True,
    'display.width': 14,
    'enable_python_native_blobs': True,
    'fetch_format': 'array',
    'filepath_checksum_size_limit': None,
    'filepath_checksum_size_limit_insert': None,
    'loglevel': 'INFO',
    'safemode': True}";

#[test]
fn text_of_defaults() {
    assert_eq!(Config::new().to_text(), DEFAULT_TEXT);
    assert_eq!(Config::new().to_string(), DEFAULT_TEXT);
}

#[test]
fn pprint_matches_python() {
    let mut c = Config::new();
    let s = |v: &str| Value::from(v);
    c.set(
        "stores",
        map(&[
            (
                "main",
                map(&[
                    ("protocol", s("file")),
                    ("location", s("/tmp/some/long/location/path/for/testing/wrap")),
                    ("stage", s("/tmp/stage")),
                ]),
            ),
            (
                "s3",
                map(&[
                    ("protocol", s("s3")),
                    ("endpoint", s("localhost:9000")),
                    ("bucket", s("b")),
                    ("access_key", s("k")),
                    ("secret_key", s("s")),
                    ("location", s("loc")),
                ]),
            ),
        ]),
    )
    .unwrap();
    c.set("long", s(&"word ".repeat(30))).unwrap();
    c.set("ml", s("line one\nline two is here\n")).unwrap();
    c.set("lst", Value::List((0..40).map(Value::Int).collect())).unwrap();
    c.set(
        "nested_list",
        Value::List(vec![
            map(&[("a", 1.into()), ("b", Value::List(vec![1.5.into(), Value::Null]))]),
            s(&"x".repeat(70)),
            Value::List(vec![]),
        ]),
    )
    .unwrap();
    c.set("custom", map(&[])).unwrap();
    c.set("f", 0.1.into()).unwrap();
    assert_eq!(c.to_text(), PPRINT);
}

#[test]
fn pprint_wraps_deep_and_multiline() {
    let mut c = Config::new();
    for k in c.keys().map(String::from).collect::<Vec<_>>() {
        c.remove(&k).unwrap();
    }
    c.set(
        "ml",
        Value::from(
            "first line of a long multi-line text value\nsecond line that is long enough to need wrapping here ok\n"
                .repeat(2),
        ),
    )
    .unwrap();
    let mut deep = Value::from("value-long-enough-to-wrap");
    for k in "abcdefghijklmnopqr".chars().rev() {
        deep = map(&[(&k.to_string(), deep)]);
    }
    c.set("deep", deep).unwrap();
    let ints = Value::List((0..30).map(|i| Value::Int(i % 3 + 1)).collect());
    c.set("nl", Value::List(vec![ints, "tail".into()])).unwrap();
    assert_eq!(c.to_text(), PPRINT2);
}

#[test]
fn garbage_never_panics() {
    let mut rng = fastrand::Rng::with_seed(7);
    let alphabet: Vec<char> = "{}[]\":,.-+eE0123456789 \n\t\\u\u{e9}truefalsnNaIiy\r\u{0}/".chars().collect();
    let seeds = [IN_JSON, DEFAULTS_SAVED, "{\"a\": [1, 2.5, {\"b\": null}]}"];
    for round in 0..3000 {
        let text: String = if round % 2 == 0 {
            (0..rng.usize(0..40)).map(|_| alphabet[rng.usize(0..alphabet.len())]).collect()
        } else {
            // Mutate a valid document: delete, duplicate or replace a few characters.
            let mut chars: Vec<char> = seeds[rng.usize(0..seeds.len())].chars().collect();
            for _ in 0..rng.usize(1..4) {
                if chars.is_empty() {
                    break;
                }
                let at = rng.usize(0..chars.len());
                match rng.u8(0..3) {
                    0 => {
                        chars.remove(at);
                    }
                    1 => chars.insert(at, chars[at]),
                    _ => chars[at] = alphabet[rng.usize(0..alphabet.len())],
                }
            }
            chars.into_iter().collect()
        };
        let doc = json::loads(&text);
        if let Ok(doc) = doc {
            let mut c = Config::new();
            if c.update(doc).is_ok() {
                let _ = c.to_text();
                let saved = c.to_json().unwrap();
                let mut again = Config::new();
                again.update(json::loads(&saved).unwrap()).unwrap();
            }
        }
    }
    // Random bytes through the UTF-8 decoder too.
    for _ in 0..2000 {
        let bytes: Vec<u8> = (0..rng.usize(0..12)).map(|_| rng.u8(..)).collect();
        if let Ok(text) = json::decode_text(&bytes) {
            let _ = json::loads(&text);
        }
    }
}
// oracle: `dj.config.load("in.json"); dj.config.save("out.json")`, the file byte for byte.
const LOADED_SAVED: &str = r#"{
    "database.host": "db2",
    "database.password": null,
    "database.user": null,
    "database.port": 3307,
    "database.reconnect": true,
    "connection.init_function": null,
    "connection.charset": "",
    "loglevel": "DEBUG",
    "safemode": true,
    "fetch_format": "array",
    "display.limit": 12,
    "display.width": 14,
    "display.show_tuple_count": true,
    "database.use_tls": null,
    "enable_python_native_blobs": true,
    "add_hidden_timestamp": false,
    "filepath_checksum_size_limit": null,
    "filepath_checksum_size_limit_insert": null,
    "stores": {
        "main": {
            "protocol": "file",
            "location": "/tmp/x",
            "z": 1.0,
            "a": [
                1,
                0.5,
                null,
                true,
                "\u00e9\n\"q",
                {
                    "y": 1,
                    "b": 2
                }
            ]
        }
    },
    "custom": {},
    "f": 1e+16,
    "n": NaN,
    "i": -Infinity,
    "uni": "h\u00e9llo\u2603\u0001\ud83d\ude00\u007f/"
}"#;

const IN_JSON: &str = r#"{
  "database.host": "db.example.org",
  "database.port": 3307,
  "stores": {"main": {"protocol": "file", "location": "/tmp/x", "z": 1.0, "a": [1, 0.5, null, true, "\u00e9\n\"q", {"y": 1, "b": 2}]}},
  "custom": {},
  "f": 1e16,
  "n": NaN, "i": -Infinity,
  "uni": "h\u00e9llo\u2603\u0001\ud83d\ude00\u007f/",
  "loglevel": "DEBUG",
  "database.host": "db2"
}
"#;

// oracle: `print(repr(dj.config))` after the assignments in `pprint_matches_python`.
const PPRINT: &str = r#"{   'add_hidden_timestamp': False,
    'connection.charset': '',
    'connection.init_function': None,
    'custom': {},
    'database.host': 'localhost',
    'database.password': None,
    'database.port': 3306,
    'database.reconnect': True,
    'database.use_tls': None,
    'database.user': None,
    'display.limit': 12,
    'display.show_tuple_count': True,
    'display.width': 14,
    'enable_python_native_blobs': True,
    'f': 0.1,
    'fetch_format': 'array',
    'filepath_checksum_size_limit': None,
    'filepath_checksum_size_limit_insert': None,
    'loglevel': 'INFO',
    'long': 'word word word word word word word word word word word word word '
            'word word word word word word word word word word word word word '
            'word word word word ',
    'lst': [   0,
               1,
               2,
               3,
               4,
               5,
               6,
               7,
               8,
               9,
               10,
               11,
               12,
               13,
               14,
               15,
               16,
               17,
               18,
               19,
               20,
               21,
               22,
               23,
               24,
               25,
               26,
               27,
               28,
               29,
               30,
               31,
               32,
               33,
               34,
               35,
               36,
               37,
               38,
               39],
    'ml': 'line one\nline two is here\n',
    'nested_list': [   {'a': 1, 'b': [1.5, None]},
                       'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
                       []],
    'safemode': True,
    'stores': {   'main': {   'location': '/tmp/some/long/location/path/for/testing/wrap',
                              'protocol': 'file',
                              'stage': '/tmp/stage'},
                  's3': {   'access_key': 'k',
                            'bucket': 'b',
                            'endpoint': 'localhost:9000',
                            'location': 'loc',
                            'protocol': 's3',
                            'secret_key': 's'}}}"#;

// oracle: `print(repr(dj.config))` after the assignments in `pprint_wraps_deep_and_multiline`.
const PPRINT2: &str = r#"{   'deep': {   'a': {   'b': {   'c': {   'd': {   'e': {   'f': {   'g': {   'h': {   'i': {   'j': {   'k': {   'l': {   'm': {   'n': {   'o': {   'p': {   'q': {   'r': 'value-long-enough-to-wrap'}}}}}}}}}}}}}}}}}},
    'ml': 'first line of a long multi-line text value\n'
          'second line that is long enough to need wrapping here ok\n'
          'first line of a long multi-line text value\n'
          'second line that is long enough to need wrapping here ok\n',
    'nl': [   [   1,
                  2,
                  3,
                  1,
                  2,
                  3,
                  1,
                  2,
                  3,
                  1,
                  2,
                  3,
                  1,
                  2,
                  3,
                  1,
                  2,
                  3,
                  1,
                  2,
                  3,
                  1,
                  2,
                  3,
                  1,
                  2,
                  3,
                  1,
                  2,
                  3],
              'tail']}"#;
