//! Random weeks of a working group on three to five laptops (issue 15): each records
//! with tct's own store functions (new inspections with directives, completions,
//! extensions, readings, a directive's text edited, inspections deleted), and bundles
//! travel in random orders, twice, not at all, relayed through others, cut short on
//! the way, or stopped partway through being applied. At the end, after every laptop has heard from
//! every other, all hold the same rows, and every value typed anywhere that no one
//! replaced knowingly is either the value now or listed as a conflict.
//!
//! `TCT_SYNC_SEEDS` and `TCT_SYNC_STEPS` make a longer run; a failure names its seed.

mod common;

use std::collections::BTreeSet;

use common::sync::{content, json};
use common::{Lcg, date, env_count};
use rusqlite::types::Value;
use tct::domain::inspection::ItemKind;
use tct::model::{InspectionInput, ItemInput};
use tct::store::Store;
use tempfile::TempDir;

/// A value typed on one laptop: which field, what, and the writes to that field it
/// replaced knowingly (those its laptop had seen).
struct Write {
    table: &'static str,
    key: String,
    column: &'static str,
    value: String,
    replaces: BTreeSet<usize>,
}

struct Laptop {
    store: Store,
    /// The writes whose effect this laptop has seen.
    known: BTreeSet<usize>,
}

fn ids(store: &Store, sql: &str) -> Vec<i64> {
    store
        .connection()
        .prepare(sql)
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

fn pick<T: Copy>(rng: &mut Lcg, from: &[T]) -> Option<T> {
    (!from.is_empty()).then(|| from[rng.below(from.len() as u64) as usize])
}

struct World {
    _dir: TempDir,
    laptops: Vec<Laptop>,
    writes: Vec<Write>,
    unit: i64,
}

impl World {
    fn new(n: usize) -> World {
        let (dir, stores) = common::sync::laptops(n - 1);
        let laptops: Vec<Laptop> = stores
            .into_iter()
            .map(|store| Laptop {
                store,
                known: BTreeSet::new(),
            })
            .collect();
        let unit = laptops[0]
            .store
            .resolve_unit(date("23/09/2022"), "Tràng Định")
            .unwrap()
            .0;
        World {
            _dir: dir,
            laptops,
            writes: Vec::new(),
            unit,
        }
    }

    /// Records that laptop `l` wrote `value` into a field.
    fn wrote(
        &mut self,
        l: usize,
        table: &'static str,
        key: String,
        column: &'static str,
        value: String,
    ) {
        let replaces = self.laptops[l]
            .known
            .iter()
            .copied()
            .filter(|&w| {
                let o = &self.writes[w];
                o.table == table && o.key == key && (o.column == column || column.is_empty())
            })
            .collect();
        self.writes.push(Write {
            table,
            key,
            column,
            value,
            replaces,
        });
        self.laptops[l].known.insert(self.writes.len() - 1);
    }

    fn step(&mut self, rng: &mut Lcg, step: usize) {
        let l = rng.below(self.laptops.len() as u64) as usize;
        let s = &self.laptops[l].store;
        let open = ids(
            s,
            "SELECT id FROM task WHERE completed_on IS NULL AND deadline IS NOT NULL ORDER BY id",
        );
        match rng.below(10) {
            0 | 1 => {
                let n = 1 + rng.below(2) as usize;
                let input = InspectionInput {
                    id: None,
                    unit_id: self.unit,
                    held_on: date("20/09/2022"),
                    place: String::new(),
                    chair_name: format!("Tổ trưởng {step}"),
                    chair_title: String::new(),
                    members: String::new(),
                    attendees: String::new(),
                    report: String::new(),
                    items: (0..n)
                        .map(|i| ItemInput {
                            kind: ItemKind::Directive,
                            text: format!("Chỉ đạo {step}.{i} của máy {l}"),
                            deadline: Some(date("31/12/2022")),
                            ..Default::default()
                        })
                        .collect(),
                    removed: Vec::new(),
                };
                self.laptops[l]
                    .store
                    .save_inspection(&input, "2022-09-20T09:00:00")
                    .unwrap();
            }
            2 | 3 => {
                if let Some(t) = pick(rng, &open) {
                    let day = 1 + rng.below(20) as u32;
                    let on = chrono::NaiveDate::from_ymd_opt(2022, 9, day).unwrap();
                    if self.laptops[l].store.set_completed(t, Some(on)).unwrap() {
                        let v = json(&Value::Text(on.format("%Y-%m-%d").to_string()));
                        self.wrote(l, "task", format!("[{t}]"), "completed_on", v);
                    }
                }
            }
            4 | 5 => {
                if let Some(t) = pick(rng, &open) {
                    let day = 1 + rng.below(28) as u32;
                    let to = chrono::NaiveDate::from_ymd_opt(2023, 1 + rng.below(6) as u32, day)
                        .unwrap();
                    let done = self.laptops[l]
                        .store
                        .write(|tx| tx.extend_deadline(t, None, to, "gia hạn"));
                    if done.is_ok() {
                        let v = json(&Value::Text(to.format("%Y-%m-%d").to_string()));
                        self.wrote(l, "task", format!("[{t}]"), "deadline", v);
                    }
                }
            }
            6 | 7 => {
                let targets = ids(s, "SELECT id FROM target ORDER BY id LIMIT 5");
                if let Some(target) = pick(rng, &targets) {
                    let value = rng.below(1000) as f64 / 4.0;
                    let on = date("15/09/2022");
                    self.laptops[l]
                        .store
                        .write(|tx| tx.set_reading(target, on, value))
                        .unwrap();
                    let key = format!("[{target},\"2022-09-15\"]");
                    self.wrote(l, "reading", key, "value", json(&Value::Real(value)));
                }
            }
            8 => {
                let items = ids(
                    s,
                    "SELECT i.id FROM conclusion_item i JOIN inspection n ON n.id = i.inspection_id
                     WHERE n.deleted_at IS NULL ORDER BY i.id",
                );
                if let Some(item) = pick(rng, &items) {
                    let text = format!("Sửa ở máy {l}, bước {step}");
                    if edit_item(&mut self.laptops[l].store, item, &text) {
                        let v = json(&Value::Text(text));
                        self.wrote(l, "conclusion_item", format!("[{item}]"), "text", v);
                    }
                }
            }
            _ => {
                let live = ids(
                    s,
                    "SELECT id FROM inspection WHERE deleted_at IS NULL ORDER BY id DESC LIMIT 3",
                );
                if let Some(ins) = pick(rng, &live) {
                    let tasks = ids(
                        s,
                        &format!("SELECT id FROM task WHERE inspection_id = {ins} ORDER BY id"),
                    );
                    let gone = self.laptops[l]
                        .store
                        .write(|tx| tx.delete_inspection(ins, true, "2022-09-21T08:00:00"))
                        .unwrap();
                    if gone.is_some() {
                        // Deleting a task replaces, knowingly, what this laptop saw
                        // written into it.
                        for t in tasks {
                            self.wrote(l, "task", format!("[{t}]"), "", "deleted".into());
                        }
                    }
                }
            }
        }
    }

    /// Laptop `to` takes in `from`'s bundle; sometimes twice, sometimes cut short
    /// (then nothing of it may stay).
    fn exchange(&mut self, rng: &mut Lcg, from: usize, to: usize) {
        let bytes = tct::sync::bundle_of(&mut self.laptops[from].store).unwrap();
        if rng.below(8) == 0 {
            // Cut short on the way (a USB stick pulled out): refused, nothing taken.
            let before = content(&self.laptops[to].store);
            let cut = 1 + rng.below(bytes.len() as u64 - 1) as usize;
            assert!(tct::sync::take(&mut self.laptops[to].store, &bytes[..cut]).is_err());
            assert_eq!(
                before,
                content(&self.laptops[to].store),
                "a refused bundle left a trace"
            );
            return;
        }
        if rng.below(8) == 0 {
            // Stopped partway through being applied (the lid closed, the power gone):
            // the last change it brings cannot be applied, after the others were.
            // Nothing of it may stay.
            let (m, mut entries) = tct::sync::bundle::read(&bytes).unwrap();
            if let Some(last) = entries.iter_mut().max_by_key(|e| e.stamp) {
                last.changes = vec![0x54; 40];
            }
            let broken = tct::sync::bundle::write(m, &entries).unwrap();
            let before = content(&self.laptops[to].store);
            if let Err(e) = tct::sync::take(&mut self.laptops[to].store, &broken) {
                // Said as the bundle's damage, not the database's.
                assert!(e.to_string().contains("tệp trao đổi bị hỏng"), "{e}");
                assert_eq!(
                    before,
                    content(&self.laptops[to].store),
                    "an import stopped partway left a trace"
                );
                return;
            }
            // The broken change was one it had already: taken in like any bundle.
        }
        let times = if rng.below(5) == 0 { 2 } else { 1 };
        for _ in 0..times {
            tct::sync::take(&mut self.laptops[to].store, &bytes).unwrap();
        }
        let seen = self.laptops[from].known.clone();
        self.laptops[to].known.extend(seen);
    }

    fn check(&self, seed: u64) {
        let all = content(&self.laptops[0].store);
        for (i, l) in self.laptops.iter().enumerate() {
            assert!(
                all == content(&l.store),
                "seed {seed}: laptop {i} differs from laptop 0"
            );
        }
        let store = &self.laptops[0].store;
        let conflicts: Vec<(String, String, String, String, Option<String>)> = store
            .connection()
            .prepare("SELECT tbl, row_key, col, kind, lost FROM sync_conflict")
            .unwrap()
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let replaced: BTreeSet<usize> = self
            .writes
            .iter()
            .flat_map(|w| w.replaces.clone())
            .collect();
        for (i, w) in self.writes.iter().enumerate() {
            if replaced.contains(&i) || w.column.is_empty() {
                continue;
            }
            let keys: Vec<Value> = serde_json::from_str::<Vec<serde_json::Value>>(&w.key)
                .unwrap()
                .into_iter()
                .map(|k| match k {
                    serde_json::Value::Number(n) => Value::Integer(n.as_i64().unwrap()),
                    other => Value::Text(other.as_str().unwrap().to_string()),
                })
                .collect();
            let key_cols = if w.table == "reading" {
                "target_id = ?1 AND on_date = ?2"
            } else {
                "id = ?1"
            };
            let now: Option<Value> = store
                .connection()
                .query_row(
                    &format!("SELECT {} FROM {} WHERE {key_cols}", w.column, w.table),
                    rusqlite::params_from_iter(keys.iter()),
                    |r| r.get(0),
                )
                .ok();
            if now.as_ref().map(json).as_deref() == Some(w.value.as_str()) {
                continue;
            }
            let listed = conflicts.iter().any(|(t, k, c, kind, lost)| {
                t == w.table
                    && *k == w.key
                    && ((c == w.column && lost.as_deref() == Some(w.value.as_str()))
                        || (c.is_empty()
                            && ["deleted", "edit_lost", "refused"].contains(&kind.as_str())))
            });
            assert!(
                listed,
                "seed {seed}: {}.{} of {} = {} was lost: now {:?}, conflicts {conflicts:?}",
                w.table, w.column, w.key, w.value, now
            );
        }
    }
}

/// Changes a directive's text as the form saves it: the whole record again.
fn edit_item(store: &mut Store, item: i64, text: &str) -> bool {
    let ins: i64 = store
        .connection()
        .query_row(
            "SELECT inspection_id FROM conclusion_item WHERE id = ?1",
            [item],
            |r| r.get(0),
        )
        .unwrap();
    common::save_again(store, ins, None, |_, i| {
        if i.id == Some(item) {
            i.text = text.into();
        }
    })
    .is_some()
}

#[test]
fn laptops_exchanging_at_random_end_with_the_same_rows_and_nothing_lost() {
    let seeds = env_count("TCT_SYNC_SEEDS", 6);
    let steps = env_count("TCT_SYNC_STEPS", 50) as usize;
    for seed in 1..=seeds {
        let mut rng = Lcg(seed * 7919);
        let n = 3 + rng.below(3) as usize;
        let mut world = World::new(n);
        for step in 0..steps {
            if rng.below(3) == 0 {
                let from = rng.below(n as u64) as usize;
                let to = (from + 1 + rng.below(n as u64 - 1) as usize) % n;
                world.exchange(&mut rng, from, to);
            } else {
                world.step(&mut rng, step);
            }
        }
        // Everyone hears from everyone: twice round, so what came in the first round
        // goes on in the second.
        for _ in 0..2 {
            for from in 0..n {
                for to in 0..n {
                    if from != to {
                        let bytes = tct::sync::bundle_of(&mut world.laptops[from].store).unwrap();
                        tct::sync::take(&mut world.laptops[to].store, &bytes).unwrap();
                        let seen = world.laptops[from].known.clone();
                        world.laptops[to].known.extend(seen);
                    }
                }
            }
        }
        world.check(seed);
    }
}
