//! Moving schemas between the sandbox and a real lab database: the SQL DataJoint 0.14 would
//! issue on MySQL 8.0 for declared tables and their rows (`export --sql`), DataJoint's own blob
//! serialisation, and a mysqldump-style file read back into a world (`import --sql`).

pub mod blob;
mod blob_array;
pub mod ddl;

pub mod insert;

pub use ddl::{export_sql, mysql_type, stored_comment};

pub mod import;
mod split;
mod table;
mod values;

pub use import::{import_sql, Imported};
