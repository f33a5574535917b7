//! The emulated MySQL 8.0 server around the engine: `dj.config`, accounts with their grants,
//! connections, and raw SQL.

pub mod access;
pub mod config;
pub mod connection;
pub mod env;
pub mod grants;
pub mod settings;

pub use connection::Server;
pub mod sql;
