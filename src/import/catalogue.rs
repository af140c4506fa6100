//! The province's units and the abbreviations offices write them by, bundled in the
//! binary (a secretary's laptop has `tct.exe`, not `assets/`). A database takes them
//! in at its first import, in that import's one transaction, merged with the units it
//! already has (matched as a units file is: by code, else by name and kind).

use chrono::NaiveDate;

use crate::domain::text::nfc;
use crate::error::{Error, Result};
use crate::model::AliasRec;
use crate::store::{Store, Tx};

use super::ImportKind;
use super::plan::{self, Action, Counts};
use super::resolve::{UnitIndex, abbrev_key, norm, parse_kind};
use super::{columns, read, rows};

/// `assets/mau-don-vi.csv`: the province, its former districts and communes (to
/// 30/06/2025), its 65 communes and wards (from 01/07/2025), its departments before
/// and after the merger of 01/03/2025, with successors.
pub const UNITS_CSV: &str = include_str!("../../assets/mau-don-vi.csv");
/// `assets/bi-danh-don-vi.csv`: abbreviation; unit name; kind.
pub const ALIASES_CSV: &str = include_str!("../../assets/bi-danh-don-vi.csv");
/// Changed with the bundled lists, so that a database takes in what is new once.
pub const VERSION: &str = "2025-07-01";
const SETTING: &str = "catalogue";

/// What loading the catalogue wrote (or, in a dry run, would write).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Loaded {
    pub units: Counts,
    pub aliases: usize,
}

/// Whether the database has not taken in this version of the catalogue.
pub fn wanted(store: &Store) -> Result<bool> {
    Ok(store.setting(SETTING)?.as_deref() != Some(VERSION))
}

fn bundled(why: String) -> Error {
    Error::User(format!("assets/mau-don-vi.csv: {why}"))
}

/// Writes the catalogue through `tx`; `store` reads what it wrote.
pub fn load(store: &Store, tx: &Tx, as_of: NaiveDate) -> Result<Loaded> {
    let text = UNITS_CSV.trim_start_matches('\u{feff}');
    let score = |cells: &[read::Cell]| columns::score(Some(ImportKind::Units), cells);
    let sheet = read::Sheet {
        rows: read::read_csv(text, &score)?,
        merges: Vec::new(),
    };
    let cols = columns::locate(&sheet, Some(ImportKind::Units))?;
    let parsed = rows::units(&sheet.rows, &cols);
    let mut problems = parsed.problems;
    let mut ix = UnitIndex::with_aliases(store.import_units()?, &store.aliases()?);
    if let Some(p) = problems.first() {
        return Err(bundled(format!("{} {}: {}", p.header, p.row, p.reason)));
    }
    // A row the database already has in another form ("Sở Văn hoá, …" with the old
    // placement of the tone mark) is a problem for a units file; here the database's
    // unit stays as it is, and the row is left out rather than stop every import.
    let plans = plan::units(store, &mut ix, parsed.records, &cols, as_of, &mut problems)?;
    let mut loaded = Loaded::default();
    for p in &plans {
        loaded.units.add(&p.action);
    }
    if plans
        .iter()
        .any(|p| !matches!(p.action, Action::Unchanged(_)))
    {
        plan::apply_units(tx, &plans)?;
    }
    let units = store.import_units()?;
    let mut keys = std::collections::HashSet::new();
    for (alias, name, kind) in alias_rows()? {
        let found: Vec<i64> = units
            .iter()
            .filter(|u| norm(&u.name) == norm(&name) && kind.is_none_or(|k| u.kind == k))
            .map(|u| u.id)
            .collect();
        // A unit the database holds twice (or was left out above) gets no alias.
        let [unit_id] = found.as_slice() else {
            continue;
        };
        let key = abbrev_key(&alias);
        if keys.insert(key.clone()) {
            loaded.aliases += 1;
        }
        tx.put_alias(&AliasRec {
            key,
            alias,
            unit_id: *unit_id,
            by_user: false,
        })?;
    }
    tx.set_setting(SETTING, VERSION)?;
    Ok(loaded)
}

/// The bundled aliases: (alias, unit name, kind).
fn alias_rows() -> Result<Vec<(String, String, Option<crate::domain::unit::UnitKind>)>> {
    let text = ALIASES_CSV.trim_start_matches('\u{feff}');
    let score = |cells: &[read::Cell]| match cells.first() {
        Some(read::Cell::Text(h)) if columns::header_key(h) == "bi danh" => cells.len(),
        _ => 0,
    };
    let sheet = read::read_csv(text, &score)?;
    let cell = |c: Option<&read::Cell>| match c {
        Some(read::Cell::Text(s)) => nfc(s.trim()),
        _ => String::new(),
    };
    Ok(sheet
        .iter()
        .skip(1)
        .map(|r| {
            (
                cell(r.cells.first()),
                cell(r.cells.get(1)),
                parse_kind(&cell(r.cells.get(2))),
            )
        })
        .filter(|(a, n, _)| !a.is_empty() && !n.is_empty())
        .collect())
}
