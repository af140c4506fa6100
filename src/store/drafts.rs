//! Drafts: what each open form has typed, written as it is typed. A form has its own
//! row, held by the window that writes it (`owner`), so two windows on one file never
//! write over each other's, and saving or discarding one touches no other. A window
//! writes only rows it holds: one taken by another window meanwhile makes it start a
//! new row, so both texts are kept. A discarded draft stays, dated, until purged.

use rusqlite::{OptionalExtension, Row, params};

use super::{Store, Tx, lease};
use crate::error::Result;
use crate::model::DraftRow;

const SELECT: &str =
    "SELECT id, unit_id, inspection_id, body, saved_at, owner, discarded_at FROM draft";

fn draft_row(r: &Row) -> rusqlite::Result<DraftRow> {
    Ok(DraftRow {
        id: r.get(0)?,
        unit_id: r.get(1)?,
        inspection_id: r.get(2)?,
        body: r.get(3)?,
        saved_at: r.get(4)?,
        owner: r.get(5)?,
        discarded_at: r.get(6)?,
    })
}

impl Store {
    /// This window's id, written in the drafts it holds.
    pub fn owner(&self) -> &str {
        &self.owner
    }

    /// The lock that tells other windows this one runs, taken before the first row
    /// it holds is written. Without it (a directory that refuses the file) drafts are
    /// still written; another window may then offer them as left over, and taking
    /// one over makes this window go on in a new row, so nothing is lost.
    fn hold_lease(&mut self) {
        if self.lease.is_none() && self.path.as_os_str() != ":memory:" {
            self.lease = lease::Lease::take(&self.path, &self.owner).ok();
        }
    }

    /// Writes the draft of one form or dialog: into its row `id` while this window
    /// holds it, else into a new row this window holds. Returns the row's id. A
    /// dialog's draft has no unit: what it edits is named in its body.
    pub fn save_draft(
        &mut self,
        id: Option<i64>,
        unit_id: impl Into<Option<i64>>,
        inspection_id: Option<i64>,
        body: &str,
        saved_at: &str,
    ) -> Result<i64> {
        let unit_id = unit_id.into();
        self.hold_lease();
        let owner = self.owner.clone();
        self.write_local(|c| {
            if let Some(id) = id {
                let n = c
                    .prepare_cached(
                        "UPDATE draft SET unit_id = ?2, inspection_id = ?3, body = ?4, saved_at = ?5
                         WHERE id = ?1 AND owner = ?6 AND discarded_at IS NULL",
                    )?
                    .execute(params![id, unit_id, inspection_id, body, saved_at, owner])?;
                if n == 1 {
                    return Ok(id);
                }
            }
            c.prepare_cached(
                "INSERT INTO draft(unit_id, inspection_id, body, saved_at, owner)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![unit_id, inspection_id, body, saved_at, owner])?;
            Ok(c.last_insert_rowid())
        })
    }

    pub fn draft(&self, id: i64) -> Result<Option<DraftRow>> {
        Ok(self
            .conn()
            .query_row(&format!("{SELECT} WHERE id = ?1"), [id], draft_row)
            .optional()?)
    }

    /// Drafts nobody discarded and no running window holds: left by a crash, a
    /// closed window or an older tct. Newest first. A draft of a record deleted since
    /// waits with it (it could not be saved) and is offered again when it is restored.
    pub fn drafts_left(&self) -> Result<Vec<DraftRow>> {
        let rows: Vec<DraftRow> = self
            .conn()
            .prepare_cached(&format!(
                "{SELECT} WHERE discarded_at IS NULL
                   AND (inspection_id IS NULL OR inspection_id NOT IN
                        (SELECT id FROM inspection WHERE deleted_at IS NOT NULL))
                 ORDER BY saved_at DESC, id DESC"
            ))?
            .query_map([], draft_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows
            .into_iter()
            .filter(|d| match &d.owner {
                None => true,
                Some(o) => *o != self.owner && !lease::alive(&self.path, o),
            })
            .collect())
    }

    /// Drafts this window holds, newest first.
    pub fn drafts_held(&self) -> Result<Vec<DraftRow>> {
        Ok(self
            .conn()
            .prepare_cached(&format!(
                "{SELECT} WHERE owner = ?1 AND discarded_at IS NULL ORDER BY saved_at DESC, id DESC"
            ))?
            .query_map([&self.owner], draft_row)?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Drafts the user discarded and that are still kept, most recently discarded
    /// first.
    pub fn drafts_discarded(&self) -> Result<Vec<DraftRow>> {
        Ok(self
            .conn()
            .prepare_cached(&format!(
                "{SELECT} WHERE discarded_at IS NOT NULL ORDER BY discarded_at DESC, id DESC"
            ))?
            .query_map([], draft_row)?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Makes a draft this window's to go on with (and no longer discarded), if it is
    /// still `seen_owner`'s: false when another window took it first.
    pub fn take_draft(&mut self, id: i64, seen_owner: Option<&str>) -> Result<bool> {
        self.hold_lease();
        let owner = self.owner.clone();
        self.write_local(|c| {
            let n = c.execute(
                "UPDATE draft SET owner = ?3, discarded_at = NULL WHERE id = ?1 AND owner IS ?2",
                params![id, seen_owner, owner],
            )?;
            Ok(n == 1)
        })
    }

    /// Marks a draft discarded at `at`: it is kept, no window's, until purged. False
    /// when it was no longer `seen_owner`'s (another window took it meanwhile).
    pub fn discard_draft(&mut self, id: i64, seen_owner: Option<&str>, at: &str) -> Result<bool> {
        self.write_local(|c| {
            let n = c.execute(
                "UPDATE draft SET owner = NULL, discarded_at = ?3
                 WHERE id = ?1 AND owner IS ?2 AND discarded_at IS NULL",
                params![id, seen_owner, at],
            )?;
            Ok(n == 1)
        })
    }

    /// Housekeeping at start: deletes drafts discarded before `before`, and removes
    /// the lock files of windows that are gone. Returns how many drafts went.
    pub fn tidy_drafts(&mut self, before: &str) -> Result<usize> {
        lease::sweep(&self.path);
        // Asked first, so a start does not wait on another program's write for nothing.
        let due: bool = self.conn().query_row(
            "SELECT EXISTS (SELECT 1 FROM draft WHERE discarded_at < ?1)",
            [before],
            |r| r.get(0),
        )?;
        if !due {
            return Ok(0);
        }
        self.write_local(|c| {
            Ok(c.execute(
                "DELETE FROM draft WHERE discarded_at IS NOT NULL AND discarded_at < ?1",
                [before],
            )?)
        })
    }
}

impl Tx<'_> {
    /// Deletes the draft `id` of a dialog whose edit this transaction writes, if the
    /// window `owner` still holds it; every other draft stays.
    pub fn drop_draft(&self, id: Option<i64>, owner: &str) -> Result<()> {
        if let Some(id) = id {
            self.c.execute(
                "DELETE FROM draft WHERE id = ?1 AND owner = ?2",
                params![id, owner],
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::schema::{APPLICATION_ID, MIGRATIONS};
    use super::*;

    /// A file as tct 5 left it, with its one draft: migration 6 keeps the draft,
    /// A database of version 5, when the file had one draft, holding `body`.
    fn file_of_version_5(dir: &std::path::Path, body: &str, saved_at: &str) -> std::path::PathBuf {
        let path = dir.join("old.db");
        let c = rusqlite::Connection::open(&path).unwrap();
        for m in &MIGRATIONS[..5] {
            c.execute_batch(m).unwrap();
        }
        c.pragma_update(None, "application_id", APPLICATION_ID)
            .unwrap();
        c.pragma_update(None, "user_version", 5).unwrap();
        c.execute(
            "INSERT INTO draft(id, body, saved_at) VALUES (1, ?1, ?2)",
            [body, saved_at],
        )
        .unwrap();
        path
    }

    /// knows its unit and inspection, and offers it as left over.
    #[test]
    fn the_single_draft_of_before_becomes_a_row_no_window_holds() {
        let dir = tempfile::tempdir().unwrap();
        let body = r#"{"inspection_id":7,"unit_id":3,"unit_name":"Tràng Định","items":[]}"#;
        let path = file_of_version_5(dir.path(), body, "2022-09-23 10:01:02");
        let store = Store::open(&path).unwrap();
        assert!(store.schema_version().unwrap() >= 6);
        let left = store.drafts_left().unwrap();
        assert_eq!(
            left,
            [DraftRow {
                id: 1,
                unit_id: Some(3),
                inspection_id: Some(7),
                body: body.to_string(),
                saved_at: "2022-09-23 10:01:02".into(),
                owner: None,
                discarded_at: None,
            }]
        );
    }

    /// A body that is not JSON (a file written by hand) is kept as it is.
    #[test]
    fn a_draft_that_is_not_json_survives_the_migration() {
        let dir = tempfile::tempdir().unwrap();
        let path = file_of_version_5(dir.path(), "not json {", "x");
        let store = Store::open(&path).unwrap();
        let left = store.drafts_left().unwrap();
        assert_eq!(left.len(), 1);
        assert_eq!(
            (left[0].body.as_str(), left[0].unit_id),
            ("not json {", None)
        );
    }
}
