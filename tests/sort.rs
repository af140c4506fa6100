//! The orders `t` puts a pane in, and `f`, the search through every task of the
//! province: the store's pages and positions, then the app's keys.

mod common;

use chrono::Duration;
use common::{ctx, date, demo_app, key, type_text};
use ratatui::crossterm::event::KeyCode;
use tct::domain::target::{Direction, Plan};
use tct::domain::unit::UnitKind;
use tct::layout::Pane;
use tct::model::{
    Ctx, NewTarget, NewTask, NewUnit, TargetSort, TaskMode, TaskScope, TaskSort, UnitSort,
};
use tct::store::Store;

const AS_OF: &str = "15/06/2026";

struct Fixture {
    store: Store,
    /// Đình Lập, written first; Dân Hoà comes before it in Vietnamese order.
    dinh_lap: i64,
}

/// Two units and their tasks: titles whose Vietnamese order is neither their bytes'
/// nor their folded keys', a tie of titles with a deadline and without, and overdue
/// tasks in both units.
fn fixture() -> Fixture {
    let mut store = Store::open_in_memory().unwrap();
    let as_of = date(AS_OF);
    let day = |d: i64| Some(as_of + Duration::days(d));
    let dinh_lap = store
        .write(|c| {
            let unit = |name: &str| {
                c.insert_unit(&NewUnit {
                    name: name.into(),
                    kind: UnitKind::Huyen,
                    code: None,
                    parent_id: None,
                    valid_from: None,
                    valid_to: None,
                })
            };
            let (dl, dh) = (unit("Đình Lập")?, unit("Dân Hoà")?);
            let task = |unit_id, title: &str, doc: Option<&str>, deadline, done| {
                c.insert_task(&NewTask {
                    title: title.into(),
                    doc_number: doc.map(str::to_string),
                    unit_id,
                    assigned_on: day(-100),
                    deadline,
                    completed_on: done,
                    ..Default::default()
                })
            };
            task(dl, "Đa dạng sinh học", Some("1234/UBND-KT"), day(-10), None)?;
            task(dl, "Xây dựng hạ tầng", None, None, None)?;
            task(dl, "Xây dựng hạ tầng", Some("77/QĐ-UBND"), day(-30), None)?;
            task(dl, "Dự án nước sạch", None, day(5), day(-1))?;
            task(dl, "Ấp mới", Some("5/UBND-NC"), day(20), None)?;
            task(dh, "Zô đê", None, day(-5), None)?;
            task(dh, "Báo cáo", Some("12345/BC"), day(-50), None)?;
            Ok(dl)
        })
        .unwrap();
    Fixture { store, dinh_lap }
}

fn c() -> Ctx {
    ctx(AS_OF)
}

/// The titles of a whole list in the order asked, after checking that every row's
/// position is where the page puts it.
fn titles(
    store: &Store,
    scope: TaskScope,
    mode: TaskMode,
    filter: &str,
    sort: TaskSort,
) -> Vec<String> {
    let list = (scope, mode, filter, sort);
    let rows = store.tasks_page_sorted(&c(), list, 0, 100).unwrap();
    for (i, r) in rows.iter().enumerate() {
        assert_eq!(
            store.task_position_sorted(&c(), list, r.id).unwrap(),
            Some(i),
            "{sort:?} {mode:?}: position of {:?}",
            r.title
        );
        // A page further down is the same list.
        let one = store.tasks_page_sorted(&c(), list, i, 1).unwrap();
        assert_eq!(one[0].id, r.id, "{sort:?} {mode:?}: page at {i}");
    }
    rows.into_iter()
        .map(|r| {
            format!(
                "{} {}",
                r.title,
                r.deadline.map_or("–".into(), |d| d.to_string())
            )
        })
        .collect()
}

#[test]
fn tasks_by_title_in_vietnamese_order_ties_by_deadline_none_last() {
    let f = fixture();
    let got = titles(
        &f.store,
        TaskScope::Unit(f.dinh_lap),
        TaskMode::All,
        "",
        TaskSort::Title,
    );
    assert_eq!(
        got,
        [
            "Ấp mới 2026-07-05",
            "Dự án nước sạch 2026-06-20",
            "Đa dạng sinh học 2026-06-05",
            "Xây dựng hạ tầng 2026-05-16",
            "Xây dựng hạ tầng –",
        ]
    );
}

#[test]
fn tasks_by_deadline_keep_the_lists_own_order() {
    let f = fixture();
    let got = titles(
        &f.store,
        TaskScope::Unit(f.dinh_lap),
        TaskMode::All,
        "",
        TaskSort::Deadline,
    );
    // Open by deadline, then without one, then the finished.
    assert_eq!(
        got,
        [
            "Xây dựng hạ tầng 2026-05-16",
            "Đa dạng sinh học 2026-06-05",
            "Ấp mới 2026-07-05",
            "Xây dựng hạ tầng –",
            "Dự án nước sạch 2026-06-20",
        ]
    );
}

#[test]
fn province_overdue_by_unit_in_vietnamese_order_then_most_overdue() {
    let f = fixture();
    let by_unit = titles(
        &f.store,
        TaskScope::AllUnits,
        TaskMode::Overdue,
        "",
        TaskSort::Unit,
    );
    assert_eq!(
        by_unit,
        [
            "Báo cáo 2026-04-26",
            "Zô đê 2026-06-10",
            "Xây dựng hạ tầng 2026-05-16",
            "Đa dạng sinh học 2026-06-05",
        ]
    );
    let by_deadline = titles(
        &f.store,
        TaskScope::AllUnits,
        TaskMode::Overdue,
        "",
        TaskSort::Deadline,
    );
    assert_eq!(
        by_deadline[..2],
        ["Báo cáo 2026-04-26", "Xây dựng hạ tầng 2026-05-16"]
    );
    let by_title = titles(
        &f.store,
        TaskScope::AllUnits,
        TaskMode::Overdue,
        "",
        TaskSort::Title,
    );
    assert_eq!(by_title[0], "Báo cáo 2026-04-26");
    assert_eq!(by_title[3], "Zô đê 2026-06-10");
}

#[test]
fn units_by_tasks_overdue_then_by_name() {
    let Fixture {
        mut store,
        dinh_lap,
        ..
    } = fixture();
    let names = |store: &Store, sort| {
        let list = ("", false, sort);
        let rows = store.units_page_sorted(&c(), list, 0, 10).unwrap();
        for (i, u) in rows.iter().enumerate() {
            let at = store.unit_position_sorted(&c(), list, u.id).unwrap();
            assert_eq!(at, Some(i), "{sort:?}: position of {}", u.name);
        }
        rows.into_iter().map(|u| u.name).collect::<Vec<_>>()
    };
    assert_eq!(names(&store, UnitSort::Name), ["Dân Hoà", "Đình Lập"]);
    // Both have two overdue tasks: a tie goes by name.
    assert_eq!(names(&store, UnitSort::Overdue), ["Dân Hoà", "Đình Lập"]);
    store
        .write(|c| {
            c.insert_task(&NewTask {
                title: "Thêm".into(),
                unit_id: dinh_lap,
                deadline: Some(date(AS_OF) - Duration::days(1)),
                ..Default::default()
            })
        })
        .unwrap();
    assert_eq!(names(&store, UnitSort::Overdue), ["Đình Lập", "Dân Hoà"]);
    assert_eq!(names(&store, UnitSort::Name), ["Dân Hoà", "Đình Lập"]);
}

#[test]
fn targets_by_progress_furthest_behind_first_no_reading_last() {
    let mut store = Store::open_in_memory().unwrap();
    let on = date(AS_OF);
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
            // Given: met, no reading, 80%, 50%, 40%.
            for (pos, (name, value)) in [
                ("met", Some(120.0)),
                ("none", None),
                ("above", Some(80.0)),
                ("half", Some(50.0)),
                ("low", Some(40.0)),
            ]
            .into_iter()
            .enumerate()
            {
                let id = c.insert_target(&NewTarget {
                    unit_id: u,
                    year: 2026,
                    position: pos as i64,
                    name: name.into(),
                    measure: "%".into(),
                    plan: Plan::Value(100.0),
                    direction: Direction::Higher,
                })?;
                if let Some(v) = value {
                    c.set_reading(id, on, v)?;
                }
            }
            Ok(u)
        })
        .unwrap();
    let names = |sort| {
        let rows = store.targets_sorted(&c(), unit, "", sort).unwrap();
        rows.into_iter().map(|t| t.name).collect::<Vec<_>>()
    };
    assert_eq!(
        names(TargetSort::Given),
        ["met", "none", "above", "half", "low"]
    );
    assert_eq!(
        names(TargetSort::Progress),
        ["low", "half", "above", "met", "none"]
    );
}

#[test]
fn search_finds_titles_without_diacritics_and_document_numbers() {
    let f = fixture();
    let find = |words: &str| {
        let list = (
            TaskScope::AllUnits,
            TaskMode::All,
            words,
            TaskSort::Deadline,
        );
        let n = f
            .store
            .count_tasks(&c(), TaskScope::AllUnits, TaskMode::All, words)
            .unwrap();
        let rows = f.store.tasks_page_sorted(&c(), list, 0, 50).unwrap();
        assert_eq!(rows.len(), n, "{words:?}: counted as listed");
        let mut got: Vec<_> = rows.into_iter().map(|r| r.title).collect();
        got.sort();
        got
    };
    assert_eq!(find("ha tang"), ["Xây dựng hạ tầng", "Xây dựng hạ tầng"]);
    assert_eq!(
        find("HẠ TẦNG xay"),
        ["Xây dựng hạ tầng", "Xây dựng hạ tầng"]
    );
    assert_eq!(find("1234/UBND-KT"), ["Đa dạng sinh học"]);
    assert_eq!(find("1234/ubnd"), ["Đa dạng sinh học"]);
    // "1234" is in two numbers.
    assert_eq!(find("1234"), ["Báo cáo", "Đa dạng sinh học"]);
    assert_eq!(find("77/qd"), ["Xây dựng hạ tầng"]);
    assert_eq!(find("77/QĐ-UBND"), ["Xây dựng hạ tầng"]);
    // A word without a number is looked for in titles only.
    assert!(find("ubnd").is_empty());
    // Finished tasks are found too.
    assert_eq!(find("nuoc sach"), ["Dự án nước sạch"]);
}

#[test]
fn t_cycles_the_tasks_order_and_keeps_the_selected_task() {
    let (_d, mut app) = demo_app(120, 40);
    type_text(&mut app, "/cao loc");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Tasks);
    for _ in 0..5 {
        key(&mut app, KeyCode::Down);
    }
    let picked = app.task_rows[app.tasks.in_window()].id;
    key(&mut app, KeyCode::Char('t'));
    // One unit's list has no order by unit.
    assert_eq!(app.task_sort, TaskSort::Title);
    assert_eq!(app.task_rows[app.tasks.in_window()].id, picked);
    assert_ne!(app.tasks.selected, 5, "the task moved with its title");
    let titles: Vec<_> = app.task_rows.iter().map(|r| r.title.clone()).collect();
    let mut sorted = titles.clone();
    sorted.sort_by_key(|t| tct::domain::text::sort_key(t));
    assert_eq!(titles, sorted);
    key(&mut app, KeyCode::Char('t'));
    assert_eq!(app.task_sort, TaskSort::Deadline);
    assert_eq!(
        (app.tasks.selected, app.task_rows[app.tasks.in_window()].id),
        (5, picked)
    );
    // The province's overdue tasks can be put by unit.
    key(&mut app, KeyCode::Char('o'));
    key(&mut app, KeyCode::Char('t'));
    assert_eq!(app.task_sort, TaskSort::Unit);
    let keys: Vec<_> = app
        .task_rows
        .iter()
        .map(|r| tct::domain::text::sort_key(&r.unit_name))
        .collect();
    assert!(keys.windows(2).all(|w| w[0] <= w[1]), "by unit");
    // Back to one unit: by unit means nothing there.
    key(&mut app, KeyCode::Char('o'));
    assert_eq!(app.task_sort, TaskSort::Deadline);
}

#[test]
fn t_cycles_units_and_targets_and_keeps_the_selection() {
    let (_d, mut app) = demo_app(120, 40);
    type_text(&mut app, "/trang dinh");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.selected_unit().unwrap().name, "Tràng Định");
    key(&mut app, KeyCode::Char('t'));
    assert_eq!(app.unit_sort, UnitSort::Overdue);
    assert_eq!(app.selected_unit().unwrap().name, "Tràng Định");
    // The whole list, most overdue first.
    let overdue: Vec<u32> = app.unit_rows.iter().map(|u| u.card.tasks.overdue).collect();
    assert!(overdue.windows(2).all(|w| w[0] >= w[1]), "{overdue:?}");
    assert!(overdue[0] > 0);
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Targets);
    key(&mut app, KeyCode::Down);
    let picked = app.target_rows[app.targets.selected].id;
    key(&mut app, KeyCode::Char('t'));
    assert_eq!(app.target_sort, TargetSort::Progress);
    assert_eq!(app.target_rows[app.targets.selected].id, picked);
    let ranks: Vec<_> = app.target_rows.iter().map(|t| t.progress.class).collect();
    use tct::domain::target::TargetClass::*;
    let rank = |c| [Below70, Above70, Met, NoData].iter().position(|x| *x == c);
    assert!(
        ranks.windows(2).all(|w| rank(w[0]) <= rank(w[1])),
        "{ranks:?}"
    );
}

#[test]
fn f_searches_every_task_and_enter_opens_one() {
    let (_d, mut app) = demo_app(120, 40);
    key(&mut app, KeyCode::Char('f'));
    assert!(app.searching() && app.filter_input().is_some());
    assert_eq!((app.focus, app.tasks.total), (Pane::Tasks, 0));
    type_text(&mut app, "giai ngan");
    assert!(app.tasks.total > 0);
    assert!(
        app.task_rows
            .iter()
            .all(|r| tct::domain::text::matches(&tct::domain::text::fold(&r.title), "giai ngan"))
    );
    let units: std::collections::HashSet<_> = app.task_rows.iter().map(|r| r.unit_id).collect();
    assert!(units.len() > 1, "tasks of several units");
    key(&mut app, KeyCode::Enter);
    assert!(app.filter_input().is_none());
    let picked = app.task_rows[0].id;
    key(&mut app, KeyCode::Enter);
    match app.overlay() {
        Some(tct::app::Overlay::Task { detail, .. }) => assert_eq!(detail.row.id, picked),
        _ => panic!("Enter opens the task found"),
    }
    key(&mut app, KeyCode::Esc);
    // Esc clears the words, then leaves the search.
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.tasks.total, 0);
    key(&mut app, KeyCode::Esc);
    assert!(!app.all_units);
}
