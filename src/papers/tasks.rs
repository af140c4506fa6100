//! The report on the tasks the province gave (Báo cáo tình hình thực hiện nhiệm vụ
//! UBND tỉnh giao): `gather` asks the store the questions the panes and `tct report`
//! ask, `document` and `xlsx` write the answers. The counts come from the units'
//! scorecards for the whole period, so they are the panes' to the task; a period
//! counts its tasks' statuses with the scorecard's own rule (`TaskCounts::add`).

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::document::{Block, Document, Table};
use crate::domain::format::fmt_date;
use crate::domain::scorecard::TaskCounts;
use crate::domain::task::TaskStatus;
use crate::error::Result;
use crate::i18n::{Lang, T};
use crate::model::{Ctx, TaskMode, TaskScope, UnitRow};
use crate::notice::{Settings, clean, vi};
use crate::sheet::{Cell, XlsxOut, finish_all};
use crate::store::Store;
use crate::words::{status_text_in, unit_label_in};

use super::Period;
use super::table::{numbered, rate};

/// One unit's line of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitLine {
    pub label: String,
    pub counts: TaskCounts,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OverdueTask {
    pub doc_number: String,
    pub title: String,
    pub deadline: Option<NaiveDate>,
    pub days: i64,
    pub leader: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DirectiveLine {
    pub text: String,
    pub unit: String,
    pub deadline: Option<NaiveDate>,
    pub status: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct InspectionLine {
    pub unit: String,
    pub held_on: Option<NaiveDate>,
    pub directives: Vec<DirectiveLine>,
}

/// What the report says, before any format.
#[derive(Debug, Clone, PartialEq)]
pub struct TasksReport {
    pub as_of: NaiveDate,
    pub period: Period,
    /// The unit asked for (`--unit`), by its label.
    pub unit: Option<String>,
    /// Units with tasks counted, in the Units pane's order.
    pub units: Vec<UnitLine>,
    pub totals: TaskCounts,
    /// Overdue tasks by unit, most overdue first within each.
    pub overdue: Vec<(String, Vec<OverdueTask>)>,
    /// The days whose inspections' directives are listed.
    pub inspections_span: (NaiveDate, NaiveDate),
    pub inspections: Vec<InspectionLine>,
}

const PAGE: usize = 500;

fn label(u: &UnitRow) -> String {
    unit_label_in(&u.name, u.kind, &u.namesake, Lang::Vi)
}

/// The units the report is about, in the pane's order: the one asked for, or all.
fn units_of(store: &Store, ctx: &Ctx, unit: Option<i64>) -> Result<Vec<UnitRow>> {
    if let Some(id) = unit {
        return Ok(store.unit_row(ctx, id)?.into_iter().collect());
    }
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

/// Asks the store. `unit` is a unit resolved from `--unit`.
pub fn gather(store: &Store, ctx: &Ctx, unit: Option<i64>, period: Period) -> Result<TasksReport> {
    let rows = units_of(store, ctx, unit)?;
    let scope = unit.map_or(TaskScope::AllUnits, TaskScope::Unit);
    let counts: HashMap<i64, TaskCounts> = if period.is_whole() {
        rows.iter().map(|u| (u.id, u.card.tasks)).collect()
    } else {
        let mut by_unit: HashMap<i64, TaskCounts> = HashMap::new();
        store.for_each_task(ctx, scope, TaskMode::All, |r| -> Result<()> {
            if period.holds(r.deadline) {
                by_unit.entry(r.unit_id).or_default().add(r.status);
            }
            Ok(())
        })?;
        by_unit
    };
    let mut totals = TaskCounts::default();
    let mut units = Vec::new();
    for u in &rows {
        let c = counts.get(&u.id).copied().unwrap_or_default();
        add(&mut totals, &c);
        if c.total() > 0 {
            units.push(UnitLine {
                label: label(u),
                counts: c,
            });
        }
    }
    let inspections_span = period.inspections(ctx.as_of);
    Ok(TasksReport {
        as_of: ctx.as_of,
        period,
        unit: unit
            .and_then(|id| rows.iter().find(|u| u.id == id))
            .map(label),
        units,
        totals,
        overdue: overdue(store, ctx, scope, period, &rows)?,
        inspections_span,
        inspections: inspections(store, ctx, unit, inspections_span)?,
    })
}

fn add(sum: &mut TaskCounts, c: &TaskCounts) {
    sum.done_on_time += c.done_on_time;
    sum.done_late += c.done_late;
    sum.overdue += c.overdue;
    sum.due_soon += c.due_soon;
    sum.in_time += c.in_time;
    sum.no_deadline += c.no_deadline;
}

/// The overdue report's tasks, grouped by unit in the pane's order, with the leader
/// the task's file names.
fn overdue(
    store: &Store,
    ctx: &Ctx,
    scope: TaskScope,
    period: Period,
    rows: &[UnitRow],
) -> Result<Vec<(String, Vec<OverdueTask>)>> {
    let mut by_unit: HashMap<i64, Vec<(i64, OverdueTask)>> = HashMap::new();
    store.for_each_overdue(ctx, scope, |r, _origin| -> Result<()> {
        if period.holds(r.deadline) {
            let days = match r.status {
                TaskStatus::Overdue { days } => days,
                _ => 0,
            };
            by_unit.entry(r.unit_id).or_default().push((
                r.id,
                OverdueTask {
                    doc_number: clean(r.doc_number.as_deref().unwrap_or_default()),
                    title: clean(&r.title),
                    deadline: r.deadline,
                    days,
                    leader: String::new(),
                },
            ));
        }
        Ok(())
    })?;
    let mut out = Vec::new();
    for u in rows {
        let Some(tasks) = by_unit.remove(&u.id) else {
            continue;
        };
        let mut list = Vec::new();
        for (id, mut task) in tasks {
            let leader = store.task_detail(ctx, id)?.and_then(|d| d.leader);
            task.leader = clean(leader.as_deref().unwrap_or_default());
            list.push(task);
        }
        out.push((label(u), list));
    }
    Ok(out)
}

/// The directives of the inspections held in the span, oldest inspection first; with
/// a unit, those given to it.
fn inspections(
    store: &Store,
    ctx: &Ctx,
    unit: Option<i64>,
    (from, to): (NaiveDate, NaiveDate),
) -> Result<Vec<InspectionLine>> {
    let mut out = Vec::new();
    for id in store.inspection_ids(None)?.into_iter().rev() {
        let Some(ins) = store.inspection(ctx, id)? else {
            continue;
        };
        if !ins.header.held_on.is_some_and(|d| d >= from && d <= to) {
            continue;
        }
        let directives: Vec<DirectiveLine> = ins
            .items
            .iter()
            .filter(|i| i.kind == crate::domain::inspection::ItemKind::Directive)
            .filter(|i| !i.text.trim().is_empty())
            .filter(|i| unit.is_none_or(|u| i.unit_id.unwrap_or(ins.header.unit_id) == u))
            .map(|i| DirectiveLine {
                text: clean(&i.text).replace('\n', " "),
                unit: clean(
                    i.unit_label
                        .as_deref()
                        .or(i.unit_name.as_deref())
                        .unwrap_or(&ins.header.unit_name),
                ),
                deadline: i.deadline,
                status: i.task_status.map_or_else(
                    || vi(T::TrNoTask).to_string(),
                    |s| status_text_in(s, Lang::Vi),
                ),
            })
            .collect();
        if !directives.is_empty() {
            out.push(InspectionLine {
                unit: clean(&ins.header.unit_name),
                held_on: ins.header.held_on,
                directives,
            });
        }
    }
    Ok(out)
}

fn date(d: Option<NaiveDate>) -> String {
    d.map(fmt_date).unwrap_or_default()
}

/// The counts' cells of one line: given, on time, late, overdue, in time (due soon
/// included), no deadline, on-time rate.
fn count_cells(c: &TaskCounts) -> Vec<String> {
    vec![
        c.total().to_string(),
        c.done_on_time.to_string(),
        c.done_late.to_string(),
        c.overdue.to_string(),
        (c.in_time + c.due_soon).to_string(),
        c.no_deadline.to_string(),
        rate(c),
    ]
}

const UNIT_HEAD: [T; 8] = [
    T::TrColGiven,
    T::TrColOnTime,
    T::TrColLate,
    T::TrColOverdue,
    T::TrColInTime,
    T::TrColNoDeadline,
    T::TrColRate,
    T::TrTotalRow,
];

/// The report as a document, between the letterhead and sign-off `frame` gives.
pub fn document(r: &TasksReport, settings: &Settings) -> Document {
    let (letterhead, sign_off) = crate::notice::frame(settings, vi(T::TrSymbol), r.as_of);
    let mut blocks = vec![Block::Paragraph(scope_line(r))];
    if let Some(u) = &r.unit {
        blocks.push(Block::Paragraph(vi(T::TrScopeUnit).replace("{unit}", u)));
    }
    blocks.push(Block::Heading(1, vi(T::TrSecTotals).into()));
    blocks.extend(totals(&r.totals).into_iter().map(Block::Paragraph));
    blocks.push(Block::Heading(1, vi(T::TrSecUnits).into()));
    blocks.push(Block::Table(units_table(r)));
    blocks.push(Block::Heading(1, vi(T::TrSecOverdue).into()));
    overdue_blocks(r, &mut blocks);
    blocks.push(Block::Heading(1, vi(T::TrSecDirectives).into()));
    directive_blocks(r, &mut blocks);
    blocks.push(Block::Lead(vi(T::TrClosing).into()));
    Document {
        author: letterhead.issuing_body.join(" "),
        letterhead: Some(letterhead),
        title: vi(T::TrTitle).into(),
        summary: vi(T::TrSummary).into(),
        blocks,
        sign_off: Some(sign_off),
    }
}

fn scope_line(r: &TasksReport) -> String {
    let as_of = fmt_date(r.as_of);
    if r.period.is_whole() {
        return vi(T::TrScopeAll).replace("{date}", &as_of);
    }
    vi(T::TrScopePeriod)
        .replace("{date}", &as_of)
        // An open end reads as dots, as a form leaves a blank.
        .replace("{from}", &r.period.from.map_or("…".into(), fmt_date))
        .replace("{to}", &r.period.to.map_or("…".into(), fmt_date))
}

/// The overview: the totals in a sentence, then the on-time rate over tasks due.
fn totals(c: &TaskCounts) -> Vec<String> {
    let n = |x: u32| x.to_string();
    let first = vi(T::TrTotals)
        .replace("{given}", &n(c.total()))
        .replace("{on}", &n(c.done_on_time))
        .replace("{late}", &n(c.done_late))
        .replace("{overdue}", &n(c.overdue))
        .replace("{in_time}", &n(c.in_time + c.due_soon))
        .replace("{soon}", &n(c.due_soon))
        .replace("{none}", &n(c.no_deadline));
    let second = if c.due() == 0 {
        vi(T::TrNoneDue).to_string()
    } else {
        vi(T::TrRate)
            .replace("{on}", &n(c.done_on_time))
            .replace("{due}", &n(c.due()))
            .replace("{pct}", &rate(c))
    };
    vec![first, second]
}

fn units_table(r: &TasksReport) -> Table {
    let mut head = vec![vi(T::TrNo).to_string(), vi(T::TrColUnit).to_string()];
    head.extend(UNIT_HEAD[..7].iter().map(|k| vi(*k).to_string()));
    let mut rows: Vec<Vec<String>> = numbered(r.units.iter().map(|u| {
        let mut cells = vec![u.label.clone()];
        cells.extend(count_cells(&u.counts));
        cells
    }));
    let mut total = vec![String::new(), vi(T::TrTotalRow).to_string()];
    total.extend(count_cells(&r.totals));
    rows.push(total);
    Table {
        head,
        rows,
        widths: vec![7, 20, 9, 9, 11, 11, 10, 12, 11],
        numeric: vec![true, false, true, true, true, true, true, true, true],
    }
}

fn overdue_blocks(r: &TasksReport, blocks: &mut Vec<Block>) {
    if r.overdue.is_empty() {
        blocks.push(Block::Paragraph(vi(T::TrNoOverdue).into()));
        return;
    }
    for (i, (unit, tasks)) in r.overdue.iter().enumerate() {
        blocks.push(Block::Heading(
            2,
            vi(T::TrUnitOverdue)
                .replace("{n}", &(i + 1).to_string())
                .replace("{unit}", unit)
                .replace("{count}", &tasks.len().to_string()),
        ));
        let head = [
            T::TrNo,
            T::TrColDoc,
            T::TrColTask,
            T::TrColDeadline,
            T::TrColDays,
            T::TrColLeader,
        ];
        blocks.push(Block::Table(Table {
            head: head.iter().map(|k| vi(*k).to_string()).collect(),
            rows: numbered(tasks.iter().map(|t| {
                vec![
                    t.doc_number.clone(),
                    t.title.clone(),
                    date(t.deadline),
                    t.days.to_string(),
                    t.leader.clone(),
                ]
            })),
            widths: vec![7, 14, 34, 17, 10, 18],
            numeric: vec![true, false, false, false, true, false],
        }));
    }
}

fn directive_blocks(r: &TasksReport, blocks: &mut Vec<Block>) {
    let (from, to) = r.inspections_span;
    blocks.push(Block::Paragraph(
        vi(T::TrDirectivesFrom)
            .replace("{from}", &fmt_date(from))
            .replace("{to}", &fmt_date(to)),
    ));
    if r.inspections.is_empty() {
        blocks.push(Block::Paragraph(vi(T::TrNoDirectives).into()));
        return;
    }
    for (i, ins) in r.inspections.iter().enumerate() {
        blocks.push(Block::Heading(
            2,
            vi(T::TrInspection)
                .replace("{n}", &(i + 1).to_string())
                .replace("{unit}", &ins.unit)
                .replace("{date}", &date(ins.held_on)),
        ));
        blocks.push(Block::Table(super::table::directives(
            ins.directives.iter().map(|d| {
                (
                    d.text.clone(),
                    Some(d.unit.clone()),
                    d.deadline,
                    d.status.clone(),
                )
            }),
        )));
    }
}

/// The table by unit as a spreadsheet, counts as numbers, the rate as a percentage;
/// then the overdue tasks, deadlines as dates.
pub fn xlsx(r: &TasksReport) -> Result<Vec<u8>> {
    let mut head = vec![vi(T::TrColUnit).to_string()];
    head.extend(UNIT_HEAD[..7].iter().map(|k| vi(*k).to_string()));
    let mut sheet = XlsxOut::new(vi(T::TrSheet), &head)?;
    let line = |name: &str, c: &TaskCounts| {
        let int = |x: u32| Cell::Int(x.into());
        vec![
            Cell::text(name),
            int(c.total()),
            int(c.done_on_time),
            int(c.done_late),
            int(c.overdue),
            int(c.in_time + c.due_soon),
            int(c.no_deadline),
            c.on_time_rate()
                .map(|x| Cell::Num((x * 1000.0).round() / 10.0, rate(c)))
                .unwrap_or(Cell::text("")),
        ]
    };
    for u in &r.units {
        sheet.row(&line(&u.label, &u.counts))?;
    }
    sheet.row(&line(vi(T::TrTotalRow), &r.totals))?;
    let head = [
        T::TrColUnit,
        T::TrColDoc,
        T::TrColTask,
        T::TrColDeadline,
        T::TrColDays,
        T::TrColLeader,
    ];
    let head: Vec<String> = head.iter().map(|k| vi(*k).to_string()).collect();
    let mut overdue = XlsxOut::new(vi(T::TrSheetOverdue), &head)?;
    for (unit, tasks) in &r.overdue {
        for t in tasks {
            overdue.row(&[
                Cell::text(unit),
                Cell::text(&t.doc_number),
                Cell::text(&t.title),
                Cell::Date(t.deadline),
                Cell::Int(t.days),
                Cell::text(&t.leader),
            ])?;
        }
    }
    let mut out = Vec::new();
    finish_all(vec![sheet, overdue], &mut out)?;
    Ok(out)
}
