//! `tct report conclusions`: inspections with their items, and for each directive its
//! task's status, so a script reads exactly what was saved.

use std::io::{IsTerminal, Write};

use crate::error::Result;

use super::Format;
use crate::domain::format::fmt_date;
use crate::domain::inspection::ItemKind;
use crate::domain::text::printable;
use crate::error::Error;
use crate::i18n::{T, t};
use crate::model::{Ctx, Inspection};
use crate::store::Store;
use crate::words::status_text;

pub fn run(
    store: &Store,
    ctx: &Ctx,
    unit: Option<(i64, &str)>,
    inspection: Option<i64>,
    format: Format,
    out: &mut dyn Write,
) -> Result<()> {
    let unit_name = unit.map(|u| u.1);
    let unit = unit.map(|u| u.0);
    let ids = match inspection {
        Some(id) => vec![id],
        None => store.inspection_ids(unit)?,
    };
    let mut all: Vec<Inspection> = Vec::new();
    for id in ids {
        match store.inspection(ctx, id)? {
            Some(ins) => all.push(ins),
            None => return Err(Error::User(format!("{} #{id}", t(T::ErrNoInspection)))),
        }
    }
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &all)?;
            writeln!(out)?;
        }
        // Nothing to list is said, not left as an empty page.
        _ if all.is_empty() => match unit_name {
            Some(name) => writeln!(out, "{}: {}", printable(name), t(T::ErrUnitNoInspection))?,
            None => writeln!(out, "{}", t(T::NoInspectionsYet))?,
        },
        _ => {
            // Text to a terminal is drawn safe; to a file or pipe it is exactly as saved.
            let safe = |s: &str| {
                if std::io::stdout().is_terminal() {
                    printable_keep_lines(s)
                } else {
                    s.to_string()
                }
            };
            for ins in &all {
                write_md(out, ins, &safe)?;
            }
        }
    }
    Ok(())
}

fn printable_keep_lines(s: &str) -> String {
    s.split('\n').map(printable).collect::<Vec<_>>().join("\n")
}

fn write_md(
    out: &mut dyn Write,
    ins: &Inspection,
    safe: &dyn Fn(&str) -> String,
) -> std::io::Result<()> {
    let h = &ins.header;
    let date = h.held_on.map(fmt_date).unwrap_or_default();
    writeln!(
        out,
        "# {} {} — {date} (#{})",
        t(T::FormTitle),
        safe(&h.unit_name),
        h.id
    )?;
    writeln!(out)?;
    for (label, value) in [
        (T::FPlace, &h.place),
        (T::FChair, &h.chair_name),
        (T::FChairTitle, &h.chair_title),
    ] {
        writeln!(out, "- {}: {}", t(label), safe(value))?;
    }
    for (label, value) in [(T::FMembers, &h.members), (T::FAttendees, &h.attendees)] {
        writeln!(out, "- {}:", t(label))?;
        for line in value.lines().filter(|l| !l.trim().is_empty()) {
            writeln!(out, "  - {}", safe(line))?;
        }
    }
    if !h.report.trim().is_empty() {
        writeln!(out, "\n## {}\n\n{}", t(T::FReport), safe(&h.report))?;
    }
    writeln!(out, "\n## {}\n", t(T::Items))?;
    for (n, item) in ins.items.iter().enumerate() {
        let text = safe(&item.text).replace('\n', "\n   ");
        writeln!(out, "{}. [{}] {text}", n + 1, item.kind.label())?;
        if item.kind == ItemKind::Directive {
            let unit = item.unit_name.as_deref().map(safe).unwrap_or_default();
            let deadline = item
                .deadline
                .map(fmt_date)
                .unwrap_or_else(|| t(T::StNoDeadline).into());
            let status = item
                .task_status
                .map(status_text)
                .unwrap_or_else(|| "–".into());
            writeln!(
                out,
                "   - {}: {unit} · {}: {deadline} · {}: {status}",
                t(T::FUnit),
                t(T::FDeadline),
                t(T::ColStatus)
            )?;
        }
    }
    writeln!(out)?;
    Ok(())
}
