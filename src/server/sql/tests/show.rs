//! SHOW DATABASES / TABLES / GRANTS, DESCRIBE and SHOW CREATE TABLE. Structure as the oracle
//! prints it for the same declarations; MySQL 8.0's type names, quoting and collation.

use super::*;

fn create_text(sv: &mut Server, table: &str) -> String {
    let r = ok(sv, &format!("SHOW CREATE TABLE {table}"));
    assert_eq!(r.columns, ["Table", "Create Table"]);
    match &r.rows[0][1] {
        Value::Str(t) => t.clone(),
        other => panic!("{other:?}"),
    }
}

const TAIL: &str = ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci";

#[test]
fn show_create_table_of_the_seed_deck() {
    let mut sv = server("sailor");
    assert_eq!(
        create_text(&mut sv, "workshop_sailor.`#my_params`"),
        format!(
            "CREATE TABLE `#my_params` (\n  `param_name` varchar(32) NOT NULL,\n  `params` blob NOT NULL COMMENT \
             'dict of parameter values',\n  PRIMARY KEY (`param_name`)\n{TAIL}"
        )
    );
    assert_eq!(
        create_text(&mut sv, "workshop_sailor.subj_blinded"),
        format!(
            "CREATE TABLE `subj_blinded` (\n  `subject_id` binary(16) NOT NULL COMMENT ':uuid:',\n  `actual_id` \
             varchar(80) NOT NULL,\n  PRIMARY KEY (`subject_id`),\n  KEY `actual_id` (`actual_id`),\n  CONSTRAINT \
             `subj_blinded_ibfk_1` FOREIGN KEY (`actual_id`) REFERENCES `common_subject`.`subject` (`subject_id`) ON \
             DELETE RESTRICT ON UPDATE CASCADE\n{TAIL}"
        )
    );
    assert_eq!(
        create_text(&mut sv, "`workshop_sailor`.`my_grouping`"),
        format!(
            "CREATE TABLE `my_grouping` (\n  `group_id` int NOT NULL AUTO_INCREMENT,\n  `group_name` varchar(64) NOT \
             NULL,\n  PRIMARY KEY (`group_id`)\n{TAIL}"
        )
    );
    assert_eq!(
        create_text(&mut sv, "workshop_sailor.my_grouping__my_unit"),
        format!(
            "CREATE TABLE `my_grouping__my_unit` (\n  `group_id` int NOT NULL,\n  `unit_id` int NOT NULL,\n  PRIMARY \
             KEY (`group_id`,`unit_id`),\n  KEY `unit_id` (`unit_id`),\n  CONSTRAINT `my_grouping__my_unit_ibfk_1` \
             FOREIGN KEY (`group_id`) REFERENCES `my_grouping` (`group_id`) ON DELETE RESTRICT ON UPDATE CASCADE,\n  \
             CONSTRAINT `my_grouping__my_unit_ibfk_2` FOREIGN KEY (`unit_id`) REFERENCES `upstream_unit` (`unit_id`) \
             ON DELETE RESTRICT ON UPDATE CASCADE\n{TAIL}"
        )
    );
    assert_eq!(
        create_text(&mut sv, "workshop_sailor.my_analysis_selection"),
        format!(
            "CREATE TABLE `my_analysis_selection` (\n  `subject_id` binary(16) NOT NULL COMMENT ':uuid:',\n  \
             `param_name` varchar(32) NOT NULL,\n  PRIMARY KEY (`subject_id`,`param_name`),\n  KEY `param_name` \
             (`param_name`),\n  CONSTRAINT `my_analysis_selection_ibfk_1` FOREIGN KEY (`subject_id`) REFERENCES \
             `subj_blinded` (`subject_id`) ON DELETE RESTRICT ON UPDATE CASCADE,\n  CONSTRAINT \
             `my_analysis_selection_ibfk_2` FOREIGN KEY (`param_name`) REFERENCES `#my_params` (`param_name`) ON \
             DELETE RESTRICT ON UPDATE CASCADE\n{TAIL}"
        )
    );
    assert_eq!(
        create_text(&mut sv, "workshop_sailor.__my_analysis"),
        format!(
            "CREATE TABLE `__my_analysis` (\n  `subject_id` binary(16) NOT NULL COMMENT ':uuid:',\n  `param_name` \
             varchar(32) NOT NULL,\n  `analysis_file_name` varchar(64) NOT NULL,\n  PRIMARY KEY \
             (`subject_id`,`param_name`),\n  KEY `analysis_file_name` (`analysis_file_name`),\n  CONSTRAINT \
             `__my_analysis_ibfk_1` FOREIGN KEY (`subject_id`, `param_name`) REFERENCES `my_analysis_selection` \
             (`subject_id`, `param_name`) ON DELETE RESTRICT ON UPDATE CASCADE,\n  CONSTRAINT `__my_analysis_ibfk_2` \
             FOREIGN KEY (`analysis_file_name`) REFERENCES `common_nwbfile`.`analysis_nwbfile` \
             (`analysis_file_name`) ON DELETE RESTRICT ON UPDATE CASCADE\n{TAIL}"
        )
    );
    // A nullable foreign key, as the oracle's common_session._session.
    assert_eq!(
        create_text(&mut sv, "common_session._session"),
        format!(
            "CREATE TABLE `_session` (\n  `nwb_file_name` varchar(64) NOT NULL,\n  `subject_id` varchar(80) DEFAULT \
             NULL,\n  `session_id` varchar(200) DEFAULT NULL,\n  `session_description` varchar(2000) NOT NULL,\n  \
             `session_start_time` datetime NOT NULL,\n  PRIMARY KEY (`nwb_file_name`),\n  KEY `subject_id` \
             (`subject_id`),\n  CONSTRAINT `_session_ibfk_1` FOREIGN KEY (`nwb_file_name`) REFERENCES \
             `common_nwbfile`.`nwbfile` (`nwb_file_name`) ON DELETE RESTRICT ON UPDATE CASCADE,\n  CONSTRAINT \
             `_session_ibfk_2` FOREIGN KEY (`subject_id`) REFERENCES `common_subject`.`subject` (`subject_id`) ON \
             DELETE RESTRICT ON UPDATE CASCADE\n{TAIL}"
        )
    );
}

#[test]
fn show_create_table_types_defaults_and_indexes() {
    let mut sv = server("sailor");
    // oracle (MariaDB) structure; MySQL 8.0 quotes literal defaults and prints CURRENT_TIMESTAMP.
    assert_eq!(
        create_text(&mut sv, "alice_workshop.misc"),
        "CREATE TABLE `misc` (\n  `id` smallint unsigned NOT NULL COMMENT 'the id',\n  `f` float NOT NULL DEFAULT \
         '1.5',\n  `d` decimal(5,2) NOT NULL DEFAULT '2.50',\n  `flag` tinyint(1) NOT NULL DEFAULT '1',\n  `ts` \
         timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,\n  `dt` datetime DEFAULT NULL,\n  `j` json DEFAULT NULL,\n  \
         `e` enum('a','b') NOT NULL DEFAULT 'a',\n  `ch` char(3) NOT NULL DEFAULT 'x',\n  `dd` date NOT NULL,\n  `lb` \
         longblob NOT NULL,\n  PRIMARY KEY (`id`),\n  UNIQUE KEY `ch` (`ch`,`dd`),\n  KEY `f` (`f`)\n) ENGINE=InnoDB \
         DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci COMMENT='misc table'"
    );
    ok(&mut sv, "INSERT INTO workshop_sailor.my_grouping (group_name) VALUES ('a'), ('b')");
    let text = create_text(&mut sv, "workshop_sailor.my_grouping");
    assert!(
        text.ends_with(") ENGINE=InnoDB AUTO_INCREMENT=3 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci"),
        "{text}"
    );
}

#[test]
fn describe_and_show_columns() {
    let mut sv = server("sailor");
    let r = ok(&mut sv, "DESCRIBE alice_workshop.misc");
    assert_eq!(r.columns, ["Field", "Type", "Null", "Key", "Default", "Extra"]);
    let n = Value::Null;
    let row = |f: &str, t: &str, null: &str, k: &str, d: Value, x: &str| vec![s(f), s(t), s(null), s(k), d, s(x)];
    assert_eq!(
        r.rows,
        [
            row("id", "smallint unsigned", "NO", "PRI", n.clone(), ""),
            row("f", "float", "NO", "MUL", s("1.5"), ""),
            row("d", "decimal(5,2)", "NO", "", s("2.50"), ""),
            row("flag", "tinyint(1)", "NO", "", s("1"), ""),
            row("ts", "timestamp", "NO", "", s("CURRENT_TIMESTAMP"), "DEFAULT_GENERATED"),
            row("dt", "datetime", "YES", "", n.clone(), ""),
            row("j", "json", "YES", "", n.clone(), ""),
            row("e", "enum('a','b')", "NO", "", s("a"), ""),
            row("ch", "char(3)", "NO", "MUL", s("x"), ""),
            row("dd", "date", "NO", "", n.clone(), ""),
            row("lb", "longblob", "NO", "", n.clone(), ""),
        ]
    );
    assert_eq!(r.rowcount, 11);
    for sql in [
        "DESC alice_workshop.misc",
        "SHOW COLUMNS FROM misc FROM alice_workshop",
        "SHOW COLUMNS IN alice_workshop.misc",
    ] {
        assert_eq!(ok(&mut sv, sql).rows, r.rows, "{sql}");
    }
    let r = ok(&mut sv, "DESCRIBE workshop_sailor.my_grouping");
    assert_eq!(r.rows[0], row("group_id", "int", "NO", "PRI", n.clone(), "auto_increment"));
    let r = ok(&mut sv, "DESC workshop_sailor.subj_blinded");
    assert_eq!(
        r.rows,
        [
            row("subject_id", "binary(16)", "NO", "PRI", n.clone(), ""),
            row("actual_id", "varchar(80)", "NO", "MUL", n.clone(), "")
        ]
    );
    let r = ok(&mut sv, "SHOW FULL COLUMNS FROM workshop_sailor.subj_blinded");
    assert_eq!(r.columns, ["Field", "Type", "Collation", "Null", "Key", "Default", "Extra", "Privileges", "Comment"]);
    let p = s("select,insert,update,references");
    assert_eq!(
        r.rows,
        [
            vec![
                s("subject_id"),
                s("binary(16)"),
                n.clone(),
                s("NO"),
                s("PRI"),
                n.clone(),
                s(""),
                p.clone(),
                s(":uuid:")
            ],
            vec![
                s("actual_id"),
                s("varchar(80)"),
                s("utf8mb4_0900_ai_ci"),
                s("NO"),
                s("MUL"),
                n.clone(),
                s(""),
                p,
                s("")
            ],
        ]
    );
    // A guest holds SELECT only.
    let mut guest = server("swab");
    let r = ok(&mut guest, "SHOW FULL COLUMNS FROM common_subject.subject");
    assert_eq!(r.rows[0][7], s("select"));
}

#[test]
fn show_errors() {
    let mut sv = server("sailor");
    assert_eq!(
        err(&mut sv, "SHOW CREATE TABLE common_subject.nope"),
        (
            "MissingTableError".into(),
            "(\"Table 'common_subject.nope' doesn't exist\", 'SHOW CREATE TABLE common_subject.nope')".into()
        )
    );
    assert_eq!(err(&mut sv, "DESCRIBE subject"), ("OperationalError".into(), "No database selected".into()));
    assert_eq!(err(&mut sv, "SHOW TABLES"), ("OperationalError".into(), "No database selected".into()));
    assert_eq!(
        err(&mut sv, "SHOW TABLES FROM nope_db"),
        ("OperationalError".into(), "Unknown database 'nope_db'".into())
    );
}

#[test]
fn show_databases_and_tables() {
    let mut sv = server("sailor");
    let r = ok(&mut sv, "SHOW DATABASES");
    assert_eq!(r.columns, ["Database"]);
    let names: Vec<Value> = [
        "alice_workshop",
        "common_nwbfile",
        "common_session",
        "common_subject",
        "information_schema",
        "workshop_sailor",
    ]
    .iter()
    .map(|n| s(n))
    .collect();
    assert_eq!(r.rows.iter().map(|r| r[0].clone()).collect::<Vec<_>>(), names);
    let r = ok(&mut sv, "SHOW TABLES FROM workshop_sailor");
    assert_eq!(r.columns, ["Tables_in_workshop_sailor"]);
    let tables: Vec<Value> = [
        "#my_params",
        "__my_analysis",
        "my_analysis_selection",
        "my_grouping",
        "my_grouping__my_unit",
        "subj_blinded",
        "upstream_unit",
    ]
    .iter()
    .map(|n| s(n))
    .collect();
    assert_eq!(r.rows.iter().map(|r| r[0].clone()).collect::<Vec<_>>(), tables);
    assert_eq!(ok(&mut sv, "SHOW TABLES IN common_subject").rows, [vec![s("subject")]]);
    let r = ok(&mut sv, "SHOW TABLES FROM workshop_sailor LIKE 'my%%'");
    assert_eq!(r.columns, ["Tables_in_workshop_sailor (my%)"]);
    assert_eq!(r.rowcount, 3);
}

#[test]
fn show_grants_as_sailor() {
    let mut sv = server("sailor");
    let r = ok(&mut sv, "SHOW GRANTS");
    assert_eq!(r.columns, ["Grants for sailor@%"]);
    let first = &r.rows[0][0];
    assert_eq!(first, &s("GRANT SELECT, CREATE ON *.* TO `sailor`@`%`"));
    assert_eq!(r.rows.last().expect("rows")[0], s("GRANT `dj_user`@`%` TO `sailor`@`%`"));
    // pymysql formats every query: a literal % is written %%.
    let (kind, msg) = err(&mut sv, "SHOW GRANTS FOR 'sailor'@'%'");
    assert_eq!((kind.as_str(), msg.as_str()), ("ProgrammingError", "not enough arguments for format string"));
    let r = ok(&mut sv, "SHOW GRANTS FOR 'sailor'@'%%'");
    assert_eq!(r.rows, [vec![s("GRANT USAGE ON *.* TO `sailor`@`%`")], vec![s("GRANT `dj_user`@`%` TO `sailor`@`%`")]]);
    // dj_user's global SELECT covers mysql.user, so another account's grants are readable.
    let r = ok(&mut sv, "SHOW GRANTS FOR 'captain'@'%%'");
    assert_eq!(r.columns, ["Grants for captain@%"]);
    assert_eq!(r.rows[1], [s("GRANT `dj_admin`@`%` TO `captain`@`%`")]);
}
