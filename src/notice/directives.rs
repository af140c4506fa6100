//! The directives of the notice, grouped by the unit that carries them out: the
//! inspected unit first, then the others in the order they were first named. The
//! groups make a section of the body, and their units are among the recipients.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::inspection::ItemKind;
use crate::domain::text::fold;
use crate::domain::unit::UnitKind;
use crate::i18n::T;
use crate::model::Inspection;

use super::model::{Group, UnitInfo};
use super::text::{date_short, lines, unit_body, vi};

/// The units a notice names: the inspected one and those its directives name, by id.
pub struct Units<'a> {
    known: &'a HashMap<i64, UnitInfo>,
    inspected_id: i64,
    /// As the map gives it, else by the inspection's name for it (its kind a guess).
    pub inspected: UnitInfo,
}

impl<'a> Units<'a> {
    pub fn new(ins: &Inspection, known: &'a HashMap<i64, UnitInfo>) -> Units<'a> {
        let h = &ins.header;
        let inspected = known.get(&h.unit_id).cloned().unwrap_or(UnitInfo {
            name: h.unit_name.clone(),
            kind: UnitKind::Xa,
        });
        Units {
            known,
            inspected_id: h.unit_id,
            inspected,
        }
    }

    /// The unit that carries out a directive: the inspected unit when it names none; a
    /// unit the map lacks by the directive's name for it, taken for a department.
    fn of(&self, id: Option<i64>, name: Option<&str>) -> UnitInfo {
        match id {
            Some(id) if id == self.inspected_id => self.inspected.clone(),
            Some(id) => self.known.get(&id).cloned().unwrap_or(UnitInfo {
                name: name.unwrap_or_default().to_string(),
                kind: UnitKind::So,
            }),
            None => self.inspected.clone(),
        }
    }
}

/// One unit's directives, as paragraphs.
pub struct UnitDirectives {
    pub unit: UnitInfo,
    pub paragraphs: Vec<String>,
}

/// The directives by unit. Two ids that read as the same body ("UBND huyện Tràng
/// Định") make one group, so a unit is never told twice under two headings.
pub fn by_unit(ins: &Inspection, units: &Units) -> Vec<UnitDirectives> {
    let mut groups: Vec<UnitDirectives> = Vec::new();
    let mut directives: Vec<_> = ins
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::Directive)
        .collect();
    // A stable sort: the inspected unit's first, each side in the order entered.
    directives.sort_by_key(|i| i.unit_id.is_some_and(|u| u != units.inspected_id));
    for item in directives {
        let ps = paragraphs(&item.text, item.deadline);
        if ps.is_empty() {
            continue;
        }
        let who = units.of(item.unit_id, item.unit_name.as_deref());
        let key = fold(&unit_body(&who));
        match groups.iter_mut().find(|g| fold(&unit_body(&g.unit)) == key) {
            Some(g) => g.paragraphs.extend(ps),
            None => groups.push(UnitDirectives {
                unit: who,
                paragraphs: ps,
            }),
        }
    }
    groups
}

/// The section's groups, each headed "1. UBND huyện Tràng Định:".
pub fn groups(by_unit: &[UnitDirectives]) -> Vec<Group> {
    by_unit
        .iter()
        .enumerate()
        .map(|(n, d)| Group {
            heading: Some(format!("{}. {}:", n + 1, unit_body(&d.unit))),
            paragraphs: d.paragraphs.clone(),
        })
        .collect()
}

/// A directive's lines as paragraphs: the first starts with "- ", the last carries
/// the deadline, before its closing full stop or semicolon if it has one.
pub fn paragraphs(text: &str, deadline: Option<NaiveDate>) -> Vec<String> {
    let mut ps = lines(text);
    if ps.is_empty() {
        return ps;
    }
    let first = ps[0]
        .strip_prefix("- ")
        .or_else(|| ps[0].strip_prefix("+ "))
        .or_else(|| ps[0].strip_prefix("• "))
        .unwrap_or(&ps[0])
        .to_string();
    ps[0] = format!("- {first}");
    if let Some(d) = deadline {
        let last = ps.last_mut().expect("not empty");
        let note = format!("({}: {})", vi(T::NoticeDeadline), date_short(d));
        match last.char_indices().last() {
            Some((i, '.' | ';')) if !last.ends_with("./.") => {
                last.insert_str(i, &format!(" {note}"));
            }
            _ => {
                last.push(' ');
                last.push_str(&note);
            }
        }
    }
    ps
}
