//! Targets: matched by unit, year and folded name; a reading in the file is a new
//! figure for its date.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::format::fmt_date;
use crate::domain::text::{fold, nfc};
use crate::error::Result;
use crate::i18n::{T, t};
use crate::model::{NewTarget, TargetRec};
use crate::store::{Store, Tx};
use crate::words::num;

use super::*;
use crate::import::columns::{Columns, Field};
use crate::import::resolve::UnitIndex;
use crate::import::rows::{Problem, TargetRow};

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ReadingAction {
    New,
    Update(f64),
    Unchanged,
}

pub struct ReadingPlan {
    pub on: NaiveDate,
    pub value: f64,
    pub action: ReadingAction,
}

pub struct TargetPlan {
    pub row: usize,
    pub target: NewTarget,
    pub action: Action,
    pub reading: Option<ReadingPlan>,
}

pub fn targets(
    store: &Store,
    existing: &[TargetRec],
    records: Vec<TargetRow>,
    cols: &Columns,
    as_of: NaiveDate,
    problems: &mut Vec<Problem>,
) -> Result<Vec<TargetPlan>> {
    let mut by_key: HashMap<(i64, i32, &str), usize> = HashMap::new();
    let mut next_pos: HashMap<(i64, i32), i64> = HashMap::new();
    for (i, t) in existing.iter().enumerate() {
        by_key.insert((t.unit_id, t.year, t.name_key.as_str()), i);
        let p = next_pos.entry((t.unit_id, t.year)).or_insert(0);
        *p = (*p).max(t.position + 1);
    }
    let mut seen: HashMap<(i64, i32, String), usize> = HashMap::new();
    let mut plans = Vec::new();
    for r in records {
        let key = fold(&nfc(r.name.trim()));
        if let Some(prev) = seen.insert((r.unit_id, r.year, key.clone()), r.row) {
            problems.push(problem(
                cols,
                r.row,
                Field::TargetName,
                format!("{} {prev}", t(T::ImpDuplicateRow)),
            ));
            continue;
        }
        let old = by_key
            .get(&(r.unit_id, r.year, key.as_str()))
            .map(|i| &existing[*i]);
        let position = match old {
            Some(o) => o.position,
            None => {
                let p = next_pos.entry((r.unit_id, r.year)).or_insert(0);
                *p += 1;
                *p - 1
            }
        };
        let measure = match (&r.measure, old) {
            (_, Some(o)) if !cols.has(Field::Measure) => o.measure.clone(),
            (m, _) => m.clone().unwrap_or_default(),
        };
        let direction = match old {
            Some(o) if !cols.has(Field::Direction) => o.direction,
            _ => r.direction,
        };
        let target = NewTarget {
            unit_id: r.unit_id,
            year: r.year,
            position,
            name: r.name.clone(),
            measure,
            plan: r.plan,
            direction,
        };
        let action = match old {
            None => Action::New,
            Some(o) => {
                let mut d = Diff {
                    cols,
                    changes: Vec::new(),
                };
                d.check(Field::TargetName, &o.name, &target.name, same);
                d.check(Field::Measure, &o.measure, &target.measure, same);
                if o.plan != target.plan {
                    d.changes.push(Change {
                        field: cols.header(Field::Plan),
                        old: show_plan(o.plan),
                        new: show_plan(target.plan),
                    });
                }
                d.check(Field::Direction, o.direction, target.direction, |d| {
                    show_direction(*d).to_string()
                });
                if d.changes.is_empty() {
                    Action::Unchanged(o.id)
                } else {
                    Action::Update(o.id, d.changes)
                }
            }
        };
        let reading = match r.actual {
            None => None,
            Some(value) => {
                // Without a date, the reading is as of today, within the target's year;
                // it is unchanged when the latest reading already says as much.
                let year_end = NaiveDate::from_ymd_opt(r.year, 12, 31).unwrap_or(as_of);
                let year_start = NaiveDate::from_ymd_opt(r.year, 1, 1).unwrap_or(as_of);
                let on = r.actual_on.unwrap_or(as_of.clamp(year_start, year_end));
                let action = match old {
                    None => ReadingAction::New,
                    Some(o) => {
                        let latest = match r.actual_on {
                            None => store.latest_reading(o.id, on)?.map(|(_, v)| v),
                            Some(_) => None,
                        };
                        if latest == Some(value) {
                            ReadingAction::Unchanged
                        } else {
                            match store.reading_on(o.id, on)? {
                                None => ReadingAction::New,
                                Some(v) if v == value => ReadingAction::Unchanged,
                                Some(v) => ReadingAction::Update(v),
                            }
                        }
                    }
                };
                Some(ReadingPlan { on, value, action })
            }
        };
        plans.push(TargetPlan {
            row: r.row,
            target,
            action,
            reading,
        });
    }
    Ok(plans)
}

pub fn apply_targets(c: &Tx, plans: &[TargetPlan]) -> Result<()> {
    for p in plans {
        let id = match &p.action {
            Action::New => c.insert_target(&p.target)?,
            Action::Update(id, _) => {
                c.update_target(*id, &p.target)?;
                *id
            }
            Action::Unchanged(id) => *id,
        };
        if let Some(r) = &p.reading
            && r.action != ReadingAction::Unchanged
        {
            c.set_reading(id, r.on, r.value)?;
        }
    }
    Ok(())
}

pub fn describe_target(p: &TargetPlan, ix: &UnitIndex) -> String {
    let unit = ix
        .units
        .iter()
        .find(|u| u.id == p.target.unit_id)
        .map(|u| u.name.as_str())
        .unwrap_or("");
    format!("{unit} · {} · {}", p.target.year, short(&p.target.name, 60))
}

pub fn describe_reading(r: &ReadingPlan) -> String {
    let new = format!("{} ({})", num(r.value), fmt_date(r.on));
    match r.action {
        ReadingAction::Update(old) => format!("{} → {new}", num(old)),
        _ => new,
    }
}
