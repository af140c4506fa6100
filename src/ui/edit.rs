//! An edit dialog over the dashboard: what is edited, one row a field (label, then
//! what is typed; the cursor in the field being typed), the formats or, after a
//! refused save, why, and the keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::{fit, popup};
use crate::app::{App, EditDialog, EditKind};
use crate::domain::format::fmt_date;
use crate::i18n::{T, t};
use crate::words::{num, plan_text};

pub fn draw(frame: &mut Frame, app: &App, d: &EditDialog) {
    // About 84 columns wide: room for the hints at 80×24 without spanning a wide screen.
    let pct_w = (8400 / frame.area().width.max(1)).clamp(50, 94);
    let inner = popup(frame, app, format!(" {} ", t(d.title)), pct_w, 50);
    let w = inner.width as usize;
    let row = |i: u16| Rect {
        y: inner.y + i,
        height: 1,
        ..inner
    };
    let last = inner.height;
    let mut put = |i: u16, line: Line| {
        if i < last {
            frame.render_widget(line, row(i));
        }
    };
    let mut y = 0;
    if !d.subject.is_empty() {
        put(y, Line::styled(fit(&d.subject, w), app.theme.title()));
        y += 1;
    }
    if let EditKind::Extend { deadline, .. } = d.kind {
        let now = deadline.map_or_else(|| t(T::EdNoDeadline).to_string(), fmt_date);
        put(
            y,
            Line::from(fit(&format!("{}: {now}", t(T::EdNowDeadline)), w)),
        );
        y += 1;
    }
    // A reading is typed against the plan and the figure it replaces.
    if let EditKind::Reading { target_id } = d.kind
        && let Some(r) = app.target_rows.iter().find(|r| r.id == target_id)
    {
        let actual = match (r.actual, r.actual_on) {
            (Some(v), Some(on)) => format!("{} ({})", num(v), fmt_date(on)),
            _ => "–".into(),
        };
        let line = format!(
            "{}: {} · {}: {actual}",
            t(T::ColPlan),
            plan_text(r.plan),
            t(T::ColActual)
        );
        put(y, Line::from(fit(&line, w)));
        y += 1;
    }
    y += u16::from(y > 0);
    let label_w = d
        .fields
        .iter()
        .map(|f| t(f.label).width())
        .max()
        .unwrap_or(0)
        // The mark, the colon and a space.
        + 4;
    let first_field = y;
    for (i, f) in d.fields.iter().enumerate() {
        let mark = if i == d.field { "› " } else { "  " };
        let label = format!("{mark}{}:", t(f.label));
        let pad = label_w.saturating_sub(label.width());
        let style = if i == d.field {
            app.theme.header()
        } else {
            app.theme.dim()
        };
        let mut spans = vec![Span::styled(format!("{label}{}", " ".repeat(pad)), style)];
        if i != d.field {
            let text = f.input.lines().concat();
            spans.push(Span::raw(fit(&text, w.saturating_sub(label_w))));
        }
        put(y, Line::from(spans));
        y += 1;
    }
    y += 1;
    match &d.error {
        Some(e) => put(y, Line::styled(fit(e, w), app.theme.bad())),
        None => put(y, Line::styled(fit(t(d.hint), w), app.theme.dim())),
    }
    put(
        y + 1,
        Line::styled(fit(t(T::EdKeysHint), w), app.theme.dim()),
    );
    // The field being typed, drawn by its text area so the cursor shows.
    let at = first_field + d.field as u16;
    if at < last && label_w < w {
        let r = Rect {
            x: inner.x + label_w as u16,
            width: inner.width - label_w as u16,
            ..row(at)
        };
        frame.render_widget(&d.fields[d.field].input, r);
    }
}
