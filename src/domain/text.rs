//! Vietnamese text: NFC storage, diacritic-free search keys, dictionary order, and
//! stripping of control characters before text reaches a terminal.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Text as it is stored: NFC, so precomposed and decomposed input compare equal.
pub fn nfc(s: &str) -> String {
    // Most text arrives NFC already: a quick check spares the rebuild.
    match unicode_normalization::is_nfc_quick(s.chars()) {
        unicode_normalization::IsNormalized::Yes => s.to_string(),
        _ => s.nfc().collect(),
    }
}

/// Search key: no tone or vowel marks, `đ` as `d`, lower case.
/// `fold("Tràng Định") == "trang dinh"`, so people can type without diacritics.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'đ' | 'Đ' => out.push('d'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// True when every word of `query` (folded) occurs in `text` (folded).
pub fn matches(text_folded: &str, query: &str) -> bool {
    fold(query)
        .split_whitespace()
        .all(|w| text_folded.contains(w))
}

/// Text made safe to draw: control characters (C0, C1, DEL) and bidirectional
/// overrides removed, line breaks and tabs turned into spaces. Stored text is data,
/// never terminal commands.
pub fn printable(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => None,
            c => Some(c),
        })
        .collect()
}

/// A message of one or more lines made safe to print: each line as `printable`, the
/// line breaks kept. Every message tct prints (errors included) goes through it, so
/// no control sequence from data, file names or arguments reaches the terminal.
pub fn printable_lines(s: &str) -> String {
    s.split('\n').map(printable).collect::<Vec<_>>().join("\n")
}

/// True when nothing of `s` would show: only spaces, control and format characters
/// (zero-width spaces and joiners, direction marks, a BOM, a soft hyphen, fillers) or
/// marks with no letter to sit on.
pub fn is_blank(s: &str) -> bool {
    s.chars().all(|c| {
        c.is_whitespace()
            || c.is_control()
            || is_combining_mark(c)
            || matches!(c,
                '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}'
                | '\u{17B5}' | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{2800}' | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}' | '\u{FFF0}'..='\u{FFF8}'
                | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
    })
}

const ALPHABET: &[char] = &[
    'a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z',
];

/// Tone order used by dictionaries: ngang, huyền, hỏi, ngã, sắc, nặng.
fn tone_rank(mark: char) -> Option<u8> {
    match mark {
        '\u{300}' => Some(1), // huyền
        '\u{309}' => Some(2), // hỏi
        '\u{303}' => Some(3), // ngã
        '\u{301}' => Some(4), // sắc
        '\u{323}' => Some(5), // nặng
        _ => None,
    }
}

/// A byte key whose plain byte order is Vietnamese alphabetical order
/// (a ă â b c d đ e ê …, tones after the base letter, case last), so SQLite can
/// sort and index it without a custom collation.
pub fn sort_key(s: &str) -> Vec<u8> {
    let mut primary: Vec<u8> = Vec::with_capacity(s.len() * 2);
    let mut tones: Vec<u8> = Vec::new();
    let mut cases: Vec<u8> = Vec::new();
    // Work letter by letter: a base character with the marks that follow it.
    let mut chars = s.nfd().peekable();
    while let Some(base) = chars.next() {
        let mut letter = base.to_lowercase().next().unwrap_or(base);
        let upper = base.is_uppercase();
        let mut tone = 0u8;
        while let Some(&m) = chars.peek() {
            if !is_combining_mark(m) {
                break;
            }
            chars.next();
            if let Some(t) = tone_rank(m) {
                tone = t;
            } else {
                letter = match (letter, m) {
                    ('a', '\u{306}') => 'ă',
                    ('a', '\u{302}') => 'â',
                    ('e', '\u{302}') => 'ê',
                    ('o', '\u{302}') => 'ô',
                    ('o', '\u{31B}') => 'ơ',
                    ('u', '\u{31B}') => 'ư',
                    (l, _) => l,
                };
            }
        }
        let weight: u16 = if letter.is_whitespace() {
            1
        } else if let Some(d) = letter.to_digit(10) {
            10 + d as u16
        } else if let Some(i) = ALPHABET.iter().position(|&a| a == letter) {
            100 + i as u16
        } else {
            // Punctuation and other scripts: after the alphabet, in code point order.
            200u16.saturating_add((letter as u32).min(0xFF00) as u16)
        };
        primary.extend_from_slice(&weight.to_be_bytes());
        tones.push(tone + 1);
        cases.push(if upper { 2 } else { 1 });
    }
    primary.extend_from_slice(&[0, 0]);
    primary.extend_from_slice(&tones);
    primary.push(0);
    primary.extend_from_slice(&cases);
    primary
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_text_shows_nothing() {
        for s in [
            "",
            " \t\n",
            "\u{200B}\u{200D}",
            "\u{FEFF}\u{00A0}\u{2060}",
            "\u{301}",
            "\u{3164}",
        ] {
            assert!(is_blank(s), "{s:?}");
        }
        for s in ["a", "\u{200B}Đ", "·", "—", "漢"] {
            assert!(!is_blank(s), "{s:?}");
        }
    }

    #[test]
    fn fold_drops_marks_and_d_stroke() {
        assert_eq!(fold("Tràng Định"), "trang dinh");
        assert_eq!(fold("ĐÌNH LẬP"), "dinh lap");
        assert_eq!(fold("Hữu Lũng"), "huu lung");
    }

    #[test]
    fn fold_same_for_nfc_and_nfd() {
        let nfd: String = "Tràng Định".nfd().collect();
        assert_ne!(nfd, "Tràng Định");
        assert_eq!(fold(&nfd), fold("Tràng Định"));
        assert_eq!(nfc(&nfd), "Tràng Định");
    }

    #[test]
    fn matches_words_without_diacritics() {
        let key = fold("Tràng Định");
        assert!(matches(&key, "trang dinh"));
        assert!(matches(&key, "d"));
        assert!(matches(&key, "ĐỊNH"));
        assert!(!matches(&key, "binh"));
        assert!(matches(&fold("đường"), "d"));
    }

    #[test]
    fn printable_strips_terminal_controls() {
        assert_eq!(printable("a\u{1b}]0;x\u{7}b"), "a]0;xb");
        assert_eq!(printable("x\u{1b}[2Jy"), "x[2Jy");
        assert_eq!(printable("một\ndòng"), "một dòng");
        assert_eq!(printable("a\u{202E}b"), "ab");
        assert_eq!(printable("a\u{9b}b"), "ab");
    }

    fn sorted(words: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = words.iter().map(|s| s.to_string()).collect();
        v.sort_by_key(|w| sort_key(w));
        v
    }

    #[test]
    fn vietnamese_alphabet_order() {
        assert_eq!(
            sorted(&[
                "Đình Lập",
                "Bắc Sơn",
                "Văn Lãng",
                "Bình Gia",
                "Cao Lộc",
                "Chi Lăng",
                "Dương"
            ]),
            [
                "Bắc Sơn",
                "Bình Gia",
                "Cao Lộc",
                "Chi Lăng",
                "Dương",
                "Đình Lập",
                "Văn Lãng"
            ]
        );
        assert_eq!(
            sorted(&["ư", "u", "ơ", "o", "ô"]),
            ["o", "ô", "ơ", "u", "ư"]
        );
        assert_eq!(sorted(&["â", "ă", "a", "b"]), ["a", "ă", "â", "b"]);
    }

    #[test]
    fn tones_come_after_the_base_letter() {
        assert_eq!(
            sorted(&["ạ", "á", "ã", "ả", "à", "a"]),
            ["a", "à", "ả", "ã", "á", "ạ"]
        );
        // Tones are secondary: "ba" < "bà" < "bac" even though "bà" has a tone.
        assert_eq!(sorted(&["bac", "bà", "ba"]), ["ba", "bà", "bac"]);
    }

    #[test]
    fn sort_key_ignores_normalisation_form() {
        let nfd: String = "Hữu Lũng".nfd().collect();
        assert_eq!(sort_key(&nfd), sort_key("Hữu Lũng"));
    }
}
