//! The frame around the panes: title, the selected unit's scorecard sentence, tabs on
//! narrow terminals, and the status bar with the as-of date and key hints.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::app::{App, Exchange, StatusKind};
use crate::domain::format::fmt_date;
use crate::domain::text::printable;
use crate::i18n::{T, t};
use crate::keymap::{Command, bindings, keys_label};
use crate::layout::{self, Pane};

pub fn title(frame: &mut Frame, app: &App, area: Rect) {
    let mut spans = Vec::new();
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
    let mut name = format!(" tct · {}", t(T::AppTitle));
    if let Some(x) = &app.exchange {
        spans.extend(exchange(app, x));
        // The exchange's words are never cut: the name gives way on a narrow window.
        let rest: usize = spans.iter().map(|s| s.content.width()).sum();
        let room = (area.width as usize).saturating_sub(rest);
        name = super::fit(&name, room.max(6));
    }
    spans.insert(0, Span::styled(name, app.theme.title()));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// " · trao đổi 01/12 20:15 · 1 xung đột": when this copy last took in another
/// laptop's changes, and the conflicts that wait.
fn exchange(app: &App, x: &Exchange) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    if let Some(last) = &x.last {
        spans.push(Span::styled(
            format!(" · {} {last}", t(T::TitleExchanged)),
            app.theme.dim(),
        ));
    }
    if x.conflicts > 0 {
        let n = if x.conflicts == 1 {
            t(T::TitleConflictOne).to_string()
        } else {
            t(T::TitleConflicts).replace("{n}", &x.conflicts.to_string())
        };
        spans.push(Span::raw(" · "));
        spans.push(Span::styled(n, app.theme.warn()));
    }
    spans
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

/// The tabs where `layout` puts them, so a click finds the one it is on.
pub fn tabs(frame: &mut Frame, app: &App, area: Rect) {
    for (i, (p, r)) in layout::tabs(area).into_iter().enumerate() {
        let style = if p == app.focus {
            app.theme.selected()
        } else {
            app.theme.dim()
        };
        if i > 0 && r.x >= 2 {
            let bar = Rect::new(r.x - 2, r.y, 1, 1).intersection(area);
            frame.render_widget(Paragraph::new("│"), bar);
        }
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" {} ", p.name()), style)),
            r,
        );
    }
}

/// A message wider than the status line, broken at spaces into at most `max` lines of
/// `width` columns; past them the last line ends with "…" after a whole word.
pub(crate) fn message_lines(text: &str, width: usize, max: usize) -> Vec<String> {
    let width = width.max(8);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let sep = usize::from(!line.is_empty());
        if line.width() + sep + word.width() <= width {
            if sep == 1 {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // A word longer than the line (a path) is cut where it must be.
        let mut rest = word;
        while rest.width() > width {
            let cut = super::fit(rest, width);
            let kept = cut.trim_end_matches('…');
            lines.push(kept.to_string());
            rest = &rest[kept.len()..];
        }
        line.push_str(rest);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max {
        lines.truncate(max);
        let last = lines.last_mut().expect("max > 0");
        while last.width() + 2 > width {
            match last.rfind(' ') {
                Some(i) => last.truncate(i),
                None => {
                    *last = super::fit(last, width - 1);
                    break;
                }
            }
        }
        last.push_str(" …");
    }
    lines
}

/// The message over as many lines as it needs (up to a third of the screen), drawn up
/// from the status line over the bottom of what is above; true when it needed more
/// than one.
fn long_message(frame: &mut Frame, app: &App, area: Rect) -> bool {
    let Some(s) = &app.status else {
        return false;
    };
    let text = printable(&s.text);
    let width = area.width as usize;
    if text.width() + 2 <= width {
        return false;
    }
    // Up to a third of the screen: a message is cut (after a whole word) only on a
    // very small window.
    let most = (frame.area().height / 3).max(3) as usize;
    let lines = message_lines(&text, width.saturating_sub(2), most);
    let n = lines.len() as u16;
    let top = area.y.saturating_sub(n - 1);
    let r = Rect {
        y: top,
        height: area.y + 1 - top,
        ..area
    };
    let style = match s.kind {
        StatusKind::Good => app.theme.good(),
        StatusKind::Problem => app.theme.bad(),
    };
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|l| Line::from(Span::styled(format!(" {l} "), style)))
        .collect();
    frame.render_widget(ratatui::widgets::Clear, r);
    frame.render_widget(Paragraph::new(lines), r);
    true
}

/// The message alone, for a view that lists its keys on a line of its own.
pub fn message(frame: &mut Frame, app: &App, area: Rect) {
    if long_message(frame, app, area) {
        return;
    }
    if let Some(s) = &app.status {
        let style = match s.kind {
            StatusKind::Good => app.theme.good(),
            StatusKind::Problem => app.theme.bad(),
        };
        let text = Span::styled(format!(" {} ", printable(&s.text)), style);
        frame.render_widget(Paragraph::new(Line::from(text)), area);
    }
}

pub fn status(frame: &mut Frame, app: &App, area: Rect) {
    if long_message(frame, app, area) {
        return;
    }
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

#[cfg(test)]
mod tests {
    use super::message_lines;

    #[test]
    fn a_long_message_breaks_between_words() {
        let text = "Biên bản chưa có nội dung: ghi ít nhất một kết luận rồi lưu";
        let lines = message_lines(text, 24, 3);
        assert!(lines.len() == 3, "{lines:?}");
        assert_eq!(lines.join(" "), text, "no word cut, none lost");
        let cut = message_lines(text, 20, 2);
        assert_eq!(cut.len(), 2);
        assert!(cut[1].ends_with(" …"), "{cut:?}");
        assert!(text.starts_with(&cut.join(" ").trim_end_matches(" …").to_string()));
        // A path longer than the line is cut where it must be, nothing lost.
        let path = "Đã ghi: /home/thu-ky/tai-lieu/thong-bao-12-trang-dinh-20220923.docx";
        let lines = message_lines(path, 30, 3);
        assert_eq!(lines.concat().replace(' ', ""), path.replace(' ', ""));
    }
}
