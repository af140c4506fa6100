//! Units named in a file, found among the units already in the database. An unknown
//! name is an error that lists the closest names (and `--add-units` creates it).
//!
//! A name is tried as written ("Sở Tài chính"), then as an alias (the bundled
//! abbreviations and the user's `--map`: "Sở KH&ĐT"), then without "UBND" and a kind
//! word in front or in brackets behind ("UBND thành phố Lạng Sơn", "Lạng Sơn (thành
//! phố)"), then abbreviation-folded ("&" or "và", spacing, punctuation, "tỉnh Lạng
//! Sơn" behind), then without a sub-office in brackets ("Sở NN&PTNT (Chi cục Kiểm
//! lâm)"), then as part of a name, like `tct report --unit`. Among several units of the same
//! name, the one valid on the row's date wins (the district Tràng Định before
//! 1/7/2025, the commune after).

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::text::fold;
use crate::domain::unit::UnitKind;
use crate::error::{Error, Result};
use crate::model::{AliasRec, UnitLookup, UnitRec};
use crate::store::Store;

/// Folded, punctuation as spaces, spaces collapsed: the form names are compared in.
pub fn norm(s: &str) -> String {
    let folded: String = fold(s)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A name as abbreviations are compared: normalised, "và" dropped ("&" already is),
/// no spaces: "Sở KH&ĐT", "Sở KH và ĐT" and "Sở KH-ĐT" are one key.
pub fn abbrev_key(s: &str) -> String {
    norm(s).split(' ').filter(|w| *w != "va").collect()
}

/// The same without "tỉnh Lạng Sơn", "Lạng Sơn" or "tỉnh" at the end, so "Công an
/// tỉnh Lạng Sơn", "Sở Y tế tỉnh" and "Sở Y tế" meet; empty when nothing else is left.
fn short_key(s: &str) -> String {
    let n = norm(s);
    let mut words: Vec<&str> = n.split(' ').filter(|w| *w != "va").collect();
    if words.ends_with(&["lang", "son"]) {
        words.truncate(words.len() - 2);
    }
    if words.last() == Some(&"tinh") {
        words.pop();
    }
    words.concat()
}

/// A normalised name without the "UBND" (Ủy ban nhân dân) before it: "UBND huyện
/// Tràng Định" is the unit "huyện Tràng Định".
fn without_ubnd(key: &str) -> &str {
    ["uy ban nhan dan ", "ubnd "]
        .iter()
        .find_map(|p| key.strip_prefix(p))
        .unwrap_or(key)
}

/// A unit kind written in words: "huyện", "Thành phố", "TP", "sở, ban, ngành",
/// "commune", or the stored code.
pub fn parse_kind(s: &str) -> Option<UnitKind> {
    Some(match norm(s).as_str() {
        "tinh" | "province" => UnitKind::Tinh,
        "huyen" | "district" => UnitKind::Huyen,
        "thanh pho" | "tp" | "city" => UnitKind::ThanhPho,
        "thi xa" | "tx" | "town" => UnitKind::ThiXa,
        "xa" | "commune" => UnitKind::Xa,
        "phuong" | "ward" => UnitKind::Phuong,
        "thi tran" | "tt" | "township" => UnitKind::ThiTran,
        "so" | "so ban nganh" | "so nganh" | "ban" | "nganh" | "ban nganh" | "department" => {
            UnitKind::So
        }
        _ => return None,
    })
}

/// Kind words written before a name, longest first.
const PREFIXES: &[(&str, UnitKind)] = &[
    ("thanh pho", UnitKind::ThanhPho),
    ("thi tran", UnitKind::ThiTran),
    ("thi xa", UnitKind::ThiXa),
    ("phuong", UnitKind::Phuong),
    ("huyen", UnitKind::Huyen),
    ("tinh", UnitKind::Tinh),
    ("tp", UnitKind::ThanhPho),
    ("tx", UnitKind::ThiXa),
    ("xa", UnitKind::Xa),
];

pub enum Resolved {
    Found(i64),
    /// Several units fit: their names with kinds.
    Ambiguous(Vec<String>),
    NotFound,
}

pub struct UnitIndex {
    pub units: Vec<UnitRec>,
    by_norm: HashMap<String, Vec<usize>>,
    /// Units by `abbrev_key` and `short_key` of their names.
    by_abbrev: HashMap<String, Vec<usize>>,
    /// Aliases by key: the unit's position.
    aliases: HashMap<String, usize>,
    /// Names no unit has, in the order first met: rows naming each, closest names.
    pub unknown: Vec<Unknown>,
    /// Candidates for each name as written, so each distinct name is worked out once.
    cache: HashMap<String, Vec<usize>>,
    /// Sub-offices named in brackets after a unit, by the name as written.
    offices: HashMap<String, String>,
    /// Closest names for an unknown name, asked of the store once per name.
    closest: HashMap<String, Vec<String>>,
}

/// A name of the file no unit has.
#[derive(Debug, Clone, PartialEq)]
pub struct Unknown {
    pub name: String,
    pub rows: Vec<usize>,
    pub closest: Vec<String>,
}

impl UnitIndex {
    pub fn with_aliases(units: Vec<UnitRec>, aliases: &[AliasRec]) -> Self {
        let mut by_norm: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_abbrev: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, u) in units.iter().enumerate() {
            by_norm.entry(norm(&u.name)).or_default().push(i);
            let (a, s) = (abbrev_key(&u.name), short_key(&u.name));
            by_abbrev.entry(a.clone()).or_default().push(i);
            if !s.is_empty() && s != a {
                by_abbrev.entry(s).or_default().push(i);
            }
        }
        let pos: HashMap<i64, usize> = units.iter().enumerate().map(|(i, u)| (u.id, i)).collect();
        let aliases = aliases
            .iter()
            .filter_map(|a| Some((a.key.clone(), *pos.get(&a.unit_id)?)))
            .collect();
        UnitIndex {
            units,
            by_norm,
            by_abbrev,
            aliases,
            unknown: Vec::new(),
            cache: HashMap::new(),
            offices: HashMap::new(),
            closest: HashMap::new(),
        }
    }

    /// A unit's name as tct offers it back when a name is ambiguous: with its kind,
    /// and its parent when that is not the province ("Hoàng Văn Thụ (xã, Bình Gia)"),
    /// as the panes label namesakes; `work_out` takes every such label back.
    pub fn name_with_kind(&self, i: usize) -> String {
        let u = &self.units[i];
        let kind = crate::words::kind_word(u.kind);
        match self.parent_name(i) {
            Some(p) => format!("{} ({kind}, {p})", u.name),
            None => format!("{} ({kind})", u.name),
        }
    }

    /// The name of a unit's parent, unless that is the province (or there is none).
    fn parent_name(&self, i: usize) -> Option<&str> {
        let p = self.units[i].parent_id?;
        let parent = self.units.iter().find(|u| u.id == p)?;
        (parent.kind != UnitKind::Tinh).then_some(parent.name.as_str())
    }

    /// The units of a name written with its kind, and perhaps its parent, in brackets
    /// behind: "Lạng Sơn (thành phố)", "Hoàng Văn Thụ (xã, Bình Gia)", "Hoàng Văn Thụ
    /// (xã, huyện Bình Gia)".
    fn named_in_brackets(&self, name: &str) -> Vec<usize> {
        let Some((base, rest)) = name.trim().rsplit_once('(') else {
            return Vec::new();
        };
        let inner = rest.trim_end_matches(')');
        let (kind, parent) = match inner.split_once(',') {
            Some((k, p)) => (k, Some(norm(p))),
            None => (inner, None),
        };
        let Some(kind) = parse_kind(kind) else {
            return Vec::new();
        };
        let found = self.named(&norm(base), Some(kind));
        let Some(parent) = parent else {
            return found;
        };
        // The parent as written, with or without its kind word in front.
        let bare = PREFIXES
            .iter()
            .find_map(|(p, _)| parent.strip_prefix(p).and_then(|r| r.strip_prefix(' ')))
            .unwrap_or(&parent)
            .to_string();
        found
            .into_iter()
            .filter(|i| {
                self.parent_name(*i)
                    .is_some_and(|p| norm(p) == parent || norm(p) == bare)
            })
            .collect()
    }

    fn named(&self, key: &str, kind: Option<UnitKind>) -> Vec<usize> {
        self.by_norm
            .get(key)
            .map(|v| {
                v.iter()
                    .copied()
                    .filter(|i| kind.is_none_or(|k| self.units[*i].kind == k))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn candidates(&mut self, name: &str) -> &[usize] {
        if !self.cache.contains_key(name) {
            let found = self.work_out(name);
            if let Some(office) = self.office_in(name, &found) {
                self.offices.insert(name.to_string(), office);
            }
            self.cache.insert(name.to_string(), found);
        }
        &self.cache[name]
    }

    /// "Chi cục Kiểm lâm" of "Sở NN&PTNT (Chi cục Kiểm lâm)": the brackets' text
    /// when the unit was found without it (not a kind word, not part of a name or
    /// alias such as "BQL Khu KTCK (Đồng Đăng - Lạng Sơn)").
    fn office_in(&self, name: &str, found: &[usize]) -> Option<String> {
        let (base, rest) = name.trim().rsplit_once('(')?;
        let inner = rest.strip_suffix(')')?.trim();
        if found.is_empty() || inner.is_empty() || parse_kind(inner).is_some() {
            return None;
        }
        let whole_known = !self.named(&norm(name), None).is_empty()
            || self.aliases.contains_key(&abbrev_key(name));
        (!whole_known && self.work_out(base) == found).then(|| crate::domain::text::nfc(inner))
    }

    /// The sub-office a name (already resolved) wrote in brackets after its unit.
    pub fn office(&self, name: &str) -> Option<&str> {
        self.offices.get(name).map(String::as_str)
    }

    fn work_out(&self, name: &str) -> Vec<usize> {
        let key = norm(name);
        if key.is_empty() {
            return Vec::new();
        }
        let exact = self.named(&key, None);
        if !exact.is_empty() {
            return exact;
        }
        let bare_key = abbrev_key(without_ubnd(&key));
        for k in [abbrev_key(name), bare_key.clone()] {
            if let Some(i) = self.aliases.get(&k) {
                return vec![*i];
            }
        }
        // "Lạng Sơn (thành phố)", "Hoàng Văn Thụ (xã, Bình Gia)", as tct itself
        // labels namesakes.
        let found = self.named_in_brackets(name);
        if !found.is_empty() {
            return found;
        }
        // "UBND huyện Tràng Định", "Thành phố Lạng Sơn".
        let bare = without_ubnd(&key);
        if bare != key {
            let found = self.named(bare, None);
            if !found.is_empty() {
                return found;
            }
        }
        for (prefix, kind) in PREFIXES {
            if let Some(rest) = bare.strip_prefix(prefix).and_then(|r| r.strip_prefix(' ')) {
                let found = self.named(rest, Some(*kind));
                if !found.is_empty() {
                    return found;
                }
            }
        }
        // "Sở KH và ĐT", "Sở Văn hóa Thể thao và Du lịch", "Công an tỉnh Lạng Sơn".
        for k in [bare_key, short_key(bare)] {
            if let Some(found) = self.by_abbrev.get(&k).filter(|_| !k.is_empty()) {
                let mut found = found.clone();
                found.dedup();
                return found;
            }
        }
        // "Sở NN&PTNT (Chi cục Kiểm lâm)": the unit, not its sub-office.
        if let Some((base, _)) = name.trim().rsplit_once('(')
            && !base.trim().is_empty()
        {
            let found = self.work_out(base);
            if !found.is_empty() {
                return found;
            }
        }
        // Part of a name, as `--unit` finds it; short fragments are not trusted.
        if bare.chars().count() >= 4 {
            let mut found: Vec<usize> = self
                .by_norm
                .iter()
                .filter(|(k, _)| k.contains(bare))
                .flat_map(|(_, v)| v.iter().copied())
                .collect();
            found.sort_unstable();
            return found;
        }
        Vec::new()
    }

    /// The unit a name means on a date.
    pub fn resolve(&mut self, name: &str, on: NaiveDate) -> Resolved {
        self.candidates(name);
        let cands = &self.cache[name];
        let units = &self.units;
        let is_valid = |i: &usize| {
            let u = &units[*i];
            u.valid_from.is_none_or(|f| f <= on) && u.valid_to.is_none_or(|t| t >= on)
        };
        if let [one] = cands.as_slice() {
            return Resolved::Found(units[*one].id);
        }
        let valid: Vec<usize> = cands.iter().copied().filter(is_valid).collect();
        // "Cao Lộc" in 2022: the district, not its township of the same name.
        let top: Vec<usize> = valid
            .iter()
            .copied()
            .filter(|i| {
                units[*i]
                    .parent_id
                    .is_none_or(|p| units.iter().any(|u| u.id == p && u.kind == UnitKind::Tinh))
            })
            .collect();
        if let ([_, _, ..], [one]) = (valid.as_slice(), top.as_slice()) {
            return Resolved::Found(units[*one].id);
        }
        // "Lạng Sơn" alone: the city, the province being no unit a task, a pane or a
        // report is for.
        let not_province: Vec<usize> = valid
            .iter()
            .copied()
            .filter(|i| units[*i].kind != UnitKind::Tinh)
            .collect();
        if let ([_, _, ..], [one]) = (valid.as_slice(), not_province.as_slice()) {
            return Resolved::Found(units[*one].id);
        }
        match (valid.as_slice(), cands.as_slice()) {
            ([one], _) => Resolved::Found(units[*one].id),
            (_, []) => Resolved::NotFound,
            (v, c) => {
                let list = if v.is_empty() { c } else { v };
                Resolved::Ambiguous(list.iter().map(|i| self.name_with_kind(*i)).collect())
            }
        }
    }

    /// Every unit a lead-unit cell names on a date: several are separated by ";" or
    /// line breaks (trailing separators ignored), or by "," where each part is a unit
    /// (a comma inside a name, as in "Sở Văn hóa, Thể thao và Du lịch", stays);
    /// "UBND các huyện, thành phố" is every district-level unit valid that day. Each
    /// unit once, in the cell's order; the first name none matches is the error.
    pub fn find_all(&mut self, store: &Store, cell: &str, on: NaiveDate) -> Result<Vec<i64>> {
        let mut ids: Vec<i64> = Vec::new();
        let mut add = |id: i64| {
            if !ids.contains(&id) {
                ids.push(id);
            }
        };
        for part in cell.split([';', '\n', '\r']).map(str::trim) {
            let part = part.trim_matches(|c: char| c == ',' || c.is_whitespace());
            if part.is_empty() {
                continue;
            }
            if let Some(every) = self.every_district(part, on) {
                every.into_iter().for_each(&mut add);
                continue;
            }
            match self.find(store, part, on) {
                Ok(id) => add(id),
                Err(whole) => {
                    let pieces: Vec<&str> = part
                        .split(',')
                        .map(str::trim)
                        .filter(|p| !p.is_empty())
                        .collect();
                    if pieces.len() < 2 {
                        return Err(whole);
                    }
                    let mut found = Vec::new();
                    for p in pieces {
                        match self.find(store, p, on) {
                            Ok(id) => found.push(id),
                            Err(_) => return Err(whole),
                        }
                    }
                    found.into_iter().for_each(&mut add);
                }
            }
        }
        Ok(ids)
    }

    /// "UBND các huyện, thành phố" (also without "UBND", or with "thị xã"): every
    /// district-level unit valid on the day; `None` for any other name.
    fn every_district(&self, name: &str, on: NaiveDate) -> Option<Vec<i64>> {
        let key = norm(name);
        let bare = without_ubnd(&key);
        const EVERY: [&str; 5] = [
            "cac huyen",
            "cac huyen thanh pho",
            "cac huyen thi xa thanh pho",
            "cac huyen thanh pho thi xa",
            "cac huyen thi xa",
        ];
        if !EVERY.contains(&bare) {
            return None;
        }
        let district =
            |k: UnitKind| matches!(k, UnitKind::Huyen | UnitKind::ThanhPho | UnitKind::ThiXa);
        Some(
            self.units
                .iter()
                .filter(|u| district(u.kind))
                .filter(|u| {
                    u.valid_from.is_none_or(|f| f <= on) && u.valid_to.is_none_or(|t| t >= on)
                })
                .map(|u| u.id)
                .collect(),
        )
    }

    /// Notes that row `row` names a unit none is (once a name, every row counted).
    pub fn note_unknown(&mut self, row: usize, name: &str, closest: &[String]) {
        let name = crate::domain::text::nfc(name.trim());
        match self
            .unknown
            .iter_mut()
            .find(|u| norm(&u.name) == norm(&name))
        {
            Some(u) => {
                if u.rows.last() != Some(&row) {
                    u.rows.push(row);
                }
            }
            None => self.unknown.push(Unknown {
                name,
                rows: vec![row],
                closest: closest.to_vec(),
            }),
        }
    }

    /// The unit a name means on a date, or the reason (with the closest names) why
    /// none does.
    pub fn find(&mut self, store: &Store, name: &str, on: NaiveDate) -> Result<i64> {
        match self.resolve(name, on) {
            Resolved::Found(id) => Ok(id),
            Resolved::Ambiguous(names) => Err(Error::AmbiguousUnit {
                name: name.to_string(),
                names,
            }),
            Resolved::NotFound => {
                if !self.closest.contains_key(name) {
                    let closest = match store.find_unit(name, on) {
                        Ok(UnitLookup::NotFound(c)) => c,
                        Ok(UnitLookup::Found(_, n)) => vec![n],
                        Ok(UnitLookup::Ambiguous(names)) => names,
                        Err(_) => Vec::new(),
                    };
                    self.closest.insert(name.to_string(), closest);
                }
                Err(Error::UnknownUnit {
                    name: name.to_string(),
                    closest: self.closest[name].clone(),
                })
            }
        }
    }
}
