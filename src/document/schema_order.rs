//! Puts the paragraph and run properties docx-rs writes in the order the OOXML schema
//! gives (Word refuses a file whose `w:pPr` or `w:rPr` children are out of order;
//! LibreOffice forgives it), and marks every run as Vietnamese (`w:lang vi-VN`), so
//! Word spell-checks the document in its own language. The parts are docx-rs's own
//! output: elements without text content, in `w:` names.

/// The children of `w:pPr` in schema order (CT_PPr), as far as a document uses them.
const PPR: &[&str] = &[
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
];

/// The children of `w:rPr` in schema order (CT_RPr).
const RPR: &[&str] = &[
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
    "ins",
    "del",
    "rPrChange",
];

use std::io::{Cursor, Read, Write};

use crate::error::{Error, Result};

/// The .docx file with its document and headers fixed and `core` for its document
/// properties; other parts as they are.
pub fn fix_package(bytes: Vec<u8>, core: &str) -> Result<Vec<u8>> {
    let bad = |e: &dyn std::fmt::Display| Error::Document(e.to_string());
    let mut src = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| bad(&e))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..src.len() {
        let mut part = src.by_index(i).map_err(|e| bad(&e))?;
        let name = part.name().map_err(|e| bad(&e))?.to_string();
        if part.is_dir() {
            out.add_directory(name, opts).map_err(|e| bad(&e))?;
            continue;
        }
        let mut data = Vec::new();
        part.read_to_end(&mut data)?;
        let text = name == "word/document.xml"
            || name == "word/styles.xml"
            || (name.starts_with("word/header") && name.ends_with(".xml"));
        if text {
            let xml = String::from_utf8(data).map_err(|e| bad(&e))?;
            data = fix(&xml).into_bytes();
        } else if name == "docProps/core.xml" {
            data = core.as_bytes().to_vec();
        }
        out.start_file(name, opts).map_err(|e| bad(&e))?;
        out.write_all(&data)?;
    }
    Ok(out.finish().map_err(|e| bad(&e))?.into_inner())
}

/// The children of `w:sectPr` (CT_SectPr): docx-rs puts the header references last.
const SECTPR: &[&str] = &[
    "headerReference",
    "footerReference",
    "footnotePr",
    "endnotePr",
    "type",
    "pgSz",
    "pgMar",
    "paperSrc",
    "pgBorders",
    "lnNumType",
    "pgNumType",
    "cols",
    "formProt",
    "vAlign",
    "noEndnote",
    "titlePg",
    "textDirection",
    "bidi",
    "rtlGutter",
    "docGrid",
    "printerSettings",
    "sectPrChange",
];

/// The children of `w:tblPr` (CT_TblPr): docx-rs puts the cell margins before the
/// layout.
const TBLPR: &[&str] = &[
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
    "tblPrChange",
];

/// The children of `w:style` (CT_Style): docx-rs puts the run properties before the
/// paragraph's and `w:qFormat` last.
const STYLE: &[&str] = &[
    "name",
    "aliases",
    "basedOn",
    "next",
    "link",
    "autoRedefine",
    "uiPriority",
    "semiHidden",
    "unhideWhenUsed",
    "qFormat",
    "locked",
    "personal",
    "personalCompose",
    "personalReply",
    "rsid",
    "pPr",
    "rPr",
    "tblPr",
    "trPr",
    "tcPr",
    "tblStylePr",
];

const LANG: &str = r#"<w:lang w:val="vi-VN" w:eastAsia="vi-VN" />"#;

/// A part's XML with every `w:rPr` in order and in Vietnamese, and every `w:pPr`,
/// `w:sectPr`, `w:tblPr` and `w:style` in order; `w:gridCol` without the `w:type`
/// the schema does not give it.
pub fn fix(xml: &str) -> String {
    let xml = xml
        .replace("<w:rPr />", "<w:rPr></w:rPr>")
        .replace(r#"<w:gridCol w:w=""#, "\u{0}")
        .split('\u{0}')
        .enumerate()
        .map(|(i, piece)| {
            if i == 0 {
                piece.to_string()
            } else {
                format!(
                    r#"<w:gridCol w:w="{}"#,
                    piece.replacen(r#" w:type="dxa""#, "", 1)
                )
            }
        })
        .collect::<String>();
    let xml = each(&xml, "rPr", RPR, true);
    let xml = each(&xml, "pPr", PPR, false);
    let xml = each(&xml, "sectPr", SECTPR, false);
    let xml = each(&xml, "tblPr", TBLPR, false);
    each(&xml, "style", STYLE, false)
}

/// Every `<w:{name} …>…</w:{name}>` (never nested in itself) with its children sorted by
/// `order`; with the Vietnamese language added when `lang`.
fn each(xml: &str, name: &str, order: &[&str], lang: bool) -> String {
    let open = format!("<w:{name}");
    let close = format!("</w:{name}>");
    let mut out = String::with_capacity(xml.len() + xml.len() / 8);
    let mut rest = xml;
    while let Some(start) = rest.find(&open) {
        let tag_end = rest[start..]
            .find('>')
            .map_or(rest.len(), |g| start + g + 1);
        let bare = matches!(rest.as_bytes().get(start + open.len()), Some(b' ' | b'>'));
        if !bare || rest[..tag_end].ends_with("/>") {
            // Another name that starts the same ("w:pPrChange"), or nothing inside.
            out.push_str(&rest[..tag_end]);
            rest = &rest[tag_end..];
            continue;
        }
        let inner_from = tag_end;
        let Some(len) = rest[inner_from..].find(&close) else {
            break;
        };
        let inner = &rest[inner_from..inner_from + len];
        let mut children = children(inner);
        if lang && !children.iter().any(|c| local(c) == "lang") {
            children.push(LANG);
        }
        let rank = |c: &&str| {
            order
                .iter()
                .position(|o| *o == local(c))
                .unwrap_or(order.len())
        };
        children.sort_by_key(rank);
        out.push_str(&rest[..inner_from]);
        out.extend(children);
        out.push_str(&close);
        rest = &rest[inner_from + len + close.len()..];
    }
    out.push_str(rest);
    out
}

/// The child elements of an element's content, each whole (a self-closing tag, or a
/// tag to its matching end).
fn children(inner: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(lt) = inner[i..].find('<') {
        let start = i + lt;
        let Some(gt) = inner[start..].find('>') else {
            break;
        };
        let tag_end = start + gt + 1;
        let name = local(&inner[start..]);
        let end = if inner[..tag_end].ends_with("/>") {
            tag_end
        } else {
            matching_end(inner, tag_end, name)
        };
        out.push(&inner[start..end]);
        i = end;
    }
    out
}

/// The index after the end tag that closes a `w:{name}` opened before `from`.
fn matching_end(inner: &str, from: usize, name: &str) -> usize {
    let open = format!("<w:{name}");
    let close = format!("</w:{name}>");
    let mut depth = 1;
    let mut i = from;
    while depth > 0 {
        let next_close = inner[i..].find(&close).map(|c| i + c);
        let next_open = inner[i..]
            .match_indices(&open)
            .map(|(o, _)| i + o)
            .find(|&o| {
                matches!(
                    inner.as_bytes().get(o + open.len()),
                    Some(b' ' | b'>' | b'/')
                )
            });
        match (next_open, next_close) {
            (Some(o), Some(c)) if o < c => {
                let gt = inner[o..].find('>').map_or(inner.len(), |g| o + g + 1);
                if !inner[..gt].ends_with("/>") {
                    depth += 1;
                }
                i = gt;
            }
            (_, Some(c)) => {
                depth -= 1;
                i = c + close.len();
            }
            (_, None) => return inner.len(),
        }
    }
    i
}

/// "rFonts" of `<w:rFonts w:ascii="…" />`.
fn local(element: &str) -> &str {
    let tag = element.trim_start_matches('<');
    let tag = tag.strip_prefix("w:").unwrap_or(tag);
    let end = tag.find([' ', '>', '/']).unwrap_or(tag.len());
    &tag[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_tables_and_styles_too() {
        let xml = r#"<w:tblPr><w:tblCellMar><w:top w:w="0" /></w:tblCellMar><w:tblLayout w:type="fixed" /></w:tblPr><w:tblGrid><w:gridCol w:w="3686" w:type="dxa" /></w:tblGrid><w:sectPr><w:pgSz w:w="1" /><w:headerReference w:type="default" r:id="a" /><w:titlePg /></w:sectPr><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal" /><w:rPr /><w:pPr /><w:qFormat /></w:style>"#;
        assert_eq!(
            fix(xml),
            r#"<w:tblPr><w:tblLayout w:type="fixed" /><w:tblCellMar><w:top w:w="0" /></w:tblCellMar></w:tblPr><w:tblGrid><w:gridCol w:w="3686" /></w:tblGrid><w:sectPr><w:headerReference w:type="default" r:id="a" /><w:pgSz w:w="1" /><w:titlePg /></w:sectPr><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal" /><w:qFormat /><w:pPr /><w:rPr><w:lang w:val="vi-VN" w:eastAsia="vi-VN" /></w:rPr></w:style>"#
        );
    }

    #[test]
    fn properties_come_in_schema_order_and_runs_in_vietnamese() {
        let xml = r#"<w:p><w:pPr><w:rPr><w:sz w:val="26" /><w:b /><w:rFonts w:ascii="T" /></w:rPr><w:jc w:val="center" /><w:pBdr><w:bottom w:val="single" /></w:pBdr><w:spacing w:after="0" /><w:keepNext /></w:pPr><w:r><w:rPr /><w:t>x</w:t></w:r></w:p>"#;
        assert_eq!(
            fix(xml),
            r#"<w:p><w:pPr><w:keepNext /><w:pBdr><w:bottom w:val="single" /></w:pBdr><w:spacing w:after="0" /><w:jc w:val="center" /><w:rPr><w:rFonts w:ascii="T" /><w:b /><w:sz w:val="26" /><w:lang w:val="vi-VN" w:eastAsia="vi-VN" /></w:rPr></w:pPr><w:r><w:rPr><w:lang w:val="vi-VN" w:eastAsia="vi-VN" /></w:rPr><w:t>x</w:t></w:r></w:p>"#
        );
    }
}
