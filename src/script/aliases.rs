//! The names a definition's `-> Name` may use besides the classes in the script's namespace, as
//! DataJoint's `eval` in the caller's namespace finds them: `-> common.Session` through an
//! import alias (`import "spyglass/common" as common;`) and `-> CommonSession` through a
//! variable holding a table (`let CommonSession = common::Session;`). rhai does not show a
//! native function its caller's variables, so both are read from the script's text: its
//! `import ... as` statements, and its `let`/`const` of a table path (`a::Class`, `Class`,
//! `a::Class.Part`), the last one written winning.

use std::collections::HashMap;

use rhai::{ASTNode, Expr, Stmt, AST};

use super::host::{Export, Shared};
use crate::engine::TableName;

/// What the script's text names: import aliases and variables holding table paths.
#[derive(Debug, Default)]
pub struct Aliases {
    /// Import alias → module path.
    imports: HashMap<String, String>,
    /// Variable → the table path it holds, written with dots (`common.Session.Experimenter`).
    variables: HashMap<String, String>,
}

impl Aliases {
    /// Add what `ast` names (a shell's lines add up).
    pub fn scan(&mut self, ast: &AST) {
        ast.walk(&mut |path: &[ASTNode]| {
            match path.last() {
                Some(ASTNode::Stmt(Stmt::Import(x, _))) => {
                    if let (Expr::StringConstant(p, _), alias) = (&x.0, &x.1) {
                        if !alias.name.is_empty() {
                            self.imports.insert(alias.name.to_string(), p.to_string());
                        }
                    }
                }
                Some(ASTNode::Stmt(Stmt::Var(x, ..))) => {
                    let name = x.0.name.to_string();
                    match table_path(&x.1) {
                        Some(p) if p != name => self.variables.insert(name, p),
                        _ => self.variables.remove(&name),
                    };
                }
                _ => {}
            }
            true
        });
    }

    /// The table `reference` names through an import alias or a variable, if it does.
    pub fn resolve(&self, host: &Shared, names: &HashMap<String, TableName>, reference: &str) -> Option<TableName> {
        self.resolve_in(host, names, reference, 0)
    }

    fn resolve_in(
        &self,
        host: &Shared,
        names: &HashMap<String, TableName>,
        reference: &str,
        depth: usize,
    ) -> Option<TableName> {
        if depth > 0 {
            if let Some(t) = names.get(reference) {
                return Some(t.clone());
            }
        }
        let (head, rest) = match reference.split_once('.') {
            Some((h, r)) => (h, Some(r)),
            None => (reference, None),
        };
        if let Some(held) = self.variables.get(head).filter(|_| depth < 8) {
            let path = rest.map_or_else(|| held.clone(), |r| format!("{held}.{r}"));
            return self.resolve_in(host, names, &path, depth + 1);
        }
        // `alias.Class` or `alias.Class.Part`: the module's export, and its part as importing
        // named it.
        let module = self.imports.get(head)?;
        let (class, part) = match rest?.split_once('.') {
            Some((c, p)) => (c, Some(p)),
            None => (rest?, None),
        };
        let modules = host.modules.borrow();
        let Some(Export::Table(table)) = modules.get(module)?.get(class) else { return None };
        match part {
            None => Some(table.clone()),
            Some(p) => names.get(&format!("{class}.{p}")).filter(|t| t.database == table.database).cloned(),
        }
    }
}

/// `a::Class`, `Class` or `a::Class.Part` as a dotted path; anything else is not a table path.
fn table_path(e: &Expr) -> Option<String> {
    match e {
        Expr::Variable(x, ..) => {
            let mut parts: Vec<String> = x.2.path.iter().map(|i| i.name.to_string()).collect();
            parts.push(x.1.to_string());
            Some(parts.join("."))
        }
        Expr::Dot(x, ..) => match &x.rhs {
            Expr::Property(p, _) => Some(format!("{}.{}", table_path(&x.lhs)?, p.2)),
            _ => None,
        },
        _ => None,
    }
}
