//! The notice as parts in reading order, built from a saved inspection and the
//! settings: no SQL, no file format. Both writers (DOCX and Markdown) draw from it, so
//! what a script compares is what the document shows.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::document::{Block, Document, Letterhead, SignOff};
use crate::domain::scorecard::Scorecard;
use crate::domain::unit::UnitKind;
use crate::i18n::T;
use crate::model::Inspection;

use super::directives::{self, Units};
use super::issuer::Issuer;
use super::text::{clean, unit_place, vi};
use super::{letterhead, opening, report, sections, sign_off};

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
    /// "TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG"; default: the issuing body's (`issuer`).
    pub signer_title: Option<String>,
    /// Default: the chair's name.
    pub signer_name: Option<String>,
    /// One recipient a line; the units concerned and "Lưu: VT." are added. Default:
    /// the province's leaders and the members of the working group.
    pub recipients: Option<String>,
    /// The tasks report's "BC-UBND" (blank number) or "45/BC-UBND"; default: the
    /// issuer's symbol with BC for TB.
    pub report_symbol: Option<String>,
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
            report_symbol: one("report_symbol"),
        }
    }
}

/// Everything the notice says about the units it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitInfo {
    pub name: String,
    pub kind: UnitKind,
    /// The inspected unit's scorecard on the day of the inspection; `None` for others.
    pub card: Option<Scorecard>,
}

/// A block of body text: an optional heading ("1. Kết quả đạt được"), an optional
/// plain sentence that introduces its list ("Đề nghị … các nhiệm vụ sau:"), and its
/// paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub heading: Option<String>,
    pub lead: Option<String>,
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
    /// Upper left: the issuing body, in capitals; the last `issuing_own` lines are the
    /// body's own name (bold), any lines before them its parent body.
    pub issuing_body: Vec<String>,
    pub issuing_own: usize,
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
    /// When, who chaired, who attended; what the unit reported and its figures; then
    /// "… kết luận như sau:".
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
    /// The notice as a document its writers put on the page: the sections' headings
    /// and their groups' headings as headings, a group's lead and the closing
    /// sentence kept with what follows them.
    pub fn document(&self) -> Document {
        let mut blocks: Vec<Block> = self.opening.iter().cloned().map(Block::Paragraph).collect();
        for s in &self.sections {
            blocks.push(Block::Heading(1, s.heading.clone()));
            for g in &s.groups {
                blocks.extend(g.heading.iter().map(|h| Block::Heading(2, h.clone())));
                blocks.extend(g.lead.iter().map(|l| Block::Lead(l.clone())));
                blocks.extend(g.paragraphs.iter().cloned().map(Block::Paragraph));
            }
        }
        blocks.push(Block::Lead(self.closing.clone()));
        Document {
            letterhead: Some(Letterhead {
                issuing_body: self.issuing_body.clone(),
                issuing_own: self.issuing_own,
                national_name: self.national_name.clone(),
                motto: self.motto.clone(),
                number: self.number.clone(),
                place_date: self.place_date.clone(),
            }),
            title: self.title.clone(),
            summary: self.summary.clone(),
            blocks,
            sign_off: Some(SignOff {
                recipients_label: self.recipients_label.clone(),
                recipients: self.recipients.clone(),
                signer_title: self.signer_title.clone(),
                signer_name: self.signer_name.clone(),
            }),
            author: self.issuing_body.join(" "),
        }
    }

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
                out.extend(g.lead.iter().cloned());
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

/// Builds the notice. `units` gives the name and kind of the inspected unit and of
/// every unit a directive names (by id); `issued_on` is the date the notice bears.
pub fn build(
    ins: &Inspection,
    units: &HashMap<i64, UnitInfo>,
    settings: &Settings,
    issued_on: NaiveDate,
) -> Notice {
    let units = Units::new(ins, units);
    let unit = &units.inspected;
    // Grouped once: the body lists them, and their units receive the notice.
    let by_unit = directives::by_unit(ins, &units);
    let issuing_body = letterhead::issuing_body(settings);
    // Read before the name is broken, while its last line is still the whole name.
    let issuer = Issuer::of(&issuing_body);
    let (issuing_body, issuing_own) = letterhead::broken(issuing_body);
    Notice {
        issuing_body,
        issuing_own,
        national_name: vi(T::NoticeNationalName).to_string(),
        motto: vi(T::NoticeMotto).to_string(),
        number: letterhead::number(settings, issuer),
        place_date: letterhead::place_date(settings, issued_on),
        title: vi(T::NoticeTitle).to_string(),
        summary: vi(T::NoticeSummary).replace("{unit}", &unit_place(unit)),
        opening: opening::paragraphs(
            &ins.header,
            unit,
            report::paragraphs(&ins.header, unit, issued_on),
            issued_on,
        ),
        sections: sections::sections(ins, &by_unit),
        closing: issuer.closing(),
        recipients_label: vi(T::NoticeRecipients).to_string(),
        recipients: sign_off::recipients(settings, unit, &by_unit),
        signer_title: sign_off::signer_title(settings, issuer),
        signer_name: sign_off::signer_name(settings, &ins.header),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::inspection::ItemKind;
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
            unit_label: None,
            office: None,
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
                card: None,
            },
        );
        units.insert(
            2,
            UnitInfo {
                name: "Sở Tài chính".into(),
                kind: UnitKind::So,
                card: None,
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
        assert_eq!(
            dir[0].heading.as_deref(),
            Some("1. Đề nghị UBND huyện Tràng Định tập trung thực hiện tốt các nhiệm vụ sau:")
        );
        assert_eq!(dir[0].lead, None);
        assert_eq!(
            dir[0].paragraphs,
            [
                "- Đẩy nhanh giải ngân (Thời hạn: 05/02/2023);",
                "- Kiểm tra kỷ luật."
            ]
        );
        assert_eq!(
            dir[1].heading.as_deref(),
            Some("2. Đề nghị Sở Tài chính thực hiện các nhiệm vụ sau:")
        );
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
        assert_eq!(n.signer_title, ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]);
        assert_eq!(n.signer_name, "Phạm Hùng Trường");
        assert_eq!(
            n.closing,
            "UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./."
        );
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
            report_symbol: None,
        };
        let n = build(&ins, &units, &s, d("05/02/2023"));
        assert_eq!(n.issuing_body, ["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN"]);
        assert_eq!(n.issuing_own, 2);
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

    #[test]
    fn an_office_header_signs_and_closes_as_the_office() {
        let (ins, units) = sample();
        let s = Settings {
            issuing_body: Some("UBND tỉnh Lạng Sơn\nVăn phòng".into()),
            ..Default::default()
        };
        let n = build(&ins, &units, &s, d("23/09/2022"));
        assert_eq!(n.issuing_body, ["UBND TỈNH LẠNG SƠN", "VĂN PHÒNG"]);
        assert_eq!(n.number, "Số:      /TB-VP");
        assert_eq!(n.signer_title, ["CHÁNH VĂN PHÒNG"]);
        assert_eq!(
            n.closing,
            "Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./."
        );
    }
}
