//! `INSERT` statements for a table's rows, each value as MySQL reads it back into the column
//! DataJoint declared: uuids as 16 bytes, blobs in DataJoint's serialisation, json as text.

use super::blob::pack;
use crate::engine::heading::{mysql_text, TableInfo};
use crate::engine::py::float_repr;
use crate::engine::types::json::to_json_text;
use crate::engine::types::AttrType;
use crate::engine::{Error, FetchSpec, Result, Value, World};

/// Rows per statement: long enough to load fast, short enough for `max_allowed_packet`.
const ROWS_PER_STATEMENT: usize = 1000;

/// A MySQL string literal (single quotes; backslash escapes, as mysqldump writes them).
pub(crate) fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\0' => out.push_str("\\0"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2 + 2);
    out.push_str("0x");
    for b in bytes {
        out.push_str(&format!("{b:02X}"));
    }
    out
}

/// One value as an SQL literal for a column of type `ty`.
pub fn literal(ty: &AttrType, v: &Value, column: &str) -> Result<String> {
    Ok(match (ty, v) {
        (_, Value::Null) => "NULL".into(),
        (AttrType::Uuid, Value::Str(s)) => {
            let u =
                uuid::Uuid::parse_str(s).map_err(|_| Error::dj(format!("badly formed uuid {s:?} in `{column}`")))?;
            hex(u.as_bytes())
        }
        (AttrType::Blob(_), v) => hex(&pack(v)),
        (AttrType::Json, v) => quoted(&to_json_text(v, column)?),
        (AttrType::Filepath { .. }, _) => {
            return Err(Error::dj(format!("`{column}`: filepath attributes are not exported (their files are not)")))
        }
        (AttrType::Decimal { .. }, v) => mysql_text(ty, v),
        (_, Value::Float(f)) => float_repr(*f),
        (_, Value::Int(i)) => i.to_string(),
        (_, Value::Bool(b)) => (*b as i64).to_string(),
        (_, Value::Str(s)) => quoted(s),
        (_, Value::Bytes(b)) => hex(b),
        (_, other) => quoted(&crate::engine::py::value_str(other)),
    })
}

/// The table's rows as `INSERT INTO` statements (no trailing `;`), in primary-key order.
pub fn insert_statements(world: &World, info: &TableInfo) -> Result<Vec<String>> {
    let rows = world.fetch(&world.query(&info.name)?, &FetchSpec::default())?;
    let types: Vec<&AttrType> =
        rows.columns.iter().map(|c| info.attribute(c).map(|a| &a.ty).expect("fetched from the heading")).collect();
    let head = format!(
        "INSERT INTO {} ({}) VALUES\n",
        info.name.full(),
        rows.columns.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(",")
    );
    let mut out = Vec::new();
    for chunk in rows.rows.chunks(ROWS_PER_STATEMENT) {
        let mut lines = Vec::with_capacity(chunk.len());
        for row in chunk {
            let values: Vec<String> = row
                .iter()
                .zip(&types)
                .zip(&rows.columns)
                .map(|((v, ty), c)| literal(ty, v, c))
                .collect::<Result<_>>()?;
            lines.push(format!("({})", values.join(",")));
        }
        out.push(format!("{head}{}", lines.join(",\n")));
    }
    Ok(out)
}
