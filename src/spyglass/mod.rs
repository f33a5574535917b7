//! Spyglass's rules on top of the engine's World API (no rhai): what Spyglass 0.6.0 adds to
//! DataJoint, method by method.

pub mod merge;
