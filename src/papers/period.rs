//! Which tasks a report counts: with `--from`/`--to`, those whose deadline (hạn xử
//! lý) falls in the period, both days included, as the province reports what fell
//! due; without, every task given by the as-of date, as the panes and `tct report`
//! count them. The new directives are those of inspections held in the period, or in
//! the as-of date's year up to that date when none is given.

use chrono::{Datelike, NaiveDate};

use crate::domain::format::parse_date;
use crate::error::{Error, Result};
use crate::i18n::{T, t};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Period {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Period {
    /// From the command line's dd/mm/yyyy; a mistake is one line naming the option.
    pub fn parse(from: Option<&str>, to: Option<&str>) -> Result<Period> {
        let day = |flag: &str, s: Option<&str>| {
            s.map(|s| parse_date(s).map_err(|e| Error::User(format!("{flag}: {e}"))))
                .transpose()
        };
        let p = Period {
            from: day("--from", from)?,
            to: day("--to", to)?,
        };
        if let (Some(f), Some(t_)) = (p.from, p.to)
            && f > t_
        {
            return Err(Error::User(t(T::ErrPeriodOrder).into()));
        }
        Ok(p)
    }

    /// No bound: every task given by the as-of date.
    pub fn is_whole(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }

    /// Whether a task with this deadline is counted: any task without bounds; with
    /// one, only a deadline within them (a task without deadline falls due in none).
    pub fn holds(&self, deadline: Option<NaiveDate>) -> bool {
        if self.is_whole() {
            return true;
        }
        deadline
            .is_some_and(|d| self.from.is_none_or(|f| d >= f) && self.to.is_none_or(|t_| d <= t_))
    }

    /// The days whose inspections' directives are new: the period's bounds, else the
    /// first of January of the as-of date's year and the as-of date.
    pub fn inspections(&self, as_of: NaiveDate) -> (NaiveDate, NaiveDate) {
        let jan1 = NaiveDate::from_ymd_opt(as_of.year(), 1, 1).unwrap_or(as_of);
        let from = self.from.unwrap_or(jan1);
        let to = self.to.unwrap_or(as_of).min(as_of).max(from);
        (from, to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn a_period_selects_by_deadline() {
        let p = Period::parse(Some("01/07/2022"), Some("30/09/2022")).unwrap();
        assert!(p.holds(Some(d("01/07/2022"))) && p.holds(Some(d("30/09/2022"))));
        assert!(!p.holds(Some(d("30/06/2022"))) && !p.holds(None));
        assert!(Period::default().holds(None));
        assert_eq!(
            Period::default().inspections(d("23/09/2022")),
            (d("01/01/2022"), d("23/09/2022"))
        );
        assert!(Period::parse(Some("30/09/2022"), Some("01/07/2022")).is_err());
        assert!(Period::parse(Some("31/02/2022"), None).is_err());
    }
}
