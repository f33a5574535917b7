//! `IN (SELECT ...)`, `NOT IN`, `EXISTS` in raw SQL: results and errors as on the oracle
//! (MariaDB, same rows), with MySQL 8.0's texts where the two differ.

use super::*;

fn ids(rows: &[Vec<Value>]) -> Vec<String> {
    rows.iter()
        .map(|r| match &r[0] {
            Value::Str(s) => s.clone(),
            other => format!("{other:?}"),
        })
        .collect()
}

const SUBJ: &str = "common_subject.subject";
const SESS: &str = "common_session._session";

#[test]
fn membership_and_existence() {
    let mut sv = server("sailor");
    let mut rows = |sql: &str| ids(&ok(&mut sv, &sql.replace("SUBJ", SUBJ).replace("SESS", SESS)).rows);
    assert_eq!(rows("SELECT subject_id FROM SUBJ WHERE subject_id NOT IN (SELECT subject_id FROM SESS)"), ["Dormouse"]);
    assert_eq!(
        rows(
            "SELECT subject_id FROM SUBJ WHERE subject_id IN (SELECT subject_id FROM SESS WHERE session_id = 'r1') \
             ORDER BY subject_id DESC"
        ),
        ["Beaver", "Aardvark"]
    );
    // A NULL in the set: NOT IN is never true; IN still finds a match.
    assert!(rows("SELECT subject_id FROM SUBJ WHERE 'x' NOT IN (SELECT age FROM SUBJ)").is_empty());
    assert_eq!(rows("SELECT subject_id FROM SUBJ WHERE 'P90D' IN (SELECT age FROM SUBJ) ORDER BY 1").len(), 4);
    // Strings compare under the case-insensitive collation.
    assert_eq!(
        rows("SELECT subject_id FROM SUBJ WHERE subject_id IN (SELECT lower(subject_id) FROM SESS)"),
        ["Aardvark", "Beaver", "Chinchilla"]
    );
    // Correlated: the subquery reads the outer row's columns.
    assert_eq!(
        rows(
            "SELECT s.subject_id FROM SUBJ s WHERE EXISTS (SELECT 1 FROM SESS e WHERE e.subject_id = s.subject_id \
             AND e.session_id = 'r2')"
        ),
        ["Chinchilla"]
    );
    assert_eq!(
        rows("SELECT subject_id FROM SUBJ s WHERE NOT EXISTS (SELECT * FROM SESS e WHERE e.subject_id = s.subject_id)"),
        ["Dormouse"]
    );
    assert_eq!(
        rows(
            "SELECT subject_id FROM SUBJ s WHERE sex IN (SELECT x.sex FROM SUBJ x WHERE x.subject_id <> s.subject_id) \
             ORDER BY 1"
        ),
        ["Beaver", "Chinchilla"]
    );
    // Nested, numeric, grouped.
    assert_eq!(
        rows(
            "SELECT count(*) FROM SUBJ WHERE subject_id IN (SELECT subject_id FROM SESS WHERE nwb_file_name IN \
             (SELECT nwb_file_name FROM SESS WHERE session_id = 'r2'))"
        ),
        ["Int(1)"]
    );
    assert_eq!(rows("SELECT subject_id FROM SUBJ WHERE 1 IN (SELECT 1) ORDER BY 1 LIMIT 1"), ["Aardvark"]);
    let r = ok(
        &mut sv,
        &format!(
            "SELECT sex, count(*) FROM {SUBJ} WHERE subject_id NOT IN (SELECT subject_id FROM {SESS} WHERE subject_id \
             IS NOT NULL) GROUP BY sex"
        ),
    );
    assert_eq!(r.rows, [vec![s("U"), Value::Int(1)]]);
    let mut rows = |sql: &str| ids(&ok(&mut sv, &sql.replace("SUBJ", SUBJ)).rows);
    assert_eq!(
        rows("SELECT subject_id FROM SUBJ WHERE age NOT IN (SELECT age FROM SUBJ WHERE age <> 'P90D') ORDER BY 1"),
        ["Aardvark"]
    );
}

#[test]
fn subquery_errors() {
    let mut sv = server("sailor");
    let mut err = |sql: &str| err(&mut sv, &sql.replace("SUBJ", SUBJ).replace("SESS", SESS));
    let e = |kind: &str, msg: &str| (kind.to_string(), msg.to_string());
    assert_eq!(
        err("SELECT subject_id FROM SUBJ WHERE subject_id IN (SELECT subject_id, sex FROM SUBJ)"),
        e("OperationalError", "Operand should contain 1 column(s)")
    );
    assert_eq!(
        err("SELECT subject_id FROM SUBJ WHERE subject_id IN (SELECT subject_id FROM SUBJ LIMIT 1)"),
        e("NotSupportedError", "This version of MySQL doesn't yet support 'LIMIT & IN/ALL/ANY/SOME subquery'")
    );
    assert_eq!(
        err("SELECT subject_id FROM SUBJ WHERE subject_id IN (SELECT nope FROM SESS)"),
        e("UnknownAttributeError", "Unknown column 'nope' in 'field list'")
    );
    assert_eq!(
        err("SELECT subject_id FROM SUBJ WHERE subject_id IN (SELECT subject_id FROM SESS WHERE nope = 1)"),
        e("UnknownAttributeError", "Unknown column 'nope' in 'where clause'")
    );
    let sql = "SELECT subject_id FROM common_subject.subject WHERE subject_id IN (SELECT subject_id FROM \
               common_subject.nope)";
    assert_eq!(err(sql), e("MissingTableError", &format!("(\"Table 'common_subject.nope' doesn't exist\", '{sql}')")));
}
