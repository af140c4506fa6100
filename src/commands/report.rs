//! `tct report`: the figures the panes show, for scripts.

use std::path::Path;

use crate::error::Result;
use crate::model::Ctx;
use crate::report::{Query, run_to};
use crate::store::Store;

pub fn run(store: &Store, ctx: &Ctx, q: &Query, output: Option<&Path>) -> Result<()> {
    run_to(store, ctx, q, output)
}
