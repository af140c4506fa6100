//! The binary: reads the command line, runs it, and is the one place where an error
//! becomes a message and an exit status.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::FromArgMatches;
use clap::error::ErrorKind;
use tct::cli::{self, Cli};
use tct::domain::text::printable_lines;
use tct::i18n::Lang;

fn main() -> ExitCode {
    tct::crash::install();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let words: Vec<String> = args.iter().map(|a| a.to_string_lossy().into()).collect();
    let lang = cli::help::lang_from_args(&words);
    let parsed = cli::help::command(lang)
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => return argument_error(e, lang, &words),
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

/// `--help` and `--version` as clap prints them (a command missing its subcommand
/// gets its help, already in the user's language); a mistake in the arguments in one
/// line of tct's words, with what was typed made safe to print (an argument may hold
/// terminal commands).
fn argument_error(e: clap::Error, lang: Lang, words: &[String]) -> ExitCode {
    // The help's usage line names its placeholders in the user's language; colour
    // only on a terminal, and never with NO_COLOR.
    let help = |to_terminal: bool| {
        let colour = to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        let text = match colour {
            true => e.render().ansi().to_string(),
            false => e.render().to_string(),
        };
        cli::argerror::placeholders(&text, lang)
    };
    match e.kind() {
        ErrorKind::DisplayVersion => {
            let _ = e.print();
            ExitCode::SUCCESS
        }
        ErrorKind::DisplayHelp => {
            // A reader that closes the pipe (`tct --help | head -1`) is no failure.
            let _ = write!(
                std::io::stdout().lock(),
                "{}",
                help(std::io::stdout().is_terminal())
            );
            ExitCode::SUCCESS
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            eprint!(
                "{}",
                printable_lines(&help(std::io::stderr().is_terminal()))
            );
            ExitCode::from(2)
        }
        _ => {
            eprintln!(
                "tct: {}",
                printable_lines(&cli::argerror::words(&e, lang, words))
            );
            ExitCode::from(2)
        }
    }
}
