//! INSERT, UPDATE, DELETE and the database statements, with MySQL 8.0's strict-mode and
//! integrity errors; the permission matrix of the workshop's accounts.

use super::*;

fn e(kind: &str, msg: &str) -> (String, String) {
    (kind.to_string(), msg.to_string())
}

fn count(sv: &mut Server, sql: &str) -> Value {
    ok(sv, sql).rows[0][0].clone()
}

#[test]
fn insert_values() {
    let mut sv = server("sailor");
    let r = ok(&mut sv, "INSERT INTO common_subject.subject (subject_id) VALUES ('Emu'), ('Fox')");
    assert_eq!((r.rowcount, r.columns.len()), (2, 0));
    assert_eq!(
        ok(&mut sv, "SELECT sex, age FROM common_subject.subject WHERE subject_id = 'Emu'").rows,
        [vec![s("U"), Value::Null]]
    );
    // Positional values; an integer into varchar is its text; DEFAULT without one is 1364.
    ok(&mut sv, "INSERT INTO common_nwbfile.nwbfile VALUES (5, 'p')");
    assert_eq!(
        count(&mut sv, "SELECT nwb_file_abs_path FROM common_nwbfile.nwbfile WHERE nwb_file_name = '5'"),
        s("p")
    );
    assert_eq!(
        err(&mut sv, "INSERT INTO common_nwbfile.nwbfile VALUES (6, DEFAULT)"),
        e("MissingAttributeError", "Field 'nwb_file_abs_path' doesn't have a default value")
    );
    ok(&mut sv, "INSERT INTO common_subject.subject VALUES ('Ibex', DEFAULT, NULL, NULL, DEFAULT, NULL)");
    assert_eq!(count(&mut sv, "SELECT sex FROM common_subject.subject WHERE subject_id = 'Ibex'"), s("U"));
    ok(&mut sv, "INSERT INTO common_subject.subject SET subject_id = 'Gnu', sex = 'F'");
    assert_eq!(count(&mut sv, "SELECT sex FROM common_subject.subject WHERE subject_id = 'Gnu'"), s("F"));
    // Auto-increment: omitted, NULL and 0 take the next value.
    ok(&mut sv, "INSERT INTO workshop_sailor.my_grouping (group_name) VALUES ('a'), ('b')");
    ok(&mut sv, "INSERT INTO workshop_sailor.my_grouping VALUES (NULL, 'c'), (0, 'd')");
    let r = ok(&mut sv, "SELECT group_id FROM workshop_sailor.my_grouping ORDER BY group_id");
    assert_eq!(r.rows, [[Value::Int(1)], [Value::Int(2)], [Value::Int(3)], [Value::Int(4)]]);
    // Arguments through pymysql's formatting.
    let r = query(
        &mut sv,
        "INSERT INTO common_subject.subject (subject_id, age) VALUES (%s, %s)",
        &[s("Hare's"), Value::Null],
    );
    assert_eq!(r.expect("insert").rowcount, 1);
    assert_eq!(
        count(&mut sv, "SELECT count(*) FROM common_subject.subject WHERE subject_id = 'Hare''s'"),
        Value::Int(1)
    );
}

#[test]
fn insert_errors() {
    let mut sv = server("sailor");
    assert_eq!(
        err(&mut sv, "INSERT INTO common_subject.subject (subject_id, sex) VALUES ('Aardvark', 'M')"),
        e("DuplicateError", "Duplicate entry 'Aardvark' for key 'subject.PRIMARY'")
    );
    // Raw SQL's NULL is not DEFAULT.
    assert_eq!(
        err(&mut sv, "INSERT INTO common_subject.subject (subject_id, sex) VALUES ('Emu', NULL)"),
        e("IntegrityError", "Column 'sex' cannot be null")
    );
    assert_eq!(
        err(&mut sv, "INSERT INTO common_subject.subject (sex) VALUES ('M')"),
        e("MissingAttributeError", "Field 'subject_id' doesn't have a default value")
    );
    assert_eq!(
        err(&mut sv, "INSERT INTO common_subject.subject (subject_id, nope) VALUES ('Emu', 1)"),
        e("UnknownAttributeError", "Unknown column 'nope' in 'field list'")
    );
    assert_eq!(
        err(&mut sv, "INSERT INTO common_subject.subject (subject_id, sex) VALUES ('Emu')"),
        e("OperationalError", "Column count doesn't match value count at row 1")
    );
    assert_eq!(
        err(&mut sv, "INSERT INTO common_subject.subject (subject_id, subject_id) VALUES ('Emu', 'Emu')"),
        e("ProgrammingError", "Column 'subject_id' specified twice")
    );
    assert_eq!(
        err(&mut sv, "INSERT INTO common_subject.subject (subject_id, sex) VALUES ('Emu', 'M'), ('Fox', 'Q')"),
        e("DataError", "Data truncated for column 'sex' at row 2")
    );
    assert_eq!(count(&mut sv, "SELECT count(*) FROM common_subject.subject"), Value::Int(4), "nothing written");
    assert_eq!(
        err(&mut sv, "INSERT INTO common_session._session (nwb_file_name, session_description, session_start_time) VALUES ('nope.nwb', 'x', '2023-01-01')"),
        e(
            "IntegrityError",
            "Cannot add or update a child row: a foreign key constraint fails (`common_session`.`_session`, CONSTRAINT \
             `_session_ibfk_1` FOREIGN KEY (`nwb_file_name`) REFERENCES `common_nwbfile`.`nwbfile` (`nwb_file_name`) ON \
             DELETE RESTRICT ON UPDATE CASCADE)"
        )
    );
    let mut admin = server("captain");
    assert_eq!(
        err(&mut admin, "INSERT INTO alice_workshop.misc (id, dd, lb) VALUES ('abc', '2020-01-01', '')"),
        e("DataError", "Incorrect integer value: 'abc' for column 'id' at row 1")
    );
    assert_eq!(
        err(&mut admin, "INSERT INTO alice_workshop.misc (id, dd, lb, j) VALUES (1, '2020-01-01', '', 'abc')"),
        e("OperationalError", "Invalid JSON text: \"Invalid value.\" at position 0 in value for column 'misc.j'.")
    );
    assert_eq!(
        err(&mut admin, "INSERT INTO common_nwbfile.nwbfile VALUES (REPEAT('x', 65), '')"),
        e("DataError", "Data too long for column 'nwb_file_name' at row 1")
    );
    ok(&mut admin, "INSERT INTO alice_workshop.misc (id, dd, lb, j) VALUES (1, '2020-01-01', 'raw', '{\"a\": 1}')");
    let r = ok(&mut admin, "SELECT f, d, flag, e, ch, dd, j FROM alice_workshop.misc");
    assert_eq!(r.rows[0][0], Value::Float(1.5));
    assert_eq!(r.rows[0][3..6], [s("a"), s("x"), s("2020-01-01")]);
}

#[test]
fn update_and_delete() {
    let mut sv = server("sailor");
    // pymysql reports changed rows, not matched ones (oracle: SET v = v → 0).
    assert_eq!(ok(&mut sv, "UPDATE common_subject.subject SET species = 'Mus musculus'").rowcount, 2);
    assert_eq!(ok(&mut sv, "UPDATE common_subject.subject SET sex = sex WHERE subject_id = 'Beaver'").rowcount, 0);
    assert_eq!(
        err(&mut sv, "UPDATE common_subject.subject SET sex = NULL WHERE subject_id = 'Beaver'"),
        e("IntegrityError", "Column 'sex' cannot be null")
    );
    assert_eq!(
        err(&mut sv, "UPDATE common_subject.subject SET nope = 1"),
        e("UnknownAttributeError", "Unknown column 'nope' in 'field list'")
    );
    assert_eq!(
        err(&mut sv, "UPDATE common_subject.subject SET subject_id = 'Beaver' WHERE subject_id = 'Dormouse'"),
        e("DuplicateError", "Duplicate entry 'Beaver' for key 'subject.PRIMARY'")
    );
    assert_eq!(
        err(&mut sv, "UPDATE common_session._session SET subject_id = 'Nobody'"),
        e(
            "IntegrityError",
            "Cannot add or update a child row: a foreign key constraint fails (`common_session`.`_session`, CONSTRAINT \
             `_session_ibfk_2` FOREIGN KEY (`subject_id`) REFERENCES `common_subject`.`subject` (`subject_id`) ON \
             DELETE RESTRICT ON UPDATE CASCADE)"
        )
    );
    // ON UPDATE CASCADE carries a changed key into the children.
    let r = ok(
        &mut sv,
        "UPDATE common_subject.subject s SET s.subject_id = concat(s.subject_id, '2') WHERE s.subject_id = 'Aardvark'",
    );
    assert_eq!(r.rowcount, 1);
    assert_eq!(
        count(
            &mut sv,
            "SELECT subject_id FROM common_session._session WHERE session_description = 'run' ORDER BY 1 LIMIT 1"
        ),
        s("Aardvark2")
    );
    assert_eq!(
        err(&mut sv, "DELETE FROM common_subject.subject WHERE subject_id = 'Beaver'"),
        e(
            "IntegrityError",
            "Cannot delete or update a parent row: a foreign key constraint fails (`common_session`.`_session`, \
             CONSTRAINT `_session_ibfk_2` FOREIGN KEY (`subject_id`) REFERENCES `common_subject`.`subject` \
             (`subject_id`) ON DELETE RESTRICT ON UPDATE CASCADE)"
        )
    );
    assert_eq!(ok(&mut sv, "DELETE FROM common_subject.subject WHERE subject_id = 'Dormouse'").rowcount, 1);
    assert_eq!(ok(&mut sv, "DELETE FROM common_session._session ORDER BY nwb_file_name DESC LIMIT 1").rowcount, 1);
    assert_eq!(count(&mut sv, "SELECT count(*) FROM common_session._session"), Value::Int(2));
    assert_eq!(ok(&mut sv, "DELETE FROM common_session._session").rowcount, 2);
}

#[test]
fn database_statements() {
    let mut sv = server("sailor");
    assert_eq!(
        err(&mut sv, "CREATE DATABASE workshop_sailor"),
        e("ProgrammingError", "Can't create database 'workshop_sailor'; database exists")
    );
    assert_eq!(ok(&mut sv, "CREATE DATABASE IF NOT EXISTS workshop_sailor").rowcount, 0);
    assert_eq!(ok(&mut sv, "CREATE DATABASE workshop_new").rowcount, 1);
    assert!(ok(&mut sv, "SHOW DATABASES").rows.contains(&vec![s("workshop_new")]));
    assert_eq!(ok(&mut sv, "DROP DATABASE workshop_new").rowcount, 0);
    assert_eq!(
        err(&mut sv, "DROP DATABASE workshop_new"),
        e("OperationalError", "Can't drop database 'workshop_new'; database doesn't exist")
    );
    assert_eq!(ok(&mut sv, "DROP DATABASE IF EXISTS workshop_new").rowcount, 0);
    assert_eq!(
        err(&mut sv, "DROP TABLE workshop_sailor.nope, workshop_sailor.nope2"),
        e("OperationalError", "Unknown table 'workshop_sailor.nope,workshop_sailor.nope2'")
    );
    assert_eq!(ok(&mut sv, "DROP TABLE IF EXISTS workshop_sailor.nope").rowcount, 0);
    assert_eq!(
        err(&mut sv, "DROP TABLE workshop_sailor.upstream_unit"),
        e(
            "OperationalError",
            "Cannot drop table 'upstream_unit' referenced by a foreign key constraint 'my_grouping__my_unit_ibfk_2' on \
             table 'my_grouping__my_unit'."
        )
    );
    ok(&mut sv, "DROP TABLE workshop_sailor.__my_analysis, workshop_sailor.my_analysis_selection");
    assert_eq!(ok(&mut sv, "SHOW TABLES FROM workshop_sailor").rowcount, 5);
}

/// What a statement does for an account: `ok`, or the error's class and server message.
fn outcome(sv: &mut Server, sql: &str) -> String {
    match q(sv, sql) {
        Ok(_) => "ok".into(),
        Err(e) => format!("{}: {}", e.kind.name(), e.message),
    }
}

fn denied(sql: &str, server_msg: &str) -> String {
    format!("AccessError: {}", crate::engine::py::tuple_repr(&["Insufficient privileges.", server_msg, sql]))
}

#[test]
fn permission_matrix() {
    let deny_table =
        |cmd: &str, user: &str, t: &str| format!("{cmd} command denied to user '{user}'@'localhost' for table '{t}'");
    let deny_db = |user: &str, db: &str| format!("Access denied for user '{user}'@'%' to database '{db}'");
    let cases: Vec<(&str, &str, Option<String>)> = vec![
        ("sailor", "SELECT * FROM common_subject.subject", None),
        ("sailor", "INSERT INTO common_subject.subject (subject_id) VALUES ('Emu')", None),
        ("sailor", "DELETE FROM common_subject.subject WHERE subject_id = 'Emu'", None),
        ("sailor", "CREATE DATABASE workshop_sailor2", None),
        ("sailor", "INSERT INTO workshop_sailor.upstream_unit VALUES (1)", None),
        ("sailor", "DELETE FROM workshop_sailor.upstream_unit", None),
        ("sailor", "DROP TABLE workshop_sailor.`#my_params`", Some("(3730)".into())),
        ("sailor", "SELECT * FROM alice_workshop.misc", None),
        ("sailor", "CREATE DATABASE alice_workshop2", None),
        (
            "sailor",
            "INSERT INTO alice_workshop.misc (id, dd, lb) VALUES (1, '2020-01-01', '')",
            Some(deny_table("INSERT", "sailor", "misc")),
        ),
        ("sailor", "DELETE FROM alice_workshop.misc", Some(deny_table("DELETE", "sailor", "misc"))),
        ("sailor", "DROP TABLE alice_workshop.misc", Some(deny_table("DROP", "sailor", "misc"))),
        ("sailor", "DROP DATABASE alice_workshop", Some(deny_db("sailor", "alice_workshop"))),
        ("swab", "SELECT * FROM common_subject.subject", None),
        ("swab", "SELECT * FROM workshop_sailor.upstream_unit", None),
        (
            "swab",
            "INSERT INTO common_subject.subject (subject_id) VALUES ('Emu')",
            Some(deny_table("INSERT", "swab", "subject")),
        ),
        ("swab", "DELETE FROM common_subject.subject", Some(deny_table("DELETE", "swab", "subject"))),
        ("swab", "UPDATE common_subject.subject SET sex = 'M'", Some(deny_table("UPDATE", "swab", "subject"))),
        (
            "swab",
            "INSERT INTO workshop_sailor.upstream_unit VALUES (1)",
            Some(deny_table("INSERT", "swab", "upstream_unit")),
        ),
        ("swab", "CREATE DATABASE workshop_swab", Some(deny_db("swab", "workshop_swab"))),
        ("swab", "DROP TABLE common_subject.subject", Some(deny_table("DROP", "swab", "subject"))),
        ("swab", "DROP DATABASE alice_workshop", Some(deny_db("swab", "alice_workshop"))),
    ];
    for (user, sql, expected) in cases {
        let mut sv = server(user);
        let got = outcome(&mut sv, sql);
        match expected {
            None => assert_eq!(got, "ok", "{user}: {sql}"),
            Some(code) if code.starts_with('(') => {
                assert!(got.starts_with("OperationalError: Cannot drop"), "{user}: {sql}: {got}")
            }
            Some(msg) => assert_eq!(got, denied(sql, &msg), "{user}: {sql}"),
        }
    }
}
