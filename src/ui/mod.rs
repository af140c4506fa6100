//! Pure rendering: `draw(frame, &app)` reads the state and never changes it.
//! Every string from the database passes through `printable` on its way to the screen.

mod chrome;
mod conflicts;
mod detail;
mod dialog;
mod done;
mod drafts;
mod edit;
mod form;
mod help;
mod history;
mod preview;
mod targets;
mod tasks;
mod units;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Row, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::app::{App, Layer, Overlay};
use crate::domain::target::TargetClass;
use crate::domain::task::TaskStatus;
use crate::domain::text::printable;
use crate::i18n::{T, t};
use crate::layout::Pane;
use crate::theme::Theme;
use crate::words::status_text;

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let areas = app.areas();
    if areas.too_small {
        draw_too_small(frame, area);
        return;
    }
    // The base: the form fills the screen, so the dashboard is drawn only without one.
    // Then what is open over it, bottom to top: the top layer, which takes the keys
    // first, is drawn last.
    let layers = app.layers().as_slice();
    let base = layers.iter().rposition(|l| matches!(l, Layer::Form(_)));
    match base.map(|i| &layers[i]) {
        Some(Layer::Form(form)) => form::draw(frame, app, form, area),
        _ => draw_dashboard(frame, app, &areas),
    }
    for layer in &layers[base.map_or(0, |i| i + 1)..] {
        match layer {
            // The filter is drawn by its pane, in the dashboard.
            Layer::Filter(_) | Layer::Form(_) => {}
            Layer::Done(p) => done::draw(frame, app, p),
            Layer::Edit(d) => edit::draw(frame, app, d),
            Layer::Overlay(o) => draw_overlay(frame, app, o),
            Layer::Preview(p) => preview::draw(frame, app, p),
            Layer::Dialog(d) => dialog::draw(frame, app, d),
        }
    }
}

fn draw_overlay(frame: &mut Frame, app: &App, overlay: &Overlay) {
    match overlay {
        Overlay::Help { scroll } => help::draw(frame, app, *scroll),
        Overlay::Target(d) => detail::target(frame, app, d),
        Overlay::Task { detail, scroll } => detail::task(frame, app, detail, *scroll),
        Overlay::History {
            unit_name,
            rows,
            selected,
            deleted,
            ..
        } => history::draw(frame, app, unit_name, rows, *selected, *deleted),
        Overlay::Drafts(list) => drafts::draw(frame, app, list),
        Overlay::Conflicts { rows, selected } => conflicts::draw(frame, app, rows, *selected),
    }
}

fn draw_dashboard(frame: &mut Frame, app: &App, areas: &crate::layout::Areas) {
    chrome::title(frame, app, areas.title);
    chrome::summary(frame, app, areas.summary);
    if let Some(tabs) = areas.tabs {
        chrome::tabs(frame, app, tabs);
    }
    if let Some(r) = areas.units {
        units::draw(frame, app, r);
    }
    if let Some(r) = areas.targets {
        targets::draw(frame, app, r);
    }
    if let Some(r) = areas.tasks {
        tasks::draw(frame, app, r);
    }
    chrome::status(frame, app, areas.status);
}

fn draw_too_small(frame: &mut Frame, area: Rect) {
    let msg = format!("{} ({}×{})", t(T::TooSmall), area.width, area.height);
    frame.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), area);
}

/// Database text made safe and cut to `width` columns with an ellipsis.
pub(crate) fn fit(s: &str, width: usize) -> String {
    let s = printable(s);
    if s.width() <= width {
        return s;
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

pub(crate) fn class_style(theme: &Theme, c: TargetClass) -> Style {
    match c {
        TargetClass::Met => theme.good(),
        TargetClass::Above70 => theme.warn(),
        TargetClass::Below70 => theme.bad(),
        TargetClass::NoData => theme.dim(),
    }
}

/// "quá hạn 12 ngày", with its style.
pub(crate) fn status_label(theme: &Theme, s: TaskStatus) -> (String, Style) {
    let style = match s {
        TaskStatus::DoneOnTime => theme.good(),
        TaskStatus::DoneLate { .. } | TaskStatus::DueSoon { .. } => theme.warn(),
        TaskStatus::Overdue { .. } => theme.bad(),
        TaskStatus::InTime { .. } => Style::new(),
        TaskStatus::NoDeadline | TaskStatus::Cancelled => theme.dim(),
    };
    (status_text(s), style)
}

/// A pane's frame, its title, and the filter line when a filter is typed or set.
/// Returns the area left for the list.
pub(crate) fn pane_block(
    frame: &mut Frame,
    app: &App,
    pane: Pane,
    area: Rect,
    title: String,
) -> Rect {
    let focused = app.focus == pane;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.border(focused))
        .title(Span::styled(title, app.theme.title()));
    // Where a click finds the rows (`layout`) is where they are drawn.
    let inner = crate::layout::inside(area);
    frame.render_widget(block, area);
    let list = app.list(pane);
    let editing = focused && app.filter_input().is_some();
    if (editing || !list.filter.is_empty()) && inner.height > 1 {
        let line_area = Rect {
            y: inner.y + inner.height - 1,
            height: 1,
            ..inner
        };
        let label = format!("{}: ", t(T::Filter));
        let lw = label.width() as u16;
        frame.render_widget(
            Paragraph::new(Span::styled(label, app.theme.hint_key())),
            line_area,
        );
        let text_area = Rect {
            x: line_area.x + lw.min(line_area.width),
            width: line_area.width.saturating_sub(lw),
            ..line_area
        };
        match (app.filter_input(), editing) {
            (Some(ta), true) => frame.render_widget(ta, text_area),
            _ => frame.render_widget(
                Paragraph::new(fit(&list.filter, text_area.width as usize)),
                text_area,
            ),
        }
        return Rect {
            height: inner.height - 1,
            ..inner
        };
    }
    inner
}

/// What an empty pane says instead of an empty table: why, and what to do.
pub(crate) fn empty_note(frame: &mut Frame, app: &App, area: Rect, lines: Vec<Line<'static>>) {
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|l| l.patch_style(app.theme.dim()))
        .collect();
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}

/// Header row style shared by the tables.
pub(crate) fn header(app: &App, cells: Vec<String>) -> Row<'static> {
    Row::new(cells).style(app.theme.header())
}

/// A centred box over the dashboard, cleared beneath.
pub(crate) fn popup(frame: &mut Frame, app: &App, title: String, pct_w: u16, pct_h: u16) -> Rect {
    let area = frame.area();
    let h = (area.height * pct_h / 100).max(area.height.min(8));
    popup_sized(frame, app, title, pct_w, h)
}

/// A popup `pct_w` of the screen wide and as tall as `rows` of text need (or the
/// screen), so what it lists last is never cut.
pub(crate) fn popup_rows(
    frame: &mut Frame,
    app: &App,
    title: String,
    pct_w: u16,
    rows: u16,
) -> Rect {
    let area = frame.area();
    let least = (area.height * 30 / 100).max(area.height.min(8));
    popup_sized(
        frame,
        app,
        title,
        pct_w,
        (rows + 2).max(least).min(area.height),
    )
}

/// The width of a popup `pct_w` of the screen wide, inside its borders.
pub(crate) fn popup_inner_width(frame: &Frame, pct_w: u16) -> u16 {
    let area = frame.area();
    (area.width * pct_w / 100)
        .max(area.width.min(30))
        .saturating_sub(2)
}

fn popup_sized(frame: &mut Frame, app: &App, title: String, pct_w: u16, h: u16) -> Rect {
    let area = frame.area();
    let w = (area.width * pct_w / 100).max(area.width.min(30));
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.border(true))
        .title(Span::styled(title, app.theme.title()));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    inner
}

/// "label: value" as a line.
pub(crate) fn field(app: &App, label: T, value: String) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{}: ", t(label)), app.theme.header()),
        Span::raw(printable(&value)),
    ])
}
