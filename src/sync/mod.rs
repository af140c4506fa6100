//! Several laptops keeping one record (issue 15): each gives the others a file of
//! every change it knows (`tct sync export`), takes in theirs (`tct sync import`),
//! or does both through a shared folder where each writes only its own file
//! (`tct sync dir`). The database itself never travels or sits on a shared folder:
//! SQLite's locking does not hold there.

pub mod bundle;
pub mod words;

use std::path::{Path, PathBuf};

use crate::domain::text::fold;
use crate::error::{Error, Result};
use crate::i18n::{T, t};
use crate::store::{Merged, Store};

/// The extension of a bundle file.
pub const EXT: &str = "tctsync";

/// A bundle of every change `store` knows.
pub fn bundle_of(store: &mut Store) -> Result<Vec<u8>> {
    let me = store.replica()?;
    let header = bundle::Manifest {
        format: bundle::FORMAT,
        schema: store.schema_version()?,
        lineage: me.lineage,
        sender: bundle::Sender {
            replica: me.id,
            name: me.name,
        },
        made_at: chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        origins: Vec::new(),
        changes: 0,
        sha256: String::new(),
    };
    bundle::write(header, &store.sync_entries()?)
}

/// Writes this laptop's bundle to `path` (replaced if there) and says how many
/// changes it carries.
pub fn export(store: &mut Store, path: &Path) -> Result<usize> {
    let bytes = bundle_of(store)?;
    let path = crate::outfile::checked(path, store.path())?;
    crate::outfile::write_bytes(&path, &bytes)?;
    Ok(bundle::read(&bytes)?.0.changes)
}

/// Takes in a bundle's bytes: refused untouched when it is damaged, of another
/// database, or of another schema.
pub fn take(store: &mut Store, bytes: &[u8]) -> Result<Merged> {
    let (manifest, entries) = bundle::read(bytes)?;
    let ours = store.schema_version()?;
    if manifest.schema > ours {
        return Err(Error::User(t(T::ErrBundleNewer).into()));
    }
    if manifest.schema < ours {
        return Err(Error::User(t(T::ErrBundleOlder).into()));
    }
    store.merge(
        &manifest.lineage,
        (&manifest.sender.replica, &manifest.sender.name),
        entries,
    )
}

/// `tct sync import FILE`.
pub fn import(store: &mut Store, path: &Path) -> Result<Merged> {
    let bytes = std::fs::read(path).map_err(|e| {
        Error::User(format!(
            "{} {}: {}",
            t(T::ErrBundleRead),
            crate::domain::text::printable(&path.display().to_string()),
            crate::error::io_words(&e)
        ))
    })?;
    take(store, &bytes)
}

/// This laptop's file in a shared folder: its name and id, so the others see whose
/// it is and no two laptops write one file.
pub fn own_file(store: &mut Store, dir: &Path) -> Result<PathBuf> {
    let me = store.replica()?;
    let name: String = fold(&me.name)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    Ok(dir.join(format!("tct-{name}-{}.{EXT}", &me.id[..8.min(me.id.len())])))
}

/// What `tct sync dir` did.
#[derive(Debug, Default)]
pub struct DirSync {
    pub taken: Vec<(PathBuf, Merged)>,
    /// Files that could not be taken in, with why; the others still were.
    pub refused: Vec<(PathBuf, String)>,
    pub written: PathBuf,
    pub sent: usize,
}

/// `tct sync dir PATH`: takes in every other laptop's file there, then writes ours
/// (so it carries what was just taken in, for laptops that read only ours).
pub fn dir(store: &mut Store, dir: &Path) -> Result<DirSync> {
    if !dir.is_dir() {
        return Err(Error::NoDirectory(dir.to_path_buf()));
    }
    let ours = own_file(store, dir)?;
    let mut out = DirSync::default();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == EXT) && *p != ours)
        .collect();
    files.sort();
    for f in files {
        match import(store, &f) {
            Ok(m) => out.taken.push((f, m)),
            Err(e) => out.refused.push((f, e.to_string())),
        }
    }
    out.sent = export(store, &ours)?;
    out.written = ours;
    Ok(out)
}
