//! The database file under a running tct: complete on its own after every save, never
//! left with a stale WAL, owner-only from the start, and opened read-only when the
//! system will not let it be written.

mod common;

use std::path::Path;

use common::{ctrl, demo_app, key, new_record, type_text};
#[cfg(unix)]
use common::{skipped, tct};
use ratatui::crossterm::event::KeyCode;
#[cfg(unix)]
use tct::store::Store;

fn inspections_in(path: &Path) -> i64 {
    let c = rusqlite::Connection::open(path).unwrap();
    c.query_row("SELECT count(*) FROM inspection", [], |r| r.get(0))
        .unwrap()
}

/// A record saved in the app: the `.db` alone, copied while tct runs (as a secretary
/// copies it onto a USB stick), holds it.
#[test]
fn a_copy_of_the_file_alone_holds_every_save() {
    let (dir, mut app) = demo_app(100, 30);
    let db = dir.path().join("demo.db");
    let before = app.store.inspection_ids(None).unwrap().len() as i64;
    type_text(&mut app, "/trang dinh");
    key(&mut app, KeyCode::Enter);
    new_record(&mut app);
    type_text(&mut app, "Kết luận lưu xong thì tệp tự đủ.");
    ctrl(&mut app, 's');
    assert!(
        app.message().unwrap_or_default().starts_with("Đã lưu"),
        "{:?}",
        app.message()
    );
    let wal = dir.path().join("demo.db-wal");
    let wal_len = std::fs::metadata(&wal).map_or(0, |m| m.len());
    assert_eq!(wal_len, 0, "the WAL is emptied into the file after a save");
    let copy = dir.path().join("usb.db");
    std::fs::copy(&db, &copy).unwrap();
    assert_eq!(inspections_in(&copy), before + 1);
}

/// Another database copied over the open file (the office's copy restored with `cp`):
/// whoever opens the path next reads the copy whole, not a mix with tct's old WAL.
#[test]
fn a_file_overwritten_while_open_reads_whole() {
    let (dir, mut app) = demo_app(100, 30);
    let db = dir.path().join("demo.db");
    let office = dir.path().join("office.db");
    std::fs::copy(&db, &office).unwrap();
    let office_count = inspections_in(&office);
    type_text(&mut app, "/trang dinh");
    key(&mut app, KeyCode::Enter);
    new_record(&mut app);
    type_text(&mut app, "Một kết luận chỉ có ở máy này.");
    ctrl(&mut app, 's');
    std::fs::copy(&office, &db).unwrap();
    let c = rusqlite::Connection::open(&db).unwrap();
    let check: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    assert_eq!(inspections_in(&db), office_count);
    drop(app);
}

/// An empty file made beforehand and given as `--db` becomes tct's database, and as
/// private as a new one.
#[cfg(unix)]
#[test]
fn an_empty_file_given_as_the_database_ends_up_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("truoc.db");
    std::fs::write(&db, b"").unwrap();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = tct(&["--db", db.to_str().unwrap(), "report", "units"]);
    assert!(out.status.success(), "{out:?}");
    let mode = std::fs::metadata(&db).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "{mode:o}");
}

/// A file the system will not let be written although its mode says it may (an
/// immutable file here; a read-only mount or another user's file alike) opens
/// read-only: reports work, and the app says it cannot write.
#[cfg(unix)]
#[test]
fn a_write_protected_file_opens_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("khoa.db");
    assert!(
        tct(&["--demo", "--db", db.to_str().unwrap(), "report", "units"])
            .status
            .success()
    );
    let locked = std::process::Command::new("chattr")
        .arg("+i")
        .arg(&db)
        .output();
    if !locked.as_ref().is_ok_and(|o| o.status.success()) {
        skipped(&format!("chattr +i not possible here: {locked:?}"));
        return;
    }
    struct Unlock<'a>(&'a Path);
    impl Drop for Unlock<'_> {
        fn drop(&mut self) {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(self.0)
                .status();
        }
    }
    let _unlock = Unlock(&db);
    if std::fs::OpenOptions::new().write(true).open(&db).is_ok() {
        skipped("an immutable file can still be opened for writing here");
        return;
    }
    let store = Store::open(&db).expect("opens");
    assert!(store.read_only(), "opened read-only");
    drop(store);
    let out = tct(&["--db", db.to_str().unwrap(), "report", "units"]);
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Tràng Định"));
}
