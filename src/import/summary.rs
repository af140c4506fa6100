//! What an import says: the summary of what changed (or would), and the report of
//! every problem when it changes nothing.

use std::io::Write;
use std::path::PathBuf;

use super::ImportKind;
use super::columns::Understood;
use super::layout::Skip;
use super::plan::{Change, Counts};
use super::rows::Problem;
use crate::domain::text::printable;
use crate::i18n::{T, t};

/// Changes listed by name in the summary.
const SHOWN_CHANGES: usize = 10;
/// Conflicts listed one per line: each asks the user to look.
const SHOWN_CONFLICTS: usize = 50;
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
    /// Tasks whose values set in tct stay because the file still has what the last
    /// import brought: one line each (the first ones), and how many.
    pub kept: Vec<String>,
    pub kept_count: usize,
    /// Values both tct and the file changed since the last import: one line each
    /// (the first ones) with both values, and how many.
    pub conflicts: Vec<String>,
    pub conflict_count: usize,
    /// Conflicts take the file's value (`--uu-tien-tep`) rather than keep tct's.
    pub prefer_file: bool,
    /// Rows of tasks the file says are cancelled: kept, counted nowhere.
    pub cancelled: Vec<usize>,
    /// Rows of tasks the file says are done without a date: done on time or late
    /// as it says, on a day shown as unknown.
    pub done_no_date: Vec<usize>,
    /// Rows of tasks the file says are postponed: imported as open.
    pub postponed: Vec<usize>,
    /// Rows whose status words say otherwise than their dates: counted by the dates.
    pub disagree: Vec<usize>,
    /// Rows whose status words tct does not know: counted by their dates.
    pub unknown_status: Vec<usize>,
    /// The rows of the header, and what each column was read as.
    pub header_rows: Vec<usize>,
    pub columns: Vec<Understood>,
    /// Rows that are not data (title, column numbers, sections, totals, signature).
    pub skipped: Vec<(Skip, usize)>,
    /// Sections whose declared number of tasks is not the rows under them.
    pub miscounted: Vec<Miscounted>,
}

/// A section "(05 nhiệm vụ)" with another number of rows under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Miscounted {
    pub row: usize,
    pub label: String,
    pub declared: usize,
    pub read: usize,
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

/// Lines about values set in tct, kept or in conflict: the first few, the rest
/// counted.
pub struct Listed {
    lines: Vec<String>,
    count: usize,
    shown: usize,
}

impl Listed {
    pub fn new(shown: usize) -> Listed {
        Listed {
            lines: Vec::new(),
            count: 0,
            shown,
        }
    }

    pub fn kept() -> Listed {
        Listed::new(SHOWN_CHANGES)
    }

    pub fn conflicts() -> Listed {
        Listed::new(SHOWN_CONFLICTS)
    }

    /// A task whose values set in tct stay: its row, what it is, and each value with
    /// what the file still has.
    pub fn push_kept(&mut self, row: usize, what: impl FnOnce() -> String, kept: &[Change]) {
        self.push(|| {
            let values: Vec<String> = kept
                .iter()
                .map(|c| format!("{} {} ({} {})", c.field, c.new, t(T::ImpFileStill), c.old))
                .collect();
            format!(
                "= {} {row}: {}: {} {}",
                t(T::ImpRow),
                what(),
                t(T::ImpKeptTct),
                values.join("; ")
            )
        });
    }

    /// A value both changed: row, column, what the task is, and both values.
    pub fn push_conflict(&mut self, row: usize, what: impl FnOnce() -> String, c: &Change) {
        self.push(|| {
            format!(
                "! {} {row}, {} «{}»: {}: {} {}, {} {}",
                t(T::ImpRow),
                t(T::ImpColumn),
                c.field,
                what(),
                t(T::ImpInTct),
                c.old,
                t(T::ImpInFile),
                c.new
            )
        });
    }

    fn push(&mut self, line: impl FnOnce() -> String) {
        self.count += 1;
        if self.lines.len() < self.shown {
            self.lines.push(line());
        }
    }

    /// The lines, with "… and N more" when some were not shown, and how many in all.
    pub fn finish(mut self, more: T) -> (Vec<String>, usize) {
        let hidden = self.count - self.lines.len();
        if hidden > 0 {
            self.lines
                .push(format!("… {} {hidden} {}", t(T::ImpAnd), t(more)));
        }
        (self.lines, self.count)
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

/// "3 (dòng 5, 9, 12)": how many rows, and the first of them.
fn rows_line(rows: &[usize]) -> String {
    const SHOWN: usize = 10;
    let mut list: Vec<String> = rows.iter().take(SHOWN).map(|r| r.to_string()).collect();
    if rows.len() > SHOWN {
        list.push("…".into());
    }
    format!("{} ({} {})", rows.len(), t(T::ImpRow), list.join(", "))
}

/// How each column was read: "B «Văn bản giao nhiệm vụ › Số, ký hiệu» → Số/ký hiệu
/// văn bản", or ignored.
fn write_columns(s: &Summary, out: &mut dyn Write) -> std::io::Result<()> {
    let rows: Vec<String> = s.header_rows.iter().map(|r| r.to_string()).collect();
    writeln!(out, "  {} {}:", t(T::ImpColumnsRead), rows.join("–"))?;
    for c in &s.columns {
        let what = match c.field {
            Some(f) => format!("→ {f}"),
            None => format!("({})", t(T::ImpColumnIgnored)),
        };
        writeln!(out, "    {} «{}» {what}", c.column, printable(&c.header))?;
    }
    Ok(())
}

/// Rows that are not data, counted; sections whose count is not what they hold.
fn write_layout(s: &Summary, out: &mut dyn Write) -> std::io::Result<()> {
    if !s.skipped.is_empty() {
        let parts: Vec<String> = s
            .skipped
            .iter()
            .map(|(what, n)| {
                let words = t(match what {
                    Skip::Title => T::ImpSkipTitle,
                    Skip::Header => T::ImpSkipHeader,
                    Skip::Section => T::ImpSkipSection,
                    Skip::Totals => T::ImpSkipTotals,
                    Skip::Signature => T::ImpSkipSignature,
                });
                format!("{n} {words}")
            })
            .collect();
        writeln!(out, "  {}: {}", t(T::ImpSkipped), parts.join(", "))?;
    }
    for m in &s.miscounted {
        writeln!(
            out,
            "  {} «{}» ({} {}) {} {} {} {} {}",
            t(T::ImpSection),
            printable(&m.label),
            t(T::ImpRow),
            m.row,
            t(T::ImpSectionSays),
            m.declared,
            t(T::ImpSectionTasksBut),
            m.read,
            t(T::ImpSectionRows)
        )?;
    }
    Ok(())
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
    if s.dry_run {
        write_columns(s, out)?;
    }
    write_layout(s, out)?;
    for l in &s.changes {
        writeln!(out, "  {}", printable(l))?;
    }
    for (what, rows) in [
        (T::ImpCancelledKept, &s.cancelled),
        (T::ImpDoneNoDate, &s.done_no_date),
        (T::ImpPostponedOpen, &s.postponed),
        (T::ImpStatusDisagrees, &s.disagree),
        (T::ImpStatusUnknown, &s.unknown_status),
    ] {
        if !rows.is_empty() {
            writeln!(out, "  {}: {}", t(what), rows_line(rows))?;
        }
    }
    if s.kept_count > 0 {
        writeln!(out, "  {}: {}", t(T::ImpKeptCount), s.kept_count)?;
        for l in &s.kept {
            writeln!(out, "  {}", crate::domain::text::printable(l))?;
        }
    }
    if s.conflict_count > 0 {
        let resolved = if s.prefer_file {
            t(T::ImpConflictsTookFile)
        } else {
            t(T::ImpConflictsKeptTct)
        };
        writeln!(
            out,
            "  {}: {} — {resolved}",
            t(T::ImpConflicts),
            s.conflict_count
        )?;
        for l in &s.conflicts {
            writeln!(out, "  {}", crate::domain::text::printable(l))?;
        }
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
