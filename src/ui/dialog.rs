//! A question over everything else, listing its choices and their keys.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::popup;
use crate::app::{App, Dialog};
use crate::i18n::t;
use crate::keymap::{choices, keys_label};

/// Rows `text` takes wrapped at word boundaries to `width` columns.
fn wrapped_rows(text: &str, width: usize) -> usize {
    let (mut rows, mut line) = (1, 0);
    for word in text.split(' ') {
        let w = word.width();
        if line > 0 && line + 1 + w > width {
            rows += 1 + (w.saturating_sub(1)) / width.max(1);
            line = w % width.max(1);
        } else {
            line += usize::from(line > 0) + w;
        }
    }
    rows
}

pub fn draw(frame: &mut Frame, app: &App, d: &Dialog) {
    // A third of the screen, or as much as the question and its choices take.
    let area = frame.area();
    let inner_w = (area.width * 60 / 100)
        .max(area.width.min(30))
        .saturating_sub(2);
    let needed = wrapped_rows(&d.body, inner_w as usize) + 1 + choices(d.question()).count() + 2;
    let pct = (needed * 100)
        .div_ceil(area.height.max(1) as usize)
        .clamp(30, 100) as u16;
    let inner = popup(frame, app, format!(" {} ", t(d.title)), 60, pct);
    let mut lines = vec![
        Line::from(crate::domain::text::printable(&d.body)),
        Line::default(),
    ];
    for c in choices(d.question()) {
        lines.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(keys_label(c), app.theme.hint_key()),
            Span::raw(format!("  {}", t(c.help))),
        ]));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
