//! The Tasks pane: the selected unit's tasks, overdue first, or every unit's overdue
//! tasks, most overdue first.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};
use unicode_width::UnicodeWidthStr;

use super::{empty_note, fit, header, pane_block, status_label};
use crate::app::App;
use crate::domain::format::fmt_date;
use crate::i18n::{T, t};
use crate::layout::Pane;
use crate::model::{TaskMode, TaskRow, TaskSort};
use crate::words;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let mode = match app.task_mode {
        TaskMode::Overdue => t(T::ModeOverdue),
        TaskMode::Open => t(T::ModeOpen),
        TaskMode::All => t(T::ModeAll),
    };
    // The province-wide view is of overdue tasks only, and its name says so; the
    // search lists every task. An order other than the lists' own is named.
    let sort = match app.task_sort {
        TaskSort::Deadline => String::new(),
        TaskSort::Unit => format!(" · {}", t(T::SortUnit)),
        TaskSort::Title => format!(" · {}", t(T::SortTitle)),
    };
    let total = app.tasks.total;
    let title = if app.searching() {
        format!(" {}{sort} ({total}) ", t(T::SearchProvince))
    } else if app.all_units {
        format!(" {}{sort} ({total}) ", t(T::ModeAllUnitsOverdue))
    } else {
        format!(" {} · {mode}{sort} ({total}) ", t(T::Tasks))
    };
    let inner = pane_block(frame, app, Pane::Tasks, area, title);
    if app.task_scope().is_none() {
        frame.render_widget(Paragraph::new(t(T::NoUnit)), inner);
        return;
    }
    if app.tasks.total == 0 {
        let say = match (app.tasks.filter.is_empty(), app.task_mode) {
            _ if app.search_unasked() => T::EmptySearch,
            (false, _) => T::EmptyNoMatch,
            (true, TaskMode::Overdue) if app.all_units => T::EmptyOverdueProvince,
            (true, TaskMode::Overdue) => T::EmptyOverdue,
            (true, TaskMode::Open) => T::EmptyOpen,
            (true, TaskMode::All) => T::EmptyTasks,
        };
        return empty_note(frame, app, inner, vec![Line::from(t(say))]);
    }
    // The title takes what the other columns leave. They keep their width from one
    // page to the next, so scrolling does not move them: the status as wide as the
    // longest it can say in this list, a document number whole.
    let w = inner.width as usize;
    let widest = |f: &dyn Fn(&TaskRow) -> String, head: &str, least: usize, cap: usize| {
        app.task_rows
            .iter()
            .map(|r| f(r).width())
            .chain([head.width(), least])
            .max()
            .unwrap_or(0)
            .min(cap)
    };
    // A task years overdue (a 2022 district's, seen in 2026) widens it for its page
    // rather than lose the word "ngày".
    let status_w = status_width(app.task_mode)
        .max(t(T::ColStatus).width())
        .max(widest(
            &|r| crate::words::status_text(r.status),
            "",
            0,
            STATUS_CAP,
        ));
    let unit_w = if app.all_units {
        let cap = if w >= 100 { 22 } else { 14 };
        widest(&|r| r.unit_name.clone(), t(T::ColUnit), cap, cap)
    } else {
        0
    };
    let doc_w = widest(&doc_of, t(T::ColDoc), 15, 24);
    let fixed = status_w + 1 + 10 + 1 + if unit_w > 0 { unit_w + 1 } else { 0 };
    // The document column only where the title keeps room to be read.
    let show_doc = w >= fixed + doc_w + 1 + 30;
    let title_w = w
        .saturating_sub(fixed + if show_doc { doc_w + 1 } else { 0 })
        .max(6);

    let mut head = vec![t(T::ColStatus).to_string(), t(T::ColDeadline).into()];
    let mut widths = vec![Constraint::Length(status_w as u16), Constraint::Length(10)];
    if unit_w > 0 {
        head.push(t(T::ColUnit).into());
        widths.push(Constraint::Length(unit_w as u16));
    }
    if show_doc {
        head.push(t(T::ColDoc).into());
        widths.push(Constraint::Length(doc_w as u16));
    }
    head.push(t(T::ColTitle).into());
    widths.push(Constraint::Min(6));

    let rows = app.task_rows.iter().map(|r| {
        let (label, style) = status_label(&app.theme, r.status);
        let mut cells = vec![
            Cell::from(Span::styled(fit(&label, status_w), style)),
            Cell::from(r.deadline.map(fmt_date).unwrap_or_else(|| "–".into())),
        ];
        if unit_w > 0 {
            cells.push(Cell::from(fit(&r.unit_name, unit_w)));
        }
        if show_doc {
            cells.push(Cell::from(fit(&doc_of(r), doc_w)));
        }
        // In one unit's list the sentence above names the unit and its mark.
        cells.push(if app.all_units {
            title_cell(app, r, title_w)
        } else {
            Cell::from(fit(&r.title, title_w))
        });
        Row::new(cells)
    });
    let table = Table::new(rows, widths)
        .header(header(app, head))
        .column_spacing(1)
        .row_highlight_style(app.theme.selected());
    let mut state = TableState::default()
        .with_selected((!app.task_rows.is_empty()).then(|| app.tasks.in_window()));
    frame.render_stateful_widget(table, inner, &mut state);
}

/// The title; before it, when the lead unit was abolished before the as-of date, the
/// mark that says so and who took over ("đã giải thể 01/07/2025 → Thất Khê, …"): as
/// many successors as half the column holds, at least the first, the rest cut "…".
fn title_cell<'a>(app: &App, r: &'a TaskRow, w: usize) -> Cell<'a> {
    let Some(a) = &r.abolished else {
        return Cell::from(fit(&r.title, w));
    };
    let say = |n: usize| {
        let mut m = words::abolished_mark(a.on, &a.successors[..n]);
        if n < a.successors.len() {
            m.push_str(", …");
        }
        m
    };
    let mut n = a.successors.len();
    let mut mark = say(n);
    while n > 1 && mark.width() > w / 2 {
        n -= 1;
        mark = say(n);
    }
    // The title keeps a few columns whatever the mark.
    let mark = fit(&mark, w.saturating_sub(8).max(6));
    let rest = w.saturating_sub(mark.width() + 1);
    Cell::from(Line::from(vec![
        Span::styled(mark, app.theme.warn()),
        Span::raw(" "),
        Span::raw(fit(&r.title, rest)),
    ]))
}

/// A task's document number; a directive's task names its inspection instead.
fn doc_of(r: &TaskRow) -> String {
    match (&r.doc_number, r.inspection_on) {
        (Some(n), _) => n.clone(),
        (None, Some(on)) => format!("KL {}", fmt_date(on)),
        (None, None) => String::new(),
    }
}

/// The widest a status column grows to: "quá hạn 9999 ngày".
const STATUS_CAP: usize = 18;

/// The widest status a list in `mode` usually shows: up to 999 days overdue, 99 days
/// late (a longer one is cut with "…" rather than push the titles about).
fn status_width(mode: TaskMode) -> usize {
    use crate::domain::task::TaskStatus as S;
    let overdue = [S::Overdue { days: 999 }];
    let all = [
        S::Overdue { days: 999 },
        S::DoneLate {
            days_late: Some(99),
        },
        S::DueSoon { days_left: 99 },
        S::DoneOnTime,
        S::InTime { days_left: 99 },
        S::NoDeadline,
        S::Cancelled,
    ];
    let statuses: &[S] = if mode == TaskMode::Overdue {
        &overdue
    } else {
        &all
    };
    statuses
        .iter()
        .map(|s| crate::words::status_text(*s).width())
        .max()
        .unwrap_or(0)
}
