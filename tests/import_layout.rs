//! `tct import` of task files laid out as report appendices are: a heading block and
//! a title above the header, a header of two rows under merged parents, a row of
//! column numbers, section rows that restart the numbering and may carry the status,
//! totals and a signature block. One test per rule, then a whole appendix.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use common::{ctx, demo_store};
use rust_xlsxwriter::{Format, FormatAlign, Workbook};
use tct::error::Error;
use tct::import::{Counts, Options, Skip, Summary};
use tct::store::Store;

/// The lines above the table: the national heading beside the province's, "PHỤ
/// LỤC", the title and the report it goes with.
const HEADING: &[&str] = &[
    "UBND TỈNH LẠNG SƠN;;;;CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    ";;;;Độc lập - Tự do - Hạnh phúc",
    "",
    ";;;PHỤ LỤC",
    ";;;TÌNH HÌNH THỰC HIỆN NHIỆM VỤ DO UBND TỈNH GIAO NĂM 2022",
    ";;;(Kèm theo Báo cáo số 123/BC-UBND ngày 15/11/2022 của UBND tỉnh)",
    "",
];

/// A header of two rows: "Văn bản giao nhiệm vụ" over its number and date, "Thời
/// hạn" over the deadline given and its extension.
const HEADER_2: &[&str] = &[
    "STT;Văn bản giao nhiệm vụ;;Nội dung nhiệm vụ;Đơn vị chủ trì;Thời hạn;;Ngày hoàn thành;Ghi chú",
    ";Số, ký hiệu;Ngày, tháng;;;Theo văn bản;Gia hạn;;",
];

const NUMBERS: &str = "(1);(2);(3);(4);(5);(6);(7);(8);(9)";

/// A task row of that header.
fn task(stt: &str, doc: &str, title: &str, unit: &str, deadline: &str, done: &str) -> String {
    format!("{stt};{doc};01/08/2022;{title};{unit};{deadline};;{done};")
}

fn csv_file(dir: &Path, name: &str, lines: &[String]) -> PathBuf {
    let mut text = String::from("\u{FEFF}");
    for l in lines {
        text.push_str(l);
        text.push_str("\r\n");
    }
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

/// The heading block, the two-row header and the column numbers, then `body`.
fn appendix(dir: &Path, name: &str, body: &[String]) -> PathBuf {
    let mut lines: Vec<String> = HEADING.iter().map(|s| s.to_string()).collect();
    lines.extend(HEADER_2.iter().map(|s| s.to_string()));
    lines.push(NUMBERS.into());
    lines.extend(body.iter().cloned());
    csv_file(dir, name, &lines)
}

/// The row number of the `i`-th line of an appendix's body.
fn body_row(i: usize) -> usize {
    HEADING.len() + HEADER_2.len() + 1 + i + 1
}

fn import_as(store: &mut Store, file: &Path, dry_run: bool) -> Result<Summary, String> {
    let o = Options {
        kind: None,
        sheet: None,
        dry_run,
        prefer_file: false,
    };
    match tct::import::run(store, &ctx("23/09/2022"), file, &o) {
        Ok(s) => Ok(s),
        Err(Error::User(u)) => Err(u),
        Err(e) => panic!("not a user error: {e:?}"),
    }
}

fn import(store: &mut Store, file: &Path) -> Result<Summary, String> {
    import_as(store, file, false)
}

fn printed(s: &Summary) -> String {
    let mut out = Vec::new();
    tct::import::write_summary(s, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn counts(new: usize, updated: usize, unchanged: usize) -> Counts {
    Counts {
        new,
        updated,
        unchanged,
    }
}

fn skipped(s: &Summary, what: Skip) -> usize {
    s.skipped
        .iter()
        .find(|(w, _)| *w == what)
        .map_or(0, |(_, n)| *n)
}

fn task_count(store: &Store) -> i64 {
    store
        .connection()
        .query_row("SELECT count(*) FROM task", [], |r| r.get(0))
        .unwrap()
}

/// (title, deadline, original deadline, completed on) of the task of a document.
type Saved = (String, Option<String>, Option<String>, Option<String>);

fn saved(store: &Store, doc: &str) -> Saved {
    store
        .connection()
        .query_row(
            "SELECT title, deadline, original_deadline, completed_on FROM task \
             WHERE doc_number = ?1",
            [doc],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap()
}

fn doc_date(store: &Store, doc: &str) -> (Option<String>, Option<String>) {
    store
        .connection()
        .query_row(
            "SELECT doc_date, assigned_on FROM task WHERE doc_number = ?1",
            [doc],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
}

#[test]
fn the_header_is_found_below_the_heading_block_and_title() {
    let (dir, mut store) = demo_store();
    let before = task_count(&store);
    let mut lines: Vec<String> = HEADING.iter().map(|s| s.to_string()).collect();
    lines.push("STT;Số, ký hiệu;Nội dung nhiệm vụ;Đơn vị chủ trì;Thời hạn".into());
    lines.push("1;601/UBND-KT;Rà soát đất rừng;Cao Lộc;30/09/2022".into());
    lines.push("2;602/UBND-KT;Báo cáo giải ngân;Sở Tài chính;31/10/2022".into());
    lines.push("3;603/UBND-KT;Kiểm tra công sở;Văn Lãng;31/02/2022".into());
    let f = csv_file(dir.path(), "tieu-de.csv", &lines);
    // Rows keep the numbers the spreadsheet shows: the bad date is on row 11.
    let err = import(&mut store, &f).unwrap_err();
    assert!(
        err.contains("dòng 11, cột «Thời hạn»: ngày không tồn tại"),
        "{err}"
    );
    assert_eq!(task_count(&store), before);
    lines.pop();
    let f = csv_file(dir.path(), "tieu-de.csv", &lines);
    let s = import(&mut store, &f).unwrap();
    assert_eq!((s.rows, s.counts), (2, counts(2, 0, 0)));
    assert_eq!(s.header_rows, [8]);
    // Five filled rows above the header: the blank ones are not counted.
    assert_eq!(skipped(&s, Skip::Title), 5);
    assert_eq!(task_count(&store), before + 2);
}

#[test]
fn a_two_row_header_in_csv_reads_each_child_under_its_parent() {
    let (dir, mut store) = demo_store();
    let body = [
        "1;611/UBND-KT;05/08/2022;Rà soát hộ nghèo;Cao Lộc;30/09/2022;31/10/2022;;".to_string(),
        "2;612/UBND-KT;06/08/2022;Kiểm tra an toàn thực phẩm;Văn Lãng;15/09/2022;;10/09/2022;Đúng hạn".into(),
        "3;614/UBND-KT;06/08/2022;Rà soát quy hoạch;Tràng Định;Quý III/2022;Trước ngày 30/11/2022;;".into(),
    ];
    let f = appendix(dir.path(), "hai-dong.csv", &body);
    let s = import_as(&mut store, &f, true).unwrap();
    assert_eq!(s.header_rows, [8, 9]);
    let out = printed(&s);
    for line in [
        "Các cột, tiêu đề ở dòng 8–9:",
        "A «STT» (bỏ qua)",
        "B «Văn bản giao nhiệm vụ › Số, ký hiệu» → Số/ký hiệu văn bản",
        "C «Văn bản giao nhiệm vụ › Ngày, tháng» → Ngày văn bản",
        "D «Nội dung nhiệm vụ» → Tên nhiệm vụ",
        "F «Thời hạn › Theo văn bản» → Hạn xử lý",
        "G «Thời hạn › Gia hạn» → Gia hạn",
        "H «Ngày hoàn thành» → Ngày hoàn thành",
        "I «Ghi chú» → Ghi chú",
    ] {
        assert!(out.contains(line), "{line}\n{out}");
    }
    assert_eq!(s.counts, counts(3, 0, 0));
    let s = import(&mut store, &f).unwrap();
    assert_eq!(s.counts, counts(3, 0, 0));
    // "Ngày, tháng" under the document is its date (and the day it was assigned);
    // "Gia hạn" extends the deadline given.
    assert_eq!(
        doc_date(&store, "611/UBND-KT"),
        (Some("2022-08-05".into()), Some("2022-08-05".into()))
    );
    let (_, deadline, original, _) = saved(&store, "611/UBND-KT");
    assert_eq!(deadline.as_deref(), Some("2022-10-31"));
    assert_eq!(original.as_deref(), Some("2022-09-30"));
    let (_, deadline, original, done) = saved(&store, "612/UBND-KT");
    assert_eq!(
        (deadline.as_deref(), original, done.as_deref()),
        (
            Some("2022-09-15"),
            Some("2022-09-15".into()),
            Some("2022-09-10")
        )
    );
    // Deadlines and extensions in words, as appendices write them.
    let (_, deadline, original, _) = saved(&store, "614/UBND-KT");
    assert_eq!(
        (deadline.as_deref(), original.as_deref()),
        (Some("2022-11-30"), Some("2022-09-30"))
    );
    // An extension before the deadline it extends is a mistake in the file.
    let bad = ["1;613/UBND-KT;05/08/2022;Việc mới;Cao Lộc;30/09/2022;31/08/2022;;".to_string()];
    let f = appendix(dir.path(), "gia-han-sai.csv", &bad);
    let err = import(&mut store, &f).unwrap_err();
    assert!(
        err.contains("cột «Thời hạn › Gia hạn»: ngày gia hạn sớm hơn thời hạn"),
        "{err}"
    );
}

/// A line of an appendix: STT, document, title (a section's label when there is no
/// document), lead unit, deadline, completion date.
type Line = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    NaiveDate,
    Option<NaiveDate>,
);

/// An appendix in XLSX as Excel lays it out: parents merged over their children,
/// the other headers merged down two rows, sections merged across.
fn merged_workbook(path: &Path, tasks: &[Line]) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let center = Format::new().set_align(FormatAlign::Center).set_bold();
    let dfmt = Format::new().set_num_format("dd/mm/yyyy");
    ws.merge_range(0, 0, 0, 2, "UBND TỈNH LẠNG SƠN", &center)
        .unwrap();
    ws.merge_range(0, 3, 0, 8, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", &center)
        .unwrap();
    ws.merge_range(1, 3, 1, 8, "Độc lập - Tự do - Hạnh phúc", &center)
        .unwrap();
    ws.merge_range(3, 0, 3, 8, "PHỤ LỤC", &center).unwrap();
    ws.merge_range(
        4,
        0,
        4,
        8,
        "TÌNH HÌNH THỰC HIỆN NHIỆM VỤ DO UBND TỈNH GIAO NĂM 2022",
        &center,
    )
    .unwrap();
    ws.merge_range(
        5,
        0,
        5,
        8,
        "(Kèm theo Báo cáo số 123/BC-UBND ngày 15/11/2022 của UBND tỉnh)",
        &center,
    )
    .unwrap();
    // Header on rows 8 and 9 (0-based 7 and 8).
    for (c, h) in [
        (0, "STT"),
        (3, "Nội dung nhiệm vụ"),
        (4, "Đơn vị chủ trì"),
        (7, "Ngày hoàn thành"),
        (8, "Ghi chú"),
    ] {
        ws.merge_range(7, c, 8, c, h, &center).unwrap();
    }
    ws.merge_range(7, 1, 7, 2, "Văn bản giao nhiệm vụ", &center)
        .unwrap();
    ws.merge_range(7, 5, 7, 6, "Thời hạn", &center).unwrap();
    for (c, h) in [
        (1, "Số, ký hiệu"),
        (2, "Ngày, tháng"),
        (5, "Ngày, tháng"),
        (6, "Gia hạn"),
    ] {
        ws.write_with_format(8, c, h, &center).unwrap();
    }
    for c in 0..9u16 {
        ws.write(9, c, format!("({})", c + 1)).unwrap();
    }
    let mut r = 10u32;
    let given = NaiveDate::from_ymd_opt(2022, 3, 1).unwrap();
    for (stt, doc, title, unit, deadline, done) in tasks {
        if doc.is_empty() {
            // A section, merged across the table.
            ws.merge_range(r, 0, r, 8, title, &Format::new().set_bold())
                .unwrap();
        } else {
            match stt.parse::<f64>() {
                Ok(n) => ws.write_number(r, 0, n).unwrap(),
                Err(_) => ws.write(r, 0, *stt).unwrap(),
            };
            ws.write(r, 1, *doc).unwrap();
            ws.write_date_with_format(r, 2, given, &dfmt).unwrap();
            ws.write(r, 3, *title).unwrap();
            ws.write(r, 4, *unit).unwrap();
            ws.write_date_with_format(r, 5, *deadline, &dfmt).unwrap();
            if let Some(done) = done {
                ws.write_date_with_format(r, 7, *done, &dfmt).unwrap();
            }
        }
        r += 1;
    }
    ws.merge_range(r, 0, r, 3, "Tổng cộng", &center).unwrap();
    ws.write(
        r,
        4,
        format!(
            "{} nhiệm vụ",
            tasks.iter().filter(|t| !t.1.is_empty()).count()
        ),
    )
    .unwrap();
    r += 2;
    ws.write(r, 0, "Nơi nhận:").unwrap();
    ws.merge_range(r, 5, r, 8, "KT. CHỦ TỊCH", &center).unwrap();
    ws.write(r + 1, 0, "- Như trên;").unwrap();
    ws.merge_range(r + 1, 5, r + 1, 8, "PHÓ CHỦ TỊCH", &center)
        .unwrap();
    ws.write(r + 2, 0, "- Lưu: VT.").unwrap();
    ws.merge_range(r + 4, 5, r + 4, 8, "Đoàn Thu Hà", &center)
        .unwrap();
    wb.save(path).unwrap();
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn a_two_row_header_with_merged_parents_in_xlsx() {
    let (dir, mut store) = demo_store();
    let f = dir.path().join("phu-luc.xlsx");
    merged_workbook(
        &f,
        &[
            (
                "",
                "",
                "I. NHIỆM VỤ ĐANG THỰC HIỆN",
                "",
                d(2022, 1, 1),
                None,
            ),
            (
                "1",
                "621/UBND-KT",
                "Rà soát đất công",
                "Cao Lộc",
                d(2022, 10, 30),
                None,
            ),
            (
                "2",
                "622/UBND-KT",
                "Kiểm tra dự án",
                "Tràng Định",
                d(2022, 12, 31),
                None,
            ),
        ],
    );
    let s = import_as(&mut store, &f, true).unwrap();
    assert_eq!(s.header_rows, [8, 9]);
    let out = printed(&s);
    for line in [
        "C «Văn bản giao nhiệm vụ › Ngày, tháng» → Ngày văn bản",
        // Under "Thời hạn", the same words are the deadline.
        "F «Thời hạn › Ngày, tháng» → Hạn xử lý",
        "G «Thời hạn › Gia hạn» → Gia hạn",
        "E «Đơn vị chủ trì» → Đơn vị chủ trì",
    ] {
        assert!(out.contains(line), "{line}\n{out}");
    }
    let s = import(&mut store, &f).unwrap();
    assert_eq!(s.counts, counts(2, 0, 0));
    assert_eq!(
        saved(&store, "621/UBND-KT").1.as_deref(),
        Some("2022-10-30")
    );
    assert_eq!(
        doc_date(&store, "622/UBND-KT").0.as_deref(),
        Some("2022-03-01")
    );
}

#[test]
fn the_row_of_column_numbers_is_skipped_in_every_form() {
    for numbers in [
        NUMBERS,
        "1;2;3;4;5;6;7;8;9",
        "A;B;C;1;2;3;4;5;6",
        "(1);(2);(3);(4);(5);(6);(7);(8)=(6)+(7);(9)",
    ] {
        let (dir, mut store) = demo_store();
        let mut lines: Vec<String> = HEADER_2.iter().map(|s| s.to_string()).collect();
        lines.push(numbers.into());
        lines.push(task(
            "1",
            "631/UBND-KT",
            "Rà soát",
            "Cao Lộc",
            "30/09/2022",
            "",
        ));
        let f = csv_file(dir.path(), "so-cot.csv", &lines);
        let s = import(&mut store, &f).unwrap_or_else(|e| panic!("{numbers}: {e}"));
        assert_eq!((s.rows, s.counts), (1, counts(1, 0, 0)), "{numbers}");
        assert_eq!(skipped(&s, Skip::Header), 1, "{numbers}");
    }
}

#[test]
fn a_section_with_a_status_gives_it_to_its_rows_without_one() {
    let (dir, mut store) = demo_store();
    let before = task_count(&store);
    let head =
        "STT;Số, ký hiệu;Nội dung nhiệm vụ;Đơn vị chủ trì;Thời hạn;Ngày hoàn thành;Tình trạng";
    let lines: Vec<String> = [
        head,
        "I;NHIỆM VỤ ĐÃ HOÀN THÀNH (02 nhiệm vụ)",
        "1;641/UBND-KT;Rà soát đất rừng;Cao Lộc;31/08/2022;25/08/2022;",
        "2;642/UBND-KT;Báo cáo thu ngân sách;Văn Lãng;31/08/2022;05/09/2022;",
        "II;NHIỆM VỤ ĐANG THỰC HIỆN",
        // Under "đang thực hiện" but done by its date: counted by the date, listed.
        "1;643/UBND-KT;Kiểm tra công sở;Sở Tài chính;30/09/2022;20/09/2022;",
        "2;644/UBND-KT;Tổng kết mô hình;Tràng Định;31/10/2022;;",
        "III;LĨNH VỰC KHÁC",
        // The row's own status wins over a section's; this section names none.
        "1;645/UBND-KT;Sắp xếp thôn;Bình Gia;31/12/2022;;Bị hủy",
        "2;646/UBND-KT;Rà soát quy hoạch;Văn Quan;31/12/2022;;",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let f = csv_file(dir.path(), "muc.csv", &lines);
    let s = import(&mut store, &f).unwrap();
    // The cancelled row is kept (and counted nowhere).
    assert_eq!((s.rows, s.counts), (6, counts(6, 0, 0)));
    assert_eq!(skipped(&s, Skip::Section), 3);
    assert_eq!(s.disagree, [6]);
    assert_eq!(s.cancelled, [9]);
    assert!(s.done_no_date.is_empty());
    assert_eq!(task_count(&store), before + 6);
    // A section that says done, over a row with no completion date: done on a day
    // the file does not give, as a status cell saying so would be.
    let (dir, mut store) = demo_store();
    let mut lines = lines.clone();
    lines[3] = "2;642/UBND-KT;Báo cáo thu ngân sách;Văn Lãng;31/08/2022;;".into();
    let f = csv_file(dir.path(), "muc.csv", &lines);
    let s = import(&mut store, &f).unwrap();
    assert_eq!(s.done_no_date, [4]);
    assert_eq!(s.counts, counts(6, 0, 0));
}

#[test]
fn numbering_restarts_in_each_section_and_sub_section() {
    let (dir, mut store) = demo_store();
    let body: Vec<String> = vec![
        "I;NHIỆM VỤ ĐANG THỰC HIỆN (04 nhiệm vụ)".into(),
        "1;Nhiệm vụ quá hạn (02 nhiệm vụ)".into(),
        task(
            "1",
            "651/UBND-KT",
            "Rà soát đất rừng",
            "Cao Lộc",
            "31/08/2022",
            "",
        ),
        task(
            "2",
            "652/UBND-KT",
            "Báo cáo thu ngân sách",
            "Văn Lãng",
            "31/08/2022",
            "",
        ),
        "2;Nhiệm vụ trong hạn (02 nhiệm vụ)".into(),
        task(
            "1",
            "653/UBND-KT",
            "Kiểm tra công sở",
            "Sở Tài chính",
            "30/10/2022",
            "",
        ),
        task(
            "2",
            "654/UBND-KT",
            "Tổng kết mô hình",
            "Tràng Định",
            "31/10/2022",
            "",
        ),
        "II;NHIỆM VỤ CHƯA THỰC HIỆN (01 nhiệm vụ)".into(),
        task(
            "1",
            "655/UBND-KT",
            "Sắp xếp thôn",
            "Bình Gia",
            "31/12/2022",
            "",
        ),
    ];
    let f = appendix(dir.path(), "danh-so.csv", &body);
    let s = import(&mut store, &f).unwrap();
    assert_eq!((s.rows, s.counts), (5, counts(5, 0, 0)));
    assert_eq!(skipped(&s, Skip::Section), 4);
    assert!(s.miscounted.is_empty(), "{:?}", s.miscounted);
    assert_eq!(
        saved(&store, "655/UBND-KT").0,
        "Sắp xếp thôn",
        "each row is its own task, whatever its number"
    );
}

#[test]
fn a_section_whose_count_differs_is_a_line_not_a_refusal() {
    let (dir, mut store) = demo_store();
    let body: Vec<String> = vec![
        "I. NHIỆM VỤ ĐÃ HOÀN THÀNH (03 nhiệm vụ)".into(),
        task(
            "1",
            "661/UBND-KT",
            "Rà soát đất rừng",
            "Cao Lộc",
            "31/08/2022",
            "20/08/2022",
        ),
        task(
            "2",
            "662/UBND-KT",
            "Báo cáo thu",
            "Văn Lãng",
            "31/08/2022",
            "20/08/2022",
        ),
    ];
    let f = appendix(dir.path(), "dem.csv", &body);
    let s = import(&mut store, &f).unwrap();
    assert_eq!(s.counts, counts(2, 0, 0));
    let out = printed(&s);
    assert!(
        out.contains(&format!(
            "Mục «I. NHIỆM VỤ ĐÃ HOÀN THÀNH (03 nhiệm vụ)» (dòng {}) ghi 3 nhiệm vụ nhưng có 2 dòng",
            body_row(0)
        )),
        "{out}"
    );
}

#[test]
fn totals_rows_are_skipped() {
    let (dir, mut store) = demo_store();
    let body: Vec<String> = vec![
        task(
            "1",
            "671/UBND-KT",
            "Rà soát đất rừng",
            "Cao Lộc",
            "30/09/2022",
            "",
        ),
        "Tổng cộng;;;;;;;;2".into(),
        "Tổng số: 2 nhiệm vụ".into(),
        ";Cộng;;;;;;;2".into(),
    ];
    let f = appendix(dir.path(), "tong.csv", &body);
    let s = import(&mut store, &f).unwrap();
    assert_eq!((s.rows, s.counts), (1, counts(1, 0, 0)));
    assert_eq!(skipped(&s, Skip::Totals), 3);
}

#[test]
fn the_signature_block_is_skipped_to_the_end() {
    let (dir, mut store) = demo_store();
    let body: Vec<String> = vec![
        task(
            "1",
            "681/UBND-KT",
            "Rà soát đất rừng",
            "Cao Lộc",
            "30/09/2022",
            "",
        ),
        "".into(),
        "Ghi chú: (*) nhiệm vụ đã gia hạn".into(),
        ";;;;;Lạng Sơn, ngày 15 tháng 11 năm 2022".into(),
        "NGƯỜI LẬP BIỂU;;;;;KT. CHỦ TỊCH".into(),
        ";;;;;PHÓ CHỦ TỊCH".into(),
        "\"Nơi nhận:\"".into(),
        "\"- Như trên;\"".into(),
        "\"- Lưu: VT, KT.\";;;;;(Đã ký)".into(),
        "Nguyễn Văn An;;;;;Đoàn Thu Hà".into(),
    ];
    let f = appendix(dir.path(), "chu-ky.csv", &body);
    let s = import(&mut store, &f).unwrap();
    assert_eq!((s.rows, s.counts), (1, counts(1, 0, 0)));
    assert_eq!(skipped(&s, Skip::Signature), 8);
}

#[test]
fn rows_that_look_a_little_like_sections_totals_or_signatures_are_tasks() {
    let (dir, mut store) = demo_store();
    let body: Vec<String> = vec![
        "I;NHIỆM VỤ ĐANG THỰC HIỆN".into(),
        task(
            "1",
            "691/UBND-KT",
            "NHIỆM VỤ TRỌNG TÂM: rà soát đất rừng",
            "Cao Lộc",
            "30/09/2022",
            "",
        ),
        task(
            "II",
            "692/UBND-KT",
            "Nhiệm vụ quá hạn của ngành thuế (03 nhiệm vụ)",
            "Sở Tài chính",
            "30/09/2022",
            "",
        ),
        task(
            "3",
            "693/UBND-KT",
            "Tổng cộng các khoản nợ đọng",
            "Văn Lãng",
            "30/09/2022",
            "",
        ),
        task(
            "4",
            "694/UBND-KT",
            "Nơi nhận hồ sơ một cửa: nâng cấp",
            "Bình Gia",
            "30/09/2022",
            "",
        ),
        task(
            "5",
            "695/UBND-KT",
            "Chủ tịch",
            "Tràng Định",
            "30/09/2022",
            "",
        ),
    ];
    let f = appendix(dir.path(), "giong-muc.csv", &body);
    let s = import(&mut store, &f).unwrap();
    assert_eq!((s.rows, s.counts), (5, counts(5, 0, 0)), "{}", printed(&s));
    assert_eq!(skipped(&s, Skip::Section), 1);
    assert_eq!(
        saved(&store, "692/UBND-KT").0,
        "Nhiệm vụ quá hạn của ngành thuế (03 nhiệm vụ)"
    );
}

#[test]
fn a_row_between_sections_not_understood_is_a_problem_and_nothing_is_imported() {
    let (dir, mut store) = demo_store();
    let before = task_count(&store);
    let body: Vec<String> = vec![
        "I;NHIỆM VỤ ĐANG THỰC HIỆN".into(),
        task(
            "1",
            "701/UBND-KT",
            "Rà soát đất rừng",
            "Cao Lộc",
            "30/09/2022",
            "",
        ),
        // A numbered line of words without a unit: not a section, so a task lacking
        // its unit.
        "2;Rà soát quy hoạch ba loại rừng".into(),
        // Numbers only, not rising: no column-number row.
        ";;;;;30/09/2022;;;".into(),
        "II;NHIỆM VỤ CHƯA THỰC HIỆN".into(),
        task(
            "1",
            "702/UBND-KT",
            "Báo cáo thu",
            "Văn Lãng",
            "30/09/2022",
            "",
        ),
    ];
    let f = appendix(dir.path(), "loi.csv", &body);
    let err = import(&mut store, &f).unwrap_err();
    assert!(err.contains("loi.csv: 4 lỗi, chưa nhập gì"), "{err}");
    assert!(
        err.contains(&format!("dòng {}, cột «Đơn vị chủ trì»", body_row(2))),
        "{err}"
    );
    assert!(
        err.contains(&format!("dòng {}, cột «Nội dung nhiệm vụ»", body_row(3))),
        "{err}"
    );
    assert_eq!(task_count(&store), before);
}

/// Twenty tasks in three sections, as a province's appendix lays them out.
fn full_appendix() -> Vec<Line> {
    let units = [
        "Cao Lộc",
        "Văn Lãng",
        "Tràng Định",
        "Bình Gia",
        "Sở Tài chính",
    ];
    let titles: [&'static str; 20] = [
        "Rà soát đất rừng",
        "Báo cáo thu ngân sách",
        "Kiểm tra công sở",
        "Tổng kết mô hình nông thôn mới",
        "Sắp xếp thôn, khối phố",
        "Rà soát hộ nghèo",
        "Kiểm tra an toàn thực phẩm",
        "Đẩy nhanh giải ngân vốn đầu tư",
        "Cải cách thủ tục hành chính",
        "Chuyển đổi số cấp xã",
        "Phòng chống cháy rừng",
        "Quản lý chợ biên giới",
        "Xây dựng trường chuẩn quốc gia",
        "Tu sửa đường giao thông nông thôn",
        "Phát triển sản phẩm OCOP",
        "Kiểm tra đê điều",
        "Rà soát giấy phép khai thác khoáng sản",
        "Đánh giá cán bộ cấp xã",
        "Quy hoạch vùng trồng hồi",
        "Xử lý nợ thuế",
    ];
    let docs: [&'static str; 20] = [
        "801/UBND-KT",
        "802/UBND-KT",
        "803/UBND-KT",
        "804/UBND-KT",
        "805/UBND-KT",
        "806/UBND-KT",
        "807/UBND-KT",
        "808/UBND-KT",
        "809/UBND-KT",
        "810/UBND-KT",
        "811/UBND-KT",
        "812/UBND-KT",
        "813/UBND-KT",
        "814/UBND-KT",
        "815/UBND-KT",
        "816/UBND-KT",
        "817/UBND-KT",
        "818/UBND-KT",
        "819/UBND-KT",
        "820/UBND-KT",
    ];
    let stt: [&'static str; 8] = ["1", "2", "3", "4", "5", "6", "7", "8"];
    let mut out = Vec::new();
    let section = |label| ("", "", label, "", d(2022, 1, 1), None);
    // Six done (the section says "(05 nhiệm vụ)": one more than it declares).
    out.push(section("I. NHIỆM VỤ ĐÃ HOÀN THÀNH (05 nhiệm vụ)"));
    for i in 0..6 {
        out.push((
            stt[i],
            docs[i],
            titles[i],
            units[i % 5],
            d(2022, 8, 31),
            Some(d(2022, 8, 20)),
        ));
    }
    out.push(section("II. NHIỆM VỤ ĐANG THỰC HIỆN (08 nhiệm vụ)"));
    out.push(section("1. Nhiệm vụ quá hạn (03 nhiệm vụ)"));
    for (n, i) in (6..9).enumerate() {
        out.push((
            stt[n],
            docs[i],
            titles[i],
            units[i % 5],
            d(2022, 9, 15),
            None,
        ));
    }
    out.push(section("2. Nhiệm vụ trong hạn (05 nhiệm vụ)"));
    for (n, i) in (9..14).enumerate() {
        out.push((
            stt[n],
            docs[i],
            titles[i],
            units[i % 5],
            d(2022, 12, 31),
            None,
        ));
    }
    out.push(section("III. NHIỆM VỤ CHƯA THỰC HIỆN (06 nhiệm vụ)"));
    for (n, i) in (14..20).enumerate() {
        out.push((
            stt[n],
            docs[i],
            titles[i],
            units[i % 5],
            d(2022, 11, 30),
            None,
        ));
    }
    out
}

#[test]
fn a_whole_appendix_imports_its_twenty_tasks_once() {
    let (dir, mut store) = demo_store();
    let before = task_count(&store);
    let f = dir.path().join("phu-luc-20.xlsx");
    merged_workbook(&f, &full_appendix());
    let dry = import_as(&mut store, &f, true).unwrap();
    assert_eq!(task_count(&store), before, "the dry run changes nothing");
    assert_eq!((dry.rows, dry.counts), (20, counts(20, 0, 0)));
    let all: Vec<(Skip, usize)> = [
        Skip::Title,
        Skip::Header,
        Skip::Section,
        Skip::Totals,
        Skip::Signature,
    ]
    .iter()
    .map(|w| (*w, skipped(&dry, *w)))
    .collect();
    assert_eq!(
        all,
        [
            (Skip::Title, 5),
            (Skip::Header, 1),
            (Skip::Section, 5),
            (Skip::Totals, 1),
            (Skip::Signature, 4)
        ]
    );
    let out = printed(&dry);
    assert!(
        out.contains(
            "Bỏ qua: 5 dòng tiêu đề trên bảng, 1 dòng số thứ tự cột hoặc tiêu đề cột lặp lại, \
             5 dòng mục, 1 dòng tổng cộng, 4 dòng chữ ký, nơi nhận, ghi chú cuối bảng"
        ),
        "{out}"
    );
    let miscounted: Vec<(String, usize, usize)> = dry
        .miscounted
        .iter()
        .map(|m| (m.label.clone(), m.declared, m.read))
        .collect();
    assert_eq!(
        miscounted,
        [("I. NHIỆM VỤ ĐÃ HOÀN THÀNH (05 nhiệm vụ)".to_string(), 5, 6)]
    );
    let done = |store: &Store| -> i64 {
        store
            .connection()
            .query_row(
                "SELECT count(*) FROM task WHERE completed_on IS NOT NULL",
                [],
                |r| r.get(0),
            )
            .unwrap()
    };
    let done_before = done(&store);
    let s = import(&mut store, &f).unwrap();
    assert_eq!(s.counts, counts(20, 0, 0));
    assert_eq!(task_count(&store), before + 20);
    assert_eq!(done(&store), done_before + 6);
    // The same file again changes nothing.
    let again = import(&mut store, &f).unwrap();
    assert_eq!(again.counts, counts(0, 0, 20));
    assert_eq!(task_count(&store), before + 20);
}

#[test]
fn the_dry_run_says_how_columns_were_read_in_english_too() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let f = appendix(
        dir.path(),
        "en.csv",
        &[task(
            "1",
            "901/UBND-KT",
            "Rà soát",
            "Cao Lộc",
            "30/09/2022",
            "",
        )],
    );
    let o = Command::new(env!("CARGO_BIN_EXE_tct"))
        .args(["--demo", "--lang", "en", "--db"])
        .arg(&db)
        .arg("import")
        .arg(&f)
        .arg("--dry-run")
        .env_remove("TCT_DB")
        .env_remove("TCT_LANG")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    for line in [
        "The columns, header on row 8–9:",
        "B «Văn bản giao nhiệm vụ › Số, ký hiệu» → document number",
        "G «Thời hạn › Gia hạn» → extended to",
        "I «Ghi chú» → notes",
        "Skipped: 5 title rows above the table, 1 column-number or repeated header rows",
    ] {
        assert!(out.contains(line), "{line}\n{out}");
    }
}

#[test]
fn a_document_and_a_unit_merged_over_several_tasks_apply_to_each() {
    let (dir, mut store) = demo_store();
    let f = dir.path().join("gop-o.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let plain = Format::new();
    for (c, h) in [
        "STT",
        "Số, ký hiệu",
        "Nội dung nhiệm vụ",
        "Đơn vị chủ trì",
        "Thời hạn",
        "Ghi chú",
    ]
    .iter()
    .enumerate()
    {
        ws.write(0, c as u16, *h).unwrap();
    }
    ws.merge_range(1, 0, 1, 5, "I. NHIỆM VỤ ĐANG THỰC HIỆN", &plain)
        .unwrap();
    // One document, two tasks of one unit, a note over both: the note is not read.
    ws.merge_range(2, 1, 3, 1, "711/UBND-KT", &plain).unwrap();
    ws.merge_range(2, 3, 3, 3, "Cao Lộc", &plain).unwrap();
    ws.merge_range(2, 5, 3, 5, "Theo Kế hoạch 12", &plain)
        .unwrap();
    for (r, stt, title, deadline) in [
        (2, 1.0, "Rà soát đất rừng", "30/09/2022"),
        (3, 2.0, "Trồng rừng thay thế", "31/10/2022"),
    ] {
        ws.write_number(r, 0, stt).unwrap();
        ws.write(r, 2, title).unwrap();
        ws.write(r, 4, deadline).unwrap();
    }
    wb.save(&f).unwrap();
    let s = import(&mut store, &f).unwrap();
    assert_eq!((s.rows, s.counts), (2, counts(2, 0, 0)), "{}", printed(&s));
    let units: Vec<(String, String)> = {
        let c = store.connection();
        let mut st = c
            .prepare(
                "SELECT t.title, u.name FROM task t JOIN unit u ON u.id = t.unit_id \
                 WHERE t.doc_number = '711/UBND-KT' ORDER BY t.title",
            )
            .unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert_eq!(units.len(), 2);
    assert!(
        units.iter().all(|(_, u)| u.contains("Cao Lộc")),
        "{units:?}"
    );
    assert_eq!(import(&mut store, &f).unwrap().counts, counts(0, 0, 2));
}
