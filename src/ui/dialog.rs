//! A question over everything else, listing its choices and their keys.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{popup_inner_width, popup_rows};

/// A dialog's width, in percent of the screen's.
const WIDTH: u16 = 60;
use crate::app::{App, Dialog};
use crate::i18n::t;
use crate::keymap::{choices, keys_label};

pub fn draw(frame: &mut Frame, app: &App, d: &Dialog) {
    let mut lines = vec![
        Line::from(crate::domain::text::printable(&d.body)),
        Line::default(),
    ];
    // What a choosing question chooses among, the highlighted one marked.
    for (i, name) in d.choices.iter().enumerate() {
        let name = crate::domain::text::printable(name);
        lines.push(if i == d.selected {
            Line::from(Span::styled(format!("▶ {name}"), app.theme.selected()))
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
    let rows: usize = lines.iter().map(|l| l.width().max(1).div_ceil(width)).sum();
    let title = format!(" {} ", t(d.title));
    let inner = popup_rows(frame, app, title, WIDTH, rows as u16);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
