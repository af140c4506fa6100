//! What the unit reported, summed up after the opening: the report's first sentence
//! as the secretary recorded it ("Đơn vị báo cáo", its overview), then the unit's
//! scorecard on the day of the inspection in the notice's words ("02/14 chỉ tiêu chủ
//! yếu đạt và vượt kế hoạch…; đã hoàn thành đúng hạn 11/11 nhiệm vụ…"). The rest of
//! the report is the secretary's to carry into the findings, so the notice does not
//! repeat it, nor the figures the report states in its own words.

use chrono::NaiveDate;

use crate::domain::scorecard::{Scorecard, frac};
use crate::i18n::T;
use crate::model::InspectionHeader;

use super::model::UnitInfo;
use super::text::{date_short, lines, unit_body, unit_place, vi};

/// The report's first sentence, then the figures' sentence; each when there is one.
pub fn paragraphs(h: &InspectionHeader, unit: &UnitInfo, held_on: NaiveDate) -> Vec<String> {
    let held = h.held_on.unwrap_or(held_on);
    let mut out: Vec<String> = lines(&h.report)
        .first()
        .map(|p| first_sentence(p).to_string())
        .into_iter()
        .collect();
    out.extend(unit.card.as_ref().and_then(figures).map(|f| {
        vi(T::NoticeReportFigures)
            .replace("{body}", &unit_body(unit))
            .replace("{date}", &date_short(held))
            .replace("{unit}", &unit_place(unit))
            .replace("{figures}", &f)
    }));
    out
}

/// Up to the first full stop that ends a sentence: one after a lower-case letter, a
/// digit or a bracket and before a capital, so "TP. Lạng Sơn" or "1.234" do not end
/// it; the whole text when none does.
fn first_sentence(p: &str) -> &str {
    let chars: Vec<(usize, char)> = p.char_indices().collect();
    for w in chars.windows(4) {
        let [(_, before), (i, '.'), (_, ' '), (_, next)] = w else {
            continue;
        };
        let ends =
            before.is_lowercase() || before.is_ascii_digit() || matches!(before, ')' | '"' | '”');
        if ends && next.is_uppercase() {
            return &p[..=*i];
        }
    }
    p
}

/// "có 02/14 chỉ tiêu … ; đã hoàn thành đúng hạn 11/11 nhiệm vụ …": the targets and
/// the tasks already due, each left out when there are none.
fn figures(card: &Scorecard) -> Option<String> {
    let mut clauses: Vec<String> = Vec::new();
    let t = &card.targets;
    let n = t.total();
    if n > 0 {
        let mut c = vi(T::NoticeReportTargets)
            .replace("{met}", &frac(t.met, n))
            .replace("{above}", &frac(t.above70, n))
            .replace("{below}", &frac(t.below70, n));
        if t.no_data > 0 {
            c.push_str(", ");
            c.push_str(&vi(T::NoticeReportNoData).replace("{n}", &frac(t.no_data, n)));
        }
        clauses.push(c);
    }
    let k = &card.tasks;
    let due = k.due();
    if due > 0 {
        let mut c = vi(T::NoticeReportTasks).replace("{on}", &frac(k.done_on_time, due));
        for (count, key) in [
            (k.done_late, T::NoticeReportLate),
            (k.overdue, T::NoticeReportOverdue),
        ] {
            if count > 0 {
                c.push_str(", ");
                c.push_str(&vi(key).replace("{n}", &frac(count, due)));
            }
        }
        clauses.push(c);
    }
    (!clauses.is_empty()).then(|| clauses.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scorecard::{TargetCounts, TaskCounts};
    use crate::domain::unit::UnitKind;

    fn unit(card: Option<Scorecard>) -> UnitInfo {
        UnitInfo {
            name: "Tràng Định".into(),
            kind: UnitKind::Huyen,
            card,
        }
    }

    fn header(report: &str) -> InspectionHeader {
        InspectionHeader {
            report: report.into(),
            ..Default::default()
        }
    }

    fn day() -> NaiveDate {
        crate::domain::format::parse_date("23/09/2022").unwrap()
    }

    #[test]
    fn figures_then_the_report() {
        let card = Scorecard {
            targets: TargetCounts {
                met: 2,
                above70: 4,
                below70: 8,
                no_data: 0,
            },
            tasks: TaskCounts {
                done_on_time: 9,
                done_late: 1,
                overdue: 1,
                in_time: 3,
                ..Default::default()
            },
        };
        let ps = paragraphs(
            &header("Huyện đã chủ động, TP. Lạng Sơn cũng vậy. Đến nay, có 02/14.\nThứ hai."),
            &unit(Some(card)),
            day(),
        );
        assert_eq!(
            ps,
            [
                "Huyện đã chủ động, TP. Lạng Sơn cũng vậy.",
                "Theo báo cáo của UBND huyện Tràng Định và số liệu theo dõi đến ngày 23/9/2022, \
                 huyện Tràng Định có 02/14 chỉ tiêu chủ yếu đạt và vượt kế hoạch, 04/14 chỉ tiêu \
                 đạt trên 70%, 08/14 chỉ tiêu đạt dưới 70% kế hoạch; đã hoàn thành đúng hạn 09/11 \
                 nhiệm vụ UBND tỉnh giao có thời hạn đã đến hạn, hoàn thành quá hạn 01/11, quá \
                 hạn chưa hoàn thành 01/11."
            ]
        );
    }

    #[test]
    fn nothing_to_say_says_nothing() {
        assert!(paragraphs(&header(""), &unit(Some(Scorecard::default())), day()).is_empty());
        assert_eq!(
            paragraphs(&header(" Chỉ báo cáo "), &unit(None), day()),
            ["Chỉ báo cáo"]
        );
    }
}
