//! A document in the layout of Decree 30/2020/NĐ-CP, free of any file format: the
//! notice of conclusions, the report on the province's tasks and a unit's brief are
//! each built as a `Document`, and `docx` and `markdown` write any of them, so the
//! page, the fonts, the letterhead and the sign-off are made in one place.

pub mod docx;
pub mod markdown;

mod properties;
mod schema_order;

/// The upper part of a formal document: issuing body | Quốc hiệu and Tiêu ngữ, then
/// number | place and date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letterhead {
    /// In capitals; the last `issuing_own` lines are the body's own name (bold), any
    /// lines before them its parent body.
    pub issuing_body: Vec<String>,
    pub issuing_own: usize,
    pub national_name: String,
    pub motto: String,
    /// "Số:      /TB-UBND".
    pub number: String,
    /// "Lạng Sơn, ngày 23 tháng 9 năm 2022", in italics.
    pub place_date: String,
}

/// The lower part: the recipients (Nơi nhận) beside the signer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignOff {
    pub recipients_label: String,
    /// "- UBND huyện Tràng Định;" … "- Lưu: VT.".
    pub recipients: Vec<String>,
    /// In capitals, one line each: "TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG".
    pub signer_title: Vec<String>,
    pub signer_name: String,
}

/// A table of the body: a header row and rows of text, each column's share of the
/// text width, and which columns hold figures (set to the right).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub widths: Vec<u32>,
    pub numeric: Vec<bool>,
}

/// One block of the body, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Bold, kept with what follows; level 1 is "I. …", 2 is "1. …" (`##`, `###` in
    /// Markdown).
    Heading(u8, String),
    /// A plain paragraph kept with the next one: a sentence that introduces a list,
    /// or a closing sentence that stays with the signature.
    Lead(String),
    Paragraph(String),
    Table(Table),
}

/// A whole document. Without a letterhead it is a working paper: its title stands
/// alone at the top, on the same page and in the same fonts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub letterhead: Option<Letterhead>,
    /// "THÔNG BÁO", "BÁO CÁO".
    pub title: String,
    /// What it is about, bold under the title.
    pub summary: String,
    pub blocks: Vec<Block>,
    pub sign_off: Option<SignOff>,
    /// The author the file's properties record (the issuing body).
    pub author: String,
}
