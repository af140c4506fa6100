//! Inspections and their conclusions. Saving one is a single transaction that also
//! creates or updates the task of each directive and clears the form's draft.

use super::replica::fresh_id;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{Store, opt_date, opt_iso};
use crate::domain::format::iso;
use crate::domain::inspection::ItemKind;
use crate::domain::task::{TaskDates, status};
use crate::domain::text::{fold, nfc};
use crate::error::{Error, Result};
use crate::i18n::{T, t};
use crate::model::{
    Ctx, Inspection, InspectionHeader, InspectionInput, InspectionSummary, ItemInput, ItemRow,
    TaskFate,
};

fn header_row(r: &Row) -> rusqlite::Result<InspectionHeader> {
    Ok(InspectionHeader {
        id: r.get(0)?,
        unit_id: r.get(1)?,
        unit_name: r.get(2)?,
        held_on: opt_date(r.get(3)?),
        place: r.get(4)?,
        chair_name: r.get(5)?,
        chair_title: r.get(6)?,
        members: r.get(7)?,
        attendees: r.get(8)?,
        report: r.get(9)?,
        saved_at: r.get(10)?,
    })
}

const HEADER_SELECT: &str = "SELECT i.id, i.unit_id, u.name, i.held_on, i.place, i.chair_name, \
     i.chair_title, i.members, i.attendees, i.report, i.saved_at \
     FROM inspection i JOIN unit u ON u.id = i.unit_id";

/// Text as stored: NFC, without trailing blank space on lines or at the end.
fn clean(s: &str) -> String {
    nfc(s)
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// A directive's text as a task title: one line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn write_task(
    c: &Connection,
    inspection: &InspectionInput,
    item: &ItemInput,
    task: Option<i64>,
) -> Result<i64> {
    let title = nfc(&one_line(&item.text));
    let unit = item.unit_id.unwrap_or(inspection.unit_id);
    let deadline = opt_iso(item.deadline);
    let assigned = iso(inspection.held_on);
    let leader = clean(&inspection.chair_name);
    let office = item
        .office
        .as_deref()
        .map(|o| nfc(o.trim()))
        .filter(|o| !o.is_empty());
    let existing = match task {
        Some(id) => c
            .query_row("SELECT id FROM task WHERE id = ?1", [id], |r| {
                r.get::<_, i64>(0)
            })
            .optional()?,
        None => None,
    };
    match existing {
        Some(id) => {
            c.prepare_cached(
                // The record's deadline is the task's unless the record's own was
                // changed: an extension granted since (gia hạn) stays when the record
                // is saved again.
                "UPDATE task SET title = ?2, title_key = ?3, unit_id = ?4, assigned_on = ?5,
                   leader = ?6, office = ?8,
                   deadline = CASE WHEN EXISTS (SELECT 1 FROM conclusion_item
                                                WHERE task_id = ?1 AND deadline IS ?7)
                              THEN deadline ELSE ?7 END,
                   original_deadline = CASE WHEN EXISTS (SELECT 1 FROM extension WHERE task_id = ?1)
                                       THEN original_deadline ELSE ?7 END
                 WHERE id = ?1",
            )?
            .execute(params![
                id,
                title,
                fold(&title),
                unit,
                assigned,
                leader,
                deadline,
                office
            ])?;
            Ok(id)
        }
        None => {
            c.prepare_cached(concat!(
                "INSERT INTO task(id, title, title_key, unit_id, assigned_on, leader, deadline,
                                  original_deadline, inspection_id, office)
                 VALUES (",
                fresh_id!("task"),
                ", ?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7, ?8)"
            ))?
            .execute(params![
                title,
                fold(&title),
                unit,
                assigned,
                leader,
                deadline,
                inspection.id,
                office
            ])?;
            Ok(c.last_insert_rowid())
        }
    }
}

impl Store {
    /// Saves an inspection whole, in one transaction: header, items in order, a task
    /// for each directive (created or updated), removed items with their tasks' fate.
    /// Returns the inspection's id.
    pub fn save_inspection(&mut self, input: &InspectionInput, saved_at: &str) -> Result<i64> {
        self.save_form(input, saved_at, None)
    }

    /// The same for a form, whose draft (`draft`, a row this window holds) goes in the
    /// same transaction; every other draft stays.
    pub fn save_form(
        &mut self,
        input: &InspectionInput,
        saved_at: &str,
        draft: Option<i64>,
    ) -> Result<i64> {
        let owner = self.owner.clone();
        self.write_sql(|c| {
            let mut input = input.clone();
            let fields = [
                clean(&input.place),
                clean(&input.chair_name),
                clean(&input.chair_title),
                clean(&input.members),
                clean(&input.attendees),
                clean(&input.report),
            ];
            let id = match input.id {
                Some(id) => {
                    // A record deleted meanwhile (in another window, or under a draft
                    // restored later) is restored first, not written to unseen.
                    let deleted: Option<String> = c
                        .query_row("SELECT deleted_at FROM inspection WHERE id = ?1", [id], |r| r.get(0))
                        .optional()?
                        .flatten();
                    if deleted.is_some() {
                        return Err(Error::User(t(T::RecordDeletedNoSave).to_string()));
                    }
                    c.execute(
                        "UPDATE inspection SET unit_id = ?2, held_on = ?3, place = ?4, chair_name = ?5,
                           chair_title = ?6, members = ?7, attendees = ?8, report = ?9, saved_at = ?10
                         WHERE id = ?1",
                        params![id, input.unit_id, iso(input.held_on), fields[0], fields[1], fields[2],
                                fields[3], fields[4], fields[5], saved_at],
                    )?;
                    id
                }
                None => {
                    c.execute(
                        concat!(
                            "INSERT INTO inspection(id, unit_id, held_on, place, chair_name,
                               chair_title, members, attendees, report, saved_at)
                             VALUES (",
                            fresh_id!("inspection"),
                            ", ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
                        ),
                        params![input.unit_id, iso(input.held_on), fields[0], fields[1], fields[2],
                                fields[3], fields[4], fields[5], saved_at],
                    )?;
                    c.last_insert_rowid()
                }
            };
            input.id = Some(id);
            for (item_id, fate) in &input.removed {
                let task: Option<Option<i64>> = c
                    .query_row(
                        "SELECT task_id FROM conclusion_item WHERE id = ?1 AND inspection_id = ?2",
                        params![item_id, id],
                        |r| r.get(0),
                    )
                    .optional()?;
                c.execute("DELETE FROM conclusion_item WHERE id = ?1 AND inspection_id = ?2", params![item_id, id])?;
                if let (Some(Some(task)), TaskFate::Delete) = (task, fate) {
                    c.execute("DELETE FROM task WHERE id = ?1", [task])?;
                }
            }
            let mut position = 0i64;
            for item in &input.items {
                let text = clean(&item.text);
                if text.is_empty() {
                    continue;
                }
                position += 1;
                let old_task: Option<i64> = match item.id {
                    Some(iid) => c
                        .query_row(
                            "SELECT task_id FROM conclusion_item WHERE id = ?1 AND inspection_id = ?2",
                            params![iid, id],
                            |r| r.get(0),
                        )
                        .optional()?
                        .flatten(),
                    None => None,
                };
                // A directive keeps its task current; an item that stops being a
                // directive lets go of its task, which stays as it is.
                let (unit, deadline, task) = if item.kind == ItemKind::Directive {
                    let cleaned = ItemInput { text: text.clone(), ..item.clone() };
                    let task = write_task(c, &input, &cleaned, old_task)?;
                    (Some(item.unit_id.unwrap_or(input.unit_id)), opt_iso(item.deadline), Some(task))
                } else {
                    (None, None, None)
                };
                match item.id {
                    Some(iid) => c.execute(
                        "UPDATE conclusion_item SET position = ?3, kind = ?4, text = ?5, unit_id = ?6,
                           deadline = ?7, task_id = ?8 WHERE id = ?1 AND inspection_id = ?2",
                        params![iid, id, position, item.kind.code(), text, unit, deadline, task],
                    )?,
                    None => c.execute(
                        concat!(
                            "INSERT INTO conclusion_item(id, inspection_id, position, kind, text,
                               unit_id, deadline, task_id)
                             VALUES (",
                            fresh_id!("conclusion_item"),
                            ", ?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                        ),
                        params![id, position, item.kind.code(), text, unit, deadline, task],
                    )?,
                };
            }
            c.execute(
                "DELETE FROM draft WHERE id = ?1 AND owner = ?2",
                params![draft, owner],
            )?;
            Ok(id)
        })
    }

    pub fn inspection(&self, ctx: &Ctx, id: i64) -> Result<Option<Inspection>> {
        let c = self.conn();
        let Some(header) = c
            .query_row(
                &format!("{HEADER_SELECT} WHERE i.id = ?1 AND i.deleted_at IS NULL"),
                [id],
                header_row,
            )
            .optional()?
        else {
            return Ok(None);
        };
        let items = c
            .prepare_cached(
                "SELECT ci.id, ci.kind, ci.text, ci.unit_id, u.name, ci.deadline, ci.task_id,
                        t.assigned_on, t.deadline, t.completed_on, t.cancelled,
                        t.completion_unknown, t.office
                 FROM conclusion_item ci
                 LEFT JOIN unit u ON u.id = ci.unit_id
                 LEFT JOIN task t ON t.id = ci.task_id
                 WHERE ci.inspection_id = ?1 ORDER BY ci.position, ci.id",
            )?
            .query_map([id], |r| {
                let task_id: Option<i64> = r.get(6)?;
                let dates = TaskDates {
                    assigned_on: opt_date(r.get(7)?),
                    deadline: opt_date(r.get(8)?),
                    completed_on: opt_date(r.get(9)?),
                    cancelled: r.get::<_, Option<bool>>(10)?.unwrap_or(false),
                    completion_unknown: r.get::<_, Option<bool>>(11)?.unwrap_or(false),
                };
                let kind: String = r.get(1)?;
                Ok(ItemRow {
                    id: r.get(0)?,
                    kind: ItemKind::from_code(&kind).unwrap_or_default(),
                    text: r.get(2)?,
                    unit_id: r.get(3)?,
                    unit_name: r.get(4)?,
                    unit_label: None,
                    office: r.get(12)?,
                    deadline: opt_date(r.get(5)?),
                    task_id,
                    task_status: task_id.and_then(|_| status(&dates, ctx.as_of, ctx.soon_days)),
                })
            })?
            .collect::<rusqlite::Result<Vec<ItemRow>>>()?;
        let mut items = items;
        for it in &mut items {
            if let Some(id) = it.unit_id {
                it.unit_label = Some(self.unit_label(ctx, id)?);
            }
        }
        Ok(Some(Inspection { header, items }))
    }

    /// Inspections newest first, of one unit or of all: those with a conclusion only,
    /// so `latest` never names a record with nothing in it, nor a deleted one.
    pub fn inspection_ids(&self, unit_id: Option<i64>) -> Result<Vec<i64>> {
        Ok(self.conn()
            .prepare_cached(
                "SELECT i.id FROM inspection i WHERE (?1 IS NULL OR i.unit_id = ?1)
                 AND i.deleted_at IS NULL
                 AND EXISTS (SELECT 1 FROM conclusion_item c WHERE c.inspection_id = i.id AND trim(c.text) <> '')
                 ORDER BY i.held_on DESC, i.id DESC",
            )?
            .query_map([unit_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// A unit's inspections, newest first; the deleted ones too with `deleted`.
    pub fn inspections_of(&self, unit_id: i64, deleted: bool) -> Result<Vec<InspectionSummary>> {
        Ok(self.conn()
            .prepare_cached(
                "SELECT i.id, i.held_on, i.chair_name,
                        (SELECT count(*) FROM conclusion_item WHERE inspection_id = i.id),
                        (SELECT count(*) FROM conclusion_item WHERE inspection_id = i.id AND kind = 'directive'),
                        i.deleted_at
                 FROM inspection i WHERE i.unit_id = ?1 AND (?2 OR i.deleted_at IS NULL)
                 ORDER BY i.held_on DESC, i.id DESC",
            )?
            .query_map(params![unit_id, deleted], |r| {
                Ok(InspectionSummary {
                    id: r.get(0)?,
                    held_on: opt_date(r.get(1)?),
                    chair_name: r.get(2)?,
                    items: r.get(3)?,
                    directives: r.get(4)?,
                    deleted_at: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// The newest inspection of a unit on or before a date (excluding one being
    /// edited), for prefilling a new one and showing last time's directives.
    pub fn previous_inspection(
        &self,
        unit_id: i64,
        before: NaiveDate,
        except: Option<i64>,
    ) -> Result<Option<InspectionHeader>> {
        Ok(self
            .conn()
            .query_row(
                &format!(
                    "{HEADER_SELECT} WHERE i.unit_id = ?1 AND i.held_on <= ?2 AND i.id IS NOT ?3
                     AND i.deleted_at IS NULL
                     ORDER BY i.held_on DESC, i.id DESC LIMIT 1"
                ),
                params![unit_id, iso(before), except],
                header_row,
            )
            .optional()?)
    }

    /// The newest inspection of any unit: its chair and members prefill a first visit.
    pub fn latest_inspection(&self) -> Result<Option<InspectionHeader>> {
        Ok(self
            .conn()
            .query_row(
                &format!(
                    "{HEADER_SELECT} WHERE i.deleted_at IS NULL ORDER BY i.held_on DESC, i.id DESC LIMIT 1"
                ),
                [],
                header_row,
            )
            .optional()?)
    }

    /// Names typed before (chairs, members, attendees), most recent first, for completion.
    pub fn people(&self) -> Result<Vec<String>> {
        let mut out: Vec<String> = Vec::new();
        let mut stmt = self.conn().prepare_cached(
            "SELECT chair_name, members, attendees FROM inspection WHERE deleted_at IS NULL
             ORDER BY held_on DESC, id DESC LIMIT 500",
        )?;
        let rows = stmt.query_map([], |r| Ok([r.get::<_, String>(0)?, r.get(1)?, r.get(2)?]))?;
        for row in rows {
            for field in row? {
                for line in field.lines().map(str::trim).filter(|l| !l.is_empty()) {
                    if !out.iter().any(|p| p == line) {
                        out.push(line.to_string());
                    }
                }
            }
        }
        Ok(out)
    }
}
