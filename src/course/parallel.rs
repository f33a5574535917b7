//! Grading on several threads: each thread has a grader of its own (a grader holds worlds,
//! which stay on their thread) and takes the next item in course order until none are left;
//! results come back in the items' order.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use super::grade::Grader;
use crate::scenario::Scenarios;

/// `f` applied to every item on up to `threads` threads, each with its own grader.
pub fn with_graders<T: Sync, R: Send>(
    scenarios: &Scenarios,
    items: &[T],
    threads: usize,
    f: impl Fn(&Grader, &T) -> R + Sync,
) -> Vec<R> {
    let threads = threads.clamp(1, items.len().max(1));
    let next = AtomicUsize::new(0);
    let done: Mutex<Vec<(usize, R)>> = Mutex::new(Vec::with_capacity(items.len()));
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                let grader = Grader::new(scenarios.clone());
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    let result = f(&grader, item);
                    done.lock().unwrap_or_else(|e| e.into_inner()).push((i, result));
                }
            });
        }
    });
    let mut done = done.into_inner().unwrap_or_else(|e| e.into_inner());
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// The machine's cores (1 when unknown).
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}
