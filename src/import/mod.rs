//! `tct import FILE`: units, targets or tasks from a CSV or XLSX file, all or nothing.
//!
//! 1. read the sheet (`read`): CSV in any encoding and separator office tools use, or
//!    a workbook's first sheet (or `--sheet`);
//! 2. find the header, one row or two below any title rows, and what each column is
//!    (`columns`, `header`), guessing the kind of data when `--kind` is not given;
//!    tell the rows of tasks from those of sections, totals and signatures (`layout`);
//! 3. parse and check every row (`rows`), finding units among those already in the
//!    database (`resolve`), and match each record against the database (`plan`);
//! 4. any problem: report them all (file, row as a spreadsheet shows it, column,
//!    reason) and change nothing; else apply everything in one transaction, after a
//!    backup when many rows change. `--dry-run` stops before applying.

mod catalogue;
mod columns;
mod header;
mod layout;
mod plan;
mod read;
pub(crate) use crate::store::resolve;
mod rows;
mod summary;
mod unknown;

use clap::ValueEnum;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::i18n::{T, t};
use crate::model::Ctx;
use crate::store::Store;

pub use layout::Skip;
pub use plan::Counts;
pub use read::Cell;

use plan::{Action, ReadingAction};
use resolve::UnitIndex;
use rows::Problem;
use summary::{ChangeLines, Listed, problem_report};

pub use summary::{Miscounted, Summary, write_summary};

/// What a file holds.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ImportKind {
    Units,
    Targets,
    Tasks,
}

#[derive(Default)]
pub struct Options<'a> {
    pub kind: Option<ImportKind>,
    pub sheet: Option<&'a str>,
    pub dry_run: bool,
    /// Where tct and the file both changed a value since the last import, take the
    /// file's (`--uu-tien-tep`); tct's is kept otherwise.
    pub prefer_file: bool,
    /// Create the units the file names that none is (`--them-don-vi`).
    pub add_units: bool,
    /// "name in the file=unit" (`--anh-xa`): remembered as the unit's alias.
    pub maps: Vec<String>,
}

/// More changes than this and the database is backed up before the import.
pub const BACKUP_ABOVE: usize = 200;
/// SQLite's page cache during an import, in KiB.
const IMPORT_CACHE_KIB: i64 = 256 * 1024;

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
    let mut sheet = sheet;
    layout::fill_merged_down(&mut sheet.rows, &sheet.merges, &cols);
    let sheet = sheet.rows;
    let file_name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.clone());
    let catalogue = !store.read_only() && catalogue::wanted(store)?;
    if !catalogue && !opts.add_units && opts.maps.is_empty() {
        let planned = plan_file(store, ctx, &sheet, &cols, file, &file_name, opts)?;
        let (summary, prepared) = planned.checked(&name)?;
        if opts.dry_run || (summary.changed() == 0 && !prepared.remembers_import()) {
            return Ok(summary);
        }
        let mut summary = summary;
        if summary.changed() > BACKUP_ABOVE && store.path() != Path::new(":memory:") {
            summary.backup = Some(backup(store, chrono::Local::now())?);
        }
        apply(store, &prepared, &file_name)?;
        return Ok(summary);
    }
    // The catalogue, the aliases and new units are written first, in the import's
    // transaction, so that the file is planned against them; a dry run or a refused
    // file rolls them back.
    if store.read_only() {
        return Err(Error::User(format!(
            "{}: {}",
            t(T::ReadOnlyNoEdit),
            store.path().display()
        )));
    }
    let big = catalogue || sheet.len() > BACKUP_ABOVE;
    let backup_to =
        if !opts.dry_run && big && !store.is_empty()? && store.path() != Path::new(":memory:") {
            Some(backup(store, chrono::Local::now())?)
        } else {
            None
        };
    store.staged(IMPORT_CACHE_KIB, |st, tx| {
        let loaded = match catalogue {
            true => Some(catalogue::load(st, tx, ctx.as_of)?),
            false => None,
        };
        let mut mapped = Vec::new();
        for m in &opts.maps {
            mapped.push(unknown::map(st, tx, m, ctx.as_of)?);
        }
        let mut planned = plan_file(st, ctx, &sheet, &cols, file, &file_name, opts)?;
        let mut added = Vec::new();
        if opts.add_units && !planned.ix.unknown.is_empty() {
            added = unknown::add(st, tx, &planned.ix.unknown, ctx.as_of)?;
            planned = plan_file(st, ctx, &sheet, &cols, file, &file_name, opts)?;
        }
        let (mut summary, prepared) = planned.checked(&name)?;
        summary.catalogue = loaded;
        summary.mapped = mapped;
        summary.added = added;
        summary.backup = backup_to.clone();
        if opts.dry_run {
            return Ok((summary, false));
        }
        apply_in(tx, &prepared, &file_name)?;
        Ok((summary, true))
    })
}

/// A file planned: what it would write, or the problems that stop it.
struct Planned {
    ix: UnitIndex,
    problems: Vec<Problem>,
    summary: Summary,
    prepared: Prepared,
    units_file: bool,
}

impl Planned {
    /// The summary and the writes, or the error listing every problem (and every
    /// name no unit has, with how to go on).
    fn checked(self, name: &str) -> Result<(Summary, Prepared)> {
        if self.problems.is_empty() {
            return Ok((self.summary, self.prepared));
        }
        let mut report = problem_report(name, self.problems);
        report.push_str(&unknown::report(&self.ix.unknown));
        if self.ix.units.is_empty() && !self.units_file {
            report.push_str(&format!("\n{}", t(T::ImpNoUnitsYet)));
        }
        Err(Error::User(report))
    }
}

fn plan_file(
    store: &Store,
    ctx: &Ctx,
    sheet: &[read::Row],
    cols: &columns::Columns,
    file: &Path,
    file_name: &str,
    opts: &Options,
) -> Result<Planned> {
    let mut p = Planning {
        ix: UnitIndex::with_aliases(store.import_units()?, &store.aliases()?),
        problems: Vec::new(),
        lines: ChangeLines::default(),
        kept: Listed::kept(),
        conflicts: Listed::conflicts(),
        summary: Summary {
            file: file.to_path_buf(),
            kind: cols.kind,
            rows: 0,
            counts: Counts::default(),
            readings: None,
            changes: Vec::new(),
            dry_run: opts.dry_run,
            backup: None,
            kept: Vec::new(),
            kept_count: 0,
            conflicts: Vec::new(),
            conflict_count: 0,
            prefer_file: opts.prefer_file,
            cancelled: Vec::new(),
            done_no_date: Vec::new(),
            postponed: Vec::new(),
            disagree: Vec::new(),
            unknown_status: Vec::new(),
            header_rows: cols.header_rows.clone(),
            columns: cols.understood(),
            skipped: Vec::new(),
            miscounted: Vec::new(),
            catalogue: None,
            mapped: Vec::new(),
            added: Vec::new(),
        },
    };
    let prepared = match cols.kind {
        ImportKind::Tasks => p.tasks(store, ctx, sheet, cols, file_name, opts.prefer_file)?,
        ImportKind::Targets => p.targets(store, ctx, sheet, cols)?,
        ImportKind::Units => p.units(store, ctx, sheet, cols)?,
    };
    let Planning {
        ix,
        problems,
        lines,
        kept,
        conflicts,
        mut summary,
    } = p;
    summary.changes = lines.finish();
    (summary.kept, summary.kept_count) = kept.finish(T::ImpMoreKept);
    (summary.conflicts, summary.conflict_count) = conflicts.finish(T::ImpMoreConflicts);
    Ok(Planned {
        ix,
        problems,
        summary,
        prepared,
        units_file: cols.kind == ImportKind::Units,
    })
}

/// Loads the bundled catalogue of units into a database that has not taken it in
/// (the demo, when it is made), in one transaction.
pub fn load_catalogue(store: &mut Store, as_of: chrono::NaiveDate) -> Result<()> {
    if store.read_only() || !catalogue::wanted(store)? {
        return Ok(());
    }
    store.staged(IMPORT_CACHE_KIB, |st, tx| {
        catalogue::load(st, tx, as_of).map(|_| ((), true))
    })
}

/// A copy of the database beside it before a large import, named by the
/// millisecond; a name already taken (two imports in one instant, or a clock set
/// back) gets a number, so no backup ever replaces an earlier one.
fn backup(store: &Store, now: chrono::DateTime<chrono::Local>) -> Result<PathBuf> {
    let stamp = now.format("%Y%m%d-%H%M%S-%3f");
    for n in 1u32.. {
        let mut dest = store.path().as_os_str().to_owned();
        match n {
            1 => dest.push(format!(".truoc-nhap-{stamp}.bak")),
            _ => dest.push(format!(".truoc-nhap-{stamp}-{n}.bak")),
        }
        let dest = PathBuf::from(dest);
        if store.backup_to_new(&dest)? {
            return Ok(dest);
        }
    }
    unreachable!("some number is free")
}

/// Writes every plan in one transaction, with a bar on a terminal for many tasks.
fn apply(store: &mut Store, prepared: &Prepared, file_name: &str) -> Result<()> {
    let reason = format!("{} {file_name}", t(T::ImpExtensionReason));
    // Silent when piped.
    let progress = match prepared {
        Prepared::Tasks(p) if p.len() > 10_000 => crate::progress::bar(p.len() as u64),
        _ => indicatif::ProgressBar::hidden(),
    };
    let applied = store.write_many(IMPORT_CACHE_KIB, |tx| {
        write_plans(tx, prepared, &reason, &progress)
    });
    progress.finish_and_clear();
    applied
}

/// The same, in a transaction already open.
fn apply_in(tx: &crate::store::Tx, prepared: &Prepared, file_name: &str) -> Result<()> {
    let reason = format!("{} {file_name}", t(T::ImpExtensionReason));
    let progress = match prepared {
        Prepared::Tasks(p) if p.len() > 10_000 => crate::progress::bar(p.len() as u64),
        _ => indicatif::ProgressBar::hidden(),
    };
    let applied = write_plans(tx, prepared, &reason, &progress);
    progress.finish_and_clear();
    applied
}

fn write_plans(
    tx: &crate::store::Tx,
    prepared: &Prepared,
    reason: &str,
    progress: &indicatif::ProgressBar,
) -> Result<()> {
    match prepared {
        Prepared::Tasks(p) => plan::apply_tasks(tx, p, reason, progress),
        Prepared::Targets(p) => plan::apply_targets(tx, p),
        Prepared::Units(p) => plan::apply_units(tx, p),
    }
}

/// What an import will write, planned and checked.
enum Prepared {
    Tasks(Vec<plan::TaskPlan>),
    Targets(Vec<plan::TargetPlan>),
    Units(Vec<plan::UnitPlan>),
}

impl Prepared {
    /// Whether what some task's import brought is to be recorded where the task
    /// itself does not change (a conflict resolved for tct, a value tct set that the
    /// office's file now has too).
    fn remembers_import(&self) -> bool {
        match self {
            Prepared::Tasks(p) => p.iter().any(|p| p.remember != plan::Remember::Nothing),
            _ => false,
        }
    }
}

/// The state of planning an import: the units known so far (a units file adds its
/// own), the problems found, the changes to list and the counts.
struct Planning {
    ix: UnitIndex,
    problems: Vec<Problem>,
    lines: ChangeLines,
    kept: Listed,
    conflicts: Listed,
    summary: Summary,
}

impl Planning {
    /// The rows read, those skipped and the sections miscounted, for the summary.
    fn note_layout<R>(&mut self, parsed: &rows::Parsed<R>) {
        self.summary.rows = parsed.rows;
        self.summary.skipped = parsed.skipped.clone();
        self.summary.miscounted = parsed
            .miscounted
            .iter()
            .map(|s| Miscounted {
                row: s.row,
                label: s.label.clone(),
                declared: s.declared.unwrap_or_default(),
                read: s.read,
            })
            .collect();
    }

    fn tasks(
        &mut self,
        store: &Store,
        ctx: &Ctx,
        sheet: &[read::Row],
        cols: &columns::Columns,
        file_name: &str,
        prefer_file: bool,
    ) -> Result<Prepared> {
        let parsed = rows::tasks(sheet, cols, &mut self.ix, store, ctx.as_of);
        self.note_layout(&parsed);
        self.summary.cancelled = parsed.cancelled;
        self.summary.done_no_date = parsed.done_no_date;
        self.summary.postponed = parsed.postponed;
        self.summary.disagree = parsed.disagree;
        self.summary.unknown_status = parsed.unknown_status;
        self.problems.extend(parsed.problems);
        let existing = store.import_tasks()?;
        let plans = plan::tasks(
            &existing,
            parsed.records,
            cols,
            &self.ix,
            file_name,
            prefer_file,
            &mut self.problems,
        );
        for p in &plans {
            self.summary.counts.add(&p.action);
            let what = || plan::describe_task(p, &self.ix);
            match &p.action {
                Action::Unchanged(_) => {}
                Action::New => {
                    // A new task extended by its own cell shows both deadlines.
                    let ext = match p.deadline {
                        crate::model::DeadlineChange::Extend { old, new } => vec![plan::Change {
                            field: cols.header(columns::Field::Deadline),
                            old: crate::domain::format::fmt_date(old),
                            new: format!(
                                "{} → {} ({})",
                                crate::domain::format::fmt_date(old),
                                crate::domain::format::fmt_date(new),
                                t(T::ImpExtension)
                            ),
                        }],
                        _ => Vec::new(),
                    };
                    self.lines.push('+', p.row, what, &ext)
                }
                Action::Update(_, ch) => self.lines.push('~', p.row, what, ch),
            }
            if !p.kept.is_empty() {
                self.kept.push_kept(p.row, what, &p.kept);
            }
            for c in &p.conflicts {
                self.conflicts.push_conflict(p.row, what, c);
            }
        }
        Ok(Prepared::Tasks(plans))
    }

    fn targets(
        &mut self,
        store: &Store,
        ctx: &Ctx,
        sheet: &[read::Row],
        cols: &columns::Columns,
    ) -> Result<Prepared> {
        let parsed = rows::targets(sheet, cols, &mut self.ix, store);
        self.note_layout(&parsed);
        self.problems.extend(parsed.problems);
        let existing = store.import_targets()?;
        let plans = plan::targets(
            store,
            &existing,
            parsed.records,
            cols,
            ctx.as_of,
            &mut self.problems,
        )?;
        let mut readings = Counts::default();
        let actual = cols.header(columns::Field::Actual);
        for p in &plans {
            self.summary.counts.add(&p.action);
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
            let what = || plan::describe_target(p, &self.ix);
            match &p.action {
                Action::New => self.lines.push('+', p.row, what, &changes),
                _ if !changes.is_empty() => self.lines.push('~', p.row, what, &changes),
                _ => {}
            }
        }
        self.summary.readings = Some(readings);
        Ok(Prepared::Targets(plans))
    }

    fn units(
        &mut self,
        store: &Store,
        ctx: &Ctx,
        sheet: &[read::Row],
        cols: &columns::Columns,
    ) -> Result<Prepared> {
        let parsed = rows::units(sheet, cols);
        self.note_layout(&parsed);
        self.problems.extend(parsed.problems);
        let plans = plan::units(
            store,
            &mut self.ix,
            parsed.records,
            cols,
            ctx.as_of,
            &mut self.problems,
        )?;
        for p in &plans {
            self.summary.counts.add(&p.action);
            let what = || plan::describe_unit(p);
            match &p.action {
                Action::New => self.lines.push('+', p.row, what, &[]),
                Action::Update(_, ch) => self.lines.push('~', p.row, what, ch),
                Action::Unchanged(_) => {}
            }
        }
        Ok(Prepared::Units(plans))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backups_in_the_same_instant_keep_each_other() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.db")).unwrap();
        let now = chrono::Local::now();
        let first = backup(&store, now).unwrap();
        store.write(|tx| tx.set_setting("place", "sau")).unwrap();
        let second = backup(&store, now).unwrap();
        assert_ne!(first, second);
        let place = |p: &Path| Store::open(p).unwrap().setting("place").unwrap();
        assert_eq!(place(&first), None, "the first backup is as it was");
        assert_eq!(place(&second).as_deref(), Some("sau"));
    }
}
