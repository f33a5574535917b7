//! MySQL 8.0's string and number → DATE/DATETIME/TIMESTAMP/TIME/YEAR conversion under
//! NO_ZERO_DATE + NO_ZERO_IN_DATE + strict mode. `None` means "incorrect value" (1292) for the
//! caller to report; canonical text is what MySQL would print back.

/// A calendar date and time of day, with microseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct DateTime {
    y: u32,
    mo: u32,
    d: u32,
    h: u32,
    mi: u32,
    s: u32,
    us: u32,
}

/// Gregorian leap year.
pub(crate) fn leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

/// Days in month `m` (1–12) of year `y`.
pub(crate) fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap(y) => 29,
        _ => 28,
    }
}

/// Two-digit years: 00–69 are 2000–2069, 70–99 are 1970–1999 (MySQL's rule).
fn full_year(digits: &str, y: u32) -> u32 {
    if digits.len() <= 2 {
        if y < 70 {
            y + 2000
        } else {
            y + 1900
        }
    } else {
        y
    }
}

/// Microseconds from a fraction's digits, rounded at the seventh digit.
fn micros(frac: &str) -> u32 {
    let mut us = 0u32;
    for i in 0..6 {
        us = us * 10 + frac.as_bytes().get(i).map_or(0, |b| u32::from(b - b'0'));
    }
    if frac.as_bytes().get(6).is_some_and(|b| *b >= b'5') {
        us += 1;
    }
    us
}

/// Round microseconds to `fsp` digits; true in the second element when a whole second carries.
/// MySQL 8.0 rounds (MariaDB truncates; we follow MySQL).
fn round_fsp(us: u32, fsp: u8) -> (u32, bool) {
    let div = 10u32.pow(6 - u32::from(fsp.min(6)));
    let r = (us + div / 2) / div * div;
    if r >= 1_000_000 {
        (0, true)
    } else {
        (r, false)
    }
}

impl DateTime {
    fn valid(&self) -> bool {
        self.y <= 9999
            && (1..=12).contains(&self.mo)
            && self.d >= 1
            && i64::from(self.d) <= days_in_month(i64::from(self.y), i64::from(self.mo))
            && self.h < 24
            && self.mi < 60
            && self.s < 60
    }

    fn add_second(&mut self) {
        self.s += 1;
        if self.s == 60 {
            self.s = 0;
            self.mi += 1;
        }
        if self.mi == 60 {
            self.mi = 0;
            self.h += 1;
        }
        if self.h == 24 {
            self.h = 0;
            self.d += 1;
        }
        if i64::from(self.d) > days_in_month(i64::from(self.y), i64::from(self.mo)) {
            self.d = 1;
            self.mo += 1;
        }
        if self.mo > 12 {
            self.mo = 1;
            self.y += 1;
        }
    }

    fn round(mut self, fsp: u8) -> Option<Self> {
        let (us, carry) = round_fsp(self.us, fsp);
        self.us = us;
        if carry {
            self.add_second();
        }
        (self.y <= 9999).then_some(self)
    }

    /// 'YYYY-MM-DD'.
    pub fn date_text(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.y, self.mo, self.d)
    }

    /// 'YYYY-MM-DD HH:MM:SS[.f]' with `fsp` fraction digits.
    pub fn datetime_text(&self, fsp: u8) -> String {
        let mut s = format!("{} {:02}:{:02}:{:02}", self.date_text(), self.h, self.mi, self.s);
        push_fraction(&mut s, self.us, fsp);
        s
    }
}

fn push_fraction(s: &mut String, us: u32, fsp: u8) {
    if fsp > 0 {
        let f = format!("{us:06}");
        s.push('.');
        s.push_str(&f[..usize::from(fsp.min(6))]);
    }
}

fn num(digits: &str) -> Option<u32> {
    if digits.is_empty() || digits.len() > 9 {
        return None;
    }
    digits.parse().ok()
}

/// A datetime from digits only: YYYYMMDD, YYMMDD, YYYYMMDDhhmmss or YYMMDDhhmmss.
fn from_digits(digits: &str, frac: &str) -> Option<DateTime> {
    let (ylen, has_time) = match digits.len() {
        8 => (4, false),
        6 => (2, false),
        14 => (4, true),
        12 => (2, true),
        _ => return None,
    };
    let part = |a: usize, b: usize| digits.get(a..b).and_then(num);
    let y = full_year(&digits[..ylen], part(0, ylen)?);
    let mut dt = DateTime { y, mo: part(ylen, ylen + 2)?, d: part(ylen + 2, ylen + 4)?, h: 0, mi: 0, s: 0, us: 0 };
    if has_time {
        let t = ylen + 4;
        dt.h = part(t, t + 2)?;
        dt.mi = part(t + 2, t + 4)?;
        dt.s = part(t + 4, t + 6)?;
        dt.us = micros(frac);
    } else if !frac.is_empty() {
        return None;
    }
    Some(dt)
}

/// Split leading digits off `s`.
fn digits(s: &str) -> (&str, &str) {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    s.split_at(n)
}

/// One delimiter: any single ASCII punctuation character.
fn delim(s: &str) -> Option<&str> {
    let c = s.chars().next()?;
    c.is_ascii_punctuation().then(|| &s[1..])
}

/// A delimited datetime: 'Y-M-D', then optionally 'T' or spaces and 'h:m[:s[.f]]'.
fn from_delimited(s: &str) -> Option<DateTime> {
    let (y, rest) = digits(s);
    let (mo, rest) = digits(delim(rest)?);
    let (d, rest) = digits(delim(rest)?);
    if y.len() > 4 || mo.len() > 2 || d.len() > 2 {
        return None;
    }
    let mut dt = DateTime { y: full_year(y, num(y)?), mo: num(mo)?, d: num(d)?, h: 0, mi: 0, s: 0, us: 0 };
    let rest = match rest.strip_prefix(['T', 't']) {
        Some(r) => r,
        None if rest.is_empty() => return Some(dt),
        None => {
            let r = rest.trim_start_matches(' ');
            if r.len() == rest.len() {
                return None;
            }
            r
        }
    };
    let (h, rest) = digits(rest);
    let (mi, rest) = digits(rest.strip_prefix(':')?);
    dt.h = num(h)?;
    dt.mi = num(mi)?;
    if h.len() > 2 || mi.len() > 2 {
        return None;
    }
    let Some(rest) = rest.strip_prefix(':') else {
        return rest.is_empty().then_some(dt);
    };
    let (sec, rest) = digits(rest);
    if sec.len() > 2 {
        return None;
    }
    dt.s = num(sec)?;
    match rest.strip_prefix('.') {
        None if rest.is_empty() => Some(dt),
        None => None,
        Some(f) => {
            let (frac, tail) = digits(f);
            dt.us = micros(frac);
            tail.is_empty().then_some(dt)
        }
    }
}

/// Parse a datetime string as MySQL does for DATE/DATETIME/TIMESTAMP columns, rounded to `fsp`.
pub fn parse_datetime(text: &str, fsp: u8) -> Option<DateTime> {
    let s = text.trim();
    let (int, rest) = digits(s);
    let dt = if !int.is_empty() && (rest.is_empty() || rest.starts_with('.') && digits(&rest[1..]).1.is_empty()) {
        from_digits(int, rest.get(1..).unwrap_or(""))?
    } else {
        from_delimited(s)?
    };
    let dt = dt.round(fsp)?;
    dt.valid().then_some(dt)
}

/// A number as MySQL reads it into a date (`number_to_datetime`): 20200101, 200101, with times.
pub fn datetime_from_int(n: i64, fsp: u8) -> Option<DateTime> {
    let text = match n {
        101..=691_231 => format!("20{n:06}"),
        700_101..=991_231 => format!("19{n:06}"),
        10_000_101..=99_991_231 => n.to_string(),
        101_000_000..=691_231_235_959 => format!("20{n:012}"),
        700_101_000_000..=991_231_235_959 => format!("19{n:012}"),
        10_000_101_000_000..=99_991_231_235_959 => n.to_string(),
        _ => return None,
    };
    parse_datetime(&text, fsp)
}

/// TIMESTAMP's range, '1970-01-01 00:00:01' to '2038-01-19 03:14:07' UTC (the sandbox's
/// session time zone is UTC).
pub fn timestamp_in_range(dt: &DateTime) -> bool {
    let lo = DateTime { y: 1970, mo: 1, d: 1, h: 0, mi: 0, s: 1, us: 0 };
    let hi = DateTime { y: 2038, mo: 1, d: 19, h: 3, mi: 14, s: 7, us: 999_999 };
    (lo..=hi).contains(dt)
}

/// Parse a TIME value: '[-][D ]h:m[:s[.f]]' or digits '[h]hmmss[.f]'; range ±838:59:59.
pub fn parse_time(text: &str, fsp: u8) -> Option<String> {
    let s = text.trim();
    let (neg, s) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s),
    };
    let (h, mi, sec, frac) = if s.contains(':') {
        let (days, s) = match s.split_once(' ') {
            Some((d, r)) => (num(d)?, r.trim_start()),
            None => (0, s),
        };
        if days > 34 {
            return None;
        }
        let (h, rest) = digits(s);
        let (mi, rest) = digits(rest.strip_prefix(':')?);
        let (sec, rest) = match rest.strip_prefix(':') {
            Some(r) => digits(r),
            None => ("0", rest),
        };
        let frac = match rest.strip_prefix('.') {
            Some(f) => {
                let (f, tail) = digits(f);
                if !tail.is_empty() {
                    return None;
                }
                f
            }
            None if rest.is_empty() => "",
            None => return None,
        };
        if mi.len() > 2 || sec.len() > 2 {
            return None;
        }
        (days * 24 + num(h)?, num(mi)?, num(sec)?, frac)
    } else {
        let (int, rest) = digits(s);
        let frac = match rest.strip_prefix('.') {
            Some(f) if digits(f).1.is_empty() => f,
            None if rest.is_empty() => "",
            _ => return None,
        };
        if int.is_empty() || int.len() > 7 {
            return None;
        }
        let n = num(int)?;
        (n / 10000, n / 100 % 100, n % 100, frac)
    };
    if mi > 59 || sec > 59 {
        return None;
    }
    let (us, carry) = round_fsp(micros(frac), fsp);
    let total = u64::from(h) * 3600 + u64::from(mi) * 60 + u64::from(sec) + u64::from(carry);
    if total > 838 * 3600 + 59 * 60 + 59 || total == 838 * 3600 + 59 * 60 + 59 && us > 0 {
        return None;
    }
    let mut out = format!(
        "{}{:02}:{:02}:{:02}",
        if neg && (total > 0 || us > 0) { "-" } else { "" },
        total / 3600,
        total / 60 % 60,
        total % 60
    );
    push_fraction(&mut out, us, fsp);
    Some(out)
}

/// YEAR from a number: 0 stays 0 (year 0000), 1–69 → 2001–2069, 70–99 → 1970–1999,
/// else 1901–2155; `None` is out of range (1264).
pub fn year_from_int(n: i64) -> Option<i64> {
    match n {
        0 => Some(0),
        1..=69 => Some(n + 2000),
        70..=99 => Some(n + 1900),
        1901..=2155 => Some(n),
        _ => None,
    }
}

/// YEAR from a string: as a number, except that '0' and '00' mean 2000.
pub fn year_from_str_int(digits_text: &str, n: i64) -> Option<i64> {
    if n == 0 && !digits_text.is_empty() && digits_text.len() <= 2 {
        return Some(2000);
    }
    year_from_int(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dt(s: &str, fsp: u8) -> Option<String> {
        parse_datetime(s, fsp).map(|d| d.datetime_text(fsp))
    }

    // oracle: MariaDB 10.11 accepted/rejected the same strings into a DATE column.
    #[test]
    fn dates_in_mysql_forms() {
        let d = |s: &str| parse_datetime(s, 0).map(|d| d.date_text());
        assert_eq!(d("2020-02-29").as_deref(), Some("2020-02-29"));
        assert_eq!(d("2021-02-29"), None);
        assert_eq!(d("2020-13-45"), None);
        assert_eq!(d("20200101").as_deref(), Some("2020-01-01"));
        assert_eq!(d("2020-1-5").as_deref(), Some("2020-01-05"));
        assert_eq!(d("20-01-05").as_deref(), Some("2020-01-05"));
        assert_eq!(d("2020/01/05").as_deref(), Some("2020-01-05"));
        assert_eq!(d("2020-01-01 10:00:00").as_deref(), Some("2020-01-01"));
        assert_eq!(d("2020-01-01T10:00").as_deref(), Some("2020-01-01"));
        assert_eq!(d("0000-00-00"), None);
        assert_eq!(d("2020-00-01"), None);
        assert_eq!(d("0000-01-01").as_deref(), Some("0000-01-01"));
        assert_eq!(d("abc"), None);
        assert_eq!(d("1900-02-29"), None);
        assert_eq!(d("2000-02-29").as_deref(), Some("2000-02-29"));
    }

    #[test]
    fn datetimes_round_to_fsp_like_mysql_8() {
        // MySQL 8.0 rounds fractional seconds (MariaDB, the oracle, truncates: 10:00:00).
        assert_eq!(dt("2020-01-01 10:00:00.6", 0).as_deref(), Some("2020-01-01 10:00:01"));
        assert_eq!(dt("2020-12-31 23:59:59.5", 0).as_deref(), Some("2021-01-01 00:00:00"));
        assert_eq!(dt("2020-01-01 10:00:00.1234567", 3).as_deref(), Some("2020-01-01 10:00:00.123"));
        assert_eq!(dt("2020-01-01", 0).as_deref(), Some("2020-01-01 00:00:00"));
        assert_eq!(dt("2020-01-01T10:00:00", 0).as_deref(), Some("2020-01-01 10:00:00"));
        assert_eq!(dt("2020-01-01 10:00", 0).as_deref(), Some("2020-01-01 10:00:00"));
        assert_eq!(dt("2020-01-01 25:00:00", 0), None);
        assert_eq!(dt("20200101101010", 0).as_deref(), Some("2020-01-01 10:10:10"));
        assert_eq!(dt("2020-01-01 10:00:00", 3).as_deref(), Some("2020-01-01 10:00:00.000"));
    }

    #[test]
    fn numbers_as_dates() {
        assert_eq!(datetime_from_int(20200101, 0).map(|d| d.date_text()).as_deref(), Some("2020-01-01"));
        assert_eq!(
            datetime_from_int(20200101101010, 0).map(|d| d.datetime_text(0)).as_deref(),
            Some("2020-01-01 10:10:10")
        );
        assert_eq!(datetime_from_int(5, 0), None);
    }

    // oracle: '1970-01-01 00:00:00' and '2038-01-19 03:14:08' rejected, '2038-01-19 03:14:07' kept.
    #[test]
    fn timestamp_range() {
        let p = |s| parse_datetime(s, 0).unwrap();
        assert!(!timestamp_in_range(&p("1970-01-01 00:00:00")));
        assert!(timestamp_in_range(&p("2038-01-19 03:14:07")));
        assert!(!timestamp_in_range(&p("2038-01-19 03:14:08")));
    }

    // oracle: same accept/reject on MariaDB's TIME column.
    #[test]
    fn times() {
        let t = |s| parse_time(s, 0);
        assert_eq!(t("10:00:00").as_deref(), Some("10:00:00"));
        assert_eq!(t("838:59:59").as_deref(), Some("838:59:59"));
        assert_eq!(t("839:00:00"), None);
        assert_eq!(t("-838:59:59").as_deref(), Some("-838:59:59"));
        assert_eq!(t("1 10:00:00").as_deref(), Some("34:00:00"));
        assert_eq!(t("10:00").as_deref(), Some("10:00:00"));
        assert_eq!(t("100000").as_deref(), Some("10:00:00"));
        assert_eq!(t("12").as_deref(), Some("00:00:12"));
        assert_eq!(t("abc"), None);
        assert_eq!(t("10:60:00"), None);
        assert_eq!(parse_time("10:00:00.5", 1).as_deref(), Some("10:00:00.5"));
    }

    // oracle: 1900 and 2156 out of range; 0 → 0; '0' and '00' → 2000; 69 → 2069; 70 → 1970; 5 → 2005.
    #[test]
    fn years() {
        assert_eq!(year_from_int(1901), Some(1901));
        assert_eq!(year_from_int(1900), None);
        assert_eq!(year_from_int(2156), None);
        assert_eq!(year_from_int(0), Some(0));
        assert_eq!(year_from_str_int("0", 0), Some(2000));
        assert_eq!(year_from_str_int("00", 0), Some(2000));
        assert_eq!(year_from_int(69), Some(2069));
        assert_eq!(year_from_int(70), Some(1970));
        assert_eq!(year_from_int(5), Some(2005));
    }
}
