//! `Merge().merge_fetch(*attrs, restriction=True, **kwargs)`: a fetch from each matching part,
//! the results run together into one list (a lone result comes back bare, as in Spyglass).

use rhai::{Array, Dynamic, Engine, Map};

use super::error::throw;
use super::host::Shared;
use super::ops::restriction;
use super::table::Table;
use crate::engine::{Kind, Restriction};
use crate::spyglass::merge as sg;

/// The oracle's hint when nothing was fetched (stale since `restriction` became keyword-only).
const NO_RESULTS: &str = "No merge_fetch results.\n\tIf not restricting, try: `M.merge_fetch(True,'attr')\n\t\
                          If restricting by source, use dict: `M.merge_fetch({'source':'X'}";

/// Register `merge_fetch`.
pub fn register(engine: &mut Engine, host: &Shared) {
    let h = host.clone();
    super::variadic::register(engine, "merge_fetch", true, move |t: &mut Table, attrs, mut opts: Map| {
        let m = super::merge::master_of(&h, t, "merge_fetch")?;
        let given = opts.remove("restriction").map(|r| restriction(&r)).transpose()?;
        opts.remove("log_export");
        let r = match (t.query.base_table().is_some(), given) {
            (false, _) => Restriction::Query(t.query.clone()),
            (true, Some(r)) => r,
            (true, None) => Restriction::Bool(true),
        };
        let parts = sg::merge_fetch_parts(&h.server.borrow().world, &m, &r).map_err(throw)?;
        let mut results = Array::new();
        for (part, q) in parts {
            let class = h.class_of(&part).unwrap_or_else(|| part.full());
            match super::table::fetch(&h, &Table { query: q, class }, attrs.clone(), &opts) {
                Ok(v) if v.is_array() => results.extend(v.cast::<Array>()),
                Ok(v) => results.push(v),
                Err(e) => match dj_message(&e) {
                    Some(message) => h.emit(format!("[WARNING] Spyglass: {message} Skipping {}", sg::part_name(&part))),
                    None => return Err(e),
                },
            }
        }
        if results.is_empty() {
            h.emit(format!("[INFO] Spyglass: {NO_RESULTS}"));
        }
        Ok(if results.len() == 1 { results.remove(0) } else { Dynamic::from_array(results) })
    });
}

/// The message of a thrown DataJointError (Spyglass catches those and skips the part).
fn dj_message(e: &rhai::EvalAltResult) -> Option<String> {
    let rhai::EvalAltResult::ErrorRuntime(v, _) = e else { return None };
    let m = v.read_lock::<Map>()?;
    (m.get("kind")?.to_string() == Kind::DataJointError.name()).then(|| m.get("message").map(|s| s.to_string()))?
}
