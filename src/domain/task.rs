//! Status of an assigned task as of a date, as provincial task-tracking systems
//! report it (Decision 42/2014/QĐ-TTg, amended by 23/2018/QĐ-TTg):
//! done on time / done late; not done and in time / due soon / overdue; no deadline.
//! A cancelled task (bị hủy) is kept and shown, but counted nowhere.

use chrono::NaiveDate;
use serde::Serialize;

use super::format::fmt_date;
use crate::error::{Error, Result};
use crate::i18n::{T, t};

/// Days before the deadline from which an open task counts as "sắp đến hạn".
pub const DEFAULT_SOON_DAYS: i64 = 3;

#[derive(Debug, Clone, Copy, Default)]
pub struct TaskDates {
    pub assigned_on: Option<NaiveDate>,
    /// The deadline in force: the last extension's, or the original one.
    pub deadline: Option<NaiveDate>,
    pub completed_on: Option<NaiveDate>,
    /// Done on a day no one wrote down: `completed_on` is a stand-in that places it
    /// on time or late, as the office's file said, and is never shown.
    pub completion_unknown: bool,
    pub cancelled: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum TaskStatus {
    DoneOnTime,
    DoneLate {
        /// `None` when the completion date is unknown.
        days_late: Option<i64>,
    },
    /// Open and overdue: the deadline has passed.
    Overdue {
        days: i64,
    },
    /// Open, due within the "soon" window (0 = due today).
    DueSoon {
        days_left: i64,
    },
    InTime {
        days_left: i64,
    },
    NoDeadline,
    /// Cancelled (bị hủy): shown, never counted.
    Cancelled,
}

/// A completion date is possible between the day the task was given and today
/// (nothing is done in the future); the refusal names the limit.
pub fn check_completion(
    assigned_on: Option<NaiveDate>,
    done: NaiveDate,
    today: NaiveDate,
) -> Result<()> {
    check_done_after_assigned(assigned_on, done)?;
    if done > today {
        return Err(Error::User(format!(
            "{} ({})",
            t(T::ErrDoneAfterToday),
            fmt_date(today)
        )));
    }
    Ok(())
}

/// A task is not done before it was given; the refusal names the day it was given.
/// (An import may bring completions after its as-of date: the office's file is of
/// another day.)
pub fn check_done_after_assigned(assigned_on: Option<NaiveDate>, done: NaiveDate) -> Result<()> {
    match assigned_on {
        Some(a) if done < a => Err(Error::User(format!(
            "{} ({})",
            t(T::ErrDoneBeforeAssigned),
            fmt_date(a)
        ))),
        _ => Ok(()),
    }
}

/// The day a task done on a day no one wrote down is counted as done, so that it
/// counts as the office's file said: on time, its deadline (or the file's day, when
/// that is earlier: it was done by then); late, the day after its deadline. With no
/// deadline it is on time, on the day it was given (else the file's day). Never
/// before it was given.
pub fn stand_in_completion(
    late: bool,
    assigned_on: Option<NaiveDate>,
    deadline: Option<NaiveDate>,
    file_day: NaiveDate,
) -> NaiveDate {
    let day = match deadline {
        Some(dl) if late => dl.succ_opt().unwrap_or(dl),
        Some(dl) => dl.min(file_day),
        None => assigned_on.unwrap_or(file_day),
    };
    assigned_on.map_or(day, |a| day.max(a))
}

/// The status as of `as_of`, or `None` when the task had not been assigned yet.
/// A task completed after `as_of` was still open on that day.
pub fn status(t: &TaskDates, as_of: NaiveDate, soon_days: i64) -> Option<TaskStatus> {
    if t.assigned_on.is_some_and(|a| a > as_of) {
        return None;
    }
    if t.cancelled {
        return Some(TaskStatus::Cancelled);
    }
    Some(match (t.completed_on.filter(|c| *c <= as_of), t.deadline) {
        (Some(_), None) => TaskStatus::DoneOnTime,
        (Some(done), Some(dl)) if done <= dl => TaskStatus::DoneOnTime,
        (Some(done), Some(dl)) => TaskStatus::DoneLate {
            days_late: (!t.completion_unknown).then(|| (done - dl).num_days()),
        },
        (None, None) => TaskStatus::NoDeadline,
        (None, Some(dl)) if as_of > dl => TaskStatus::Overdue {
            days: (as_of - dl).num_days(),
        },
        (None, Some(dl)) if (dl - as_of).num_days() <= soon_days => TaskStatus::DueSoon {
            days_left: (dl - as_of).num_days(),
        },
        (None, Some(dl)) => TaskStatus::InTime {
            days_left: (dl - as_of).num_days(),
        },
    })
}

impl TaskStatus {
    pub fn is_done(self) -> bool {
        matches!(self, TaskStatus::DoneOnTime | TaskStatus::DoneLate { .. })
    }

    /// Counted in the completion rate: finished, or past its deadline.
    pub fn is_due(self) -> bool {
        self.is_done() || matches!(self, TaskStatus::Overdue { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use TaskStatus::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%d/%m/%Y").unwrap()
    }

    #[test]
    fn a_completion_date_lies_between_assignment_and_today() {
        let (given, today) = (Some(d("01/03/2022")), d("23/09/2022"));
        assert!(check_completion(given, d("01/03/2022"), today).is_ok());
        assert!(check_completion(given, today, today).is_ok());
        assert!(check_completion(None, d("01/01/1990"), today).is_ok());
        let early = check_completion(given, d("28/02/2022"), today).unwrap_err();
        assert_eq!(
            early.to_string(),
            format!("{} (01/03/2022)", t(T::ErrDoneBeforeAssigned))
        );
        let late = check_completion(given, d("24/09/2022"), today).unwrap_err();
        assert_eq!(
            late.to_string(),
            format!("{} (23/09/2022)", t(T::ErrDoneAfterToday))
        );
    }

    fn st(deadline: Option<&str>, done: Option<&str>, as_of: &str) -> Option<TaskStatus> {
        let t = TaskDates {
            assigned_on: Some(d("01/01/2022")),
            deadline: deadline.map(d),
            completed_on: done.map(d),
            ..Default::default()
        };
        status(&t, d(as_of), DEFAULT_SOON_DAYS)
    }

    #[test]
    fn done_on_time_or_late() {
        assert_eq!(
            st(Some("30/06/2022"), Some("30/06/2022"), "23/09/2022"),
            Some(DoneOnTime)
        );
        assert_eq!(
            st(Some("30/06/2022"), Some("10/07/2022"), "23/09/2022"),
            Some(DoneLate {
                days_late: Some(10)
            })
        );
        assert_eq!(st(None, Some("10/07/2022"), "23/09/2022"), Some(DoneOnTime));
    }

    #[test]
    fn open_tasks_by_deadline() {
        assert_eq!(
            st(Some("22/09/2022"), None, "23/09/2022"),
            Some(Overdue { days: 1 })
        );
        assert_eq!(
            st(Some("23/09/2022"), None, "23/09/2022"),
            Some(DueSoon { days_left: 0 })
        );
        assert_eq!(
            st(Some("26/09/2022"), None, "23/09/2022"),
            Some(DueSoon { days_left: 3 })
        );
        assert_eq!(
            st(Some("27/09/2022"), None, "23/09/2022"),
            Some(InTime { days_left: 4 })
        );
        assert_eq!(st(None, None, "23/09/2022"), Some(NoDeadline));
    }

    #[test]
    fn completion_after_the_as_of_date_does_not_count_yet() {
        assert_eq!(
            st(Some("31/05/2022"), Some("15/10/2022"), "23/09/2022"),
            Some(Overdue { days: 115 })
        );
    }

    #[test]
    fn done_on_an_unknown_day_and_cancelled() {
        let t = |done: &str, cancelled| TaskDates {
            assigned_on: Some(d("01/01/2022")),
            deadline: Some(d("30/06/2022")),
            completed_on: Some(d(done)),
            completion_unknown: true,
            cancelled,
        };
        let on = d("23/09/2022");
        assert_eq!(status(&t("30/06/2022", false), on, 3), Some(DoneOnTime));
        assert_eq!(
            status(&t("01/07/2022", false), on, 3),
            Some(DoneLate { days_late: None })
        );
        assert_eq!(status(&t("01/07/2022", true), on, 3), Some(Cancelled));
        // Not yet given on the day: not there at all, cancelled or not.
        assert_eq!(status(&t("01/07/2022", true), d("31/12/2021"), 3), None);
    }

    #[test]
    fn a_stand_in_completion_counts_as_the_file_said() {
        let given = Some(d("01/03/2022"));
        let file_day = d("23/09/2022");
        let at = |late, deadline: Option<&str>| {
            stand_in_completion(late, given, deadline.map(d), file_day)
        };
        assert_eq!(at(false, Some("30/06/2022")), d("30/06/2022"));
        assert_eq!(at(true, Some("30/06/2022")), d("01/07/2022"));
        // Done on time before a deadline still ahead: done by the file's day.
        assert_eq!(at(false, Some("31/12/2022")), file_day);
        assert_eq!(at(false, None), d("01/03/2022"));
        assert_eq!(at(true, None), d("01/03/2022"));
        assert_eq!(stand_in_completion(false, None, None, file_day), file_day);
        assert_eq!(
            stand_in_completion(
                false,
                Some(d("01/10/2022")),
                Some(d("31/12/2022")),
                file_day
            ),
            d("01/10/2022")
        );
    }

    #[test]
    fn not_yet_assigned_is_not_counted() {
        let t = TaskDates {
            assigned_on: Some(d("01/10/2022")),
            ..Default::default()
        };
        assert_eq!(status(&t, d("23/09/2022"), 3), None);
    }

    #[test]
    fn due_means_finished_or_past_deadline() {
        assert!(DoneLate { days_late: Some(1) }.is_due());
        assert!(!Cancelled.is_due() && !Cancelled.is_done());
        assert!(Overdue { days: 1 }.is_due());
        assert!(!DueSoon { days_left: 0 }.is_due());
        assert!(!NoDeadline.is_due());
    }
}
