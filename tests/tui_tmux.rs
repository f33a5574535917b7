//! The terminal UI end to end in a real terminal (tmux): start it, open the first exercise,
//! save a passing file as an editor would, and see the check turn ✓; quit and get the shell
//! back. Needs tmux (`.ci/run` installs it when missing).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn cmd(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("tmux must be installed to run this test (apt-get install tmux)")
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-p", "-t", "ui"]).stdout).into_owned()
    }

    /// Wait until the screen shows `text`; the screen as last seen.
    fn wait_for(&self, text: &str, limit: Duration) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(start.elapsed() < limit, "waited {limit:?} for {text:?}; the screen:\n{screen}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "ui"];
        args.extend(keys);
        self.cmd(&args);
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").args(["-L", &self.socket, "kill-server"]).output();
    }
}

/// Write the workspace; the first exercise's solution and how many exercises there are.
fn workshop(workspace: &Path) -> (String, usize) {
    let set = djsandbox::course::ExerciseSet::load(djsandbox::course::Exercises::Embedded).unwrap();
    let ex = set.exercise("connection/write_config").unwrap();
    djsandbox::course::workspace::init(&set, workspace).unwrap();
    (ex.solution.clone(), set.exercises().count())
}

#[test]
fn start_open_save_a_passing_file_and_see_it_pass() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = dir.path().join("workshop");
    let (passing, count) = workshop(&workspace);
    let bin = env!("CARGO_BIN_EXE_djsandbox");
    let tmux = Tmux { socket: format!("djsandbox-test-{}", std::process::id()) };
    let command =
        format!("cd '{}' && NO_COLOR=1 VISUAL= EDITOR=true '{bin}'; echo UI-EXITED $?; sleep 60", dir.path().display());
    let out = tmux.cmd(&["new-session", "-d", "-s", "ui", "-x", "100", "-y", "30", &command]);
    assert!(out.status.success(), "tmux could not start: {}", String::from_utf8_lossy(&out.stderr));
    tmux.wait_for("Workshop", Duration::from_secs(20));
    tmux.keys(&["Enter"]);
    tmux.wait_for("checks fail", Duration::from_secs(30));
    // Save the file as an editor does; the watch grades it again.
    std::fs::write(workspace.join("01_connection/01_write_config.rhai"), passing).unwrap();
    let screen = tmux.wait_for("✓ Passed!", Duration::from_secs(30));
    assert!(screen.contains(&format!("1/{count} passed")), "{screen}");
    tmux.keys(&["q"]);
    tmux.wait_for("Workshop", Duration::from_secs(5));
    tmux.keys(&["q"]);
    tmux.wait_for("UI-EXITED 0", Duration::from_secs(5));
    let progress = std::fs::read_to_string(workspace.join(".djsandbox/progress.json")).unwrap();
    assert!(progress.contains("\"connection/write_config\""), "{progress}");
}

#[test]
fn ctrl_c_quits_from_any_screen_and_gives_the_terminal_back() {
    let dir = tempfile::tempdir().unwrap();
    workshop(&dir.path().join("workshop"));
    let bin = env!("CARGO_BIN_EXE_djsandbox");
    let tmux = Tmux { socket: format!("djsandbox-test-c-{}", std::process::id()) };
    // After the UI, the shell reads a line: it echoes only if the terminal left raw mode.
    let command = format!(
        "cd '{}' && '{bin}'; echo UI-EXITED $?; read line; echo \"READ:$line\"; sleep 60",
        dir.path().display()
    );
    tmux.cmd(&["new-session", "-d", "-s", "ui", "-x", "80", "-y", "24", &command]);
    tmux.wait_for("Workshop", Duration::from_secs(20));
    tmux.keys(&["s"]);
    tmux.wait_for(">>>", Duration::from_secs(5));
    tmux.keys(&["C-c"]);
    tmux.wait_for("UI-EXITED 0", Duration::from_secs(5));
    tmux.keys(&["typed", "Enter"]);
    tmux.wait_for("READ:typed", Duration::from_secs(5));
}
