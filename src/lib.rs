//! djsandbox: DataJoint 0.14 semantics on SQLite, for learning DataJoint and Spyglass offline.
//!
//! Layers, one direction: [`engine`] (SQLite storage and DataJoint's rules; no scripting, no UI)
//! → [`server`] (config, accounts, connections, raw SQL) → [`script`] (DataJoint in rhai: bindings
//! only) → [`scenario`] (worlds built from scenario files) → [`course`] (exercises, grading,
//! hints, progress) → [`tui`] (the terminal UI; it calls the course layer).

pub mod course;
pub mod engine;
pub mod memory;
pub mod scenario;
pub mod script;
pub mod server;
pub mod spyglass;
pub mod tui;
