//! End-to-end tests: run the real `tct` binary in a pseudo-terminal, type at it, and read
//! the screen back through a terminal emulator (vt100), as a person would see it.
//!
//! Every wait is bounded; a child that outlives its test is killed when the harness drops.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};
use tempfile::TempDir;

/// The longest any single wait may take before the test fails.
const TIMEOUT: Duration = Duration::from_secs(10);

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("terminal size must be non-zero")
}

fn pty_size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

/// `tct` running in a pseudo-terminal, with its screen mirrored by a vt100 parser.
struct Tui {
    parser: Arc<Mutex<vt100::Parser>>,
    /// Bytes read from the terminal so far; lets `settle` see when output stops.
    bytes_read: Arc<AtomicU64>,
    /// Set by the reader thread when the terminal reports end of output.
    reader_done: Arc<AtomicBool>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    exited: bool,
}

impl Tui {
    /// Start `tct ARGS...` in a `cols`×`rows` terminal, in `cwd`.
    fn spawn(cols: u16, rows: u16, cwd: &Path, args: &[&str]) -> Tui {
        let pair = native_pty_system()
            .openpty(pty_size(cols, rows))
            .expect("open a pseudo-terminal");

        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_tct"));
        cmd.args(args);
        cmd.cwd(cwd);
        cmd.env("TERM", "xterm-256color");
        // Keep the run independent of the caller's settings.
        for var in ["TCT_DB", "TCT_LANG", "NO_COLOR", "RUST_BACKTRACE"] {
            cmd.env_remove(var);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn tct");
        // Our copy of the slave must close, or the reader never sees end of output.
        drop(pair.slave);

        let parser = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let bytes_read = Arc::new(AtomicU64::new(0));
        let reader_done = Arc::new(AtomicBool::new(false));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        {
            let parser = Arc::clone(&parser);
            let bytes_read = Arc::clone(&bytes_read);
            let reader_done = Arc::clone(&reader_done);
            thread::spawn(move || {
                let mut buf = [0u8; 8192];
                // Ends on EOF, or EIO once the child and every copy of the slave are gone.
                while let Ok(n) = reader.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    parser.lock().unwrap().process(&buf[..n]);
                    bytes_read.fetch_add(n as u64, Ordering::SeqCst);
                }
                reader_done.store(true, Ordering::SeqCst);
            });
        }
        let writer = pair.master.take_writer().expect("pty writer");
        Tui {
            parser,
            bytes_read,
            reader_done,
            master: pair.master,
            writer,
            child,
            exited: false,
        }
    }

    /// Start `tct --demo --db DB ARGS...`.
    fn demo(cols: u16, rows: u16, dir: &TempDir, extra: &[&str]) -> Tui {
        let db = db_path(dir);
        let mut args = vec!["--demo", "--db", db.to_str().expect("utf-8 temp path")];
        args.extend_from_slice(extra);
        Tui::spawn(cols, rows, dir.path(), &args)
    }

    /// The screen as text, one line per row.
    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// The screen rows, trimmed and joined with single spaces, so that a sentence the
    /// app wrapped over two rows can still be found whole.
    fn flat_screen(&self) -> String {
        self.screen()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn send(&mut self, bytes: impl AsRef<[u8]>) {
        self.writer
            .write_all(bytes.as_ref())
            .and_then(|()| self.writer.flush())
            .expect("write to the pty");
    }

    /// Fail the test, showing what was on the screen.
    fn fail(&mut self, why: &str) -> ! {
        let screen = self.screen();
        self.kill();
        panic!("{why}\n----- screen -----\n{screen}\n------------------");
    }

    /// Poll until `cond` holds for the screen text, or fail after `timeout`.
    fn wait_until(&mut self, what: &str, timeout: Duration, cond: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + timeout;
        loop {
            if cond(&self.screen()) {
                return;
            }
            if Instant::now() >= deadline {
                self.fail(&format!("timed out after {timeout:?} waiting for {what}"));
            }
            if !self.exited && matches!(self.child.try_wait(), Ok(Some(_))) {
                // Let the last output arrive, then look once more before giving up.
                self.wait_reader(Duration::from_secs(2));
                if cond(&self.screen()) {
                    return;
                }
                self.fail(&format!("tct exited while waiting for {what}"));
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Wait until the screen contains `text`.
    fn wait_for(&mut self, text: &str, timeout: Duration) {
        self.wait_until(&format!("{text:?} on screen"), timeout, |s| {
            s.contains(text)
        });
    }

    /// Wait until the screen no longer contains `text`.
    fn wait_gone(&mut self, text: &str, timeout: Duration) {
        self.wait_until(&format!("{text:?} to leave the screen"), timeout, |s| {
            !s.contains(text)
        });
    }

    /// Wait (bounded) until no output has arrived for a little while, so that the screen
    /// is a whole frame rather than one caught half drawn.
    fn settle(&self) {
        let quiet = Duration::from_millis(150);
        let deadline = Instant::now() + TIMEOUT;
        let mut last = self.bytes_read.load(Ordering::SeqCst);
        let mut since = Instant::now();
        while Instant::now() < deadline && since.elapsed() < quiet {
            thread::sleep(Duration::from_millis(20));
            let now = self.bytes_read.load(Ordering::SeqCst);
            if now != last {
                last = now;
                since = Instant::now();
            }
        }
    }

    fn assert_screen_has(&mut self, text: &str) {
        if !self.flat_screen().contains(text) {
            self.fail(&format!("expected {text:?} on screen"));
        }
    }

    /// Resize the terminal, as a window manager would.
    fn resize(&mut self, cols: u16, rows: u16) {
        self.parser.lock().unwrap().set_size(nz(rows), nz(cols));
        self.master
            .resize(pty_size(cols, rows))
            .expect("resize the pty");
    }

    /// Wait for tct to exit and for its last output to reach the parser. On timeout the
    /// child is killed and the test fails.
    fn wait_exit(&mut self, timeout: Duration) -> ExitStatus {
        let deadline = Instant::now() + timeout;
        loop {
            match self.child.try_wait() {
                Ok(Some(status)) => {
                    self.exited = true;
                    self.wait_reader(Duration::from_secs(2));
                    return status;
                }
                Ok(None) => {}
                Err(e) => self.fail(&format!("waiting for tct: {e}")),
            }
            if Instant::now() >= deadline {
                self.fail(&format!("tct did not exit within {timeout:?}"));
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Wait (bounded) for the reader thread to drain the terminal after the child exits.
    fn wait_reader(&self, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        while !self.reader_done.load(Ordering::SeqCst) && Instant::now() < deadline {
            thread::sleep(Duration::from_millis(10));
        }
    }

    fn alternate_screen(&self) -> bool {
        self.parser.lock().unwrap().screen().alternate_screen()
    }

    fn bracketed_paste(&self) -> bool {
        self.parser.lock().unwrap().screen().bracketed_paste()
    }

    fn hide_cursor(&self) -> bool {
        self.parser.lock().unwrap().screen().hide_cursor()
    }

    /// The terminal's local mode flags by name (ICANON, ECHO, ...), as the kernel holds
    /// them for the pty. Named through `Debug` so the test needs no termios crate.
    #[cfg(unix)]
    fn local_flags(&self) -> Vec<String> {
        let termios = self.master.get_termios().expect("read the pty's termios");
        format!("{:?}", termios.local_flags)
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    }

    fn kill(&mut self) {
        if !self.exited {
            let _ = self.child.kill();
            let _ = self.child.wait();
            self.exited = true;
        }
    }

    /// Quit with `keys` and assert a clean exit that gives the terminal back.
    fn quit_with(&mut self, keys: &[u8]) {
        self.send(keys);
        let status = self.wait_exit(TIMEOUT);
        if !status.success() {
            self.fail(&format!("tct exited with {status}"));
        }
        if self.alternate_screen() {
            self.fail("tct exited but left the terminal on the alternate screen");
        }
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        // Runs before the writer drops, so its EOF byte never reaches a live app.
        self.kill();
    }
}

fn db_path(dir: &TempDir) -> PathBuf {
    dir.path().join("tct.db")
}

fn temp_dir() -> TempDir {
    tempfile::tempdir().expect("create a temp dir")
}

/// The overdue day counts ("quá hạn N ngày") in the order the rows appear on screen.
fn overdue_days(screen: &str) -> Vec<u32> {
    const MARK: &str = "quá hạn ";
    let mut days = Vec::new();
    for line in screen.lines() {
        let mut rest = line;
        while let Some(i) = rest.find(MARK) {
            rest = &rest[i + MARK.len()..];
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if !digits.is_empty() && rest[digits.len()..].starts_with(" ngày") {
                days.push(digits.parse().expect("day count"));
            }
        }
    }
    days
}

#[test]
fn filter_units_shows_scorecard_and_quit_restores_terminal() {
    let dir = temp_dir();
    let mut tui = Tui::demo(80, 24, &dir, &[]);
    tui.wait_for("Tràng Định", TIMEOUT);
    tui.wait_for("Ngày xem 23/09/2022", TIMEOUT);
    assert!(
        tui.alternate_screen(),
        "the dashboard runs on the alternate screen"
    );
    assert!(
        tui.bracketed_paste(),
        "the dashboard enables bracketed paste"
    );
    #[cfg(unix)]
    assert!(
        !tui.local_flags().iter().any(|f| f == "ICANON"),
        "the dashboard runs in raw mode"
    );

    tui.send("/");
    tui.send("trang dinh");
    tui.send("\r");
    tui.wait_for("02/14 chỉ tiêu đạt và vượt", TIMEOUT);
    tui.wait_for("Đơn vị (1)", TIMEOUT);
    tui.settle();
    // The summary sentence may wrap at 80 columns; look for it across rows.
    tui.assert_screen_has("Tràng Định: 02/14 chỉ tiêu đạt và vượt");
    tui.assert_screen_has("04/14 đạt trên 70%");
    tui.assert_screen_has("08/14 dưới 70%");
    tui.assert_screen_has("11/11 nhiệm vụ hoàn thành đúng hạn");
    if tui.screen().contains("Bắc Sơn") {
        tui.fail("the filter should hide every unit but Tràng Định");
    }

    // Enter kept the filter and left the filter prompt, so `q` quits rather than typing.
    tui.quit_with(b"q");
    assert!(!tui.bracketed_paste(), "bracketed paste left on after exit");
    assert!(!tui.hide_cursor(), "cursor left hidden after exit");
    #[cfg(unix)]
    {
        let flags = tui.local_flags();
        assert!(
            ["ICANON", "ECHO"]
                .iter()
                .all(|f| flags.iter().any(|g| g == f)),
            "raw mode left on after exit: local flags {flags:?}"
        );
    }
}

#[test]
fn overdue_view_lists_most_overdue_first() {
    let dir = temp_dir();
    let mut tui = Tui::demo(160, 50, &dir, &[]);
    tui.wait_for("Văn Quan", TIMEOUT);
    if tui.screen().contains("Quá hạn – toàn tỉnh") {
        tui.fail("the province-wide overdue view should be off at start");
    }

    tui.send("o");
    tui.wait_for("Quá hạn – toàn tỉnh", TIMEOUT);
    tui.wait_for("quá hạn 140 ngày", TIMEOUT);
    tui.settle();
    let screen = tui.screen();
    let days = overdue_days(&screen);
    if days.first() != Some(&140) {
        tui.fail(&format!(
            "the first overdue row should be the 140-day one; rows in order: {days:?}"
        ));
    }
    if days.len() < 2 || days.windows(2).any(|w| w[0] < w[1]) {
        tui.fail(&format!(
            "overdue rows should run from most to least overdue; rows in order: {days:?}"
        ));
    }
    let row_140 = screen
        .lines()
        .find(|l| l.contains("quá hạn 140 ngày"))
        .unwrap_or_default();
    if !row_140.contains("Văn Quan") {
        tui.fail(&format!(
            "the 140-day task belongs to Văn Quan; its row: {row_140:?}"
        ));
    }

    tui.quit_with(&[0x03]);
}

#[test]
fn help_overlay_opens_and_closes() {
    let dir = temp_dir();
    let mut tui = Tui::demo(120, 40, &dir, &[]);
    tui.wait_for("Tràng Định", TIMEOUT);
    tui.settle();
    if tui.screen().contains("Phím tắt") || tui.screen().contains("thoát") {
        tui.fail("the help should not be showing before `?`");
    }

    tui.send("?");
    tui.wait_for("Phím tắt", TIMEOUT);
    tui.wait_for("thoát", TIMEOUT);

    tui.send("\x1b");
    tui.wait_gone("Phím tắt", TIMEOUT);
    tui.wait_gone("thoát", TIMEOUT);
    // The dashboard is back underneath.
    tui.wait_for("Tràng Định", TIMEOUT);

    tui.quit_with(b"q");
}

#[test]
fn english_interface() {
    let dir = temp_dir();
    let mut tui = Tui::demo(80, 24, &dir, &["--lang", "en"]);
    tui.wait_for("As of 23/09/2022", TIMEOUT);
    tui.wait_for("Units", TIMEOUT);
    tui.settle();
    if tui.screen().contains("Ngày xem") {
        tui.fail("--lang en should not show the Vietnamese status bar");
    }
    tui.quit_with(b"q");
}

#[test]
fn data_persists_between_runs() {
    let dir = temp_dir();
    let db = db_path(&dir);
    {
        let mut first = Tui::demo(80, 24, &dir, &[]);
        first.wait_for("Tràng Định", TIMEOUT);
        first.quit_with(b"q");
    }
    assert!(
        db.exists(),
        "the demo run should have created {}",
        db.display()
    );

    // Same database, no --demo: what the first run wrote must still be there.
    let db_arg = db.to_str().expect("utf-8 temp path");
    let mut second = Tui::spawn(80, 24, dir.path(), &["--db", db_arg]);
    second.wait_for("[DỮ LIỆU MẪU]", TIMEOUT);
    second.wait_for("Tràng Định", TIMEOUT);
    second.wait_for("Ngày xem 23/09/2022", TIMEOUT);
    second.quit_with(b"q");
}

#[test]
fn survives_resize_to_tiny_and_back() {
    let dir = temp_dir();
    let mut tui = Tui::demo(80, 24, &dir, &[]);
    tui.wait_for("Tràng Định", TIMEOUT);

    tui.resize(20, 5);
    tui.wait_for("quá nhỏ", TIMEOUT);

    tui.resize(100, 30);
    tui.wait_for("Tràng Định", TIMEOUT);
    tui.wait_gone("quá nhỏ", TIMEOUT);
    tui.wait_for("Ngày xem 23/09/2022", TIMEOUT);

    tui.quit_with(b"q");
}
