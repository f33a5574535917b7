//! `dj.Diagram`: its node sets (checked against DataJoint 0.14.10 on the oracle) and its drawing.

mod common;

use common::Ctx;
use djsandbox::engine::diagram::Diagram;
use djsandbox::engine::{Error, Tier};

/// The oracle's test schema: Subject, Param (Lookup), Sess, Pair (two renamed keys to Sess),
/// Ana (Computed) with a Part.
fn world() -> Ctx {
    let mut ctx = Ctx::new();
    let s = "dgtest_a";
    ctx.declare(s, "Subject", Tier::Manual, "subject: varchar(8)").unwrap();
    ctx.declare(s, "Param", Tier::Lookup, "p: int").unwrap();
    ctx.declare(s, "Sess", Tier::Manual, "-> Subject\ns: int\n---\n-> [nullable] Param").unwrap();
    ctx.declare(s, "Pair", Tier::Manual, "-> Sess.proj(s1='s')\n-> Sess.proj(s2='s')").unwrap();
    ctx.declare(s, "Ana", Tier::Computed, "-> Sess\n-> Param\n---\nx: int").unwrap();
    ctx.part("Ana", "Part", "-> master\ni: int").unwrap();
    ctx
}

fn names(d: &Diagram) -> Vec<String> {
    d.nodes_to_show()
}

const SUBJECT: &str = "`dgtest_a`.`subject`";
const PARAM: &str = "`dgtest_a`.`#param`";
const SESS: &str = "`dgtest_a`.`sess`";
const PAIR: &str = "`dgtest_a`.`pair`";
const ANA: &str = "`dgtest_a`.`__ana`";
const PART: &str = "`dgtest_a`.`__ana__part`";

#[test]
fn expansion_and_algebra_match_datajoint() {
    let ctx = world();
    let ana = Diagram::of_table(&ctx.world, &ctx.t("Ana")).unwrap();
    assert_eq!(ana.summary(), "Diagram with 8 nodes and 9 edges");
    assert_eq!(names(&ana.expand_up(1)), [PARAM, ANA, SESS]);
    // `- 1 + 1` reaches Pair through its two alias nodes, which are shown too.
    assert_eq!(names(&ana.expand_up(1).expand_down(1)), ["0", "1", PARAM, PART, ANA, PAIR, SESS]);
    let sess = Diagram::of_table(&ctx.world, &ctx.t("Sess")).unwrap();
    assert_eq!(names(&sess.expand_down(1)), ["0", "1", ANA, PAIR, SESS]);
    let schema = Diagram::of_schema(&ctx.world, "dgtest_a");
    assert_eq!(names(&schema), [PARAM, PART, ANA, PAIR, SESS, SUBJECT]);
    assert_eq!(schema.topo_sort(), [SUBJECT, PARAM, SESS, ANA, PART, PAIR]);
    assert_eq!(names(&ana.with_table(&ctx.t("Ana.Part")).without_table(&ctx.t("Ana")).unwrap()), [PART]);
    assert_eq!(names(&ana.add_parts()), [PART, ANA]);
    assert_eq!(names(&ana.intersection(&schema)), [ANA]);
    assert_eq!(names(&ana.union(&sess)), [ANA, SESS]);
    assert_eq!(names(&schema.difference(&sess)), [PARAM, PART, ANA, PAIR, SUBJECT]);
    assert_eq!(names(&ana.expand_up(-1)), [ANA]);
    assert_eq!(ana.without_table(&ctx.t("Sess")).unwrap_err(), Error::key_error(SESS));
}

#[test]
fn a_drawing_puts_parents_above_children_with_tier_marks() {
    let ctx = world();
    let text = Diagram::of_schema(&ctx.world, "dgtest_a").draw().text();
    let row = |label: &str| text.lines().position(|l| l.contains(label)).unwrap_or_else(|| panic!("{label}:\n{text}"));
    assert!(row("[Subject]") < row("[Sess]"), "{text}");
    assert!(row("{Param}") < row("((Ana))"), "{text}");
    assert!(row("[Sess]") < row("[Pair]"), "{text}");
    assert!(row("((Ana))") < row("Ana.Part"), "{text}");
    // Pair's renamed keys pass through two alias dots; Sess → Param is a dashed secondary key.
    assert_eq!(text.matches('●').count(), 2, "{text}");
    assert!(text.contains('┆') || text.contains('┄'), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn a_table_between_two_shown_tables_is_drawn_as_datajoint_draws_it() {
    // DataJoint's drawing adds every node that is both a child and a parent of shown nodes
    // (it meant alias nodes only): Subject + Ana draws Sess too.
    let ctx = world();
    let d = Diagram::of_table(&ctx.world, &ctx.t("Subject"))
        .unwrap()
        .union(&Diagram::of_table(&ctx.world, &ctx.t("Ana")).unwrap());
    let text = d.draw().text();
    assert!(text.contains("[Sess]"), "{text}");
    assert!(!text.contains("[Pair]"), "{text}");
}

#[test]
fn an_empty_diagram_draws_nothing() {
    let ctx = world();
    assert_eq!(Diagram::of_schema(&ctx.world, "nothing_here").draw().text(), "");
}
