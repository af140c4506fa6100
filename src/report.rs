//! `tct report`: the same figures the panes show, as a table, CSV, XLSX or JSON.

use std::io::{IsTerminal, Write};
use std::path::Path;

use color_eyre::Result;
use serde::Serialize;

use crate::cli::{Format, ReportKind, UserError};
use crate::domain::scorecard::{TargetCounts, TaskCounts};
use crate::domain::task::TaskStatus;
use crate::domain::text::printable;
use crate::i18n::{T, lang, t};
use crate::sheet::{Cell, Sheet, write_csv, write_table, write_xlsx};
use crate::store::{Ctx, Store, TaskMode, TaskScope, UnitLookup, UnitRow};
use crate::ui::{class_word, kind_word, num, plan_text};

const PAGE: usize = 500;

/// Resolves `--unit NAME`, or says which names come closest.
pub fn resolve_unit(store: &Store, ctx: &Ctx, name: &str) -> Result<(i64, String)> {
    match store.find_unit(name, ctx.as_of)? {
        UnitLookup::Found(id, n) => Ok((id, n)),
        UnitLookup::NotFound(close) => Err(UserError(format!(
            "{} «{}»; {}: {}",
            t(T::ErrUnknownUnit),
            name,
            t(T::ErrClosest),
            close.join(", ")
        ))
        .into()),
    }
}

/// What `tct report` was asked for.
pub struct Query<'a> {
    pub what: ReportKind,
    pub unit: Option<&'a str>,
    pub inspection: Option<i64>,
    pub format: Option<Format>,
}

#[derive(Serialize)]
struct UnitJson<'a> {
    name: &'a str,
    kind: &'a str,
    code: Option<&'a str>,
    targets: TargetCounts,
    tasks: TaskCounts,
    scorecard: String,
}

fn frac(n: u32, total: u32) -> Cell {
    Cell::Text(format!("{n:02}/{total:02}"))
}

fn number(x: f64) -> Cell {
    Cell::Num(x, num(x))
}

/// Runs a report to standard output, or to a file with `-o` (xlsx needs one).
pub fn run_to(store: &Store, ctx: &Ctx, q: &Query, output: Option<&Path>) -> Result<()> {
    match output {
        // Whole or not at all, owner-only: an error (an unknown unit, a full disk)
        // leaves an existing file as it was.
        Some(path) => crate::outfile::write_with(path, |file| run(store, ctx, q, file, true)),
        None if q.format == Some(Format::Xlsx) => {
            Err(UserError(t(T::ErrXlsxNeedsFile).into()).into())
        }
        None => {
            let stdout = std::io::stdout();
            run(store, ctx, q, &mut stdout.lock(), false)
        }
    }
}

/// `to_file`: the output is a file (CSV gets a byte-order mark for Excel).
pub fn run(store: &Store, ctx: &Ctx, q: &Query, out: &mut dyn Write, to_file: bool) -> Result<()> {
    let unit = q.unit.map(|u| resolve_unit(store, ctx, u)).transpose()?;
    if q.what == ReportKind::Conclusions {
        let format = q.format.unwrap_or(Format::Md);
        return crate::report_conclusions::run(
            store,
            ctx,
            unit.map(|u| u.0),
            q.inspection,
            format,
            out,
        );
    }
    let format = q.format.unwrap_or(Format::Table);
    if format == Format::Md {
        return Err(UserError(t(T::ErrMdOnlyConclusions).into()).into());
    }
    let mut json: Vec<serde_json::Value> = Vec::new();
    let mut sentences: Vec<String> = Vec::new();
    let sheet = match q.what {
        ReportKind::Units => {
            let units = match &unit {
                Some((id, _)) => store.unit_row(ctx, *id)?.into_iter().collect(),
                None => all_units(store, ctx)?,
            };
            for u in &units {
                let phrase = u.card.phrase(lang());
                if unit.is_some() {
                    sentences.push(format!("{}: {phrase}", u.name));
                }
                json.push(serde_json::to_value(UnitJson {
                    name: &u.name,
                    kind: u.kind.code(),
                    code: u.code.as_deref(),
                    targets: u.card.targets,
                    tasks: u.card.tasks,
                    scorecard: phrase,
                })?);
            }
            units_sheet(&units)
        }
        ReportKind::Targets => {
            let units: Vec<(i64, String)> = match &unit {
                Some(u) => vec![u.clone()],
                None => all_units(store, ctx)?
                    .into_iter()
                    .map(|u| (u.id, u.name))
                    .collect(),
            };
            let mut rows = Vec::new();
            for (id, name) in units {
                for r in store.targets_of(ctx, id, "")? {
                    rows.push(vec![
                        Cell::text(&name),
                        Cell::text(&r.name),
                        Cell::text(plan_text(r.plan)),
                        r.actual.map(number).unwrap_or(Cell::text("")),
                        Cell::text(&r.measure),
                        r.progress
                            .ratio
                            .map(|x| number((x * 1000.0).round() / 10.0))
                            .unwrap_or(Cell::text("")),
                        Cell::text(class_word(r.progress.class)),
                        Cell::Date(r.actual_on),
                    ]);
                    json.push(serde_json::json!({
                        "unit": name, "name": r.name, "plan": r.plan, "direction": r.direction,
                        "measure": r.measure, "actual": r.actual, "actual_on": r.actual_on,
                        "progress": r.progress.ratio, "class": r.progress.class,
                    }));
                }
            }
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
            Sheet {
                name: t(T::Targets).into(),
                head: head.map(|k| t(k).to_string()).into(),
                rows,
            }
        }
        ReportKind::Overdue => {
            let scope = unit
                .as_ref()
                .map_or(TaskScope::AllUnits, |(id, _)| TaskScope::Unit(*id));
            // One query for the whole list: the report needs every row anyway.
            let all = store.tasks_page(ctx, scope, TaskMode::Overdue, "", 0, i64::MAX as usize)?;
            let mut rows = Vec::with_capacity(all.len());
            for r in &all {
                let days = match r.status {
                    TaskStatus::Overdue { days } => days,
                    _ => 0,
                };
                rows.push(vec![
                    Cell::Int(days),
                    Cell::text(&r.unit_name),
                    Cell::Date(r.deadline),
                    Cell::text(r.doc_number.clone().unwrap_or_default()),
                    Cell::text(&r.title),
                    Cell::Date(r.assigned_on),
                ]);
                json.push(serde_json::json!({
                    "days_overdue": days, "unit": r.unit_name, "deadline": r.deadline,
                    "doc_number": r.doc_number, "title": r.title, "assigned_on": r.assigned_on,
                }));
            }
            let head = [
                T::ColDays,
                T::ColUnit,
                T::ColDeadline,
                T::DocNumber,
                T::ColTitle,
                T::AssignedOn,
            ];
            Sheet {
                name: t(T::StOverdue).into(),
                head: head.map(|k| t(k).to_string()).into(),
                rows,
            }
        }
        ReportKind::Conclusions => unreachable!("handled above"),
    };
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &json)?;
            writeln!(out)?;
        }
        Format::Xlsx => write_xlsx(out, &sheet)?,
        Format::Csv => write_csv(
            out,
            &sheet,
            to_file,
            !to_file && std::io::stdout().is_terminal(),
        )?,
        Format::Table | Format::Md => {
            write_table(out, &sheet)?;
            for s in sentences {
                writeln!(out, "\n{}", printable(&s))?;
            }
        }
    }
    Ok(())
}

fn units_sheet(units: &[UnitRow]) -> Sheet {
    let head = [
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
    ];
    let rows = units
        .iter()
        .map(|u| {
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
            ]
        })
        .collect();
    Sheet {
        name: t(T::Units).into(),
        head: head.map(|k| t(k).to_string()).into(),
        rows,
    }
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
