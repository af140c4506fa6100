//! The Units pane: each unit with its scorecard and a marker when tasks are overdue.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row, Table, TableState};

use super::{empty_note, fit, header, pane_block};
use crate::app::App;
use crate::domain::format::fmt_date;
use crate::i18n::{T, t};
use crate::layout::Pane;
use crate::model::{UnitRow, UnitSort};

fn frac(n: u32, total: u32) -> String {
    format!("{n:02}/{total:02}")
}

/// The unit's name; for a unit abolished before the date, dimmed and followed by the
/// mark ("Tràng Định · đã giải thể 01/07/2025 → Đoàn Kết, …"), cut to the column.
fn name_cell<'a>(app: &App, u: &UnitRow, w: usize) -> Cell<'a> {
    let label = crate::words::unit_label(&u.name, u.kind, &u.namesake);
    match &u.abolished {
        None => Cell::from(fit(&label, w)),
        Some(a) => {
            let mark = crate::words::abolished_mark(a.on, &a.successors);
            Cell::from(Span::styled(
                fit(&format!("{label} · {mark}"), w),
                app.theme.dim(),
            ))
        }
    }
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    // The title says when the list holds the units abolished before the date (`x`).
    // And its order, when not the names'.
    let sort = match app.unit_sort {
        UnitSort::Name => String::new(),
        UnitSort::Overdue => format!(" · {}", t(T::SortOverdue)),
    };
    let title = if app.show_abolished {
        format!(
            " {} · {}{sort} ({}) ",
            t(T::Units),
            t(T::WithAbolished),
            app.units.total
        )
    } else {
        format!(" {}{sort} ({}) ", t(T::Units), app.units.total)
    };
    let inner = pane_block(frame, app, Pane::Units, area, title);
    if app.units.total == 0 {
        return empty_note(frame, app, inner, empty_lines(app));
    }
    // The last inspection and its directives, where the pane is wide enough.
    let visits = inner.width >= 71;
    let fixed = 2 + 6 * 6 + if visits { 20 } else { 0 };
    let name_w = (inner.width as usize).saturating_sub(fixed).max(4);
    let mut head_cells: Vec<String> = vec![
        String::new(),
        t(T::ColName).into(),
        t(T::ColMet).into(),
        t(T::ColAbove).into(),
        t(T::ColBelow).into(),
        t(T::ColOnTime).into(),
        t(T::ColLate).into(),
        t(T::ColOverdue).into(),
    ];
    if visits {
        head_cells.push(t(T::LastInspection).into());
        head_cells.push(t(T::ColDirectives).into());
    }
    let head = header(app, head_cells);
    let rows = app.unit_rows.iter().map(|u| {
        let c = &u.card;
        let n = c.targets.total();
        let due = c.tasks.due();
        let marker = if c.tasks.overdue > 0 {
            Cell::from(Span::styled("!", app.theme.bad()))
        } else {
            Cell::from(" ")
        };
        let overdue = if c.tasks.overdue > 0 {
            Cell::from(Span::styled(c.tasks.overdue.to_string(), app.theme.bad()))
        } else {
            Cell::from("0")
        };
        let mut cells = vec![
            marker,
            name_cell(app, u, name_w),
            Cell::from(Span::styled(frac(c.targets.met, n), app.theme.good())),
            Cell::from(Span::styled(frac(c.targets.above70, n), app.theme.warn())),
            Cell::from(frac(c.targets.below70, n)),
            Cell::from(frac(c.tasks.done_on_time, due)),
            Cell::from(c.tasks.done_late.to_string()),
            overdue,
        ];
        if visits {
            let d = &u.directives;
            cells.push(Cell::from(
                u.last_inspection.map(fmt_date).unwrap_or_default(),
            ));
            let text = if u.last_inspection.is_some() {
                format!("{}/{}/{}", d.done, d.open, d.overdue)
            } else {
                String::new()
            };
            let style = if d.overdue > 0 {
                app.theme.bad()
            } else {
                ratatui::style::Style::new()
            };
            cells.push(Cell::from(Span::styled(text, style)));
        }
        Row::new(cells)
    });
    let mut widths = vec![
        Constraint::Length(1),
        Constraint::Min(4),
        Constraint::Length(5),
        Constraint::Length(5),
        Constraint::Length(5),
        Constraint::Length(5),
        Constraint::Length(4),
        Constraint::Length(5),
    ];
    if visits {
        widths.extend([Constraint::Length(10), Constraint::Length(8)]);
    }
    let table = Table::new(rows, widths)
        .header(head)
        .column_spacing(1)
        .row_highlight_style(app.theme.selected());
    let mut state = TableState::default()
        .with_selected((!app.unit_rows.is_empty()).then(|| app.units.in_window()));
    frame.render_stateful_widget(table, inner, &mut state);
}

/// No unit to list: a filter that matches none, or a database with nothing in it yet,
/// where a first start says how to begin and which file it opened.
fn empty_lines(app: &App) -> Vec<Line<'static>> {
    if !app.units.filter.is_empty() {
        return vec![Line::from(t(T::EmptyNoMatch))];
    }
    let db = app.store.path().display().to_string();
    let quoted = if db.contains(' ') {
        format!("\"{db}\"")
    } else {
        db.clone()
    };
    vec![
        Line::from(t(T::EmptyStart)),
        Line::from(format!(
            "  tct --db {quoted} import {}",
            t(T::EmptyStartFile)
        )),
        Line::from(t(T::EmptyStartSamples)),
        Line::default(),
        Line::from(t(T::EmptyStartDemo)),
        Line::from("  tct --demo"),
        Line::default(),
        Line::from(format!("{} {db}", t(T::EmptyStartDb))),
        Line::from(t(T::EmptyStartQuit)),
    ]
}
