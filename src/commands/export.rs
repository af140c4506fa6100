//! `tct export inspection`: the notice of conclusions, written to a file whose path is
//! printed.

use std::path::Path;

use crate::domain::text::printable;
use crate::error::Result;
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
    // The path of a file written; nothing more after a notice on standard output.
    if let Some(path) = export_cli(store, ctx, id, unit, format, output)? {
        println!("{}", printable(&path.display().to_string()));
    }
    Ok(())
}
