//! The list of drafts: those left unsaved by a window that is gone, then those the user
//! discarded (kept some days), each with its unit, record and time; and its keys.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState, Wrap};

use super::{fit, header, popup};
use unicode_width::UnicodeWidthStr;

use crate::app::{App, DraftEntry, DraftList};
use crate::domain::format::fmt_stamp;
use crate::i18n::{T, t};
use crate::keymap::{Command, Mode, Scope, keys_of};

fn row(e: &DraftEntry) -> Row<'static> {
    let state = match &e.row.discarded_at {
        None => t(T::DraftUnsaved).to_string(),
        Some(at) => format!("{} {}", t(T::DraftDiscarded), fmt_stamp(at)),
    };
    // An edit dialog's draft says what it is in its line.
    let kind = match (e.dialog, e.row.inspection_id) {
        (Some(_), _) => "",
        (None, None) => t(T::DraftNew),
        (None, Some(_)) => t(T::DraftEditing),
    };
    Row::new(vec![
        Cell::from(state),
        Cell::from(fit(&e.unit_name, 16)),
        Cell::from(kind),
        Cell::from(fit(&e.held_on, 10)),
        Cell::from(fmt_stamp(&e.row.saved_at)),
        Cell::from(fit(&e.first_words, 200)),
    ])
}

pub fn draw(frame: &mut Frame, app: &App, list: &DraftList) {
    let title = if list.offered {
        T::DraftsLeftTitle
    } else {
        T::DraftsAllTitle
    };
    let inner = popup(frame, app, format!(" {} ", t(title)), 90, 60);
    let intro = if list.offered { 2 } else { 0 };
    let [top, body, keys] = Layout::vertical([
        Constraint::Length(intro),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(t(T::DraftsLeftBody)).wrap(Wrap { trim: true }),
        top,
    );
    if list.entries.is_empty() {
        frame.render_widget(Paragraph::new(t(T::DraftsNone)), body);
    } else {
        let widths = [
            // The state column holds "discarded 13:50 01/12/2026" whole.
            Constraint::Length(if list.offered {
                10
            } else {
                (t(T::DraftDiscarded).width() + 17) as u16
            }),
            Constraint::Length(16),
            Constraint::Length(4),
            Constraint::Length(10),
            Constraint::Length(16),
            Constraint::Min(10),
        ];
        let head = header(
            app,
            vec![
                t(T::ColStatus).into(),
                t(T::ColUnit).into(),
                t(T::ColKind).into(),
                t(T::ColDate).into(),
                t(T::DraftWritten).into(),
                t(T::DraftText).into(),
            ],
        );
        let table = Table::new(list.entries.iter().map(row), widths)
            .header(head)
            .column_spacing(1)
            .row_highlight_style(app.theme.selected());
        let mut state = TableState::default().with_selected(Some(list.selected));
        frame.render_stateful_widget(table, body, &mut state);
    }
    let later = if list.offered {
        T::DraftLater
    } else {
        T::KClose
    };
    let mut spans = Vec::new();
    for (command, label) in [
        (Command::Open, T::DraftRestore),
        (Command::DropDraft, T::KDropDraft),
        (Command::Close, later),
    ] {
        spans.push(Span::styled(
            keys_of(Mode::Overlay, Scope::Drafts, command),
            app.theme.hint_key(),
        ));
        spans.push(Span::raw(format!(" {}   ", t(label))));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), keys);
}
