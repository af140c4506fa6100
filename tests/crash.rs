//! Killing tct with SIGKILL while it imports: the database stays intact, the import
//! is all or nothing, and the backup it took first is whole. The kill moments are
//! spread evenly over the time a whole import takes here, and the test fails unless
//! some kills landed before the import was done — one of them between its backup and
//! its commit — and some after. A short run in `cargo test`; set TCT_CRASH_RUNS (e.g.
//! 200) for the long one.

mod common;

use common::Lcg;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn runs() -> u64 {
    common::env_count("TCT_CRASH_RUNS", 8)
}

/// Runs added after the planned ones when a kind of landing is still missing.
const MAX_EXTRA: usize = 8;

const ROWS: i64 = 3000;

fn tasks(db: &Path) -> i64 {
    let c = rusqlite::Connection::open(db).unwrap();
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok", "integrity_check of {} after a kill", db.display());
    c.query_row("SELECT count(*) FROM task", [], |r| r.get(0))
        .unwrap()
}

/// Where a kill landed, as the files tell it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Landed {
    /// Killed before the import's backup had its name: no rows, no backup.
    BeforeBackup,
    /// Killed after the backup and before the commit: no rows, a whole backup.
    MidImport,
    /// Killed after the commit, before tct exited: every row.
    AfterCommit,
    /// tct had finished by itself: every row.
    Finished,
}

impl Landed {
    fn done(self) -> bool {
        matches!(self, Landed::AfterCommit | Landed::Finished)
    }
}

struct Setup {
    dir: tempfile::TempDir,
    pristine: PathBuf,
    db: PathBuf,
    csv: PathBuf,
    before: i64,
}

impl Setup {
    fn new() -> Setup {
        let dir = tempfile::tempdir().unwrap();
        let (_d, store) = common::demo_store();
        let pristine = dir.path().join("pristine.db");
        store.backup_to(&pristine).unwrap();
        drop(store);
        // Enough rows that the import takes a while, and more than the import backs
        // the database up first for.
        let csv = dir.path().join("tasks.csv");
        let mut text =
            String::from("Số/ký hiệu văn bản;Ngày giao;Tên nhiệm vụ;Đơn vị chủ trì;Hạn xử lý\n");
        for i in 0..ROWS {
            text.push_str(&format!(
                "{i}/UBND-KT;01/03/2022;Nhiệm vụ thử số {i};Cao Lộc;30/06/2022\n"
            ));
        }
        std::fs::write(&csv, text).unwrap();
        let before = tasks(&pristine);
        let db = dir.path().join("t.db");
        Setup {
            dir,
            pristine,
            db,
            csv,
            before,
        }
    }

    /// The pristine database again, with no WAL and no backup (or half one) beside it.
    fn reset(&self) {
        std::fs::copy(&self.pristine, &self.db).unwrap();
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", self.db.display()));
        }
        for e in std::fs::read_dir(self.dir.path()).unwrap() {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            if name.contains("t.db.truoc-nhap-") {
                std::fs::remove_file(self.dir.path().join(name)).unwrap();
            }
        }
    }

    fn import(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_tct"));
        c.args([
            "--db",
            self.db.to_str().unwrap(),
            "import",
            self.csv.to_str().unwrap(),
            "--kind",
            "tasks",
        ])
        .env_remove("TCT_DB")
        .env_remove("TCT_LANG");
        c
    }

    /// The backups the import took under their own name (a half-made one has a
    /// temporary name).
    fn backups(&self) -> Vec<PathBuf> {
        std::fs::read_dir(self.dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                let name = p.file_name().unwrap().to_string_lossy();
                name.starts_with("t.db.truoc-nhap-") && name.ends_with(".bak")
            })
            .collect()
    }

    /// One import killed `kill.at` after it started (or after its backup took its
    /// name), and the files checked.
    fn kill(&self, run: usize, kill: Kill) -> Landed {
        self.reset();
        let mut child = self
            .import()
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        if kill.from_backup {
            let seen = common::poll_until(Duration::from_secs(30), || {
                !self.backups().is_empty() || child.try_wait().unwrap().is_some()
            });
            assert!(seen, "run {run}: the import took no backup within 30 s");
        }
        std::thread::sleep(kill.at);
        let exited = child.try_wait().unwrap();
        let _ = child.kill(); // SIGKILL on Unix
        let status = child.wait().unwrap();
        let n = self.tasks_now();
        let backups = self.backups();
        assert!(backups.len() <= 1, "run {run}: {backups:?}");
        for b in &backups {
            assert_eq!(
                tasks(b),
                self.before,
                "run {run}: the backup is the database before the import, whole"
            );
        }
        let landed = match exited {
            Some(s) => {
                assert!(s.success(), "run {run}: the import failed by itself: {s}");
                Landed::Finished
            }
            None if n == self.before + ROWS => Landed::AfterCommit,
            None if n == self.before && backups.is_empty() => Landed::BeforeBackup,
            None if n == self.before => Landed::MidImport,
            None => panic!("run {run}: half an import ({n} tasks), status {status:?}"),
        };
        if landed.done() {
            assert_eq!(n, self.before + ROWS, "run {run}: the import is all there");
            assert_eq!(backups.len(), 1, "run {run}: its backup came first");
        }
        landed
    }

    fn tasks_now(&self) -> i64 {
        tasks(&self.db)
    }
}

/// When a kill is sent: `at` after the import started, or after its backup took its
/// name.
#[derive(Clone, Copy)]
struct Kill {
    at: Duration,
    from_backup: bool,
}

impl Kill {
    fn at(at: Duration) -> Kill {
        Kill {
            at,
            from_backup: false,
        }
    }
}

impl std::fmt::Debug for Kill {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        let from = if self.from_backup { "backup" } else { "start" };
        write!(f, "{from} + {:.1?}", self.at)
    }
}

/// The latest moment from the start tried.
fn latest(tried: &[(Kill, Landed)]) -> Option<Duration> {
    tried.iter().map(|(k, _)| k.at).max()
}

/// The earliest moment from the start tried.
fn earliest(tried: &[(Kill, Landed)]) -> Option<Duration> {
    tried.iter().map(|(k, _)| k.at).min()
}

#[test]
fn an_import_killed_at_any_moment_is_all_or_nothing() {
    let setup = Setup::new();
    // How long a whole import takes here, to spread the kills over it: the quicker of
    // two, the first paying for cold caches.
    let mut span = Duration::MAX;
    for _ in 0..2 {
        setup.reset();
        let t = Instant::now();
        let full = setup.import().output().unwrap();
        span = span.min(t.elapsed());
        assert!(
            full.status.success(),
            "{}",
            String::from_utf8_lossy(&full.stderr)
        );
        assert_eq!(setup.tasks_now(), setup.before + ROWS);
    }

    // Each planned run kills at a random moment within its own slice of 1.5 times that
    // span (a busy machine slows the import), so the kills cover it from start to end
    // in every run count.
    let mut rng = Lcg(42);
    let planned = runs() as usize;
    let window = span * 3 / 2;
    let mut tried: Vec<(Kill, Landed)> = Vec::new();
    for run in 0..planned {
        let slice = window / planned as u32;
        let at = slice * run as u32 + slice.mul_f64(rng.below(1000) as f64 / 1000.0);
        let kill = Kill::at(at);
        tried.push((kill, setup.kill(run, kill)));
    }

    // When the machine's pace moved the landings off the plan, aim a few more kills
    // at what is missing: later for a done import, earlier for an interrupted one, and
    // within 2 ms of the backup taking its name for one inside the import.
    let mut extra = 0;
    while extra < MAX_EXTRA {
        let kill = if !tried.iter().any(|(_, l)| l.done()) {
            Kill::at(latest(&tried).unwrap_or(span) * 2)
        } else if tried.iter().all(|(_, l)| l.done()) {
            Kill::at(earliest(&tried).unwrap_or(span) / 2)
        } else if !tried.iter().any(|&(_, l)| l == Landed::MidImport) {
            Kill {
                at: Duration::from_micros(rng.below(2000)),
                from_backup: true,
            }
        } else {
            break;
        };
        tried.push((kill, setup.kill(planned + extra, kill)));
        extra += 1;
    }

    let count = |l: Landed| tried.iter().filter(|&&(_, x)| x == l).count();
    let summary = format!(
        "{} kills over an import of {span:?} ({planned} planned, {extra} aimed): {} before \
         its backup, {} between its backup and its commit, {} after the commit, {} after \
         it had finished; moments: {tried:?}",
        tried.len(),
        count(Landed::BeforeBackup),
        count(Landed::MidImport),
        count(Landed::AfterCommit),
        count(Landed::Finished),
    );
    eprintln!("{summary}");
    assert!(
        count(Landed::MidImport) > 0,
        "no kill landed between the backup and the commit: {summary}"
    );
    assert!(
        tried.iter().any(|(_, l)| l.done()),
        "no kill landed after the import was done: {summary}"
    );
}
