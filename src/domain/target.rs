//! Progress of a socio-economic target against its plan, and its class as the
//! reports count it: đạt và vượt, trên 70%, dưới 70%, chưa có số liệu.
//!
//! Rules (documented in README):
//! - higher is better, plan P > 0: progress = actual / P;
//! - higher is better, range [lo, hi] ("tăng 8–9%"): the target is met once the low
//!   end is reached, so progress = actual / lo;
//! - lower is better (poverty rate, accidents), plan P > 0: progress = P / actual, and
//!   an actual of 0 is met; for a range, P is the high end (anything up to it is met);
//! - a plan of zero or below, or an actual below zero, has no meaningful ratio: the
//!   target is met or not by comparison alone, and no percentage is shown;
//! - class: ≥ 100% met; from 70% up to 100% "trên 70%"; below 70% "dưới 70%";
//!   no reading by the as-of date: "chưa có số liệu".

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Higher,
    Lower,
}

impl Direction {
    pub fn code(self) -> &'static str {
        match self {
            Direction::Higher => "higher",
            Direction::Lower => "lower",
        }
    }

    pub fn from_code(s: &str) -> Option<Self> {
        match s {
            "higher" => Some(Direction::Higher),
            "lower" => Some(Direction::Lower),
            _ => None,
        }
    }
}

/// The planned value: one number, or a range such as "tăng 8–9%".
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Plan {
    Value(f64),
    Range(f64, f64),
}

impl Plan {
    /// The value that decides "met": the low end when higher is better, the high end
    /// when lower is better.
    pub fn threshold(self, dir: Direction) -> f64 {
        match (self, dir) {
            (Plan::Value(v), _) => v,
            (Plan::Range(lo, hi), Direction::Higher) => lo.min(hi),
            (Plan::Range(lo, hi), Direction::Lower) => lo.max(hi),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetClass {
    Met,
    Above70,
    Below70,
    NoData,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    /// Share of the plan achieved (1.0 = 100%), when a ratio means something.
    pub ratio: Option<f64>,
    pub class: TargetClass,
}

pub fn assess(plan: Plan, dir: Direction, actual: Option<f64>) -> Progress {
    let Some(actual) = actual.filter(|a| a.is_finite()) else {
        return Progress {
            ratio: None,
            class: TargetClass::NoData,
        };
    };
    let goal = plan.threshold(dir);
    if !goal.is_finite() {
        return Progress {
            ratio: None,
            class: TargetClass::NoData,
        };
    }
    let met = match dir {
        Direction::Higher => actual >= goal,
        Direction::Lower => actual <= goal,
    };
    let ratio = if goal <= 0.0 || actual < 0.0 {
        None
    } else {
        match dir {
            Direction::Higher => Some(actual / goal),
            Direction::Lower if actual == 0.0 => None,
            Direction::Lower => Some(goal / actual),
        }
    };
    let class = match ratio {
        _ if met => TargetClass::Met,
        Some(r) if r >= 0.7 => TargetClass::Above70,
        _ => TargetClass::Below70,
    };
    Progress { ratio, class }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Direction::*;
    use TargetClass::*;

    fn class(plan: Plan, dir: Direction, actual: f64) -> TargetClass {
        assess(plan, dir, Some(actual)).class
    }

    #[test]
    fn higher_is_better() {
        assert_eq!(class(Plan::Value(112.5), Higher, 112.5), Met);
        assert_eq!(class(Plan::Value(112.5), Higher, 130.0), Met);
        assert_eq!(class(Plan::Value(100.0), Higher, 70.0), Above70);
        assert_eq!(class(Plan::Value(100.0), Higher, 69.9), Below70);
        let p = assess(Plan::Value(200.0), Higher, Some(150.0));
        assert_eq!(p.ratio, Some(0.75));
    }

    #[test]
    fn lower_is_better() {
        // Poverty rate planned at most 5%: 4.8% meets it, 6% is 83% of the way.
        assert_eq!(class(Plan::Value(5.0), Lower, 4.8), Met);
        assert_eq!(class(Plan::Value(5.0), Lower, 6.0), Above70);
        assert_eq!(class(Plan::Value(5.0), Lower, 10.0), Below70);
        assert_eq!(class(Plan::Value(5.0), Lower, 0.0), Met);
    }

    #[test]
    fn ranges_are_met_at_their_near_end() {
        assert_eq!(class(Plan::Range(8.0, 9.0), Higher, 8.0), Met);
        assert_eq!(class(Plan::Range(8.0, 9.0), Higher, 6.0), Above70);
        assert_eq!(
            assess(Plan::Range(8.0, 9.0), Higher, Some(4.0)).ratio,
            Some(0.5)
        );
        assert_eq!(class(Plan::Range(3.0, 4.0), Lower, 3.9), Met);
        assert_eq!(class(Plan::Range(3.0, 4.0), Lower, 5.0), Above70);
    }

    #[test]
    fn zero_and_negative_plans_have_no_ratio() {
        let p = assess(Plan::Value(0.0), Lower, Some(0.0));
        assert_eq!((p.ratio, p.class), (None, Met));
        let p = assess(Plan::Value(0.0), Lower, Some(2.0));
        assert_eq!((p.ratio, p.class), (None, Below70));
        // "Giảm 5% số vụ tai nạn": a change of −7% meets a plan of −5%.
        assert_eq!(class(Plan::Value(-5.0), Lower, -7.0), Met);
        assert_eq!(class(Plan::Value(-5.0), Lower, -2.0), Below70);
    }

    #[test]
    fn no_reading_is_no_data() {
        assert_eq!(assess(Plan::Value(10.0), Higher, None).class, NoData);
        assert_eq!(
            assess(Plan::Value(10.0), Higher, Some(f64::NAN)).class,
            NoData
        );
    }
}
