//! The inspection form's logic as (state, keys, state), on the demo database.

mod common;

use std::time::{Duration, Instant};

use common::{ctrl, demo_app, key, key_mod, new_record, render, type_text};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tct::app::{Action, App, DialogKind, DraftList, Field, Layer, Overlay};
use tct::domain::inspection::ItemKind;
use tct::keymap::Mode;
use tct::model::{DraftRow, Inspection};

fn open_form_for(app: &mut App, unit: &str) {
    type_text(app, &format!("/{unit}"));
    key(app, KeyCode::Enter);
    new_record(app);
    assert!(app.form().is_some(), "n opens the form");
}

fn inspections(app: &App, unit: &str) -> Vec<Inspection> {
    let id = match app.store.find_unit(unit, app.ctx.as_of).unwrap() {
        tct::model::UnitLookup::Found(id, _) => id,
        _ => panic!("no {unit}"),
    };
    app.store
        .inspection_ids(Some(id))
        .unwrap()
        .into_iter()
        .map(|i| app.store.inspection(&app.ctx, i).unwrap().unwrap())
        .collect()
}

#[test]
fn a_new_inspection_is_prefilled_and_ready_for_typing() {
    let (_d, mut app) = demo_app(120, 40);
    open_form_for(&mut app, "trang dinh");
    let f = app.form().unwrap();
    assert_eq!(f.data.held_on, "23/09/2022");
    assert_eq!(f.data.chair_name, "Phạm Hùng Trường");
    assert!(
        f.data.place.contains("Tràng Định"),
        "place of the unit's last visit"
    );
    assert_eq!(
        (f.data.field, f.data.items.len(), f.data.items[0].kind),
        (Field::ItemText, 1, ItemKind::Result)
    );
    let (on, prev) = f.previous.as_ref().expect("last time's directives");
    assert_eq!(tct::domain::format::fmt_date(*on), "23/09/2022");
    assert_eq!(prev.len(), 10);
    assert!(!f.dirty, "prefill alone is nothing to lose");
    type_text(&mut app, "Đ");
    assert!(app.form().unwrap().dirty);
}

#[test]
fn typing_two_directives_saves_them_as_tasks() {
    let (_d, mut app) = demo_app(120, 40);
    let before = inspections(&app, "trang dinh").len();
    open_form_for(&mut app, "trang dinh");
    type_text(&mut app, "Huyện đã triển khai đồng bộ, bài bản.");
    ctrl(&mut app, 'n');
    // After a result the record's order goes on with a shortcoming; Ctrl-T moves on.
    assert_eq!(app.form().unwrap().data.item().kind, ItemKind::Shortcoming);
    ctrl(&mut app, 't');
    assert_eq!(app.form().unwrap().data.item().kind, ItemKind::Directive);
    type_text(&mut app, "Đẩy nhanh tiến độ giải ngân vốn đầu tư công.");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.form().unwrap().data.field, Field::ItemDeadline);
    type_text(&mut app, "cuối năm");
    ctrl(&mut app, 'n');
    type_text(&mut app, "Rà soát nguồn thu ngân sách.");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "so tai");
    ctrl(&mut app, ' ');
    assert_eq!(app.form().unwrap().data.item().unit, "Sở Tài chính");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "+30");
    let draft = app
        .form()
        .unwrap()
        .draft_id
        .expect("moving on wrote the draft");
    ctrl(&mut app, 's');
    assert!(
        app.message().unwrap_or("").starts_with("Đã lưu"),
        "{:?}",
        app.message()
    );
    assert!(!app.form().unwrap().dirty);

    let all = inspections(&app, "trang dinh");
    assert_eq!(all.len(), before + 1);
    let ins = all
        .iter()
        .find(|i| i.items.len() == 3)
        .expect("the new inspection");
    let texts: Vec<&str> = ins.items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Huyện đã triển khai đồng bộ, bài bản.",
            "Đẩy nhanh tiến độ giải ngân vốn đầu tư công.",
            "Rà soát nguồn thu ngân sách."
        ]
    );
    let d = |s| tct::domain::format::parse_date(s).ok();
    assert_eq!(
        (ins.items[1].unit_name.as_deref(), ins.items[1].deadline),
        (Some("Tràng Định"), d("31/12/2022"))
    );
    assert_eq!(
        (ins.items[2].unit_name.as_deref(), ins.items[2].deadline),
        (Some("Sở Tài chính"), d("23/10/2022"))
    );
    assert!(
        ins.items[1].task_id.is_some()
            && ins.items[2].task_id.is_some()
            && ins.items[0].task_id.is_none()
    );
    // The task shows among Sở Tài chính's tasks, with its origin.
    let task = app
        .store
        .task_detail(&app.ctx, ins.items[2].task_id.unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(
        (task.row.unit_name.as_str(), task.row.inspection_on),
        ("Sở Tài chính", d("23/09/2022"))
    );
    assert_eq!(task.inspection_unit.as_deref(), Some("Tràng Định"));
    assert!(
        app.store.draft(draft).unwrap().is_none(),
        "saving clears the form's draft"
    );
}

#[test]
fn bad_input_says_where_and_saves_nothing() {
    let (_d, mut app) = demo_app(120, 40);
    let before = inspections(&app, "trang dinh").len();
    open_form_for(&mut app, "trang dinh");
    type_text(&mut app, "Đánh giá.");
    ctrl(&mut app, 'n');
    ctrl(&mut app, 't');
    type_text(&mut app, "Chỉ đạo.");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "31/02/2023");
    key(&mut app, KeyCode::Tab); // move away: the error must bring the cursor back
    ctrl(&mut app, 's');
    assert!(
        app.message().unwrap().contains("Mục 2"),
        "{:?}",
        app.message()
    );
    let f = app.form().unwrap();
    assert_eq!((f.data.current, f.data.field), (1, Field::ItemDeadline));
    assert_eq!(inspections(&app, "trang dinh").len(), before);

    for (deadline, needle) in [
        ("01/01/2022", "trước ngày kiểm tra"),
        ("sớm", "không hợp lệ"),
    ] {
        let f = app.form_mut().unwrap();
        f.editor = ratatui_textarea::TextArea::new(vec![deadline.to_string()]);
        f.edited();
        ctrl(&mut app, 's');
        assert!(
            app.message().unwrap().contains(needle),
            "{deadline}: {:?}",
            app.message()
        );
    }
    // An unknown unit names the closest ones.
    let f = app.form_mut().unwrap();
    f.editor = ratatui_textarea::TextArea::new(vec!["31/12/2022".into()]);
    f.edited();
    key_mod(&mut app, KeyCode::BackTab, KeyModifiers::SHIFT);
    type_text(&mut app, "Sở Tài chánh");
    ctrl(&mut app, 's');
    assert!(
        app.message().unwrap().contains("Sở Tài chính"),
        "{:?}",
        app.message()
    );
    assert_eq!(inspections(&app, "trang dinh").len(), before);
    assert!(app.form().unwrap().dirty, "the text stays for fixing");
}

#[test]
fn editing_a_directive_later_updates_its_task() {
    let (_d, mut app) = demo_app(120, 40);
    type_text(&mut app, "/trang dinh");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('i'));
    key(&mut app, KeyCode::Enter);
    let f = app.form().expect("the demo's inspection opens");
    assert_eq!(f.data.items.len(), 12);
    let id = f.data.inspection_id.unwrap();
    // Item 4 is "Đẩy nhanh tiến độ giải ngân…", due 31/12/2022.
    for _ in 0..3 {
        key(&mut app, KeyCode::PageDown);
    }
    let before = app.store.inspection(&app.ctx, id).unwrap().unwrap().items[3].clone();
    assert!(before.text.starts_with("Đẩy nhanh"), "{}", before.text);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    assert_eq!(
        app.form().unwrap().data.text(Field::ItemDeadline),
        "31/12/2022"
    );
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "15/11/2022");
    ctrl(&mut app, 's');
    let after = app.store.inspection(&app.ctx, id).unwrap().unwrap().items[3].clone();
    assert_eq!(after.task_id, before.task_id, "the same task, updated");
    let task = app
        .store
        .task_detail(&app.ctx, after.task_id.unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(
        task.row.deadline,
        tct::domain::format::parse_date("15/11/2022").ok()
    );
}

#[test]
fn deleting_a_directive_asks_about_its_task_and_can_be_undone() {
    let (_d, mut app) = demo_app(120, 40);
    type_text(&mut app, "/trang dinh");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('i'));
    key(&mut app, KeyCode::Enter);
    let id = app.form().unwrap().data.inspection_id.unwrap();
    key(&mut app, KeyCode::PageDown);
    key(&mut app, KeyCode::PageDown);
    let victim = app.store.inspection(&app.ctx, id).unwrap().unwrap().items[2].clone();
    ctrl(&mut app, 'd');
    assert_eq!(
        app.dialog().map(|d| d.kind),
        Some(DialogKind::DeleteItem { has_task: true })
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(
        app.form().unwrap().data.items.len(),
        12,
        "Esc deletes nothing"
    );
    // Typing on drops the question and deletes nothing: the letters are text.
    ctrl(&mut app, 'd');
    type_text(&mut app, "x");
    assert!(app.dialog().is_none());
    assert_eq!(app.form().unwrap().data.items.len(), 12);
    assert!(app.form().unwrap().editor.lines().concat().ends_with('x'));
    key(&mut app, KeyCode::Backspace);
    ctrl(&mut app, 'd');
    ctrl(&mut app, 'x');
    assert_eq!(app.form().unwrap().data.items.len(), 11);
    ctrl(&mut app, 'z');
    assert_eq!(
        app.form().unwrap().data.items[2].text,
        victim.text,
        "undo puts it back in place"
    );
    ctrl(&mut app, 'd');
    ctrl(&mut app, 'x');
    ctrl(&mut app, 's');
    let items = app.store.inspection(&app.ctx, id).unwrap().unwrap().items;
    assert_eq!(items.len(), 11);
    assert!(items.iter().all(|i| i.id != victim.id));
    assert!(
        app.store
            .task_detail(&app.ctx, victim.task_id.unwrap())
            .unwrap()
            .is_none(),
        "task deleted too"
    );

    // Keeping the task: the directive goes, the task stays.
    let keep = items[2].clone();
    key(&mut app, KeyCode::PageUp);
    key(&mut app, KeyCode::PageUp);
    key(&mut app, KeyCode::PageDown);
    key(&mut app, KeyCode::PageDown);
    ctrl(&mut app, 'd');
    ctrl(&mut app, 'k');
    ctrl(&mut app, 's');
    assert!(
        app.store
            .task_detail(&app.ctx, keep.task_id.unwrap())
            .unwrap()
            .is_some(),
        "task kept"
    );
}

#[test]
fn items_reorder_and_kinds_cycle() {
    let (_d, mut app) = demo_app(120, 40);
    open_form_for(&mut app, "cao loc");
    type_text(&mut app, "một");
    ctrl(&mut app, 'n');
    type_text(&mut app, "hai");
    key_mod(&mut app, KeyCode::Up, KeyModifiers::ALT);
    let f = app.form().unwrap();
    assert_eq!(
        (
            f.data.items[0].text.as_str(),
            f.data.items[1].text.as_str(),
            f.data.current
        ),
        ("hai", "một", 0)
    );
    assert_eq!(
        app.form().unwrap().data.items[0].kind,
        ItemKind::Shortcoming
    );
    ctrl(&mut app, 't');
    assert_eq!(app.form().unwrap().data.items[0].kind, ItemKind::Directive);
}

#[test]
fn input_methods_paste_and_nfd_are_stored_as_typed_in_nfc() {
    let (_d, mut app) = demo_app(120, 40);
    open_form_for(&mut app, "cao loc");
    // Telex: "vie" then the IME replaces "e" with "ê", then "t", then "ệ" over "ê".
    type_text(&mut app, "vie");
    key(&mut app, KeyCode::Backspace);
    type_text(&mut app, "êt");
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Backspace);
    type_text(&mut app, "ệ");
    key(&mut app, KeyCode::End);
    app.update(Action::Paste(
        " Nam\r\nđộc lập – Vie\u{302}\u{323}t\u{1b}[2J".into(),
    ));
    let f = app.form_mut().unwrap();
    f.commit();
    assert_eq!(f.data.items[0].text, "việt Nam\nđộc lập – Việt[2J");
}

/// The open form's draft as stored.
fn form_draft(app: &App) -> DraftRow {
    let id = app
        .form()
        .and_then(|f| f.draft_id)
        .expect("the form has a draft");
    app.store.draft(id).unwrap().expect("the draft is on disk")
}

/// Another window on the same file: the app started again, as `tct --db` would.
fn window(dir: &tempfile::TempDir) -> App {
    let store = tct::store::Store::open(&dir.path().join("demo.db")).unwrap();
    App::new(
        store,
        common::ctx("23/09/2022"),
        tct::theme::Theme { color: false },
        (120, 40),
    )
}

/// The list of drafts on top, if it is.
fn draft_list(app: &App) -> Option<&DraftList> {
    match app.layers().as_slice().last() {
        Some(Layer::Overlay(Overlay::Drafts(list))) => Some(list),
        _ => None,
    }
}

/// `ms` milliseconds after the last key (or the start).
fn after(app: &App, ms: u64) -> Instant {
    app.now() + Duration::from_millis(ms)
}

/// Types `s` key by key, each `gap_ms` after the one before.
fn type_at(app: &mut App, s: &str, gap_ms: u64) {
    for c in s.chars() {
        let at = after(app, gap_ms);
        app.on_key_at(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), at);
    }
}

#[test]
fn the_draft_is_written_and_offered_back() {
    let (dir, mut app) = demo_app(120, 40);
    open_form_for(&mut app, "trang dinh");
    type_text(&mut app, "Câu đang gõ dở");
    key(&mut app, KeyCode::Tab); // a field change writes the draft at once
    assert!(form_draft(&app).body.contains("Câu đang gõ dở"));
    // The process dies here; a new one opens the same file.
    drop(app);
    let mut app = window(&dir);
    let list = draft_list(&app).expect("the draft is offered back");
    assert!(list.offered);
    assert_eq!(list.entries.len(), 1);
    assert_eq!(list.entries[0].unit_name, "Tràng Định");
    let screen = render(&app);
    assert!(screen.contains("Bản nháp chưa lưu"), "{screen}");
    assert!(screen.contains("Tràng Định") && screen.contains("Câu đang gõ dở"));
    let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
    app.on_key_at(enter, after(&app, 2000));
    let f = app.form().expect("restored");
    assert_eq!(f.data.items[0].text, "Câu đang gõ dở");
    assert!(f.dirty);
    assert!(draft_list(&app).is_none());
}

/// The list tct opens by itself at start does not act on keys typed on from before it
/// showed: "/binh gia" and Enter in a burst neither restore nor discard the draft.
#[test]
fn the_drafts_offered_at_start_ignore_a_burst_typed_on() {
    let (dir, mut app) = demo_app(120, 40);
    open_form_for(&mut app, "trang dinh");
    type_text(&mut app, "Đề nghị huyện");
    key(&mut app, KeyCode::Tab);
    let left = form_draft(&app);
    drop(app);
    let mut app = window(&dir);
    assert!(draft_list(&app).is_some());
    type_at(&mut app, "/binh gia", 90);
    let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
    app.on_key_at(enter, after(&app, 90));
    // A burst goes on as long as keys keep coming, even past the first half second.
    type_at(&mut app, "qbxd", 300);
    assert!(app.form().is_none() && !app.quit);
    assert!(draft_list(&app).is_some(), "the list waits for an answer");
    assert_eq!(app.store.draft(left.id).unwrap(), Some(left.clone()));
    assert!(app.message().is_some_and(|m| m.contains("bỏ qua")));
    // Read, then answered.
    app.on_key_at(enter, after(&app, 700));
    assert_eq!(app.form().unwrap().data.items[0].text, "Đề nghị huyện");
}

/// A sentence typed on after Esc, starting with any letter, goes into the form: the
/// dialog drops its question, nothing is discarded, saved or closed.
#[test]
fn typing_on_after_esc_never_discards() {
    let (_d, mut app) = demo_app(120, 40);
    open_form_for(&mut app, "trang dinh");
    type_text(&mut app, "Mở đầu.");
    let mut typed = String::from("Mở đầu.");
    let letters = "abcdefghijklmnopqrstuvwxyzđ";
    let upper = letters.to_uppercase();
    for (i, c) in letters.chars().chain(upper.chars()).enumerate() {
        // Esc by mistake, or Ctrl-C, and the sentence goes on within a few ms.
        if i % 3 == 2 {
            ctrl(&mut app, 'c');
        } else {
            key(&mut app, KeyCode::Esc);
        }
        assert_eq!(app.mode(), Mode::Dialog, "{c}: the question is asked");
        let sentence = format!("{c}ảo đảm tiến độ. ");
        type_at(&mut app, &sentence, 20);
        typed.push_str(&sentence);
        assert!(app.dialog().is_none() && !app.quit, "{c}");
        assert_eq!(app.form().unwrap().editor.lines().concat(), typed, "{c}");
    }
    // A paste goes in too.
    key(&mut app, KeyCode::Esc);
    app.update(Action::Paste("dán vào".into()));
    typed.push_str("dán vào");
    assert!(app.dialog().is_none());
    key(&mut app, KeyCode::Tab);
    let draft = form_draft(&app);
    assert_eq!(draft.discarded_at, None);
    assert!(draft.body.contains(&typed), "the draft holds every letter");
    assert_eq!(
        inspections(&app, "trang dinh").len(),
        1,
        "nothing was saved"
    );
}

#[test]
fn leaving_unsaved_asks_and_discarding_keeps_the_draft_restorable() {
    let (_d, mut app) = demo_app(120, 40);
    open_form_for(&mut app, "trang dinh");
    type_text(&mut app, "Chưa lưu");
    key(&mut app, KeyCode::Esc);
    assert_eq!(
        app.dialog().map(|d| d.kind),
        Some(DialogKind::Unsaved { then_quit: false })
    );
    let screen = render(&app);
    assert!(
        screen.contains("Bản nháp vẫn được giữ trên đĩa"),
        "the draft was written as the dialog opened: {screen}"
    );
    assert!(screen.contains("Ctrl-X") && screen.contains("Ctrl-S"));
    key(&mut app, KeyCode::Esc);
    assert!(
        app.form().is_some() && app.dialog().is_none(),
        "keep editing"
    );
    ctrl(&mut app, 'c');
    assert_eq!(
        app.dialog().map(|d| d.kind),
        Some(DialogKind::Unsaved { then_quit: true })
    );
    let draft = form_draft(&app);
    ctrl(&mut app, 'x');
    assert!(app.form().is_none() && app.quit);
    app.quit = false;
    // Discarded, not deleted: kept, dated, and listed under `b`.
    let kept = app.store.draft(draft.id).unwrap().expect("kept");
    assert!(kept.discarded_at.is_some() && kept.owner.is_none());
    assert_eq!(kept.body, draft.body);
    let days = format!("{} ngày", tct::app::KEEP_DISCARDED_DAYS);
    assert!(app.message().is_some_and(|m| m.contains(&days)));
    key(&mut app, KeyCode::Char('b'));
    let list = draft_list(&app).expect("b lists the drafts");
    assert!(!list.offered);
    assert_eq!(list.entries[0].row.id, draft.id);
    assert!(render(&app).contains("đã bỏ"));
    key(&mut app, KeyCode::Enter);
    let f = app.form().expect("restored");
    assert_eq!(f.data.items[0].text, "Chưa lưu");
    assert_eq!(f.draft_id, Some(draft.id));
    ctrl(&mut app, 's');
    assert!(app.message().unwrap_or("").starts_with("Đã lưu"));
    assert_eq!(
        app.store.draft(draft.id).unwrap(),
        None,
        "saved: the draft goes"
    );
}

/// Two windows on one file: each form has its own draft, saving one leaves the
/// other's, and a window still running is never offered another's as left over.
#[test]
fn two_windows_keep_their_own_drafts() {
    let (dir, mut a) = demo_app(120, 40);
    let mut b = window(&dir);
    open_form_for(&mut a, "trang dinh");
    open_form_for(&mut b, "cao loc");
    type_text(&mut a, "Cửa sổ một.");
    type_text(&mut b, "Cửa sổ hai.");
    key(&mut a, KeyCode::Tab);
    key(&mut b, KeyCode::Tab);
    let (da, db) = (form_draft(&a), form_draft(&b));
    assert_ne!(da.id, db.id);
    // A third window while both run: nothing is offered as left over.
    let c = window(&dir);
    assert!(draft_list(&c).is_none());
    drop(c);
    ctrl(&mut a, 's');
    assert!(a.message().unwrap_or("").starts_with("Đã lưu"));
    assert_eq!(a.store.draft(da.id).unwrap(), None);
    assert_eq!(b.store.draft(db.id).unwrap(), Some(db.clone()), "untouched");
    // B's window dies: the next one offers its draft, and only that.
    drop(b);
    let c = window(&dir);
    let list = draft_list(&c).expect("B's draft is offered");
    let ids: Vec<i64> = list.entries.iter().map(|e| e.row.id).collect();
    assert_eq!(ids, [db.id]);
    assert_eq!(list.entries[0].unit_name, "Cao Lộc");
}

/// `n` on a unit whose new record was left unsaved offers that draft first.
#[test]
fn a_unit_with_a_draft_left_offers_it_before_a_new_form() {
    let (dir, mut app) = demo_app(120, 40);
    open_form_for(&mut app, "trang dinh");
    type_text(&mut app, "Bản cũ");
    key(&mut app, KeyCode::Tab);
    drop(app);
    let mut app = window(&dir);
    key(&mut app, KeyCode::Esc); // later
    assert!(draft_list(&app).is_none());
    // Another unit: a fresh form.
    open_form_for(&mut app, "cao loc");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "/trang dinh");
    key(&mut app, KeyCode::Enter);
    new_record(&mut app);
    assert!(app.form().is_none());
    assert_eq!(draft_list(&app).map(|l| l.entries.len()), Some(1));
    // Ctrl-X discards it (kept); then `n` opens a new form.
    ctrl(&mut app, 'x');
    assert!(draft_list(&app).is_none(), "nothing left: the list closes");
    new_record(&mut app);
    assert_eq!(app.form().unwrap().data.items[0].text, "");
}

#[test]
fn typing_writes_the_draft_within_a_second() {
    let (_d, mut app) = demo_app(120, 40);
    open_form_for(&mut app, "trang dinh");
    type_text(&mut app, "a");
    // The first keystroke writes at once; later ones wait for the deadline.
    assert!(form_draft(&app).body.contains("\"a\""));
    type_text(&mut app, "bc");
    let due = app.next_deadline().expect("a write is pending");
    assert!(due <= std::time::Instant::now() + tct::app::DRAFT_EVERY);
    app.update(Action::Tick);
    assert!(form_draft(&app).body.contains("abc"));
    assert!(
        app.next_deadline().is_none(),
        "nothing pending: the loop sleeps"
    );
}

/// The modes of what is open, bottom first.
fn stack(app: &App) -> Vec<Mode> {
    app.layers().as_slice().iter().map(Layer::mode).collect()
}

#[test]
fn layers_stack_in_the_order_opened_and_the_top_one_takes_the_keys() {
    let (_d, mut app) = demo_app(120, 40);
    type_text(&mut app, "/trang dinh");
    assert_eq!(stack(&app), [Mode::Filter]);
    key(&mut app, KeyCode::Enter);
    new_record(&mut app);
    assert_eq!(stack(&app), [Mode::Form]);
    type_text(&mut app, "Đ");
    // Help over the form: Esc closes the help, not the form.
    key(&mut app, KeyCode::F(1));
    assert_eq!(stack(&app), [Mode::Form, Mode::Overlay]);
    assert_eq!(app.mode(), Mode::Overlay);
    key(&mut app, KeyCode::Esc);
    assert_eq!(stack(&app), [Mode::Form]);
    // A dialog over the form, drawn over it.
    key(&mut app, KeyCode::Esc);
    assert_eq!(stack(&app), [Mode::Form, Mode::Dialog]);
    let screen = render(&app);
    assert!(screen.contains("Biên bản kiểm tra"), "{screen}");
    assert!(screen.contains("Biên bản chưa lưu"), "{screen}");
    // Its keys are its choices: a letter of the dashboard does nothing here, and
    // Ctrl-E, the form's, neither.
    ctrl(&mut app, 'e');
    assert_eq!(stack(&app), [Mode::Form, Mode::Dialog]);
    assert!(!app.quit);
    key(&mut app, KeyCode::Esc);
    assert_eq!(stack(&app), [Mode::Form]);
    key(&mut app, KeyCode::Esc);
    ctrl(&mut app, 'x');
    assert_eq!(stack(&app), []);
    assert_eq!(app.mode(), Mode::Dashboard);
}

/// A unit's inspections (`i`): up and down choose among them, Enter opens the chosen
/// one, not always the newest; the units list beneath stays where it was.
#[test]
fn the_inspections_list_opens_the_one_chosen() {
    let (_d, mut app) = demo_app(120, 40);
    type_text(&mut app, "/trang dinh");
    key(&mut app, KeyCode::Enter);
    let unit = app.selected_unit().map(|u| u.id);
    new_record(&mut app);
    type_text(&mut app, "Lần kiểm tra thứ hai.");
    ctrl(&mut app, 's');
    let newest = app.form().unwrap().data.inspection_id.unwrap();
    key(&mut app, KeyCode::Esc);
    assert!(app.form().is_none(), "{:?}", app.message());
    key(&mut app, KeyCode::Char('i'));
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Down);
    assert_eq!(
        app.selected_unit().map(|u| u.id),
        unit,
        "the list beneath stays"
    );
    key(&mut app, KeyCode::Enter);
    let opened = app.form().expect("an inspection opens").data.inspection_id;
    assert!(opened.is_some_and(|id| id != newest), "the older one opens");
    assert_eq!(app.form().unwrap().data.items.len(), 12);
}
