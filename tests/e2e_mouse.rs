//! The mouse end to end: the real binary in a pseudo-terminal gets the SGR sequences a
//! terminal sends for a click and the wheel, and the screen is read back.

// A Unix pseudo-terminal, as in e2e.rs: not in the Wine run.
#![cfg(unix)]

mod common;

use common::pty::{Tui, temp_dir};
use vt100::MouseProtocolMode;

/// Where `text` starts on screen (0-based column and row), if it is shown.
fn find(tui: &Tui, text: &str) -> Option<(usize, usize)> {
    let want: Vec<String> = text.chars().map(String::from).collect();
    tui.grid().iter().enumerate().find_map(|(r, row)| {
        (0..row.len())
            .find(|&c| row[c..].starts_with(&want))
            .map(|c| (c, r))
    })
}

/// A left press and its release on a cell, as xterm reports them (1-based).
fn click(tui: &mut Tui, (col, row): (usize, usize)) {
    let (x, y) = (col + 1, row + 1);
    tui.send(format!("\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m"));
}

fn wheel_down(tui: &mut Tui, (col, row): (usize, usize)) {
    tui.send(format!("\x1b[<65;{};{}M", col + 1, row + 1));
}

#[test]
fn clicks_select_a_unit_and_open_a_task_the_wheel_scrolls_and_quit_gives_the_mouse_back() {
    let dir = temp_dir();
    let mut tui = Tui::demo(160, 30, &dir, &[]);
    tui.wait_for("Cao Lộc");
    tui.settle();
    assert_ne!(
        tui.mouse_mode(),
        MouseProtocolMode::None,
        "the dashboard takes the mouse"
    );

    let unit = find(&tui, "Cao Lộc").unwrap();
    click(&mut tui, unit);
    tui.wait_until("Cao Lộc's sentence", |t| {
        t.flat_screen()
            .contains("Cao Lộc (huyện): 03/11 chỉ tiêu đạt và vượt")
    });

    // Two clicks on a task's row, as quick as a double click, open its detail.
    let task = find(&tui, "Khắc phục các điểm đen").unwrap();
    click(&mut tui, task);
    click(&mut tui, task);
    tui.wait_until("the task's detail", |t| t.box_lines("Chi tiết").is_some());
    tui.assert_screen_has("Khắc phục các điểm đen");
    tui.send("\x1b");
    tui.wait_until("the detail closed", |t| t.box_lines("Chi tiết").is_none());

    // The wheel over the Tasks pane moves its rows up: the first shown is gone.
    let first = tui.box_lines("Nhiệm vụ").unwrap()[1].clone();
    let over = find(&tui, "Khắc phục các điểm đen").unwrap();
    wheel_down(&mut tui, over);
    tui.wait_until("the tasks scrolled", |t| {
        t.box_lines("Nhiệm vụ")
            .is_some_and(|rows| !rows.contains(&first))
    });

    tui.quit_with(b"q");
    assert_eq!(
        tui.mouse_mode(),
        MouseProtocolMode::None,
        "the mouse left captured after exit"
    );
}
