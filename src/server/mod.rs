//! The emulated MySQL 8.0 server around the engine: `dj.config`, accounts with their grants,
//! connections, and raw SQL.

pub mod config;
pub mod grants;
