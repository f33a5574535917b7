//! The watch on the workspace: a saved `.rhai` file becomes a [`Msg::Saved`], so the exercise
//! is graded again as soon as the learner saves it.

use std::path::Path;
use std::sync::mpsc::Sender;

use notify::{EventKind, RecursiveMode, Watcher};

use super::app::Msg;

/// Watch `workspace`; the watch lasts as long as the returned watcher.
pub fn watch(workspace: &Path, out: Sender<Msg>) -> notify::Result<notify::RecommendedWatcher> {
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        if !matches!(event.kind, EventKind::Modify(_) | EventKind::Create(_)) {
            return;
        }
        for path in event.paths {
            if path.extension().is_some_and(|e| e == "rhai") {
                let _ = out.send(Msg::Saved(path));
            }
        }
    })?;
    watcher.watch(workspace, RecursiveMode::Recursive)?;
    Ok(watcher)
}
