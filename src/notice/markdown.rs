//! The notice as Markdown: the same parts as the DOCX, in reading order (the left
//! column of each table before the right), text exactly as the model holds it, so
//! scripts and tests can compare.

use super::model::Notice;

fn strong(s: &str) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!("**{s}**")
    }
}

pub fn render(n: &Notice) -> String {
    let mut blocks: Vec<String> = Vec::new();
    // Issuing body (its own name in bold) | Quốc hiệu and Tiêu ngữ.
    let own = n.issuing_body.len().saturating_sub(n.issuing_own);
    blocks.push(
        n.issuing_body
            .iter()
            .enumerate()
            .map(|(i, l)| if i >= own { strong(l) } else { l.clone() })
            .collect::<Vec<_>>()
            .join("  \n"),
    );
    blocks.push(format!(
        "{}  \n{}",
        strong(&n.national_name),
        strong(&n.motto)
    ));
    blocks.push(n.number.clone());
    blocks.push(format!("*{}*", n.place_date));
    blocks.push(format!("# {}", n.title));
    blocks.push(strong(&n.summary));
    blocks.extend(n.opening.iter().cloned());
    for s in &n.sections {
        blocks.push(format!("## {}", s.heading));
        for g in &s.groups {
            if let Some(h) = &g.heading {
                blocks.push(format!("### {h}"));
            }
            blocks.extend(g.lead.iter().cloned());
            blocks.extend(g.paragraphs.iter().cloned());
        }
    }
    blocks.push(n.closing.clone());
    // Recipients | signer.
    let mut recipients = format!("***{}***", n.recipients_label);
    for r in &n.recipients {
        recipients.push('\n');
        recipients.push_str(r);
    }
    blocks.push(recipients);
    blocks.push(
        n.signer_title
            .iter()
            .map(|t| strong(t))
            .collect::<Vec<_>>()
            .join("  \n"),
    );
    blocks.push(strong(&n.signer_name));
    let mut out = blocks
        .into_iter()
        .filter(|b| !b.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    out.push('\n');
    out
}
