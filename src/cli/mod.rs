//! The command line's arguments and where its files are: which database, which date,
//! which language. What each subcommand does is in `commands/`.

pub mod argerror;
pub mod help;
pub mod places;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::domain::format::parse_date;
use crate::error::{Error, Result, io_words};
use crate::i18n::{Lang, T, t};
use crate::import::ImportKind;
use crate::notice::NoticeFormat;
use crate::papers::PaperFormat;
use crate::report::{Format, ReportKind};

#[derive(Debug, Parser)]
#[command(
    name = "tct",
    // Usage and help say `tct`, as every other message does, on Windows too, where
    // the program's file is tct.exe.
    bin_name = "tct",
    version,
    about = "Bảng theo dõi của Tổ công tác Chủ tịch UBND tỉnh: chỉ tiêu, nhiệm vụ, kết luận kiểm tra.\n\
             Dashboard of a provincial working group: targets, tasks, inspection conclusions."
)]
pub struct Cli {
    /// Database file [default: $TCT_DB, else tct.db in Documents\tct on Windows, in
    /// the data directory elsewhere]
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// As-of date, DD/MM/YYYY or YYYY-MM-DD [default: today; 23/09/2022 for the demo]
    #[arg(long, global = true, value_name = "DATE")]
    pub today: Option<String>,
    /// Language: vi or en [default: $TCT_LANG, else vi]
    #[arg(long, global = true, value_name = "vi|en")]
    pub lang: Option<String>,
    /// Open the demo database (Lạng Sơn, 2022), created from bundled sample data
    #[arg(long, global = true)]
    pub demo: bool,
    /// Delete the demo database and create it afresh from the bundled data
    #[arg(long)]
    pub reset_demo: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the figures the panes show, for scripts
    Report {
        #[arg(value_enum)]
        what: ReportKind,
        /// Only this unit (typed with or without diacritics)
        #[arg(long, value_name = "NAME")]
        unit: Option<String>,
        /// Only this inspection (conclusions)
        #[arg(long, value_name = "ID")]
        inspection: Option<i64>,
        /// table, csv (Excel in Vietnamese: ; and 1,5), csv-comma (, and 1.5), xlsx or
        /// json; md or json for conclusions [default: table, md]
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// Write to this file instead of standard output (needed for xlsx); - is
        /// standard output
        #[arg(short = 'o', long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Write a document: an inspection's notice of conclusions, the report on the
    /// province's tasks, a unit's brief
    Export {
        #[command(subcommand)]
        what: ExportWhat,
    },
    /// Bring units, targets or tasks in from a CSV, XLSX or ODS file (all or nothing)
    Import {
        file: PathBuf,
        /// What the file holds [default: guessed from its columns]
        #[arg(long, value_enum)]
        kind: Option<ImportKind>,
        /// The sheet of an XLSX file [default: the first]
        #[arg(long)]
        sheet: Option<String>,
        /// Show what would change, change nothing
        #[arg(long)]
        dry_run: bool,
        /// Where the file and tct both changed a value since the last import, take the
        /// file's; tct's is kept otherwise (also --prefer-file)
        #[arg(long = "uu-tien-tep", alias = "prefer-file")]
        prefer_file: bool,
        /// Create the units the file names that the database does not have, the kind
        /// guessed from the name (also --add-units)
        #[arg(long = "them-don-vi", alias = "add-units")]
        add_units: bool,
        /// "Name in the file=Unit name": that name is that unit, remembered for the
        /// next imports; may be repeated (also --map)
        #[arg(long = "anh-xa", alias = "map", value_name = "TÊN=ĐƠN VỊ")]
        maps: Vec<String>,
    },
    /// A tool for testing: write a deterministic synthetic province into a new database
    /// (benchmarks); not for real data
    Generate {
        /// Number of units
        #[arg(long, default_value_t = 1000)]
        units: usize,
        /// Number of tasks
        #[arg(long, default_value_t = 100_000)]
        tasks: usize,
        /// Targets per unit
        #[arg(long, default_value_t = 10)]
        targets_per_unit: usize,
        /// Years of history
        #[arg(long, default_value_t = 3)]
        years: u32,
        /// Seed: the same seed, the same data
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// A consistent copy of the database, safe while tct is open on it
    Backup {
        /// The backup file
        file: PathBuf,
    },
    /// What to paste when asking for help: version, system, the database and its
    /// checks, the log, the terminal. Changes nothing
    #[command(visible_alias = "chan-doan")]
    Doctor,
    /// Exchange what each laptop recorded, by a file (USB stick, mail, a shared folder)
    #[command(visible_alias = "dong-bo")]
    Sync {
        #[command(subcommand)]
        what: SyncWhat,
    },
    /// Settings kept in the database: issuing_body, place, number_symbol, signer_title,
    /// signer_name, recipients, report_symbol. No KEY lists them; KEY VALUE sets one.
    Config {
        /// A setting's name
        key: Option<String>,
        /// Its new value
        value: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ExportWhat {
    /// One inspection: its id, or `latest --unit NAME`
    Inspection {
        /// The inspection's id (see `tct report conclusions`), or `latest`
        id: String,
        #[arg(long, value_name = "NAME")]
        unit: Option<String>,
        #[arg(long, value_enum, default_value_t = NoticeFormat::Docx)]
        format: NoticeFormat,
        /// The file to write (replaced if there), or a directory (the usual name, never
        /// replacing a file: "… (2).docx"); - is standard output [default: standard
        /// output for md; docx beside the database]
        #[arg(short = 'o', long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// The report on the tasks the province gave (Báo cáo tình hình thực hiện nhiệm vụ
    /// UBND tỉnh giao): totals, by unit, overdue tasks, new directives
    TasksReport {
        /// Count the tasks whose deadline is on or after this day (DD/MM/YYYY)
        /// [default: every task given by the as-of date, as the panes]; new
        /// directives from inspections held from it [default: 1 January of the
        /// as-of year]
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Count the tasks whose deadline is on or before this day (DD/MM/YYYY);
        /// directives from inspections held up to it [default: the as-of date]
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// Only this unit (typed with or without diacritics)
        #[arg(long, value_name = "NAME")]
        unit: Option<String>,
        #[arg(long, value_enum, default_value_t = PaperFormat::Docx)]
        format: PaperFormat,
        /// The file to write (replaced if there), or a directory (the usual name, never
        /// replacing a file: "… (2).docx"); - is standard output [default: standard
        /// output for md; docx and xlsx beside the database]
        #[arg(short = 'o', long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// A unit's one-page brief before a visit: scorecard, targets, open tasks, the
    /// last inspection's directives
    UnitBrief {
        /// The unit (typed with or without diacritics)
        #[arg(long, value_name = "NAME")]
        unit: String,
        #[arg(long, value_enum, default_value_t = NoticeFormat::Docx)]
        format: NoticeFormat,
        /// The file to write (replaced if there), or a directory (the usual name, never
        /// replacing a file); - is standard output [default: standard output for md;
        /// docx beside the database]
        #[arg(short = 'o', long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum SyncWhat {
    /// Write every change this database knows to FILE, for another laptop
    Export {
        /// The bundle to write (replaced if there), e.g. may-a.tctsync
        #[arg(short = 'o', long, value_name = "FILE")]
        output: PathBuf,
    },
    /// Take in another laptop's bundle: all of it or, if it cannot be, nothing
    Import {
        /// A bundle written by `tct sync export` on a copy of this database
        file: PathBuf,
    },
    /// Through a shared folder: take in every other laptop's file there, then write
    /// this laptop's own
    Dir {
        /// The shared folder (never put the database itself there)
        path: PathBuf,
    },
    /// This laptop, the others it heard from and when, and the conflicts waiting
    Status,
    /// Values one laptop wrote over another's, and changes left out
    Conflicts {
        /// Also those already decided
        #[arg(long)]
        all: bool,
    },
    /// Decide a conflict: keep the value now, or put back the one written over; the
    /// decision travels to the other laptops
    Resolve {
        /// The conflict's id, as `tct sync conflicts` lists it
        id: String,
        /// Keep the value now (also --keep)
        #[arg(
            long = "giu",
            alias = "keep",
            conflicts_with = "restore",
            required_unless_present = "restore"
        )]
        keep: bool,
        /// Put back the value written over (also --restore)
        #[arg(long = "khoi-phuc", alias = "restore")]
        restore: bool,
    },
}

pub fn language(cli: &Cli) -> Result<Lang> {
    let raw = cli.lang.clone().or_else(|| std::env::var("TCT_LANG").ok());
    match raw {
        None => Ok(Lang::Vi),
        Some(s) => Lang::parse(&s).ok_or_else(|| Error::User(format!("{}: «{s}»", t(T::ErrLang)))),
    }
}

pub fn as_of_arg(cli: &Cli) -> Result<Option<NaiveDate>> {
    cli.today
        .as_deref()
        .map(|s| parse_date(s).map_err(|e| Error::User(format!("--today: {e}"))))
        .transpose()
}

/// The platform's data directory for tct (`~/.local/share/tct` on Linux), made if
/// missing: the default database, the demo, the log of a crash.
pub fn data_dir() -> Result<PathBuf> {
    let dir = data_dir_unmade()?;
    std::fs::create_dir_all(&dir)
        .map_err(|e| Error::User(format!("{}: {}", dir.display(), io_words(&e))))?;
    Ok(dir)
}

/// The data directory's path, not made: `tct doctor` says where it is, whether there
/// or not.
pub fn data_dir_unmade() -> Result<PathBuf> {
    let dirs = directories::ProjectDirs::from("vn", "", "tct")
        .ok_or_else(|| Error::User(t(T::ErrNoHome).into()))?;
    Ok(dirs.data_dir().to_path_buf())
}

/// The log a bug's details go to (crash.rs), in the data directory.
pub fn log_path(data_dir: &std::path::Path) -> PathBuf {
    data_dir.join("tct.log")
}

/// What chose the database file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DbFrom {
    Flag,
    Demo,
    Env,
    Default,
}

/// The database file a run uses and what chose it, no folder made. The demo never
/// falls back to `$TCT_DB`, so it can never touch the user's own database.
pub fn db_choice(cli: &Cli) -> Result<(PathBuf, DbFrom)> {
    if let Some(p) = &cli.db {
        return Ok((p.clone(), DbFrom::Flag));
    }
    if cli.demo || cli.reset_demo {
        return Ok((data_dir_unmade()?.join("demo.db"), DbFrom::Demo));
    }
    if let Some(p) = std::env::var_os("TCT_DB").filter(|p| !p.is_empty()) {
        return Ok((PathBuf::from(p), DbFrom::Env));
    }
    let places = places::Places {
        windows: cfg!(windows),
        documents: directories::UserDirs::new().and_then(|u| u.document_dir().map(PathBuf::from)),
        data: data_dir_unmade()?,
    };
    Ok((places::default_db(&places, Path::is_file), DbFrom::Default))
}

/// The database file a run uses; the folder it goes in is made when tct chose it.
pub fn db_path(cli: &Cli) -> Result<PathBuf> {
    let (path, from) = db_choice(cli)?;
    if matches!(from, DbFrom::Demo | DbFrom::Default) {
        let dir = crate::outfile::parent_dir(&path);
        std::fs::create_dir_all(&dir)
            .map_err(|e| Error::User(format!("{}: {}", dir.display(), io_words(&e))))?;
    }
    Ok(path)
}
