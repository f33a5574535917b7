//! SQLite fragments with what the translation knows of their MySQL type, and the comparison
//! rules that follow: operands both known to be numbers or both strings compare natively (strings
//! under `COLLATE MYSQL_AI_CI`); a number against an untyped operand compares numerically
//! (`mysql_num`); everything else goes through `mysql_cmp`, which applies MySQL's rules to the
//! values at run time (the translation only knows attribute names, not their types).

use crate::engine::collation;

/// What is statically known of a fragment's MySQL type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    /// A number (literal, arithmetic, numeric function, boolean).
    Num,
    /// A character string (literal, string function).
    Str,
    /// NULL.
    Null,
    /// JSON text from JSON_EXTRACT / `->`.
    Json,
    /// Unknown until run time: attributes, dates, CASE/IF/COALESCE of mixed branches.
    Any,
}

/// A translated fragment. `text` is self-delimiting (parenthesised or atomic).
#[derive(Debug, Clone)]
pub struct Sql {
    /// SQLite text.
    pub text: String,
    /// Static type.
    pub ty: Ty,
    /// Compares byte-wise (`COLLATE utf8mb4_bin`).
    pub binary: bool,
}

impl Sql {
    /// A fragment of type `ty`.
    pub fn new(text: impl Into<String>, ty: Ty) -> Sql {
        Sql { text: text.into(), ty, binary: false }
    }

    /// A number.
    pub fn num(text: impl Into<String>) -> Sql {
        Sql::new(text, Ty::Num)
    }

    /// A string.
    pub fn string(text: impl Into<String>) -> Sql {
        Sql::new(text, Ty::Str)
    }

    /// Untyped.
    pub fn any(text: impl Into<String>) -> Sql {
        Sql::new(text, Ty::Any)
    }

    /// The fragment as an operand of run-time comparison: JSON unquoted to its SQL value.
    fn scalar(self) -> Sql {
        match self.ty {
            Ty::Json => Sql { text: format!("mysql_json_unquote({})", self.text), ty: Ty::Any, binary: self.binary },
            _ => self,
        }
    }
}

/// A SQLite string literal ('' doubled; NUL characters, which end SQLite's SQL text, spliced in
/// with char(0)).
pub fn quote(s: &str) -> String {
    let parts: Vec<String> = s.split('\0').map(|p| format!("'{}'", p.replace('\'', "''"))).collect();
    if parts.len() == 1 {
        parts.into_iter().next().unwrap_or_default()
    } else {
        format!("({})", parts.join(" || char(0) || "))
    }
}

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    /// `=`
    Eq,
    /// `<>`, `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl Cmp {
    fn op(self) -> &'static str {
        match self {
            Cmp::Eq => "=",
            Cmp::Ne => "<>",
            Cmp::Lt => "<",
            Cmp::Le => "<=",
            Cmp::Gt => ">",
            Cmp::Ge => ">=",
        }
    }
}

fn numeric(t: Ty) -> bool {
    matches!(t, Ty::Num | Ty::Null)
}

fn stringy(t: Ty) -> bool {
    matches!(t, Ty::Str | Ty::Null)
}

/// How two operands are compared natively, if they can be: the collation to add, if any.
enum Native {
    Numbers,
    Strings(&'static str),
}

fn native(a: &Sql, b: &Sql) -> Option<Native> {
    if a.binary || b.binary {
        return Some(Native::Strings("BINARY"));
    }
    if numeric(a.ty) && numeric(b.ty) {
        return Some(Native::Numbers);
    }
    if stringy(a.ty) && stringy(b.ty) {
        return Some(Native::Strings(collation::NAME));
    }
    None
}

/// `mysql_num(x)` for an untyped operand met by a number.
fn as_number(s: Sql) -> Sql {
    match s.ty {
        Ty::Num | Ty::Null => s,
        _ => Sql::num(format!("mysql_num({})", s.text)),
    }
}

/// `a op b` with MySQL's meaning.
pub fn compare(op: Cmp, a: Sql, b: Sql) -> Sql {
    let (a, b) = (a.scalar(), b.scalar());
    let text = match native(&a, &b) {
        Some(Native::Numbers) => format!("({} {} {})", a.text, op.op(), b.text),
        Some(Native::Strings(c)) => format!("({} {} {} COLLATE {c})", a.text, op.op(), b.text),
        None if numeric(a.ty) || numeric(b.ty) => {
            format!("({} {} {})", as_number(a).text, op.op(), as_number(b).text)
        }
        None => format!("(mysql_cmp({}, {}) {} 0)", a.text, b.text, op.op()),
    };
    Sql::num(text)
}

/// `x [NOT] IN (items)`.
pub fn in_list(x: Sql, items: Vec<Sql>, negated: bool) -> Sql {
    let x = x.scalar();
    let items: Vec<Sql> = items.into_iter().map(Sql::scalar).collect();
    let not = if negated { "NOT " } else { "" };
    let all_num = items.iter().all(|i| numeric(i.ty));
    let all_str = items.iter().all(|i| stringy(i.ty)) && !x.binary && !items.iter().any(|i| i.binary);
    let join = |v: &[Sql]| v.iter().map(|i| i.text.as_str()).collect::<Vec<_>>().join(", ");
    let text = if all_num && !x.binary {
        format!("({} {not}IN ({}))", as_number(x).text, join(&items))
    } else if all_str && stringy(x.ty) {
        format!("({} COLLATE {} {not}IN ({}))", x.text, collation::NAME, join(&items))
    } else {
        // SQLite caps a function's arguments at 127: long lists are split and ORed.
        let chunks: Vec<String> = items.chunks(100).map(|c| format!("mysql_in({}, {})", x.text, join(c))).collect();
        format!("({not}({}))", chunks.join(" OR "))
    };
    Sql::num(text)
}

/// `x [NOT] IN (SELECT ...)`: numbers compare as numbers, strings under MySQL's collation, and
/// anything else as SQLite compares them (a column keeps its declared collation). NULLs follow
/// SQL's rules in both engines: `x NOT IN` a set holding NULL is never true.
pub fn in_subquery(x: Sql, sub: Sql, negated: bool) -> Sql {
    let x = x.scalar();
    let not = if negated { "NOT " } else { "" };
    let text = if numeric(x.ty) && numeric(sub.ty) && !x.binary {
        format!("({} {not}IN ({}))", as_number(x).text, sub.text)
    } else if stringy(x.ty) && stringy(sub.ty) && !x.binary {
        format!("({} COLLATE {} {not}IN ({}))", x.text, collation::NAME, sub.text)
    } else {
        format!("({} {not}IN ({}))", x.text, sub.text)
    };
    Sql::num(text)
}

/// `x [NOT] BETWEEN lo AND hi`.
pub fn between(x: Sql, lo: Sql, hi: Sql, negated: bool) -> Sql {
    let (x, lo, hi) = (x.scalar(), lo.scalar(), hi.scalar());
    let not = if negated { "NOT " } else { "" };
    let any_binary = x.binary || lo.binary || hi.binary;
    let text = if numeric(lo.ty) && numeric(hi.ty) && !any_binary {
        format!("({} {not}BETWEEN {} AND {})", as_number(x).text, lo.text, hi.text)
    } else if stringy(x.ty) && stringy(lo.ty) && stringy(hi.ty) {
        let c = if any_binary { "BINARY" } else { collation::NAME };
        format!("({} COLLATE {c} {not}BETWEEN {} AND {})", x.text, lo.text, hi.text)
    } else {
        format!("({not}mysql_between({}, {}, {}))", x.text, lo.text, hi.text)
    };
    Sql::num(text)
}

/// `a <=> b`.
pub fn null_safe_eq(a: Sql, b: Sql) -> Sql {
    let (a, b) = (a.scalar(), b.scalar());
    match native(&a, &b) {
        Some(Native::Numbers) => Sql::num(format!("({} IS {})", a.text, b.text)),
        Some(Native::Strings(c)) => Sql::num(format!("({} IS {} COLLATE {c})", a.text, b.text)),
        None => Sql::num(format!("mysql_nseq({}, {})", a.text, b.text)),
    }
}
