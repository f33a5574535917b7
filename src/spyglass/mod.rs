//! The Spyglass layer: what Spyglass (LorenFrankLab, 0.6.0) adds on top of DataJoint, as rules
//! over the engine's [`World`](crate::engine::World) API, method by method. No rhai here.

pub mod analysis;
pub mod dataframe;
pub mod delete;
pub mod graph;
pub mod interval;
pub mod log;
pub mod merge;
pub mod mixin;
pub mod python;
pub mod restrict_by;
pub mod settings;
pub mod synthetic;
