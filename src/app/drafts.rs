//! Drafts: the open form's, written as it is typed; those left by a window that is
//! gone, offered back at start; and the list of drafts (left unsaved, or discarded and
//! kept some days) from which one is restored into the form.

use std::time::{Duration, Instant};

use chrono::Local;

use super::{App, DialogDraft, EditDialog, Form, FormData, Layer, Overlay, StatusKind};
use crate::i18n::{T, t};
use crate::keymap::{Command, Mode};
use crate::model::DraftRow;

/// A discarded draft is kept this long, listed and restorable, then purged at a start.
pub const KEEP_DISCARDED_DAYS: i64 = 14;

/// Keys typed within this of a question tct opened by itself, or of the last such
/// key, are a burst typed on from before it showed: it does not act on them.
pub const GUARD: Duration = Duration::from_millis(500);

/// A draft as the list shows it, read once from its body.
#[derive(Debug, Clone)]
pub struct DraftEntry {
    pub row: DraftRow,
    pub unit_name: String,
    /// The inspection's date as typed in the form.
    pub held_on: String,
    /// The first item's text, for telling two drafts of one unit apart; for an edit
    /// dialog's draft, what it edits and what was typed.
    pub first_words: String,
    /// The draft is an edit dialog's, of this title.
    pub dialog: Option<T>,
}

impl DraftEntry {
    fn new(row: DraftRow) -> DraftEntry {
        if let Ok(d) = serde_json::from_str::<DialogDraft>(&row.body) {
            return DraftEntry {
                first_words: d.line(),
                dialog: Some(EditDialog::from_draft(&d).title),
                row,
                unit_name: String::new(),
                held_on: String::new(),
            };
        }
        let data = serde_json::from_str::<FormData>(&row.body).ok();
        let (unit_name, held_on, first_words) = match data {
            Some(d) => {
                let words = d
                    .items
                    .iter()
                    .map(|i| i.text.trim())
                    .find(|s| !s.is_empty())
                    .unwrap_or_default()
                    .replace('\n', " ");
                (d.unit_name, d.held_on, words)
            }
            None => (String::new(), String::new(), String::new()),
        };
        DraftEntry {
            row,
            unit_name,
            held_on,
            first_words,
            dialog: None,
        }
    }
}

/// The list of drafts over the dashboard.
#[derive(Debug, Clone)]
pub struct DraftList {
    pub entries: Vec<DraftEntry>,
    pub selected: usize,
    /// Opened by tct itself (at start, or before a form of a record that has one):
    /// only drafts left unsaved, and closed when none is left.
    pub offered: bool,
}

fn stamp(at: chrono::DateTime<Local>) -> String {
    at.format("%Y-%m-%d %H:%M:%S").to_string()
}

impl App {
    /// At start: discarded drafts past their days go, and drafts left by windows that
    /// are gone are offered back.
    pub(super) fn offer_drafts_at_start(&mut self) {
        if !self.store.read_only() {
            let before = Local::now() - chrono::Duration::days(KEEP_DISCARDED_DAYS);
            // Housekeeping: a failure here costs nothing but room.
            let _ = self.store.tidy_drafts(&stamp(before));
        }
        if let Ok(left) = self.store.drafts_left()
            && !left.is_empty()
        {
            self.offer(left);
        }
    }

    /// Opens the list of `rows` unasked, guarded against keys typed on.
    fn offer(&mut self, rows: Vec<DraftRow>) {
        let entries = rows.into_iter().map(DraftEntry::new).collect();
        self.layers
            .push(Layer::Overlay(Overlay::Drafts(Box::new(DraftList {
                entries,
                selected: 0,
                offered: true,
            }))));
        self.burst_until = Some(self.now + GUARD);
    }

    /// Before a form of a record opens: a draft of that same record left unsaved is
    /// offered first, so two versions of one record never go on side by side. True
    /// when one was.
    pub(super) fn offer_drafts_of(&mut self, unit_id: i64, inspection_id: Option<i64>) -> bool {
        let same: Vec<DraftRow> = match self.store.drafts_left() {
            Ok(rows) => rows
                .into_iter()
                .filter(|d| d.inspection_id == inspection_id)
                .filter(|d| inspection_id.is_some() || d.unit_id == Some(unit_id))
                .collect(),
            Err(_) => Vec::new(),
        };
        if same.is_empty() {
            return false;
        }
        self.offer(same);
        self.say(StatusKind::Problem, t(T::DraftOfThisForm));
        true
    }

    /// `b`: every draft no window holds, the unsaved first, then the discarded.
    pub(super) fn open_drafts(&mut self) {
        let rows = self.store.drafts_left().and_then(|mut left| {
            left.extend(self.store.drafts_discarded()?);
            Ok(left)
        });
        match rows {
            Ok(rows) => {
                let entries = rows.into_iter().map(DraftEntry::new).collect();
                self.layers
                    .push(Layer::Overlay(Overlay::Drafts(Box::new(DraftList {
                        entries,
                        selected: 0,
                        offered: false,
                    }))));
            }
            Err(e) => self.fail(e),
        }
    }

    fn draft_list_mut(&mut self) -> Option<&mut DraftList> {
        match self.layers.overlay_mut() {
            Some(Overlay::Drafts(list)) => Some(list),
            _ => None,
        }
    }

    /// Whether the top layer is the list tct opened by itself and a key at `at`
    /// belongs to a burst typed on since: then it is not acted on, and the burst goes on.
    pub(super) fn typed_on(&mut self, at: Instant) -> bool {
        let offered = matches!(
            self.layers.top(),
            Some(Layer::Overlay(Overlay::Drafts(list))) if list.offered
        );
        if !offered || self.burst_until.is_none_or(|until| at >= until) {
            return false;
        }
        self.burst_until = Some(at + GUARD);
        true
    }

    /// The list's keys; false for a command it leaves to the overlays' own.
    pub(super) fn drafts_command(&mut self, c: Command) -> bool {
        let Some(list) = self.draft_list_mut() else {
            return false;
        };
        match c {
            Command::Up | Command::Down => {
                let last = list.entries.len().saturating_sub(1);
                list.selected = match c {
                    Command::Up => list.selected.saturating_sub(1),
                    _ => (list.selected + 1).min(last),
                };
            }
            Command::Open => {
                let entry = list.entries.get(list.selected).cloned();
                if let Some(entry) = entry {
                    self.restore(entry);
                }
            }
            Command::DropDraft => self.drop_selected(),
            _ => return false,
        }
        true
    }

    /// Takes the draft over from the window that left it and opens it in the form.
    fn restore(&mut self, entry: DraftEntry) {
        if let Ok(d) = serde_json::from_str::<DialogDraft>(&entry.row.body) {
            return self.restore_dialog(entry, &d);
        }
        let data = match serde_json::from_str::<FormData>(&entry.row.body) {
            Ok(d) => d,
            Err(e) => {
                return self.say(
                    StatusKind::Problem,
                    format!("{}: {e}", t(T::DraftUnreadable)),
                );
            }
        };
        match self
            .store
            .take_draft(entry.row.id, entry.row.owner.as_deref())
        {
            Ok(true) => {}
            Ok(false) => {
                self.say(StatusKind::Problem, t(T::DraftTaken));
                return self.refresh_list();
            }
            Err(e) => return self.fail(e),
        }
        self.layers.pop(Mode::Overlay);
        let mut form = Form::from_data(data, &self.store, &self.ctx);
        form.dirty = true;
        form.draft_id = Some(entry.row.id);
        self.layers.push(Layer::Form(Box::new(form)));
    }

    /// The same for an edit dialog's draft: the dialog opens again with its text.
    fn restore_dialog(&mut self, entry: DraftEntry, draft: &DialogDraft) {
        if self.store.read_only() {
            return self.say(StatusKind::Problem, t(T::ReadOnlyNoEdit));
        }
        match self
            .store
            .take_draft(entry.row.id, entry.row.owner.as_deref())
        {
            Ok(true) => {}
            Ok(false) => {
                self.say(StatusKind::Problem, t(T::DraftTaken));
                return self.refresh_list();
            }
            Err(e) => return self.fail(e),
        }
        self.layers.pop(Mode::Overlay);
        let mut d = EditDialog::from_draft(draft);
        d.draft_id = Some(entry.row.id);
        self.layers.push(Layer::Edit(Box::new(d)));
    }

    /// Ctrl-X in the list: an unsaved draft becomes a discarded one, kept and listed.
    fn drop_selected(&mut self) {
        let Some(entry) = self
            .draft_list_mut()
            .and_then(|l| l.entries.get(l.selected).cloned())
        else {
            return;
        };
        if entry.row.discarded_at.is_some() {
            return;
        }
        let at = stamp(Local::now());
        match self
            .store
            .discard_draft(entry.row.id, entry.row.owner.as_deref(), &at)
        {
            Ok(true) => self.say(StatusKind::Good, t(T::DraftDropped)),
            Ok(false) => self.say(StatusKind::Problem, t(T::DraftTaken)),
            Err(e) => return self.fail(e),
        }
        self.refresh_list();
    }

    /// The list read again after a change; an offered list closes once it is empty.
    fn refresh_list(&mut self) {
        let Some(offered) = self.draft_list_mut().map(|l| l.offered) else {
            return;
        };
        let rows = if offered {
            self.store.drafts_left()
        } else {
            self.store.drafts_left().and_then(|mut left| {
                left.extend(self.store.drafts_discarded()?);
                Ok(left)
            })
        };
        let rows = match rows {
            Ok(rows) => rows,
            Err(e) => return self.fail(e),
        };
        if offered && rows.is_empty() {
            self.layers.pop(Mode::Overlay);
            return;
        }
        if let Some(list) = self.draft_list_mut() {
            list.entries = rows.into_iter().map(DraftEntry::new).collect();
            list.selected = list.selected.min(list.entries.len().saturating_sub(1));
        }
    }

    /// Writes the form's draft when typing has gone on long enough since the last
    /// write, or at once when `now`. A failed write is said on the status line; the
    /// text stays. Returns whether the draft on disk holds everything typed.
    pub(super) fn write_draft(&mut self, now: bool) -> bool {
        let Some(form) = self.layers.form_mut() else {
            return false;
        };
        if self.store.read_only() {
            return false;
        }
        if !form.draft_pending {
            return form.draft_id.is_some();
        }
        let due = form
            .last_draft
            .is_none_or(|t| t.elapsed() >= super::DRAFT_EVERY);
        if !(now || due) {
            return false;
        }
        let body = form.draft_body();
        let (unit, inspection) = (form.data.unit_id, form.data.inspection_id);
        let written =
            self.store
                .save_draft(form.draft_id, unit, inspection, &body, &stamp(Local::now()));
        match written {
            Ok(id) => {
                form.draft_id = Some(id);
                form.draft_pending = false;
                form.last_draft = Some(Instant::now());
                true
            }
            Err(e) => {
                // Kept in memory and tried again a moment later, not at every wake.
                form.last_draft = Some(Instant::now());
                self.say(StatusKind::Problem, format!("{}: {e}", t(T::NotSaved)));
                false
            }
        }
    }

    /// Leaving the form without saving: its draft, written whole first, is kept as a
    /// discarded one. Returns whether it was.
    pub(super) fn discard_form_draft(&mut self) -> bool {
        self.write_draft(true);
        let Some(id) = self.layers.form().and_then(|f| f.draft_id) else {
            return false;
        };
        let owner = self.store.owner().to_string();
        let at = stamp(Local::now());
        match self.store.discard_draft(id, Some(&owner), &at) {
            Ok(kept) => kept,
            Err(e) => {
                self.fail(e);
                false
            }
        }
    }
}
