//! The mixin's `delete` (`cautious_delete`, `utils/mixins/cautious_delete.py`): an empty table
//! only warns; non-part deletes take their masters along (`force_masters=True`); the user must
//! be an admin or share a LabTeam with each affected session's experimenters; it returns
//! nothing.

use crate::engine::delete::{Console, DeleteOptions};
use crate::engine::preview::Display;
use crate::engine::{Error, FetchSpec, Kind, Query, Restriction, Result, TableName, Value, World};

use super::graph;
use super::log::{Level, Log};
use super::mixin::camel_name;

/// `Session`'s table.
fn session() -> TableName {
    TableName::new("common_session", "_session")
}

/// `Session.Experimenter`'s table.
fn session_experimenter() -> TableName {
    TableName::new("common_session", "_session__experimenter")
}

/// `LabMember.LabMemberInfo`'s table.
fn member_info() -> TableName {
    TableName::new("common_lab", "lab_member__lab_member_info")
}

/// `LabTeam.LabTeamMember`'s table.
fn team_member() -> TableName {
    TableName::new("common_lab", "lab_team__lab_team_member")
}

/// `cautious_delete`'s own keywords; the rest go to DataJoint's delete.
#[derive(Debug, Clone, Copy, Default)]
pub struct CautiousOptions {
    /// `force_permission=True`: skip the permission check.
    pub force_permission: bool,
    /// `dry_run=True`: check, but delete nothing.
    pub dry_run: bool,
}

/// Values of `attr` in the rows of `q` (empty when the table is not in this world).
fn values(world: &World, q: &Query, attr: &str) -> Result<Vec<Value>> {
    let spec = FetchSpec { attrs: vec![attr.to_string()], order_by: Vec::new(), limit: None, offset: None };
    Ok(world.fetch(q, &spec)?.rows.into_iter().filter_map(|r| r.into_iter().next()).collect())
}

/// Rows of an optional table matching `pairs` (none when the table is missing).
fn rows_of(world: &World, t: &TableName, pairs: Vec<(String, Value)>) -> Result<Option<Query>> {
    if world.table(t).is_none() {
        return Ok(None);
    }
    world.restrict(&world.query(t)?, &Restriction::Map(pairs)).map(Some)
}

/// `LabMember().admin`: every LabMemberInfo user with `admin=1`, and `root`.
fn admins(world: &World) -> Result<Vec<String>> {
    let mut out = match rows_of(world, &member_info(), vec![("admin".into(), Value::Int(1))])? {
        Some(q) => values(world, &q, "datajoint_user_name")?.iter().map(value_text).collect(),
        None => Vec::new(),
    };
    out.push("root".into());
    Ok(out)
}

fn value_text(v: &Value) -> String {
    match v {
        Value::Str(s) => s.clone(),
        other => crate::engine::py::value_str(other),
    }
}

/// numpy's `str()` of a 1-d array of strings: `['a' 'b']`.
fn numpy_strings(items: &[String]) -> String {
    format!("[{}]", items.iter().map(|s| format!("'{s}'")).collect::<Vec<_>>().join(" "))
}

/// `LabMember().get_djuser_name(dj_user)`.
fn lab_member_of(world: &World, dj_user: &str) -> Result<String> {
    let names: Vec<String> = match rows_of(world, &member_info(), vec![("datajoint_user_name".into(), dj_user.into())])?
    {
        Some(q) => values(world, &q, "lab_member_name")?.iter().map(value_text).collect(),
        None => Vec::new(),
    };
    if names.len() == 1 {
        return Ok(names[0].clone());
    }
    let remedy = if names.len() > 1 { format!("delete {}", names.len() - 1) } else { "add one".into() };
    Err(Error::new(
        Kind::ValueError,
        format!(
            "Could not find exactly 1 datajoint user {dj_user} in common.LabMember.LabMemberInfo. Please {remedy}: {}",
            numpy_strings(&names)
        ),
    ))
}

/// `LabTeam().get_team_members(member)`: everyone on any team `member` is on.
fn team_mates(world: &World, member: &str) -> Result<Vec<String>> {
    let Some(q) = rows_of(world, &team_member(), vec![("lab_member_name".into(), member.into())])? else {
        return Ok(Vec::new());
    };
    let teams: Vec<Restriction> =
        values(world, &q, "team_name")?.into_iter().map(|t| Restriction::Map(vec![("team_name".into(), t)])).collect();
    let mates = world.restrict(&world.query(&team_member())?, &Restriction::Or(teams))?;
    Ok(values(world, &mates, "lab_member_name")?.iter().map(value_text).collect())
}

/// `_get_exp_summary`: `*nwb_file_name *lab_member_name` of the sessions the rows reach,
/// `lab_member_name` NULL for a session without experimenter.
fn experimenter_summary(world: &World, sessions: &Query) -> Result<Query> {
    let pk = vec!["nwb_file_name".to_string(), "lab_member_name".to_string()];
    let exp = world.query(&session_experimenter())?;
    let missing = world.exclude(sessions, &Restriction::Query(exp.clone()))?;
    let missing = world.proj(&missing, &[], &[("lab_member_name".into(), "NULL".into())])?;
    let missing = world.restrict(&world.universal(&pk), &Restriction::Query(missing))?;
    let present = world.join(&world.proj(sessions, &[], &[])?, &exp, false)?;
    let present = world.restrict(&world.universal(&pk), &Restriction::Query(present))?;
    world.union(&missing, &present)
}

/// `_check_delete_permission`: Ok when the delete may go ahead (after its warnings).
pub fn check_permission(
    world: &World,
    q: &Query,
    table: &TableName,
    dj_user: &str,
    log: Log,
    display: Display,
) -> Result<()> {
    if admins(world)?.iter().any(|a| a == dj_user) {
        return Ok(());
    }
    let has_member = q.names().iter().any(|n| n == "lab_member_name");
    // Lab teams are banned from the path (#1353).
    let banned = [TableName::new("common_lab", "lab_team")];
    let path = if world.table(&session()).is_some() { graph::chain(world, &session(), table, &banned) } else { None };
    let Some(mut path) = path.filter(|_| !has_member) else {
        let class = world.table(table).map(|i| i.class_name.clone()).unwrap_or_else(|| camel_name(table));
        log(
            Level::Warning,
            &format!("Could not find lab team associated with {class}.\nBe careful not to delete others' data."),
        );
        return Ok(());
    };
    path.reverse();
    let sessions = graph::carry(world, &path, q.clone())?;
    let summary = experimenter_summary(world, &sessions)?;
    if !world.exists(&summary)? {
        log(
            Level::Warning,
            &format!(
                "Could not find a connection from {} to Session.\n Be careful not to delete others' data.",
                camel_name(table)
            ),
        );
        return Ok(());
    }
    let show = |q: &Query| -> Result<String> { Ok(world.preview(q, display)?.trim_end_matches('\n').to_string()) };
    let experimenters = values(world, &summary, "lab_member_name")?;
    if experimenters.iter().any(Value::is_null) {
        return Err(Error::new(
            Kind::PermissionError,
            format!("Please ensure all Sessions have an experimenter in Session.Experimenter:\n{}", show(&summary)?),
        ));
    }
    let user = lab_member_of(world, dj_user)?;
    let mut unique: Vec<String> = experimenters.iter().map(value_text).collect();
    unique.sort();
    unique.dedup();
    for experimenter in unique {
        if !team_mates(world, &experimenter)?.contains(&user) {
            let theirs = world.restrict(
                &summary,
                &Restriction::Map(vec![("lab_member_name".into(), experimenter.as_str().into())]),
            )?;
            return Err(Error::new(
                Kind::PermissionError,
                format!(
                    "User '{user}' is not on a team with '{experimenter}', an experimenter for session(s):\n{}",
                    show(&theirs)?
                ),
            ));
        }
    }
    log(Level::Info, &format!("Queueing delete for session(s):\n{}", show(&summary)?));
    Ok(())
}

/// `cautious_delete(force_permission, dry_run, **kwargs)`.
#[allow(clippy::too_many_arguments)]
pub fn cautious_delete(
    world: &mut World,
    q: &Query,
    table: &TableName,
    cautious: CautiousOptions,
    mut opts: DeleteOptions,
    dj_user: &str,
    console: &mut dyn Console,
    log: Log,
    display: Display,
) -> Result<()> {
    if world.len(q)? == 0 {
        log(Level::Warning, "Table is empty. Nothing to delete.");
        return Ok(());
    }
    // DataJoint >= 0.14.2: deleting a part's rows takes their master rows along.
    if crate::engine::drop::get_master(table).is_none() {
        opts.force_masters = true;
    }
    if !cautious.force_permission || cautious.dry_run {
        check_permission(world, q, table, dj_user, log, display)?;
    }
    if cautious.dry_run {
        return Ok(());
    }
    world.delete(q, opts, console).map(|_| ())
}
