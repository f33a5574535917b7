//! Enough of Python's expression syntax to tell what DataJoint's `eval` of a foreign-key
//! reference would do: invalid syntax fails to resolve, valid syntax of the wrong shape is
//! "not supported". Approximate for exotic forms (walrus, f-string contents, lambda parameters).

/// A Python token.
#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    /// An identifier or keyword.
    Name(String),
    /// A numeric literal.
    Num,
    /// A string literal; `plain` is false for bytes and f-strings, whose value we do not model.
    Str {
        /// The decoded value.
        value: String,
        /// A plain `str` literal (no `b`/`f` prefix).
        plain: bool,
    },
    /// An operator or delimiter, including `...`.
    Op(&'static str),
}

const OPS: [&str; 31] = [
    "...", "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">",
    "(", ")", "[", "]", "{", "}", ",", ":", ".", "=",
];

const KEYWORDS: [&str; 35] = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// Python's tokenizer gives up at this bracket depth; we also bound recursion with it.
const MAX_DEPTH: usize = 200;

/// Whether `s` is a keyword (then it is not an identifier).
pub fn is_keyword(s: &str) -> bool {
    KEYWORDS.contains(&s)
}

/// Tokenize one line as Python would (`#` starts a comment); `None` on a tokenizer error.
pub fn tokenize(src: &str) -> Option<Vec<Tok>> {
    let c: Vec<char> = src.chars().collect();
    let mut toks = Vec::new();
    let mut i = 0;
    while let Some(&ch) = c.get(i) {
        if ch == ' ' || ch == '\t' || ch == '\x0c' {
            i += 1;
        } else if ch == '#' {
            break;
        } else if ch.is_alphabetic() || ch == '_' {
            let start = i;
            while c.get(i).is_some_and(|&x| x.is_alphanumeric() || x == '_') {
                i += 1;
            }
            let word: String = c.get(start..i)?.iter().collect();
            if matches!(c.get(i), Some('\'') | Some('"')) && is_prefix(&word) {
                let (tok, end) = string(&c, i, &word.to_ascii_lowercase())?;
                toks.push(tok);
                i = end;
            } else {
                toks.push(Tok::Name(word));
            }
        } else if ch == '\'' || ch == '"' {
            let (tok, end) = string(&c, i, "")?;
            toks.push(tok);
            i = end;
        } else if ch.is_ascii_digit() || (ch == '.' && c.get(i + 1).is_some_and(|x| x.is_ascii_digit())) {
            while let Some(&x) = c.get(i) {
                let exp_sign = (x == '+' || x == '-') && matches!(c.get(i.wrapping_sub(1)), Some('e') | Some('E'));
                if x.is_ascii_alphanumeric() || x == '_' || x == '.' || exp_sign {
                    i += 1;
                } else {
                    break;
                }
            }
            toks.push(Tok::Num);
        } else {
            let op = OPS.iter().find(|op| op.chars().enumerate().all(|(k, oc)| c.get(i + k) == Some(&oc)))?;
            toks.push(Tok::Op(op));
            i += op.chars().count();
        }
    }
    Some(toks)
}

fn is_prefix(w: &str) -> bool {
    matches!(w.to_ascii_lowercase().as_str(), "r" | "u" | "b" | "br" | "rb" | "f" | "fr" | "rf")
}

/// A string literal at `i` with lower-cased `prefix`: the token and the index after it.
fn string(c: &[char], i: usize, prefix: &str) -> Option<(Tok, usize)> {
    let q = *c.get(i)?;
    let triple = c.get(i + 1) == Some(&q) && c.get(i + 2) == Some(&q);
    let raw = prefix.contains('r');
    let plain = !prefix.contains('b') && !prefix.contains('f');
    let mut j = if triple { i + 3 } else { i + 1 };
    let mut value = String::new();
    loop {
        let ch = *c.get(j)?;
        if ch == q && (!triple || (c.get(j + 1) == Some(&q) && c.get(j + 2) == Some(&q))) {
            return Some((Tok::Str { value, plain }, if triple { j + 3 } else { j + 1 }));
        }
        if (ch == '\n' || ch == '\r') && !triple {
            return None;
        }
        if ch == '\\' {
            let next = *c.get(j + 1)?;
            if raw {
                value.push('\\');
                value.push(next);
            } else {
                match next {
                    'n' => value.push('\n'),
                    't' => value.push('\t'),
                    'r' => value.push('\r'),
                    '0' => value.push('\0'),
                    '\\' | '\'' | '"' => value.push(next),
                    _ => {
                        value.push('\\');
                        value.push(next);
                    }
                }
            }
            j += 2;
        } else {
            value.push(ch);
            j += 1;
        }
    }
}

/// Whether `toks` form one valid Python `eval` input (an expression list).
pub fn is_expression(toks: &[Tok]) -> bool {
    let mut p = P { t: toks, i: 0, depth: 0 };
    p.exprlist(true).is_some() && p.i == toks.len()
}

struct P<'a> {
    t: &'a [Tok],
    i: usize,
    depth: usize,
}

type R = Option<()>;

impl P<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.t.get(self.i)
    }
    fn is_op(&self, op: &str) -> bool {
        matches!(self.peek(), Some(Tok::Op(o)) if *o == op)
    }
    fn is_kw(&self, kw: &str) -> bool {
        matches!(self.peek(), Some(Tok::Name(n)) if n == kw)
    }
    fn eat_op(&mut self, op: &str) -> bool {
        let hit = self.is_op(op);
        self.i += usize::from(hit);
        hit
    }
    fn eat_kw(&mut self, kw: &str) -> bool {
        let hit = self.is_kw(kw);
        self.i += usize::from(hit);
        hit
    }
    fn expect_op(&mut self, op: &str) -> R {
        self.eat_op(op).then_some(())
    }
    /// Tokens that may start an expression.
    fn starts_expr(&self) -> bool {
        match self.peek() {
            Some(Tok::Name(n)) => {
                !is_keyword(n) || matches!(n.as_str(), "True" | "False" | "None" | "not" | "lambda" | "await")
            }
            Some(Tok::Num) | Some(Tok::Str { .. }) => true,
            Some(Tok::Op(o)) => matches!(*o, "(" | "[" | "{" | "-" | "+" | "~" | "..." | "*"),
            None => false,
        }
    }

    /// `a, *b, c,` — with `top`, a trailing comma is fine and at least one item is required.
    fn exprlist(&mut self, _top: bool) -> R {
        self.test_or_star()?;
        while self.eat_op(",") {
            if !self.starts_expr() {
                break;
            }
            self.test_or_star()?;
        }
        Some(())
    }
    fn test_or_star(&mut self) -> R {
        if self.eat_op("*") {
            self.or_expr()
        } else {
            self.test()
        }
    }
    fn test(&mut self) -> R {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        let r = self.test_inner();
        self.depth -= 1;
        r
    }
    fn test_inner(&mut self) -> R {
        if self.eat_kw("lambda") {
            // Parameters are not modelled: skip to the colon.
            while !self.is_op(":") {
                self.peek()?;
                self.i += 1;
            }
            self.i += 1;
            return self.test();
        }
        self.or_test()?;
        if self.eat_kw("if") {
            self.or_test()?;
            if !self.eat_kw("else") {
                return None;
            }
            self.test()?;
        }
        Some(())
    }
    fn or_test(&mut self) -> R {
        self.and_test()?;
        while self.eat_kw("or") {
            self.and_test()?;
        }
        Some(())
    }
    fn and_test(&mut self) -> R {
        self.not_test()?;
        while self.eat_kw("and") {
            self.not_test()?;
        }
        Some(())
    }
    fn not_test(&mut self) -> R {
        if self.eat_kw("not") {
            self.depth += 1;
            let r = if self.depth > MAX_DEPTH { None } else { self.not_test() };
            self.depth -= 1;
            return r;
        }
        self.comparison()
    }
    fn comparison(&mut self) -> R {
        self.or_expr()?;
        loop {
            let op = ["<", ">", "==", ">=", "<=", "!="].iter().any(|o| self.eat_op(o));
            let kw = !op
                && (self.eat_kw("in")
                    || (self.is_kw("not") && matches!(self.t.get(self.i + 1), Some(Tok::Name(n)) if n == "in") && {
                        self.i += 2;
                        true
                    })
                    || (self.eat_kw("is") && {
                        self.eat_kw("not");
                        true
                    }));
            if !(op || kw) {
                return Some(());
            }
            self.or_expr()?;
        }
    }
    fn binary(&mut self, ops: &[&str], next: fn(&mut Self) -> R) -> R {
        next(self)?;
        while ops.iter().any(|o| self.eat_op(o)) {
            next(self)?;
        }
        Some(())
    }
    fn or_expr(&mut self) -> R {
        self.binary(&["|"], Self::xor_expr)
    }
    fn xor_expr(&mut self) -> R {
        self.binary(&["^"], Self::and_expr)
    }
    fn and_expr(&mut self) -> R {
        self.binary(&["&"], Self::shift_expr)
    }
    fn shift_expr(&mut self) -> R {
        self.binary(&["<<", ">>"], Self::arith)
    }
    fn arith(&mut self) -> R {
        self.binary(&["+", "-"], Self::term)
    }
    fn term(&mut self) -> R {
        self.binary(&["*", "/", "//", "%", "@"], Self::factor)
    }
    fn factor(&mut self) -> R {
        self.depth += 1;
        let r = if self.depth > MAX_DEPTH {
            None
        } else if ["+", "-", "~"].iter().any(|o| self.eat_op(o)) {
            self.factor()
        } else {
            self.power()
        };
        self.depth -= 1;
        r
    }
    fn power(&mut self) -> R {
        self.eat_kw("await");
        self.atom()?;
        loop {
            if self.eat_op("(") {
                self.arglist()?;
            } else if self.eat_op("[") {
                self.subscripts()?;
            } else if self.eat_op(".") {
                match self.peek() {
                    Some(Tok::Name(n)) if !is_keyword(n) => self.i += 1,
                    _ => return None,
                }
            } else {
                break;
            }
        }
        if self.eat_op("**") {
            self.factor()?;
        }
        Some(())
    }
    fn atom(&mut self) -> R {
        let tok = self.peek()?.clone();
        self.i += 1;
        match tok {
            Tok::Name(n) => (!is_keyword(&n) || matches!(n.as_str(), "True" | "False" | "None")).then_some(()),
            Tok::Num => Some(()),
            Tok::Str { .. } => {
                while matches!(self.peek(), Some(Tok::Str { .. })) {
                    self.i += 1;
                }
                Some(())
            }
            Tok::Op("...") => Some(()),
            Tok::Op("(") => {
                if self.eat_op(")") {
                    return Some(());
                }
                self.comprehension_or_list(")")
            }
            Tok::Op("[") => {
                if self.eat_op("]") {
                    return Some(());
                }
                self.comprehension_or_list("]")
            }
            Tok::Op("{") => {
                if self.eat_op("}") {
                    return Some(());
                }
                self.dict_or_set()
            }
            _ => None,
        }
    }
    /// After an opening bracket: `x for ...` or `a, b,` then `close`.
    fn comprehension_or_list(&mut self, close: &str) -> R {
        self.test_or_star()?;
        if self.is_kw("for") || self.is_kw("async") {
            self.comp_for()?;
        } else {
            while self.eat_op(",") {
                if self.is_op(close) {
                    break;
                }
                self.test_or_star()?;
            }
        }
        self.expect_op(close)
    }
    fn dict_or_set(&mut self) -> R {
        let item = |p: &mut Self| -> Option<bool> {
            if p.eat_op("**") {
                p.or_expr()?;
                return Some(true);
            }
            p.test_or_star()?;
            if p.eat_op(":") {
                p.test()?;
                return Some(true);
            }
            Some(false)
        };
        let dict = item(self)?;
        if self.is_kw("for") || self.is_kw("async") {
            self.comp_for()?;
        } else {
            while self.eat_op(",") {
                if self.is_op("}") {
                    break;
                }
                if item(self)? != dict {
                    return None;
                }
            }
        }
        self.expect_op("}")
    }
    fn comp_for(&mut self) -> R {
        while self.is_kw("for") || self.is_kw("async") {
            self.eat_kw("async");
            if !self.eat_kw("for") {
                return None;
            }
            self.or_expr()?;
            while self.eat_op(",") {
                if self.is_kw("in") {
                    break;
                }
                self.or_expr()?;
            }
            if !self.eat_kw("in") {
                return None;
            }
            self.or_test()?;
            while self.eat_kw("if") {
                self.or_test()?;
            }
        }
        Some(())
    }
    /// Call arguments after `(`, through `)`; Python rejects positional after keyword arguments and
    /// repeated keywords at compile time.
    fn arglist(&mut self) -> R {
        let mut keywords: Vec<String> = Vec::new();
        let mut seen_kw = false;
        while !self.eat_op(")") {
            if self.eat_op("**") {
                self.test()?;
                seen_kw = true;
            } else if self.eat_op("*") {
                self.test()?;
            } else if matches!(self.t.get(self.i + 1), Some(Tok::Op("="))) {
                let Some(Tok::Name(n)) = self.peek() else {
                    return None;
                };
                if is_keyword(n) || keywords.contains(n) {
                    return None;
                }
                keywords.push(n.clone());
                self.i += 2;
                self.test()?;
                seen_kw = true;
            } else {
                if seen_kw {
                    return None;
                }
                self.test()?;
                if self.is_kw("for") || self.is_kw("async") {
                    self.comp_for()?;
                }
            }
            if !self.eat_op(",") {
                return self.expect_op(")");
            }
        }
        Some(())
    }
    fn subscripts(&mut self) -> R {
        loop {
            let mut any = false;
            if self.starts_expr() {
                self.test()?;
                any = true;
            }
            let mut colons = 0;
            while colons < 2 && self.eat_op(":") {
                colons += 1;
                any = true;
                if self.starts_expr() {
                    self.test()?;
                }
            }
            if !any {
                return None;
            }
            if !self.eat_op(",") || self.is_op("]") {
                return self.expect_op("]");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> bool {
        tokenize(s).is_some_and(|t| is_expression(&t))
    }

    #[test]
    fn valid_python() {
        for s in [
            "Subject",
            "common.Nwbfile",
            "Subject.proj(actual_id='subject_id')",
            "Subject & 'subject_id=1'",
            "3",
            "'Subject'",
            "Subject()",
            "(Subject)",
            "Subject . proj ( x = 'subject_id', )",
            "Subject  # comment",
            "a if b else c",
            "[x for x in y if x]",
            "{'a': 1, **b}",
            "f(*a, **k)",
            "x[1:2, ::3]",
            "not a in b",
            "a is not b",
            "-x ** 2",
            "1, 2",
            "r'\\d' \"x\"",
            "lambda x: x",
            "...",
        ] {
            assert!(ok(s), "{s}");
        }
    }

    #[test]
    fn invalid_python() {
        for s in [
            "",
            "# only comment",
            "[nullable-x] Subject",
            "[] Subject",
            "[nullable,] Subject",
            "Subject(",
            "Subject Subject",
            "Subject.proj(x='subject_id'",
            "f(a=1, b)",
            "f(a=1, a=2)",
            "'abc",
            "a $ b",
            "a.class",
            "x[]",
            "(",
            ")",
            "a = b",
            "f(1=2)",
        ] {
            assert!(!ok(s), "{s}");
        }
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let s = format!("{}{}", "(".repeat(5000), ")".repeat(5000));
        assert!(!ok(&s));
        let s = "-".repeat(5000) + "1";
        assert!(!ok(&s));
        let s = "not ".repeat(5000) + "1";
        assert!(!ok(&s));
        let s = format!("2{}", "**2".repeat(5000));
        assert!(!ok(&s));
    }
}
