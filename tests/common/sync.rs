//! What the tests of several laptops share (issue 15): copies of the demo database
//! and the content of the tables that travel, to compare laptops by.

use rusqlite::types::Value;
use tct::store::Store;
use tempfile::TempDir;

/// The tables whose rows travel between laptops, listed here apart from the store's
/// own list so that a table left out there shows as laptops that differ.
pub const SYNCED: &[&str] = &[
    "unit",
    "unit_successor",
    "unit_alias",
    "target",
    "reading",
    "task",
    "extension",
    "inspection",
    "conclusion_item",
    "deleted_task",
    "deleted_extension",
    "deleted_task_imported",
    "setting",
    "sync_decision",
];

/// The demo in `demo.db`, then `n` more laptops' copies of that file.
pub fn laptops(n: usize) -> (TempDir, Vec<Store>) {
    let (dir, store) = super::demo_store();
    let first = dir.path().join("demo.db");
    drop(store);
    let mut out = vec![Store::open(&first).unwrap()];
    for i in 0..n {
        let copy = dir.path().join(format!("laptop-{i}.db"));
        std::fs::copy(&first, &copy).unwrap();
        out.push(Store::open(&copy).unwrap());
    }
    (dir, out)
}

/// A value as `sync_conflict` keeps it (JSON).
pub fn json(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Integer(i) => i.to_string(),
        Value::Real(f) => serde_json::Number::from_f64(*f).map_or("null".into(), |n| n.to_string()),
        Value::Text(s) => serde_json::Value::from(s.clone()).to_string(),
        Value::Blob(b) => format!("{b:?}"),
    }
}

/// Every row of every travelling table, in key order: equal text, equal content.
pub fn content(store: &Store) -> String {
    let c = store.connection();
    let mut out = String::new();
    for table in SYNCED {
        let mut st = c
            .prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2"))
            .unwrap();
        let n = st.column_count();
        let rows = st
            .query_map([], |r| {
                (0..n)
                    .map(|i| r.get::<_, Value>(i).map(|v| json(&v)))
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .unwrap();
        for row in rows {
            out.push_str(&format!("{table} {}\n", row.unwrap().join("|")));
        }
    }
    out
}
