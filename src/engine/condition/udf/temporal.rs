//! MySQL's date and time functions over the ISO text the sandbox stores ('YYYY-MM-DD',
//! 'YYYY-MM-DD HH:MM:SS[.ffffff]'): reading strings and numbers as dates as MySQL does, date
//! arithmetic (month ends clamp: 2020-01-31 + 1 month = 2020-02-29), DATEDIFF, TIMESTAMPDIFF and
//! DATE_FORMAT. Invalid input gives NULL, as MySQL does (with a warning).

use crate::engine::types::temporal::days_in_month;
use std::cmp::Ordering;

use rusqlite::functions::Context;
use rusqlite::types::{Value, ValueRef};

use super::value::{arg_num, arg_text, Num};

const DAY_US: i64 = 86_400_000_000;

/// A date and time; `time` says whether the input had a time part (DATE vs DATETIME).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dt {
    y: i64,
    m: i64,
    d: i64,
    us: i64,
    time: bool,
}

/// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { yoe + era * 400 + 1 } else { yoe + era * 400 }, m, d)
}

impl Dt {
    fn new(y: i64, m: i64, d: i64, us: i64, time: bool) -> Option<Dt> {
        let ok = (1..=9999).contains(&y)
            && (1..=12).contains(&m)
            && d >= 1
            && d <= days_in_month(y, m)
            && (0..DAY_US).contains(&us);
        ok.then_some(Dt { y, m, d, us, time })
    }

    fn days(&self) -> i64 {
        days_from_civil(self.y, self.m, self.d)
    }

    fn total_us(&self) -> i64 {
        self.days() * DAY_US + self.us
    }

    fn from_total_us(t: i64, time: bool) -> Option<Dt> {
        let (y, m, d) = civil_from_days(t.div_euclid(DAY_US));
        Dt::new(y, m, d, t.rem_euclid(DAY_US), time)
    }

    fn hms(&self) -> (i64, i64, i64, i64) {
        let s = self.us / 1_000_000;
        (s / 3600, s / 60 % 60, s % 60, self.us % 1_000_000)
    }

    /// 'YYYY-MM-DD'.
    pub fn date_text(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }

    /// 'YYYY-MM-DD HH:MM:SS', with six fraction digits when there is a fraction.
    pub fn datetime_text(&self) -> String {
        let (h, mi, s, us) = self.hms();
        let mut out = format!("{} {h:02}:{mi:02}:{s:02}", self.date_text());
        if us != 0 {
            out.push_str(&format!(".{us:06}"));
        }
        out
    }

    /// DATE for date-only values, DATETIME otherwise.
    fn text(&self) -> String {
        if self.time {
            self.datetime_text()
        } else {
            self.date_text()
        }
    }

    /// 0 = Sunday.
    fn weekday_sun0(&self) -> i64 {
        (self.days() + 4).rem_euclid(7)
    }

    fn day_of_year(&self) -> i64 {
        self.days() - days_from_civil(self.y, 1, 1) + 1
    }
}

fn two_digit_year(digits: &str, y: i64) -> i64 {
    match (digits.len(), y) {
        (1 | 2, 0..=69) => y + 2000,
        (1 | 2, _) => y + 1900,
        _ => y,
    }
}

fn frac_us(f: &str) -> Option<i64> {
    if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let six: String = f.chars().chain(std::iter::repeat('0')).take(6).collect();
    six.parse().ok()
}

/// MySQL's digits-only forms: YYYYMMDD, YYMMDD, YYYYMMDDHHMMSS, YYMMDDHHMMSS.
fn parse_digits(int: &str, frac: Option<&str>) -> Option<Dt> {
    let n = |a: usize, b: usize| int[a..b].parse::<i64>().ok();
    let (y, rest) = match int.len() {
        8 | 14 => (n(0, 4)?, 4),
        6 | 12 => (two_digit_year("yy", n(0, 2)?), 2),
        _ => return None,
    };
    let (m, d) = (n(rest, rest + 2)?, n(rest + 2, rest + 4)?);
    if int.len() <= 8 {
        return if frac.is_some() { None } else { Dt::new(y, m, d, 0, false) };
    }
    let t = rest + 4;
    let (h, mi, s) = (n(t, t + 2)?, n(t + 2, t + 4)?, n(t + 4, t + 6)?);
    let us = frac.map_or(Some(0), frac_us)?;
    if h > 23 || mi > 59 || s > 59 {
        return None;
    }
    Dt::new(y, m, d, ((h * 60 + mi) * 60 + s) * 1_000_000 + us, true)
}

/// A string as MySQL reads it into a DATETIME: delimited ('2020-1-5', '2020/01/05 10:30',
/// '2020-01-05T10:30:00.5') or digits.
pub fn parse_text(s: &str) -> Option<Dt> {
    let s = s.trim();
    if let Some((int, frac)) = s.split_once('.').map_or(Some((s, None)), |(a, b)| Some((a, Some(b)))) {
        if !int.is_empty() && int.bytes().all(|b| b.is_ascii_digit()) {
            return parse_digits(int, frac);
        }
    }
    let b = s.as_bytes();
    let mut i = 0;
    let group = |i: &mut usize, max: usize| -> Option<(i64, usize)> {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() && *i - start < max {
            *i += 1;
        }
        (*i > start).then(|| (s[start..*i].parse().unwrap_or(0), *i - start))
    };
    let punct = |i: &mut usize| -> bool {
        if *i < b.len() && b[*i].is_ascii_punctuation() {
            *i += 1;
            true
        } else {
            false
        }
    };
    let (y, ylen) = group(&mut i, 4)?;
    let y = two_digit_year(&"0".repeat(ylen), y);
    if !punct(&mut i) {
        return None;
    }
    let (m, _) = group(&mut i, 2)?;
    if !punct(&mut i) {
        return None;
    }
    let (d, _) = group(&mut i, 2)?;
    if i == b.len() {
        return Dt::new(y, m, d, 0, false);
    }
    if b[i] == b'T' || b[i] == b' ' {
        while i < b.len() && (b[i] == b' ' || b[i] == b'T') {
            i += 1;
        }
    } else {
        return None;
    }
    let (h, _) = group(&mut i, 2)?;
    let mut mi = 0;
    let mut sec = 0;
    let mut us = 0;
    if punct(&mut i) {
        mi = group(&mut i, 2)?.0;
        if i < b.len() && b[i] != b'.' && punct(&mut i) {
            sec = group(&mut i, 2)?.0;
        }
        if i < b.len() && b[i] == b'.' {
            us = frac_us(&s[i + 1..])?;
            i = b.len();
        }
    }
    if i != b.len() || h > 23 || mi > 59 || sec > 59 {
        return None;
    }
    Dt::new(y, m, d, ((h * 60 + mi) * 60 + sec) * 1_000_000 + us, true)
}

/// A value as a date/time: strings as above, integers as YYYYMMDD[HHMMSS].
pub fn parse_value(v: ValueRef<'_>) -> Option<Dt> {
    match v {
        ValueRef::Null => None,
        ValueRef::Integer(i) => parse_digits(&i.to_string(), None),
        ValueRef::Real(r) if r.is_finite() && r >= 0.0 => parse_digits(&(r.trunc() as i64).to_string(), None),
        ValueRef::Real(_) => None,
        ValueRef::Text(t) | ValueRef::Blob(t) => parse_text(&String::from_utf8_lossy(t)),
    }
}

/// A TIME string ('[-]H:MM[:SS[.f]]') as signed microseconds.
pub fn parse_time(s: &str) -> Option<i64> {
    let s = s.trim();
    let (neg, s) = s.strip_prefix('-').map_or((false, s), |r| (true, r));
    let mut parts = s.splitn(3, ':');
    let h: i64 = parts.next().filter(|p| !p.is_empty() && p.len() <= 3).and_then(|p| p.parse().ok())?;
    let m: i64 = parts.next().filter(|p| p.len() == 2).and_then(|p| p.parse().ok())?;
    let (sec, us) = match parts.next() {
        None => (0, 0),
        Some(rest) => {
            let (sec, frac) = rest.split_once('.').map_or((rest, None), |(a, b)| (a, Some(b)));
            let sec: i64 = Some(sec).filter(|p| p.len() == 2).and_then(|p| p.parse().ok())?;
            (sec, frac.map_or(Some(0), frac_us)?)
        }
    };
    if m > 59 || sec > 59 || h > 838 {
        return None;
    }
    let t = ((h * 60 + m) * 60 + sec) * 1_000_000 + us;
    Some(if neg { -t } else { t })
}

fn canonical_datetime(s: &str) -> bool {
    let b = s.as_bytes();
    let d = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let date = b.len() >= 10 && (0..4).all(d) && b[4] == b'-' && d(5) && d(6) && b[7] == b'-' && d(8) && d(9);
    date && (b.len() == 10
        || b.len() >= 19
            && b[10] == b' '
            && d(11)
            && d(12)
            && b[13] == b':'
            && d(14)
            && d(15)
            && b[16] == b':'
            && d(17)
            && d(18)
            && (b.len() == 19 || b[19] == b'.' && (20..b.len()).all(d)))
}

fn canonical_time(s: &str) -> bool {
    let t = s.strip_prefix('-').unwrap_or(s);
    let b = t.as_bytes();
    let hours = b.iter().take_while(|c| c.is_ascii_digit()).count();
    (2..=3).contains(&hours) && t.len() >= hours + 6 && parse_time(s).is_some() && b[hours] == b':'
}

/// Two strings compared as MySQL compares a stored DATE/DATETIME/TIME with a string constant:
/// when one is in the sandbox's storage form and the other reads as the same kind of value.
pub fn compare_as_temporal(a: &str, b: &str) -> Option<Ordering> {
    if canonical_datetime(a) || canonical_datetime(b) {
        let (x, y) = (parse_text(a)?, parse_text(b)?);
        return Some(x.total_us().cmp(&y.total_us()));
    }
    if canonical_time(a) || canonical_time(b) {
        return Some(parse_time(a)?.cmp(&parse_time(b)?));
    }
    None
}

fn arg_dt(ctx: &Context<'_>, i: usize) -> Option<Dt> {
    parse_value(ctx.get_raw(i))
}

fn opt_text(s: Option<String>) -> Value {
    s.map_or(Value::Null, Value::Text)
}

/// `mysql_date(x)`: DATE(x).
pub fn mysql_date(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    Ok(opt_text(arg_dt(ctx, 0).map(|d| d.date_text())))
}

/// `mysql_datetime(x)`: CAST(x AS DATETIME), TIMESTAMP(x).
pub fn mysql_datetime(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    Ok(opt_text(arg_dt(ctx, 0).map(|d| d.datetime_text())))
}

fn time_text(t: i64) -> String {
    let sign = if t < 0 { "-" } else { "" };
    let t = t.abs();
    let s = t / 1_000_000;
    let mut out = format!("{sign}{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
    if t % 1_000_000 != 0 {
        out.push_str(&format!(".{:06}", t % 1_000_000));
    }
    out
}

/// A value's time of day: from a date/time, or the value read as a TIME.
fn arg_time(ctx: &Context<'_>, i: usize) -> Option<i64> {
    let v = ctx.get_raw(i);
    if let ValueRef::Text(t) = v {
        if let Some(t) = parse_time(&String::from_utf8_lossy(t)) {
            return Some(t);
        }
    }
    parse_value(v).map(|d| d.us)
}

/// `mysql_time(x)`: TIME(x).
pub fn mysql_time(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    Ok(opt_text(arg_time(ctx, 0).map(time_text)))
}

/// `mysql_part(x, unit)`: YEAR(x), MONTH(x), ... as integers.
pub fn mysql_part(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    let unit = arg_text(ctx, 1).unwrap_or_default();
    if matches!(unit.as_str(), "HOUR" | "MINUTE" | "SECOND" | "MICROSECOND") {
        let Some(t) = arg_time(ctx, 0) else { return Ok(Value::Null) };
        let (t, s) = (t.abs(), t.abs() / 1_000_000);
        return Ok(Value::Integer(match unit.as_str() {
            "HOUR" => s / 3600,
            "MINUTE" => s / 60 % 60,
            "SECOND" => s % 60,
            _ => t % 1_000_000,
        }));
    }
    let Some(d) = arg_dt(ctx, 0) else { return Ok(Value::Null) };
    Ok(Value::Integer(match unit.as_str() {
        "YEAR" => d.y,
        "MONTH" => d.m,
        "QUARTER" => (d.m + 2) / 3,
        "DAYOFWEEK" => d.weekday_sun0() + 1,
        "WEEKDAY" => (d.weekday_sun0() + 6) % 7,
        "DAYOFYEAR" => d.day_of_year(),
        _ => d.d,
    }))
}

/// `x + INTERVAL n unit`; None when the result leaves years 1..9999.
pub fn add_interval(d: Dt, n: Num, unit: &str) -> Option<Dt> {
    let whole = |n: Num| match n {
        Num::Int(i) => i,
        Num::Real(r) => r.round() as i64,
    };
    let months = |k: i64| -> Option<Dt> {
        let total = (d.y * 12 + d.m - 1).checked_add(k)?;
        let (y, m) = (total.div_euclid(12), total.rem_euclid(12) + 1);
        Dt::new(y, m, d.d.min(days_in_month(y, m)), d.us, d.time)
    };
    let micros = |k: i128, time: bool| -> Option<Dt> {
        let t = i128::from(d.total_us()).checked_add(k)?;
        Dt::from_total_us(i64::try_from(t).ok()?, time)
    };
    let n_us = |scale: f64| (n.f() * scale).round() as i128;
    match unit {
        "YEAR" => months(whole(n).checked_mul(12)?),
        "QUARTER" => months(whole(n).checked_mul(3)?),
        "MONTH" => months(whole(n)),
        "WEEK" => micros(i128::from(whole(n)) * 7 * i128::from(DAY_US), d.time),
        "DAY" => micros(i128::from(whole(n)) * i128::from(DAY_US), d.time),
        "HOUR" => micros(i128::from(whole(n)) * 3_600_000_000, true),
        "MINUTE" => micros(i128::from(whole(n)) * 60_000_000, true),
        "SECOND" => micros(n_us(1e6), true),
        "MICROSECOND" => micros(i128::from(whole(n)), true),
        _ => None,
    }
}

/// `mysql_date_add(x, n, unit)`: DATE for a date plus days/months/years, DATETIME otherwise.
pub fn mysql_date_add(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    let (Some(d), Some(n), Some(unit)) = (arg_dt(ctx, 0), arg_num(ctx, 1), arg_text(ctx, 2)) else {
        return Ok(Value::Null);
    };
    Ok(opt_text(add_interval(d, n, &unit).map(|r| r.text())))
}

/// `mysql_datediff(a, b)`: days between the dates, times ignored.
pub fn mysql_datediff(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    match (arg_dt(ctx, 0), arg_dt(ctx, 1)) {
        (Some(a), Some(b)) => Ok(Value::Integer(a.days() - b.days())),
        _ => Ok(Value::Null),
    }
}

/// `mysql_timestampdiff(unit, a, b)`: whole units from `a` to `b`, truncated toward zero; months
/// count only when the day and time of month have been reached.
pub fn mysql_timestampdiff(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    let (Some(unit), Some(a), Some(b)) = (arg_text(ctx, 0), arg_dt(ctx, 1), arg_dt(ctx, 2)) else {
        return Ok(Value::Null);
    };
    let diff = b.total_us() - a.total_us();
    let months = || {
        let mut m = (b.y * 12 + b.m) - (a.y * 12 + a.m);
        let (ra, rb) = ((a.d, a.us), (b.d, b.us));
        if m > 0 && rb < ra {
            m -= 1;
        } else if m < 0 && rb > ra {
            m += 1;
        }
        m
    };
    Ok(Value::Integer(match unit.as_str() {
        "MICROSECOND" => diff,
        "SECOND" => diff / 1_000_000,
        "MINUTE" => diff / 60_000_000,
        "HOUR" => diff / 3_600_000_000,
        "DAY" => diff / DAY_US,
        "WEEK" => diff / (7 * DAY_US),
        "MONTH" => months(),
        "QUARTER" => months() / 3,
        _ => months() / 12,
    }))
}

/// `mysql_last_day(x)`.
pub fn mysql_last_day(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    Ok(opt_text(arg_dt(ctx, 0).map(|d| format!("{:04}-{:02}-{:02}", d.y, d.m, days_in_month(d.y, d.m)))))
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DAYS: [&str; 7] = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

fn ordinal(d: i64) -> &'static str {
    match (d % 10, d % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// DATE_FORMAT's specifiers (oracle-checked for the common ones; week numbers only `%U`).
pub fn date_format(d: &Dt, fmt: &str) -> String {
    let (h, mi, s, us) = d.hms();
    let h12 = if h % 12 == 0 { 12 } else { h % 12 };
    let ampm = if h < 12 { "AM" } else { "PM" };
    let month = MONTHS[(d.m - 1) as usize];
    let day = DAYS[d.weekday_sun0() as usize];
    let mut out = String::new();
    let mut chars = fmt.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(spec) = chars.next() else { break };
        let piece = match spec {
            'Y' => format!("{:04}", d.y),
            'y' => format!("{:02}", d.y % 100),
            'm' => format!("{:02}", d.m),
            'c' => d.m.to_string(),
            'd' => format!("{:02}", d.d),
            'e' => d.d.to_string(),
            'D' => format!("{}{}", d.d, ordinal(d.d)),
            'H' => format!("{h:02}"),
            'k' => h.to_string(),
            'h' | 'I' => format!("{h12:02}"),
            'l' => h12.to_string(),
            'i' => format!("{mi:02}"),
            's' | 'S' => format!("{s:02}"),
            'f' => format!("{us:06}"),
            'p' => ampm.to_string(),
            'r' => format!("{h12:02}:{mi:02}:{s:02} {ampm}"),
            'T' => format!("{h:02}:{mi:02}:{s:02}"),
            'M' => month.to_string(),
            'b' => month[..3].to_string(),
            'W' => day.to_string(),
            'a' => day[..3].to_string(),
            'w' => d.weekday_sun0().to_string(),
            'j' => format!("{:03}", d.day_of_year()),
            'U' => format!("{:02}", (d.day_of_year() - 1 + 7 - d.weekday_sun0()) / 7),
            other => other.to_string(),
        };
        out.push_str(&piece);
    }
    out
}

/// `mysql_date_format(x, fmt)`.
pub fn mysql_date_format(ctx: &Context<'_>) -> rusqlite::Result<Value> {
    let (Some(d), Some(fmt)) = (arg_dt(ctx, 0), arg_text(ctx, 1)) else { return Ok(Value::Null) };
    Ok(Value::Text(date_format(&d, &fmt)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats() {
        assert_eq!(parse_text("2020-1-5").unwrap().date_text(), "2020-01-05");
        assert_eq!(parse_text("2020-01-05 10:00").unwrap().datetime_text(), "2020-01-05 10:00:00");
        assert_eq!(parse_text("20200105").unwrap().date_text(), "2020-01-05");
        assert!(parse_text("2020-13-01").is_none());
        assert!(parse_text("now").is_none());
        // oracle: date_format('2020-01-05 09:03:07', '%Y %y %m %c %d %e %H %k %h %I %l %i %s %S
        // %p %M %b %W %a %j %T %r %D %w %%').
        let d = parse_text("2020-01-05 09:03:07").unwrap();
        assert_eq!(
            date_format(&d, "%Y %y %m %c %d %e %H %k %h %I %l %i %s %S %p %M %b %W %a %j %T %r %D %w %%"),
            "2020 20 01 1 05 5 09 9 09 09 9 03 07 07 AM January Jan Sunday Sun 005 09:03:07 09:03:07 AM 5th 0 %"
        );
        // oracle: '%f %h %p %D %U ... %q' on '2020-01-05 19:03:07.25' → '250000 07 PM 5th 01 ... q'.
        let d = parse_text("2020-01-05 19:03:07.25").unwrap();
        assert_eq!(date_format(&d, "%f %h %p %D %U %q"), "250000 07 PM 5th 01 q");
    }

    #[test]
    fn interval_arithmetic() {
        let add = |s: &str, n: i64, u: &str| add_interval(parse_text(s).unwrap(), Num::Int(n), u).unwrap().text();
        // oracle: '2020-01-31' + 1 MONTH = '2020-02-29'; + 1 HOUR = '2020-01-31 01:00:00';
        // '2020-03-31' - 1 MONTH = '2020-02-29'; '2020-02-29' + 1 YEAR = '2021-02-28';
        // '2020-01-01' + 90 MINUTE = '2020-01-01 01:30:00'.
        assert_eq!(add("2020-01-31", 1, "MONTH"), "2020-02-29");
        assert_eq!(add("2020-01-31", 1, "HOUR"), "2020-01-31 01:00:00");
        assert_eq!(add("2020-03-31", -1, "MONTH"), "2020-02-29");
        assert_eq!(add("2020-02-29", 1, "YEAR"), "2021-02-28");
        assert_eq!(add("2020-01-01", 90, "MINUTE"), "2020-01-01 01:30:00");
        assert_eq!(add("2020-01-01 10:00:00", -1, "DAY"), "2019-12-31 10:00:00");
    }
}
