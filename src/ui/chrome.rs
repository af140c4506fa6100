//! The frame around the panes: title, the selected unit's scorecard sentence, tabs on
//! narrow terminals, and the status bar with the as-of date and key hints.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::app::{App, StatusKind};
use crate::domain::format::fmt_date;
use crate::domain::text::printable;
use crate::i18n::{T, t};
use crate::keymap::{Command, bindings, keys_label};
use crate::layout::Pane;

pub fn title(frame: &mut Frame, app: &App, area: Rect) {
    let mut spans = vec![Span::styled(
        format!(" tct · {}", t(T::AppTitle)),
        app.theme.title(),
    )];
    if app.demo {
        spans.push(Span::styled(
            format!("  [{}]", t(T::Demo)),
            app.theme.warn(),
        ));
    }
    if app.store.read_only() {
        spans.push(Span::styled(
            format!("  [{}]", t(T::ReadOnly)),
            app.theme.bad(),
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

pub fn summary(frame: &mut Frame, app: &App, area: Rect) {
    let text = printable(&app.summary());
    // One column of margin, kept on the wrapped second line too.
    let area = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(1),
        ..area
    };
    frame.render_widget(
        Paragraph::new(Span::styled(text, app.theme.header())).wrap(Wrap { trim: false }),
        area,
    );
}

pub fn tabs(frame: &mut Frame, app: &App, area: Rect) {
    let mut spans = Vec::new();
    for (i, p) in Pane::ALL.iter().enumerate() {
        let name = match p {
            Pane::Units => t(T::Units),
            Pane::Targets => t(T::Targets),
            Pane::Tasks => t(T::Tasks),
        };
        let style = if *p == app.focus {
            app.theme.selected()
        } else {
            app.theme.dim()
        };
        spans.push(Span::raw(if i == 0 { " " } else { " │ " }));
        spans.push(Span::styled(format!(" {name} "), style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

pub fn status(frame: &mut Frame, app: &App, area: Rect) {
    let left = match &app.status {
        Some(s) => {
            let style = match s.kind {
                StatusKind::Good => app.theme.good(),
                StatusKind::Problem => app.theme.bad(),
            };
            Span::styled(format!(" {} ", printable(&s.text)), style)
        }
        None => Span::styled(
            format!(" {} {} ", t(T::AsOf), fmt_date(app.ctx.as_of)),
            app.theme.header(),
        ),
    };
    let room = (area.width as usize).saturating_sub(left.content.width() + 1);
    let mut hints: Vec<Span> = Vec::new();
    let mut used = 0;
    // The focused pane's own keys come first: `d` is only for a task.
    let pane_key = bindings(app.mode()).filter(|b| pane_command(app, b.command));
    for b in pane_key.chain(bindings(app.mode()).filter(|b| b.hint)) {
        let key = keys_label(b);
        let text = format!(" {}", t(b.help));
        let w = key.width() + text.width() + 2;
        if used + w > room {
            break;
        }
        used += w;
        hints.push(Span::styled(key, app.theme.hint_key()));
        hints.push(Span::raw(format!("{text}  ")));
    }
    let mut spans = vec![left];
    spans.push(Span::raw(" ".repeat(room.saturating_sub(used))));
    spans.extend(hints);
    let line = Line::from(spans);
    frame.render_widget(Paragraph::new(line), area);
}

/// A key that acts on the focused pane's selected record, shown while there is one.
fn pane_command(app: &App, c: Command) -> bool {
    let tasks = app.focus == Pane::Tasks;
    match c {
        // `s` and `a` are in the help: the bar has room for two of a pane's keys.
        Command::MarkDone | Command::Extend => tasks && !app.task_rows.is_empty(),
        Command::Reading => app.focus == Pane::Targets && !app.target_rows.is_empty(),
        _ => false,
    }
}
