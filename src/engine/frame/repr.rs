//! pandas' `repr(DataFrame)` under its default options (pandas 3, not in a terminal): at most
//! 60 rows (else the first and last 5), cells cut at 50 characters, columns dropped from the
//! middle to fit 80 characters, and `[N rows x M columns]` when anything was cut.

use super::{Dtype, Frame};
use crate::engine::py::value_str;
use crate::engine::value::Value;

const MAX_ROWS: usize = 60;
const MIN_ROWS: usize = 10;
const MAX_COLWIDTH: usize = 50;
const WIDTH: usize = 80;
/// `display.precision`.
const DIGITS: usize = 6;

/// The text table.
pub fn repr(f: &Frame) -> String {
    if f.is_empty() || f.columns.is_empty() {
        return empty(f);
    }
    // Vertical truncation keeps the first and last `MIN_ROWS / 2` rows.
    let rows: Vec<usize> = if f.len() > MAX_ROWS {
        (0..MIN_ROWS / 2).chain(f.len() - MIN_ROWS / 2..f.len()).collect()
    } else {
        (0..f.len()).collect()
    };
    let cut_rows = rows.len() < f.len();
    let named = !f.index_names.is_empty();
    let mut strcols = vec![index_column(f, &rows)];
    for (c, label) in f.columns.iter().enumerate() {
        let name = value_str(label);
        let values: Vec<&Value> = rows.iter().map(|&r| &f.data[r][c]).collect();
        let numeric = matches!(f.dtypes[c], Dtype::Int | Dtype::Float);
        let header = if numeric { format!(" {name}") } else { name.clone() };
        let cells = fixed_width(&format_column(f.dtypes[c], &values), header.chars().count(), false);
        let width = cells.iter().map(|s| s.chars().count()).max().unwrap_or(0).max(header.chars().count());
        let mut col = vec![justify(&header, width, false)];
        if named {
            col.push(" ".repeat(width));
        }
        col.extend(cells);
        strcols.push(col);
    }
    if cut_rows {
        let at = MIN_ROWS / 2 + if named { 2 } else { 1 };
        for (i, col) in strcols.iter_mut().enumerate() {
            let width = col.iter().map(|s| s.chars().count()).max().unwrap_or(0);
            let dots = if width > 3 { "..." } else { ".." };
            col.insert(at, justify(dots, width, i == 0));
        }
    }
    let (text, cut_cols) = fit(strcols);
    if cut_rows || cut_cols {
        format!("{text}\n\n[{} rows x {} columns]", f.len(), f.columns.len())
    } else {
        text
    }
}

/// pandas' text for a frame without rows or columns.
fn empty(f: &Frame) -> String {
    let index: Vec<String> = f.index.iter().map(|r| index_label(r)).collect();
    let columns: Vec<String> = f.columns.iter().map(value_str).collect();
    format!("Empty DataFrame\nColumns: [{}]\nIndex: [{}]", columns.join(", "), index.join(", "))
}

fn index_label(r: &[Value]) -> String {
    match r {
        [one] => value_str(one),
        many => format!("({})", many.iter().map(value_str).collect::<Vec<_>>().join(", ")),
    }
}

/// The index as one text column: a blank line for the column header, the level names, then
/// the values, left-aligned; a repeated outer level of a MultiIndex is left blank (sparsified).
fn index_column(f: &Frame, rows: &[usize]) -> Vec<String> {
    if f.index_names.is_empty() {
        let labels: Vec<String> = rows.iter().map(|r| r.to_string()).collect();
        return adjoin(&[fixed_width(&[vec![String::new()], labels].concat(), 0, true)]);
    }
    let labels: Vec<Vec<String>> = float_index(f, rows)
        .unwrap_or_else(|| rows.iter().map(|&r| f.index[r].iter().map(value_str).collect()).collect());
    let levels = f.index_names.len();
    let mut shown = labels.clone();
    for i in 1..labels.len() {
        for l in 0..levels - 1 {
            if labels[i][l] != labels[i - 1][l] {
                break;
            }
            shown[i][l] = String::new();
        }
    }
    let columns: Vec<Vec<String>> = (0..levels)
        .map(|l| {
            let strings: Vec<String> =
                std::iter::once(f.index_names[l].clone()).chain(shown.iter().map(|r| r[l].clone())).collect();
            fixed_width(&strings, 0, true)
        })
        .collect();
    let mut out = vec![String::new()];
    out.extend(adjoin(&columns));
    out
}

/// A float64 index (one level of floats) prints as a float column does, its common leading
/// space trimmed (pandas' `trim_front`): `1.687450e+09`, `-1.5` / ` 2.0`.
fn float_index(f: &Frame, rows: &[usize]) -> Option<Vec<Vec<String>>> {
    if f.index_names.len() != 1 || !f.index.iter().all(|r| matches!(r.as_slice(), [Value::Float(_)])) {
        return None;
    }
    let values: Vec<&Value> = rows.iter().map(|&r| &f.index[r][0]).collect();
    let mut cells = float_column(&values);
    while !cells.is_empty() && cells.iter().all(|c| c.starts_with(' ')) {
        cells.iter_mut().for_each(|c| {
            c.remove(0);
        });
    }
    Some(cells.into_iter().map(|c| vec![c]).collect())
}

/// The cells of one column, before justification.
fn format_column(dtype: Dtype, values: &[&Value]) -> Vec<String> {
    match dtype {
        Dtype::Int => values.iter().map(|v| with_sign_space(&value_str(v))).collect(),
        Dtype::Float => float_column(values),
        Dtype::Str => {
            values.iter().map(|v| if v.is_null() { " NaN".into() } else { format!(" {}", value_str(v)) }).collect()
        }
        Dtype::DateTime => {
            let midnight = values.iter().all(|v| v.is_null() || value_str(v).ends_with(" 00:00:00"));
            values
                .iter()
                .map(|v| match v {
                    Value::Null => "NaT".into(),
                    v if midnight => value_str(v)[..10].to_string(),
                    v => value_str(v),
                })
                .collect()
        }
        Dtype::Object { scale } => values
            .iter()
            .map(|v| match (v, scale) {
                (Value::Float(x), Some(s)) => format!(" {x:.*}", s as usize),
                (Value::Float(x), None) => trim_zeros(vec![with_sign_space(&format!("{x:.DIGITS$}"))]).remove(0),
                (v, _) => format!(" {}", value_str(v)),
            })
            .collect(),
    }
}

/// Python's `"{: d}"` / `"{: f}"`: a space where a minus sign would go.
fn with_sign_space(s: &str) -> String {
    if s.starts_with('-') {
        s.to_string()
    } else {
        format!(" {s}")
    }
}

/// A float64 column: six decimals with the zeros all values share trimmed; scientific
/// notation when a value would print as zero, or when a value above 1e6 makes the column long.
fn float_column(values: &[&Value]) -> Vec<String> {
    let xs: Vec<Option<f64>> = values.iter().map(|v| if let Value::Float(x) = v { Some(*x) } else { None }).collect();
    let render = |f: &dyn Fn(f64) -> String| -> Vec<String> {
        xs.iter().map(|x| x.map_or_else(|| "NaN".to_string(), f)).collect()
    };
    let fixed = trim_zeros(render(&|x| with_sign_space(&format!("{x:.DIGITS$}"))));
    let too_long = fixed.iter().map(|s| s.len()).max().unwrap_or(0) > DIGITS + 6;
    let large = xs.iter().flatten().any(|x| x.abs() > 1e6);
    let small = xs.iter().flatten().any(|x| x.abs() > 0.0 && x.abs() < 10f64.powi(-(DIGITS as i32)));
    if small || (too_long && large) {
        return render(&|x| with_sign_space(&scientific(x)));
    }
    fixed
}

/// Python's `"{:.6e}"`: the exponent signed and at least two digits.
fn scientific(x: f64) -> String {
    let s = format!("{x:.DIGITS$e}");
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    format!("{mantissa}e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs())
}

/// pandas' `_trim_zeros_float`: drop trailing zeros while every number ends in one, keeping
/// one digit after the point.
fn trim_zeros(mut cells: Vec<String>) -> Vec<String> {
    let is_number = |s: &str| {
        let t = s.trim_start().trim_start_matches(['+', '-']);
        t.split_once('.').is_some_and(|(a, b)| {
            !a.is_empty() && a.bytes().all(|c| c.is_ascii_digit()) && b.bytes().all(|c| c.is_ascii_digit())
        })
    };
    loop {
        let numbers: Vec<&String> = cells.iter().filter(|s| is_number(s)).collect();
        if numbers.is_empty() || !numbers.iter().all(|s| s.ends_with('0')) {
            break;
        }
        for s in cells.iter_mut().filter(|s| is_number(s)) {
            s.pop();
        }
    }
    for s in cells.iter_mut().filter(|s| is_number(s) && s.ends_with('.')) {
        s.push('0');
    }
    cells
}

/// pandas' `_make_fixed_width`: cut cells over `MAX_COLWIDTH`, then pad all to one width.
fn fixed_width(cells: &[String], minimum: usize, left: bool) -> Vec<String> {
    let len = |s: &String| s.chars().count();
    let width = cells.iter().map(len).max().unwrap_or(0).max(minimum).min(MAX_COLWIDTH);
    cells
        .iter()
        .map(|s| {
            let s = if len(s) > width {
                format!("{}...", s.chars().take(width - 3).collect::<String>())
            } else {
                s.clone()
            };
            justify(&s, width, left)
        })
        .collect()
}

fn justify(s: &str, width: usize, left: bool) -> String {
    if left {
        format!("{s:<width$}")
    } else {
        format!("{s:>width$}")
    }
}

/// pandas' `adjoin(1, ...)`: columns side by side, one space apart, each padded to its width.
fn adjoin(columns: &[Vec<String>]) -> Vec<String> {
    let widths: Vec<usize> = columns.iter().map(|c| c.iter().map(|s| s.chars().count()).max().unwrap_or(0)).collect();
    let rows = columns.iter().map(Vec::len).max().unwrap_or(0);
    (0..rows)
        .map(|r| {
            let cells: Vec<String> = columns
                .iter()
                .zip(&widths)
                .map(|(c, &w)| justify(c.get(r).map_or("", |s| s.as_str()), w, true))
                .collect();
            cells.join(" ")
        })
        .collect()
}

/// Drop columns from the middle until the table fits `WIDTH` (pandas'
/// `_fit_strcols_to_terminal_width`); says whether any were dropped.
fn fit(strcols: Vec<Vec<String>>) -> (String, bool) {
    let mut lens: Vec<usize> = strcols.iter().map(|c| c.iter().map(|s| s.chars().count()).max().unwrap_or(0)).collect();
    let total = lens.iter().sum::<usize>() + lens.len() - 1;
    let mut over = total as i64 - WIDTH as i64 + 1;
    if over <= 0 {
        return (adjoin(&strcols).join("\n"), false);
    }
    over += 5; // the " ..." column and its space
    let mut n = lens.len();
    while over > 0 && n > 1 {
        let mid = round_half_even(n as f64 / 2.0);
        over -= lens.remove(mid) as i64 + 1;
        n -= 1;
    }
    let fitted = (n - 1).max(2);
    let data = strcols.len() - 1;
    if fitted >= data {
        return (adjoin(&strcols).join("\n"), false);
    }
    let half = fitted / 2;
    let rows = strcols[0].len();
    let mut kept: Vec<Vec<String>> = strcols[..=half].to_vec();
    kept.push(vec![" ...".to_string(); rows]);
    kept.extend_from_slice(&strcols[strcols.len() - half..]);
    (adjoin(&kept).join("\n"), true)
}

/// Python's `round`: halves go to the even neighbour.
fn round_half_even(x: f64) -> usize {
    let r = x.round();
    if (x - x.trunc() - 0.5).abs() < f64::EPSILON && r as usize % 2 == 1 {
        (r - 1.0) as usize
    } else {
        r as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_share_their_trimmed_decimals() {
        let cells = |xs: &[f64]| -> Vec<String> {
            let values: Vec<Value> = xs.iter().map(|x| Value::Float(*x)).collect();
            float_column(&values.iter().collect::<Vec<_>>())
        };
        assert_eq!(cells(&[3.5, 12.25]), [" 3.50", " 12.25"]);
        assert_eq!(cells(&[1.0, 2.0]), [" 1.0", " 2.0"]);
        assert_eq!(cells(&[1e-7, 1.0]), [" 1.000000e-07", " 1.000000e+00"]);
        assert_eq!(cells(&[1e7, 1.5]), [" 10000000.0", " 1.5"]);
        assert_eq!(cells(&[1e9, -1.0]), [" 1.000000e+09", "-1.000000e+00"]);
    }

    #[test]
    fn python_rounds_halves_to_even() {
        assert_eq!([0.5, 1.5, 2.5, 3.0, 3.5].map(round_half_even), [0, 2, 2, 3, 4]);
    }
}
