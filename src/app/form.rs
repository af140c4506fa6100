//! The inspection form: header, ordered conclusion items, and one editor for the
//! field under the cursor. Its data is plain strings (`FormData`), so the draft written
//! to disk as it is typed is exactly what is on screen.

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};
use serde::{Deserialize, Serialize};

use crate::domain::format::{fmt_date, parse_date};
use crate::domain::inspection::{ItemKind, parse_deadline};
use crate::domain::text::{fold, nfc};
use crate::i18n::{T, t};
use crate::model::{
    Ctx, Inspection, InspectionHeader, InspectionInput, ItemInput, ItemRow, TaskFate, UnitLookup,
};
use crate::store::Store;

/// How long typing may go on before the draft is written again.
pub const DRAFT_EVERY: Duration = Duration::from_millis(1000);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Field {
    ItemText,
    ItemUnit,
    ItemDeadline,
    Date,
    Place,
    Chair,
    ChairTitle,
    Members,
    Attendees,
    Report,
}

impl Field {
    /// One line of text: Enter moves on instead of breaking the line.
    pub fn single_line(self) -> bool {
        !matches!(
            self,
            Field::ItemText | Field::Members | Field::Attendees | Field::Report
        )
    }

    pub fn label(self) -> &'static str {
        t(match self {
            Field::ItemText => T::FText,
            Field::ItemUnit => T::FUnit,
            Field::ItemDeadline => T::FDeadline,
            Field::Date => T::FDate,
            Field::Place => T::FPlace,
            Field::Chair => T::FChair,
            Field::ChairTitle => T::FChairTitle,
            Field::Members => T::FMembers,
            Field::Attendees => T::FAttendees,
            Field::Report => T::FReport,
        })
    }

    /// Fields whose lines are people's names: completion offers names typed before.
    fn holds_people(self) -> bool {
        matches!(self, Field::Chair | Field::Members | Field::Attendees)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ItemData {
    pub id: Option<i64>,
    pub kind: ItemKind,
    pub text: String,
    /// Responsible unit as typed (a directive); empty = the inspected unit.
    pub unit: String,
    /// Deadline as typed: dd/mm/yyyy, +30, cuối quý …
    pub deadline: String,
    /// A task was made from this directive when it was saved.
    pub has_task: bool,
}

/// Everything typed into the form, as typed. This is what the draft holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FormData {
    pub inspection_id: Option<i64>,
    pub unit_id: i64,
    pub unit_name: String,
    pub held_on: String,
    pub place: String,
    pub chair_name: String,
    pub chair_title: String,
    pub members: String,
    pub attendees: String,
    pub report: String,
    pub items: Vec<ItemData>,
    pub removed: Vec<(i64, TaskFate)>,
    pub current: usize,
    pub field: Field,
}

impl FormData {
    fn text_mut(&mut self, f: Field) -> &mut String {
        let i = self.current.min(self.items.len().saturating_sub(1));
        match f {
            Field::ItemText => &mut self.items[i].text,
            Field::ItemUnit => &mut self.items[i].unit,
            Field::ItemDeadline => &mut self.items[i].deadline,
            Field::Date => &mut self.held_on,
            Field::Place => &mut self.place,
            Field::Chair => &mut self.chair_name,
            Field::ChairTitle => &mut self.chair_title,
            Field::Members => &mut self.members,
            Field::Attendees => &mut self.attendees,
            Field::Report => &mut self.report,
        }
    }

    pub fn text(&self, f: Field) -> &str {
        let i = self.current.min(self.items.len().saturating_sub(1));
        match f {
            Field::ItemText => &self.items[i].text,
            Field::ItemUnit => &self.items[i].unit,
            Field::ItemDeadline => &self.items[i].deadline,
            Field::Date => &self.held_on,
            Field::Place => &self.place,
            Field::Chair => &self.chair_name,
            Field::ChairTitle => &self.chair_title,
            Field::Members => &self.members,
            Field::Attendees => &self.attendees,
            Field::Report => &self.report,
        }
    }

    pub fn item(&self) -> &ItemData {
        &self.items[self.current.min(self.items.len() - 1)]
    }

    /// The tab order; unit and deadline only for a directive.
    fn order(&self) -> Vec<Field> {
        let mut v = vec![Field::ItemText];
        if self.item().kind == ItemKind::Directive {
            v.extend([Field::ItemUnit, Field::ItemDeadline]);
        }
        v.extend([
            Field::Date,
            Field::Place,
            Field::Chair,
            Field::ChairTitle,
            Field::Members,
            Field::Attendees,
            Field::Report,
        ]);
        v
    }
}

/// Where a validation error points, so the cursor can go there.
#[derive(Debug, Clone, PartialEq)]
pub struct Invalid {
    pub item: Option<usize>,
    pub field: Field,
    pub message: String,
}

pub struct Form {
    pub data: FormData,
    pub editor: TextArea<'static>,
    /// Changed since it was last saved (or opened).
    pub dirty: bool,
    /// Changed since the draft was last written.
    pub draft_pending: bool,
    pub last_draft: Option<Instant>,
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
        };
        let mut form = Form::from_data(data, store, ctx);
        // Prefilled text is not the user's yet: nothing to lose until they type.
        form.dirty = false;
        form
    }

    pub fn from_inspection(ins: &Inspection, store: &Store, ctx: &Ctx) -> Form {
        let mut form = Form::from_data(Form::from_inspection_data(ins), store, ctx);
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
        // After the assessment come the directives; otherwise more of the same kind.
        let kind = match self.data.item().kind {
            ItemKind::Result => ItemKind::Directive,
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

    /// The name completion offers for the line under the cursor, if any.
    /// Brings `suggested` up to date with the line under the cursor.
    pub fn refresh_suggestion(&mut self, store: &Store, ctx: &Ctx) {
        let line = self
            .editor
            .lines()
            .get(self.editor.cursor().0)
            .cloned()
            .unwrap_or_default();
        let key = (self.data.field, line);
        if self.suggested_for.as_ref() != Some(&key) {
            self.suggested = self.suggestion(store, ctx);
            self.suggested_for = Some(key);
        }
    }

    fn suggestion(&self, store: &Store, ctx: &Ctx) -> Option<String> {
        let field = self.data.field;
        let (row, _) = (self.editor.cursor().0, ());
        let line = self.editor.lines().get(row)?.trim();
        if line.is_empty() {
            return None;
        }
        let typed = fold(line);
        if field.holds_people() {
            self.people
                .iter()
                .find(|p| fold(p).starts_with(&typed) && p.as_str() != line)
                .cloned()
        } else if field == Field::ItemUnit {
            // Names that begin with what was typed come before names that merely
            // contain its words: "so tai" is Sở Tài chính, not Sở Giao thông vận tải.
            let mut names: Vec<String> = store
                .unit_names_page(ctx, line, 50)
                .ok()?
                .into_iter()
                .map(|(_, n)| n)
                .collect();
            names.sort_by_key(|n| !fold(n).starts_with(&typed));
            names.into_iter().find(|n| n != line)
        } else {
            None
        }
    }

    /// Replaces the line under the cursor with the suggestion.
    pub fn complete(&mut self, suggestion: &str) {
        let row = self.editor.cursor().0;
        let mut lines: Vec<String> = self.editor.lines().to_vec();
        if let Some(l) = lines.get_mut(row) {
            *l = suggestion.to_string();
        }
        let field = self.data.field;
        *self.data.text_mut(field) = lines.join("\n");
        self.editor = new_editor(&lines.join("\n"), field.single_line());
        self.editor
            .move_cursor(CursorMove::Jump(row as u16, u16::MAX));
        self.edited();
    }

    /// Checks what was typed and turns it into what the store saves.
    pub fn validate(&mut self, store: &Store) -> Result<InspectionInput, Invalid> {
        self.commit();
        let d = &self.data;
        let held_on = parse_date(&d.held_on).map_err(|e| Invalid {
            item: None,
            field: Field::Date,
            message: format!("{}: {e}", Field::Date.label()),
        })?;
        let mut items = Vec::new();
        for (n, it) in d.items.iter().enumerate() {
            if it.text.trim().is_empty() {
                continue;
            }
            let err = |field: Field, msg: String| Invalid {
                item: Some(n),
                field,
                message: format!("{} {}: {msg}", t(T::Item), n + 1),
            };
            let (mut unit_id, mut deadline) = (None, None);
            if it.kind == ItemKind::Directive {
                if !it.unit.trim().is_empty() {
                    match store
                        .find_unit(&it.unit, held_on)
                        .map_err(|e| err(Field::ItemUnit, e.to_string()))?
                    {
                        UnitLookup::Found(id, _) => unit_id = Some(id),
                        UnitLookup::NotFound(close) => {
                            return Err(err(
                                Field::ItemUnit,
                                format!(
                                    "{} «{}»; {}: {}",
                                    t(T::ErrUnknownUnit),
                                    it.unit.trim(),
                                    t(T::ErrClosest),
                                    close.join(", ")
                                ),
                            ));
                        }
                    }
                }
                deadline = parse_deadline(&it.deadline, held_on)
                    .map_err(|e| err(Field::ItemDeadline, e.to_string()))?;
                if deadline.is_some_and(|dl| dl < held_on) {
                    return Err(err(
                        Field::ItemDeadline,
                        t(T::ErrDeadlineBefore).to_string(),
                    ));
                }
            }
            items.push(ItemInput {
                id: it.id,
                kind: it.kind,
                text: it.text.clone(),
                unit_id,
                deadline,
            });
        }
        Ok(InspectionInput {
            id: d.inspection_id,
            unit_id: d.unit_id,
            held_on,
            place: d.place.clone(),
            chair_name: d.chair_name.clone(),
            chair_title: d.chair_title.clone(),
            members: d.members.clone(),
            attendees: d.attendees.clone(),
            report: d.report.clone(),
            items,
            removed: d.removed.clone(),
        })
    }

    /// Puts the cursor where a validation error points.
    pub fn show(&mut self, invalid: &Invalid) {
        self.commit();
        if let Some(i) = invalid.item {
            self.data.current = i;
        }
        self.focus(invalid.field);
    }

    /// After a save: item ids from the database, so the next save updates them.
    pub fn saved(&mut self, ins: &Inspection, saved_at: String) {
        self.commit();
        let keep = (self.data.current, self.data.field);
        let mut fresh = Form::from_inspection_data(ins);
        fresh.current = keep.0.min(fresh.items.len() - 1);
        fresh.field = keep.1;
        // Deadlines typed as shortcuts ("cuối quý") now read as the dates they became.
        self.data = fresh;
        self.editor = new_editor(
            self.data.text(self.data.field),
            self.data.field.single_line(),
        );
        self.dirty = false;
        self.draft_pending = false;
        self.saved_at = Some(saved_at);
        self.undo = None;
    }

    /// The form's data for a saved inspection: what was typed, as it was saved.
    fn from_inspection_data(ins: &Inspection) -> FormData {
        let h = &ins.header;
        let mut items: Vec<ItemData> = ins
            .items
            .iter()
            .map(|i| ItemData {
                id: Some(i.id),
                kind: i.kind,
                text: i.text.clone(),
                unit: match (i.unit_id, &i.unit_name) {
                    (Some(u), Some(n)) if u != h.unit_id => n.clone(),
                    _ => String::new(),
                },
                deadline: i.deadline.map(fmt_date).unwrap_or_default(),
                has_task: i.task_id.is_some(),
            })
            .collect();
        if items.is_empty() {
            items.push(ItemData::default());
        }
        FormData {
            inspection_id: Some(h.id),
            unit_id: h.unit_id,
            unit_name: h.unit_name.clone(),
            held_on: h.held_on.map(fmt_date).unwrap_or_default(),
            place: h.place.clone(),
            chair_name: h.chair_name.clone(),
            chair_title: h.chair_title.clone(),
            members: h.members.clone(),
            attendees: h.attendees.clone(),
            report: h.report.clone(),
            items,
            removed: Vec::new(),
            current: 0,
            field: Field::ItemText,
        }
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
