//! Two laptops' copies of the demo that each extended one task's deadline before they
//! exchanged: the conflict the app shows. Included by the tests of the conflicts'
//! view (`#[path]`), so the other test binaries do not carry it.
#![allow(dead_code)]

use tct::app::{Action, App};
use tct::store::{DemoData, Store, load_demo};
use tct::theme::Theme;
use tempfile::TempDir;

pub fn date(s: &str) -> chrono::NaiveDate {
    tct::domain::format::parse_date(s).unwrap()
}

/// A laptop's name, the same on every machine (a copy is named after its host).
pub fn name(store: &Store, name: &str) {
    store
        .connection()
        .execute("UPDATE sync_self SET name = ?1 WHERE id = 1", [name])
        .unwrap();
}

pub fn deadline(store: &Store, task: i64) -> Option<String> {
    store
        .connection()
        .query_row("SELECT deadline FROM task WHERE id = ?1", [task], |r| {
            r.get(0)
        })
        .unwrap()
}

/// Everything a decision could change: every task's deadline, the decisions, the
/// changes kept for the other laptops.
pub fn content(store: &Store) -> String {
    let c = store.connection();
    let mut out = String::new();
    for sql in [
        "SELECT group_concat(id || ':' || coalesce(deadline, '-'), ',') FROM task",
        "SELECT count(*) || '' FROM sync_decision",
        "SELECT count(*) || '' FROM sync_change",
        "SELECT count(*) || '' FROM extension",
    ] {
        let v: String = c.query_row(sql, [], |r| r.get(0)).unwrap();
        out.push_str(&v);
        out.push('\n');
    }
    out
}

pub struct Laptops {
    pub dir: TempDir,
    /// The laptop that took in the other's changes, and shows the conflict.
    pub a: Store,
    pub b: Store,
    /// The task whose deadline both extended: A to 15/12/2022, then B to 31/12/2022.
    pub task: i64,
}

/// Two copies of the demo, MÁY-A and MÁY-B; each extends the first open task's
/// deadline (B later, so B's wins), then A takes in B's bundle. With `delete`, B
/// first extends a second task's deadline and A deletes, later, the inspection that
/// task came from, with its tasks: a conflict with no value to put back.
pub fn laptops(delete: bool) -> Laptops {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("a.db");
    let mut store = Store::open(&first).unwrap();
    load_demo(&mut store, &DemoData::bundled()).unwrap();
    drop(store);
    let second = dir.path().join("b.db");
    std::fs::copy(&first, &second).unwrap();
    let mut a = Store::open(&first).unwrap();
    let mut b = Store::open(&second).unwrap();
    let open = "SELECT id FROM task WHERE completed_on IS NULL AND deadline IS NOT NULL
                AND inspection_id IS NOT NULL ORDER BY id";
    let tasks: Vec<i64> = a
        .connection()
        .prepare(open)
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let task = tasks[0];
    let wait = || std::thread::sleep(std::time::Duration::from_millis(3));
    if delete {
        // A task of another inspection than the first task's.
        let inspection_of = |t: i64| -> i64 {
            a.connection()
                .query_row("SELECT inspection_id FROM task WHERE id = ?1", [t], |r| {
                    r.get(0)
                })
                .unwrap()
        };
        let other = *tasks
            .iter()
            .find(|&&t| inspection_of(t) != inspection_of(task))
            .unwrap();
        let ins = inspection_of(other);
        b.write(|tx| tx.extend_deadline(other, None, date("20/12/2022"), "B"))
            .unwrap();
        wait();
        a.write(|tx| tx.delete_inspection(ins, true, "2022-09-23T08:00:00"))
            .unwrap();
        wait();
    }
    a.write(|tx| tx.extend_deadline(task, None, date("15/12/2022"), "A"))
        .unwrap();
    wait();
    b.write(|tx| tx.extend_deadline(task, None, date("31/12/2022"), "B"))
        .unwrap();
    name(&a, "MÁY-A");
    name(&b, "MÁY-B");
    let bytes = tct::sync::bundle_of(&mut b).unwrap();
    tct::sync::take(&mut a, &bytes).unwrap();
    Laptops { dir, a, b, task }
}

/// The app over a store at 23/09/2022, without colour.
pub fn app(store: Store, w: u16, h: u16) -> App {
    let ctx = tct::model::Ctx {
        as_of: date("23/09/2022"),
        soon_days: tct::domain::task::DEFAULT_SOON_DAYS,
    };
    let mut app = App::new(store, ctx, Theme { color: false }, (w, h));
    app.update(Action::Resize(w, h));
    app
}

/// The screen with the moments that depend on the clock put as their form: the
/// title's last exchange and each conflict's time, which are as wide.
pub fn masked(app: &App, screen: &str) -> String {
    let mut out = screen.to_string();
    if let Some(last) = app.exchange.as_ref().and_then(|x| x.last.as_ref()) {
        out = out.replace(last.as_str(), "dd/mm HH:MM");
    }
    if let Some(tct::app::Overlay::Conflicts { rows, .. }) = app.overlay() {
        for r in rows {
            out = out.replace(r.at.as_str(), "dd/mm/yyyy HH:MM");
        }
    }
    out
}
