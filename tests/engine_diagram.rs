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

/// What any drawing must get right: parents above children, nodes of a row apart, every node's
/// text intact in the drawing, every edge a chain of straight runs.
fn check_layout(d: &Diagram) -> String {
    let layout = d.layout();
    let text = d.draw().text();
    let lines: Vec<Vec<char>> = text.lines().map(|l| l.chars().collect()).collect();
    for path in &layout.edges {
        let (first, last) = (path.points[0], path.points[path.points.len() - 1]);
        assert!(first.1 < last.1, "an edge runs upward: {:?}\n{text}", path.points);
        for w in path.points.windows(2) {
            assert!(w[0].0 == w[1].0 || w[0].1 == w[1].1, "a diagonal run {:?}\n{text}", w);
        }
    }
    for a in &layout.nodes {
        let row = &lines[a.y];
        let drawn: String = row.iter().skip(a.x).take(a.text.chars().count()).collect();
        assert_eq!(drawn, a.text, "a node's text is overdrawn\n{text}");
        for b in layout.nodes.iter().filter(|b| b.y == a.y && b.x > a.x) {
            assert!(a.x + a.text.chars().count() < b.x, "{} and {} touch\n{text}", a.text, b.text);
        }
    }
    text
}

#[test]
fn the_workshop_template_pipeline_lays_out_top_down() {
    // The seed's schema: Spyglass's Subject and AnalysisNwbfile, then schema_template.py's tables.
    let mut ctx = Ctx::new();
    ctx.declare("common_subject", "Subject", Tier::Manual, "subject_id: varchar(80)").unwrap();
    ctx.declare("common_nwbfile", "AnalysisNwbfile", Tier::Manual, "analysis_file_name: varchar(64)").unwrap();
    let s = "workshop_sailor";
    ctx.declare(s, "MyParams", Tier::Lookup, "param_name: varchar(32)\n---\nparams: blob").unwrap();
    ctx.declare(s, "SubjBlinded", Tier::Manual, "subject_id: uuid\n---\n-> Subject.proj(actual_id='subject_id')")
        .unwrap();
    ctx.declare(s, "MyGrouping", Tier::Manual, "group_id: int auto_increment\n---\ngroup_name: varchar(64)").unwrap();
    ctx.part("MyGrouping", "MyUnit", "-> MyGrouping\n-> SubjBlinded").unwrap();
    ctx.declare(s, "MyAnalysisSelection", Tier::Manual, "-> SubjBlinded\n-> MyParams").unwrap();
    ctx.declare(s, "MyAnalysis", Tier::Computed, "-> MyAnalysisSelection\n---\n-> AnalysisNwbfile\ntotal_result: int")
        .unwrap();
    ctx.part("MyAnalysis", "MyPart", "-> MyAnalysis\niteration: smallint unsigned\n---\nresult: int").unwrap();
    let text = check_layout(&Diagram::of_schema(&ctx.world, s).expand_up(1));
    let row = |label: &str| text.lines().position(|l| l.contains(label)).unwrap_or_else(|| panic!("{label}:\n{text}"));
    assert!(row("[Subject]") < row("●") && row("●") < row("[SubjBlinded]"), "{text}");
    assert!(row("[SubjBlinded]") < row("[MyAnalysisSelection]"), "{text}");
    assert!(row("[MyAnalysisSelection]") < row("((MyAnalysis))"), "{text}");
    assert!(row("((MyAnalysis))") < row("MyAnalysis.MyPart"), "{text}");
    assert!(row("[MyGrouping]") < row("MyGrouping.MyUnit"), "{text}");
    // MyAnalysis has MyAnalysisSelection's key exactly: a one-to-one, thick line.
    assert!(text.contains(['┃', '━']), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn a_merge_table_draws_its_parts_below_it_with_their_sources() {
    let mut ctx = Ctx::new();
    let s = "position_merge";
    for (class, tier) in
        [("TrodesPosV1", Tier::Computed), ("ImportedPose", Tier::Imported), ("CommonPos", Tier::Computed)]
    {
        ctx.declare("position_sources", class, tier, &format!("{}_id: int", class.to_lowercase())).unwrap();
    }
    ctx.declare(s, "PositionOutput", Tier::Manual, "merge_id: uuid\n---\nsource: varchar(32)").unwrap();
    for source in ["TrodesPosV1", "ImportedPose", "CommonPos"] {
        ctx.part("PositionOutput", source, &format!("-> master\n---\n-> {source}")).unwrap();
    }
    let d = Diagram::of_schema(&ctx.world, s).expand_up(1);
    let text = check_layout(&d);
    let row = |label: &str| text.lines().position(|l| l.contains(label)).unwrap_or_else(|| panic!("{label}:\n{text}"));
    for part in ["PositionOutput.TrodesPosV1", "PositionOutput.ImportedPose", "PositionOutput.CommonPos"] {
        assert!(row("[PositionOutput]") < row(part), "{text}");
    }
    assert!(row("((TrodesPosV1))") < row("PositionOutput.TrodesPosV1"), "{text}");
    // A part's link to its source is a secondary key: dashed.
    assert!(text.contains('┆') || text.contains('┄'), "{text}");
    insta::assert_snapshot!(text);
}
