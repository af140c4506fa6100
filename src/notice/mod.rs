//! The notice of conclusions (Thông báo kết luận) of an inspection, in the layout of
//! Decree 30/2020/NĐ-CP: `model` builds its parts from a saved inspection and the
//! settings, as a `crate::document::Document` that its writers put in DOCX or Markdown. The parts are made in their own files,
//! in the order the notice reads: `letterhead`, `opening`, `sections` (with
//! `directives`), `sign_off`; `text` holds what they share.

pub mod model;

mod directives;
mod frame;
mod issuer;
mod letterhead;
mod opening;
mod report;
mod sections;
mod sign_off;
mod text;

use clap::ValueEnum;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::Result;

use crate::domain::text::fold;
use crate::error::Error;
use crate::i18n::{T, t};
use crate::model::{Ctx, Inspection};
use crate::store::Store;

/// The notice's file format.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum NoticeFormat {
    Docx,
    Md,
}

/// The notice's settings (`tct config`), kept in the database.
pub const SETTING_KEYS: &[&str] = &[
    "issuing_body",
    "place",
    "number_symbol",
    "signer_title",
    "signer_name",
    "recipients",
    "report_symbol",
];
pub use frame::frame;
pub use model::{Notice, Settings, UnitInfo, build};
/// Text as documents print it, and dates as the decree writes them.
pub use text::{clean, date_words, vi};

/// The settings a notice uses, from the database's `setting` table.
pub fn settings(store: &Store) -> Result<Settings> {
    let mut values = HashMap::new();
    for key in SETTING_KEYS {
        if let Some(v) = store.setting(key)? {
            values.insert(*key, v);
        }
    }
    Ok(Settings::from_lookup(|k| values.get(k).cloned()))
}

/// The date a notice bears: the inspection's (the as-of date if it has none), so the
/// same inspection always gives the same notice; the clerk changes it by hand when the
/// notice is issued later.
pub fn issued_on(ins: &Inspection, ctx: &Ctx) -> chrono::NaiveDate {
    ins.header.held_on.unwrap_or(ctx.as_of)
}

/// The notice of a saved inspection, or `None` when there is no such inspection.
pub fn notice_of(store: &Store, ctx: &Ctx, inspection_id: i64) -> Result<Option<Notice>> {
    let Some(ins) = store.inspection(ctx, inspection_id)? else {
        return Ok(None);
    };
    Ok(Some(notice_for_inspection(store, ctx, &ins)?))
}

fn notice_for_inspection(store: &Store, ctx: &Ctx, ins: &Inspection) -> Result<Notice> {
    // The figures the notice quotes are the unit's on the day of the inspection.
    let on_the_day = Ctx {
        as_of: issued_on(ins, ctx),
        ..*ctx
    };
    let mut units: HashMap<i64, UnitInfo> = HashMap::new();
    let ids = std::iter::once(ins.header.unit_id).chain(ins.items.iter().filter_map(|i| i.unit_id));
    for id in ids {
        if units.contains_key(&id) {
            continue;
        }
        if let Some(row) = store.unit_row(&on_the_day, id)? {
            units.insert(
                id,
                UnitInfo {
                    name: row.name,
                    kind: row.kind,
                    card: (id == ins.header.unit_id).then_some(row.card),
                },
            );
        }
    }
    Ok(build(ins, &units, &settings(store)?, issued_on(ins, ctx)))
}

/// `thong-bao-12-trang-dinh-20220923.docx`: the id, the unit without diacritics, the
/// inspection's date.
pub fn file_name(ins: &Inspection, ctx: &Ctx, ext: &str) -> String {
    let unit: String = fold(&ins.header.unit_name)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let date = ins.header.held_on.unwrap_or(ctx.as_of).format("%Y%m%d");
    format!(
        "{}-{}-{unit}-{date}.{ext}",
        t(T::NoticeFilePrefix),
        ins.header.id
    )
}

/// The notice's bytes in a format.
pub fn render(n: &Notice, format: NoticeFormat) -> Result<Vec<u8>> {
    match format {
        NoticeFormat::Docx => crate::document::docx::to_bytes(&n.document()),
        NoticeFormat::Md => Ok(crate::document::markdown::render(&n.document()).into_bytes()),
    }
}

/// The directory of the database file, where the TUI writes notices (the current
/// directory for a database in memory).
pub fn db_dir(store: &Store) -> PathBuf {
    crate::outfile::parent_dir(store.path())
}

/// The TUI's Ctrl-E: writes the DOCX notice of a saved inspection into `dir` under
/// its usual name and returns the file's path.
pub fn write_docx_for(store: &Store, ctx: &Ctx, inspection_id: i64, dir: &Path) -> Result<PathBuf> {
    let ins = to_write(store, ctx, inspection_id)?;
    let notice = notice_for_inspection(store, ctx, &ins)?;
    let path = crate::outfile::checked(&dir.join(file_name(&ins, ctx, "docx")), store.path())?;
    // An earlier notice may have been edited in Word since: it is kept.
    crate::outfile::write_new(&path, &render(&notice, NoticeFormat::Docx)?)
}

/// The saved inspection a notice is written of; refused, with the same words for the
/// app's preview and its Ctrl-E, when there is none or it has no conclusion.
fn to_write(store: &Store, ctx: &Ctx, inspection_id: i64) -> Result<Inspection> {
    let Some(ins) = store.inspection(ctx, inspection_id)? else {
        return Err(Error::User(format!(
            "{} #{inspection_id}",
            t(T::ErrNoInspection)
        )));
    };
    refuse_empty(&ins)?;
    Ok(ins)
}

/// A notice's text as the Markdown writer gives it, with the record's id and unit
/// that name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub inspection_id: i64,
    pub unit_name: String,
    pub markdown: String,
}

/// The app's preview: the text of the notice Ctrl-E would write, refused as Ctrl-E
/// refuses it.
pub fn text_for(store: &Store, ctx: &Ctx, inspection_id: i64) -> Result<Text> {
    let ins = to_write(store, ctx, inspection_id)?;
    let notice = notice_for_inspection(store, ctx, &ins)?;
    Ok(Text {
        inspection_id,
        unit_name: ins.header.unit_name.clone(),
        markdown: crate::document::markdown::render(&notice.document()),
    })
}

/// A notice of a record without a conclusion would be a letterhead and nothing else.
fn refuse_empty(ins: &crate::model::Inspection) -> Result<()> {
    if ins.items.iter().all(|i| i.text.trim().is_empty()) {
        return Err(Error::User(format!(
            "#{}: {}",
            ins.header.id,
            t(T::ErrInspectionEmpty)
        )));
    }
    Ok(())
}

/// `tct export inspection ID|latest [--unit NAME] --format docx|md [-o FILE]`. `FILE`
/// may be a directory: the notice gets its usual name there, numbered when a file
/// has it, as it does beside the database without `-o`; a file named by hand is
/// replaced; `-` is standard output (DOCX only piped or redirected). The file
/// written, if any.
pub fn export_cli(
    store: &Store,
    ctx: &Ctx,
    id: &str,
    unit: Option<&str>,
    format: NoticeFormat,
    output: Option<&Path>,
) -> Result<Option<PathBuf>> {
    // Markdown is text: without -o it is printed, like a report.
    let output = match (output, format) {
        (Some(p), _) => Some(p),
        (None, NoticeFormat::Md) => Some(Path::new("-")),
        (None, NoticeFormat::Docx) => None,
    };
    let to_stdout = output.is_some_and(crate::outfile::is_stdout);
    if to_stdout {
        crate::outfile::stdout_takes("DOCX", format == NoticeFormat::Docx)?;
    }
    let unit = unit.map(|u| store.resolve_unit(ctx.as_of, u)).transpose()?;
    let id = if id.trim().eq_ignore_ascii_case("latest") {
        let Some((unit_id, name)) = &unit else {
            return Err(Error::User(t(T::ErrLatestNeedsUnit).into()));
        };
        match store.inspection_ids(Some(*unit_id))?.first() {
            Some(id) => *id,
            None => {
                return Err(Error::User(format!(
                    "{}: «{name}»",
                    t(T::ErrUnitNoInspection)
                )));
            }
        }
    } else {
        id.trim()
            .trim_start_matches('#')
            .parse::<i64>()
            .map_err(|_| Error::User(format!("{}: «{id}»", t(T::ErrInspectionId))))?
    };
    let ins = match store.inspection(ctx, id)? {
        Some(ins) if unit.as_ref().is_none_or(|(u, _)| *u == ins.header.unit_id) => ins,
        _ => return Err(Error::User(format!("{} #{id}", t(T::ErrNoInspection)))),
    };
    refuse_empty(&ins)?;
    let notice = notice_for_inspection(store, ctx, &ins)?;
    if to_stdout {
        let mut out = std::io::stdout().lock();
        out.write_all(&render(&notice, format)?)?;
        out.flush()?;
        return Ok(None);
    }
    let bytes = render(&notice, format)?;
    // No -o: beside the database, where the form's Ctrl-E writes.
    let dir = match output {
        None => db_dir(store),
        Some(d) if d.is_dir() => d.to_path_buf(),
        // A file named by hand is the user's choice: it is replaced, as a report's is.
        Some(file) => {
            let path = crate::outfile::checked(file, store.path())?;
            crate::outfile::write_bytes(&path, &bytes)?;
            return Ok(Some(path));
        }
    };
    let ext = match format {
        NoticeFormat::Docx => "docx",
        NoticeFormat::Md => "md",
    };
    let path = crate::outfile::checked(&dir.join(file_name(&ins, ctx, ext)), store.path())?;
    // The usual name may be an earlier notice, edited since: it is kept.
    crate::outfile::write_new(&path, &bytes).map(Some)
}
