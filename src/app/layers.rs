//! What is open over the dashboard, as one stack. The top layer takes a key first and
//! is drawn last; what it does not take goes down to the layer beneath, and last to
//! the dashboard. The order things were opened in is the order they are stacked in,
//! so a dialog asked from the form sits over it, and help opened from the form too.

use ratatui_textarea::TextArea;

use super::{ConflictLine, Dialog, DonePrompt, DraftList, EditDialog, Form, Preview};
use crate::keymap::Mode;
use crate::model::{InspectionSummary, TargetDetail, TaskDetail};

pub enum Layer {
    /// The `/` filter being typed, for the focused pane; that pane draws it.
    Filter(TextArea<'static>),
    /// A task's completion date being typed.
    Done(DonePrompt),
    /// An edit from the keyboard being typed: an extension, a correction, a task
    /// added by hand, a reading.
    Edit(Box<EditDialog>),
    /// The inspection being recorded. It fills the screen: the dashboard is not drawn
    /// beneath it.
    Form(Box<Form>),
    /// A view that is read and closed; its keys scroll, open or close it.
    Overlay(Overlay),
    /// The notice's text before it is written, over the whole screen.
    Preview(Box<Preview>),
    /// A question that takes every key until it is answered.
    Dialog(Dialog),
}

/// A layer drawn over the dashboard or the form, read and then closed.
#[derive(Debug, Clone)]
pub enum Overlay {
    Help {
        scroll: u16,
    },
    Target(Box<TargetDetail>),
    Task {
        detail: Box<TaskDetail>,
        scroll: u16,
    },
    /// A unit's inspections, newest first; the deleted ones too with `deleted`.
    History {
        unit_id: i64,
        unit_name: String,
        rows: Vec<InspectionSummary>,
        selected: usize,
        deleted: bool,
    },
    /// Drafts to restore: left unsaved by a window that is gone, or discarded.
    Drafts(Box<DraftList>),
    /// The conflicts between laptops that wait for a person, over the whole screen.
    Conflicts {
        rows: Vec<ConflictLine>,
        selected: usize,
    },
}

impl Layer {
    /// The key table a layer reads while it is on top.
    pub fn mode(&self) -> Mode {
        match self {
            Layer::Filter(_) => Mode::Filter,
            Layer::Done(_) | Layer::Edit(_) => Mode::Prompt,
            Layer::Form(_) => Mode::Form,
            Layer::Overlay(_) => Mode::Overlay,
            Layer::Preview(_) => Mode::Preview,
            Layer::Dialog(_) => Mode::Dialog,
        }
    }
}

/// The stack, bottom first.
#[derive(Default)]
pub struct Layers(Vec<Layer>);

impl Layers {
    pub fn as_slice(&self) -> &[Layer] {
        &self.0
    }

    pub(super) fn as_mut_slice(&mut self) -> &mut [Layer] {
        &mut self.0
    }

    pub fn top(&self) -> Option<&Layer> {
        self.0.last()
    }

    pub(super) fn top_mut(&mut self) -> Option<&mut Layer> {
        self.0.last_mut()
    }

    /// The layers' modes from the top down: the order in which they are offered a key.
    pub(super) fn modes_top_down(&self) -> Vec<Mode> {
        self.0.iter().rev().map(Layer::mode).collect()
    }

    pub(super) fn push(&mut self, layer: Layer) {
        self.0.push(layer);
    }

    /// Closes the top layer if it is of this mode.
    pub(super) fn pop(&mut self, mode: Mode) -> Option<Layer> {
        self.0.pop_if(|l| l.mode() == mode)
    }

    /// Closes the form and whatever was opened over it.
    pub(super) fn close_form(&mut self) {
        if let Some(i) = self.0.iter().position(|l| matches!(l, Layer::Form(_))) {
            self.0.truncate(i);
        }
    }

    pub fn form(&self) -> Option<&Form> {
        self.0.iter().rev().find_map(|l| match l {
            Layer::Form(f) => Some(&**f),
            _ => None,
        })
    }

    pub fn form_mut(&mut self) -> Option<&mut Form> {
        self.0.iter_mut().rev().find_map(|l| match l {
            Layer::Form(f) => Some(&mut **f),
            _ => None,
        })
    }

    pub fn dialog(&self) -> Option<&Dialog> {
        self.0.iter().rev().find_map(|l| match l {
            Layer::Dialog(d) => Some(d),
            _ => None,
        })
    }

    pub fn done(&self) -> Option<&DonePrompt> {
        self.0.iter().rev().find_map(|l| match l {
            Layer::Done(p) => Some(p),
            _ => None,
        })
    }

    pub fn done_mut(&mut self) -> Option<&mut DonePrompt> {
        self.0.iter_mut().rev().find_map(|l| match l {
            Layer::Done(p) => Some(p),
            _ => None,
        })
    }

    pub fn edit(&self) -> Option<&EditDialog> {
        self.0.iter().rev().find_map(|l| match l {
            Layer::Edit(d) => Some(&**d),
            _ => None,
        })
    }

    pub fn edit_mut(&mut self) -> Option<&mut EditDialog> {
        self.0.iter_mut().rev().find_map(|l| match l {
            Layer::Edit(d) => Some(&mut **d),
            _ => None,
        })
    }

    pub fn overlay(&self) -> Option<&Overlay> {
        self.0.iter().rev().find_map(|l| match l {
            Layer::Overlay(o) => Some(o),
            _ => None,
        })
    }

    pub fn overlay_mut(&mut self) -> Option<&mut Overlay> {
        self.0.iter_mut().rev().find_map(|l| match l {
            Layer::Overlay(o) => Some(o),
            _ => None,
        })
    }

    pub fn filter(&self) -> Option<&TextArea<'static>> {
        self.0.iter().rev().find_map(|l| match l {
            Layer::Filter(ta) => Some(ta),
            _ => None,
        })
    }

    pub fn filter_mut(&mut self) -> Option<&mut TextArea<'static>> {
        self.0.iter_mut().rev().find_map(|l| match l {
            Layer::Filter(ta) => Some(ta),
            _ => None,
        })
    }
}
