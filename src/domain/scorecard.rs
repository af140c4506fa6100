//! A unit's scorecard, counted the way the reports count it and phrased in their words:
//! "02/14 chỉ tiêu đạt và vượt, 04/14 đạt trên 70%, 08/14 dưới 70%; 11/11 nhiệm vụ
//! hoàn thành đúng hạn".

use serde::Serialize;

use super::target::TargetClass;
use super::task::TaskStatus;
use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct TargetCounts {
    pub met: u32,
    pub above70: u32,
    pub below70: u32,
    pub no_data: u32,
}

impl TargetCounts {
    pub fn add(&mut self, class: TargetClass) {
        match class {
            TargetClass::Met => self.met += 1,
            TargetClass::Above70 => self.above70 += 1,
            TargetClass::Below70 => self.below70 += 1,
            TargetClass::NoData => self.no_data += 1,
        }
    }

    pub fn total(&self) -> u32 {
        self.met + self.above70 + self.below70 + self.no_data
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct TaskCounts {
    pub done_on_time: u32,
    pub done_late: u32,
    pub overdue: u32,
    pub due_soon: u32,
    pub in_time: u32,
    pub no_deadline: u32,
}

impl TaskCounts {
    pub fn add(&mut self, s: TaskStatus) {
        match s {
            TaskStatus::DoneOnTime => self.done_on_time += 1,
            TaskStatus::DoneLate { .. } => self.done_late += 1,
            TaskStatus::Overdue { .. } => self.overdue += 1,
            TaskStatus::DueSoon { .. } => self.due_soon += 1,
            TaskStatus::InTime { .. } => self.in_time += 1,
            TaskStatus::NoDeadline => self.no_deadline += 1,
            // Kept to be seen, never counted.
            TaskStatus::Cancelled => {}
        }
    }

    /// Tasks already due: finished, or past their deadline. The completion rate is
    /// counted over these.
    pub fn due(&self) -> u32 {
        self.done_on_time + self.done_late + self.overdue
    }

    pub fn total(&self) -> u32 {
        self.due() + self.due_soon + self.in_time + self.no_deadline
    }

    /// Share of due tasks finished on time, when any are due.
    pub fn on_time_rate(&self) -> Option<f64> {
        (self.due() > 0).then(|| f64::from(self.done_on_time) / f64::from(self.due()))
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Scorecard {
    pub targets: TargetCounts,
    pub tasks: TaskCounts,
}

/// "02/14": two digits at least, as the reports write it.
pub fn frac(n: u32, total: u32) -> String {
    format!("{n:02}/{total:02}")
}

impl Scorecard {
    /// The sentence the reports use.
    pub fn phrase(&self, lang: Lang) -> String {
        let t = &self.targets;
        let n = t.total();
        let mut targets = match lang {
            Lang::Vi if n == 0 => "chưa có chỉ tiêu".to_string(),
            Lang::En if n == 0 => "no targets".to_string(),
            Lang::Vi => format!(
                "{} chỉ tiêu đạt và vượt, {} đạt trên 70%, {} dưới 70%",
                frac(t.met, n),
                frac(t.above70, n),
                frac(t.below70, n)
            ),
            Lang::En => format!(
                "{} targets met or exceeded, {} above 70%, {} below 70%",
                frac(t.met, n),
                frac(t.above70, n),
                frac(t.below70, n)
            ),
        };
        if t.no_data > 0 && n > 0 {
            targets += &match lang {
                Lang::Vi => format!(", {} chưa có số liệu", frac(t.no_data, n)),
                Lang::En => format!(", {} without data", frac(t.no_data, n)),
            };
        }
        let k = &self.tasks;
        let due = k.due();
        let mut tasks = match lang {
            Lang::Vi if due == 0 => "chưa có nhiệm vụ đến hạn".to_string(),
            Lang::En if due == 0 => "no tasks due yet".to_string(),
            Lang::Vi => format!("{} nhiệm vụ hoàn thành đúng hạn", frac(k.done_on_time, due)),
            Lang::En => format!("{} tasks completed on time", frac(k.done_on_time, due)),
        };
        if due > 0 && k.done_late > 0 {
            tasks += &match lang {
                Lang::Vi => format!(", {} hoàn thành quá hạn", frac(k.done_late, due)),
                Lang::En => format!(", {} completed late", frac(k.done_late, due)),
            };
        }
        if due > 0 && k.overdue > 0 {
            tasks += &match lang {
                Lang::Vi => format!(", {} quá hạn chưa hoàn thành", frac(k.overdue, due)),
                Lang::En => format!(", {} overdue", frac(k.overdue, due)),
            };
        }
        format!("{targets}; {tasks}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(met: u32, above: u32, below: u32, on_time: u32, late: u32, overdue: u32) -> Scorecard {
        Scorecard {
            targets: TargetCounts {
                met,
                above70: above,
                below70: below,
                no_data: 0,
            },
            tasks: TaskCounts {
                done_on_time: on_time,
                done_late: late,
                overdue,
                in_time: 4,
                ..Default::default()
            },
        }
    }

    #[test]
    fn the_articles_sentence() {
        assert_eq!(
            card(2, 4, 8, 11, 0, 0).phrase(Lang::Vi),
            "02/14 chỉ tiêu đạt và vượt, 04/14 đạt trên 70%, 08/14 dưới 70%; \
             11/11 nhiệm vụ hoàn thành đúng hạn"
        );
    }

    #[test]
    fn late_and_overdue_are_named() {
        let s = card(1, 1, 1, 7, 2, 1).phrase(Lang::Vi);
        assert!(s.ends_with(
            "07/10 nhiệm vụ hoàn thành đúng hạn, 02/10 hoàn thành quá hạn, 01/10 quá hạn chưa hoàn thành"
        ), "{s}");
        let s = card(1, 1, 1, 7, 2, 1).phrase(Lang::En);
        assert!(s.contains("01/10 overdue"), "{s}");
    }

    #[test]
    fn rate_counts_only_due_tasks() {
        let c = card(0, 0, 0, 3, 0, 1);
        assert_eq!(c.tasks.due(), 4);
        assert_eq!(c.tasks.total(), 8);
        assert_eq!(c.tasks.on_time_rate(), Some(0.75));
        assert_eq!(TaskCounts::default().on_time_rate(), None);
    }

    #[test]
    fn empty_unit() {
        assert_eq!(
            Scorecard::default().phrase(Lang::Vi),
            "chưa có chỉ tiêu; chưa có nhiệm vụ đến hạn"
        );
    }
}
