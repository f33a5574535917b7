//! The editor `e` opens: `$VISUAL`, then `$EDITOR` (as git and most Unix tools choose), else
//! one every machine of the platform has — Notepad on Windows, nano where it is installed (an
//! attendee who has never met vi can still leave it), else vi.

use std::path::Path;

/// The editor command for this machine.
pub fn for_this_machine() -> String {
    choose(|name| std::env::var(name).ok(), on_path, cfg!(windows))
}

/// The choice, given the environment (`var`), what is installed (`installed`) and the platform.
fn choose(var: impl Fn(&str) -> Option<String>, installed: impl Fn(&str) -> bool, windows: bool) -> String {
    let set = ["VISUAL", "EDITOR"].into_iter().filter_map(&var).find(|e| !e.trim().is_empty());
    set.unwrap_or_else(|| {
        let fallback = if windows {
            "notepad"
        } else if installed("nano") {
            "nano"
        } else {
            "vi"
        };
        fallback.to_string()
    })
}

/// Is `program` in a directory of `$PATH`?
fn on_path(program: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

/// Run `editor` (which may carry arguments, as `$EDITOR` may) on `path` and wait for it.
pub fn edit(editor: &str, path: &Path) -> std::io::Result<()> {
    let mut words = editor.split_whitespace();
    let program = words.next().unwrap_or("vi");
    std::process::Command::new(program).args(words).arg(path).status().map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::choose;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
    }

    #[test]
    fn visual_then_editor_then_the_platforms_own() {
        let none = |_: &str| false;
        assert_eq!(choose(env(&[("VISUAL", "code -w"), ("EDITOR", "vim")]), none, false), "code -w");
        assert_eq!(choose(env(&[("VISUAL", " "), ("EDITOR", "vim")]), none, false), "vim");
        assert_eq!(choose(env(&[]), none, true), "notepad");
        assert_eq!(choose(env(&[]), |p| p == "nano", false), "nano");
        assert_eq!(choose(env(&[]), none, false), "vi");
    }
}
