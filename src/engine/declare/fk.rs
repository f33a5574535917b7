//! The foreign-key line: `-> [options] reference`, as pyparsing splits it, and the reference as
//! Python would evaluate it, restricted to the shapes DataJoint supports.

use crate::engine::error::{Error, Result};

use super::pyexpr::{self, Tok};
use super::text::{expand_tabs, pp_found, pp_isspace};

/// A foreign-key line split by DataJoint's pyparsing grammar.
#[derive(Debug, Clone, PartialEq)]
pub struct FkSplit {
    /// The `[...]` options as written.
    pub options: Vec<String>,
    /// The reference text after the options, as pyparsing's `restOfLine` returns it (tabs
    /// expanded, leading whitespace skipped, a trailing `# comment` kept).
    pub ref_text: String,
}

/// Split `line` (stripped) into options and reference text, or DataJoint's `Parsing error`.
pub fn split(line: &str) -> Result<FkSplit> {
    let expanded = expand_tabs(line);
    let c: Vec<char> = expanded.chars().collect();
    let start = skip_ws(&c, 0);
    if !(c.get(start) == Some(&'-') && c.get(start + 1) == Some(&'>')) {
        return Err(Error::dj(format!(
            "Parsing error in line \"{line}\". Expected '->', found {}  (at char {start}), (line:1, col:{}).",
            pp_found(&c, start),
            start + 1
        )));
    }
    let after_arrow = start + 2;
    // When the options are absent, pyparsing's Optional has already skipped the whitespace after
    // the arrow; after a `]`, `restOfLine` keeps it.
    let (options, from) = match bracket_options(&c, after_arrow) {
        Some((opts, end)) => (opts, end),
        None => (Vec::new(), skip_ws(&c, after_arrow)),
    };
    Ok(FkSplit { options, ref_text: c.get(from..).unwrap_or(&[]).iter().collect() })
}

fn skip_ws(c: &[char], mut i: usize) -> usize {
    while c.get(i).is_some_and(|&x| pp_isspace(x)) {
        i += 1;
    }
    i
}

/// `[word, word]` (letters only, no trailing comma) at `i`: the words and the index after `]`.
fn bracket_options(c: &[char], i: usize) -> Option<(Vec<String>, usize)> {
    let mut i = skip_ws(c, i);
    if c.get(i) != Some(&'[') {
        return None;
    }
    let mut words = Vec::new();
    loop {
        i = skip_ws(c, i + 1);
        let start = i;
        while c.get(i).is_some_and(|x| x.is_ascii_alphabetic()) {
            i += 1;
        }
        if i == start {
            return None;
        }
        words.push(c.get(start..i)?.iter().collect());
        i = skip_ws(c, i);
        match c.get(i) {
            Some(',') => continue,
            Some(']') => return Some((words, i + 1)),
            _ => return None,
        }
    }
}

/// What Python's `eval` of the reference text amounts to, without a namespace.
#[derive(Debug, Clone, PartialEq)]
pub enum RefShape {
    /// `Name(.Name)*[()][.proj(...)]`, possibly parenthesized: resolvable by the caller.
    Table {
        /// The dotted name, whitespace removed.
        name: String,
        /// keyword arguments of `.proj`: (new, value as written in the string literal).
        renames: Vec<(String, String)>,
        /// positional arguments of `.proj`: attribute names, `...` for Ellipsis.
        attributes: Vec<String>,
    },
    /// Not valid Python, or a `.proj` call that raises: "could not be resolved".
    Unresolvable,
    /// Valid Python of another shape: "not supported (yet)".
    Unsupported,
}

/// Python's builtins: names `eval` resolves without the caller's namespace.
const BUILTINS: [&str; 40] = [
    "abs",
    "all",
    "any",
    "ascii",
    "bin",
    "bool",
    "bytearray",
    "bytes",
    "callable",
    "chr",
    "complex",
    "dict",
    "dir",
    "divmod",
    "enumerate",
    "filter",
    "float",
    "format",
    "frozenset",
    "getattr",
    "hasattr",
    "hash",
    "hex",
    "id",
    "int",
    "isinstance",
    "iter",
    "len",
    "list",
    "map",
    "max",
    "min",
    "object",
    "ord",
    "print",
    "range",
    "repr",
    "set",
    "str",
    "tuple",
];

/// The free names an expression reads, with their attribute paths (`common.Nwbfile`; not the
/// `.proj` method, not keyword-argument names, not builtins): Python looks each up when it
/// evaluates the expression.
pub fn free_names(ref_text: &str) -> Vec<String> {
    let Some(toks) = pyexpr::tokenize(ref_text) else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    for (k, tok) in toks.iter().enumerate() {
        let Tok::Name(n) = tok else { continue };
        let after_dot = k > 0 && is_op(&toks, k - 1, ".");
        if pyexpr::is_keyword(n) || after_dot || is_op(&toks, k + 1, "=") || BUILTINS.contains(&n.as_str()) {
            continue;
        }
        let mut path = n.clone();
        let mut j = k + 1;
        while is_op(&toks, j, ".") {
            match ident(&toks, j + 1) {
                Some(part) if part != "proj" => {
                    path.push('.');
                    path.push_str(part);
                    j += 2;
                }
                _ => break,
            }
        }
        if !out.contains(&path) {
            out.push(path);
        }
    }
    out
}

/// Classify the reference text.
pub fn shape(ref_text: &str) -> RefShape {
    let Some(toks) = pyexpr::tokenize(ref_text) else {
        return RefShape::Unresolvable;
    };
    if !pyexpr::is_expression(&toks) {
        return RefShape::Unresolvable;
    }
    classify(&toks)
}

fn classify(toks: &[Tok]) -> RefShape {
    let parsed = full(toks, 0, 0);
    match &parsed {
        Some((end, RefShape::Table { name, .. })) if *end == toks.len() => {
            if !is_builtin(name) {
                return parsed.map(|(_, s)| s).unwrap_or(RefShape::Unresolvable);
            }
            // `int` is a type, not a table; `int.proj()` raises.
            let names = toks.iter().filter(|t| !matches!(t, Tok::Op("(") | Tok::Op(")"))).count();
            return if names == 1 { RefShape::Unsupported } else { RefShape::Unresolvable };
        }
        Some((end, RefShape::Unresolvable)) if *end == toks.len() => return RefShape::Unresolvable,
        _ => {}
    }
    // Grouping parentheses (not a tuple) change nothing.
    if let [Tok::Op("("), inner @ .., Tok::Op(")")] = toks {
        if matching_close(toks, 0) == Some(toks.len() - 1) && !inner.is_empty() && !has_top_level_comma(inner) {
            return classify(inner);
        }
    }
    if is_literal(toks) {
        return RefShape::Unsupported;
    }
    match parsed {
        Some((end, RefShape::Table { name, .. })) if !is_builtin(&name) => {
            evaluates_to_non_table(toks.get(end..).unwrap_or(&[]), &name)
        }
        // Most other expressions raise when evaluated (`'a' & 'b'`, `[T].proj()`, `T[0]`).
        _ => RefShape::Unresolvable,
    }
}

fn is_builtin(name: &str) -> bool {
    BUILTINS.contains(&name.split('.').next().unwrap_or_default())
}

fn has_top_level_comma(t: &[Tok]) -> bool {
    let mut depth = 0i64;
    for tok in t {
        match tok {
            Tok::Op("(") | Tok::Op("[") | Tok::Op("{") => depth += 1,
            Tok::Op(")") | Tok::Op("]") | Tok::Op("}") => depth -= 1,
            Tok::Op(",") if depth == 0 => return true,
            _ => {}
        }
    }
    false
}

/// A lone literal, display or tuple: evaluates fine, to something that is not a table.
fn is_literal(t: &[Tok]) -> bool {
    match t {
        [] => false,
        [Tok::Num] | [Tok::Op("...")] => true,
        [Tok::Name(n)] => matches!(n.as_str(), "True" | "False" | "None"),
        [Tok::Op(open), ..] if matches!(*open, "[" | "{" | "(") => matching_close(t, 0) == Some(t.len() - 1),
        _ => t.iter().all(|x| matches!(x, Tok::Str { .. })) || has_top_level_comma(t),
    }
}

/// What follows table `left`: `.proj` without a call, more `.proj(...)` calls, restrictions by
/// strings or other tables, joins with other tables all evaluate to a query that is not a base
/// table (not supported); anything else raises. A table combined with itself raises too
/// (oracle: `Subject - Subject`, `Subject * Subject`).
fn evaluates_to_non_table(rest: &[Tok], left: &str) -> RefShape {
    if let [Tok::Op("."), Tok::Name(n)] = rest {
        return if n == "proj" { RefShape::Unsupported } else { RefShape::Unresolvable };
    }
    let mut i = 0;
    while i < rest.len() {
        if is_op(rest, i, ".") && ident(rest, i + 1) == Some("proj") && is_op(rest, i + 2, "(") {
            let Some(close) = matching_close(rest, i + 2) else {
                return RefShape::Unresolvable;
            };
            if rest.get(i + 3..close).and_then(proj_args).is_none() {
                return RefShape::Unresolvable;
            }
            i = close + 1;
        } else if let Some(op) = ["&", "-", "*"].into_iter().find(|op| is_op(rest, i, op)) {
            match (string_lit(rest, i + 1), full(rest, i + 1, 0)) {
                (Some((end, _)), _) if op != "*" => i = end,
                (_, Some((end, RefShape::Table { name, .. }))) if !is_builtin(&name) && name != left => i = end,
                _ => return RefShape::Unresolvable,
            }
        } else {
            return RefShape::Unresolvable;
        }
    }
    RefShape::Unsupported
}

fn is_op(t: &[Tok], i: usize, op: &str) -> bool {
    matches!(t.get(i), Some(Tok::Op(o)) if *o == op)
}

fn ident(t: &[Tok], i: usize) -> Option<&str> {
    match t.get(i) {
        Some(Tok::Name(n)) if !pyexpr::is_keyword(n) => Some(n),
        _ => None,
    }
}

/// `'(' full ')' | base ['.proj(' args ')']`, returning the index after the match.
fn full(t: &[Tok], i: usize, depth: usize) -> Option<(usize, RefShape)> {
    if depth > 256 {
        return None;
    }
    let mut paren = None;
    if is_op(t, i, "(") {
        if let Some((end, shape)) = full(t, i + 1, depth + 1) {
            if is_op(t, end, ")") {
                // `(Subject).proj(...)` and `(Subject)()` need the other reading.
                if !is_op(t, end + 1, ".") && !is_op(t, end + 1, "(") {
                    return Some((end + 1, shape));
                }
                paren = Some((end + 1, shape));
            }
        }
    }
    let Some((end, name)) = base(t, i, depth) else {
        return paren;
    };
    if is_op(t, end, ".") && ident(t, end + 1) == Some("proj") && is_op(t, end + 2, "(") {
        let close = matching_close(t, end + 2)?;
        return Some(match t.get(end + 3..close).and_then(proj_args) {
            Some((renames, attributes)) => (close + 1, RefShape::Table { name, renames, attributes }),
            // Valid syntax but arguments `proj` rejects (numbers, names, calls): eval raises.
            None => (close + 1, RefShape::Unresolvable),
        });
    }
    Some((end, RefShape::Table { name, renames: Vec::new(), attributes: Vec::new() }))
}

/// The index of the bracket closing the one at `open`.
fn matching_close(t: &[Tok], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (k, tok) in t.iter().enumerate().skip(open) {
        match tok {
            Tok::Op("(") | Tok::Op("[") | Tok::Op("{") => depth += 1,
            Tok::Op(")") | Tok::Op("]") | Tok::Op("}") => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(k);
                }
            }
            _ => {}
        }
    }
    None
}

/// `('(' base ')' | Name ('.' Name)*) ['(' ')']`, not swallowing a following `.proj(`.
fn base(t: &[Tok], i: usize, depth: usize) -> Option<(usize, String)> {
    if depth > 256 {
        return None;
    }
    let (mut end, name) = if is_op(t, i, "(") {
        let (e, n) = base(t, i + 1, depth + 1)?;
        if !is_op(t, e, ")") {
            return None;
        }
        (e + 1, n)
    } else {
        let mut name = ident(t, i)?.to_string();
        let mut e = i + 1;
        while is_op(t, e, ".") {
            let Some(part) = ident(t, e + 1) else { break };
            // `.proj` is DataJoint's method, never part of a table path.
            if part == "proj" {
                break;
            }
            name.push('.');
            name.push_str(part);
            e += 2;
        }
        (e, name)
    };
    if is_op(t, end, "(") && is_op(t, end + 1, ")") {
        end += 2;
    }
    Some((end, name))
}

type ProjArgs = (Vec<(String, String)>, Vec<String>);

/// `.proj(` arguments (the tokens between the parentheses): string attributes or `...`, and
/// `new='old'` keywords.
fn proj_args(t: &[Tok]) -> Option<ProjArgs> {
    let mut renames = Vec::new();
    let mut attributes = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if is_op(t, i + 1, "=") {
            let new = ident(t, i)?.to_string();
            let (e, value) = string_lit(t, i + 2)?;
            renames.push((new, value));
            i = e;
        } else if is_op(t, i, "...") {
            attributes.push("...".to_string());
            i += 1;
        } else {
            let (e, value) = string_lit(t, i)?;
            attributes.push(value);
            i = e;
        }
        if is_op(t, i, ",") {
            i += 1;
        } else if i < t.len() {
            return None;
        }
    }
    Some((renames, attributes))
}

/// Adjacent plain string literals, concatenated as Python does.
fn string_lit(t: &[Tok], mut i: usize) -> Option<(usize, String)> {
    let mut out = String::new();
    let mut any = false;
    while let Some(Tok::Str { value, plain }) = t.get(i) {
        if !plain {
            return None;
        }
        out.push_str(value);
        any = true;
        i += 1;
    }
    any.then_some((i, out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(name: &str, renames: &[(&str, &str)], attributes: &[&str]) -> RefShape {
        RefShape::Table {
            name: name.into(),
            renames: renames.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect(),
            attributes: attributes.iter().map(|a| a.to_string()).collect(),
        }
    }

    #[test]
    fn split_options_and_reference() {
        let s = split("-> [nullable, Unique] Subject").unwrap();
        assert_eq!(s.options, ["nullable", "Unique"]);
        assert_eq!(s.ref_text, " Subject");
        let s = split("->[unique]Subject").unwrap();
        assert_eq!(s.options, ["unique"]);
        assert_eq!(s.ref_text, "Subject");
        let s = split("->  Missing # c").unwrap();
        assert_eq!(s.ref_text, "Missing # c");
        // oracle: 'Foreign key reference   Missing ... could not be resolved' (after `]` the
        // whitespace stays).
        assert_eq!(split("-> [foo]  Missing").unwrap().ref_text, "  Missing");
        assert_eq!(split("-> [ nullable ]\tSubject(").unwrap().ref_text, " Subject(");
        // Malformed options are left to the reference: pyparsing's Optional backtracks.
        for (line, rest) in [
            ("-> [nullable-x] Subject", "[nullable-x] Subject"),
            ("-> [] Subject", "[] Subject"),
            ("-> [nullable,] Subject", "[nullable,] Subject"),
            ("-> [nullable Subject", "[nullable Subject"),
        ] {
            let s = split(line).unwrap();
            assert!(s.options.is_empty());
            assert_eq!(s.ref_text, rest);
        }
        assert_eq!(split("->").unwrap().ref_text, "");
        assert_eq!(split("->\tMissing").unwrap().ref_text, "Missing");
    }

    #[test]
    fn parsing_errors() {
        // oracle: compile_foreign_key messages
        for (line, msg) in [
            ("b -> A", "Parsing error in line \"b -> A\". Expected '->', found 'b'  (at char 0), (line:1, col:1)."),
            ("bb -> A", "Parsing error in line \"bb -> A\". Expected '->', found 'bb'  (at char 0), (line:1, col:1)."),
            ("b\t-> A", "Parsing error in line \"b\t-> A\". Expected '->', found 'b'  (at char 0), (line:1, col:1)."),
            ("-x -> A", "Parsing error in line \"-x -> A\". Expected '->', found '-'  (at char 0), (line:1, col:1)."),
            ("'x -> A", "Parsing error in line \"'x -> A\". Expected '->', found \"'\"  (at char 0), (line:1, col:1)."),
            (
                "\\x -> A",
                "Parsing error in line \"\\x -> A\". Expected '->', found '\\'  (at char 0), (line:1, col:1).",
            ),
            (
                "y : int -> z",
                "Parsing error in line \"y : int -> z\". Expected '->', found 'y'  (at char 0), (line:1, col:1).",
            ),
        ] {
            assert_eq!(split(line).unwrap_err().message, msg);
        }
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("Subject"), table("Subject", &[], &[]));
        assert_eq!(shape("common.Nwbfile"), table("common.Nwbfile", &[], &[]));
        assert_eq!(shape("master.Child"), table("master.Child", &[], &[]));
        assert_eq!(shape("(master)"), table("master", &[], &[]));
        assert_eq!(shape("Subject()"), table("Subject", &[], &[]));
        assert_eq!(shape("Subject # c"), table("Subject", &[], &[]));
        assert_eq!(
            shape("Subject.proj(actual_id='subject_id')"),
            table("Subject", &[("actual_id", "subject_id")], &[])
        );
        assert_eq!(
            shape("Cell.proj(pre_slice=\"slice\", pre_cell=\"cell\")"),
            table("Cell", &[("pre_slice", "slice"), ("pre_cell", "cell")], &[])
        );
        assert_eq!(shape("Subject . proj ( x = 'subject_id', )"), table("Subject", &[("x", "subject_id")], &[]));
        assert_eq!(shape("(Subject).proj(x='a')"), table("Subject", &[("x", "a")], &[]));
        assert_eq!(shape("(Subject.proj(x='a'))"), table("Subject", &[("x", "a")], &[]));
        assert_eq!(
            shape("Subject.proj('sname', ..., x='(subject_id)')"),
            table("Subject", &[("x", "(subject_id)")], &["sname", "..."])
        );
        assert_eq!(shape("Subject.proj()"), table("Subject", &[], &[]));
        assert_eq!(shape("Subject.proj(x='sub' 'ject_id')"), table("Subject", &[("x", "subject_id")], &[]));
        assert_eq!(shape("Subject.proj(x='a')  # renamed"), table("Subject", &[("x", "a")], &[]));
        assert_eq!(shape("((Subject))"), table("Subject", &[], &[]));
        assert_eq!(shape("((Subject)).proj(x='a')"), table("Subject", &[("x", "a")], &[]));
        assert_eq!(shape("(Subject)()"), table("Subject", &[], &[]));
    }

    #[test]
    fn unsupported_and_unresolvable() {
        // oracle: 'Dependency "..." is not supported (yet)...' for these when Subject exists.
        for s in
            ["Subject & 'subject_id=1'", "3", "'Subject'", "Subject.proj(x='subject_id').proj(y='x')", "Subject.proj"]
        {
            assert_eq!(shape(s), RefShape::Unsupported, "{s}");
        }
        // oracle: 'Foreign key reference ... could not be resolved'.
        for s in [
            "",
            "Subject(",
            "Subject Subject",
            "Subject.proj(x='subject_id'",
            "[] Subject",
            "Subject.proj(1)",
            "Subject.proj(x=y)",
            "(Subject.proj(1))",
            // oracle: these evaluate with an exception, hence "could not be resolved".
            "'Subject' & 'subject_id=1'",
            "3 .proj(y='subject_id')",
            "[Subject].proj()",
            "int.proj()",
            "(int & 'subject_id=1')",
            "Subject().proj(...,) [0]",
        ] {
            assert_eq!(shape(s), RefShape::Unresolvable, "{s}");
        }
    }
}
