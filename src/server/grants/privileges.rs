//! MySQL 8.0's privileges: the 31 static ones as bits in the server's own order, and the dynamic
//! ones by name. The bit order is `global_acls_vector` (sql/auth/sql_authorization.cc), which is
//! also the order `SHOW GRANTS` prints them in.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Declares [`Privilege`], [`ALL_PRIVILEGES`] and the privilege names from one list, in
/// MySQL's bit order.
macro_rules! privileges {
    ($($(#[doc = $doc:literal])* $variant:ident => $name:literal,)*) => {
        /// A static privilege (MySQL manual, "Privileges Provided by MySQL"), in MySQL's bit order.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Privilege {
            $($(#[doc = $doc])* $variant,)*
        }

        /// Every static privilege, in bit order.
        pub const ALL_PRIVILEGES: [Privilege; 31] = [$(Privilege::$variant,)*];

        impl Privilege {
            /// The name as `GRANT` takes it and `SHOW GRANTS` and the 1142 message print it.
            pub fn name(self) -> &'static str {
                match self {
                    $(Privilege::$variant => $name,)*
                }
            }
        }
    };
}

privileges! {
    /// `SELECT`.
    Select => "SELECT",
    /// `INSERT`.
    Insert => "INSERT",
    /// `UPDATE`.
    Update => "UPDATE",
    /// `DELETE`.
    Delete => "DELETE",
    /// `CREATE` (databases and tables).
    Create => "CREATE",
    /// `DROP` (databases and tables).
    Drop => "DROP",
    /// `RELOAD`.
    Reload => "RELOAD",
    /// `SHUTDOWN`.
    Shutdown => "SHUTDOWN",
    /// `PROCESS`.
    Process => "PROCESS",
    /// `FILE`.
    File => "FILE",
    /// `GRANT OPTION` (`WITH GRANT OPTION`).
    GrantOption => "GRANT OPTION",
    /// `REFERENCES` (foreign keys to the table).
    References => "REFERENCES",
    /// `INDEX`.
    Index => "INDEX",
    /// `ALTER`.
    Alter => "ALTER",
    /// `SHOW DATABASES`.
    ShowDatabases => "SHOW DATABASES",
    /// `SUPER`.
    Super => "SUPER",
    /// `CREATE TEMPORARY TABLES`.
    CreateTemporaryTables => "CREATE TEMPORARY TABLES",
    /// `LOCK TABLES`.
    LockTables => "LOCK TABLES",
    /// `EXECUTE`.
    Execute => "EXECUTE",
    /// `REPLICATION SLAVE`.
    ReplicationSlave => "REPLICATION SLAVE",
    /// `REPLICATION CLIENT`.
    ReplicationClient => "REPLICATION CLIENT",
    /// `CREATE VIEW`.
    CreateView => "CREATE VIEW",
    /// `SHOW VIEW`.
    ShowView => "SHOW VIEW",
    /// `CREATE ROUTINE`.
    CreateRoutine => "CREATE ROUTINE",
    /// `ALTER ROUTINE`.
    AlterRoutine => "ALTER ROUTINE",
    /// `CREATE USER`.
    CreateUser => "CREATE USER",
    /// `EVENT`.
    Event => "EVENT",
    /// `TRIGGER`.
    Trigger => "TRIGGER",
    /// `CREATE TABLESPACE`.
    CreateTablespace => "CREATE TABLESPACE",
    /// `CREATE ROLE`.
    CreateRole => "CREATE ROLE",
    /// `DROP ROLE`.
    DropRole => "DROP ROLE",
}

impl Privilege {
    /// The privilege with this name (case-insensitive, single spaces), if it is a static one.
    pub fn from_name(name: &str) -> Option<Privilege> {
        ALL_PRIVILEGES.iter().copied().find(|p| p.name().eq_ignore_ascii_case(name))
    }

    fn bit(self) -> u32 {
        1 << (self as u32)
    }
}

/// A set of static privileges: MySQL's access bitmask (`GRANT OPTION` is one of the bits).
/// Serialized as the list of names, so world and scenario files stay readable (`ALL` is not
/// accepted there: what it means depends on the level; write the statement instead).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Privs(u32);

const fn bits(list: &[Privilege]) -> u32 {
    let mut acc = 0;
    let mut i = 0;
    while i < list.len() {
        acc |= 1 << (list[i] as u32);
        i += 1;
    }
    acc
}

impl Privs {
    /// No privilege (`USAGE`).
    pub const NONE: Privs = Privs(0);
    /// `ALL PRIVILEGES` at the global level: every static privilege but `GRANT OPTION`.
    pub const GLOBAL_ALL: Privs = Privs(((1u64 << 31) - 1) as u32 & !(1 << Privilege::GrantOption as u32));
    /// MySQL's `DB_OP_ACLS` (sql/auth/auth_acls.h): `ALL PRIVILEGES` at the database level.
    pub const DB_ALL: Privs = {
        use Privilege::*;
        Privs(bits(&[
            Update,
            Select,
            Insert,
            Delete,
            Create,
            Drop,
            References,
            Index,
            Alter,
            CreateTemporaryTables,
            LockTables,
            Execute,
            CreateView,
            ShowView,
            CreateRoutine,
            AlterRoutine,
            Event,
            Trigger,
        ]))
    };
    /// MySQL's `TABLE_OP_ACLS`: `ALL PRIVILEGES` at the table level.
    pub const TABLE_ALL: Privs = {
        use Privilege::*;
        Privs(bits(&[
            Select, Insert, Update, Delete, Create, Drop, References, Index, Alter, CreateView, ShowView, Trigger,
        ]))
    };
    /// Just `GRANT OPTION`.
    pub const GRANT: Privs = Privs(1 << Privilege::GrantOption as u32);

    /// The set holding the given privileges.
    pub fn of(list: &[Privilege]) -> Privs {
        Privs(list.iter().fold(0, |acc, p| acc | p.bit()))
    }

    /// Whether `p` is in the set.
    pub fn contains(self, p: Privilege) -> bool {
        self.0 & p.bit() != 0
    }

    /// Whether every privilege of `other` is in the set.
    pub fn contains_all(self, other: Privs) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether the set is empty (`USAGE`).
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The union.
    pub fn union(self, other: Privs) -> Privs {
        Privs(self.0 | other.0)
    }

    /// The privileges in both sets.
    pub fn intersect(self, other: Privs) -> Privs {
        Privs(self.0 & other.0)
    }

    /// The set without the privileges of `other`.
    pub fn minus(self, other: Privs) -> Privs {
        Privs(self.0 & !other.0)
    }

    /// The privileges in the set, in MySQL's order.
    pub fn iter(self) -> impl Iterator<Item = Privilege> {
        ALL_PRIVILEGES.into_iter().filter(move |p| self.contains(*p))
    }
}

impl Serialize for Privs {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter().map(Privilege::name))
    }
}

impl<'de> Deserialize<'de> for Privs {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let names = Vec::<String>::deserialize(d)?;
        let mut acc = Privs::NONE;
        for name in names {
            let upper = name.to_ascii_uppercase();
            let set = match upper.as_str() {
                "USAGE" => Privs::NONE,
                _ => Privilege::from_name(&upper)
                    .map(|p| Privs::of(&[p]))
                    .ok_or_else(|| serde::de::Error::custom(format!("unknown privilege {name:?}")))?,
            };
            acc = acc.union(set);
        }
        Ok(acc)
    }
}

/// The dynamic privileges a MySQL 8.0 community server registers at startup, sorted as
/// `SHOW GRANTS` prints them. `GRANT ALL ON *.*` grants every one of them. The list is the
/// 8.0.3x one as recalled (it varies slightly between minor versions).
pub const DYNAMIC_PRIVILEGES: &[&str] = &[
    "APPLICATION_PASSWORD_ADMIN",
    "AUDIT_ABORT_EXEMPT",
    "AUDIT_ADMIN",
    "AUTHENTICATION_POLICY_ADMIN",
    "BACKUP_ADMIN",
    "BINLOG_ADMIN",
    "BINLOG_ENCRYPTION_ADMIN",
    "CLONE_ADMIN",
    "CONNECTION_ADMIN",
    "ENCRYPTION_KEY_ADMIN",
    "FIREWALL_EXEMPT",
    "FLUSH_OPTIMIZER_COSTS",
    "FLUSH_STATUS",
    "FLUSH_TABLES",
    "FLUSH_USER_RESOURCES",
    "GROUP_REPLICATION_ADMIN",
    "GROUP_REPLICATION_STREAM",
    "INNODB_REDO_LOG_ARCHIVE",
    "INNODB_REDO_LOG_ENABLE",
    "PASSWORDLESS_USER_ADMIN",
    "PERSIST_RO_VARIABLES_ADMIN",
    "REPLICATION_APPLIER",
    "REPLICATION_SLAVE_ADMIN",
    "RESOURCE_GROUP_ADMIN",
    "RESOURCE_GROUP_USER",
    "ROLE_ADMIN",
    "SENSITIVE_VARIABLES_OBSERVER",
    "SERVICE_CONNECTION_ADMIN",
    "SESSION_VARIABLES_ADMIN",
    "SET_USER_ID",
    "SHOW_ROUTINE",
    "SYSTEM_USER",
    "SYSTEM_VARIABLES_ADMIN",
    "TABLE_ENCRYPTION_ADMIN",
    "TELEMETRY_LOG_ADMIN",
    "XA_RECOVER_ADMIN",
];
