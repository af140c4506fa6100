//! Which task already in the database a record of the file is. A document number is
//! not a key (one document gives many tasks): a record is its document, its folded
//! title and its lead unit. A title one export cut short ("Rà soát, chuẩn hóa dữ
//! liệu đất…") is the task whose title it begins, when the cut part is long enough to
//! tell and only one task of that document and unit fits. Two tasks that fit equally
//! are a problem naming the row, never a guess.

use std::collections::HashMap;

use crate::i18n::{T, t};
use crate::import::columns::Field;
use crate::import::rows::TaskRow;
use crate::model::TaskRec;

use super::doc_key;

/// The fewest folded characters a cut title must keep to match a longer one.
pub const CUT_TITLE_MIN: usize = 20;

/// The part a title cut with "…" or "..." keeps (folded), when it is long enough to
/// match on.
pub fn cut_prefix(title_key: &str) -> Option<&str> {
    let t = title_key.trim_end();
    if !(t.ends_with('…') || t.ends_with("...")) {
        return None;
    }
    let head = t.trim_end_matches(['…', '.']).trim_end();
    (head.chars().count() >= CUT_TITLE_MIN).then_some(head)
}

/// Whether one of two folded titles is the other cut short (either way round).
pub fn is_cut_of(short: &str, long: &str) -> bool {
    cut_prefix(short).is_some_and(|p| long != short && long.starts_with(p))
}

/// A record the matcher refuses: the column to blame and why.
pub type Refusal = (Field, String);

pub struct Matcher<'a> {
    existing: &'a [TaskRec],
    by_id: HashMap<i64, usize>,
    /// Tasks by (document key, folded title); directives' tasks are matched by id only.
    by_key: HashMap<(String, &'a str), Vec<usize>>,
    /// Tasks by (document key, unit), for titles cut short.
    by_doc_unit: HashMap<(String, i64), Vec<usize>>,
    /// How many records of the file share each key.
    in_file: HashMap<&'a (String, String), usize>,
    /// Existing tasks already matched, and the row that took each.
    claimed: HashMap<usize, usize>,
    /// Records without an id seen so far, by key and unit, with their row.
    seen: HashMap<(&'a (String, String), i64), usize>,
}

impl<'a> Matcher<'a> {
    pub fn new(existing: &'a [TaskRec], keys: &'a [(String, String)]) -> Self {
        let by_id = existing
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id, i))
            .collect();
        let mut by_key: HashMap<(String, &str), Vec<usize>> = HashMap::new();
        let mut by_doc_unit: HashMap<(String, i64), Vec<usize>> = HashMap::new();
        for (i, t) in existing.iter().enumerate() {
            if !t.from_inspection {
                let doc = doc_key(&t.doc_number);
                by_key
                    .entry((doc.clone(), t.title_key.as_str()))
                    .or_default()
                    .push(i);
                by_doc_unit.entry((doc, t.unit_id)).or_default().push(i);
            }
        }
        let mut in_file: HashMap<&(String, String), usize> = HashMap::new();
        for k in keys {
            *in_file.entry(k).or_default() += 1;
        }
        Matcher {
            existing,
            by_id,
            by_key,
            by_doc_unit,
            in_file,
            claimed: HashMap::new(),
            seen: HashMap::new(),
        }
    }

    /// The index of the existing task this record is (`None`: a new task), or the
    /// column to blame and why the record cannot be taken.
    pub fn find(
        &mut self,
        r: &TaskRow,
        key: &'a (String, String),
    ) -> std::result::Result<Option<usize>, Refusal> {
        let dup = |prev: usize| format!("{} {prev}", t(T::ImpDuplicateRow));
        let matched = match r.id {
            Some(id) => match self.by_id.get(&id) {
                Some(i) => Some(*i),
                None => {
                    return Err((Field::TaskId, format!("{}: {id}", t(T::ImpNoSuchTask))));
                }
            },
            None => {
                if let Some(prev) = self.seen.insert((key, r.unit_id), r.row) {
                    return Err((Field::Title, dup(prev)));
                }
                self.by_title(r, key)?
            }
        };
        if let Some(i) = matched
            && let Some(prev) = self.claimed.insert(i, r.row)
        {
            let f = if r.id.is_some() {
                Field::TaskId
            } else {
                Field::Title
            };
            return Err((f, dup(prev)));
        }
        Ok(matched)
    }

    /// By document, title and unit; then the one task of that document and title
    /// when the file has it once (its lead unit changed); then a title cut short.
    fn by_title(
        &self,
        r: &TaskRow,
        key: &(String, String),
    ) -> std::result::Result<Option<usize>, Refusal> {
        let same_key = self
            .by_key
            .get(&(key.0.clone(), key.1.as_str()))
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let here: Vec<usize> = same_key
            .iter()
            .copied()
            .filter(|i| self.existing[*i].unit_id == r.unit_id)
            .collect();
        if !here.is_empty() {
            return self.one_of(&here);
        }
        // A task without a document is its title and unit: a title alone is too
        // common ("Báo cáo quý") to say a task moved to another unit.
        if let [one] = same_key
            && !key.0.is_empty()
            && self.in_file[key] == 1
        {
            return Ok(Some(*one));
        }
        let fits: Vec<usize> = self
            .by_doc_unit
            .get(&(key.0.clone(), r.unit_id))
            .map(Vec::as_slice)
            .unwrap_or(&[])
            .iter()
            .copied()
            .filter(|i| {
                let stored = self.existing[*i].title_key.as_str();
                is_cut_of(&key.1, stored) || is_cut_of(stored, &key.1)
            })
            .collect();
        if fits.is_empty() {
            return Ok(None);
        }
        self.one_of(&fits)
    }

    /// The one task among those that fit: those not taken by an earlier row when
    /// several fit; two or more left is ambiguous.
    fn one_of(&self, fits: &[usize]) -> std::result::Result<Option<usize>, Refusal> {
        if let [one] = fits {
            // Taken already: `find` names the row that took it.
            return Ok(Some(*one));
        }
        let free: Vec<usize> = fits
            .iter()
            .copied()
            .filter(|i| !self.claimed.contains_key(i))
            .collect();
        match free.as_slice() {
            [] => Ok(None),
            [one] => Ok(Some(*one)),
            many => {
                let ids: Vec<String> = many
                    .iter()
                    .map(|i| self.existing[*i].id.to_string())
                    .collect();
                Err((
                    Field::Title,
                    format!("{} {})", t(T::ImpAmbiguousTask), ids.join(", ")),
                ))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_title_is_the_longer_one_it_begins() {
        let full = "ra soat, chuan hoa du lieu dat dai tren dia ban huyen";
        assert!(is_cut_of("ra soat, chuan hoa du lieu dat…", full));
        assert!(is_cut_of("ra soat, chuan hoa du lieu dat ...", full));
        assert!(
            !is_cut_of("ra soat, chuan hoa du lieu dat", full),
            "no mark"
        );
        assert!(!is_cut_of("ra soat, chuan…", full), "too short to tell");
        assert!(!is_cut_of("ra soat, chuan hoa du lieu rung…", full));
        assert!(!is_cut_of(full, "ra soat, chuan hoa du lieu dat…"));
        assert_eq!(cut_prefix("x".repeat(19).as_str()), None);
        assert_eq!(
            cut_prefix(&format!("{}…", "x".repeat(20))),
            Some("x".repeat(20).as_str())
        );
    }
}
