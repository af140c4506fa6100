//! Killing tct with SIGKILL at random moments while it writes: the database stays
//! intact and every write is all or nothing. A short run in `cargo test`; set
//! TCT_CRASH_RUNS (e.g. 200) for the long one.

mod common;

use common::Lcg;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn runs() -> u64 {
    common::env_count("TCT_CRASH_RUNS", 6)
}

fn tasks(db: &std::path::Path) -> i64 {
    let c = rusqlite::Connection::open(db).unwrap();
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok", "integrity_check after a kill");
    c.query_row("SELECT count(*) FROM task", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn an_import_killed_at_any_moment_is_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (_d, store) = common::demo_store();
    let pristine = dir.path().join("pristine.db");
    store.backup_to(&pristine).unwrap();
    drop(store);
    // Enough rows that the import takes a while (it backs the database up first, too).
    let csv = dir.path().join("tasks.csv");
    let mut text =
        String::from("Số/ký hiệu văn bản;Ngày giao;Tên nhiệm vụ;Đơn vị chủ trì;Hạn xử lý\n");
    let rows = 3000;
    for i in 0..rows {
        text.push_str(&format!(
            "{i}/UBND-KT;01/03/2022;Nhiệm vụ thử số {i};Cao Lộc;30/06/2022\n"
        ));
    }
    std::fs::write(&csv, text).unwrap();
    let before = tasks(&pristine);
    // How long a whole import takes here, to spread the kills over it.
    let db = dir.path().join("t.db");
    std::fs::copy(&pristine, &db).unwrap();
    let t = Instant::now();
    let full = Command::new(env!("CARGO_BIN_EXE_tct"))
        .args([
            "--db",
            db.to_str().unwrap(),
            "import",
            csv.to_str().unwrap(),
            "--kind",
            "tasks",
        ])
        .output()
        .unwrap();
    assert!(
        full.status.success(),
        "{}",
        String::from_utf8_lossy(&full.stderr)
    );
    let span = t.elapsed().as_millis() as u64;
    assert_eq!(tasks(&db), before + rows);

    let mut rng = Lcg(42);
    let (mut killed, mut finished) = (0, 0);
    for run in 0..runs() {
        std::fs::copy(&pristine, &db).unwrap();
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_tct"))
            .args([
                "--db",
                db.to_str().unwrap(),
                "import",
                csv.to_str().unwrap(),
                "--kind",
                "tasks",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(rng.below(span + span / 4)));
        let exited = child.try_wait().unwrap();
        let _ = child.kill(); // SIGKILL on Unix
        let status = child.wait().unwrap();
        let n = tasks(&db);
        match exited {
            Some(s) if s.success() => {
                finished += 1;
                assert_eq!(
                    n,
                    before + rows,
                    "run {run}: a finished import is all there"
                );
            }
            _ => {
                killed += 1;
                assert!(
                    n == before || n == before + rows,
                    "run {run}: half an import ({n}), status {status:?}"
                );
            }
        }
    }
    eprintln!(
        "{} runs: {killed} killed mid-way, {finished} had finished",
        runs()
    );
}
