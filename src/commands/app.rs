//! `tct` with no subcommand: the dashboard in the terminal.

use std::path::Path;

use crate::app::{App, Status, StatusKind};
use crate::domain::text::printable;
use crate::error::Result;
use crate::i18n::{T, t};
use crate::model::Ctx;
use crate::store::Store;
use crate::theme::Theme;

/// `created`: the database this run made, said on the status line at the start.
pub fn run(store: Store, ctx: Ctx, created: Option<&Path>) -> Result<()> {
    let mut app = App::new(store, ctx, Theme::from_env(), (80, 24));
    // A database on a network share is said instead (App::new); the creation is
    // said again on exit.
    if let Some(path) = created.filter(|_| !app.store.on_network()) {
        app.status = Some(Status {
            text: format!(
                "{}: {}",
                t(T::DbCreated),
                printable(&path.display().to_string())
            ),
            kind: StatusKind::Good,
        });
    }
    crate::tui::run(app)
}
