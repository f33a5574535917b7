//! pymysql formats every query with `query % args` (DataJoint passes `args=()`). Restriction
//! strings are safe because DataJoint doubles their `%` first; projection and aggregation
//! expressions are not, so a `%` there is Python's printf formatting: `%%` means `%`, and any
//! other conversion fails before MySQL sees the query.
// oracle: proj(v="n % 3") → pymysql ProgrammingError('not enough arguments for format string');
// proj(v="n %% 3") computes n % 3.

use crate::engine::error::{Error, Kind, Result};

/// `text % ()` as Python evaluates it inside the query DataJoint builds (`<expr> as `name``:
/// text always follows, so a conversion never runs off the end). Only `%%` needs no argument
/// (even `%5%` takes one in Python 3.11).
pub fn format_empty(text: &str) -> Result<String> {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('%') => out.push('%'),
            Some('(') => return Err(Error::new(Kind::ProgrammingError, "format requires a mapping")),
            _ => return Err(Error::new(Kind::ProgrammingError, "not enough arguments for format string")),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::format_empty;

    #[test]
    fn python_percent_formatting() {
        assert_eq!(format_empty("n %% 3").unwrap(), "n % 3");
        assert_eq!(format_empty("a %5% b").unwrap_err().message, "not enough arguments for format string");
        assert_eq!(format_empty("n % 3").unwrap_err().message, "not enough arguments for format string");
        assert_eq!(format_empty("'%q'").unwrap_err().message, "not enough arguments for format string");
        assert_eq!(format_empty("'%(x)s'").unwrap_err().message, "format requires a mapping");
        assert_eq!(format_empty("a %").unwrap_err().message, "not enough arguments for format string");
    }
}
