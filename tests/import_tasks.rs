//! Importing task files again: which stored task each row is (one document gives
//! many tasks, a title may be cut with "…"), and what the status words and notes of
//! real task files mean for a task kept in tct.

mod common;

use std::path::{Path, PathBuf};

use common::{ctx, demo_store};
use tct::error::Error;
use tct::import::{Counts, Options, Summary};
use tct::store::Store;

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

/// Imports as of 23/09/2022; a mistake in the file comes back as its message.
fn import(store: &mut Store, file: &Path) -> Result<Summary, String> {
    match tct::import::run(store, &ctx("23/09/2022"), file, &Options::default()) {
        Ok(s) => Ok(s),
        Err(Error::User(u)) => Err(u),
        Err(e) => panic!("not a user error: {e:?}"),
    }
}

fn counts(new: usize, updated: usize, unchanged: usize) -> Counts {
    Counts {
        new,
        updated,
        unchanged,
    }
}

const HEAD: &str =
    "Số/ký hiệu văn bản;Ngày giao;Tên nhiệm vụ;Đơn vị chủ trì;Hạn xử lý;Ngày hoàn thành";

fn csv(rows: &[&str]) -> String {
    let mut s = String::from(HEAD);
    for r in rows {
        s.push('\n');
        s.push_str(r);
    }
    s.push('\n');
    s
}

/// (title, deadline, completed_on) of every task of a document, by id.
fn tasks_of(store: &Store, doc: &str) -> Vec<(String, Option<String>, Option<String>)> {
    let c = store.connection();
    let mut st = c
        .prepare("SELECT title, deadline, completed_on FROM task WHERE doc_number = ?1 ORDER BY id")
        .unwrap();
    st.query_map([doc], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

const LONG: &str = "Rà soát, chuẩn hóa dữ liệu đất đai trên địa bàn huyện";
const CUT: &str = "Rà soát, chuẩn hóa dữ liệu đất…";

#[test]
fn one_documents_tasks_are_matched_each_by_its_title_and_unit() {
    let (dir, mut store) = demo_store();
    let first = csv(&[
        "700/UBND-KT;01/08/2022;Kiểm tra công tác giải ngân;Cao Lộc;30/09/2022;",
        "700/UBND-KT;01/08/2022;Báo cáo thu ngân sách;Cao Lộc;30/09/2022;",
        "700/UBND-KT;01/08/2022;Báo cáo thu ngân sách;Văn Lãng;30/09/2022;",
        ";01/08/2022;Tổng kết phong trào thi đua;Cao Lộc;30/10/2022;",
        ";01/08/2022;Tổng kết phong trào thi đua;Văn Lãng;30/10/2022;",
    ]);
    let f = write(dir.path(), "nv.csv", &first);
    assert_eq!(import(&mut store, &f).unwrap().counts, counts(5, 0, 0));
    assert_eq!(import(&mut store, &f).unwrap().counts, counts(0, 0, 5));
    // The rows in another order, one of the document's tasks done and one task
    // without a document done: each row finds its own task.
    let second = csv(&[
        ";01/08/2022;Tổng kết phong trào thi đua;Văn Lãng;30/10/2022;20/09/2022",
        "700/UBND-KT;01/08/2022;Báo cáo thu ngân sách;Văn Lãng;30/09/2022;",
        "700/UBND-KT;01/08/2022;Báo cáo thu ngân sách;Cao Lộc;30/09/2022;15/09/2022",
        ";01/08/2022;Tổng kết phong trào thi đua;Cao Lộc;30/10/2022;",
        "700/UBND-KT;01/08/2022;Kiểm tra công tác giải ngân;Cao Lộc;30/09/2022;",
    ]);
    let f = write(dir.path(), "nv.csv", &second);
    let s = import(&mut store, &f).unwrap();
    assert_eq!(s.counts, counts(0, 2, 3), "{:?}", s.changes);
    let done: Vec<Option<String>> = tasks_of(&store, "700/UBND-KT")
        .into_iter()
        .map(|t| t.2)
        .collect();
    assert_eq!(done, [None, Some("2022-09-15".into()), None]);
    let done_without_doc: Vec<(i64, Option<String>)> = store
        .connection()
        .prepare(
            "SELECT unit_id, completed_on FROM task
             WHERE title = 'Tổng kết phong trào thi đua' ORDER BY id",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(done_without_doc[0].1, None);
    assert_eq!(done_without_doc[1].1.as_deref(), Some("2022-09-20"));
    assert_eq!(import(&mut store, &f).unwrap().counts, counts(0, 0, 5));
    // A file of one unit's tasks: a title without a document, known for another
    // unit only, is a new task there; with its document, the lead unit changed.
    let f = write(
        dir.path(),
        "mot.csv",
        &csv(&[
            ";01/08/2022;Tổng kết phong trào thi đua;Lộc Bình;30/10/2022;",
            "700/UBND-KT;01/08/2022;Kiểm tra công tác giải ngân;Lộc Bình;30/09/2022;",
        ]),
    );
    let s = import(&mut store, &f).unwrap();
    assert_eq!(s.counts, counts(1, 1, 0), "{:?}", s.changes);
    assert!(
        s.changes.iter().any(|l| l.contains("Cao Lộc → Lộc Bình")),
        "{:?}",
        s.changes
    );
}

#[test]
fn a_title_cut_short_matches_the_whole_one_and_the_whole_one_is_kept() {
    let (dir, mut store) = demo_store();
    let whole = format!("701/UBND-KT;01/08/2022;{LONG};Cao Lộc;30/09/2022;");
    let f = write(dir.path(), "du.csv", &csv(&[&whole]));
    import(&mut store, &f).unwrap();
    // Another export cuts the title and brings the completion.
    let cut = format!("701/UBND-KT;01/08/2022;{CUT};Cao Lộc;30/09/2022;20/09/2022");
    let f = write(dir.path(), "cut.csv", &csv(&[&cut]));
    let s = import(&mut store, &f).unwrap();
    assert_eq!(s.counts, counts(0, 1, 0), "{:?}", s.changes);
    let want = vec![(
        LONG.to_string(),
        Some("2022-09-30".to_string()),
        Some("2022-09-20".to_string()),
    )];
    assert_eq!(tasks_of(&store, "701/UBND-KT"), want);
    // The cut file again, and the whole one again: nothing changes.
    assert_eq!(import(&mut store, &f).unwrap().counts, counts(0, 0, 1));
    let done = format!("701/UBND-KT;01/08/2022;{LONG};Cao Lộc;30/09/2022;20/09/2022");
    let f = write(dir.path(), "du.csv", &csv(&[&done]));
    assert_eq!(import(&mut store, &f).unwrap().counts, counts(0, 0, 1));
    assert_eq!(tasks_of(&store, "701/UBND-KT"), want);
    // A cut title first, the whole one later: the stored title grows to it.
    let f = write(
        dir.path(),
        "cut2.csv",
        &csv(&[&format!("702/UBND-KT;01/08/2022;{CUT};Cao Lộc;30/09/2022;")]),
    );
    import(&mut store, &f).unwrap();
    let f = write(
        dir.path(),
        "du2.csv",
        &csv(&[&format!(
            "702/UBND-KT;01/08/2022;{LONG};Cao Lộc;30/09/2022;"
        )]),
    );
    let s = import(&mut store, &f).unwrap();
    assert_eq!(s.counts, counts(0, 1, 0));
    assert_eq!(tasks_of(&store, "702/UBND-KT")[0].0, LONG);
    assert_eq!(import(&mut store, &f).unwrap().counts, counts(0, 0, 1));
    // Too short a cut to tell: a task of its own.
    let f = write(
        dir.path(),
        "ngan.csv",
        &csv(&["702/UBND-KT;01/08/2022;Rà soát…;Cao Lộc;30/09/2022;"]),
    );
    assert_eq!(import(&mut store, &f).unwrap().counts, counts(1, 0, 0));
}

#[test]
fn a_cut_title_two_tasks_fit_is_refused_naming_the_row() {
    let (dir, mut store) = demo_store();
    let f = write(
        dir.path(),
        "hai.csv",
        &csv(&[
            &format!("703/UBND-KT;01/08/2022;{LONG};Cao Lộc;30/09/2022;"),
            "703/UBND-KT;01/08/2022;Rà soát, chuẩn hóa dữ liệu đất rừng;Cao Lộc;30/09/2022;",
        ]),
    );
    import(&mut store, &f).unwrap();
    let before = tasks_of(&store, "703/UBND-KT");
    let f = write(
        dir.path(),
        "cut.csv",
        &csv(&[
            "703/UBND-KT;01/08/2022;Rà soát, chuẩn hóa dữ liệu đất…;Cao Lộc;30/09/2022;20/09/2022",
        ]),
    );
    let err = import(&mut store, &f).unwrap_err();
    assert!(
        err.contains("dòng 2, cột «Tên nhiệm vụ»: khớp với nhiều nhiệm vụ đã có"),
        "{err}"
    );
    assert_eq!(tasks_of(&store, "703/UBND-KT"), before);
    // Two stored tasks with the same document, title and unit (written in tct, not
    // by an import, which refuses such rows): a row of them is not guessed either.
    let u = unit(&store, "Cao Lộc");
    let twin = tct::model::NewTask {
        title: "Báo cáo quý".into(),
        doc_number: Some("704/UBND-KT".into()),
        unit_id: u,
        ..Default::default()
    };
    let ids = store
        .write(|c| Ok((c.insert_task(&twin)?, c.insert_task(&twin)?)))
        .unwrap();
    let f = write(
        dir.path(),
        "trung.csv",
        &csv(&["704/UBND-KT;01/08/2022;Báo cáo quý;Cao Lộc;30/09/2022;"]),
    );
    let err = import(&mut store, &f).unwrap_err();
    assert!(err.contains(&format!("(id {}, {})", ids.0, ids.1)), "{err}");
    // Of another unit, the cut title matches nothing: a new task there.
    let f = write(
        dir.path(),
        "khac.csv",
        &csv(&["703/UBND-KT;01/08/2022;Rà soát, chuẩn hóa dữ liệu đất…;Văn Lãng;30/09/2022;"]),
    );
    assert_eq!(import(&mut store, &f).unwrap().counts, counts(1, 0, 0));
}

/// (deadline, original_deadline, extensions) of the task of a document.
fn deadline_of(store: &Store, doc: &str) -> (Option<String>, Option<String>, i64) {
    store
        .connection()
        .query_row(
            "SELECT deadline, original_deadline,
                    (SELECT count(*) FROM extension WHERE task_id = t.id)
             FROM task t WHERE doc_number = ?1",
            [doc],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap()
}

#[test]
fn an_extension_written_in_the_notes_keeps_the_original_deadline() {
    let (dir, mut store) = demo_store();
    let head = "Số/ký hiệu văn bản;Ngày giao;Tên nhiệm vụ;Đơn vị chủ trì;Hạn xử lý;Ghi chú";
    let text = format!(
        "{head}\n\
         710/UBND-KT;01/06/2022;Hoàn thiện hồ sơ đất rừng;Cao Lộc;Trước ngày 30/6/2022;Đã gia hạn đến 31/8/2022\n\
         711/UBND-KT;01/06/2022;Kiểm tra an toàn hồ đập;Cao Lộc;30/06/2022;Được gia hạn đến ngày 15/8/2022 theo Văn bản số 99/UBND-KT\n\
         712/UBND-KT;01/06/2022;Báo cáo sơ kết;Cao Lộc;30/06/2022;Đơn vị đề nghị gia hạn đến 31/8/2022\n\
         713/UBND-KT;01/06/2022;Rà soát quy hoạch;Cao Lộc;31/08/2022;đã gia hạn đến 31/8/2022\n"
    );
    let f = write(dir.path(), "ghi-chu.csv", &text);
    assert_eq!(import(&mut store, &f).unwrap().counts, counts(4, 0, 0));
    let ext = |d: &str, o: &str| (Some(d.to_string()), Some(o.to_string()), 1);
    assert_eq!(
        deadline_of(&store, "710/UBND-KT"),
        ext("2022-08-31", "2022-06-30")
    );
    assert_eq!(
        deadline_of(&store, "711/UBND-KT"),
        ext("2022-08-15", "2022-06-30")
    );
    // Asked for, not granted; and the deadline column already the extended one.
    let plain = |d: &str| (Some(d.to_string()), Some(d.to_string()), 0);
    assert_eq!(deadline_of(&store, "712/UBND-KT"), plain("2022-06-30"));
    assert_eq!(deadline_of(&store, "713/UBND-KT"), plain("2022-08-31"));
    assert_eq!(import(&mut store, &f).unwrap().counts, counts(0, 0, 4));
    // A task imported before the note was written: extended once, then unchanged.
    let later = text.replace(
        "Báo cáo sơ kết;Cao Lộc;30/06/2022;Đơn vị đề nghị",
        "Báo cáo sơ kết;Cao Lộc;30/06/2022;Đã",
    );
    let f = write(dir.path(), "ghi-chu.csv", &later);
    assert_eq!(import(&mut store, &f).unwrap().counts, counts(0, 1, 3));
    assert_eq!(
        deadline_of(&store, "712/UBND-KT"),
        ext("2022-08-31", "2022-06-30")
    );
    assert_eq!(import(&mut store, &f).unwrap().counts, counts(0, 0, 4));
    // An extension before the deadline is refused at its cell.
    let bad = format!(
        "{head}\n714/UBND-KT;01/06/2022;Việc khác;Cao Lộc;30/06/2022;Đã gia hạn đến 15/6/2022\n"
    );
    let f = write(dir.path(), "sai.csv", &bad);
    let err = import(&mut store, &f).unwrap_err();
    assert!(
        err.contains("dòng 2, cột «Ghi chú»: hạn gia hạn phải sau hạn ban đầu"),
        "{err}"
    );
}

use tct::domain::scorecard::TaskCounts;
use tct::domain::task::TaskStatus;
use tct::model::{TaskMode, TaskScope};

fn unit(store: &Store, name: &str) -> i64 {
    match store.find_unit(name, common::date("23/09/2022")).unwrap() {
        tct::model::UnitLookup::Found(id, _) => id,
        tct::model::UnitLookup::NotFound(_) | tct::model::UnitLookup::Ambiguous(_) => {
            panic!("no unit {name}")
        }
    }
}

fn task_of(store: &Store, doc: &str) -> i64 {
    store
        .connection()
        .query_row("SELECT id FROM task WHERE doc_number = ?1", [doc], |r| {
            r.get(0)
        })
        .unwrap()
}

/// A unit's figures gained from `before`: done on time, late, overdue, soon,
/// in time, no deadline.
fn gained(now: TaskCounts, before: TaskCounts) -> [u32; 6] {
    [
        now.done_on_time - before.done_on_time,
        now.done_late - before.done_late,
        now.overdue - before.overdue,
        now.due_soon - before.due_soon,
        now.in_time - before.in_time,
        now.no_deadline - before.no_deadline,
    ]
}

const STATUS_HEAD: &str =
    "Số/ký hiệu văn bản;Ngày giao;Tên nhiệm vụ;Đơn vị chủ trì;Hạn xử lý;Ngày hoàn thành;Tình trạng";

#[test]
fn done_without_a_date_counts_as_the_file_says_and_shows_the_date_unknown() {
    let (dir, mut store) = demo_store();
    let c = ctx("23/09/2022");
    let u = unit(&store, "Sở Nội vụ");
    let before = store.task_counts(&c, u).unwrap();
    let text = format!(
        "{STATUS_HEAD}\n\
         720/UBND-NC;01/06/2022;Rà soát biên chế;Sở Nội vụ;30/06/2022;;Đã hoàn thành đúng hạn\n\
         721/UBND-NC;01/06/2022;Thẩm định đề án;Sở Nội vụ;30/06/2022;;Đã hoàn thành quá hạn\n\
         722/UBND-NC;01/06/2022;Tổng kết thi đua;Sở Nội vụ;Thường xuyên;;Đã hoàn thành\n\
         723/UBND-NC;01/06/2022;Sắp xếp thôn;Sở Nội vụ;31/12/2022;;Hoàn thành đúng hạn\n"
    );
    let f = write(dir.path(), "xong.csv", &text);
    let s = import(&mut store, &f).unwrap();
    assert_eq!(s.counts, counts(4, 0, 0));
    assert_eq!(s.done_no_date, vec![2, 3, 4, 5]);
    assert_eq!(s.disagree, Vec::<usize>::new());
    // Three on time (one with no deadline, one done ahead of a deadline to come),
    // one late: the scorecard counts them so.
    let now = store.task_counts(&c, u).unwrap();
    assert_eq!(gained(now, before), [3, 1, 0, 0, 0, 0]);
    // Shown nowhere with a day: the list, the detail and the status words.
    let late = store
        .task_detail(&c, task_of(&store, "721/UBND-NC"))
        .unwrap()
        .unwrap();
    assert_eq!(late.row.completed_on, None);
    assert!(late.row.completion_unknown);
    assert_eq!(late.row.status, TaskStatus::DoneLate { days_late: None });
    assert_eq!(
        tct::words::status_text(late.row.status),
        "hoàn thành quá hạn"
    );
    let page = store
        .tasks_page(
            &c,
            TaskScope::Unit(u),
            TaskMode::All,
            "thẩm định đề án",
            0,
            10,
        )
        .unwrap();
    assert_eq!(
        (page[0].completed_on, page[0].completion_unknown),
        (None, true)
    );
    // Again: nothing changes, on another day too.
    assert_eq!(import(&mut store, &f).unwrap().counts, counts(0, 0, 4));
    let later = tct::import::run(&mut store, &ctx("15/10/2022"), &f, &Options::default()).unwrap();
    assert_eq!(later.counts, counts(0, 0, 4), "{:?}", later.changes);
    // A file with the day replaces the stand-in; recording it in tct does too.
    let dated = text.replace(
        "30/06/2022;;Đã hoàn thành đúng hạn",
        "30/06/2022;28/06/2022;Đã hoàn thành đúng hạn",
    );
    let f = write(dir.path(), "xong.csv", &dated);
    let s = import(&mut store, &f).unwrap();
    assert_eq!(s.counts, counts(0, 1, 3));
    assert!(
        s.changes[0].contains("Ngày hoàn thành không rõ ngày → 28/06/2022"),
        "{:?}",
        s.changes
    );
    let on_time = store
        .task_detail(&c, task_of(&store, "720/UBND-NC"))
        .unwrap()
        .unwrap();
    assert_eq!(
        (on_time.row.completed_on, on_time.row.completion_unknown),
        (Some(common::date("28/06/2022")), false)
    );
    let id = task_of(&store, "721/UBND-NC");
    store
        .set_completed(id, Some(common::date("05/07/2022")))
        .unwrap();
    let late = store.task_detail(&c, id).unwrap().unwrap();
    assert_eq!(late.row.status, TaskStatus::DoneLate { days_late: Some(5) });
    assert!(!late.row.completion_unknown);
    // The office's file, still without the day, leaves the day recorded in tct.
    let s = import(&mut store, &f).unwrap();
    assert_eq!(s.counts, counts(0, 0, 4), "{:?}", s.changes);
    assert_eq!(
        store.task_detail(&c, id).unwrap().unwrap().row.completed_on,
        Some(common::date("05/07/2022"))
    );
    assert_eq!(store.tally_drift().unwrap(), Vec::<i64>::new());
}

#[test]
fn a_cancelled_task_is_kept_and_shown_but_counted_nowhere_until_the_file_takes_it_back() {
    let (dir, mut store) = demo_store();
    let c = ctx("23/09/2022");
    let u = unit(&store, "Sở Nội vụ");
    let before = store.task_counts(&c, u).unwrap();
    let province_overdue = |store: &Store| {
        store
            .count_tasks(&c, TaskScope::AllUnits, TaskMode::Overdue, "")
            .unwrap()
    };
    let overdue_before = province_overdue(&store);
    let all_before = store
        .count_tasks(&c, TaskScope::Unit(u), TaskMode::All, "")
        .unwrap();
    let text = |said: &str| {
        format!(
            "{STATUS_HEAD}\n\
             730/UBND-NC;01/06/2022;Kiểm tra công vụ;Sở Nội vụ;30/06/2022;;{said}\n\
             731/UBND-NC;01/06/2022;Rà soát vị trí việc làm;Sở Nội vụ;30/06/2022;;Đang thực hiện quá hạn\n\
             732/UBND-NC;01/06/2022;Tổng hợp số liệu;Sở Nội vụ;30/06/2022;20/06/2022;Bị hủy\n"
        )
    };
    let f = write(dir.path(), "huy.csv", &text("Bị hủy"));
    let s = import(&mut store, &f).unwrap();
    assert_eq!(
        (s.counts, s.cancelled.clone()),
        (counts(3, 0, 0), vec![2, 4])
    );
    // Done before it was cancelled, or not: a cancelled task is counted by no date.
    assert_eq!(s.disagree, Vec::<usize>::new());
    // Only the open one counts: in the scorecard, the overdue view and its report.
    let now = store.task_counts(&c, u).unwrap();
    assert_eq!(gained(now, before), [0, 0, 1, 0, 0, 0]);
    assert_eq!(province_overdue(&store), overdue_before + 1);
    let cancelled = task_of(&store, "730/UBND-NC");
    let mut overdue_ids = Vec::new();
    store
        .for_each_task(&c, TaskScope::AllUnits, TaskMode::Overdue, |r| {
            overdue_ids.push(r.id);
            Ok::<(), tct::error::Error>(())
        })
        .unwrap();
    assert!(!overdue_ids.contains(&cancelled));
    assert_eq!(overdue_ids.len(), overdue_before + 1);
    // Shown, marked, at the end of the unit's full list and in the detail.
    let all = store
        .tasks_page(&c, TaskScope::Unit(u), TaskMode::All, "", 0, 1000)
        .unwrap();
    assert_eq!(all.len(), all_before + 3);
    assert_eq!(
        store
            .count_tasks(&c, TaskScope::Unit(u), TaskMode::All, "")
            .unwrap(),
        all_before + 3
    );
    let last_two: Vec<i64> = all[all.len() - 2..].iter().map(|r| r.id).collect();
    assert!(last_two.contains(&cancelled), "{last_two:?}");
    assert!(
        all[all.len() - 2..]
            .iter()
            .all(|r| r.status == TaskStatus::Cancelled)
    );
    let detail = store.task_detail(&c, cancelled).unwrap().unwrap();
    assert_eq!(detail.row.status, TaskStatus::Cancelled);
    assert_eq!(tct::words::status_text(detail.row.status), "đã hủy");
    let open = store
        .tasks_page(&c, TaskScope::Unit(u), TaskMode::Open, "", 0, 1000)
        .unwrap();
    assert!(!open.iter().any(|r| r.id == cancelled));
    assert_eq!(import(&mut store, &f).unwrap().counts, counts(0, 0, 3));
    // The file takes the cancellation back: counted again, and the summary says so.
    let f = write(dir.path(), "huy.csv", &text("Đang thực hiện quá hạn"));
    let s = import(&mut store, &f).unwrap();
    assert_eq!(s.counts, counts(0, 1, 2));
    assert!(
        s.changes[0].contains("dòng 2") && s.changes[0].contains("Tình trạng đã hủy → –"),
        "{:?}",
        s.changes
    );
    assert_eq!(province_overdue(&store), overdue_before + 2);
    // And cancels it again.
    let f = write(dir.path(), "huy.csv", &text("Bị hủy"));
    let s = import(&mut store, &f).unwrap();
    assert!(
        s.changes[0].contains("Tình trạng – → đã hủy"),
        "{:?}",
        s.changes
    );
    assert_eq!(province_overdue(&store), overdue_before + 1);
    assert_eq!(store.tally_drift().unwrap(), Vec::<i64>::new());
}

/// A file with a status column and no completion column says nothing of a
/// completion recorded in tct: importing the first file again keeps it.
#[test]
fn a_status_only_file_never_stands_for_a_completion_recorded_in_tct() {
    let (dir, mut store) = demo_store();
    let first = write(
        dir.path(),
        "a.csv",
        &csv(&["740/UBND-NC;01/06/2022;Rà soát hồ sơ;Sở Nội vụ;30/09/2022;"]),
    );
    import(&mut store, &first).unwrap();
    let id = task_of(&store, "740/UBND-NC");
    store
        .set_completed(id, Some(common::date("20/09/2022")))
        .unwrap();
    let status_only = write(
        dir.path(),
        "b.csv",
        "Số/ký hiệu văn bản;Ngày giao;Tên nhiệm vụ;Đơn vị chủ trì;Hạn xử lý;Tình trạng\n\
         740/UBND-NC;01/06/2022;Rà soát hồ sơ;Sở Nội vụ;30/09/2022;Đang thực hiện\n",
    );
    assert_eq!(
        import(&mut store, &status_only).unwrap().counts,
        counts(0, 0, 1)
    );
    let s = import(&mut store, &first).unwrap();
    assert_eq!((s.counts, s.kept_count), (counts(0, 0, 1), 1));
    assert_eq!(
        tasks_of(&store, "740/UBND-NC")[0].2.as_deref(),
        Some("2022-09-20")
    );
}
