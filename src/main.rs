use std::process::ExitCode;

use chrono::Local;
use clap::FromArgMatches;
use tct::app::App;
use tct::cli::{self, Cli, Command, ExportWhat};
use tct::domain::task::DEFAULT_SOON_DAYS;
use tct::error::Error;
use tct::i18n::{T, set_lang, t};
use tct::model::Ctx;
use tct::store::OpenError;
use tct::theme::Theme;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let words: Vec<String> = args.iter().map(|a| a.to_string_lossy().into()).collect();
    let matches =
        tct::cli::help::command(tct::cli::help::lang_from_args(&words)).get_matches_from(args);
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    if let Err(e) = color_eyre::install() {
        eprintln!("tct: {e}");
    }
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // Mistakes a user can fix get one line; anything else the full report.
            let broken_pipe = e
                .downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe);
            if broken_pipe {
                // `tct report ... | head`: the reader has what it wanted.
                return ExitCode::SUCCESS;
            } else if let Some(u) = e.downcast_ref::<Error>() {
                eprintln!("tct: {u}");
            } else if damaged(&e) {
                eprintln!("tct: {}", t(T::ErrDamaged));
            } else if let Some(o) = e.downcast_ref::<OpenError>() {
                eprintln!("tct: {o}");
            } else {
                eprintln!("tct: {e:?}");
            }
            ExitCode::from(2)
        }
    }
}

/// The file is damaged (truncated, overwritten): a secretary needs to hear that and
/// what to do, not SQLite's words.
fn damaged(e: &color_eyre::Report) -> bool {
    let code = e
        .downcast_ref::<rusqlite::Error>()
        .or_else(|| match e.downcast_ref::<OpenError>() {
            Some(OpenError::Sqlite(s)) => Some(s),
            _ => None,
        })
        .and_then(rusqlite::Error::sqlite_error_code);
    matches!(code, Some(rusqlite::ErrorCode::DatabaseCorrupt))
}

fn run(cli: Cli) -> color_eyre::Result<()> {
    set_lang(cli::language(&cli)?);
    let today = cli::as_of_arg(&cli)?;
    let path = cli::db_path(&cli)?;
    if let Some(Command::Generate {
        units,
        tasks,
        targets_per_unit,
        years,
        seed,
    }) = cli.command
    {
        // A fixed date unless told, so the same seed gives the same database.
        let as_of = today.unwrap_or(chrono::NaiveDate::from_ymd_opt(2026, 9, 30).expect("valid"));
        let spec = tct::generate::Spec {
            units,
            tasks,
            targets_per_unit,
            years,
            seed,
            as_of,
        };
        return tct::generate::run_cli(&path, &spec);
    }
    let store = cli::open_store(&cli, &path)?;
    let as_of = today
        .or_else(|| store.default_as_of())
        .unwrap_or_else(|| Local::now().date_naive());
    let ctx = Ctx {
        as_of,
        soon_days: DEFAULT_SOON_DAYS,
    };
    match cli.command {
        Some(Command::Report {
            what,
            unit,
            inspection,
            format,
            output,
        }) => {
            let q = tct::report::Query {
                what,
                unit: unit.as_deref(),
                inspection,
                format,
            };
            tct::report::run_to(&store, &ctx, &q, output.as_deref())
        }
        Some(Command::Export {
            what:
                ExportWhat::Inspection {
                    id,
                    unit,
                    format,
                    output,
                },
        }) => {
            let path =
                tct::notice::export_cli(&store, &ctx, &id, unit.as_deref(), format, &output)?;
            println!("{}", path.display());
            Ok(())
        }
        Some(Command::Import {
            file,
            kind,
            sheet,
            dry_run,
        }) => {
            let mut store = store;
            let stdout = std::io::stdout();
            let opts = tct::import::Options {
                kind,
                sheet: sheet.as_deref(),
                dry_run,
            };
            tct::import::run_cli(&mut store, &ctx, &file, &opts, &mut stdout.lock())
        }
        Some(Command::Backup { file }) => {
            // One line a secretary can act on: where, and why not.
            let dir = tct::outfile::parent_dir(&file);
            if !dir.is_dir() {
                return Err(Error::User(format!("{}: {}", t(T::ErrNoDir), dir.display())).into());
            }
            store.backup_to(&file).map_err(|e| {
                let why = match &e {
                    rusqlite::Error::SqliteFailure(_, Some(m)) => m.clone(),
                    other => other.to_string(),
                };
                Error::User(format!("{}: {why}", t(T::ErrWriteFile)))
            })?;
            println!("{}", file.display());
            Ok(())
        }
        Some(Command::Generate { .. }) => unreachable!("handled before the store opens"),
        Some(Command::Config { key, value }) => {
            tct::cli::config(&store, key.as_deref(), value.as_deref())
        }
        None => {
            let app = App::new(store, ctx, Theme::from_env(), (80, 24));
            tct::tui::run(app)
        }
    }
}
