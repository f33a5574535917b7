//! The translator on the shapes a workshop make has, and on what it must refuse.

use super::translate::closure;

fn py(source: &str) -> String {
    let f = closure(source).unwrap_or_else(|e| panic!("refused: {e}"));
    format!("({})\n{}", f.params.join(", "), f.body.join("\n"))
}

fn refused(source: &str) -> String {
    closure(source).expect_err("translated, should have been refused")
}

#[test]
fn the_workshop_make_translates_line_by_line() {
    let src = r#"|key| {
        let params = (MyParams & key).fetch1("params");
        let rows = [];
        // one row per iteration
        for i in 0..params.n_iterations {
            rows.push(key + #{iteration: i, result: (i * params.scale * 10.0).to_int()});
        }
        this.insert1(key + #{total: rows.len()});
        this.MyPart.insert(rows);
    }"#;
    assert_eq!(
        py(src),
        r#"(key)
params = (MyParams & key).fetch1("params")
rows = []
# one row per iteration
for i in range(params["n_iterations"]):
    rows.append({**key, "iteration": i, "result": int(i * params["scale"] * 10.0)})
self.insert1({**key, "total": len(rows)})
self.MyPart.insert(rows)"#
    );
}

#[test]
fn trailing_maps_of_table_methods_are_keyword_arguments() {
    let src = r#"|key| {
        let f = (Session & #{subject_id: key.id}).fetch("nwb_file_name", #{order_by: "t", limit: 1})[0];
        this.insert1(#{a: 1}, #{skip_duplicates: true});
        let name = AnalysisNwbfile.create(f);
    }"#;
    assert_eq!(
        py(src),
        r#"(key)
f = (Session & {"subject_id": key["id"]}).fetch("nwb_file_name", order_by="t", limit=1)[0]
self.insert1({"a": 1}, skip_duplicates=True)
name = AnalysisNwbfile().create(f)"#
    );
}

#[test]
fn control_flow_and_operators() {
    let src = r#"|k| {
        let n = 0;
        if k.x > 1 && !(k.y == 2) { n += 1; } else { n -= 2 * (3 + n); }
        while n < 10 { n = n + 1; if n == 5 { break; } }
        for j in 1..=3 { continue; }
        let s = `id ${n}`;
        let u = ();
        return n % 3;
    }"#;
    assert_eq!(
        py(src),
        r#"(k)
n = 0
if k["x"] > 1 and not k["y"] == 2:
    n += 1
else:
    n -= 2 * (3 + n)
while n < 10:
    n = n + 1
    if n == 5:
        break
for j in range(1, 3 + 1):
    continue
s = f"id {n}"
u = None
return n % 3"#
    );
}

#[test]
fn what_differs_between_rhai_and_python_is_refused() {
    assert!(refused("|key| { let a = key.n / 2; }").contains("`/`"));
    assert!(refused("|key| { helper(key); }").contains("`helper`"));
    assert!(refused("|key| { let m = switch key.x { 1 => 2, _ => 3 }; }").contains("expression"));
    assert!(refused("not a closure").contains("closure"));
}
