//! The inspection form: header, ordered conclusion items, and one editor for the
//! field under the cursor. Its data is plain strings (`FormData`), so the draft written
//! to disk as it is typed is exactly what is on screen.

mod check;
mod complete;
mod data;

pub use check::Invalid;
pub use data::{Field, FormData, ItemData};

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::domain::format::{fmt_date, parse_date};
use crate::domain::inspection::ItemKind;
use crate::domain::text::nfc;
use crate::model::{Ctx, Inspection, InspectionHeader, ItemRow, TaskFate};
use crate::store::Store;

/// How long typing may go on before the draft is written again.
pub const DRAFT_EVERY: Duration = Duration::from_millis(1000);

pub struct Form {
    pub data: FormData,
    pub editor: TextArea<'static>,
    /// Changed since it was last saved (or opened).
    pub dirty: bool,
    /// Changed since the draft was last written.
    pub draft_pending: bool,
    pub last_draft: Option<Instant>,
    /// The row this form's draft is written to, once it has been.
    pub draft_id: Option<i64>,
    /// When it was last saved, for the title bar.
    pub saved_at: Option<String>,
    /// Last time's directives for this unit, with their tasks' status now.
    pub previous: Option<(NaiveDate, Vec<ItemRow>)>,
    pub people: Vec<String>,
    /// The last deleted item, its position, and its entry in `removed` if any.
    pub undo: Option<(usize, ItemData, bool)>,
    /// What Ctrl-Space would complete the line to, worked out once per change of
    /// the line (not per frame: for a unit it asks the database).
    pub suggested: Option<String>,
    suggested_for: Option<(Field, String)>,
}

/// An editor holding `text`. Stored text may hold control characters (an import, an
/// old file); the editor draws what it holds, so they are left out here.
fn new_editor(text: &str, single_line: bool) -> TextArea<'static> {
    let lines: Vec<String> = text
        .split('\n')
        .map(crate::domain::text::printable)
        .collect();
    let mut ta = TextArea::new(lines);
    ta.set_cursor_line_style(ratatui::style::Style::new());
    if !single_line {
        ta.set_wrap_mode(WrapMode::WordOrGlyph);
    }
    ta.move_cursor(CursorMove::Bottom);
    ta.move_cursor(CursorMove::End);
    ta
}

impl Form {
    pub fn from_data(data: FormData, store: &Store, ctx: &Ctx) -> Form {
        let editor = new_editor(data.text(data.field), data.field.single_line());
        let mut form = Form {
            data,
            editor,
            dirty: false,
            draft_pending: false,
            last_draft: None,
            draft_id: None,
            saved_at: None,
            previous: None,
            people: store.people().unwrap_or_default(),
            undo: None,
            suggested: None,
            suggested_for: None,
        };
        form.load_previous(store, ctx);
        form
    }

    /// A new inspection of a unit, prefilled from its last one (or anyone's last one
    /// for the working group's own people), the cursor in the first item's text.
    pub fn new_inspection(store: &Store, ctx: &Ctx, unit_id: i64, unit_name: &str) -> Form {
        let prev = store
            .previous_inspection(unit_id, ctx.as_of, None)
            .ok()
            .flatten();
        let any = if prev.is_none() {
            store.latest_inspection().ok().flatten()
        } else {
            None
        };
        let p: InspectionHeader = prev.clone().or(any.clone()).unwrap_or_default();
        let same_unit = prev.is_some();
        let data = FormData {
            inspection_id: None,
            unit_id,
            unit_name: unit_name.to_string(),
            held_on: fmt_date(ctx.as_of),
            place: if same_unit {
                p.place.clone()
            } else {
                String::new()
            },
            chair_name: p.chair_name.clone(),
            chair_title: p.chair_title.clone(),
            members: p.members.clone(),
            attendees: if same_unit {
                p.attendees.clone()
            } else {
                String::new()
            },
            report: String::new(),
            items: vec![ItemData {
                kind: ItemKind::Result,
                ..Default::default()
            }],
            removed: Vec::new(),
            current: 0,
            field: Field::ItemText,
            second_of_day: None,
        };
        let mut form = Form::from_data(data, store, ctx);
        // Prefilled text is not the user's yet: nothing to lose until they type.
        form.dirty = false;
        form
    }

    pub fn from_inspection(ins: &Inspection, store: &Store, ctx: &Ctx) -> Form {
        let mut form = Form::from_data(FormData::from_saved(ins), store, ctx);
        form.saved_at = Some(ins.header.saved_at.clone());
        form
    }

    fn load_previous(&mut self, store: &Store, ctx: &Ctx) {
        let before = parse_date(&self.data.held_on).unwrap_or(ctx.as_of);
        let prev = store
            .previous_inspection(self.data.unit_id, before, self.data.inspection_id)
            .ok()
            .flatten();
        self.previous = prev.and_then(|p| {
            let ins = store.inspection(ctx, p.id).ok().flatten()?;
            let directives: Vec<ItemRow> = ins
                .items
                .into_iter()
                .filter(|i| i.kind == ItemKind::Directive)
                .collect();
            Some((p.held_on?, directives))
        });
    }

    /// Writes the editor's text back into the data.
    pub fn commit(&mut self) {
        let text = nfc(&self.editor.lines().join("\n"));
        let field = self.data.field;
        let slot = self.data.text_mut(field);
        if *slot != text {
            *slot = text;
        }
    }

    /// Loads `field` into the editor. Callers commit the editor first, before they
    /// change which item is current.
    fn focus(&mut self, field: Field) {
        self.data.field = field;
        self.editor = new_editor(self.data.text(field), field.single_line());
    }

    /// The editor changed: mark the form and the draft as behind.
    pub fn edited(&mut self) {
        self.commit();
        self.dirty = true;
        self.draft_pending = true;
    }

    /// Changes that are not typing (a new item, a move, a kind): same bookkeeping.
    fn changed(&mut self) {
        self.dirty = true;
        self.draft_pending = true;
    }

    pub fn next_field(&mut self, back: bool) {
        self.commit();
        let order = self.data.order();
        let i = order
            .iter()
            .position(|f| *f == self.data.field)
            .unwrap_or(0);
        let n = order.len();
        let next = if back {
            order[(i + n - 1) % n]
        } else {
            order[(i + 1) % n]
        };
        self.focus(next);
    }

    pub fn select_item(&mut self, delta: isize) {
        self.commit();
        let n = self.data.items.len();
        self.data.current = self.data.current.saturating_add_signed(delta).min(n - 1);
        self.focus(Field::ItemText);
    }

    /// A new item after the current one, of the same kind, ready for typing.
    pub fn new_item(&mut self) {
        self.commit();
        // The record's order: results, then shortcomings, then directives; after a
        // directive or a proposal, more of the same kind.
        let kind = match self.data.item().kind {
            ItemKind::Result => ItemKind::Shortcoming,
            ItemKind::Shortcoming => ItemKind::Directive,
            k => k,
        };
        let at = (self.data.current + 1).min(self.data.items.len());
        self.data.items.insert(
            at,
            ItemData {
                kind,
                ..Default::default()
            },
        );
        self.data.current = at;
        self.focus(Field::ItemText);
        self.changed();
    }

    pub fn move_item(&mut self, delta: isize) {
        self.commit();
        let i = self.data.current;
        let j = i.saturating_add_signed(delta);
        if j < self.data.items.len() && j != i {
            self.data.items.swap(i, j);
            self.data.current = j;
            self.changed();
        }
    }

    pub fn cycle_kind(&mut self) {
        self.commit();
        let i = self.data.current;
        self.data.items[i].kind = self.data.items[i].kind.next();
        if !self.data.order().contains(&self.data.field) {
            self.focus(Field::ItemText);
        }
        self.changed();
    }

    /// Deletes the current item; a saved directive's task is kept or deleted as told.
    pub fn delete_item(&mut self, fate: TaskFate) {
        self.commit();
        let i = self.data.current;
        let item = self.data.items.remove(i);
        let recorded = match item.id {
            Some(id) => {
                self.data.removed.push((id, fate));
                true
            }
            None => false,
        };
        self.undo = Some((i, item, recorded));
        if self.data.items.is_empty() {
            self.data.items.push(ItemData::default());
        }
        self.data.current = i.min(self.data.items.len() - 1);
        self.editor = new_editor(self.data.text(Field::ItemText), false);
        self.data.field = Field::ItemText;
        self.changed();
    }

    pub fn undo_delete(&mut self) -> bool {
        let Some((i, item, recorded)) = self.undo.take() else {
            return false;
        };
        self.commit();
        if recorded {
            self.data.removed.pop();
        }
        // An untouched placeholder left by deleting the only item gives way.
        if self.data.items.len() == 1 && self.data.items[0] == ItemData::default() {
            self.data.items.clear();
        }
        let at = i.min(self.data.items.len());
        self.data.items.insert(at, item);
        self.data.current = at;
        self.focus(Field::ItemText);
        self.changed();
        true
    }

    /// The draft as stored: the form's data as JSON.
    pub fn draft_body(&mut self) -> String {
        self.commit();
        serde_json::to_string(&self.data).expect("form data serialises")
    }

    /// When the draft must be written next, if typing left it behind.
    pub fn draft_due(&self) -> Option<Instant> {
        if !self.draft_pending {
            return None;
        }
        Some(
            self.last_draft
                .map_or_else(Instant::now, |t| t + DRAFT_EVERY),
        )
    }
}
