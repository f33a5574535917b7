//! Raw SQL through `dj.conn().query(sql, args)`: parsed with sqlparser (MySQL dialect),
//! permission-checked, executed on the world with MySQL's meaning.
