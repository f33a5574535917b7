//! Python's `None` in scripts: rhai's `()` prints as `None` (Python's `print(None)` and
//! f-strings show it so) instead of an empty string, and concatenating it with a string is
//! Python's TypeError instead of rhai's silent no-op.

use rhai::{Dynamic, Engine, EvalAltResult, ImmutableString};

use super::error::type_error;

type R<T> = Result<T, Box<EvalAltResult>>;

/// Register `None`'s printing and its refusals.
pub fn register(engine: &mut Engine) {
    // rhai's built-in operators (`"x" + ()` is one) run before registered ones unless fast
    // operators are off.
    engine.set_fast_operators(false);
    for name in ["print", "to_string"] {
        engine.register_fn(name, |_: ()| -> ImmutableString { "None".into() });
    }
    const APPEND: &str = "can only concatenate str (not \"NoneType\") to str";
    engine.register_fn("+", |_: ImmutableString, _: ()| -> R<Dynamic> { Err(type_error(APPEND)) });
    engine.register_fn("+=", |_: &mut ImmutableString, _: ()| -> R<()> { Err(type_error(APPEND)) });
    engine.register_fn("+", |_: (), _: ImmutableString| -> R<Dynamic> {
        Err(type_error("unsupported operand type(s) for +: 'NoneType' and 'str'"))
    });
}
