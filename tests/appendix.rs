//! The sample report appendix in `assets/` (`mau-phu-luc-bao-cao.xlsx`), as a new
//! user meets it: a fresh database, the file as the province laid it out (heading
//! block, a two-row header, column numbers, four sections, totals, a signature), 21
//! tasks naming seventeen bodies by their full names and their abbreviations. What
//! tct counts must be what the appendix states.

mod common;

use common::tct;
use serde_json::Value;

const APPENDIX: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/mau-phu-luc-bao-cao.xlsx"
);

/// `tct` on the database as of the appendix's date; its standard output.
fn run(db: &str, args: &[&str]) -> String {
    let mut all = vec!["--db", db, "--today", "15/11/2022"];
    all.extend_from_slice(args);
    let out = tct(&all);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_sample_appendix_imports_whole_and_gives_the_counts_it_states() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tct.db");
    let db = db.to_str().unwrap();

    let dry = run(db, &["import", APPENDIX, "--dry-run"]);
    assert!(dry.contains("21 dòng dữ liệu (nhiệm vụ)"), "{dry}");
    assert!(
        dry.contains("Nhiệm vụ: 21 mới, 0 cập nhật, 0 không đổi"),
        "{dry}"
    );
    // Sections I–IV, the totals line and the signature block are not tasks.
    assert!(dry.contains("4 dòng mục, 1 dòng tổng cộng"), "{dry}");
    assert!(
        dry.contains("«Tình hình thực hiện › Tình trạng» → Tình trạng"),
        "{dry}"
    );

    let done = run(db, &["import", APPENDIX]);
    assert!(done.contains("Đã nhập, trong một giao dịch."), "{done}");

    // Section I: 08 done (two late; one without a date, on time as it says).
    // Section II: 10 in progress, two of them past their deadline, two with none.
    // Section III: 01 not started. Section IV: one postponed (open, in time) and one
    // cancelled (kept, counted nowhere).
    let units: Value =
        serde_json::from_str(&run(db, &["report", "units", "--format", "json"])).expect("JSON");
    let units = units.as_array().unwrap();
    let sum = |k: &str| -> i64 { units.iter().map(|u| u["tasks"][k].as_i64().unwrap()).sum() };
    assert_eq!(
        [
            sum("done_on_time"),
            sum("done_late"),
            sum("overdue"),
            sum("in_time") + sum("due_soon"),
            sum("no_deadline")
        ],
        [6, 2, 2, 8, 2]
    );
    // Every body the appendix names is a unit with its tasks: seventeen of them.
    assert_eq!(units.len(), 17);
    for name in [
        "Sở Y tế",
        "Thanh tra tỉnh",
        "Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Sở Nông nghiệp và Phát triển nông thôn",
        "Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
        "Sở Thông tin và Truyền thông",
    ] {
        assert!(
            units.iter().any(|u| u["name"] == name),
            "{name} not among {units:?}"
        );
    }

    // The two overdue, by how many days, as the appendix's "quá hạn" rows.
    let overdue = run(db, &["report", "overdue", "--format", "csv"]);
    let lines: Vec<&str> = overdue.lines().skip(1).collect();
    assert_eq!(lines.len(), 2, "{overdue}");
    assert!(
        lines[0].starts_with("46") && lines[0].contains("Sở Tài nguyên"),
        "{overdue}"
    );
    assert!(
        lines[1].starts_with("15") && lines[1].contains("Chi Ma"),
        "{overdue}"
    );

    // The same file again changes nothing.
    let again = run(db, &["import", APPENDIX]);
    assert!(
        again.contains("Nhiệm vụ: 0 mới, 0 cập nhật, 21 không đổi"),
        "{again}"
    );
}
