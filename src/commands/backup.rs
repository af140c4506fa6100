//! `tct backup FILE`: a consistent copy of the database, whole under its name or not
//! there.

use std::path::Path;

use crate::domain::text::printable;
use crate::error::{Error, Result};
use crate::i18n::{T, t};
use crate::outfile::parent_dir;
use crate::store::Store;

pub fn run(store: &Store, file: &Path) -> Result<()> {
    // Elsewhere "-" is standard output; a database there would be bytes on a screen
    // or a pipe, and a file named "-" is no backup a secretary finds again.
    if crate::outfile::is_stdout(file) {
        return Err(Error::User(t(T::ErrBackupNeedsFile).to_string()));
    }
    // One line a secretary can act on: where, and why not.
    let dir = parent_dir(file);
    if !dir.is_dir() {
        return Err(Error::NoDirectory(dir));
    }
    // Never over the database itself, its -wal or -shm, or a device.
    let dest = crate::outfile::checked(file, store.path())?;
    store.backup_to(&dest)?;
    println!("{}", printable(&file.display().to_string()));
    Ok(())
}
