//! The notice of conclusions (Thông báo kết luận) of an inspection, in the layout of
//! Decree 30/2020/NĐ-CP. Being written: see issue #4.

use std::path::{Path, PathBuf};

use crate::cli::{NoticeFormat, UserError};
use crate::store::{Ctx, Store};

/// `tct export inspection ID|latest [--unit NAME] --format docx|md -o FILE`.
pub fn export_cli(
    _store: &Store,
    _ctx: &Ctx,
    _id: &str,
    _unit: Option<&str>,
    _format: NoticeFormat,
    _output: &Path,
) -> color_eyre::Result<PathBuf> {
    Err(UserError("export: not available yet".into()).into())
}
