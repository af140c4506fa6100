//! A unit's one-page brief before a visit: its scorecard as the panes phrase it, its
//! targets with plan, actual and class, its open tasks (the overdue first), and the
//! last inspection's directives with the status of each one's task. A working paper:
//! no letterhead or signature, the page and fonts of the formal documents.

use chrono::NaiveDate;

use crate::document::{Block, Document, Table};
use crate::domain::format::{fmt_date, fmt_number};
use crate::domain::target::Plan;
use crate::error::Result;
use crate::i18n::{Lang, T};
use crate::model::{Ctx, TargetRow, TaskMode, TaskRow, TaskScope};
use crate::notice::{clean, vi};
use crate::store::Store;
use crate::words::{class_label, status_text_in, unit_label_in};

use super::table::{directives, numbered};

/// The last inspection on or before the as-of date, as the brief shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct LastInspection {
    pub held_on: Option<NaiveDate>,
    pub chair: String,
    /// Text, deadline, the status of its task.
    pub directives: Vec<(String, Option<NaiveDate>, String)>,
}

#[derive(Debug, Clone)]
pub struct Brief {
    pub as_of: NaiveDate,
    pub unit: String,
    pub scorecard: String,
    pub targets: Vec<TargetRow>,
    pub open_tasks: Vec<TaskRow>,
    pub last: Option<LastInspection>,
}

/// Open tasks on one page at most: a brief is read on the way, not searched.
const MOST_TASKS: usize = 200;

/// Asks the store what the panes show of the unit `id`; `None` for no such unit.
pub fn gather(store: &Store, ctx: &Ctx, id: i64) -> Result<Option<Brief>> {
    let Some(row) = store.unit_row(ctx, id)? else {
        return Ok(None);
    };
    let open = TaskMode::Open;
    let open_tasks = store.tasks_page(ctx, TaskScope::Unit(id), open, "", 0, MOST_TASKS)?;
    let last = store
        .inspections_of(id, false)?
        .into_iter()
        .find(|s| s.held_on.is_none_or(|d| d <= ctx.as_of))
        .map(|s| store.inspection(ctx, s.id))
        .transpose()?
        .flatten()
        .map(|ins| LastInspection {
            held_on: ins.header.held_on,
            chair: clean(&ins.header.chair_name).replace('\n', " "),
            directives: ins
                .items
                .iter()
                .filter(|i| i.kind == crate::domain::inspection::ItemKind::Directive)
                .filter(|i| !i.text.trim().is_empty())
                .map(|i| {
                    let status = i.task_status.map_or_else(
                        || vi(T::TrNoTask).to_string(),
                        |s| status_text_in(s, Lang::Vi),
                    );
                    (clean(&i.text).replace('\n', " "), i.deadline, status)
                })
                .collect(),
        });
    Ok(Some(Brief {
        as_of: ctx.as_of,
        unit: unit_label_in(&row.name, row.kind, &row.namesake, Lang::Vi),
        scorecard: row.card.phrase(Lang::Vi),
        targets: store.targets_of(ctx, id, "")?,
        open_tasks,
        last,
    }))
}

fn num(x: f64) -> String {
    fmt_number(x, 2)
}

fn plan(p: Plan) -> String {
    match p {
        Plan::Value(v) => num(v),
        Plan::Range(a, b) => format!("{}–{}", num(a), num(b)),
    }
}

fn date(d: Option<NaiveDate>) -> String {
    d.map(fmt_date).unwrap_or_default()
}

pub fn document(b: &Brief) -> Document {
    let mut blocks = vec![Block::Paragraph(
        vi(T::BrScorecard).replace("{phrase}", &b.scorecard),
    )];
    blocks.push(Block::Heading(1, vi(T::BrSecTargets).into()));
    blocks.push(if b.targets.is_empty() {
        Block::Paragraph(vi(T::BrNoTargets).into())
    } else {
        Block::Table(targets(&b.targets))
    });
    blocks.push(Block::Heading(1, vi(T::BrSecTasks).into()));
    blocks.push(if b.open_tasks.is_empty() {
        Block::Paragraph(vi(T::BrNoTasks).into())
    } else {
        Block::Table(tasks(&b.open_tasks))
    });
    blocks.push(Block::Heading(1, vi(T::BrSecLast).into()));
    match &b.last {
        None => blocks.push(Block::Paragraph(vi(T::BrNoInspection).into())),
        Some(last) => {
            blocks.push(Block::Paragraph(
                vi(T::BrLastOn)
                    .replace("{date}", &date(last.held_on))
                    .replace("{chair}", &last.chair),
            ));
            blocks.push(if last.directives.is_empty() {
                Block::Paragraph(vi(T::BrNoDirectives).into())
            } else {
                Block::Table(directives(
                    last.directives
                        .iter()
                        .map(|(text, d, s)| (text.clone(), None, *d, s.clone())),
                ))
            });
        }
    }
    Document {
        letterhead: None,
        title: vi(T::BrTitle).into(),
        summary: vi(T::BrSummary)
            .replace("{unit}", &b.unit)
            .replace("{date}", &fmt_date(b.as_of)),
        blocks,
        sign_off: None,
        author: vi(T::AppTitle).into(),
    }
}

fn targets(rows: &[TargetRow]) -> Table {
    let head = [
        T::TrNo,
        T::BrColTarget,
        T::BrColPlan,
        T::BrColActual,
        T::BrColMeasure,
        T::BrColPct,
        T::BrColClass,
    ];
    Table {
        head: head.iter().map(|k| vi(*k).to_string()).collect(),
        rows: numbered(rows.iter().map(|r| {
            vec![
                clean(&r.name),
                plan(r.plan),
                r.actual.map(num).unwrap_or_default(),
                clean(&r.measure),
                r.progress
                    .ratio
                    .map(|x| fmt_number((x * 1000.0).round() / 10.0, 1))
                    .unwrap_or_default(),
                vi(class_label(r.progress.class).1).to_string(),
            ]
        })),
        widths: vec![7, 31, 13, 13, 12, 9, 15],
        numeric: vec![true, false, true, true, false, true, false],
    }
}

fn tasks(rows: &[TaskRow]) -> Table {
    let head = [
        T::TrNo,
        T::TrColDoc,
        T::TrColTask,
        T::TrColDeadline,
        T::TrColStatus,
    ];
    Table {
        head: head.iter().map(|k| vi(*k).to_string()).collect(),
        rows: numbered(rows.iter().map(|r| {
            vec![
                clean(r.doc_number.as_deref().unwrap_or_default()),
                clean(&r.title).replace('\n', " "),
                date(r.deadline),
                status_text_in(r.status, Lang::Vi),
            ]
        })),
        widths: vec![7, 15, 41, 17, 20],
        numeric: vec![true, false, false, false, false],
    }
}
