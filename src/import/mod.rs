//! `tct import FILE`: units, targets or tasks from a CSV or XLSX file, all or nothing.
//!
//! 1. read the sheet (`read`): CSV in any encoding and separator office tools use, or
//!    a workbook's first sheet (or `--sheet`);
//! 2. find the header row and what each column is (`columns`), guessing the kind of
//!    data when `--kind` is not given;
//! 3. parse and check every row (`rows`), finding units among those already in the
//!    database (`resolve`), and match each record against the database (`plan`);
//! 4. any problem: report them all (file, row as a spreadsheet shows it, column,
//!    reason) and change nothing; else apply everything in one transaction, after a
//!    backup when many rows change. `--dry-run` stops before applying.

mod columns;
mod plan;
mod read;
mod resolve;
mod rows;

use clap::ValueEnum;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::i18n::{T, t};
use crate::model::Ctx;
use crate::store::Store;

pub use columns::header_key;
pub use plan::Counts;
pub use read::{Cell, decode};
pub use rows::no_date_marker;

use plan::{Action, ReadingAction};
use resolve::UnitIndex;
use rows::Problem;

/// What a file holds.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ImportKind {
    Units,
    Targets,
    Tasks,
}

pub struct Options<'a> {
    pub kind: Option<ImportKind>,
    pub sheet: Option<&'a str>,
    pub dry_run: bool,
}

/// More changes than this and the database is backed up before the import.
pub const BACKUP_ABOVE: usize = 200;
/// SQLite's page cache during an import, in KiB.
const IMPORT_CACHE_KIB: i64 = 256 * 1024;
/// Changes listed by name in the summary.
const SHOWN_CHANGES: usize = 10;
/// Problems listed one per line before "and N more".
const SHOWN_PROBLEMS: usize = 20;

/// What an import did, or with `--dry-run` would do.
#[derive(Debug, Clone)]
pub struct Summary {
    pub file: PathBuf,
    pub kind: ImportKind,
    /// Data rows read (blank rows aside).
    pub rows: usize,
    /// Units, targets or tasks.
    pub counts: Counts,
    /// For targets: the readings ("Thực hiện") of the file.
    pub readings: Option<Counts>,
    /// The first changes, one line each.
    pub changes: Vec<String>,
    pub dry_run: bool,
    /// Where the database was copied before a large import.
    pub backup: Option<PathBuf>,
}

impl Summary {
    /// Records (and readings) that are new or updated.
    pub fn changed(&self) -> usize {
        self.counts.changed() + self.readings.map_or(0, |r| r.changed())
    }
}

/// `tct import FILE [--kind …] [--sheet …] [--dry-run]`.
pub fn run_cli(
    store: &mut Store,
    ctx: &Ctx,
    file: &Path,
    opts: &Options,
    out: &mut dyn Write,
) -> Result<()> {
    let s = run(store, ctx, file, opts)?;
    write_summary(&s, out)?;
    Ok(())
}

/// Imports (or with `dry_run` only plans) a file; a mistake in the file is a
/// `Error::User` listing every problem, and then nothing has changed.
pub fn run(store: &mut Store, ctx: &Ctx, file: &Path, opts: &Options) -> Result<Summary> {
    let name = file.display().to_string();
    if !opts.dry_run && store.read_only() {
        return Err(Error::User(format!(
            "{}: {}",
            t(T::ReadOnlyNoEdit),
            store.path().display()
        )));
    }
    let score = |cells: &[Cell]| columns::score(opts.kind, cells);
    let sheet = read::read_sheet(file, opts.sheet, &score)
        .map_err(|e| Error::User(format!("{name}: {e}")))?;
    let cols =
        columns::locate(&sheet, opts.kind).map_err(|e| Error::User(format!("{name}: {e}")))?;
    let file_name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.clone());
    let mut ix = UnitIndex::new(store.import_units()?);
    let mut problems: Vec<Problem> = Vec::new();
    let mut summary = Summary {
        file: file.to_path_buf(),
        kind: cols.kind,
        rows: 0,
        counts: Counts::default(),
        readings: None,
        changes: Vec::new(),
        dry_run: opts.dry_run,
        backup: None,
    };
    let mut lines: Vec<String> = Vec::new();
    // Changes counted but not described, beyond those shown.
    let mut hidden = 0usize;
    let row_word = t(T::ImpRow);
    let line = |sign: char, row: usize, what: String, changes: &[plan::Change]| {
        let mut s = format!("{sign} {row_word} {row}: {what}");
        for (i, c) in changes.iter().enumerate() {
            s.push_str(if i == 0 { ": " } else { "; " });
            if sign == '+' {
                s.push_str(&format!("{} {}", c.field, c.new));
            } else {
                s.push_str(&format!("{} {} → {}", c.field, c.old, c.new));
            }
        }
        s
    };
    let prepared = match cols.kind {
        ImportKind::Tasks => {
            let parsed = rows::tasks(&sheet, &cols, &mut ix, store, ctx.as_of);
            summary.rows = parsed.rows;
            problems.extend(parsed.problems);
            let existing = store.import_tasks()?;
            let plans = plan::tasks(
                &existing,
                parsed.records,
                &cols,
                &ix,
                &file_name,
                &mut problems,
            );
            for p in &plans {
                summary.counts.add(&p.action);
                // Only the lines shown are written out: a large import has 100,000.
                let shown = lines.len() < SHOWN_CHANGES;
                match &p.action {
                    Action::Unchanged(_) => {}
                    _ if !shown => hidden += 1,
                    Action::New => lines.push(line('+', p.row, plan::describe_task(p, &ix), &[])),
                    Action::Update(_, ch) => {
                        lines.push(line('~', p.row, plan::describe_task(p, &ix), ch))
                    }
                }
            }
            Prepared::Tasks(plans)
        }
        ImportKind::Targets => {
            let parsed = rows::targets(&sheet, &cols, &mut ix, store);
            summary.rows = parsed.rows;
            problems.extend(parsed.problems);
            let existing = store.import_targets()?;
            let plans = plan::targets(
                store,
                &existing,
                parsed.records,
                &cols,
                ctx.as_of,
                &mut problems,
            )?;
            let mut readings = Counts::default();
            let actual = cols.header(columns::Field::Actual);
            for p in &plans {
                summary.counts.add(&p.action);
                let mut changes = match &p.action {
                    Action::Update(_, ch) => ch.clone(),
                    _ => Vec::new(),
                };
                if let Some(r) = &p.reading {
                    match r.action {
                        ReadingAction::New => readings.new += 1,
                        ReadingAction::Update(_) => readings.updated += 1,
                        ReadingAction::Unchanged => readings.unchanged += 1,
                    }
                    if r.action != ReadingAction::Unchanged {
                        changes.push(plan::Change {
                            field: actual.clone(),
                            old: match r.action {
                                ReadingAction::Update(v) => crate::words::num(v),
                                _ => "–".into(),
                            },
                            new: plan::describe_reading(r),
                        });
                    }
                }
                let what = plan::describe_target(p, &ix);
                match &p.action {
                    Action::New => lines.push(line('+', p.row, what, &changes)),
                    _ if !changes.is_empty() => lines.push(line('~', p.row, what, &changes)),
                    _ => {}
                }
            }
            summary.readings = Some(readings);
            Prepared::Targets(plans)
        }
        ImportKind::Units => {
            let parsed = rows::units(&sheet, &cols);
            summary.rows = parsed.rows;
            problems.extend(parsed.problems);
            let plans = plan::units(
                store,
                &mut ix,
                parsed.records,
                &cols,
                ctx.as_of,
                &mut problems,
            );
            for p in &plans {
                summary.counts.add(&p.action);
                match &p.action {
                    Action::New => lines.push(line('+', p.row, plan::describe_unit(p), &[])),
                    Action::Update(_, ch) => {
                        lines.push(line('~', p.row, plan::describe_unit(p), ch))
                    }
                    Action::Unchanged(_) => {}
                }
            }
            Prepared::Units(plans)
        }
    };
    if !problems.is_empty() {
        let mut report = problem_report(&name, problems);
        if ix.units.is_empty() && cols.kind != ImportKind::Units {
            report.push_str(&format!("\n{}", t(T::ImpNoUnitsYet)));
        }
        return Err(Error::User(report));
    }
    let total = lines.len() + hidden;
    lines.truncate(SHOWN_CHANGES);
    if total > SHOWN_CHANGES {
        lines.push(format!(
            "… {} {} {}",
            t(T::ImpAnd),
            total - SHOWN_CHANGES,
            t(T::ImpMoreChanges)
        ));
    }
    summary.changes = lines;
    if opts.dry_run || summary.changed() == 0 {
        return Ok(summary);
    }
    if summary.changed() > BACKUP_ABOVE && store.path() != Path::new(":memory:") {
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let mut dest = store.path().as_os_str().to_owned();
        dest.push(format!(".truoc-nhap-{stamp}.bak"));
        let dest = PathBuf::from(dest);
        store.backup_to(&dest)?;
        summary.backup = Some(dest);
    }
    let reason = format!("{} {file_name}", t(T::ImpExtensionReason));
    // A bar on a terminal while the rows are written; silent when piped.
    let progress = match &prepared {
        Prepared::Tasks(p) if p.len() > 10_000 => crate::progress::bar(p.len() as u64),
        _ => indicatif::ProgressBar::hidden(),
    };
    let applied = store.write_many(IMPORT_CACHE_KIB, |tx| match &prepared {
        Prepared::Tasks(p) => plan::apply_tasks(tx, p, &reason, &progress),
        Prepared::Targets(p) => plan::apply_targets(tx, p),
        Prepared::Units(p) => plan::apply_units(tx, p),
    });
    progress.finish_and_clear();
    applied?;
    Ok(summary)
}

enum Prepared {
    Tasks(Vec<plan::TaskPlan>),
    Targets(Vec<plan::TargetPlan>),
    Units(Vec<plan::UnitPlan>),
}

/// Every problem, one a line (the first few), with the count: the message of the
/// error that stops an import.
fn problem_report(file: &str, mut problems: Vec<Problem>) -> String {
    problems.sort_by_key(|p| (p.row, p.col));
    problems.dedup();
    let n = problems.len();
    let mut s = format!("{file}: {n} {}", t(T::ImpProblemsNothingImported));
    for p in problems.iter().take(SHOWN_PROBLEMS) {
        s.push_str(&format!(
            "\n{file}: {} {}, {} «{}»: {}",
            t(T::ImpRow),
            p.row,
            t(T::ImpColumn),
            p.header,
            p.reason
        ));
    }
    if n > SHOWN_PROBLEMS {
        s.push_str(&format!(
            "\n… {} {} {}",
            t(T::ImpAnd),
            n - SHOWN_PROBLEMS,
            t(T::ImpMoreProblems)
        ));
    }
    s
}

fn kind_word(k: ImportKind) -> &'static str {
    t(match k {
        ImportKind::Units => T::Units,
        ImportKind::Targets => T::Targets,
        ImportKind::Tasks => T::Tasks,
    })
}

fn counts_line(label: &str, c: Counts) -> String {
    format!(
        "{label}: {} {}, {} {}, {} {}",
        c.new,
        t(T::ImpNew),
        c.updated,
        t(T::ImpUpdated),
        c.unchanged,
        t(T::ImpUnchanged)
    )
}

/// The summary as the command prints it.
pub fn write_summary(s: &Summary, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "{}: {} {} ({})",
        s.file.display(),
        s.rows,
        t(T::ImpDataRows),
        kind_word(s.kind).to_lowercase()
    )?;
    writeln!(out, "  {}", counts_line(kind_word(s.kind), s.counts))?;
    if let Some(r) = s.readings {
        writeln!(out, "  {}", counts_line(t(T::ImpReadings), r))?;
    }
    for l in &s.changes {
        writeln!(out, "  {}", crate::domain::text::printable(l))?;
    }
    if let Some(b) = &s.backup {
        writeln!(out, "{}: {}", t(T::ImpBackedUp), b.display())?;
    }
    let last = if s.dry_run {
        t(T::ImpDryRun)
    } else if s.changed() == 0 {
        t(T::ImpNothingChanged)
    } else {
        t(T::ImpDone)
    };
    writeln!(out, "{last}")
}
