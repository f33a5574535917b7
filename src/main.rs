//! The `djsandbox` binary.

mod cli;

/// Counts allocations so a script's memory limit can be enforced cheaply.
#[global_allocator]
static ALLOCATOR: djsandbox::memory::Counting = djsandbox::memory::Counting;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Learn DataJoint and Spyglass offline: DataJoint 0.14 semantics on SQLite, scripted in rhai.
#[derive(Parser, Debug)]
#[command(name = "djsandbox", version, about)]
struct Cli {
    /// The workspace (default: the current directory).
    #[arg(long, global = true)]
    workspace: Option<PathBuf>,
    /// An instructor's scenarios directory (one `NAME/scenario.toml` each) instead of the
    /// embedded ones.
    #[arg(long, global = true, value_name = "DIR")]
    scenarios: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run a rhai script against the workspace's world, like `python file.py`.
    Run {
        /// The script.
        file: PathBuf,
        /// Use a throwaway in-memory world instead of the workspace's.
        #[arg(long)]
        fresh: bool,
        /// Stop the script after this many seconds.
        #[arg(long, default_value_t = 10)]
        timeout: u64,
        /// On an uncaught error, open the debugger's prompt with the script's variables
        /// (post-mortem, like `%debug`).
        #[arg(long)]
        debug: bool,
    },
    /// A rhai prompt on the workspace's world, with previews of tables and values.
    Shell {
        /// Use a throwaway in-memory world instead of the workspace's.
        #[arg(long)]
        fresh: bool,
        /// Stop each statement after this many seconds.
        #[arg(long, default_value_t = 10)]
        timeout: u64,
    },
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let workspace = match cli.workspace {
        Some(w) => w,
        None => std::env::current_dir()?,
    };
    let options = cli::Options { workspace, scenarios: djsandbox::scenario::Scenarios::new(cli.scenarios) };
    match cli.command {
        Some(Command::Run { file, fresh, timeout, debug }) => {
            let code = cli::run::run(&file, &options, fresh, timeout, debug)?;
            std::process::exit(code);
        }
        Some(Command::Shell { fresh, timeout }) => {
            let code = cli::shell::shell(&options, fresh, timeout)?;
            std::process::exit(code);
        }
        None => {
            println!("djsandbox {}", env!("CARGO_PKG_VERSION"));
            println!("This build contains the DataJoint engine (declare, insert, fetch, describe, alter, drop),");
            println!("the emulated server, `djsandbox run FILE.rhai` for scripts and `djsandbox shell`.");
            println!("The workshop course and the terminal UI arrive in later releases.");
            Ok(())
        }
    }
}
