//! Names of a file no unit has: listed once each with the closest names and how to go
//! on; created with `--them-don-vi` (kind guessed from the name) or mapped to a unit
//! with `--anh-xa "A=B"`, which is remembered as an alias.

use chrono::NaiveDate;

use crate::domain::text::nfc;
use crate::domain::unit::UnitKind;
use crate::error::{Error, Result};
use crate::i18n::{T, t};
use crate::model::{AliasRec, NewUnit};
use crate::store::{Store, Tx};

use super::resolve::{UnitIndex, Unknown, abbrev_key, norm, parse_kind};

/// The list of unknown names for the error that stops an import; empty when none.
pub fn report(unknown: &[Unknown]) -> String {
    if unknown.is_empty() {
        return String::new();
    }
    let mut s = format!("\n{} ({}):", t(T::ImpUnknownUnits), unknown.len());
    for u in unknown {
        let (name, kind) = guess(&u.name);
        s.push_str(&format!(
            "\n  «{}»: {} {}",
            crate::domain::text::printable(&u.name),
            u.rows.len(),
            t(T::ImpRows)
        ));
        if !u.closest.is_empty() {
            s.push_str(&format!("; {}: {}", t(T::ErrClosest), u.closest.join(", ")));
        }
        s.push_str(&format!(
            " → {}: {name} ({})",
            t(T::ImpAddUnitsFlag),
            crate::words::kind_word(kind)
        ));
    }
    s.push_str(&format!("\n{}", t(T::ImpUnknownHow)));
    s
}

/// The unit a name would be made as: its name and kind, guessed from the words in
/// front ("UBND xã Tân Tiến" → Tân Tiến, xã; "Phường Kỳ Lừa" → Kỳ Lừa, phường);
/// anything else is a provincial body (sở, ban, ngành) named as written, without a
/// sub-office in brackets.
pub fn guess(written: &str) -> (String, UnitKind) {
    let mut name = nfc(written.trim());
    if let Some((base, rest)) = name.rsplit_once('(')
        && parse_kind(rest.trim_end_matches(')')).is_none()
        && !base.trim().is_empty()
    {
        name = base.trim().to_string();
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut skip = 0;
    if words
        .first()
        .is_some_and(|w| matches!(norm(w).as_str(), "ubnd"))
    {
        skip = 1;
    } else if words.len() > 3 && norm(&words[..4].join(" ")) == "uy ban nhan dan" {
        skip = 4;
    }
    const KINDS: [(&str, usize, UnitKind); 8] = [
        ("thanh pho", 2, UnitKind::ThanhPho),
        ("thi tran", 2, UnitKind::ThiTran),
        ("thi xa", 2, UnitKind::ThiXa),
        ("phuong", 1, UnitKind::Phuong),
        ("huyen", 1, UnitKind::Huyen),
        ("xa", 1, UnitKind::Xa),
        ("tp", 1, UnitKind::ThanhPho),
        ("tt", 1, UnitKind::ThiTran),
    ];
    for (word, n, kind) in KINDS {
        if words.len() > skip + n && norm(&words[skip..skip + n].join(" ")) == word {
            return (words[skip + n..].join(" "), kind);
        }
    }
    (name, UnitKind::So)
}

/// Makes a unit of each unknown name, under the province (the one valid on the
/// day, if one), and says what was made.
pub fn add(store: &Store, tx: &Tx, unknown: &[Unknown], on: NaiveDate) -> Result<Vec<String>> {
    let units = store.import_units()?;
    let provinces: Vec<i64> = units
        .iter()
        .filter(|u| u.kind == UnitKind::Tinh)
        .filter(|u| u.valid_from.is_none_or(|f| f <= on) && u.valid_to.is_none_or(|t| t >= on))
        .map(|u| u.id)
        .collect();
    let parent_id = match provinces.as_slice() {
        [one] => Some(*one),
        _ => None,
    };
    let mut made: Vec<(String, UnitKind)> = Vec::new();
    let mut lines = Vec::new();
    for u in unknown {
        let (name, kind) = guess(&u.name);
        let unit = NewUnit {
            name: name.clone(),
            kind,
            code: None,
            parent_id,
            valid_from: None,
            valid_to: None,
        };
        // Two spellings of one new unit make it once; the other is its alias.
        let id = match made
            .iter()
            .position(|m| norm(&m.0) == norm(&name) && m.1 == kind)
        {
            Some(_) => None,
            None => {
                made.push((name.clone(), kind));
                lines.push(format!("{name} ({})", crate::words::kind_word(kind)));
                Some(tx.insert_unit(&unit)?)
            }
        };
        if let Some(id) = id
            && norm(&u.name) != norm(&name)
        {
            tx.put_alias(&AliasRec {
                key: abbrev_key(&u.name),
                alias: u.name.clone(),
                unit_id: id,
                by_user: true,
            })?;
        }
    }
    Ok(lines)
}

/// `--anh-xa "A=B"`: A, as a file writes it, is the unit B from now on.
pub fn map(store: &Store, tx: &Tx, arg: &str, on: NaiveDate) -> Result<String> {
    let Some((alias, unit)) = arg.split_once('=') else {
        return Err(Error::User(format!("{}: «{arg}»", t(T::ImpBadMap))));
    };
    let (alias, unit) = (nfc(alias.trim()), unit.trim());
    if alias.is_empty() || unit.is_empty() {
        return Err(Error::User(format!("{}: «{arg}»", t(T::ImpBadMap))));
    }
    let mut ix = UnitIndex::with_aliases(store.import_units()?, &store.aliases()?);
    let id = ix.find(store, unit, on)?;
    tx.put_alias(&AliasRec {
        key: abbrev_key(&alias),
        alias: alias.clone(),
        unit_id: id,
        by_user: true,
    })?;
    let name = ix
        .units
        .iter()
        .position(|u| u.id == id)
        .map(|i| ix.name_with_kind(i))
        .unwrap_or_default();
    Ok(format!("«{alias}» → {name}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_guessed_from_the_words_in_front() {
        let g = |s: &str| {
            let (n, k) = guess(s);
            (n, k.code())
        };
        assert_eq!(g("UBND xã Tân Tiến"), ("Tân Tiến".into(), "xa"));
        assert_eq!(g("Phường Kỳ Lừa"), ("Kỳ Lừa".into(), "phuong"));
        assert_eq!(
            g("Ủy ban nhân dân thị trấn Na Sầm"),
            ("Na Sầm".into(), "thi_tran")
        );
        assert_eq!(g("Sở Ngoại vụ"), ("Sở Ngoại vụ".into(), "so"));
        assert_eq!(
            g("Ban QL dự án (Phòng Kỹ thuật)"),
            ("Ban QL dự án".into(), "so")
        );
        assert_eq!(g("Xã"), ("Xã".into(), "so"));
    }
}
