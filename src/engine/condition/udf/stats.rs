//! STD/STDDEV/VARIANCE and their _POP/_SAMP forms, which SQLite lacks (Welford's update).

use rusqlite::functions::{Aggregate, Context};
use rusqlite::types::Value;

use super::value::arg_num;

#[derive(Default)]
pub struct Acc {
    n: u64,
    mean: f64,
    m2: f64,
}

/// A variance-family aggregate: `sample` divides by n-1, `root` takes the square root.
pub struct Spread {
    /// Sample (n-1) rather than population (n).
    pub sample: bool,
    /// Standard deviation rather than variance.
    pub root: bool,
}

impl Aggregate<Acc, Value> for Spread {
    fn init(&self, _: &mut Context<'_>) -> rusqlite::Result<Acc> {
        Ok(Acc::default())
    }

    fn step(&self, ctx: &mut Context<'_>, acc: &mut Acc) -> rusqlite::Result<()> {
        if let Some(x) = arg_num(ctx, 0) {
            let x = x.f();
            acc.n += 1;
            let d = x - acc.mean;
            acc.mean += d / acc.n as f64;
            acc.m2 += d * (x - acc.mean);
        }
        Ok(())
    }

    fn finalize(&self, _: &mut Context<'_>, acc: Option<Acc>) -> rusqlite::Result<Value> {
        let Some(acc) = acc else { return Ok(Value::Null) };
        let denom = if self.sample { acc.n.saturating_sub(1) } else { acc.n };
        if denom == 0 {
            return Ok(Value::Null);
        }
        let var = acc.m2 / denom as f64;
        Ok(Value::Real(if self.root { var.sqrt() } else { var }))
    }
}
