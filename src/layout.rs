//! Where each pane goes for a terminal size. Pure geometry, shared by the app (to page
//! its lists to what fits, and to find what a click landed on) and the ui (to draw).

use ratatui::layout::{Constraint, Layout, Margin, Rect};
use unicode_width::UnicodeWidthStr;

use crate::i18n::{T, t};

/// Side by side from this width; tabs below it.
pub const WIDE: u16 = 120;
/// Below this the app shows only "terminal too small".
pub const MIN_W: u16 = 40;
pub const MIN_H: u16 = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Units,
    Targets,
    Tasks,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::Units, Pane::Targets, Pane::Tasks];

    pub fn next(self) -> Pane {
        match self {
            Pane::Units => Pane::Targets,
            Pane::Targets => Pane::Tasks,
            Pane::Tasks => Pane::Units,
        }
    }

    pub fn prev(self) -> Pane {
        self.next().next()
    }

    /// Its name, in its frame's title and on its tab.
    pub fn name(self) -> &'static str {
        t(match self {
            Pane::Units => T::Units,
            Pane::Targets => T::Targets,
            Pane::Tasks => T::Tasks,
        })
    }
}

/// What is under a cell of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spot {
    /// A pane's tab on a narrow terminal.
    Tab(Pane),
    /// A pane, and which of the list's rows shown (0 the first below the column
    /// header) when the cell is on one: a row past the list's end, or the filter line
    /// at the bottom, is the app's to rule out.
    Pane(Pane, Option<usize>),
}

/// Inside a pane's frame.
pub fn inside(pane: Rect) -> Rect {
    pane.inner(Margin::new(1, 1))
}

/// Each pane's tab on a narrow terminal, one space then " │ " between them, each
/// name with a space either side; cut at the right edge.
pub fn tabs(area: Rect) -> [(Pane, Rect); 3] {
    let mut x = area.x + 1;
    Pane::ALL.map(|p| {
        let w = p.name().width() as u16 + 2;
        let r = Rect::new(x, area.y, w, 1).intersection(area);
        x = x.saturating_add(w + 3);
        (p, r)
    })
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    pub title: Rect,
    pub summary: Rect,
    pub tabs: Option<Rect>,
    pub units: Option<Rect>,
    pub targets: Option<Rect>,
    pub tasks: Option<Rect>,
    pub status: Rect,
    pub too_small: bool,
}

impl Areas {
    pub fn pane(&self, p: Pane) -> Option<Rect> {
        match p {
            Pane::Units => self.units,
            Pane::Targets => self.targets,
            Pane::Tasks => self.tasks,
        }
    }

    /// Where a pane's rows are drawn: inside its frame, below the column header.
    pub fn list_area(&self, p: Pane) -> Option<Rect> {
        let inner = inside(self.pane(p)?);
        Some(Rect {
            y: inner.y + 1,
            height: inner.height.saturating_sub(1),
            ..inner
        })
    }

    /// Rows of data a pane can show: its height less borders and the column header.
    pub fn list_rows(&self, p: Pane) -> usize {
        self.list_area(p).map_or(0, |r| r.height as usize)
    }

    /// What is at column `col`, row `row` (0-based, as the terminal reports them).
    pub fn at(&self, col: u16, row: u16) -> Option<Spot> {
        if self.too_small {
            return None;
        }
        let hit = |r: Rect| r.contains(ratatui::layout::Position::new(col, row));
        if let Some(bar) = self.tabs {
            let tab = tabs(bar).into_iter().find(|(_, r)| hit(*r));
            if let Some((p, _)) = tab {
                return Some(Spot::Tab(p));
            }
        }
        let pane = Pane::ALL
            .into_iter()
            .find(|&p| self.pane(p).is_some_and(hit))?;
        let shown = self.list_area(pane).filter(|r| hit(*r));
        Some(Spot::Pane(pane, shown.map(|r| (row - r.y) as usize)))
    }
}

/// `summary_lines` is how many lines the selected unit's scorecard sentence needs.
/// `province`: the province-wide overdue view has the focus; it is of no one unit, so
/// on a wide terminal it takes the whole width and its titles are read whole.
pub fn areas(area: Rect, focus: Pane, summary_lines: u16, province: bool) -> Areas {
    if area.width < MIN_W || area.height < MIN_H {
        return Areas {
            too_small: true,
            ..Default::default()
        };
    }
    let wide = area.width >= WIDE;
    let [title, summary, rest, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(summary_lines.clamp(1, 3)),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    if wide && province && focus == Pane::Tasks {
        return Areas {
            title,
            summary,
            tasks: Some(rest),
            status,
            ..Default::default()
        };
    }
    if wide {
        let units_w = (area.width * 45 / 100).max(56);
        let [left, right] =
            Layout::horizontal([Constraint::Length(units_w), Constraint::Min(0)]).areas(rest);
        let [targets, tasks] =
            Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(right);
        Areas {
            title,
            summary,
            tabs: None,
            units: Some(left),
            targets: Some(targets),
            tasks: Some(tasks),
            status,
            too_small: false,
        }
    } else {
        let [tabs, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(rest);
        let mut a = Areas {
            title,
            summary,
            tabs: Some(tabs),
            status,
            ..Default::default()
        };
        match focus {
            Pane::Units => a.units = Some(body),
            Pane::Targets => a.targets = Some(body),
            Pane::Tasks => a.tasks = Some(body),
        }
        a
    }
}

/// How a line of a document's text is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextStyle {
    Plain,
    Bold,
    Italic,
    BoldItalic,
    /// A `#` heading: the document's title, centred.
    Title,
    /// A `##` or `###` heading.
    Heading,
}

/// A line of a document's text as the screen shows it: no wider than it was laid
/// out for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextLine {
    pub text: String,
    pub style: TextStyle,
}

/// The areas of a full-screen text view: its title, the text, the status line and
/// the line of its keys.
pub fn text_view(area: Rect) -> [Rect; 4] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// The columns the text of a full-screen view is laid out to: a space either side.
pub fn text_width(area: Rect) -> usize {
    (area.width as usize).saturating_sub(2).max(1)
}

/// A line's style from the Markdown around it, and its text without the marks.
fn marked(line: &str) -> (TextStyle, &str) {
    let line = line.trim_end();
    let inner = |mark: &str| {
        line.strip_prefix(mark)
            .and_then(|l| l.strip_suffix(mark))
            .filter(|l| !l.is_empty())
    };
    if let Some(l) = line.strip_prefix("# ") {
        (TextStyle::Title, l)
    } else if let Some(l) = line
        .strip_prefix("## ")
        .or_else(|| line.strip_prefix("### "))
    {
        (TextStyle::Heading, l)
    } else if let Some(l) = inner("***") {
        (TextStyle::BoldItalic, l)
    } else if let Some(l) = inner("**") {
        (TextStyle::Bold, l)
    } else if let Some(l) = inner("*") {
        (TextStyle::Italic, l)
    } else {
        (TextStyle::Plain, line)
    }
}

/// Markdown as the notice's writer gives it, laid out `width` columns wide: each
/// line's marks (`#`, `**`, `*`) become its style, a paragraph breaks between words
/// (a word wider than the line is cut where it must be), a blank line parts blocks,
/// and the title is centred.
pub fn markdown_lines(markdown: &str, width: usize) -> Vec<TextLine> {
    let width = width.max(1);
    let mut out = Vec::new();
    for raw in markdown.lines() {
        let (style, text) = marked(raw);
        let text = crate::domain::text::printable(text);
        // An item of a list ("- ") hangs: its next lines begin under its text.
        let hang = if text.starts_with("- ") && width > 8 {
            "  "
        } else {
            ""
        };
        let mut wrapped: Vec<String> = Vec::new();
        let mut line = String::new();
        for word in text.split(' ').filter(|w| !w.is_empty()) {
            let gap = usize::from(!line.is_empty() && line != hang);
            if line.width() + gap + word.width() <= width {
                if gap == 1 {
                    line.push(' ');
                }
                line.push_str(word);
                continue;
            }
            if !line.is_empty() && line != hang {
                wrapped.push(std::mem::replace(&mut line, hang.to_string()));
                if line.width() + word.width() <= width {
                    line.push_str(word);
                    continue;
                }
            }
            // A word wider than the line: as much as fits on each.
            for ch in word.chars() {
                let cw = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
                if line.width() + cw > width && !line.is_empty() && line != hang {
                    wrapped.push(std::mem::replace(&mut line, hang.to_string()));
                }
                line.push(ch);
            }
        }
        if (!line.is_empty() && line != hang) || wrapped.is_empty() {
            wrapped.push(line);
        }
        out.extend(wrapped.into_iter().map(|text| {
            let text = if style == TextStyle::Title {
                format!(
                    "{}{text}",
                    " ".repeat(width.saturating_sub(text.width()) / 2)
                )
            } else {
                text
            };
            TextLine { text, style }
        }));
    }
    // The text has ended; a blank line after it would scroll to nothing.
    while out.last().is_some_and(|l| l.text.is_empty()) {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_shows_all_panes_narrow_shows_the_focused_one() {
        let w = areas(Rect::new(0, 0, 160, 50), Pane::Units, 1, false);
        assert!(w.units.is_some() && w.targets.is_some() && w.tasks.is_some());
        let n = areas(Rect::new(0, 0, 80, 24), Pane::Tasks, 2, false);
        assert!(n.units.is_none() && n.targets.is_none());
        assert_eq!(n.tasks.unwrap().height, 24 - 1 - 2 - 1 - 1);
        assert_eq!(n.list_rows(Pane::Tasks), (24 - 5 - 3) as usize);
    }

    #[test]
    fn the_province_view_takes_the_whole_width_when_wide() {
        let p = areas(Rect::new(0, 0, 120, 30), Pane::Tasks, 1, true);
        assert_eq!(p.tasks.unwrap().width, 120);
        assert!(p.units.is_none() && p.targets.is_none());
        let back = areas(Rect::new(0, 0, 120, 30), Pane::Units, 1, true);
        assert!(back.units.is_some() && back.tasks.unwrap().width < 120);
    }

    #[test]
    fn a_cell_names_its_pane_and_the_list_row_under_it() {
        // Wide: the Units pane from row 2 (title, one summary line): its frame's top,
        // the column header, then the first row.
        let w = areas(Rect::new(0, 0, 160, 50), Pane::Units, 1, false);
        assert_eq!(w.at(5, 2), Some(Spot::Pane(Pane::Units, None)));
        assert_eq!(w.at(5, 3), Some(Spot::Pane(Pane::Units, None)));
        assert_eq!(w.at(5, 4), Some(Spot::Pane(Pane::Units, Some(0))));
        assert_eq!(w.at(5, 6), Some(Spot::Pane(Pane::Units, Some(2))));
        assert_eq!(
            w.at(0, 6),
            Some(Spot::Pane(Pane::Units, None)),
            "the border"
        );
        let tasks = w.tasks.unwrap();
        assert_eq!(
            w.at(tasks.x + 3, tasks.y + 2),
            Some(Spot::Pane(Pane::Tasks, Some(0)))
        );
        assert_eq!(w.at(5, 0), None, "the title");
        assert_eq!(w.at(5, 49), None, "the status line");
        // Narrow: the tabs, then the one pane shown.
        let n = areas(Rect::new(0, 0, 80, 24), Pane::Targets, 1, false);
        let bar = n.tabs.unwrap();
        for (p, r) in tabs(bar) {
            assert_eq!(n.at(r.x, r.y), Some(Spot::Tab(p)));
            assert_eq!(n.at(r.x + r.width - 1, r.y), Some(Spot::Tab(p)));
        }
        assert_eq!(n.at(0, bar.y), None, "before the first tab");
        assert_eq!(n.at(2, bar.y + 3), Some(Spot::Pane(Pane::Targets, Some(0))));
        assert_eq!(n.list_rows(Pane::Targets), 24 - 4 - 3);
    }

    #[test]
    fn tiny_is_too_small() {
        assert!(areas(Rect::new(0, 0, 1, 1), Pane::Units, 1, false).too_small);
        assert!(areas(Rect::new(0, 0, 0, 0), Pane::Units, 1, false).too_small);
        assert_eq!(
            areas(Rect::new(0, 0, 20, 5), Pane::Units, 1, false).at(1, 1),
            None
        );
        assert_eq!(
            areas(Rect::new(0, 0, 20, 5), Pane::Units, 1, false).list_rows(Pane::Units),
            0
        );
    }

    #[test]
    fn markdown_is_laid_out_between_words_and_styled_by_its_marks() {
        let md = "# THÔNG BÁO\n\n**Kết luận của Tổ công tác**  \n\n## I. KẾT QUẢ\n\nMột hai ba bốn năm sáu bảy tám chín mười\n\n*Lạng Sơn, ngày 23 tháng 9 năm 2022*\n\n***Nơi nhận:***\n/một/đường/dẫn/rất/dài/không/có/dấu/cách\n";
        let lines = markdown_lines(md, 12);
        for l in &lines {
            assert!(l.text.width() <= 12, "{l:?} is wider than 12");
        }
        assert_eq!(lines[0].style, TextStyle::Title);
        assert_eq!(lines[0].text.trim(), "THÔNG BÁO");
        assert!(lines[0].text.starts_with(' '), "the title is centred");
        assert!(
            lines
                .iter()
                .any(|l| l.style == TextStyle::Bold && l.text == "Kết luận của")
        );
        assert!(
            lines
                .iter()
                .any(|l| l.style == TextStyle::Heading && l.text == "I. KẾT QUẢ")
        );
        assert!(
            lines
                .iter()
                .any(|l| l.style == TextStyle::BoldItalic && l.text == "Nơi nhận:")
        );
        assert!(
            lines
                .iter()
                .all(|l| !l.text.contains('*') && !l.text.starts_with('#'))
        );
        // No word is cut that fits on a line, and none is lost.
        let label = lines.iter().position(|l| l.text == "Nơi nhận:").unwrap();
        let plain: Vec<&str> = lines[..label]
            .iter()
            .filter(|l| l.style == TextStyle::Plain && !l.text.is_empty())
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(plain.join(" "), "Một hai ba bốn năm sáu bảy tám chín mười");
        // A word wider than the line is cut where it must be, nothing lost.
        assert!(lines.len() - label > 2);
        let path: String = lines[label + 1..].iter().map(|l| l.text.as_str()).collect();
        assert_eq!(path, "/một/đường/dẫn/rất/dài/không/có/dấu/cách");
        // An item of a list hangs under its text.
        let item = markdown_lines("- Một hai ba bốn năm sáu", 12);
        let texts: Vec<&str> = item.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["- Một hai ba", "  bốn năm", "  sáu"]);
        // Blocks are parted by one blank line, and the text ends with the text.
        assert_eq!(lines[1].text, "");
        assert!(!lines.last().unwrap().text.is_empty());
    }
}
