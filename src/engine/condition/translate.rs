//! The walk from sqlparser's AST to SQLite text: identifiers, literals, operators and the
//! special forms (CASE, CAST, EXTRACT, SUBSTRING, TRIM, COLLATE, INTERVAL arithmetic).
//! Function calls are in `functions`.

use crate::engine::types::AttrType;
use sqlparser::ast::{
    BinaryOperator, CastKind, DataType, DateTimeField, ExactNumberInfo, Expr, Interval, ObjectName, Spanned,
    TrimWhereField, UnaryOperator, Value,
};

use super::errors::{bad_escape, bad_regexp, too_complex, unknown_column, unsupported};
use super::parse::offset;
use super::sql::{between, compare, in_list, in_subquery, null_safe_eq, quote, Cmp, Sql, Ty};
use crate::engine::collation;
use crate::engine::error::{Error, Kind, Result};
use crate::engine::types::syntax_error_at;

/// Nesting of the AST the walk accepts (left-deep operator chains count one level per
/// operator); the parser bounds parentheses and calls more tightly.
const MAX_WALK: usize = 400;

/// Translation state.
pub struct Ctx<'a> {
    /// The attributes of the query, as named in its heading.
    pub attributes: &'a [String],
    /// Their types where known (aligned with `attributes`; shorter means unknown): numeric and
    /// string attributes then compare natively, so SQLite can use its indexes.
    pub types: &'a [Option<AttrType>],
    /// Where MySQL says an unknown column was: 'where clause' or 'field list'.
    pub clause: &'static str,
    /// Aggregates are allowed (an `aggr` computation).
    pub aggregates: bool,
    /// Inside an aggregate's argument (nesting is MySQL's 1111).
    pub in_aggregate: bool,
    /// Current nesting.
    pub depth: usize,
    /// The text as DataJoint wraps it, for syntax errors' near text.
    pub wrapped: &'a str,
    /// Raw SQL's columns from a FROM clause (qualified names allowed); `None`: the attributes.
    pub scope: Option<&'a dyn Scope>,
}

/// The columns a raw SQL statement sees (built from its FROM clause by the server layer):
/// qualified references (`t.col`, `` `db`.`t`.`col` ``) and the session's functions.
pub trait Scope {
    /// A column reference of 1 to 3 names as SQLite text and its type, or MySQL's 1054 (naming
    /// `clause`) / 1052 for an ambiguous one.
    fn resolve(&self, parts: &[&str], clause: &str) -> Result<(String, Option<AttrType>)>;
    /// The value of a session function (`DATABASE()`, `USER()`, `VERSION()`, ...) as a SQLite
    /// literal, if `name` (lower case) is one.
    fn session_function(&self, name: &str) -> Option<String>;
    /// A subquery as SQLite text (`membership`: the right side of `IN`, else of `EXISTS`), or
    /// `None` where subqueries are not supported (DataJoint restrictions).
    fn subquery(&self, _query: &sqlparser::ast::Query, _membership: bool) -> Option<Result<Subquery>> {
        None
    }
}

/// A translated subquery.
pub struct Subquery {
    /// The SQLite SELECT.
    pub text: String,
    /// How many columns it returns.
    pub columns: usize,
    /// Its first column's type, where known.
    pub ty: Option<AttrType>,
}

/// The static type of a column of type `ty`.
fn typed(text: String, ty: Option<&AttrType>) -> Sql {
    match ty {
        Some(AttrType::Integer { .. } | AttrType::Float { .. } | AttrType::Decimal { .. } | AttrType::Bool) => {
            Sql::num(text)
        }
        Some(AttrType::Char(_) | AttrType::Varchar(_)) => Sql::string(text),
        _ => Sql::any(text),
    }
}

impl Ctx<'_> {
    /// MySQL's 1064 quoting the statement from `e` on.
    pub fn syntax_at(&self, e: &Expr) -> Error {
        syntax_error_at(self.wrapped, offset(self.wrapped, e.span().start))
    }

    /// An attribute by MySQL's case-insensitive name, as a quoted SQLite identifier.
    pub fn column(&self, name: &str) -> Result<Sql> {
        if let Some(scope) = self.scope {
            let (text, ty) = scope.resolve(&[name], self.clause)?;
            return Ok(typed(text, ty.as_ref()));
        }
        let Some(i) = self.attributes.iter().position(|a| a.eq_ignore_ascii_case(name)) else {
            return Err(unknown_column(name, self.clause));
        };
        let text = format!("\"{}\"", self.attributes[i].replace('"', "\"\""));
        Ok(typed(text, self.types.get(i).and_then(|t| t.as_ref())))
    }

    /// Translate one expression.
    pub fn expr(&mut self, e: &Expr) -> Result<Sql> {
        self.depth += 1;
        if self.depth > MAX_WALK {
            return Err(too_complex());
        }
        // Deep expressions grow the stack on demand instead of overflowing it.
        let r = stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.expr_inner(e));
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, e: &Expr) -> Result<Sql> {
        match e {
            Expr::Identifier(id) => {
                if id.quote_style.is_none() && id.value.starts_with('@') {
                    return Err(unsupported("A user or system variable"));
                }
                self.column(&id.value)
            }
            Expr::CompoundIdentifier(parts) => {
                let name: Vec<&str> = parts.iter().map(|p| p.value.as_str()).collect();
                if let Some(scope) = self.scope {
                    let (text, ty) = scope.resolve(&name, self.clause)?;
                    return Ok(typed(text, ty.as_ref()));
                }
                Err(unknown_column(&name.join("."), self.clause))
            }
            Expr::Value(v) => self.value(&v.value, e),
            Expr::Nested(inner) => {
                let s = self.expr(inner)?;
                Ok(Sql { text: format!("({})", s.text), ..s })
            }
            Expr::UnaryOp { op, expr } => self.unary(*op, expr),
            Expr::BinaryOp { left, op, right } => self.binary(left, op, right, e),
            Expr::IsNull(x) => Ok(Sql::num(format!("({} IS NULL)", self.expr(x)?.text))),
            Expr::IsNotNull(x) => Ok(Sql::num(format!("({} IS NOT NULL)", self.expr(x)?.text))),
            Expr::IsUnknown(x) => Ok(Sql::num(format!("({} IS NULL)", self.expr(x)?.text))),
            Expr::IsNotUnknown(x) => Ok(Sql::num(format!("({} IS NOT NULL)", self.expr(x)?.text))),
            // `NOT NOT x` is SQLite's truth value of x (text read as a number, as MySQL does).
            Expr::IsTrue(x) => Ok(Sql::num(format!("coalesce(NOT NOT {}, 0)", self.expr(x)?.text))),
            Expr::IsNotTrue(x) => Ok(Sql::num(format!("(NOT coalesce(NOT NOT {}, 0))", self.expr(x)?.text))),
            Expr::IsFalse(x) => Ok(Sql::num(format!("coalesce(NOT {}, 0)", self.expr(x)?.text))),
            Expr::IsNotFalse(x) => Ok(Sql::num(format!("(NOT coalesce(NOT {}, 0))", self.expr(x)?.text))),
            Expr::In { expr, target, negated, .. } => match target {
                sqlparser::ast::InTarget::List(list) if !list.is_empty() => {
                    let x = self.expr(expr)?;
                    let items = list.iter().map(|i| self.expr(i)).collect::<Result<Vec<_>>>()?;
                    Ok(in_list(x, items, *negated))
                }
                sqlparser::ast::InTarget::List(_) => Err(self.syntax_at(e)),
                sqlparser::ast::InTarget::Subquery(q) => {
                    let sub = self.subquery(q, true)?;
                    if sub.columns != 1 {
                        return Err(Error::mysql(Kind::OperationalError, 1241, "Operand should contain 1 column(s)"));
                    }
                    let x = self.expr(expr)?;
                    Ok(in_subquery(x, typed(sub.text, sub.ty.as_ref()), *negated))
                }
                _ => Err(unsupported("This form of IN")),
            },
            Expr::Between { expr, negated, low, high } => {
                let (x, lo, hi) = (self.expr(expr)?, self.expr(low)?, self.expr(high)?);
                Ok(between(x, lo, hi, *negated))
            }
            Expr::Like { negated, any, expr, pattern, escape_char } => {
                if *any {
                    return Err(unsupported("LIKE ANY"));
                }
                self.like(*negated, expr, pattern, escape_char.as_deref())
            }
            Expr::RLike { negated, expr, pattern, .. } => {
                if let Expr::Value(v) = &**pattern {
                    if let Some(p) = string_literal(&v.value) {
                        regex::Regex::new(&p).map_err(|_| bad_regexp())?;
                    }
                }
                let (x, p) = (self.expr(expr)?, self.expr(pattern)?);
                let not = if *negated { "NOT " } else { "" };
                Ok(Sql::num(format!("({not}mysql_regexp({}, {}))", x.text, p.text)))
            }
            Expr::Case { operand, conditions, else_result, .. } => {
                self.case(operand.as_deref(), conditions, else_result.as_deref())
            }
            Expr::Function(f) => super::functions::call(self, f, e),
            Expr::Cast { kind, expr, data_type, .. } => {
                if !matches!(kind, CastKind::Cast) {
                    return Err(self.syntax_at(e));
                }
                let x = self.expr(expr)?;
                cast(x, data_type)
            }
            Expr::Convert { expr, data_type, charset, .. } => {
                let x = self.expr(expr)?;
                match (data_type, charset) {
                    (Some(dt), _) => cast(x, dt),
                    (None, _) => Ok(Sql::string(format!("mysql_text({})", x.text))),
                }
            }
            Expr::Extract { field, expr, .. } => {
                let unit = part_unit(field).ok_or_else(|| unsupported("This EXTRACT unit"))?;
                let x = self.expr(expr)?;
                Ok(Sql::num(format!("mysql_part({}, '{unit}')", x.text)))
            }
            Expr::Ceil { expr, field } | Expr::Floor { expr, field } => {
                let f = if matches!(e, Expr::Ceil { .. }) { "mysql_ceil" } else { "mysql_floor" };
                match field {
                    sqlparser::ast::CeilFloorKind::DateTimeField(DateTimeField::NoDateTime) => {}
                    _ => return Err(self.syntax_at(e)),
                }
                Ok(Sql::num(format!("{f}({})", self.expr(expr)?.text)))
            }
            Expr::Position { expr, r#in } => {
                let (sub, s) = (self.expr(expr)?, self.expr(r#in)?);
                Ok(Sql::num(format!("mysql_locate({}, {})", sub.text, s.text)))
            }
            Expr::Substring { expr, substring_from, substring_for, .. } => {
                let s = self.expr(expr)?;
                let from = match substring_from {
                    Some(f) => self.expr(f)?.text,
                    None => return Err(self.syntax_at(e)),
                };
                let text = match substring_for {
                    Some(n) => format!("mysql_substr({}, {from}, {})", s.text, self.expr(n)?.text),
                    None => format!("mysql_substr({}, {from})", s.text),
                };
                Ok(Sql::string(text))
            }
            Expr::Trim { trim_where, trim_what, expr, trim_characters } => {
                if trim_characters.is_some() {
                    return Err(self.syntax_at(e));
                }
                let s = self.expr(expr)?;
                let what = match trim_what {
                    Some(w) => self.expr(w)?.text,
                    None => "' '".to_string(),
                };
                let mode = match trim_where {
                    Some(TrimWhereField::Leading) => 1,
                    Some(TrimWhereField::Trailing) => 2,
                    _ => 0,
                };
                Ok(Sql::string(format!("mysql_trim({}, {what}, {mode})", s.text)))
            }
            Expr::Collate { expr, collation } => {
                let x = self.expr(expr)?;
                collate(x, collation)
            }
            Expr::Prefixed { prefix, value } if prefix.value.starts_with('_') => self.expr(value),
            Expr::TypedString(t) => {
                let Some(s) = string_literal(&t.value.value) else { return Err(self.syntax_at(e)) };
                let f = match t.data_type {
                    DataType::Date => "mysql_date",
                    DataType::Time(..) => "mysql_time",
                    DataType::Timestamp(..) | DataType::Datetime(_) => "mysql_datetime",
                    _ => return Err(self.syntax_at(e)),
                };
                Ok(Sql::any(format!("{f}({})", quote(&s))))
            }
            Expr::Exists { subquery, negated } => {
                let sub = self.subquery(subquery, false)?;
                Ok(Sql::num(format!("({}EXISTS ({}))", if *negated { "NOT " } else { "" }, sub.text)))
            }
            Expr::Subquery(_) => Err(subqueries()),
            Expr::Interval(_) => Err(self.syntax_at(e)),
            Expr::Tuple(_) => Err(unsupported("A row constructor such as (a, b)")),
            Expr::Wildcard(_) | Expr::QualifiedWildcard(..) => Err(self.syntax_at(e)),
            Expr::ILike { .. } | Expr::SimilarTo { .. } | Expr::IsDistinctFrom(..) | Expr::IsNotDistinctFrom(..) => {
                Err(self.syntax_at(e))
            }
            other => {
                let shown: String = other.to_string().chars().take(60).collect();
                Err(unsupported(&format!("The expression `{shown}`")))
            }
        }
    }

    fn value(&self, v: &Value, e: &Expr) -> Result<Sql> {
        Ok(match v {
            Value::Number(n, _) => {
                let ok = n.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'))
                    && n.bytes().any(|b| b.is_ascii_digit());
                if !ok {
                    return Err(self.syntax_at(e));
                }
                Sql::num(number_text(n))
            }
            Value::Boolean(b) => Sql::num(if *b { "1" } else { "0" }),
            Value::Null => Sql::new("NULL", Ty::Null),
            Value::HexStringLiteral(h) => {
                if h.len() % 2 != 0 || !h.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return Err(self.syntax_at(e));
                }
                Sql::any(format!("X'{h}'"))
            }
            Value::Placeholder(_) => return Err(unsupported("A placeholder")),
            other => match string_literal(other) {
                Some(s) => Sql::string(quote(&s)),
                None => return Err(self.syntax_at(e)),
            },
        })
    }

    fn unary(&mut self, op: UnaryOperator, x: &Expr) -> Result<Sql> {
        let s = self.expr(x)?;
        Ok(match op {
            UnaryOperator::Not | UnaryOperator::BangNot => Sql::num(format!("(NOT {})", s.text)),
            UnaryOperator::Minus => Sql::num(format!("(- {})", number(s).text)),
            UnaryOperator::Plus => s,
            UnaryOperator::BitwiseNot => Sql::num(format!("(~ {})", number(s).text)),
            _ => return Err(unsupported(&format!("The operator {op}"))),
        })
    }

    fn binary(&mut self, left: &Expr, op: &BinaryOperator, right: &Expr, whole: &Expr) -> Result<Sql> {
        use BinaryOperator as B;
        // Date arithmetic: `x + INTERVAL n unit`, `INTERVAL n unit + x`, `x - INTERVAL n unit`.
        match (left, op, right) {
            (x, B::Plus, Expr::Interval(i)) | (Expr::Interval(i), B::Plus, x) => return self.date_add(x, i, false),
            (x, B::Minus, Expr::Interval(i)) => return self.date_add(x, i, true),
            _ => {}
        }
        let (a, b) = (self.expr(left)?, self.expr(right)?);
        let cmp = |c| Ok(compare(c, a.clone(), b.clone()));
        let arith = |f: &str| Ok(Sql::num(format!("{f}({}, {})", a.text, b.text)));
        let infix = |o: &str| Ok(Sql::num(format!("({} {o} {})", number(a.clone()).text, number(b.clone()).text)));
        match op {
            B::And => Ok(Sql::num(format!("({} AND {})", a.text, b.text))),
            // `||` is OR in MySQL's default sql_mode (no PIPES_AS_CONCAT).
            B::Or | B::StringConcat => Ok(Sql::num(format!("({} OR {})", a.text, b.text))),
            B::Xor => Ok(Sql::num(format!("((NOT {}) <> (NOT {}))", a.text, b.text))),
            B::Eq => cmp(Cmp::Eq),
            B::NotEq => cmp(Cmp::Ne),
            B::Lt => cmp(Cmp::Lt),
            B::LtEq => cmp(Cmp::Le),
            B::Gt => cmp(Cmp::Gt),
            B::GtEq => cmp(Cmp::Ge),
            B::Spaceship => Ok(null_safe_eq(a, b)),
            B::Plus => infix("+"),
            B::Minus => infix("-"),
            B::Multiply => infix("*"),
            B::Divide => arith("mysql_div"),
            B::MyIntegerDivide => arith("mysql_intdiv"),
            B::Modulo => arith("mysql_mod"),
            B::BitwiseAnd => infix("&"),
            B::BitwiseOr => infix("|"),
            B::BitwiseXor => arith("mysql_bitxor"),
            B::PGBitwiseShiftLeft => infix("<<"),
            B::PGBitwiseShiftRight => infix(">>"),
            B::Arrow => Ok(Sql::new(format!("mysql_json_extract({}, {}, 0)", a.text, b.text), Ty::Json)),
            B::LongArrow => Ok(Sql::any(format!("mysql_json_extract({}, {}, 1)", a.text, b.text))),
            _ => Err(self.syntax_at(whole)),
        }
    }

    /// `x ± INTERVAL n unit`.
    pub fn date_add(&mut self, x: &Expr, i: &Interval, negate: bool) -> Result<Sql> {
        let unit = match (&i.leading_field, &i.last_field) {
            (Some(f), None) => interval_unit(f).ok_or_else(|| unsupported("This INTERVAL unit"))?,
            _ => return Err(unsupported("A compound INTERVAL")),
        };
        let d = self.expr(x)?;
        let n = number(self.expr(&i.value)?);
        let n = if negate { format!("(- {})", n.text) } else { n.text };
        Ok(Sql::any(format!("mysql_date_add({}, {n}, '{unit}')", d.text)))
    }

    fn like(&mut self, negated: bool, x: &Expr, pattern: &Expr, escape: Option<&Expr>) -> Result<Sql> {
        let (x, p) = (self.expr(x)?, self.expr(pattern)?);
        let binary = x.binary || p.binary;
        let mut args = vec![x.text, p.text];
        match escape {
            Some(Expr::Value(v)) => match string_literal(&v.value) {
                Some(s) if s.chars().count() <= 1 => args.push(quote(&s)),
                _ => return Err(bad_escape()),
            },
            Some(_) => return Err(bad_escape()),
            None if binary => args.push("'\\'".into()),
            None => {}
        }
        if binary {
            args.push("1".into());
        }
        let not = if negated { "NOT " } else { "" };
        Ok(Sql::num(format!("({not}mysql_like({}))", args.join(", "))))
    }

    fn case(&mut self, operand: Option<&Expr>, whens: &[sqlparser::ast::CaseWhen], els: Option<&Expr>) -> Result<Sql> {
        let mut out = String::from("(CASE");
        let mut tys = Vec::new();
        if let Some(op) = operand {
            let x = self.expr(op)?;
            let vals = whens.iter().map(|w| self.expr(&w.condition)).collect::<Result<Vec<_>>>()?;
            // SQLite compares CASE's operand with `=`: give it MySQL's meaning as far as static
            // types allow (numbers numerically, strings under the collation).
            let all_num = vals.iter().all(|v| matches!(v.ty, Ty::Num | Ty::Null));
            if all_num {
                out.push_str(&format!(" {}", number(x).text));
            } else {
                out.push_str(&format!(" {} COLLATE {}", x.text, collation::NAME));
            }
            for (w, v) in whens.iter().zip(vals) {
                let r = self.expr(&w.result)?;
                out.push_str(&format!(" WHEN {} THEN {}", v.text, r.text));
                tys.push(r.ty);
            }
        } else {
            for w in whens {
                let (c, r) = (self.expr(&w.condition)?, self.expr(&w.result)?);
                out.push_str(&format!(" WHEN {} THEN {}", c.text, r.text));
                tys.push(r.ty);
            }
        }
        if let Some(e) = els {
            let r = self.expr(e)?;
            out.push_str(&format!(" ELSE {}", r.text));
            tys.push(r.ty);
        }
        out.push_str(" END)");
        Ok(Sql::new(out, common_type(&tys)))
    }
}

/// The type all branches share, or untyped.
pub fn common_type(tys: &[Ty]) -> Ty {
    let known: Vec<Ty> = tys.iter().copied().filter(|t| *t != Ty::Null).collect();
    match known.first() {
        None => Ty::Null,
        Some(t) if known.iter().all(|k| k == t) => *t,
        _ => Ty::Any,
    }
}

/// The fragment in numeric context: untyped operands read as numbers (`'5abc'` → 5).
pub fn number(s: Sql) -> Sql {
    match s.ty {
        Ty::Num | Ty::Null => s,
        Ty::Json => Sql::num(format!("mysql_num(mysql_json_unquote({}))", s.text)),
        _ => Sql::num(format!("mysql_num({})", s.text)),
    }
}

/// A numeric literal as SQLite reads the same value ('.5' and '5.' are fine there too).
fn number_text(n: &str) -> String {
    n.to_string()
}

/// The text of a string literal (sqlparser has already applied MySQL's backslash escapes,
/// keeping `\%` and `\_` for LIKE).
pub fn string_literal(v: &Value) -> Option<String> {
    match v {
        Value::SingleQuotedString(s)
        | Value::DoubleQuotedString(s)
        | Value::NationalStringLiteral(s)
        | Value::EscapedStringLiteral(s) => Some(s.clone()),
        _ => None,
    }
}

impl Ctx<'_> {
    /// A subquery through the scope, where the scope supports them.
    fn subquery(&self, q: &sqlparser::ast::Query, membership: bool) -> Result<Subquery> {
        self.scope.and_then(|s| s.subquery(q, membership)).unwrap_or_else(|| Err(subqueries()))
    }
}

fn subqueries() -> Error {
    unsupported("A subquery (restrict by another query expression instead: q & other)")
}

fn interval_unit(f: &DateTimeField) -> Option<&'static str> {
    Some(match f {
        DateTimeField::Year | DateTimeField::Years => "YEAR",
        DateTimeField::Quarter => "QUARTER",
        DateTimeField::Month | DateTimeField::Months => "MONTH",
        DateTimeField::Week(None) | DateTimeField::Weeks => "WEEK",
        DateTimeField::Day | DateTimeField::Days => "DAY",
        DateTimeField::Hour | DateTimeField::Hours => "HOUR",
        DateTimeField::Minute | DateTimeField::Minutes => "MINUTE",
        DateTimeField::Second | DateTimeField::Seconds => "SECOND",
        DateTimeField::Microsecond | DateTimeField::Microseconds => "MICROSECOND",
        _ => return None,
    })
}

fn part_unit(f: &DateTimeField) -> Option<&'static str> {
    match f {
        DateTimeField::Week(_) | DateTimeField::Weeks => None,
        other => interval_unit(other),
    }
}

/// CAST(x AS type) with MySQL's conversions.
pub fn cast(x: Sql, dt: &DataType) -> Result<Sql> {
    let t = x.text;
    Ok(match dt {
        DataType::Signed | DataType::SignedInteger | DataType::Integer(_) | DataType::Int(_) => {
            Sql::num(format!("mysql_cast_int({t}, 0)"))
        }
        DataType::Unsigned | DataType::UnsignedInteger => Sql::num(format!("mysql_cast_int({t}, 1)")),
        DataType::Char(n) | DataType::Character(n) | DataType::Varchar(n) | DataType::Nvarchar(n) => match n {
            Some(sqlparser::ast::CharacterLength::IntegerLength { length, .. }) => {
                Sql::string(format!("mysql_left(mysql_text({t}), {length})"))
            }
            _ => Sql::string(format!("mysql_text({t})")),
        },
        DataType::Date => Sql::any(format!("mysql_date({t})")),
        DataType::Datetime(_) | DataType::Timestamp(..) => Sql::any(format!("mysql_datetime({t})")),
        DataType::Time(..) => Sql::any(format!("mysql_time({t})")),
        DataType::Decimal(info) | DataType::Numeric(info) | DataType::Dec(info) => {
            let scale = match info {
                ExactNumberInfo::PrecisionAndScale(_, s) => *s,
                _ => 0,
            };
            Sql::num(format!("mysql_round(mysql_num({t}), {scale})"))
        }
        DataType::Double(_) | DataType::DoublePrecision | DataType::Float(_) | DataType::Real => {
            Sql::num(format!("(mysql_num({t}) + 0.0)"))
        }
        DataType::Binary(_) => Sql { text: format!("mysql_text({t})"), ty: Ty::Str, binary: true },
        other => return Err(unsupported(&format!("CAST to {other}"))),
    })
}

/// `x COLLATE name`: `_bin` collations compare exactly, case-insensitive ones as the default.
fn collate(x: Sql, name: &ObjectName) -> Result<Sql> {
    let n = name.to_string().trim_matches('`').to_ascii_lowercase();
    if n == "binary" || n.ends_with("_bin") {
        return Ok(Sql { text: format!("mysql_text({})", x.text), ty: Ty::Str, binary: true });
    }
    if n.starts_with("utf8") && (n.ends_with("_ci") || n.ends_with("_ai_ci")) {
        return Ok(Sql { text: format!("({} COLLATE {})", x.text, collation::NAME), ty: Ty::Str, binary: false });
    }
    Err(Error::mysql(crate::engine::error::Kind::OperationalError, 1273, format!("Unknown collation: '{n}'")))
}
