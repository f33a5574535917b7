//! Every rhai limit, set explicitly: rhai's defaults differ between debug and release builds,
//! and a learner's runaway script must end with a clear error, never hang.

use std::cell::Cell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use rhai::{Dynamic, Engine};

/// The limits one script runs under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Operations (rhai's unit of work).
    pub operations: u64,
    /// Nested function calls.
    pub call_levels: usize,
    /// Expression nesting (and inside functions).
    pub expr_depth: usize,
    /// Characters in one string.
    pub string_size: usize,
    /// Items in one array.
    pub array_size: usize,
    /// Entries in one map.
    pub map_size: usize,
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
            map_size: 100_000,
            time: Duration::from_secs(10),
        }
    }
}

impl Limits {
    /// Apply to an engine; returns the wall-clock's handle (restart it before each evaluation).
    pub fn apply(&self, engine: &mut Engine) -> Clock {
        engine.set_max_operations(self.operations);
        engine.set_max_call_levels(self.call_levels);
        engine.set_max_expr_depths(self.expr_depth, self.expr_depth);
        engine.set_max_string_size(self.string_size);
        engine.set_max_array_size(self.array_size);
        engine.set_max_map_size(self.map_size);
        let clock = Clock(Rc::new(Cell::new(Instant::now())));
        let start = clock.clone();
        let limit = self.time;
        engine.on_progress(move |_| {
            (start.0.get().elapsed() > limit)
                .then(|| Dynamic::from(format!("the script ran longer than its time limit of {} s", limit.as_secs())))
        });
        clock
    }
}

/// When the running evaluation started.
#[derive(Debug, Clone)]
pub struct Clock(Rc<Cell<Instant>>);

impl Clock {
    /// Start timing a new evaluation.
    pub fn restart(&self) {
        self.0.set(Instant::now());
    }
}
