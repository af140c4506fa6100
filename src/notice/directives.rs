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
            card: None,
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
                card: None,
            }),
            None => self.inspected.clone(),
        }
    }
}

/// One unit's directives, each as its paragraphs.
pub struct UnitDirectives {
    pub unit: UnitInfo,
    /// The inspected unit is asked to focus on its tasks; others to carry out theirs.
    pub inspected: bool,
    pub items: Vec<Vec<String>>,
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
    let inspected = fold(&unit_body(&units.inspected));
    for item in directives {
        let ps = paragraphs(&item.text, item.deadline);
        if ps.is_empty() {
            continue;
        }
        let who = units.of(item.unit_id, item.unit_name.as_deref());
        let key = fold(&unit_body(&who));
        match groups.iter_mut().find(|g| fold(&unit_body(&g.unit)) == key) {
            Some(g) => g.items.push(ps),
            None => groups.push(UnitDirectives {
                unit: who,
                inspected: key == inspected,
                items: vec![ps],
            }),
        }
    }
    groups
}

/// The section's groups. Each unit's list is introduced by a sentence that asks it
/// to act ("Đề nghị UBND huyện Tràng Định tập trung thực hiện tốt các nhiệm vụ
/// sau:"): a plain lead for a single unit, a numbered heading for each of several.
pub fn groups(by_unit: &[UnitDirectives]) -> Vec<Group> {
    let several = by_unit.len() > 1;
    by_unit
        .iter()
        .enumerate()
        .map(|(n, d)| {
            let ask = if d.inspected {
                T::NoticeDirectivesLead
            } else {
                T::NoticeDirectivesLeadOther
            };
            let sentence = vi(ask).replace("{body}", &unit_body(&d.unit));
            Group {
                heading: several.then(|| format!("{}. {sentence}", n + 1)),
                lead: (!several).then_some(sentence),
                paragraphs: list(&d.items),
            }
        })
        .collect()
}

/// The items of a list as paragraphs, as an administrative text punctuates them: ";"
/// after each, "." after the last (the notice's own end, "./.", is its closing
/// sentence's).
pub fn list(items: &[Vec<String>]) -> Vec<String> {
    let n = items.len();
    items
        .iter()
        .enumerate()
        .flat_map(|(i, lines)| {
            let mut lines = lines.clone();
            if let Some(last) = lines.last_mut() {
                *last = end_with(last, if i + 1 == n { "." } else { ";" });
            }
            lines
        })
        .collect()
}

/// A line without its closing mark ("./.", ".", ";", ","), as typed.
fn unpunctuated(line: &str) -> &str {
    line.trim_end()
        .trim_end_matches("./.")
        .trim_end_matches(['.', ';', ','])
        .trim_end()
}

/// The line with `mark` for its closing mark; one that ends in ":", "!" or "?" keeps
/// its own.
fn end_with(line: &str, mark: &str) -> String {
    let core = unpunctuated(line);
    if core.ends_with([':', '!', '?']) {
        core.to_string()
    } else {
        format!("{core}{mark}")
    }
}

/// A directive's lines as paragraphs: the first starts with "- ", the last carries
/// the deadline; `list` gives the closing marks.
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
        *last = format!("{} {note}", unpunctuated(last));
    }
    ps
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(texts: &[&str]) -> Vec<Vec<String>> {
        texts.iter().map(|t| paragraphs(t, None)).collect()
    }

    #[test]
    fn a_list_ends_items_with_semicolons_and_the_last_with_a_full_stop() {
        assert_eq!(
            list(&items(&["Một.", "Hai", "Ba;\ndòng tiếp,", "Bốn./."])),
            ["- Một;", "- Hai;", "- Ba;", "dòng tiếp;", "- Bốn."]
        );
        assert_eq!(list(&items(&["Gồm:"])), ["- Gồm:"]);
        let d = crate::domain::format::parse_date("31/12/2022").unwrap();
        assert_eq!(
            list(&[paragraphs("Thu ngân sách.", Some(d))]),
            ["- Thu ngân sách (Thời hạn: 31/12/2022)."]
        );
    }
}
