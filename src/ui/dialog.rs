//! A question over everything else, listing its choices and their keys.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::{popup_inner_width, popup_rows};
use crate::app::{App, Dialog};
use crate::i18n::t;
use crate::keymap::{choices, keys_label};

/// A dialog's width, in percent of the screen's.
const WIDTH: u16 = 60;

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
    let mut lines = vec![
        Line::from(crate::domain::text::printable(&d.body)),
        Line::default(),
    ];
    // What a choosing question chooses among, the highlighted one marked.
    for (i, name) in d.choices.iter().enumerate() {
        let name = crate::domain::text::printable(name);
        lines.push(if i == d.selected {
            let mark = crate::glyphs::pointer();
            Line::from(Span::styled(format!("{mark} {name}"), app.theme.selected()))
        } else {
            Line::from(format!("  {name}"))
        });
    }
    if !d.choices.is_empty() {
        lines.push(Line::default());
    }
    for c in choices(d.question()) {
        lines.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(keys_label(c), app.theme.hint_key()),
            Span::raw(format!("  {}", t(c.help))),
        ]));
    }
    // As tall as its lines wrap to, so the keys that answer it are always seen.
    let width = usize::from(popup_inner_width(frame, WIDTH).max(1));
    let rows: usize = lines
        .iter()
        .map(|l| {
            let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            wrapped_rows(&text, width)
        })
        .sum();
    let title = format!(" {} ", t(d.title));
    let inner = popup_rows(frame, app, title, WIDTH, rows as u16);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
