//! The binary: reads the command line, runs it, and is the one place where an error
//! becomes a message and an exit status.

use std::process::ExitCode;

use clap::FromArgMatches;
use clap::error::ErrorKind;
use tct::cli::{self, Cli};
use tct::domain::text::printable_lines;

fn main() -> ExitCode {
    tct::crash::install();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let words: Vec<String> = args.iter().map(|a| a.to_string_lossy().into()).collect();
    let parsed = cli::help::command(cli::help::lang_from_args(&words))
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => return argument_error(e),
    };
    // A panic has been worded in one line by the hook; it fails like any error.
    let Ok(done) = std::panic::catch_unwind(|| tct::commands::run(cli)) else {
        return ExitCode::from(2);
    };
    match done {
        Ok(()) => ExitCode::SUCCESS,
        // `tct report ... | head`: the reader has what it wanted.
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            // Every error is worded for the user, in one line (an import lists its
            // problems one a line).
            eprintln!("tct: {}", printable_lines(&e.to_string()));
            ExitCode::from(2)
        }
    }
}

/// `--help` and `--version` as clap prints them; a mistake in the arguments with
/// what was typed made safe to print (an argument may hold terminal commands).
fn argument_error(e: clap::Error) -> ExitCode {
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = e.print();
        return ExitCode::SUCCESS;
    }
    eprint!("{}", printable_lines(&e.render().to_string()));
    ExitCode::from(e.exit_code().clamp(0, 255) as u8)
}
