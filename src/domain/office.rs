//! A directive may be for a unit's own office rather than a unit: "Phòng Tài chính -
//! Kế hoạch huyện", "Văn phòng HĐND và UBND xã", "Trung tâm Y tế huyện Tràng Định".
//! Such a name is kept as text with the task, which counts under the unit: the one
//! named after the kind word, or else the unit inspected.

use super::text::fold;
use super::unit::UnitKind;

/// How an office's name begins, folded.
const HEADS: &[&str] = &[
    "phong ",
    "van phong ",
    "trung tam ",
    "ban ",
    "doi ",
    "hat ",
    "bo phan ",
    "to ",
];

/// Kind words a name can end its office's name with, folded, longest first.
const KINDS: &[(&str, UnitKind)] = &[
    ("thanh pho", UnitKind::ThanhPho),
    ("thi tran", UnitKind::ThiTran),
    ("thi xa", UnitKind::ThiXa),
    ("huyen", UnitKind::Huyen),
    ("phuong", UnitKind::Phuong),
    ("xa", UnitKind::Xa),
    ("tinh", UnitKind::Tinh),
];

/// Whose office a name is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OfficeOf {
    /// No unit named: the one inspected ("Phòng Tài chính - Kế hoạch huyện").
    Inspected,
    /// The unit named after the kind word, as written: "huyện Tràng Định".
    Named(String),
}

/// The unit an office's name belongs to, if the name is an office's: it begins with
/// an office word and is not the province's ("Văn phòng UBND tỉnh" is a body of its
/// own, never a unit's office).
pub fn office_of(name: &str) -> Option<OfficeOf> {
    let folded = fold(name.trim());
    if !HEADS.iter().any(|h| folded.starts_with(h)) {
        return None;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    // The last kind word at the end or before a proper name ("huyện Tràng Định", not
    // the "Xã hội" of "Phòng Văn hóa - Xã hội"): what follows it names the unit.
    let named_after = |i: usize| {
        words
            .get(i + 1)
            .is_none_or(|w| w.chars().next().is_some_and(char::is_uppercase))
    };
    let found = (1..words.len())
        .rev()
        .filter(|i| named_after(*i))
        .find_map(|i| {
            KINDS.iter().find_map(|(k, kind)| {
                let n = k.split(' ').count();
                let start = (i + 1).checked_sub(n)?;
                (start > 0 && fold(&words[start..=i].join(" ")) == *k).then_some((start, i, *kind))
            })
        });
    match found {
        None => Some(OfficeOf::Inspected),
        Some((_, _, UnitKind::Tinh)) => None,
        Some((_, end, _)) if end + 1 == words.len() => Some(OfficeOf::Inspected),
        Some((start, _, _)) => Some(OfficeOf::Named(words[start..].join(" "))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offices_of_the_unit_inspected_and_of_a_named_one() {
        for name in [
            "Phòng Tài chính - Kế hoạch huyện",
            "Văn phòng HĐND và UBND xã",
            "Phòng Nội vụ",
            "Trung tâm Phục vụ hành chính công thành phố",
            "Phòng Văn hóa - Xã hội",
        ] {
            assert_eq!(office_of(name), Some(OfficeOf::Inspected), "{name}");
        }
        assert_eq!(
            office_of("Trung tâm Y tế huyện Tràng Định"),
            Some(OfficeOf::Named("huyện Tràng Định".into()))
        );
        assert_eq!(
            office_of("Phòng Kinh tế thành phố Lạng Sơn"),
            Some(OfficeOf::Named("thành phố Lạng Sơn".into()))
        );
    }

    #[test]
    fn units_and_the_provinces_own_bodies_are_no_units_office() {
        for name in [
            "Sở Tài chính",
            "Tràng Định",
            "Văn phòng UBND tỉnh",
            "Ban Quản lý dự án tỉnh",
            "UBND huyện Tràng Định",
        ] {
            assert_eq!(office_of(name), None, "{name}");
        }
    }
}
