//! Script functions used as a table's methods (`MyParams.insert_default()` calls `fn
//! insert_default()` with `this` = the table): after a run, each such function's source is
//! kept in the world under the table it was called on, so that `export --python` writes it
//! in that class. rhai functions are global; the call site is what ties one to a table.

use rhai::{ASTNode, Expr, AST};

use super::host::Shared;

/// Record the script functions `ast` calls as methods of a declared table.
pub fn record(host: &Shared, ast: &AST) {
    let mut calls = Vec::new();
    ast.walk(&mut |path: &[ASTNode]| {
        if let Some(ASTNode::Expr(Expr::Dot(b, _, _))) = path.last() {
            if let (Expr::Variable(v, _, _), Expr::MethodCall(f, _)) = (&b.lhs, &b.rhs) {
                calls.push((v.1.to_string(), f.name.to_string()));
            }
        }
        true
    });
    let sources = host.sources.borrow();
    let names = host.names.borrow();
    let mut server = host.server.borrow_mut();
    for (class, function) in calls {
        let (Some(table), Some(source)) = (names.get(&class), sources.get(&function)) else { continue };
        if function.starts_with("anon$") || server.world.table(table).is_none() {
            continue;
        }
        // Best effort: a method that cannot be kept is left out of the export, nothing more.
        let _ = server.world.set_method_source(table, &function, &source.closure(0));
    }
}
