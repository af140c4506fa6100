//! Exported files — reports with `-o`, notices of conclusions — hold the same records
//! as the database: they are written whole or not at all, owner-only, with no
//! temporary file left behind.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn tct(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tct"))
        .args(args)
        .env_remove("TCT_DB")
        .env_remove("TCT_LANG")
        .output()
        .expect("tct runs")
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The demo database in `dir`.
fn demo(dir: &Path) -> PathBuf {
    let db = dir.join("demo.db");
    let o = tct(&["--demo", "--db", s(&db), "report", "units"]);
    assert!(o.status.success(), "{}", stderr(&o));
    db
}

/// The names in a directory, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Status 2 and one line on standard error.
fn fails_in_one_line(o: &Output) {
    assert_eq!(o.status.code(), Some(2), "{}", stderr(o));
    let err = stderr(o);
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
}

/// Every export command of the demo, writing into `out`.
fn exports(db: &Path, out: &Path) -> Vec<(Vec<String>, PathBuf)> {
    let mut runs = Vec::new();
    for (what, format) in [
        ("overdue", "csv"),
        ("overdue", "xlsx"),
        ("overdue", "json"),
        ("units", "csv"),
        ("targets", "json"),
        ("conclusions", "md"),
    ] {
        let file = out.join(format!("{what}.{format}"));
        let args = [
            "--db",
            s(db),
            "report",
            what,
            "--format",
            format,
            "-o",
            s(&file),
        ];
        runs.push((args.map(String::from).to_vec(), file));
    }
    for format in ["docx", "md"] {
        let file = out.join(format!("thong-bao.{format}"));
        let args = [
            "--db",
            s(db),
            "export",
            "inspection",
            "latest",
            "--unit",
            "trang dinh",
            "--format",
            format,
            "-o",
            s(&file),
        ];
        runs.push((args.map(String::from).to_vec(), file));
    }
    runs
}

fn run(args: &[String]) -> Output {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    tct(&args)
}

#[test]
fn every_export_is_whole_owner_only_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let runs = exports(&db, &out);
    // Twice: a new file, then one replaced.
    for _ in 0..2 {
        for (args, file) in &runs {
            let o = run(args);
            assert!(o.status.success(), "{args:?}: {}", stderr(&o));
            assert!(std::fs::metadata(file).unwrap().len() > 0, "{args:?}");
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode = std::fs::metadata(file).unwrap().permissions().mode() & 0o777;
                assert_eq!(mode, 0o600, "{} is {mode:o}", file.display());
            }
        }
    }
    let mut expected: Vec<String> = runs
        .iter()
        .map(|(_, f)| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    expected.sort();
    assert_eq!(names(&out), expected, "only the exported files");
}

#[test]
fn a_failed_export_leaves_the_old_file_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let old = b"\xef\xbb\xbfold;file;\xff kept as it was\n";
    let target = out.join("qua-han.csv");
    std::fs::write(&target, old).unwrap();
    let check = |o: &Output| {
        fails_in_one_line(o);
        assert_eq!(std::fs::read(&target).unwrap(), old);
        assert_eq!(names(&out), ["qua-han.csv"], "no temporary file left");
    };
    // A mistake found after the file was named: an unknown unit.
    check(&tct(&[
        "--db",
        s(&db),
        "report",
        "overdue",
        "--unit",
        "khong co don vi nay",
        "--format",
        "csv",
        "-o",
        s(&target),
    ]));
    // A notice of an inspection that does not exist, over the same file.
    check(&tct(&[
        "--db",
        s(&db),
        "export",
        "inspection",
        "999",
        "-o",
        s(&target),
    ]));
    // The final rename fails: the target's name is taken by a directory.
    let taken = out.join("taken.csv");
    std::fs::create_dir(&taken).unwrap();
    std::fs::write(taken.join("inside"), b"x").unwrap();
    let o = tct(&[
        "--db",
        s(&db),
        "report",
        "overdue",
        "--format",
        "csv",
        "-o",
        s(&taken),
    ]);
    fails_in_one_line(&o);
    assert_eq!(names(&taken), ["inside"]);
    std::fs::remove_dir_all(&taken).unwrap();
    assert_eq!(names(&out), ["qua-han.csv"], "no temporary file left");
    // A directory that does not exist.
    let o = tct(&[
        "--db",
        s(&db),
        "report",
        "overdue",
        "--format",
        "xlsx",
        "-o",
        s(&out.join("khong/co/thu-muc.xlsx")),
    ]);
    fails_in_one_line(&o);
    assert!(stderr(&o).contains("khong/co"), "{}", stderr(&o));
}

/// A directory without write permission: the export fails in one line, the file in it
/// stays. (Skipped as root, who may write anywhere.)
#[cfg(unix)]
#[test]
fn a_read_only_directory_keeps_its_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let out = dir.path().join("ro");
    std::fs::create_dir(&out).unwrap();
    let target = out.join("thong-bao.docx");
    std::fs::write(&target, b"old notice").unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o500)).unwrap();
    if std::fs::File::create(out.join("probe")).is_ok() {
        eprintln!("skipped: running as a user who can write into read-only directories");
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o700)).unwrap();
        return;
    }
    for args in [
        vec!["report", "units", "--format", "json", "-o", s(&target)],
        vec![
            "export",
            "inspection",
            "latest",
            "--unit",
            "trang dinh",
            "-o",
            s(&target),
        ],
    ] {
        let mut all = vec!["--db", s(&db)];
        all.extend(args);
        let o = tct(&all);
        fails_in_one_line(&o);
        assert_eq!(std::fs::read(&target).unwrap(), b"old notice");
    }
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o700)).unwrap();
    assert_eq!(names(&out), ["thong-bao.docx"]);
}
