//! The legacy Windows console (conhost without Windows Terminal): its fonts have no
//! ✓ ◐ ✗ ▶ or Braille, so the screen draws with characters they have (its own test
//! binary: the choice is process-wide, as the language is).

mod common;

use common::{demo_app, key, render, type_text};
use ratatui::crossterm::event::KeyCode;

/// What Lucida Console and Consolas draw: ASCII and Latin-1, the Vietnamese letters,
/// and the WGL4 symbols the screen uses (box drawing, blocks, arrows, dashes, dots).
fn legacy_font_has(c: char) -> bool {
    let u = c as u32;
    u < 0x250
        || (0x1EA0..=0x1EF9).contains(&u)
        || (0x2500..=0x259F).contains(&u)
        || "–—‘’“”•…‰‹›←↑→↓≤≥≠≈■□▪►◄○●".contains(c)
}

fn check(screen: &str) {
    let missing: Vec<char> = screen.chars().filter(|c| !legacy_font_has(*c)).collect();
    assert!(missing.is_empty(), "{missing:?} in:\n{screen}");
}

#[test]
fn the_targets_and_a_chart_draw_with_what_the_old_console_has() {
    tct::glyphs::set_plain(true);
    let (_d, mut app) = demo_app(120, 40);
    type_text(&mut app, "/trang dinh");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Tab);
    let screen = render(&app);
    check(&screen);
    assert!(screen.contains("+ đạt và vượt"), "{screen}");
    insta::assert_snapshot!("legacy_targets_120x40", screen);
    // A target's detail, with its chart of readings.
    key(&mut app, KeyCode::Enter);
    let screen = render(&app);
    check(&screen);
    insta::assert_snapshot!("legacy_target_detail_120x40", screen);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('?'));
    check(&render(&app));
}

/// The check itself: the usual glyphs are what the old console cannot draw.
#[test]
fn the_usual_symbols_are_not_in_the_old_consoles_fonts() {
    for c in ['✓', '◐', '✗', '▶', '⠁'] {
        assert!(!legacy_font_has(c), "{c}");
    }
}
