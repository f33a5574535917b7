//! DataJoint's definition grammar: text → lines → a heading with foreign keys and indexes.

mod attr;
mod fk;
pub mod naming;
pub mod parse;
mod pyexpr;
mod text;

pub use naming::Tier;
