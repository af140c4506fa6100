//! `tct` with no subcommand: the dashboard in the terminal.

use crate::app::App;
use crate::error::Result;
use crate::model::Ctx;
use crate::store::Store;
use crate::theme::Theme;

pub fn run(store: Store, ctx: Ctx) -> Result<()> {
    let app = App::new(store, ctx, Theme::from_env(), (80, 24));
    crate::tui::run(app)
}
