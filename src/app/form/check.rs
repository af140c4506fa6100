//! Checking what was typed before a save, pointing at what is wrong, and taking the
//! saved inspection back in.

use super::{Field, Form, FormData, new_editor};
use crate::domain::format::parse_date;
use crate::domain::inspection::{ItemKind, parse_deadline};
use crate::i18n::{T, t};
use crate::model::{Inspection, InspectionInput, ItemInput, UnitLookup};
use crate::store::Store;

/// Where a validation error points, so the cursor can go there.
#[derive(Debug, Clone, PartialEq)]
pub struct Invalid {
    pub item: Option<usize>,
    pub field: Field,
    pub message: String,
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
        if items.is_empty() {
            return Err(Invalid {
                item: Some(0),
                field: Field::ItemText,
                message: t(T::FormEmpty).to_string(),
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
