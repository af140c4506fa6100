//! The file one laptop gives another: a zip holding `manifest.json` (what it is,
//! from whom, how far each laptop's changes run, a SHA-256 of the changes) and
//! `changes.bin` (every change, framed). A zip, because every office machine opens
//! one and its CRCs catch a copy cut short; the SHA-256 catches a change made on
//! purpose or by a tool that rewrote the file.
//!
//! `changes.bin`, each change in turn: the origin's length (one byte) and its id, then
//! the sequence number and the stamp (i64, little-endian), the changeset's length
//! (u32, little-endian) and the changeset.

use std::io::{Cursor, Read, Write};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::i18n::{T, t};
use crate::store::Entry;

/// The bundle format this tct writes and reads.
pub const FORMAT: u32 = 1;

/// A bundle's header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    /// The schema version of the database that wrote it.
    pub schema: i64,
    /// Only copies of one database exchange changes.
    pub lineage: String,
    pub sender: Sender,
    /// When it was written, UTC.
    pub made_at: String,
    /// Each laptop whose changes it carries, and how far they run.
    pub origins: Vec<OriginRange>,
    pub changes: usize,
    /// SHA-256 of `changes.bin`, in hex.
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sender {
    pub replica: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OriginRange {
    pub replica: String,
    pub first: i64,
    pub last: i64,
}

fn damaged() -> Error {
    Error::User(t(T::ErrBundleDamaged).into())
}

fn frame(entries: &[Entry]) -> Vec<u8> {
    let mut out = Vec::new();
    for e in entries {
        out.push(e.origin.len() as u8);
        out.extend_from_slice(e.origin.as_bytes());
        out.extend_from_slice(&e.seq.to_le_bytes());
        out.extend_from_slice(&e.stamp.to_le_bytes());
        out.extend_from_slice(&(e.changes.len() as u32).to_le_bytes());
        out.extend_from_slice(&e.changes);
    }
    out
}

fn unframe(mut bytes: &[u8]) -> Result<Vec<Entry>> {
    fn take<'a>(b: &mut &'a [u8], n: usize) -> Result<&'a [u8]> {
        if b.len() < n {
            return Err(damaged());
        }
        let (head, rest) = b.split_at(n);
        *b = rest;
        Ok(head)
    }
    let i64_at = |b: &[u8]| i64::from_le_bytes(b.try_into().unwrap_or_default());
    let mut out = Vec::new();
    while !bytes.is_empty() {
        let n = take(&mut bytes, 1)?[0] as usize;
        let origin = std::str::from_utf8(take(&mut bytes, n)?)
            .map_err(|_| damaged())?
            .to_string();
        let seq = i64_at(take(&mut bytes, 8)?);
        let stamp = i64_at(take(&mut bytes, 8)?);
        let len = u32::from_le_bytes(take(&mut bytes, 4)?.try_into().map_err(|_| damaged())?);
        let changes = take(&mut bytes, len as usize)?.to_vec();
        out.push(Entry {
            origin,
            seq,
            stamp,
            changes,
        });
    }
    Ok(out)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The manifest for `entries` (its `sha256` and counts filled in here).
fn manifest_for(mut m: Manifest, entries: &[Entry], body: &[u8]) -> Manifest {
    let mut origins: Vec<OriginRange> = Vec::new();
    for e in entries {
        match origins.iter_mut().find(|o| o.replica == e.origin) {
            Some(o) => {
                o.first = o.first.min(e.seq);
                o.last = o.last.max(e.seq);
            }
            None => origins.push(OriginRange {
                replica: e.origin.clone(),
                first: e.seq,
                last: e.seq,
            }),
        }
    }
    m.origins = origins;
    m.changes = entries.len();
    m.sha256 = hex(&Sha256::digest(body));
    m
}

/// A bundle's bytes.
pub fn write(header: Manifest, entries: &[Entry]) -> Result<Vec<u8>> {
    let body = frame(entries);
    let manifest = manifest_for(header, entries, &body);
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let bad = |e: &dyn std::fmt::Display| Error::User(format!("{}: {e}", t(T::ErrBundleWrite)));
    zip.start_file("manifest.json", opts).map_err(|e| bad(&e))?;
    zip.write_all(
        serde_json::to_string_pretty(&manifest)
            .map_err(|e| bad(&e))?
            .as_bytes(),
    )?;
    zip.start_file("changes.bin", opts).map_err(|e| bad(&e))?;
    zip.write_all(&body)?;
    Ok(zip.finish().map_err(|e| bad(&e))?.into_inner())
}

/// A bundle read back: refused whole if it is cut short, altered, or not a bundle.
pub fn read(bytes: &[u8]) -> Result<(Manifest, Vec<Entry>)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| damaged())?;
    let mut part = |name: &str| -> Result<Vec<u8>> {
        let mut f = zip.by_name(name).map_err(|_| damaged())?;
        let mut out = Vec::new();
        f.read_to_end(&mut out).map_err(|_| damaged())?;
        Ok(out)
    };
    let manifest: Manifest =
        serde_json::from_slice(&part("manifest.json")?).map_err(|_| damaged())?;
    if manifest.format > FORMAT {
        return Err(Error::User(t(T::ErrBundleNewer).into()));
    }
    let body = part("changes.bin")?;
    if hex(&Sha256::digest(&body)) != manifest.sha256 {
        return Err(damaged());
    }
    let entries = unframe(&body)?;
    if entries.len() != manifest.changes {
        return Err(damaged());
    }
    Ok((manifest, entries))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header() -> Manifest {
        Manifest {
            format: FORMAT,
            schema: 11,
            lineage: "l".into(),
            sender: Sender {
                replica: "a".into(),
                name: "MAY-A".into(),
            },
            made_at: "2026-12-01T00:00:00Z".into(),
            origins: Vec::new(),
            changes: 0,
            sha256: String::new(),
        }
    }

    fn entries() -> Vec<Entry> {
        vec![
            Entry {
                origin: "a".into(),
                seq: 1,
                stamp: 10,
                changes: vec![1, 2, 3],
            },
            Entry {
                origin: "b".into(),
                seq: 4,
                stamp: -1,
                changes: Vec::new(),
            },
        ]
    }

    #[test]
    fn a_bundle_reads_back_as_written() {
        let bytes = write(header(), &entries()).unwrap();
        let (m, e) = read(&bytes).unwrap();
        assert_eq!(e, entries());
        assert_eq!(m.changes, 2);
        assert_eq!(
            m.origins,
            vec![
                OriginRange {
                    replica: "a".into(),
                    first: 1,
                    last: 1
                },
                OriginRange {
                    replica: "b".into(),
                    first: 4,
                    last: 4
                }
            ]
        );
    }

    #[test]
    fn a_bundle_cut_short_or_altered_is_refused() {
        let bytes = write(header(), &entries()).unwrap();
        for cut in [bytes.len() / 2, bytes.len() - 1, 10] {
            assert!(read(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        // The changes rewritten with a manifest that no longer matches them.
        let (m, mut e) = read(&bytes).unwrap();
        e[0].changes = vec![9, 9, 9];
        let body = frame(&e);
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default();
        zip.start_file("manifest.json", opts).unwrap();
        zip.write_all(serde_json::to_string(&m).unwrap().as_bytes())
            .unwrap();
        zip.start_file("changes.bin", opts).unwrap();
        zip.write_all(&body).unwrap();
        let forged = zip.finish().unwrap().into_inner();
        assert!(read(&forged).is_err());
        // A newer format is not guessed at.
        let newer = Manifest {
            format: FORMAT + 1,
            ..header()
        };
        let err = read(&write(newer, &entries()).unwrap())
            .unwrap_err()
            .to_string();
        assert!(err.contains("mới hơn"), "{err}");
    }
}
