//! `dj.conn()`: connecting to the emulated server with `dj.config`'s settings, as pymysql and
//! DataJoint 0.14 do, with their errors; the connected account's grants then govern the world.

use std::path::{Path, PathBuf};

use crate::engine::{Error, Kind, Result, World};

use super::access::SessionAccess;
use super::config::Config;
use super::env::Environment;
use super::grants::{Accounts, Session};
use super::settings::ServerSettings;

const ACCOUNTS_KEY: &str = "server.accounts";
const SETTINGS_KEY: &str = "server.settings";

/// One emulated server: its world, accounts and settings, the client's `dj.config`, and the
/// current connection.
pub struct Server {
    /// The data.
    pub world: World,
    /// Who may log in, with what grants.
    pub accounts: Accounts,
    /// Where it answers.
    pub settings: ServerSettings,
    /// The client's `dj.config`.
    pub config: Config,
    /// The directory relative paths (`dj_local_conf.json`) are taken from.
    pub cwd: PathBuf,
    /// The client's environment variables (`os.environ`).
    pub env: Environment,
    session: Option<Session>,
    /// `host:port` as configured when the connection was made (for `repr(conn)`).
    endpoint: String,
}

impl Server {
    /// A server over `world`, with the accounts and settings kept in it (an administrator
    /// `root`/`root` and `localhost:3306` for a world that has none), and the default config.
    pub fn new(world: World, cwd: &Path) -> Result<Server> {
        let accounts = match world.meta(ACCOUNTS_KEY)? {
            Some(json) => serde_json::from_str(&json).map_err(|e| damaged("accounts", e))?,
            None => Accounts::admin_only(),
        };
        let settings = match world.meta(SETTINGS_KEY)? {
            Some(json) => serde_json::from_str(&json).map_err(|e| damaged("server settings", e))?,
            None => ServerSettings::default(),
        };
        let mut server = Server {
            world,
            accounts,
            settings,
            config: Config::new(),
            cwd: cwd.to_path_buf(),
            env: Environment::default(),
            session: None,
            endpoint: String::new(),
        };
        server.sync_external();
        Ok(server)
    }

    /// What `import datajoint` does to `dj.config`: defaults, then `dj_local_conf.json` from the
    /// working directory when there is one, then the `DJ_*` environment variables.
    pub fn import_config(&mut self, env: impl Fn(&str) -> Option<String>) -> Result<()> {
        self.config = Config::import(&self.cwd, env)?;
        self.sync_external();
        Ok(())
    }

    /// A new client process on the same server, for a grader's next script: not connected,
    /// `dj.config` as `import datajoint` leaves it, and an environment of the scenario's
    /// defaults only (nothing of the grading machine's).
    pub fn restart_client(&mut self) -> Result<()> {
        self.session = None;
        self.world.set_access(None);
        self.env.isolate();
        self.import_config(|_| None)
    }

    /// The scenario's environment variables, beneath the process's.
    pub fn set_env_defaults(&mut self, defaults: std::collections::BTreeMap<String, String>) {
        self.env = Environment::with_defaults(defaults);
        self.sync_external();
    }

    /// Tell the engine what `dj.config["stores"]` and the filepath switch now say; call after
    /// changing either (DataJoint reads both when it needs them).
    pub fn sync_external(&mut self) {
        let switch = self.env.get(crate::engine::external::FILEPATH_SWITCH).unwrap_or_else(|| "FALSE".into());
        self.world.set_external_settings(crate::engine::external::Settings {
            filepath_enabled: switch.to_uppercase() == "TRUE",
            stores: self.config.lookup("stores").cloned(),
            cwd: self.cwd.display().to_string(),
        });
    }

    /// Keep the accounts and settings in the world file.
    pub fn save_server(&mut self) -> Result<()> {
        let accounts = serde_json::to_string(&self.accounts).map_err(|e| damaged("accounts", e))?;
        let settings = serde_json::to_string(&self.settings).map_err(|e| damaged("server settings", e))?;
        self.world.set_meta(ACCOUNTS_KEY, &accounts)?;
        self.world.set_meta(SETTINGS_KEY, &settings)
    }

    /// `dj.conn()` / `dj.conn(reset=True)`: connect unless connected (or when resetting),
    /// using `database.host`, `database.port`, `database.user` and `database.password`.
    pub fn conn(&mut self, reset: bool) -> Result<&Session> {
        if reset || self.session.is_none() {
            self.session = None;
            self.world.set_access(Some(Box::new(NoConnection)));
            let session = self.connect()?;
            self.world.set_access(Some(Box::new(SessionAccess {
                accounts: self.accounts.clone(),
                session: session.clone(),
            })));
            self.session = Some(session);
        }
        self.session.as_ref().ok_or_else(|| Error::dj("not connected"))
    }

    /// Account statements run through `dj.conn().query()` (`CREATE USER`, `GRANT`, ...): apply
    /// `change` to the accounts, keep them in the world, and let the current connection see the
    /// change at once (MySQL re-reads the grant tables when an account statement runs).
    pub fn change_accounts(&mut self, change: impl FnOnce(&mut Accounts) -> Result<()>) -> Result<()> {
        change(&mut self.accounts)?;
        self.save_server()?;
        if let Some(session) = &self.session {
            self.world.set_access(Some(Box::new(SessionAccess {
                accounts: self.accounts.clone(),
                session: session.clone(),
            })));
        }
        Ok(())
    }

    /// The current connection, if any.
    pub fn session(&self) -> Option<&Session> {
        self.session.as_ref()
    }

    /// `conn.ping()`: fails when not connected.
    pub fn ping(&self) -> Result<()> {
        match self.session {
            Some(_) => Ok(()),
            None => Err(Error::new(Kind::PyMySqlError, "Already closed")),
        }
    }

    /// `repr(dj.conn())`: `DataJoint connection (connected) sailor@localhost:3306`.
    pub fn describe_connection(&self) -> String {
        match &self.session {
            Some(s) => format!("DataJoint connection (connected) {}@{}", s.user(), self.endpoint),
            None => "DataJoint connection (disconnected)".into(),
        }
    }

    /// `conn.get_user()` / `SELECT user()`: `sailor@localhost`.
    pub fn user(&self) -> Option<String> {
        self.session.as_ref().map(|s| format!("{}@{}", s.user(), s.client_host))
    }

    /// `dj.list_schemas()`: the schemas the connected account may see.
    pub fn list_schemas(&mut self) -> Result<Vec<String>> {
        let session = self.conn(false)?.clone();
        let all = self.world.list_schemas();
        Ok(self.accounts.visible_databases(&session, &all).into_iter().filter(|s| s != "information_schema").collect())
    }

    fn connect(&mut self) -> Result<Session> {
        let configured = self.config.host();
        // DataJoint: a `host:port` string overrides `database.port`.
        let (host, port) = match configured.rsplit_once(':') {
            Some((h, p)) if p.parse::<u16>().is_ok() => (h.to_string(), p.parse().unwrap_or(3306)),
            _ => (configured.clone(), self.config.port()),
        };
        if !self.settings.hosts.iter().any(|h| h.eq_ignore_ascii_case(&host)) {
            let reason = if host.parse::<std::net::IpAddr>().is_ok() {
                "[Errno 111] Connection refused"
            } else {
                "[Errno -2] Name or service not known"
            };
            return Err(cant_connect(&host, reason));
        }
        if port != self.settings.port {
            return Err(cant_connect(&host, "[Errno 111] Connection refused"));
        }
        let Some(user) = self.config.user() else {
            // DataJoint would prompt; a script has no terminal to prompt on.
            return Err(Error::dj(
                "No database user is set: set dj.config[\"database.user\"] and dj.config[\"database.password\"] \
                 (or load a dj_local_conf.json that has them), then connect again.",
            ));
        };
        let password = self.config.password();
        let session = self.accounts.authenticate(&user, password.as_deref(), &self.settings.client_host)?;
        self.endpoint = format!("{host}:{port}");
        Ok(session)
    }
}

/// Until a connection is made, nothing may be touched.
struct NoConnection;

impl crate::engine::access::Access for NoConnection {
    fn check(&self, _: &[crate::engine::access::Privilege], _: &str, _: Option<&str>) -> Result<()> {
        Err(Error::dj("Not connected: call dj.conn() first."))
    }
}

/// pymysql's 2003.
fn cant_connect(host: &str, reason: &str) -> Error {
    Error::mysql(Kind::OperationalError, 2003, format!("Can't connect to MySQL server on '{host}' ({reason})"))
}

fn damaged(what: &str, e: serde_json::Error) -> Error {
    Error::new(Kind::OperationalError, format!("the world's {what} are damaged: {e}"))
}
