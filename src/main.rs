//! The `djsandbox` binary. Subcommands arrive with the layers they drive (scripting, course,
//! terminal UI); today it reports what this build contains.

use clap::Parser;

/// Learn DataJoint and Spyglass offline: DataJoint 0.14 semantics on SQLite, scripted in rhai.
#[derive(Parser, Debug)]
#[command(name = "djsandbox", version, about)]
struct Cli {}

fn main() {
    let _cli = Cli::parse();
    println!("djsandbox {}", env!("CARGO_PKG_VERSION"));
    println!("This build contains the DataJoint engine (declare, insert, fetch, describe, alter, drop).");
    println!("The workshop course, `run`, `shell` and the terminal UI arrive in later releases.");
}
