//! Class names to table names: CamelCase → snake_case and the tier prefixes.

use std::sync::OnceLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::engine::error::{Error, Result};

/// DataJoint's table tiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Tier {
    /// `dj.Manual`: no prefix.
    Manual,
    /// `dj.Lookup`: `#`.
    Lookup,
    /// `dj.Imported`: `_`.
    Imported,
    /// `dj.Computed`: `__`.
    Computed,
    /// `dj.Part`: `master__part`.
    Part,
}

impl Tier {
    /// The table-name prefix of a non-Part tier (`""` for Part, whose name comes from its master).
    pub fn prefix(self) -> &'static str {
        match self {
            Tier::Manual | Tier::Part => "",
            Tier::Lookup => "#",
            Tier::Imported => "_",
            Tier::Computed => "__",
        }
    }
}

/// DataJoint's `MAX_TABLE_NAME_LENGTH`.
pub const MAX_TABLE_NAME_LENGTH: usize = 64;

/// `utils.is_camel_case`: `^[A-Z][A-Za-z0-9]*$` (Python's `$` also accepts one trailing newline).
pub fn is_camel_case(s: &str) -> bool {
    let body = s.strip_suffix('\n').unwrap_or(s);
    let mut chars = body.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase()) && chars.all(|c| c.is_ascii_alphanumeric())
}

/// `utils.to_camel_case`: every run of start/`_`/non-word characters followed by a letter becomes
/// that letter upper-cased (`"#lookup_table"` → `"LookupTable"`).
pub fn to_camel_case(s: &str) -> String {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| Regex::new(r"(?:^|[_\W])+[a-zA-Z]").expect("static regex"));
    re.replace_all(s, |c: &regex::Captures<'_>| {
        c.get(0).and_then(|m| m.as_str().chars().last()).map(|l| l.to_ascii_uppercase()).into_iter().collect::<String>()
    })
    .into_owned()
}

/// DataJoint's `from_camel_case`, with its error for names that are not CamelCase.
pub fn from_camel_case(name: &str) -> Result<String> {
    if !is_camel_case(name) {
        return Err(Error::dj("ClassName must be alphanumeric in CamelCase, begin with a capital letter"));
    }
    // Every character is a word character, so `\b[A-Z]` is only the first and `\B[A-Z]` the rest.
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

/// The SQL table name of class `class_name` in `tier`; a Part needs its master's table name.
pub fn table_name(tier: Tier, class_name: &str, master_table: Option<&str>) -> Result<String> {
    let snake = from_camel_case(class_name)?;
    match tier {
        Tier::Part => match master_table {
            Some(master) => Ok(format!("{master}__{snake}")),
            None => Err(Error::dj(format!("Part table {class_name} has no master table"))),
        },
        _ => Ok(format!("{}{snake}", tier.prefix())),
    }
}

/// `declare()`'s length check, raised before the definition is parsed. DataJoint measures the name
/// with a stray leading backtick (it strips the backticks off `` `db`.`table` `` as a whole), so
/// 64-character names already fail and the message shows two opening backticks.
pub fn check_table_name_length(table_name: &str) -> Result<()> {
    if table_name.chars().count() + 1 > MAX_TABLE_NAME_LENGTH {
        return Err(Error::dj(format!("Table name ``{table_name}` exceeds the max length of {MAX_TABLE_NAME_LENGTH}")));
    }
    Ok(())
}

const BASE: &str = "[a-z][a-z0-9]*(?:_[a-z][a-z0-9]*)*";

fn tier_regexes() -> &'static [(Tier, Regex)] {
    static RES: OnceLock<Vec<(Tier, Regex)>> = OnceLock::new();
    RES.get_or_init(|| {
        let master = format!("(?:{BASE}|#{BASE}|_{BASE}|__{BASE})");
        // `user_table_classes` order: Manual, Lookup, Computed, Imported, Part.
        [
            (Tier::Manual, format!("^{BASE}$")),
            (Tier::Lookup, format!("^#{BASE}$")),
            (Tier::Computed, format!("^__{BASE}$")),
            (Tier::Imported, format!("^_{BASE}$")),
            (Tier::Part, format!("^(?P<master>{master})__(?P<part>{BASE})$")),
        ]
        .into_iter()
        .map(|(t, re)| (t, Regex::new(&re).expect("static regex")))
        .collect()
    })
}

/// The tier a table name belongs to, by DataJoint's tier regexes; `None` for hidden (`~`) or
/// names no tier matches.
pub fn tier_of(table_name: &str) -> Option<Tier> {
    tier_regexes().iter().find(|(_, re)| re.is_match(table_name)).map(|(t, _)| *t)
}

/// A Part table name split into (master table name, part's snake name), as `Part.tier_regexp`.
pub fn split_part(table_name: &str) -> Option<(String, String)> {
    if tier_of(table_name) != Some(Tier::Part) {
        return None;
    }
    let (_, re) = tier_regexes().last()?;
    let caps = re.captures(table_name)?;
    Some((caps.name("master")?.as_str().to_string(), caps.name("part")?.as_str().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CAMEL_ERR: &str = "ClassName must be alphanumeric in CamelCase, begin with a capital letter";

    #[test]
    fn from_camel_case_converts() {
        // oracle: datajoint.utils.from_camel_case
        for (a, b) in [
            ("TTest", "t_test"),
            ("IJ", "i_j"),
            ("SelectPK", "select_p_k"),
            ("ABCTable", "a_b_c_table"),
            ("Session2B", "session2_b"),
            ("AllGroups", "all_groups"),
            ("A", "a"),
            ("Foo\n", "foo\n"),
        ] {
            assert_eq!(from_camel_case(a).unwrap(), b);
        }
    }

    #[test]
    fn from_camel_case_rejects() {
        // oracle: DataJointError 'ClassName must be alphanumeric in CamelCase, begin with a capital letter'
        for bad in ["Table_With_Underscores", "repNames", "10_all", "hello world", "#baisc_names", "", "Ünter"] {
            let e = from_camel_case(bad).unwrap_err();
            assert_eq!(e.message, CAMEL_ERR, "{bad}");
        }
    }

    #[test]
    fn to_camel_case_converts() {
        // oracle: datajoint.utils.to_camel_case
        for (a, b) in [
            ("this_is_a_sample_case", "ThisIsASampleCase"),
            ("#lookup_table", "LookupTable"),
            ("__computed", "Computed"),
            ("a__b", "AB"),
            ("a_1b", "A_1b"),
            ("_a", "A"),
            ("x__part_name", "XPartName"),
            ("a-b c", "ABC"),
            ("", ""),
            ("1a", "1a"),
        ] {
            assert_eq!(to_camel_case(a), b, "{a}");
        }
    }

    #[test]
    fn table_names_by_tier() {
        assert_eq!(table_name(Tier::Manual, "Subject", None).unwrap(), "subject");
        assert_eq!(table_name(Tier::Lookup, "Param", None).unwrap(), "#param");
        assert_eq!(table_name(Tier::Imported, "RawData", None).unwrap(), "_raw_data");
        assert_eq!(table_name(Tier::Computed, "Spikes", None).unwrap(), "__spikes");
        assert_eq!(table_name(Tier::Part, "Unit", Some("__spikes")).unwrap(), "__spikes__unit");
        assert_eq!(table_name(Tier::Manual, "bad_name", None).unwrap_err().message, CAMEL_ERR);
    }

    #[test]
    fn table_name_length() {
        // oracle: a 63-character name declares; 64 fails with
        // 'Table name ``laaa…a` exceeds the max length of 64'
        assert!(check_table_name_length(&"a".repeat(63)).is_ok());
        let name = format!("l{}", "a".repeat(63));
        assert_eq!(
            check_table_name_length(&name).unwrap_err().message,
            format!("Table name ``{name}` exceeds the max length of 64")
        );
    }

    #[test]
    fn tiers() {
        assert_eq!(tier_of("subject"), Some(Tier::Manual));
        assert_eq!(tier_of("#param"), Some(Tier::Lookup));
        assert_eq!(tier_of("_raw"), Some(Tier::Imported));
        assert_eq!(tier_of("__spikes"), Some(Tier::Computed));
        assert_eq!(tier_of("__spikes__unit"), Some(Tier::Part));
        assert_eq!(tier_of("a_b__c_d"), Some(Tier::Part));
        assert_eq!(tier_of("~log"), None);
        assert_eq!(tier_of("~external_s"), None);
        assert_eq!(tier_of("Bad"), None);
        assert_eq!(tier_of("a___b"), None);
        assert_eq!(tier_of("a1_2"), None);
        assert_eq!(split_part("#a_b__c_d"), Some(("#a_b".into(), "c_d".into())));
        assert_eq!(split_part("subject"), None);
    }
}
