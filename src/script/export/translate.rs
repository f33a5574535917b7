//! A make's rhai source (`|key| { ... }`) as the body of a Python `make(self, key)`, statement
//! by statement, when every piece has a mechanical translation (see `expr.rs`); otherwise the
//! reason, so the export can keep the rhai as a comment.

use rhai::{ASTFlags, Engine, Expr, OptimizationLevel, Stmt, StmtBlock};

use super::expr::{expr, Refusal};

/// A translated function: its parameters (without `self`) and its body lines, unindented.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Function {
    /// Parameter names.
    pub params: Vec<String>,
    /// Python lines, indented by four spaces per block level.
    pub body: Vec<String>,
}

/// Translate a closure's source (`|key| { ... }`).
pub fn closure(source: &str) -> Result<Function, Refusal> {
    let mut engine = Engine::new_raw();
    // Unoptimised: the AST then says what the learner wrote (no folded constants).
    engine.set_optimization_level(OptimizationLevel::None);
    let (params, body) = split(source).ok_or("the source is not a closure `|params| { ... }`")?;
    let text = without_this(body);
    let ast = engine.compile(&text).map_err(|e| format!("the source does not parse: {e}"))?;
    let source = text.lines().map(String::from).collect();
    let mut out = Writer { lines: Vec::new(), depth: 0, source, next: 1 };
    for s in ast.statements() {
        match s {
            // The body is one block; its statements are the function's.
            Stmt::Block(b) => out.block(b)?,
            other => out.stmt(other)?,
        }
    }
    Ok(Function { params, body: out.lines })
}

/// rhai refuses `this` outside a function, and the body is compiled on its own: it reads
/// `this` as the variable `__this`, which the expressions translate to `self`.
fn without_this(body: &str) -> String {
    let mut out = body.to_string();
    for w in super::super::words::words(body).iter().rev().filter(|w| w.text == "this") {
        out.replace_range(w.end - 4..w.end, THIS);
    }
    out
}

/// The stand-in for `this`.
pub const THIS: &str = "__this";

/// `|a, b| { ... }` → the parameter names and the body.
fn split(source: &str) -> Option<(Vec<String>, &str)> {
    let rest = source.trim().strip_prefix('|')?;
    let (params, body) = rest.split_once('|')?;
    let params = params.split(',').map(str::trim).filter(|p| !p.is_empty()).map(String::from).collect();
    Some((params, body.trim()))
}

struct Writer {
    lines: Vec<String>,
    depth: usize,
    /// The body's lines: the AST drops comments, which say why, so they come from here.
    source: Vec<String>,
    /// The first source line whose comments are not written yet (1-based).
    next: usize,
}

impl Writer {
    fn line(&mut self, text: String) {
        self.lines.push(format!("{}{text}", "    ".repeat(self.depth)));
    }

    /// A block's statements, or `pass` when it has none (Python needs a statement).
    fn block(&mut self, block: &StmtBlock) -> Result<(), Refusal> {
        let before = self.lines.len();
        for s in block.iter() {
            self.stmt(s)?;
        }
        if self.lines.len() == before {
            self.line("pass".into());
        }
        Ok(())
    }

    fn nested(&mut self, block: &StmtBlock) -> Result<(), Refusal> {
        self.depth += 1;
        let r = self.block(block);
        self.depth -= 1;
        r
    }

    /// The `//` comment lines above source line `line` not yet written, as Python comments.
    fn comments_before(&mut self, line: usize) {
        while self.next < line.min(self.source.len() + 1) {
            let text = self.source[self.next - 1].trim().to_string();
            if let Some(comment) = text.strip_prefix("//") {
                self.line(format!("#{}", comment.trim_start_matches('/')));
            }
            self.next += 1;
        }
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), Refusal> {
        if let Some(line) = s.position().line() {
            self.comments_before(line);
        }
        match s {
            Stmt::Noop(_) | Stmt::Share(_) => {}
            Stmt::Var(v, _, _) => {
                let value = expr(&v.1)?.0;
                self.line(format!("{} = {value}", v.0.name));
            }
            Stmt::Assignment(a) => {
                let (op, b) = (&a.0, &a.1);
                let syntax = match op.get_op_assignment_info() {
                    None => "=",
                    Some((.., "/=", _, _)) => return Err("`/=` (integer division differs)".into()),
                    Some((_, _, _, syntax, _, _)) => syntax,
                };
                let target = expr(&b.lhs)?.0;
                self.line(format!("{target} {syntax} {}", expr(&b.rhs)?.0));
            }
            Stmt::Expr(e) => self.line(expr(e)?.0),
            Stmt::FnCall(f, pos) => self.line(expr(&Expr::FnCall(f.clone(), *pos))?.0),
            Stmt::Block(b) => self.block(b)?,
            Stmt::For(f, _) => {
                if f.1.is_some() {
                    return Err("a `for` loop with a counter".into());
                }
                self.line(format!("for {} in {}:", f.0.name, expr(&f.2.expr)?.0));
                self.nested(&f.2.body)?;
            }
            Stmt::While(f, _) => {
                self.line(format!("while {}:", expr(&f.expr)?.0));
                self.nested(&f.body)?;
            }
            Stmt::If(f, _) => {
                self.line(format!("if {}:", expr(&f.expr)?.0));
                self.nested(&f.body)?;
                if !f.branch.is_empty() {
                    self.line("else:".into());
                    self.nested(&f.branch)?;
                }
            }
            Stmt::BreakLoop(None, flags, _) => {
                self.line((if flags.contains(ASTFlags::BREAK) { "break" } else { "continue" }).into())
            }
            Stmt::Return(value, flags, _) if !flags.contains(ASTFlags::BREAK) => match value {
                Some(v) => self.line(format!("return {}", expr(v)?.0)),
                None => self.line("return".into()),
            },
            other => return Err(format!("the statement `{other:?}`")),
        }
        Ok(())
    }
}
