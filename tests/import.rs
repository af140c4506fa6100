//! `tct import`: every file format office tools write, every mistake a file can hold
//! (reported with file, row, column and reason, and nothing imported), idempotence,
//! updates, dry runs, and the statuses imported tasks get.

mod common;

use std::path::{Path, PathBuf};

use common::package;
use std::process::Command;

use chrono::NaiveDate;
use common::{ctx, date, demo_store};
use rust_xlsxwriter::{Format, Workbook};
use tct::domain::scorecard::TaskCounts;
use tct::domain::task::TaskStatus;
use tct::error::Error;
use tct::import::ImportKind;
use tct::import::{Options, Summary};
use tct::model::{TaskMode, TaskScope, UnitLookup};
use tct::store::Store;
use tempfile::TempDir;

const HEAD: &str = "Số/ký hiệu văn bản;Ngày giao;Lãnh đạo chỉ đạo;Tên nhiệm vụ;Đơn vị chủ trì;Đơn vị phối hợp;Hạn xử lý;Ngày hoàn thành";
const LEADER: &str = "Chủ tịch UBND tỉnh Hồ Tiến Thiệu";

/// Seven tasks of Sở Nội vụ, one of each status as of 23/09/2022.
fn task_lines() -> Vec<String> {
    [
        (
            "9001/UBND-NC",
            "01/08/2022",
            "Rà soát vị trí việc làm",
            "15/08/2022",
            "10/08/2022",
        ),
        (
            "9002/UBND-NC",
            "01/08/2022",
            "Thẩm định đề án tinh giản biên chế",
            "15/08/2022",
            "20/08/2022",
        ),
        (
            "9003/UBND-NC",
            "01/08/2022",
            "Báo cáo cải cách hành chính quý III",
            "15/09/2022",
            "",
        ),
        (
            "9004/UBND-NC",
            "01/08/2022",
            "Theo dõi thi đua, khen thưởng",
            "01/01/1970",
            "",
        ),
        (
            "9005/UBND-NC",
            "01/09/2022",
            "Tổng hợp số lượng cán bộ cấp xã",
            "25/09/2022",
            "",
        ),
        (
            "9006/UBND-NC",
            "01/09/2022",
            "Sắp xếp thôn, khối phố",
            "30/10/2022",
            "",
        ),
        (
            "9007/UBND-NC",
            "01/09/2022",
            "Kiểm tra công vụ tại các huyện",
            "20/09/2022",
            "30/09/2022",
        ),
    ]
    .iter()
    .map(|(doc, given, title, deadline, done)| {
        format!("{doc};{given};{LEADER};{title};Sở Nội vụ;Sở Tài chính;{deadline};{done}")
    })
    .collect()
}

fn csv_text(lines: &[String]) -> String {
    let mut s = String::from(HEAD);
    for l in lines {
        s.push_str("\r\n");
        s.push_str(l);
    }
    s.push_str("\r\n");
    s
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn with_bom(text: &str) -> Vec<u8> {
    let mut b = vec![0xEF, 0xBB, 0xBF];
    b.extend_from_slice(text.as_bytes());
    b
}

fn opts(kind: Option<ImportKind>, sheet: Option<&str>, dry_run: bool) -> Options<'_> {
    Options {
        kind,
        sheet,
        dry_run,
        ..Options::default()
    }
}

/// Imports as of 23/09/2022; a mistake in the file comes back as its message.
fn import_with(store: &mut Store, file: &Path, o: &Options) -> Result<Summary, String> {
    match tct::import::run(store, &ctx("23/09/2022"), file, o) {
        Ok(s) => Ok(s),
        Err(e) => match e {
            Error::User(u) => Err(u),
            _ => panic!("not a user error: {e:?}"),
        },
    }
}

fn import(store: &mut Store, file: &Path) -> Result<Summary, String> {
    import_with(store, file, &opts(None, None, false))
}

fn task_count(store: &Store) -> i64 {
    store
        .connection()
        .query_row("SELECT count(*) FROM task", [], |r| r.get(0))
        .unwrap()
}

fn unit_id(store: &Store, name: &str) -> i64 {
    match store.find_unit(name, date("23/09/2022")).unwrap() {
        UnitLookup::Found(id, _) => id,
        UnitLookup::NotFound(_) | UnitLookup::Ambiguous(_) => panic!("no unit {name}"),
    }
}

/// (deadline, completed_on, cooperating) of the task with that document number.
fn task_by_doc(store: &Store, doc: &str) -> (Option<String>, Option<String>, Option<String>) {
    store
        .connection()
        .query_row(
            "SELECT deadline, completed_on, cooperating FROM task WHERE doc_number = ?1",
            [doc],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap()
}

fn counts(new: usize, updated: usize, unchanged: usize) -> tct::import::Counts {
    tct::import::Counts {
        new,
        updated,
        unchanged,
    }
}

fn sub(a: TaskCounts, b: TaskCounts) -> [u32; 6] {
    [
        a.done_on_time - b.done_on_time,
        a.done_late - b.done_late,
        a.overdue - b.overdue,
        a.due_soon - b.due_soon,
        a.in_time - b.in_time,
        a.no_deadline - b.no_deadline,
    ]
}

#[test]
fn utf8_with_bom_and_semicolons() {
    let (dir, mut store) = demo_store();
    let before = task_count(&store);
    let f = write(dir.path(), "nv.csv", &with_bom(&csv_text(&task_lines())));
    let s = import(&mut store, &f).unwrap();
    assert_eq!(s.kind, ImportKind::Tasks);
    assert_eq!(s.rows, 7);
    assert_eq!(s.counts, counts(7, 0, 0));
    assert_eq!(task_count(&store), before + 7);
    let (deadline, done, coop) = task_by_doc(&store, "9001/UBND-NC");
    assert_eq!(deadline.as_deref(), Some("2022-08-15"));
    assert_eq!(done.as_deref(), Some("2022-08-10"));
    assert_eq!(coop.as_deref(), Some("Sở Tài chính"));
}

#[test]
fn utf8_without_bom_with_commas_and_quoted_line_breaks() {
    let (dir, mut store) = demo_store();
    let text = "doc_number,assigned_on,title,unit,deadline,completed_on\n\
                \"9101/UBND-KT\",2022-08-01,\"Rà soát, báo cáo\nnợ đọng xây dựng cơ bản\",Cao Lộc,2022-09-30,\n\
                9102/UBND-KT,01/08/2022,Kiểm tra giải ngân,\"Văn Quan\",\"1.234\",\n";
    let f = write(dir.path(), "tasks.csv", text.as_bytes());
    let err = import(&mut store, &f).unwrap_err();
    // Row 3 as a spreadsheet shows it: the line break inside row 2 does not count.
    assert!(err.contains("tasks.csv: dòng 3, cột «deadline»"), "{err}");
    let text = text.replace("\"1.234\"", "30/09/2022");
    let f = write(dir.path(), "tasks.csv", text.as_bytes());
    let s = import(&mut store, &f).unwrap();
    assert_eq!(s.counts, counts(2, 0, 0));
    let title: String = store
        .connection()
        .query_row(
            "SELECT title FROM task WHERE doc_number = '9101/UBND-KT'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(title, "Rà soát, báo cáo\nnợ đọng xây dựng cơ bản");
}

#[test]
fn utf16_le_with_bom_as_excel_unicode_text() {
    let (dir, mut store) = demo_store();
    // Excel's "Unicode Text": UTF-16 LE, tab-separated.
    let text = csv_text(&task_lines()).replace(';', "\t");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    let f = write(dir.path(), "nv.txt", &bytes);
    let s = import(&mut store, &f).unwrap();
    assert_eq!(s.counts, counts(7, 0, 0));
    // The same file in UTF-16 BE with semicolons reads the same: nothing new.
    let text = csv_text(&task_lines());
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(text.encode_utf16().flat_map(|u| u.to_be_bytes()));
    let f = write(dir.path(), "nv-be.csv", &bytes);
    let s = import(&mut store, &f).unwrap();
    assert_eq!(s.counts, counts(0, 0, 7));
}

/// A workbook with a title above the header, real date cells, a number in a text
/// column, and a second sheet.
fn workbook(path: &Path) {
    let mut wb = Workbook::new();
    let dfmt = Format::new().set_num_format("dd/mm/yyyy");
    let other = wb.add_worksheet();
    other.set_name("Ghi chú").unwrap();
    other.write(0, 0, "Danh sách xuất từ hệ thống").unwrap();
    let ws = wb.add_worksheet();
    ws.set_name("Nhiệm vụ").unwrap();
    ws.write(0, 0, "DANH SÁCH NHIỆM VỤ UBND TỈNH GIAO").unwrap();
    let head = [
        "STT",
        "SỐ/KÝ HIỆU VĂN BẢN",
        "NGÀY GIAO",
        "TÊN NHIỆM VỤ",
        "ĐƠN VỊ CHỦ TRÌ",
        "HẠN XỬ LÝ",
        "NGÀY HOÀN THÀNH",
    ];
    for (c, h) in head.iter().enumerate() {
        ws.write(2, c as u16, *h).unwrap();
    }
    let d = |s: &str| NaiveDate::parse_from_str(s, "%d/%m/%Y").unwrap();
    let rows = [
        (
            1.0,
            "9201/UBND-KT",
            "02/08/2022",
            "Báo cáo thu ngân sách",
            "Tràng Định",
            "16/08/2022",
            Some("12/08/2022"),
        ),
        (
            2.0,
            "9202/UBND-KT",
            "02/08/2022",
            "Rà soát hộ nghèo",
            "Cao Lộc",
            "01/01/1970",
            None,
        ),
        (
            3.0,
            "9203/UBND-KT",
            "05/08/2022",
            "Kiểm tra dự án chậm tiến độ",
            "Sở Tài chính",
            "19/09/2022",
            None,
        ),
    ];
    for (i, (n, doc, given, title, unit, deadline, done)) in rows.iter().enumerate() {
        let r = 3 + i as u32;
        ws.write_number(r, 0, *n).unwrap();
        ws.write(r, 1, *doc).unwrap();
        ws.write_date_with_format(r, 2, d(given), &dfmt).unwrap();
        ws.write(r, 3, *title).unwrap();
        ws.write(r, 4, *unit).unwrap();
        ws.write_date_with_format(r, 5, d(deadline), &dfmt).unwrap();
        if let Some(done) = done {
            ws.write_date_with_format(r, 6, d(done), &dfmt).unwrap();
        }
    }
    wb.save(path).unwrap();
}

#[test]
fn xlsx_with_date_cells_and_sheet_option() {
    let (dir, mut store) = demo_store();
    let f = dir.path().join("nv.xlsx");
    workbook(&f);
    // The first sheet has no header row.
    let err = import(&mut store, &f).unwrap_err();
    assert!(err.contains("nv.xlsx") && err.contains("tiêu đề"), "{err}");
    let s = import_with(&mut store, &f, &opts(None, Some("Nhiệm vụ"), false)).unwrap();
    assert_eq!(s.counts, counts(3, 0, 0));
    assert_eq!(
        task_by_doc(&store, "9201/UBND-KT").0.as_deref(),
        Some("2022-08-16")
    );
    assert_eq!(
        task_by_doc(&store, "9201/UBND-KT").1.as_deref(),
        Some("2022-08-12")
    );
    // 01/01/1970 as a date cell is "no deadline" too.
    assert_eq!(task_by_doc(&store, "9202/UBND-KT").0, None);
    // Sheet names match without diacritics; a wrong one lists the sheets.
    let s = import_with(&mut store, &f, &opts(None, Some("nhiem vu"), true)).unwrap();
    assert_eq!(s.counts, counts(0, 0, 3));
    let err = import_with(&mut store, &f, &opts(None, Some("Tổng hợp"), false)).unwrap_err();
    assert!(err.contains("Ghi chú, Nhiệm vụ"), "{err}");
}

#[test]
fn xlsx_rows_are_numbered_as_excel_shows_them() {
    let (dir, mut store) = demo_store();
    let f = dir.path().join("sai.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    // A title, a blank row, the header on row 3, data from row 4.
    ws.write(0, 0, "DANH SÁCH NHIỆM VỤ").unwrap();
    for (c, h) in ["Tên nhiệm vụ", "Đơn vị chủ trì", "Hạn xử lý"]
        .iter()
        .enumerate()
    {
        ws.write(2, c as u16, *h).unwrap();
    }
    ws.write(3, 0, "Việc một").unwrap();
    ws.write(3, 1, "Cao Lộc").unwrap();
    ws.write(3, 2, "30/09/2022").unwrap();
    ws.write(4, 0, "Việc hai").unwrap();
    ws.write(4, 1, "Cao Lộc").unwrap();
    ws.write(4, 2, "31/02/2022").unwrap();
    wb.save(&f).unwrap();
    let err = import(&mut store, &f).unwrap_err();
    assert!(
        err.contains("sai.xlsx: dòng 5, cột «Hạn xử lý»: ngày không tồn tại"),
        "{err}"
    );
}

#[test]
fn a_date_that_does_not_exist_names_file_row_column_and_imports_nothing() {
    let (dir, mut store) = demo_store();
    let before = task_count(&store);
    let mut lines = task_lines();
    lines[1] = lines[1].replace("15/08/2022", "31/02/2022");
    let f = write(dir.path(), "sai-ngay.csv", &with_bom(&csv_text(&lines)));
    let err = import(&mut store, &f).unwrap_err();
    assert!(
        err.contains("sai-ngay.csv: dòng 3, cột «Hạn xử lý»: ngày không tồn tại: «31/02/2022»"),
        "{err}"
    );
    assert!(err.contains("1 lỗi"), "{err}");
    assert_eq!(task_count(&store), before);
}

#[test]
fn every_problem_is_listed_up_to_twenty_with_a_count() {
    let (dir, mut store) = demo_store();
    let before = task_count(&store);
    let lines: Vec<String> = (0..30)
        .map(|i| format!("{i}/UBND-KT;01/08/2022;;Nhiệm vụ {i};Sở Nội vụ;;hôm qua;"))
        .collect();
    let f = write(dir.path(), "nhieu-loi.csv", csv_text(&lines).as_bytes());
    let err = import(&mut store, &f).unwrap_err();
    assert!(
        err.lines()
            .next()
            .unwrap()
            .ends_with("nhieu-loi.csv: 30 lỗi, chưa nhập gì:"),
        "{err}"
    );
    assert!(err.contains("hạn xử lý không đọc được"), "{err}");
    assert!(err.contains("«Thường xuyên»): «hôm qua»"), "{err}");
    assert_eq!(
        err.lines()
            .filter(|l| l.contains("cột «Hạn xử lý»"))
            .count(),
        20
    );
    assert!(
        err.contains("dòng 21,") && !err.contains("dòng 22,"),
        "{err}"
    );
    assert!(err.trim_end().ends_with("… và 10 lỗi khác"), "{err}");
    assert_eq!(task_count(&store), before);
}

#[test]
fn an_unknown_unit_lists_the_closest_names_and_nothing_is_created() {
    let (dir, mut store) = demo_store();
    let before = task_count(&store);
    let units: i64 = store
        .connection()
        .query_row("SELECT count(*) FROM unit", [], |r| r.get(0))
        .unwrap();
    let mut lines = task_lines();
    lines[3] = lines[3].replace("Sở Nội vụ", "Trang Dinhh");
    let f = write(dir.path(), "nv.csv", csv_text(&lines).as_bytes());
    let err = import(&mut store, &f).unwrap_err();
    assert!(
        err.contains("nv.csv: dòng 5, cột «Đơn vị chủ trì»: không có đơn vị «Trang Dinhh»; gần giống: Tràng Định"),
        "{err}"
    );
    assert_eq!(task_count(&store), before);
    let after: i64 = store
        .connection()
        .query_row("SELECT count(*) FROM unit", [], |r| r.get(0))
        .unwrap();
    assert_eq!(after, units);
}

#[test]
fn unit_names_are_found_without_diacritics_with_kind_words_and_by_date() {
    let (dir, mut store) = demo_store();
    let lines = [
        "9301/UBND-KT;01/08/2022;;Nhiệm vụ một;trang dinh;;;",
        "9302/UBND-KT;01/08/2022;;Nhiệm vụ hai;UBND thành phố Lạng Sơn;;;",
        "9303/UBND-KT;01/08/2022;;Nhiệm vụ ba;Lạng Sơn (thành phố);;;",
        "9304/UBND-KT;01/08/2025;;Nhiệm vụ bốn;xã Tràng Định;;;",
    ]
    .map(String::from);
    let f = write(dir.path(), "nv.csv", csv_text(&lines).as_bytes());
    import(&mut store, &f).unwrap();
    fn unit_of_in(store: &Store, doc: &str) -> (String, String) {
        store
            .connection()
            .query_row(
                "SELECT u.name, u.kind FROM task t JOIN unit u ON u.id = t.unit_id WHERE t.doc_number = ?1",
                [doc],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap()
    }
    let unit_of = |doc: &str| unit_of_in(&store, doc);
    assert_eq!(
        unit_of("9301/UBND-KT"),
        ("Tràng Định".into(), "huyen".into())
    );
    assert_eq!(
        unit_of("9302/UBND-KT"),
        ("Lạng Sơn".into(), "thanh_pho".into())
    );
    assert_eq!(
        unit_of("9303/UBND-KT"),
        ("Lạng Sơn".into(), "thanh_pho".into())
    );
    assert_eq!(unit_of("9304/UBND-KT"), ("Tràng Định".into(), "xa".into()));
    // "Lạng Sơn" alone: the city, the province being no unit a task is for.
    let lines = [
        "9305/UBND-KT;01/08/2022;;Nhiệm vụ năm;Lạng Sơn;;;".to_string(),
        "9306/UBND-KT;01/08/2022;;Nhiệm vụ sáu;Hoàng Văn Thụ (xã, Bình Gia);;;".to_string(),
    ];
    let f = write(dir.path(), "nv2.csv", csv_text(&lines).as_bytes());
    import(&mut store, &f).unwrap();
    assert_eq!(
        unit_of_in(&store, "9305/UBND-KT"),
        ("Lạng Sơn".into(), "thanh_pho".into())
    );
    let parent: String = store
        .connection()
        .query_row(
            "SELECT p.name FROM task t JOIN unit u ON u.id = t.unit_id
             JOIN unit p ON p.id = u.parent_id WHERE t.doc_number = '9306/UBND-KT'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(parent, "Bình Gia");
    // Three communes of one name in 2022: refused, each named so it can be written.
    let lines = ["9307/UBND-KT;01/08/2022;;Nhiệm vụ bảy;Hoàng Văn Thụ;;;".to_string()];
    let f = write(dir.path(), "nv3.csv", csv_text(&lines).as_bytes());
    let err = import(&mut store, &f).unwrap_err();
    for label in [
        "Hoàng Văn Thụ (xã, Bình Gia)",
        "Hoàng Văn Thụ (xã, Văn Lãng)",
        "Hoàng Văn Thụ (phường, Lạng Sơn)",
    ] {
        assert!(err.contains(label), "{label}: {err}");
    }
}

#[test]
fn a_deadline_before_the_assignment_date_is_refused() {
    let (dir, mut store) = demo_store();
    let before = task_count(&store);
    let mut lines = task_lines();
    lines[0] = lines[0].replace("15/08/2022", "20/07/2022");
    let f = write(dir.path(), "nv.csv", csv_text(&lines).as_bytes());
    let err = import(&mut store, &f).unwrap_err();
    assert!(
        err.contains(
            "dòng 2, cột «Hạn xử lý»: hạn xử lý trước ngày giao (20/07/2022 < 01/08/2022)"
        ),
        "{err}"
    );
    assert_eq!(task_count(&store), before);
}

#[test]
fn empty_title_and_missing_columns_are_errors() {
    let (dir, mut store) = demo_store();
    let mut lines = task_lines();
    lines[2] = lines[2].replace("Báo cáo cải cách hành chính quý III", " ");
    let f = write(dir.path(), "nv.csv", csv_text(&lines).as_bytes());
    let err = import(&mut store, &f).unwrap_err();
    assert!(
        err.contains("dòng 4, cột «Tên nhiệm vụ»: tên nhiệm vụ để trống"),
        "{err}"
    );

    let text = "Số/ký hiệu văn bản;Tên nhiệm vụ;Hạn xử lý\n1/UBND;Việc một;30/09/2022\n";
    let f = write(dir.path(), "thieu-cot.csv", text.as_bytes());
    let err = import(&mut store, &f).unwrap_err();
    assert!(
        err.contains("thieu-cot.csv: thiếu cột bắt buộc «Đơn vị chủ trì»"),
        "{err}"
    );
    // With --kind, the columns of that kind are required.
    let f = write(dir.path(), "nv.csv", csv_text(&task_lines()).as_bytes());
    let err = import_with(
        &mut store,
        &f,
        &opts(Some(ImportKind::Targets), None, false),
    )
    .unwrap_err();
    assert!(
        err.contains("thiếu cột bắt buộc") && err.contains("«Năm»"),
        "{err}"
    );
}

#[test]
fn importing_the_same_file_twice_changes_nothing_the_second_time() {
    let (dir, mut store) = demo_store();
    let f = write(dir.path(), "nv.csv", &with_bom(&csv_text(&task_lines())));
    import(&mut store, &f).unwrap();
    let after_first = table_sizes(&store);
    let s = import(&mut store, &f).unwrap();
    assert_eq!(s.counts, counts(0, 0, 7));
    assert_eq!(s.changed(), 0);
    assert_eq!(table_sizes(&store), after_first);
}

#[test]
fn an_updated_file_updates_exactly_the_changed_row() {
    let (dir, mut store) = demo_store();
    let f = write(dir.path(), "nv.csv", csv_text(&task_lines()).as_bytes());
    import(&mut store, &f).unwrap();
    let count = task_count(&store);
    let mut lines = task_lines();
    assert!(lines[2].ends_with("15/09/2022;"));
    lines[2].push_str("21/09/2022");
    let f = write(dir.path(), "nv.csv", csv_text(&lines).as_bytes());
    let s = import(&mut store, &f).unwrap();
    assert_eq!(s.counts, counts(0, 1, 6));
    assert_eq!(s.changes.len(), 1);
    assert!(
        s.changes[0].contains("dòng 4") && s.changes[0].contains("Ngày hoàn thành – → 21/09/2022"),
        "{:?}",
        s.changes
    );
    assert_eq!(task_count(&store), count);
    assert_eq!(
        task_by_doc(&store, "9003/UBND-NC").1.as_deref(),
        Some("2022-09-21")
    );
    assert_eq!(task_by_doc(&store, "9004/UBND-NC").1, None);
}

#[test]
fn a_later_deadline_is_recorded_as_an_extension() {
    let (dir, mut store) = demo_store();
    let f = write(dir.path(), "nv.csv", csv_text(&task_lines()).as_bytes());
    import(&mut store, &f).unwrap();
    let mut lines = task_lines();
    lines[2] = lines[2].replace("15/09/2022", "30/09/2022");
    let f = write(dir.path(), "nv.csv", csv_text(&lines).as_bytes());
    let s = import(&mut store, &f).unwrap();
    assert_eq!(s.counts, counts(0, 1, 6));
    let (deadline, original, ext): (String, String, i64) = store
        .connection()
        .query_row(
            "SELECT deadline, original_deadline, (SELECT count(*) FROM extension WHERE task_id = t.id)
             FROM task t WHERE doc_number = '9003/UBND-NC'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (deadline.as_str(), original.as_str(), ext),
        ("2022-09-30", "2022-09-15", 1)
    );
    // And importing it again changes nothing more.
    assert_eq!(import(&mut store, &f).unwrap().counts, counts(0, 0, 7));
}

#[test]
fn one_document_to_several_units_makes_one_task_each() {
    let (dir, mut store) = demo_store();
    let lines: Vec<String> = ["Tràng Định", "Cao Lộc", "Văn Quan"]
        .iter()
        .map(|u| {
            format!("9401/UBND-KT;08/08/2022;;Đẩy nhanh giải ngân vốn đầu tư công;{u};;15/09/2022;")
        })
        .collect();
    let f = write(dir.path(), "nv.csv", csv_text(&lines).as_bytes());
    assert_eq!(import(&mut store, &f).unwrap().counts, counts(3, 0, 0));
    assert_eq!(import(&mut store, &f).unwrap().counts, counts(0, 0, 3));
    // The same row twice is a mistake.
    let lines = [lines[0].clone(), lines[0].clone()];
    let f = write(dir.path(), "trung.csv", csv_text(&lines).as_bytes());
    let err = import(&mut store, &f).unwrap_err();
    assert!(
        err.contains("dòng 3, cột «Tên nhiệm vụ»: trùng với dòng 2"),
        "{err}"
    );
}

#[test]
fn an_id_column_matches_tasks_by_their_id() {
    let (dir, mut store) = demo_store();
    let f = write(dir.path(), "nv.csv", csv_text(&task_lines()).as_bytes());
    import(&mut store, &f).unwrap();
    let id: i64 = store
        .connection()
        .query_row(
            "SELECT id FROM task WHERE doc_number = '9006/UBND-NC'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let text = format!(
        "id;Tên nhiệm vụ;Đơn vị chủ trì;Ngày hoàn thành\n{id};Sắp xếp thôn, khối phố (đã sửa tên);Sở Nội vụ;22/09/2022\n"
    );
    let f = write(dir.path(), "theo-id.csv", text.as_bytes());
    let s = import(&mut store, &f).unwrap();
    assert_eq!(s.counts, counts(0, 1, 0));
    let (title, deadline, done): (String, String, String) = store
        .connection()
        .query_row(
            "SELECT title, deadline, completed_on FROM task WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    // Columns the file lacks (the deadline) stay as they were.
    assert_eq!(
        (title.as_str(), deadline.as_str(), done.as_str()),
        (
            "Sắp xếp thôn, khối phố (đã sửa tên)",
            "2022-10-30",
            "2022-09-22"
        )
    );
    let text = "id;Tên nhiệm vụ;Đơn vị chủ trì\n999999;Không có;Sở Nội vụ\n";
    let f = write(dir.path(), "sai-id.csv", text.as_bytes());
    let err = import(&mut store, &f).unwrap_err();
    assert!(
        err.contains("dòng 2, cột «id»: không có nhiệm vụ với id: 999999"),
        "{err}"
    );
}

#[test]
fn dry_run_changes_nothing_and_reports_what_would_change() {
    let (dir, mut store) = demo_store();
    let before = task_count(&store);
    let f = write(dir.path(), "nv.csv", csv_text(&task_lines()).as_bytes());
    let s = import_with(&mut store, &f, &opts(None, None, true)).unwrap();
    assert_eq!(s.counts, counts(7, 0, 0));
    assert_eq!(task_count(&store), before);
    let mut out = Vec::new();
    tct::import::run_cli(
        &mut store,
        &ctx("23/09/2022"),
        &f,
        &opts(None, None, true),
        &mut out,
    )
    .unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("Nhiệm vụ: 7 mới, 0 cập nhật, 0 không đổi"),
        "{out}"
    );
    assert!(
        out.contains("+ dòng 2: 9001/UBND-NC · Rà soát vị trí việc làm · Sở Nội vụ"),
        "{out}"
    );
    assert!(out.contains("--dry-run"), "{out}");
    assert_eq!(task_count(&store), before);
}

#[test]
fn imported_tasks_get_the_right_statuses_as_of_the_inspection_day() {
    let (dir, mut store) = demo_store();
    let c = ctx("23/09/2022");
    let noi_vu = unit_id(&store, "Sở Nội vụ");
    let before = store.task_counts(&c, noi_vu).unwrap();
    let f = write(dir.path(), "nv.csv", csv_text(&task_lines()).as_bytes());
    import(&mut store, &f).unwrap();
    let after = store.task_counts(&c, noi_vu).unwrap();
    // on time, late, overdue (2: one finished only after the 23rd), due soon, in time,
    // no deadline (01/01/1970).
    assert_eq!(sub(after, before), [1, 1, 2, 1, 1, 1]);
    let page = store
        .tasks_page(
            &c,
            TaskScope::Unit(noi_vu),
            TaskMode::All,
            "khen thuong",
            0,
            10,
        )
        .unwrap();
    assert_eq!(page.len(), 1);
    assert_eq!(page[0].deadline, None);
    assert_eq!(page[0].status, TaskStatus::NoDeadline);
    let page = store
        .tasks_page(
            &c,
            TaskScope::Unit(noi_vu),
            TaskMode::All,
            "cai cach hanh chinh quy iii",
            0,
            10,
        )
        .unwrap();
    assert_eq!(page[0].status, TaskStatus::Overdue { days: 8 });
}

#[test]
fn a_large_import_backs_the_database_up_first() {
    let (dir, mut store) = demo_store();
    let lines: Vec<String> = (0..250)
        .map(|i| {
            format!(
                "{}/UBND-KT;01/08/2022;;Nhiệm vụ số {i};Bắc Sơn;;30/09/2022;",
                20000 + i
            )
        })
        .collect();
    let f = write(dir.path(), "lon.csv", csv_text(&lines).as_bytes());
    let s = import(&mut store, &f).unwrap();
    assert_eq!(s.counts, counts(250, 0, 0));
    let backup = s.backup.expect("a backup before 250 changes");
    let name = backup.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("demo.db.truoc-nhap-") && name.ends_with(".bak"),
        "{name}"
    );
    assert_eq!(backup.parent(), Some(dir.path()));
    // The copy is the database as it was before.
    let copy = Store::open(&backup).unwrap();
    assert_eq!(task_count(&copy) + 250, task_count(&store));
    // A small import makes no copy.
    let f = write(dir.path(), "nho.csv", csv_text(&task_lines()).as_bytes());
    assert!(import(&mut store, &f).unwrap().backup.is_none());
}

#[test]
fn targets_with_ranges_lower_is_better_and_readings() {
    let (dir, mut store) = demo_store();
    let text = "STT;Đơn vị;Năm;Chỉ tiêu;ĐVT;Kế hoạch;Chiều;Thực hiện;Ngày số liệu\n\
                1;Đình Lập;2022;Tốc độ tăng thu ngân sách;%/năm;8–9;cao hơn tốt hơn;9,4;20/09/2022\n\
                2;Đình Lập;2022;Số vụ tai nạn giao thông;vụ;10;thấp hơn tốt hơn;7;20/09/2022\n\
                3;dinh lap;2022;Số lượt khách du lịch;lượt khách;45.000;;27.300;\n";
    let f = write(dir.path(), "ct.csv", &with_bom(text));
    let s = import(&mut store, &f).unwrap();
    assert_eq!(s.kind, ImportKind::Targets);
    assert_eq!(s.counts, counts(3, 0, 0));
    assert_eq!(s.readings, Some(counts(3, 0, 0)));
    let c = ctx("23/09/2022");
    let dl = unit_id(&store, "Đình Lập");
    let rows = store.targets_of(&c, dl, "").unwrap();
    let find = |n: &str| rows.iter().find(|r| r.name == n).unwrap().clone();
    let range = find("Tốc độ tăng thu ngân sách");
    assert_eq!(range.plan, tct::domain::target::Plan::Range(8.0, 9.0));
    assert_eq!(range.actual, Some(9.4));
    let lower = find("Số vụ tai nạn giao thông");
    assert_eq!(lower.direction, tct::domain::target::Direction::Lower);
    assert_eq!(lower.progress.class, tct::domain::target::TargetClass::Met);
    let tourists = find("Số lượt khách du lịch");
    assert_eq!(tourists.plan, tct::domain::target::Plan::Value(45000.0));
    // No date: the reading is as of the as-of date.
    assert_eq!(tourists.actual_on, Some(date("23/09/2022")));
    // Again: nothing changes, even the undated reading.
    let s = import(&mut store, &f).unwrap();
    assert_eq!(
        (s.counts, s.readings),
        (counts(0, 0, 3), Some(counts(0, 0, 3)))
    );
    // A new figure updates the reading of that date only.
    let f = write(
        dir.path(),
        "ct.csv",
        &with_bom(&text.replace("9,4;", "9,6;")),
    );
    let s = import(&mut store, &f).unwrap();
    assert_eq!(
        (s.counts, s.readings),
        (counts(0, 0, 3), Some(counts(0, 1, 2)))
    );
}

#[test]
fn units_then_tasks_into_a_fresh_database() {
    let dir = TempDir::new().unwrap();
    let mut store = Store::open(&dir.path().join("moi.db")).unwrap();
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    // The first import loads the bundled catalogue first, so a tasks file can come
    // before any units file.
    let s = import(&mut store, &assets.join("mau-nhiem-vu.csv")).unwrap();
    assert_eq!(s.counts, counts(25, 0, 0));
    let loaded = s.catalogue.expect("the catalogue was loaded");
    assert_eq!(loaded.units.new, 301);
    assert!(
        printed(&s).contains("Danh mục đơn vị có sẵn"),
        "{}",
        printed(&s)
    );
    // The units file is that catalogue: nothing changes.
    let s = import(&mut store, &assets.join("mau-don-vi.csv")).unwrap();
    assert_eq!(s.kind, ImportKind::Units);
    assert_eq!((s.counts, s.catalogue), (counts(0, 0, 301), None));
    let s = import(&mut store, &assets.join("mau-nhiem-vu.xlsx")).unwrap();
    assert_eq!(s.counts, counts(0, 0, 25));
    let s = import(&mut store, &assets.join("mau-chi-tieu.xlsx")).unwrap();
    assert_eq!(s.counts, counts(8, 0, 0));
    let s = import(&mut store, &assets.join("mau-chi-tieu.csv")).unwrap();
    assert_eq!(s.counts, counts(0, 0, 8));
    // Parents were set from names in the same file.
    let parent: String = store
        .connection()
        .query_row(
            "SELECT p.kind FROM unit u JOIN unit p ON p.id = u.parent_id WHERE u.code = '180'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(parent, "tinh");
    // The demo's units are among the catalogue's: matched, none made twice (the
    // demo's communes get their codes).
    let (_d, mut demo) = demo_store();
    let before: i64 = demo
        .connection()
        .query_row("SELECT count(*) FROM unit", [], |r| r.get(0))
        .unwrap();
    let s = import(&mut demo, &assets.join("mau-don-vi.csv")).unwrap();
    let loaded = s.catalogue.expect("the demo had no catalogue");
    assert_eq!(loaded.units.new as i64, 301 - before, "{:?}", loaded);
    assert_eq!(s.counts, counts(0, 0, 301));
}

#[test]
fn the_sample_tasks_are_office_style_and_import_into_the_demo() {
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    let bytes = std::fs::read(assets.join("mau-nhiem-vu.csv")).unwrap();
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 with BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(
        text.lines()
            .next()
            .unwrap()
            .contains(";Số/ký hiệu văn bản;")
    );
    assert!(text.contains("01/01/1970"));
    let (_dir, mut store) = demo_store();
    let c = ctx("23/09/2022");
    let tq = unit_id(&store, "Văn Quan");
    let before = store.task_counts(&c, tq).unwrap();
    let s = import(&mut store, &assets.join("mau-nhiem-vu.csv")).unwrap();
    assert_eq!(s.counts, counts(25, 0, 0));
    let after = store.task_counts(&c, tq).unwrap();
    // Văn Quan: 2 done late, 1 overdue, 2 without deadline.
    assert_eq!(sub(after, before), [0, 2, 1, 0, 0, 2]);
    let s = import(&mut store, &assets.join("mau-chi-tieu.csv")).unwrap();
    assert_eq!(
        (s.counts, s.readings),
        (counts(8, 0, 0), Some(counts(7, 0, 0)))
    );
}

fn tct_bin(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tct"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("TCT_DB")
        .env_remove("TCT_LANG")
        .output()
        .expect("tct runs")
}

#[test]
fn cli_imports_the_sample_into_the_demo_and_refuses_a_bad_file() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("demo.db");
    let db = db.to_str().unwrap();
    let o = tct_bin(&[
        "--demo",
        "--db",
        db,
        "import",
        "assets/mau-nhiem-vu.csv",
        "--dry-run",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.contains("Nhiệm vụ: 25 mới, 0 cập nhật, 0 không đổi"),
        "{out}"
    );
    let o = tct_bin(&["--demo", "--db", db, "import", "assets/mau-nhiem-vu.csv"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = tct_bin(&[
        "--demo",
        "--db",
        db,
        "import",
        "assets/mau-nhiem-vu.xlsx",
        "--kind",
        "tasks",
    ]);
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.contains("Nhiệm vụ: 0 mới, 0 cập nhật, 25 không đổi"),
        "{out}"
    );
    // Overdue tasks of the sample show in the report.
    let o = tct_bin(&["--demo", "--db", db, "report", "overdue"]);
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("1262/UBND-NN"), "{out}");
    // A bad file: exit status 2, the problem on stderr, nothing on stdout.
    let bad = dir.path().join("sai.csv");
    std::fs::write(
        &bad,
        format!("{HEAD}\n1/UBND;01/08/2022;;Việc;Cao Lộc;;31/02/2022;\n"),
    )
    .unwrap();
    let o = tct_bin(&["--demo", "--db", db, "import", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains("sai.csv: dòng 2, cột «Hạn xử lý»: ngày không tồn tại"),
        "{err}"
    );
    assert!(o.stdout.is_empty());
}

fn unit_row(store: &Store, code: &str) -> (String, Option<String>) {
    store
        .connection()
        .query_row(
            "SELECT name, code FROM unit WHERE code = ?1 OR (?1 = '' AND code IS NULL)",
            [code],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
}

#[test]
fn a_unit_name_apart_only_by_marks_or_spacing_is_an_error_naming_both() {
    let (dir, mut store) = demo_store();
    // (file's row, found by code or by name)
    let cases = [
        "Trang Dinh;huyện;180",
        "Tràng  Định;huyện;180",
        "TRÀNG ĐỊNH;huyện;",
        "trang dinh;huyện;",
    ];
    for row in cases {
        let f = write(
            dir.path(),
            "dv.csv",
            format!("Tên đơn vị;Loại;Mã\n{row}\n").as_bytes(),
        );
        let err = import(&mut store, &f).unwrap_err();
        let name = row.split(';').next().unwrap();
        assert!(
            err.contains(&format!(
                "dv.csv: dòng 2, cột «Tên đơn vị»: «{name}» chỉ khác"
            )) && err.contains("«Tràng Định»"),
            "{row}: {err}"
        );
        assert_eq!(unit_row(&store, "180").0, "Tràng Định", "{row}");
    }
    // A real rename, found by its code, is a change like any other.
    let f = write(
        dir.path(),
        "dv.csv",
        "Tên đơn vị;Loại;Mã\nTràng Định mới;huyện;180\n".as_bytes(),
    );
    let s = import(&mut store, &f).unwrap();
    assert_eq!(s.counts, counts(0, 1, 0));
    assert_eq!(unit_row(&store, "180").0, "Tràng Định mới");
}

#[test]
fn an_empty_code_cell_never_clears_a_code() {
    let (dir, mut store) = demo_store();
    let f = write(
        dir.path(),
        "dv.csv",
        "Tên đơn vị;Loại;Mã\nTràng Định;huyện;\nBình Gia;huyện;181\n".as_bytes(),
    );
    let s = import(&mut store, &f).unwrap();
    assert_eq!(s.counts, counts(0, 0, 2));
    assert_eq!(unit_row(&store, "180").1.as_deref(), Some("180"));
}

fn task_id(store: &Store, doc: &str) -> i64 {
    store
        .connection()
        .query_row("SELECT id FROM task WHERE doc_number = ?1", [doc], |r| {
            r.get(0)
        })
        .unwrap()
}

/// The summary as `tct import` prints it.
fn printed(s: &Summary) -> String {
    let mut out = Vec::new();
    tct::import::write_summary(s, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn importing_the_same_file_again_keeps_what_tct_recorded() {
    let (dir, mut store) = demo_store();
    let f = write(dir.path(), "nv.csv", csv_text(&task_lines()).as_bytes());
    import(&mut store, &f).unwrap();
    // Recorded in tct: 9003 done (`d`), 9001's completion cleared, 9006 extended.
    store
        .set_completed(task_id(&store, "9003/UBND-NC"), Some(date("21/09/2022")))
        .unwrap();
    store
        .set_completed(task_id(&store, "9001/UBND-NC"), None)
        .unwrap();
    let t6 = task_id(&store, "9006/UBND-NC");
    store
        .write(|tx| tx.extend_deadline(t6, Some(date("20/09/2022")), date("30/11/2022"), "họp"))
        .unwrap();
    for _ in 0..2 {
        let s = import(&mut store, &f).unwrap();
        assert_eq!(s.counts, counts(0, 0, 7));
        assert_eq!((s.kept_count, s.conflict_count), (3, 0));
        let out = printed(&s);
        assert!(
            out.contains(
                "= dòng 4: 9003/UBND-NC · Báo cáo cải cách hành chính quý III · Sở Nội vụ: \
                 giữ giá trị ghi trong tct Ngày hoàn thành 21/09/2022 (tệp vẫn ghi –)"
            ),
            "{out}"
        );
        assert!(
            out.contains("Hạn xử lý 30/11/2022 (tệp vẫn ghi 30/10/2022)"),
            "{out}"
        );
        assert_eq!(
            task_by_doc(&store, "9003/UBND-NC").1.as_deref(),
            Some("2022-09-21")
        );
        assert_eq!(task_by_doc(&store, "9001/UBND-NC").1, None);
        assert_eq!(
            task_by_doc(&store, "9006/UBND-NC").0.as_deref(),
            Some("2022-11-30")
        );
    }
    // A value tct left alone still follows the file.
    let mut lines = task_lines();
    lines[4] = lines[4].replace("25/09/2022;", "25/09/2022;24/09/2022");
    let f = write(dir.path(), "nv.csv", csv_text(&lines).as_bytes());
    let s = import(&mut store, &f).unwrap();
    assert_eq!(s.counts, counts(0, 1, 6));
    assert_eq!(
        task_by_doc(&store, "9005/UBND-NC").1.as_deref(),
        Some("2022-09-24")
    );
}

#[test]
fn both_changed_is_a_conflict_with_both_values_and_tct_wins_unless_asked() {
    let (dir, mut store) = demo_store();
    let f = write(dir.path(), "nv.csv", csv_text(&task_lines()).as_bytes());
    import(&mut store, &f).unwrap();
    let t3 = task_id(&store, "9003/UBND-NC");
    store.set_completed(t3, Some(date("21/09/2022"))).unwrap();
    let mut lines = task_lines();
    lines[2].push_str("22/09/2022");
    let f = write(dir.path(), "nv2.csv", csv_text(&lines).as_bytes());
    let conflict = "! dòng 4, cột «Ngày hoàn thành»: 9003/UBND-NC · Báo cáo cải cách hành \
                    chính quý III · Sở Nội vụ: trong tct 21/09/2022, trong tệp 22/09/2022";
    // The dry run shows it; the import lists it and keeps tct's date.
    for dry_run in [true, false] {
        let s = import_with(&mut store, &f, &opts(None, None, dry_run)).unwrap();
        assert_eq!(s.counts, counts(0, 0, 7));
        assert_eq!(s.conflict_count, 1);
        let out = printed(&s);
        assert!(out.contains(conflict), "{out}");
        assert!(
            out.contains("giữ giá trị của tct; thêm --uu-tien-tep"),
            "{out}"
        );
        assert_eq!(
            task_by_doc(&store, "9003/UBND-NC").1.as_deref(),
            Some("2022-09-21")
        );
    }
    // Once reported, the same file again is no conflict: tct's value is kept.
    let s = import(&mut store, &f).unwrap();
    assert_eq!((s.kept_count, s.conflict_count), (1, 0));
    // Asked to prefer the file, a conflict takes the file's value.
    lines[2] = lines[2].replace("22/09/2022", "23/09/2022");
    let f = write(dir.path(), "nv3.csv", csv_text(&lines).as_bytes());
    let o = Options {
        prefer_file: true,
        ..Options::default()
    };
    let s = import_with(&mut store, &f, &o).unwrap();
    assert_eq!((s.counts, s.conflict_count), (counts(0, 1, 6), 1));
    assert!(printed(&s).contains("lấy theo tệp (--uu-tien-tep)"));
    assert_eq!(
        task_by_doc(&store, "9003/UBND-NC").1.as_deref(),
        Some("2022-09-23")
    );
    assert_eq!(import(&mut store, &f).unwrap().changed(), 0);
    // The task is as the file has it: nothing of tct's is left to remember.
    let remembered: i64 = store
        .connection()
        .query_row(
            "SELECT count(*) FROM task_imported WHERE task_id = ?1",
            [t3],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(remembered, 0);
}

#[test]
fn a_database_from_before_import_history_counts_its_values_as_imported() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("cu.db");
    {
        let (_d, demo) = demo_store();
        demo.backup_to(&path).unwrap();
        let mut store = Store::open(&path).unwrap();
        let f = write(dir.path(), "nv.csv", csv_text(&task_lines()).as_bytes());
        import(&mut store, &f).unwrap();
        // As a tct from before the import history left it, with a completion
        // recorded then: that one counts as imported.
        store
            .set_completed(task_id(&store, "9003/UBND-NC"), Some(date("21/09/2022")))
            .unwrap();
    }
    // The import history is migration 7: the same rows in a file of version 6.
    let path = {
        let old = dir.path().join("v6.db");
        common::at_version(&path, &old, 6);
        old
    };
    let mut store = Store::open(&path).unwrap();
    store
        .set_completed(task_id(&store, "9004/UBND-NC"), Some(date("22/09/2022")))
        .unwrap();
    let f = dir.path().join("nv.csv");
    let s = import(&mut store, &f).unwrap();
    assert_eq!((s.counts, s.kept_count), (counts(0, 1, 6), 1));
    assert_eq!(
        task_by_doc(&store, "9004/UBND-NC").1.as_deref(),
        Some("2022-09-22")
    );
    assert_eq!(task_by_doc(&store, "9003/UBND-NC").1, None);
}

/// How many rows each table holds: what a refused import must leave as it was.
fn table_sizes(store: &Store) -> Vec<i64> {
    [
        "unit",
        "target",
        "reading",
        "task",
        "extension",
        "task_imported",
    ]
    .iter()
    .map(|t| {
        store
            .connection()
            .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
            .unwrap()
    })
    .collect()
}

/// Hostile and broken files, as a table: each is refused with its file, row, column
/// (where there is one) and reason, and nothing changes. Adding a case is one line.
#[test]
fn hostile_files_are_refused_with_the_reason_and_change_nothing() {
    let targets = |row: &str| format!("Đơn vị;Năm;Chỉ tiêu;Kế hoạch;Thực hiện\n{row}\n");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "so.csv",
            targets("Đình Lập;2022;Thu ngân sách;0.125;").into(),
            "so.csv: dòng 2, cột «Kế hoạch»: không rõ dấu chấm, dấu phẩy",
        ),
        (
            "mu.csv",
            targets("Đình Lập;2022;Thu ngân sách;10;1.5e3").into(),
            "mu.csv: dòng 2, cột «Thực hiện»: số viết dạng lũy thừa",
        ),
        (
            "xong-som.csv",
            csv_text(&["9901/UBND;01/08/2022;;Việc;Cao Lộc;;30/09/2022;20/07/2022".to_string()])
                .into(),
            "xong-som.csv: dòng 2, cột «Ngày hoàn thành»: ngày hoàn thành trước ngày giao (01/08/2022)",
        ),
        (
            "hai-cot.csv",
            "Tên nhiệm vụ;Đơn vị chủ trì;Hạn xử lý;Hạn xử lý\nViệc;Cao Lộc;30/09/2022;31/10/2022\n"
                .into(),
            "hai-cot.csv: dòng 1: có hai cột cùng là «Hạn xử lý» (cột C, D)",
        ),
        (
            "vo-hinh.csv",
            "Tên nhiệm vụ;Đơn vị chủ trì\n\u{200B}\u{2060}\u{00AD};Cao Lộc\n".into(),
            "vo-hinh.csv: dòng 2, cột «Tên nhiệm vụ»: tên nhiệm vụ để trống: chỉ có ký tự không nhìn thấy",
        ),
        (
            "cr.csv",
            csv_text(&task_lines())
                .replace("\r\n", "\r")
                .replace("20/09/2022", "31/09/2022")
                .into(),
            "cr.csv: dòng 8, cột «Hạn xử lý»: ngày không tồn tại",
        ),
        (
            "ngoac.csv",
            csv_text(&task_lines())
                .replace(";Thẩm định", ";\"Thẩm định")
                .into(),
            "ngoac.csv: dòng 3, cột D: dấu ngoặc kép mở ở đây không được đóng",
        ),
        (
            "noi.csv",
            [
                with_bom(&csv_text(&task_lines()[..2])),
                with_bom(&csv_text(&task_lines()[2..])),
            ]
            .concat(),
            "noi.csv: dòng 4, cột A: dấu BOM (U+FEFF) giữa tệp",
        ),
        (
            "gbk.csv",
            [
                HEAD.as_bytes(),
                b"\n1/UBND;01/08/2022;;\xC8\xCE\xCE\xF1\xB9\xDC\xC0\xED;Cao L\xBB;;;\n",
            ]
            .concat(),
            "gbk.csv: tệp không phải UTF-8: byte lạ ở vị trí 181",
        ),
        (
            "thua.xlsx",
            sparse_xlsx(),
            "thua.xlsx: dòng 1048576, cột XFD: ô nằm ngoài các cột tct đọc (tối đa 256: A–IV)",
        ),
        (
            "dai.xlsx",
            package::xlsx(None, &task_rows(&"ạ".repeat(40_000)), None),
            "dai.xlsx: dòng 2, cột A: ô dài quá số ký tự một ô bảng tính chứa được (40.000 ký tự, tối đa 32.767)",
        ),
        (
            "dai.csv",
            format!(
                "Tên nhiệm vụ;Đơn vị chủ trì\n{};Cao Lộc\n",
                "ạ".repeat(40_000)
            )
            .into(),
            "dai.csv: dòng 2, cột A: ô dài quá số ký tự",
        ),
        (
            "chuoi.xlsx",
            gigabyte_shared_string(),
            "chuoi.xlsx: một phần của tệp bảng tính quá lớn khi giải nén (xl/sharedStrings.xml: 1024 MB, tối đa 256 MB)",
        ),
        (
            "lap.ods",
            package::ods(&format!(
                "{}<table:table-row table:number-rows-repeated=\"6000\">\
                 <table:table-cell office:value-type=\"float\" office:value=\"1\" \
                 table:number-columns-repeated=\"16000\"/></table:table-row>",
                package::ods_row(&["Tên nhiệm vụ", "Đơn vị chủ trì"], 1)
            )),
            "lap.ods: trang «Nhiệm vụ»: dòng 6001, cột WQJ: ô nằm ngoài các cột tct đọc",
        ),
    ];
    let (dir, mut store) = demo_store();
    let before = table_sizes(&store);
    for (name, bytes, expected) in cases {
        let f = write(dir.path(), name, &bytes);
        let err = import(&mut store, &f).unwrap_err();
        assert!(err.contains(expected), "{name}: {err}");
        assert_eq!(table_sizes(&store), before, "{name} changed nothing");
    }
}

/// A header and one task as XLSX rows of inline strings, the task titled `title`.
fn task_rows(title: &str) -> String {
    package::xlsx_row(1, &["Tên nhiệm vụ", "Đơn vị chủ trì", "Hạn xử lý"])
        + &package::xlsx_row(2, &[title, "Cao Lộc", "30/09/2022"])
}

/// A task sheet with one more cell, in the last column of the last row.
fn sparse_xlsx() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["Tên nhiệm vụ", "Đơn vị chủ trì"].iter().enumerate() {
        ws.write(0, c as u16, *h).unwrap();
    }
    ws.write(1, 0, "Việc một").unwrap();
    ws.write(1, 1, "Cao Lộc").unwrap();
    ws.write(1_048_575, 16_383, "x").unwrap();
    wb.save_to_buffer().unwrap()
}

/// A task sheet whose shared strings say they unpack to a gigabyte.
fn gigabyte_shared_string() -> Vec<u8> {
    let rows = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>";
    let mut zip = package::xlsx(None, rows, Some("<si><t>Tên nhiệm vụ</t></si>"));
    package::declare_size(&mut zip, "xl/sharedStrings.xml", 1 << 30);
    zip
}

#[test]
fn a_workbook_declaring_the_whole_sheet_reads_only_its_cells() {
    let (dir, mut store) = demo_store();
    let f = write(
        dir.path(),
        "khai.xlsx",
        &package::xlsx(Some("A1:XFD1048576"), &task_rows("Việc một"), None),
    );
    let s = import(&mut store, &f).unwrap();
    assert_eq!((s.rows, s.counts), (1, counts(1, 0, 0)));
}

#[test]
fn an_ods_with_a_spreadsheets_trailing_repeats_imports_its_rows() {
    let (dir, mut store) = demo_store();
    // As LibreOffice writes a sheet: the rest of its rows and columns, empty, repeated.
    let rows = package::ods_row(&["Tên nhiệm vụ", "Đơn vị chủ trì", "Hạn xử lý"], 1)
        + &package::ods_row(&["Việc một", "Cao Lộc", "30/09/2022"], 1)
        + &package::ods_row(&["Việc hai", "Cao Lộc", "31/10/2022"], 1)
        + "<table:table-row table:number-rows-repeated=\"1048573\">\
           <table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row>";
    let f = write(dir.path(), "nv.ods", &package::ods(&rows));
    let s = import(&mut store, &f).unwrap();
    assert_eq!((s.rows, s.counts), (2, counts(2, 0, 0)));
}

#[test]
fn a_file_past_the_size_bound_is_refused_unread() {
    let (dir, mut store) = demo_store();
    let f = dir.path().join("lon.csv");
    // Sparse: as large as it says, with nothing written.
    std::fs::File::create(&f)
        .unwrap()
        .set_len(257 << 20)
        .unwrap();
    let err = import(&mut store, &f).unwrap_err();
    assert!(
        err.ends_with("lon.csv: tệp quá lớn (257 MB, tối đa 256 MB)"),
        "{err}"
    );
}

/// (deadline, original_deadline, extensions) of the task with that document number.
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
fn deadlines_in_words_are_read_and_importing_again_changes_nothing() {
    let (dir, mut store) = demo_store();
    // (deadline cell, deadline in force, original deadline, extensions)
    let cases: [(&str, Option<&str>, Option<&str>, i64); 13] = [
        (
            "Trước ngày 30/8/2022 (đã gia hạn đến 31/10/2022)",
            Some("2022-10-31"),
            Some("2022-08-30"),
            1,
        ),
        (
            "Trước ngày 30/9/2022",
            Some("2022-09-30"),
            Some("2022-09-30"),
            0,
        ),
        (
            "Trước 31/01/2023",
            Some("2023-01-31"),
            Some("2023-01-31"),
            0,
        ),
        ("ngày 5/10/2022", Some("2022-10-05"), Some("2022-10-05"), 0),
        ("Tháng 10/2022", Some("2022-10-31"), Some("2022-10-31"), 0),
        (
            "Trong tháng 12/2022",
            Some("2022-12-31"),
            Some("2022-12-31"),
            0,
        ),
        ("Quý III/2022", Some("2022-09-30"), Some("2022-09-30"), 0),
        ("quý IV năm 2022", Some("2022-12-31"), Some("2022-12-31"), 0),
        ("Năm 2022", Some("2022-12-31"), Some("2022-12-31"), 0),
        ("Thường xuyên", None, None, 0),
        ("THEO TIEN DO", None, None, 0),
        ("", None, None, 0),
        ("01/01/1970", None, None, 0),
    ];
    let lines: Vec<String> = cases
        .iter()
        .enumerate()
        .map(|(i, (cell, ..))| {
            format!("95{i:02}/UBND-NC;01/08/2022;;Nhiệm vụ hạn bằng chữ {i};Sở Nội vụ;;{cell};")
        })
        .collect();
    let f = write(dir.path(), "han-bang-chu.csv", csv_text(&lines).as_bytes());
    let dry = import_with(&mut store, &f, &opts(None, None, true)).unwrap();
    assert!(
        dry.changes.iter().any(|l| l.starts_with("+ dòng 2:")
            && l.ends_with("Hạn xử lý 30/08/2022 → 31/10/2022 (gia hạn)")),
        "{:?}",
        dry.changes
    );
    let s = import(&mut store, &f).unwrap();
    assert_eq!(s.counts, counts(cases.len(), 0, 0));
    let check = |store: &Store| {
        for (i, (cell, deadline, original, ext)) in cases.iter().enumerate() {
            assert_eq!(
                deadline_of(store, &format!("95{i:02}/UBND-NC")),
                (deadline.map(String::from), original.map(String::from), *ext),
                "{cell}"
            );
        }
    };
    check(&store);
    // The same file again: nothing changes, the extension is not granted twice.
    let again = import(&mut store, &f).unwrap();
    assert_eq!(again.counts, counts(0, 0, cases.len()));
    check(&store);
}

#[test]
fn an_extension_in_words_extends_a_task_imported_before_it() {
    let (dir, mut store) = demo_store();
    let line = |cell: &str| {
        vec![format!(
            "9601/UBND-NC;01/08/2022;;Rà soát quy hoạch cán bộ;Sở Nội vụ;;{cell};"
        )]
    };
    let f = write(
        dir.path(),
        "a.csv",
        csv_text(&line("Trước ngày 30/8/2022")).as_bytes(),
    );
    import(&mut store, &f).unwrap();
    let cell = "Trước ngày 30/8/2022 (đã gia hạn đến 31/10/2022)";
    let f = write(dir.path(), "b.csv", csv_text(&line(cell)).as_bytes());
    assert_eq!(import(&mut store, &f).unwrap().counts, counts(0, 1, 0));
    let want = (
        Some("2022-10-31".to_string()),
        Some("2022-08-30".to_string()),
        1,
    );
    assert_eq!(deadline_of(&store, "9601/UBND-NC"), want);
    assert_eq!(import(&mut store, &f).unwrap().counts, counts(0, 0, 1));
    assert_eq!(deadline_of(&store, "9601/UBND-NC"), want);
}

#[test]
fn an_extension_in_words_for_a_task_without_a_deadline_keeps_both() {
    let (dir, mut store) = demo_store();
    let line = |cell: &str| {
        vec![format!(
            "9602/UBND-NC;01/08/2022;;Rà soát biên chế sự nghiệp;Sở Nội vụ;;{cell};"
        )]
    };
    let f = write(
        dir.path(),
        "a.csv",
        csv_text(&line("Thường xuyên")).as_bytes(),
    );
    import(&mut store, &f).unwrap();
    assert_eq!(deadline_of(&store, "9602/UBND-NC"), (None, None, 0));
    let cell = "Trước ngày 30/8/2022 (đã gia hạn đến 31/10/2022)";
    let f = write(dir.path(), "b.csv", csv_text(&line(cell)).as_bytes());
    let dry = import_with(&mut store, &f, &opts(None, None, true)).unwrap();
    assert!(
        dry.changes[0].ends_with("Hạn xử lý – → 30/08/2022 → 31/10/2022 (gia hạn)"),
        "{:?}",
        dry.changes
    );
    assert_eq!(import(&mut store, &f).unwrap().counts, counts(0, 1, 0));
    let want = (
        Some("2022-10-31".to_string()),
        Some("2022-08-30".to_string()),
        1,
    );
    assert_eq!(deadline_of(&store, "9602/UBND-NC"), want);
    assert_eq!(import(&mut store, &f).unwrap().counts, counts(0, 0, 1));
    assert_eq!(deadline_of(&store, "9602/UBND-NC"), want);
}

#[test]
fn deadline_words_not_understood_name_the_cell_and_import_nothing() {
    let (dir, mut store) = demo_store();
    let before = task_count(&store);
    let cases = [
        ("Sớm nhất có thể", "hạn xử lý không đọc được"),
        ("Quý V/2022", "hạn xử lý không đọc được"),
        ("Trước ngày 31/9/2022", "không tồn tại"),
        (
            "Trước ngày 30/9/2022 (đã gia hạn đến 31/8/2022)",
            "hạn gia hạn phải sau hạn ban đầu",
        ),
    ];
    for (cell, why) in cases {
        let lines = vec![format!(
            "9701/UBND-NC;01/08/2022;;Nhiệm vụ;Sở Nội vụ;;{cell};"
        )];
        let f = write(dir.path(), "sai.csv", csv_text(&lines).as_bytes());
        let err = import(&mut store, &f).unwrap_err();
        assert!(
            err.contains("dòng 2, cột «Hạn xử lý»") && err.contains(why),
            "{cell}: {err}"
        );
        assert_eq!(task_count(&store), before);
    }
}

const STATUS_HEAD: &str =
    "Số/ký hiệu văn bản;Ngày giao;Tên nhiệm vụ;Đơn vị chủ trì;Hạn xử lý;Ngày hoàn thành;Tình trạng";

fn status_csv(rows: &[(&str, &str, &str)]) -> String {
    let mut s = String::from(STATUS_HEAD);
    for (i, (deadline, done, status)) in rows.iter().enumerate() {
        s.push_str(&format!(
            "\r\n98{i:02}/UBND-NC;01/08/2022;Nhiệm vụ có tình trạng {i};Sở Nội vụ;{deadline};{done};{status}"
        ));
    }
    s.push_str("\r\n");
    s
}

#[test]
fn status_words_keep_cancelled_tasks_uncounted_and_the_others_by_their_dates() {
    let (dir, mut store) = demo_store();
    let before = task_count(&store);
    let rows = [
        ("15/08/2022", "10/08/2022", "Đã hoàn thành đúng hạn"),
        ("15/08/2022", "20/08/2022", "da hoan thanh qua han"),
        ("15/09/2022", "", "Đang thực hiện quá hạn"),
        ("30/10/2022", "", "Đang thực hiện trong hạn"),
        ("Thường xuyên", "", "Đang thực hiện không hạn"),
        ("30/10/2022", "", "Chưa thực hiện"),
        ("25/09/2022", "", "Sắp hết hạn (2 ngày)"),
        ("30/09/2022", "", "Bị hủy"),
        ("30/11/2022", "", "TẠM HOÃN"),
        ("30/11/2022", "", ""),
        ("31/08/2022", "", "bi huy"),
        // The words and the dates disagree: counted by the dates, and listed.
        ("15/08/2022", "20/08/2022", "Đã hoàn thành đúng hạn"),
        ("30/10/2022", "20/09/2022", "Đang thực hiện trong hạn"),
    ];
    let f = write(dir.path(), "tinh-trang.csv", status_csv(&rows).as_bytes());
    let dry = import_with(&mut store, &f, &opts(None, None, true)).unwrap();
    assert_eq!(dry.cancelled, vec![9, 12]);
    assert_eq!(dry.postponed, vec![10]);
    assert_eq!(dry.disagree, vec![13, 14]);
    let s = import(&mut store, &f).unwrap();
    assert_eq!(s.counts, counts(13, 0, 0));
    assert_eq!(task_count(&store), before + 13);
    let mut out = Vec::new();
    tct::import::write_summary(&s, &mut out).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("Nhiệm vụ bị hủy (giữ lại, ghi «đã hủy», không tính): 2 (dòng 9, 12)"),
        "{out}"
    );
    assert!(
        out.contains("Nhiệm vụ tạm hoãn, nhập như chưa hoàn thành: 1 (dòng 10)"),
        "{out}"
    );
    assert!(
        out.contains("khác với tính theo ngày (tct tính theo ngày giao, hạn, ngày hoàn thành): 2 (dòng 13, 14)"),
        "{out}"
    );
    assert_eq!(
        task_by_doc(&store, "9811/UBND-NC").1.as_deref(),
        Some("2022-08-20")
    );
    // Open in words, done by its date: the date is kept.
    assert_eq!(
        task_by_doc(&store, "9812/UBND-NC").1.as_deref(),
        Some("2022-09-20")
    );
    let cancelled = |doc: &str| {
        store
            .connection()
            .query_row(
                "SELECT cancelled FROM task WHERE doc_number = ?1",
                [doc],
                |r| r.get::<_, bool>(0),
            )
            .unwrap()
    };
    assert!(cancelled("9807/UBND-NC"));
    assert!(cancelled("9810/UBND-NC"));
    assert!(!cancelled("9808/UBND-NC"));
    assert_eq!(
        task_by_doc(&store, "9801/UBND-NC").1.as_deref(),
        Some("2022-08-20")
    );
    // Again: nothing changes.
    let again = import(&mut store, &f).unwrap();
    assert_eq!(again.counts, counts(0, 0, 13));
    assert_eq!(again.cancelled, vec![9, 12]);
}

/// Status words tct does not know do not stop an import: the dates decide, and the
/// summary lists the rows.
#[test]
fn status_words_not_understood_are_listed_not_refused() {
    let (dir, mut store) = demo_store();
    let before = task_count(&store);
    let f = write(
        dir.path(),
        "tt.csv",
        status_csv(&[
            ("15/08/2022", "", "Hoàn thành 80%"),
            ("16/08/2022", "", "Tốt"),
        ])
        .as_bytes(),
    )
    .to_path_buf();
    let s = import(&mut store, &f).unwrap();
    assert_eq!(s.unknown_status, vec![2, 3]);
    assert_eq!(task_count(&store), before + 2);
    let mut out = Vec::new();
    tct::import::write_summary(&s, &mut out).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("Tình trạng trong tệp không rõ nghĩa, tính theo ngày: 2 (dòng 2, 3)"),
        "{out}"
    );
}

/// One cell naming several lead units, as report appendices write them: one task for
/// each unit, the same document and title; importing the file again matches them all.
#[test]
fn several_lead_units_in_one_cell_give_one_task_each() {
    let (dir, mut store) = demo_store();
    let before = task_count(&store);
    let f = write(
        dir.path(),
        "nhieu-don-vi.csv",
        "Số/ký hiệu văn bản;Ngày giao;Tên nhiệm vụ;Đơn vị chủ trì;Hạn xử lý\n\
         501/UBND-KT;01/08/2022;Rà soát đất rừng;\"UBND huyện Cao Lộc; UBND huyện Văn Lãng; \";30/09/2022\n\
         502/UBND-KT;01/08/2022;Báo cáo giải ngân;Sở Tài chính, Sở Nội vụ;30/09/2022\n\
         503/UBND-KT;01/08/2022;Kiểm tra công sở;\"Sở Kế hoạch và Đầu tư\nSở Tài chính\";30/09/2022\n\
         504/UBND-KT;01/08/2022;Tổng kết năm;UBND các huyện, thành phố;31/12/2022\n"
            .as_bytes(),
    );
    let s = import(&mut store, &f).unwrap();
    let districts = 11;
    assert_eq!(
        s.counts,
        counts(2 + 2 + 2 + districts, 0, 0),
        "{:?}",
        s.changes
    );
    assert_eq!(task_count(&store), before + 6 + districts as i64);
    let units_of = |doc: &str| -> Vec<i64> {
        let c = store.connection();
        let mut st = c
            .prepare("SELECT unit_id FROM task WHERE doc_number = ?1 ORDER BY unit_id")
            .unwrap();
        st.query_map([doc], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let mut want = vec![unit_id(&store, "Cao Lộc"), unit_id(&store, "Văn Lãng")];
    want.sort();
    assert_eq!(units_of("501/UBND-KT"), want);
    assert_eq!(units_of("502/UBND-KT").len(), 2);
    assert_eq!(units_of("503/UBND-KT").len(), 2);
    assert_eq!(units_of("504/UBND-KT").len(), districts);
    let again = import(&mut store, &f).unwrap();
    assert_eq!(
        again.counts,
        counts(0, 0, 6 + districts),
        "{:?}",
        again.changes
    );
    // One name no unit has, among several: the row is refused, naming it.
    let bad = write(
        dir.path(),
        "sai.csv",
        "Số/ký hiệu văn bản;Ngày giao;Tên nhiệm vụ;Đơn vị chủ trì;Hạn xử lý\n\
         505/UBND-KT;01/08/2022;Việc mới;\"Sở Tài chính; Sở Không Có\";30/09/2022\n"
            .as_bytes(),
    );
    let err = import(&mut store, &bad).unwrap_err();
    assert!(err.contains("«Sở Không Có»"), "{err}");
    assert_eq!(task_count(&store), before + 6 + districts as i64);
}
