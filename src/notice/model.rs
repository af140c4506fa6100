//! The notice as parts in reading order, built from a saved inspection and the
//! settings: no SQL, no file format. Both writers (DOCX and Markdown) draw from it, so
//! what a script compares is what the document shows.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use crate::domain::inspection::ItemKind;
use crate::domain::text::fold;
use crate::domain::unit::UnitKind;
use crate::i18n::T;
use crate::model::Inspection;

use super::text::{clean, date_short, lines, unit_body, unit_place, vi};

/// "ngày 23 tháng 9 năm 2022": public for `tests/notice.rs`, which checks the decree's
/// rule for dates from outside the crate.
pub use super::text::date_words;

/// The `setting` table's values a notice uses; `None` (or blank) means unset.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"; several lines for a parent body above the
    /// issuing body ("UBND TỈNH LẠNG SƠN\nVĂN PHÒNG").
    pub issuing_body: Option<String>,
    /// "Lạng Sơn", before the date.
    pub place: Option<String>,
    /// "TB-UBND" (the number is left blank for hand-filling), or "123/TB-UBND".
    pub number_symbol: Option<String>,
    /// "TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG"; default: the chair's title.
    pub signer_title: Option<String>,
    /// Default: the chair's name.
    pub signer_name: Option<String>,
    /// One recipient a line; the units concerned and "Lưu: VT." are added. Default:
    /// the province's leaders and the members of the working group.
    pub recipients: Option<String>,
}

impl Settings {
    /// From a lookup by key (`crate::notice::SETTING_KEYS`), as `Store::setting` gives them.
    pub fn from_lookup(mut get: impl FnMut(&str) -> Option<String>) -> Settings {
        let mut one = |k: &str| get(k).map(|v| clean(&v)).filter(|v| !v.trim().is_empty());
        Settings {
            issuing_body: one("issuing_body"),
            place: one("place"),
            number_symbol: one("number_symbol"),
            signer_title: one("signer_title"),
            signer_name: one("signer_name"),
            recipients: one("recipients"),
        }
    }
}

/// Everything the notice says about the units it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitInfo {
    pub name: String,
    pub kind: UnitKind,
}

/// A block of body text: an optional run-in heading ("1. UBND huyện Tràng Định:")
/// and its paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub heading: Option<String>,
    pub paragraphs: Vec<String>,
}

/// A numbered part of the body: "I. KẾT QUẢ ĐẠT ĐƯỢC VÀ TỒN TẠI, HẠN CHẾ".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub heading: String,
    pub groups: Vec<Group>,
}

/// A notice of conclusions (Thông báo kết luận), part by part in the order of
/// Decree 30/2020/NĐ-CP, Appendix I.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Upper left: the issuing body, in capitals; the last line is the body's own
    /// name (bold), any lines before it its parent body.
    pub issuing_body: Vec<String>,
    /// Upper right: Quốc hiệu and Tiêu ngữ.
    pub national_name: String,
    pub motto: String,
    /// "Số:      /TB-UBND", under the issuing body.
    pub number: String,
    /// "Lạng Sơn, ngày 23 tháng 9 năm 2022", under the motto, in italics.
    pub place_date: String,
    /// "THÔNG BÁO".
    pub title: String,
    /// "Kết luận của Tổ công tác … tại huyện Tràng Định".
    pub summary: String,
    /// When, who chaired, who attended; then "… kết luận như sau:".
    pub opening: Vec<String>,
    pub sections: Vec<Section>,
    pub closing: String,
    /// "Nơi nhận:" and its lines, "- UBND huyện Tràng Định;" … "- Lưu: VT.".
    pub recipients_label: String,
    pub recipients: Vec<String>,
    /// In capitals, one line each: "TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG".
    pub signer_title: Vec<String>,
    pub signer_name: String,
}

impl Notice {
    /// Every text of the notice in reading order (left column before right), one
    /// entry a line or paragraph: what the writers put on the page.
    pub fn texts(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        out.extend(self.issuing_body.iter().cloned());
        out.push(self.national_name.clone());
        out.push(self.motto.clone());
        out.push(self.number.clone());
        out.push(self.place_date.clone());
        out.push(self.title.clone());
        out.push(self.summary.clone());
        out.extend(self.opening.iter().cloned());
        for s in &self.sections {
            out.push(s.heading.clone());
            for g in &s.groups {
                out.extend(g.heading.iter().cloned());
                out.extend(g.paragraphs.iter().cloned());
            }
        }
        out.push(self.closing.clone());
        out.push(self.recipients_label.clone());
        out.extend(self.recipients.iter().cloned());
        out.extend(self.signer_title.iter().cloned());
        out.push(self.signer_name.clone());
        out
    }
}

const ROMAN: [&str; 10] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

fn roman(n: usize) -> String {
    ROMAN
        .get(n)
        .map_or_else(|| (n + 1).to_string(), |r| r.to_string())
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

/// A directive's lines as paragraphs: the first starts with "- ", the last carries
/// the deadline, before its closing full stop or semicolon if it has one.
fn directive_paragraphs(text: &str, deadline: Option<NaiveDate>) -> Vec<String> {
    let mut ps = lines(text);
    if ps.is_empty() {
        return ps;
    }
    let first = ps[0]
        .strip_prefix("- ")
        .or_else(|| ps[0].strip_prefix("+ "))
        .or_else(|| ps[0].strip_prefix("• "))
        .unwrap_or(&ps[0])
        .to_string();
    ps[0] = format!("- {first}");
    if let Some(d) = deadline {
        let last = ps.last_mut().expect("not empty");
        let note = format!("({}: {})", vi(T::NoticeDeadline), date_short(d));
        match last.char_indices().last() {
            Some((i, '.' | ';')) if !last.ends_with("./.") => {
                last.insert_str(i, &format!(" {note}"));
            }
            _ => {
                last.push(' ');
                last.push_str(&note);
            }
        }
    }
    ps
}

fn bulleted(text: &str) -> Vec<String> {
    directive_paragraphs(text, None)
}

/// A recipient line in the form "- X;" whatever was typed ("X", "- X", "+ X;").
fn recipient_line(s: &str) -> String {
    let core = s
        .trim()
        .trim_start_matches(['-', '+', '•'])
        .trim()
        .trim_end_matches([';', '.', ','])
        .trim();
    format!("- {core};")
}

/// Builds the notice. `units` gives the name and kind of the inspected unit and of
/// every unit a directive names (by id); `issued_on` is the date the notice bears.
pub fn build(
    ins: &Inspection,
    units: &HashMap<i64, UnitInfo>,
    settings: &Settings,
    issued_on: NaiveDate,
) -> Notice {
    let h = &ins.header;
    let unit = units.get(&h.unit_id).cloned().unwrap_or(UnitInfo {
        name: h.unit_name.clone(),
        kind: UnitKind::Xa,
    });
    let unit_of = |id: Option<i64>, name: Option<&str>| -> UnitInfo {
        match id {
            Some(id) if id == h.unit_id => unit.clone(),
            Some(id) => units.get(&id).cloned().unwrap_or(UnitInfo {
                name: name.unwrap_or_default().to_string(),
                kind: UnitKind::So,
            }),
            None => unit.clone(),
        }
    };

    // Upper part.
    let mut issuing_body: Vec<String> = settings
        .issuing_body
        .as_deref()
        .map(lines)
        .unwrap_or_default()
        .iter()
        .map(|l| l.to_uppercase())
        .collect();
    if issuing_body.is_empty() {
        issuing_body.push(vi(T::NoticeDefaultBody).to_string());
    }
    let symbol = settings
        .number_symbol
        .as_deref()
        .map(|s| lines(s).join(" "))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| vi(T::NoticeDefaultSymbol).to_string());
    let number = if symbol.contains('/') {
        format!("{} {symbol}", vi(T::NoticeNumber))
    } else {
        // Blank for the number the clerk gives it when it is issued.
        format!("{}      /{symbol}", vi(T::NoticeNumber))
    };
    let place = settings
        .place
        .as_deref()
        .map(|s| lines(s).join(" "))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "……".to_string());
    let place_date = format!("{place}, {}", date_words(issued_on));

    let where_ = unit_place(&unit);
    let summary = vi(T::NoticeSummary).replace("{unit}", &where_);

    // Opening.
    let held = h.held_on.unwrap_or(issued_on);
    let chair = name_and_title(&h.chair_name, &h.chair_title);
    let chaired = chair
        .as_deref()
        .map(|c| vi(T::NoticeChairedBy).replace("{chair}", c))
        .unwrap_or_default();
    let mut first = vi(T::NoticeOpening)
        .replace("{date}", &date_short(held))
        .replace("{chaired}", &chaired)
        .replace("{year}", &held.year().to_string())
        .replace("{unit}", &where_);
    if let Some(list) = people(&h.members) {
        first.push(' ');
        first.push_str(&vi(T::NoticeMembers).replace("{list}", &list));
    }
    if let Some(list) = people(&h.attendees) {
        first.push(' ');
        first.push_str(
            &vi(T::NoticeAttendees)
                .replace("{unit}", &where_)
                .replace("{list}", &list),
        );
    }
    let who = chair
        .as_deref()
        .map(|c| format!("{} {c}", vi(T::NoticeComrade)))
        .unwrap_or_else(|| vi(T::NoticeTeamLeader).to_string());
    let concludes = vi(T::NoticeConcludes)
        .replace("{body}", &unit_body(&unit))
        .replace("{who}", &who);
    let opening = vec![first, concludes];

    // Body.
    let of_kind = |k: ItemKind| ins.items.iter().filter(move |i| i.kind == k);
    let results: Vec<String> = of_kind(ItemKind::Result)
        .flat_map(|i| lines(&i.text))
        .collect();
    let shortcomings: Vec<String> = of_kind(ItemKind::Shortcoming)
        .flat_map(|i| lines(&i.text))
        .collect();
    let mut sections: Vec<(&'static str, Vec<Group>)> = Vec::new();
    match (results.is_empty(), shortcomings.is_empty()) {
        (false, false) => sections.push((
            vi(T::NoticeSecResultsAndShortcomings),
            vec![
                Group {
                    heading: Some(format!("1. {}", vi(T::NoticeSubResults))),
                    paragraphs: results,
                },
                Group {
                    heading: Some(format!("2. {}", vi(T::NoticeSubShortcomings))),
                    paragraphs: shortcomings,
                },
            ],
        )),
        (false, true) => sections.push((
            vi(T::NoticeSecResults),
            vec![Group {
                heading: None,
                paragraphs: results,
            }],
        )),
        (true, false) => sections.push((
            vi(T::NoticeSecShortcomings),
            vec![Group {
                heading: None,
                paragraphs: shortcomings,
            }],
        )),
        (true, true) => {}
    }

    // Directives by the unit that carries them out: the inspected unit first, then
    // the others in the order they were first named.
    let mut by_unit: Vec<(UnitInfo, Vec<String>)> = Vec::new();
    let mut directives: Vec<_> = of_kind(ItemKind::Directive).collect();
    directives.sort_by_key(|i| i.unit_id.is_some_and(|u| u != h.unit_id));
    for item in directives {
        let ps = directive_paragraphs(&item.text, item.deadline);
        if ps.is_empty() {
            continue;
        }
        let who = unit_of(item.unit_id, item.unit_name.as_deref());
        let key = fold(&unit_body(&who));
        match by_unit.iter_mut().find(|(u, _)| fold(&unit_body(u)) == key) {
            Some((_, list)) => list.extend(ps),
            None => by_unit.push((who, ps)),
        }
    }
    if !by_unit.is_empty() {
        let groups = by_unit
            .iter()
            .enumerate()
            .map(|(n, (u, ps))| Group {
                heading: Some(format!("{}. {}:", n + 1, unit_body(u))),
                paragraphs: ps.clone(),
            })
            .collect();
        sections.push((vi(T::NoticeSecDirectives), groups));
    }
    let proposals: Vec<String> = of_kind(ItemKind::Proposal)
        .flat_map(|i| bulleted(&i.text))
        .collect();
    if !proposals.is_empty() {
        sections.push((
            vi(T::NoticeSecProposals),
            vec![Group {
                heading: None,
                paragraphs: proposals,
            }],
        ));
    }
    let sections = sections
        .into_iter()
        .enumerate()
        .map(|(n, (heading, groups))| Section {
            heading: format!("{}. {heading}", roman(n)),
            groups,
        })
        .collect();

    // Recipients: as set, then the units concerned not yet named, then the archive
    // ("Lưu: VT." unless the setting has its own "Lưu" line).
    let set_lines = lines(
        settings
            .recipients
            .as_deref()
            .unwrap_or(vi(T::NoticeDefaultRecipients)),
    );
    let is_archive = |l: &str| {
        fold(l)
            .trim_start_matches(['-', '+', ' '])
            .starts_with("luu")
    };
    let archive = set_lines
        .iter()
        .find(|l| is_archive(l))
        .map(|l| recipient_line(l).trim_end_matches(';').to_string() + ".")
        .unwrap_or_else(|| format!("- {}", vi(T::NoticeArchive)));
    let mut recipients: Vec<String> = set_lines
        .iter()
        .filter(|l| !is_archive(l))
        .map(|l| recipient_line(l))
        .collect();
    let mut concerned = vec![unit_body(&unit)];
    concerned.extend(by_unit.iter().map(|(u, _)| unit_body(u)));
    for c in concerned {
        let line = recipient_line(&c);
        if !recipients.iter().any(|r| fold(r) == fold(&line)) {
            recipients.push(line);
        }
    }
    recipients.push(archive);

    // Signer: as set, else the chair.
    let signer_title: Vec<String> = match settings.signer_title.as_deref() {
        Some(t) => lines(t),
        None => lines(&h.chair_title)
            .join(" ")
            .split(',')
            .next()
            .map(|s| vec![s.trim().to_string()])
            .unwrap_or_default(),
    }
    .into_iter()
    .filter(|l| !l.is_empty())
    .map(|l| l.to_uppercase())
    .collect();
    let signer_name = settings
        .signer_name
        .as_deref()
        .map(|s| lines(s).join(" "))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| lines(&h.chair_name).join(" "));

    Notice {
        issuing_body,
        national_name: vi(T::NoticeNationalName).to_string(),
        motto: vi(T::NoticeMotto).to_string(),
        number,
        place_date,
        title: vi(T::NoticeTitle).to_string(),
        summary,
        opening,
        sections,
        closing: vi(T::NoticeClosing).to_string(),
        recipients_label: vi(T::NoticeRecipients).to_string(),
        recipients,
        signer_title,
        signer_name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{InspectionHeader, ItemRow};

    fn d(s: &str) -> NaiveDate {
        crate::domain::format::parse_date(s).unwrap()
    }

    fn item(kind: ItemKind, text: &str, unit: Option<i64>, deadline: Option<&str>) -> ItemRow {
        ItemRow {
            id: 0,
            kind,
            text: text.into(),
            unit_id: unit,
            unit_name: None,
            deadline: deadline.map(d),
            task_id: None,
            task_status: None,
        }
    }

    fn sample() -> (Inspection, HashMap<i64, UnitInfo>) {
        let ins = Inspection {
            header: InspectionHeader {
                id: 7,
                unit_id: 1,
                unit_name: "Tràng Định".into(),
                held_on: Some(d("23/09/2022")),
                chair_name: "Phạm Hùng Trường".into(),
                chair_title: "Chánh Văn phòng UBND tỉnh, Tổ trưởng Tổ công tác".into(),
                members: "Nguyễn Đức Thành — Phó Chánh Văn phòng UBND tỉnh".into(),
                attendees: "Lăng Văn Khánh — Chủ tịch UBND huyện Tràng Định".into(),
                ..Default::default()
            },
            items: vec![
                item(ItemKind::Result, "Đạt kết quả tích cực.", None, None),
                item(
                    ItemKind::Directive,
                    "Tăng cường thu ngân sách.",
                    Some(2),
                    Some("31/12/2022"),
                ),
                item(
                    ItemKind::Shortcoming,
                    "Còn 08/14 chỉ tiêu\nchưa đạt.",
                    None,
                    None,
                ),
                item(
                    ItemKind::Directive,
                    "Đẩy nhanh giải ngân.",
                    Some(1),
                    Some("05/02/2023"),
                ),
                item(ItemKind::Directive, "Kiểm tra kỷ luật", Some(1), None),
                item(ItemKind::Proposal, "Bố trí kinh phí.", None, None),
            ],
        };
        let mut units = HashMap::new();
        units.insert(
            1,
            UnitInfo {
                name: "Tràng Định".into(),
                kind: UnitKind::Huyen,
            },
        );
        units.insert(
            2,
            UnitInfo {
                name: "Sở Tài chính".into(),
                kind: UnitKind::So,
            },
        );
        (ins, units)
    }

    #[test]
    fn parts_in_order_with_defaults() {
        let (ins, units) = sample();
        let n = build(&ins, &units, &Settings::default(), d("23/09/2022"));
        assert_eq!(n.issuing_body, ["ỦY BAN NHÂN DÂN TỈNH"]);
        assert_eq!(n.number, "Số:      /TB-UBND");
        assert_eq!(n.place_date, "……, ngày 23 tháng 9 năm 2022");
        assert!(n.summary.ends_with("tại huyện Tràng Định"));
        assert!(n.opening[0].starts_with(
            "Ngày 23/9/2022, Tổ công tác của Chủ tịch UBND tỉnh do đồng chí Phạm Hùng Trường, \
             Chánh Văn phòng UBND tỉnh, Tổ trưởng Tổ công tác chủ trì"
        ));
        assert!(n.opening[0].contains("Nguyễn Đức Thành, Phó Chánh Văn phòng UBND tỉnh"));
        assert!(n.opening[1].ends_with("kết luận như sau:"));
        let heads: Vec<&str> = n.sections.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(
            heads,
            [
                "I. KẾT QUẢ ĐẠT ĐƯỢC VÀ TỒN TẠI, HẠN CHẾ",
                "II. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI",
                "III. KIẾN NGHỊ"
            ]
        );
        assert_eq!(
            n.sections[0].groups[1].paragraphs,
            ["Còn 08/14 chỉ tiêu", "chưa đạt."]
        );
        let dir = &n.sections[1].groups;
        assert_eq!(dir[0].heading.as_deref(), Some("1. UBND huyện Tràng Định:"));
        assert_eq!(
            dir[0].paragraphs,
            [
                "- Đẩy nhanh giải ngân (Thời hạn: 05/02/2023).",
                "- Kiểm tra kỷ luật"
            ]
        );
        assert_eq!(dir[1].heading.as_deref(), Some("2. Sở Tài chính:"));
        assert_eq!(
            dir[1].paragraphs,
            ["- Tăng cường thu ngân sách (Thời hạn: 31/12/2022)."]
        );
        assert_eq!(n.sections[2].groups[0].paragraphs, ["- Bố trí kinh phí."]);
        assert_eq!(
            n.recipients,
            [
                "- Chủ tịch, các Phó Chủ tịch UBND tỉnh (b/c);",
                "- Các thành viên Tổ công tác;",
                "- UBND huyện Tràng Định;",
                "- Sở Tài chính;",
                "- Lưu: VT."
            ]
        );
        assert_eq!(n.signer_title, ["CHÁNH VĂN PHÒNG UBND TỈNH"]);
        assert_eq!(n.signer_name, "Phạm Hùng Trường");
    }

    #[test]
    fn settings_shape_the_top_and_bottom() {
        let (ins, units) = sample();
        let s = Settings {
            issuing_body: Some("ủy ban nhân dân tỉnh lạng sơn".into()),
            place: Some("Lạng Sơn".into()),
            number_symbol: Some("123/TB-UBND".into()),
            signer_title: Some("TL. Chủ tịch\nChánh Văn phòng".into()),
            signer_name: Some("Nguyễn Văn A".into()),
            recipients: Some("Chủ tịch, các PCT UBND tỉnh\n- Sở Tài chính;\nLưu: VT, KT.".into()),
        };
        let n = build(&ins, &units, &s, d("05/02/2023"));
        assert_eq!(n.issuing_body, ["ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"]);
        assert_eq!(n.number, "Số: 123/TB-UBND");
        assert_eq!(n.place_date, "Lạng Sơn, ngày 05 tháng 02 năm 2023");
        assert_eq!(n.signer_title, ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]);
        assert_eq!(n.signer_name, "Nguyễn Văn A");
        assert_eq!(
            n.recipients,
            [
                "- Chủ tịch, các PCT UBND tỉnh;",
                "- Sở Tài chính;",
                "- UBND huyện Tràng Định;",
                "- Lưu: VT, KT."
            ]
        );
    }
}
