//! The `djsandbox` binary.

mod cli;

/// Counts allocations so a script's memory limit can be enforced cheaply.
#[global_allocator]
static ALLOCATOR: djsandbox::memory::Counting = djsandbox::memory::Counting;

use std::path::PathBuf;

use anyhow::Context;
use clap::{Parser, Subcommand};

/// The binary's version with the embedded exercise set's (count and digest).
const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (", env!("DJSANDBOX_EXERCISE_SET"), ")");

/// Learn DataJoint and Spyglass offline: DataJoint 0.14 semantics on SQLite, scripted in rhai.
#[derive(Parser, Debug)]
#[command(
    name = "djsandbox",
    version = VERSION,
    about,
    after_help = "Without a command, djsandbox opens the workshop in the terminal: in ./workshop \
                  (written on the first run) unless the current folder already is a workspace. \
                  Inside, ? lists the keys."
)]
struct Cli {
    /// The workspace (default: the current directory).
    #[arg(long, global = true, value_name = "DIR")]
    workspace: Option<PathBuf>,
    /// An instructor's scenarios directory (one `NAME/scenario.toml` each) instead of the
    /// embedded ones.
    #[arg(long, global = true, value_name = "DIR")]
    scenarios: Option<PathBuf>,
    /// An instructor's exercise set (one `NN_section/NN_exercise/` each) instead of the
    /// embedded one.
    #[arg(long, global = true, value_name = "DIR")]
    exercises: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Write a workspace: every exercise's starter file, the lessons and a README.
    Init {
        /// Where (default: the workspace).
        dir: Option<PathBuf>,
    },
    /// Sections and exercises, with your progress.
    List,
    /// Grade your exercise files; exit 0 only if every graded exercise passes.
    #[command(after_help = "Examples:\n  djsandbox check\n  djsandbox check connection\n  \
                            djsandbox check write_config --format json")]
    Check {
        /// An exercise (`write_config`, `connection/write_config`, its file) or a section
        /// (`connection`); none: all.
        name: Option<String>,
        /// text, json (exercism's results.json v3) or junit.
        #[arg(long, default_value = "text")]
        format: djsandbox::course::report::Format,
    },
    /// Show the next hint for an exercise.
    #[command(after_help = "Each call shows one more hint; once all are shown, all of them.")]
    Hint {
        /// The exercise (`write_config`, `connection/write_config` or its file).
        name: String,
    },
    /// Give an exercise's starter file back (yours is kept as a backup).
    Reset {
        /// The exercise (`write_config`, `connection/write_config` or its file).
        name: String,
        /// Do not ask.
        #[arg(long)]
        yes: bool,
    },
    /// For instructors: every solution passes, every starter fails a check, hints and checks
    /// match, metadata is sound.
    Verify {
        /// text, json or junit.
        #[arg(long, default_value = "text")]
        format: djsandbox::course::report::Format,
    },
    /// The exercise set as files.
    Exercises {
        #[command(subcommand)]
        command: ExercisesCommand,
    },
    /// Run a rhai script against the workspace's world, like `python file.py`.
    #[command(after_help = "Examples:\n  djsandbox run 02_schema/01_declare.rhai\n  \
                            djsandbox run scratch.rhai --fresh --debug")]
    Run {
        /// The script.
        file: PathBuf,
        /// Use a throwaway in-memory world instead of the workspace's.
        #[arg(long)]
        fresh: bool,
        /// Stop the script after this many seconds.
        #[arg(long, default_value_t = 10, value_name = "SECONDS")]
        timeout: u64,
        /// On an uncaught error, open the debugger's prompt with the script's variables
        /// (post-mortem, like `%debug`).
        #[arg(long)]
        debug: bool,
    },
    /// The diagram of a schema or table of your world, drawn here or written as SVG.
    #[command(after_help = "Examples:\n  djsandbox diagram common_session\n  \
                            djsandbox diagram common_session._session --down 2 --svg session.svg")]
    Diagram {
        /// A schema (`workshop_sailor`) or a table (`common_session._session`).
        name: String,
        /// Levels of parents to add (`dj.Diagram(T) - N`).
        #[arg(long, default_value_t = 0, value_name = "N")]
        up: i64,
        /// Levels of children to add (`dj.Diagram(T) + N`).
        #[arg(long, default_value_t = 0, value_name = "N")]
        down: i64,
        /// Write an SVG for a browser instead of drawing in the terminal.
        #[arg(long, value_name = "FILE")]
        svg: Option<PathBuf>,
    },
    /// Your schemas for a real lab database: a DataJoint Python module (--python) or MySQL DDL (--sql).
    #[command(after_help = "Examples:\n  djsandbox export --python -o my_pipeline.py\n  \
                            djsandbox export --sql --data common_session")]
    Export {
        /// A runnable DataJoint 0.14 Python module of the schemas.
        #[arg(long, conflicts_with = "sql", required_unless_present = "sql")]
        python: bool,
        /// The DDL DataJoint 0.14 issues on MySQL 8.0 for the schemas.
        #[arg(long)]
        sql: bool,
        /// Add the rows (as insert calls, or INSERT statements).
        #[arg(long)]
        data: bool,
        /// Where to write (default: standard output).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// The schemas (default: yours, `workshop_<user>...`).
        schemas: Vec<String>,
    },
    /// Load a mysqldump-style file into your world, or into a new scenario directory.
    #[command(
        after_help = "Examples:\n  mysqldump --databases lab_session > lab.sql; djsandbox import --sql lab.sql\n  \
                            djsandbox import --sql lab.sql --scenario my_scenarios/lab"
    )]
    Import {
        /// The dump (CREATE DATABASE/TABLE, INSERT, mysqldump's comments and SET lines).
        #[arg(long, value_name = "FILE")]
        sql: PathBuf,
        /// Write a new scenario here (scenario.toml + the dump) instead of loading into your world.
        #[arg(long, value_name = "DIR")]
        scenario: Option<PathBuf>,
    },
    /// A rhai prompt on the workspace's world, with previews of tables and values.
    Shell {
        /// Use a throwaway in-memory world instead of the workspace's.
        #[arg(long)]
        fresh: bool,
        /// Stop each statement after this many seconds.
        #[arg(long, default_value_t = 10, value_name = "SECONDS")]
        timeout: u64,
    },
}

#[derive(Subcommand, Debug)]
enum ExercisesCommand {
    /// Write the exercise set under DIR, as a template for your own (`--exercises DIR`).
    Export {
        /// An empty or new directory.
        dir: PathBuf,
    },
}

fn main() {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => std::process::exit(code),
        Err(err) if cli::closed_pipe(&err) => std::process::exit(0),
        Err(err) => {
            // `{:#}` puts the causes on the same line: `cannot read x.rhai: No such file or directory`.
            cli::note!("error: {err:#}");
            std::process::exit(1);
        }
    }
}

/// Runs the command; its exit code, or the error that stopped it.
fn run(cli: Cli) -> anyhow::Result<i32> {
    let explicit_workspace = cli.workspace.is_some();
    let workspace = match cli.workspace {
        Some(w) => w,
        None => djsandbox::course::workspace::containing(
            &std::env::current_dir().context("the current directory is gone; cd into one that exists")?,
        ),
    };
    let options = cli::Options {
        workspace,
        scenarios: djsandbox::scenario::Scenarios::new(cli.scenarios),
        exercises: djsandbox::course::Exercises::new(cli.exercises),
    };
    let code = match cli.command {
        Some(Command::Init { dir }) => cli::course::init(&options, dir)?,
        Some(Command::List) => cli::course::list(&options)?,
        Some(Command::Check { name, format }) => cli::course::check(&options, name.as_deref(), format)?,
        Some(Command::Hint { name }) => cli::course::hint(&options, &name)?,
        Some(Command::Reset { name, yes }) => cli::course::reset(&options, &name, yes)?,
        Some(Command::Verify { format }) => cli::course::verify_set(&options, format)?,
        Some(Command::Exercises { command: ExercisesCommand::Export { dir } }) => cli::course::export(&options, &dir)?,
        Some(Command::Run { file, fresh, timeout, debug }) => cli::run::run(&file, &options, fresh, timeout, debug)?,
        Some(Command::Diagram { name, up, down, svg }) => {
            cli::diagram::diagram(&options, &name, up, down, svg.as_deref())?
        }
        Some(Command::Export { python: true, data, output, schemas, .. }) => {
            cli::export::python(&options, &schemas, data, output.as_deref())?
        }
        Some(Command::Export { data, output, schemas, .. }) => {
            cli::export::sql(&options, &schemas, data, output.as_deref())?
        }
        Some(Command::Import { sql, scenario }) => cli::import::sql(&options, &sql, scenario.as_deref())?,
        Some(Command::Shell { fresh, timeout }) => cli::shell::shell(&options, fresh, timeout)?,
        None => cli::workshop::open(&options, explicit_workspace)?,
    };
    Ok(code)
}
