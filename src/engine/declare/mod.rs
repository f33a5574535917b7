//! DataJoint's definition grammar: text → lines → a heading with foreign keys and indexes.

mod attr;
mod fk;
pub mod naming;
pub mod parse;
mod pyexpr;
mod text;

pub use naming::Tier;
pub mod alter;
pub mod compile;

pub use alter::Alteration;
pub use compile::{Declaration, Declared, Resolver};
