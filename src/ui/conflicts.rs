//! The conflicts between laptops, over the whole screen: each in three lines (what
//! the row is; the field with the value now and the value written over; which laptop,
//! when), the selected one highlighted, then the status line and the list's keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::fit;
use crate::app::{App, ConflictLine};
use crate::i18n::{T, t};
use crate::keymap::{Command, Mode, Scope, keys_of};
use crate::layout::text_view;

/// Lines a conflict takes, with the blank one after it.
const ROWS: usize = 4;

pub fn draw(frame: &mut Frame, app: &App, rows: &[ConflictLine], selected: usize) {
    let area = frame.area();
    frame.render_widget(Clear, area);
    let [title, body, status, keys] = text_view(area);
    let head = format!(
        " {} · {}",
        t(T::ConflictsTitle),
        t(T::ConflictsWaiting).replace("{n}", &rows.len().to_string())
    );
    frame.render_widget(
        Paragraph::new(Span::styled(
            fit(&head, area.width as usize),
            app.theme.title(),
        )),
        title,
    );
    let text = Rect {
        x: body.x + 1,
        width: body.width.saturating_sub(2),
        y: body.y + 1.min(body.height),
        height: body.height.saturating_sub(1),
    };
    if rows.is_empty() {
        let lines = vec![
            Line::from(t(T::SyncNoConflicts)),
            Line::default(),
            Line::from(Span::styled(t(T::ConflictsHow), app.theme.dim())),
        ];
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), text);
    } else {
        draw_rows(frame, app, rows, selected, text);
    }
    super::chrome::message(frame, app, status);
    draw_keys(frame, app, keys);
}

fn draw_rows(frame: &mut Frame, app: &App, rows: &[ConflictLine], selected: usize, area: Rect) {
    let width = area.width as usize;
    // As many whole conflicts as fit, the selected one among them.
    let fits = ((area.height as usize + 1) / ROWS).max(1);
    let first = selected.saturating_sub(fits - 1);
    let mut lines: Vec<Line> = Vec::new();
    for (i, r) in rows.iter().enumerate().skip(first).take(fits) {
        let style = if i == selected {
            app.theme.selected()
        } else {
            ratatui::style::Style::new()
        };
        let detail = match &r.values {
            Some((now, over)) => format!(
                "   {}: {} {now} · {} {over}",
                r.field,
                t(T::SyncKept),
                t(T::SyncLost)
            ),
            None => format!("   {}", r.field),
        };
        let who = format!("   {} {}, {}", t(T::SyncBy), r.by, r.at);
        let mark = if i == selected {
            crate::glyphs::pointer()
        } else {
            " "
        };
        for text in [format!("{mark} {}", r.what), detail, who] {
            let text = fit(&text, width);
            let pad = width.saturating_sub(text.width());
            lines.push(Line::from(Span::styled(
                format!("{text}{}", " ".repeat(pad)),
                style,
            )));
        }
        lines.push(Line::default());
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// The list's keys, from the keymap: close, decide, select; each that fits whole.
fn draw_keys(frame: &mut Frame, app: &App, area: Rect) {
    let first = |c| {
        let keys = keys_of(Mode::Overlay, Scope::Conflicts, c);
        keys.split('/').next().unwrap_or_default().to_string()
    };
    let select = format!("{}/{}", first(Command::Up), first(Command::Down));
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    // Esc first: in a narrow window the way out is the key that must show.
    for (keys, what) in [
        (first(Command::Close), T::KClose),
        (first(Command::KeepConflict), T::ConflictKeepShort),
        (first(Command::RestoreConflict), T::ConflictRestoreShort),
        (select, T::ConflictSelect),
    ] {
        let what = format!(" {}   ", t(what));
        let w = keys.width() + what.trim_end().width();
        if used + w > area.width as usize {
            break;
        }
        used += w + 3;
        spans.push(Span::styled(keys, app.theme.hint_key()));
        spans.push(Span::raw(what));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
