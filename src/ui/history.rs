//! A unit's inspections, newest first; Enter opens one in the form. Deleted records
//! are listed on request, marked with the day they were deleted.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};
use unicode_width::UnicodeWidthStr;

use super::{fit, header, popup};
use crate::app::App;
use crate::domain::format::{fmt_date, from_iso};
use crate::i18n::{T, t};
use crate::keymap::{Command, Mode, Scope, keys_of};
use crate::model::InspectionSummary;

pub fn draw(
    frame: &mut Frame,
    app: &App,
    unit: &str,
    rows: &[InspectionSummary],
    selected: usize,
    deleted: bool,
) {
    let title = if deleted {
        format!(
            " {} · {} · {} ",
            t(T::Inspections),
            fit(unit, 40),
            t(T::HistoryWithDeleted)
        )
    } else {
        format!(" {} · {} ", t(T::Inspections), fit(unit, 40))
    };
    let inner = popup(frame, app, title, 70, 60);
    let [body, keys] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    draw_keys(frame, app, keys);
    if rows.is_empty() {
        frame.render_widget(Paragraph::new(t(T::NoInspections)), body);
        return;
    }
    // "đã xóa 01/12/2026": the day the record was deleted.
    let mark = |r: &InspectionSummary| {
        r.deleted_at.as_deref().map(|at| {
            let day = at.get(..10).and_then(from_iso).map(fmt_date);
            format!("{} {}", t(T::RecordDeletedMark), day.unwrap_or_default())
        })
    };
    let table_rows = rows.iter().map(|r| {
        let mut cells = vec![
            Cell::from(r.held_on.map(fmt_date).unwrap_or_default()),
            Cell::from(fit(&r.chair_name, 30)),
            Cell::from(format!("{}", r.items)),
            Cell::from(format!("{}", r.directives)),
        ];
        if deleted {
            cells.push(Cell::from(mark(r).unwrap_or_default()));
        }
        let row = Row::new(cells);
        if r.deleted_at.is_some() {
            row.style(app.theme.dim())
        } else {
            row
        }
    });
    let mut widths = vec![
        Constraint::Length(10),
        Constraint::Min(10),
        Constraint::Length(6),
        Constraint::Length(8),
    ];
    let mut heads: Vec<String> = vec![
        t(T::ColDate).into(),
        t(T::FChair).into(),
        t(T::ColItems).into(),
        t(T::KindDirectiveShort).into(),
    ];
    if deleted {
        // "đã xóa 24/09/2022" whole, the chair's name giving way.
        widths[1] = Constraint::Min(8);
        widths[3] = Constraint::Length(t(T::KindDirectiveShort).width() as u16);
        widths.push(Constraint::Length(
            (t(T::RecordDeletedMark).width() + 11) as u16,
        ));
        heads.push(String::new());
    }
    let head = header(app, heads);
    let table = Table::new(table_rows, widths)
        .header(head)
        .column_spacing(1)
        .row_highlight_style(app.theme.selected());
    let mut state = TableState::default().with_selected(Some(selected));
    frame.render_stateful_widget(table, body, &mut state);
}

/// The list's own keys, from the keymap: open, delete, show deleted, restore.
fn draw_keys(frame: &mut Frame, app: &App, area: ratatui::layout::Rect) {
    let mut spans = Vec::new();
    for (command, label) in [
        (Command::Open, T::HistoryOpenHint),
        (Command::DeleteInspection, T::HistoryDeleteHint),
        (Command::ShowDeleted, T::HistoryShowDeletedHint),
        (Command::RestoreInspection, T::KRestoreShort),
    ] {
        // The first key of each: the line fits a narrow window.
        let keys = keys_of(Mode::Overlay, Scope::History, command);
        let first = keys.split('/').next().unwrap_or_default().to_string();
        spans.push(Span::styled(first, app.theme.hint_key()));
        spans.push(Span::raw(format!(" {}  ", t(label))));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
