//! The DataJoint engine: an emulated MySQL 8.0 server holding DataJoint 0.14 schemas, on SQLite.
//!
//! No rhai and no terminal here: a Rust API that the scripting layer wraps one-to-one.

pub mod collation;
pub mod declare;
pub mod error;
pub mod py;
pub mod types;
pub mod value;

pub use error::{Error, Kind, Result};
pub use value::Value;
