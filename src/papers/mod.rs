//! Documents made from the dashboard's figures, on the notice's layout
//! (`crate::document`): the report on the tasks the province gave (`tasks`) and a
//! unit's brief before a visit (`brief`). Each is gathered from the store's own
//! questions, built as a `Document`, then written like the notice: Markdown to the
//! terminal, DOCX or XLSX beside the database unless `-o` says where.

pub mod brief;
pub mod tasks;

mod period;
mod table;

use clap::ValueEnum;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::document::{Document, docx, markdown};
use crate::domain::text::fold;
use crate::error::{Error, Result};
use crate::i18n::{T, t};
use crate::model::Ctx;
use crate::notice::{NoticeFormat, db_dir};
use crate::outfile;
use crate::store::Store;

pub use period::Period;

/// The tasks report's file format.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum PaperFormat {
    Docx,
    Md,
    Xlsx,
}

impl PaperFormat {
    fn ext(self) -> &'static str {
        match self {
            PaperFormat::Docx => "docx",
            PaperFormat::Md => "md",
            PaperFormat::Xlsx => "xlsx",
        }
    }
}

impl From<NoticeFormat> for PaperFormat {
    fn from(f: NoticeFormat) -> Self {
        match f {
            NoticeFormat::Docx => PaperFormat::Docx,
            NoticeFormat::Md => PaperFormat::Md,
        }
    }
}

/// "trang-dinh": a name without diacritics, for a file name valid everywhere.
fn slug(name: &str) -> String {
    fold(name)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// `bao-cao-nhiem-vu-trang-dinh-20220923.docx`: what, the unit if one, the date.
fn file_name(prefix: T, unit: Option<&str>, ctx: &Ctx, ext: &str) -> String {
    let unit = unit.map(|u| format!("-{}", slug(u))).unwrap_or_default();
    format!("{}{unit}-{}.{ext}", t(prefix), ctx.as_of.format("%Y%m%d"))
}

/// Writes a document's bytes as the notice is written: Markdown without `-o` and
/// `-o -` to standard output (DOCX and XLSX only piped); without `-o`, beside the
/// database under `name`, never replacing a file ("… (2).docx"); `-o DIR` the same
/// there; `-o FILE` replaces it. The file written, if any.
fn write(
    store: &Store,
    format: PaperFormat,
    name: &str,
    output: Option<&Path>,
    bytes: impl FnOnce() -> Result<Vec<u8>>,
) -> Result<Option<PathBuf>> {
    let output = match (output, format) {
        (None, PaperFormat::Md) => Some(Path::new("-")),
        (o, _) => o,
    };
    if output.is_some_and(outfile::is_stdout) {
        let binary = format != PaperFormat::Md;
        outfile::stdout_takes(&format.ext().to_uppercase(), binary)?;
        let mut out = std::io::stdout().lock();
        out.write_all(&bytes()?)?;
        out.flush()?;
        return Ok(None);
    }
    let dir = match output {
        None => db_dir(store),
        Some(d) if d.is_dir() => d.to_path_buf(),
        Some(file) => {
            let path = outfile::checked(file, store.path())?;
            outfile::write_bytes(&path, &bytes()?)?;
            return Ok(Some(path));
        }
    };
    let path = outfile::checked(&dir.join(name), store.path())?;
    outfile::write_new(&path, &bytes()?).map(Some)
}

fn render(d: &Document, format: PaperFormat) -> Result<Vec<u8>> {
    match format {
        PaperFormat::Md => Ok(markdown::render(d).into_bytes()),
        _ => docx::to_bytes(d),
    }
}

/// `tct export tasks-report [--from D] [--to D] [--unit NAME] --format docx|md|xlsx
/// [-o FILE]`.
pub fn tasks_report_cli(
    store: &Store,
    ctx: &Ctx,
    period: Period,
    unit: Option<&str>,
    format: PaperFormat,
    output: Option<&Path>,
) -> Result<Option<PathBuf>> {
    let unit = unit.map(|u| store.resolve_unit(ctx.as_of, u)).transpose()?;
    let report = tasks::gather(store, ctx, unit.as_ref().map(|u| u.0), period)?;
    let name = file_name(
        T::TrFilePrefix,
        unit.as_ref().map(|u| u.1.as_str()),
        ctx,
        format.ext(),
    );
    let settings = crate::notice::settings(store)?;
    write(store, format, &name, output, || match format {
        PaperFormat::Xlsx => tasks::xlsx(&report),
        _ => render(&tasks::document(&report, &settings), format),
    })
}

/// `tct export unit-brief --unit NAME --format docx|md [-o FILE]`.
pub fn unit_brief_cli(
    store: &Store,
    ctx: &Ctx,
    unit: &str,
    format: PaperFormat,
    output: Option<&Path>,
) -> Result<Option<PathBuf>> {
    if format == PaperFormat::Xlsx {
        return Err(Error::User(t(T::ErrPaperXlsx).into()));
    }
    let (id, name) = store.resolve_unit(ctx.as_of, unit)?;
    let Some(brief) = brief::gather(store, ctx, id)? else {
        return Err(Error::User(format!("{}: «{unit}»", t(T::ErrUnknownUnit))));
    };
    let file = file_name(T::BrFilePrefix, Some(&name), ctx, format.ext());
    write(store, format, &file, output, || {
        render(&brief::document(&brief), format)
    })
}

/// The app's key on a unit: its brief as DOCX beside the database, never replacing a
/// file; the path written.
pub fn write_brief_beside_db(store: &Store, ctx: &Ctx, unit_id: i64) -> Result<PathBuf> {
    let Some(brief) = brief::gather(store, ctx, unit_id)? else {
        return Err(Error::User(format!("{} #{unit_id}", t(T::ErrUnknownUnit))));
    };
    let name = file_name(T::BrFilePrefix, Some(&brief.unit), ctx, "docx");
    let path = outfile::checked(&db_dir(store).join(name), store.path())?;
    outfile::write_new(&path, &docx::to_bytes(&brief::document(&brief))?)
}
