//! Function calls: MySQL's built-ins mapped to SQLite's or to the registered `mysql_*`
//! functions; aggregates are in `aggregate`. A wrong argument count is MySQL's 1582; a name
//! MySQL does not know is an unknown stored function (see `errors::unknown_function`).

use sqlparser::ast::{
    DuplicateTreatment, Expr, Function, FunctionArg, FunctionArgExpr, FunctionArguments, ObjectNamePart,
};

use super::errors::{parameter_count, unknown_function, unsupported};
use super::sql::{quote, Sql, Ty};
use super::translate::{common_type, number, Ctx};
use crate::engine::error::Result;

/// MySQL built-ins the sandbox does not emulate (reported as such, not as unknown functions).
const NOT_EMULATED: &[&str] = &[
    "sign",
    "format",
    "hex",
    "unhex",
    "ascii",
    "ord",
    "char",
    "conv",
    "bin",
    "oct",
    "field",
    "elt",
    "find_in_set",
    "soundex",
    "space",
    "insert",
    "quote",
    "md5",
    "sha1",
    "sha2",
    "uuid",
    "database",
    "schema",
    "user",
    "version",
    "connection_id",
    "last_insert_id",
    "row_count",
    "found_rows",
    "str_to_date",
    "from_unixtime",
    "unix_timestamp",
    "week",
    "weekofyear",
    "yearweek",
    "makedate",
    "maketime",
    "sec_to_time",
    "time_to_sec",
    "to_days",
    "from_days",
    "period_add",
    "period_diff",
    "addtime",
    "subtime",
    "timediff",
    "convert_tz",
    "get_format",
    "json_object",
    "json_array",
    "json_contains",
    "json_length",
    "json_keys",
    "json_type",
    "json_valid",
    "json_search",
    "json_set",
    "json_insert",
    "json_replace",
    "json_remove",
    "json_merge",
    "json_value",
    "regexp_replace",
    "regexp_instr",
    "regexp_substr",
    "substring_index",
    "export_set",
    "make_set",
    "load_file",
    "benchmark",
    "sleep",
    "crc32",
    "cot",
    "sin",
    "cos",
    "tan",
    "asin",
    "acos",
    "atan",
    "atan2",
    "degrees",
    "radians",
    "bit_count",
    "inet_aton",
    "inet_ntoa",
    "to_base64",
    "from_base64",
    "weight_string",
    "charset",
    "collation",
    "coercibility",
];

/// The aggregate functions (1111 outside `aggr`).
pub const AGGREGATES: &[&str] = &[
    "count",
    "sum",
    "avg",
    "min",
    "max",
    "group_concat",
    "std",
    "stddev",
    "stddev_pop",
    "stddev_samp",
    "variance",
    "var_pop",
    "var_samp",
    "bit_and",
    "bit_or",
    "bit_xor",
    "json_arrayagg",
    "json_objectagg",
];

fn check(name: &str, n: usize, ok: impl Fn(usize) -> bool) -> Result<()> {
    if ok(n) {
        Ok(())
    } else {
        Err(parameter_count(name))
    }
}

/// A function's plain argument expressions; `*` and named arguments are syntax errors.
pub fn plain_args<'e>(cx: &Ctx<'_>, list: &'e [FunctionArg], whole: &Expr) -> Result<Vec<&'e Expr>> {
    list.iter()
        .map(|a| match a {
            FunctionArg::Unnamed(FunctionArgExpr::Expr(e)) => Ok(e),
            _ => Err(cx.syntax_at(whole)),
        })
        .collect()
}

/// A call `f(...)`.
pub fn call(cx: &mut Ctx<'_>, f: &Function, whole: &Expr) -> Result<Sql> {
    if f.over.is_some() {
        return Err(unsupported("A window function (OVER)"));
    }
    if f.filter.is_some() || !f.within_group.is_empty() || f.null_treatment.is_some() {
        return Err(cx.syntax_at(whole));
    }
    if !matches!(f.parameters, FunctionArguments::None) {
        return Err(cx.syntax_at(whole));
    }
    let written = match f.name.0.as_slice() {
        [ObjectNamePart::Identifier(id)] => id.value.clone(),
        _ => return Err(unknown_function()),
    };
    let name = written.to_ascii_lowercase();
    let (list, distinct, clauses) = match &f.args {
        FunctionArguments::None => return parenless(&name, cx),
        FunctionArguments::Subquery(_) => {
            return Err(unsupported("A subquery (restrict by another query expression instead: q & other)"))
        }
        FunctionArguments::List(l) => {
            (&l.args, matches!(l.duplicate_treatment, Some(DuplicateTreatment::Distinct)), &l.clauses)
        }
    };
    // Raw SQL's session functions (`DATABASE()`, `USER()`, ...) take no arguments.
    if let Some(value) = cx.scope.and_then(|s| s.session_function(&name)) {
        if !list.is_empty() {
            return Err(parameter_count(&written));
        }
        return Ok(Sql::any(value));
    }
    if AGGREGATES.contains(&name.as_str()) {
        return super::aggregate::call(cx, &name, list, distinct, clauses, whole);
    }
    if distinct || !clauses.is_empty() || l_has_duplicate_all(f) {
        return Err(cx.syntax_at(whole));
    }
    let raw = plain_args(cx, list, whole)?;
    // Forms whose arguments are not all expressions.
    match name.as_str() {
        "timestampdiff" => return timestampdiff(cx, &written, &raw),
        "date_add" | "date_sub" | "adddate" | "subdate" => return date_add(cx, &name, &written, &raw),
        _ => {}
    }
    let args = raw.iter().map(|e| cx.expr(e)).collect::<Result<Vec<Sql>>>()?;
    scalar(&name, &written, args)
}

fn l_has_duplicate_all(f: &Function) -> bool {
    matches!(&f.args, FunctionArguments::List(l) if matches!(l.duplicate_treatment, Some(DuplicateTreatment::All)))
}

/// Names MySQL accepts without parentheses.
fn parenless(name: &str, cx: &Ctx<'_>) -> Result<Sql> {
    match name {
        "current_timestamp" | "localtime" | "localtimestamp" => Ok(Sql::any("datetime('now', 'localtime')")),
        "current_date" => Ok(Sql::any("date('now', 'localtime')")),
        "current_time" => Ok(Sql::any("time('now', 'localtime')")),
        "current_user" => match cx.scope.and_then(|s| s.session_function(name)) {
            Some(value) => Ok(Sql::any(value)),
            None => cx.column(name),
        },
        _ => cx.column(name),
    }
}

fn timestampdiff(cx: &mut Ctx<'_>, written: &str, raw: &[&Expr]) -> Result<Sql> {
    check(written, raw.len(), |n| n == 3)?;
    let unit = match raw[0] {
        Expr::Identifier(id) if id.quote_style.is_none() => id.value.to_ascii_uppercase(),
        other => return Err(cx.syntax_at(other)),
    };
    let unit = match unit.as_str() {
        "FRAC_SECOND" => "MICROSECOND".to_string(),
        "MICROSECOND" | "SECOND" | "MINUTE" | "HOUR" | "DAY" | "WEEK" | "MONTH" | "QUARTER" | "YEAR" => unit,
        _ => return Err(cx.syntax_at(raw[0])),
    };
    let (a, b) = (cx.expr(raw[1])?, cx.expr(raw[2])?);
    Ok(Sql::num(format!("mysql_timestampdiff('{unit}', {}, {})", a.text, b.text)))
}

/// DATE_ADD(x, INTERVAL n unit) and friends; ADDDATE/SUBDATE also take a number of days.
fn date_add(cx: &mut Ctx<'_>, name: &str, written: &str, raw: &[&Expr]) -> Result<Sql> {
    check(written, raw.len(), |n| n == 2)?;
    let negate = name == "date_sub" || name == "subdate";
    match raw[1] {
        Expr::Interval(i) => cx.date_add(raw[0], i, negate),
        days if name == "adddate" || name == "subdate" => {
            let (d, n) = (cx.expr(raw[0])?, number(cx.expr(days)?));
            let n = if negate { format!("(- {})", n.text) } else { n.text };
            Ok(Sql::any(format!("mysql_date_add({}, {n}, 'DAY')", d.text)))
        }
        other => Err(cx.syntax_at(other)),
    }
}

fn join(args: &[Sql]) -> String {
    args.iter().map(|a| a.text.as_str()).collect::<Vec<_>>().join(", ")
}

fn text_of(a: &Sql) -> String {
    match a.ty {
        Ty::Str | Ty::Null => a.text.clone(),
        _ => format!("mysql_text({})", a.text),
    }
}

/// A call with translated arguments.
fn scalar(name: &str, written: &str, args: Vec<Sql>) -> Result<Sql> {
    let n = args.len();
    let exactly = |k: usize| check(written, n, |n| n == k);
    let between = |lo: usize, hi: usize| check(written, n, |n| (lo..=hi).contains(&n));
    let at_least = |k: usize| check(written, n, |n| n >= k);
    let call = |f: &str| format!("{f}({})", join(&args));
    let num_call = |f: &str| {
        let a: Vec<Sql> = args.iter().cloned().map(number).collect();
        format!("{f}({})", join(&a))
    };
    let part = |unit: &str| -> Result<Sql> {
        exactly(1)?;
        Ok(Sql::num(format!("mysql_part({}, '{unit}')", args[0].text)))
    };
    Ok(match name {
        "now" | "sysdate" | "current_timestamp" | "localtime" | "localtimestamp" => {
            between(0, 1)?;
            Sql::any("datetime('now', 'localtime')")
        }
        "curdate" | "current_date" => {
            exactly(0)?;
            Sql::any("date('now', 'localtime')")
        }
        "curtime" | "current_time" => {
            between(0, 1)?;
            Sql::any("time('now', 'localtime')")
        }
        "utc_date" => {
            exactly(0)?;
            Sql::any("date('now')")
        }
        "utc_timestamp" => {
            between(0, 1)?;
            Sql::any("datetime('now')")
        }
        "date" => {
            exactly(1)?;
            Sql::any(call("mysql_date"))
        }
        "time" => {
            exactly(1)?;
            Sql::any(call("mysql_time"))
        }
        "timestamp" => {
            exactly(1)?;
            Sql::any(call("mysql_datetime"))
        }
        "year" => part("YEAR")?,
        "month" => part("MONTH")?,
        "day" | "dayofmonth" => part("DAY")?,
        "hour" => part("HOUR")?,
        "minute" => part("MINUTE")?,
        "second" => part("SECOND")?,
        "microsecond" => part("MICROSECOND")?,
        "quarter" => part("QUARTER")?,
        "dayofweek" => part("DAYOFWEEK")?,
        "weekday" => part("WEEKDAY")?,
        "dayofyear" => part("DAYOFYEAR")?,
        "dayname" | "monthname" => {
            exactly(1)?;
            let spec = if name == "dayname" { "'%W'" } else { "'%M'" };
            Sql::string(format!("mysql_date_format({}, {spec})", args[0].text))
        }
        "last_day" => {
            exactly(1)?;
            Sql::any(call("mysql_last_day"))
        }
        "datediff" => {
            exactly(2)?;
            Sql::num(call("mysql_datediff"))
        }
        "date_format" => {
            exactly(2)?;
            Sql::string(call("mysql_date_format"))
        }
        "concat" => {
            at_least(1)?;
            let parts: Vec<String> = args.iter().map(text_of).collect();
            Sql::string(format!("({})", parts.join(" || ")))
        }
        "concat_ws" => {
            at_least(2)?;
            Sql::string(call("mysql_concat_ws"))
        }
        "lower" | "lcase" => {
            exactly(1)?;
            Sql::string(call("mysql_lower"))
        }
        "upper" | "ucase" => {
            exactly(1)?;
            Sql::string(call("mysql_upper"))
        }
        // LENGTH counts bytes (length('é') = 2 on the oracle), CHAR_LENGTH characters.
        "length" | "octet_length" => {
            exactly(1)?;
            // Binary values (uuid's binary(16)) count their own bytes, not their text form's.
            let raw = &args[0].text;
            Sql::num(format!(
                "(CASE WHEN typeof({raw}) = 'blob' THEN length({raw}) ELSE length(CAST({} AS BLOB)) END)",
                text_of(&args[0])
            ))
        }
        "char_length" | "character_length" => {
            exactly(1)?;
            Sql::num(format!("length({})", text_of(&args[0])))
        }
        "substring" | "substr" | "mid" => {
            between(2, 3)?;
            Sql::string(call("mysql_substr"))
        }
        "left" | "right" => {
            exactly(2)?;
            Sql::string(call(if name == "left" { "mysql_left" } else { "mysql_right" }))
        }
        "trim" | "ltrim" | "rtrim" => {
            exactly(1)?;
            let mode = match name {
                "ltrim" => 1,
                "rtrim" => 2,
                _ => 0,
            };
            Sql::string(format!("mysql_trim({}, ' ', {mode})", args[0].text))
        }
        "replace" => {
            exactly(3)?;
            let parts: Vec<String> = args.iter().map(text_of).collect();
            Sql::string(format!("replace({})", parts.join(", ")))
        }
        "repeat" => {
            exactly(2)?;
            Sql::string(call("mysql_repeat"))
        }
        "reverse" => {
            exactly(1)?;
            Sql::string(call("mysql_reverse"))
        }
        "lpad" | "rpad" => {
            exactly(3)?;
            Sql::string(format!("mysql_pad({}, {})", join(&args), i32::from(name == "lpad")))
        }
        "strcmp" => {
            exactly(2)?;
            Sql::num(call("mysql_strcmp"))
        }
        "locate" => {
            between(2, 3)?;
            Sql::num(call("mysql_locate"))
        }
        "instr" => {
            exactly(2)?;
            Sql::num(format!("mysql_locate({}, {})", args[1].text, args[0].text))
        }
        "abs" => {
            exactly(1)?;
            Sql::num(num_call("abs"))
        }
        "round" => {
            between(1, 2)?;
            Sql::num(call("mysql_round"))
        }
        "truncate" => {
            exactly(2)?;
            Sql::num(call("mysql_truncate"))
        }
        "floor" => {
            exactly(1)?;
            Sql::num(call("mysql_floor"))
        }
        "ceil" | "ceiling" => {
            exactly(1)?;
            Sql::num(call("mysql_ceil"))
        }
        "pow" | "power" => {
            exactly(2)?;
            Sql::num(call("mysql_pow"))
        }
        "sqrt" | "exp" | "ln" | "log10" | "log2" => {
            exactly(1)?;
            Sql::num(call(&format!("mysql_{name}")))
        }
        "log" => {
            between(1, 2)?;
            Sql::num(if n == 1 { call("mysql_ln") } else { call("mysql_log") })
        }
        "mod" => {
            exactly(2)?;
            Sql::num(call("mysql_mod"))
        }
        "pi" => {
            exactly(0)?;
            Sql::num("3.141592653589793")
        }
        "rand" => {
            between(0, 1)?;
            Sql::num("(abs(random()) / 9223372036854775808.0)")
        }
        "greatest" | "least" => {
            at_least(2)?;
            let tys: Vec<Ty> = args.iter().map(|a| a.ty).collect();
            Sql::new(call(&format!("mysql_{name}")), common_type(&tys))
        }
        "ifnull" | "coalesce" => {
            if name == "ifnull" {
                exactly(2)?;
            } else {
                at_least(1)?;
            }
            let tys: Vec<Ty> = args.iter().map(|a| a.ty).collect();
            let text = if n == 1 { format!("coalesce({}, NULL)", args[0].text) } else { call("coalesce") };
            Sql::new(text, common_type(&tys))
        }
        "nullif" => {
            exactly(2)?;
            Sql::new(call("mysql_nullif"), args[0].ty)
        }
        "isnull" => {
            exactly(1)?;
            Sql::num(format!("({} IS NULL)", args[0].text))
        }
        "if" => {
            exactly(3)?;
            let ty = common_type(&[args[1].ty, args[2].ty]);
            Sql::new(format!("(CASE WHEN {} THEN {} ELSE {} END)", args[0].text, args[1].text, args[2].text), ty)
        }
        "json_extract" => {
            exactly(2)?;
            Sql::new(format!("mysql_json_extract({}, 0)", join(&args)), Ty::Json)
        }
        "json_unquote" => {
            exactly(1)?;
            Sql::string(call("mysql_json_unquote"))
        }
        "regexp_like" => {
            exactly(2)?;
            Sql::num(call("mysql_regexp"))
        }
        _ if NOT_EMULATED.contains(&name) => return Err(unsupported(&format!("The function {}()", written))),
        _ => return Err(unknown_function()),
    })
}

/// Quote helper re-exported for the aggregate module.
pub fn quoted(s: &str) -> String {
    quote(s)
}
