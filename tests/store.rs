//! The store on temporary files: opening and refusing files, the demo's figures,
//! SQL counts against the domain rules, order, filters and paging.

mod common;

use common::{ctx, date, demo_store};
use tct::domain::scorecard::TaskCounts;
use tct::domain::task::{TaskDates, TaskStatus, status};
use tct::domain::text::fold;
use tct::domain::unit::UnitKind;
use tct::error::Error as OpenError;
use tct::model::{NewTask, NewUnit, TaskMode, TaskScope, UnitLookup};
use tct::store::{APPLICATION_ID, Store, latest_version};

fn unit_id(store: &Store, name: &str) -> i64 {
    match store.find_unit(name, date("23/09/2022")).unwrap() {
        UnitLookup::Found(id, _) => id,
        UnitLookup::NotFound(c) | UnitLookup::Ambiguous(c) => {
            panic!("{name} not found; closest {c:?}")
        }
    }
}

#[test]
fn trang_dinh_matches_the_article() {
    let (_d, store) = demo_store();
    let card = store
        .unit_row(&ctx("23/09/2022"), unit_id(&store, "trang dinh"))
        .unwrap()
        .unwrap()
        .card;
    assert_eq!(
        (
            card.targets.met,
            card.targets.above70,
            card.targets.below70,
            card.targets.no_data
        ),
        (2, 4, 8, 0)
    );
    assert_eq!((card.tasks.done_on_time, card.tasks.due()), (11, 11));
    assert_eq!(
        card.phrase(tct::i18n::Lang::Vi),
        "02/14 chỉ tiêu đạt và vượt, 04/14 đạt trên 70%, 08/14 dưới 70%; \
         11/11 nhiệm vụ hoàn thành đúng hạn"
    );
}

#[test]
fn demo_has_the_eleven_districts_of_2022_and_the_communes_of_2025() {
    let (_d, store) = demo_store();
    let c2022 = ctx("23/09/2022");
    let units = store.units_page(&c2022, "", 0, 100).unwrap();
    let districts: Vec<_> = units
        .iter()
        .filter(|u| matches!(u.kind, UnitKind::Huyen | UnitKind::ThanhPho))
        .collect();
    assert_eq!(districts.len(), 11);
    let mut codes: Vec<_> = districts.iter().filter_map(|u| u.code.clone()).collect();
    codes.sort();
    assert_eq!(
        codes,
        (178..=189)
            .filter(|c| *c != 179)
            .map(|c| c.to_string())
            .collect::<Vec<_>>()
    );
    // After the reform the districts are gone and the communes are there.
    let later = store.units_page(&ctx("01/03/2026"), "", 0, 100).unwrap();
    assert!(later.iter().all(|u| u.kind != UnitKind::Huyen));
    assert!(
        later
            .iter()
            .any(|u| u.name == "Thất Khê" && u.kind == UnitKind::Xa)
    );
    // Some units have overdue tasks, and some targets are lower-is-better.
    assert!(units.iter().filter(|u| u.card.tasks.overdue > 0).count() >= 4);
}

/// Every task of a unit, classified one by one with the domain rule.
fn counts_by_rule(store: &Store, c: &tct::model::Ctx, unit: i64) -> TaskCounts {
    let rows = store
        .tasks_page(c, TaskScope::Unit(unit), TaskMode::All, "", 0, 100_000)
        .unwrap();
    let mut counts = TaskCounts::default();
    for r in rows {
        let dates = TaskDates {
            assigned_on: r.assigned_on,
            deadline: r.deadline,
            completed_on: r.completed_on,
            cancelled: r.status == tct::domain::task::TaskStatus::Cancelled,
            ..Default::default()
        };
        counts.add(status(&dates, c.as_of, c.soon_days).expect("listed tasks are assigned"));
    }
    counts
}

#[test]
fn sql_counts_agree_with_the_domain_rule() {
    let (_d, store) = demo_store();
    for day in [
        "01/01/2022",
        "30/06/2022",
        "23/09/2022",
        "24/09/2022",
        "26/09/2022",
        "31/12/2022",
        "01/03/2026",
    ] {
        let c = ctx(day);
        for u in store.units_page(&c, "", 0, 100).unwrap() {
            assert_eq!(
                store.task_counts(&c, u.id).unwrap(),
                counts_by_rule(&store, &c, u.id),
                "{} on {day}",
                u.name
            );
        }
    }
}

#[test]
fn sql_counts_agree_on_edge_dates() {
    // Deadlines and completions on, just before and just after the as-of date.
    let mut store = Store::open_in_memory().unwrap();
    let as_of = date("15/06/2022");
    let unit = store
        .write(|c| {
            let u = c.insert_unit(&NewUnit {
                name: "Thử".into(),
                kind: UnitKind::Xa,
                code: None,
                parent_id: None,
                valid_from: None,
                valid_to: None,
            })?;
            let days = [-40i64, -4, -3, -1, 0, 1, 2, 3, 4, 40];
            for dl in days.iter().map(|d| Some(*d)).chain([None]) {
                for done in days.iter().map(|d| Some(*d)).chain([None]) {
                    for assigned in [-50i64, 1] {
                        let at = |d: i64| as_of + chrono::Duration::days(d);
                        let deadline = dl.map(at);
                        let assigned_on = Some(at(assigned));
                        if deadline.is_some_and(|d| Some(d) < assigned_on) {
                            continue;
                        }
                        c.insert_task(&NewTask {
                            title: "Nhiệm vụ".into(),
                            unit_id: u,
                            assigned_on,
                            deadline,
                            completed_on: done.map(at),
                            ..Default::default()
                        })?;
                    }
                }
            }
            Ok(u)
        })
        .unwrap();
    let c = tct::model::Ctx {
        as_of,
        soon_days: 3,
    };
    let sql = store.task_counts(&c, unit).unwrap();
    assert_eq!(sql, counts_by_rule(&store, &c, unit));
    assert!(sql.overdue > 0 && sql.due_soon > 0 && sql.done_late > 0 && sql.no_deadline > 0);
}

#[test]
fn tasks_list_overdue_first_and_province_view_most_overdue_first() {
    let (_d, store) = demo_store();
    let c = ctx("23/09/2022");
    let rows = store
        .tasks_page(
            &c,
            TaskScope::Unit(unit_id(&store, "cao loc")),
            TaskMode::All,
            "",
            0,
            100,
        )
        .unwrap();
    let rank = |s: &TaskStatus| match s {
        TaskStatus::Overdue { .. } => 0,
        TaskStatus::DueSoon { .. } => 1,
        TaskStatus::InTime { .. } => 2,
        TaskStatus::NoDeadline => 3,
        _ => 4,
    };
    let ranks: Vec<_> = rows.iter().map(|r| rank(&r.status)).collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
    assert_eq!(ranks[0], 0);

    let all = store
        .tasks_page(&c, TaskScope::AllUnits, TaskMode::Overdue, "", 0, 1000)
        .unwrap();
    assert_eq!(
        all.len(),
        store
            .count_tasks(&c, TaskScope::AllUnits, TaskMode::Overdue, "")
            .unwrap()
    );
    let days: Vec<i64> = all
        .iter()
        .map(|r| match r.status {
            TaskStatus::Overdue { days } => days,
            s => panic!("not overdue: {s:?}"),
        })
        .collect();
    assert!(days.windows(2).all(|w| w[0] >= w[1]), "{days:?}");
    assert!(days.len() >= 10);
}

#[test]
fn pages_are_windows_of_one_ordering() {
    let (_d, store) = demo_store();
    let c = ctx("23/09/2022");
    let whole = store
        .tasks_page(&c, TaskScope::AllUnits, TaskMode::All, "", 0, 10_000)
        .unwrap();
    let mut paged = Vec::new();
    for off in (0..whole.len()).step_by(7) {
        let page = store
            .tasks_page(&c, TaskScope::AllUnits, TaskMode::All, "", off, 7)
            .unwrap();
        assert!(page.len() <= 7);
        paged.extend(page.into_iter().map(|r| r.id));
    }
    assert_eq!(paged, whole.iter().map(|r| r.id).collect::<Vec<_>>());
}

/// Pages of every list a pane shows, laid end to end, are the list as one query
/// returns it: for a unit and the province, each mode, with and without a filter, on
/// the demo's date, on earlier ones (tasks finished later were open then) and on a
/// later one (nothing finished after it).
#[test]
fn pages_of_every_list_are_windows_of_the_whole() {
    let (_d, store) = demo_store();
    let cao_loc = unit_id(&store, "Cao Lộc");
    for day in ["23/09/2022", "30/06/2022", "01/03/2022", "31/12/2030"] {
        let c = ctx(day);
        for scope in [TaskScope::Unit(cao_loc), TaskScope::AllUnits] {
            for mode in [TaskMode::Overdue, TaskMode::Open, TaskMode::All] {
                if scope == TaskScope::AllUnits && mode != TaskMode::Overdue {
                    continue;
                }
                for filter in ["", "giai ngan"] {
                    let whole: Vec<i64> = if filter.is_empty() {
                        let mut v = Vec::new();
                        store
                            .for_each_task(&c, scope, mode, |r| {
                                v.push(r.id);
                                Ok::<_, rusqlite::Error>(())
                            })
                            .unwrap();
                        v
                    } else {
                        store
                            .tasks_page(&c, scope, mode, filter, 0, 100_000)
                            .unwrap()
                            .into_iter()
                            .map(|r| r.id)
                            .collect()
                    };
                    let n = store.count_tasks(&c, scope, mode, filter).unwrap();
                    assert_eq!(n, whole.len(), "{day} {scope:?} {mode:?} {filter:?}");
                    for size in [1, 4, 9] {
                        let mut paged = Vec::new();
                        for off in (0..whole.len() + size).step_by(size) {
                            let page = store
                                .tasks_page(&c, scope, mode, filter, off, size)
                                .unwrap();
                            assert!(page.len() <= size);
                            paged.extend(page.into_iter().map(|r| r.id));
                        }
                        assert_eq!(
                            paged, whole,
                            "{day} {scope:?} {mode:?} {filter:?} pages of {size}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn filters_ignore_diacritics_and_case() {
    let (_d, store) = demo_store();
    let c = ctx("23/09/2022");
    let names = |f: &str| {
        store
            .units_page(&c, f, 0, 100)
            .unwrap()
            .into_iter()
            .map(|u| u.name)
            .collect::<Vec<_>>()
    };
    assert_eq!(names("trang dinh"), ["Tràng Định"]);
    assert_eq!(names("TRÀNG"), ["Tràng Định"]);
    assert!(names("d").contains(&"Đình Lập".to_string()));
    assert!(names("50%_").is_empty());
    let tasks = store
        .count_tasks(&c, TaskScope::AllUnits, TaskMode::All, "giai ngan")
        .unwrap();
    assert!(tasks > 0);
}

#[test]
fn units_come_in_vietnamese_order() {
    let (_d, store) = demo_store();
    let names: Vec<String> = store
        .units_page(&ctx("23/09/2022"), "", 0, 100)
        .unwrap()
        .into_iter()
        .map(|u| u.name)
        .collect();
    let pos = |n: &str| names.iter().position(|x| x == n).unwrap();
    // d before đ, and "Đình Lập" after every D… name; "Văn Lãng" before "Văn Quan".
    assert!(pos("Chi Lăng") < pos("Đình Lập"));
    assert!(pos("Đình Lập") < pos("Hữu Lũng"));
    assert!(pos("Văn Lãng") < pos("Văn Quan"));
    assert!(pos("Bắc Sơn") < pos("Bình Gia"));
}

#[test]
fn text_is_stored_nfc_and_unit_lookup_suggests_close_names() {
    let mut store = Store::open_in_memory().unwrap();
    let nfd: String = unicode_normalization::UnicodeNormalization::nfd("Hữu Lũng").collect();
    store
        .write(|c| {
            c.insert_unit(&NewUnit {
                name: nfd.clone(),
                kind: UnitKind::Huyen,
                code: None,
                parent_id: None,
                valid_from: None,
                valid_to: None,
            })
        })
        .unwrap();
    let units = store.units_page(&ctx("01/01/2022"), "", 0, 10).unwrap();
    assert_eq!(units[0].name, "Hữu Lũng");
    assert_eq!(fold(&units[0].name), "huu lung");
    match store.find_unit("huu lng", date("01/01/2022")).unwrap() {
        UnitLookup::NotFound(close) => assert_eq!(close[0], "Hữu Lũng (huyện)"),
        UnitLookup::Found(..) | UnitLookup::Ambiguous(_) => {
            panic!("a typo must not match silently")
        }
    }
}

#[test]
fn new_file_gets_schema_and_marker_and_keeps_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.db");
    {
        let mut s = Store::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), latest_version());
        s.set_setting("x", "1").unwrap();
        let _ = &mut s;
    }
    let conn = rusqlite::Connection::open(&path).unwrap();
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!((app_id, mode.as_str()), (APPLICATION_ID, "wal"));
    drop(conn);
    assert_eq!(
        Store::open(&path).unwrap().setting("x").unwrap().as_deref(),
        Some("1")
    );
}

fn unchanged_after_refusal(path: &std::path::Path, check: impl Fn(&OpenError) -> bool) {
    let before = std::fs::read(path).unwrap();
    let err = Store::open(path).err().expect("must refuse");
    assert!(check(&err), "unexpected error: {err}");
    assert_eq!(
        std::fs::read(path).unwrap(),
        before,
        "the refused file was changed"
    );
}

#[test]
fn refuses_a_database_from_a_newer_tct_without_touching_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    drop(Store::open(&path).unwrap());
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.pragma_update(None, "user_version", latest_version() + 5)
            .unwrap();
        c.pragma_update(None, "journal_mode", "delete").unwrap();
    }
    unchanged_after_refusal(&path, |e| matches!(e, OpenError::Newer { .. }));
}

/// A file of each older version, as that version made it, is upgraded; the same
/// file with its version set back below its tables is refused without a change.
#[test]
fn an_older_file_is_upgraded_and_a_lowered_version_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let latest = latest_version();
    for v in 1..latest {
        let old = dir.path().join(format!("v{v}.db"));
        {
            let c = rusqlite::Connection::open(&old).unwrap();
            for sql in &tct::store::MIGRATIONS[..v as usize] {
                c.execute_batch(sql).unwrap();
            }
            c.pragma_update(None, "application_id", tct::store::APPLICATION_ID)
                .unwrap();
            c.pragma_update(None, "user_version", v).unwrap();
        }
        let lowered = dir.path().join(format!("v{v}-lowered.db"));
        std::fs::copy(&old, &lowered).unwrap();
        rusqlite::Connection::open(&lowered)
            .unwrap()
            .pragma_update(None, "user_version", v - 1)
            .unwrap();
        let store = Store::open(&old).unwrap();
        assert_eq!(store.schema_version().unwrap(), latest, "v{v}");
        unchanged_after_refusal(
            &lowered,
            |e| matches!(e, OpenError::SchemaMismatch { version, .. } if *version == v - 1),
        );
    }
    // The latest, set back by one.
    let path = dir.path().join("latest.db");
    drop(Store::open(&path).unwrap());
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.pragma_update(None, "user_version", latest - 1).unwrap();
        c.pragma_update(None, "journal_mode", "delete").unwrap();
    }
    unchanged_after_refusal(&path, |e| matches!(e, OpenError::SchemaMismatch { .. }));
}

#[test]
fn refuses_files_that_are_not_tct_databases() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(
        &text,
        "Biên bản họp ngày 23/9/2022, không phải cơ sở dữ liệu.\n",
    )
    .unwrap();
    unchanged_after_refusal(&text, |e| matches!(e, OpenError::NotSqlite(_)));

    let other = dir.path().join("other.db");
    {
        let c = rusqlite::Connection::open(&other).unwrap();
        c.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
            .unwrap();
    }
    unchanged_after_refusal(&other, |e| matches!(e, OpenError::NotTct(_)));

    let missing = dir.path().join("no/such/dir/x.db");
    assert!(matches!(
        Store::open(&missing),
        Err(OpenError::NoDirectory(_))
    ));
}

#[test]
fn read_only_file_opens_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ro.db");
    {
        let mut s = Store::open(&path).unwrap();
        s.set_setting("k", "v").unwrap();
        let _ = &mut s;
    }
    let mut perm = std::fs::metadata(&path).unwrap().permissions();
    perm.set_readonly(true);
    std::fs::set_permissions(&path, perm).unwrap();
    let mut s = Store::open(&path).unwrap();
    assert!(s.read_only());
    assert_eq!(s.setting("k").unwrap().as_deref(), Some("v"));
    assert!(s.set_setting("k", "w").is_err());
}

/// The questions whose plan walks through every task ("SCAN t" without an index).
fn full_scans(plans: &[(String, String)]) -> Vec<&(String, String)> {
    plans
        .iter()
        .filter(|(_, plan)| {
            plan.split(" | ")
                .any(|s| s.starts_with("SCAN t") && !s.contains("INDEX"))
        })
        .collect()
}

#[test]
fn pane_queries_use_indexes_not_full_scans() {
    let (_d, store) = demo_store();
    let c = ctx("23/09/2022");
    let plans = store.pane_plans(&c, unit_id(&store, "cao loc")).unwrap();
    assert!(plans.len() >= 14);
    assert_eq!(full_scans(&plans), Vec::<&(String, String)>::new());
}

#[test]
fn the_plan_check_catches_a_missing_index() {
    let (_d, store) = demo_store();
    store
        .connection()
        .execute_batch("DROP INDEX task_unit; DROP INDEX task_open;")
        .unwrap();
    let plans = store
        .pane_plans(&ctx("23/09/2022"), unit_id(&store, "cao loc"))
        .unwrap();
    assert!(
        !full_scans(&plans).is_empty(),
        "without its indexes the lists must scan: {plans:?}"
    );
}

/// Two windows on one file, each with its form: each draft has its own row, saving
/// one form's inspection takes its draft only, a running window's draft is never left
/// over for another, and a discarded draft is kept, listed, restorable, then purged.
#[test]
fn each_form_has_its_own_draft() {
    let (dir, mut a) = demo_store();
    let path = dir.path().join("demo.db");
    let mut b = Store::open(&path).unwrap();
    let (td, cl) = (unit_id(&a, "trang dinh"), unit_id(&a, "cao loc"));
    let at = "2022-09-23 10:00:00";
    let da = a.save_draft(None, td, None, "một", at).unwrap();
    let db = b.save_draft(None, cl, None, "hai", at).unwrap();
    assert_ne!(da, db);
    assert_eq!(a.save_draft(Some(da), td, None, "một nữa", at).unwrap(), da);
    assert!(a.drafts_left().unwrap().is_empty(), "B runs");
    assert!(b.drafts_left().unwrap().is_empty(), "A runs");

    // A saves its form: its draft goes in the same transaction, B's stays.
    let input = tct::model::InspectionInput {
        unit_id: td,
        held_on: date("23/09/2022"),
        items: vec![tct::model::ItemInput {
            id: None,
            kind: tct::domain::inspection::ItemKind::Result,
            text: "Kết quả".into(),
            ..Default::default()
        }],
        ..Default::default()
    };
    a.save_form(&input, at, Some(da)).unwrap();
    assert_eq!(a.draft(da).unwrap(), None);
    assert_eq!(a.draft(db).unwrap().unwrap().body, "hai");

    // B's window dies: A is offered its draft, with its unit.
    drop(b);
    let left = a.drafts_left().unwrap();
    assert_eq!(
        left.iter().map(|d| (d.id, d.unit_id)).collect::<Vec<_>>(),
        [(db, Some(cl))]
    );
    // C restores it first; A, a moment late, cannot take it too.
    let mut c = Store::open(&path).unwrap();
    let dead = left[0].owner.clone();
    assert!(c.take_draft(db, dead.as_deref()).unwrap());
    assert!(!a.take_draft(db, dead.as_deref()).unwrap(), "C took it");
    assert!(a.drafts_left().unwrap().is_empty(), "C runs");

    // C discards it: kept and listed, no longer left over; A restores it.
    let c_owner = c.owner().to_string();
    assert!(
        c.discard_draft(db, Some(&c_owner), "2022-09-23 12:00:00")
            .unwrap()
    );
    assert!(a.drafts_left().unwrap().is_empty());
    let discarded = a.drafts_discarded().unwrap();
    assert_eq!(discarded.len(), 1);
    assert_eq!(
        discarded[0].discarded_at.as_deref(),
        Some("2022-09-23 12:00:00")
    );
    assert!(a.take_draft(db, None).unwrap());
    let back = a.draft(db).unwrap().unwrap();
    assert_eq!(
        (back.owner.as_deref(), back.discarded_at),
        (Some(a.owner()), None)
    );

    // C, still writing what it had, does not write over A's: it goes on in a new row.
    let fork = c.save_draft(Some(db), cl, None, "hai, tiếp", at).unwrap();
    assert_ne!(fork, db);
    assert_eq!(a.draft(db).unwrap().unwrap().body, "hai");
    assert_eq!(a.draft(fork).unwrap().unwrap().body, "hai, tiếp");

    // Discarded before the cutoff: purged; after it: kept.
    let a_owner = a.owner().to_string();
    a.discard_draft(db, Some(&a_owner), "2022-09-01 08:00:00")
        .unwrap();
    c.discard_draft(fork, Some(&c_owner), "2022-09-20 08:00:00")
        .unwrap();
    assert_eq!(a.tidy_drafts("2022-09-09 00:00:00").unwrap(), 1);
    assert_eq!(a.draft(db).unwrap(), None);
    assert!(a.draft(fork).unwrap().is_some());
}

/// On a network share the database is kept with the rollback journal, not WAL, whose
/// shared memory one computer alone can see: a file made there, and one a local
/// window left in WAL, are both saved to in `delete` mode.
#[test]
fn a_database_on_a_network_share_is_kept_without_wal() {
    let journal = |s: &Store| -> String {
        s.connection()
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap()
    };
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("t.db");
    let shared = Store::open_as_on_network(&p).unwrap();
    assert!(shared.on_network());
    assert_eq!(journal(&shared), "delete");
    drop(shared);
    let local = Store::open(&p).unwrap();
    assert!(!local.on_network());
    assert_eq!(journal(&local), "wal");
    drop(local);
    let mut shared = Store::open_as_on_network(&p).unwrap();
    assert_eq!(journal(&shared), "delete");
    shared.set_setting("place", "Lạng Sơn").unwrap();
    assert_eq!(
        shared.setting("place").unwrap().as_deref(),
        Some("Lạng Sơn")
    );
    assert!(!dir.path().join("t.db-wal").exists());
}

/// The dashboard says once, on its status line at the start, that a database on a
/// network share is slower there and for one person at a time.
#[test]
fn the_dashboard_says_a_database_is_on_a_network_share() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("t.db");
    let theme = tct::theme::Theme { color: false };
    let app = tct::app::App::new(
        Store::open_as_on_network(&p).unwrap(),
        ctx("23/09/2022"),
        theme,
        (80, 24),
    );
    let said = app.message().unwrap_or_default().to_string();
    assert!(
        said.starts_with(tct::i18n::t(tct::i18n::T::DbOnNetwork)),
        "{said}"
    );
    assert!(said.contains("t.db"), "{said}");
    let local = tct::app::App::new(Store::open(&p).unwrap(), ctx("23/09/2022"), theme, (80, 24));
    assert_eq!(local.message(), None);
}

/// Saving a record again (a directive's wording corrected) keeps a deadline extended
/// since it was written; a deadline changed in the record itself is the new one.
#[test]
fn saving_a_record_again_keeps_an_extension_granted_since() {
    let (_dir, mut store) = common::demo_store();
    let id = *store.inspection_ids(None).unwrap().first().unwrap();
    let again = |store: &mut Store, text: &str, deadline: Option<chrono::NaiveDate>| {
        let mut first = None;
        let items = common::save_again(store, id, None, |n, i| {
            if first.is_none() && i.kind == tct::domain::inspection::ItemKind::Directive {
                first = Some(n);
            }
            if Some(n) == first {
                i.text = text.into();
                i.deadline = deadline.or(i.deadline);
            }
        })
        .unwrap();
        items[first.unwrap()].task_id.unwrap()
    };
    let task = again(&mut store, "Chỉ đạo thứ nhất", None);
    let deadline = |store: &Store| -> String {
        store
            .connection()
            .query_row("SELECT deadline FROM task WHERE id = ?1", [task], |r| {
                r.get(0)
            })
            .unwrap()
    };
    store
        .write(|tx| tx.extend_deadline(task, None, common::date("31/03/2023"), "lý do"))
        .unwrap();
    again(&mut store, "Chỉ đạo thứ nhất, sửa lời", None);
    assert_eq!(deadline(&store), "2023-03-31", "the extension stays");
    again(
        &mut store,
        "Chỉ đạo thứ nhất, sửa lời",
        Some(common::date("30/06/2023")),
    );
    assert_eq!(
        deadline(&store),
        "2023-06-30",
        "a deadline typed in the record is taken"
    );
}
