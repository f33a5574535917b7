//! The emulated server's own settings: where it answers, what it calls itself, and how it sees
//! its clients. A scenario sets them; the world file keeps them.

use serde::{Deserialize, Serialize};

/// Host names and port the server answers at, its version string, and the client host its
/// messages name (`'sailor'@'localhost'`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerSettings {
    /// Names and addresses that reach the server (`localhost`, `127.0.0.1`, ...).
    pub hosts: Vec<String>,
    /// Its port.
    pub port: u16,
    /// `SELECT VERSION()`.
    pub version: String,
    /// The client's host as the server sees it.
    pub client_host: String,
}

impl Default for ServerSettings {
    fn default() -> Self {
        ServerSettings {
            hosts: vec!["localhost".into(), "127.0.0.1".into()],
            port: 3306,
            version: "8.0.40".into(),
            client_host: "localhost".into(),
        }
    }
}
