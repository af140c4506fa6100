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
