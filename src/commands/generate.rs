//! `tct generate`: a tool for testing and benchmarks, not for real data. A synthetic
//! province, the same for the same seed.

use std::io::IsTerminal;
use std::path::Path;

use crate::error::Result;
use crate::generate::{Spec, generate};
use crate::store::Store;

pub fn run(path: &Path, spec: &Spec) -> Result<()> {
    let mut store = Store::open(path)?;
    generate(&mut store, spec, std::io::stderr().is_terminal())
}
