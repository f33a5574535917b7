//! Dump benchmark (`cargo bench --bench dump`): `import --sql` of a mysqldump-style file with
//! 10,000 rows (a uuid key, a varchar, a float, a dj0 blob per row), median of several runs.
//! Target (issue 10): < 1 s. Export of the same rows is timed alongside.

use std::time::{Duration, Instant};

use djsandbox::engine::dump::{export_sql, import_sql};
use djsandbox::engine::World;

const ROWS: usize = 10_000;

/// A file as mysqldump writes it: session lines, the table, rows in extended INSERTs.
fn dump() -> String {
    let mut out = String::from(
        "/*!40101 SET NAMES utf8mb4 */;\nCREATE DATABASE /*!32312 IF NOT EXISTS*/ `bench`;\nUSE `bench`;\n\
         CREATE TABLE `reading` (\n  `reading_id` binary(16) NOT NULL COMMENT ':uuid:',\n  `label` varchar(32) NOT \
         NULL,\n  `value` float NOT NULL DEFAULT '0',\n  `extra` longblob DEFAULT NULL,\n  PRIMARY KEY \
         (`reading_id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\nLOCK TABLES `reading` WRITE;\n",
    );
    // The blob: dj.blob.pack({'n': 1}, compress=False).
    let blob = "0x646A30000401000000000000000A000000000000000501000000000000006E04000000000000000A010001";
    for chunk in (0..ROWS).collect::<Vec<_>>().chunks(1000) {
        let rows: Vec<String> = chunk.iter().map(|i| format!("(0x{i:032X},'label {i}',{}.5,{blob})", i % 97)).collect();
        out.push_str(&format!("INSERT INTO `reading` VALUES {};\n", rows.join(",")));
    }
    out.push_str("UNLOCK TABLES;\n");
    out
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    let src = dump();
    let (mut import, mut export) = (vec![], vec![]);
    for _ in 0..5 {
        let mut world = World::in_memory().unwrap();
        let t0 = Instant::now();
        let done = import_sql(&mut world, &src).unwrap();
        import.push(t0.elapsed());
        assert_eq!(done.rows, ROWS);
        let t0 = Instant::now();
        let text = export_sql(&world, &["bench".to_string()], true).unwrap();
        export.push(t0.elapsed());
        assert!(text.len() > src.len() / 2);
    }
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let import = median(import);
    let verdict = if import < Duration::from_secs(1) { "ok" } else { "OVER TARGET" };
    println!("import 10k rows    {:>9.3} ms   (target < 1000 ms: {verdict})", ms(import));
    println!("export 10k rows    {:>9.3} ms", ms(median(export)));
}
