//! What is typed into the form, as plain strings: the fields, the items, and the
//! data the draft holds.

use serde::{Deserialize, Serialize};

use crate::domain::format::fmt_date;
use crate::domain::inspection::ItemKind;
use crate::i18n::{T, t};
use crate::model::{Inspection, ItemRow, TaskFate};

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
    pub(super) fn holds_people(self) -> bool {
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
    /// The unit the directive was saved for, and the text the field then showed: the
    /// same text saves for the same unit without being looked up again (a namesake
    /// or a unit abolished since would need saying which).
    #[serde(default)]
    pub saved_unit: Option<SavedUnit>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedUnit {
    pub id: i64,
    pub text: String,
    /// The text is the unit's own office's name.
    pub office: bool,
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
    /// The date the user chose to record a second inspection of the unit on (asked
    /// when the form opened, or at the save): a save on it asks no more. Kept in the
    /// draft, so a form restored keeps the answer.
    #[serde(default)]
    pub second_of_day: Option<chrono::NaiveDate>,
}

impl FormData {
    pub(super) fn text_mut(&mut self, f: Field) -> &mut String {
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
    pub(super) fn order(&self) -> Vec<Field> {
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

    /// The data of a saved inspection: what was typed, as it was saved.
    pub(super) fn from_saved(ins: &Inspection) -> FormData {
        let h = &ins.header;
        let mut items: Vec<ItemData> = ins
            .items
            .iter()
            .map(|i| ItemData {
                id: Some(i.id),
                kind: i.kind,
                text: i.text.clone(),
                unit: unit_text(i, h.unit_id),
                saved_unit: i.unit_id.map(|id| SavedUnit {
                    id,
                    text: unit_text(i, h.unit_id),
                    office: i.office.is_some(),
                }),
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
            second_of_day: None,
        }
    }
}

/// A saved directive's unit as its field shows it: the office it named, else the
/// unit as the panes label it, empty for the unit inspected.
fn unit_text(i: &ItemRow, inspected: i64) -> String {
    match (&i.office, i.unit_id, &i.unit_label, &i.unit_name) {
        (Some(office), ..) => office.clone(),
        (None, Some(u), Some(l), _) if u != inspected => l.clone(),
        (None, Some(u), None, Some(n)) if u != inspected => n.clone(),
        _ => String::new(),
    }
}
