//! Garbage in: every result is Ok (and prepares in SQLite over the fixture) or a typed error;
//! nothing panics.
