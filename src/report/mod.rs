//! `tct report`: the same figures the panes show, as a table, CSV, XLSX or JSON.

mod conclusions;

use clap::ValueEnum;
use std::io::{IsTerminal, Write};
use std::path::Path;

use crate::error::Result;
use indicatif::ProgressBar;
use serde::Serialize;

use crate::domain::format::fmt_date;
use crate::domain::scorecard::{TargetCounts, TaskCounts};
use crate::domain::target::Plan;
use crate::domain::task::TaskStatus;
use crate::domain::text::printable;
use crate::error::Error;
use crate::i18n::{T, lang, t};
use crate::model::{Ctx, TaskMode, TaskScope, UnitRow};
use crate::outfile;
use crate::sheet::{Cell, CsvOut, CsvStyle, Sheet, XlsxOut, write_table};
use crate::store::Store;
use crate::words::{class_word, kind_word, num, plan_text};

/// What `tct report` lists.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ReportKind {
    Units,
    Targets,
    Overdue,
    /// Inspections with their conclusion items, and each directive's task status
    Conclusions,
}

/// How a report is written.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Table,
    /// For Excel on a Vietnamese Windows: `;`, `1,5`, a byte-order mark, CRLF
    Csv,
    /// The comma and the decimal point, for scripts and Excel set up elsewhere
    CsvComma,
    Xlsx,
    Json,
    Md,
}

const PAGE: usize = 500;

/// What `tct report` was asked for.
pub struct Query<'a> {
    pub what: ReportKind,
    pub unit: Option<&'a str>,
    pub inspection: Option<i64>,
    pub format: Option<Format>,
}

impl Query<'_> {
    /// The format asked for, or the report's own; one the report does not write is
    /// refused before anything is written.
    fn format(&self) -> Result<Format> {
        match (self.what, self.format) {
            (ReportKind::Conclusions, None) => Ok(Format::Md),
            (ReportKind::Conclusions, Some(f @ (Format::Md | Format::Json))) => Ok(f),
            (ReportKind::Conclusions, Some(_)) => {
                Err(Error::User(t(T::ErrConclusionsFormat).into()))
            }
            (_, Some(Format::Md)) => Err(Error::User(t(T::ErrMdOnlyConclusions).into())),
            (_, f) => Ok(f.unwrap_or(Format::Table)),
        }
    }
}

#[derive(Serialize)]
struct UnitJson<'a> {
    name: &'a str,
    kind: &'a str,
    code: Option<&'a str>,
    targets: TargetCounts,
    tasks: TaskCounts,
    scorecard: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    abolished: Option<serde_json::Value>,
}

fn frac(n: u32, total: u32) -> Cell {
    Cell::Frac(n, total)
}

/// A plan of one figure is a number (a spreadsheet can sum it); a range is text.
fn plan_cell(p: Plan) -> Cell {
    match p {
        Plan::Value(v) => number(v),
        Plan::Range(..) => Cell::text(plan_text(p)),
    }
}

fn number(x: f64) -> Cell {
    Cell::Num(x, num(x))
}

/// Runs a report to standard output, or to a file with `-o` (xlsx needs one; `-o -`
/// is standard output, where xlsx goes only piped or redirected).
pub fn run_to(store: &Store, ctx: &Ctx, q: &Query, output: Option<&Path>) -> Result<()> {
    let format = q.format()?;
    let stdout = || run(store, ctx, q, &mut std::io::stdout().lock(), false);
    match output {
        Some(arg) if outfile::is_stdout(arg) => {
            outfile::stdout_takes("XLSX", format == Format::Xlsx)?;
            stdout()
        }
        // Whole or not at all, owner-only: an error (an unknown unit, a full disk)
        // leaves an existing file as it was; never the database or a device.
        Some(path) => {
            let path = outfile::checked(path, store.path())?;
            outfile::write_with(&path, |file| run(store, ctx, q, file, true))
        }
        None if format == Format::Xlsx => Err(Error::User(t(T::ErrXlsxNeedsFile).into())),
        None => stdout(),
    }
}

/// Where a report's rows go as they are made: CSV and JSON are written row by row,
/// an XLSX sheet is filled row by row, and only an aligned table (which needs every
/// row's width) is held whole. One lives per report, so its size does not matter.
#[allow(clippy::large_enum_variant)]
enum Rows<'w> {
    Table {
        out: &'w mut dyn Write,
        sheet: Sheet,
        sentences: Vec<String>,
    },
    Csv(CsvOut<'w>),
    Xlsx(&'w mut dyn Write, XlsxOut),
    Json(&'w mut dyn Write, usize),
}

impl<'w> Rows<'w> {
    fn open(
        format: Format,
        out: &'w mut dyn Write,
        name: &str,
        head: &[T],
        to_file: bool,
    ) -> Result<Rows<'w>> {
        let head: Vec<String> = head.iter().map(|k| t(*k).to_string()).collect();
        Ok(match format {
            Format::Json => {
                out.write_all(b"[")?;
                Rows::Json(out, 0)
            }
            Format::Xlsx => Rows::Xlsx(out, XlsxOut::new(name, &head)?),
            Format::Csv | Format::CsvComma => {
                let terminal = !to_file && std::io::stdout().is_terminal();
                // Excel's CSV has its byte-order mark wherever it goes but a
                // terminal (`> bao-cao.csv` too); the plain one only in a file.
                let (style, bom) = match format {
                    Format::Csv => (CsvStyle::Excel, !terminal),
                    _ => (CsvStyle::Comma, to_file),
                };
                Rows::Csv(CsvOut::new(out, &head, style, bom, terminal)?)
            }
            Format::Table | Format::Md => Rows::Table {
                out,
                sheet: Sheet {
                    head,
                    rows: Vec::new(),
                },
                sentences: Vec::new(),
            },
        })
    }

    /// One row; `json` is only made when the report is JSON.
    fn push(
        &mut self,
        cells: Vec<Cell>,
        json: impl FnOnce() -> serde_json::Result<serde_json::Value>,
    ) -> Result<()> {
        match self {
            Rows::Table { sheet, .. } => sheet.rows.push(cells),
            Rows::Csv(w) => w.row(&cells)?,
            Rows::Xlsx(_, x) => x.row(&cells)?,
            Rows::Json(out, n) => {
                // The same bytes as the whole array pretty-printed at once.
                let item = serde_json::to_string_pretty(&json()?)?;
                out.write_all(if *n == 0 { b"\n" } else { b",\n" })?;
                for (i, line) in item.lines().enumerate() {
                    if i > 0 {
                        out.write_all(b"\n")?;
                    }
                    write!(out, "  {line}")?;
                }
                *n += 1;
            }
        }
        Ok(())
    }

    /// A sentence printed under the table (the scorecard of one unit).
    fn sentence(&mut self, s: String) {
        if let Rows::Table { sentences, .. } = self {
            sentences.push(s);
        }
    }

    fn finish(self) -> Result<()> {
        match self {
            Rows::Table {
                out,
                sheet,
                sentences,
            } => {
                write_table(out, &sheet)?;
                for s in sentences {
                    writeln!(out, "\n{}", printable(&s))?;
                }
            }
            Rows::Csv(w) => w.finish()?,
            Rows::Xlsx(out, x) => x.finish(out)?,
            Rows::Json(out, n) => {
                out.write_all(if n == 0 { b"]\n" } else { b"\n]\n" })?;
            }
        }
        Ok(())
    }
}

/// `to_file`: the output is a file (CSV gets a byte-order mark for Excel; a large
/// report shows a progress bar on a terminal's standard error).
pub fn run(store: &Store, ctx: &Ctx, q: &Query, out: &mut dyn Write, to_file: bool) -> Result<()> {
    let unit = q
        .unit
        .map(|u| store.resolve_unit(ctx.as_of, u))
        .transpose()?;
    let format = q.format()?;
    if q.what == ReportKind::Conclusions {
        return conclusions::run(
            store,
            ctx,
            unit.as_ref().map(|(id, name)| (*id, name.as_str())),
            q.inspection,
            format,
            out,
        );
    }
    let report = Report {
        store,
        ctx,
        unit,
        format,
        to_file,
    };
    match q.what {
        ReportKind::Units => report.units(out),
        ReportKind::Targets => report.targets(out),
        ReportKind::Overdue => report.overdue(out),
        ReportKind::Conclusions => unreachable!("handled above"),
    }
}

/// One table report: of one unit (`--unit`) or of all, in one format.
struct Report<'a> {
    store: &'a Store,
    ctx: &'a Ctx,
    unit: Option<(i64, String)>,
    format: Format,
    to_file: bool,
}

impl Report<'_> {
    /// Each unit and its scorecard; for one unit, its scorecard sentence too.
    fn units(&self, out: &mut dyn Write) -> Result<()> {
        let (store, ctx, unit, format, to_file) =
            (self.store, self.ctx, &self.unit, self.format, self.to_file);
        // A province has hundreds or thousands of units, not millions: they come
        // in pages and are kept for the list.
        let units = match &unit {
            Some((id, _)) => store.unit_row(ctx, *id)?.into_iter().collect(),
            None => all_units(store, ctx)?,
        };
        let mut rows = Rows::open(format, out, t(T::Units), &UNIT_HEAD, to_file)?;
        for u in &units {
            let phrase = u.card.phrase(lang());
            let mark = unit_mark(u);
            if unit.is_some() {
                let name = if mark.is_empty() {
                    u.name.clone()
                } else {
                    format!("{} ({mark})", u.name)
                };
                rows.sentence(format!("{name}: {phrase}"));
            }
            rows.push(unit_cells(u), || {
                serde_json::to_value(UnitJson {
                    name: &u.name,
                    kind: u.kind.code(),
                    code: u.code.as_deref(),
                    targets: u.card.targets,
                    tasks: u.card.tasks,
                    scorecard: phrase,
                    abolished: u.abolished.as_ref().map(|a| {
                        serde_json::json!({
                            "on": a.on, "successors": a.successors, "mark": mark,
                        })
                    }),
                })
            })?;
        }
        rows.finish()
    }

    /// Each target with its plan, reading, progress and class.
    fn targets(&self, out: &mut dyn Write) -> Result<()> {
        let (store, ctx, unit, format, to_file) =
            (self.store, self.ctx, &self.unit, self.format, self.to_file);
        let units: Vec<(i64, String)> = match &unit {
            Some(u) => vec![u.clone()],
            None => all_units(store, ctx)?
                .into_iter()
                .map(|u| (u.id, u.name))
                .collect(),
        };
        let head = [
            T::ColUnit,
            T::ColName,
            T::ColPlan,
            T::ColActual,
            T::ColMeasure,
            T::ColProgressPct,
            T::ColStatus,
            T::ColReadingDate,
        ];
        let mut rows = Rows::open(format, out, t(T::Targets), &head, to_file)?;
        // One unit's targets at a time (tens each).
        for (id, name) in units {
            for r in store.targets_of(ctx, id, "")? {
                let cells = vec![
                    Cell::text(&name),
                    Cell::text(&r.name),
                    plan_cell(r.plan),
                    r.actual.map(number).unwrap_or(Cell::text("")),
                    Cell::text(&r.measure),
                    r.progress
                        .ratio
                        .map(|x| number((x * 1000.0).round() / 10.0))
                        .unwrap_or(Cell::text("")),
                    Cell::text(class_word(r.progress.class)),
                    Cell::Date(r.actual_on),
                ];
                rows.push(cells, || {
                    Ok(serde_json::json!({
                        "unit": name, "name": r.name, "plan": r.plan, "direction": r.direction,
                        "measure": r.measure, "actual": r.actual, "actual_on": r.actual_on,
                        "progress": r.progress.ratio, "class": r.progress.class,
                    }))
                })?;
            }
        }
        rows.finish()
    }

    /// Every overdue task, most overdue first.
    fn overdue(&self, out: &mut dyn Write) -> Result<()> {
        let (store, ctx, unit, format, to_file) =
            (self.store, self.ctx, &self.unit, self.format, self.to_file);
        let scope = unit
            .as_ref()
            .map_or(TaskScope::AllUnits, |(id, _)| TaskScope::Unit(*id));
        let head = [
            T::ColDaysOverdue,
            T::ColUnit,
            T::ColDeadline,
            T::ColDocNumber,
            T::ColTitle,
            T::AssignedOn,
            T::ColOrigin,
            T::ColAbolished,
        ];
        let bar = if to_file {
            let n = store.count_tasks(ctx, scope, TaskMode::Overdue, "")?;
            crate::progress::bar_if_large(n as u64)
        } else {
            ProgressBar::hidden()
        };
        let mut rows = Rows::open(format, out, t(T::StOverdue), &head, to_file)?;
        // The units abolished by the date, asked once: units, not tasks.
        let gone = store.abolished_of(ctx, None)?;
        // One query, its rows written as SQLite steps through them.
        store.for_each_overdue(ctx, scope, |r, origin| -> Result<()> {
            let abolished = gone.get(&r.unit_id);
            let mark = abolished
                .map(|a| crate::words::abolished_mark(a.on, &a.successors))
                .unwrap_or_default();
            let days = match r.status {
                TaskStatus::Overdue { days } => days,
                _ => 0,
            };
            let cells = vec![
                Cell::Int(days),
                Cell::text(&r.unit_name),
                Cell::Date(r.deadline),
                Cell::text(r.doc_number.clone().unwrap_or_default()),
                Cell::text(&r.title),
                Cell::Date(r.assigned_on),
                Cell::text(origin_words(origin.as_deref(), r.inspection_on)),
                Cell::text(&mark),
            ];
            rows.push(cells, || {
                Ok(serde_json::json!({
                    "days_overdue": days, "unit": r.unit_name, "deadline": r.deadline,
                    "doc_number": r.doc_number, "title": r.title, "assigned_on": r.assigned_on,
                    "origin": origin, "inspection_on": r.inspection_on,
                    "abolished": abolished.map(|a| serde_json::json!({
                        "on": a.on, "successors": a.successors, "mark": mark,
                    })),
                }))
            })?;
            bar.inc(1);
            Ok(())
        })?;
        let done = rows.finish();
        bar.finish_and_clear();
        done
    }
}

/// Where a task came from: the file or system it was imported from, or the
/// inspection whose conclusions gave it.
fn origin_words(origin: Option<&str>, inspection_on: Option<chrono::NaiveDate>) -> String {
    match (origin.filter(|o| !o.trim().is_empty()), inspection_on) {
        (Some(o), _) => o.to_string(),
        (None, Some(d)) => format!("{} {}", t(T::FromInspection), fmt_date(d)),
        (None, None) => String::new(),
    }
}

const UNIT_HEAD: [T; 11] = [
    T::ColUnit,
    T::ColKind,
    T::ClassMet,
    T::ClassAbove70,
    T::ClassBelow70,
    T::ClassNoData,
    T::StDoneOnTime,
    T::StDoneLate,
    T::StOverdue,
    T::StDueSoon,
    T::ColAbolished,
];

fn unit_cells(u: &UnitRow) -> Vec<Cell> {
    let (c, n, due) = (&u.card, u.card.targets.total(), u.card.tasks.due());
    vec![
        Cell::text(&u.name),
        Cell::text(kind_word(u.kind)),
        frac(c.targets.met, n),
        frac(c.targets.above70, n),
        frac(c.targets.below70, n),
        frac(c.targets.no_data, n),
        frac(c.tasks.done_on_time, due),
        Cell::Int(c.tasks.done_late.into()),
        Cell::Int(c.tasks.overdue.into()),
        Cell::Int(c.tasks.due_soon.into()),
        Cell::text(unit_mark(u)),
    ]
}

/// "đã giải thể 01/07/2025 → …" for a unit abolished before the date; empty otherwise.
fn unit_mark(u: &UnitRow) -> String {
    u.abolished
        .as_ref()
        .map(|a| crate::words::abolished_mark(a.on, &a.successors))
        .unwrap_or_default()
}

fn all_units(store: &Store, ctx: &Ctx) -> Result<Vec<UnitRow>> {
    let mut all = Vec::new();
    loop {
        let page = store.units_page(ctx, "", all.len(), PAGE)?;
        let done = page.len() < PAGE;
        all.extend(page);
        if done {
            return Ok(all);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// JSON written row by row reads byte for byte as the whole array pretty-printed.
    #[test]
    fn streamed_json_is_the_pretty_array() {
        let values = [
            serde_json::json!({"unit": "Tràng Định", "days": 12, "nested": {"a": [1, 2]}}),
            serde_json::json!({"title": "dòng\nhai", "doc": null}),
        ];
        for n in 0..=values.len() {
            let mut streamed = Vec::new();
            let mut rows =
                Rows::open(Format::Json, &mut streamed, "x", &[T::ColUnit], true).unwrap();
            for v in &values[..n] {
                rows.push(vec![], || Ok(v.clone())).unwrap();
            }
            rows.finish().unwrap();
            let mut whole = serde_json::to_vec_pretty(&values[..n]).unwrap();
            whole.push(b'\n');
            assert_eq!(
                String::from_utf8(streamed).unwrap(),
                String::from_utf8(whole).unwrap()
            );
        }
    }
}
