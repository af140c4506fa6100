"""Whole-process figures for BENCHMARKS.md: reports against the sqlite3 floor and
Taskwarrior (when installed) on the same tasks, first frame in a real
pseudo-terminal, idle CPU, and import speed. Called by bench/run with the generated
databases."""

import datetime
import fcntl
import hashlib
import json
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


def run_once(cmd, env=None):
    """Wall time (ms) of one whole process, output to /dev/null."""
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
    return (time.perf_counter() - t) * 1000


def peak_rss(cmd, env=None):
    """Peak RSS (KB) of one run, from /usr/bin/time (None without it). Not from this
    script's own wait4: Linux carries the parent's high-water mark across exec, so every
    child would look at least as large as Python."""
    if not os.path.exists("/usr/bin/time"):
        return None
    with tempfile.NamedTemporaryFile("r") as f:
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", f.name, *cmd], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, env=env, check=True)
        return int(f.read().split()[-1])


def measured(cmd, runs=RUNS, env=None):
    """Median wall time (ms) over `runs` runs, and the peak RSS (KB) of one more."""
    ms = statistics.median(run_once(cmd, env) for _ in range(runs))
    return ms, peak_rss(cmd, env)


def kb(x):
    return "–" if x is None else f"{x} KB"


def timed(cmd, runs=RUNS):
    """Median wall time of a command, in ms."""
    return measured(cmd, runs)[0]


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
    figures = []
    for db in dbs:
        n = sqlite3.connect(db).execute("SELECT count(*) FROM task").fetchone()[0]
        uid, uname, d = busiest_unit(db)
        one, one_rss = measured([TCT, "--db", db, "report", "overdue", "--unit", uname, "--format", "csv"])
        allr, all_rss = measured([TCT, "--db", db, "report", "overdue", "--format", "csv"], runs=3)
        if have_sqlite:
            q1 = OVERDUE.format(scope=f"t.unit_id = {uid} AND", d=d)
            qa = OVERDUE.format(scope="", d=d)
            s1 = f"{timed(['sqlite3', '-csv', db, q1]):.0f} ms"
            sa = f"{timed(['sqlite3', '-csv', db, qa], runs=3):.0f} ms"
        else:
            s1 = sa = "sqlite3 not installed"
        frame, idle = first_frame_pty(db)
        print(f"| {n} | {one:.0f} ms | {s1} | {allr:.0f} ms | {sa} | {frame:.0f} ms | {idle:.0f} ms |")
        figures.append(dict(db=db, n=n, uid=uid, uname=uname, as_of=d, one=one, one_rss=one_rss,
                            all=allr, all_rss=all_rss, s1=s1, sa=sa))
    print(f"\nMedians of {RUNS} runs (3 for the all-units report); the busiest unit is X. "
          "The pty figure includes process start and terminal set-up.")
    taskwarrior(figures)
    import_speed(dbs)


# Taskwarrior on the same tasks. Each database is exported once into a throwaway data
# directory beside it (kept while its tasks and the day stay the same), with
# Taskwarrior's defaults except: no questions, no chatter, no hooks.
TW_MAX_TASKS = int(os.environ.get("TW_MAX_TASKS", "1500000"))


def tw_env(home):
    env = dict(os.environ)
    env.update(TASKRC=os.path.join(home, "taskrc"), TASKDATA=os.path.join(home, "data"), TZ="UTC")
    return env


TW_COLUMNS = "SELECT id, title, unit_id, assigned_on, deadline, completed_on FROM task ORDER BY id"


def tw_stamp(db, shift):
    """What the imported data depends on: the exported columns of every task (the
    database file itself changes whenever the app benchmark opens it), the shift of
    the dates, and Taskwarrior's version."""
    digest = hashlib.sha256()
    con = sqlite3.connect(db)
    for row in con.execute(TW_COLUMNS):
        digest.update(repr(row).encode())
    con.close()
    version = subprocess.run(["task", "--version"], capture_output=True, text=True).stdout.strip()
    return {"tasks_sha256": digest.hexdigest(), "shift_days": shift, "task": version}


def tw_import(db, as_of):
    """The Taskwarrior data directory holding the database's tasks, imported unless a
    previous run already did for this database and this day. Returns (home, import ms,
    whether it was reused)."""
    today = datetime.datetime.now(datetime.timezone.utc).date()
    as_of = datetime.date.fromisoformat(as_of)
    # Taskwarrior's +OVERDUE is against the real clock, tct's against the as-of date:
    # every date moves by the same number of days so that both see the same set.
    shift = datetime.timedelta(days=(today - as_of).days)
    home = os.path.join(os.path.dirname(db), "tw-" + os.path.splitext(os.path.basename(db))[0])
    stamp_path = os.path.join(home, "stamp.json")
    stamp = tw_stamp(db, shift.days)
    try:
        with open(stamp_path) as f:
            old = json.load(f)
        if {k: old.get(k) for k in stamp} == stamp:
            return home, old["import_ms"], True
    except (OSError, ValueError, KeyError):
        pass
    shutil.rmtree(home, ignore_errors=True)
    os.makedirs(os.path.join(home, "data"))
    with open(os.path.join(home, "taskrc"), "w") as f:
        f.write("# Throwaway Taskwarrior for bench/measure.py: defaults (gc on), except\n"
                "# no questions, no chatter and no hooks.\n"
                f"data.location={os.path.abspath(os.path.join(home, 'data'))}\n"
                "confirmation=off\nverbose=nothing\nhooks=off\n")

    def stamp_of(iso, end_of_day):
        day = datetime.date.fromisoformat(iso) + shift
        # A deadline is met through its whole day: due at its last second, so both
        # "due before now" and "due before today" read overdue from the next day on.
        return day.strftime("%Y%m%d") + ("T235959Z" if end_of_day else "T000000Z")

    path = os.path.join(home, "tasks.json")
    con = sqlite3.connect(db)
    rows = con.execute(TW_COLUMNS)
    with open(path, "w", encoding="utf-8") as f:
        f.write("[\n")
        batch = []
        first = True
        for tid, title, unit_id, assigned, deadline, done in rows:
            task = {
                "uuid": f"00000000-0000-4000-8000-{tid:012x}",
                "description": title,
                "project": f"u{unit_id}",
                "entry": stamp_of(assigned or as_of.isoformat(), False),
            }
            if deadline:
                task["due"] = stamp_of(deadline, True)
            # Finished by the as-of date: completed. Finished only later: it was still
            # open then, so it is pending here.
            if done and done <= as_of.isoformat():
                task["status"] = "completed"
                task["end"] = stamp_of(done, True)
            else:
                task["status"] = "pending"
            batch.append(("" if first else ",\n") + json.dumps(task, ensure_ascii=False))
            first = False
            if len(batch) >= 10000:
                f.write("".join(batch))
                batch = []
        f.write("".join(batch) + "\n]\n")
    con.close()
    env = tw_env(home)
    t = time.perf_counter()
    subprocess.run(["task", "import", path], env=env, stdout=subprocess.DEVNULL, check=True)
    import_ms = (time.perf_counter() - t) * 1000
    os.remove(path)
    # The first command after an import garbage-collects (moves finished tasks out of
    # pending.data); do it now, not inside a timed run.
    subprocess.run(["task", "count"], env=env, stdout=subprocess.DEVNULL, check=True)
    stamp["import_ms"] = import_ms
    with open(stamp_path, "w") as f:
        json.dump(stamp, f)
    return home, import_ms, False


def tct_count(db, unit=None):
    cmd = [TCT, "--db", db, "report", "overdue", "--format", "json"] + (["--unit", unit] if unit else [])
    return len(json.loads(subprocess.run(cmd, capture_output=True, check=True).stdout))


def tw_count(env, *filters):
    out = subprocess.run(["task", *filters, "count"], env=env, capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


def taskwarrior(figures):
    if shutil.which("task") is None:
        print("\nTaskwarrior: not installed, comparison skipped "
              "(Debian/Ubuntu: apt-get install taskwarrior; then run bench/run again).")
        return
    version = subprocess.run(["task", "--version"], capture_output=True, text=True).stdout.strip()
    print(f"\n## Beside Taskwarrior {version}\n")
    print("| tasks | overdue of X: tct | sqlite3 | `task project:X +OVERDUE` | tct faster by "
          "| all overdue: tct | sqlite3 | `task +OVERDUE` | `task +OVERDUE list` | tct faster by (list) "
          "| peak RSS, X: tct / task | peak RSS, all: tct / task list | import into Taskwarrior |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    notes = []
    for f in figures:
        if f["n"] > TW_MAX_TASKS:
            notes.append(f"- {f['n']} tasks: skipped, above TW_MAX_TASKS={TW_MAX_TASKS}. Importing 1,000,169 "
                         "tasks into Taskwarrior took about 3 minutes and 6 GB of memory, and each command "
                         f"about 15 s; set TW_MAX_TASKS={f['n']} to run it anyway.")
            continue
        home, import_ms, reused = tw_import(f["db"], f["as_of"])
        env = tw_env(home)
        project = f"project:u{f['uid']}"
        mine, theirs = tct_count(f["db"], f["uname"]), tw_count(env, project, "+OVERDUE")
        if mine != theirs:
            notes.append(f"- WARNING {f['n']} tasks: tct counts {mine} overdue tasks of X, Taskwarrior {theirs}.")
        mine_all, theirs_all = tct_count(f["db"]), tw_count(env, "+OVERDUE")
        if mine_all != theirs_all:
            notes.append(f"- WARNING {f['n']} tasks: tct counts {mine_all} overdue tasks in all, Taskwarrior {theirs_all}.")
        # Slow runs (seconds each at a million tasks) are repeated 3 times, not 7.
        first_ms = run_once(["task", project, "+OVERDUE"], env)
        runs = RUNS if first_ms < 2000 else 3
        one, one_rss = measured(["task", project, "+OVERDUE"], runs, env)
        allr = statistics.median(run_once(["task", "+OVERDUE"], env) for _ in range(3))
        alll, alll_rss = measured(["task", "+OVERDUE", "list"], 3, env)
        how = "cached" if reused else "this run"
        print(f"| {f['n']} | {f['one']:.0f} ms | {f['s1']} | {one:.0f} ms | {one / f['one']:.0f}× "
              f"| {f['all']:.0f} ms | {f['sa']} | {allr:.0f} ms | {alll:.0f} ms | {alll / f['all']:.1f}× "
              f"| {kb(f['one_rss'])} / {kb(one_rss)} | {kb(f['all_rss'])} / {kb(alll_rss)} | {import_ms / 1000:.1f} s ({how}) |")
        notes.append(f"- {f['n']} tasks: {mine} overdue tasks of X ({mine_all} in all), "
                     + ("the same in both." if (mine, mine_all) == (theirs, theirs_all) else "counts differ, see above."))
    print("\nThe same tasks in each: every task exported with `task import` as project u<unit id>, "
          "description = title, entry = assigned date, due = deadline (end of its day), completed "
          "with end = completion date when finished by the as-of date, pending otherwise; every date "
          "moved by (today − as-of date) days, because Taskwarrior's +OVERDUE is against the real "
          "clock. Taskwarrior's defaults (garbage collection on) except `confirmation=off`, "
          "`verbose=nothing`, `hooks=off`, in its own TASKRC/TASKDATA under target/bench; its "
          "import is done once and kept while the tasks and the day are the same. "
          f"Whole processes, output to /dev/null, medians of {RUNS} runs for X (3 when a run "
          "takes over 2 s) and of 3 for all; peak RSS from one more run under /usr/bin/time. "
          "`task +OVERDUE` is the default `next` report, which stops after one page when the "
          "output is not a terminal; `list` prints every row, as tct does.\n")
    for line in notes:
        print(line)


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
