//! `ExternalTable.upload_filepath` (insert) and `download_filepath` (fetch) on the virtual
//! store: a path is tracked by its text relative to the stage; nothing is read or copied.

use rusqlite::OptionalExtension;

use super::path::{path_text, PurePath};
use super::tracking_table;
use crate::engine::access::Privilege;
use crate::engine::error::{Error, Kind, Result};
use crate::engine::hash::uuid_from_buffer;
use crate::engine::heading::TableInfo;
use crate::engine::py::str_repr;
use crate::engine::types::AttrType;
use crate::engine::value::Value;
use crate::engine::world::{internal, World};

/// A virtual file's contents: none. Its contents hash is `uuid_from_file` of no bytes.
const CONTENTS: &[u8] = b"";

impl World {
    /// `schema.external[store].upload_filepath(value)`: the hash the attribute stores. The
    /// path must lie under the stage; a new one gets its tracking row.
    // oracle: "The path /tmp/other is not in stage /tmp/hfp/raw" (the parent of the path, the
    // stage as configured); the stage itself is "[Errno 21] Is a directory: '/tmp/hfp/raw'".
    pub(crate) fn upload_filepath(&mut self, database: &str, store: &str, value: &Value) -> Result<Vec<u8>> {
        let spec = self.external_store(database, store)?;
        let local = PurePath::new(&path_text(value)?);
        let stage = spec.stage_text()?;
        let Some(relative) = local.relative_to(&PurePath::new(&stage)) else {
            return Err(Error::dj(format!("The path {} is not in stage {stage}", local.parent())));
        };
        // The hash is of the relative path, not of the contents.
        let hash = uuid_from_buffer(b"", &relative).as_bytes().to_vec();
        if relative == "." {
            let shown = str_repr(&local.to_string());
            return Err(Error::new(Kind::IsADirectoryError, format!("[Errno 21] Is a directory: {shown}")));
        }
        let table = tracking_table(database, store);
        let tracked: Option<i64> = self
            .conn
            .query_row(&format!("SELECT 1 FROM {} WHERE hash = ?1", table.sqlite()), [&hash], |r| r.get(0))
            .optional()
            .map_err(internal)?;
        if tracked.is_some() {
            // The same path again: same (empty) contents, nothing to do.
            return Ok(hash);
        }
        spec.check_protocol()?;
        self.authorize(&[Privilege::Insert], &table, || {
            format!(
                "INSERT INTO {} (hash, size, filepath, contents_hash) VALUES (%s, {}, '{relative}', %s)",
                table.full(),
                CONTENTS.len()
            )
        })?;
        let contents_hash = uuid_from_buffer(CONTENTS, "").as_bytes().to_vec();
        self.conn
            .execute(
                &format!(
                    "INSERT INTO {} (hash, size, attachment_name, filepath, contents_hash, timestamp) \
                     VALUES (?1, ?2, NULL, ?3, ?4, datetime('now', 'localtime'))",
                    table.sqlite()
                ),
                rusqlite::params![hash, CONTENTS.len() as i64, relative, contents_hash],
            )
            .map_err(internal)?;
        Ok(hash)
    }

    /// `download_filepath(hash)`: the local path, `Path(stage).absolute() / relative`. The
    /// virtual file is always there, so nothing is downloaded.
    pub(crate) fn download_filepath(&self, database: &str, store: &str, hash: &[u8]) -> Result<String> {
        let spec = self.store_spec(database, store)?;
        let table = tracking_table(database, store);
        let relative: Option<Option<String>> = self
            .conn
            .query_row(&format!("SELECT filepath FROM {} WHERE hash = ?1", table.sqlite()), [hash], |r| r.get(0))
            .optional()
            .map_err(internal)?;
        // `(self & {"hash": hash}).fetch1(...)` on a row the foreign key guarantees.
        let relative =
            relative.flatten().ok_or_else(|| Error::dj("fetch1 requires exactly one tuple in the input set."))?;
        spec.check_protocol()?;
        let stage = PurePath::new(&spec.stage_text()?).absolute(&self.external_cwd());
        Ok(stage.join(&relative).to_string())
    }

    /// Each row's filepath values put into their stores (`upload_filepath` as DataJoint builds
    /// the rows, before the INSERT is sent): the hashes to store, where a row has one.
    pub(crate) fn upload_filepaths(
        &mut self,
        info: &TableInfo,
        rows: &[Vec<Option<&Value>>],
    ) -> Result<Vec<Vec<Option<Value>>>> {
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let mut hashes = vec![None; row.len()];
            for (i, (attr, v)) in info.attributes.iter().zip(row).enumerate() {
                if let (AttrType::Filepath { store, database }, Some(v)) = (&attr.ty, v) {
                    hashes[i] = Some(Value::Bytes(self.upload_filepath(database, store, v)?));
                }
            }
            out.push(hashes);
        }
        Ok(out)
    }

    /// Fetched filepath attributes (their stored hashes) replaced by their local paths.
    pub(crate) fn resolve_filepaths(&self, types: &[Option<AttrType>], rows: &mut [Vec<Value>]) -> Result<()> {
        for (i, ty) in types.iter().enumerate() {
            let Some(AttrType::Filepath { store, database }) = ty else { continue };
            for row in rows.iter_mut() {
                if let Value::Bytes(hash) = &row[i] {
                    row[i] = Value::Str(self.download_filepath(database, store, hash)?);
                }
            }
        }
        Ok(())
    }
}
