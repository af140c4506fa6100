//! `tct export`: the notice of conclusions, the report on the province's tasks and a
//! unit's brief, each written to a file whose path is printed (or, as Markdown, to
//! standard output).

use std::path::Path;

use crate::domain::text::printable;
use crate::error::Result;
use crate::model::Ctx;
use crate::notice::{NoticeFormat, export_cli};
use crate::papers::{PaperFormat, Period, tasks_report_cli, unit_brief_cli};
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

fn print_path(path: Option<std::path::PathBuf>) {
    if let Some(path) = path {
        println!("{}", printable(&path.display().to_string()));
    }
}

pub fn tasks_report(
    store: &Store,
    ctx: &Ctx,
    (from, to): (Option<&str>, Option<&str>),
    unit: Option<&str>,
    format: PaperFormat,
    output: Option<&Path>,
) -> Result<()> {
    let period = Period::parse(from, to)?;
    print_path(tasks_report_cli(store, ctx, period, unit, format, output)?);
    Ok(())
}

pub fn unit_brief(
    store: &Store,
    ctx: &Ctx,
    unit: &str,
    format: NoticeFormat,
    output: Option<&Path>,
) -> Result<()> {
    print_path(unit_brief_cli(store, ctx, unit, format.into(), output)?);
    Ok(())
}
