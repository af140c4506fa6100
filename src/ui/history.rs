//! A unit's inspections, newest first; Enter opens one in the form.

use ratatui::Frame;
use ratatui::layout::Constraint;
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

use super::{fit, header, popup};
use crate::app::App;
use crate::domain::format::fmt_date;
use crate::i18n::{T, t};
use crate::model::InspectionSummary;

pub fn draw(frame: &mut Frame, app: &App, unit: &str, rows: &[InspectionSummary], selected: usize) {
    let inner = popup(
        frame,
        app,
        format!(" {} · {} ", t(T::Inspections), fit(unit, 40)),
        70,
        60,
    );
    if rows.is_empty() {
        frame.render_widget(Paragraph::new(t(T::NoInspections)), inner);
        return;
    }
    let table_rows = rows.iter().map(|r| {
        Row::new(vec![
            Cell::from(r.held_on.map(fmt_date).unwrap_or_default()),
            Cell::from(fit(&r.chair_name, 30)),
            Cell::from(format!("{}", r.items)),
            Cell::from(format!("{}", r.directives)),
        ])
    });
    let widths = [
        Constraint::Length(10),
        Constraint::Min(10),
        Constraint::Length(6),
        Constraint::Length(8),
    ];
    let head = header(
        app,
        vec![
            t(T::ColDate).into(),
            t(T::FChair).into(),
            t(T::ColItems).into(),
            t(T::KindDirectiveShort).into(),
        ],
    );
    let table = Table::new(table_rows, widths)
        .header(head)
        .column_spacing(1)
        .row_highlight_style(app.theme.selected());
    let mut state = TableState::default().with_selected(Some(selected));
    frame.render_stateful_widget(table, inner, &mut state);
}
