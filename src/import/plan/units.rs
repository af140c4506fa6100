//! Units: matched by code, else by folded name and kind; parents named in the file
//! or already known.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::text::nfc;
use crate::error::Result;
use crate::i18n::{T, t};
use crate::model::{NewUnit, UnitRec};
use crate::store::{Store, Tx};

use super::*;
use crate::import::columns::{Columns, Field};
use crate::import::resolve::{UnitIndex, norm, parse_kind};
use crate::import::rows::{Problem, UnitRow};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParentRef {
    /// The file has no parent column: the parent stays.
    Keep,
    None,
    Db(i64),
    /// A unit created by this import: the index of its plan.
    Row(usize),
}

pub struct UnitPlan {
    pub row: usize,
    pub unit: NewUnit,
    pub parent: ParentRef,
    pub action: Action,
    /// Successors to record (those already recorded stay): in the database or, as
    /// `ParentRef::Row`, made by this import.
    pub successors: Vec<ParentRef>,
}

pub fn units(
    store: &Store,
    ix: &mut UnitIndex,
    records: Vec<UnitRow>,
    cols: &Columns,
    as_of: NaiveDate,
    problems: &mut Vec<Problem>,
) -> Result<Vec<UnitPlan>> {
    let existing: Vec<UnitRec> = ix.units.clone();
    let parent_key = |i: usize| {
        existing[i]
            .parent_id
            .and_then(|p| existing.iter().find(|u| u.id == p))
            .map(|u| norm(&u.name))
    };
    let had_successors: Vec<(i64, i64)> = store.all_successors()?;
    let by_code: HashMap<&str, usize> = existing
        .iter()
        .enumerate()
        .filter_map(|(i, u)| u.code.as_deref().map(|c| (c, i)))
        .collect();
    let mut by_name: HashMap<(String, &str), Vec<usize>> = HashMap::new();
    for (i, u) in existing.iter().enumerate() {
        by_name
            .entry((norm(&u.name), u.kind.code()))
            .or_default()
            .push(i);
    }
    // First pass: which existing unit each row is, and duplicates within the file.
    // Two communes of one name in two former districts are two units.
    type NameKey<'k> = (String, &'k str, Option<NaiveDate>, Option<String>);
    let mut seen_name: HashMap<NameKey, usize> = HashMap::new();
    let mut seen_code: HashMap<String, usize> = HashMap::new();
    let mut claimed: HashMap<usize, usize> = HashMap::new();
    let mut matched: Vec<Option<usize>> = Vec::with_capacity(records.len());
    let mut ok = vec![true; records.len()];
    // Units some row names exactly (by code, or by name, kind and start): a row
    // matched more loosely (a file without dates) does not take them.
    let exact: std::collections::HashSet<usize> = records
        .iter()
        .filter_map(|r| {
            r.code
                .as_deref()
                .and_then(|c| by_code.get(c).copied())
                .or_else(|| {
                    by_name
                        .get(&(norm(&r.name), r.kind.code()))?
                        .iter()
                        .copied()
                        .find(|i| existing[*i].valid_from == r.valid_from)
                })
        })
        .collect();
    let mut rows_of_name: HashMap<(String, &str, Option<NaiveDate>), usize> = HashMap::new();
    for r in &records {
        *rows_of_name
            .entry((norm(&r.name), r.kind.code(), r.valid_from))
            .or_default() += 1;
    }
    for (n, r) in records.iter().enumerate() {
        let dup = |prev: usize| format!("{} {prev}", t(T::ImpDuplicateRow));
        let key = (
            norm(&r.name),
            r.kind.code(),
            r.valid_from,
            r.parent.as_deref().map(parent_base),
        );
        if let Some(prev) = seen_name.insert(key, r.row) {
            problems.push(problem(cols, r.row, Field::UnitName, dup(prev)));
            ok[n] = false;
        }
        if let Some(code) = &r.code
            && let Some(prev) = seen_code.insert(code.clone(), r.row)
        {
            problems.push(problem(cols, r.row, Field::Code, dup(prev)));
            ok[n] = false;
        }
        let by_c = r.code.as_deref().and_then(|c| by_code.get(c).copied());
        let m = by_c.or_else(|| {
            let cands = by_name.get(&(norm(&r.name), r.kind.code()))?;
            let same: Vec<usize> = cands
                .iter()
                .copied()
                .filter(|i| existing[*i].valid_from == r.valid_from)
                .collect();
            let parent = r.parent.as_deref().map(parent_base);
            let by_parent = same
                .iter()
                .copied()
                .find(|i| parent.is_some() && parent_key(*i) == parent);
            // Rows of one name, kind and start (communes of one name in two former
            // districts) are each the unit under their own parent, or new.
            let several = rows_of_name[&(norm(&r.name), r.kind.code(), r.valid_from)] > 1;
            by_parent.or_else(|| match several {
                true => None,
                false => same
                    .first()
                    .copied()
                    .or_else(|| cands.iter().copied().find(|i| !exact.contains(i))),
            })
        });
        if let Some(i) = m
            && let Some(prev) = claimed.insert(i, r.row)
            && ok[n]
        {
            problems.push(problem(cols, r.row, Field::UnitName, dup(prev)));
            ok[n] = false;
        }
        // A code that another unit, not in this file, already has.
        if let Some(code) = &r.code
            && let Some(other) = by_code.get(code.as_str())
            && Some(*other) != m
        {
            problems.push(problem(
                cols,
                r.row,
                Field::Code,
                format!("{}: {}", t(T::ImpCodeTaken), ix.name_with_kind(*other)),
            ));
            ok[n] = false;
        }
        matched.push(m);
    }
    // Second pass: parents (in the file first, then in the database) and changes.
    let names = unit_names(ix);
    let mut plans = Vec::new();
    for (n, r) in records.iter().enumerate() {
        if !ok[n] {
            continue;
        }
        let old = matched[n].map(|i| &existing[i]);
        // "Trang Dinh" for "Tràng Định": a slip of the file, never a rename.
        if let Some(o) = old {
            let name = nfc(r.name.trim());
            if name != o.name && norm(&name) == norm(&o.name) {
                let why = format!("«{name}» {} «{}»", t(T::ImpNameOnlyMarks), o.name);
                problems.push(problem(cols, r.row, Field::UnitName, why));
                continue;
            }
        }
        let parent = match (&r.parent, cols.has(Field::Parent)) {
            (_, false) => ParentRef::Keep,
            (None, true) => ParentRef::None,
            (Some(p), true) => {
                let on = r.valid_from.unwrap_or(as_of);
                match parent_in_file(&records, n, p) {
                    Some(j) => match matched[j] {
                        Some(i) => ParentRef::Db(existing[i].id),
                        None => ParentRef::Row(j),
                    },
                    None => match ix.find(store, p, on) {
                        Ok(id) => ParentRef::Db(id),
                        Err(e) => {
                            problems.push(problem(cols, r.row, Field::Parent, e.to_string()));
                            continue;
                        }
                    },
                }
            }
        };
        if parent == ParentRef::Row(n)
            || (old.is_some() && parent == ParentRef::Db(old.map_or(0, |o| o.id)))
        {
            problems.push(problem(
                cols,
                r.row,
                Field::Parent,
                t(T::ImpSelfParent).to_string(),
            ));
            continue;
        }
        // A successor is the unit of that name valid the day after this one ends.
        let succ_on = r.valid_to.and_then(|d| d.succ_opt()).unwrap_or(as_of);
        let mut successors = Vec::new();
        let mut succ_failed = false;
        for sname in &r.successors {
            match successor_in_file(&records, n, sname, succ_on) {
                Some(j) => successors.push(match matched[j] {
                    Some(i) => ParentRef::Db(existing[i].id),
                    None => ParentRef::Row(j),
                }),
                None => match ix.find(store, sname, succ_on) {
                    Ok(id) => successors.push(ParentRef::Db(id)),
                    Err(e) => {
                        problems.push(problem(cols, r.row, Field::Successor, e.to_string()));
                        succ_failed = true;
                    }
                },
            }
        }
        if succ_failed {
            continue;
        }
        let has = |f: Field| cols.has(f);
        let unit = NewUnit {
            name: r.name.clone(),
            kind: r.kind,
            // An empty cell says nothing: the code stays.
            code: r.code.clone().or_else(|| old.and_then(|o| o.code.clone())),
            parent_id: match parent {
                ParentRef::Keep => old.and_then(|o| o.parent_id),
                ParentRef::None | ParentRef::Row(_) => None,
                ParentRef::Db(id) => Some(id),
            },
            valid_from: keep(
                has(Field::ValidFrom),
                &r.valid_from,
                old.map(|o| &o.valid_from),
            ),
            valid_to: keep(has(Field::ValidTo), &r.valid_to, old.map(|o| &o.valid_to)),
        };
        let action = match old {
            None => Action::New,
            Some(o) => {
                let mut d = Diff {
                    cols,
                    changes: Vec::new(),
                };
                let parent_name = |id: Option<i64>| {
                    id.and_then(|id| names.get(&id).cloned())
                        .unwrap_or_else(|| "–".into())
                };
                d.check(Field::UnitName, o.name.clone(), nfc(unit.name.trim()), same);
                d.check(Field::UnitKind, o.kind, unit.kind, |k| {
                    crate::words::kind_word(*k).to_string()
                });
                d.check(Field::Code, o.code.as_ref(), unit.code.as_ref(), show_opt);
                let new_parent = match parent {
                    ParentRef::Row(j) => records[j].name.clone(),
                    _ => parent_name(unit.parent_id),
                };
                d.check(Field::Parent, parent_name(o.parent_id), new_parent, same);
                d.check(Field::ValidFrom, o.valid_from, unit.valid_from, show_day);
                d.check(Field::ValidTo, o.valid_to, unit.valid_to, show_day);
                let had: Vec<i64> = had_successors
                    .iter()
                    .filter(|(u, _)| *u == o.id)
                    .map(|(_, s)| *s)
                    .collect();
                let adds: Vec<String> = successors
                    .iter()
                    .filter_map(|s| match s {
                        ParentRef::Db(id) if had.contains(id) => None,
                        ParentRef::Db(id) => Some(parent_name(Some(*id))),
                        ParentRef::Row(j) => Some(records[*j].name.clone()),
                        _ => None,
                    })
                    .collect();
                if !adds.is_empty() {
                    let old: Vec<String> = had.iter().map(|id| parent_name(Some(*id))).collect();
                    let mut new = old.clone();
                    new.extend(adds);
                    let show = |v: &Vec<String>| match v.is_empty() {
                        true => "–".to_string(),
                        false => v.join("; "),
                    };
                    d.check(Field::Successor, old, new, show);
                }
                if d.changes.is_empty() {
                    Action::Unchanged(o.id)
                } else {
                    Action::Update(o.id, d.changes)
                }
            }
        };
        plans.push(UnitPlan {
            row: r.row,
            unit,
            parent,
            action,
            successors,
        });
    }
    // Parents named by a row point at that row's plan.
    let index_of_row: HashMap<usize, usize> =
        plans.iter().enumerate().map(|(i, p)| (p.row, i)).collect();
    let to_plan = |r: ParentRef| match r {
        ParentRef::Row(j) => match index_of_row.get(&records[j].row) {
            Some(i) => ParentRef::Row(*i),
            None => ParentRef::None,
        },
        other => other,
    };
    for p in &mut plans {
        p.parent = to_plan(p.parent);
        p.successors = p.successors.iter().map(|s| to_plan(*s)).collect();
    }
    Ok(plans)
}

/// A parent as written, compared by its bare name: "Tràng Định (huyện)", "huyện
/// Tràng Định" and "UBND huyện Tràng Định" are "trang dinh".
fn parent_base(p: &str) -> String {
    let p = match p.trim().rsplit_once('(') {
        Some((base, rest)) if parse_kind(rest.trim_end_matches(')')).is_some() => base,
        _ => p,
    };
    let key = norm(p);
    let bare = ["uy ban nhan dan ", "ubnd "]
        .iter()
        .find_map(|x| key.strip_prefix(x))
        .unwrap_or(&key);
    [
        "thanh pho ",
        "thi tran ",
        "thi xa ",
        "phuong ",
        "huyen ",
        "tinh ",
        "xa ",
        "tp ",
    ]
    .iter()
    .find_map(|x| bare.strip_prefix(x))
    .unwrap_or(bare)
    .to_string()
}

/// The row of this file a successor's name means: of that name (and kind, when
/// written in brackets) and valid on the day.
fn successor_in_file(records: &[UnitRow], me: usize, name: &str, on: NaiveDate) -> Option<usize> {
    let (base, kind) = match name.trim().rsplit_once('(') {
        Some((b, rest)) => match parse_kind(rest.trim_end_matches(')')) {
            Some(k) => (b, Some(k)),
            None => (name, None),
        },
        None => (name, None),
    };
    let key = norm(base);
    let found: Vec<usize> = records
        .iter()
        .enumerate()
        .filter(|(i, r)| {
            *i != me
                && norm(&r.name) == key
                && kind.is_none_or(|k| r.kind == k)
                && r.valid_from.is_none_or(|f| f <= on)
                && r.valid_to.is_none_or(|t| t >= on)
        })
        .map(|(i, _)| i)
        .collect();
    match found.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// The row of this file a parent name (or code) means, if exactly one.
fn parent_in_file(records: &[UnitRow], me: usize, parent: &str) -> Option<usize> {
    let key = norm(parent);
    let by_code: Vec<usize> = records
        .iter()
        .enumerate()
        .filter(|(i, r)| *i != me && r.code.as_deref().is_some_and(|c| norm(c) == key))
        .map(|(i, _)| i)
        .collect();
    if let [one] = by_code.as_slice() {
        return Some(*one);
    }
    let named = |key: &str, kind: Option<crate::domain::unit::UnitKind>| -> Vec<usize> {
        records
            .iter()
            .enumerate()
            .filter(|(i, r)| *i != me && norm(&r.name) == key && kind.is_none_or(|k| r.kind == k))
            .map(|(i, _)| i)
            .collect()
    };
    if let [one] = named(&key, None).as_slice() {
        return Some(*one);
    }
    if let Some((base, rest)) = parent.trim().rsplit_once('(')
        && let Some(kind) = parse_kind(rest.trim_end_matches(')'))
        && let [one] = named(&norm(base), Some(kind)).as_slice()
    {
        return Some(*one);
    }
    let bare = ["uy ban nhan dan ", "ubnd "]
        .iter()
        .find_map(|p| key.strip_prefix(p))
        .unwrap_or(&key);
    for (prefix, kind) in [
        ("thanh pho ", crate::domain::unit::UnitKind::ThanhPho),
        ("thi tran ", crate::domain::unit::UnitKind::ThiTran),
        ("thi xa ", crate::domain::unit::UnitKind::ThiXa),
        ("phuong ", crate::domain::unit::UnitKind::Phuong),
        ("huyen ", crate::domain::unit::UnitKind::Huyen),
        ("tinh ", crate::domain::unit::UnitKind::Tinh),
        ("xa ", crate::domain::unit::UnitKind::Xa),
    ] {
        if let Some(rest) = bare.strip_prefix(prefix)
            && let [one] = named(rest, Some(kind)).as_slice()
        {
            return Some(*one);
        }
    }
    None
}

pub fn apply_units(c: &Tx, plans: &[UnitPlan]) -> Result<()> {
    let mut ids: Vec<i64> = Vec::with_capacity(plans.len());
    for p in plans {
        let id = match &p.action {
            Action::New => c.insert_unit(&p.unit)?,
            Action::Update(id, _) => {
                c.update_unit(*id, &p.unit)?;
                *id
            }
            Action::Unchanged(id) => *id,
        };
        ids.push(id);
    }
    for (p, id) in plans.iter().zip(&ids) {
        if let ParentRef::Row(j) = p.parent {
            c.set_unit_parent(*id, Some(ids[j]))?;
        }
        for s in &p.successors {
            match s {
                ParentRef::Row(j) => c.add_successor(*id, ids[*j])?,
                ParentRef::Db(s) => c.add_successor(*id, *s)?,
                _ => {}
            }
        }
    }
    Ok(())
}

pub fn describe_unit(p: &UnitPlan) -> String {
    let mut s = format!("{} ({})", p.unit.name, crate::words::kind_word(p.unit.kind));
    if let Some(code) = &p.unit.code {
        s.push_str(&format!(" · {code}"));
    }
    s
}
