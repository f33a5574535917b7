//! The binary's commands: thin layers over the library; `anyhow` only here.

pub mod run;
pub mod shell;
pub mod terminal;
