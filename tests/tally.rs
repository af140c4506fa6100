//! The units' tallies (`unit_tally`, kept by triggers) against the tasks themselves:
//! after a random run of every kind of write, the tally equals a recount, and every
//! figure and page read with its help equals the domain rule applied task by task, as
//! of dates before, at and after the writes.

mod common;

use chrono::{Duration, NaiveDate};
use common::date;
use tct::domain::inspection::ItemKind;
use tct::domain::scorecard::TaskCounts;
use tct::domain::task::{TaskDates, TaskStatus, status};
use tct::domain::unit::UnitKind;
use tct::import::ImportKind;
use tct::import::Options;
use tct::model::{
    Ctx, DeadlineChange, InspectionInput, ItemInput, NewTask, NewUnit, TaskFate, TaskMode,
    TaskScope,
};
use tct::store::Store;

const UNITS: [&str; 4] = ["Hòa Bình", "Tân Lập", "Đông Sơn", "Yên Phúc"];

fn base() -> NaiveDate {
    date("15/06/2024")
}

fn ctx_on(d: NaiveDate) -> Ctx {
    Ctx {
        as_of: d,
        soon_days: 3,
    }
}

/// The test's units, written in `c`; their ids.
fn add_units(c: &tct::store::Tx) -> tct::error::Result<Vec<i64>> {
    UNITS
        .iter()
        .map(|n| {
            c.insert_unit(&NewUnit {
                name: n.to_string(),
                kind: UnitKind::Xa,
                code: None,
                parent_id: None,
                valid_from: None,
                valid_to: None,
            })
        })
        .collect()
}

fn new_store() -> (Store, Vec<i64>) {
    let mut store = Store::open_in_memory().unwrap();
    let ids = store.write(add_units).unwrap();
    (store, ids)
}

/// Dates around the base day, some after it: completions and assignments "in the
/// future" are what make a tally stop holding.
fn some_date(rng: &mut fastrand::Rng) -> NaiveDate {
    base() + Duration::days(rng.i64(-300..40))
}

fn random_task(rng: &mut fastrand::Rng, units: &[i64]) -> NewTask {
    let assigned = some_date(rng);
    let deadline = (rng.u8(..5) != 0).then(|| assigned + Duration::days(rng.i64(0..90)));
    let completed = (rng.u8(..3) != 0).then(|| assigned + Duration::days(rng.i64(0..120)));
    NewTask {
        title: format!("Nhiệm vụ {}", rng.u32(..1_000_000)),
        doc_number: Some(format!("{}/UBND", rng.u32(..1_000_000))),
        unit_id: units[rng.usize(..units.len())],
        assigned_on: Some(assigned).filter(|_| rng.u8(..10) != 0),
        deadline,
        completed_on: completed,
        // Kept and shown, counted nowhere.
        cancelled: rng.u8(..8) == 0,
        ..Default::default()
    }
}

fn dmy(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_default()
}

/// A CSV of tasks in the office's layout, imported whole.
fn import(store: &mut Store, rng: &mut fastrand::Rng, rows: usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nhiem-vu.csv");
    let mut csv = String::from(
        "Số/ký hiệu văn bản;Ngày giao;Lãnh đạo chỉ đạo;Tên nhiệm vụ;Đơn vị chủ trì;Hạn xử lý;Ngày hoàn thành;Tình trạng\n",
    );
    for _ in 0..rows {
        let assigned = some_date(rng);
        let deadline = (rng.u8(..5) != 0).then(|| assigned + Duration::days(rng.i64(0..90)));
        let completed = (rng.u8(..3) != 0).then(|| assigned + Duration::days(rng.i64(0..120)));
        // Some cancelled, some done on a day the file does not give.
        let said = match rng.u8(..10) {
            0 => "Bị hủy",
            1 if completed.is_none() => "Đã hoàn thành quá hạn",
            2 if completed.is_none() => "Đã hoàn thành đúng hạn",
            _ => "",
        };
        csv.push_str(&format!(
            "{}/NK;{};Chủ tịch UBND tỉnh;Nhập nhiệm vụ {};{};{};{};{said}\n",
            rng.u32(..1_000_000_000),
            dmy(Some(assigned)),
            rng.u32(..1_000_000_000),
            UNITS[rng.usize(..UNITS.len())],
            deadline.map_or("01/01/1970".into(), |d| dmy(Some(d))),
            dmy(completed),
        ));
    }
    std::fs::write(&path, csv).unwrap();
    let opts = Options {
        kind: Some(ImportKind::Tasks),
        ..Options::default()
    };
    tct::import::run(store, &ctx_on(base()), &path, &opts).unwrap();
}

fn task_ids(store: &Store) -> Vec<i64> {
    store.import_tasks().unwrap().iter().map(|t| t.id).collect()
}

/// One random write of any kind the app, the import or an inspection makes.
fn random_write(store: &mut Store, rng: &mut fastrand::Rng, units: &[i64]) {
    let ids = task_ids(store);
    let pick = |rng: &mut fastrand::Rng| ids[rng.usize(..ids.len())];
    match rng.u8(..8) {
        _ if ids.is_empty() => {
            let t = random_task(rng, units);
            store.write(|c| c.insert_task(&t)).unwrap();
        }
        0 => {
            let n = rng.usize(1..6);
            let tasks: Vec<NewTask> = (0..n).map(|_| random_task(rng, units)).collect();
            store
                .write(|c| tasks.iter().try_for_each(|t| c.insert_task(t).map(drop)))
                .unwrap();
        }
        // Completed, reopened (completion cleared) or moved to another unit.
        1..=3 => {
            let id = pick(rng);
            let rec = store
                .import_tasks()
                .unwrap()
                .into_iter()
                .find(|t| t.id == id)
                .unwrap();
            let mut t = NewTask {
                title: rec.title,
                doc_number: rec.doc_number,
                unit_id: rec.unit_id,
                assigned_on: rec.assigned_on,
                deadline: rec.deadline,
                completed_on: rec.completed_on,
                completion_unknown: rec.completion_unknown,
                cancelled: rec.cancelled,
                ..Default::default()
            };
            match rng.u8(..4) {
                0 => t.completed_on = Some(some_date(rng)),
                1 => t.completed_on = None,
                2 => t.cancelled = !t.cancelled,
                _ => t.unit_id = units[rng.usize(..units.len())],
            }
            store
                .write(|c| c.update_task(id, &t, DeadlineChange::Keep, ""))
                .unwrap();
        }
        4 => {
            let id = pick(rng);
            let rec = store
                .import_tasks()
                .unwrap()
                .into_iter()
                .find(|t| t.id == id)
                .unwrap();
            let from = rec.deadline.or(rec.assigned_on).unwrap_or(base());
            let new = from + Duration::days(rng.i64(1..60));
            store
                .write(|c| c.extend_deadline(id, Some(base()), new, "gia hạn"))
                .unwrap();
        }
        5 => {
            let id = pick(rng);
            store
                .connection()
                .execute("DELETE FROM task WHERE id = ?1", [id])
                .unwrap();
        }
        6 => {
            let rows = rng.usize(1..30);
            import(store, rng, rows);
        }
        _ => inspect(store, rng, units),
    }
}

/// An inspection whose directives become tasks; saved again with a directive moved
/// to another unit and deadline, and with one deleted together with its task.
fn inspect(store: &mut Store, rng: &mut fastrand::Rng, units: &[i64]) {
    let unit = units[rng.usize(..units.len())];
    let held_on = some_date(rng);
    let directive = |rng: &mut fastrand::Rng| ItemInput {
        id: None,
        kind: ItemKind::Directive,
        text: format!("Chỉ đạo {}", rng.u32(..1000)),
        unit_id: None,
        deadline: Some(held_on + Duration::days(rng.i64(1..60))),
        office: None,
    };
    let mut input = InspectionInput {
        unit_id: unit,
        held_on,
        place: "Trụ sở".into(),
        chair_name: "Tổ trưởng".into(),
        items: vec![directive(rng), directive(rng), directive(rng)],
        ..Default::default()
    };
    let id = store
        .save_inspection(&input, "2024-06-15 17:00:00")
        .unwrap();
    let saved = store.inspection(&ctx_on(base()), id).unwrap().unwrap();
    input.id = Some(id);
    input.items = saved
        .items
        .iter()
        .skip(1)
        .map(|i| ItemInput {
            id: Some(i.id),
            kind: i.kind,
            text: i.text.clone(),
            unit_id: i.unit_id,
            deadline: i.deadline,
            office: i.office.clone(),
        })
        .collect();
    input.items[0].unit_id = Some(units[rng.usize(..units.len())]);
    input.items[0].deadline = Some(held_on + Duration::days(rng.i64(60..120)));
    input.removed = vec![(saved.items[0].id, TaskFate::Delete)];
    store
        .save_inspection(&input, "2024-06-15 17:05:00")
        .unwrap();
}

/// Every task of a unit as the rule sees it, in the list's order: open with a
/// deadline, open without, done; by deadline, latest completion, id. Read whole from
/// the table, with no page, count or tally involved.
fn by_rule(store: &Store, c: &Ctx, unit: i64) -> Vec<(i64, TaskStatus)> {
    let mut rows: Vec<_> = store
        .import_tasks()
        .unwrap()
        .into_iter()
        .filter(|t| t.unit_id == unit)
        .filter_map(|t| {
            let dates = TaskDates {
                assigned_on: t.assigned_on,
                deadline: t.deadline,
                completed_on: t.completed_on,
                completion_unknown: t.completion_unknown,
                cancelled: t.cancelled,
            };
            status(&dates, c.as_of, c.soon_days).map(|s| (t, s))
        })
        .collect();
    let key = |(t, s): &(tct::model::TaskRec, TaskStatus)| {
        let group = match s {
            TaskStatus::Cancelled => 3,
            s if s.is_done() => 2,
            TaskStatus::NoDeadline => 1,
            _ => 0,
        };
        (group, t.deadline, std::cmp::Reverse(t.completed_on), t.id)
    };
    rows.sort_by_key(key);
    rows.into_iter().map(|(t, s)| (t.id, s)).collect()
}

/// Figures, lengths and pages of every unit and of the province, as of `day`, equal
/// the rule's.
fn check_against_rule(store: &Store, units: &[i64], day: NaiveDate) {
    let c = ctx_on(day);
    let mut province_overdue = 0;
    for &u in units {
        let rule = by_rule(store, &c, u);
        let mut counts = TaskCounts::default();
        rule.iter().for_each(|(_, s)| counts.add(*s));
        assert_eq!(
            store.task_counts(&c, u).unwrap(),
            counts,
            "unit {u} on {day}"
        );
        province_overdue += counts.overdue as usize;
        for mode in [TaskMode::All, TaskMode::Open, TaskMode::Overdue] {
            let keep = |s: &TaskStatus| match mode {
                TaskMode::All => true,
                TaskMode::Open => !s.is_done() && *s != TaskStatus::Cancelled,
                TaskMode::Overdue => matches!(s, TaskStatus::Overdue { .. }),
            };
            let mut want: Vec<(i64, TaskStatus)> =
                rule.iter().filter(|(_, s)| keep(s)).copied().collect();
            if mode == TaskMode::Overdue {
                // The overdue list is by days overdue, then id (as the province's).
                want.sort_by_key(|(id, s)| match s {
                    TaskStatus::Overdue { days } => (-days, *id),
                    _ => unreachable!(),
                });
            }
            let want: Vec<i64> = want.into_iter().map(|r| r.0).collect();
            let scope = TaskScope::Unit(u);
            assert_eq!(
                store.count_tasks(&c, scope, mode, "").unwrap(),
                want.len(),
                "{mode:?} of unit {u} on {day}"
            );
            // Pages of 7 from every offset, one window of the rule's order.
            let mut paged = Vec::new();
            for off in (0..want.len() + 7).step_by(7) {
                let page = store.tasks_page(&c, scope, mode, "", off, 7).unwrap();
                assert!(page.len() <= 7);
                paged.extend(page.into_iter().map(|r| r.id));
            }
            assert_eq!(paged, want, "{mode:?} pages of unit {u} on {day}");
        }
    }
    assert_eq!(
        store
            .count_tasks(&c, TaskScope::AllUnits, TaskMode::Overdue, "")
            .unwrap(),
        province_overdue,
        "province on {day}"
    );
}

fn days_to_check() -> [NaiveDate; 5] {
    let at = |d: i64| base() + Duration::days(d);
    // Long before, amid the writes, the base day, after the last one, far after.
    [at(-400), at(-100), at(0), at(170), at(3000)]
}

#[test]
fn random_writes_keep_the_tally_equal_to_a_recount() {
    for seed in 1..=3 {
        let (mut store, units) = new_store();
        let mut rng = fastrand::Rng::with_seed(seed);
        for step in 0..120 {
            random_write(&mut store, &mut rng, &units);
            assert_eq!(
                store.tally_drift().unwrap(),
                Vec::<i64>::new(),
                "seed {seed}, step {step}"
            );
            if step % 40 == 39 {
                for day in days_to_check() {
                    check_against_rule(&store, &units, day);
                }
            }
        }
    }
}

#[test]
fn a_large_import_recounts_the_tally_and_keeps_its_triggers() {
    let (mut store, units) = new_store();
    let mut rng = fastrand::Rng::with_seed(7);
    let schema = |store: &Store| -> Vec<(String, String)> {
        store
            .connection()
            .prepare("SELECT name, sql FROM sqlite_master WHERE tbl_name = 'task' ORDER BY name")
            .unwrap()
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                ))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    let before = schema(&store);
    // Enough rows against the tasks already there for the recount path, which lifts
    // the triggers and the indexes and puts them back.
    import(&mut store, &mut rng, 1500);
    assert_eq!(
        schema(&store),
        before,
        "every index and trigger is back as it was"
    );
    assert_eq!(store.tally_drift().unwrap(), Vec::<i64>::new());
    for day in days_to_check() {
        check_against_rule(&store, &units, day);
    }
    // The triggers are back: later single writes keep the tally too.
    for _ in 0..30 {
        random_write(&mut store, &mut rng, &units);
    }
    assert_eq!(store.tally_drift().unwrap(), Vec::<i64>::new());
    let triggers: i64 = store
        .connection()
        .query_row(
            "SELECT count(*) FROM sqlite_master
             WHERE type = 'trigger' AND tbl_name = 'task' AND name LIKE 'task_tally_%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(triggers, 3);
}

#[test]
fn a_failed_bulk_write_leaves_tally_and_triggers_as_they_were() {
    let (mut store, units) = new_store();
    let t = random_task(&mut fastrand::Rng::with_seed(3), &units);
    let err = store.write(|c| {
        c.bulk_tasks(5000, |c| {
            for _ in 0..5000 {
                c.insert_task(&t)?;
            }
            Err::<(), _>(rusqlite::Error::InvalidQuery.into())
        })
    });
    assert!(err.is_err());
    store.write(|c| c.insert_task(&t)).unwrap();
    assert_eq!(store.tally_drift().unwrap(), Vec::<i64>::new());
    assert_eq!(store.import_tasks().unwrap().len(), 1);
}

#[test]
fn the_tally_is_read_only_as_of_dates_after_every_write() {
    let (mut store, units) = new_store();
    let u = units[0];
    store
        .write(|c| {
            for (assigned, deadline, done) in [
                ("01/03/2024", "01/04/2024", Some("20/03/2024")),
                ("01/03/2024", "01/04/2024", Some("10/05/2024")),
                ("01/03/2024", "01/05/2024", None),
            ] {
                c.insert_task(&NewTask {
                    title: "Nhiệm vụ".into(),
                    unit_id: u,
                    assigned_on: Some(date(assigned)),
                    deadline: Some(date(deadline)),
                    completed_on: done.map(date),
                    ..Default::default()
                })?;
            }
            Ok(())
        })
        .unwrap();
    // A wrong tally shows as of a date after the last completion (it is read there)
    // and not before it (the tasks are counted); the drift check names the unit.
    store
        .connection()
        .execute(
            "UPDATE unit_tally SET done_late = done_late + 5 WHERE unit_id = ?1",
            [u],
        )
        .unwrap();
    let after = ctx_on(date("01/06/2024"));
    let before = ctx_on(date("01/05/2024"));
    assert_eq!(store.task_counts(&after, u).unwrap().done_late, 6);
    assert_eq!(store.task_counts(&before, u).unwrap().done_late, 0);
    assert_eq!(store.tally_drift().unwrap(), vec![u]);
}

#[test]
fn the_migration_fills_the_tally_of_an_existing_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cu.db");
    let units = {
        let mut store = Store::open(&path).unwrap();
        let mut rng = fastrand::Rng::with_seed(11);
        store
            .write(|c| {
                let ids = add_units(c)?;
                for _ in 0..300 {
                    c.insert_task(&random_task(&mut rng, &ids))?;
                }
                Ok(ids)
            })
            .unwrap()
    };
    // The same rows in a file of version 3, which had no tally: made by version 3's
    // own migrations, so it is exactly what that tct left.
    let path = dir.path().join("v3.db");
    common::at_version(&dir.path().join("cu.db"), &path, 3);
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        tct::store::latest_version()
    );
    let tallied: i64 = store
        .connection()
        .query_row("SELECT sum(tasks) FROM unit_tally", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tallied, 300);
    assert_eq!(store.tally_drift().unwrap(), Vec::<i64>::new());
    for day in days_to_check() {
        check_against_rule(&store, &units, day);
    }
}

#[test]
fn generate_leaves_the_tally_right() {
    let mut store = Store::open_in_memory().unwrap();
    let spec = tct::generate::Spec {
        units: 24,
        tasks: 4000,
        targets_per_unit: 1,
        years: 1,
        seed: 5,
        as_of: base(),
    };
    tct::generate::generate(&mut store, &spec, false).unwrap();
    assert_eq!(store.tally_drift().unwrap(), Vec::<i64>::new());
    let units: Vec<i64> = store.import_units().unwrap().iter().map(|u| u.id).collect();
    check_against_rule(&store, &units, base());
}

/// A file of the version before cancelled tasks (migration 8), its tally
/// off: the migration that leaves cancelled tasks out counts every unit again, and
/// its triggers keep the tally right as tasks are cancelled and taken back.
#[test]
fn the_migration_to_cancelled_tasks_recounts_an_existing_database() {
    let dir = tempfile::tempdir().unwrap();
    let now = dir.path().join("cu.db");
    let units = {
        let mut store = Store::open(&now).unwrap();
        let mut rng = fastrand::Rng::with_seed(13);
        store
            .write(|c| {
                let ids = add_units(c)?;
                for _ in 0..200 {
                    let t = NewTask {
                        cancelled: false,
                        ..random_task(&mut rng, &ids)
                    };
                    c.insert_task(&t)?;
                }
                Ok(ids)
            })
            .unwrap()
    };
    let path = dir.path().join("before.db");
    // Version 7: the last before cancelled tasks (migration 8).
    common::at_version(&now, &path, 7);
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch("UPDATE unit_tally SET done_late = done_late + 3")
        .unwrap();
    let mut store = Store::open(&path).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        tct::store::latest_version()
    );
    assert_eq!(store.tally_drift().unwrap(), Vec::<i64>::new());
    let tallied = |store: &Store| -> i64 {
        store
            .connection()
            .query_row("SELECT sum(tasks) FROM unit_tally", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(tallied(&store), 200);
    // Cancel ten tasks, then take two back: the tally follows, the lists too.
    let ids = task_ids(&store);
    let set = |store: &mut Store, id: i64, cancelled: bool| {
        let rec = store
            .import_tasks()
            .unwrap()
            .into_iter()
            .find(|t| t.id == id)
            .unwrap();
        let t = NewTask {
            cancelled,
            ..rec.fields()
        };
        store
            .write(|c| c.update_task(id, &t, DeadlineChange::Keep, ""))
            .unwrap();
    };
    for &id in &ids[..10] {
        set(&mut store, id, true);
    }
    for &id in &ids[..2] {
        set(&mut store, id, false);
    }
    assert_eq!(tallied(&store), 192);
    assert_eq!(store.tally_drift().unwrap(), Vec::<i64>::new());
    for day in days_to_check() {
        check_against_rule(&store, &units, day);
    }
    // A cancelled task is shown in its unit's full list, after the others.
    let cancelled = ids[5];
    let unit = store
        .import_tasks()
        .unwrap()
        .into_iter()
        .find(|t| t.id == cancelled)
        .unwrap()
        .unit_id;
    let c = ctx_on(date("01/01/2030"));
    let all = store
        .tasks_page(&c, TaskScope::Unit(unit), TaskMode::All, "", 0, 1000)
        .unwrap();
    let last = all.iter().rposition(|r| r.id == cancelled).unwrap();
    assert_eq!(all[last].status, TaskStatus::Cancelled);
    assert!(
        all[last..]
            .iter()
            .all(|r| r.status == TaskStatus::Cancelled)
    );
}

/// The tally and the lists as of every checked day, and the sum of all tasks.
fn tallied_tasks(store: &Store) -> i64 {
    store
        .connection()
        .query_row("SELECT coalesce(sum(tasks), 0) FROM unit_tally", [], |r| {
            r.get(0)
        })
        .unwrap()
}

fn check_everything(store: &Store, units: &[i64]) {
    assert_eq!(store.tally_drift().unwrap(), Vec::<i64>::new());
    for day in days_to_check() {
        check_against_rule(store, units, day);
    }
}

/// An inspection of `unit` whose three directives became tasks (one done late,
/// one extended), among random tasks; its id.
fn inspection_with_tasks(store: &mut Store, units: &[i64]) -> i64 {
    let unit = units[0];
    let held_on = base() - Duration::days(90);
    let directive = |n: i64| ItemInput {
        kind: ItemKind::Directive,
        text: format!("Chỉ đạo số {n}"),
        unit_id: Some(units[n as usize % units.len()]),
        deadline: Some(held_on + Duration::days(20 * n)),
        ..Default::default()
    };
    let input = InspectionInput {
        unit_id: unit,
        held_on,
        chair_name: "Tổ trưởng".into(),
        items: vec![
            ItemInput {
                kind: ItemKind::Result,
                text: "Kết quả".into(),
                ..Default::default()
            },
            directive(1),
            directive(2),
            directive(3),
        ],
        ..Default::default()
    };
    let id = store
        .save_inspection(&input, "2024-03-17 17:00:00")
        .unwrap();
    let saved = store.inspection(&ctx_on(base()), id).unwrap().unwrap();
    let tasks: Vec<i64> = saved.items.iter().filter_map(|i| i.task_id).collect();
    assert_eq!(tasks.len(), 3);
    store
        .write(|c| {
            c.extend_deadline(
                tasks[0],
                Some(held_on),
                held_on + Duration::days(50),
                "CV 1",
            )?;
            let rec = NewTask {
                completed_on: Some(held_on + Duration::days(45)),
                ..store_task(c, tasks[1])
            };
            c.update_task(tasks[1], &rec, DeadlineChange::Keep, "")
        })
        .unwrap();
    id
}

/// A task's fields as stored, read in a write.
fn store_task(c: &tct::store::Tx, id: i64) -> NewTask {
    let (title, unit, deadline) = c.task_now(id).unwrap().unwrap();
    NewTask {
        title,
        unit_id: unit,
        deadline,
        assigned_on: Some(base() - Duration::days(90)),
        ..Default::default()
    }
}

/// Deleting an inspection with its tasks takes them out of every count, tally and
/// list, as a recount says; restoring it brings them back with their history, and
/// the figures are what they were. Deleting it keeping its tasks counts them still.
#[test]
fn deleting_and_restoring_an_inspection_keeps_every_count_true() {
    let (mut store, units) = new_store();
    let mut rng = fastrand::Rng::with_seed(21);
    store
        .write(|c| {
            for _ in 0..120 {
                c.insert_task(&random_task(&mut rng, &units))?;
            }
            Ok(())
        })
        .unwrap();
    let id = inspection_with_tasks(&mut store, &units);
    check_everything(&store, &units);
    let before = tallied_tasks(&store);
    let figures = |store: &Store| -> Vec<TaskCounts> {
        let c = ctx_on(base());
        units
            .iter()
            .map(|&u| store.task_counts(&c, u).unwrap())
            .collect()
    };
    let counted = figures(&store);
    let history = |store: &Store| -> i64 {
        store
            .connection()
            .query_row("SELECT count(*) FROM extension", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(history(&store), 1);
    assert_eq!(store.inspection_ids(None).unwrap(), vec![id]);

    let moved = store
        .write(|c| c.delete_inspection(id, true, "2024-06-15 09:00:00"))
        .unwrap();
    assert_eq!(moved, Some(3));
    assert_eq!(tallied_tasks(&store), before - 3);
    assert_ne!(figures(&store), counted);
    assert_eq!(history(&store), 0);
    check_everything(&store, &units);
    // Gone from every list of records, the report's and the export's too.
    assert_eq!(store.inspection_ids(None).unwrap(), Vec::<i64>::new());
    assert!(store.inspection(&ctx_on(base()), id).unwrap().is_none());
    assert!(store.inspections_of(units[0], false).unwrap().is_empty());
    let listed = store.inspections_of(units[0], true).unwrap();
    assert_eq!(listed[0].deleted_at.as_deref(), Some("2024-06-15 09:00:00"));
    assert!(
        store
            .previous_inspection(units[0], base(), None)
            .unwrap()
            .is_none()
    );
    // Twice is nothing.
    assert_eq!(
        store
            .write(|c| c.delete_inspection(id, true, "2024-06-15 09:01:00"))
            .unwrap(),
        None
    );

    // A task written meanwhile may take a freed id: the restored one takes another.
    store
        .write(|c| c.insert_task(&random_task(&mut rng, &units)))
        .unwrap();
    let with_new = tallied_tasks(&store);
    assert_eq!(store.write(|c| c.restore_inspection(id)).unwrap(), Some(3));
    assert_eq!(tallied_tasks(&store), with_new + 3);
    assert_eq!(history(&store), 1);
    check_everything(&store, &units);
    let back = store.inspection(&ctx_on(base()), id).unwrap().unwrap();
    let linked: Vec<i64> = back.items.iter().filter_map(|i| i.task_id).collect();
    assert_eq!(linked.len(), 3, "each directive has its task again");
    assert!(
        back.items
            .iter()
            .filter(|i| i.task_id.is_some())
            .all(|i| i.task_status.is_some())
    );
    assert_eq!(store.inspection_ids(None).unwrap(), vec![id]);
    assert_eq!(store.write(|c| c.restore_inspection(id)).unwrap(), None);

    // Deleted keeping its tasks: the record goes, every count stays.
    let counted = figures(&store);
    let tallied = tallied_tasks(&store);
    assert_eq!(
        store
            .write(|c| c.delete_inspection(id, false, "2024-06-15 10:00:00"))
            .unwrap(),
        Some(0)
    );
    assert_eq!(figures(&store), counted);
    assert_eq!(tallied_tasks(&store), tallied);
    assert_eq!(store.tasks_of_inspection(id).unwrap(), 3);
    check_everything(&store, &units);
    assert_eq!(store.write(|c| c.restore_inspection(id)).unwrap(), Some(0));
    assert_eq!(figures(&store), counted);
}

/// A file of version 9, before records could be deleted, opens as the latest: its
/// inspections are all there, none deleted, and one deletes and restores as in a new
/// file.
#[test]
fn a_file_from_before_deleted_records_upgrades() {
    let dir = tempfile::tempdir().unwrap();
    let now = dir.path().join("cu.db");
    let (units, id) = {
        let mut store = Store::open(&now).unwrap();
        let units = store.write(add_units).unwrap();
        let id = inspection_with_tasks(&mut store, &units);
        (units, id)
    };
    let path = dir.path().join("v9.db");
    common::at_version(&now, &path, 9);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        tct::store::latest_version()
    );
    assert_eq!(store.inspection_ids(None).unwrap(), vec![id]);
    assert_eq!(store.inspections_of(units[0], false).unwrap().len(), 1);
    assert_eq!(tallied_tasks(&store), 3);
    store
        .write(|c| c.delete_inspection(id, true, "2024-06-15 09:00:00"))
        .unwrap();
    assert_eq!(tallied_tasks(&store), 0);
    check_everything(&store, &units);
    store.write(|c| c.restore_inspection(id)).unwrap();
    assert_eq!(tallied_tasks(&store), 3);
    check_everything(&store, &units);
}
