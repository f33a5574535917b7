//! The binary's commands: thin layers over the library; `anyhow` only here.

pub mod course;
pub mod diagram;
pub mod export;
pub mod import;
pub mod run;
pub mod shell;
pub mod terminal;
pub mod workshop;

/// What the global options say, resolved.
pub struct Options {
    /// The workspace directory.
    pub workspace: std::path::PathBuf,
    /// Where scenarios come from.
    pub scenarios: djsandbox::scenario::Scenarios,
    /// Where the exercise set comes from.
    pub exercises: djsandbox::course::Exercises,
}

/// `writeln!` to standard output, as an `io::Result`: a reader that went away
/// (`djsandbox list | head -3`) ends the command through `?` instead of a panic in `println!`.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout(), $($arg)*)
    }};
}
pub(crate) use say;

/// `eprintln!` that cannot panic: with standard error closed too, a note has nowhere to go.
macro_rules! note {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}
pub(crate) use note;

/// Did the command stop because its standard output was closed? Then there is nobody to tell,
/// and the command ends quietly as Unix tools do on SIGPIPE.
pub fn closed_pipe(err: &anyhow::Error) -> bool {
    err.chain().filter_map(|cause| cause.downcast_ref::<std::io::Error>()).any(|e| {
        // Windows may say ERROR_NO_DATA (232) or ERROR_PIPE_NOT_CONNECTED (233) instead.
        e.kind() == std::io::ErrorKind::BrokenPipe || cfg!(windows) && matches!(e.raw_os_error(), Some(232 | 233))
    })
}
