//! pandas DataFrames: `fetch(format="frame")`'s rows, indexed by the primary key, with the column
//! dtypes DataJoint's fetch and pandas' inference give them; and frames built from NWB series
//! (Spyglass's `fetch1_dataframe`), indexed by time.

mod repr;

use super::query::Column;
use super::types::AttrType;
use super::value::Value;
use super::{Error, Kind, Result, Rows};

/// How pandas holds a column, which decides how it prints.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Dtype {
    /// int64: DataJoint's non-nullable integers.
    Int,
    /// float64: float and double (NULL is NaN).
    Float,
    /// pandas' str: strings (NULL is NaN).
    Str,
    /// datetime64: datetime columns (NULL is NaT).
    DateTime,
    /// object: everything else (NULL is None); decimals print with their scale.
    Object { scale: Option<u8> },
}

/// A DataFrame.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// The index's names (the primary key); empty for a plain 0..n index.
    pub index_names: Vec<String>,
    /// The column labels: names, or numbers (`pd.DataFrame(array)` numbers its columns).
    pub columns: Vec<Value>,
    dtypes: Vec<Dtype>,
    /// Each row's index values, aligned with `index_names`.
    pub index: Vec<Vec<Value>>,
    /// Each row's column values, aligned with `columns`.
    pub data: Vec<Vec<Value>>,
}

impl Frame {
    /// DataJoint's `pandas.DataFrame(rows).set_index(primary_key)` over fetched rows; `heading`
    /// describes the columns. Without a primary key pandas refuses rows (`set_index([])`).
    pub fn from_rows(heading: &[Column], rows: &Rows) -> Result<Frame> {
        let col = |name: &str| heading.iter().find(|c| c.name == name);
        let key: Vec<usize> =
            (0..rows.columns.len()).filter(|&i| col(&rows.columns[i]).is_some_and(|c| c.in_key)).collect();
        let rest: Vec<usize> = (0..rows.columns.len()).filter(|i| !key.contains(i)).collect();
        let pick = |idx: &[usize], r: &[Value]| idx.iter().map(|&i| r[i].clone()).collect::<Vec<_>>();
        if key.is_empty() && !rows.rows.is_empty() {
            return Err(Error::new(
                Kind::ValueError,
                format!("Length mismatch: Expected axis has {} elements, new values have 0 elements", rows.rows.len()),
            ));
        }
        let dtypes = rest.iter().map(|&i| dtype(col(&rows.columns[i]), rows.rows.iter().map(|r| &r[i]))).collect();
        Ok(Frame {
            index_names: key.iter().map(|&i| rows.columns[i].clone()).collect(),
            columns: rest.iter().map(|&i| Value::Str(rows.columns[i].clone())).collect(),
            dtypes,
            index: rows.rows.iter().map(|r| pick(&key, r)).collect(),
            data: rows.rows.iter().map(|r| pick(&rest, r)).collect(),
        })
    }

    /// `pd.DataFrame({label: values, ...}, index=pd.Index(index, name=index_name))`: columns of
    /// one dtype each, all as long as the index.
    pub fn with_index(index_name: &str, index: Vec<Value>, columns: Vec<(Value, Dtype, Vec<Value>)>) -> Result<Frame> {
        if let Some((label, _, values)) = columns.iter().find(|(_, _, v)| v.len() != index.len()) {
            return Err(Error::new(
                Kind::ValueError,
                format!(
                    "Length of values ({}) does not match length of index ({}) in column {}",
                    values.len(),
                    index.len(),
                    super::py::value_repr(label)
                ),
            ));
        }
        let data = (0..index.len()).map(|r| columns.iter().map(|(_, _, v)| v[r].clone()).collect()).collect();
        Ok(Frame {
            index_names: vec![index_name.to_string()],
            dtypes: columns.iter().map(|(_, d, _)| *d).collect(),
            columns: columns.into_iter().map(|(label, _, _)| label).collect(),
            index: index.into_iter().map(|v| vec![v]).collect(),
            data,
        })
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.data.len()
    }

    /// No rows.
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    /// `f[label]`: a column's values (`None` if there is no such column).
    pub fn column(&self, label: &Value) -> Option<Vec<Value>> {
        let i = self.columns.iter().position(|c| c == label)?;
        Some(self.data.iter().map(|r| r[i].clone()).collect())
    }

    /// `f.head(n)`: the first n rows; a negative n drops the last |n|, as pandas does.
    pub fn head(&self, n: i64) -> Frame {
        let len = self.len() as i64;
        let keep = if n >= 0 { n.min(len) } else { (len + n).max(0) } as usize;
        Frame { index: self.index[..keep].to_vec(), data: self.data[..keep].to_vec(), ..self.clone() }
    }

    /// `repr(f)`: pandas' text table.
    pub fn repr(&self) -> String {
        repr::repr(self)
    }
}

/// The dtype: DataJoint gives non-nullable integers and floats numeric dtypes and everything
/// else `object`; pandas then infers `str` for all-string and datetime64 for datetime columns.
fn dtype<'a>(col: Option<&Column>, values: impl Iterator<Item = &'a Value>) -> Dtype {
    let values: Vec<&Value> = values.filter(|v| !matches!(v, Value::Null)).collect();
    let ty = col.and_then(|c| c.ty.as_ref());
    let nullable = col.is_none_or(|c| c.nullable);
    match ty {
        Some(AttrType::Integer { .. } | AttrType::Bool) if !nullable => Dtype::Int,
        Some(AttrType::Float { .. }) => Dtype::Float,
        Some(AttrType::Decimal { scale, .. }) => Dtype::Object { scale: Some(*scale) },
        Some(AttrType::Datetime { .. } | AttrType::Timestamp { .. }) if !values.is_empty() => Dtype::DateTime,
        Some(AttrType::Char(_) | AttrType::Varchar(_) | AttrType::Enum(_)) | None
            if !values.is_empty() && values.iter().all(|v| matches!(v, Value::Str(_))) =>
        {
            Dtype::Str
        }
        _ => Dtype::Object { scale: None },
    }
}

/// `fetch(format=...)`: whether the rows come as a frame; DataJoint refuses a format next to
/// `as_dict=True` or named attributes, and any format but "array" and "frame".
pub fn wants_frame(format: &str, separate: bool) -> Result<bool> {
    if separate {
        return Err(Error::dj(
            "Cannot specify output format when as_dict=True or when attributes are selected to be fetched separately.",
        ));
    }
    match format {
        "array" => Ok(false),
        "frame" => Ok(true),
        other => {
            Err(Error::dj(format!("Fetch output format must be in {{\"array\", \"frame\"}} but \"{other}\" was given")))
        }
    }
}
