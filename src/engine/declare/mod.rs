//! DataJoint's definition grammar: text → lines → a heading with foreign keys and indexes.

pub mod alter;
mod attr;
pub mod compile;
mod fk;
pub mod naming;
pub mod parse;
mod pyexpr;
pub(crate) mod sqlite;
mod text;

pub use alter::Alteration;
pub use compile::{Declaration, Declared, Namespace};
pub use naming::Tier;
