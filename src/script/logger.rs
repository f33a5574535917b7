//! `from spyglass.utils import logger` → `import "spyglass/utils" as utils; utils::logger.info(m)`:
//! Spyglass's logger, printing its lines as Spyglass's own calls do ([`crate::spyglass::log`]).

use rhai::{Dynamic, Engine, EvalAltResult, Module, NativeCallContext};

use super::host::Shared;
use crate::spyglass::log::{self, Level};

type R<T> = Result<T, Box<EvalAltResult>>;

/// Spyglass's logger object.
#[derive(Clone)]
pub struct Logger(Shared);

/// The `spyglass/utils` module: its `logger`.
pub fn module(host: &Shared) -> Module {
    let mut m = Module::new();
    m.set_var("logger", Logger(host.clone()));
    m
}

/// Register the logger's methods; a value is logged as `str(value)` is. (`debug` is a reserved
/// word in rhai, and at Spyglass's default level, INFO, it prints nothing anyway.)
pub fn register(engine: &mut Engine) {
    engine.register_type_with_name::<Logger>("Logger");
    for (method, level) in [("info", Level::Info), ("warning", Level::Warning), ("error", Level::Error)] {
        engine.register_fn(method, move |ctx: NativeCallContext, l: &mut Logger, message: Dynamic| -> R<()> {
            let text: String = if message.is_string() {
                message.into_string().unwrap_or_default()
            } else {
                ctx.call_native_fn("to_string", (message,))?
            };
            l.0.emit(log::format(level, &text));
            Ok(())
        });
    }
    engine.register_fn("to_string", |_: &mut Logger| "<Logger spyglass (INFO)>".to_string());
    engine.register_fn("to_debug", |_: &mut Logger| "<Logger spyglass (INFO)>".to_string());
}
