//! Pasted text that arrives as keys. Windows' console has no bracketed paste: it
//! hands a paste to tct as a press and a release per character, Enter for a line
//! break and Tab for a tab, and a key-up alone for a character the keyboard has not
//! (an Alt code). Taken as keys, a Tab would jump fields, a line break would apply
//! the filter and the rest would run as commands (`q` quits). Here the keys read
//! together are told apart: a run that only a paste makes becomes one paste.
//!
//! Pure: the times are given, nothing waits.

use std::time::{Duration, Instant};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::keymap;

/// The longest pause between two keys of one paste. The console writes a paste's
/// keys all at once, microseconds apart. People are far slower: a fast typist leaves
/// 60 ms or more between keys, key repeat at its fastest 33 ms; two keys struck
/// together may land a few milliseconds apart, but a third never follows as close.
pub const GAP: Duration = Duration::from_millis(5);

/// The fewest characters a run must hold to be a paste when no line break or tab
/// sits between them: more than two keys struck together, fewer than the shortest
/// name worth pasting.
pub const MIN_CHARS: usize = 4;

/// What the keys read together come to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// A key as it came, at its time.
    Key(KeyEvent, Instant),
    /// Pasted text, line breaks as `\n` and tabs as `\t`, at the time of its last key.
    Paste(String, Instant),
}

/// Splits keys read together into runs (no pause longer than `GAP` inside one) and
/// turns each run that is a paste into one; the others stay key by key, in order.
pub fn split(keys: &[(KeyEvent, Instant)]) -> Vec<Delivery> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=keys.len() {
        let ends = i == keys.len() || keys[i].1.saturating_duration_since(keys[i - 1].1) > GAP;
        if ends {
            let run = &keys[start..i];
            match pasted(run) {
                Some(text) => out.push(Delivery::Paste(text, run[run.len() - 1].1)),
                None => out.extend(run.iter().map(|&(k, at)| Delivery::Key(k, at))),
            }
            start = i;
        }
    }
    out
}

/// The text of a run that only a paste makes: nothing but characters, line breaks
/// and tabs (a Backspace, an arrow or a Ctrl chord is a person, or an input method
/// replacing what was typed); at least `MIN_CHARS` characters, or a line break or
/// tab between two characters; not one key over and over (a key held down).
fn pasted(run: &[(KeyEvent, Instant)]) -> Option<String> {
    let mut text = String::new();
    // Characters pressed and not yet released: a release of another one is an Alt
    // code, the only way the console sends a character the keyboard does not have.
    let mut down: Vec<char> = Vec::new();
    for (k, _) in run {
        let c = match (k.kind, k.code) {
            (KeyEventKind::Release, KeyCode::Char(c)) if keymap::is_typing(k) => {
                match down.iter().position(|&d| d == c) {
                    Some(i) => {
                        down.swap_remove(i);
                        continue;
                    }
                    None => c,
                }
            }
            (KeyEventKind::Release, _) => continue,
            // A line feed a Unix terminal passes on raw (tmux's keys, a terminal
            // without bracketed paste) reads as Ctrl-J: in a burst, a line break.
            (_, KeyCode::Char('j')) if k.modifiers == KeyModifiers::CONTROL => '\n',
            _ if !keymap::is_typing(k) => return None,
            (_, KeyCode::Char(c)) => {
                down.push(c);
                c
            }
            (_, KeyCode::Enter) => '\n',
            (_, KeyCode::Tab) => '\t',
            // Backspace, Delete, Shift-Tab.
            _ => return None,
        };
        text.push(if c == '\r' { '\n' } else { c });
    }
    let chars = text.chars().filter(|c| !matches!(c, '\n' | '\t')).count();
    let broken = text
        .trim_matches(|c| matches!(c, '\n' | '\t'))
        .contains(['\n', '\t']);
    let mut distinct = text.chars();
    let held = distinct
        .next()
        .is_some_and(|first| distinct.all(|c| c == first));
    (!held && (chars >= MIN_CHARS || broken)).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(code: KeyCode, kind: KeyEventKind) -> KeyEvent {
        KeyEvent::new_with_kind(code, KeyModifiers::NONE, kind)
    }

    /// Each character as the console sends it: a press and a release, `step` apart.
    fn pairs(text: &str, t0: Instant, step: Duration) -> Vec<(KeyEvent, Instant)> {
        let mut at = t0;
        let mut out = Vec::new();
        for c in text.chars() {
            let code = match c {
                '\n' => KeyCode::Enter,
                '\t' => KeyCode::Tab,
                c => KeyCode::Char(c),
            };
            out.push((ev(code, KeyEventKind::Press), at));
            out.push((ev(code, KeyEventKind::Release), at + step / 2));
            at += step;
        }
        out
    }

    fn micro(n: u64) -> Duration {
        Duration::from_micros(n)
    }

    #[test]
    fn a_paste_of_press_and_release_pairs_is_its_text_once() {
        let t0 = Instant::now();
        let run = pairs("Cao Lộc\tđạt\nq", t0, micro(20));
        assert_eq!(
            split(&run),
            vec![Delivery::Paste(
                "Cao Lộc\tđạt\nq".into(),
                run.last().unwrap().1
            )]
        );
    }

    /// tmux and terminals without bracketed paste pass a line feed on raw: Ctrl-J.
    #[test]
    fn a_raw_line_feed_in_a_paste_is_a_line_break() {
        let t0 = Instant::now();
        let mut run = pairs("cao\tloc", t0, micro(20));
        let lf = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::CONTROL);
        run.push((lf, t0 + micro(200)));
        run.push((ev(KeyCode::Char('q'), KeyEventKind::Press), t0 + micro(220)));
        assert_eq!(
            split(&run),
            vec![Delivery::Paste("cao\tloc\nq".into(), t0 + micro(220))]
        );
    }

    #[test]
    fn a_key_held_down_repeats_and_is_no_paste() {
        let t0 = Instant::now();
        let run: Vec<_> = (0..6)
            .map(|i| {
                (
                    ev(KeyCode::Char('j'), KeyEventKind::Repeat),
                    t0 + micro(i * 100),
                )
            })
            .collect();
        assert_eq!(split(&run).len(), 6, "each repeat acts as a press");
        // Repeats of different characters are counted like presses.
        let mut mixed = run.clone();
        mixed[1].0.code = KeyCode::Char('k');
        assert!(matches!(&split(&mixed)[..], [Delivery::Paste(t, _)] if t == "jkjjjj"));
    }

    #[test]
    fn typing_at_a_persons_pace_stays_keys() {
        let t0 = Instant::now();
        let fast = pairs("ab\tcd\nq", t0, Duration::from_millis(15));
        assert!(split(&fast).iter().all(|d| matches!(d, Delivery::Key(..))));
        let pasted = pairs("ab\tcd\nq", t0, micro(50));
        assert!(matches!(&split(&pasted)[..], [Delivery::Paste(..)]));
    }

    #[test]
    fn a_run_with_a_backspace_or_a_chord_stays_keys() {
        let t0 = Instant::now();
        let mut run = pairs("abcdef", t0, micro(50));
        run.insert(
            4,
            (ev(KeyCode::Backspace, KeyEventKind::Press), t0 + micro(110)),
        );
        assert_eq!(split(&run).len(), 13, "every key as it came");
        let mut run = pairs("abcdef", t0, micro(50));
        let save = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
        run.push((save, t0 + micro(400)));
        assert_eq!(split(&run).len(), 13);
    }

    #[test]
    fn two_keys_struck_together_or_a_short_word_are_no_paste() {
        let t0 = Instant::now();
        assert_eq!(split(&pairs("jk", t0, micro(50))).len(), 4);
        assert_eq!(split(&pairs("abc", t0, micro(50))).len(), 6);
        // A line break at the end is not between characters.
        assert_eq!(split(&pairs("ab\n", t0, micro(50))).len(), 6);
        assert!(
            matches!(&split(&pairs("a\nb", t0, micro(50)))[..], [Delivery::Paste(t, _)] if t == "a\nb")
        );
    }

    #[test]
    fn a_character_sent_as_an_alt_code_is_in_the_paste() {
        // «–» is on no Vietnamese keyboard: the console sends only the Alt key's
        // release, which crossterm reports as the character's release.
        let t0 = Instant::now();
        let mut run = pairs("NQ ", t0, micro(20));
        run.push((
            ev(KeyCode::Char('–'), KeyEventKind::Release),
            t0 + micro(70),
        ));
        run.extend(pairs(" tăng", t0 + micro(80), micro(20)));
        assert!(matches!(&split(&run)[..], [Delivery::Paste(t, _)] if t == "NQ – tăng"));
    }

    #[test]
    fn a_pause_splits_the_keys_into_runs() {
        let t0 = Instant::now();
        let mut run = pairs("q", t0, micro(20));
        run.extend(pairs("Lạng Sơn", t0 + Duration::from_millis(40), micro(20)));
        let got = split(&run);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(matches!(&got[..2], [Delivery::Key(..), Delivery::Key(..)]));
        assert!(matches!(&got[2], Delivery::Paste(t, _) if t == "Lạng Sơn"));
    }
}
