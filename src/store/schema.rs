//! The schema as numbered migrations. The file's `user_version` is the number of
//! migrations applied; `application_id` marks the file as tct's.
//!
//! Hand-written rather than `rusqlite_migration`: that crate pins an older rusqlite,
//! and two rusqlite versions cannot link one bundled SQLite. The loop is short.

/// "TCT1" as a big-endian integer, stored in the SQLite header.
pub const APPLICATION_ID: i32 = 0x5443_5431;

// The tally's SQL, written once: the migration that made the tally (and its triggers)
// and the recount after a bulk write use the same expressions. The migration's text
// stays as released; `released_migrations_are_frozen` checks it.

/// Every unit's row of `unit_tally`, counted from its tasks in one grouped pass.
macro_rules! tally_fill {
    () => {
        r#"
    INSERT INTO unit_tally(unit_id, tasks, done_on_time, done_late, open_no_deadline,
                           last_completed, last_assigned)
    SELECT unit_id, count(*),
           sum(completed_on IS NOT NULL AND (deadline IS NULL OR completed_on <= deadline)),
           sum(coalesce(completed_on > deadline, 0)),
           sum(completed_on IS NULL AND deadline IS NULL),
           max(completed_on), max(assigned_on)
    FROM task GROUP BY unit_id;
"#
    };
}

/// A trigger's step: the new row of `task` counted into its unit's tally.
macro_rules! tally_add_new {
    () => {
        r#"
        INSERT INTO unit_tally(unit_id, tasks, done_on_time, done_late, open_no_deadline,
                               last_completed, last_assigned)
        VALUES (new.unit_id, 1,
                new.completed_on IS NOT NULL AND (new.deadline IS NULL OR new.completed_on <= new.deadline),
                coalesce(new.completed_on > new.deadline, 0),
                new.completed_on IS NULL AND new.deadline IS NULL,
                new.completed_on, new.assigned_on)
        ON CONFLICT(unit_id) DO UPDATE SET
            tasks = tasks + 1,
            done_on_time = done_on_time + excluded.done_on_time,
            done_late = done_late + excluded.done_late,
            open_no_deadline = open_no_deadline + excluded.open_no_deadline,
            last_completed = CASE WHEN last_completed IS NULL OR excluded.last_completed > last_completed
                                  THEN excluded.last_completed ELSE last_completed END,
            last_assigned = CASE WHEN last_assigned IS NULL OR excluded.last_assigned > last_assigned
                                 THEN excluded.last_assigned ELSE last_assigned END;
"#
    };
}

/// A trigger's step: the old row of `task` taken out of its unit's tally.
macro_rules! tally_sub_old {
    () => {
        r#"
        UPDATE unit_tally SET
            tasks = tasks - 1,
            done_on_time = done_on_time
                - (old.completed_on IS NOT NULL AND (old.deadline IS NULL OR old.completed_on <= old.deadline)),
            done_late = done_late - coalesce(old.completed_on > old.deadline, 0),
            open_no_deadline = open_no_deadline - (old.completed_on IS NULL AND old.deadline IS NULL)
        WHERE unit_id = old.unit_id;
"#
    };
}

/// Every unit's row of `unit_tally`, counted from its tasks that are not cancelled
/// (migration 8 on): the recount after a bulk write, and the migration's own.
macro_rules! tally_fill_counted {
    () => {
        r#"
    INSERT INTO unit_tally(unit_id, tasks, done_on_time, done_late, open_no_deadline,
                           last_completed, last_assigned)
    SELECT unit_id, count(*),
           sum(completed_on IS NOT NULL AND (deadline IS NULL OR completed_on <= deadline)),
           sum(coalesce(completed_on > deadline, 0)),
           sum(completed_on IS NULL AND deadline IS NULL),
           max(completed_on), max(assigned_on)
    FROM task WHERE cancelled = 0 GROUP BY unit_id;
"#
    };
}
pub(super) use tally_fill_counted;

/// A trigger's step: the new row of `task`, unless cancelled, counted into its
/// unit's tally (migration 8 on).
macro_rules! tally_add_counted {
    () => {
        r#"
        INSERT INTO unit_tally(unit_id, tasks, done_on_time, done_late, open_no_deadline,
                               last_completed, last_assigned)
        SELECT new.unit_id, 1,
               new.completed_on IS NOT NULL AND (new.deadline IS NULL OR new.completed_on <= new.deadline),
               coalesce(new.completed_on > new.deadline, 0),
               new.completed_on IS NULL AND new.deadline IS NULL,
               new.completed_on, new.assigned_on
        WHERE new.cancelled = 0
        ON CONFLICT(unit_id) DO UPDATE SET
            tasks = tasks + 1,
            done_on_time = done_on_time + excluded.done_on_time,
            done_late = done_late + excluded.done_late,
            open_no_deadline = open_no_deadline + excluded.open_no_deadline,
            last_completed = CASE WHEN last_completed IS NULL OR excluded.last_completed > last_completed
                                  THEN excluded.last_completed ELSE last_completed END,
            last_assigned = CASE WHEN last_assigned IS NULL OR excluded.last_assigned > last_assigned
                                 THEN excluded.last_assigned ELSE last_assigned END;
"#
    };
}

/// A trigger's step: the old row of `task`, unless it was cancelled, taken out of its
/// unit's tally (migration 8 on).
macro_rules! tally_sub_counted {
    () => {
        r#"
        UPDATE unit_tally SET
            tasks = tasks - 1,
            done_on_time = done_on_time
                - (old.completed_on IS NOT NULL AND (old.deadline IS NULL OR old.completed_on <= old.deadline)),
            done_late = done_late - coalesce(old.completed_on > old.deadline, 0),
            open_no_deadline = open_no_deadline - (old.completed_on IS NULL AND old.deadline IS NULL)
        WHERE unit_id = old.unit_id AND old.cancelled = 0;
"#
    };
}

/// Each entry moves the schema one version up. Never edit a released entry: add one.
pub const MIGRATIONS: &[&str] = &[
    // 1: units, targets with readings, tasks with extensions, settings.
    r#"
    CREATE TABLE unit (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
        name_key    TEXT NOT NULL,           -- folded: no diacritics, lower case
        sort_key    BLOB NOT NULL,           -- Vietnamese alphabetical order
        kind        TEXT NOT NULL CHECK (kind IN
                      ('tinh','huyen','thanh_pho','thi_xa','xa','phuong','thi_tran','so')),
        code        TEXT,                    -- statistics code
        parent_id   INTEGER REFERENCES unit(id),
        valid_from  TEXT,                    -- ISO dates; NULL = open-ended
        valid_to    TEXT
    );
    CREATE INDEX unit_sort ON unit(sort_key);
    CREATE UNIQUE INDEX unit_code ON unit(code) WHERE code IS NOT NULL;

    CREATE TABLE target (
        id          INTEGER PRIMARY KEY,
        unit_id     INTEGER NOT NULL REFERENCES unit(id),
        year        INTEGER NOT NULL,
        position    INTEGER NOT NULL DEFAULT 0,
        name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
        name_key    TEXT NOT NULL,
        measure     TEXT NOT NULL DEFAULT '',
        plan_low    REAL NOT NULL,
        plan_high   REAL,                    -- set for a range plan
        direction   TEXT NOT NULL CHECK (direction IN ('higher','lower'))
    );
    CREATE INDEX target_unit_year ON target(unit_id, year, position);

    CREATE TABLE reading (
        target_id   INTEGER NOT NULL REFERENCES target(id) ON DELETE CASCADE,
        on_date     TEXT NOT NULL,
        value       REAL NOT NULL,
        PRIMARY KEY (target_id, on_date)
    ) WITHOUT ROWID;

    CREATE TABLE task (
        id              INTEGER PRIMARY KEY,
        title           TEXT NOT NULL CHECK (length(trim(title)) > 0),
        title_key       TEXT NOT NULL,
        doc_number      TEXT,
        doc_date        TEXT,
        leader          TEXT,
        unit_id         INTEGER NOT NULL REFERENCES unit(id),   -- lead unit
        cooperating     TEXT,
        assigned_on     TEXT,
        deadline        TEXT,            -- in force, after extensions; NULL = none
        original_deadline TEXT,
        completed_on    TEXT,
        origin          TEXT,
        CHECK (deadline IS NULL OR assigned_on IS NULL OR deadline >= assigned_on)
    );
    -- A unit's tasks by deadline: its pane and its scorecard counts.
    CREATE INDEX task_unit ON task(unit_id, deadline, completed_on, assigned_on);
    -- Every open task by deadline: the province-wide overdue view.
    CREATE INDEX task_open ON task(deadline, unit_id) WHERE completed_on IS NULL;
    CREATE INDEX task_completed ON task(completed_on, deadline) WHERE completed_on IS NOT NULL;

    CREATE TABLE extension (
        id            INTEGER PRIMARY KEY,
        task_id       INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
        granted_on    TEXT,
        old_deadline  TEXT,
        new_deadline  TEXT NOT NULL,
        reason        TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX extension_task ON extension(task_id, id);

    CREATE TABLE setting (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID;
    "#,
    // 2: inspections, their conclusion items (directives linked to tasks), and the
    // draft of the form being typed.
    r#"
    CREATE TABLE inspection (
        id          INTEGER PRIMARY KEY,
        unit_id     INTEGER NOT NULL REFERENCES unit(id),
        held_on     TEXT NOT NULL,
        place       TEXT NOT NULL DEFAULT '',
        chair_name  TEXT NOT NULL DEFAULT '',
        chair_title TEXT NOT NULL DEFAULT '',
        members     TEXT NOT NULL DEFAULT '',   -- one person a line
        attendees   TEXT NOT NULL DEFAULT '',   -- for the unit, one a line
        report      TEXT NOT NULL DEFAULT '',   -- what the unit reported
        saved_at    TEXT NOT NULL
    );
    CREATE INDEX inspection_unit ON inspection(unit_id, held_on, id);

    CREATE TABLE conclusion_item (
        id            INTEGER PRIMARY KEY,
        inspection_id INTEGER NOT NULL REFERENCES inspection(id) ON DELETE CASCADE,
        position      INTEGER NOT NULL,
        kind          TEXT NOT NULL CHECK (kind IN ('result','shortcoming','directive','proposal')),
        text          TEXT NOT NULL,
        unit_id       INTEGER REFERENCES unit(id),       -- responsible, for a directive
        deadline      TEXT,
        task_id       INTEGER REFERENCES task(id) ON DELETE SET NULL
    );
    CREATE INDEX item_inspection ON conclusion_item(inspection_id, position);
    CREATE INDEX item_task ON conclusion_item(task_id) WHERE task_id IS NOT NULL;

    -- A task created from a directive points back to its inspection.
    ALTER TABLE task ADD COLUMN inspection_id INTEGER REFERENCES inspection(id);
    CREATE INDEX task_inspection ON task(inspection_id) WHERE inspection_id IS NOT NULL;

    -- The form being typed, written as it is typed; one at a time.
    CREATE TABLE draft (
        id        INTEGER PRIMARY KEY CHECK (id = 1),
        body      TEXT NOT NULL,
        saved_at  TEXT NOT NULL
    );
    "#,
    // 3: the province-wide overdue view counts open tasks from the index alone.
    r#"
    DROP INDEX task_open;
    CREATE INDEX task_open ON task(deadline, unit_id, assigned_on) WHERE completed_on IS NULL;
    "#,
    // 4: each unit's tasks summed up, kept by triggers in the transaction that writes
    // the task, so a scorecard or a list's length need not count a unit's tasks one by
    // one. The two dates only ever grow: an upper bound of any completion and
    // assignment, which tells when the sums are the figures as of a date.
    concat!(
        r#"
    CREATE TABLE unit_tally (
        unit_id          INTEGER PRIMARY KEY,
        tasks            INTEGER NOT NULL DEFAULT 0,
        done_on_time     INTEGER NOT NULL DEFAULT 0,   -- completed, by the deadline or none
        done_late        INTEGER NOT NULL DEFAULT 0,   -- completed after the deadline
        open_no_deadline INTEGER NOT NULL DEFAULT 0,
        last_completed   TEXT,                         -- no task completed after this
        last_assigned    TEXT                          -- no task assigned after this
    );
"#,
        tally_fill!(),
        r#"
    -- The province's open tasks counted from the index alone: SQLite reads a column
    -- the partial index's condition names from the table unless the index holds it.
    DROP INDEX task_open;
    CREATE INDEX task_open ON task(deadline, unit_id, assigned_on, completed_on)
        WHERE completed_on IS NULL;

    CREATE TRIGGER task_tally_insert AFTER INSERT ON task BEGIN
"#,
        tally_add_new!(),
        r#"    END;

    CREATE TRIGGER task_tally_delete AFTER DELETE ON task BEGIN
"#,
        tally_sub_old!(),
        r#"    END;

    -- Out with the old row, in with the new; only when a counted field changed.
    CREATE TRIGGER task_tally_update AFTER UPDATE OF unit_id, assigned_on, deadline, completed_on ON task
    WHEN old.unit_id IS NOT new.unit_id OR old.assigned_on IS NOT new.assigned_on
      OR old.deadline IS NOT new.deadline OR old.completed_on IS NOT new.completed_on
    BEGIN
"#,
        tally_sub_old!(),
        tally_add_new!(),
        r#"    END;
    "#,
    ),
    // 5: every list in the order it is shown, so a page far down a long list is found
    // by walking one index: the province's open tasks (unique with the id, so SQLite
    // knows the order is total), and a unit's open and finished tasks.
    r#"
    DROP INDEX task_open;
    CREATE UNIQUE INDEX task_open ON task(deadline, unit_id, id, assigned_on, completed_on)
        WHERE completed_on IS NULL;
    CREATE INDEX task_unit_open ON task(unit_id, deadline) WHERE completed_on IS NULL;
    CREATE INDEX task_unit_done ON task(unit_id, deadline, completed_on DESC)
        WHERE completed_on IS NOT NULL;
    "#,
    // 6: a draft for each open form instead of one for the file, so two windows on one
    // file keep their own. A row names the window writing it (`owner`: whether that
    // window still runs is told by its lock file, see `lease.rs`), the unit and the
    // inspection being edited (NULL: a new one); a draft the user discarded is kept,
    // dated, for some days. The one draft of before becomes a row no window holds.
    r#"
    ALTER TABLE draft RENAME TO draft_v5;
    CREATE TABLE draft (
        id            INTEGER PRIMARY KEY,
        unit_id       INTEGER,
        inspection_id INTEGER,
        body          TEXT NOT NULL,
        saved_at      TEXT NOT NULL,
        owner         TEXT,
        discarded_at  TEXT
    );
    INSERT INTO draft(id, unit_id, inspection_id, body, saved_at)
        SELECT id,
               CASE WHEN json_valid(body) THEN json_extract(body, '$.unit_id') END,
               CASE WHEN json_valid(body) THEN json_extract(body, '$.inspection_id') END,
               body, saved_at
        FROM draft_v5;
    DROP TABLE draft_v5;
    "#,
    // 7: each task's fields as the last import brought them, where the task now
    // differs: a value tct set since (a completion, an extension, an edit), which
    // importing the office's file again must not undo. No row: the task is as
    // imported (so a database from before counts its values as imported). The
    // trigger keeps the import's values when anything else first changes the task;
    // an import writes its own.
    r#"
    CREATE TABLE task_imported (
        task_id      INTEGER PRIMARY KEY REFERENCES task(id) ON DELETE CASCADE,
        title        TEXT NOT NULL,
        doc_number   TEXT,
        doc_date     TEXT,
        leader       TEXT,
        unit_id      INTEGER NOT NULL,
        cooperating  TEXT,
        assigned_on  TEXT,
        deadline     TEXT,
        completed_on TEXT,
        origin       TEXT
    );
    CREATE TRIGGER task_imported_keep
    BEFORE UPDATE OF title, doc_number, doc_date, leader, unit_id, cooperating,
                     assigned_on, deadline, completed_on, origin ON task
    WHEN (old.title IS NOT new.title OR old.doc_number IS NOT new.doc_number
          OR old.doc_date IS NOT new.doc_date OR old.leader IS NOT new.leader
          OR old.unit_id IS NOT new.unit_id OR old.cooperating IS NOT new.cooperating
          OR old.assigned_on IS NOT new.assigned_on OR old.deadline IS NOT new.deadline
          OR old.completed_on IS NOT new.completed_on OR old.origin IS NOT new.origin)
     AND NOT EXISTS (SELECT 1 FROM task_imported WHERE task_id = old.id)
    BEGIN
        INSERT INTO task_imported(task_id, title, doc_number, doc_date, leader, unit_id,
                                  cooperating, assigned_on, deadline, completed_on, origin)
        VALUES (old.id, old.title, old.doc_number, old.doc_date, old.leader, old.unit_id,
                old.cooperating, old.assigned_on, old.deadline, old.completed_on,
                old.origin);
    END;
    "#,
    // 8: a task the office's file says is cancelled (bị hủy) is kept and shown but
    // counted nowhere: not in the tallies (their triggers and a recount skip it), not
    // in the partial indexes of the lists and figures, which name `cancelled = 0`;
    // cancelled tasks have their own index. A task the file says is done without a
    // date keeps a stand-in `completed_on` that places it on time or late as the file
    // said, flagged `completion_unknown` and never shown; a real date clears the flag.
    // The import history remembers both, so a cancellation or a completion recorded
    // in tct is told from the file's.
    concat!(
        r#"
    ALTER TABLE task ADD COLUMN cancelled INTEGER NOT NULL DEFAULT 0
        CHECK (cancelled IN (0, 1));
    ALTER TABLE task ADD COLUMN completion_unknown INTEGER NOT NULL DEFAULT 0
        CHECK (completion_unknown IN (0, 1));
    ALTER TABLE task_imported ADD COLUMN cancelled INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE task_imported ADD COLUMN completion_unknown INTEGER NOT NULL DEFAULT 0;

    DROP TRIGGER task_imported_keep;
    CREATE TRIGGER task_imported_keep
    BEFORE UPDATE OF title, doc_number, doc_date, leader, unit_id, cooperating,
                     assigned_on, deadline, completed_on, origin, cancelled,
                     completion_unknown ON task
    WHEN (old.title IS NOT new.title OR old.doc_number IS NOT new.doc_number
          OR old.doc_date IS NOT new.doc_date OR old.leader IS NOT new.leader
          OR old.unit_id IS NOT new.unit_id OR old.cooperating IS NOT new.cooperating
          OR old.assigned_on IS NOT new.assigned_on OR old.deadline IS NOT new.deadline
          OR old.completed_on IS NOT new.completed_on OR old.origin IS NOT new.origin
          OR old.cancelled IS NOT new.cancelled
          OR old.completion_unknown IS NOT new.completion_unknown)
     AND NOT EXISTS (SELECT 1 FROM task_imported WHERE task_id = old.id)
    BEGIN
        INSERT INTO task_imported(task_id, title, doc_number, doc_date, leader, unit_id,
                                  cooperating, assigned_on, deadline, completed_on, origin,
                                  cancelled, completion_unknown)
        VALUES (old.id, old.title, old.doc_number, old.doc_date, old.leader, old.unit_id,
                old.cooperating, old.assigned_on, old.deadline, old.completed_on,
                old.origin, old.cancelled, old.completion_unknown);
    END;

    DROP TRIGGER task_tally_insert;
    DROP TRIGGER task_tally_delete;
    DROP TRIGGER task_tally_update;
    DELETE FROM unit_tally;
"#,
        tally_fill_counted!(),
        r#"
    CREATE TRIGGER task_tally_insert AFTER INSERT ON task BEGIN
"#,
        tally_add_counted!(),
        r#"    END;

    CREATE TRIGGER task_tally_delete AFTER DELETE ON task BEGIN
"#,
        tally_sub_counted!(),
        r#"    END;

    CREATE TRIGGER task_tally_update
    AFTER UPDATE OF unit_id, assigned_on, deadline, completed_on, cancelled ON task
    WHEN old.unit_id IS NOT new.unit_id OR old.assigned_on IS NOT new.assigned_on
      OR old.deadline IS NOT new.deadline OR old.completed_on IS NOT new.completed_on
      OR old.cancelled IS NOT new.cancelled
    BEGIN
"#,
        tally_sub_counted!(),
        tally_add_counted!(),
        r#"    END;

    DROP INDEX task_unit;
    CREATE INDEX task_unit ON task(unit_id, deadline, completed_on, assigned_on, cancelled);
    -- Each holds `cancelled` where it held the columns of its condition, so what was
    -- counted or paged from an index alone still is.
    DROP INDEX task_open;
    CREATE UNIQUE INDEX task_open
        ON task(deadline, unit_id, id, assigned_on, completed_on, cancelled)
        WHERE completed_on IS NULL AND cancelled = 0;
    DROP INDEX task_completed;
    CREATE INDEX task_completed ON task(completed_on, deadline, cancelled)
        WHERE completed_on IS NOT NULL AND cancelled = 0;
    DROP INDEX task_unit_open;
    CREATE INDEX task_unit_open ON task(unit_id, deadline)
        WHERE completed_on IS NULL AND cancelled = 0;
    DROP INDEX task_unit_done;
    CREATE INDEX task_unit_done ON task(unit_id, cancelled, deadline, completed_on DESC)
        WHERE completed_on IS NOT NULL AND cancelled = 0;
    CREATE INDEX task_cancelled ON task(unit_id, deadline, completed_on DESC)
        WHERE cancelled = 1;
    "#,
    ),
    // 9: what became of a unit (the 2025 reforms: a district's territory went to
    // several communes, several departments merged into one), the other names
    // offices write a unit by (the bundled abbreviations and the user's `--map`), and
    // the sub-office a task's lead unit cell names in brackets.
    r#"
    CREATE TABLE unit_successor (
        unit_id      INTEGER NOT NULL REFERENCES unit(id) ON DELETE CASCADE,
        successor_id INTEGER NOT NULL REFERENCES unit(id) ON DELETE CASCADE,
        PRIMARY KEY (unit_id, successor_id),
        CHECK (unit_id <> successor_id)
    ) WITHOUT ROWID;
    CREATE INDEX unit_successor_back ON unit_successor(successor_id);

    CREATE TABLE unit_alias (
        alias_key TEXT PRIMARY KEY,          -- abbreviation-folded, see import::resolve
        alias     TEXT NOT NULL,             -- as written
        unit_id   INTEGER NOT NULL REFERENCES unit(id) ON DELETE CASCADE,
        origin    TEXT NOT NULL CHECK (origin IN ('catalogue','user'))
    ) WITHOUT ROWID;

    ALTER TABLE task ADD COLUMN office TEXT;
    "#,
    // 10: an inspection record deleted by mistake is kept, dated, and can be restored.
    // The tasks its directives created, when deleted with it, leave `task` (so no
    // count, tally, list, report or index needs to know of them) and wait here whole,
    // with their extensions, their import history and the item each belonged to.
    r#"
    ALTER TABLE inspection ADD COLUMN deleted_at TEXT;

    CREATE TABLE deleted_task (
        id                 INTEGER NOT NULL,
        title              TEXT NOT NULL,
        title_key          TEXT NOT NULL,
        doc_number         TEXT,
        doc_date           TEXT,
        leader             TEXT,
        unit_id            INTEGER NOT NULL,
        cooperating        TEXT,
        assigned_on        TEXT,
        deadline           TEXT,
        original_deadline  TEXT,
        completed_on       TEXT,
        origin             TEXT,
        inspection_id      INTEGER NOT NULL REFERENCES inspection(id) ON DELETE CASCADE,
        cancelled          INTEGER NOT NULL DEFAULT 0,
        completion_unknown INTEGER NOT NULL DEFAULT 0,
        office             TEXT,
        item_id            INTEGER,             -- the directive it was the task of
        PRIMARY KEY (inspection_id, id)
    ) WITHOUT ROWID;

    CREATE TABLE deleted_extension (
        inspection_id INTEGER NOT NULL REFERENCES inspection(id) ON DELETE CASCADE,
        id            INTEGER NOT NULL,
        task_id       INTEGER NOT NULL,
        granted_on    TEXT,
        old_deadline  TEXT,
        new_deadline  TEXT NOT NULL,
        reason        TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (inspection_id, task_id, id)
    ) WITHOUT ROWID;

    CREATE TABLE deleted_task_imported (
        inspection_id      INTEGER NOT NULL REFERENCES inspection(id) ON DELETE CASCADE,
        task_id            INTEGER NOT NULL,
        title              TEXT NOT NULL,
        doc_number         TEXT,
        doc_date           TEXT,
        leader             TEXT,
        unit_id            INTEGER NOT NULL,
        cooperating        TEXT,
        assigned_on        TEXT,
        deadline           TEXT,
        completed_on       TEXT,
        origin             TEXT,
        cancelled          INTEGER NOT NULL DEFAULT 0,
        completion_unknown INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (inspection_id, task_id)
    ) WITHOUT ROWID;
    "#,
    // 11: this file as one of several laptops' copies of one record. Who it is
    // (replica.rs): the replica id naming its changes, the lineage all copies share,
    // the block of ids it hands out (0: the file the database began in), where it
    // was last opened (another place means a copy) and the laptop's name. Every
    // change made here or received, as a session changeset (capture.rs), numbered in
    // its origin's order and stamped by a hybrid clock: all copies apply all changes
    // in the order of the stamps (replay.rs), `effect` being what applying one did
    // here. The laptops whose changes arrived, and the values a later change wrote
    // over (conflicts.rs): derived again whenever the order is replayed.
    r#"
    CREATE TABLE sync_self (
        id       INTEGER PRIMARY KEY CHECK (id = 1),
        replica  TEXT NOT NULL,
        lineage  TEXT NOT NULL,
        id_base  INTEGER NOT NULL,
        place    TEXT NOT NULL,
        name     TEXT NOT NULL
    );
    INSERT INTO sync_self(id, replica, lineage, id_base, place, name)
        VALUES (1, lower(hex(randomblob(16))), lower(hex(randomblob(16))), 0, '', '');

    CREATE TABLE sync_change (
        origin   TEXT NOT NULL,
        seq      INTEGER NOT NULL CHECK (seq > 0),
        stamp    INTEGER NOT NULL,          -- microseconds since 1970, hybrid clock
        changes  BLOB NOT NULL,
        effect   BLOB,                      -- NULL: the same as `changes`
        PRIMARY KEY (origin, seq)
    );
    CREATE UNIQUE INDEX sync_change_order ON sync_change(stamp, origin, seq);

    CREATE TABLE sync_peer (
        replica  TEXT PRIMARY KEY,
        name     TEXT NOT NULL,
        heard_at TEXT                       -- when a bundle from it was last taken in
    ) WITHOUT ROWID;

    CREATE TABLE sync_conflict (
        origin   TEXT NOT NULL,             -- the change that wrote over a value
        seq      INTEGER NOT NULL,
        tbl      TEXT NOT NULL,
        row_key  TEXT NOT NULL,             -- the row's key values, as JSON
        col      TEXT NOT NULL,             -- '' for the whole row
        kind     TEXT NOT NULL CHECK (kind IN ('overwritten', 'deleted', 'edit_lost', 'refused')),
        lost     TEXT,                      -- JSON
        won      TEXT,                      -- JSON
        PRIMARY KEY (origin, seq, tbl, row_key, col)
    ) WITHOUT ROWID;
    CREATE INDEX sync_conflict_row ON sync_conflict(tbl, row_key);
    "#,
    // 12: a person's decision on a conflict (decisions.rs): the value now kept, or the
    // one written over put back. It travels like the record, so every laptop stops
    // listing the conflict once one has decided.
    r#"
    CREATE TABLE sync_decision (
        conflict    TEXT PRIMARY KEY,       -- the conflict's id, the same on every laptop
        chosen      TEXT NOT NULL CHECK (chosen IN ('kept', 'restored')),
        decided_at  TEXT NOT NULL,
        decided_by  TEXT NOT NULL           -- the laptop's name
    ) WITHOUT ROWID;
    "#,
];

pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

#[cfg(test)]
mod tests {
    use super::MIGRATIONS;

    /// FNV-1a of the SQL with its whitespace collapsed: what SQLite runs, not how it
    /// is laid out in the source.
    fn fingerprint(sql: &str) -> u64 {
        let words = sql.split_whitespace().collect::<Vec<_>>().join(" ");
        words.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
    }

    /// A released migration has run on secretaries' files: changing its SQL would
    /// give two databases of one version different schemas. Add a migration instead;
    /// only then add its fingerprint here.
    #[test]
    fn released_migrations_are_frozen() {
        let released: [u64; 12] = [
            0x9e0e_f0ef_bb24_eb36,
            0x7cf0_d00e_6f43_698c,
            0x15f6_1c81_4ec9_1028,
            0x071d_0dd5_e3f4_c278,
            0xc21b_2bc5_149a_bb60,
            0x3e43_703e_0e54_8b47,
            0xe441_469a_7501_03b9,
            0xe810_0307_398d_adbd,
            0x0432_be04_132d_bb52,
            0xd9cc_3120_8086_e3ba,
            0x6381_642b_09c6_9fe2,
            0x5436_42b2_25aa_56cb,
        ];
        let now: Vec<u64> = MIGRATIONS.iter().map(|m| fingerprint(m)).collect();
        assert_eq!(now[..released.len()], released, "{now:#x?}");
    }
}
