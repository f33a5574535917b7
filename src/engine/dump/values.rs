//! `INSERT INTO t [(cols)] VALUES (...), ...` into a world: each SQL literal becomes the value
//! DataJoint would fetch from the column (a uuid's 16 bytes its canonical text, a blob's
//! DataJoint serialisation the value it holds).

use sqlparser::ast::{Expr, Insert, SetExpr, UnaryOperator, Value as Sql};

use super::blob::unpack;
use crate::engine::heading::TableName;
use crate::engine::types::json::from_json_text;
use crate::engine::types::AttrType;
use crate::engine::{Error, InsertOptions, Result, Row, Value, World};

fn unsupported(what: String) -> Error {
    Error::dj(format!("not supported by import: {what}"))
}

fn hex_bytes(h: &str) -> Result<Vec<u8>> {
    let h = h.as_bytes();
    if !h.len().is_multiple_of(2) {
        return Err(Error::dj("odd number of hex digits"));
    }
    h.chunks(2)
        .map(|p| u8::from_str_radix(std::str::from_utf8(p).unwrap_or("zz"), 16).map_err(|_| Error::dj("bad hex digit")))
        .collect()
}

/// A literal as raw SQL: a number's text, a string's bytes, NULL.
enum Raw {
    Null,
    Number(String),
    Text(String),
    Bytes(Vec<u8>),
}

fn raw(e: &Expr) -> Result<Raw> {
    Ok(match e {
        Expr::Value(v) => match &v.value {
            Sql::Null => Raw::Null,
            Sql::Number(n, _) if n.starts_with("0x") || n.starts_with("0X") => Raw::Bytes(hex_bytes(&n[2..])?),
            Sql::Number(n, _) => Raw::Number(n.clone()),
            Sql::Boolean(b) => Raw::Number((*b as i64).to_string()),
            Sql::SingleQuotedString(s) | Sql::DoubleQuotedString(s) => Raw::Text(s.clone()),
            Sql::HexStringLiteral(h) => Raw::Bytes(hex_bytes(h)?),
            other => return Err(unsupported(format!("value {other}"))),
        },
        Expr::UnaryOp { op: UnaryOperator::Minus, expr } => match raw(expr)? {
            Raw::Number(n) => Raw::Number(format!("-{n}")),
            _ => return Err(unsupported(format!("value {e}"))),
        },
        Expr::Identifier(i) if i.value.starts_with("0x") => Raw::Bytes(hex_bytes(&i.value[2..])?),
        other => return Err(unsupported(format!("value {other}"))),
    })
}

/// The value of literal `e` for a column of type `ty`.
fn value(ty: &AttrType, e: &Expr, column: &str) -> Result<Value> {
    let bytes = |r: Raw| match r {
        Raw::Bytes(b) => b,
        Raw::Text(s) | Raw::Number(s) => s.into_bytes(),
        Raw::Null => Vec::new(),
    };
    Ok(match (ty, raw(e)?) {
        (_, Raw::Null) => Value::Null,
        (AttrType::Uuid, r) => {
            let b = bytes(r);
            let u = uuid::Uuid::from_slice(&b).map_err(|_| Error::dj(format!("`{column}`: a uuid is 16 bytes")))?;
            Value::Str(u.hyphenated().to_string())
        }
        (AttrType::Blob(_), r) => {
            unpack(&bytes(r)).map_err(|e| Error { message: format!("`{column}`: {}", e.message), ..e })?
        }
        // The column holds JSON text; the value is what it encodes (DataJoint json.loads it).
        (AttrType::Json, r) => from_json_text(&String::from_utf8_lossy(&bytes(r))),
        (t, Raw::Number(n)) if t.is_numeric() && !n.contains(['.', 'e', 'E']) => {
            n.parse::<i64>().map(Value::Int).unwrap_or_else(|_| Value::Str(n))
        }
        (t, Raw::Number(n)) if t.is_numeric() => n.parse::<f64>().map(Value::Float).unwrap_or(Value::Str(n)),
        (_, Raw::Number(n)) | (_, Raw::Text(n)) => Value::Str(n),
        (_, Raw::Bytes(b)) => {
            Value::Str(String::from_utf8(b).map_err(|_| Error::dj(format!("`{column}`: not UTF-8 text")))?)
        }
    })
}

/// Insert the rows of `ins` into `table`; the number inserted.
pub(super) fn insert_rows(world: &mut World, table: &TableName, ins: &Insert) -> Result<usize> {
    let info = world.table_or_err(table)?;
    let columns: Vec<String> = if ins.columns.is_empty() {
        info.names()
    } else {
        ins.columns.iter().map(|c| super::import::unquote(&c.to_string())).collect()
    };
    let types: Vec<AttrType> =
        columns
            .iter()
            .map(|c| info.attribute(c).map(|a| a.ty.clone()))
            .collect::<Option<_>>()
            .ok_or_else(|| Error::dj(format!("INSERT into {} names a column it does not have", table.full())))?;
    let Some(SetExpr::Values(values)) = ins.source.as_ref().map(|q| q.body.as_ref()) else {
        return Err(unsupported(format!("INSERT into {} without VALUES", table.full())));
    };
    let mut rows = Vec::with_capacity(values.rows.len());
    for row in &values.rows {
        if row.content.len() != columns.len() {
            return Err(Error::mysql(
                crate::engine::Kind::OperationalError,
                1136,
                format!("Column count doesn't match value count at row {}", rows.len() + 1),
            ));
        }
        let fields = columns
            .iter()
            .zip(&types)
            .zip(&row.content)
            .map(|((c, ty), e)| Ok((c.clone(), value(ty, e, c)?)))
            .collect::<Result<Vec<_>>>()?;
        rows.push(Row::Map(fields));
    }
    // A dump holds every tier's rows: Imported and Computed ones included.
    let opts = InsertOptions { allow_direct_insert: true, ..InsertOptions::default() };
    world.insert(table, &rows, &opts)?;
    Ok(rows.len())
}
