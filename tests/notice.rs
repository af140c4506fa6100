//! The notice of conclusions (Thông báo kết luận): its parts from the demo's inspection
//! of Tràng Định, the DOCX file (page, margins, font, texts), its render to PDF by
//! LibreOffice, and `tct export inspection` from the command line.

mod common;

use common::tct;

use std::io::Read;
use std::path::Path;

use tct::domain::inspection::ItemKind;
use tct::model::{Ctx, InspectionInput, ItemInput};
use tct::notice::NoticeFormat;
use tct::notice::{self, Notice};
use tct::store::Store;

fn trang_dinh(store: &Store, ctx: &Ctx) -> i64 {
    let (unit, _) = store.resolve_unit(ctx.as_of, "trang dinh").unwrap();
    store.inspection_ids(Some(unit)).unwrap()[0]
}

fn demo_notice() -> (tempfile::TempDir, Store, Ctx, i64, Notice) {
    let (dir, store) = common::demo_store();
    let ctx = common::ctx("23/09/2022");
    let id = trang_dinh(&store, &ctx);
    let n = notice::notice_of(&store, &ctx, id)
        .unwrap()
        .expect("the inspection");
    (dir, store, ctx, id, n)
}

/// Each needle is found after the one before it.
fn in_order(haystack: &str, needles: &[&str]) {
    let mut from = 0;
    for n in needles {
        match haystack[from..].find(n) {
            Some(i) => from += i + n.len(),
            None => panic!("«{n}» not found after byte {from} in:\n{haystack}"),
        }
    }
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

fn document_xml(bytes: &[u8]) -> String {
    part(bytes, "word/document.xml")
}

#[test]
fn parts_come_in_the_decrees_order() {
    let (_dir, _store, _ctx, _id, n) = demo_notice();
    let all = n.texts().join("\n");
    in_order(
        &all,
        &[
            "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Số:      /TB-UBND",
            "Lạng Sơn, ngày 23 tháng 9 năm 2022",
            "THÔNG BÁO",
            "Kết luận của Tổ công tác của Chủ tịch UBND tỉnh tại buổi kiểm tra việc thực hiện nhiệm vụ tại huyện Tràng Định",
            "Ngày 23/9/2022, Tổ công tác của Chủ tịch UBND tỉnh do đồng chí Phạm Hùng Trường, Chánh Văn phòng UBND tỉnh",
            "Tham dự có",
            "Lăng Văn Khánh, Chủ tịch UBND huyện Tràng Định",
            // The unit's report, summed up: its first sentence, then its figures.
            "Trong 9 tháng đầu năm 2022, thực hiện các nhiệm vụ UBND tỉnh",
            "kế hoạch đã đề ra.\nTheo báo cáo của UBND huyện Tràng Định và số liệu theo dõi đến ngày 23/9/2022, huyện Tràng Định có 02/14 chỉ tiêu chủ yếu đạt và vượt kế hoạch, 04/14 chỉ tiêu đạt trên 70%, 08/14 chỉ tiêu đạt dưới 70% kế hoạch; đã hoàn thành đúng hạn 11/11 nhiệm vụ",
            "kết luận như sau:",
            "I. KẾT QUẢ ĐẠT ĐƯỢC VÀ TỒN TẠI, HẠN CHẾ",
            "1. Kết quả đạt được",
            "đạt được kết quả tích cực.",
            "2. Tồn tại, hạn chế",
            "Còn 08/14 chỉ tiêu",
            "II. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI",
            "Đề nghị UBND huyện Tràng Định tập trung thực hiện tốt các nhiệm vụ sau:",
            "- Đẩy nhanh tiến độ giải ngân vốn đầu tư công (Thời hạn: 31/12/2022);",
            "UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.",
            "Nơi nhận:",
            "- UBND huyện Tràng Định;",
            "- Lưu: VT.",
            "Phạm Hùng Trường",
        ],
    );
    // Broken before the place, both lines the body's own name.
    assert_eq!(n.issuing_body, ["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN"]);
    assert_eq!(n.issuing_own, 2);
    assert_eq!(n.title, "THÔNG BÁO");
    // No signer set: the Office's chief signs on the Chairman's behalf.
    assert_eq!(n.signer_title, ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]);
    // No proposals at Tràng Định: no third section.
    assert_eq!(n.sections.len(), 2);
}

/// The whole text of the demo's Tràng Định notice, as the Markdown writes it: a
/// change to any part shows here.
#[test]
fn the_markdown_of_the_demo_notice() {
    let (_dir, _store, _ctx, _id, n) = demo_notice();
    let md = String::from_utf8(notice::render(&n, NoticeFormat::Md).unwrap()).unwrap();
    insta::assert_snapshot!("notice_trang_dinh_md", md);
}

/// The figures are the unit's on the day of the inspection, whatever the day the
/// notice is written.
#[test]
fn the_figures_are_those_of_the_inspection_day() {
    let (_dir, store, ctx, id, n) = demo_notice();
    let later = common::ctx("31/12/2022");
    let again = notice::notice_of(&store, &later, id).unwrap().unwrap();
    assert_eq!(again.opening, n.opening);
    let (unit, _) = store.resolve_unit(ctx.as_of, "trang dinh").unwrap();
    let then = store.unit_row(&ctx, unit).unwrap().unwrap().card;
    let now = store.unit_row(&later, unit).unwrap().unwrap().card;
    assert_ne!(then, now, "the demo's figures move after the inspection");
}

#[test]
fn the_date_line_follows_the_leading_zero_rule() {
    let (_dir, _store, _ctx, _id, n) = demo_notice();
    assert_eq!(n.place_date, "Lạng Sơn, ngày 23 tháng 9 năm 2022");
    let d = common::date;
    assert_eq!(
        notice::model::date_words(d("05/02/2022")),
        "ngày 05 tháng 02 năm 2022"
    );
    assert_eq!(
        notice::model::date_words(d("09/03/2023")),
        "ngày 09 tháng 3 năm 2023"
    );
    assert_eq!(
        notice::model::date_words(d("10/01/2024")),
        "ngày 10 tháng 01 năm 2024"
    );
}

#[test]
fn directives_are_grouped_by_unit_with_deadlines() {
    let (_dir, store, ctx, _id, n) = demo_notice();
    let directives = &n.sections[1];
    assert_eq!(directives.groups.len(), 1);
    let g = &directives.groups[0];
    // One unit: no numbered heading, a sentence that asks it to act.
    assert_eq!(g.heading, None);
    assert_eq!(
        g.lead.as_deref(),
        Some("Đề nghị UBND huyện Tràng Định tập trung thực hiện tốt các nhiệm vụ sau:")
    );
    assert_eq!(g.paragraphs.len(), 10);
    assert!(g.paragraphs.iter().all(|p| p.starts_with("- ")));
    // ";" between the items, "." after the last.
    assert!(g.paragraphs[..9].iter().all(|p| p.ends_with(';')));
    assert!(g.paragraphs[9].ends_with("đã đề ra."));
    assert_eq!(
        g.paragraphs
            .iter()
            .filter(|p| p.contains("(Thời hạn: 31/12/2022)"))
            .count(),
        4
    );
    assert!(g.paragraphs.contains(
        &"- Quan tâm rà soát, tăng cường đầu tư trang thiết bị cho bộ phận một cửa các cấp (Thời hạn: 31/10/2022);".to_string()
    ));

    // Cao Lộc's directives go to the district and to a department; its proposal-free
    // notice still lists both units, the district first, and sends it to both.
    let (unit, _) = store.resolve_unit(ctx.as_of, "cao loc").unwrap();
    let id = store.inspection_ids(Some(unit)).unwrap()[0];
    let n = notice::notice_of(&store, &ctx, id).unwrap().unwrap();
    let heads: Vec<&str> = n.sections[1]
        .groups
        .iter()
        .filter_map(|g| g.heading.as_deref())
        .collect();
    assert_eq!(
        heads,
        [
            "1. Đề nghị UBND huyện Cao Lộc tập trung thực hiện tốt các nhiệm vụ sau:",
            "2. Đề nghị Sở Kế hoạch và Đầu tư thực hiện các nhiệm vụ sau:"
        ]
    );
    assert_eq!(n.sections[1].groups[0].paragraphs.len(), 4);
    assert_eq!(n.place_date, "Lạng Sơn, ngày 15 tháng 3 năm 2022");
    assert!(
        n.recipients
            .contains(&"- Sở Kế hoạch và Đầu tư;".to_string())
    );

    // Bình Gia's has a proposal: a third section.
    let (unit, _) = store.resolve_unit(ctx.as_of, "binh gia").unwrap();
    let id = store.inspection_ids(Some(unit)).unwrap()[0];
    let n = notice::notice_of(&store, &ctx, id).unwrap().unwrap();
    assert_eq!(n.sections[2].heading, "III. KIẾN NGHỊ");
    assert!(n.sections[2].groups[0].paragraphs[0].starts_with("- UBND huyện Bình Gia kiến nghị"));
}

#[test]
fn settings_change_the_number_and_the_signer() {
    let (_dir, mut store, ctx, id, _) = demo_notice();
    store.set_setting("number_symbol", "125/TB-UBND").unwrap();
    store
        .set_setting("signer_title", "TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG")
        .unwrap();
    store
        .set_setting("signer_name", "Phạm Hùng Trường")
        .unwrap();
    store
        .set_setting(
            "recipients",
            "Chủ tịch, các PCT UBND tỉnh;\nC, PCVP UBND tỉnh;",
        )
        .unwrap();
    let n = notice::notice_of(&store, &ctx, id).unwrap().unwrap();
    assert_eq!(n.number, "Số: 125/TB-UBND");
    assert_eq!(n.signer_title, ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]);
    assert_eq!(
        n.recipients,
        [
            "- Chủ tịch, các PCT UBND tỉnh;",
            "- C, PCVP UBND tỉnh;",
            "- UBND huyện Tràng Định;",
            "- Lưu: VT."
        ]
    );
}

#[test]
fn docx_is_a4_times_new_roman_with_the_texts() {
    let (_dir, _store, _ctx, _id, n) = demo_notice();
    let bytes = notice::render(&n, NoticeFormat::Docx).unwrap();
    assert!(bytes.starts_with(b"PK"), "a zip file");
    let xml = document_xml(&bytes);
    for text in [
        "ỦY BAN NHÂN DÂN",
        "TỈNH LẠNG SƠN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Lạng Sơn, ngày 23 tháng 9 năm 2022",
        "THÔNG BÁO",
        "tại huyện Tràng Định",
        "II. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI",
        "Đề nghị UBND huyện Tràng Định tập trung thực hiện tốt các nhiệm vụ sau:",
        "- Tăng cường công tác thu ngân sách (Thời hạn: 31/12/2022);",
        "Nơi nhận:",
        "- Lưu: VT.",
        "Phạm Hùng Trường",
    ] {
        assert!(xml.contains(text), "«{text}» not in document.xml");
    }
    in_order(
        &xml,
        &["THÔNG BÁO", "I. KẾT QUẢ", "II. NHIỆM VỤ", "Nơi nhận:"],
    );
    // A4, margins 20/20/30/15 mm.
    assert!(xml.contains(r#"<w:pgSz w:w="11906" w:h="16838""#), "A4");
    for margin in [
        r#"w:top="1134""#,
        r#"w:bottom="1134""#,
        r#"w:left="1701""#,
        r#"w:right="851""#,
    ] {
        assert!(xml.contains(margin), "{margin}");
    }
    // Times New Roman in every script slot; body 14 pt, justified, first line 1 cm.
    for slot in ["ascii", "hAnsi", "eastAsia", "cs"] {
        assert!(
            xml.contains(&format!(r#"w:{slot}="Times New Roman""#)),
            "{slot}"
        );
    }
    assert!(xml.contains(r#"<w:sz w:val="28" />"#), "14 pt");
    assert!(xml.contains(r#"<w:jc w:val="both" />"#), "justified");
    assert!(xml.contains(r#"w:firstLine="567""#), "first-line indent");
    // Header and signature are borderless two-column tables.
    assert_eq!(xml.matches("<w:tbl>").count(), 2);
}

/// Page 2 on carries its number, centred at the top; page 1 its own empty header.
#[test]
fn pages_are_numbered_from_the_second() {
    let (_dir, _store, _ctx, _id, n) = demo_notice();
    let bytes = notice::render(&n, NoticeFormat::Docx).unwrap();
    let xml = document_xml(&bytes);
    assert!(xml.contains("<w:titlePg"), "a first page of its own");
    let rels = part(&bytes, "word/_rels/document.xml.rels");
    let target = |kind: &str| {
        let id = xml
            .split(&format!(r#"w:type="{kind}" r:id=""#))
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_else(|| panic!("no {kind} header in {xml}"))
            .to_string();
        let rel = rels
            .split("<Relationship ")
            .find(|r| r.contains(&format!(r#"Id="{id}""#)))
            .expect("the header's relationship");
        let target = rel.split(r#"Target=""#).nth(1).unwrap();
        format!("word/{}", target.split('"').next().unwrap())
    };
    let default = part(&bytes, &target("default"));
    assert!(
        default.contains("<w:instrText>PAGE</w:instrText>"),
        "{default}"
    );
    assert!(default.contains(r#"<w:jc w:val="center" />"#), "{default}");
    assert!(
        default.contains(r#"<w:sz w:val="28" />"#),
        "14 pt: {default}"
    );
    let first = part(&bytes, &target("first"));
    assert!(!first.contains("PAGE"), "{first}");
}

/// Paragraph and run properties in the order of the OOXML schema (CT_PPr, CT_RPr: the
/// names a notice uses), and every run in Vietnamese, in the document and its headers.
#[test]
fn properties_follow_the_schema_and_runs_are_vietnamese() {
    use quick_xml::events::Event;
    const PPR: &[&str] = &["keepNext", "pBdr", "spacing", "ind", "jc", "rPr"];
    const RPR: &[&str] = &["rFonts", "b", "bCs", "i", "iCs", "sz", "szCs", "lang"];
    const SECTPR: &[&str] = &["headerReference", "pgSz", "pgMar", "cols", "titlePg"];
    const TBLPR: &[&str] = &["tblW", "jc", "tblBorders", "tblLayout", "tblCellMar"];
    const STYLE: &[&str] = &["name", "qFormat", "pPr", "rPr"];
    let (_dir, _store, _ctx, _id, n) = demo_notice();
    let bytes = notice::render(&n, NoticeFormat::Docx).unwrap();
    for name in [
        "word/document.xml",
        "word/header1.xml",
        "word/header2.xml",
        "word/styles.xml",
    ] {
        let xml = part(&bytes, name);
        assert!(
            !xml.contains(r#"<w:gridCol w:w="3686" w:type"#),
            "a grid column has a width only"
        );
        let mut reader = quick_xml::Reader::from_str(&xml);
        // The open elements, each with the rank of its last child.
        let mut stack: Vec<(String, usize)> = Vec::new();
        let mut runs = 0;
        let mut vietnamese = 0;
        loop {
            let (e, empty) = match reader.read_event().unwrap() {
                Event::Start(e) => (e, false),
                Event::Empty(e) => (e, true),
                Event::End(_) => {
                    stack.pop();
                    continue;
                }
                Event::Eof => break,
                _ => continue,
            };
            let local = e.local_name().as_ref().to_string();
            if let Some((parent, last)) = stack.last_mut() {
                let order = match parent.as_str() {
                    "pPr" => PPR,
                    "rPr" => RPR,
                    "sectPr" => SECTPR,
                    "tblPr" => TBLPR,
                    "style" => STYLE,
                    _ => &[],
                };
                if let Some(rank) = order.iter().position(|o| *o == local) {
                    assert!(
                        rank >= *last,
                        "{name}: <w:{local}> after a later sibling in <w:{parent}>"
                    );
                    *last = rank;
                } else {
                    assert!(
                        order.is_empty(),
                        "{name}: <w:{local}> unexpected in <w:{parent}>"
                    );
                }
                if parent == "rPr" && local == "lang" {
                    let val = e.try_get_attribute("w:val").unwrap().unwrap();
                    assert_eq!(val.value, "vi-VN");
                    if stack.len() >= 2 && stack[stack.len() - 2].0 == "r" {
                        vietnamese += 1;
                    }
                }
            }
            if local == "r" {
                runs += 1;
            }
            if !empty {
                stack.push((local, 0));
            }
        }
        // The first page's header is empty; the styles have no runs.
        assert!(
            runs > 0 || name == "word/header2.xml" || name == "word/styles.xml",
            "{name}"
        );
        assert_eq!(vietnamese, runs, "{name}: every run in Vietnamese");
    }
}

/// The document properties name the issuing body as author, and the time the file was
/// made, not docx-rs's "unknown" and 1970.
#[test]
fn the_document_properties_are_real() {
    let (_dir, _store, _ctx, _id, n) = demo_notice();
    let before = chrono::Utc::now() - chrono::Duration::seconds(1);
    let bytes = notice::render(&n, NoticeFormat::Docx).unwrap();
    let core = part(&bytes, "docProps/core.xml");
    assert!(
        core.contains("<dc:creator>ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN</dc:creator>"),
        "{core}"
    );
    assert!(core.contains("<dc:language>vi-VN</dc:language>"), "{core}");
    let created = core
        .split(r#"<dcterms:created xsi:type="dcterms:W3CDTF">"#)
        .nth(1)
        .and_then(|r| r.split('<').next())
        .expect("a creation time");
    let created = chrono::DateTime::parse_from_rfc3339(created).unwrap();
    assert!(
        created >= before && created <= chrono::Utc::now(),
        "{created}"
    );
    // Still a package LibreOffice and zip readers open: the same parts as before.
    assert!(document_xml(&bytes).contains("THÔNG BÁO"));
}

#[test]
fn saved_text_reaches_the_docx_intact_and_safe() {
    let (_dir, mut store) = common::demo_store();
    let ctx = common::ctx("23/09/2022");
    let (unit, _) = store.resolve_unit(ctx.as_of, "van lang").unwrap();
    let input = InspectionInput {
        unit_id: unit,
        held_on: common::date("05/02/2022"),
        chair_name: "Phạm Hùng Trường".into(),
        chair_title: "Chánh Văn phòng UBND tỉnh".into(),
        items: vec![
            ItemInput {
                kind: ItemKind::Result,
                // Decomposed (NFD) text, a bell, an escape sequence, and markup.
                text: "Va\u{306}n La\u{303}ng <đạt> & \u{7}\u{1b}[31mtốt\nDòng hai".into(),
                ..Default::default()
            },
            ItemInput {
                kind: ItemKind::Directive,
                text: "Rà soát hồ sơ".into(),
                deadline: Some(common::date("28/02/2022")),
                ..Default::default()
            },
        ],
        ..Default::default()
    };
    let id = store
        .save_inspection(&input, "2022-02-05 10:00:00")
        .unwrap();
    let n = notice::notice_of(&store, &ctx, id).unwrap().unwrap();
    assert_eq!(n.place_date, "Lạng Sơn, ngày 05 tháng 02 năm 2022");
    assert_eq!(
        n.sections[0].groups[0].paragraphs,
        ["Văn Lãng <đạt> & [31mtốt", "Dòng hai"]
    );
    assert_eq!(
        n.sections[1].groups[0].paragraphs,
        ["- Rà soát hồ sơ (Thời hạn: 28/02/2022)."]
    );
    let xml = document_xml(&notice::render(&n, NoticeFormat::Docx).unwrap());
    assert!(
        xml.contains("Văn Lãng &lt;đạt&gt; &amp; [31mtốt"),
        "escaped, NFC"
    );
    assert!(!xml.contains('\u{7}') && !xml.contains('\u{1b}'));
}

/// LibreOffice opens the file and renders it to PDF; the PDF is A4 and its text holds
/// the notice. Without LibreOffice or poppler's pdftotext and pdfinfo it fails under CI
/// (which installs them) and skips elsewhere. CI installs them on Linux, not in its
/// Windows run under Wine.
#[cfg(unix)]
#[test]
fn libreoffice_renders_the_docx() {
    use std::process::Command;
    let Some(office) = common::tool("LibreOffice", &["soffice", "libreoffice"]) else {
        return;
    };
    let Some(pdftotext) = common::tool("pdftotext (poppler-utils)", &["pdftotext"]) else {
        return;
    };
    let Some(pdfinfo) = common::tool("pdfinfo (poppler-utils)", &["pdfinfo"]) else {
        return;
    };
    let (dir, store, ctx, id, n) = demo_notice();
    let docx = notice::write_docx_for(&store, &ctx, id, dir.path()).unwrap();
    // Its own profile, so a running LibreOffice or a shared one cannot interfere.
    let profile = dir.path().join("lo-profile");
    let o = Command::new(office)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&docx)
        .output()
        .expect("libreoffice runs");
    let pdf = docx.with_extension("pdf");
    assert!(
        pdf.is_file(),
        "no PDF: {}\n{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    let o = Command::new(&pdftotext)
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&o.stdout);
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for needle in [
        "THÔNG BÁO",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Tràng Định",
        "Đẩy nhanh tiến độ giải ngân vốn đầu tư công",
        "Phạm Hùng Trường",
    ] {
        assert!(
            one_line.contains(needle),
            "«{needle}» not in the PDF:\n{text}"
        );
    }
    // Every line and paragraph the Markdown has, the PDF has, word for word; without
    // hyphens, which pdftotext drops at the end of a line.
    let words = |s: &str| {
        s.replace('-', " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let pdf_words = words(&text);
    for text in n.texts() {
        let text = words(&text);
        assert!(
            pdf_words.contains(&text),
            "«{text}» not in the PDF:\n{pdf_words}"
        );
    }
    let info = Command::new(pdfinfo).arg(&pdf).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(
        info.lines()
            .any(|l| l.starts_with("Page size:") && l.ends_with("(A4)")),
        "an A4 page:\n{info}"
    );
    // The demo's notice takes two pages: the second begins with its number, the first
    // with the issuing body.
    assert!(info.contains("Pages:           2"), "two pages:\n{info}");
    let page = |n: &str| {
        let o = Command::new(&pdftotext)
            .args(["-f", n, "-l", n])
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&o.stdout).to_string();
        text.lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or_default()
            .trim()
            .to_string()
    };
    assert_eq!(page("2"), "2");
    assert_eq!(page("1"), "ỦY BAN NHÂN DÂN");
}

fn db(dir: &Path) -> String {
    dir.join("demo.db").to_str().unwrap().to_string()
}

#[test]
fn cli_writes_the_notice_of_the_latest_inspection() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("tb.docx");
    let o = tct(&[
        "--demo",
        "--db",
        &db(dir.path()),
        "export",
        "inspection",
        "latest",
        "--unit",
        "trang dinh",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).trim(),
        out.to_str().unwrap()
    );
    let bytes = std::fs::read(&out).unwrap();
    assert!(!bytes.is_empty());
    assert!(document_xml(&bytes).contains("THÔNG BÁO"));

    let md = dir.path().join("tb.md");
    let o = tct(&[
        "--demo",
        "--db",
        &db(dir.path()),
        "export",
        "inspection",
        "latest",
        "--unit",
        "trang dinh",
        "--format",
        "md",
        "-o",
        md.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(text.contains("THÔNG BÁO"));
    assert!(text.contains("Lạng Sơn, ngày 23 tháng 9 năm 2022"));
    in_order(
        &text,
        &[
            "**ỦY BAN NHÂN DÂN**  \n**TỈNH LẠNG SƠN**",
            "# THÔNG BÁO",
            "## I. KẾT QUẢ",
            "## II. NHIỆM VỤ",
            "Đề nghị UBND huyện Tràng Định tập trung thực hiện tốt các nhiệm vụ sau:",
            "Nơi nhận:",
            "Phạm Hùng Trường",
        ],
    );

    // A directory as the output: the notice gets its usual name there.
    let o = tct(&[
        "--demo",
        "--db",
        &db(dir.path()),
        "export",
        "inspection",
        "latest",
        "--unit",
        "trang dinh",
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let path = String::from_utf8_lossy(&o.stdout).trim().to_string();
    assert!(path.ends_with("-trang-dinh-20220923.docx"), "{path}");
    assert!(Path::new(&path).is_file());
}

/// Mistakes get one line on stderr and exit status 2, and no file.
#[test]
fn cli_mistakes_are_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.docx");
    let out = out.to_str().unwrap();
    let db = db(dir.path());
    let cases: [(&[&str], &str); 4] = [
        (&["latest"], "--unit"),
        (&["999"], "#999"),
        (&["abc"], "«abc»"),
        (&["latest", "--unit", "khong co"], "khong co"),
    ];
    for (args, needle) in cases {
        let mut all = vec!["--demo", "--db", &db, "export", "inspection"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["-o", out]);
        let o = tct(&all);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(needle), "{args:?}: {err}");
        assert!(!Path::new(out).exists());
    }
    let missing = dir.path().join("no-such-dir").join("tb.docx");
    let o = tct(&[
        "--demo",
        "--db",
        &db,
        "export",
        "inspection",
        "latest",
        "--unit",
        "trang dinh",
        "-o",
        missing.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("no-such-dir"), "{err}");
}

/// In the inspection form, Ctrl-E writes the DOCX notice of the saved inspection
/// beside the database and says where, never over an earlier one; unsaved or
/// never-saved text must be saved first.
#[test]
fn ctrl_e_in_the_form_writes_the_notice_beside_the_database() {
    use common::{ctrl, key, new_record, type_text};
    use ratatui::crossterm::event::KeyCode;

    let (dir, mut app) = common::demo_app(120, 40);
    type_text(&mut app, "/trang dinh");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('i'));
    key(&mut app, KeyCode::Enter);
    let id = app
        .form()
        .expect("the demo's inspection opens")
        .data
        .inspection_id;
    let id = id.expect("a saved inspection");
    ctrl(&mut app, 'e');
    let name = format!("thong-bao-{id}-trang-dinh-20220923.docx");
    let path = dir.path().join(&name);
    assert!(path.is_file(), "{:?}", app.message());
    let message = app.message().unwrap_or_default().to_string();
    assert!(message.contains(&name), "{message}");
    assert!(document_xml(&std::fs::read(&path).unwrap()).contains("THÔNG BÁO"));
    std::fs::remove_file(&path).unwrap();

    // An edit not yet saved: nothing is written until Ctrl-S.
    type_text(&mut app, " Thêm.");
    ctrl(&mut app, 'e');
    assert!(!path.exists());
    assert_eq!(
        app.message(),
        Some(tct::i18n::t(tct::i18n::T::NoticeSaveFirst))
    );
    ctrl(&mut app, 's');
    ctrl(&mut app, 'e');
    assert!(path.is_file(), "{:?}", app.message());

    // The notice edited in Word since: Ctrl-E again keeps it and writes the next
    // free name, which the status line names.
    std::fs::write(&path, b"edited in Word").unwrap();
    ctrl(&mut app, 'e');
    let second = format!("thong-bao-{id}-trang-dinh-20220923 (2).docx");
    assert!(dir.path().join(&second).is_file(), "{:?}", app.message());
    let message = app.message().unwrap_or_default().to_string();
    assert!(message.contains(&second), "{message}");
    assert_eq!(std::fs::read(&path).unwrap(), b"edited in Word");

    // A new inspection never saved.
    key(&mut app, KeyCode::Esc);
    assert!(app.form().is_none());
    new_record(&mut app);
    assert!(app.form().is_some());
    ctrl(&mut app, 'e');
    assert_eq!(
        app.message(),
        Some(tct::i18n::t(tct::i18n::T::NoticeSaveFirst))
    );
}
