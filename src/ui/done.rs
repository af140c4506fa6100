//! The completion-date question over the dashboard: the task, the date being typed
//! and, after a refused Enter, why.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{fit, popup};
use crate::app::{App, DonePrompt};
use crate::domain::text::printable;
use crate::i18n::{T, t};

pub fn draw(frame: &mut Frame, app: &App, p: &DonePrompt) {
    let inner = popup(frame, app, format!(" {} ", t(T::DoneTitle)), 60, 30);
    let w = inner.width as usize;
    let row = |i: u16| Rect {
        y: inner.y + i,
        height: 1,
        ..inner
    };
    // Rows from the top, as many as fit: the task, the label, the date, then the
    // reason a date was refused or what an empty date means.
    let last = inner.height;
    let mut put = |i: u16, line: Line| {
        if i < last {
            frame.render_widget(line, row(i));
        }
    };
    put(0, Line::from(fit(&printable(&p.title), w)));
    put(2, Line::styled(fit(t(T::DoneLabel), w), app.theme.header()));
    match &p.error {
        Some(e) => put(5, Line::styled(fit(e, w), app.theme.bad())),
        None => put(
            5,
            Line::styled(fit(t(T::DoneEmptyHint), w), app.theme.dim()),
        ),
    }
    if 3 < last {
        frame.render_widget(&p.input, row(3));
    }
}
