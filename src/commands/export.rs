//! `tct export inspection`: the notice of conclusions, written to a file whose path is
//! printed.

use std::path::Path;

use crate::domain::text::printable;
use crate::error::{Error, Result};
use crate::i18n::{T, t};
use crate::model::Ctx;
use crate::notice::{NoticeFormat, export_cli};
use crate::store::Store;

pub fn inspection(
    store: &Store,
    ctx: &Ctx,
    id: &str,
    unit: Option<&str>,
    format: NoticeFormat,
    output: Option<&Path>,
) -> Result<()> {
    // Markdown is text: without -o it is printed, like a report.
    let output = match (output, format) {
        (Some(p), _) => p,
        (None, NoticeFormat::Md) => Path::new("-"),
        (None, NoticeFormat::Docx) => return Err(Error::User(t(T::ErrDocxNeedsFile).into())),
    };
    // The path of a file written; nothing more after a notice on standard output.
    if let Some(path) = export_cli(store, ctx, id, unit, format, output)? {
        println!("{}", printable(&path.display().to_string()));
    }
    Ok(())
}
