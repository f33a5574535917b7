//! Every rhai limit, set explicitly: rhai's defaults differ between debug and release builds,
//! and a learner's runaway script must end with a clear error naming the limit, never hang.
//!
//! Sizes are bounded without rhai's own size limits: those re-measure a whole array or map after
//! every call that changes it, so building a list row by row costs quadratic time. Instead the
//! script's memory is checked at every operation (one counter read, see [`crate::memory`]), and
//! the few functions that make a large value in one step (`pad`, `blob`) check their size first.

use std::cell::Cell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use rhai::{Blob, Dynamic, Engine, EvalAltResult, ImmutableString, INT};

use super::error::throw;
use crate::engine::{Error, Kind};

type R<T> = Result<T, Box<EvalAltResult>>;

/// Is an error of this kind and message one of the limits' (time, operations, nesting, memory,
/// size)? A grader turns these into a failed check of their own.
pub fn is_limit_error(kind: &str, message: &str) -> bool {
    matches!(kind, "TimeoutError" | "RuntimeError" | "RecursionError" | "MemoryError") && message.contains("limit")
}

/// The limits one script runs under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Operations (rhai's unit of work).
    pub operations: u64,
    /// Nested function calls.
    pub call_levels: usize,
    /// Expression nesting (and inside functions).
    pub expr_depth: usize,
    /// Characters in a string made in one step (`pad`).
    pub string_size: usize,
    /// Items in an array or bytes in a blob made in one step (`pad`, `blob`).
    pub array_size: usize,
    /// Bytes the script's values may hold beyond what the process held when it started.
    pub memory: usize,
    /// Wall-clock time.
    pub time: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            operations: 50_000_000,
            call_levels: 64,
            expr_depth: 64,
            string_size: 10_000_000,
            array_size: 1_000_000,
            memory: 512 << 20,
            time: Duration::from_secs(10),
        }
    }
}

impl Limits {
    /// Apply to an engine; returns the clock (restart it before each evaluation).
    pub fn apply(&self, engine: &mut Engine) -> Clock {
        engine.set_max_operations(self.operations);
        engine.set_max_call_levels(self.call_levels);
        engine.set_max_expr_depths(self.expr_depth, self.expr_depth);
        // 0 = no rhai size checks (see the module's note); memory and `pad`/`blob` bound sizes.
        engine.set_max_string_size(0);
        engine.set_max_array_size(0);
        engine.set_max_map_size(0);
        let clock = Clock { started: Rc::new(Cell::new(Instant::now())), baseline: Rc::new(Cell::new(0)) };
        let (started, baseline) = (clock.started.clone(), clock.baseline.clone());
        let (time, memory) = (self.time, self.memory);
        engine.on_progress(move |operations| {
            // Memory every operation (one counter read): a doubling string outgrows any limit
            // in a few dozen operations. The clock costs more: every 256 operations.
            if crate::memory::in_use().saturating_sub(baseline.get()) > memory {
                return Some(Dynamic::from(format!(
                    "MemoryError: the script's values outgrew its memory limit of {} MB \
                     (a string, array or map that keeps growing?)",
                    memory >> 20
                )));
            }
            (operations % 256 == 0 && started.get().elapsed() > time).then(|| {
                Dynamic::from(format!(
                    "TimeoutError: the script ran longer than its time limit of {} s",
                    time.as_secs()
                ))
            })
        });
        self.guard_sizes(engine);
        clock
    }

    /// `pad` and `blob` make a value of any size in one step: refuse sizes over the limits.
    fn guard_sizes(&self, engine: &mut Engine) {
        let (items, chars) = (self.array_size, self.string_size);
        let too_large = move |what: &str, len: INT, max: usize| -> R<()> {
            if len > 0 && len as u64 > max as u64 {
                let unit = match what {
                    "a string" => "characters",
                    "a blob" => "bytes",
                    _ => "items",
                };
                return Err(throw(Error::new(
                    Kind::MemoryError,
                    format!("{what} of {len} {unit} exceeds the script's size limit of {max} {unit}"),
                )));
            }
            Ok(())
        };
        engine.register_fn("pad", move |a: &mut rhai::Array, len: INT, item: Dynamic| -> R<()> {
            too_large("an array", len, items)?;
            if len > 0 && len as usize > a.len() {
                a.resize(len as usize, item);
            }
            Ok(())
        });
        engine.register_fn("pad", move |b: &mut Blob, len: INT, byte: INT| -> R<()> {
            too_large("a blob", len, items)?;
            if len > 0 && len as usize > b.len() {
                b.resize(len as usize, byte as u8);
            }
            Ok(())
        });
        engine.register_fn("blob", move |len: INT| -> R<Blob> {
            too_large("a blob", len, items)?;
            Ok(vec![0u8; len.max(0) as usize])
        });
        engine.register_fn("blob", move |len: INT, byte: INT| -> R<Blob> {
            too_large("a blob", len, items)?;
            Ok(vec![byte as u8; len.max(0) as usize])
        });
        engine.register_fn("pad", move |s: &mut ImmutableString, len: INT, c: char| -> R<()> {
            too_large("a string", len, chars)?;
            pad_string(s, len, std::iter::repeat(c));
            Ok(())
        });
        engine.register_fn("pad", move |s: &mut ImmutableString, len: INT, fill: &str| -> R<()> {
            too_large("a string", len, chars)?;
            pad_string(s, len, fill.chars().cycle());
            Ok(())
        });
    }
}

/// rhai's string `pad`: fill up to `len` characters from `fill`.
fn pad_string(s: &mut ImmutableString, len: INT, fill: impl Iterator<Item = char>) {
    let have = s.chars().count();
    if len > 0 && len as usize > have {
        let mut t = s.to_string();
        t.extend(fill.take(len as usize - have));
        *s = t.into();
    }
}

/// When the running evaluation started, and the memory the process held then.
#[derive(Debug, Clone)]
pub struct Clock {
    started: Rc<Cell<Instant>>,
    baseline: Rc<Cell<usize>>,
}

impl Clock {
    /// Start timing (and measuring) a new evaluation.
    pub fn restart(&self) {
        self.started.set(Instant::now());
        self.baseline.set(crate::memory::in_use());
    }

    /// Run `f` with the clock stopped (a person thinking at a prompt is not the script running).
    pub fn paused<T>(&self, f: impl FnOnce() -> T) -> T {
        let elapsed = self.started.get().elapsed();
        let value = f();
        self.started.set(Instant::now().checked_sub(elapsed).unwrap_or_else(Instant::now));
        value
    }
}
