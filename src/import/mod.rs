//! Import of units, targets and tasks from CSV and XLSX files. Being written: see
//! issue #4.

use std::io::Write;
use std::path::Path;

use crate::cli::{ImportKind, UserError};
use crate::store::{Ctx, Store};

pub struct Options<'a> {
    pub kind: Option<ImportKind>,
    pub sheet: Option<&'a str>,
    pub dry_run: bool,
}

/// `tct import FILE [--kind …] [--sheet …] [--dry-run]`.
pub fn run_cli(
    _store: &mut Store,
    _ctx: &Ctx,
    _file: &Path,
    _opts: &Options,
    _out: &mut dyn Write,
) -> color_eyre::Result<()> {
    Err(UserError("import: not available yet".into()).into())
}
