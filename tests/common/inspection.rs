//! The inspection form as a person drives it in a pseudo-terminal, and the SQLite file
//! read beside it: shared by the end-to-end and crash tests.

use rusqlite::{Connection, OpenFlags, OptionalExtension};
use tempfile::TempDir;

use super::pty::{Tui, db_path};

/// The demo database holds this many inspections before anyone types.
pub const DEMO_INSPECTIONS: i64 = 3;

pub const TAB: &str = "\t";
pub const ENTER: &str = "\r";
pub const ESC: &str = "\x1b";
pub const CTRL_C: &str = "\x03";
pub const CTRL_N: &str = "\x0e";
/// Ctrl-T: the next kind of item (after a result, Ctrl-N gives a shortcoming).
pub const CTRL_T: &str = "\x14";
pub const CTRL_S: &str = "\x13";
/// Ctrl-X: in a dialog or the list of drafts, discard (what is discarded is kept).
pub const CTRL_X: &str = "\x18";
/// Ctrl-Space reaches the program as a NUL byte.
pub const CTRL_SPACE: &str = "\0";

pub const FORM_TITLE: &str = "Biên bản kiểm tra · Tràng Định";
pub const UNSAVED_DIALOG: &str = "Biên bản chưa lưu";
/// `n` on a unit that has a record of the as-of date.
pub const SAME_DAY_DIALOG: &str = "Đã có biên bản ngày này";
/// The title of the list of drafts tct offers back at start.
pub const DRAFT_DIALOG: &str = "Bản nháp chưa lưu";

impl Tui {
    /// The item editor on the right of the form (its title is "Mục N/M · …").
    pub fn editor_text(&self) -> String {
        self.box_text("Mục ")
    }

    /// Wait until the item editor shows `text` (wrapped rows joined).
    pub fn wait_editor(&mut self, text: &str) {
        self.wait_until(&format!("{text:?} in the item editor"), |t| {
            t.editor_text().contains(text)
        });
    }

    /// The dashboard filtered to Tràng Định.
    pub fn filter_trang_dinh(&mut self) {
        self.wait_for("Tràng Định");
        self.wait_for("Ngày xem 23/09/2022");
        self.send("/");
        self.send("trang dinh");
        self.send(ENTER);
        self.wait_for("Đơn vị (1)");
        self.wait_for("Lọc: trang dinh");
    }

    /// From the filtered dashboard, `n`: a new inspection of Tràng Định.
    pub fn new_inspection(&mut self) {
        self.send("n");
        // The demo holds Tràng Định's record of this day: a new one anyway.
        self.wait_for(SAME_DAY_DIALOG);
        self.send(CTRL_N);
        self.wait_for(FORM_TITLE);
        self.wait_for("Mục 1/1 · Đánh giá kết quả");
    }

    /// The list of drafts offered at start, its words joined by single spaces.
    pub fn drafts_listed(&self) -> String {
        self.box_text(DRAFT_DIALOG)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Waits past the moment a list tct opened by itself stops taking keys for a burst
    /// typed on (`tct::app::GUARD`), so the next key is an answer. Pacing, not a wait
    /// for tct: the guard counts from when the list opened, before it was on screen.
    pub fn past_guard(&self) {
        std::thread::sleep(tct::app::GUARD + std::time::Duration::from_millis(200));
    }

    /// Esc out of a form that needs no question, back to the dashboard.
    pub fn leave_saved_form(&mut self) {
        self.send(ESC);
        self.wait_gone(FORM_TITLE);
        if self.screen().contains(UNSAVED_DIALOG) {
            self.fail("a saved form should close without asking");
        }
        self.wait_for("┌ Đơn vị (");
    }
}

/// The database opened read-only, as a second program would (WAL lets it read while
/// tct runs, and after tct was killed).
pub fn open_db(dir: &TempDir) -> Connection {
    Connection::open_with_flags(
        db_path(dir),
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .expect("open the database read-only")
}

pub fn count(db: &Connection, table: &str) -> i64 {
    db.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("count rows of {table}: {e}"))
}

/// The newest inspection of Tràng Định held on `held_on` (ISO), if any.
pub fn newest_trang_dinh_inspection(db: &Connection, held_on: &str) -> Option<i64> {
    db.query_row(
        "SELECT i.id FROM inspection i JOIN unit u ON u.id = i.unit_id
         WHERE u.name = 'Tràng Định' AND i.held_on = ?1 ORDER BY i.id DESC LIMIT 1",
        [held_on],
        |r| r.get(0),
    )
    .optional()
    .expect("query inspections")
}

/// The items of an inspection in order: (kind, text, responsible unit, deadline, task).
pub type ItemRow = (String, String, Option<String>, Option<String>, Option<i64>);

pub fn items_of(db: &Connection, inspection: i64) -> Vec<ItemRow> {
    db.prepare(
        "SELECT ci.kind, ci.text, u.name, ci.deadline, ci.task_id
         FROM conclusion_item ci LEFT JOIN unit u ON u.id = ci.unit_id
         WHERE ci.inspection_id = ?1 ORDER BY ci.position",
    )
    .expect("prepare items")
    .query_map([inspection], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
    })
    .expect("query items")
    .collect::<Result<_, _>>()
    .expect("read items")
}

/// The newest draft not discarded, its body parsed, if there is one.
pub fn draft(db: &Connection) -> Option<serde_json::Value> {
    let body: Option<String> = db
        .query_row(
            "SELECT body FROM draft WHERE discarded_at IS NULL ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()
        .expect("query the draft");
    body.map(|b| serde_json::from_str(&b).expect("the draft body is JSON"))
}

/// Every draft not discarded: (its first item's text, its unit's name).
pub fn unsaved_drafts(db: &Connection) -> Vec<(String, String)> {
    db.prepare(
        "SELECT json_extract(body, '$.items[0].text'), json_extract(body, '$.unit_name')
         FROM draft WHERE discarded_at IS NULL ORDER BY id",
    )
    .expect("prepare drafts")
    .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
    .expect("query drafts")
    .collect::<Result<_, _>>()
    .expect("read drafts")
}

/// How many drafts the user discarded, kept for some days.
pub fn discarded_drafts(db: &Connection) -> i64 {
    db.query_row(
        "SELECT count(*) FROM draft WHERE discarded_at IS NOT NULL",
        [],
        |r| r.get(0),
    )
    .expect("count discarded drafts")
}

/// The texts of a draft's items.
pub fn draft_texts(draft: &serde_json::Value) -> Vec<String> {
    draft["items"]
        .as_array()
        .expect("the draft has an items array")
        .iter()
        .map(|i| i["text"].as_str().expect("an item has text").to_string())
        .collect()
}
