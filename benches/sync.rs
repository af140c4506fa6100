//! Exchanging changes between laptops (issue 15): how long a bundle of N changes
//! takes to write and to take in, beside copying the whole database file. Usage:
//! `cargo bench --bench sync [N]` (default 10000); prints a Markdown table.
//!
//! Laptop A makes N changes (readings of the demo's targets, one write each), laptop
//! B makes 100 of its own after them; B then takes in A's bundle, which places A's
//! changes before B's own: B's are undone and made again, the dearer case.

use std::time::Instant;

use tct::store::{DemoData, Store, load_demo};

fn main() {
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10_000);
    // In memory-backed storage where there is one: the figures are tct's work, not the
    // disk's flushes, which each write pays anyway.
    let base = std::path::Path::new("/dev/shm");
    let dir = if base.is_dir() {
        tempfile::tempdir_in(base).expect("temp dir")
    } else {
        tempfile::tempdir().expect("temp dir")
    };
    let a_path = dir.path().join("a.db");
    let b_path = dir.path().join("b.db");
    {
        let mut a = Store::open(&a_path).expect("opens");
        load_demo(&mut a, &DemoData::bundled()).expect("demo");
    }
    std::fs::copy(&a_path, &b_path).expect("copies");
    let mut a = Store::open(&a_path).expect("opens");
    let mut b = Store::open(&b_path).expect("opens");
    let targets: Vec<i64> = a
        .connection()
        .prepare("SELECT id FROM target ORDER BY id")
        .expect("prepares")
        .query_map([], |r| r.get(0))
        .expect("runs")
        .collect::<Result<_, _>>()
        .expect("reads");
    let day0 = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).expect("date");
    let made = Instant::now();
    for i in 0..n {
        let target = targets[i % targets.len()];
        let on = day0 + chrono::Days::new((i / targets.len()) as u64);
        a.write(|tx| tx.set_reading(target, on, i as f64))
            .expect("writes");
    }
    let made = made.elapsed();
    for i in 0..100 {
        b.write(|tx| tx.set_reading(targets[0], day0 - chrono::Days::new(i + 1), 1.0))
            .expect("writes");
    }

    let t = Instant::now();
    let bytes = tct::sync::bundle_of(&mut a).expect("bundle");
    let export = t.elapsed();
    let t = Instant::now();
    let merged = tct::sync::take(&mut b, &bytes).expect("takes in");
    let apply = t.elapsed();
    assert_eq!(merged.new, n, "every change taken in");
    let t = Instant::now();
    let again = tct::sync::take(&mut b, &bytes).expect("takes in again");
    let twice = t.elapsed();
    assert_eq!(again.new, 0);
    let copy_to = dir.path().join("copy.db");
    let t = Instant::now();
    std::fs::copy(&a_path, &copy_to).expect("copies");
    let copy = t.elapsed();
    let size = std::fs::metadata(&a_path).expect("size").len();

    // What keeping a write's changes costs it: one large write (an import's), kept
    // and not kept.
    let unit: i64 = a
        .connection()
        .query_row("SELECT min(id) FROM unit", [], |r| r.get(0))
        .expect("a unit");
    let many = |tx: &tct::store::Tx| -> tct::error::Result<()> {
        for i in 0..20_000 {
            tx.insert_task(&tct::model::NewTask {
                title: format!("Nhiệm vụ số {i} từ tệp của văn phòng"),
                unit_id: unit,
                ..Default::default()
            })?;
        }
        Ok(())
    };
    let t = Instant::now();
    a.write(many).expect("writes");
    let kept = t.elapsed();
    let t = Instant::now();
    b.write_base(many).expect("writes");
    let unkept = t.elapsed();

    let ms = |d: std::time::Duration| format!("{:.0} ms", d.as_secs_f64() * 1000.0);
    println!(
        "| changes | bundle | write bundle | take in (100 own undone and redone) | same bundle again | copy the file ({} KB) | making them, one write each |",
        size / 1024
    );
    println!("|---|---|---|---|---|---|---|");
    println!(
        "| {n} | {} KB | {} | {} | {} | {} | {} |",
        bytes.len() / 1024,
        ms(export),
        ms(apply),
        ms(twice),
        ms(copy),
        ms(made)
    );
    println!();
    println!(
        "One write of 20,000 new tasks (an import's size): {} with its changes kept, {} without.",
        ms(kept),
        ms(unkept)
    );
}
