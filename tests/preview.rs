//! The notice read before it is written: Ctrl-P in the form, `p` (or Ctrl-P) in a
//! unit's inspections. It shows the text Ctrl-E would write, scrolls, writes the DOCX
//! with Ctrl-E, and takes no letter as a command or as text.

mod common;

use common::{ctrl, demo_app, key, render, type_text};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use tct::app::{Action, App, Overlay};
use tct::i18n::{T, t};
use tct::keymap::Mode;
use tct::model::InspectionInput;

/// Tràng Định's demo inspection, open in the form.
fn trang_dinh_form(w: u16, h: u16) -> (tempfile::TempDir, App, i64) {
    let (d, mut app) = demo_app(w, h);
    type_text(&mut app, "/trang dinh");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('i'));
    key(&mut app, KeyCode::Enter);
    let id = app.form().and_then(|f| f.data.inspection_id);
    let id = id.expect("the demo's inspection opens saved");
    (d, app, id)
}

fn docx_files(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".docx"))
        .collect();
    names.sort();
    names
}

/// The notice's Markdown, as `tct export inspection --format md` gives it.
fn markdown_of(app: &App, id: i64) -> String {
    tct::notice::text_for(&app.store, &app.ctx, id)
        .unwrap()
        .markdown
}

#[test]
fn ctrl_p_in_the_form_shows_the_notice_that_ctrl_e_would_write() {
    let (_d, mut app, id) = trang_dinh_form(80, 24);
    ctrl(&mut app, 'p');
    assert_eq!(app.mode(), Mode::Preview, "{:?}", app.message());
    let p = app.preview().unwrap();
    assert_eq!(p.inspection_id, id);
    assert_eq!(p.unit_name, "Tràng Định");
    assert_eq!(p.markdown(), markdown_of(&app, id));
    let screen = render(&app);
    let title = format!("Xem trước thông báo kết luận #{id} — Tràng Định");
    assert!(screen.lines().next().unwrap().contains(&title), "{screen}");
    // The Markdown's marks are styles on the screen, not characters.
    assert!(screen.contains("THÔNG BÁO"), "{screen}");
    assert!(!screen.contains("**") && !screen.contains("# "), "{screen}");
    assert!(
        screen.contains("Ctrl-E"),
        "the keys are in the footer:\n{screen}"
    );
    // Esc goes back to the form as it was.
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Form);
    assert!(!app.form().unwrap().dirty);
}

#[test]
fn p_in_a_units_inspections_previews_the_selected_one() {
    let (_d, mut app) = demo_app(100, 30);
    type_text(&mut app, "/trang dinh");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('i'));
    let selected = match app.overlay() {
        Some(Overlay::History { rows, selected, .. }) => rows[*selected].id,
        _ => panic!("the list of inspections is open"),
    };
    key(&mut app, KeyCode::Char('p'));
    assert_eq!(app.mode(), Mode::Preview, "{:?}", app.message());
    assert_eq!(app.preview().unwrap().inspection_id, selected);
    // Esc goes back to the list; Ctrl-P opens it too.
    key(&mut app, KeyCode::Esc);
    assert!(matches!(app.overlay(), Some(Overlay::History { .. })));
    assert_eq!(app.mode(), Mode::Overlay);
    ctrl(&mut app, 'p');
    assert_eq!(app.preview().unwrap().inspection_id, selected);
    // Ctrl-C quits from it, as from the list.
    ctrl(&mut app, 'c');
    assert!(app.quit);
}

#[test]
fn scrolling_stops_at_both_ends() {
    let (_d, mut app, _) = trang_dinh_form(80, 24);
    ctrl(&mut app, 'p');
    let lines = app.preview().unwrap().lines.len();
    // 24 rows: the title, the status line and the keys leave 21 for the text.
    let last = lines - 21;
    assert!(
        last > 21,
        "the demo's notice is longer than two pages: {lines}"
    );
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::PageUp);
    assert_eq!(app.preview().unwrap().scroll, 0);
    key(&mut app, KeyCode::Down);
    assert_eq!(app.preview().unwrap().scroll, 1);
    key(&mut app, KeyCode::PageDown);
    assert_eq!(app.preview().unwrap().scroll, 22);
    for _ in 0..(lines / 21 + 3) {
        key(&mut app, KeyCode::PageDown);
    }
    assert_eq!(app.preview().unwrap().scroll, last);
    key(&mut app, KeyCode::Down);
    assert_eq!(
        app.preview().unwrap().scroll,
        last,
        "no scrolling past the end"
    );
    key(&mut app, KeyCode::Up);
    assert_eq!(app.preview().unwrap().scroll, last - 1);
    key(&mut app, KeyCode::Home);
    assert_eq!(app.preview().unwrap().scroll, 0);
    key(&mut app, KeyCode::End);
    assert_eq!(app.preview().unwrap().scroll, last);
    // The end of the text is the signer, on the last row of the text.
    let screen = render(&app);
    let rows: Vec<&str> = screen.lines().collect();
    let text_end = app.preview().unwrap().lines.last().unwrap().text.clone();
    assert_eq!(rows[21].trim(), text_end.trim(), "{screen}");
    // The wheel scrolls it three rows a notch, and stops at the top too.
    app.update(Action::Scroll {
        col: 10,
        row: 10,
        down: false,
    });
    assert_eq!(app.preview().unwrap().scroll, last - 3);
    for _ in 0..lines {
        app.update(Action::Scroll {
            col: 10,
            row: 10,
            down: false,
        });
    }
    assert_eq!(app.preview().unwrap().scroll, 0);
}

#[test]
fn a_smaller_window_lays_the_same_text_out_again() {
    let (_d, mut app, _) = trang_dinh_form(100, 30);
    ctrl(&mut app, 'p');
    key(&mut app, KeyCode::End);
    let wide = app.preview().unwrap().lines.len();
    app.update(Action::Resize(60, 20));
    let p = app.preview().unwrap();
    assert!(p.lines.len() > wide, "narrower, so longer");
    assert!(
        p.lines
            .iter()
            .all(|l| unicode_width::UnicodeWidthStr::width(l.text.as_str()) <= 58)
    );
    // Still at the end, not past it.
    assert_eq!(p.scroll, p.lines.len() - 17);
    let screen = render(&app);
    for l in screen.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(l) <= 60,
            "{l:?}\n{screen}"
        );
    }
    // The keys that fit whole, closing first: none is cut.
    let keys = screen.lines().last().unwrap();
    assert!(keys.starts_with(" Esc đóng"), "{keys:?}");
    assert!(keys.ends_with(t(T::KExportNotice)), "{keys:?}");
    // Elsewhere, the same part of the text stays in view.
    key(&mut app, KeyCode::Home);
    for _ in 0..40 {
        key(&mut app, KeyCode::Down);
    }
    let shown = app.preview().unwrap().lines[40].text.clone();
    app.update(Action::Resize(100, 30));
    let p = app.preview().unwrap();
    let near: Vec<&str> = p.lines[p.scroll.saturating_sub(3)..p.scroll + 4]
        .iter()
        .map(|l| l.text.as_str())
        .collect();
    let words: Vec<&str> = shown.split(' ').take(3).collect();
    assert!(
        near.join(" ").contains(&words.join(" ")),
        "{shown:?} near {near:?}"
    );
}

#[test]
fn ctrl_e_in_the_preview_writes_one_docx_and_never_over_it() {
    let (dir, mut app, id) = trang_dinh_form(80, 24);
    ctrl(&mut app, 'p');
    assert!(docx_files(dir.path()).is_empty());
    ctrl(&mut app, 'e');
    let first = format!("thong-bao-{id}-trang-dinh-20220923.docx");
    assert_eq!(
        docx_files(dir.path()),
        std::slice::from_ref(&first),
        "{:?}",
        app.message()
    );
    let message = app.message().unwrap_or_default().to_string();
    assert!(message.contains(&first), "{message}");
    assert!(render(&app).contains(t(T::NoticeWritten)));
    let written = std::fs::read(dir.path().join(&first)).unwrap();
    ctrl(&mut app, 'e');
    let second = format!("thong-bao-{id}-trang-dinh-20220923 (2).docx");
    let mut both = vec![first.clone(), second.clone()];
    both.sort();
    assert_eq!(docx_files(dir.path()), both);
    assert!(app.message().unwrap_or_default().contains(&second));
    assert_eq!(std::fs::read(dir.path().join(&first)).unwrap(), written);
    assert_eq!(app.mode(), Mode::Preview, "writing leaves the preview open");
}

#[test]
fn letters_typed_in_the_preview_change_nothing() {
    let (dir, mut app, id) = trang_dinh_form(80, 24);
    let record = app.store.inspection(&app.ctx, id).unwrap().unwrap();
    let editor = app.form().unwrap().editor.lines().join("\n");
    ctrl(&mut app, 'p');
    // Words a secretary might type thinking the form had the keys, with the
    // dashboard's and the overlays' letters among them.
    type_text(&mut app, "q ?xdn jk gG e sp");
    for code in [
        KeyCode::Enter,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Tab,
    ] {
        key(&mut app, code);
    }
    common::key_mod(&mut app, KeyCode::Char('Đ'), KeyModifiers::SHIFT);
    app.update(Action::Paste("dán vào đây".into()));
    assert_eq!(app.mode(), Mode::Preview);
    assert_eq!(app.preview().unwrap().scroll, 0);
    assert_eq!(app.message(), Some(t(T::PreviewReadOnly)));
    assert!(!app.quit);
    assert!(docx_files(dir.path()).is_empty());
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Form);
    let form = app.form().unwrap();
    assert!(!form.dirty);
    assert_eq!(form.editor.lines().join("\n"), editor);
    assert_eq!(app.store.inspection(&app.ctx, id).unwrap().unwrap(), record);
    assert!(docx_files(dir.path()).is_empty());
}

#[test]
fn unsaved_typing_is_saved_first_as_for_ctrl_e() {
    let (_d, mut app, id) = trang_dinh_form(80, 24);
    type_text(&mut app, " Thêm một câu.");
    ctrl(&mut app, 'p');
    assert_eq!(app.mode(), Mode::Form);
    assert_eq!(app.message(), Some(t(T::PreviewSaveFirst)));
    assert!(app.form().unwrap().dirty, "the typing stays");
    ctrl(&mut app, 's');
    ctrl(&mut app, 'p');
    assert_eq!(app.mode(), Mode::Preview, "{:?}", app.message());
    let md = app.preview().unwrap().markdown().to_string();
    assert!(
        md.contains("Thêm một câu"),
        "the saved text is the one shown"
    );
    assert_eq!(md, markdown_of(&app, id));
    key(&mut app, KeyCode::Esc);
    // A record never saved has no notice yet.
    key(&mut app, KeyCode::Esc);
    assert!(app.form().is_none(), "{:?}", app.message());
    common::new_record(&mut app);
    type_text(&mut app, "Một kết luận.");
    ctrl(&mut app, 'p');
    assert_eq!(app.mode(), Mode::Form);
    assert_eq!(app.message(), Some(t(T::PreviewSaveFirst)));
}

#[test]
fn an_empty_record_gets_the_message_ctrl_e_gives() {
    let (_d, mut app) = demo_app(100, 30);
    type_text(&mut app, "/trang dinh");
    key(&mut app, KeyCode::Enter);
    let unit = app.selected_unit().unwrap().id;
    // A record with nothing in it (as an older tct or a crash could leave), newer
    // than the demo's.
    let empty = app
        .store
        .save_inspection(
            &InspectionInput {
                unit_id: unit,
                held_on: common::date("24/09/2022"),
                ..Default::default()
            },
            "2022-09-24 08:00:00",
        )
        .unwrap();
    key(&mut app, KeyCode::Char('i'));
    match app.overlay() {
        Some(Overlay::History { rows, selected, .. }) => assert_eq!(rows[*selected].id, empty),
        _ => panic!("the list of inspections is open"),
    }
    let said = format!(
        "{}: #{empty}: {}",
        t(T::NoticeNotWritten),
        t(T::ErrInspectionEmpty)
    );
    key(&mut app, KeyCode::Char('p'));
    assert_eq!(app.mode(), Mode::Overlay);
    assert_eq!(app.message(), Some(said.as_str()));
    // In the form, Ctrl-E and Ctrl-P say the same.
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.form().unwrap().data.inspection_id, Some(empty));
    ctrl(&mut app, 'e');
    assert_eq!(app.message(), Some(said.as_str()));
    ctrl(&mut app, 'p');
    assert_eq!(app.mode(), Mode::Form);
    assert_eq!(app.message(), Some(said.as_str()));
}

/// The help lists the keys: Ctrl-P in the form, `p` in a unit's inspections, and the
/// preview's own.
#[test]
fn help_lists_the_preview_keys() {
    let (_d, mut app) = demo_app(100, 30);
    key(&mut app, KeyCode::Char('?'));
    let mut seen = String::new();
    for _ in 0..200 {
        seen.push_str(&render(&app));
        key(&mut app, KeyCode::Down);
    }
    let listed = |keys: &str, what: T| {
        seen.lines()
            .any(|l| l.contains(&format!("  {keys} ")) && l.contains(t(what)))
    };
    assert!(listed("Ctrl-P", T::KPreviewNotice), "{seen}");
    assert!(listed("p/Ctrl-P", T::KPreviewNotice), "{seen}");
    assert!(seen.contains(t(T::PreviewSection)), "{seen}");
    assert!(listed("Home", T::KTextTop), "{seen}");
    assert!(listed("Ctrl-E", T::KExportNotice), "{seen}");
}

/// Headings and the title are bold on the screen, the place and date italic, a
/// paragraph plain: the Markdown's marks become styles.
#[test]
fn headings_are_drawn_bold() {
    use ratatui::style::Modifier;
    use ratatui::{Terminal, backend::TestBackend};
    let (_d, mut app, _) = trang_dinh_form(80, 24);
    ctrl(&mut app, 'p');
    for _ in 0..30 {
        key(&mut app, KeyCode::Down);
    }
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    term.draw(|f| tct::ui::draw(f, &app)).unwrap();
    let buf = term.backend().buffer().clone();
    let style_of = |words: &str| {
        (0..24u16).find_map(|y| {
            let row: String = (0..80u16).map(|x| buf[(x, y)].symbol()).collect();
            let at = row.find(words)?;
            let x = row[..at].chars().count() as u16;
            Some(buf[(x, y)].modifier)
        })
    };
    let heading = style_of("I. KẾT QUẢ ĐẠT ĐƯỢC").expect("the first heading in view");
    assert!(heading.contains(Modifier::BOLD));
    let para = style_of("Trong 9 tháng đầu năm 2022, huyện").expect("a paragraph in view");
    assert!(!para.contains(Modifier::BOLD));
    key(&mut app, KeyCode::Home);
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    term.draw(|f| tct::ui::draw(f, &app)).unwrap();
    let buf = term.backend().buffer().clone();
    let find = |words: &str| {
        (0..24u16).find_map(|y| {
            let row: String = (0..80u16).map(|x| buf[(x, y)].symbol()).collect();
            let at = row.find(words)?;
            Some(buf[(row[..at].chars().count() as u16, y)].modifier)
        })
    };
    assert!(find("THÔNG BÁO").unwrap().contains(Modifier::BOLD));
    assert!(find("Lạng Sơn, ngày").unwrap().contains(Modifier::ITALIC));
}
