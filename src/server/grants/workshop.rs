//! The accounts the sandbox starts from, written as the account statements an administrator
//! would run (so the same text can be read in a scenario file).

use super::account::Accounts;

/// The workshop server's roles and users (design/server.md, "The workshop's accounts").
pub const WORKSHOP_SQL: &str = r"
CREATE ROLE 'dj_admin', 'dj_user', 'dj_guest';
GRANT ALL PRIVILEGES ON *.* TO 'dj_admin';
GRANT CREATE, SELECT ON *.* TO 'dj_user';
GRANT ALL PRIVILEGES ON `common\_%`.* TO 'dj_user';
GRANT ALL PRIVILEGES ON `spikesorting\_%`.* TO 'dj_user';
GRANT ALL PRIVILEGES ON `decoding\_%`.* TO 'dj_user';
GRANT ALL PRIVILEGES ON `position\_%`.* TO 'dj_user';
GRANT ALL PRIVILEGES ON `linearization\_%`.* TO 'dj_user';
GRANT ALL PRIVILEGES ON `ripple\_%`.* TO 'dj_user';
GRANT ALL PRIVILEGES ON `lfp\_%`.* TO 'dj_user';
GRANT ALL PRIVILEGES ON `waveform\_%`.* TO 'dj_user';
GRANT ALL PRIVILEGES ON `mua\_%`.* TO 'dj_user';
GRANT ALL PRIVILEGES ON `workshop\_%`.* TO 'dj_user';
GRANT SELECT ON *.* TO 'dj_guest';
CREATE USER 'captain'@'%' IDENTIFIED BY 'bridge';
CREATE USER 'sailor'@'%' IDENTIFIED BY 'galley';
CREATE USER 'swab'@'%' IDENTIFIED BY 'bilge';
GRANT 'dj_admin' TO 'captain'@'%';
GRANT 'dj_user' TO 'sailor'@'%';
GRANT 'dj_guest' TO 'swab'@'%';
";

/// A fresh world's single administrator: `root`/`root` from any host with every privilege, as
/// the `mysql:8.0` image's `root`@`%` (and the oracle's root/root).
pub const ADMIN_SQL: &str = r"
CREATE USER 'root'@'%' IDENTIFIED BY 'root';
GRANT ALL PRIVILEGES ON *.* TO 'root'@'%' WITH GRANT OPTION;
";

impl Accounts {
    /// Exactly the workshop's roles (`dj_admin`, `dj_user`, `dj_guest`) and users
    /// (`captain`/`bridge`, `sailor`/`galley`, `swab`/`bilge`), all at host `%`; no `root`.
    pub fn workshop() -> Accounts {
        let mut a = Accounts::empty();
        a.execute_script(WORKSHOP_SQL).expect("the workshop's accounts are valid");
        a
    }

    /// Only `root`/`root`@`%` with all privileges `WITH GRANT OPTION`: the account a `--fresh`
    /// world logs in with.
    pub fn admin_only() -> Accounts {
        let mut a = Accounts::empty();
        a.execute_script(ADMIN_SQL).expect("the admin account is valid");
        a
    }
}
