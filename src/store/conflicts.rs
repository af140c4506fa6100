//! What a change meets where it does not find a row as its laptop left it, and the
//! values it writes over (sync, issue 15). The rule is the same on every laptop: the
//! change placed later in the order wins; what it wrote over is kept here, so no
//! value typed anywhere is lost without a trace.

use std::collections::HashMap;

use rusqlite::types::Value;

use super::session::{self, Action, Clash, Conflict, Op};
use crate::error::Result;

/// A value written over, or a change left out, as `sync_conflict` keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lost {
    pub table: String,
    /// The row's key values, as JSON.
    pub row_key: String,
    /// The column; empty for the whole row.
    pub column: String,
    /// `overwritten`, `deleted`, `edit_lost` or `refused`.
    pub kind: &'static str,
    /// JSON.
    pub lost: Option<String>,
    pub won: Option<String>,
}

fn json(v: &Value) -> serde_json::Value {
    match v {
        Value::Null => serde_json::Value::Null,
        Value::Integer(i) => (*i).into(),
        Value::Real(f) => {
            serde_json::Number::from_f64(*f).map_or(serde_json::Value::Null, Into::into)
        }
        Value::Text(s) => s.clone().into(),
        Value::Blob(b) => b
            .iter()
            .map(|x| format!("{x:02x}"))
            .collect::<String>()
            .into(),
    }
}

fn key_of(values: &[Option<Value>], pk: &[bool]) -> String {
    let key: Vec<serde_json::Value> = values
        .iter()
        .zip(pk)
        .filter(|(_, k)| **k)
        .map(|(v, _)| v.as_ref().map_or(serde_json::Value::Null, json))
        .collect();
    serde_json::Value::Array(key).to_string()
}

/// The row's values as a JSON object by column name.
fn row_json(values: &[Option<Value>], names: &[String]) -> String {
    let map: serde_json::Map<String, serde_json::Value> = values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            let name = names.get(i).cloned().unwrap_or_else(|| i.to_string());
            v.as_ref().map(|v| (name, json(v)))
        })
        .collect();
    serde_json::Value::Object(map).to_string()
}

/// The change finds the row already as it would leave it: a row it deletes is gone,
/// the values it writes are there. So it is when a cascade of the database's own
/// foreign keys did it first, or the change was applied before.
pub(super) fn already_in_place(clash: &Clash) -> bool {
    let ch = &clash.change;
    match (clash.kind, ch.op) {
        (Conflict::NotFound, Op::Delete) => true,
        (Conflict::Data, Op::Update) | (Conflict::Exists, Op::Insert) => {
            (0..ch.new.len()).all(|i| {
                ch.new[i].is_none()
                    || ch.pk.get(i).copied().unwrap_or(false)
                    || ch.new[i].as_ref() == clash.current.get(i)
            })
        }
        _ => false,
    }
}

/// What to do with a clash and what it writes over. The change is later in the
/// order than whatever is in the row, so it wins; a value it writes over that its
/// own laptop had not seen is kept. A change already in place (the same bundle
/// twice, the same value typed on two laptops) is no clash at all.
pub(super) fn clash_record(
    clash: &Clash,
    columns: &HashMap<String, Vec<String>>,
) -> (Action, Vec<Lost>) {
    let ch = &clash.change;
    let none = Vec::new();
    let names = columns.get(&ch.table).unwrap_or(&none);
    let name = |i: usize| names.get(i).cloned().unwrap_or_else(|| i.to_string());
    let current = |i: usize| clash.current.get(i).cloned().unwrap_or(Value::Null);
    let lost = |column: String, kind, lost: Option<String>, won: Option<String>| Lost {
        table: ch.table.clone(),
        row_key: key_of(
            if ch.op == Op::Insert {
                &ch.new
            } else {
                &ch.old
            },
            &ch.pk,
        ),
        column,
        kind,
        lost,
        won,
    };
    match (clash.kind, ch.op) {
        (Conflict::Data, Op::Update) | (Conflict::Exists, Op::Insert) => {
            if already_in_place(clash) {
                return (Action::Omit, Vec::new());
            }
            let written: Vec<usize> = (0..ch.new.len())
                .filter(|&i| ch.new[i].is_some() && !ch.pk.get(i).copied().unwrap_or(false))
                .collect();
            let records = written
                .iter()
                .filter(|&&i| {
                    let now = current(i);
                    let before = ch.old.get(i).cloned().flatten();
                    ch.new[i].as_ref() != Some(&now) && before.as_ref() != Some(&now)
                })
                .map(|&i| {
                    lost(
                        name(i),
                        "overwritten",
                        Some(json(&current(i)).to_string()),
                        ch.new[i].as_ref().map(|v| json(v).to_string()),
                    )
                })
                .collect();
            (Action::Replace, records)
        }
        (Conflict::Data, Op::Delete) => {
            let now: Vec<Option<Value>> = clash.current.iter().cloned().map(Some).collect();
            (
                Action::Replace,
                vec![lost(
                    String::new(),
                    "deleted",
                    Some(row_json(&now, names)),
                    None,
                )],
            )
        }
        (Conflict::NotFound, Op::Update) => (
            Action::Omit,
            vec![lost(
                String::new(),
                "edit_lost",
                Some(row_json(&ch.new, names)),
                None,
            )],
        ),
        (Conflict::NotFound, _) => (Action::Omit, Vec::new()),
        _ => (
            Action::Omit,
            vec![lost(
                String::new(),
                "refused",
                Some(row_json(
                    if ch.op == Op::Delete {
                        &ch.old
                    } else {
                        &ch.new
                    },
                    names,
                )),
                None,
            )],
        ),
    }
}

/// A change left out whole (it broke a foreign key: it names a row deleted before it
/// in the order): each of its rows is kept, as it would have been written.
pub(super) fn refused_records(
    changes: &[u8],
    columns: &HashMap<String, Vec<String>>,
) -> Result<Vec<Lost>> {
    let none = Vec::new();
    Ok(session::changes(changes)?
        .into_iter()
        .map(|c| {
            let values = if c.op == Op::Delete { &c.old } else { &c.new };
            Lost {
                table: c.table.clone(),
                row_key: key_of(if c.op == Op::Insert { &c.new } else { &c.old }, &c.pk),
                column: String::new(),
                kind: "refused",
                lost: Some(row_json(values, columns.get(&c.table).unwrap_or(&none))),
                won: None,
            }
        })
        .collect())
}
