//! World images: a finished world's SQLite pages, kept in memory and copied into new worlds
//! (SQLite's online backup), so a scenario is built once per process and then copied in
//! milliseconds for every graded exercise.

use std::path::Path;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, DatabaseName};

use super::error::{Error, Kind, Result};
use super::world::{internal, World};

/// A world frozen as SQLite pages, with its catalog as it was (a copy need not read it back).
pub struct Image {
    conn: Connection,
    catalog: Option<super::world::Catalog>,
}

/// Copy every page of `from` into `to` in one step.
fn copy(from: &Connection, to: &mut Connection) -> Result<()> {
    let backup = Backup::new(from, to).map_err(internal)?;
    // A negative page count copies the whole database in one step.
    match backup.step(-1).map_err(internal)? {
        StepResult::Done => Ok(()),
        other => Err(Error::new(Kind::InternalError, format!("sandbox storage error: world copy stopped: {other:?}"))),
    }
}

impl World {
    /// This world's pages as they are now (the world itself is unchanged).
    pub fn image(&self) -> Result<Image> {
        let mut conn = Connection::open_in_memory().map_err(internal)?;
        copy(&self.conn, &mut conn)?;
        // Inside a transaction, a copy reads its catalog back from the copied pages rather than
        // trusting the in-memory one to match them.
        let catalog = (!self.in_transaction()).then(|| self.catalog());
        Ok(Image { conn, catalog })
    }

    /// A new in-memory world holding a copy of `image`.
    pub fn from_image(image: &Image) -> Result<World> {
        let mut conn = Connection::open_in_memory().map_err(internal)?;
        copy(&image.conn, &mut conn)?;
        World::setup_with(conn, image.catalog.as_ref())
    }
}

impl Image {
    /// Write the image as a world file at `path` (replacing what is there), for
    /// [`World::open`].
    pub fn write(&self, path: &Path) -> Result<()> {
        self.conn.backup(DatabaseName::Main, path, None).map_err(|e| {
            Error::new(Kind::OperationalError, format!("cannot write the world file {}: {e}", path.display()))
        })
    }
}
