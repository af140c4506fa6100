//! What each edit dialog writes: its fields read and checked, then one transaction.
//! A refusal is an error in the user's words and nothing is written.

use chrono::NaiveDate;

use super::Undo;
use super::edit::{EditDialog, HAND_ORIGIN};
use crate::domain::format::{fmt_date, parse_date, parse_number};
use crate::domain::inspection::parse_deadline;
use crate::domain::text::nfc;
use crate::error::{Error, Result};
use crate::i18n::{T, t};
use crate::model::NewTask;
use crate::store::Store;

fn user(key: T, typed: &str) -> Error {
    if typed.is_empty() {
        Error::User(t(key).to_string())
    } else {
        Error::User(format!("{}: «{typed}»", t(key)))
    }
}

pub(super) fn write_extension(
    store: &mut Store,
    as_of: NaiveDate,
    d: &EditDialog,
    task_id: i64,
    deadline: Option<NaiveDate>,
    assigned_on: Option<NaiveDate>,
) -> Result<(String, Option<Undo>)> {
    let typed = d.text(0);
    let base = deadline.unwrap_or(as_of);
    let new = parse_deadline(&typed, base)?.ok_or_else(|| user(T::ErrEmptyDate, ""))?;
    if let Some(now) = deadline
        && new <= now
    {
        return Err(Error::User(format!(
            "{} ({})",
            t(T::ErrExtendNotLater),
            fmt_date(now)
        )));
    }
    check_not_before(assigned_on, new)?;
    let reason = [d.text(1), d.text(2)]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let today = as_of;
    let owner = store.owner().to_string();
    let id = store.write(|tx| {
        tx.drop_draft(d.draft_id, &owner)?;
        tx.grant_extension(task_id, today, new, &reason)
    })?;
    Ok((
        format!("{} {}", t(T::EdExtended), fmt_date(new)),
        Some(Undo::Extension {
            task_id,
            extension_id: id,
        }),
    ))
}

pub(super) fn write_correction(
    store: &mut Store,
    as_of: NaiveDate,
    d: &EditDialog,
    task_id: i64,
) -> Result<(String, Option<Undo>)> {
    let title = d.text(0);
    if title.is_empty() {
        return Err(user(T::ErrEmptyTitle, ""));
    }
    let (unit_id, _) = store.resolve_unit(as_of, &d.text(1))?;
    let title = nfc(&title);
    let owner = store.owner().to_string();
    let before = store.write(|tx| {
        tx.drop_draft(d.draft_id, &owner)?;
        let before = tx.task_now(task_id)?;
        if let Some((old_title, old_unit, _)) = &before
            && (old_title != &title || *old_unit != unit_id)
        {
            tx.correct_task(task_id, &title, unit_id)?;
        }
        Ok(before)
    })?;
    match before {
        Some((old_title, old_unit, _)) if old_title != title || old_unit != unit_id => Ok((
            t(T::EdCorrected).to_string(),
            Some(Undo::Correction {
                task_id,
                title: old_title,
                unit_id: old_unit,
                now_title: title,
                now_unit: unit_id,
            }),
        )),
        _ => Ok((t(T::EdNothingChanged).to_string(), None)),
    }
}

pub(super) fn write_new_task(
    store: &mut Store,
    as_of: NaiveDate,
    d: &EditDialog,
) -> Result<(String, Option<Undo>)> {
    let (unit_id, _) = store.resolve_unit(as_of, &d.text(0))?;
    let title = d.text(1);
    if title.is_empty() {
        return Err(user(T::ErrEmptyTitle, ""));
    }
    let today = as_of;
    let deadline = parse_deadline(&d.text(2), today)?;
    if let Some(dl) = deadline {
        check_not_before(Some(today), dl)?;
    }
    let source = d.text(3);
    let task = NewTask {
        title,
        doc_number: (!source.is_empty()).then_some(source),
        unit_id,
        assigned_on: Some(today),
        deadline,
        origin: Some(HAND_ORIGIN.to_string()),
        ..NewTask::default()
    };
    let owner = store.owner().to_string();
    let id = store.write(|tx| {
        tx.drop_draft(d.draft_id, &owner)?;
        tx.insert_task(&task)
    })?;
    Ok((t(T::EdAdded).to_string(), Some(Undo::Added { task_id: id })))
}

pub(super) fn write_reading(
    store: &mut Store,
    as_of: NaiveDate,
    d: &EditDialog,
    target_id: i64,
) -> Result<(String, Option<Undo>)> {
    let typed = d.text(0);
    let bare = typed.trim_end_matches('%').trim();
    if bare.is_empty() {
        return Err(user(T::ErrEmptyValue, ""));
    }
    let value = parse_number(bare).map_err(|_| user(T::ErrBadValue, &typed))?;
    let date_typed = d.text(1);
    let on = if date_typed.is_empty() {
        as_of
    } else {
        parse_date(&date_typed)?
    };
    if on > as_of {
        return Err(Error::User(format!(
            "{} ({})",
            t(T::ErrReadingAfterToday),
            fmt_date(as_of)
        )));
    }
    let owner = store.owner().to_string();
    let previous = store.write(|tx| {
        tx.drop_draft(d.draft_id, &owner)?;
        let previous = tx.reading_at(target_id, on)?;
        tx.set_reading(target_id, on, value)?;
        Ok(previous)
    })?;
    Ok((
        format!(
            "{} {} ({})",
            t(T::EdReadingSaved),
            crate::words::num(value),
            fmt_date(on)
        ),
        Some(Undo::Reading {
            target_id,
            on,
            previous,
            value,
        }),
    ))
}

/// A deadline is not before the day the task was given; the refusal names that day.
fn check_not_before(assigned_on: Option<NaiveDate>, deadline: NaiveDate) -> Result<()> {
    match assigned_on {
        Some(a) if deadline < a => Err(Error::User(format!(
            "{} ({})",
            t(T::ErrDeadlineBeforeAssigned),
            fmt_date(a)
        ))),
        _ => Ok(()),
    }
}
