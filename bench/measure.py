"""Whole-process figures for BENCHMARKS.md: reports against the sqlite3 floor (and
Taskwarrior when installed), first frame in a real pseudo-terminal, idle CPU, and
import speed. Called by bench/run with the generated databases."""

import fcntl
import os
import pty
import select
import shutil
import signal
import sqlite3
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time

TCT = "target/release/tct"
RUNS = 7


def timed(cmd, runs=RUNS):
    """Median wall time of a command, in ms."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def busiest_unit(db):
    con = sqlite3.connect(db)
    row = con.execute(
        "SELECT u.id, u.name FROM unit u JOIN task t ON t.unit_id = u.id GROUP BY u.id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    as_of = con.execute("SELECT value FROM setting WHERE key = 'as_of'").fetchone()[0]
    con.close()
    return row[0], row[1], as_of


OVERDUE = (
    "SELECT t.id, t.title, t.doc_number, u.name, t.deadline FROM task t JOIN unit u ON u.id = t.unit_id "
    "WHERE {scope} t.deadline < '{d}' AND (t.completed_on IS NULL OR t.completed_on > '{d}') "
    "AND (t.assigned_on IS NULL OR t.assigned_on <= '{d}') ORDER BY t.deadline"
)


def first_frame_pty(db, marker=b"Ng"):
    """Process start to the first frame read back from a pseudo-terminal, in ms."""
    t = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execv(TCT, [TCT, "--db", db])
    # A real terminal's size, so the first frame is the dashboard.
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 160, 0, 0))
    os.kill(pid, signal.SIGWINCH)
    seen = b""
    deadline = time.time() + 20
    while time.time() < deadline:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
            if "Ngày xem".encode() in seen:
                break
    elapsed = (time.perf_counter() - t) * 1000
    # Keep reading, or a full terminal buffer would stall the app's writes.
    def drain():
        try:
            while os.read(fd, 65536):
                pass
        except OSError:
            pass
    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    idle = idle_cpu(pid)
    os.write(fd, b"q")
    os.waitpid(pid, 0)
    reader.join(timeout=2)
    os.close(fd)
    return elapsed, idle


def idle_cpu(pid, seconds=10):
    """CPU time (ms) the app used while nobody touched it for `seconds`."""
    def ticks():
        with open(f"/proc/{pid}/stat") as f:
            parts = f.read().rsplit(")", 1)[1].split()
        return int(parts[11]) + int(parts[12])
    time.sleep(0.5)
    a = ticks()
    time.sleep(seconds)
    b = ticks()
    return (b - a) * 1000 / os.sysconf("SC_CLK_TCK")


def main(dbs):
    have_sqlite = shutil.which("sqlite3") is not None
    print("## Whole processes\n")
    print("| tasks | report overdue --unit X | sqlite3, same query | report overdue (all) | sqlite3, same query | first frame in a pty | CPU while idle 10 s |")
    print("|---|---|---|---|---|---|---|")
    for db in dbs:
        n = sqlite3.connect(db).execute("SELECT count(*) FROM task").fetchone()[0]
        uid, uname, d = busiest_unit(db)
        one = timed([TCT, "--db", db, "report", "overdue", "--unit", uname, "--format", "csv"])
        allr = timed([TCT, "--db", db, "report", "overdue", "--format", "csv"], runs=3)
        if have_sqlite:
            q1 = OVERDUE.format(scope=f"t.unit_id = {uid} AND", d=d)
            qa = OVERDUE.format(scope="", d=d)
            s1 = f"{timed(['sqlite3', '-csv', db, q1]):.0f} ms"
            sa = f"{timed(['sqlite3', '-csv', db, qa], runs=3):.0f} ms"
        else:
            s1 = sa = "sqlite3 not installed"
        frame, idle = first_frame_pty(db)
        print(f"| {n} | {one:.0f} ms | {s1} | {allr:.0f} ms | {sa} | {frame:.0f} ms | {idle:.0f} ms |")
    print(f"\nMedians of {RUNS} runs (3 for the all-units report); the busiest unit is X. "
          "The pty figure includes process start and terminal set-up.")
    if shutil.which("task") is None:
        print("\nTaskwarrior: not installed, comparison skipped (apt-get install taskwarrior).")
    import_speed(dbs)


def import_speed(dbs):
    """Time to import every task of the largest database of about 100,000 tasks or fewer from CSV."""
    candidates = [db for db in dbs if sqlite3.connect(db).execute("SELECT count(*) FROM task").fetchone()[0] <= 150_000]
    if not candidates:
        return
    src = candidates[-1]
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = os.path.join(tmp, "tasks.csv")
        con = sqlite3.connect(src)
        rows = con.execute(
            "SELECT t.doc_number, t.assigned_on, t.leader, t.title, u.name, t.deadline, t.completed_on "
            "FROM task t JOIN unit u ON u.id = t.unit_id WHERE t.inspection_id IS NULL"
        ).fetchall()
        con.close()
        def dmy(s):
            return f"{s[8:10]}/{s[5:7]}/{s[0:4]}" if s else ""
        import csv
        with open(csv_path, "w", newline="", encoding="utf-8-sig") as f:
            w = csv.writer(f, delimiter=";")
            w.writerow(["Số/ký hiệu văn bản", "Ngày giao", "Lãnh đạo chỉ đạo", "Tên nhiệm vụ", "Đơn vị chủ trì", "Hạn xử lý", "Ngày hoàn thành"])
            for doc, assigned, leader, title, unit, deadline, done in rows:
                w.writerow([doc, dmy(assigned), leader, title, unit, dmy(deadline) or "01/01/1970", dmy(done)])
        target = os.path.join(tmp, "import.db")
        shutil.copy(src, target)
        con = sqlite3.connect(target)
        con.execute("PRAGMA foreign_keys = OFF")
        con.execute("UPDATE conclusion_item SET task_id = NULL")
        con.execute("DELETE FROM extension")
        con.execute("DELETE FROM task")
        con.commit()
        con.close()
        t = time.perf_counter()
        p = subprocess.run([TCT, "--db", target, "import", csv_path, "--kind", "tasks"], capture_output=True, text=True)
        ms = (time.perf_counter() - t) * 1000
        status = "ok" if p.returncode == 0 else f"failed: {p.stderr.strip()[:200]}"
        print(f"\n## Import\n\n{len(rows)} tasks from CSV into a database with the same units: {ms:.0f} ms ({status}).")


if __name__ == "__main__":
    main(sys.argv[1:])
