//! End-to-end tests of the inspection form: run the real `tct` binary in a
//! pseudo-terminal, type a record as a person would, and check both the screen (through
//! a vt100 terminal emulator) and what reached the SQLite file (read directly with
//! rusqlite, read-only).
//!
//! Every wait is bounded; a child that outlives its test is killed when the harness drops.

// The pseudo-terminal harness drives a Unix pty; Windows has only its ConPTY, which
// Wine does not emulate faithfully, so these run on Linux and not in the Wine run.
#![cfg(unix)]

mod common;

use std::thread;
use std::time::{Duration, Instant};

use common::inspection::*;
use common::pty::{Tui, db_path, temp_dir};

#[test]
fn save_and_reopen_byte_for_byte() {
    // Typed exactly as written here: NFC, as a Vietnamese keyboard produces it.
    const ASSESSMENT: &str =
        "Huyện đã triển khai đồng bộ, bài bản; kết quả tích cực — 100% cán bộ có tài khoản.";
    const ASSESSMENT_2: &str =
        "Tuy nhiên việc ứng dụng ở một số xã còn chậm, chưa thường xuyên cập nhật dữ liệu.";
    const DIRECTIVE_1: &str =
        "Khẩn trương rà soát, hoàn thiện hồ sơ giải phóng mặt bằng các dự án trọng điểm.";
    const DIRECTIVE_2: &str = "Hướng dẫn huyện quyết toán vốn đầu tư công năm 2022 đúng quy định.";
    for s in [ASSESSMENT, ASSESSMENT_2, DIRECTIVE_1, DIRECTIVE_2] {
        assert!(
            unicode_normalization::is_nfc(s),
            "test text must be NFC: {s}"
        );
    }
    let assessment = format!("{ASSESSMENT}\n{ASSESSMENT_2}");

    let dir = temp_dir();
    let mut tui = Tui::demo(120, 36, &dir, &[]);
    tui.filter_trang_dinh();
    tui.new_inspection();

    // Item 1, the assessment, on two lines (Enter breaks the line in an item's text).
    tui.send(ASSESSMENT);
    tui.send(ENTER);
    tui.send(ASSESSMENT_2);
    tui.wait_editor(ASSESSMENT_2);

    // Item 2: a directive for the inspected unit itself (unit left empty).
    tui.send(CTRL_N);
    tui.send(CTRL_T);
    tui.wait_for("Mục 2/2 · Chỉ đạo");
    tui.send(DIRECTIVE_1);
    tui.send(TAB);
    tui.send(TAB);
    tui.send("31/12/2022");
    tui.wait_for("Hạn xử lý: 31/12/2022");

    // Item 3: a directive for Sở Tài chính, completed from what was typed, due in 30 days.
    tui.send(CTRL_N);
    tui.wait_for("Mục 3/3 · Chỉ đạo");
    tui.send(DIRECTIVE_2);
    tui.send(TAB);
    tui.send("so tai chinh");
    tui.wait_for("Gợi ý: Sở Tài chính");
    tui.send(CTRL_SPACE);
    tui.wait_for("Đơn vị thực hiện: Sở Tài chính");
    tui.send(TAB);
    tui.send("+30");
    tui.wait_for("Hạn xử lý: +30");

    tui.send(CTRL_S);
    tui.wait_for("Đã lưu biên bản");
    tui.wait_for("đã lưu ");
    tui.leave_saved_form();
    tui.quit_with("q");
    drop(tui);

    {
        let db = open_db(&dir);
        assert_eq!(
            count(&db, "inspection"),
            DEMO_INSPECTIONS + 1,
            "one inspection should have been added"
        );
        let id = newest_trang_dinh_inspection(&db, "2022-09-23")
            .expect("an inspection of Tràng Định on 2022-09-23");
        assert!(id > DEMO_INSPECTIONS, "the newest inspection is the demo's");
        let items = items_of(&db, id);
        let kinds: Vec<&str> = items.iter().map(|i| i.0.as_str()).collect();
        assert_eq!(kinds, ["result", "directive", "directive"], "item kinds");
        let texts: Vec<&[u8]> = items.iter().map(|i| i.1.as_bytes()).collect();
        assert_eq!(
            texts,
            [
                assessment.as_bytes(),
                DIRECTIVE_1.as_bytes(),
                DIRECTIVE_2.as_bytes()
            ],
            "item texts, byte for byte"
        );
        assert_eq!(items[1].2.as_deref(), Some("Tràng Định"));
        assert_eq!(items[1].3.as_deref(), Some("2022-12-31"));
        assert_eq!(items[2].2.as_deref(), Some("Sở Tài chính"));
        assert_eq!(items[2].3.as_deref(), Some("2022-10-23"));

        let tasks: Vec<(i64, String, String, Option<String>)> = db
            .prepare(
                "SELECT t.id, t.title, u.name, t.deadline FROM task t JOIN unit u ON u.id = t.unit_id
                 WHERE t.inspection_id = ?1 ORDER BY t.id",
            )
            .unwrap()
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let summary: Vec<(&str, &str, Option<&str>)> = tasks
            .iter()
            .map(|t| (t.1.as_str(), t.2.as_str(), t.3.as_deref()))
            .collect();
        assert_eq!(
            summary,
            [
                (DIRECTIVE_1, "Tràng Định", Some("2022-12-31")),
                (DIRECTIVE_2, "Sở Tài chính", Some("2022-10-23")),
            ],
            "the directives' tasks (title, unit, deadline)"
        );
        assert_eq!(items[1].4, Some(tasks[0].0), "item 2 links its task");
        assert_eq!(items[2].4, Some(tasks[1].0), "item 3 links its task");
        assert_eq!(unsaved_drafts(&db), [], "a saved form leaves no draft");
    }

    // A second run on the same file lists the new inspection in the unit's history.
    let db = db_path(&dir);
    let db = db.to_str().expect("utf-8 temp path");
    let mut tui = Tui::spawn(120, 36, dir.path(), &["--db", db]);
    tui.filter_trang_dinh();
    tui.send("i");
    tui.wait_for("Các lần kiểm tra · Tràng Định");
    tui.wait_until("two inspections dated 23/09/2022 in the history", |t| {
        t.box_lines("Các lần kiểm tra")
            .unwrap_or_default()
            .iter()
            .filter(|l| l.contains("23/09/2022"))
            .count()
            == 2
    });
    let rows = tui.box_lines("Các lần kiểm tra").unwrap_or_default();
    // Ours: 3 items, 2 of them directives.
    if !rows.iter().any(|l| {
        l.contains("23/09/2022")
            && l.split_whitespace().rev().take(2).collect::<Vec<_>>() == ["2", "3"]
    }) {
        tui.fail("the history should list the new inspection with 3 items, 2 directives");
    }
    tui.send(ESC);
    tui.wait_gone("Các lần kiểm tra");
    tui.quit_with("q");
}

#[test]
fn bad_deadline_saves_nothing() {
    const RESULT: &str = "Kết quả tốt.";
    const DIRECTIVE: &str = "Báo cáo kết quả thực hiện trước kỳ họp cuối năm.";
    let dir = temp_dir();
    let mut tui = Tui::demo(120, 36, &dir, &[]);
    tui.filter_trang_dinh();
    assert_eq!(count(&open_db(&dir), "inspection"), DEMO_INSPECTIONS);
    tui.new_inspection();

    tui.send(RESULT);
    tui.send(CTRL_N);
    tui.send(CTRL_T);
    tui.wait_for("Mục 2/2 · Chỉ đạo");
    tui.send(DIRECTIVE);
    tui.send(TAB);
    tui.send(TAB);
    tui.send("31/02/2023");
    tui.wait_for("Hạn xử lý: 31/02/2023");
    tui.send(CTRL_S);
    tui.wait_for("không tồn tại");

    {
        let db = open_db(&dir);
        assert_eq!(
            count(&db, "inspection"),
            DEMO_INSPECTIONS,
            "a rejected save must add no inspection"
        );
        assert_eq!(
            db.query_row(
                "SELECT count(*) FROM conclusion_item WHERE text = ?1",
                [DIRECTIVE],
                |r| r.get::<_, i64>(0)
            )
            .unwrap(),
            0,
            "a rejected save must add no item"
        );
    }
    // Nothing typed is lost: both items and the bad deadline are still there.
    if tui.screen().contains("Đã lưu") {
        tui.fail("a rejected save must not say it saved");
    }
    if !tui.editor_text().contains(DIRECTIVE) {
        tui.fail("the directive's text should still be in the editor");
    }
    if !tui.box_text("Kết luận (2)").contains(RESULT) {
        tui.fail("item 1 should still be listed");
    }
    if !tui.screen().contains("Hạn xử lý: 31/02/2023") {
        tui.fail("the bad deadline should still be there to fix");
    }
    if !tui.screen().contains("[chưa lưu]") {
        tui.fail("the title should still say the record is not saved");
    }

    // Leave without saving.
    tui.send(ESC);
    tui.wait_for(UNSAVED_DIALOG);
    tui.send(CTRL_X);
    tui.wait_gone(FORM_TITLE);
    tui.wait_for("Đơn vị (1)");
    tui.quit_with("q");
    drop(tui);
    let db = open_db(&dir);
    assert_eq!(count(&db, "inspection"), DEMO_INSPECTIONS);
    assert_eq!(
        unsaved_drafts(&db),
        [],
        "discarding leaves no unsaved draft"
    );
    assert_eq!(discarded_drafts(&db), 1, "the discarded draft is kept");
}

#[test]
fn kill_mid_sentence_and_restore() {
    const CHUNKS: [&str; 4] = [
        "Đề nghị huyện khẩn trương rà soát, ",
        "hoàn thiện hồ sơ giải phóng mặt bằng ",
        "các dự án trọng điểm, bảo đảm tiến độ ",
        "giải ngân vốn đầu tư công năm 2022",
    ];
    const MORE: &str = " trước ngày";
    let before_pause = CHUNKS.concat();
    let typed = format!("{before_pause}{MORE}");

    let dir = temp_dir();
    let mut tui = Tui::demo(120, 36, &dir, &[]);
    tui.filter_trang_dinh();
    tui.new_inspection();
    for (i, chunk) in CHUNKS.iter().enumerate() {
        if i > 0 {
            // The typist's rhythm, quicker than the draft's writes: not a wait for tct.
            thread::sleep(Duration::from_millis(400));
        }
        tui.send(chunk);
    }
    tui.wait_editor(&before_pause);
    // Typing stopped: the draft is due at most about a second later, with no key
    // pressed to prompt it. Look while tct still runs (WAL lets a reader in), until it
    // holds exactly what was typed; a draft never written without a key fails here.
    let stopped = Instant::now();
    let mut texts = None;
    let written = common::poll_until(Duration::from_secs(5), || {
        texts = draft(&open_db(&dir)).as_ref().map(draft_texts);
        texts.as_deref() == Some(std::slice::from_ref(&before_pause))
    });
    if !written {
        tui.fail(&format!(
            "{:?} after typing stopped the draft should hold exactly what was typed\n  \
             draft: {texts:?}\n  typed: {before_pause:?}",
            stopped.elapsed()
        ));
    }
    // A few more keys, and the power goes off before the next write is due.
    tui.send(MORE);
    tui.kill_hard();
    drop(tui);

    let draft_text = {
        let db = open_db(&dir);
        let draft = draft(&db).expect("the draft row survives the kill");
        let texts = draft_texts(&draft);
        assert_eq!(
            texts.len(),
            1,
            "the draft holds the one item typed: {texts:?}"
        );
        let text = texts[0].clone();
        assert!(
            text.starts_with(&before_pause) && typed.starts_with(&text),
            "the draft should hold everything typed before the pause\n  draft: {text:?}\n  typed: {typed:?}"
        );
        assert_eq!(
            count(&db, "inspection"),
            DEMO_INSPECTIONS,
            "nothing was saved"
        );
        text
    };

    // The next start offers the draft back, with its unit; Enter restores it.
    let mut tui = Tui::demo(120, 36, &dir, &[]);
    tui.wait_for(DRAFT_DIALOG);
    tui.wait_until("the draft listed with its unit", |t| {
        t.drafts_listed().contains("chưa lưu Tràng Định")
    });
    tui.past_guard();
    tui.send(ENTER);
    tui.wait_for(FORM_TITLE);
    tui.wait_gone(DRAFT_DIALOG);
    tui.wait_editor(&before_pause);
    tui.wait_for("[chưa lưu]");

    tui.send(CTRL_S);
    tui.wait_for("Đã lưu biên bản");
    tui.leave_saved_form();
    tui.quit_with("q");
    drop(tui);

    let db = open_db(&dir);
    assert_eq!(unsaved_drafts(&db), [], "saving removes the draft");
    assert_eq!(count(&db, "inspection"), DEMO_INSPECTIONS + 1);
    let id = newest_trang_dinh_inspection(&db, "2022-09-23").expect("the restored inspection");
    let items = items_of(&db, id);
    let texts: Vec<&str> = items.iter().map(|i| i.1.as_str()).collect();
    assert_eq!(
        texts,
        [draft_text.trim_end()],
        "the saved inspection holds the restored text"
    );
    assert_eq!(items[0].0, "result");
}

#[test]
fn unsaved_form_asks_before_quitting() {
    const TEXT: &str = "Công tác cải cách hành chính có chuyển biến rõ nét.";
    let dir = temp_dir();
    let mut tui = Tui::demo(120, 36, &dir, &[]);
    tui.filter_trang_dinh();
    tui.new_inspection();
    tui.send(TEXT);
    tui.wait_editor(TEXT);

    // Esc asks; Esc again keeps editing, with the text intact.
    tui.send(ESC);
    tui.wait_for(UNSAVED_DIALOG);
    tui.send(ESC);
    tui.wait_gone(UNSAVED_DIALOG);
    if !tui.screen().contains(FORM_TITLE) || !tui.editor_text().contains(TEXT) {
        tui.fail("keep editing should leave the form open with its text");
    }

    // A sentence typed on after Esc goes into the form: no letter answers. (Sent once
    // the dialog shows: ESC and a key in one read are Alt and that key to a terminal.)
    const ON: &str = " bảo đảm tiến độ.";
    tui.send(ESC);
    tui.wait_for(UNSAVED_DIALOG);
    tui.send(ON);
    tui.wait_editor(&format!("{TEXT}{ON}"));
    if tui.screen().contains(UNSAVED_DIALOG) {
        tui.fail("typing on should drop the question");
    }

    // Ctrl-C asks too; discarding (Ctrl-X) then quits, as Ctrl-C asked.
    tui.send(CTRL_C);
    tui.wait_for(UNSAVED_DIALOG);
    tui.quit_with(CTRL_X);
    drop(tui);

    let db = open_db(&dir);
    assert_eq!(
        count(&db, "inspection"),
        DEMO_INSPECTIONS,
        "discarding adds no inspection"
    );
    assert_eq!(
        unsaved_drafts(&db),
        [],
        "discarding leaves no unsaved draft"
    );
    assert_eq!(discarded_drafts(&db), 1, "the discarded draft is kept");
}

/// Two windows on one file, each typing its own record, both killed mid-sentence:
/// the next start offers both drafts back, and two new windows each restore one.
#[test]
fn two_windows_killed_mid_sentence_both_come_back() {
    const ONE: &str = "Cửa sổ một: đề nghị huyện khẩn trương rà soát hồ sơ";
    const TWO: &str = "Cửa sổ hai: bảo đảm tiến độ giải ngân vốn đầu tư công";
    const MORE: &str = " trước ngày";
    let dir = temp_dir();
    let mut a = Tui::demo(120, 36, &dir, &[]);
    a.filter_trang_dinh();
    // The second window once the first has made the demo; both on one unit.
    let mut b = Tui::demo(120, 36, &dir, &[]);
    b.filter_trang_dinh();
    a.new_inspection();
    a.send(ONE);
    a.wait_editor(ONE);
    // B's `n` while A types: A runs, so its draft is not B's to be offered.
    b.new_inspection();
    b.send(TWO);
    b.wait_editor(TWO);
    // Both drafts reach the file within about a second of the typing stopping.
    let mut drafts = Vec::new();
    let written = common::poll_until(Duration::from_secs(5), || {
        drafts = unsaved_drafts(&open_db(&dir));
        drafts.len() == 2 && drafts.iter().any(|d| d.0 == ONE) && drafts.iter().any(|d| d.0 == TWO)
    });
    assert!(written, "both windows' drafts on disk: {drafts:?}");
    // Mid-sentence, the power goes.
    a.send(MORE);
    b.send(MORE);
    a.kill_hard();
    b.kill_hard();
    drop((a, b));

    // The next start offers both, each with its unit.
    let mut c = Tui::demo(120, 36, &dir, &[]);
    c.wait_for(DRAFT_DIALOG);
    c.wait_until("both drafts listed", |t| {
        let list = t.drafts_listed();
        list.matches("chưa lưu Tràng Định").count() == 2
            && list.contains("Cửa sổ một")
            && list.contains("Cửa sổ hai")
    });
    c.past_guard();
    c.send(ENTER);
    c.wait_for(FORM_TITLE);
    c.wait_for("[chưa lưu]");
    let first = if c.editor_text().contains(ONE) {
        ONE
    } else {
        TWO
    };
    c.wait_editor(first);
    let second = if first == ONE { TWO } else { ONE };

    // Another window while C runs: offered only the draft C did not take.
    let mut d = Tui::demo(120, 36, &dir, &[]);
    d.wait_for(DRAFT_DIALOG);
    let which: String = second.chars().take(10).collect();
    d.wait_until("only the other draft listed", |t| {
        let list = t.drafts_listed();
        list.matches("chưa lưu").count() == 1 && list.contains(&which)
    });
    d.past_guard();
    d.send(ENTER);
    d.wait_for(FORM_TITLE);
    d.wait_editor(second);

    for t in [&mut c, &mut d] {
        t.send(CTRL_S);
        t.wait_for("Đã lưu biên bản");
        t.leave_saved_form();
        t.quit_with("q");
    }
    drop((c, d));
    // The killed windows' lock files were swept, the others' removed as they quit.
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("-window-"))
        .collect();
    assert_eq!(left, Vec::<String>::new(), "no window's lock file left");
    let db = open_db(&dir);
    assert_eq!(unsaved_drafts(&db), [], "both saved");
    assert_eq!(count(&db, "inspection"), DEMO_INSPECTIONS + 2);
    for text in [ONE, TWO] {
        let n: i64 = db
            .query_row(
                "SELECT count(*) FROM conclusion_item WHERE text LIKE ?1 || '%'",
                [text],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 1, "{text:?} saved once");
    }
}

/// A target's reading half typed when the power goes off: the next start offers the
/// dialog's draft, Enter reopens the dialog with the value, and saving it deletes
/// the draft.
#[test]
fn kill_mid_reading_and_restore() {
    let dir = temp_dir();
    let mut tui = Tui::demo(120, 36, &dir, &[]);
    tui.filter_trang_dinh();
    tui.send(TAB); // the Targets pane
    tui.send("r");
    tui.wait_for("Số liệu chỉ tiêu");
    tui.send("98,5");
    tui.wait_for("98,5");
    // The draft is written with no other key pressed; look while tct still runs.
    let body = || -> Option<String> {
        open_db(&dir)
            .query_row(
                "SELECT body FROM draft WHERE discarded_at IS NULL",
                [],
                |r| r.get(0),
            )
            .ok()
    };
    if !common::poll_until(Duration::from_secs(5), || {
        body().is_some_and(|b| b.contains("98,5"))
    }) {
        tui.fail(&format!(
            "the dialog's draft should hold 98,5: {:?}",
            body()
        ));
    }
    tui.kill_hard();
    drop(tui);

    let mut tui = Tui::demo(120, 36, &dir, &[]);
    tui.wait_for(DRAFT_DIALOG);
    tui.wait_until("the dialog's draft listed with what was typed", |t| {
        let listed = t.drafts_listed();
        listed.contains("Số liệu chỉ tiêu «") && listed.contains("98,5")
    });
    tui.past_guard();
    tui.send(ENTER);
    tui.wait_gone(DRAFT_DIALOG);
    tui.wait_for("Số liệu chỉ tiêu");
    tui.wait_for("98,5");
    tui.send(ENTER);
    tui.send(ENTER);
    tui.wait_for("Đã ghi số liệu 98,5");
    tui.quit_with("q");
    drop(tui);
    assert_eq!(
        count(&open_db(&dir), "draft"),
        0,
        "saving deletes the draft"
    );
}

/// A mistaken record deleted from `i` in the meeting is gone from the list, and still
/// gone after tct is started again; `x` lists it, Ctrl-R brings it back with its tasks.
#[test]
fn delete_a_mistaken_record_and_restore_it_after_a_restart() {
    const DELETE: &str = "\x1b[3~";
    const CTRL_R: &str = "\x12";
    const LIST: &str = "Các lần kiểm tra · Tràng Định";
    let dir = temp_dir();
    let mut tui = Tui::demo(100, 30, &dir, &[]);
    tui.filter_trang_dinh();
    let tasks_before = count(&open_db(&dir), "task");
    tui.send("i");
    tui.wait_for(LIST);
    tui.wait_for("Phạm Hùng Trường");
    tui.send(DELETE);
    tui.wait_for("Xóa biên bản kiểm tra ngày 23/09/2022 (Tràng");
    // A letter typed on answers nothing.
    tui.send("q");
    tui.settle();
    tui.assert_screen_has("Ctrl-X");
    tui.send(CTRL_X);
    tui.wait_for("Đã xóa biên bản kiểm tra ngày 23/09/2022 (Tràng Định) và 10 nhiệm vụ");
    tui.wait_for("chưa có lần kiểm tra nào");
    tui.send(ESC);
    tui.wait_gone(LIST);
    tui.quit_with("q");
    drop(tui);
    {
        let db = open_db(&dir);
        assert_eq!(count(&db, "task"), tasks_before - 10);
        assert_eq!(count(&db, "deleted_task"), 10);
        let deleted_at: Option<String> = db
            .query_row(
                "SELECT i.deleted_at FROM inspection i JOIN unit u ON u.id = i.unit_id
                 WHERE u.name = 'Tràng Định' AND i.held_on = '2022-09-23'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(deleted_at.is_some(), "the record is kept, marked deleted");
    }

    let mut tui = Tui::demo(100, 30, &dir, &[]);
    tui.filter_trang_dinh();
    tui.send("i");
    tui.wait_for(LIST);
    tui.wait_for("chưa có lần kiểm tra nào");
    tui.send("x");
    tui.wait_for("kể cả đã xóa");
    tui.wait_for("đã xóa ");
    tui.send(CTRL_R);
    tui.wait_for("Đã khôi phục biên bản kiểm tra ngày 23/09/2022 (Tràng Định) và 10 nhiệm vụ");
    tui.send(ESC);
    tui.wait_gone(LIST);
    tui.quit_with("q");
    drop(tui);
    let db = open_db(&dir);
    assert_eq!(count(&db, "task"), tasks_before);
    assert_eq!(count(&db, "deleted_task"), 0);
}

/// The notice read before it is written, in a real terminal: Ctrl-P reaches tct as a
/// chord, the preview fills the screen, the wheel and End scroll it, letters typed in
/// it change nothing, Ctrl-E writes the DOCX beside the database, Esc goes back to the
/// form as it was.
#[test]
fn ctrl_p_previews_the_notice_and_ctrl_e_writes_it_from_there() {
    const PREVIEW: &str = "Xem trước thông báo kết luận #3 — Tràng Định";
    let dir = temp_dir();
    let mut tui = Tui::demo(100, 30, &dir, &[]);
    tui.filter_trang_dinh();
    tui.send("i");
    tui.wait_for("Các lần kiểm tra · Tràng Định");
    tui.send(ENTER);
    tui.wait_for(FORM_TITLE);
    tui.wait_for("đã lưu");
    tui.send("\x10");
    tui.wait_for(PREVIEW);
    tui.wait_for("THÔNG BÁO");
    tui.wait_for("1–27/");
    // A notch of the wheel: three rows.
    tui.send("\x1b[<65;10;10M");
    tui.wait_for("4–30/");
    // Letters are nobody's here.
    tui.send("q");
    tui.send("x");
    tui.wait_for("Bản xem trước chỉ để đọc");
    tui.assert_screen_has(PREVIEW);
    // End: the signer on the last row of the text.
    tui.send("\x1b[F");
    tui.wait_for("TL. CHỦ TỊCH");
    let notice = dir.path().join("thong-bao-3-trang-dinh-20220923.docx");
    assert!(!notice.exists());
    tui.send("\x05");
    tui.wait_for("Đã ghi thông báo kết luận");
    assert!(notice.is_file());
    tui.send(ESC);
    tui.wait_gone(PREVIEW);
    tui.wait_for(FORM_TITLE);
    // Nothing typed reached the form: it closes without asking.
    tui.leave_saved_form();
    tui.quit_with("q");
}
