//! The exchange between laptops as the app shows it (sync, issue 15): the title's
//! word of when this copy last took in another laptop's changes and how many
//! conflicts wait, and the conflicts' list (`c`), where a person keeps the value now
//! (Ctrl-K) or puts back the value written over (Ctrl-R). Both are read at the start
//! and after each write the app makes, never on a timer. Each decision is one
//! transaction that travels to the other laptops.

use super::{App, Layer, Overlay, StatusKind};
use crate::i18n::{T, t};
use crate::keymap::{Command, Mode, Scope, keys_of};
use crate::store::{ConflictRow, Decision};
use crate::sync::words::{field_word, kind_words, local_time, table_word, value_words, when_words};

/// A conflict as the list shows it, in a person's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictLine {
    /// The same on every laptop: what a decision names.
    pub id: String,
    /// "Nhiệm vụ «Khắc phục…»": what the row is.
    pub what: String,
    /// "hạn xử lý" for a value written over; otherwise what happened.
    pub field: String,
    /// The value now and the value written over, as the screens show them (dates
    /// dd/mm/yyyy); none when no value was written over.
    pub values: Option<(String, String)>,
    /// The laptop whose change won, and when it was made (this computer's time).
    pub by: String,
    pub at: String,
    /// The value written over can be put back.
    pub restorable: bool,
}

impl ConflictLine {
    fn of(r: &ConflictRow) -> ConflictLine {
        let what = if r.about.is_empty() {
            table_word(&r.table).to_string()
        } else {
            format!("{} «{}»", table_word(&r.table), r.about)
        };
        let restorable = r.kind == "overwritten" && !r.column.is_empty();
        let (field, values) = if r.kind == "overwritten" {
            (
                field_word(&r.table, &r.column).to_string(),
                Some((
                    value_words(r.won.as_deref()),
                    value_words(r.lost.as_deref()),
                )),
            )
        } else {
            (kind_words(&r.kind).to_string(), None)
        };
        ConflictLine {
            id: r.id.clone(),
            what,
            field,
            values,
            by: r.by.clone(),
            at: when_words(&r.at),
            restorable,
        }
    }
}

/// What the title says of the exchange between laptops.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exchange {
    /// When a bundle from another laptop was last taken in, as "01/12 20:15" in this
    /// computer's time; none before the first.
    pub last: Option<String>,
    /// Conflicts no one has decided yet.
    pub conflicts: usize,
}

impl App {
    /// The title's word of the exchange, read again: nothing for a database that
    /// never took in another laptop's changes and has no conflict.
    pub(super) fn reload_exchange(&mut self) {
        // A database the app cannot read this from has nothing to say of it: the
        // title stays as it was before there was an exchange.
        self.exchange = match self.store.sync_glance() {
            Ok((last, conflicts)) if last.is_some() || conflicts > 0 => Some(Exchange {
                last: last.map(|at| local_time(&at, true)),
                conflicts,
            }),
            _ => None,
        };
    }

    /// `c`: the conflicts that wait, over the whole screen.
    pub(super) fn open_conflicts(&mut self) {
        match self.store.sync_conflicts(false) {
            Ok(rows) => {
                let rows = rows.iter().map(ConflictLine::of).collect();
                self.layers
                    .push(Layer::Overlay(Overlay::Conflicts { rows, selected: 0 }));
            }
            Err(e) => self.fail(e),
        }
    }

    /// The list read again after a decision, the selection where it was.
    fn reload_conflicts(&mut self) {
        let fresh = match self.store.sync_conflicts(false) {
            Ok(rows) => rows.iter().map(ConflictLine::of).collect::<Vec<_>>(),
            Err(e) => return self.fail(e),
        };
        if let Some(Overlay::Conflicts { rows, selected }) = self.layers.overlay_mut() {
            *selected = (*selected).min(fresh.len().saturating_sub(1));
            *rows = fresh;
        }
    }

    fn conflict_selected(&self) -> Option<ConflictLine> {
        match self.layers.overlay() {
            Some(Overlay::Conflicts { rows, selected }) => rows.get(*selected).cloned(),
            _ => None,
        }
    }

    /// The list's own keys; false for the others, which the overlay handles.
    pub(super) fn conflicts_command(&mut self, c: Command) -> bool {
        if !matches!(self.layers.overlay(), Some(Overlay::Conflicts { .. })) {
            return false;
        }
        match c {
            Command::KeepConflict => self.decide(Decision::Keep),
            Command::RestoreConflict => self.decide(Decision::Restore),
            _ => return false,
        }
        true
    }

    /// Ctrl-K or Ctrl-R on the selected conflict: one transaction, then the list, the
    /// panes and the title read again, and the status line says what was done.
    fn decide(&mut self, decision: Decision) {
        let Some(line) = self.conflict_selected() else {
            return;
        };
        if self.store.read_only() {
            return self.say(StatusKind::Problem, t(T::ReadOnlyNoEdit));
        }
        if decision == Decision::Restore && !line.restorable {
            let key = keys_of(Mode::Overlay, Scope::Conflicts, Command::KeepConflict);
            return self.say(
                StatusKind::Problem,
                format!("{} {key}", t(T::ConflictNoRestore)),
            );
        }
        match self.store.decide_conflict(&line.id, decision) {
            Ok(_) => {
                let (done, value) = match (decision, &line.values) {
                    (Decision::Keep, Some((now, _))) => (T::ConflictKept, Some(now)),
                    (Decision::Restore, Some((_, over))) => (T::ConflictRestored, Some(over)),
                    (Decision::Keep, None) => (T::ConflictKept, None),
                    (Decision::Restore, None) => (T::ConflictRestored, None),
                };
                let value = value.map(|v| format!(" {v}")).unwrap_or_default();
                self.say(
                    StatusKind::Good,
                    format!("{}: {} · {}{value}", t(done), line.what, line.field),
                );
            }
            Err(e) => self.fail(e),
        }
        self.data_changed();
        self.reload_conflicts();
    }
}
