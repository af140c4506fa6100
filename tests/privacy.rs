//! A laptop that can be lost: tct's files are its owner's only, and tct never opens a
//! network connection.

// File modes and strace: both Unix's.
#![cfg(unix)]

mod common;

use std::process::Command;

fn tct() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_tct"));
    c.env_remove("TCT_DB").env_remove("TCT_LANG");
    c
}

#[test]
fn database_and_backup_are_readable_by_their_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tct.db");
    let bak = dir.path().join("sao-luu.db");
    assert!(
        tct()
            .args(["--demo", "--db", db.to_str().unwrap(), "report", "units"])
            .output()
            .unwrap()
            .status
            .success()
    );
    assert!(
        tct()
            .args([
                "--db",
                db.to_str().unwrap(),
                "backup",
                bak.to_str().unwrap()
            ])
            .output()
            .unwrap()
            .status
            .success()
    );
    for f in [&db, &bak] {
        let mode = std::fs::metadata(f).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{} is {mode:o}", f.display());
    }
}

/// Every command that touches data, traced: no socket is ever opened. Without strace
/// it fails under CI (which installs it) and skips elsewhere.
#[test]
fn no_network_connection_ever() {
    let Some(strace) = common::tool("strace", &["strace"]) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tct.db");
    let db = db.to_str().unwrap();
    let out = dir.path().join("tb.docx");
    let xlsx = dir.path().join("q.xlsx");
    let runs: [&[&str]; 4] = [
        &["--demo", "--db", db, "report", "units"],
        &[
            "--db",
            db,
            "report",
            "overdue",
            "--format",
            "xlsx",
            "-o",
            xlsx.to_str().unwrap(),
        ],
        &[
            "--db",
            db,
            "export",
            "inspection",
            "latest",
            "--unit",
            "trang dinh",
            "-o",
            out.to_str().unwrap(),
        ],
        &[
            "--db",
            db,
            "import",
            concat!(env!("CARGO_MANIFEST_DIR"), "/assets/mau-nhiem-vu.csv"),
            "--dry-run",
        ],
    ];
    for args in runs {
        let log = dir.path().join("trace.log");
        let o = Command::new(&strace)
            .args([
                "-f",
                // openat too: the database's opening in the trace shows strace saw
                // tct's calls, so an empty list of sockets means none were opened.
                "-e",
                "trace=socket,connect,openat",
                "-o",
                log.to_str().unwrap(),
            ])
            .arg(env!("CARGO_BIN_EXE_tct"))
            .args(args)
            .env_remove("TCT_DB")
            .env_remove("TCT_LANG")
            .output()
            .unwrap();
        assert!(
            o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let trace = std::fs::read_to_string(&log).unwrap();
        assert!(
            trace.contains(&format!("openat(AT_FDCWD, \"{db}\"")),
            "{args:?}: the trace does not show the database opened:\n{trace}"
        );
        assert!(
            !trace.contains("socket(") && !trace.contains("connect("),
            "{args:?} opened a socket:\n{trace}"
        );
    }
}
