//! Killing the app itself with SIGKILL while the secretary types, saves a record or
//! records a task done, in a real pseudo-terminal, again and again on one database.
//! After every kill: the file is intact; every write the screen confirmed is there; a
//! record is all there or not at all, with its directive's task; a completion is the
//! old one or the new one; and what was being typed is in the draft, at most about
//! 2 s short.
//!
//! The kills must land on both sides of each write: saves and completions cut off
//! before they reached the file and after, typing killed before anything had to be in
//! the draft and late enough that some had to. Kills at random within 2 ms of the key
//! land on both sides in a long run (asserted there); a short run's few may not, so
//! each side still untried gets one more kill aimed to land there for certain (tct
//! frozen before the key, or killed once the screen confirmed the write). A short run
//! in `cargo test`; TCT_CRASH_RUNS=200 for the long one.

#![cfg(unix)]

mod common;

use common::Lcg;
use std::thread;
use std::time::{Duration, Instant};

use common::inspection::*;
use common::pty::{Tui, temp_dir};
use rusqlite::{Connection, OptionalExtension};

fn runs() -> u64 {
    common::env_count("TCT_CRASH_RUNS", 6)
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

/// Starts tct on the database; a draft the last kill left (checked then) is
/// discarded (Ctrl-X; kept in the file, no longer offered).
fn start(dir: &tempfile::TempDir) -> Tui {
    let mut tui = Tui::demo(120, 36, dir, &[]);
    tui.wait_until("the dashboard or the drafts left", |t| {
        let s = t.screen();
        s.contains(DRAFT_DIALOG) || s.contains(DASHBOARD)
    });
    if tui.screen().contains(DRAFT_DIALOG) {
        tui.send(CTRL_X);
        tui.wait_gone(DRAFT_DIALOG);
        // Esc on the dashboard clears the message that took the as-of date's place.
        tui.wait_for("Đã bỏ bản nháp");
        tui.send(ESC);
        tui.wait_for(DASHBOARD);
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

/// When a kill comes, around the key that writes.
#[derive(Clone, Copy)]
enum When {
    /// This long after the key (for typing: after the first key).
    After(Duration),
    /// With tct frozen (SIGSTOP) before the key is sent: it cannot have read it.
    Frozen,
    /// Once the screen said the write was done.
    Confirmed,
}

impl std::fmt::Debug for When {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            When::After(d) => write!(f, "{d:.1?}"),
            When::Frozen => write!(f, "frozen"),
            When::Confirmed => write!(f, "confirmed"),
        }
    }
}

/// Sends the key that writes and kills tct as `when` says; returns whether the
/// screen then held `confirmation` (tct drew it after the commit).
fn press_and_kill(tui: &mut Tui, key: &str, when: When, confirmation: &str) -> bool {
    if let When::Frozen = when {
        tui.freeze();
    } else {
        tui.settle();
    }
    // At once: the kill is timed from this write.
    tui.send_now(key);
    match when {
        When::After(delay) => thread::sleep(delay),
        When::Frozen => {}
        When::Confirmed => tui.wait_until(&format!("{confirmation:?} on screen"), |t| {
            t.flat_screen().contains(confirmation)
        }),
    }
    tui.kill_hard();
    // Everything tct wrote before it died reaches the screen.
    tui.wait_reader(Duration::from_secs(5));
    tui.flat_screen().contains(confirmation)
}

/// Records the task done today, or not done when it was done, killing tct as `when`
/// says around Enter. Returns the completion asked for, and whether the screen said
/// it was recorded.
fn complete_and_kill(tui: &mut Tui, when: When, before: Option<String>) -> (Option<String>, bool) {
    for k in ["/", "cao loc", "\r"] {
        tui.send(k);
    }
    tui.wait_for("Lọc: cao loc");
    for k in ["\t", "\t", "/"] {
        tui.send(k);
    }
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
    (wanted, press_and_kill(tui, "\r", when, "Đã ghi "))
}

/// Types a whole record and saves it, killing tct as `when` says around Ctrl-S.
/// Returns whether the screen said it was saved.
fn save_and_kill(tui: &mut Tui, when: When, run: u64) -> bool {
    tui.filter_trang_dinh();
    tui.new_inspection();
    let (result, directive) = texts(run);
    tui.send(&result);
    tui.wait_editor(&result);
    tui.send(CTRL_N);
    tui.send(CTRL_T);
    tui.wait_for("Mục 2/2 · Chỉ đạo");
    tui.send(&directive);
    tui.send(TAB);
    tui.send(TAB);
    tui.send(DEADLINE.0);
    tui.wait_for(&format!("Hạn xử lý: {}", DEADLINE.0));
    press_and_kill(tui, CTRL_S, when, SAVED)
}

/// Types steadily and is killed `kill_at` after the first key, mid-sentence; returns
/// what was sent and how much of it was sent 2 s before the kill.
fn type_and_kill(tui: &mut Tui, kill_at: Duration, run: u64) -> (String, usize) {
    tui.filter_trang_dinh();
    tui.new_inspection();
    let text: Vec<char> = format!("Lần {run}: {}", texts(run).1.repeat(8))
        .chars()
        .collect();
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
    assert!(
        n < text.len(),
        "run {run}: the kill came after the whole text"
    );
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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Killed around Ctrl-S of a whole record.
    Save,
    /// Killed around Enter on a task's completion date.
    Completion,
    /// Killed a while after the first key of a long sentence.
    Typing,
}

/// One kill and how it landed: whether the write had reached the file (for typing:
/// whether the draft had to hold some of the text, sent 2 s or more before the kill).
struct Landing {
    kind: Kind,
    when: When,
    done: bool,
}

impl std::fmt::Debug for Landing {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        let done = if self.done { "done" } else { "not done" };
        write!(f, "{:?} {:?}: {done}", self.kind, self.when)
    }
}

/// The runs so far on one database.
#[derive(Default)]
struct Kills {
    landings: Vec<Landing>,
    /// Every record the file held after a kill; each must stay, once.
    confirmed: Vec<String>,
    /// Records saved whose kill came before the screen said so.
    mid_save: usize,
}

impl Kills {
    fn of(&self, kind: Kind) -> impl Iterator<Item = &Landing> {
        self.landings.iter().filter(move |l| l.kind == kind)
    }

    fn count(&self, kind: Kind, done: bool) -> usize {
        self.of(kind).filter(|l| l.done == done).count()
    }

    /// Starts tct, kills it as `kind` and `when` say, and checks the file.
    fn run(&mut self, dir: &tempfile::TempDir, run: u64, kind: Kind, when: When) {
        let mut tui = start(dir);
        let (result, directive) = texts(run);
        let done = match kind {
            Kind::Completion => {
                let before = completion(&open_db(dir));
                let (wanted, shown) = complete_and_kill(&mut tui, when, before.clone());
                drop(tui);
                let db = open_db(dir);
                check_intact(&db);
                let after = completion(&db);
                assert!(
                    after == before || after == wanted,
                    "run {run}: completion {after:?}, was {before:?}, asked {wanted:?}"
                );
                if shown {
                    assert_eq!(after, wanted, "run {run}: the screen said it was recorded");
                }
                after != before
            }
            Kind::Save => {
                let shown = save_and_kill(&mut tui, when, run);
                drop(tui);
                let db = open_db(dir);
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
                        self.confirmed.push(result.clone());
                        if !shown {
                            self.mid_save += 1;
                        }
                        true
                    }
                    None => {
                        assert!(
                            !shown,
                            "run {run}: the screen said saved, the file has nothing"
                        );
                        // Not saved: the draft holds every item typed, whole.
                        let draft = draft(&db).expect("run {run}: the draft survives");
                        assert_eq!(draft_texts(&draft), [result.clone(), directive.clone()]);
                        false
                    }
                }
            }
            Kind::Typing => {
                let When::After(kill_at) = when else {
                    panic!("run {run}: typing is killed a while after its first key")
                };
                let (typed, floor) = type_and_kill(&mut tui, kill_at, run);
                drop(tui);
                let db = open_db(dir);
                check_intact(&db);
                let kept = draft(&db)
                    .map(|d| draft_texts(&d).concat())
                    .unwrap_or_default();
                assert!(
                    typed.starts_with(&kept) && kept.len() >= floor,
                    "run {run}: the draft must hold what was typed up to 2 s before the kill\n  \
                     draft: {kept:?}\n  typed: {typed:?}\n  floor: {floor} bytes"
                );
                floor > 0
            }
        };
        if let When::Frozen = when {
            assert!(
                !done,
                "run {run}: {kind:?} reached the file from a frozen tct"
            );
        }
        self.landings.push(Landing { kind, when, done });
        // Every record confirmed in any run is still there, once.
        let db = open_db(dir);
        for r in &self.confirmed {
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
            DEMO_INSPECTIONS + self.confirmed.len() as i64
        );
    }
}

/// The moment of a typing run's kill: the even ones late enough (2.3 to 3 s) that the
/// draft must hold the start of the text, the odd ones before anything had to be in
/// it (0.3 to 1.9 s).
fn typing_kill(rng: &mut Lcg, nth: usize) -> When {
    When::After(Duration::from_millis(if nth.is_multiple_of(2) {
        2300 + rng.below(700)
    } else {
        300 + rng.below(1600)
    }))
}

/// A long run plans this many kills of a kind or more: its random ones must land on
/// both sides of the write by themselves (about a third to a half of them land after
/// it, so all on one side is vanishingly unlikely by chance).
const MANY: usize = 20;

#[test]
fn the_app_killed_while_typing_or_saving_loses_nothing_it_confirmed() {
    let dir = temp_dir();
    let mut rng = Lcg(7);
    let mut kills = Kills::default();
    let planned = runs();
    // A save takes about a millisecond once its key arrives, and a completion less:
    // kills at random within 2 ms of the key land before, during and after them.
    for run in 0..planned {
        let kind = [Kind::Save, Kind::Completion, Kind::Typing][(run % 3) as usize];
        let when = match kind {
            Kind::Typing => typing_kill(&mut rng, kills.of(Kind::Typing).count()),
            _ => When::After(Duration::from_micros(rng.below(2_000))),
        };
        kills.run(&dir, run, kind, when);
    }
    // Both sides of each write by chance, for the long run.
    for kind in [Kind::Save, Kind::Completion] {
        if kills.of(kind).count() >= MANY {
            assert!(
                kills.count(kind, true) > 0 && kills.count(kind, false) > 0,
                "{} random kills around a {kind:?}, all on one side: {:?}",
                kills.of(kind).count(),
                kills.landings
            );
        }
    }

    // A short run may leave a side of a write untried: one more kill there, aimed so
    // that it lands there for certain, checks it.
    let mut run = planned;
    for kind in [Kind::Save, Kind::Completion, Kind::Typing] {
        for done in [false, true] {
            if kills.count(kind, done) > 0 {
                continue;
            }
            let when = match (kind, done) {
                (Kind::Typing, false) => typing_kill(&mut rng, 1),
                (Kind::Typing, true) => typing_kill(&mut rng, 0),
                (_, false) => When::Frozen,
                (_, true) => When::Confirmed,
            };
            kills.run(&dir, run, kind, when);
            run += 1;
        }
    }

    let summary = format!(
        "{run} runs ({planned} planned): {} kills around a save ({} saved, {} of them before \
         the screen said so, {} not saved), {} around a completion ({} recorded, {} not), \
         {} mid-sentence ({} late enough that the draft had to hold some); {:?}",
        kills.of(Kind::Save).count(),
        kills.count(Kind::Save, true),
        kills.mid_save,
        kills.count(Kind::Save, false),
        kills.of(Kind::Completion).count(),
        kills.count(Kind::Completion, true),
        kills.count(Kind::Completion, false),
        kills.of(Kind::Typing).count(),
        kills.count(Kind::Typing, true),
        kills.landings,
    );
    eprintln!("{summary}");
    for (kind, done, what) in [
        (
            Kind::Save,
            false,
            "a save cut off before it reached the file",
        ),
        (Kind::Save, true, "a save killed after it reached the file"),
        (
            Kind::Completion,
            false,
            "a completion cut off before it reached the file",
        ),
        (
            Kind::Completion,
            true,
            "a completion killed after it reached the file",
        ),
        (Kind::Typing, false, "typing killed within 2 s of its start"),
        (
            Kind::Typing,
            true,
            "typing killed 2 s or more after it began",
        ),
    ] {
        assert!(
            kills.count(kind, done) > 0,
            "no kill landed as {what}: {summary}"
        );
    }
}
