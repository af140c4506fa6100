//! The real `tct` binary in a pseudo-terminal, its screen mirrored by a vt100 parser:
//! the harness of the end-to-end tests. Every wait is bounded; a child that outlives
//! its test is killed when the harness drops.

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
pub const TIMEOUT: Duration = Duration::from_secs(10);

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

pub fn db_path(dir: &TempDir) -> PathBuf {
    dir.path().join("tct.db")
}

pub fn temp_dir() -> TempDir {
    tempfile::tempdir().expect("create a temp dir")
}

/// `tct` running in a pseudo-terminal, with its screen mirrored by a vt100 parser.
pub struct Tui {
    parser: Arc<Mutex<vt100::Parser>>,
    /// Bytes read from the terminal so far; lets `settle` see when output stops.
    bytes_read: Arc<AtomicU64>,
    /// Set by the reader thread when the terminal reports end of output.
    reader_done: Arc<AtomicBool>,
    // Kept open for the life of the child: dropping the master hangs up its terminal.
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    pub exited: bool,
}

impl Tui {
    /// Start `tct ARGS...` in a `cols`×`rows` terminal, in `cwd`.
    pub fn spawn(cols: u16, rows: u16, cwd: &Path, args: &[&str]) -> Tui {
        Tui::spawn_env(cols, rows, cwd, args, &[])
    }

    /// Start `tct ARGS...` with these environment variables set as well.
    pub fn spawn_env(
        cols: u16,
        rows: u16,
        cwd: &Path,
        args: &[&str],
        env: &[(&str, &Path)],
    ) -> Tui {
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
        for (var, value) in env {
            cmd.env(var, value);
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
    pub fn demo(cols: u16, rows: u16, dir: &TempDir, extra: &[&str]) -> Tui {
        let db = db_path(dir);
        let mut args = vec!["--demo", "--db", db.to_str().expect("utf-8 temp path")];
        args.extend_from_slice(extra);
        Tui::spawn(cols, rows, dir.path(), &args)
    }

    /// The screen as text, one line per row.
    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// The screen rows, trimmed and joined with single spaces, so that a sentence the
    /// app wrapped over two rows can still be found whole.
    pub fn flat_screen(&self) -> String {
        self.screen()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The screen as a grid of cells, one string per cell (" " for a blank one).
    pub fn grid(&self) -> Vec<Vec<String>> {
        let parser = self.parser.lock().unwrap();
        let screen = parser.screen();
        let (rows, cols) = screen.size();
        (0..rows.get())
            .map(|r| {
                (0..cols.get())
                    .filter_map(|c| screen.cell(r, c))
                    .filter(|cell| !cell.is_wide_continuation())
                    .map(|cell| match cell.contents() {
                        "" => " ".to_string(),
                        s => s.to_string(),
                    })
                    .collect()
            })
            .collect()
    }

    /// The inside of the box whose top border starts with `┌ TITLE`, one string per
    /// row (right-trimmed), or None when no such box is on screen.
    pub fn box_lines(&self, title: &str) -> Option<Vec<String>> {
        let grid = self.grid();
        let head: Vec<String> = format!(" {title}").chars().map(String::from).collect();
        for (r, row) in grid.iter().enumerate() {
            for (left, cell) in row.iter().enumerate() {
                if cell != "┌" || row.get(left + 1..left + 1 + head.len()) != Some(&head[..]) {
                    continue;
                }
                let right = left + row[left..].iter().position(|c| c == "┐")?;
                let bottom = r + grid[r..].iter().position(|row| row[left] == "└")?;
                return Some(
                    grid[r + 1..bottom]
                        .iter()
                        .map(|row| row[left + 1..right].concat().trim_end().to_string())
                        .collect(),
                );
            }
        }
        None
    }

    /// The text inside a box, its rows trimmed and joined with single spaces, so that
    /// a sentence wrapped over several rows reads whole again.
    pub fn box_text(&self, title: &str) -> String {
        self.box_lines(title)
            .unwrap_or_default()
            .iter()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Writes to tct's terminal. Keys written together are what a paste sent as keys
    /// looks like, and tct takes such a burst as pasted text (`tct::app::on_keys`): a
    /// Tab, an Enter or a one-letter command is therefore written alone, as a person
    /// presses it, once tct is quiet, and tct is let read it before what follows.
    pub fn send(&mut self, bytes: impl AsRef<[u8]>) {
        let bytes = bytes.as_ref();
        let alone =
            matches!(bytes, [b'\t' | b'\r']) || matches!(bytes, [c] if c.is_ascii_graphic());
        if alone {
            self.settle();
        }
        self.send_now(bytes);
        if alone {
            self.settle();
        }
    }

    /// Writes to tct's terminal at once, whatever it is doing.
    pub fn send_now(&mut self, bytes: impl AsRef<[u8]>) {
        if let Err(e) = self
            .writer
            .write_all(bytes.as_ref())
            .and_then(|()| self.writer.flush())
        {
            self.fail(&format!("write to the pty: {e}"));
        }
    }

    /// Fail the test, showing what was on the screen.
    pub fn fail(&mut self, why: &str) -> ! {
        let screen = self.screen();
        self.kill();
        panic!("{why}\n----- screen -----\n{screen}\n------------------");
    }

    /// Poll until `cond` holds for this terminal, or fail after `TIMEOUT`.
    pub fn wait_until(&mut self, what: &str, cond: impl Fn(&Tui) -> bool) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if cond(self) {
                return;
            }
            if Instant::now() >= deadline {
                self.fail(&format!("timed out after {TIMEOUT:?} waiting for {what}"));
            }
            if !self.exited && matches!(self.child.try_wait(), Ok(Some(_))) {
                // Let the last output arrive, then look once more before giving up.
                self.exited = true;
                self.wait_reader(Duration::from_secs(2));
                if cond(self) {
                    return;
                }
                self.fail(&format!("tct exited while waiting for {what}"));
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Wait until the screen contains `text` (on one row).
    pub fn wait_for(&mut self, text: &str) {
        self.wait_until(&format!("{text:?} on screen"), |t| {
            t.screen().contains(text)
        });
    }

    /// Wait until the screen no longer contains `text`.
    pub fn wait_gone(&mut self, text: &str) {
        self.wait_until(&format!("{text:?} to leave the screen"), |t| {
            !t.screen().contains(text)
        });
    }

    /// Wait (bounded) until no output has arrived for a little while, so that the screen
    /// is a whole frame rather than one caught half drawn.
    pub fn settle(&self) {
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

    pub fn assert_screen_has(&mut self, text: &str) {
        if !self.flat_screen().contains(text) {
            self.fail(&format!("expected {text:?} on screen"));
        }
    }

    /// Resize the terminal, as a window manager would.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.parser.lock().unwrap().set_size(nz(rows), nz(cols));
        self.master
            .resize(pty_size(cols, rows))
            .expect("resize the pty");
    }

    /// Wait for tct to exit and for its last output to reach the parser. On timeout the
    /// child is killed and the test fails.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
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
                self.fail(&format!("tct did not exit within {TIMEOUT:?}"));
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Wait (bounded) for the reader thread to drain the terminal after the child exits.
    pub fn wait_reader(&self, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        while !self.reader_done.load(Ordering::SeqCst) && Instant::now() < deadline {
            thread::sleep(Duration::from_millis(10));
        }
    }

    pub fn alternate_screen(&self) -> bool {
        self.parser.lock().unwrap().screen().alternate_screen()
    }

    pub fn bracketed_paste(&self) -> bool {
        self.parser.lock().unwrap().screen().bracketed_paste()
    }

    /// Which mouse events the terminal is asked to report.
    pub fn mouse_mode(&self) -> vt100::MouseProtocolMode {
        self.parser.lock().unwrap().screen().mouse_protocol_mode()
    }

    pub fn hide_cursor(&self) -> bool {
        self.parser.lock().unwrap().screen().hide_cursor()
    }

    /// The terminal's local mode flags by name (ICANON, ECHO, ...), as the kernel holds
    /// them for the pty. Named through `Debug` so the test needs no termios crate.
    pub fn local_flags(&self) -> Vec<String> {
        let termios = self.master.get_termios().expect("read the pty's termios");
        format!("{:?}", termios.local_flags)
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    }

    /// Send `keys` and assert a clean exit that gives the terminal back.
    pub fn quit_with(&mut self, keys: impl AsRef<[u8]>) {
        self.send(keys);
        let status = self.wait_exit();
        if !status.success() {
            self.fail(&format!("tct exited with {status}"));
        }
        if self.alternate_screen() {
            self.fail("tct exited but left the terminal on the alternate screen");
        }
    }

    /// SIGKILL, as a crash or a power cut would: tct gets no chance to tidy up.
    pub fn kill_hard(&mut self) {
        let pid = self.child.process_id().expect("tct's process id");
        // Sent directly, not through a `kill` process: it lands within microseconds of
        // the call, so a test can aim it at a moment.
        // SAFETY: kill(2) with a pid this test spawned and has not yet reaped.
        let sent = unsafe { libc::kill(pid as libc::pid_t, libc::SIGKILL) };
        assert_eq!(sent, 0, "kill -KILL {pid} failed");
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Ok(Some(_)) = self.child.try_wait() {
                self.exited = true;
                return;
            }
            assert!(Instant::now() < deadline, "tct outlived SIGKILL");
            thread::sleep(Duration::from_millis(10));
        }
    }

    /// SIGSTOP: tct reads nothing more until it is killed, so a key sent now is never
    /// handled.
    pub fn freeze(&mut self) {
        let pid = self.child.process_id().expect("tct's process id");
        // SAFETY: kill(2) with a pid this test spawned and has not yet reaped.
        let sent = unsafe { libc::kill(pid as libc::pid_t, libc::SIGSTOP) };
        assert_eq!(sent, 0, "kill -STOP {pid} failed");
    }

    /// Sends a signal, as `kill -SIG` from another shell would.
    pub fn signal(&mut self, signal: libc::c_int) {
        let pid = self.child.process_id().expect("tct's process id");
        // SAFETY: kill(2) with a pid this test spawned and has not yet reaped.
        let sent = unsafe { libc::kill(pid as libc::pid_t, signal) };
        assert_eq!(sent, 0, "kill -{signal} {pid} failed");
    }

    pub fn kill(&mut self) {
        if !self.exited {
            let _ = self.child.kill();
            let _ = self.child.wait();
            self.exited = true;
        }
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        // Runs before the writer drops, so its EOF byte never reaches a live app.
        self.kill();
    }
}
