//! The notice's text read before it is written (Ctrl-P in the form, `p` in a unit's
//! inspections): built once when it opens, laid out again only when the window
//! changes size. It is read-only: what it takes is scrolling, Ctrl-E to write the
//! DOCX as the form's Ctrl-E does, and Esc; a letter typed in it changes nothing.

use super::{App, Layer, Overlay, StatusKind};
use crate::i18n::{T, t};
use crate::keymap::{Command, Mode, Scope, keys_of};
use crate::layout::{self, TextLine};
use crate::notice::Text;

pub struct Preview {
    pub inspection_id: i64,
    pub unit_name: String,
    markdown: String,
    /// The text laid out to the window's width.
    pub lines: Vec<TextLine>,
    /// The first line shown.
    pub scroll: usize,
    /// Rows of text the window showed when it was last laid out.
    shown_rows: usize,
}

impl Preview {
    fn new(text: Text, size: (u16, u16)) -> Preview {
        let mut p = Preview {
            inspection_id: text.inspection_id,
            unit_name: text.unit_name,
            markdown: text.markdown,
            lines: Vec::new(),
            scroll: 0,
            shown_rows: 0,
        };
        p.lay_out(size);
        p
    }

    /// The text as the Markdown writer gives it.
    pub fn markdown(&self) -> &str {
        &self.markdown
    }

    /// Lays the text out for a window's size; what was read stays in view: the end
    /// if it was shown, else the same part of the text.
    fn lay_out(&mut self, (w, h): (u16, u16)) {
        let was = (self.scroll, self.lines.len());
        let at_end = was.0 > 0 && was.0 >= was.1.saturating_sub(self.shown_rows);
        let [_, body, _, _] = layout::text_view(ratatui::layout::Rect::new(0, 0, w, h));
        self.lines = layout::markdown_lines(&self.markdown, layout::text_width(body));
        self.shown_rows = Self::rows(h);
        let last = self.last_scroll(h);
        self.scroll = if at_end {
            last
        } else {
            (was.0 * self.lines.len())
                .checked_div(was.1)
                .unwrap_or(0)
                .min(last)
        };
    }

    /// Rows of text the window shows.
    fn rows(h: u16) -> usize {
        let [_, body, _, _] = layout::text_view(ratatui::layout::Rect::new(0, 0, 1, h));
        (body.height as usize).max(1)
    }

    /// The first line shown when the end of the text is at the bottom.
    fn last_scroll(&self, h: u16) -> usize {
        self.lines.len().saturating_sub(Self::rows(h))
    }
}

impl App {
    pub fn preview(&self) -> Option<&Preview> {
        match self.layers.top() {
            Some(Layer::Preview(p)) => Some(p),
            _ => None,
        }
    }

    /// Ctrl-P in the form: the notice of what is saved, as Ctrl-E would write it, so
    /// unsaved text waits as it does for Ctrl-E.
    pub(super) fn preview_from_form(&mut self) {
        let Some(form) = self.layers.form_mut() else {
            return;
        };
        form.commit();
        match form.data.inspection_id.filter(|_| !form.dirty) {
            None => self.say(StatusKind::Problem, t(T::PreviewSaveFirst)),
            Some(id) => self.open_preview(id),
        }
    }

    /// `p` in a unit's inspections: the selected record's notice.
    pub(super) fn preview_from_history(&mut self) {
        let Some(Overlay::History { rows, selected, .. }) = self.layers.overlay() else {
            return;
        };
        let Some(row) = rows.get(*selected) else {
            return;
        };
        if row.deleted_at.is_some() {
            let key = keys_of(Mode::Overlay, Scope::History, Command::RestoreInspection);
            return self.say(
                StatusKind::Problem,
                format!("{} {key}", t(T::RecordAlreadyDeleted)),
            );
        }
        let id = row.id;
        self.open_preview(id);
    }

    /// Builds the notice's text once; refused with the words Ctrl-E would say.
    fn open_preview(&mut self, id: i64) {
        match crate::notice::text_for(&self.store, &self.ctx, id) {
            Ok(text) => self
                .layers
                .push(Layer::Preview(Box::new(Preview::new(text, self.size)))),
            Err(e) => self.say(
                StatusKind::Problem,
                format!("{}: {e}", t(T::NoticeNotWritten)),
            ),
        }
    }

    /// Writes the DOCX notice of a saved record beside the database, never over an
    /// earlier one, and says where.
    pub(super) fn write_notice(&mut self, id: i64) {
        let dir = crate::notice::db_dir(&self.store);
        match crate::notice::write_docx_for(&self.store, &self.ctx, id, &dir) {
            Ok(p) => self.say(
                StatusKind::Good,
                format!("{}: {}", t(T::NoticeWritten), p.display()),
            ),
            Err(e) => self.say(
                StatusKind::Problem,
                format!("{}: {e}", t(T::NoticeNotWritten)),
            ),
        }
    }

    /// The preview's keys; false for one it does not take (Ctrl-C), which goes on to
    /// the layer beneath.
    pub(super) fn preview_command(&mut self, c: Command) -> bool {
        let h = self.size.1;
        let Some(Layer::Preview(p)) = self.layers.top_mut() else {
            return false;
        };
        let page = Preview::rows(h) as isize;
        let delta = match c {
            Command::Up => -1,
            Command::Down => 1,
            Command::PageUp => -page,
            Command::PageDown => page,
            Command::Top => isize::MIN / 2,
            Command::Bottom => isize::MAX / 2,
            Command::ExportNotice => {
                let id = p.inspection_id;
                self.write_notice(id);
                return true;
            }
            Command::Close => {
                self.layers.pop(Mode::Preview);
                return true;
            }
            _ => return false,
        };
        let last = p.last_scroll(h) as isize;
        p.scroll = (p.scroll as isize).saturating_add(delta).clamp(0, last) as usize;
        true
    }

    /// A letter typed or a paste in the preview: nothing takes it, and it says so.
    pub(super) fn preview_typed(&mut self) {
        self.say(StatusKind::Problem, t(T::PreviewReadOnly));
    }

    /// The window changed size: the same text laid out again, not read again.
    pub(super) fn relay_preview(&mut self) {
        let size = self.size;
        for layer in self.layers.as_mut_slice() {
            if let Layer::Preview(p) = layer {
                p.lay_out(size);
            }
        }
    }
}
