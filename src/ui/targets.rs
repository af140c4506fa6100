//! The Targets pane: plan, actual, measure, progress bar, and the class shown by
//! colour, symbol and word, so it reads without colour.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

use super::{class_style, empty_note, fit, header, pane_block};
use crate::app::App;
use crate::domain::target::Progress;
use crate::i18n::{T, t};
use crate::layout::Pane;
use crate::model::TargetSort;
use crate::words::{class_label, num, plan_text};

/// "██████░░░░ 85%" in `width` columns.
pub(crate) fn bar(p: &Progress, width: usize) -> String {
    let pct = match p.ratio {
        Some(r) => format!("{:>4}%", (r * 100.0).round().min(9999.0) as i64),
        None => "    –".into(),
    };
    let cells = width.saturating_sub(pct.chars().count() + 1);
    let filled = p
        .ratio
        .map_or(0, |r| ((r.clamp(0.0, 1.0)) * cells as f64).round() as usize);
    format!("{}{} {pct}", "█".repeat(filled), "░".repeat(cells - filled))
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let sort = match app.target_sort {
        TargetSort::Given => String::new(),
        TargetSort::Progress => format!(" · {}", t(T::SortProgress)),
    };
    let title = format!(" {}{sort} ({}) ", t(T::Targets), app.targets.total);
    let inner = pane_block(frame, app, Pane::Targets, area, title);
    if app.selected_unit().is_none() {
        frame.render_widget(Paragraph::new(t(T::NoUnit)), inner);
        return;
    }
    if app.targets.total == 0 {
        let say = if app.targets.filter.is_empty() {
            use chrono::Datelike;
            format!("{} {}", t(T::EmptyTargets), app.ctx.as_of.year())
        } else {
            t(T::EmptyNoMatch).to_string()
        };
        return empty_note(frame, app, inner, vec![Line::from(say)]);
    }
    let w = inner.width as usize;
    let (show_measure, bar_w) = match w {
        95.. => (true, 16),
        70.. => (true, 5),
        _ => (false, 5),
    };
    let show_plan = w >= 56;
    let class_w = 13;
    let fixed = class_w
        + 1
        + if show_plan { 10 } else { 0 }
        + 10
        + if show_measure { 13 } else { 0 }
        + bar_w
        + 1;
    let name_w = w.saturating_sub(fixed).max(6);

    let mut head = vec![t(T::ColStatus).to_string(), t(T::ColName).into()];
    let mut widths = vec![Constraint::Length(class_w as u16), Constraint::Min(6)];
    if show_plan {
        head.push(t(T::ColPlan).into());
        widths.push(Constraint::Length(9));
    }
    head.push(t(T::ColActual).into());
    widths.push(Constraint::Length(9));
    if show_measure {
        head.push(t(T::ColMeasure).into());
        widths.push(Constraint::Length(12));
    }
    // A narrow column holds only the percentage: say so rather than cut the word.
    head.push(if bar_w > 5 {
        t(T::ColProgress).into()
    } else {
        "%".into()
    });
    widths.push(Constraint::Length(bar_w as u16));

    let first = app.targets.offset;
    let last = (first + inner.height as usize).min(app.target_rows.len());
    let rows = app.target_rows[first.min(last)..last].iter().map(|r| {
        let (sym, word) = class_label(r.progress.class);
        let word = if word == T::ClassNoData {
            T::ClassNoDataShort
        } else {
            word
        };
        let style = class_style(&app.theme, r.progress.class);
        let mut cells = vec![
            Cell::from(Line::from(Span::styled(
                format!("{sym} {}", t(word)),
                style,
            ))),
            Cell::from(fit(&r.name, name_w)),
        ];
        if show_plan {
            cells.push(Cell::from(fit(&plan_text(r.plan), 9)));
        }
        cells.push(Cell::from(r.actual.map(num).unwrap_or_else(|| "–".into())));
        if show_measure {
            cells.push(Cell::from(fit(&r.measure, 12)));
        }
        cells.push(Cell::from(Span::styled(bar(&r.progress, bar_w), style)));
        Row::new(cells)
    });
    let table = Table::new(rows, widths)
        .header(header(app, head))
        .column_spacing(1)
        .row_highlight_style(app.theme.selected());
    let mut state = TableState::default()
        .with_selected((!app.target_rows.is_empty()).then(|| app.targets.selected - first));
    frame.render_stateful_widget(table, inner, &mut state);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::target::TargetClass;

    #[test]
    fn bar_fills_by_progress_and_caps_at_full() {
        let p = |r| Progress {
            ratio: Some(r),
            class: TargetClass::Above70,
        };
        assert_eq!(bar(&p(0.5), 16), "█████░░░░░   50%");
        assert_eq!(bar(&p(1.5), 16), "██████████  150%");
        assert_eq!(
            bar(
                &Progress {
                    ratio: None,
                    class: TargetClass::NoData
                },
                8
            ),
            "░░     –"
        );
    }
}
