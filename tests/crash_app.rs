//! Killing the app itself with SIGKILL while the secretary types, saves a record or
//! records a task done, in a real pseudo-terminal, again and again on one database.
//! After every kill: the file is intact; every write the screen confirmed is there; a
//! record is all there or not at all, with its directive's task; a completion is the
//! old one or the new one; and what was being typed is in the draft, at most about
//! 2 s short. A short run in `cargo test`; TCT_CRASH_RUNS=200 for the long one.

#![cfg(unix)]

mod common;

use common::Lcg;
use std::thread;
use std::time::{Duration, Instant};

use common::inspection::*;
use common::pty::{Tui, temp_dir};
use rusqlite::{Connection, OptionalExtension};

fn runs() -> u64 {
    common::env_count("TCT_CRASH_RUNS", 4)
}

const SAVED: &str = "Đã lưu biên bản";
const DASHBOARD: &str = "Ngày xem 23/09/2022";
/// A directive's deadline as typed and as stored.
const DEADLINE: (&str, &str) = ("31/12/2022", "2022-12-31");

fn texts(run: u64) -> (String, String) {
    (
        format!("Lần {run}: huyện đã triển khai đồng bộ, kết quả tích cực."),
        format!("Lần {run}: khẩn trương hoàn thiện hồ sơ giải phóng mặt bằng."),
    )
}

/// How a run's record stands in the file: its items (kind, text, task) in order.
type Items = Vec<(String, String, Option<i64>)>;

fn record_of(db: &Connection, marker: &str) -> Option<(i64, Items)> {
    let id: i64 = db
        .query_row(
            "SELECT inspection_id FROM conclusion_item WHERE text = ?1",
            [marker],
            |r| r.get(0),
        )
        .optional()
        .unwrap()?;
    let items = db
        .prepare(
            "SELECT kind, text, task_id FROM conclusion_item
             WHERE inspection_id = ?1 ORDER BY position",
        )
        .unwrap()
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    Some((id, items))
}

fn check_intact(db: &Connection) {
    let ok: String = db
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok", "integrity_check after a kill");
    let orphans: i64 = db
        .query_row("PRAGMA foreign_key_check", [], |_| Ok(1))
        .optional()
        .unwrap()
        .unwrap_or(0);
    assert_eq!(orphans, 0, "no row points at a missing one");
}

/// Starts tct on the database; a draft the last kill left (checked then) is dropped.
fn start(dir: &tempfile::TempDir) -> Tui {
    let mut tui = Tui::demo(120, 36, dir, &[]);
    tui.wait_until("the dashboard or the draft question", |t| {
        let s = t.screen();
        s.contains(DRAFT_DIALOG) || s.contains(DASHBOARD)
    });
    if tui.screen().contains(DRAFT_DIALOG) {
        tui.send("b");
        tui.wait_gone(DRAFT_DIALOG);
    }
    tui
}

/// The task of Cao Lộc whose completion the runs toggle, found by its title.
const TASK: (&str, &str) = ("Rà soát hộ nghèo, hộ cận nghèo", "ra soat ho ngheo");

fn completion(db: &Connection) -> Option<String> {
    db.query_row(
        "SELECT t.completed_on FROM task t JOIN unit u ON u.id = t.unit_id
         WHERE u.name = 'Cao Lộc' AND t.title LIKE ?1 || '%'",
        [TASK.0],
        |r| r.get(0),
    )
    .unwrap()
}

/// Records the task done today, or not done when it was done, killing tct within
/// 2 ms of Enter. Returns the completion before, the one asked for, and whether the
/// screen said it was recorded.
fn complete_and_kill(
    tui: &mut Tui,
    rng: &mut Lcg,
    before: Option<String>,
) -> (Option<String>, bool) {
    tui.send("/cao loc\r");
    tui.wait_for("Lọc: cao loc");
    tui.send("\t\t/");
    tui.send(TASK.1);
    tui.send("\r");
    tui.wait_for(&format!("Lọc: {}", TASK.1));
    tui.send("d");
    tui.wait_for("Ngày hoàn thành (dd/mm/yyyy):");
    let wanted = match before {
        Some(_) => {
            tui.send("\x7f".repeat(10));
            // Aim the kill at Enter alone, not at a queue of backspaces: wait until
            // the row under the label is drawn empty.
            tui.wait_until("the date cleared", |t| {
                let lines = t.box_lines("Hoàn thành nhiệm vụ").unwrap_or_default();
                lines
                    .iter()
                    .position(|l| l.contains("(dd/mm/yyyy):"))
                    .and_then(|i| lines.get(i + 1))
                    .is_some_and(|l| l.trim().is_empty())
            });
            None
        }
        None => Some("2022-09-23".to_string()),
    };
    tui.send("\r");
    thread::sleep(Duration::from_micros(rng.below(2_000)));
    tui.kill_hard();
    tui.wait_reader(Duration::from_secs(5));
    (wanted, tui.flat_screen().contains("Đã ghi "))
}

/// Types a whole record and saves it, killing tct at a random moment around the save.
fn save_and_kill(tui: &mut Tui, rng: &mut Lcg, run: u64) -> bool {
    tui.filter_trang_dinh();
    tui.new_inspection();
    let (result, directive) = texts(run);
    tui.send(&result);
    tui.wait_editor(&result);
    tui.send(CTRL_N);
    tui.wait_for("Mục 2/2 · Chỉ đạo");
    tui.send(&directive);
    tui.send(TAB);
    tui.send(TAB);
    tui.send(DEADLINE.0);
    tui.wait_for(&format!("Hạn xử lý: {}", DEADLINE.0));
    tui.send(CTRL_S);
    // The save takes about a millisecond once the key arrives: kills within 2 ms of
    // the key land before, during and after it.
    thread::sleep(Duration::from_micros(rng.below(2_000)));
    tui.kill_hard();
    // Everything tct wrote before it died reaches the screen: a message there was
    // shown after the commit.
    tui.wait_reader(Duration::from_secs(5));
    tui.flat_screen().contains(SAVED)
}

/// Types steadily and is killed mid-sentence; returns what was sent and how much of
/// it was sent 2 s before the kill.
fn type_and_kill(tui: &mut Tui, rng: &mut Lcg, run: u64) -> (String, usize) {
    tui.filter_trang_dinh();
    tui.new_inspection();
    let text: Vec<char> = format!("Lần {run}: {}", texts(run).1.repeat(8))
        .chars()
        .collect();
    let kill_at = Duration::from_millis(300 + rng.below(2700));
    let start = Instant::now();
    let mut sent: Vec<(Instant, usize)> = Vec::new();
    let mut n = 0;
    while start.elapsed() < kill_at && n < text.len() {
        let end = (n + 3).min(text.len());
        tui.send(text[n..end].iter().collect::<String>());
        n = end;
        sent.push((Instant::now(), n));
        thread::sleep(Duration::from_millis(40));
    }
    tui.kill_hard();
    let killed = Instant::now();
    let old_enough = sent
        .iter()
        .filter(|(t, _)| killed.duration_since(*t) >= Duration::from_secs(2))
        .map(|&(_, n)| n)
        .max()
        .unwrap_or(0);
    let typed: String = text[..n].iter().collect();
    let floor = text[..old_enough].iter().collect::<String>().len();
    (typed, floor)
}

#[test]
fn the_app_killed_while_typing_or_saving_loses_nothing_it_confirmed() {
    let dir = temp_dir();
    let mut rng = Lcg(7);
    let mut confirmed: Vec<String> = Vec::new();
    let (mut saves, mut typing, mut mid_save) = (0, 0, 0);
    let (mut completions, mut recorded) = (0, 0);
    for run in 0..runs() {
        let mut tui = start(&dir);
        let (result, directive) = texts(run);
        let kind = rng.below(3);
        if kind == 2 {
            completions += 1;
            let before = completion(&open_db(&dir));
            let (wanted, shown) = complete_and_kill(&mut tui, &mut rng, before.clone());
            drop(tui);
            let db = open_db(&dir);
            check_intact(&db);
            let after = completion(&db);
            assert!(
                after == before || after == wanted,
                "run {run}: completion {after:?}, was {before:?}, asked {wanted:?}"
            );
            if shown {
                assert_eq!(after, wanted, "run {run}: the screen said it was recorded");
            }
            if after != before {
                recorded += 1;
            }
        } else if kind == 0 {
            saves += 1;
            let shown = save_and_kill(&mut tui, &mut rng, run);
            drop(tui);
            let db = open_db(&dir);
            check_intact(&db);
            match record_of(&db, &result) {
                Some((_, items)) => {
                    // All there: both items, the directive tracked as a task with
                    // its deadline, and no draft left of it.
                    assert_eq!(items.len(), 2, "run {run}: {items:?}");
                    assert_eq!((items[0].0.as_str(), &items[0].1), ("result", &result));
                    assert_eq!(
                        (items[1].0.as_str(), &items[1].1),
                        ("directive", &directive)
                    );
                    let task = items[1].2.expect("the directive has its task");
                    let (title, deadline): (String, String) = db
                        .query_row(
                            "SELECT title, deadline FROM task WHERE id = ?1",
                            [task],
                            |r| Ok((r.get(0)?, r.get(1)?)),
                        )
                        .unwrap();
                    assert_eq!(
                        (title.as_str(), deadline.as_str()),
                        (&*directive, DEADLINE.1)
                    );
                    assert!(draft(&db).is_none(), "run {run}: the save took the draft");
                    confirmed.push(result.clone());
                    if !shown {
                        mid_save += 1;
                    }
                }
                None => {
                    assert!(
                        !shown,
                        "run {run}: the screen said saved, the file has nothing"
                    );
                    // Not saved: the draft holds every item typed, whole.
                    let draft = draft(&db).expect("run {run}: the draft survives");
                    assert_eq!(draft_texts(&draft), [result.clone(), directive.clone()]);
                }
            }
        } else {
            typing += 1;
            let (typed, floor) = type_and_kill(&mut tui, &mut rng, run);
            drop(tui);
            let db = open_db(&dir);
            check_intact(&db);
            let kept = draft(&db)
                .map(|d| draft_texts(&d).concat())
                .unwrap_or_default();
            assert!(
                typed.starts_with(&kept) && kept.len() >= floor,
                "run {run}: the draft must hold what was typed up to 2 s before the kill\n  \
                 draft: {kept:?}\n  typed: {typed:?}\n  floor: {floor} bytes"
            );
        }
        // Every record confirmed in any run is still there, once.
        let db = open_db(&dir);
        for r in &confirmed {
            let n: i64 = db
                .query_row(
                    "SELECT count(*) FROM conclusion_item WHERE text = ?1",
                    [r],
                    |x| x.get(0),
                )
                .unwrap();
            assert_eq!(n, 1, "run {run}: {r:?} is there once");
        }
        assert_eq!(
            count(&db, "inspection"),
            DEMO_INSPECTIONS + confirmed.len() as i64
        );
    }
    eprintln!("{completions} killed around a task completion ({recorded} recorded)");
    eprintln!(
        "{} runs: {saves} killed around a save ({} saved, {mid_save} of them killed before the \
         screen said so, {} not saved), {typing} killed mid-sentence",
        runs(),
        confirmed.len(),
        saves - confirmed.len()
    );
}
