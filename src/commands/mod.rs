//! What each subcommand does, one file each; `run` picks one. The command line's
//! arguments are defined in `cli`; `main.rs` turns an error into a message.

mod app;
mod backup;
mod config;
mod doctor;
mod export;
mod generate;
mod import;
mod report;
mod sync;

use std::path::Path;

use chrono::{Local, NaiveDate};

use crate::cli::{self, Cli, Command, ExportWhat};
use crate::domain::task::DEFAULT_SOON_DAYS;
use crate::error::{Error, Result};
use crate::i18n::{T, set_lang, t};
use crate::model::Ctx;
use crate::store::{DemoData, Store, load_demo};

/// Runs what the command line asks: a subcommand, or the dashboard.
pub fn run(cli: Cli) -> Result<()> {
    set_lang(cli::language(&cli)?);
    crate::glyphs::set_plain(crate::glyphs::legacy_console(cfg!(windows), |k| {
        std::env::var(k).ok()
    }));
    // A bug on purpose, for the tests of how a panic is worded (tests/faults.rs).
    #[cfg(feature = "testing")]
    if std::env::var_os("TCT_TEST_PANIC").is_some_and(|v| v == "command") {
        panic!("a bug made on purpose by a test");
    }
    let today = cli::as_of_arg(&cli)?;
    if let Some(Command::Doctor) = cli.command {
        return doctor::run(&cli);
    }
    // The dashboard says it cannot draw before a database is opened or made.
    if cli.command.is_none() {
        crate::tui::check_terminal()?;
    }
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
        let as_of = today.unwrap_or(NaiveDate::from_ymd_opt(2026, 9, 30).expect("valid"));
        let spec = crate::generate::Spec {
            units,
            tasks,
            targets_per_unit,
            years,
            seed,
            as_of,
        };
        return generate::run(&path, &spec);
    }
    // Reading commands never make a database: a mistyped --db is said, not created.
    let reads_only = matches!(
        cli.command,
        Some(
            Command::Report { .. }
                | Command::Export { .. }
                | Command::Backup { .. }
                | Command::Sync { .. }
                | Command::Config { value: None, .. }
        )
    );
    if reads_only && !(cli.demo || cli.reset_demo) && !path.exists() {
        return Err(Error::NoDatabase(path));
    }
    let mut store = open_store(&cli, &path)?;
    // Once a run, on standard error; the dashboard says it on its status line.
    if store.on_network() && cli.command.is_some() {
        let path = crate::domain::text::printable(&path.display().to_string());
        eprintln!("tct: {}: {path}", t(T::DbOnNetwork));
    }
    let created = store.created() && !(cli.demo || cli.reset_demo);
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
            let q = crate::report::Query {
                what,
                unit: unit.as_deref(),
                inspection,
                format,
            };
            report::run(&store, &ctx, &q, output.as_deref())
        }
        Some(Command::Export {
            what:
                ExportWhat::Inspection {
                    id,
                    unit,
                    format,
                    output,
                },
        }) => export::inspection(
            &store,
            &ctx,
            &id,
            unit.as_deref(),
            format,
            output.as_deref(),
        ),
        Some(Command::Export {
            what:
                ExportWhat::TasksReport {
                    from,
                    to,
                    unit,
                    format,
                    output,
                },
        }) => export::tasks_report(
            &store,
            &ctx,
            (from.as_deref(), to.as_deref()),
            unit.as_deref(),
            format,
            output.as_deref(),
        ),
        Some(Command::Export {
            what:
                ExportWhat::UnitBrief {
                    unit,
                    format,
                    output,
                },
        }) => export::unit_brief(&store, &ctx, &unit, format, output.as_deref()),
        Some(Command::Import {
            file,
            kind,
            sheet,
            dry_run,
            prefer_file,
            add_units,
            maps,
        }) => {
            let opts = crate::import::Options {
                kind,
                sheet: sheet.as_deref(),
                dry_run,
                prefer_file,
                add_units,
                maps,
            };
            let done = import::run(store, &ctx, &file, &opts);
            if created {
                // A database made for an import that wrote nothing is not kept.
                if done.is_err() || dry_run {
                    // The import's own error is the one to say; an empty file left
                    // behind by a failed removal harms nothing.
                    let _ = remove_db_files(&path);
                } else {
                    say_created(&path);
                }
            }
            done
        }
        Some(Command::Backup { file }) => backup::run(&store, &file),
        Some(Command::Sync { what }) => sync::run(&mut store, &what),
        Some(Command::Generate { .. } | Command::Doctor) => {
            unreachable!("handled before the store opens")
        }
        Some(Command::Config { key, value }) => {
            let done = config::run(&mut store, key.as_deref(), value.as_deref());
            drop(store);
            match (&done, created) {
                (Ok(()), true) => say_created(&path),
                // An unknown setting leaves no new file behind.
                (Err(_), true) => {
                    let _ = remove_db_files(&path);
                }
                _ => {}
            }
            done
        }
        None => {
            let done = app::run(store, ctx, created.then_some(path.as_path()));
            if created {
                say_created(&path);
            }
            done
        }
    }
}

/// One line on standard error, so a script's standard output stays the summary.
fn say_created(path: &Path) {
    eprintln!(
        "tct: {}: {}",
        t(T::DbCreated),
        crate::domain::text::printable(&path.display().to_string())
    );
}

fn remove_db_files(path: &Path) -> std::io::Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        match std::fs::remove_file(&p) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    Ok(())
}

/// Opens the database for a run: the demo is created from the bundled data when new,
/// and reset on request (only if the file is a demo).
fn open_store(cli: &Cli, path: &Path) -> Result<Store> {
    let demo = cli.demo || cli.reset_demo;
    if cli.reset_demo && path.exists() {
        let s = Store::open(path)?;
        if !s.is_demo() && !s.is_empty()? {
            return Err(Error::User(format!(
                "{}: {}",
                t(T::ErrNotDemo),
                path.display()
            )));
        }
        drop(s);
        remove_db_files(path)?;
    }
    let mut store = Store::open(path)?;
    if demo {
        if store.is_empty()? && !store.read_only() {
            let data = DemoData::bundled();
            load_demo(&mut store, &data)?;
            // Every unit of the province, as a secretary's database has it.
            crate::import::load_catalogue(&mut store, data.as_of)?;
        } else if !store.is_demo() {
            return Err(Error::User(format!(
                "{}: {}",
                t(T::ErrNotDemo),
                path.display()
            )));
        }
    }
    Ok(store)
}
