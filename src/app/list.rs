//! Selection and scrolling of a list that may hold far more rows than fit: only the
//! window `offset .. offset + height` is ever fetched.

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListState {
    /// Rows matching the filter, counted in SQL.
    pub total: usize,
    /// Absolute index of the selected row.
    pub selected: usize,
    /// Absolute index of the first visible row.
    pub offset: usize,
    /// The filter typed with `/`, matched without diacritics.
    pub filter: String,
    /// Absolute index of the first row currently fetched.
    pub loaded_at: usize,
}

/// The rows for the window `offset .. offset + height` (clipped to `total`), reusing
/// the rows already fetched for the window at `old_offset` and fetching only the
/// rest: scrolling by one row asks for one row.
pub fn shift_window<R, E>(
    old: Vec<R>,
    old_offset: usize,
    offset: usize,
    height: usize,
    total: usize,
    mut fetch: impl FnMut(usize, usize) -> Result<Vec<R>, E>,
) -> Result<Vec<R>, E> {
    let end = (offset + height).min(total);
    let (have_start, have_end) = (old_offset, old_offset + old.len());
    if end <= offset {
        return Ok(Vec::new());
    }
    if old.is_empty() || have_end <= offset || have_start >= end {
        return fetch(offset, end - offset);
    }
    let mut rows = Vec::with_capacity(end - offset);
    if offset < have_start {
        rows.extend(fetch(offset, have_start - offset)?);
    }
    let keep_from = offset.max(have_start) - have_start;
    let keep_to = end.min(have_end) - have_start;
    rows.extend(old.into_iter().skip(keep_from).take(keep_to - keep_from));
    if end > have_end {
        rows.extend(fetch(have_end, end - have_end)?);
    }
    Ok(rows)
}

impl ListState {
    /// Selects row `idx` (clamped) and scrolls so it is visible in `height` rows.
    /// Returns whether the window moved, i.e. whether rows must be fetched again.
    pub fn select(&mut self, idx: usize, height: usize) -> bool {
        let h = height.max(1);
        let old = self.offset;
        self.selected = idx.min(self.total.saturating_sub(1));
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + h {
            self.offset = self.selected + 1 - h;
        }
        // A list that shrank (filter, resize) keeps its window full.
        self.offset = self.offset.min(self.total.saturating_sub(h));
        old != self.offset
    }

    /// Moves by `delta` rows (negative is up).
    pub fn step(&mut self, delta: isize, height: usize) -> bool {
        let idx = self.selected.saturating_add_signed(delta);
        self.select(idx, height)
    }

    /// Index of the selected row within the fetched window.
    pub fn in_window(&self) -> usize {
        self.selected.saturating_sub(self.offset)
    }

    /// Back to the top, e.g. after the filter changed.
    pub fn reset(&mut self) {
        self.selected = 0;
        self.offset = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A "database" of row numbers that records what was asked of it.
    fn fetcher(
        asked: &mut Vec<(usize, usize)>,
    ) -> impl FnMut(usize, usize) -> Result<Vec<usize>, ()> + '_ {
        move |off, n| {
            asked.push((off, n));
            Ok((off..off + n).collect())
        }
    }

    #[test]
    fn scrolling_one_row_fetches_one_row() {
        let mut asked = Vec::new();
        let rows = shift_window((10..20).collect(), 10, 11, 10, 100, fetcher(&mut asked)).unwrap();
        assert_eq!(rows, (11..21).collect::<Vec<_>>());
        assert_eq!(asked, [(20, 1)]);
        let mut asked = Vec::new();
        let rows = shift_window((10..20).collect(), 10, 8, 10, 100, fetcher(&mut asked)).unwrap();
        assert_eq!(rows, (8..18).collect::<Vec<_>>());
        assert_eq!(asked, [(8, 2)]);
    }

    #[test]
    fn far_jumps_and_short_lists_fetch_what_they_need() {
        let mut asked = Vec::new();
        let rows = shift_window((0..10).collect(), 0, 50, 10, 55, fetcher(&mut asked)).unwrap();
        assert_eq!((rows.len(), asked), (5, vec![(50, 5)]));
        let mut asked = Vec::new();
        let rows = shift_window(Vec::new(), 0, 0, 10, 3, fetcher(&mut asked)).unwrap();
        assert_eq!((rows, asked), (vec![0, 1, 2], vec![(0, 3)]));
        let mut asked = Vec::new();
        let rows = shift_window((0..10).collect(), 0, 0, 12, 100, fetcher(&mut asked)).unwrap();
        assert_eq!(
            (rows.len(), asked),
            (12, vec![(10, 2)]),
            "a taller window fetches the rows below"
        );
    }

    fn list(total: usize) -> ListState {
        ListState {
            total,
            ..Default::default()
        }
    }

    #[test]
    fn scrolls_only_when_the_selection_leaves_the_window() {
        let mut l = list(100);
        assert!(!l.step(1, 10));
        assert_eq!((l.selected, l.offset), (1, 0));
        assert!(l.select(10, 10));
        assert_eq!((l.selected, l.offset, l.in_window()), (10, 1, 9));
        assert!(l.select(0, 10));
        assert_eq!(l.offset, 0);
    }

    #[test]
    fn clamps_at_both_ends() {
        let mut l = list(5);
        l.step(-3, 10);
        assert_eq!(l.selected, 0);
        l.select(usize::MAX, 10);
        assert_eq!((l.selected, l.offset), (4, 0));
        let mut empty = list(0);
        empty.step(1, 10);
        assert_eq!((empty.selected, empty.offset), (0, 0));
    }

    #[test]
    fn shrinking_list_keeps_window_full() {
        let mut l = list(100);
        l.select(99, 10);
        assert_eq!(l.offset, 90);
        l.total = 20;
        l.select(l.selected, 10);
        assert_eq!((l.selected, l.offset), (19, 10));
    }
}
