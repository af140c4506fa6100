//! Completion in the form: the chair and members from names typed before, a
//! directive's unit from the unit list.

use ratatui_textarea::CursorMove;

use super::{Field, Form, new_editor};
use crate::domain::text::fold;
use crate::model::Ctx;
use crate::store::Store;

impl Form {
    /// The name completion offers for the line under the cursor, if any.
    /// Brings `suggested` up to date with the line under the cursor.
    pub fn refresh_suggestion(&mut self, store: &Store, ctx: &Ctx) {
        let line = self
            .editor
            .lines()
            .get(self.editor.cursor().0)
            .cloned()
            .unwrap_or_default();
        let key = (self.data.field, line);
        if self.suggested_for.as_ref() != Some(&key) {
            self.suggested = self.suggestion(store, ctx);
            self.suggested_for = Some(key);
        }
    }

    fn suggestion(&self, store: &Store, ctx: &Ctx) -> Option<String> {
        let field = self.data.field;
        let (row, _) = (self.editor.cursor().0, ());
        let line = self.editor.lines().get(row)?.trim();
        if line.is_empty() {
            return None;
        }
        let typed = fold(line);
        if field.holds_people() {
            self.people
                .iter()
                .find(|p| fold(p).starts_with(&typed) && p.as_str() != line)
                .cloned()
        } else if field == Field::ItemUnit {
            // Names that begin with what was typed come before names that merely
            // contain its words: "so tai" is Sở Tài chính, not Sở Giao thông vận tải.
            let mut names: Vec<String> = store
                .unit_names_page(ctx, line, 50)
                .ok()?
                .into_iter()
                .map(|(_, n)| n)
                .collect();
            names.sort_by_key(|n| !fold(n).starts_with(&typed));
            names.into_iter().find(|n| n != line)
        } else {
            None
        }
    }

    /// Replaces the line under the cursor with the suggestion.
    pub fn complete(&mut self, suggestion: &str) {
        let row = self.editor.cursor().0;
        let mut lines: Vec<String> = self.editor.lines().to_vec();
        if let Some(l) = lines.get_mut(row) {
            *l = suggestion.to_string();
        }
        let field = self.data.field;
        *self.data.text_mut(field) = lines.join("\n");
        self.editor = new_editor(&lines.join("\n"), field.single_line());
        self.editor
            .move_cursor(CursorMove::Jump(row as u16, u16::MAX));
        self.edited();
    }
}
