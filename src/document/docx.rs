//! A document as Word (DOCX) in the layout of Decree 30/2020/NĐ-CP, Appendix I: A4,
//! margins 20/20/30/15 mm, Times New Roman, body 14 pt justified; the issuing body
//! beside Quốc hiệu and Tiêu ngữ, the recipients beside the signer, each pair in a
//! borderless two-column table; the body's own tables ruled, in 12 pt.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, Docx, FieldCharType, Header, InstrPAGE, InstrText, LineSpacing, LineSpacingType,
    PageMargin, Paragraph, ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run,
    RunFonts, SpecialIndentType, Table, TableCell, TableCellMargins, TableLayoutType, TableRow,
    VAlignType, WidthType,
};

use super::{Block, Document, Letterhead, SignOff, Table as BodyTable};
use crate::error::{Error, Result};

pub const FONT: &str = "Times New Roman";
/// A4 in twentieths of a point.
pub const PAGE_WIDTH: u32 = 11906;
pub const PAGE_HEIGHT: u32 = 16838;
pub const MARGIN_TOP: i32 = mm(20);
pub const MARGIN_BOTTOM: i32 = mm(20);
pub const MARGIN_LEFT: i32 = mm(30);
pub const MARGIN_RIGHT: i32 = mm(15);
/// The width between the margins.
const TEXT_WIDTH: usize = PAGE_WIDTH as usize - (MARGIN_LEFT + MARGIN_RIGHT) as usize;

/// Millimetres in twips (1 mm = 56.7 twips), rounded.
const fn mm(v: i32) -> i32 {
    (v * 567 + 5) / 10
}

/// Font sizes in half-points.
const BODY: usize = 28; // 14 pt
const HEAD: usize = 26; // 13 pt: issuing body, number, Tiêu ngữ
const NATIONAL: usize = 24; // 12 pt: Quốc hiệu, in capitals
const RECIPIENTS_LABEL: usize = 24; // 12 pt
const RECIPIENTS: usize = 22; // 11 pt
const TABLE: usize = 24; // 12 pt: the body's tables
/// Indent of a body paragraph's first line: 1 cm.
const FIRST_LINE: i32 = 567;
/// 6 pt after a body paragraph.
const AFTER: u32 = 120;

/// The upper table's columns: issuing body | Quốc hiệu, in twips.
const TOP_LEFT: usize = 3686;
const TOP_RIGHT: usize = TEXT_WIDTH - TOP_LEFT;
/// The lower table's: recipients | signer.
const BOTTOM_LEFT: usize = 4536;
const BOTTOM_RIGHT: usize = TEXT_WIDTH - BOTTOM_LEFT;

#[derive(Clone, Copy, Default)]
struct Look {
    size: usize,
    bold: bool,
    italic: bool,
}

const fn look(size: usize, bold: bool, italic: bool) -> Look {
    Look { size, bold, italic }
}

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .east_asia(FONT)
        .cs(FONT)
}

fn run(text: &str, l: Look) -> Run {
    let mut r = Run::new().add_text(text).fonts(fonts()).size(l.size);
    if l.bold {
        r = r.bold();
    }
    if l.italic {
        r = r.italic();
    }
    r
}

fn spacing(before: u32, after: u32) -> LineSpacing {
    LineSpacing::new()
        .before(before)
        .after(after)
        .line(240)
        .line_rule(LineSpacingType::Auto)
}

/// A line of text, aligned, with no indent.
fn line(text: &str, l: Look, align: AlignmentType, before: u32, after: u32) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, l))
        .align(align)
        .size(l.size)
        .fonts(fonts())
        .line_spacing(spacing(before, after))
}

/// A centred line of text.
fn centred(text: &str, l: Look) -> Paragraph {
    line(text, l, AlignmentType::Center, 0, 0)
}

/// A paragraph of the body: justified, first line indented 1 cm, 6 pt after.
fn body(text: &str, l: Look) -> Paragraph {
    line(text, l, AlignmentType::Both, 0, AFTER).indent(
        None,
        Some(SpecialIndentType::FirstLine(FIRST_LINE)),
        None,
        None,
    )
}

/// A short horizontal rule of `width` twips, centred in a space `within` wide: an
/// empty paragraph 4 pt high with a bottom border, indented on both sides, so the
/// line clears the marks below the letters above it.
fn rule(width: usize, within: usize) -> Paragraph {
    let side = (within.saturating_sub(width) / 2) as i32;
    let mut p = Paragraph::new()
        .align(AlignmentType::Center)
        .size(2)
        .line_spacing(
            LineSpacing::new()
                .before(0)
                .after(0)
                .line(80)
                .line_rule(LineSpacingType::Exact),
        )
        .indent(Some(side), None, Some(side), None);
    p.property = p.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .size(6)
                .space(0)
                .color("000000"),
        ),
    );
    p
}

fn cell(width: usize, paragraphs: Vec<Paragraph>) -> TableCell {
    paragraphs
        .into_iter()
        .fold(TableCell::new(), TableCell::add_paragraph)
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Top)
}

fn two_columns(widths: [usize; 2], rows: Vec<TableRow>) -> Table {
    Table::without_borders(rows)
        .set_grid(widths.to_vec())
        .width(widths[0] + widths[1], WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, 57, 0, 57))
}

/// Rough width of a line in twips at a size in half-points (Times New Roman, bold
/// capitals widest), for the length of the rule under Tiêu ngữ.
fn text_width(text: &str, size: usize) -> usize {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            ' ' => 0.25,
            '-' => 0.33,
            c if c.is_uppercase() => 0.72,
            _ => 0.5,
        })
        .sum();
    (em * size as f64 * 10.0) as usize
}

/// The length of the rule under a line `width` twips wide set in a space `within`
/// wide: two fifths of the line as printed (the decree asks a third to a half).
fn under(width: usize, within: usize) -> usize {
    width.min(within) * 2 / 5
}

fn document(d: &Document) -> Docx {
    let mut docx = page_numbers(page());
    if let Some(l) = &d.letterhead {
        docx = docx.add_table(letterhead(l));
    }
    let docx = body_text(title(docx, d), d);
    match &d.sign_off {
        Some(s) => docx.add_table(sign_off(s)),
        None => docx,
    }
}

/// A4 in the decree's margins, Times New Roman 14 pt unless a run says otherwise.
fn page() -> Docx {
    Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(MARGIN_TOP)
                .bottom(MARGIN_BOTTOM)
                .left(MARGIN_LEFT)
                .right(MARGIN_RIGHT)
                .header(567)
                .footer(567),
        )
        .default_fonts(fonts())
        .default_size(BODY)
}

/// Page numbers from page 2, centred at the top in 14 pt, as a PAGE field; the first
/// page has a header of its own, empty, as the decree leaves it unnumbered.
fn page_numbers(docx: Docx) -> Docx {
    let number = Run::new()
        .fonts(fonts())
        .size(BODY)
        .add_field_char(FieldCharType::Begin, false)
        .add_instr_text(InstrText::PAGE(InstrPAGE::new()))
        .add_field_char(FieldCharType::Separate, false)
        .add_text("2")
        .add_field_char(FieldCharType::End, false);
    let numbered = Paragraph::new()
        .add_run(number)
        .align(AlignmentType::Center)
        .size(BODY)
        .fonts(fonts());
    docx.header(Header::new().add_paragraph(numbered))
        .first_header(Header::new().add_paragraph(Paragraph::new()))
}

/// Issuing body | Quốc hiệu and Tiêu ngữ, each over a short rule; number | place and
/// date.
fn letterhead(n: &Letterhead) -> Table {
    let own = n.issuing_body.len().saturating_sub(n.issuing_own);
    let mut left: Vec<Paragraph> = n
        .issuing_body
        .iter()
        .enumerate()
        .map(|(i, l)| centred(l, look(HEAD, i >= own, false)))
        .collect();
    let name = n.issuing_body[own..]
        .iter()
        .map(|l| text_width(l, HEAD))
        .max()
        .unwrap_or_default();
    left.push(rule(under(name, TOP_LEFT - 114), TOP_LEFT - 114));
    let right = vec![
        centred(&n.national_name, look(NATIONAL, true, false)),
        centred(&n.motto, look(HEAD, true, false)),
        rule(text_width(&n.motto, HEAD), TOP_RIGHT - 114),
    ];
    let number = line(
        &n.number,
        look(HEAD, false, false),
        AlignmentType::Center,
        120,
        0,
    );
    let date = line(
        &n.place_date,
        look(BODY, false, true),
        AlignmentType::Center,
        120,
        0,
    );
    two_columns(
        [TOP_LEFT, TOP_RIGHT],
        vec![
            TableRow::new(vec![cell(TOP_LEFT, left), cell(TOP_RIGHT, right)]),
            TableRow::new(vec![
                cell(TOP_LEFT, vec![number]),
                cell(TOP_RIGHT, vec![date]),
            ]),
        ],
    )
}

/// THÔNG BÁO and what it is about, over a rule and an empty line.
fn title(docx: Docx, n: &Document) -> Docx {
    let strong = look(BODY, true, false);
    docx.add_paragraph(line(&n.title, strong, AlignmentType::Center, 360, 0))
        .add_paragraph(centred(&n.summary, strong))
        .add_paragraph(rule(
            under(text_width(&n.summary, BODY), TEXT_WIDTH),
            TEXT_WIDTH,
        ))
        .add_paragraph(line(
            "",
            look(BODY, false, false),
            AlignmentType::Left,
            0,
            0,
        ))
}

/// The body's blocks. A heading or a lead keeps with the paragraph after it, so no
/// page ends on one; the closing sentence, a lead, stays with the signature.
fn body_text(mut docx: Docx, d: &Document) -> Docx {
    let plain = look(BODY, false, false);
    let strong = look(BODY, true, false);
    for b in &d.blocks {
        docx = match b {
            Block::Heading(_, text) => docx.add_paragraph(body(text, strong).keep_next(true)),
            Block::Lead(text) => docx.add_paragraph(body(text, plain).keep_next(true)),
            Block::Paragraph(text) => docx.add_paragraph(body(text, plain)),
            // An empty line after a table, as between paragraphs.
            Block::Table(t) => {
                docx.add_table(ruled(t))
                    .add_paragraph(line("", plain, AlignmentType::Left, 0, 0))
            }
        };
    }
    docx
}

/// A table of the body, ruled, its header row bold; figures
/// to the right, text to the left.
fn ruled(t: &BodyTable) -> Table {
    let shares: u32 = t.widths.iter().sum::<u32>().max(1);
    let widths: Vec<usize> = t
        .widths
        .iter()
        .map(|w| TEXT_WIDTH * *w as usize / shares as usize)
        .collect();
    let row = |cells: &[String], bold: bool| {
        let cells = cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let align = if bold {
                    AlignmentType::Center
                } else if t.numeric.get(i).copied().unwrap_or(false) {
                    AlignmentType::Right
                } else {
                    AlignmentType::Left
                };
                let w = widths.get(i).copied().unwrap_or(0);
                cell(w, vec![line(c, look(TABLE, bold, false), align, 0, 0)])
            })
            .collect();
        TableRow::new(cells).cant_split()
    };
    let mut rows = vec![row(&t.head, true)];
    rows.extend(t.rows.iter().map(|r| row(r, false)));
    Table::new(rows)
        .set_grid(widths.clone())
        .width(widths.iter().sum(), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, 57, 0, 57))
}

/// Recipients | signer, in one row that a page break does not split.
fn sign_off(n: &SignOff) -> Table {
    let plain = look(BODY, false, false);
    let strong = look(BODY, true, false);
    let mut left = vec![line(
        &n.recipients_label,
        look(RECIPIENTS_LABEL, true, true),
        AlignmentType::Left,
        120,
        0,
    )];
    left.extend(
        n.recipients
            .iter()
            .map(|r| line(r, look(RECIPIENTS, false, false), AlignmentType::Left, 0, 0)),
    );
    let mut right: Vec<Paragraph> = n
        .signer_title
        .iter()
        .enumerate()
        .map(|(i, t)| {
            line(
                t,
                strong,
                AlignmentType::Center,
                if i == 0 { 120 } else { 0 },
                0,
            )
        })
        .collect();
    // Room for the signature and the seal.
    right.extend((0..4).map(|_| centred("", plain)));
    right.push(centred(&n.signer_name, strong));
    two_columns(
        [BOTTOM_LEFT, BOTTOM_RIGHT],
        vec![TableRow::new(vec![cell(BOTTOM_LEFT, left), cell(BOTTOM_RIGHT, right)]).cant_split()],
    )
}

/// The document as the bytes of a .docx file.
pub fn to_bytes(n: &Document) -> Result<Vec<u8>> {
    let mut out = Cursor::new(Vec::new());
    document(n)
        .pack(&mut out)
        .map_err(|e| Error::Document(e.to_string()))?;
    let core = super::properties::core_xml(n, chrono::Utc::now());
    super::schema_order::fix_package(out.into_inner(), &core)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_are_a_third_to_a_half_of_their_line() {
        for (line, within) in [(3000, TOP_LEFT), (20000, TEXT_WIDTH), (5000, TEXT_WIDTH)] {
            let printed = line.min(within);
            let r = under(line, within);
            assert!(r * 3 >= printed && r * 2 <= printed, "{r} under {printed}");
        }
        // Sized to the name above it, not to the column.
        let short = under(text_width("VĂN PHÒNG", HEAD), TOP_LEFT);
        let long = under(text_width("ỦY BAN NHÂN DÂN", HEAD), TOP_LEFT);
        assert!(short < long, "{short} < {long}");
    }
}
