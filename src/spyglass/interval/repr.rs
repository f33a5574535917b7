//! How Spyglass prints an Interval: `Interval(` and each row as numpy's `array2string` prints it
//! (default options: 8 significant fractional digits at most, trailing zeros trimmed, the
//! row's cells padded to one width, scientific notation when a value is 1e8 or more, below
//! 1e-4, or the largest is over 1000 times the smallest), rows joined by a newline and a tab.

use super::Times;

/// `repr(interval)`: `Interval([0.  1.5]\n\t[3. 4.])`; `Interval()` when empty.
pub fn repr(times: &Times) -> String {
    let rows: Vec<String> = times.rows().iter().map(|r| row(r, times.is_int(), " ")).collect();
    format!("Interval({})", rows.join("\n\t"))
}

/// `Interval.to_str(times)` (its log lines): rows with `, ` between cells, joined by spaces.
pub fn to_str(times: &Times) -> String {
    times.rows().iter().map(|r| row(r, times.is_int(), ", ")).collect::<Vec<_>>().join(" ")
}

/// `np.array2string(row, separator=sep)`.
pub fn row(values: &[f64], int: bool, sep: &str) -> String {
    let cells = if int { ints(values) } else { floats(values) };
    format!("[{}]", cells.join(sep))
}

/// numpy's IntegerFormat: right-aligned to the widest of the largest and smallest.
fn ints(values: &[f64]) -> Vec<String> {
    let texts: Vec<String> = values.iter().map(|v| (*v as i64).to_string()).collect();
    let width = texts.iter().map(String::len).max().unwrap_or(0);
    texts.iter().map(|t| format!("{t:>width$}")).collect()
}

/// At most this many fractional digits.
const PRECISION: usize = 8;

/// numpy's FloatingFormat in `maxprec` mode.
fn floats(values: &[f64]) -> Vec<String> {
    let finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    let magnitudes: Vec<f64> = finite.iter().map(|v| v.abs()).filter(|v| *v != 0.0).collect();
    let exp = match (magnitudes.iter().copied().reduce(f64::max), magnitudes.iter().copied().reduce(f64::min)) {
        (Some(max), Some(min)) => max >= 1e8 || min < 1e-4 || max / min > 1e3,
        _ => false,
    };
    // Each finite value as (integer part, fractional digits, exponent) at its shortest.
    let parts: Vec<(String, String, Option<i32>)> =
        finite.iter().map(|v| if exp { scientific(*v) } else { positional(*v) }).collect();
    let pad_left = parts.iter().map(|p| p.0.len()).max().unwrap_or(0);
    let frac = parts.iter().map(|p| p.1.len()).max().unwrap_or(0);
    let exp_digits = parts.iter().filter_map(|p| p.2).map(|e| e.unsigned_abs().to_string().len().max(2)).max();
    let pad_right = match exp_digits {
        Some(d) => d + 2 + frac,
        None => frac,
    };
    // Room for `nan`, `inf` and `-inf` in the same width.
    let neg_inf = values.contains(&f64::NEG_INFINITY);
    let pad_left = if finite.len() < values.len() {
        pad_left.max((3 + usize::from(neg_inf)).saturating_sub(pad_right + 1))
    } else {
        pad_left
    };
    let mut finite_parts = parts.into_iter();
    values
        .iter()
        .map(|v| {
            if !v.is_finite() {
                let text = if v.is_nan() {
                    "nan"
                } else if *v > 0.0 {
                    "inf"
                } else {
                    "-inf"
                };
                return format!("{text:>width$}", width = pad_left + pad_right + 1);
            }
            let (int, digits, e) = finite_parts.next().unwrap_or_default();
            match (e, exp_digits) {
                (Some(e), Some(d)) => {
                    let sign = if e < 0 { '-' } else { '+' };
                    format!("{int:>pad_left$}.{digits:0<frac$}e{sign}{:0>d$}", e.unsigned_abs())
                }
                _ => format!("{int:>pad_left$}.{digits:<frac$}"),
            }
        })
        .collect()
}

/// Trailing zeros off a fraction.
fn trim(digits: &str) -> String {
    digits.trim_end_matches('0').to_string()
}

/// `dragon4_positional(v, precision=8, unique=True, trim='.')`: the shortest digits that read
/// back as `v`, rounded to 8 fractional digits if longer.
fn positional(v: f64) -> (String, String, Option<i32>) {
    let shortest = format!("{v}");
    let text = match shortest.split_once('.') {
        Some((_, frac)) if frac.len() > PRECISION => format!("{v:.PRECISION$}"),
        _ => shortest,
    };
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    (int.to_string(), trim(frac), None)
}

/// `dragon4_scientific(v, precision=8, unique=True, trim='.')`: the mantissa's shortest digits,
/// rounded to 8 fractional digits if longer, and the exponent.
fn scientific(v: f64) -> (String, String, Option<i32>) {
    let shortest = format!("{v:e}");
    let (mantissa, _) = shortest.split_once('e').unwrap_or((&shortest, "0"));
    let text = match mantissa.split_once('.') {
        Some((_, frac)) if frac.len() > PRECISION => format!("{v:.PRECISION$e}"),
        _ => shortest.clone(),
    };
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    (int.to_string(), trim(frac), Some(exponent.parse().unwrap_or(0)))
}
