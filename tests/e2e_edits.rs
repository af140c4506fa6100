//! An extension typed in the real binary in a pseudo-terminal, as a secretary types it
//! in a meeting, then taken back with Ctrl-Z: the file holds each state the screen
//! confirms.

// The pseudo-terminal harness drives a Unix pty; Windows has only its ConPTY, which
// Wine does not emulate faithfully, so these run on Linux and not in the Wine run.
#![cfg(unix)]

mod common;

use common::inspection::{count, open_db};
use common::pty::{Tui, temp_dir};

#[test]
fn an_extension_typed_in_the_terminal_is_written_then_undone() {
    let dir = temp_dir();
    let mut tui = Tui::demo(120, 30, &dir, &[]);
    tui.wait_for("Ngày xem 23/09/2022");
    let before = count(&open_db(&dir), "extension");
    // The district and, from the province's catalogue, its township of that name;
    // the district (the demo's) comes first.
    for k in ["/", "cao loc", "\r"] {
        tui.send(k);
    }
    tui.wait_for("Đơn vị (2)");
    tui.wait_for("Cao Lộc (huyện)");
    tui.send("m");
    tui.wait_for("quá hạn (5)");
    for k in ["\t", "\t", "+"] {
        tui.send(k);
    }
    tui.wait_for("Gia hạn nhiệm vụ");
    for k in [
        "31/12/2022",
        "\t",
        "Văn bản số 123/UBND-KT",
        "\t",
        "chờ vốn Trung ương",
        "\r",
    ] {
        tui.send(k);
    }
    tui.wait_for("Đã gia hạn đến 31/12/2022");
    assert_eq!(count(&open_db(&dir), "extension"), before + 1);
    let reason: String = open_db(&dir)
        .query_row(
            "SELECT reason FROM extension ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(reason, "Văn bản số 123/UBND-KT · chờ vốn Trung ương");
    // Ctrl-Z.
    tui.send([0x1a]);
    tui.wait_for("Đã hoàn tác");
    assert_eq!(count(&open_db(&dir), "extension"), before);
    tui.quit_with(b"q");
}
