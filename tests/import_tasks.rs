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
