//! `tct sync`: exchanging what each laptop recorded, by a file.

use std::path::Path;

use crate::cli::SyncWhat;
use crate::domain::text::printable;
use crate::error::Result;
use crate::i18n::{T, t};
use crate::store::{Decision, Merged, Store};

fn shown(p: &Path) -> String {
    printable(&p.display().to_string())
}

/// "3 thay đổi mới, 12 đã có": what a bundle brought, and what waits for a person.
fn taken_line(m: &Merged) -> String {
    let mut line = t(T::SyncTaken)
        .replace("{new}", &m.new.to_string())
        .replace("{known}", &m.known.to_string());
    if m.waiting > 0 {
        line.push_str(&t(T::SyncWaiting).replace("{n}", &m.waiting.to_string()));
    }
    if m.conflicts > 0 {
        line.push_str(&t(T::SyncConflictsWait).replace("{n}", &m.conflicts.to_string()));
    }
    line
}

pub fn run(store: &mut Store, what: &SyncWhat) -> Result<()> {
    match what {
        SyncWhat::Export { output } => {
            let n = crate::sync::export(store, output)?;
            println!(
                "{}",
                t(T::SyncWritten)
                    .replace("{n}", &n.to_string())
                    .replace("{p}", &shown(output))
            );
        }
        SyncWhat::Import { file } => {
            let m = crate::sync::import(store, file)?;
            println!("{}: {}", shown(file), taken_line(&m));
        }
        SyncWhat::Dir { path } => {
            let d = crate::sync::dir(store, path)?;
            for (f, m) in &d.taken {
                println!("{}: {}", shown(f), taken_line(m));
            }
            for (f, why) in &d.refused {
                println!("{}: {why}", shown(f));
            }
            println!(
                "{}",
                t(T::SyncWritten)
                    .replace("{n}", &d.sent.to_string())
                    .replace("{p}", &shown(&d.written))
            );
        }
        SyncWhat::Status => {
            let s = store.sync_status()?;
            println!(
                "{}",
                t(T::SyncThisLaptop)
                    .replace("{name}", &printable(&s.me.name))
                    .replace("{id}", &s.me.id[..8.min(s.me.id.len())])
                    .replace("{n}", &s.own.to_string())
            );
            if s.peers.is_empty() {
                println!("{}", t(T::SyncNoPeers));
            }
            for (name, heard, n) in &s.peers {
                println!(
                    "{}",
                    t(T::SyncPeer)
                        .replace("{name}", &printable(name))
                        .replace(
                            "{at}",
                            &heard
                                .as_deref()
                                .map_or_else(|| "–".to_string(), crate::sync::words::when_words),
                        )
                        .replace("{n}", &n.to_string())
                );
            }
            println!(
                "{}",
                t(T::SyncConflictCount).replace("{n}", &s.conflicts.to_string())
            );
        }
        SyncWhat::Conflicts { all } => {
            let rows = store.sync_conflicts(*all)?;
            if rows.is_empty() {
                println!("{}", t(T::SyncNoConflicts));
            }
            for r in &rows {
                println!("{}", printable(&crate::sync::words::line(r)));
            }
        }
        SyncWhat::Resolve { id, restore, .. } => {
            let decision = if *restore {
                Decision::Restore
            } else {
                Decision::Keep
            };
            let row = store.decide_conflict(id, decision)?;
            println!("{}: #{}", t(T::SyncResolved), row.id);
        }
    }
    Ok(())
}
