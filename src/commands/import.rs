//! `tct import`: a file of units, targets or tasks, all or nothing; the summary of
//! what changed goes to standard output.

use std::path::Path;

use crate::error::Result;
use crate::import::{Options, run_cli};
use crate::model::Ctx;
use crate::store::Store;

pub fn run(mut store: Store, ctx: &Ctx, file: &Path, opts: &Options) -> Result<()> {
    let stdout = std::io::stdout();
    run_cli(&mut store, ctx, file, opts, &mut stdout.lock())
}
