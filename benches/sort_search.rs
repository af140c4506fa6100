//! In-process timings of `t` (another order) and `f` (the search through every task)
//! on a generated database. Usage: sort_search DB [DB …]; prints one Markdown table
//! row per database.

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

fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

/// Each key pressed, then a full frame: median / p99 in milliseconds.
fn timed(term: &mut Terminal<TestBackend>, app: &mut App, codes: &[KeyCode]) -> String {
    let mut v: Vec<Duration> = codes
        .iter()
        .map(|c| {
            let t = Instant::now();
            key(app, *c);
            term.draw(|f| tct::ui::draw(f, app)).expect("draws");
            t.elapsed()
        })
        .collect();
    v.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let p = |q: f64| ms(v[((v.len() as f64 - 1.0) * q).round() as usize]);
    format!("{:.2} / {:.2}", p(0.5), p(0.99))
}

fn chars(s: &str) -> Vec<KeyCode> {
    s.chars().map(KeyCode::Char).collect()
}

fn main() {
    let dbs: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    println!(
        "| tasks | `t` units | `t` busiest unit's tasks (all) | `t` province overdue | `f` + title char (\"ha tang\") | `f` + number char (\"1234/ubnd\") |"
    );
    println!("|---|---|---|---|---|---|");
    for db in dbs {
        let store = Store::open(std::path::Path::new(&db)).expect("opens");
        let tasks: i64 = store
            .connection()
            .query_row("SELECT count(*) FROM task", [], |r| r.get(0))
            .unwrap();
        let as_of = store.default_as_of().expect("an as-of date");
        let ctx = Ctx {
            as_of,
            soon_days: DEFAULT_SOON_DAYS,
        };
        let mut app = App::new(store, ctx, Theme { color: true }, (W, H));
        app.update(Action::Resize(W, H));
        let mut term = Terminal::new(TestBackend::new(W, H)).unwrap();
        let t = [KeyCode::Char('t'); 20];
        let units = timed(&mut term, &mut app, &t);
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
        key(&mut app, KeyCode::Char('/'));
        for c in busiest.chars() {
            key(&mut app, KeyCode::Char(c));
        }
        key(&mut app, KeyCode::Enter);
        key(&mut app, KeyCode::Tab);
        key(&mut app, KeyCode::Tab);
        assert_eq!(app.focus, Pane::Tasks);
        while app.task_mode != TaskMode::All {
            key(&mut app, KeyCode::Char('m'));
        }
        // Half-way down, so the selected task's place is looked for in earnest.
        for _ in 0..30 {
            key(&mut app, KeyCode::PageDown);
        }
        let unit_tasks = timed(&mut term, &mut app, &t);
        key(&mut app, KeyCode::Char('o'));
        for _ in 0..30 {
            key(&mut app, KeyCode::PageDown);
        }
        let province = timed(&mut term, &mut app, &[KeyCode::Char('t'); 21]);
        key(&mut app, KeyCode::Char('f'));
        let mut title = Vec::new();
        let mut number = Vec::new();
        for _ in 0..5 {
            title.extend(chars("ha tang"));
            title.extend([KeyCode::Backspace; 7]);
            number.extend(chars("1234/ubnd"));
            number.extend([KeyCode::Backspace; 9]);
        }
        let by_title = timed(&mut term, &mut app, &title);
        let by_number = timed(&mut term, &mut app, &number);
        println!("| {tasks} | {units} | {unit_tasks} | {province} | {by_title} | {by_number} |");
    }
    println!(
        "\nTimes in ms, median / p99 of key → state → full frame (160×50, headless); the search's columns count typing and Backspace alike."
    );
}
