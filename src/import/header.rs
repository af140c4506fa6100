//! A header as report appendices write it: one row, or two where the upper row holds
//! merged parents ("Văn bản giao nhiệm vụ" over "Số, ký hiệu" and "Ngày, tháng") and
//! columns without children span both rows; where it is among the first rows; and
//! the row of column numbers "(1) (2) … (10)" that often follows.

use super::read::{Cell, HEADER_SCAN, Merge, Row};

/// A column's header as the file writes it: its own text, and the merged cell above
/// it when the header takes two rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Heading {
    pub parent: Option<String>,
    pub text: String,
}

impl Heading {
    /// As the dry run shows it: "parent › child".
    pub fn shown(&self) -> String {
        match &self.parent {
            Some(p) => format!("{p} › {}", self.text),
            None => self.text.clone(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.parent.is_none() && self.text.is_empty()
    }
}

fn text_of(c: Option<&Cell>) -> Option<String> {
    match c {
        Some(Cell::Text(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    }
}

/// The headings of a one-row header.
pub fn one_row(row: &Row) -> Vec<Heading> {
    (0..row.cells.len())
        .map(|c| Heading {
            parent: None,
            text: text_of(row.cells.get(c)).unwrap_or_default(),
        })
        .collect()
}

/// The headings of a two-row header. A column with nothing in the lower row is its
/// upper cell (merged down); a lower cell's parent is the upper cell merged over it,
/// (or the upper cell itself), or, without merges (CSV), the last upper cell to its left whose own column has a
/// child too, carried right over empty cells.
pub fn two_rows(upper: &Row, lower: &Row, merges: &[Merge]) -> Vec<Heading> {
    let width = upper.cells.len().max(lower.cells.len());
    let spans: Vec<&Merge> = merges
        .iter()
        .filter(|m| m.first_row == upper.number && m.last_col > m.first_col)
        .collect();
    let mut out = Vec::with_capacity(width);
    let mut carried: Option<String> = None;
    for c in 0..width {
        let up = text_of(upper.cells.get(c));
        let low = text_of(lower.cells.get(c));
        let parent = if !spans.is_empty() {
            spans
                .iter()
                .find(|m| (m.first_col..=m.last_col).contains(&c))
                .and_then(|m| text_of(upper.cells.get(m.first_col)))
                .or_else(|| up.clone().filter(|_| low.is_some()))
        } else {
            match (&up, &low) {
                (Some(u), Some(_)) => Some(u.clone()),
                (None, Some(_)) => carried.clone(),
                _ => None,
            }
        };
        carried = match (&up, &low) {
            (Some(u), Some(_)) => Some(u.clone()),
            (None, Some(_)) => carried,
            _ => None,
        };
        out.push(match low {
            Some(child) => Heading {
                parent,
                text: child,
            },
            None => Heading {
                parent: None,
                text: up.unwrap_or_default(),
            },
        });
    }
    out
}

/// A header found: where it starts (index in the rows), how many rows it takes, and
/// its headings.
pub struct Found {
    pub at: usize,
    pub rows: usize,
    pub headings: Vec<Heading>,
}

/// The best header among the first rows by `score` (fields named): one row, or two
/// when the pair names more than either row alone; the earlier wins a tie.
pub fn best(rows: &[Row], merges: &[Merge], score: &dyn Fn(&[Heading]) -> usize) -> Option<Found> {
    let mut best: Option<(usize, Found)> = None;
    let mut consider = |s: usize, f: Found| {
        if s > best.as_ref().map_or(0, |b| b.0) {
            best = Some((s, f));
        }
    };
    for i in 0..rows.len().min(HEADER_SCAN) {
        let single = one_row(&rows[i]);
        let s1 = score(&single);
        consider(
            s1,
            Found {
                at: i,
                rows: 1,
                headings: single,
            },
        );
        let Some(next) = rows.get(i + 1) else {
            continue;
        };
        if next.number != rows[i].number + 1 || is_number_row(next) {
            continue;
        }
        let double = two_rows(&rows[i], next, merges);
        let s2 = score(&double);
        if s2 > s1 && s2 > score(&one_row(next)) {
            consider(
                s2,
                Found {
                    at: i,
                    rows: 2,
                    headings: double,
                },
            );
        }
    }
    best.map(|(_, f)| f)
}

/// A cell of a column-number row: "(1)", "1", "A", "(4)=(2)+(3)".
fn is_column_number(c: &Cell) -> bool {
    match c {
        Cell::Number(n) => n.fract() == 0.0 && (0.0..=300.0).contains(n),
        Cell::Text(s) => {
            let s = s.trim();
            let bare = s.trim_start_matches('(').trim_end_matches(')');
            let letter = bare.len() == 1 && bare.bytes().all(|b| b.is_ascii_uppercase());
            let formula = s.bytes().any(|b| b.is_ascii_digit())
                && s.bytes().all(|b| b"0123456789()=+-*/x:. ".contains(&b));
            letter || formula
        }
        _ => false,
    }
}

/// The row of column numbers under a header: three or more cells, each a column's
/// number or letter, numbers rising.
pub fn is_number_row(row: &Row) -> bool {
    let filled: Vec<&Cell> = row.cells.iter().filter(|c| !c.is_empty()).collect();
    if filled.len() < 3 || !filled.iter().all(|c| is_column_number(c)) {
        return false;
    }
    let numbers: Vec<f64> = filled
        .iter()
        .filter_map(|c| match c {
            Cell::Number(n) => Some(*n),
            Cell::Text(s) => s
                .trim()
                .trim_start_matches('(')
                .trim_end_matches(')')
                .parse()
                .ok(),
            _ => None,
        })
        .collect();
    numbers.windows(2).all(|w| w[0] < w[1])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(number: usize, cells: &[&str]) -> Row {
        Row {
            number,
            cells: cells
                .iter()
                .map(|s| match *s {
                    "" => Cell::Empty,
                    s => Cell::Text(s.into()),
                })
                .collect(),
        }
    }

    fn shown(h: &[Heading]) -> Vec<String> {
        h.iter().map(Heading::shown).collect()
    }

    const UPPER: &[&str] = &[
        "STT",
        "Văn bản giao nhiệm vụ",
        "",
        "Nội dung nhiệm vụ",
        "Thời hạn",
        "",
        "Ghi chú",
    ];
    const LOWER: &[&str] = &[
        "",
        "Số, ký hiệu",
        "Ngày, tháng",
        "",
        "Theo văn bản",
        "Gia hạn",
    ];

    #[test]
    fn parents_are_carried_right_over_empty_cells_without_merges() {
        let h = two_rows(&row(8, UPPER), &row(9, LOWER), &[]);
        assert_eq!(
            shown(&h),
            [
                "STT",
                "Văn bản giao nhiệm vụ › Số, ký hiệu",
                "Văn bản giao nhiệm vụ › Ngày, tháng",
                "Nội dung nhiệm vụ",
                "Thời hạn › Theo văn bản",
                "Thời hạn › Gia hạn",
                "Ghi chú",
            ]
        );
    }

    #[test]
    fn merged_parents_span_exactly_their_columns() {
        // "Thời hạn" is over E only: F's header is its own, its upper cell empty.
        let merges = [
            Merge {
                first_row: 8,
                last_row: 8,
                first_col: 1,
                last_col: 2,
            },
            Merge {
                first_row: 8,
                last_row: 9,
                first_col: 0,
                last_col: 0,
            },
        ];
        let mut lower = LOWER.to_vec();
        lower[5] = "Ngày hoàn thành";
        let h = two_rows(&row(8, UPPER), &row(9, &lower), &merges);
        assert_eq!(h[2].shown(), "Văn bản giao nhiệm vụ › Ngày, tháng");
        assert_eq!(h[4].shown(), "Thời hạn › Theo văn bản");
        assert_eq!(h[5].shown(), "Ngày hoàn thành");
        assert_eq!(h[0].shown(), "STT");
    }

    #[test]
    fn column_number_rows() {
        let numbered: Vec<String> = (1..=10).map(|i| format!("({i})")).collect();
        let numbered: Vec<&str> = numbered.iter().map(String::as_str).collect();
        assert!(is_number_row(&row(10, &numbered)));
        assert!(is_number_row(&row(10, &["A", "B", "1", "2", "3"])));
        assert!(is_number_row(&row(10, &["1", "2", "3", "(4)=(2)+(3)"])));
        let plain = Row {
            number: 10,
            cells: (1..=6).map(|i| Cell::Number(i as f64)).collect(),
        };
        assert!(is_number_row(&plain));
        // A task row, a row of two numbers, numbers out of order: not column numbers.
        assert!(!is_number_row(&row(
            10,
            &["1", "123/UBND-KT", "Rà soát", "Cao Lộc"]
        )));
        assert!(!is_number_row(&row(10, &["1", "2"])));
        assert!(!is_number_row(&row(10, &["3", "1", "2"])));
    }
}
