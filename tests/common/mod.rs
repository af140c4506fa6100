//! Shared by the integration tests: a demo database in a temporary directory, outside
//! programs a test needs, and bounded waits.
#![allow(dead_code)]

// The pseudo-terminal harness and what drives the form through it: Unix only.
#[cfg(unix)]
pub mod inspection;
pub mod package;
#[cfg(unix)]
pub mod pty;
pub mod sync;

use chrono::NaiveDate;
use tct::app::{Action, App};
use tct::domain::task::DEFAULT_SOON_DAYS;
use tct::model::Ctx;
use tct::store::{DemoData, Store, load_demo};
use tct::theme::Theme;
use tempfile::TempDir;

pub fn date(s: &str) -> NaiveDate {
    tct::domain::format::parse_date(s).unwrap()
}

pub fn ctx(s: &str) -> Ctx {
    Ctx {
        as_of: date(s),
        soon_days: DEFAULT_SOON_DAYS,
    }
}

/// A fresh demo database; keep the `TempDir` alive as long as the store.
pub fn demo_store() -> (TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("demo.db")).unwrap();
    load_demo(&mut store, &DemoData::bundled()).unwrap();
    (dir, store)
}

/// The app over the demo at 23/09/2022, without colour, at a terminal size.
pub fn demo_app(w: u16, h: u16) -> (TempDir, App) {
    let (dir, store) = demo_store();
    let mut app = App::new(store, ctx("23/09/2022"), Theme { color: false }, (w, h));
    app.update(Action::Resize(w, h));
    (dir, app)
}

/// The demo app with its database in `first_start_dir`, so the screens that show its
/// path lay out alike on every Unix machine (`stable_path` names it the same).
pub fn demo_app_at_stable_path(w: u16, h: u16) -> (TempDir, App) {
    let dir = first_start_dir();
    let mut store = Store::open(&dir.path().join("demo.db")).unwrap();
    load_demo(&mut store, &DemoData::bundled()).unwrap();
    let mut app = App::new(store, ctx("23/09/2022"), Theme { color: false }, (w, h));
    app.update(Action::Resize(w, h));
    (dir, app)
}

/// A screen with the path of `demo_app_at_stable_path`'s folder as every machine's.
pub fn stable_path(screen: &str, dir: &TempDir) -> String {
    screen.replace(&dir.path().display().to_string(), "/tmp/tct000000")
}

/// The demo as `--demo` opens it (with the province's catalogue of units), seen after
/// the 2025 reform: the 2022 districts' overdue tasks say they were abolished and who
/// took over.
pub fn after_the_reform(w: u16, h: u16) -> (tempfile::TempDir, tct::app::App) {
    let (dir, mut store) = demo_store();
    tct::import::load_catalogue(&mut store, date("23/09/2022")).unwrap();
    let theme = tct::theme::Theme { color: false };
    let mut app = tct::app::App::new(store, ctx("01/12/2026"), theme, (w, h));
    app.update(tct::app::Action::Resize(w, h));
    (dir, app)
}

/// The folder of a first start's database. On Unix in /tmp, so its path is as long as
/// `/tmp/tct000000`, which the snapshots show for it, and the screen lays out the
/// same. Windows has no /tmp and a longer temporary folder, which moves a box's
/// border: there the screen is checked but not compared with the snapshot.
pub fn first_start_dir() -> TempDir {
    let mut b = tempfile::Builder::new();
    b.prefix("tct").rand_bytes(6);
    #[cfg(unix)]
    return b.tempdir_in("/tmp").unwrap();
    #[cfg(not(unix))]
    return b.tempdir().unwrap();
}

/// The screen as text, one line per row, as a person would read it.
pub fn render(app: &App) -> String {
    use ratatui::{Terminal, backend::TestBackend};
    let (w, h) = app.size;
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| tct::ui::draw(f, app)).unwrap();
    let buf = term.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let line: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

pub fn key(app: &mut App, code: ratatui::crossterm::event::KeyCode) {
    use ratatui::crossterm::event::{KeyEvent, KeyModifiers};
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

pub fn ctrl(app: &mut App, c: char) {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

/// `n` for a new record of the selected unit; the demo's Tràng Định has one of the
/// as-of date, so the question that asks about it is answered "a new one anyway".
#[allow(dead_code)]
pub fn new_record(app: &mut App) {
    key(app, ratatui::crossterm::event::KeyCode::Char('n'));
    if app
        .dialog()
        .is_some_and(|d| matches!(d.kind, tct::app::DialogKind::SameDay { .. }))
    {
        ctrl(app, 'n');
    }
}

pub fn type_text(app: &mut App, s: &str) {
    for c in s.chars() {
        key(app, ratatui::crossterm::event::KeyCode::Char(c));
    }
}

pub fn key_mod(
    app: &mut App,
    code: ratatui::crossterm::event::KeyCode,
    mods: ratatui::crossterm::event::KeyModifiers,
) {
    app.on_key(ratatui::crossterm::event::KeyEvent::new(code, mods));
}

/// A small deterministic generator, so a failing random run can be replayed from its
/// seed.
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// A count from the environment (a long run), or the short default of `cargo test`.
pub fn env_count(var: &str, default: u64) -> u64 {
    std::env::var(var)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

/// The `tct` binary run to its end, independent of the caller's settings.
pub fn tct(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_tct"))
        .args(args)
        .env_remove("TCT_DB")
        .env_remove("TCT_LANG")
        .output()
        .expect("tct runs")
}

/// Whether this is a CI run: `CI` set to anything but empty, `0` or `false` (CI runs
/// with `CI=true`).
pub fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !matches!(v.trim(), "" | "0" | "false"))
}

/// Says that a test skipped, and why, on standard error past the test harness's
/// capture, so the line shows in a plain `cargo test` too.
#[track_caller]
pub fn skipped(why: &str) {
    use std::io::Write;
    let at = std::panic::Location::caller();
    let _ = writeln!(std::io::stderr(), "skipped at {at}: {why}");
}

/// The path of the first of `programs` on PATH. When none is there, a test fails
/// under CI, which installs them (`.ci/run`); on a developer's machine it says it
/// skipped and the caller returns on `None`.
#[track_caller]
pub fn tool(what: &str, programs: &[&str]) -> Option<std::path::PathBuf> {
    let paths = std::env::var_os("PATH").unwrap_or_default();
    let found = programs.iter().find_map(|p| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(p))
            .find(|f| f.is_file())
    });
    if found.is_none() {
        let why = format!("{what} not installed (none of {programs:?} on PATH)");
        assert!(
            !under_ci(),
            "{why}: CI must run this test; .ci/run installs it"
        );
        skipped(&why);
    }
    found
}

/// Polls `cond` every 20 ms until it holds (true) or `within` has passed (false): a
/// bounded wait on the condition itself, never a fixed sleep before an assertion.
pub fn poll_until(within: std::time::Duration, mut cond: impl FnMut() -> bool) -> bool {
    let deadline = std::time::Instant::now() + within;
    loop {
        if cond() {
            return true;
        }
        if std::time::Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// A file at schema version `n`, made by that version's own migrations (so exactly
/// what that tct left), holding the rows of `from` in the columns it had then.
pub fn at_version(from: &std::path::Path, to: &std::path::Path, n: usize) {
    let c = rusqlite::Connection::open(to).unwrap();
    // Tables are copied in any order.
    c.pragma_update(None, "foreign_keys", false).unwrap();
    for sql in &tct::store::MIGRATIONS[..n] {
        c.execute_batch(sql).unwrap();
    }
    c.pragma_update(None, "application_id", tct::store::APPLICATION_ID)
        .unwrap();
    c.pragma_update(None, "user_version", n as i64).unwrap();
    c.execute("ATTACH ?1 AS now", [from.to_str().unwrap()])
        .unwrap();
    let tables: Vec<String> = c
        .prepare("SELECT name FROM main.sqlite_master WHERE type = 'table'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    // The tally, where that version had one, its triggers fill as the tasks come.
    for t in tables.into_iter().filter(|t| t != "unit_tally") {
        let cols: Vec<String> = c
            .prepare(&format!(
                "SELECT name FROM pragma_table_info('{t}', 'main')"
            ))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let cols = cols.join(", ");
        c.execute_batch(&format!(
            "INSERT INTO main.{t}({cols}) SELECT {cols} FROM now.{t}"
        ))
        .unwrap();
    }
}

/// Saves a saved record again, whole, as the form does, after `change` has had each of
/// its items (by position) to correct: a directive's wording or deadline. `saved_at`
/// is the record's own unless given. The items as they were, or `None` when there is
/// no such record.
pub fn save_again(
    store: &mut Store,
    id: i64,
    saved_at: Option<&str>,
    mut change: impl FnMut(usize, &mut tct::model::ItemInput),
) -> Option<Vec<tct::model::ItemRow>> {
    let found = store.inspection(&ctx("23/09/2022"), id).unwrap()?;
    let h = &found.header;
    let input = tct::model::InspectionInput {
        id: Some(h.id),
        unit_id: h.unit_id,
        held_on: h.held_on.unwrap(),
        place: h.place.clone(),
        chair_name: h.chair_name.clone(),
        chair_title: h.chair_title.clone(),
        members: h.members.clone(),
        attendees: h.attendees.clone(),
        report: h.report.clone(),
        items: found
            .items
            .iter()
            .enumerate()
            .map(|(n, i)| {
                let mut item = tct::model::ItemInput {
                    id: Some(i.id),
                    kind: i.kind,
                    text: i.text.clone(),
                    unit_id: i.unit_id,
                    deadline: i.deadline,
                    office: i.office.clone(),
                };
                change(n, &mut item);
                item
            })
            .collect(),
        removed: Vec::new(),
    };
    store
        .save_inspection(&input, saved_at.unwrap_or(&h.saved_at))
        .unwrap();
    Some(found.items)
}
