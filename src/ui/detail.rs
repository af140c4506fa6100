//! Detail views (Enter): a target with its readings drawn against the plan, a task with
//! its source document, deadline history and origin.

use chrono::{Datelike, NaiveDate};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, LegendPosition, Paragraph, Wrap};

use super::{class_style, field, popup, status_label};
use crate::app::App;
use crate::domain::format::fmt_date;
use crate::domain::target::Direction;
use crate::domain::text::printable;
use crate::i18n::{T, t};
use crate::model::{TargetDetail, TaskDetail};
use crate::words::{class_label, num, plan_text};

fn date_or_dash(d: Option<NaiveDate>) -> String {
    d.map(fmt_date).unwrap_or_else(|| "–".into())
}

pub fn target(frame: &mut Frame, app: &App, d: &TargetDetail) {
    let inner = popup(frame, app, format!(" {} ", t(T::Detail)), 90, 85);
    let r = &d.row;
    let (sym, word) = class_label(r.progress.class);
    let pct = r
        .progress
        .ratio
        .map(|x| format!("{}%", num((x * 100.0 * 10.0).round() / 10.0)));
    let lines = vec![
        Line::from(Span::styled(printable(&r.name), app.theme.title())),
        field(
            app,
            T::Units,
            format!("{} · {} {}", d.unit_name, t(T::Year), d.year),
        ),
        field(
            app,
            T::ColPlan,
            format!("{} {}", plan_text(r.plan), r.measure),
        ),
        field(
            app,
            T::Direction,
            match r.direction {
                Direction::Higher => t(T::HigherBetter),
                Direction::Lower => t(T::LowerBetter),
            }
            .into(),
        ),
        field(
            app,
            T::ColActual,
            match (r.actual, r.actual_on) {
                (Some(v), Some(on)) => format!("{} {} ({})", num(v), r.measure, fmt_date(on)),
                _ => "–".into(),
            },
        ),
        Line::from(vec![
            Span::styled(format!("{}: ", t(T::ColProgress)), app.theme.header()),
            Span::styled(
                format!("{sym} {} {}", t(word), pct.unwrap_or_default()),
                class_style(&app.theme, r.progress.class),
            ),
        ]),
        field(
            app,
            T::Readings,
            d.readings
                .iter()
                .map(|(on, v)| format!("{}: {}", fmt_date(*on), num(*v)))
                .collect::<Vec<_>>()
                .join(" · "),
        ),
    ];
    // Long names and many readings wrap: the chart goes below all of them.
    let w = inner.width.max(1) as usize;
    let rows: usize = lines.iter().map(|l| l.width().div_ceil(w).max(1)).sum();
    let text_h = (rows as u16).min(inner.height);
    let [text_area, chart_area] =
        Layout::vertical([Constraint::Length(text_h + 1), Constraint::Min(0)]).areas(inner);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), text_area);
    if chart_area.height < 6 || chart_area.width < 20 || d.readings.is_empty() {
        return;
    }
    let x_of = |on: &NaiveDate| f64::from(on.ordinal());
    let points: Vec<(f64, f64)> = d.readings.iter().map(|(on, v)| (x_of(on), *v)).collect();
    let goal = r.plan.threshold(r.direction);
    let plan_line = [(1.0, goal), (365.0, goal)];
    let (lo, hi) = points
        .iter()
        .map(|p| p.1)
        .chain([goal, 0.0])
        .fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(v), b.max(v)));
    let pad = ((hi - lo) * 0.1).max(1e-9);
    let (lo, hi) = (lo - if lo < 0.0 { pad } else { 0.0 }, hi + pad);
    let datasets = vec![
        Dataset::default()
            .name(t(T::ColPlan))
            .marker(chart_marker())
            .graph_type(GraphType::Line)
            .style(app.theme.dim())
            .data(&plan_line),
        Dataset::default()
            .name(t(T::ColActual))
            .marker(chart_marker())
            .graph_type(GraphType::Line)
            .style(class_style(&app.theme, r.progress.class))
            .data(&points),
    ];
    let year = d.year;
    let x_labels = ["01/01", "01/07", "31/12"].map(|s| Line::from(format!("{s}/{year}")));
    let y_labels = [lo, (lo + hi) / 2.0, hi].map(|v| Line::from(num((v * 10.0).round() / 10.0)));
    let chart = Chart::new(datasets)
        .legend_position(Some(LegendPosition::BottomRight))
        .x_axis(
            Axis::default()
                .bounds([1.0, 365.0])
                .labels(x_labels)
                .style(app.theme.dim()),
        )
        .y_axis(
            Axis::default()
                .bounds([lo, hi])
                .labels(y_labels)
                .style(app.theme.dim()),
        );
    frame.render_widget(chart, chart_area);
}

pub fn task(frame: &mut Frame, app: &App, d: &TaskDetail, scroll: u16) {
    let inner = popup(frame, app, format!(" {} ", t(T::Detail)), 90, 85);
    let r = &d.row;
    let (label, style) = status_label(&app.theme, r.status);
    let opt = |s: &Option<String>| s.clone().unwrap_or_else(|| "–".into());
    let mut lines = vec![
        Line::from(Span::styled(printable(&r.title), app.theme.title())),
        Line::from(vec![
            Span::styled(format!("{}: ", t(T::ColStatus)), app.theme.header()),
            Span::styled(label, style),
        ]),
        field(app, T::DocNumber, opt(&r.doc_number)),
        field(app, T::DocDate, date_or_dash(d.doc_date)),
        field(app, T::Leader, opt(&d.leader)),
        field(app, T::LeadUnit, lead_unit(d)),
        field(app, T::Cooperating, opt(&d.cooperating)),
        field(app, T::AssignedOn, date_or_dash(r.assigned_on)),
        field(app, T::OriginalDeadline, date_or_dash(d.original_deadline)),
        field(app, T::ColDeadline, date_or_dash(r.deadline)),
        field(
            app,
            T::CompletedOn,
            if r.completion_unknown {
                t(T::CompletionUnknown).to_string()
            } else {
                date_or_dash(r.completed_on)
            },
        ),
        field(
            app,
            T::Origin,
            match (r.inspection_on, &d.inspection_unit) {
                (Some(on), Some(unit)) => {
                    format!("{} {unit} {}", t(T::FromInspection), fmt_date(on))
                }
                _ => opt(&d.origin),
            },
        ),
        Line::from(Span::styled(
            format!("{}:", t(T::Extensions)),
            app.theme.header(),
        )),
    ];
    if d.extensions.is_empty() {
        lines.push(Line::from(format!("  {}", t(T::NoExtensions))));
    }
    for e in &d.extensions {
        lines.push(Line::from(vec![
            Span::raw(format!(
                "  {} : {} → {}  ",
                date_or_dash(e.granted_on),
                date_or_dash(e.old_deadline),
                date_or_dash(e.new_deadline)
            )),
            Span::styled(printable(&e.reason), Style::new()),
        ]));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        inner,
    );
}

/// The lead unit, its own office that carries the task out, and, when it was
/// abolished before the as-of date, the day and who took over.
fn lead_unit(d: &crate::model::TaskDetail) -> String {
    let r = &d.row;
    let mut s = r.unit_name.clone();
    if let Some(o) = &d.office {
        s = format!("{s} · {o}");
    }
    if let Some(a) = &r.abolished {
        s = format!(
            "{s} ({})",
            crate::words::abolished_mark(a.on, &a.successors)
        );
    }
    s
}

/// Braille draws the finest line; the legacy console's fonts have none, so dots.
fn chart_marker() -> Marker {
    if crate::glyphs::plain() {
        Marker::Dot
    } else {
        Marker::Braille
    }
}
