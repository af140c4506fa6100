//! The notice's text before it is written, over the whole screen: a title naming it,
//! the text as laid out when it opened (or the window last changed size), the status
//! line, and the keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::fit;
use crate::app::{App, Preview};
use crate::i18n::{T, t};
use crate::keymap::{Command, Mode, Scope, keys_of};
use crate::layout::{TextStyle, text_view};

pub fn draw(frame: &mut Frame, app: &App, p: &Preview) {
    let area = frame.area();
    frame.render_widget(Clear, area);
    let [title, body, status, keys] = text_view(area);
    draw_title(frame, app, p, body.height as usize, title);
    let text = Rect {
        x: body.x + 1,
        width: body.width.saturating_sub(2),
        ..body
    };
    let lines: Vec<Line> = p
        .lines
        .iter()
        .skip(p.scroll)
        .take(text.height as usize)
        .map(|l| Line::from(Span::styled(l.text.clone(), style(l.style))))
        .collect();
    frame.render_widget(Paragraph::new(lines), text);
    super::chrome::status(frame, app, status);
    draw_keys(frame, app, keys);
}

fn style(s: TextStyle) -> Style {
    let m = match s {
        TextStyle::Plain => Modifier::empty(),
        TextStyle::Bold | TextStyle::Title | TextStyle::Heading => Modifier::BOLD,
        TextStyle::Italic => Modifier::ITALIC,
        TextStyle::BoldItalic => Modifier::BOLD | Modifier::ITALIC,
    };
    Style::new().add_modifier(m)
}

/// "Xem trước thông báo kết luận #12 — Tràng Định" and, at the right, which lines
/// are in view.
fn draw_title(frame: &mut Frame, app: &App, p: &Preview, rows: usize, area: Rect) {
    let total = p.lines.len();
    let last = (p.scroll + rows).min(total);
    let at = format!("{}–{last}/{total} ", (p.scroll + 1).min(last));
    let room = (area.width as usize).saturating_sub(at.width() + 1);
    let name = format!(
        " {} #{} — {}",
        t(T::PreviewTitle),
        p.inspection_id,
        p.unit_name
    );
    let name = fit(&name, room);
    let pad = (area.width as usize).saturating_sub(name.width() + at.width());
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(name, app.theme.title()),
            Span::raw(" ".repeat(pad)),
            Span::styled(at, app.theme.dim()),
        ])),
        area,
    );
}

/// The preview's keys, from the keymap, the scrolling ones as one: closing first,
/// and each that fits whole.
fn draw_keys(frame: &mut Frame, app: &App, area: Rect) {
    let of = |c| keys_of(Mode::Preview, Scope::Any, c);
    let scroll = [
        Command::Up,
        Command::Down,
        Command::PageUp,
        Command::PageDown,
        Command::Top,
        Command::Bottom,
    ]
    .map(of)
    .join("/");
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for (keys, what) in [
        (of(Command::Close), T::KClose),
        (of(Command::ExportNotice), T::KExportNotice),
        (scroll, T::KScroll),
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
