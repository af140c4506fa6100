//! The report on the province's tasks and a unit's brief (`tct export tasks-report`,
//! `tct export unit-brief`): their text on the demo, their figures against `tct
//! report units`, their DOCX (page, fonts, page numbers, signer) and its render to PDF
//! by LibreOffice, their XLSX read back, and the command line's mistakes.

mod common;

use common::tct;

use std::io::Read;
use std::path::Path;

use tct::document::{Block, Document, docx, markdown};
use tct::domain::scorecard::TaskCounts;
use tct::model::Ctx;
use tct::papers::{Period, brief, tasks};
use tct::store::Store;

fn demo() -> (tempfile::TempDir, Store, Ctx) {
    let (dir, store) = common::demo_store();
    (dir, store, common::ctx("23/09/2022"))
}

fn report_doc(store: &Store, ctx: &Ctx, unit: Option<i64>, period: Period) -> Document {
    let r = tasks::gather(store, ctx, unit, period).unwrap();
    tasks::document(&r, &tct::notice::settings(store).unwrap())
}

fn brief_doc(store: &Store, ctx: &Ctx, name: &str) -> Document {
    let (id, _) = store.resolve_unit(ctx.as_of, name).unwrap();
    brief::document(&brief::gather(store, ctx, id).unwrap().unwrap())
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    let mut xml = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name}"))
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The whole text of the demo's tasks report, as the Markdown writes it.
#[test]
fn the_markdown_of_the_demo_tasks_report() {
    let (_dir, store, ctx) = demo();
    let md = markdown::render(&report_doc(&store, &ctx, None, Period::default()));
    insta::assert_snapshot!("tasks_report_md", md);
}

/// The whole text of Tràng Định's brief.
#[test]
fn the_markdown_of_the_demo_brief() {
    let (_dir, store, ctx) = demo();
    let md = markdown::render(&brief_doc(&store, &ctx, "trang dinh"));
    insta::assert_snapshot!("unit_brief_trang_dinh_md", md);
    // The scorecard line as the panes phrase it.
    assert!(md.contains(
        "Kết quả: 02/14 chỉ tiêu đạt và vượt, 04/14 đạt trên 70%, 08/14 dưới 70%; \
         11/11 nhiệm vụ hoàn thành đúng hạn."
    ));
}

/// `tct report units --format json`: each unit's task counts, as the panes count.
fn report_units(db: &str, unit: Option<&str>) -> Vec<(String, TaskCounts)> {
    let mut args = vec!["--db", db, "report", "units", "--format", "json"];
    if let Some(u) = unit {
        args.extend(["--unit", u]);
    }
    let o = tct(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|u| {
            let n = |k: &str| u["tasks"][k].as_u64().unwrap() as u32;
            let c = TaskCounts {
                done_on_time: n("done_on_time"),
                done_late: n("done_late"),
                overdue: n("overdue"),
                due_soon: n("due_soon"),
                in_time: n("in_time"),
                no_deadline: n("no_deadline"),
            };
            (u["name"].as_str().unwrap().to_string(), c)
        })
        .collect()
}

fn sum(all: &[(String, TaskCounts)]) -> TaskCounts {
    let mut t = TaskCounts::default();
    for (_, c) in all {
        t.done_on_time += c.done_on_time;
        t.done_late += c.done_late;
        t.overdue += c.overdue;
        t.due_soon += c.due_soon;
        t.in_time += c.in_time;
        t.no_deadline += c.no_deadline;
    }
    t
}

/// The report's totals and each unit's line are `tct report units`' on the same
/// database and date, for the province and for one unit; the XLSX says the same.
#[test]
fn the_figures_are_those_of_report_units() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let (dir, store, ctx) = demo();
    let db = dir.path().join("demo.db");
    let db = s(&db);
    let all = report_units(db, None);
    let r = tasks::gather(&store, &ctx, None, Period::default()).unwrap();
    assert_eq!(r.totals, sum(&all));
    assert!(r.totals.total() > 100, "{:?}", r.totals);
    for line in &r.units {
        let (_, c) = all.iter().find(|(n, _)| *n == line.label).unwrap();
        assert_eq!(line.counts, *c, "{}", line.label);
    }
    let cao_loc = report_units(db, Some("cao loc"));
    let (id, _) = store.resolve_unit(ctx.as_of, "cao loc").unwrap();
    let one = tasks::gather(&store, &ctx, Some(id), Period::default()).unwrap();
    assert_eq!(one.totals, sum(&cao_loc));
    assert_eq!(one.units.len(), 1);

    // The binary's XLSX, read back: the total row is the report's.
    let file = dir.path().join("bao-cao.xlsx");
    let o = tct(&[
        "--db",
        db,
        "--today",
        "23/09/2022",
        "export",
        "tasks-report",
        "--format",
        "xlsx",
        "-o",
        s(&file),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut book: Xlsx<_> = open_workbook(&file).unwrap();
    let sheet = book.worksheet_range("Theo đơn vị").unwrap();
    let rows: Vec<&[Data]> = sheet.rows().collect();
    let last = rows.last().unwrap();
    assert_eq!(last[0], Data::String("Tổng cộng".into()));
    let t = sum(&all);
    let expect = [
        t.total(),
        t.done_on_time,
        t.done_late,
        t.overdue,
        t.in_time + t.due_soon,
        t.no_deadline,
    ];
    for (i, n) in expect.iter().enumerate() {
        assert_eq!(last[i + 1], Data::Float(f64::from(*n)), "column {}", i + 1);
    }
    assert_eq!(rows.len(), r.units.len() + 2, "head, units, total");
    // The overdue tasks, one row each after the head, with their days.
    let sheet = book.worksheet_range("Quá hạn").unwrap();
    let rows: Vec<&[Data]> = sheet.rows().collect();
    assert_eq!(rows.len() as u32, t.overdue + 1);
    let days: Vec<&Data> = rows[1..].iter().map(|r| &r[4]).collect();
    assert!(
        days.iter().all(|d| matches!(d, Data::Float(n) if *n > 0.0)),
        "{days:?}"
    );
}

/// A period wide enough for every deadline counts what the scorecards count, less
/// the tasks without a deadline; a narrow one fewer, and only tasks due in it.
#[test]
fn a_period_selects_tasks_by_deadline() {
    let (_dir, store, ctx) = demo();
    let whole = tasks::gather(&store, &ctx, None, Period::default()).unwrap();
    let wide = Period::parse(Some("01/01/1900"), Some("31/12/2100")).unwrap();
    let wide = tasks::gather(&store, &ctx, None, wide).unwrap();
    // Every figure that needs a deadline is the scorecards'; a task done without one
    // (done on time) and one open without one fall in no period.
    let mut done_without = 0;
    let mut open_without = 0;
    store
        .for_each_task(
            &ctx,
            tct::model::TaskScope::AllUnits,
            tct::model::TaskMode::All,
            |t| {
                if t.deadline.is_none()
                    && !matches!(t.status, tct::domain::task::TaskStatus::Cancelled)
                {
                    if t.status.is_done() {
                        done_without += 1;
                    } else {
                        open_without += 1;
                    }
                }
                Ok::<_, tct::error::Error>(())
            },
        )
        .unwrap();
    let mut expect = whole.totals;
    expect.done_on_time -= done_without;
    expect.no_deadline -= open_without;
    assert_eq!(wide.totals, expect);
    assert_eq!(wide.totals.no_deadline, 0);
    let q3 = Period::parse(Some("01/07/2022"), Some("30/09/2022")).unwrap();
    let q3 = tasks::gather(&store, &ctx, None, q3).unwrap();
    assert!(q3.totals.total() > 0 && q3.totals.total() < wide.totals.total());
    for (_, list) in &q3.overdue {
        for t in list {
            let d = t.deadline.unwrap();
            assert!(d >= common::date("01/07/2022") && d <= common::date("30/09/2022"));
        }
    }
    let md = markdown::render(&tasks::document(
        &q3,
        &tct::notice::settings(&store).unwrap(),
    ));
    assert!(
        md.contains("các nhiệm vụ có hạn xử lý từ ngày 01/07/2022 đến ngày 30/09/2022"),
        "{md}"
    );
}

/// Overdue tasks carry their days overdue and the leader the task's file names.
#[test]
fn overdue_tasks_name_their_leader() {
    let (_dir, store, ctx) = demo();
    let r = tasks::gather(&store, &ctx, None, Period::default()).unwrap();
    let listed: u32 = r.overdue.iter().map(|(_, l)| l.len() as u32).sum();
    assert_eq!(listed, r.totals.overdue);
    let all: Vec<_> = r.overdue.iter().flat_map(|(_, l)| l).collect();
    assert!(all.iter().all(|t| t.days > 0));
    assert!(all.iter().any(|t| t.leader.contains("Lương Trọng Quỳnh")));
    // Most overdue first within a unit.
    for (_, list) in &r.overdue {
        assert!(list.windows(2).all(|w| w[0].days >= w[1].days));
    }
}

/// A4, Times New Roman, numbered from page 2, signed "TL. CHỦ TỊCH" by default; the
/// brief has no letterhead or signature but the same page.
#[test]
fn docx_pages_fonts_and_signer() {
    let (_dir, store, ctx) = demo();
    let doc = report_doc(&store, &ctx, None, Period::default());
    let bytes = docx::to_bytes(&doc).unwrap();
    let xml = part(&bytes, "word/document.xml");
    assert!(xml.contains(r#"<w:pgSz w:w="11906" w:h="16838""#), "A4");
    assert!(xml.contains(r#"w:ascii="Times New Roman""#));
    assert!(xml.contains("<w:titlePg"), "a first page of its own");
    for text in ["BÁO CÁO", "Số:      /BC-UBND", "TL. CHỦ TỊCH", "Tổng cộng"] {
        assert!(xml.contains(text), "«{text}» not in document.xml");
    }
    let headers: Vec<String> = (1..=3)
        .filter_map(|i| {
            let name = format!("word/header{i}.xml");
            zip::ZipArchive::new(std::io::Cursor::new(&bytes))
                .unwrap()
                .by_name(&name)
                .is_ok()
                .then(|| part(&bytes, &name))
        })
        .collect();
    assert!(
        headers
            .iter()
            .any(|h| h.contains("<w:instrText>PAGE</w:instrText>")),
        "{headers:?}"
    );
    // Letterhead, units, one table per unit with overdue tasks, one per inspection,
    // sign-off.
    let tables = doc
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Table(_)))
        .count();
    assert_eq!(xml.matches("<w:tbl>").count(), tables + 2);

    let brief = brief_doc(&store, &ctx, "trang dinh");
    let bytes = docx::to_bytes(&brief).unwrap();
    let xml = part(&bytes, "word/document.xml");
    assert!(xml.contains(r#"<w:pgSz w:w="11906" w:h="16838""#), "A4");
    assert!(
        !xml.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        "a working paper"
    );
    assert!(xml.contains("TÓM TẮT TÌNH HÌNH ĐƠN VỊ"));
    assert_eq!(
        xml.matches("<w:tbl>").count(),
        3,
        "targets, tasks, directives"
    );
}

/// Every text of a document, one entry a paragraph or table cell.
#[cfg(unix)]
fn texts(d: &Document) -> Vec<String> {
    let mut out = vec![d.title.clone(), d.summary.clone()];
    for b in &d.blocks {
        match b {
            Block::Heading(_, t) | Block::Lead(t) | Block::Paragraph(t) => out.push(t.clone()),
            Block::Table(t) => {
                out.extend(t.head.iter().cloned());
                out.extend(t.rows.iter().flatten().cloned());
            }
        }
    }
    if let Some(s) = &d.sign_off {
        out.extend(s.signer_title.iter().cloned());
        out.extend(s.recipients.iter().cloned());
    }
    out
}

#[cfg(unix)]
#[test]
fn libreoffice_renders_both() {
    use std::process::Command;
    let Some(office) = common::tool("LibreOffice", &["soffice", "libreoffice"]) else {
        return;
    };
    let Some(pdftotext) = common::tool("pdftotext (poppler-utils)", &["pdftotext"]) else {
        return;
    };
    let (dir, store, ctx) = demo();
    let docs = [
        ("bao-cao", report_doc(&store, &ctx, None, Period::default())),
        ("tom-tat", brief_doc(&store, &ctx, "trang dinh")),
    ];
    for (name, doc) in docs {
        let file = dir.path().join(format!("{name}.docx"));
        std::fs::write(&file, docx::to_bytes(&doc).unwrap()).unwrap();
        let profile = dir.path().join("lo-profile");
        let o = Command::new(&office)
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(dir.path())
            .arg(&file)
            .output()
            .expect("libreoffice runs");
        let pdf = file.with_extension("pdf");
        assert!(
            pdf.is_file(),
            "no PDF: {}\n{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        // In layout mode, so two cells side by side are never read as one word.
        let o = Command::new(&pdftotext)
            .arg("-layout")
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        // Word by word, without hyphens, which pdftotext drops at a line's end; a
        // table cell's words in order, whatever the lines its column breaks them into.
        let words = |s: &str| {
            s.replace('-', " ")
                .replace('/', " / ")
                .split_whitespace()
                .map(String::from)
                .collect::<Vec<_>>()
        };
        let pdf_words = words(&String::from_utf8_lossy(&o.stdout));
        // pdftotext may put a paragraph's last line before its first; each text's
        // words are all on the page, as often as the text has them.
        let mut bag: std::collections::HashMap<&str, usize> = Default::default();
        for w in &pdf_words {
            *bag.entry(w.as_str()).or_default() += 1;
        }
        for text in texts(&doc) {
            let mut need: std::collections::HashMap<&str, usize> = Default::default();
            let want = words(&text);
            for w in &want {
                *need.entry(w.as_str()).or_default() += 1;
            }
            for (w, n) in need {
                assert!(
                    bag.get(w).copied().unwrap_or(0) >= n,
                    "{name}: «{w}» of «{text}» not in the PDF"
                );
            }
        }
        if name == "bao-cao" {
            // Several pages; the second begins with its number.
            let o = Command::new(&pdftotext)
                .args(["-f", "2", "-l", "2"])
                .arg(&pdf)
                .arg("-")
                .output()
                .unwrap();
            let page2 = String::from_utf8_lossy(&o.stdout).to_string();
            let first = page2
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or_default();
            assert_eq!(first.trim(), "2", "{page2}");
        }
        let whole = pdf_words.join(" ");
        assert!(
            whole.contains(&words(&doc.summary).join(" ")),
            "{name}: the summary line"
        );
    }
}

fn db(dir: &Path) -> String {
    dir.join("demo.db").to_str().unwrap().to_string()
}

/// Markdown without -o is printed; DOCX without -o goes beside the database, a second
/// time as "(2)"; -o a directory names it there.
#[test]
fn cli_prints_markdown_and_writes_docx_beside_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = db(dir.path());
    let o = tct(&[
        "--demo",
        "--db",
        &db,
        "export",
        "tasks-report",
        "--format",
        "md",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let md = String::from_utf8(o.stdout).unwrap();
    assert!(md.contains("# BÁO CÁO") && md.contains("## II. KẾT QUẢ THEO ĐƠN VỊ"));
    for n in ["", " (2)"] {
        let o = tct(&[
            "--demo",
            "--db",
            &db,
            "export",
            "unit-brief",
            "--unit",
            "trang dinh",
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let path = String::from_utf8_lossy(&o.stdout).trim().to_string();
        assert!(
            path.ends_with(&format!("tom-tat-trang-dinh-20220923{n}.docx")),
            "{path}"
        );
        assert!(Path::new(&path).starts_with(dir.path()) && Path::new(&path).is_file());
    }
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let o = tct(&[
        "--demo",
        "--db",
        &db,
        "export",
        "tasks-report",
        "--unit",
        "cao loc",
        "-o",
        s(&out),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let path = String::from_utf8_lossy(&o.stdout).trim().to_string();
    assert!(
        path.ends_with("bao-cao-nhiem-vu-cao-loc-20220923.docx"),
        "{path}"
    );
    assert!(Path::new(&path).starts_with(&out));
}

/// Mistakes get one line on stderr, a failing exit status, and no file.
#[test]
fn cli_mistakes_are_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = db(dir.path());
    let out = dir.path().join("x.docx");
    let cases: [(&[&str], &str); 6] = [
        (&["tasks-report", "--from", "31/02/2022"], "--from"),
        (
            &["tasks-report", "--from", "30/09/2022", "--to", "01/07/2022"],
            "--to",
        ),
        (&["tasks-report", "--unit", "khong co"], "khong co"),
        (
            &["unit-brief", "--unit", "Hoàng Văn Thụ"],
            "Hoàng Văn Thụ (xã, Bình Gia)",
        ),
        (
            &["unit-brief", "--unit", "trang dinh", "--format", "xlsx"],
            "xlsx",
        ),
        (&["unit-brief"], "--unit"),
    ];
    for (args, needle) in cases {
        let mut all = vec!["--demo", "--db", &db, "export"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["-o", s(&out)]);
        let o = tct(&all);
        assert!(!o.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(needle), "{args:?}: {err}");
        assert!(!out.exists(), "{args:?}");
    }
}

/// `e` on a unit writes its brief beside the database and says where, never over a
/// brief already there (edited in Word since, perhaps).
#[test]
fn e_on_a_unit_writes_its_brief_beside_the_database() {
    use common::{key, type_text};
    use ratatui::crossterm::event::KeyCode;

    let (dir, mut app) = common::demo_app(120, 40);
    type_text(&mut app, "/trang dinh");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('e'));
    let name = "tom-tat-trang-dinh-20220923.docx";
    let path = dir.path().join(name);
    assert!(path.is_file(), "{:?}", app.message());
    let message = app.message().unwrap_or_default().to_string();
    assert!(message.contains(name), "{message}");
    let xml = part(&std::fs::read(&path).unwrap(), "word/document.xml");
    assert!(xml.contains("Tràng Định, số liệu đến ngày 23/09/2022"));

    std::fs::write(&path, b"edited in Word").unwrap();
    key(&mut app, KeyCode::Char('e'));
    let second = dir.path().join("tom-tat-trang-dinh-20220923 (2).docx");
    assert!(second.is_file(), "{:?}", app.message());
    assert_eq!(std::fs::read(&path).unwrap(), b"edited in Word");

    // The `?` overlay lists the key, from the same table the app reads.
    key(&mut app, KeyCode::Char('?'));
    let mut seen = common::render(&app);
    for _ in 0..60 {
        key(&mut app, KeyCode::Down);
        seen.push_str(&common::render(&app));
    }
    assert!(seen.contains("ghi tóm tắt trước buổi kiểm tra"), "{seen}");
}

/// The report's number follows `tct config report_symbol`, its signer `signer_title`.
#[test]
fn settings_give_the_reports_number_and_signer() {
    let dir = tempfile::tempdir().unwrap();
    let db = db(dir.path());
    for (k, v) in [
        ("report_symbol", "45/BC-UBND"),
        ("signer_title", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"),
    ] {
        let o = tct(&["--demo", "--db", &db, "config", k, v]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let o = tct(&[
        "--demo",
        "--db",
        &db,
        "export",
        "tasks-report",
        "--format",
        "md",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let md = String::from_utf8(o.stdout).unwrap();
    assert!(md.contains("\nSố: 45/BC-UBND\n"), "{md}");
    assert!(md.contains("**KT. CHỦ TỊCH**  \n**PHÓ CHỦ TỊCH**"), "{md}");
    assert!(!md.contains("TL. CHỦ TỊCH"), "{md}");
}
