//! The DataJoint engine: an emulated MySQL 8.0 server holding DataJoint 0.14 schemas, on SQLite.
//!
//! No rhai and no terminal here: a Rust API that the scripting layer wraps one-to-one.

pub mod access;
pub mod collation;
pub mod condition;
pub mod constraints;
pub mod declare;
pub mod delete;
pub mod deps;
pub mod describe;
pub mod diagram;
pub mod drop;
pub mod dropped;
pub mod dump;
pub mod edges;
pub mod error;
pub mod external;
pub mod fetch;
pub mod frame;
pub mod hash;
pub mod heading;
pub mod image;
pub mod insert;
pub mod integrity;
pub mod make_source;
pub mod nwb;
pub mod populate;
pub mod preview;
pub mod py;
pub mod query;
#[cfg(test)]
pub(crate) mod testing;
pub mod types;
pub mod value;
pub mod world;

pub use declare::{Declaration, Declared, Tier};
pub use error::{Error, Kind, Result};
pub use fetch::{FetchSpec, Rows};
pub use heading::{Attribute, TableInfo, TableName};
pub use insert::{InsertOptions, Row};
pub use query::{Query, Restriction};
pub use value::Value;
pub use world::World;
