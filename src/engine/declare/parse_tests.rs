//! Line classification, the seed definitions and every message, checked against DataJoint 0.14.10.

use super::*;

fn attr(name: &str, default: Option<&str>, ty: &str, comment: &str, in_key: bool, line: &str) -> Item {
    Item::Attribute(AttributeLine {
        name: name.into(),
        default: default.map(Into::into),
        type_text: ty.into(),
        comment: comment.into(),
        in_key,
        line: line.into(),
    })
}

fn fk(reference: &str, renames: &[(&str, &str)], in_key: bool, line: &str) -> Item {
    Item::ForeignKey(ForeignKeyLine {
        in_key,
        nullable: false,
        unique: false,
        reference: reference.into(),
        renames: renames.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect(),
        attributes: Vec::new(),
        line: line.into(),
    })
}

fn err(text: &str) -> String {
    parse_definition(text).unwrap_err().message
}

#[test]
fn seed_params() {
    let d = parse_definition(
        "\n    param_name : varchar(32)\n    ---\n    params     : blob           # dict of parameter values\n    ",
    )
    .unwrap();
    assert_eq!(d.comment, "");
    assert_eq!(
        d.items,
        [
            attr("param_name", None, "varchar(32)", "", true, "param_name : varchar(32)"),
            attr(
                "params",
                None,
                "blob",
                "dict of parameter values",
                false,
                "params     : blob           # dict of parameter values"
            ),
        ]
    );
}

#[test]
fn seed_projected_fk() {
    let d = parse_definition("subject_id : uuid\n---\n-> Subject.proj(actual_id='subject_id')").unwrap();
    assert_eq!(
        d.items,
        [
            attr("subject_id", None, "uuid", "", true, "subject_id : uuid"),
            fk("Subject", &[("actual_id", "subject_id")], false, "-> Subject.proj(actual_id='subject_id')"),
        ]
    );
}

#[test]
fn seed_auto_increment() {
    let d = parse_definition("group_id : int auto_increment\n---\ngroup_name : varchar(64)").unwrap();
    assert_eq!(
        d.items,
        [
            attr("group_id", None, "int auto_increment", "", true, "group_id : int auto_increment"),
            attr("group_name", None, "varchar(64)", "", false, "group_name : varchar(64)"),
        ]
    );
}

#[test]
fn seed_two_fks() {
    let d = parse_definition("\n-> MyGrouping\n-> UpstreamUnit\n").unwrap();
    assert_eq!(
        d.items,
        [fk("MyGrouping", &[], true, "-> MyGrouping"), fk("UpstreamUnit", &[], true, "-> UpstreamUnit")]
    );
}

#[test]
fn seed_full_example() {
    let d = parse_definition(
        "
  # table-level comment shown in dj.Diagram
primary_key1 : uuid        # unique random ID
primary_key2 : int         # integer
---
secondary_field : varchar(32)  # string, max 32 chars
blob_field      : blob         # any Python object (dict, array, …)
-> Subject                     # foreign key: inherits Subject's PK
-> Subject.proj(src='subject_id')  # foreign key with renamed column
",
    )
    .unwrap();
    assert_eq!(d.comment, "table-level comment shown in dj.Diagram");
    assert_eq!(
        d.items,
        [
            attr(
                "primary_key1",
                None,
                "uuid",
                "unique random ID",
                true,
                "primary_key1 : uuid        # unique random ID"
            ),
            attr("primary_key2", None, "int", "integer", true, "primary_key2 : int         # integer"),
            attr(
                "secondary_field",
                None,
                "varchar(32)",
                "string, max 32 chars",
                false,
                "secondary_field : varchar(32)  # string, max 32 chars"
            ),
            attr(
                "blob_field",
                None,
                "blob",
                "any Python object (dict, array, …)",
                false,
                "blob_field      : blob         # any Python object (dict, array, …)"
            ),
            fk("Subject", &[], false, "-> Subject                     # foreign key: inherits Subject's PK"),
            fk(
                "Subject",
                &[("src", "subject_id")],
                false,
                "-> Subject.proj(src='subject_id')  # foreign key with renamed column"
            ),
        ]
    );
}

#[test]
fn classification() {
    // Comments, blank lines, repeated dividers; `----- more` and `___` are dividers too.
    let d = parse_definition("x : int # c\n\n\n   \n# note\n----- more\n___\ny : int").unwrap();
    assert_eq!(
        d.items,
        [attr("x", None, "int", "c", true, "x : int # c"), attr("y", None, "int", "", false, "y : int")]
    );
    // An arrow after a quote or `#` is not a foreign key.
    let d = parse_definition("x : int\ny = 'a->b' : varchar(4)\nz : int # a -> b").unwrap();
    assert_eq!(d.items.len(), 3);
    assert!(d.items.iter().all(|i| matches!(i, Item::Attribute(_))));
    // Empty definitions parse; the compile step raises `Table must have a primary key`.
    assert_eq!(parse_definition("").unwrap().items, []);
    assert_eq!(parse_definition("   ").unwrap().items, []);
    assert_eq!(parse_definition("#\nx : int").unwrap().comment, "");
    assert_eq!(parse_definition("#   comment  \nx : int").unwrap().comment, "comment");
    // oracle: duplicates parse (DataJoint silently keeps the first declaration of a name).
    assert_eq!(parse_definition("x : int\nx : varchar(10)").unwrap().items.len(), 2);
}

#[test]
fn table_comment_colon() {
    // oracle: 'Table comment must not start with a colon ":"'
    assert_eq!(err("# :bad\nx : int"), "Table comment must not start with a colon \":\"");
}

#[test]
fn divider_needs_three_dashes() {
    // oracle
    assert_eq!(
        err("x : int\n--\ny : int"),
        "Declaration error in position 0 in line:\n  --#\nExpected W:(a-z, 0-9_a-z)"
    );
}

#[test]
fn attribute_errors() {
    // oracle: each message verbatim
    assert_eq!(
        err("Bad_name : int"),
        "Declaration error in position 0 in line:\n  Bad_name : int#\nExpected W:(a-z, 0-9_a-z)"
    );
    assert_eq!(err("x int"), "Declaration error in position 2 in line:\n  x int#\nExpected ':'");
    assert_eq!(err("x=null : int"), "Primary key attributes cannot be nullable in line \"x=null : int\"");
    assert_eq!(err("x : int\n---\ny : int # :c"), "An attribute comment must not start with a colon in comment \":c\"");
    assert_eq!(err("x : int\n---\ny : int # :"), "An attribute comment must not start with a colon in comment \":\"");
    assert_eq!(
        err("x : int\n---\ny : int # :a\"b"),
        "An attribute comment must not start with a colon in comment \":a\\\"b\""
    );
    for (line, ok) in [
        ("y = 1 : blob", false),
        ("y = '' : blob", false),
        ("y = 1 : attach", false),
        ("y = 1 : blob@store", false),
        ("y = 1 : attach@s", false),
        ("y = 1 : BLOB", false),
        ("y = NULL : longblob", true),
        ("y = : blob", true),
        ("y : blob", true),
    ] {
        let r = parse_definition(&format!("x : int\n---\n{line}"));
        if ok {
            assert!(r.is_ok(), "{line}");
        } else {
            assert_eq!(
                r.unwrap_err().message,
                format!("The default value for a blob or attachment attributes can only be NULL in:\n{line}")
            );
        }
    }
}

#[test]
fn nullable_defaults() {
    let d = parse_definition("x : int\n---\ny = NuLL : int\nz = null # : int").unwrap();
    let Item::Attribute(y) = &d.items[1] else { panic!() };
    assert!(y.nullable());
    let Item::Attribute(z) = &d.items[2] else { panic!() };
    assert_eq!(z.default.as_deref(), Some("null #"));
    assert!(!z.nullable());
}

#[test]
fn quoted_defaults_and_comments() {
    let d =
        parse_definition("x : int\n---\nurl = \"http://x#y\" : varchar(64) # c\nt = 'a:b' : varchar(8) # say \"hi\"")
            .unwrap();
    assert_eq!(
        d.items[1],
        attr("url", Some("\"http://x#y\""), "varchar(64)", "c", false, "url = \"http://x#y\" : varchar(64) # c")
    );
    assert_eq!(
        d.items[2],
        attr("t", Some("'a:b'"), "varchar(8)", "say \"hi\"", false, "t = 'a:b' : varchar(8) # say \"hi\"")
    );
    let d = parse_definition("k : enum('a', 'b')  # it's").unwrap();
    assert_eq!(d.items[0], attr("k", None, "enum('a', 'b')", "it's", true, "k : enum('a', 'b')  # it's"));
}

#[test]
fn foreign_key_options() {
    let d = parse_definition("x : int\n---\n-> [nullable, Unique] Subject\n->[unique]Other").unwrap();
    let Item::ForeignKey(a) = &d.items[1] else { panic!() };
    assert!(a.nullable && a.unique && !a.in_key);
    let Item::ForeignKey(b) = &d.items[2] else { panic!() };
    assert!(!b.nullable && b.unique);
    assert_eq!(b.reference, "Other");
}

#[test]
fn foreign_key_errors() {
    // oracle: prepare_declare messages (Subject exists)
    assert_eq!(err("x : int\n-> [foo] Subject"), "Invalid foreign key option \"FOO\"");
    assert_eq!(
        err("x : int\n-> [nullable] Subject"),
        "Primary dependencies cannot be nullable in line \"-> [nullable] Subject\""
    );
    assert_eq!(
        err("x : int\n-> [nullable, Unique] Subject"),
        "Primary dependencies cannot be nullable in line \"-> [nullable, Unique] Subject\""
    );
    assert_eq!(
        err("x : int\nb -> A"),
        "Parsing error in line \"b -> A\". Expected '->', found 'b'  (at char 0), (line:1, col:1)."
    );
    assert_eq!(err("x : int\n->"), "Foreign key reference  could not be resolved");
    assert_eq!(
        err("x : int\n-> [nullable-x] Subject"),
        "Foreign key reference [nullable-x] Subject could not be resolved"
    );
    assert_eq!(err("x : int\n-> [] Subject"), "Foreign key reference [] Subject could not be resolved");
    assert_eq!(
        err("x : int\n-> [nullable,] Subject"),
        "Foreign key reference [nullable,] Subject could not be resolved"
    );
    assert_eq!(err("x : int\n-> Subject("), "Foreign key reference Subject( could not be resolved");
    assert_eq!(err("x : int\n-> Subject Subject"), "Foreign key reference Subject Subject could not be resolved");
    assert_eq!(
        err("x : int\n-> Subject.proj(x='subject_id'"),
        "Foreign key reference Subject.proj(x='subject_id' could not be resolved"
    );
    assert_eq!(
        err("x : int\n-> Subject & 'subject_id=1'"),
        "Dependency \"Subject & 'subject_id=1'\" is not supported (yet). Use a base table or its projection."
    );
    assert_eq!(err("x : int\n-> 3"), "Dependency \"3\" is not supported (yet). Use a base table or its projection.");
    assert_eq!(
        err("x : int\n-> Subject.proj(x='subject_id').proj(y='x')"),
        "Dependency \"Subject.proj(x='subject_id').proj(y='x')\" is not supported (yet). Use a base table or its projection."
    );
    // Options and nullable are checked before the shape (from declare.py's order).
    assert_eq!(err("x : int\n-> [foo] 3"), "Invalid foreign key option \"FOO\"");
}

#[test]
fn resolver_runs_in_datajoint_order() {
    struct Known;
    impl Resolver for Known {
        fn resolve(&mut self, fk: &ForeignKeyLine) -> Result<()> {
            if fk.reference == "Subject" {
                Ok(())
            } else {
                Err(fk.unresolved_error())
            }
        }
        fn name_exists(&mut self, name: &str) -> bool {
            name == "Subject"
        }
        fn check_type(&mut self, a: &AttributeLine) -> Result<()> {
            if a.type_text == "foo" {
                Err(Error::dj(format!("Unsupported attribute type {}", a.type_text)))
            } else {
                Ok(())
            }
        }
    }
    let e = |t: &str| parse_definition_with(t, &mut Known).unwrap_err().message;
    // oracle: 'Foreign key reference Missing # c could not be resolved' (eval precedes options)
    assert_eq!(e("x : int\n->  Missing # c"), "Foreign key reference Missing # c could not be resolved");
    // oracle: after `]` the whitespace stays in the quoted reference.
    assert_eq!(e("x : int\n-> [foo] Missing"), "Foreign key reference  Missing could not be resolved");
    // A dotted path the resolver does not know fails to evaluate (oracle: `Subject.sname - Subject`).
    assert_eq!(e("-> Subject.sname - Subject"), "Foreign key reference Subject.sname - Subject could not be resolved");
    // oracle: 'Unsupported attribute type foo' comes before the blob-default check, after the colon check.
    assert_eq!(e("x : foo\ny : bar"), "Unsupported attribute type foo");
    assert_eq!(e("x : foo # :c"), "An attribute comment must not start with a colon in comment \":c\"");
    assert!(parse_definition_with("-> Subject # c", &mut Known).is_ok());
    // oracle: unknown names in an unsupported expression fail to evaluate first; builtins exist.
    assert_eq!(e("-> nullablevarchar(8)"), "Foreign key reference nullablevarchar(8) could not be resolved");
    assert_eq!(e("-> int"), "Dependency \"int\" is not supported (yet). Use a base table or its projection.");
    assert_eq!(
        e("-> Subject & 'subject_id=1'"),
        "Dependency \"Subject & 'subject_id=1'\" is not supported (yet). Use a base table or its projection."
    );
}

#[test]
fn fk_ref_text_helpers() {
    let d = parse_definition("-> Subject.proj(a='b')\t# c").unwrap();
    let Item::ForeignKey(f) = &d.items[0] else { panic!() };
    assert_eq!(f.ref_text(), "Subject.proj(a='b')  # c");
    assert_eq!(
        f.unsupported_error().message,
        "Dependency \"Subject.proj(a='b')  # c\" is not supported (yet). Use a base table or its projection."
    );
}

#[test]
fn index_lines() {
    let idx = |t: &str| match parse_definition(&format!("x : int\n{t}")).unwrap().items.pop() {
        Some(Item::Index(i)) => (i.unique, i.attributes),
        other => panic!("{other:?}"),
    };
    let v = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(idx("index(x)"), (false, v(&["x"])));
    assert_eq!(idx("INDEX ( x )"), (false, v(&["x"])));
    assert_eq!(idx("unique index(x)"), (true, v(&["x"])));
    assert_eq!(idx("UNIQUE  INDEX ( a,b )"), (true, v(&["a", "b"])));
    assert_eq!(idx("index(x) junk"), (false, v(&["x"])));
    assert_eq!(idx("index(x,)"), (false, v(&["x"])));
    assert_eq!(idx("index(x,,y)"), (false, v(&["x", "y"])));
    assert_eq!(idx("index(f(x), y)"), (false, v(&["f(x)", "y"])));
    // oracle: `index()` parses; the server then rejects `index ()` with a syntax error (1064).
    assert_eq!(idx("index()"), (false, v(&[])));
    assert_eq!(idx("index( )"), (false, v(&[])));
    // oracle: 'Table definition syntax error in line "..."'
    for bad in ["index x", "indexed : int", "index: int"] {
        assert_eq!(err(&format!("x : int\n{bad}")), format!("Table definition syntax error in line \"{bad}\""));
    }
    // `unique(x)` and `uniqueindex(x)` are attribute lines.
    assert_eq!(
        err("x : int\nuniqueindex(x)"),
        "Declaration error in position 11 in line:\n  uniqueindex(x)#\nExpected ':'"
    );
}

use crate::engine::testing::Rng;

#[test]
fn garbage_never_panics() {
    const PIECES: [&str; 40] = [
        "->", "-> ", "[", "]", "(", ")", "'", "\"", "#", ":", "=", ",", ".", "proj", "Subject", "x", "int", " ", "\t",
        "\n", "---", "index", "unique ", "null", "blob", "<", ">", "\\", "é", "\u{1c}", "\u{a0}", "…", "...", "**",
        "not ", "{", "}", "0", "a_b", "\r",
    ];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..20_000 {
        let len = rng.below(24);
        let mut s = String::new();
        for _ in 0..len {
            if rng.below(8) == 0 {
                s.push(char::from_u32(rng.below(0x3000) as u32).unwrap_or('?'));
            } else {
                s.push_str(PIECES[rng.below(PIECES.len())]);
            }
        }
        let _ = parse_definition(&s);
        let _ = super::super::naming::from_camel_case(&s);
        let _ = super::super::naming::tier_of(&s);
        let _ = super::super::naming::to_camel_case(&s);
    }
    for deep in [format!("-> {}", "(".repeat(10_000)), format!("-> Subject.proj({}", "(".repeat(10_000))] {
        assert!(parse_definition(&deep).is_err());
    }
}
