//! The preview DataJoint prints for `repr(T)`: widths, `*` on key columns, `=BLOB=`, `...`,
//! `(Total: N)`. Expected texts are the oracle's output (DataJoint 0.14.10).

mod common;

use common::Ctx;
use djsandbox::engine::preview::Display;
use djsandbox::engine::{InsertOptions, Restriction, Row, Tier, Value};

fn fixture() -> Ctx {
    let mut ctx = Ctx::new();
    let t = ctx
        .declare(
            "main_prev",
            "T",
            Tier::Manual,
            "id : int\nname : varchar(40)\n---\nn = null : int\nf : float\nd : double\ndec : decimal(5,2)\n\
             dt : date\nts : datetime\nb = null : longblob\nu = null : uuid\ne : enum('a','b')",
        )
        .unwrap();
    let rows: Vec<Row> = (0..5)
        .map(|i: i64| {
            Row::Map(vec![
                ("id".into(), Value::Int(i)),
                ("name".into(), Value::Str("x".repeat(3 * i as usize))),
                ("n".into(), if i % 2 == 1 { Value::Int(i) } else { Value::Null }),
                ("f".into(), Value::Float(i as f64 / 3.0)),
                ("d".into(), Value::Float(if i == 3 { 3e10 } else { i as f64 * 0.1 })),
                ("dec".into(), Value::Float(i as f64 * 1.5)),
                ("dt".into(), Value::Str(format!("2024-01-0{}", i + 1))),
                ("ts".into(), "2024-01-02 03:04:05".into()),
                ("b".into(), Value::Map([("a".to_string(), Value::Int(i))].into())),
                ("u".into(), Value::Str(format!("0c9bd0e5-9e42-4a7b-a6b7-c8b5c8e3b2a{i}"))),
                ("e".into(), "a".into()),
            ])
        })
        .collect();
    ctx.world.insert(&t, &rows, &InsertOptions::default()).unwrap();
    ctx
}

#[test]
fn full_preview_matches_datajoint() {
    let ctx = fixture();
    let q = ctx.world.query(&ctx.t("T")).unwrap();
    // oracle: repr(T())
    let expected = "\
*id    *name          n        f            d              dec      dt             ts             b          u              e    
+----+ +------------+ +------+ +----------+ +------------+ +------+ +------------+ +------------+ +--------+ +------------+ +---+
0                     None     0.0          0.0            0.00     2024-01-01     2024-01-02 03: =BLOB=     0c9bd0e5-9e42- a    
1      xxx            1        0.333333     0.1            1.50     2024-01-02     2024-01-02 03: =BLOB=     0c9bd0e5-9e42- a    
2      xxxxxx         None     0.666667     0.2            3.00     2024-01-03     2024-01-02 03: =BLOB=     0c9bd0e5-9e42- a    
3      xxxxxxxxx      3        1.0          30000000000.0  4.50     2024-01-04     2024-01-02 03: =BLOB=     0c9bd0e5-9e42- a    
4      xxxxxxxxxxxx   None     1.33333      0.4            6.00     2024-01-05     2024-01-02 03: =BLOB=     0c9bd0e5-9e42- a    
 (Total: 5)
";
    assert_eq!(ctx.world.preview(&q, Display::default()).unwrap(), expected);
}

#[test]
fn limited_empty_and_projected_previews() {
    let ctx = fixture();
    let q = ctx.world.query(&ctx.t("T")).unwrap();
    let three = Display { limit: 3, ..Display::default() };
    // oracle: dj.config["display.limit"] = 3; repr(T())
    let expected = "\
*id    *name      n        f            d       dec      dt             ts             b          u              e    
+----+ +--------+ +------+ +----------+ +-----+ +------+ +------------+ +------------+ +--------+ +------------+ +---+
0                 None     0.0          0.0     0.00     2024-01-01     2024-01-02 03: =BLOB=     0c9bd0e5-9e42- a    
1      xxx        1        0.333333     0.1     1.50     2024-01-02     2024-01-02 03: =BLOB=     0c9bd0e5-9e42- a    
2      xxxxxx     None     0.666667     0.2     3.00     2024-01-03     2024-01-02 03: =BLOB=     0c9bd0e5-9e42- a    
   ...
 (Total: 5)
";
    assert_eq!(ctx.world.preview(&q, three).unwrap(), expected);
    // oracle: repr(T & "id > 100") — expressed here as a map restriction matching nothing.
    let none = ctx.world.restrict(&q, &Restriction::Map(vec![("id".into(), Value::Int(101))])).unwrap();
    let expected = "\
*id    *name    n     f     d     dec     dt     ts     b          u     e    
+----+ +------+ +---+ +---+ +---+ +-----+ +----+ +----+ +--------+ +---+ +---+

 (Total: 0)
";
    assert_eq!(ctx.world.preview(&none, three).unwrap(), expected);
    // oracle: repr(T.proj())
    let key = ctx.world.proj(&q, &[], &[]).unwrap();
    let expected = "\
*id    *name     
+----+ +--------+
0                
1      xxx       
2      xxxxxx    
   ...
 (Total: 5)
";
    assert_eq!(ctx.world.preview(&key, three).unwrap(), expected);
}
