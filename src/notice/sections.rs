//! The numbered sections of the body: results and shortcomings, directives, proposals.
//! A section with nothing to say is left out, and the others are numbered in order,
//! so the numbers never skip.

use crate::domain::inspection::ItemKind;
use crate::i18n::T;
use crate::model::{Inspection, ItemRow};

use super::directives::{self, UnitDirectives};
use super::model::{Group, Section};
use super::text::{lines, vi};

/// A section's heading before it is numbered, and its groups.
type Part = (&'static str, Vec<Group>);

/// The body's sections; `by_unit` are the directives, already grouped by unit.
pub fn sections(ins: &Inspection, by_unit: &[UnitDirectives]) -> Vec<Section> {
    let mut parts: Vec<Part> = Vec::new();
    parts.extend(findings(ins));
    if !by_unit.is_empty() {
        parts.push((vi(T::NoticeSecDirectives), directives::groups(by_unit)));
    }
    parts.extend(proposals(ins));
    parts
        .into_iter()
        .enumerate()
        .map(|(n, (heading, groups))| Section {
            heading: format!("{}. {heading}", roman(n)),
            groups,
        })
        .collect()
}

fn of_kind(ins: &Inspection, kind: ItemKind) -> impl Iterator<Item = &ItemRow> {
    ins.items.iter().filter(move |i| i.kind == kind)
}

/// Results and shortcomings: one section with a numbered group for each when there
/// are both, else the one there is, its paragraphs without a heading.
fn findings(ins: &Inspection) -> Option<Part> {
    let text = |kind| -> Vec<String> { of_kind(ins, kind).flat_map(|i| lines(&i.text)).collect() };
    let results = text(ItemKind::Result);
    let shortcomings = text(ItemKind::Shortcoming);
    match (results.is_empty(), shortcomings.is_empty()) {
        (false, false) => Some((
            vi(T::NoticeSecResultsAndShortcomings),
            vec![
                Group {
                    heading: Some(format!("1. {}", vi(T::NoticeSubResults))),
                    lead: None,
                    paragraphs: results,
                },
                Group {
                    heading: Some(format!("2. {}", vi(T::NoticeSubShortcomings))),
                    lead: None,
                    paragraphs: shortcomings,
                },
            ],
        )),
        (false, true) => Some((vi(T::NoticeSecResults), unheaded(results))),
        (true, false) => Some((vi(T::NoticeSecShortcomings), unheaded(shortcomings))),
        (true, true) => None,
    }
}

/// Proposals, each a bulleted paragraph like a directive's, without a deadline.
fn proposals(ins: &Inspection) -> Option<Part> {
    let items: Vec<Vec<String>> = of_kind(ins, ItemKind::Proposal)
        .map(|i| directives::paragraphs(&i.text, None))
        .filter(|ps| !ps.is_empty())
        .collect();
    let paragraphs = directives::list(&items);
    (!paragraphs.is_empty()).then(|| (vi(T::NoticeSecProposals), unheaded(paragraphs)))
}

fn unheaded(paragraphs: Vec<String>) -> Vec<Group> {
    vec![Group {
        heading: None,
        lead: None,
        paragraphs,
    }]
}

const ROMAN: [&str; 10] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

/// "I", "II"… for the `n`th section from 0; in figures past ten, which no notice has.
fn roman(n: usize) -> String {
    ROMAN
        .get(n)
        .map_or_else(|| (n + 1).to_string(), |r| r.to_string())
}
