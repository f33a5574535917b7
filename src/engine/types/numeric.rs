//! Numbers as MySQL 8.0 reads them from strings (exact decimal arithmetic, rounding half away
//! from zero, as `my_strtoll10rnd` and the decimal library do), Python's `float()` parser that
//! DataJoint applies to numeric attributes first, and MySQL's double → string conversion.

use crate::engine::error::{Error, Kind, Result};
use crate::engine::py;
use crate::engine::value::Value;

/// A decimal number read from the start of a string.
#[derive(Debug, Clone, PartialEq)]
pub struct Decimal {
    /// A minus sign was present.
    pub neg: bool,
    /// Digits before the point, no leading zeros.
    pub int: String,
    /// Digits after the point.
    pub frac: String,
}

/// How much of a string was a number.
#[derive(Debug, Clone, PartialEq)]
pub enum Scan {
    /// No number at all (MySQL 1366 "Incorrect ... value").
    Bad,
    /// A number followed by other text (1265 "Data truncated").
    Truncated(Decimal),
    /// The whole string (up to trailing spaces) was the number.
    Whole(Decimal),
}

/// Exponents beyond this make any column overflow or round to zero.
const EXP_CAP: i64 = 400;

/// Read `[spaces][sign]digits[.digits][e[sign]digits][spaces]` as MySQL does.
pub fn scan(s: &str) -> Scan {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    let neg = b.get(i) == Some(&b'-');
    if matches!(b.get(i), Some(b'-' | b'+')) {
        i += 1;
    }
    let start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let int_digits = &s[start..i];
    let mut frac_digits = "";
    if b.get(i) == Some(&b'.') {
        let f = i + 1;
        let mut j = f;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        frac_digits = &s[f..j];
        if !int_digits.is_empty() || !frac_digits.is_empty() {
            i = j;
        }
    }
    if int_digits.is_empty() && frac_digits.is_empty() {
        return Scan::Bad;
    }
    let mut exp: i64 = 0;
    if matches!(b.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        let eneg = b.get(j) == Some(&b'-');
        if matches!(b.get(j), Some(b'-' | b'+')) {
            j += 1;
        }
        let es = j;
        while j < b.len() && b[j].is_ascii_digit() {
            exp = (exp * 10 + i64::from(b[j] - b'0')).min(EXP_CAP * 10);
            j += 1;
        }
        if j > es {
            i = j;
            if eneg {
                exp = -exp;
            }
        } else {
            exp = 0;
        }
    }
    let d = shift(neg, int_digits, frac_digits, exp.clamp(-EXP_CAP, EXP_CAP));
    if s[i..].bytes().all(|c| c == b' ') {
        Scan::Whole(d)
    } else {
        Scan::Truncated(d)
    }
}

/// Move the decimal point `exp` places right.
fn shift(neg: bool, int: &str, frac: &str, exp: i64) -> Decimal {
    let all = format!("{int}{frac}");
    let point = int.len() as i64 + exp;
    let (int, frac) = if point <= 0 {
        (String::new(), format!("{}{}", "0".repeat((-point) as usize), all))
    } else if point as usize >= all.len() {
        (format!("{all}{}", "0".repeat(point as usize - all.len())), String::new())
    } else {
        (all[..point as usize].to_string(), all[point as usize..].to_string())
    };
    Decimal { neg, int: int.trim_start_matches('0').to_string(), frac }
}

impl Decimal {
    /// Round to `scale` fraction digits, half away from zero.
    pub fn round(&self, scale: usize) -> Decimal {
        let mut frac: Vec<u8> = self.frac.bytes().collect();
        frac.resize(frac.len().max(scale), b'0');
        let up = frac.get(scale).is_some_and(|d| *d >= b'5');
        frac.truncate(scale);
        let mut digits: Vec<u8> = self.int.bytes().chain(frac.iter().copied()).collect();
        if up {
            let mut k = digits.len();
            loop {
                if k == 0 {
                    digits.insert(0, b'1');
                    break;
                }
                k -= 1;
                if digits[k] == b'9' {
                    digits[k] = b'0';
                } else {
                    digits[k] += 1;
                    break;
                }
            }
        }
        let split = digits.len() - scale;
        let int = String::from_utf8_lossy(&digits[..split]).trim_start_matches('0').to_string();
        Decimal { neg: self.neg, int, frac: String::from_utf8_lossy(&digits[split..]).into_owned() }
    }

    /// True when every digit is zero.
    pub fn is_zero(&self) -> bool {
        self.int.is_empty() && self.frac.bytes().all(|d| d == b'0')
    }

    /// The integer value, or `None` when it does not fit in i128.
    pub fn to_i128(&self) -> Option<i128> {
        let r = self.round(0);
        let mag: i128 = if r.int.is_empty() { 0 } else { r.int.parse().ok()? };
        Some(if self.neg { -mag } else { mag })
    }

    /// Canonical text: `-12.50`.
    pub fn text(&self) -> String {
        let int = if self.int.is_empty() { "0" } else { &self.int };
        let sign = if self.neg && !self.is_zero() { "-" } else { "" };
        if self.frac.is_empty() {
            format!("{sign}{int}")
        } else {
            format!("{sign}{int}.{}", self.frac)
        }
    }

    /// The nearest double.
    pub fn to_f64(&self) -> f64 {
        self.text().parse().unwrap_or(f64::INFINITY)
    }
}

/// Python's `float(v)` as DataJoint's `__make_placeholder` calls it on numeric attributes
/// (`np.isnan(float(value))`): its ValueError/TypeError reach the user before MySQL is asked.
pub fn python_float(v: &Value) -> Result<f64> {
    match v {
        Value::Null => Ok(f64::NAN),
        Value::Bool(b) => Ok(f64::from(u8::from(*b))),
        Value::Int(i) => Ok(*i as f64),
        Value::Float(f) => Ok(*f),
        Value::Str(s) => parse_python_float(s).ok_or_else(|| {
            Error::new(Kind::ValueError, format!("could not convert string to float: {}", py::str_repr(s)))
        }),
        Value::Bytes(b) => std::str::from_utf8(b).ok().and_then(parse_python_float).ok_or_else(|| {
            Error::new(Kind::ValueError, format!("could not convert string to float: {}", py::value_repr(v)))
        }),
        Value::List(_) => Err(float_type_error("list")),
        Value::Map(_) => Err(float_type_error("dict")),
    }
}

fn float_type_error(t: &str) -> Error {
    Error::new(Kind::TypeError, format!("float() argument must be a string or a real number, not '{t}'"))
}

/// Python's float literal grammar: whitespace, sign, digits with single underscores between
/// them, optional fraction and exponent, or inf/infinity/nan.
fn parse_python_float(s: &str) -> Option<f64> {
    let t = s.trim();
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let mag = match lower.as_str() {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => {
            if !valid_underscores(body) {
                return None;
            }
            let clean: String = body.chars().filter(|c| *c != '_').collect();
            if clean.is_empty()
                || !clean.bytes().all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-'))
            {
                return None;
            }
            clean.parse::<f64>().ok()?
        }
    };
    Some(if neg { -mag } else { mag })
}

/// Underscores only between two digits.
fn valid_underscores(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().all(|(i, c)| {
        *c != b'_' || (i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit))
    })
}

/// Python's `str(value)` for what DataJoint sends for a numeric attribute.
pub fn python_str(v: &Value) -> String {
    match v {
        Value::Bool(b) => u8::from(*b).to_string(),
        other => py::value_str(other),
    }
}

/// A double as MySQL prints it into a string column: shortest round-trip digits, positional
/// unless the decimal exponent is at least 15 or below -15 ('1e15', '1e-20', '0.00000015', '1').
// oracle: MariaDB printed 1e15 → '1e15', 123456789012345.0 → '123456789012345',
// 1.234e-15 → '0.000000000000001234', 1e-20 → '1e-20', -0.0 → '0'.
pub fn mysql_double_text(f: f64) -> String {
    if f == 0.0 {
        return "0".into();
    }
    let sci = format!("{f:e}");
    let Some((mant, exp)) = sci.split_once('e') else { return sci };
    let exp: i64 = exp.parse().unwrap_or(0);
    let (sign, mant) = match mant.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mant),
    };
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    if !(-15..15).contains(&exp) {
        let (first, rest) = digits.split_at(1);
        let dot = if rest.is_empty() { String::new() } else { format!(".{rest}") };
        return format!("{sign}{first}{dot}e{exp}");
    }
    let d = shift(false, &digits[..1], &digits[1..], exp);
    let mut out = format!("{sign}{}", if d.int.is_empty() { "0" } else { &d.int });
    let frac = d.frac.trim_end_matches('0');
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(s: &str) -> Decimal {
        match scan(s) {
            Scan::Whole(d) => d,
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn scan_classifies_like_mysql() {
        assert_eq!(scan("abc"), Scan::Bad);
        assert_eq!(scan(""), Scan::Bad);
        assert!(matches!(scan("12abc"), Scan::Truncated(_)));
        assert!(matches!(scan("1_000"), Scan::Truncated(_)));
        assert!(matches!(scan("0x10"), Scan::Truncated(_)));
        assert_eq!(whole(" 12 ").text(), "12");
        assert_eq!(whole("1e3").text(), "1000");
        assert_eq!(whole("+5").text(), "5");
        assert_eq!(whole(".5").text(), "0.5");
        assert_eq!(whole("1.5e-2").text(), "0.015");
    }

    // oracle: '3.5' → 4, '2.5' → 3, '-2.5' → -3, '.5' → 1, '12.4' → 12 into INT.
    #[test]
    fn integers_round_half_away_from_zero() {
        for (s, n) in [("3.5", 4), ("2.5", 3), ("-2.5", -3), (".5", 1), ("12.4", 12), ("-0.4", 0)] {
            assert_eq!(whole(s).to_i128(), Some(n), "{s}");
        }
    }

    // oracle: decimal(5,2) ← 99.999 → 100.00, 0.125 → 0.13, '-999.994' → -999.99.
    #[test]
    fn decimals_round_half_away_from_zero() {
        assert_eq!(whole("99.999").round(2).text(), "100.00");
        assert_eq!(whole("0.125").round(2).text(), "0.13");
        assert_eq!(whole("-999.994").round(2).text(), "-999.99");
        assert_eq!(whole("999.995").round(2).text(), "1000.00");
        assert_eq!(whole("1e2").round(2).text(), "100.00");
    }

    #[test]
    fn python_float_accepts_what_python_does() {
        assert_eq!(python_float(&Value::from(" 1_0 ")).unwrap(), 10.0);
        assert!(python_float(&Value::from("nan")).unwrap().is_nan());
        assert_eq!(python_float(&Value::from("-inf")).unwrap(), f64::NEG_INFINITY);
        let e = python_float(&Value::from("abc")).unwrap_err();
        assert_eq!((e.kind, e.message.as_str()), (Kind::ValueError, "could not convert string to float: 'abc'"));
        let e = python_float(&Value::List(vec![])).unwrap_err();
        assert_eq!(e.message, "float() argument must be a string or a real number, not 'list'");
        assert!(python_float(&Value::from("1__0")).is_err());
    }

    // oracle: MariaDB's varchar(30) ← these Python floats.
    #[test]
    fn doubles_print_like_mysql() {
        for (f, s) in [
            (1.0, "1"),
            (3.5, "3.5"),
            (0.1, "0.1"),
            (1e20, "1e20"),
            (1.5e-7, "0.00000015"),
            (1.2345678901234568e17, "1.2345678901234568e17"),
            (1e15, "1e15"),
            (123456789012345.0, "123456789012345"),
            (999999999999999.9, "999999999999999.9"),
            (0.0001, "0.0001"),
            (1e-5, "0.00001"),
            (1.234e-15, "0.000000000000001234"),
            (1e-20, "1e-20"),
            (-1e20, "-1e20"),
            (-0.0, "0"),
            (6666666666.666666, "6666666666.666666"),
        ] {
            assert_eq!(mysql_double_text(f), s, "{f}");
        }
    }
}
