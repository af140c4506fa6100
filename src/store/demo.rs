//! The bundled demo: Lạng Sơn province as in 2022 (assets/demo.json, sample data),
//! loaded into a fresh database in one transaction.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Deserialize;

use super::Store;
use super::write::{extend_deadline, insert_target, insert_task, insert_unit, set_reading};
use crate::domain::format::iso;
use crate::domain::inspection::ItemKind;
use crate::domain::target::{Direction, Plan};
use crate::domain::unit::UnitKind;
use crate::error::Result;
use crate::model::{InspectionInput, ItemInput, NewTarget, NewTask, NewUnit};

pub const DEMO_JSON: &str = include_str!("../../assets/demo.json");

#[derive(Debug, Deserialize)]
pub struct DemoData {
    pub as_of: NaiveDate,
    #[serde(default)]
    pub settings: HashMap<String, String>,
    pub units: Vec<DemoUnit>,
    pub targets: Vec<DemoTarget>,
    pub tasks: Vec<DemoTask>,
    #[serde(default)]
    pub inspections: Vec<DemoInspection>,
}

#[derive(Debug, Deserialize)]
pub struct DemoInspection {
    pub unit: String,
    pub held_on: NaiveDate,
    pub place: String,
    pub chair_name: String,
    pub chair_title: String,
    #[serde(default)]
    pub members: Vec<String>,
    #[serde(default)]
    pub attendees: Vec<String>,
    pub report: String,
    pub items: Vec<DemoItem>,
}

#[derive(Debug, Deserialize)]
pub struct DemoItem {
    pub kind: ItemKind,
    pub text: String,
    pub unit: Option<String>,
    pub deadline: Option<NaiveDate>,
    pub completed_on: Option<NaiveDate>,
}

#[derive(Debug, Deserialize)]
pub struct DemoUnit {
    #[serde(rename = "ref")]
    pub key: String,
    pub name: String,
    pub kind: UnitKind,
    pub code: Option<String>,
    pub parent: Option<String>,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
}

#[derive(Debug, Deserialize)]
pub struct DemoTarget {
    pub unit: String,
    pub year: i32,
    pub name: String,
    pub measure: String,
    pub plan: Plan,
    pub direction: Direction,
    #[serde(default)]
    pub readings: Vec<(NaiveDate, f64)>,
}

#[derive(Debug, Deserialize)]
pub struct DemoExtension {
    pub granted_on: Option<NaiveDate>,
    pub new_deadline: NaiveDate,
    pub reason: String,
}

#[derive(Debug, Deserialize)]
pub struct DemoTask {
    pub unit: String,
    pub title: String,
    pub doc_number: Option<String>,
    pub doc_date: Option<NaiveDate>,
    pub leader: Option<String>,
    pub cooperating: Option<String>,
    pub assigned_on: Option<NaiveDate>,
    pub deadline: Option<NaiveDate>,
    pub completed_on: Option<NaiveDate>,
    #[serde(default)]
    pub extensions: Vec<DemoExtension>,
    pub origin: Option<String>,
}

impl DemoData {
    pub fn bundled() -> DemoData {
        serde_json::from_str(DEMO_JSON).expect("assets/demo.json is valid (tested)")
    }
}

fn missing(what: &str, key: &str) -> rusqlite::Error {
    rusqlite::Error::InvalidParameterName(format!("demo data: unknown {what} '{key}'"))
}

/// Fills an empty database with the demo, marks it as a demo and sets its as-of date.
/// Inspections are saved the way the form saves them, so their directives become
/// tasks exactly as typed ones do.
pub fn load_demo(store: &mut Store, data: &DemoData) -> Result<()> {
    load_base(store, data)?;
    for ins in &data.inspections {
        let unit_id = store.unit_id_by_ref(data, &ins.unit)?;
        let mut items = Vec::new();
        for it in &ins.items {
            let unit = match &it.unit {
                Some(u) => Some(store.unit_id_by_ref(data, u)?),
                None => None,
            };
            items.push(ItemInput {
                id: None,
                kind: it.kind,
                text: it.text.clone(),
                unit_id: unit,
                deadline: it.deadline,
                office: None,
            });
        }
        let input = InspectionInput {
            id: None,
            unit_id,
            held_on: ins.held_on,
            place: ins.place.clone(),
            chair_name: ins.chair_name.clone(),
            chair_title: ins.chair_title.clone(),
            members: ins.members.join("\n"),
            attendees: ins.attendees.join("\n"),
            report: ins.report.clone(),
            items,
            removed: Vec::new(),
        };
        let id = store.save_inspection(&input, &format!("{} 17:00:00", iso(ins.held_on)))?;
        // Completion dates of the demo's directives, in item order.
        let done: Vec<Option<NaiveDate>> = ins
            .items
            .iter()
            .filter(|i| i.kind == ItemKind::Directive && !i.text.trim().is_empty())
            .map(|i| i.completed_on)
            .collect();
        store.write_local(|c| {
            let tasks: Vec<i64> = c
                .prepare("SELECT task_id FROM conclusion_item WHERE inspection_id = ?1 AND task_id IS NOT NULL ORDER BY position")?
                .query_map([id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            for (task, on) in tasks.iter().zip(done) {
                c.execute("UPDATE task SET completed_on = ?2 WHERE id = ?1", rusqlite::params![task, on.map(iso)])?;
            }
            Ok(())
        })?;
    }
    Ok(())
}

impl Store {
    fn unit_id_by_ref(&self, data: &DemoData, key: &str) -> Result<i64> {
        // Units were inserted in file order, so a ref's position is its id.
        Ok(data
            .units
            .iter()
            .position(|u| u.key == key)
            .map(|p| p as i64 + 1)
            .ok_or_else(|| missing("unit", key))?)
    }
}

fn load_base(store: &mut Store, data: &DemoData) -> Result<()> {
    store.write_local(|c| {
        let mut ids: HashMap<&str, i64> = HashMap::new();
        for u in &data.units {
            let parent_id = match &u.parent {
                Some(p) => Some(*ids.get(p.as_str()).ok_or_else(|| missing("unit", p))?),
                None => None,
            };
            let id = insert_unit(
                c,
                &NewUnit {
                    name: u.name.clone(),
                    kind: u.kind,
                    code: u.code.clone(),
                    parent_id,
                    valid_from: u.valid_from,
                    valid_to: u.valid_to,
                },
            )?;
            ids.insert(&u.key, id);
        }
        let unit = |key: &str| ids.get(key).copied().ok_or_else(|| missing("unit", key));
        for (pos, t) in data.targets.iter().enumerate() {
            let id = insert_target(
                c,
                &NewTarget {
                    unit_id: unit(&t.unit)?,
                    year: t.year,
                    position: pos as i64,
                    name: t.name.clone(),
                    measure: t.measure.clone(),
                    plan: t.plan,
                    direction: t.direction,
                },
            )?;
            for (on, value) in &t.readings {
                set_reading(c, id, *on, *value)?;
            }
        }
        for t in &data.tasks {
            let id = insert_task(
                c,
                &NewTask {
                    title: t.title.clone(),
                    doc_number: t.doc_number.clone(),
                    doc_date: t.doc_date,
                    leader: t.leader.clone(),
                    unit_id: unit(&t.unit)?,
                    cooperating: t.cooperating.clone(),
                    assigned_on: t.assigned_on,
                    deadline: t.deadline,
                    completed_on: t.completed_on,
                    origin: t.origin.clone(),
                    ..Default::default()
                },
            )?;
            for e in &t.extensions {
                extend_deadline(c, id, e.granted_on, e.new_deadline, &e.reason)?;
            }
        }
        for (k, v) in &data.settings {
            c.execute(
                "INSERT OR REPLACE INTO setting(key, value) VALUES (?1, ?2)",
                [k.as_str(), v.as_str()],
            )?;
        }
        super::put_setting(c, "demo", "1")?;
        super::put_setting(c, "as_of", &iso(data.as_of))?;
        Ok(())
    })
}
