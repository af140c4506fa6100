//! The inspection form: header fields, the ordered conclusion items, the editor of the
//! field under the cursor, and last time's directives with their status.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::{fit, status_label};
use crate::app::{App, Field, Form};
use crate::domain::format::{fmt_date, parse_date};
use crate::domain::inspection::{ItemKind, parse_deadline};
use crate::domain::text::printable;
use crate::i18n::{T, t};

pub fn kind_short(k: ItemKind) -> &'static str {
    t(match k {
        ItemKind::Result => T::KindResultShort,
        ItemKind::Shortcoming => T::KindShortcomingShort,
        ItemKind::Directive => T::KindDirectiveShort,
        ItemKind::Proposal => T::KindProposalShort,
    })
}

pub fn draw(frame: &mut Frame, app: &App, form: &Form, area: Rect) {
    let wide = area.width >= 100;
    let [title, head, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(6),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_title(frame, app, form, title);
    draw_header(frame, app, form, head);
    if wide {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(38), Constraint::Min(0)]).areas(body);
        let prev_h = form
            .previous
            .as_ref()
            .map_or(0, |(_, d)| (d.len() as u16 + 2).min(left.height / 2));
        let [items, prev] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(prev_h)]).areas(left);
        draw_items(frame, app, form, items, false);
        if prev_h > 0 {
            draw_previous(frame, app, form, prev);
        }
        draw_editor(frame, app, form, right);
    } else {
        let items_h = (form.data.items.len() as u16 + 2).clamp(3, (body.height / 3).max(3));
        let [items, editor] =
            Layout::vertical([Constraint::Length(items_h), Constraint::Min(0)]).areas(body);
        draw_items(frame, app, form, items, true);
        draw_editor(frame, app, form, editor);
    }
    super::chrome::status(frame, app, status);
}

fn draw_title(frame: &mut Frame, app: &App, form: &Form, area: Rect) {
    let state = if form.dirty {
        Span::styled(format!("[{}]", t(T::Unsaved)), app.theme.warn())
    } else {
        match &form.saved_at {
            Some(at) => {
                // Stored as "YYYY-MM-DD HH:MM:SS"; shown the Vietnamese way.
                let shown = chrono::NaiveDateTime::parse_from_str(at, "%Y-%m-%d %H:%M:%S")
                    .map(|d| d.format("%H:%M:%S %d/%m/%Y").to_string())
                    .unwrap_or_else(|_| at.clone());
                Span::styled(format!("{} {shown}", t(T::SavedAt)), app.theme.good())
            }
            None => Span::raw(""),
        }
    };
    let left = format!(" {} · {}", t(T::FormTitle), printable(&form.data.unit_name));
    // A long unit name gives way to the save state, never runs into it.
    let room = (area.width as usize).saturating_sub(state.content.width() + 2);
    let left = if left.width() > room {
        fit(&left, room)
    } else {
        left
    };
    let pad = (area.width as usize).saturating_sub(left.width() + state.content.width() + 1);
    let line = Line::from(vec![
        Span::styled(left, app.theme.title()),
        Span::raw(" ".repeat(pad)),
        state,
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

/// Draws "label: " (highlighted when the field has the cursor); returns whether it
/// has, and the area left for the value.
fn label(frame: &mut Frame, app: &App, form: &Form, field: Field, area: Rect) -> (bool, Rect) {
    let label = format!("{}: ", field.label());
    let lw = (label.width() as u16).min(area.width);
    let focused = form.data.field == field;
    let style = if focused {
        app.theme.hint_key()
    } else {
        app.theme.header()
    };
    frame.render_widget(Paragraph::new(Span::styled(label, style)), area);
    (
        focused,
        Rect {
            x: area.x + lw,
            width: area.width - lw,
            ..area
        },
    )
}

/// A header slot: "label: value", with the editor in place when it is focused.
fn slot(frame: &mut Frame, app: &App, form: &Form, field: Field, area: Rect) {
    let (focused, value) = label(frame, app, form, field, area);
    if focused && field.single_line() {
        frame.render_widget(&form.editor, value);
        return;
    }
    let text = form.data.text(field);
    let mut lines = text.lines();
    let first = lines.next().unwrap_or("");
    let more = lines.count();
    let shown = if focused {
        "▼".to_string()
    } else if more > 0 {
        let suffix = format!(" (+{more})");
        format!(
            "{}{suffix}",
            fit(first, (value.width as usize).saturating_sub(suffix.width()))
        )
    } else {
        fit(first, value.width as usize)
    };
    frame.render_widget(Paragraph::new(shown), value);
}

fn draw_header(frame: &mut Frame, app: &App, form: &Form, area: Rect) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.border(false));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let rows: [Rect; 4] = Layout::vertical([Constraint::Length(1); 4]).areas(inner);
    let halves = |r: Rect| -> [Rect; 2] {
        Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)])
            .spacing(1)
            .areas(r)
    };
    let [a, b] = halves(rows[0]);
    slot(frame, app, form, Field::Date, a);
    slot(frame, app, form, Field::Place, b);
    let [a, b] = halves(rows[1]);
    slot(frame, app, form, Field::Chair, a);
    slot(frame, app, form, Field::ChairTitle, b);
    let [a, b] = halves(rows[2]);
    slot(frame, app, form, Field::Members, a);
    slot(frame, app, form, Field::Attendees, b);
    slot(frame, app, form, Field::Report, rows[3]);
}

/// With `brief`, last time's directives (which have no panel of their own on a
/// narrow screen) are summed up in the title: how many, and how many are overdue.
fn draw_items(frame: &mut Frame, app: &App, form: &Form, area: Rect, brief: bool) {
    let n = form.data.items.len();
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.border(matches!(
            form.data.field,
            Field::ItemText | Field::ItemUnit | Field::ItemDeadline
        )))
        .title(Span::styled(
            format!(" {} ({n}) ", t(T::Items)),
            app.theme.title(),
        ));
    if let (true, Some((on, directives))) = (brief, &form.previous) {
        let overdue = directives
            .iter()
            .filter(|d| {
                matches!(
                    d.task_status,
                    Some(crate::domain::task::TaskStatus::Overdue { .. })
                )
            })
            .count();
        block = block.title(Span::styled(
            format!(
                " {} {}: {} {}, {overdue} {} ",
                t(T::LastTime),
                fmt_date(*on),
                directives.len(),
                t(T::KindDirectiveShort).to_lowercase(),
                t(T::StOverdue)
            ),
            app.theme.dim(),
        ));
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let h = inner.height as usize;
    let first = form.data.current.saturating_sub(h.saturating_sub(1));
    let w = inner.width as usize;
    let lines: Vec<Line> = form
        .data
        .items
        .iter()
        .enumerate()
        .skip(first)
        .take(h)
        .map(|(i, it)| {
            let head = format!("{:>2} {:<9} ", i + 1, kind_short(it.kind));
            let text = it.text.lines().next().unwrap_or("");
            let line = format!("{head}{}", fit(text, w.saturating_sub(head.width())));
            if i == form.data.current {
                Line::from(Span::styled(line, app.theme.selected()))
            } else {
                Line::from(line)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_previous(frame: &mut Frame, app: &App, form: &Form, area: Rect) {
    let Some((on, directives)) = &form.previous else {
        return;
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.border(false))
        .title(Span::styled(
            format!(" {} ({}) ", t(T::PreviousDirectives), fmt_date(*on)),
            app.theme.title(),
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = inner.width as usize;
    let labels: Vec<_> = directives
        .iter()
        .map(|d| match d.task_status {
            Some(s) => status_label(&app.theme, s),
            None => ("–".to_string(), app.theme.dim()),
        })
        .collect();
    // Each status is read whole ("hoàn thành trễ 12 ngày"); the text takes the rest.
    let status_w = labels.iter().map(|(l, _)| l.width()).max().unwrap_or(0) + 1;
    let lines: Vec<Line> = directives
        .iter()
        .zip(labels)
        .map(|(d, (label, style))| {
            let pad = status_w.saturating_sub(label.width());
            Line::from(vec![
                Span::styled(label, style),
                Span::raw(" ".repeat(pad)),
                Span::raw(fit(
                    d.text.lines().next().unwrap_or(""),
                    w.saturating_sub(status_w),
                )),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn suggestion_title(app: &App, form: &Form) -> Option<Line<'static>> {
    let s = form.suggested.as_ref()?;
    Some(Line::from(vec![
        Span::styled(format!(" {}: ", t(T::Suggestion)), app.theme.header()),
        Span::raw(printable(s)),
        Span::styled(" (Ctrl-Space) ", app.theme.hint_key()),
    ]))
}

fn draw_editor(frame: &mut Frame, app: &App, form: &Form, area: Rect) {
    let field = form.data.field;
    let item_field = matches!(
        field,
        Field::ItemText | Field::ItemUnit | Field::ItemDeadline
    );
    let title = if item_field {
        let it = form.data.item();
        let mut s = format!(
            " {} {}/{} · {} ",
            t(T::Item),
            form.data.current + 1,
            form.data.items.len(),
            it.kind.label()
        );
        if it.has_task {
            s.push_str(&format!("· {} ", t(T::HasTask)));
        }
        s
    } else {
        format!(" {} ", field.label())
    };
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.border(true))
        .title(Span::styled(title, app.theme.title()));
    if let Some(s) = suggestion_title(app, form) {
        block = block.title_bottom(s);
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if !item_field {
        frame.render_widget(&form.editor, inner);
        return;
    }
    let directive = form.data.item().kind == ItemKind::Directive;
    let extra = if directive { 2 } else { 0 };
    let [text_area, unit_area, deadline_area] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(extra / 2),
        Constraint::Length(extra / 2),
    ])
    .areas(inner);
    if field == Field::ItemText {
        frame.render_widget(&form.editor, text_area);
    } else {
        frame.render_widget(
            Paragraph::new(printable_lines(&form.data.item().text)).wrap(Wrap { trim: false }),
            text_area,
        );
    }
    if directive {
        line_field(
            frame,
            app,
            form,
            Field::ItemUnit,
            unit_area,
            t(T::UnitDefault),
        );
        line_field(
            frame,
            app,
            form,
            Field::ItemDeadline,
            deadline_area,
            t(T::DeadlineHint),
        );
    }
}

/// Text with its line breaks kept and everything else made printable.
fn printable_lines(s: &str) -> Vec<Line<'static>> {
    s.split('\n').map(|l| Line::from(printable(l))).collect()
}

fn line_field(frame: &mut Frame, app: &App, form: &Form, field: Field, area: Rect, hint: &str) {
    if area.height == 0 {
        return;
    }
    let (focused, value) = label(frame, app, form, field, area);
    let text = form.data.text(field);
    // A deadline typed as a shortcut shows the date it means, as it is typed.
    let value = match deadline_meant(app, form, field, focused) {
        Some(meant) => {
            let w = (meant.width() as u16).min(value.width);
            let shown = Rect {
                x: value.x + value.width - w,
                width: w,
                ..value
            };
            frame.render_widget(Paragraph::new(Span::styled(meant, app.theme.good())), shown);
            Rect {
                width: value.width - w,
                ..value
            }
        }
        None => value,
    };
    if focused {
        frame.render_widget(&form.editor, value);
    } else if text.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(
                fit(hint, value.width as usize),
                app.theme.dim(),
            )),
            value,
        );
    } else {
        frame.render_widget(Paragraph::new(fit(text, value.width as usize)), value);
    }
}

/// " → 31/12/2022" for a deadline typed as "cuối năm" or "+30", counted from the
/// record's date; nothing for a date typed whole or text that is not one yet.
fn deadline_meant(app: &App, form: &Form, field: Field, focused: bool) -> Option<String> {
    if field != Field::ItemDeadline {
        return None;
    }
    let typed = if focused {
        form.editor.lines().join(" ")
    } else {
        form.data.text(field).to_string()
    };
    let base = parse_date(&form.data.held_on).unwrap_or(app.ctx.as_of);
    let date = fmt_date(parse_deadline(&typed, base).ok()??);
    (date != typed.trim()).then(|| format!(" → {date} "))
}
