//! SELECT: names of result columns, joins, aggregates, ordering and limits, and the errors
//! (MySQL 8.0's texts; DataJoint's classes and tuples).

use super::*;

fn i(n: i64) -> Value {
    Value::Int(n)
}

#[test]
fn columns_are_named_as_mysql_names_them() {
    let mut sv = server("sailor");
    let r = ok(&mut sv, "SELECT count(*) FROM common_subject.subject");
    assert_eq!((r.columns.clone(), r.rows.clone(), r.rowcount), (vec!["count(*)".to_string()], vec![vec![i(4)]], 1));
    // oracle: ['1 + 1', '- 2', 'ab', 'COUNT( * )'] → (2, -2, 'ab', 4)
    let r = ok(&mut sv, "SELECT 1 + 1, - 2, 'ab', COUNT( * ) FROM `common_subject`.`subject`");
    assert_eq!(r.columns, ["1 + 1", "- 2", "ab", "COUNT( * )"]);
    assert_eq!(r.rows, [vec![i(2), i(-2), s("ab"), i(4)]]);
    let r = ok(&mut sv, "SELECT subject_id AS s, SEX, t.species FROM common_subject.subject t ORDER BY s LIMIT 1");
    assert_eq!(r.columns, ["s", "SEX", "species"]);
    assert_eq!(r.rows, [vec![s("Aardvark"), s("M"), s("Rattus norvegicus")]]);
}

#[test]
fn session_functions_without_from() {
    let mut sv = server("sailor");
    let r = ok(&mut sv, "SELECT DATABASE(), USER(), CURRENT_USER(), VERSION(), 1");
    assert_eq!(r.columns, ["DATABASE()", "USER()", "CURRENT_USER()", "VERSION()", "1"]);
    assert_eq!(r.rows, [vec![Value::Null, s("sailor@localhost"), s("sailor@%"), s("8.0.40"), i(1)]]);
    let r = ok(&mut sv, "SELECT NOW() IS NOT NULL, 7 DIV 2, 'a' = 'A'");
    assert_eq!(r.rows, [vec![i(1), i(3), i(1)]]);
}

#[test]
fn grouping_ordering_and_limits() {
    let mut sv = server("sailor");
    let sql =
        "SELECT s.sex, count(*) FROM common_subject.subject AS s GROUP BY s.sex ORDER BY 2 DESC, 1 LIMIT 1 OFFSET 1";
    let r = ok(&mut sv, sql);
    assert_eq!(r.columns, ["sex", "count(*)"]);
    assert_eq!(r.rows, [vec![s("M"), i(1)]]);
    let sql = "SELECT s.sex, count(*) FROM common_subject.subject AS s GROUP BY s.sex ORDER BY 2 DESC, 1 LIMIT 1, 1";
    assert_eq!(ok(&mut sv, sql).rows, [vec![s("M"), i(1)]]);
    let r = ok(&mut sv, "SELECT sex, count(*) AS n FROM common_subject.subject GROUP BY sex HAVING n > 1 ORDER BY sex");
    assert_eq!((r.columns, r.rows), (vec!["sex".to_string(), "n".to_string()], vec![vec![s("F"), i(2)]]));
    let r = ok(&mut sv, "SELECT DISTINCT species FROM common_subject.subject ORDER BY species DESC");
    assert_eq!(r.rows, [vec![s("Rattus norvegicus")], vec![s("Mus musculus")]]);
    let r = ok(&mut sv, "SELECT subject_id FROM common_subject.subject WHERE subject_id LIKE 'a%%'");
    assert_eq!(r.rows, [vec![s("Aardvark")]]);
    let r = ok(&mut sv, "SELECT max(session_start_time), min(nwb_file_name) FROM common_session._session");
    assert_eq!(r.rows, [vec![s("2023-06-22 12:30:00"), s("aard20230622_.nwb")]]);
}

#[test]
fn joins() {
    let mut sv = server("sailor");
    let sql = "SELECT subject_id FROM common_session._session JOIN common_subject.subject USING (subject_id) ORDER BY subject_id";
    assert_eq!(ok(&mut sv, sql).rows, [vec![s("Aardvark")], vec![s("Beaver")], vec![s("Chinchilla")]]);
    // oracle: the merged column first, then the rest of the left, then the rest of the right.
    let r = ok(&mut sv, "SELECT * FROM common_session._session NATURAL JOIN common_subject.subject LIMIT 1");
    assert_eq!(
        r.columns,
        [
            "subject_id",
            "nwb_file_name",
            "session_id",
            "session_description",
            "session_start_time",
            "age",
            "description",
            "genotype",
            "sex",
            "species"
        ]
    );
    assert_eq!(r.rows[0][..5], [s("Aardvark"), s("aard20230622_.nwb"), s("r1"), s("run"), s("2023-06-22 10:00:00")]);
    let sql =
        "SELECT * FROM common_subject.subject a LEFT JOIN common_session._session b ON a.subject_id = b.subject_id \
               WHERE b.nwb_file_name IS NULL";
    let r = ok(&mut sv, sql);
    assert_eq!(r.columns.len(), 11);
    assert_eq!(r.rows[0][0], s("Dormouse"));
    assert_eq!(r.rows[0][6], Value::Null);
    let sql =
        "SELECT b.session_id, common_subject.subject.sex FROM common_session._session AS b, common_subject.subject \
               WHERE b.subject_id = subject.subject_id AND b.session_id = 'r2'";
    assert_eq!(ok(&mut sv, sql).rows, [vec![s("r2"), s("F")]]);
    let r = ok(&mut sv, "SELECT s.* FROM common_subject.subject s WHERE s.subject_id = 'Beaver'");
    assert_eq!(r.columns, ["subject_id", "age", "description", "genotype", "sex", "species"]);
}

#[test]
fn values_decode_by_column_type() {
    let mut sv = server("sailor");
    let u = "0c9bd0e5-9e42-4a7b-a6d1-5f9c1e2b3a4d";
    ok(&mut sv, &format!("INSERT INTO workshop_sailor.subj_blinded VALUES (X'{}', 'Beaver')", u.replace('-', "")));
    let r = ok(&mut sv, "SELECT subject_id, actual_id FROM workshop_sailor.subj_blinded");
    assert_eq!(r.rows[0], [s(u), s("Beaver")]);
}

fn e(kind: &str, msg: &str) -> (String, String) {
    (kind.to_string(), msg.to_string())
}

#[test]
fn select_errors() {
    let mut sv = server("sailor");
    assert_eq!(
        err(&mut sv, "SELECT nope FROM common_subject.subject"),
        e("UnknownAttributeError", "Unknown column 'nope' in 'field list'")
    );
    assert_eq!(
        err(&mut sv, "SELECT * FROM common_subject.subject WHERE nope = 1"),
        e("UnknownAttributeError", "Unknown column 'nope' in 'where clause'")
    );
    assert_eq!(
        err(&mut sv, "SELECT x.subject_id FROM common_subject.subject"),
        e("UnknownAttributeError", "Unknown column 'x.subject_id' in 'field list'")
    );
    // An aliased table is named by its alias only.
    assert_eq!(
        err(&mut sv, "SELECT common_subject.subject.age FROM common_subject.subject s"),
        e("UnknownAttributeError", "Unknown column 'common_subject.subject.age' in 'field list'")
    );
    assert_eq!(
        err(&mut sv, "SELECT * FROM common_subject.nope"),
        e("MissingTableError", "(\"Table 'common_subject.nope' doesn't exist\", 'SELECT * FROM common_subject.nope')")
    );
    assert_eq!(err(&mut sv, "SELECT * FROM subject"), e("OperationalError", "No database selected"));
    let syntax = "You have an error in your SQL syntax; check the manual that corresponds to your MySQL server \
                  version for the right syntax to use near 'SELEC 1' at line 1";
    assert_eq!(err(&mut sv, "SELEC 1"), e("QuerySyntaxError", &format!("(\"{syntax}\", 'SELEC 1')")));
    let (kind, msg) = err(&mut sv, "SELECT 1; SELECT 2");
    assert_eq!(kind, "QuerySyntaxError");
    assert!(msg.contains("near 'SELECT 2' at line 1"), "{msg}");
    assert_eq!(ok(&mut sv, "SELECT 1;").rows, [vec![i(1)]]);
    assert_eq!(
        err(&mut sv, "SELECT sex FROM common_subject.subject WHERE count(*) > 1"),
        e("ProgrammingError", "Invalid use of group function")
    );
    assert_eq!(
        err(&mut sv, "SELECT subject_id FROM common_session._session, common_subject.subject"),
        e("OperationalError", "Column 'subject_id' in field list is ambiguous")
    );
    assert_eq!(
        err(&mut sv, "SELECT * FROM common_subject.subject s, common_subject.subject s"),
        e("OperationalError", "Not unique table/alias: 's'")
    );
    assert_eq!(
        err(&mut sv, "SELECT * FROM common_subject.subject, common_subject.subject"),
        e("OperationalError", "Not unique table/alias: 'subject'")
    );
    // DataJoint's sql_mode has ONLY_FULL_GROUP_BY (MySQL 8.0 texts).
    assert_eq!(
        err(&mut sv, "SELECT subject_id, COUNT(*) FROM common_subject.subject"),
        e(
            "OperationalError",
            "In aggregated query without GROUP BY, expression #1 of SELECT list contains nonaggregated column \
             'common_subject.subject.subject_id'; this is incompatible with sql_mode=only_full_group_by"
        )
    );
    assert_eq!(
        err(&mut sv, "SELECT subject_id, sex FROM common_subject.subject GROUP BY sex"),
        e(
            "OperationalError",
            "Expression #1 of SELECT list is not in GROUP BY clause and contains nonaggregated column \
             'common_subject.subject.subject_id' which is not functionally dependent on columns in GROUP BY clause; \
             this is incompatible with sql_mode=only_full_group_by"
        )
    );
    // Grouping by the primary key makes the other columns dependent.
    assert_eq!(ok(&mut sv, "SELECT subject_id, sex FROM common_subject.subject GROUP BY subject_id").rowcount, 4);
    let (kind, msg) = err(&mut sv, "CREATE TABLE common_subject.t (a int)");
    assert_eq!(kind, "OperationalError");
    assert!(msg.starts_with("CREATE TABLE is not supported in the sandbox"), "{msg}");
    assert_eq!(err(&mut sv, "  "), e("OperationalError", "Query was empty"));
}
