//! delete(): the cascade, its log lines in DataJoint's order, the safemode question, the part
//! rules. Expected lines are the oracle's (DataJoint 0.14.10) log output.

mod common;

use common::Ctx;
use djsandbox::engine::delete::{Console, DeleteOptions, Level};
use djsandbox::engine::{Error, InsertOptions, Query, Restriction, Row, Tier, Value};

/// Records log lines and answers every question with `answer`.
struct Script {
    answer: bool,
    lines: Vec<String>,
}

impl Console for Script {
    fn log(&mut self, level: Level, message: &str) {
        self.lines.push(format!("{level:?}: {message}"));
    }
    fn confirm(&mut self, prompt: &str, choices: &str) -> bool {
        self.lines.push(format!("? {prompt} {choices}"));
        self.answer
    }
}

fn ints(values: &[i64]) -> Row {
    Row::Positional(values.iter().map(|v| Value::Int(*v)).collect())
}

fn fixture() -> Ctx {
    let mut ctx = Ctx::new();
    let s = "main_del";
    ctx.declare(s, "Subject", Tier::Manual, "subject_id : int").unwrap();
    ctx.declare(s, "Param", Tier::Lookup, "param : int").unwrap();
    ctx.declare(s, "Session", Tier::Manual, "-> Subject\nsess : int").unwrap();
    ctx.declare(s, "Sel", Tier::Manual, "-> Session\n-> Param").unwrap();
    ctx.declare(s, "Ana", Tier::Computed, "-> Sel\n---\nv : int").unwrap();
    ctx.part("Ana", "Part", "-> master\nk : int").unwrap();
    ctx.declare("main_del2", "Note", Tier::Manual, "-> Subject\n---\ntxt : varchar(8)").unwrap();
    let w = &mut ctx.world;
    let o = InsertOptions::default();
    let direct = InsertOptions { allow_direct_insert: true, ..o };
    w.insert(&ctx.names["Subject"], &[ints(&[1]), ints(&[2]), ints(&[3])], &o).unwrap();
    w.insert_contents(&ctx.names["Param"], &[ints(&[1]), ints(&[2])]).unwrap();
    w.insert(&ctx.names["Session"], &[ints(&[1, 1]), ints(&[1, 2]), ints(&[2, 1])], &o).unwrap();
    let sel = [[1, 1, 1], [1, 1, 2], [1, 2, 1], [2, 1, 1]];
    w.insert(&ctx.names["Sel"], &sel.iter().map(|r| ints(r)).collect::<Vec<_>>(), &o).unwrap();
    w.insert(&ctx.names["Ana"], &sel.iter().map(|r| ints(&[r[0], r[1], r[2], 1])).collect::<Vec<_>>(), &direct)
        .unwrap();
    let parts: Vec<Row> =
        sel.iter().flat_map(|r| [ints(&[r[0], r[1], r[2], 0]), ints(&[r[0], r[1], r[2], 1])]).collect();
    w.insert(&ctx.names["Ana.Part"], &parts, &o).unwrap();
    w.insert(
        &ctx.names["Note"],
        &[Row::Positional(vec![Value::Int(1), "a".into()]), Row::Positional(vec![Value::Int(3), "b".into()])],
        &o,
    )
    .unwrap();
    ctx
}

fn restricted(ctx: &Ctx, class: &str, pairs: &[(&str, i64)]) -> Query {
    let map = pairs.iter().map(|(k, v)| (k.to_string(), Value::Int(*v))).collect();
    ctx.world.restrict(&ctx.world.query(&ctx.t(class)).unwrap(), &Restriction::Map(map)).unwrap()
}

fn count(ctx: &Ctx, class: &str) -> usize {
    ctx.world.count(&ctx.t(class)).unwrap()
}

#[test]
fn the_cascade_logs_children_first_and_asks_before_committing() {
    let mut ctx = fixture();
    // The oracle's session before this delete: part rows k=0 and parameter 2 were deleted.
    let mut log = Script { answer: true, lines: vec![] };
    let forced = DeleteOptions { force: true, ..DeleteOptions::default() };
    ctx.world.delete(&restricted(&ctx, "Ana.Part", &[("k", 0)]), forced, &mut log).unwrap();
    ctx.world.delete(&restricted(&ctx, "Param", &[("param", 2)]), DeleteOptions::default(), &mut log).unwrap();
    let mut yes = Script { answer: true, lines: vec![] };
    let q = restricted(&ctx, "Subject", &[("subject_id", 1)]);
    assert_eq!(ctx.world.delete(&q, DeleteOptions::default(), &mut yes).unwrap(), 1);
    // oracle: (Subject & {"subject_id": 1}).delete()
    assert_eq!(
        yes.lines,
        [
            "Info: Deleting 2 rows from `main_del`.`__ana__part`",
            "Info: Deleting 2 rows from `main_del`.`__ana`",
            "Info: Deleting 2 rows from `main_del`.`sel`",
            "Info: Deleting 2 rows from `main_del`.`session`",
            "Info: Deleting 1 rows from `main_del2`.`note`",
            "Info: Deleting 1 rows from `main_del`.`subject`",
            "? Commit deletes? [yes, No]",
            "Info: Delete committed.",
        ]
    );
    assert_eq!(
        [count(&ctx, "Subject"), count(&ctx, "Session"), count(&ctx, "Sel"), count(&ctx, "Ana.Part")],
        [2, 1, 1, 1]
    );
}

#[test]
fn declining_rolls_everything_back_but_returns_the_count() {
    let mut ctx = fixture();
    let mut no = Script { answer: false, lines: vec![] };
    let q = restricted(&ctx, "Session", &[("subject_id", 1), ("sess", 1)]);
    // oracle: the count of the table itself, though nothing was committed.
    assert_eq!(ctx.world.delete(&q, DeleteOptions::default(), &mut no).unwrap(), 1);
    assert_eq!(no.lines.last().unwrap(), "Warning: Delete cancelled");
    assert_eq!([count(&ctx, "Session"), count(&ctx, "Sel"), count(&ctx, "Ana"), count(&ctx, "Ana.Part")], [3, 4, 4, 8]);
}

#[test]
fn nothing_to_delete_and_safemode_off() {
    let mut ctx = fixture();
    let mut log = Script { answer: true, lines: vec![] };
    let q = restricted(&ctx, "Subject", &[("subject_id", 99)]);
    assert_eq!(ctx.world.delete(&q, DeleteOptions::default(), &mut log).unwrap(), 0);
    // oracle: "Deleting 0 rows from `main_del`.`subject`" then WARNING "Nothing to delete.", no question
    assert_eq!(log.lines, ["Info: Deleting 0 rows from `main_del`.`subject`", "Warning: Nothing to delete."]);
    let mut log = Script { answer: false, lines: vec![] };
    let q = restricted(&ctx, "Subject", &[("subject_id", 3)]);
    let quiet = DeleteOptions { safemode: false, ..DeleteOptions::default() };
    assert_eq!(ctx.world.delete(&q, quiet, &mut log).unwrap(), 1);
    assert_eq!(
        log.lines,
        ["Info: Deleting 1 rows from `main_del2`.`note`", "Info: Deleting 1 rows from `main_del`.`subject`"]
    );
    assert_eq!(count(&ctx, "Subject"), 2);
}

#[test]
fn parts_are_deleted_through_their_masters() {
    let mut ctx = fixture();
    let mut log = Script { answer: true, lines: vec![] };
    let part = ctx.world.query(&ctx.t("Ana.Part")).unwrap();
    assert_eq!(
        ctx.world.delete(&part, DeleteOptions::default(), &mut log).unwrap_err(),
        Error::dj("Cannot delete from a Part directly. Delete from master instead")
    );
    let k0 = restricted(&ctx, "Ana.Part", &[("k", 0)]);
    let forced = DeleteOptions { force: true, ..DeleteOptions::default() };
    assert_eq!(ctx.world.delete(&k0, forced, &mut log).unwrap(), 4);
    assert_eq!(log.lines[0], "Info: Deleting 4 rows from `main_del`.`__ana__part`");
    // Deleting a parameter reaches the master and its part together.
    let mut log = Script { answer: true, lines: vec![] };
    let p2 = restricted(&ctx, "Param", &[("param", 2)]);
    assert_eq!(ctx.world.delete(&p2, DeleteOptions::default(), &mut log).unwrap(), 1);
    assert_eq!(
        log.lines[..4],
        [
            "Info: Deleting 1 rows from `main_del`.`__ana__part`",
            "Info: Deleting 1 rows from `main_del`.`__ana`",
            "Info: Deleting 1 rows from `main_del`.`sel`",
            "Info: Deleting 1 rows from `main_del`.`#param`",
        ]
    );
}

#[test]
fn a_part_may_not_lose_rows_its_master_keeps() {
    let mut ctx = Ctx::new();
    let s = "main_parts";
    ctx.declare(s, "UpstreamUnit", Tier::Manual, "unit_id : int").unwrap();
    ctx.declare(s, "MyGrouping", Tier::Manual, "group_id : int\n---\nname : varchar(8)").unwrap();
    ctx.part("MyGrouping", "MyUnit", "-> master\n-> UpstreamUnit").unwrap();
    let o = InsertOptions::default();
    ctx.world.insert(&ctx.names["UpstreamUnit"], &[ints(&[1]), ints(&[2])], &o).unwrap();
    ctx.world.insert(&ctx.names["MyGrouping"], &[Row::Positional(vec![Value::Int(1), "g".into()])], &o).unwrap();
    ctx.world.insert(&ctx.names["MyGrouping.MyUnit"], &[ints(&[1, 1]), ints(&[1, 2])], &o).unwrap();
    let mut log = Script { answer: true, lines: vec![] };
    let unit = restricted(&ctx, "UpstreamUnit", &[("unit_id", 1)]);
    assert_eq!(
        ctx.world.delete(&unit, DeleteOptions::default(), &mut log).unwrap_err(),
        Error::dj("Attempt to delete part table `main_parts`.`my_grouping__my_unit` before deleting from its master `main_parts`.`my_grouping` first.")
    );
    assert_eq!(count(&ctx, "MyGrouping.MyUnit"), 2);
    // force_masters deletes the whole group the part row belongs to.
    let masters = DeleteOptions { force_masters: true, ..DeleteOptions::default() };
    assert_eq!(ctx.world.delete(&unit, masters, &mut log).unwrap(), 1);
    assert_eq!([count(&ctx, "MyGrouping"), count(&ctx, "MyGrouping.MyUnit"), count(&ctx, "UpstreamUnit")], [0, 0, 1]);
}

#[test]
fn safemode_delete_inside_a_transaction_is_refused() {
    let mut ctx = fixture();
    let q = restricted(&ctx, "Subject", &[("subject_id", 3)]);
    let err = ctx
        .world
        .atomically(|w| {
            let mut log = Script { answer: true, lines: vec![] };
            w.delete(&q, DeleteOptions::default(), &mut log)
        })
        .unwrap_err();
    assert_eq!(
        err,
        Error::dj(
            "Delete cannot use a transaction within an ongoing transaction. Set transaction=False or safemode=False)."
        )
    );
}

#[test]
fn drop_lists_what_it_drops_and_asks() {
    let mut ctx = fixture();
    let session = ctx.world.query(&ctx.t("Session")).unwrap();
    let mut no = Script { answer: false, lines: vec![] };
    assert!(!ctx.world.drop(&session, false, true, &mut no).unwrap());
    assert_eq!(
        no.lines,
        [
            "Info: `main_del`.`session` (3 tuples)",
            "Info: `main_del`.`sel` (4 tuples)",
            "Info: `main_del`.`__ana` (4 tuples)",
            "Info: `main_del`.`__ana__part` (8 tuples)",
            "? Proceed? [yes, No]",
        ]
    );
    let mut yes = Script { answer: true, lines: vec![] };
    assert!(ctx.world.drop(&session, false, true, &mut yes).unwrap());
    // oracle: each table's drop_quick() logs, children first, then drop() sums up.
    assert_eq!(
        yes.lines[3..],
        [
            "Info: `main_del`.`__ana__part` (8 tuples)",
            "? Proceed? [yes, No]",
            "Info: Dropped table `main_del`.`__ana__part`",
            "Info: Dropped table `main_del`.`__ana`",
            "Info: Dropped table `main_del`.`sel`",
            "Info: Dropped table `main_del`.`session`",
            "Info: Tables dropped. Restart kernel.",
        ]
    );
    assert!(ctx.world.table(&ctx.t("Ana.Part")).is_none());
}
