//! Recording that a task was completed, as the unit reports it in the meeting: `d` on
//! a task asks for the date (today's by default), Enter records it in one
//! transaction. An empty date records the task as not completed.

use chrono::NaiveDate;
use ratatui_textarea::{CursorMove, Input, TextArea};

use super::{App, Layer, StatusKind};
use crate::domain::format::{fmt_date, parse_date};
use crate::domain::task::check_completion;
use crate::domain::text::{nfc, printable};
use crate::i18n::{T, t};
use crate::keymap::{Command, Mode};
use crate::layout::Pane;

/// The question being asked, over the dashboard.
pub struct DonePrompt {
    pub task_id: i64,
    pub title: String,
    pub assigned_on: Option<NaiveDate>,
    pub input: TextArea<'static>,
    /// Why the last Enter was refused; the typed date stays.
    pub error: Option<String>,
}

impl App {
    /// `d`: asks for the selected task's completion date.
    pub(super) fn start_done(&mut self) {
        if self.store.read_only() {
            self.say(StatusKind::Problem, t(T::ReadOnlyNoEdit));
            return;
        }
        let task = (self.focus == Pane::Tasks)
            .then(|| self.task_rows.get(self.tasks.in_window()))
            .flatten();
        let Some(task) = task else {
            self.say(StatusKind::Problem, t(T::DoneNoTask));
            return;
        };
        let date = task.completed_on.unwrap_or(self.ctx.as_of);
        let mut input = TextArea::new(vec![fmt_date(date)]);
        input.move_cursor(CursorMove::End);
        self.layers.push(Layer::Done(DonePrompt {
            task_id: task.id,
            title: task.title.clone(),
            assigned_on: task.assigned_on,
            input,
            error: None,
        }));
    }

    /// Enter: records the date typed, or says why not and keeps the prompt open.
    pub(super) fn apply_done(&mut self) {
        let Some(p) = self.layers.done_mut() else {
            return;
        };
        let typed = p.input.lines().concat();
        let date = if typed.trim().is_empty() {
            None
        } else {
            match parse_date(&typed) {
                Ok(d) => Some(d),
                Err(e) => {
                    p.error = Some(e.to_string());
                    return;
                }
            }
        };
        if let Some(d) = date
            && let Err(e) = check_completion(p.assigned_on, d, self.ctx.as_of)
        {
            p.error = Some(e.to_string());
            return;
        }
        let id = p.task_id;
        match self.store.set_completed(id, date) {
            Ok(_) => {
                self.layers.pop(Mode::Prompt);
                self.say(
                    StatusKind::Good,
                    match date {
                        Some(d) => format!("{} {}", t(T::DoneSaved), fmt_date(d)),
                        None => t(T::DoneCleared).to_string(),
                    },
                );
                self.data_changed();
            }
            Err(e) => {
                if let Some(p) = self.layers.done_mut() {
                    p.error = Some(format!("{}: {e}", t(T::NotSaved)));
                }
            }
        }
    }

    pub(super) fn prompt_command(&mut self, c: Command) -> bool {
        if self.layers.edit().is_some() {
            return self.edit_dialog_command(c);
        }
        match c {
            Command::PromptApply | Command::Save => self.apply_done(),
            // One field: there is no other to move to.
            Command::NextField | Command::PrevField => {}
            Command::PromptCancel => {
                self.layers.pop(Mode::Prompt);
            }
            _ => return false,
        }
        true
    }

    /// A key typed into the date: the reason the last one was refused goes.
    pub(super) fn prompt_edit(&mut self, input: Input) {
        if self.layers.edit().is_some() {
            return self.edit_dialog_input(input);
        }
        if let Some(p) = self.layers.done_mut()
            && p.input.input(input)
        {
            p.error = None;
        }
    }

    /// A date is one line: the first line of what was pasted.
    pub(super) fn prompt_paste(&mut self, text: &str) {
        if self.layers.edit().is_some() {
            return self.edit_dialog_paste(text);
        }
        if let Some(p) = self.layers.done_mut() {
            p.input
                .insert_str(printable(&nfc(text.lines().next().unwrap_or(""))));
        }
    }
}
