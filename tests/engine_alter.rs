//! alter(): the statement DataJoint 0.14 shows, its refusals, and the data kept across it.
//! Expected texts are the oracle's (DataJoint 0.14.10 `A.alter()` prompts).

mod common;

use common::Ctx;
use djsandbox::engine::{Error, FetchSpec, InsertOptions, Kind, Row, TableName, Tier, Value};

fn fixture() -> (Ctx, TableName) {
    let mut ctx = Ctx::new();
    let p = ctx.declare("main_alter", "P", Tier::Lookup, "p : int").unwrap();
    ctx.world
        .insert_contents(&p, &[Row::Positional(vec![Value::Int(1)]), Row::Positional(vec![Value::Int(2)])])
        .unwrap();
    let a = ctx
        .declare(
            "main_alter",
            "A",
            Tier::Manual,
            "# old comment\n-> P\nid : int\n---\nresult : float\nnote = \"x\" : varchar(8)  # a note",
        )
        .unwrap();
    let row =
        Row::Map(vec![("p".into(), Value::Int(1)), ("id".into(), Value::Int(1)), ("result".into(), Value::Float(2.0))]);
    ctx.world.insert(&a, &[row], &InsertOptions::default()).unwrap();
    (ctx, a)
}

fn alter(ctx: &mut Ctx, table: &TableName, def: &str) -> Result<Option<String>, Error> {
    let names = ctx.names.clone();
    let resolve = |r: &str| names.get(r).cloned();
    let namer = |t: &TableName| names.iter().find(|(_, v)| *v == t).map(|(k, _)| k.clone());
    let plan = ctx.world.alter_plan(table, def, &resolve, &namer)?;
    ctx.world.alter_apply(&plan)?;
    Ok(plan.sql)
}

#[test]
fn adding_mean_result_keeps_rows_and_fills_the_implicit_default() {
    let (mut ctx, a) = fixture();
    let sql = alter(
        &mut ctx,
        &a,
        "# old comment\n-> P\nid : int\n---\nresult : float\nmean_result : float\nnote = \"x\" : varchar(8)  # a note",
    )
    .unwrap();
    assert_eq!(
        sql.as_deref(),
        Some("ALTER TABLE `main_alter`.`a`\n\tADD `mean_result` float NOT NULL AFTER `result`,\n\tMODIFY `note` varchar(8) NOT NULL DEFAULT \"x\" COMMENT \"a note\" AFTER `mean_result`")
    );
    assert_eq!(
        ctx.describe("A"),
        "# old comment\n-> P\nid                   : int                          \n---\nresult               : float                        \nmean_result          : float                        \nnote=\"x\"             : varchar(8)                   # a note\n"
    );
    let rows = ctx.world.fetch(&ctx.world.query(&a).unwrap(), &FetchSpec::default()).unwrap();
    assert_eq!(rows.columns, ["p", "id", "result", "mean_result", "note"]);
    assert_eq!(rows.rows, vec![vec![Value::Int(1), Value::Int(1), Value::Float(2.0), Value::Float(0.0), "x".into()]]);
}

#[test]
fn rename_modify_and_comment_in_one_statement() {
    let (mut ctx, a) = fixture();
    alter(
        &mut ctx,
        &a,
        "# old comment\n-> P\nid : int\n---\nresult : float\nmean_result : float\nnote = \"x\" : varchar(8)  # a note",
    )
    .unwrap();
    let def = "# new comment\n-> P\nid : int\n---\nmean_result : float\nres2 : double # {result}\nnote = \"x\" : varchar(12)  # a note";
    let sql = alter(&mut ctx, &a, def).unwrap();
    assert_eq!(
        sql.as_deref(),
        Some("ALTER TABLE `main_alter`.`a`\n\tMODIFY `mean_result` float NOT NULL AFTER `id`,\n\tCHANGE `result` `res2` double NOT NULL COMMENT \"{result}\" AFTER `mean_result`,\n\tMODIFY `note` varchar(12) NOT NULL DEFAULT \"x\" COMMENT \"a note\" AFTER `res2`,\n\tCOMMENT=\"new comment\"")
    );
    let rows = ctx.world.fetch(&ctx.world.query(&a.clone()).unwrap(), &FetchSpec::default()).unwrap();
    assert_eq!(rows.columns, ["p", "id", "mean_result", "res2", "note"]);
    assert_eq!(rows.rows[0][3], Value::Float(2.0));
    // The same definition again: nothing to alter.
    assert_eq!(alter(&mut ctx, &a, def).unwrap(), None);
}

#[test]
fn alter_refuses_keys_and_indexes() {
    let (mut ctx, a) = fixture();
    let err = alter(&mut ctx, &a, "-> P\nid : int\nk : int\n---\nx : int").unwrap_err();
    assert_eq!(err, Error::new(Kind::NotImplementedError, "table.alter cannot alter the primary key (yet)."));
    let err = alter(&mut ctx, &a, "-> P\nid : int\n---\nresult : float\nindex(result)").unwrap_err();
    assert_eq!(err, Error::new(Kind::NotImplementedError, "table.alter cannot alter indexes (yet)"));
}

#[test]
fn alter_keeps_children_pointing_at_the_table() {
    let (mut ctx, a) = fixture();
    let child = ctx.declare("main_alter", "Child", Tier::Manual, "-> A\nn : int").unwrap();
    let row = Row::Map(vec![("p".into(), Value::Int(1)), ("id".into(), Value::Int(1)), ("n".into(), Value::Int(1))]);
    ctx.world.insert(&child, &[row], &InsertOptions::default()).unwrap();
    alter(&mut ctx, &a, "# old comment\n-> P\nid : int\n---\nresult : double\nnote = \"x\" : varchar(8)  # a note")
        .unwrap();
    let orphan = Row::Map(vec![("p".into(), Value::Int(2)), ("id".into(), Value::Int(9)), ("n".into(), Value::Int(1))]);
    assert_eq!(ctx.world.insert(&child, &[orphan], &InsertOptions::default()).unwrap_err().code, Some(1452));
    assert_eq!(ctx.world.delete_quick(&ctx.world.query(&a).unwrap()).unwrap_err().code, Some(1451));
}

/// Answers every question with `answer`, keeping what was shown.
struct Ask {
    answer: bool,
    shown: Vec<String>,
}

impl djsandbox::engine::delete::Console for Ask {
    fn log(&mut self, level: djsandbox::engine::delete::Level, message: &str) {
        self.shown.push(format!("{level:?}: {message}"));
    }
    fn confirm(&mut self, prompt: &str, choices: &str) -> bool {
        self.shown.push(format!("{prompt} {choices}: "));
        self.answer
    }
}

#[test]
fn alter_asks_execute_and_logs() {
    let (mut ctx, a) = fixture();
    let names = ctx.names.clone();
    let resolve = |r: &str| names.get(r).cloned();
    let namer = |t: &TableName| names.iter().find(|(_, v)| *v == t).map(|(k, _)| k.clone());
    let def =
        "# old comment\n-> P\nid : int\n---\nresult : float\nmean_result : float\nnote = \"x\" : varchar(8)  # a note";
    let mut no = Ask { answer: false, shown: vec![] };
    assert!(!ctx.world.alter(&a, def, &resolve, &namer, true, &mut no).unwrap());
    // oracle: the prompt A.alter() showed
    assert_eq!(
        no.shown,
        ["ALTER TABLE `main_alter`.`a`\n\tADD `mean_result` float NOT NULL AFTER `result`,\n\tMODIFY `note` varchar(8) NOT NULL DEFAULT \"x\" COMMENT \"a note\" AFTER `mean_result`\n\nExecute? [yes, no]: "]
    );
    assert_eq!(ctx.world.table(&a).unwrap().names(), ["p", "id", "result", "note"]);
    let mut yes = Ask { answer: true, shown: vec![] };
    assert!(ctx.world.alter(&a, def, &resolve, &namer, true, &mut yes).unwrap());
    assert_eq!(yes.shown.last().unwrap(), "Info: Table altered");
    let mut again = Ask { answer: true, shown: vec![] };
    assert!(!ctx.world.alter(&a, def, &resolve, &namer, true, &mut again).unwrap());
    assert_eq!(again.shown, ["Warning: Nothing to alter."]);
}
