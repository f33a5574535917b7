//! rhai expressions as Python expressions, where the meaning carries over unchanged: table
//! algebra (`&`, `-`, `*`), map merges (`key + #{...}` is `{**key, ...}`), a map's fields (Python
//! subscripts), method calls whose trailing map is keyword arguments (`fetch(.., #{limit: 1})`).
//! Anything else is refused with the reason, and the make stays rhai in a comment.

use rhai::{Expr, FnCallExpr};

use super::literal;
use super::translate::THIS;

/// A translated expression and its Python precedence (higher binds tighter).
type Py = (String, u8);
/// Why a piece of rhai has no mechanical translation.
pub type Refusal = String;

const ATOM: u8 = 20;

/// Python precedence of a binary operator, and its spelling.
fn binary(op: &str) -> Option<(u8, &'static str)> {
    Some(match op {
        "||" => (1, "or"),
        "&&" => (2, "and"),
        "==" => (4, "=="),
        "!=" => (4, "!="),
        "<" => (4, "<"),
        ">" => (4, ">"),
        "<=" => (4, "<="),
        ">=" => (4, ">="),
        "|" => (5, "|"),
        "^" => (6, "^"),
        "&" => (7, "&"),
        "+" => (9, "+"),
        "-" => (9, "-"),
        "*" => (10, "*"),
        "%" => (10, "%"),
        "**" => (12, "**"),
        _ => return None,
    })
}

/// `text` wrapped in parentheses when it binds looser than `min`.
fn at(p: Py, min: u8) -> String {
    if p.1 >= min {
        p.0
    } else {
        format!("({})", p.0)
    }
}

/// Translate one expression.
pub fn expr(e: &Expr) -> Result<Py, Refusal> {
    Ok(match e {
        Expr::IntegerConstant(n, _) => (n.to_string(), if *n < 0 { 11 } else { ATOM }),
        Expr::FloatConstant(f, _) => (literal::float(**f), ATOM),
        Expr::BoolConstant(b, _) => ((if *b { "True" } else { "False" }).into(), ATOM),
        Expr::StringConstant(s, _) => (literal::string(s), ATOM),
        Expr::CharConstant(c, _) => (literal::string(&c.to_string()), ATOM),
        Expr::Unit(_) => ("None".into(), ATOM),
        Expr::Array(items, _) => (format!("[{}]", list(items)?), ATOM),
        Expr::Map(m, _) => {
            let pairs = m.0.iter().map(|(k, v)| Ok(format!("{}: {}", literal::string(&k.name), expr(v)?.0)));
            (format!("{{{}}}", pairs.collect::<Result<Vec<_>, Refusal>>()?.join(", ")), ATOM)
        }
        Expr::Variable(v, _, _) if v.1 == THIS => ("self".into(), ATOM),
        Expr::Variable(v, _, _) => (v.1.to_string(), ATOM),
        Expr::ThisPtr(_) => ("self".into(), ATOM),
        Expr::InterpolatedString(parts, _) => (fstring(parts)?, ATOM),
        Expr::And(xs, _) => {
            (xs.iter().map(|x| Ok(at(expr(x)?, 3))).collect::<Result<Vec<_>, Refusal>>()?.join(" and "), 2)
        }
        Expr::Or(xs, _) => {
            (xs.iter().map(|x| Ok(at(expr(x)?, 2))).collect::<Result<Vec<_>, Refusal>>()?.join(" or "), 1)
        }
        Expr::Index(b, _, _) => (format!("{}[{}]", at(expr(&b.lhs)?, ATOM), expr(&b.rhs)?.0), ATOM),
        Expr::Dot(b, _, _) => {
            let base = expr(&b.lhs)?;
            let object = is_object(&b.lhs);
            chain(base, object, &b.rhs)?
        }
        Expr::FnCall(f, _) => call(f)?,
        other => return Err(format!("the expression `{other:?}`")),
    })
}

fn list(items: &[Expr]) -> Result<String, Refusal> {
    Ok(items.iter().map(|x| Ok(expr(x)?.0)).collect::<Result<Vec<_>, Refusal>>()?.join(", "))
}

/// Is this a class or table (whose names are attributes) rather than a dict (whose fields are
/// keys)? `this`, and names spelled as classes are (`MyAnalysis`, `this.MyPart`).
fn is_object(e: &Expr) -> bool {
    match e {
        Expr::ThisPtr(_) => true,
        Expr::Variable(v, _, _) if v.1 == THIS => true,
        Expr::Variable(v, _, _) => v.1.starts_with(|c: char| c.is_ascii_uppercase()),
        _ => false,
    }
}

/// `base.rhs` where `rhs` may chain further (rhai nests `a.b.c` to the right).
fn chain(base: Py, object: bool, rhs: &Expr) -> Result<Py, Refusal> {
    match rhs {
        Expr::Property(p, _) => {
            let name = &p.2;
            if object {
                Ok((format!("{}.{name}", at(base, ATOM)), ATOM))
            } else {
                Ok((format!("{}[{}]", at(base, ATOM), literal::string(name)), ATOM))
            }
        }
        Expr::MethodCall(f, _) => method(base, object, f),
        Expr::Dot(b, _, _) => {
            let next_object =
                object && matches!(&b.lhs, Expr::Property(p, _) if p.2.starts_with(|c: char| c.is_ascii_uppercase()));
            let inner = chain(base, object, &b.lhs)?;
            chain(inner, next_object, &b.rhs)
        }
        Expr::Index(b, _, _) => {
            let inner = chain(base, object, &b.lhs)?;
            Ok((format!("{}[{}]", at(inner, ATOM), expr(&b.rhs)?.0), ATOM))
        }
        other => Err(format!("the member access `{other:?}`")),
    }
}

/// Methods whose trailing map is DataJoint's keyword arguments (from `first` on).
fn keywords_from(name: &str) -> Option<usize> {
    match name {
        "fetch" | "fetch1" | "proj" | "populate" | "delete" | "progress" => Some(0),
        "insert" | "insert1" => Some(1),
        _ => None,
    }
}

/// The module's helper turning the sandbox's value into what `add_nwb_object` takes.
pub const NWB_OBJECT: &str = "_nwb_object";

/// The methods DataJoint lets a table class answer itself (`user_tables.supported_class_attrs`);
/// any other (`AnalysisNwbfile.create`) needs an instance, `AnalysisNwbfile()`.
const CLASS_METHODS: &[&str] = &[
    "key_source",
    "describe",
    "alter",
    "heading",
    "populate",
    "progress",
    "primary_key",
    "proj",
    "aggr",
    "join",
    "fetch",
    "fetch1",
    "head",
    "tail",
    "descendants",
    "ancestors",
    "parts",
    "parents",
    "children",
    "insert",
    "insert1",
    "update1",
    "drop",
    "drop_quick",
    "delete",
    "delete_quick",
];

/// `base.name(args)`; `class`: `base` names a table class or `self`.
fn method(base: Py, class: bool, f: &FnCallExpr) -> Result<Py, Refusal> {
    let name = f.name.as_str();
    let mut b = at(base, ATOM);
    if class && b != "self" && !CLASS_METHODS.contains(&name) {
        b.push_str("()");
    }
    let one = |py: &str| -> Result<Py, Refusal> {
        if f.args.is_empty() {
            Ok((format!("{py}({})", strip(&b)), ATOM))
        } else {
            Err(format!("`{name}` with arguments"))
        }
    };
    match name {
        "to_int" => return one("int"),
        "to_float" => return one("float"),
        "to_string" => return one("str"),
        "len" => return one("len"),
        "abs" => return one("abs"),
        "push" if f.args.len() == 1 => return Ok((format!("{b}.append({})", expr(&f.args[0])?.0), ATOM)),
        "contains" if f.args.len() == 1 => return Ok((format!("{} in {b}", at(expr(&f.args[0])?, 5)), 4)),
        "is_empty" if f.args.is_empty() => return Ok((format!("len({}) == 0", strip(&b)), 4)),
        _ => {}
    }
    let mut args = Vec::new();
    for (i, a) in f.args.iter().enumerate() {
        let last = i + 1 == f.args.len();
        match (a, keywords_from(name)) {
            (Expr::Map(m, _), Some(first)) if last && i >= first => {
                for (k, v) in &m.0 {
                    args.push(format!("{}={}", k.name, expr(v)?.0));
                }
            }
            // The sandbox's object is a list of maps for a DataFrame, else an array; pynwb
            // takes the pandas or numpy value (the module defines `_nwb_object`).
            _ if name == "add_nwb_object" && i == 1 => args.push(format!("{NWB_OBJECT}({})", expr(a)?.0)),
            _ => args.push(expr(a)?.0),
        }
    }
    Ok((format!("{b}.{name}({})", args.join(", ")), ATOM))
}

/// An argument needs no parentheses of its own.
fn strip(s: &str) -> &str {
    s.strip_prefix('(').and_then(|s| s.strip_suffix(')')).filter(|s| !s.contains(['(', ')'])).unwrap_or(s)
}

/// A function or operator call.
fn call(f: &FnCallExpr) -> Result<Py, Refusal> {
    let name = f.name.as_str();
    if !f.namespace.is_empty() {
        return match (f.namespace.to_string().as_str(), name) {
            ("os", "getenv") => Ok((format!("os.getenv({})", list(&f.args)?), ATOM)),
            (ns, _) => Err(format!("the module function `{ns}::{name}`")),
        };
    }
    match (name, f.args.as_slice()) {
        ("!", [x]) => Ok((format!("not {}", at(expr(x)?, 3)), 3)),
        ("-", [x]) => Ok((format!("-{}", at(expr(x)?, 11)), 11)),
        ("..", [Expr::IntegerConstant(0, _), b]) => Ok((format!("range({})", expr(b)?.0), ATOM)),
        ("..", [a, b]) => Ok((format!("range({}, {})", expr(a)?.0, expr(b)?.0), ATOM)),
        ("..=", [a, b]) => Ok((format!("range({}, {} + 1)", expr(a)?.0, at(expr(b)?, 10)), ATOM)),
        ("+", [a, Expr::Map(..)]) => {
            // rhai's map + map is a merge, right side winning: Python's {**a, **b}.
            let rhs = expr(&f.args[1])?.0;
            Ok((format!("{{**{}, {}", at(expr(a)?, ATOM), &rhs[1..]), ATOM))
        }
        ("/", [a, b]) if is_float(a) || is_float(b) => Ok((format!("{} / {}", at(expr(a)?, 10), at(expr(b)?, 11)), 10)),
        ("/", _) => Err("`/` (rhai divides integers to an integer, Python to a float)".into()),
        (op, [a, b]) if binary(op).is_some() => {
            let (p, py) = binary(op).unwrap_or_default();
            let left = if p == 4 { p + 1 } else { p };
            Ok((format!("{} {py} {}", at(expr(a)?, left), at(expr(b)?, p + 1)), p))
        }
        ("print" | "int" | "float" | "str" | "len" | "abs" | "min" | "max" | "range", _) => {
            Ok((format!("{name}({})", list(&f.args)?), ATOM))
        }
        _ => Err(format!("the function `{name}`")),
    }
}

fn is_float(e: &Expr) -> bool {
    matches!(e, Expr::FloatConstant(..))
}

/// A rhai interpolated string as a Python f-string.
fn fstring(parts: &[Expr]) -> Result<String, Refusal> {
    let mut out = String::from("f\"");
    for p in parts {
        match p {
            Expr::StringConstant(s, _) => {
                let lit = literal::string(s);
                out.push_str(&lit[1..lit.len() - 1].replace('{', "{{").replace('}', "}}"));
            }
            other => {
                // rhai holds each `${...}` as a block of one expression.
                let inner = match other {
                    Expr::Stmt(b) => match b.statements() {
                        [rhai::Stmt::Expr(e)] => expr(e)?.0,
                        _ => return Err("a block inside an interpolated string".into()),
                    },
                    e => expr(e)?.0,
                };
                if inner.contains(['"', '\\']) {
                    return Err("a quote inside an interpolated string".into());
                }
                out.push_str(&format!("{{{inner}}}"));
            }
        }
    }
    out.push('"');
    Ok(out)
}
