//! Checking what was typed before a save, pointing at what is wrong, and taking the
//! saved inspection back in.

use super::{Field, Form, FormData, new_editor};
use crate::domain::format::parse_date;
use crate::domain::inspection::{ItemKind, parse_deadline};
use crate::domain::office::{OfficeOf, office_of};
use crate::i18n::{T, t};
use crate::model::{Inspection, InspectionInput, ItemInput, UnitLookup};
use crate::store::Store;
use chrono::NaiveDate;

/// Where a validation error points, so the cursor can go there.
#[derive(Debug, Clone, PartialEq)]
pub struct Invalid {
    pub item: Option<usize>,
    pub field: Field,
    pub message: String,
    /// A unit's name several units have: each as a name that means it alone, for the
    /// user to choose from.
    pub choices: Vec<String>,
}

impl Form {
    /// Checks what was typed and turns it into what the store saves.
    pub fn validate(&mut self, store: &Store) -> Result<InspectionInput, Invalid> {
        self.commit();
        let d = &self.data;
        let held_on = parse_date(&d.held_on).map_err(|e| Invalid {
            item: None,
            field: Field::Date,
            message: format!("{}: {e}", Field::Date.label()),
            choices: Vec::new(),
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
                choices: Vec::new(),
            };
            let (mut unit_id, mut office, mut deadline) = (None, None, None);
            if it.kind == ItemKind::Directive {
                let typed = it.unit.trim();
                match &it.saved_unit {
                    _ if typed.is_empty() => {}
                    Some(s) if s.text.trim() == typed => {
                        unit_id = Some(s.id);
                        office = s.office.then(|| typed.to_string());
                    }
                    _ => {
                        let (id, o) = find_unit(store, typed, d.unit_id, held_on).map_err(
                            |(msg, choices)| Invalid {
                                choices,
                                ..err(Field::ItemUnit, msg)
                            },
                        )?;
                        (unit_id, office) = (Some(id), o);
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
                office,
            });
        }
        if items.is_empty() {
            return Err(Invalid {
                item: Some(0),
                field: Field::ItemText,
                message: t(T::FormEmpty).to_string(),
                choices: Vec::new(),
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

    /// Writes the unit chosen among namesakes into item `i`'s unit field, the cursor
    /// there.
    pub fn set_item_unit(&mut self, i: usize, name: &str) {
        if i >= self.data.items.len() {
            return;
        }
        self.show(&Invalid {
            item: Some(i),
            field: Field::ItemUnit,
            message: String::new(),
            choices: Vec::new(),
        });
        self.complete(name);
    }

    /// After a save: item ids from the database, so the next save updates them.
    pub fn saved(&mut self, ins: &Inspection, saved_at: String) {
        self.commit();
        let keep = (self.data.current, self.data.field);
        let mut fresh = FormData::from_saved(ins);
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
}

/// The unit a directive's unit field names on a date, and the office it named if it
/// was the unit's own; or the message, with the names to choose from when several
/// units have the name.
fn find_unit(
    store: &Store,
    typed: &str,
    inspected: i64,
    on: NaiveDate,
) -> Result<(i64, Option<String>), (String, Vec<String>)> {
    let look = |name: &str| {
        store
            .find_unit(name, on)
            .map_err(|e| (e.to_string(), Vec::new()))
    };
    let unknown = |close: Vec<String>| {
        let mut msg = format!("{} «{typed}»", t(T::ErrUnknownUnit));
        if !close.is_empty() {
            msg += &format!("; {}: {}", t(T::ErrClosest), close.join(", "));
        }
        (msg, Vec::new())
    };
    match look(typed)? {
        UnitLookup::Found(id, _) => Ok((id, None)),
        UnitLookup::Ambiguous(names) => {
            Err((t(T::ErrAmbiguousUnit).replace("{name}", typed), names))
        }
        UnitLookup::NotFound(close) => match office_of(typed) {
            Some(OfficeOf::Inspected) => Ok((inspected, Some(typed.to_string()))),
            Some(OfficeOf::Named(unit)) => match look(&unit)? {
                UnitLookup::Found(id, _) => Ok((id, Some(typed.to_string()))),
                _ => Err(unknown(close)),
            },
            None => Err(unknown(close)),
        },
    }
}
