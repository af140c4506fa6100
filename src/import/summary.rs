//! What an import says: the summary of what changed (or would), and the report of
//! every problem when it changes nothing.

use std::io::Write;
use std::path::PathBuf;

use super::ImportKind;
use super::plan::{Change, Counts};
use super::rows::Problem;
use crate::domain::text::printable;
use crate::i18n::{T, t};

/// Changes listed by name in the summary.
const SHOWN_CHANGES: usize = 10;
/// Problems listed one per line before "and N more".
const SHOWN_PROBLEMS: usize = 20;

/// What an import did, or with `--dry-run` would do.
#[derive(Debug, Clone)]
pub struct Summary {
    pub file: PathBuf,
    pub kind: ImportKind,
    /// Data rows read (blank rows aside).
    pub rows: usize,
    /// Units, targets or tasks.
    pub counts: Counts,
    /// For targets: the readings ("Thực hiện") of the file.
    pub readings: Option<Counts>,
    /// The first changes, one line each.
    pub changes: Vec<String>,
    pub dry_run: bool,
    /// Where the database was copied before a large import.
    pub backup: Option<PathBuf>,
}

impl Summary {
    /// Records (and readings) that are new or updated.
    pub fn changed(&self) -> usize {
        self.counts.changed() + self.readings.map_or(0, |r| r.changed())
    }
}

/// The changes the summary lists: the first few in words, the rest counted. A large
/// import has 100,000; only those shown are ever put in words.
#[derive(Default)]
pub struct ChangeLines {
    lines: Vec<String>,
    hidden: usize,
}

impl ChangeLines {
    /// A new record (`+`) or a changed one (`~`): its row, what it is, and each
    /// change; `what` is asked for only when the line is shown.
    pub fn push(
        &mut self,
        sign: char,
        row: usize,
        what: impl FnOnce() -> String,
        changes: &[Change],
    ) {
        if self.lines.len() >= SHOWN_CHANGES {
            self.hidden += 1;
            return;
        }
        let mut s = format!("{sign} {} {row}: {}", t(T::ImpRow), what());
        for (i, c) in changes.iter().enumerate() {
            s.push_str(if i == 0 { ": " } else { "; " });
            if sign == '+' {
                s.push_str(&format!("{} {}", c.field, c.new));
            } else {
                s.push_str(&format!("{} {} → {}", c.field, c.old, c.new));
            }
        }
        self.lines.push(s);
    }

    /// The lines, with "… and N more changes" when some were not shown.
    pub fn finish(mut self) -> Vec<String> {
        if self.hidden > 0 {
            self.lines.push(format!(
                "… {} {} {}",
                t(T::ImpAnd),
                self.hidden,
                t(T::ImpMoreChanges)
            ));
        }
        self.lines
    }
}

/// Every problem, one a line (the first few), with the count: the message of the
/// error that stops an import.
pub fn problem_report(file: &str, mut problems: Vec<Problem>) -> String {
    problems.sort_by_key(|p| (p.row, p.col));
    problems.dedup();
    let n = problems.len();
    let mut s = format!("{file}: {n} {}", t(T::ImpProblemsNothingImported));
    for p in problems.iter().take(SHOWN_PROBLEMS) {
        s.push_str(&format!(
            "\n{file}: {} {}, {} «{}»: {}",
            t(T::ImpRow),
            p.row,
            t(T::ImpColumn),
            p.header,
            p.reason
        ));
    }
    if n > SHOWN_PROBLEMS {
        s.push_str(&format!(
            "\n… {} {} {}",
            t(T::ImpAnd),
            n - SHOWN_PROBLEMS,
            t(T::ImpMoreProblems)
        ));
    }
    s
}

fn kind_word(k: ImportKind) -> &'static str {
    t(match k {
        ImportKind::Units => T::Units,
        ImportKind::Targets => T::Targets,
        ImportKind::Tasks => T::Tasks,
    })
}

fn counts_line(label: &str, c: Counts) -> String {
    format!(
        "{label}: {} {}, {} {}, {} {}",
        c.new,
        t(T::ImpNew),
        c.updated,
        t(T::ImpUpdated),
        c.unchanged,
        t(T::ImpUnchanged)
    )
}

/// The summary as the command prints it.
pub fn write_summary(s: &Summary, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "{}: {} {} ({})",
        printable(&s.file.display().to_string()),
        s.rows,
        t(T::ImpDataRows),
        kind_word(s.kind).to_lowercase()
    )?;
    writeln!(out, "  {}", counts_line(kind_word(s.kind), s.counts))?;
    if let Some(r) = s.readings {
        writeln!(out, "  {}", counts_line(t(T::ImpReadings), r))?;
    }
    for l in &s.changes {
        writeln!(out, "  {}", printable(l))?;
    }
    if let Some(b) = &s.backup {
        writeln!(
            out,
            "{}: {}",
            t(T::ImpBackedUp),
            printable(&b.display().to_string())
        )?;
    }
    let last = if s.dry_run {
        t(T::ImpDryRun)
    } else if s.changed() == 0 {
        t(T::ImpNothingChanged)
    } else {
        t(T::ImpDone)
    };
    writeln!(out, "{last}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_first_changes_are_put_in_words() {
        let mut lines = ChangeLines::default();
        let mut described = 0;
        let change = Change {
            field: "Hạn xử lý".into(),
            old: "30/09/2022".into(),
            new: "31/10/2022".into(),
        };
        for row in 2..2 + SHOWN_CHANGES + 3 {
            lines.push(
                '~',
                row,
                || {
                    described += 1;
                    format!("nhiệm vụ {row}")
                },
                std::slice::from_ref(&change),
            );
        }
        let out = lines.finish();
        assert_eq!(described, SHOWN_CHANGES);
        assert_eq!(out.len(), SHOWN_CHANGES + 1);
        assert_eq!(
            out[0],
            format!(
                "~ {} 2: nhiệm vụ 2: Hạn xử lý 30/09/2022 → 31/10/2022",
                t(T::ImpRow)
            )
        );
        assert_eq!(
            out[SHOWN_CHANGES],
            format!("… {} 3 {}", t(T::ImpAnd), t(T::ImpMoreChanges))
        );
    }
}
