//! tct: the dashboard of a provincial working group (Tổ công tác của Chủ tịch UBND
//! tỉnh) over a local SQLite file.
//!
//! Data flows one way: key → `keymap` → `app::Action` → `App::update` → `store`;
//! the `ui` draws from the app's state and never changes it.

pub mod app;
pub mod cli;
pub mod commands;
pub mod crash;
pub mod document;
pub mod domain;
pub mod error;
pub mod generate;
pub mod glyphs;
pub mod i18n;
pub mod import;
pub mod keymap;
pub mod layout;
pub mod model;
pub mod notice;
pub mod outfile;
pub mod papers;
pub mod progress;
pub mod report;
pub mod sheet;
pub mod store;
pub mod sync;
pub mod theme;
pub mod tui;
pub mod ui;
pub mod words;
