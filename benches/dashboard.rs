//! In-process timings of the dashboard on a generated database (not a test: run by
//! `bench/run`, which writes BENCHMARKS.md). Usage: dashboard DB [DB …]; prints one
//! Markdown table row per database.

use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tct::app::{Action, App};
use tct::domain::task::DEFAULT_SOON_DAYS;
use tct::layout::Pane;
use tct::model::{Ctx, TaskMode};
use tct::store::Store;
use tct::theme::Theme;

const W: u16 = 160;
const H: u16 = 50;

fn draw(term: &mut Terminal<TestBackend>, app: &App) {
    term.draw(|f| tct::ui::draw(f, app)).expect("draws");
}

/// Median and 99th percentile, in milliseconds.
fn stats(mut v: Vec<Duration>) -> (f64, f64) {
    v.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let p = |q: f64| ms(v[((v.len() as f64 - 1.0) * q).round() as usize]);
    (p(0.5), p(0.99))
}

/// Times `n` presses of a key, each followed by a full frame.
fn keys(
    term: &mut Terminal<TestBackend>,
    app: &mut App,
    code: KeyCode,
    mods: KeyModifiers,
    n: usize,
) -> Vec<Duration> {
    (0..n)
        .map(|_| {
            let t = Instant::now();
            app.on_key(KeyEvent::new(code, mods));
            draw(term, app);
            t.elapsed()
        })
        .collect()
}

/// End and Home in turn, each followed by a full frame: the far end of a list.
fn jumps(term: &mut Terminal<TestBackend>, app: &mut App) -> Vec<Duration> {
    (0..20)
        .map(|i| {
            let t = Instant::now();
            key(
                app,
                if i % 2 == 0 {
                    KeyCode::End
                } else {
                    KeyCode::Home
                },
            );
            draw(term, app);
            t.elapsed()
        })
        .collect()
}

fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn rss_peak_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn main() {
    let dbs: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    if dbs.is_empty() {
        eprintln!("usage: dashboard DB [DB …] (see bench/run)");
        return;
    }
    println!(
        "| tasks | first frame | unit ↓ | task ↓ | unit switch | filter char | overdue view | editor char | End/Home, busiest unit (its tasks) | End/Home, overdue view (its tasks) |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for db in dbs {
        // The size label is read before the clock starts: counting a million rows is
        // no part of opening the dashboard.
        let tasks: i64 = Store::open(std::path::Path::new(&db))
            .expect("opens")
            .connection()
            .query_row("SELECT count(*) FROM task", [], |r| r.get(0))
            .unwrap();
        let t0 = Instant::now();
        let store = Store::open(std::path::Path::new(&db)).expect("opens");
        let as_of = store
            .default_as_of()
            .expect("a generated database has an as-of date");
        let ctx = Ctx {
            as_of,
            soon_days: DEFAULT_SOON_DAYS,
        };
        let mut app = App::new(store, ctx, Theme { color: true }, (W, H));
        app.update(Action::Resize(W, H));
        let mut term = Terminal::new(TestBackend::new(W, H)).unwrap();
        draw(&mut term, &app);
        let first = t0.elapsed().as_secs_f64() * 1000.0;

        let none = KeyModifiers::NONE;
        let unit_down = keys(&mut term, &mut app, KeyCode::Down, none, 200);
        let switch = unit_down.clone();
        key(&mut app, KeyCode::Tab);
        key(&mut app, KeyCode::Tab);
        let task_down = keys(&mut term, &mut app, KeyCode::Down, none, 200);
        key(&mut app, KeyCode::Tab);
        key(&mut app, KeyCode::Char('/'));
        let mut filter = Vec::new();
        for c in "an".chars().cycle().take(40) {
            let t = Instant::now();
            key(&mut app, KeyCode::Char(c));
            draw(&mut term, &app);
            filter.push(t.elapsed());
            if filter.len() % 4 == 0 {
                for _ in 0..4 {
                    key(&mut app, KeyCode::Backspace);
                }
            }
        }
        key(&mut app, KeyCode::Esc);
        let overdue: Vec<Duration> = (0..20)
            .map(|_| {
                let t = Instant::now();
                key(&mut app, KeyCode::Char('o'));
                draw(&mut term, &app);
                t.elapsed()
            })
            .collect();
        key(&mut app, KeyCode::Char('n'));
        let editor = keys(&mut term, &mut app, KeyCode::Char('đ'), none, 300);
        // Leave the database as it was: discard the form, and drop its draft, which
        // discarding keeps.
        key(&mut app, KeyCode::Esc);
        app.on_key(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::CONTROL));
        assert!(app.form().is_none(), "the form was discarded");
        app.store
            .connection()
            .execute("DELETE FROM draft", [])
            .expect("drop the discarded draft");
        // The busiest unit's task list, jumped end to end: a page far from the top.
        let busiest: String = app
            .store
            .connection()
            .query_row(
                "SELECT u.name FROM task t JOIN unit u ON u.id = t.unit_id
                 GROUP BY t.unit_id ORDER BY count(*) DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .unwrap();
        while app.focus != Pane::Units {
            key(&mut app, KeyCode::BackTab);
        }
        key(&mut app, KeyCode::Char('/'));
        for c in busiest.chars() {
            key(&mut app, KeyCode::Char(c));
        }
        key(&mut app, KeyCode::Enter);
        key(&mut app, KeyCode::Tab);
        key(&mut app, KeyCode::Tab);
        // Every task of the unit, finished ones last: the longest list there is.
        while app.task_mode != TaskMode::All {
            key(&mut app, KeyCode::Char('m'));
        }
        let ends = jumps(&mut term, &mut app);
        let deep = app.tasks.total;
        // The province's overdue tasks, jumped end to end.
        key(&mut app, KeyCode::Char('o'));
        let overdue_ends = jumps(&mut term, &mut app);
        let overdue_total = app.tasks.total;
        key(&mut app, KeyCode::Char('o'));
        eprintln!(
            "busiest unit {busiest}: selected {:?}, {deep} tasks listed",
            app.selected_unit().map(|u| u.name.clone())
        );
        let f = |v: Vec<Duration>| {
            let (m, p) = stats(v);
            format!("{m:.2} / {p:.2}")
        };
        println!(
            "| {tasks} | {first:.1} | {} | {} | {} | {} | {} | {} | {} ({deep}) | {} ({overdue_total}) |",
            f(unit_down),
            f(task_down),
            f(switch),
            f(filter),
            f(overdue),
            f(editor),
            f(ends),
            f(overdue_ends),
        );
        eprintln!(
            "peak RSS after visiting every pane ({tasks} tasks): {} KB",
            rss_peak_kb()
        );
    }
    println!(
        "\nTimes in ms: first frame is open + first query + first draw, in process; key columns are median / p99 of key → state → full frame (160×50, headless)."
    );
}
