//! `tct report`: the same figures the panes show, as a table, CSV or JSON.

use std::io::{IsTerminal, Write};

use color_eyre::Result;
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::cli::{Format, ReportKind, UserError};
use crate::domain::format::fmt_date;
use crate::domain::task::TaskStatus;
use crate::domain::text::printable;
use crate::i18n::{T, lang, t};
use crate::store::{Ctx, Store, TaskMode, TaskScope, UnitLookup};
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

struct Sheet {
    head: Vec<String>,
    rows: Vec<Vec<String>>,
}

#[derive(Serialize)]
struct UnitJson<'a> {
    name: &'a str,
    kind: &'a str,
    code: Option<&'a str>,
    targets: crate::domain::scorecard::TargetCounts,
    tasks: crate::domain::scorecard::TaskCounts,
    scorecard: String,
}

fn frac(n: u32, total: u32) -> String {
    format!("{n:02}/{total:02}")
}

/// What `tct report` was asked for.
pub struct Query<'a> {
    pub what: ReportKind,
    pub unit: Option<&'a str>,
    pub inspection: Option<i64>,
    pub format: Option<Format>,
}

/// Runs a report to standard output, or to a file with `-o` (xlsx always).
pub fn run_to(store: &Store, ctx: &Ctx, q: &Query, output: Option<&std::path::Path>) -> Result<()> {
    match output {
        Some(path) => {
            let mut file = std::io::BufWriter::new(std::fs::File::create(path)?);
            run(store, ctx, q, &mut file)?;
            file.flush()?;
            Ok(())
        }
        None => {
            if q.format == Some(Format::Xlsx) {
                return Err(UserError(t(T::ErrXlsxNeedsFile).into()).into());
            }
            let stdout = std::io::stdout();
            run(store, ctx, q, &mut stdout.lock())
        }
    }
}

pub fn run(store: &Store, ctx: &Ctx, q: &Query, out: &mut dyn Write) -> Result<()> {
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
    let (what, format) = (q.what, q.format.unwrap_or(Format::Table));
    if format == Format::Md {
        return Err(UserError(t(T::ErrMdOnlyConclusions).into()).into());
    }
    let mut json: Vec<serde_json::Value> = Vec::new();
    let mut sheet = Sheet {
        head: Vec::new(),
        rows: Vec::new(),
    };
    let mut sentences: Vec<String> = Vec::new();
    match what {
        ReportKind::Units => {
            sheet.head = [
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
            ]
            .map(|k| t(k).to_string())
            .into();
            let units = match &unit {
                Some((id, _)) => store.unit_row(ctx, *id)?.into_iter().collect(),
                None => all_units(store, ctx)?,
            };
            for u in &units {
                let (c, n, due) = (&u.card, u.card.targets.total(), u.card.tasks.due());
                sheet.rows.push(vec![
                    u.name.clone(),
                    kind_word(u.kind).into(),
                    frac(c.targets.met, n),
                    frac(c.targets.above70, n),
                    frac(c.targets.below70, n),
                    frac(c.targets.no_data, n),
                    frac(c.tasks.done_on_time, due),
                    c.tasks.done_late.to_string(),
                    c.tasks.overdue.to_string(),
                    c.tasks.due_soon.to_string(),
                ]);
                let phrase = c.phrase(lang());
                if unit.is_some() {
                    sentences.push(format!("{}: {phrase}", u.name));
                }
                json.push(serde_json::to_value(UnitJson {
                    name: &u.name,
                    kind: u.kind.code(),
                    code: u.code.as_deref(),
                    targets: c.targets,
                    tasks: c.tasks,
                    scorecard: phrase,
                })?);
            }
        }
        ReportKind::Targets => {
            sheet.head = [
                T::ColUnit,
                T::ColName,
                T::ColPlan,
                T::ColActual,
                T::ColMeasure,
                T::ColProgress,
                T::ColStatus,
            ]
            .map(|k| t(k).to_string())
            .into();
            let units: Vec<(i64, String)> = match &unit {
                Some(u) => vec![u.clone()],
                None => all_units(store, ctx)?
                    .into_iter()
                    .map(|u| (u.id, u.name))
                    .collect(),
            };
            for (id, name) in units {
                for r in store.targets_of(ctx, id, "")? {
                    let pct = r
                        .progress
                        .ratio
                        .map(|x| format!("{}%", num((x * 1000.0).round() / 10.0)));
                    sheet.rows.push(vec![
                        name.clone(),
                        r.name.clone(),
                        plan_text(r.plan),
                        r.actual.map(num).unwrap_or_default(),
                        r.measure.clone(),
                        pct.unwrap_or_default(),
                        class_word(r.progress.class).into(),
                    ]);
                    json.push(serde_json::json!({
                        "unit": name, "name": r.name, "plan": r.plan, "direction": r.direction,
                        "measure": r.measure, "actual": r.actual, "actual_on": r.actual_on,
                        "progress": r.progress.ratio, "class": r.progress.class,
                    }));
                }
            }
        }
        ReportKind::Conclusions => unreachable!("handled above"),
        ReportKind::Overdue => {
            sheet.head = [
                T::ColDays,
                T::ColUnit,
                T::ColDeadline,
                T::DocNumber,
                T::ColTitle,
            ]
            .map(|k| t(k).to_string())
            .into();
            let scope = unit
                .as_ref()
                .map_or(TaskScope::AllUnits, |(id, _)| TaskScope::Unit(*id));
            let mut offset = 0;
            loop {
                let page = store.tasks_page(ctx, scope, TaskMode::Overdue, "", offset, PAGE)?;
                for r in &page {
                    let days = match r.status {
                        TaskStatus::Overdue { days } => days,
                        _ => 0,
                    };
                    sheet.rows.push(vec![
                        days.to_string(),
                        r.unit_name.clone(),
                        r.deadline.map(fmt_date).unwrap_or_default(),
                        r.doc_number.clone().unwrap_or_default(),
                        r.title.clone(),
                    ]);
                    json.push(serde_json::json!({
                        "days_overdue": days, "unit": r.unit_name, "deadline": r.deadline,
                        "doc_number": r.doc_number, "title": r.title, "assigned_on": r.assigned_on,
                    }));
                }
                if page.len() < PAGE {
                    break;
                }
                offset += PAGE;
            }
        }
    }
    match format {
        Format::Xlsx => return Err(UserError("xlsx: not available yet".into()).into()),
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &json)?;
            writeln!(out)?;
        }
        Format::Csv => {
            let tty = std::io::stdout().is_terminal();
            let mut w = csv::Writer::from_writer(out);
            w.write_record(&sheet.head)?;
            for row in &sheet.rows {
                // On a terminal, stored text must not act as terminal commands.
                let row: Vec<String> = row
                    .iter()
                    .map(|c| if tty { printable(c) } else { c.clone() })
                    .collect();
                w.write_record(&row)?;
            }
            w.flush()?;
        }
        Format::Table | Format::Md => {
            write_table(out, &sheet)?;
            for s in sentences {
                writeln!(out, "\n{}", printable(&s))?;
            }
        }
    }
    Ok(())
}

fn all_units(store: &Store, ctx: &Ctx) -> Result<Vec<crate::store::UnitRow>> {
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

fn write_table(out: &mut dyn Write, sheet: &Sheet) -> std::io::Result<()> {
    let clean: Vec<Vec<String>> = sheet
        .rows
        .iter()
        .map(|r| r.iter().map(|c| printable(c)).collect())
        .collect();
    let mut widths: Vec<usize> = sheet.head.iter().map(|h| h.width()).collect();
    for r in &clean {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(c.width());
        }
    }
    let line = |cells: &[String]| -> String {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                s.push_str("  ");
            }
            s.push_str(c);
            if i + 1 < cells.len() {
                s.push_str(&" ".repeat(widths[i] - c.width()));
            }
        }
        s
    };
    writeln!(out, "{}", line(&sheet.head))?;
    for r in &clean {
        writeln!(out, "{}", line(r))?;
    }
    Ok(())
}
