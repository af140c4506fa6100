//! The opening of the notice: when the inspection was held, who chaired it, who
//! attended, and who concludes — prose made from the inspection's header.

use chrono::{Datelike, NaiveDate};

use crate::i18n::T;
use crate::model::InspectionHeader;

use super::model::UnitInfo;
use super::text::{date_short, lines, unit_body, unit_place, vi};

/// The opening paragraphs: the meeting, what the unit reported (`report`), then "…
/// kết luận như sau:". The date is the notice's own when the inspection has none.
pub fn paragraphs(
    h: &InspectionHeader,
    unit: &UnitInfo,
    report: Vec<String>,
    issued_on: NaiveDate,
) -> Vec<String> {
    let chair = name_and_title(&h.chair_name, &h.chair_title);
    let mut out = vec![meeting(h, unit, chair.as_deref(), issued_on)];
    out.extend(report);
    out.push(concludes(unit, chair.as_deref()));
    out
}

/// "Ngày 23/9/2022, Tổ công tác … do đồng chí … chủ trì đã kiểm tra … tại huyện Tràng
/// Định.", then the members and the unit's attendees when there are any.
fn meeting(
    h: &InspectionHeader,
    unit: &UnitInfo,
    chair: Option<&str>,
    issued_on: NaiveDate,
) -> String {
    let held = h.held_on.unwrap_or(issued_on);
    let where_ = unit_place(unit);
    let chaired = chair
        .map(|c| vi(T::NoticeChairedBy).replace("{chair}", c))
        .unwrap_or_default();
    let mut text = vi(T::NoticeOpening)
        .replace("{date}", &date_short(held))
        .replace("{chaired}", &chaired)
        .replace("{year}", &held.year().to_string())
        .replace("{unit}", &where_);
    if let Some(list) = people(&h.members) {
        text.push(' ');
        text.push_str(&vi(T::NoticeMembers).replace("{list}", &list));
    }
    if let Some(list) = people(&h.attendees) {
        text.push(' ');
        text.push_str(
            &vi(T::NoticeAttendees)
                .replace("{unit}", &where_)
                .replace("{list}", &list),
        );
    }
    text
}

/// "Sau khi nghe báo cáo của UBND huyện … đồng chí … kết luận như sau:"; the team
/// leader by title when the chair has no name.
fn concludes(unit: &UnitInfo, chair: Option<&str>) -> String {
    let who = chair
        .map(|c| format!("{} {c}", vi(T::NoticeComrade)))
        .unwrap_or_else(|| vi(T::NoticeTeamLeader).to_string());
    vi(T::NoticeConcludes)
        .replace("{body}", &unit_body(unit))
        .replace("{who}", &who)
}

/// "Nguyễn Đức Thành — Phó Chánh Văn phòng UBND tỉnh" as prose:
/// "Nguyễn Đức Thành, Phó Chánh Văn phòng UBND tỉnh".
fn person(line: &str) -> String {
    let l = line.trim().trim_end_matches([';', ',', '.']).trim_end();
    for sep in [" — ", " – "] {
        if let Some((name, title)) = l.split_once(sep) {
            return format!("{}, {}", name.trim(), title.trim());
        }
    }
    l.to_string()
}

/// One person a line, as a list in a sentence: "A, title; B, title".
fn people(s: &str) -> Option<String> {
    let list: Vec<String> = lines(s).iter().map(|l| person(l)).collect();
    (!list.is_empty()).then(|| list.join("; "))
}

/// "Phạm Hùng Trường, Chánh Văn phòng UBND tỉnh, Tổ trưởng Tổ công tác".
fn name_and_title(name: &str, title: &str) -> Option<String> {
    let name = lines(name).join(" ");
    let title = lines(title).join(" ");
    match (name.is_empty(), title.is_empty()) {
        (true, _) => None,
        (false, true) => Some(name),
        (false, false) => Some(format!("{name}, {title}")),
    }
}
