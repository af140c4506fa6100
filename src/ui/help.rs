//! The help overlay, generated from the keymap so it always tells the truth.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::popup;
use crate::app::App;
use crate::i18n::{T, t};
use crate::keymap::{BINDINGS, Mode, Scope, keys_label};

pub fn draw(frame: &mut Frame, app: &App, scroll: u16) {
    let inner = popup(
        frame,
        app,
        format!(" {} · {} ", t(T::Help), t(T::HelpClose)),
        70,
        80,
    );
    // Which file is open, and so where the notices go: a secretary asked "where is
    // my data?" finds it here.
    let mut lines: Vec<Line> = vec![
        Line::from(vec![
            Span::styled(t(T::EmptyStartDb), app.theme.title()),
            Span::raw(format!(" {}", app.store.path().display())),
        ]),
        Line::from(t(T::HelpNoticesBeside)),
        Line::default(),
    ];
    let mut sections = vec![
        (Mode::Dashboard, Scope::Any, T::Units),
        (Mode::Filter, Scope::Any, T::Filter),
        (Mode::Prompt, Scope::Any, T::DoneTitle),
        (Mode::Overlay, Scope::Any, T::Detail),
        (Mode::Overlay, Scope::History, T::Inspections),
        (Mode::Overlay, Scope::Conflicts, T::ConflictsTitle),
        (Mode::Form, Scope::Any, T::FormTitle),
        (Mode::Preview, Scope::Any, T::PreviewSection),
    ];
    // In the form its own keys come first, then its preview's.
    if app.form().is_some() {
        sections.rotate_right(2);
    }
    for (mode, scope, name) in sections {
        let name = match mode {
            Mode::Dashboard => format!("{} / {} / {}", t(name), t(T::Targets), t(T::Tasks)),
            _ => t(name).to_string(),
        };
        lines.push(Line::from(Span::styled(name, app.theme.title())));
        let listed = BINDINGS
            .iter()
            .filter(|b| b.mode == mode && b.scope == scope);
        for b in listed {
            let keys = keys_label(b);
            let pad = 22usize.saturating_sub(keys.width());
            lines.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(keys, app.theme.hint_key()),
                Span::raw(" ".repeat(pad)),
                Span::raw(t(b.help)),
            ]));
        }
        lines.push(Line::default());
        // On the dashboard the mouse and what its columns mean come right after its
        // keys.
        if mode == Mode::Dashboard {
            lines.extend(mouse(app, inner.width as usize));
            lines.push(Line::default());
            lines.extend(columns(app, inner.width as usize));
            lines.push(Line::default());
        }
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        inner,
    );
}

/// What the mouse does on the dashboard (`app::mouse`), laid out as the keys are,
/// each meaning wrapped under itself.
fn mouse(app: &App, width: usize) -> Vec<Line<'static>> {
    let rows = [
        (T::MouseClick, T::HelpMouseClick),
        (T::MouseDouble, T::HelpMouseDouble),
        (T::MouseWheel, T::HelpMouseWheel),
        (T::MouseShift, T::HelpMouseShift),
    ];
    let mut lines = vec![Line::from(Span::styled(t(T::HelpMouse), app.theme.title()))];
    const KEY_W: usize = 22;
    let text_w = width.saturating_sub(2 + KEY_W).max(20);
    for (what, does) in rows {
        for (i, part) in super::chrome::message_lines(t(does), text_w, 10)
            .into_iter()
            .enumerate()
        {
            let what = if i == 0 { t(what) } else { "" };
            let pad = KEY_W.saturating_sub(what.width());
            lines.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(what, app.theme.hint_key()),
                Span::raw(" ".repeat(pad)),
                Span::raw(part),
            ]));
        }
    }
    lines
}

/// What each column header and abbreviation of the panes means, named by the same
/// catalog entries the headers are drawn from.
fn columns(app: &App, width: usize) -> Vec<Line<'static>> {
    let rows: [(&str, T); 10] = [
        ("!", T::HelpMarker),
        (t(T::ColMet), T::HelpMet),
        (t(T::ColAbove), T::HelpAbove),
        (t(T::ColBelow), T::HelpBelow),
        (t(T::ColOnTime), T::HelpOnTime),
        (t(T::ColLate), T::HelpLate),
        (t(T::ColOverdue), T::HelpOverdue),
        (t(T::LastInspection), T::HelpVisited),
        (t(T::ColDirectives), T::HelpDirectives),
        (t(T::ColDoc), T::HelpDoc),
    ];
    let mut lines = vec![Line::from(Span::styled(
        t(T::HelpColumns),
        app.theme.title(),
    ))];
    // The meanings wrap under themselves, not under the headers.
    const KEY_W: usize = 12;
    let text_w = width.saturating_sub(2 + KEY_W).max(20);
    for (head, meaning) in rows {
        let pad = KEY_W.saturating_sub(head.width());
        for (i, part) in super::chrome::message_lines(t(meaning), text_w, 10)
            .into_iter()
            .enumerate()
        {
            let (key, gap) = if i == 0 {
                (head.to_string(), " ".repeat(pad))
            } else {
                (String::new(), " ".repeat(KEY_W))
            };
            lines.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(key, app.theme.header()),
                Span::raw(gap),
                Span::raw(part),
            ]));
        }
    }
    let classes = t(T::HelpClasses)
        .replace('✓', crate::glyphs::met())
        .replace('◐', crate::glyphs::above70())
        .replace('✗', crate::glyphs::below70());
    lines.push(Line::from(format!("  {classes}")));
    lines
}
