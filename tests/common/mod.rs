//! Shared test fixture: a world plus the name → table map a script's namespace would hold.
#![allow(dead_code)]

use std::collections::HashMap;

use djsandbox::engine::{Declaration, Declared, Result, TableName, Tier, World};

/// A world and the class names declared in it, as a script's namespace would see them.
pub struct Ctx {
    pub world: World,
    pub names: HashMap<String, TableName>,
}

impl Ctx {
    pub fn new() -> Ctx {
        Ctx { world: World::in_memory().expect("in-memory world"), names: HashMap::new() }
    }

    pub fn with_world(world: World) -> Ctx {
        Ctx { world, names: HashMap::new() }
    }

    pub fn declare(&mut self, schema: &str, class: &str, tier: Tier, def: &str) -> Result<TableName> {
        self.world.create_schema(schema)?;
        let names = self.names.clone();
        let resolve = move |r: &str| names.get(r).cloned();
        let decl = Declaration { schema, class_name: class, tier, master: None, definition: def };
        let declared = self.world.declare(&decl, &resolve)?;
        self.names.insert(class.to_string(), declared.name().clone());
        Ok(declared.name().clone())
    }

    pub fn declare_outcome(&mut self, schema: &str, class: &str, tier: Tier, def: &str) -> Result<Declared> {
        let names = self.names.clone();
        let resolve = move |r: &str| names.get(r).cloned();
        let decl = Declaration { schema, class_name: class, tier, master: None, definition: def };
        self.world.declare(&decl, &resolve)
    }

    pub fn part(&mut self, master_class: &str, class: &str, def: &str) -> Result<TableName> {
        let master = self.names[master_class].clone();
        let mut names = self.names.clone();
        names.insert("master".into(), master.clone());
        let resolve = move |r: &str| names.get(r).cloned();
        let decl = Declaration {
            schema: &master.database,
            class_name: class,
            tier: Tier::Part,
            master: Some(&master.table),
            definition: def,
        };
        let declared = self.world.declare(&decl, &resolve)?;
        self.names.insert(format!("{master_class}.{class}"), declared.name().clone());
        Ok(declared.name().clone())
    }

    pub fn t(&self, class: &str) -> TableName {
        self.names[class].clone()
    }

    pub fn describe(&self, class: &str) -> String {
        let names = &self.names;
        let namer = |t: &TableName| names.iter().filter(|(_, v)| *v == t).map(|(k, _)| k.clone()).min();
        self.world.describe(&self.t(class), &namer).expect("describe")
    }
}

/// The slice of Spyglass's common schemas the seed's tables reference.
pub fn common(ctx: &mut Ctx) {
    ctx.declare(
        "common_subject",
        "Subject",
        Tier::Manual,
        "subject_id: varchar(80)\n---\nage = NULL: varchar(200)\ndescription = NULL: varchar(2000)\n\
         genotype = NULL: varchar(2000)\nsex = \"U\": enum(\"M\", \"F\", \"U\")\nspecies = NULL: varchar(200)",
    )
    .expect("Subject");
    ctx.declare(
        "common_nwbfile",
        "Nwbfile",
        Tier::Manual,
        "nwb_file_name: varchar(64)\n---\nnwb_file_abs_path: varchar(255)",
    )
    .expect("Nwbfile");
    ctx.declare(
        "common_nwbfile",
        "AnalysisNwbfile",
        Tier::Manual,
        "analysis_file_name: varchar(64)\n---\n-> Nwbfile\nanalysis_file_abs_path: varchar(255)",
    )
    .expect("AnalysisNwbfile");
}

/// The small pipeline the algebra tests share (and the oracle ran): four subjects, four
/// sessions, declared in `schema`.
pub fn subjects_and_sessions(ctx: &mut Ctx, schema: &str) {
    use djsandbox::engine::{InsertOptions, Row, Value};
    ctx.declare(
        schema,
        "Subject",
        Tier::Manual,
        "subject_id : varchar(16)\n---\nspecies : varchar(32)\nweight = null : float",
    )
    .expect("Subject");
    ctx.declare(
        schema,
        "Session",
        Tier::Manual,
        "-> Subject\nsession : int\n---\nnote = \"\" : varchar(32)\nduration : float",
    )
    .expect("Session");
    let o = InsertOptions::default();
    let subjects: Vec<Row> = [
        ("mango", "mouse", Value::Float(20.0)),
        ("kiwi", "mouse", Value::Null),
        ("pumpkin", "rat", Value::Float(300.0)),
        ("Apple", "rat", Value::Float(250.0)),
    ]
    .into_iter()
    .map(|(a, b, c)| Row::Positional(vec![a.into(), b.into(), c]))
    .collect();
    ctx.world.insert(&ctx.t("Subject"), &subjects, &o).expect("subjects");
    let sessions: Vec<Row> =
        [("mango", 1, "a", 10.0), ("mango", 2, "b", 20.0), ("pumpkin", 1, "", 5.0), ("Apple", 7, "z", 1.0)]
            .into_iter()
            .map(|(a, b, c, d)| Row::Positional(vec![a.into(), Value::Int(b), c.into(), Value::Float(d)]))
            .collect();
    ctx.world.insert(&ctx.t("Session"), &sessions, &o).expect("sessions");
}

/// A small deterministic generator (xorshift), so fuzz failures reproduce.
pub struct Rng(pub u64);

impl Rng {
    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// One of `items`.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}
