//! The binary: reads the command line, runs it, and is the one place where an error
//! becomes a message and an exit status.

use std::process::ExitCode;

use clap::FromArgMatches;
use tct::cli::{self, Cli};

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let words: Vec<String> = args.iter().map(|a| a.to_string_lossy().into()).collect();
    let matches = cli::help::command(cli::help::lang_from_args(&words)).get_matches_from(args);
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    if let Err(e) = color_eyre::install() {
        eprintln!("tct: {e}");
    }
    match tct::commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // `tct report ... | head`: the reader has what it wanted.
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            // Every error is worded for the user, in one line (an import lists its
            // problems one a line).
            eprintln!("tct: {e}");
            ExitCode::from(2)
        }
    }
}
