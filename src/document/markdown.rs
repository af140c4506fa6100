//! A document as Markdown: the same parts as the DOCX, in reading order (the left
//! column of each two-column table before the right), text exactly as the model holds
//! it, so scripts and tests can compare.

use super::{Block, Document, Letterhead, SignOff, Table};

fn strong(s: &str) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!("**{s}**")
    }
}

pub fn render(d: &Document) -> String {
    let mut blocks: Vec<String> = Vec::new();
    if let Some(l) = &d.letterhead {
        letterhead(&mut blocks, l);
    }
    blocks.push(format!("# {}", d.title));
    blocks.push(strong(&d.summary));
    for b in &d.blocks {
        blocks.push(match b {
            Block::Heading(level, text) => {
                format!("{} {text}", "#".repeat(usize::from(*level) + 1))
            }
            Block::Lead(text) | Block::Paragraph(text) => text.clone(),
            Block::Table(t) => table(t),
        });
    }
    if let Some(s) = &d.sign_off {
        sign_off(&mut blocks, s);
    }
    let mut out = blocks
        .into_iter()
        .filter(|b| !b.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    out.push('\n');
    out
}

/// Issuing body (its own name in bold) | Quốc hiệu and Tiêu ngữ; number | date.
fn letterhead(blocks: &mut Vec<String>, l: &Letterhead) {
    let own = l.issuing_body.len().saturating_sub(l.issuing_own);
    blocks.push(
        l.issuing_body
            .iter()
            .enumerate()
            .map(|(i, line)| if i >= own { strong(line) } else { line.clone() })
            .collect::<Vec<_>>()
            .join("  \n"),
    );
    blocks.push(format!(
        "{}  \n{}",
        strong(&l.national_name),
        strong(&l.motto)
    ));
    blocks.push(l.number.clone());
    blocks.push(format!("*{}*", l.place_date));
}

/// Recipients | signer.
fn sign_off(blocks: &mut Vec<String>, s: &SignOff) {
    let mut recipients = format!("***{}***", s.recipients_label);
    for r in &s.recipients {
        recipients.push('\n');
        recipients.push_str(r);
    }
    blocks.push(recipients);
    blocks.push(
        s.signer_title
            .iter()
            .map(|t| strong(t))
            .collect::<Vec<_>>()
            .join("  \n"),
    );
    blocks.push(strong(&s.signer_name));
}

/// A pipe table; a `|` in a cell is escaped, a line break becomes a space.
fn table(t: &Table) -> String {
    let cell = |s: &str| s.replace('|', "\\|").replace(['\r', '\n'], " ");
    let row = |cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        format!("| {} |", cells.join(" | "))
    };
    let rule: Vec<&str> = (0..t.head.len())
        .map(|i| {
            if t.numeric.get(i).copied().unwrap_or(false) {
                "---:"
            } else {
                "---"
            }
        })
        .collect();
    let mut lines = vec![row(&t.head), format!("| {} |", rule.join(" | "))];
    lines.extend(t.rows.iter().map(|r| row(r)));
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_keeps_its_cells_on_their_row() {
        let t = Table {
            head: vec!["STT".into(), "Nhiệm vụ".into()],
            rows: vec![vec!["1".into(), "a | b\nc".into()]],
            widths: vec![1, 4],
            numeric: vec![true, false],
        };
        assert_eq!(
            table(&t),
            "| STT | Nhiệm vụ |\n| ---: | --- |\n| 1 | a \\| b c |"
        );
    }

    #[test]
    fn a_working_paper_has_no_letterhead_or_sign_off() {
        let d = Document {
            letterhead: None,
            title: "TÓM TẮT".into(),
            summary: "Tràng Định".into(),
            blocks: vec![
                Block::Heading(1, "I. A".into()),
                Block::Lead("Dẫn:".into()),
                Block::Paragraph("Đoạn.".into()),
            ],
            sign_off: None,
            author: String::new(),
        };
        assert_eq!(
            render(&d),
            "# TÓM TẮT\n\n**Tràng Định**\n\n## I. A\n\nDẫn:\n\nĐoạn.\n"
        );
    }
}
