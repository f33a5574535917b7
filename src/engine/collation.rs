//! MySQL 8.0's default collation `utf8mb4_0900_ai_ci`, registered in SQLite as `MYSQL_AI_CI`:
//! case- and accent-insensitive ('Beaver' = 'beaver' = 'béaver'), trailing spaces significant
//! (NO PAD). Used for varchar/char/enum columns: equality, uniqueness, ordering and LIKE.

use std::cmp::Ordering;

/// The collation's name in SQLite DDL.
pub const NAME: &str = "MYSQL_AI_CI";

/// Compare two strings as utf8mb4_0900_ai_ci does.
pub fn compare(a: &str, b: &str) -> Ordering {
    let _ = (a, b);
    todo!("collation helper")
}

/// Register [`NAME`] on a connection.
pub fn register(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    conn.create_collation(NAME, compare)
}
