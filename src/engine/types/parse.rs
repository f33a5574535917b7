//! Type texts: DataJoint 0.14's `match_type` (declare.py's TYPE_PATTERN, tried in order, anchored
//! at the start only, case-insensitive), then what MySQL 8.0's parser and `CREATE TABLE` checks
//! make of the SQL type DataJoint passes on.

use std::sync::LazyLock;

use regex::Regex;

use crate::engine::collation;
use crate::engine::error::{Error, Result};

use super::errors::{operational, syntax_error, unsupported};
use super::lex::{Cursor, Tok};
use super::{AttrType, BlobKind, IntKind, ParsedType};

/// DataJoint's categories, in TYPE_PATTERN's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Category {
    Integer,
    Decimal,
    Float,
    String,
    Json,
    Enum,
    Bool,
    Temporal,
    InternalBlob,
    ExternalBlob,
    InternalAttach,
    ExternalAttach,
    Filepath,
    Uuid,
    Adapted,
}

/// TYPE_PATTERN, with `^(?:…)` standing in for Python's `re.match`.
static PATTERNS: LazyLock<Vec<(Category, Regex)>> = LazyLock::new(|| {
    use Category::*;
    [
        (Integer, r"((tiny|small|medium|big|)int|integer)(\s*\(.+\))?(\s+unsigned)?(\s+auto_increment)?|serial$"),
        (Decimal, r"(decimal|numeric)(\s*\(.+\))?(\s+unsigned)?$"),
        (Float, r"(double|float|real)(\s*\(.+\))?(\s+unsigned)?$"),
        (String, r"(var)?char\s*\(.+\)$"),
        (Json, r"json$"),
        (Enum, r"enum\s*\(.+\)$"),
        (Bool, r"bool(ean)?$"),
        (Temporal, r"(date|datetime|time|timestamp|year)(\s*\(.+\))?$"),
        (InternalBlob, r"(tiny|small|medium|long|)blob$"),
        (ExternalBlob, r"blob@(?P<store>[a-z][\-\w]*)$"),
        (InternalAttach, r"attach$"),
        (ExternalAttach, r"attach@(?P<store>[a-z][\-\w]*)$"),
        (Filepath, r"filepath@(?P<store>[a-z][\-\w]*)$"),
        (Uuid, r"uuid$"),
        (Adapted, r"<.+>$"),
    ]
    .into_iter()
    .filter_map(|(c, p)| Regex::new(&format!("(?i)^(?:{p})")).ok().map(|r| (c, r)))
    .collect()
});

fn category(text: &str) -> Result<Category> {
    PATTERNS.iter().find(|(_, r)| r.is_match(text)).map(|(c, _)| *c).ok_or_else(|| unsupported(text))
}

/// Parse a type text; errors that name the column (too-big precision, duplicated enum value, ...)
/// use `column`.
pub fn parse_column_type(text: &str, column: &str) -> Result<ParsedType> {
    let text = text.trim();
    let plain = |ty| Ok(ParsedType { ty, auto_increment: false });
    match category(text)? {
        Category::Integer => integer(text, column),
        Category::Decimal => decimal(text, column).and_then(plain),
        Category::Float => float(text, column).and_then(plain),
        Category::String => string(text, column).and_then(plain),
        Category::Json => plain(AttrType::Json),
        Category::Enum => enumeration(text, column).and_then(plain),
        Category::Bool => plain(AttrType::Bool),
        Category::Temporal => temporal(text, column).and_then(plain),
        Category::InternalBlob => blob(text).and_then(plain),
        Category::Uuid => plain(AttrType::Uuid),
        Category::Adapted => Err(Error::dj("Support for Adapted Attribute types is disabled.")),
        // The store name as DataJoint takes it: everything after the first `@`.
        Category::Filepath => {
            let store = text.split_once('@').map_or("", |(_, s)| s).to_string();
            plain(AttrType::Filepath { store, database: String::new() })
        }
        Category::ExternalBlob | Category::InternalAttach | Category::ExternalAttach => Err(Error::dj(format!(
            "Attribute type {text} is not supported in the sandbox: attachments and external \
                 blobs keep files outside the database. Use a blob (longblob) instead."
        ))),
    }
}

/// The first word, which the category regex has already vouched for.
fn head(c: &mut Cursor<'_>) -> Result<String> {
    match c.next_tok() {
        Some(Tok::Word(w)) => Ok(w),
        _ => {
            c.back();
            Err(c.error())
        }
    }
}

/// `(n)` or `(m, d)` if present.
fn args(c: &mut Cursor<'_>) -> Result<Option<(u64, Option<u64>)>> {
    if !c.eat_punct('(') {
        return Ok(None);
    }
    let m = c.number()?;
    let d = if c.eat_punct(',') { Some(c.number()?) } else { None };
    c.expect_punct(')')?;
    Ok(Some((m, d)))
}

/// `unsigned`/`signed` (MySQL accepts either, repeatedly); true when unsigned.
fn signedness(c: &mut Cursor<'_>) -> bool {
    let mut unsigned = false;
    loop {
        if c.eat_word("unsigned") {
            unsigned = true;
        } else if !c.eat_word("signed") {
            return unsigned;
        }
    }
}

fn display_width_error(column: &str) -> Error {
    operational(1439, format!("Display width out of range for column '{column}' (max = 255)"))
}

fn integer(text: &str, column: &str) -> Result<ParsedType> {
    let mut c = Cursor::new(text)?;
    let kind = match head(&mut c)?.as_str() {
        "serial" => {
            c.end()?;
            let ty = AttrType::Integer { kind: IntKind::Big, unsigned: true };
            return Ok(ParsedType { ty, auto_increment: true });
        }
        "tinyint" | "int1" => IntKind::Tiny,
        "smallint" | "int2" => IntKind::Small,
        "mediumint" | "int3" => IntKind::Medium,
        "int" | "integer" | "int4" => IntKind::Int,
        "bigint" | "int8" => IntKind::Big,
        _ => {
            c.back();
            return Err(c.error());
        }
    };
    if c.eat_punct('(') {
        // MySQL 8.0 ignores (and SHOW COLUMNS drops) the display width, but bounds it.
        if c.number()? > 255 {
            return Err(display_width_error(column));
        }
        c.expect_punct(')')?;
    }
    let unsigned = signedness(&mut c);
    let auto_increment = c.eat_word("auto_increment");
    c.end()?;
    Ok(ParsedType { ty: AttrType::Integer { kind, unsigned }, auto_increment })
}

fn precision_errors(column: &str, m: u64, d: u64, max_m: u64) -> Result<()> {
    if d > 30 {
        return Err(operational(1425, format!("Too big scale {d} specified for column '{column}'. Maximum is 30.")));
    }
    if m > max_m {
        return Err(operational(1426, format!("Too-big precision {m} specified for '{column}'. Maximum is {max_m}.")));
    }
    if m < d {
        return Err(operational(
            1427,
            format!("For float(M,D), double(M,D) or decimal(M,D), M must be >= D (column '{column}')."),
        ));
    }
    Ok(())
}

fn decimal(text: &str, column: &str) -> Result<AttrType> {
    let mut c = Cursor::new(text)?;
    head(&mut c)?;
    // Bare `decimal` is decimal(10,0); decimal(m) is decimal(m,0); MySQL reads M = 0 as 10.
    let (m, d) = match args(&mut c)? {
        None => (10, 0),
        Some((m, d)) => (if m == 0 { 10 } else { m }, d.unwrap_or(0)),
    };
    precision_errors(column, m, d, 65)?;
    let unsigned = signedness(&mut c);
    c.end()?;
    Ok(AttrType::Decimal { precision: m as u8, scale: d as u8, unsigned })
}

fn float(text: &str, column: &str) -> Result<AttrType> {
    let mut c = Cursor::new(text)?;
    let word = head(&mut c)?;
    let mut double = word != "float";
    if c.eat_punct('(') {
        let p = c.number()?;
        if c.eat_punct(',') {
            // float(M,D)/double(M,D): deprecated, accepted; the sandbox keeps the plain type.
            let d = c.number()?;
            c.expect_punct(')')?;
            if d > 30 {
                precision_errors(column, p, d, u64::MAX)?;
            }
            if p > 255 {
                return Err(display_width_error(column));
            }
            precision_errors(column, p, d, u64::MAX)?;
        } else {
            // Only FLOAT takes a bare precision: 0–24 is FLOAT, 25–53 DOUBLE.
            if double {
                return Err(c.error());
            }
            c.expect_punct(')')?;
            if p > 53 {
                return Err(operational(1063, format!("Incorrect column specifier for column '{column}'")));
            }
            double = p > 24;
        }
    }
    let unsigned = signedness(&mut c);
    c.end()?;
    Ok(AttrType::Float { double, unsigned })
}

fn string(text: &str, column: &str) -> Result<AttrType> {
    let mut c = Cursor::new(text)?;
    let var = head(&mut c)? == "varchar";
    c.expect_punct('(')?;
    let n = c.number()?;
    c.expect_punct(')')?;
    c.end()?;
    // utf8mb4: 65535 bytes / 4 for VARCHAR; CHAR holds at most 255 characters.
    let max = if var { 16383 } else { 255 };
    if n > max {
        return Err(operational(
            1074,
            format!("Column length too big for column '{column}' (max = {max}); use BLOB or TEXT instead"),
        ));
    }
    let n = n as u32;
    Ok(if var { AttrType::Varchar(n) } else { AttrType::Char(n) })
}

fn enumeration(text: &str, column: &str) -> Result<AttrType> {
    let mut c = Cursor::new(text)?;
    head(&mut c)?;
    c.expect_punct('(')?;
    let mut values: Vec<String> = Vec::new();
    loop {
        match c.next_tok() {
            // MySQL deletes trailing spaces from ENUM members when the table is created.
            Some(Tok::Str(s)) => values.push(s.trim_end_matches(' ').to_string()),
            _ => {
                c.back();
                return Err(c.error());
            }
        }
        if c.eat_punct(')') {
            break;
        }
        c.expect_punct(',')?;
    }
    c.end()?;
    // Members are compared under the column's collation; strict mode makes duplicates an error,
    // naming the earlier member (MySQL's check_duplicates_in_interval).
    for (i, v) in values.iter().enumerate() {
        if values[i + 1..].iter().any(|w| collation::compare(v, w).is_eq()) {
            return Err(operational(1291, format!("Column '{column}' has duplicated value '{v}' in ENUM")));
        }
    }
    Ok(AttrType::Enum(values))
}

fn temporal(text: &str, column: &str) -> Result<AttrType> {
    let mut c = Cursor::new(text)?;
    let word = head(&mut c)?;
    let arg = if c.eat_punct('(') {
        if word == "date" {
            c.back();
            return Err(c.error());
        }
        let n = c.number()?;
        c.expect_punct(')')?;
        Some(n)
    } else {
        None
    };
    c.end()?;
    if word == "year" {
        return match arg {
            None | Some(4) => Ok(AttrType::Year),
            Some(_) => Err(operational(1818, "Supports only YEAR or YEAR(4) column.".into())),
        };
    }
    let fsp = arg.unwrap_or(0);
    if fsp > 6 {
        return Err(operational(1426, format!("Too-big precision {fsp} specified for '{column}'. Maximum is 6.")));
    }
    let fsp = fsp as u8;
    Ok(match word.as_str() {
        "date" => AttrType::Date,
        "datetime" => AttrType::Datetime { fsp },
        "timestamp" => AttrType::Timestamp { fsp },
        _ => AttrType::Time { fsp },
    })
}

fn blob(text: &str) -> Result<AttrType> {
    Ok(AttrType::Blob(match text.to_ascii_lowercase().as_str() {
        "tinyblob" => BlobKind::Tiny,
        "blob" => BlobKind::Blob,
        "mediumblob" => BlobKind::Medium,
        "longblob" => BlobKind::Long,
        // `smallblob` passes DataJoint's regex; MySQL has no such type.
        _ => return Err(syntax_error(text)),
    }))
}

/// MySQL's SHOW COLUMNS type, lowercased, with DataJoint's integer/float width stripping.
pub fn heading_type(ty: &AttrType) -> String {
    let sign = |u: bool| if u { " unsigned" } else { "" };
    let fsp = |name: &str, f: u8| if f > 0 { format!("{name}({f})") } else { name.to_string() };
    match ty {
        AttrType::Integer { kind, unsigned } => {
            let name = match kind {
                IntKind::Tiny => "tinyint",
                IntKind::Small => "smallint",
                IntKind::Medium => "mediumint",
                IntKind::Int => "int",
                IntKind::Big => "bigint",
            };
            format!("{name}{}", sign(*unsigned))
        }
        AttrType::Decimal { precision, scale, unsigned } => {
            format!("decimal({precision},{scale}){}", sign(*unsigned))
        }
        AttrType::Float { double, unsigned } => {
            format!("{}{}", if *double { "double" } else { "float" }, sign(*unsigned))
        }
        AttrType::Char(n) => format!("char({n})"),
        AttrType::Varchar(n) => format!("varchar({n})"),
        AttrType::Enum(values) => {
            let quoted: Vec<String> = values.iter().map(|v| format!("'{}'", v.replace('\'', "''"))).collect();
            format!("enum({})", quoted.join(","))
        }
        AttrType::Date => "date".into(),
        AttrType::Datetime { fsp: f } => fsp("datetime", *f),
        AttrType::Timestamp { fsp: f } => fsp("timestamp", *f),
        AttrType::Time { fsp: f } => fsp("time", *f),
        AttrType::Year => "year".into(),
        AttrType::Bool => "tinyint".into(),
        AttrType::Uuid => "uuid".into(),
        AttrType::Json => "json".into(),
        AttrType::Filepath { store, .. } => format!("filepath@{store}"),
        AttrType::Blob(k) => match k {
            BlobKind::Tiny => "tinyblob",
            BlobKind::Blob => "blob",
            BlobKind::Medium => "mediumblob",
            BlobKind::Long => "longblob",
        }
        .into(),
    }
}
