//! Cells to values, and rows to records of each kind, with every problem of every row
//! collected (row, column, reason) rather than stopping at the first.

use chrono::{Datelike, NaiveDate};

use crate::domain::deadline_words::{DeadlineWords, extension_in_notes, parse_deadline};
use crate::domain::format::{NumberError, parse_date, parse_number};
use crate::domain::status_words::{ReportedStatus, agrees, parse_status};
use crate::domain::target::{Direction, Plan};
use crate::domain::task::stand_in_completion;
use crate::domain::text::{is_blank, nfc};
use crate::domain::unit::UnitKind;
use crate::error::{Error, Result};
use crate::i18n::{T, t};
use crate::store::Store;

use super::columns::{Columns, Field};
use super::layout::{self, Section, Skip};
use super::read::{Cell, Row, excel_serial_date};
use super::resolve::{UnitIndex, norm, parse_kind};

/// One thing wrong with one cell (or row) of the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub row: usize,
    /// Position of the column, for ordering; `usize::MAX` for the row as a whole.
    pub col: usize,
    pub header: String,
    pub reason: String,
}

/// The day task-tracking exports write for "no deadline" (and other empty dates).
pub fn no_date_marker() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date")
}

/// Text of a cell: NFC, trimmed; numbers without a needless ".0".
pub fn text(c: &Cell) -> Option<String> {
    match c {
        Cell::Empty => None,
        Cell::Text(s) => {
            let s = s.trim();
            if s.is_empty() {
                None
            } else if s.is_ascii()
                || unicode_normalization::is_nfc_quick(s.chars())
                    == unicode_normalization::IsNormalized::Yes
            {
                Some(s.to_string())
            } else {
                Some(nfc(s))
            }
        }
        Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => Some(format!("{n:.0}")),
        Cell::Number(n) => Some(n.to_string()),
        Cell::Date(d) => Some(crate::domain::format::fmt_date(*d)),
    }
}

/// A date: a date cell, an Excel serial number, `dd/mm/yyyy` or `yyyy-mm-dd` (a time
/// after it is ignored). 01/01/1970 and empty mean none.
pub fn date(c: &Cell) -> Result<Option<NaiveDate>> {
    let d = match c {
        Cell::Empty => return Ok(None),
        Cell::Date(d) => *d,
        Cell::Number(n) => excel_serial_date(*n)
            .ok_or_else(|| Error::User(format!("{}: «{}» (dd/mm/yyyy)", t(T::ErrDate), n)))?,
        Cell::Text(s) => {
            let s = s.trim();
            // A time after the date ("23/09/2022 08:30", "2022-09-23T08:30:00") is
            // dropped; anything else is part of what must be a date.
            let date_part = match s.split_once(|c: char| c.is_whitespace() || c == 'T') {
                Some((d, time)) if time.contains(':') => d,
                _ => s,
            };
            parse_date(date_part)?
        }
    };
    Ok((d != no_date_marker()).then_some(d))
}

/// A deadline: a date as `date` reads it, or in words ("Trước ngày 30/9/2022",
/// "Quý III/2022", "Thường xuyên", "… (đã gia hạn đến 31/8/2022)").
pub fn deadline(c: &Cell) -> Result<Option<DeadlineWords>> {
    let plain = |d: Option<NaiveDate>| {
        d.map(|original| DeadlineWords {
            original,
            extended_to: None,
        })
    };
    match (date(c), c) {
        (Ok(d), _) => Ok(plain(d)),
        (Err(_), Cell::Text(s)) if s.chars().any(|ch| ch.is_alphabetic()) => {
            Ok(parse_deadline(s)?.filter(|w| w.original != no_date_marker()))
        }
        (Err(e), _) => Err(e),
    }
}

/// An extension the notes column records ("Đã gia hạn đến 31/8/2022").
pub fn noted_extension(c: &Cell) -> Result<Option<NaiveDate>> {
    match text(c) {
        None => Ok(None),
        Some(s) => extension_in_notes(&s),
    }
}

/// The deadline cell's words with the extension the notes record: the cell's own
/// extension wins; one the deadline cell already shows adds nothing.
fn with_noted(
    c: &mut Cells,
    words: Option<DeadlineWords>,
    noted: Option<NaiveDate>,
) -> Option<DeadlineWords> {
    let Some(new) = noted else { return words };
    match words {
        None => Some(DeadlineWords {
            original: new,
            extended_to: None,
        }),
        Some(w) if w.extended_to.is_some() || new == w.original => Some(w),
        Some(w) if new > w.original => Some(DeadlineWords {
            original: w.original,
            extended_to: Some(new),
        }),
        Some(w) => {
            let said = c.text(Field::Notes).unwrap_or_default();
            c.fail(
                Field::Notes,
                format!("{}: «{said}»", t(T::ImpExtensionNotLater)),
            );
            Some(w)
        }
    }
}

/// A status in the words of the tracking systems (`status_words`).
pub fn status(c: &Cell) -> Result<Option<ReportedStatus>> {
    match text(c) {
        None => Ok(None),
        Some(s) => parse_status(&s),
    }
}

/// A number written either way (`1.234,5`, `1,234.5`), a `%` after it allowed.
pub fn number(c: &Cell) -> Result<Option<f64>> {
    match c {
        Cell::Empty => Ok(None),
        Cell::Number(n) => Ok(Some(*n)),
        Cell::Date(d) => Err(Error::User(format!(
            "{}: «{}»",
            t(T::ImpBadNumber),
            crate::domain::format::fmt_date(*d)
        ))),
        Cell::Text(s) => {
            let bare = s.trim().trim_end_matches('%').trim();
            parse_number(bare)
                .map(Some)
                .map_err(|e| number_error(e, T::ImpBadNumber, s.trim()))
        }
    }
}

/// Why a cell is not a number, in words; `other` for plain "not a number".
fn number_error(e: NumberError, other: T, s: &str) -> Error {
    let why = match e {
        NumberError::NotANumber => other,
        NumberError::Exponent => T::ImpNumberExponent,
        NumberError::Ambiguous => T::ImpNumberAmbiguous,
    };
    Error::User(format!("{}: «{s}»", t(why)))
}

/// A plan: one number, or a range "8-9", "8–9", "8 ÷ 9", "8 đến 9".
pub fn plan(c: &Cell) -> Result<Option<Plan>> {
    let bad = |s: &str| Error::User(format!("{}: «{s}»", t(T::ImpBadPlan)));
    let s = match c {
        Cell::Text(s) => s.trim(),
        other => return number(other).map(|n| n.map(Plan::Value)),
    };
    let bare = s.trim_end_matches('%').trim();
    match parse_number(bare) {
        Ok(n) => return Ok(Some(Plan::Value(n))),
        Err(NumberError::NotANumber) => {}
        Err(e) => return Err(number_error(e, T::ImpBadPlan, s)),
    }
    let split = ['–', '—', '÷', '~']
        .iter()
        .find_map(|sep| bare.split_once(*sep))
        .or_else(|| bare.split_once(" đến "))
        .or_else(|| bare.split_once(" den "))
        .or_else(|| {
            // A hyphen between numbers, not the sign of the first.
            let at = bare
                .char_indices()
                .skip(1)
                .find(|(i, ch)| {
                    *ch == '-'
                        && bare[..*i]
                            .trim_end()
                            .ends_with(|p: char| p.is_ascii_digit())
                })
                .map(|(i, _)| i)?;
            Some((&bare[..at], &bare[at + 1..]))
        });
    let (a, b) = split.ok_or_else(|| bad(s))?;
    let num = |x: &str| parse_number(x.trim().trim_end_matches('%').trim());
    match (num(a), num(b)) {
        (Ok(a), Ok(b)) => Ok(Some(Plan::Range(a.min(b), a.max(b)))),
        (Err(e), _) | (_, Err(e)) => Err(number_error(e, T::ImpBadPlan, s)),
    }
}

/// Which way is better: "cao hơn tốt hơn", "thấp hơn tốt hơn", higher, lower…
pub fn direction(c: &Cell) -> Result<Option<Direction>> {
    let Some(s) = text(c) else { return Ok(None) };
    let key = norm(&s);
    let has = |w: &str| key.split(' ').any(|k| k == w);
    if has("thap") || has("giam") || has("lower") || s.contains('↓') {
        Ok(Some(Direction::Lower))
    } else if has("cao") || has("tang") || has("higher") || s.contains('↑') {
        Ok(Some(Direction::Higher))
    } else {
        Err(Error::User(format!("{}: «{s}»", t(T::ImpBadDirection))))
    }
}

/// A year: 2022, "2022", or "năm 2022".
pub fn year(c: &Cell) -> Result<Option<i32>> {
    let bad = |s: String| Error::User(format!("{}: «{s}»", t(T::ImpBadYear)));
    let y = match c {
        Cell::Empty => return Ok(None),
        Cell::Number(n) if n.fract() == 0.0 => *n as i64,
        Cell::Date(d) => d.year() as i64,
        other => {
            let s = text(other).unwrap_or_default();
            let digits: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
            if digits.len() != 4 || norm(&s).replace("nam", "").trim() != digits {
                return Err(bad(s));
            }
            digits.parse().map_err(|_| bad(s.clone()))?
        }
    };
    if (1900..=2200).contains(&y) {
        Ok(Some(y as i32))
    } else {
        Err(bad(y.to_string()))
    }
}

/// What the rows of a file say, with the problems found on the way.
pub struct Parsed<R> {
    pub records: Vec<R>,
    pub problems: Vec<Problem>,
    /// Rows with data (blank rows are skipped).
    pub rows: usize,
    /// Rows of tasks the file says are cancelled (bị hủy): kept, counted nowhere.
    pub cancelled: Vec<usize>,
    /// Rows of tasks the file says are done but without a date.
    pub done_no_date: Vec<usize>,
    /// Rows of tasks the file says are postponed (tạm hoãn): imported as open.
    pub postponed: Vec<usize>,
    /// Rows whose status words say otherwise than their dates (counted by the dates).
    pub disagree: Vec<usize>,
    /// Rows whose status words are none tct knows (counted by the dates).
    pub unknown_status: Vec<usize>,
    /// Rows that are not data, counted by what they are (title, section…).
    pub skipped: Vec<(Skip, usize)>,
    /// Sections whose "(05 nhiệm vụ)" is not the number of rows under them.
    pub miscounted: Vec<Section>,
}

/// Reads the cells of one row, noting each problem.
struct Cells<'a> {
    cols: &'a Columns,
    row: &'a Row,
    /// The section whose title gives the row a status, if any.
    section: Option<&'a Section>,
    problems: &'a mut Vec<Problem>,
    ok: bool,
}

impl Cells<'_> {
    fn fail(&mut self, f: Field, reason: String) {
        self.ok = false;
        self.problems.push(Problem {
            row: self.row.number,
            col: self.cols.col(f).unwrap_or(usize::MAX),
            header: self.cols.header(f),
            reason,
        });
    }

    fn cell(&self, f: Field) -> &Cell {
        self.cols.cell(self.row, f)
    }

    fn text(&self, f: Field) -> Option<String> {
        text(self.cell(f))
    }

    fn get<V>(&mut self, f: Field, parse: fn(&Cell) -> Result<Option<V>>) -> Option<V> {
        match parse(self.cell(f)) {
            Ok(v) => v,
            Err(e) => {
                self.fail(f, e.to_string());
                None
            }
        }
    }

    /// A cell that must not be empty, nor hold only what does not show.
    fn required(&mut self, f: Field, missing: T) -> Option<String> {
        match self.text(f) {
            None => {
                self.fail(f, t(missing).to_string());
                None
            }
            Some(v) if is_blank(&v) => {
                self.fail(f, format!("{}: {}", t(missing), t(T::ImpOnlyInvisible)));
                None
            }
            v => v,
        }
    }

    /// Every unit a cell names (several in one cell, see `UnitIndex::find_all`).
    fn units(
        &mut self,
        f: Field,
        cell: &str,
        on: NaiveDate,
        ix: &mut UnitIndex,
        store: &Store,
    ) -> Option<Vec<i64>> {
        match ix.find_all(store, cell, on) {
            Ok(ids) if !ids.is_empty() => Some(ids),
            Ok(_) => {
                self.fail(f, t(T::ImpEmptyUnit).to_string());
                None
            }
            Err(e) => {
                self.fail(f, e.to_string());
                None
            }
        }
    }

    fn unit(
        &mut self,
        f: Field,
        name: &str,
        on: NaiveDate,
        ix: &mut UnitIndex,
        store: &Store,
    ) -> Option<i64> {
        match ix.find(store, name, on) {
            Ok(id) => Some(id),
            Err(e) => {
                self.fail(f, e.to_string());
                None
            }
        }
    }
}

/// Reads every data row with `read` (rows of titles, sections, totals and signatures
/// are counted, not read), keeping the records of the rows that gave no problem; the
/// problems of all of them are kept too.
fn read_rows<R>(
    rows: &[Row],
    cols: &Columns,
    mut read: impl FnMut(&mut Cells) -> Option<R>,
) -> Parsed<R> {
    let mut out = Parsed {
        records: Vec::new(),
        problems: Vec::new(),
        rows: 0,
        cancelled: Vec::new(),
        done_no_date: Vec::new(),
        postponed: Vec::new(),
        disagree: Vec::new(),
        unknown_status: Vec::new(),
        skipped: Vec::new(),
        miscounted: Vec::new(),
    };
    let layout = layout::read(rows, cols);
    for &(i, section) in &layout.data {
        out.rows += 1;
        let mut c = Cells {
            cols,
            row: &rows[i],
            section: section.map(|s| &layout.sections[s]),
            problems: &mut out.problems,
            ok: true,
        };
        if let Some(r) = read(&mut c)
            && c.ok
        {
            out.records.push(r);
        }
    }
    out.miscounted = layout.miscounted().cloned().collect();
    out.skipped = layout.skipped;
    out
}

/// A deadline with the extension its own column gives (a date, or words as the
/// deadline's: "Trước ngày 30/11/2022"); one before the deadline is refused.
fn extend(words: Option<DeadlineWords>, ext: NaiveDate) -> Result<Option<DeadlineWords>> {
    let Some(w) = words else {
        return Ok(Some(DeadlineWords {
            original: ext,
            extended_to: None,
        }));
    };
    if ext < w.original {
        return Err(Error::User(format!(
            "{} ({} < {})",
            t(T::ImpExtensionBeforeDeadline),
            crate::domain::format::fmt_date(ext),
            crate::domain::format::fmt_date(w.original)
        )));
    }
    Ok(Some(DeadlineWords {
        original: w.original,
        extended_to: (ext > w.in_force()).then_some(ext).or(w.extended_to),
    }))
}

/// A task as a row gives it.
#[derive(Debug, Clone)]
pub struct TaskRow {
    pub row: usize,
    pub id: Option<i64>,
    pub title: String,
    pub doc_number: Option<String>,
    pub doc_date: Option<NaiveDate>,
    pub assigned_on: Option<NaiveDate>,
    pub leader: Option<String>,
    pub unit_id: i64,
    pub cooperating: Option<String>,
    /// The deadline in force: the extension's when the cell gives one.
    pub deadline: Option<NaiveDate>,
    /// The deadline first given, when the cell gives an extension too.
    pub original_deadline: Option<NaiveDate>,
    pub completed_on: Option<NaiveDate>,
    pub origin: Option<String>,
    /// Done without a date: `completed_on` is a stand-in (`stand_in_completion`).
    pub completion_unknown: bool,
    /// The file says cancelled (bị hủy).
    pub cancelled: bool,
}

pub fn tasks(
    rows: &[Row],
    cols: &Columns,
    ix: &mut UnitIndex,
    store: &Store,
    as_of: NaiveDate,
) -> Parsed<TaskRow> {
    let (mut cancelled, mut postponed, mut disagree) = (Vec::new(), Vec::new(), Vec::new());
    let (mut unknown_status, mut done_no_date) = (Vec::new(), Vec::new());
    let parsed = read_rows(rows, cols, |c| {
        // Status words only inform: words tct does not know do not stop an import
        // (the dates decide), they are listed in the summary. A row without them
        // takes its section's ("I. NHIỆM VỤ ĐÃ HOÀN THÀNH").
        let by_section = c
            .section
            .filter(|_| c.text(Field::Status).is_none())
            .and_then(|s| Some((s.status?, s.label.clone())));
        let reported = status(c.cell(Field::Status))
            .unwrap_or_else(|_| {
                unknown_status.push(c.row.number);
                None
            })
            .or(by_section.as_ref().map(|(s, _)| *s));
        match reported {
            Some(ReportedStatus::Cancelled) => cancelled.push(c.row.number),
            Some(ReportedStatus::Postponed) => postponed.push(c.row.number),
            _ => {}
        }
        let id = match c.text(Field::TaskId) {
            None => None,
            Some(s) => match s.parse::<i64>() {
                Ok(id) => Some(id),
                Err(_) => {
                    c.fail(Field::TaskId, format!("{}: «{s}»", t(T::ImpBadId)));
                    None
                }
            },
        };
        let title = c.required(Field::Title, T::ImpEmptyTitle);
        let doc_date = c.get(Field::DocDate, date);
        let assigned = c.get(Field::AssignedOn, date);
        // One date column fills both: exports give either the document's date or the
        // day the task was assigned, and they are the same day.
        let (doc_date, assigned_on) = match (cols.has(Field::DocDate), cols.has(Field::AssignedOn))
        {
            (true, false) => (doc_date, doc_date),
            (false, true) => (assigned, assigned),
            _ => (doc_date, assigned),
        };
        let mut words = c.get(Field::Deadline, deadline);
        // "Thời hạn › Gia hạn": the extension in a column of its own.
        if let Some(ext) = c.get(Field::ExtendedTo, deadline) {
            match extend(words, ext.in_force()) {
                Ok(w) => words = w,
                Err(e) => c.fail(Field::ExtendedTo, e.to_string()),
            }
        }
        let noted = c.get(Field::Notes, noted_extension);
        let words = with_noted(c, words, noted);
        let deadline = words.map(DeadlineWords::in_force);
        let original_deadline = words.and_then(|w| w.extended_to.map(|_| w.original));
        let mut completed_on = c.get(Field::CompletedOn, date);
        // Done, the file (or its section) says, but on no day it gives: done on time
        // or late as it says ("Đã hoàn thành" alone: on time), on a stand-in day never
        // shown.
        let completion_unknown = matches!(reported, Some(ReportedStatus::Done { .. }))
            && c.text(Field::CompletedOn).is_none();
        if let (true, Some(ReportedStatus::Done { late })) = (completion_unknown, reported) {
            done_no_date.push(c.row.number);
            completed_on = Some(stand_in_completion(
                late == Some(true),
                assigned_on,
                deadline,
                as_of,
            ));
        }
        // A cancelled task is counted by no date, so its dates disagree with nothing.
        if let Some(said) = reported
            && said != ReportedStatus::Cancelled
            && !agrees(said, deadline, completed_on)
        {
            disagree.push(c.row.number);
        }
        if let (Some(a), Some(d)) = (assigned_on, words.map(|w| w.original))
            && d < a
        {
            c.fail(
                Field::Deadline,
                format!(
                    "{} ({} < {})",
                    t(T::ImpDeadlineBeforeAssigned),
                    crate::domain::format::fmt_date(d),
                    crate::domain::format::fmt_date(a)
                ),
            );
        }
        let unit_on = assigned_on.or(deadline).unwrap_or(as_of);
        // Several lead units in one cell: one task for each, the same in all else.
        let unit_ids = c
            .required(Field::LeadUnit, T::ImpEmptyUnit)
            .and_then(|name| c.units(Field::LeadUnit, &name, unit_on, ix, store))
            .unwrap_or_default();
        if id.is_some() && unit_ids.len() > 1 {
            c.fail(Field::LeadUnit, t(T::ImpOneUnitWithId).to_string());
        }
        let rec = TaskRow {
            row: c.row.number,
            id,
            title: title.unwrap_or_default(),
            doc_number: c.text(Field::DocNumber),
            doc_date,
            assigned_on,
            leader: c.text(Field::Leader),
            unit_id: 0,
            cooperating: c.text(Field::Cooperating),
            deadline,
            original_deadline,
            completed_on,
            origin: c.text(Field::Origin),
            completion_unknown,
            cancelled: reported == Some(ReportedStatus::Cancelled),
        };
        let mut recs: Vec<TaskRow> = unit_ids
            .into_iter()
            .map(|unit_id| TaskRow {
                unit_id,
                ..rec.clone()
            })
            .collect();
        // A row with a problem is still checked whole; its records are dropped.
        if recs.is_empty() {
            recs.push(rec);
        }
        Some(recs)
    });
    Parsed {
        records: parsed.records.into_iter().flatten().collect(),
        problems: parsed.problems,
        rows: parsed.rows,
        cancelled,
        done_no_date,
        postponed,
        disagree,
        unknown_status,
        skipped: parsed.skipped,
        miscounted: parsed.miscounted,
    }
}

/// A target as a row gives it.
#[derive(Debug, Clone)]
pub struct TargetRow {
    pub row: usize,
    pub unit_id: i64,
    pub year: i32,
    pub name: String,
    pub measure: Option<String>,
    pub plan: Plan,
    pub direction: Direction,
    pub actual: Option<f64>,
    pub actual_on: Option<NaiveDate>,
}

pub fn targets(
    rows: &[Row],
    cols: &Columns,
    ix: &mut UnitIndex,
    store: &Store,
) -> Parsed<TargetRow> {
    read_rows(rows, cols, |c| {
        let year = c.get(Field::Year, year);
        if year.is_none() && c.ok {
            c.fail(Field::Year, t(T::ImpNoYear).to_string());
        }
        let name = c.required(Field::TargetName, T::ImpEmptyName);
        let plan = c.get(Field::Plan, plan);
        if plan.is_none() && c.ok {
            c.fail(Field::Plan, t(T::ImpNoPlan).to_string());
        }
        let direction = c
            .get(Field::Direction, direction)
            .unwrap_or(Direction::Higher);
        let actual = c.get(Field::Actual, number);
        let actual_on = c.get(Field::ActualOn, date);
        // A year's plan belongs to the unit that existed when the year began.
        let unit_on = NaiveDate::from_ymd_opt(year.unwrap_or(2000), 1, 1).unwrap_or_default();
        let unit_id = c
            .required(Field::TargetUnit, T::ImpEmptyUnit)
            .and_then(|n| c.unit(Field::TargetUnit, &n, unit_on, ix, store));
        let (Some(unit_id), Some(year), Some(name), Some(plan)) = (unit_id, year, name, plan)
        else {
            return None;
        };
        Some(TargetRow {
            row: c.row.number,
            unit_id,
            year,
            name,
            measure: c.text(Field::Measure),
            plan,
            direction,
            actual,
            actual_on,
        })
    })
}

/// A unit as a row gives it; its parent is still a name.
#[derive(Debug, Clone)]
pub struct UnitRow {
    pub row: usize,
    pub name: String,
    pub kind: UnitKind,
    pub code: Option<String>,
    pub parent: Option<String>,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
}

pub fn units(rows: &[Row], cols: &Columns) -> Parsed<UnitRow> {
    read_rows(rows, cols, |c| {
        let name = c.required(Field::UnitName, T::ImpEmptyName);
        let kind = match c.text(Field::UnitKind) {
            None => {
                c.fail(Field::UnitKind, t(T::ImpNoKind).to_string());
                None
            }
            Some(s) => {
                let k = parse_kind(&s);
                if k.is_none() {
                    c.fail(Field::UnitKind, format!("{}: «{s}»", t(T::ImpBadKind)));
                }
                k
            }
        };
        let valid_from = c.get(Field::ValidFrom, date);
        let valid_to = c.get(Field::ValidTo, date);
        if let (Some(f), Some(to)) = (valid_from, valid_to)
            && to < f
        {
            c.fail(Field::ValidTo, t(T::ImpValidToBeforeFrom).to_string());
        }
        let (Some(name), Some(kind)) = (name, kind) else {
            return None;
        };
        Some(UnitRow {
            row: c.row.number,
            name,
            kind,
            code: c.text(Field::Code),
            parent: c.text(Field::Parent),
            valid_from,
            valid_to,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each cell reader with its error as the words the user sees, to compare whole.
    type Words<V> = std::result::Result<Option<V>, String>;
    fn date(c: &Cell) -> Words<NaiveDate> {
        super::date(c).map_err(|e| e.to_string())
    }
    fn plan(c: &Cell) -> Words<Plan> {
        super::plan(c).map_err(|e| e.to_string())
    }
    fn direction(c: &Cell) -> Words<Direction> {
        super::direction(c).map_err(|e| e.to_string())
    }
    fn year(c: &Cell) -> Words<i32> {
        super::year(c).map_err(|e| e.to_string())
    }
    fn number(c: &Cell) -> Words<f64> {
        super::number(c).map_err(|e| e.to_string())
    }

    fn txt(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_in_every_form() {
        assert_eq!(date(&txt("23/09/2022")), Ok(Some(d(2022, 9, 23))));
        assert_eq!(date(&txt("2022-09-23")), Ok(Some(d(2022, 9, 23))));
        assert_eq!(date(&txt("23/09/2022 08:30")), Ok(Some(d(2022, 9, 23))));
        assert_eq!(date(&txt("2022-09-23T08:30:00")), Ok(Some(d(2022, 9, 23))));
        assert_eq!(date(&Cell::Number(44827.0)), Ok(Some(d(2022, 9, 23))));
        assert_eq!(date(&txt("01/01/1970")), Ok(None));
        assert_eq!(date(&Cell::Empty), Ok(None));
        assert!(
            date(&txt("31/02/2022"))
                .unwrap_err()
                .contains("không tồn tại")
        );
    }

    #[test]
    fn deadline_cells_as_dates_or_words() {
        let w = |o: NaiveDate, e: Option<NaiveDate>| {
            Ok(Some(DeadlineWords {
                original: o,
                extended_to: e,
            }))
        };
        let cases: [(Cell, std::result::Result<Option<DeadlineWords>, ()>); 9] = [
            (Cell::Date(d(2022, 9, 30)), w(d(2022, 9, 30), None)),
            (Cell::Number(44834.0), w(d(2022, 9, 30), None)),
            (txt("30/9/2022"), w(d(2022, 9, 30), None)),
            (txt("2022-09-30T00:00:00"), w(d(2022, 9, 30), None)),
            (txt("Trước ngày 30/9/2022"), w(d(2022, 9, 30), None)),
            (txt("Quý III/2022"), w(d(2022, 9, 30), None)),
            (txt("01/01/1970"), Ok(None)),
            (txt("Trước ngày 01/01/1970"), Ok(None)),
            (
                txt("Trước ngày 30/6/2022 (đã gia hạn đến 31/8/2022)"),
                w(d(2022, 6, 30), Some(d(2022, 8, 31))),
            ),
        ];
        for (cell, want) in cases {
            assert_eq!(deadline(&cell).map_err(drop), want, "{cell:?}");
        }
        // A date-like cell keeps the date's own reason; words get the words' one.
        let e = deadline(&txt("31/02/2022")).unwrap_err().to_string();
        assert!(e.contains("không tồn tại"), "{e}");
        let e = deadline(&txt("Sớm")).unwrap_err().to_string();
        assert!(e.contains("hạn xử lý không đọc được"), "{e}");
    }

    #[test]
    fn an_extension_column_extends_the_deadline_beside_it() {
        let w = |o, e| DeadlineWords {
            original: o,
            extended_to: e,
        };
        let (sep, oct, nov) = (d(2022, 9, 30), d(2022, 10, 31), d(2022, 11, 30));
        assert_eq!(extend(None, oct).unwrap(), Some(w(oct, None)));
        assert_eq!(
            extend(Some(w(sep, None)), oct).unwrap(),
            Some(w(sep, Some(oct)))
        );
        assert_eq!(extend(Some(w(sep, None)), sep).unwrap(), Some(w(sep, None)));
        // The later of the two extensions is in force.
        assert_eq!(
            extend(Some(w(sep, Some(nov))), oct).unwrap(),
            Some(w(sep, Some(nov)))
        );
        let e = extend(Some(w(oct, None)), sep).unwrap_err().to_string();
        assert_eq!(e, "ngày gia hạn sớm hơn thời hạn (30/09/2022 < 31/10/2022)");
    }

    #[test]
    fn plans_and_ranges() {
        assert_eq!(plan(&txt("112,5")), Ok(Some(Plan::Value(112.5))));
        assert_eq!(plan(&txt("8-9")), Ok(Some(Plan::Range(8.0, 9.0))));
        assert_eq!(plan(&txt("8–9%")), Ok(Some(Plan::Range(8.0, 9.0))));
        assert_eq!(plan(&txt("8,5 ÷ 9")), Ok(Some(Plan::Range(8.5, 9.0))));
        assert_eq!(plan(&txt("-5")), Ok(Some(Plan::Value(-5.0))));
        assert_eq!(
            plan(&Cell::Number(200000.0)),
            Ok(Some(Plan::Value(200000.0)))
        );
        assert!(plan(&txt("nhiều")).is_err());
    }

    #[test]
    fn directions_years_and_kinds() {
        assert_eq!(
            direction(&txt("Thấp hơn tốt hơn")),
            Ok(Some(Direction::Lower))
        );
        assert_eq!(
            direction(&txt("cao hơn tốt hơn")),
            Ok(Some(Direction::Higher))
        );
        assert_eq!(direction(&txt("lower")), Ok(Some(Direction::Lower)));
        assert!(direction(&txt("ngang")).is_err());
        assert_eq!(year(&Cell::Number(2022.0)), Ok(Some(2022)));
        assert_eq!(year(&txt("Năm 2022")), Ok(Some(2022)));
        assert!(year(&txt("22")).is_err());
        assert_eq!(parse_kind("Sở, ban, ngành"), Some(UnitKind::So));
        assert_eq!(parse_kind("THÀNH PHỐ"), Some(UnitKind::ThanhPho));
        assert_eq!(parse_kind("thi_tran"), Some(UnitKind::ThiTran));
    }

    #[test]
    fn numbers_in_text_cells() {
        assert_eq!(text(&Cell::Number(180.0)).as_deref(), Some("180"));
        assert_eq!(number(&txt("1.234,5")), Ok(Some(1234.5)));
        assert_eq!(number(&txt("12,5%")), Ok(Some(12.5)));
    }

    #[test]
    fn numbers_that_read_two_ways_are_refused_with_the_reason() {
        let refused = [
            (number(&txt("0.125")).map(drop), "không rõ", "«0.125»"),
            (number(&txt("1.5e3")).map(drop), "lũy thừa", "«1.5e3»"),
            (plan(&txt("0.125")).map(drop), "không rõ", "«0.125»"),
            (plan(&txt("1e3–2e3")).map(drop), "lũy thừa", "«1e3–2e3»"),
            (plan(&txt("8–1.23.4")).map(drop), "không rõ", "«8–1.23.4»"),
        ];
        for (got, why, what) in refused {
            let e = got.unwrap_err();
            assert!(e.contains(why) && e.ends_with(what), "{e}");
        }
        assert_eq!(plan(&txt("0,125–0,5")), Ok(Some(Plan::Range(0.125, 0.5))));
    }
}
