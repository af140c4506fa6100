//! The text of a CSV file, whichever encoding an office tool saved it in: UTF-8 with
//! or without BOM, UTF-16 LE/BE (with BOM, or guessed from its NUL bytes), and
//! Windows-1258 when the bytes are not UTF-8 (what Excel on a Vietnamese Windows saves
//! as "CSV").

use crate::error::{Error, Result};
use crate::i18n::{T, t};

/// Text of a CSV file, whichever encoding an office tool saved it in.
pub fn decode(bytes: &[u8]) -> Result<String> {
    let (enc, body) = match encoding_rs::Encoding::for_bom(bytes) {
        Some((enc, bom)) => (enc, &bytes[bom..]),
        None => (guess_encoding(bytes), bytes),
    };
    let (text, had_errors) = enc.decode_without_bom_handling(body);
    if had_errors {
        return Err(Error::User(format!(
            "{} ({})",
            t(T::ImpBadEncoding),
            enc.name()
        )));
    }
    if enc == encoding_rs::WINDOWS_1258 && !plausibly_vietnamese(&text) {
        let at = std::str::from_utf8(body)
            .err()
            .map_or(0, |e| e.valid_up_to());
        return Err(Error::User(format!(
            "{} {at}; {}",
            t(T::ImpNotUtf8),
            t(T::ImpNot1258)
        )));
    }
    Ok(text.into_owned())
}

/// Whether text read as Windows-1258 looks like what a Vietnamese office wrote:
/// Vietnamese letters (tones as the combining marks 1258 writes), typographic quotes
/// and dashes, and only a few other characters (C1 controls, symbols, letters of other
/// languages), which abound when the bytes were another encoding or no text at all.
fn plausibly_vietnamese(text: &str) -> bool {
    let (mut notable, mut odd) = (0usize, 0usize);
    for c in text.chars() {
        if c.is_ascii_graphic() || matches!(c, ' ' | '\t' | '\n' | '\r') {
            continue;
        }
        notable += 1;
        if !vietnamese_in_1258(c) {
            odd += 1;
        }
    }
    odd * 20 <= notable.max(40)
}

/// What Vietnamese text brings in Windows-1258 beyond ASCII.
fn vietnamese_in_1258(c: char) -> bool {
    matches!(
        c,
        'À' | 'Á'
            | 'Â'
            | 'Ă'
            | 'È'
            | 'É'
            | 'Ê'
            | 'Í'
            | 'Ó'
            | 'Ô'
            | 'Ơ'
            | 'Ù'
            | 'Ú'
            | 'Ư'
            | 'Đ'
            | 'à'
            | 'á'
            | 'â'
            | 'ă'
            | 'è'
            | 'é'
            | 'ê'
            | 'í'
            | 'ó'
            | 'ô'
            | 'ơ'
            | 'ù'
            | 'ú'
            | 'ư'
            | 'đ'
            | '\u{300}'
            | '\u{301}'
            | '\u{303}'
            | '\u{309}'
            | '\u{323}'
            | '₫'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '–'
            | '—'
            | '…'
            | '•'
            | '€'
            | '\u{A0}'
    )
}

fn guess_encoding(bytes: &[u8]) -> &'static encoding_rs::Encoding {
    // UTF-16 without a BOM shows itself by NUL bytes in every other place.
    let head = &bytes[..bytes.len().min(400) & !1];
    let pairs = head.len() / 2;
    if pairs >= 2 {
        let even = head.iter().step_by(2).filter(|b| **b == 0).count();
        let odd = head.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
        if odd * 10 >= pairs * 4 && even == 0 {
            return encoding_rs::UTF_16LE;
        }
        if even * 10 >= pairs * 4 && odd == 0 {
            return encoding_rs::UTF_16BE;
        }
    }
    if std::str::from_utf8(bytes).is_ok() {
        encoding_rs::UTF_8
    } else {
        encoding_rs::WINDOWS_1258
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_boms_and_utf16() {
        assert_eq!(decode(b"\xEF\xBB\xBFa;b").unwrap(), "a;b");
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Số;x".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&le).unwrap(), "Số;x");
        let be: Vec<u8> = "Tên;x"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(decode(&be).unwrap(), "Tên;x");
    }

    #[test]
    fn bytes_that_are_neither_utf8_nor_vietnamese_are_refused_with_the_offset() {
        let cases: [&[u8]; 3] = [
            // Chinese in GBK.
            b"STT;\xC8\xCE\xCE\xF1;\xB9\xDC\xC0\xED\xB2\xBF\xC3\xC5",
            // German in Latin-1.
            b"Stra\xDFe;Gr\xF6\xDFe;\xDCbung;M\xFCller;Sch\xF6n",
            // No text at all.
            &[
                0x30, 0x80, 0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x9E, 0xA4, 0xA6, 0xBC,
            ],
        ];
        for bytes in cases {
            let e = decode(bytes).unwrap_err().to_string();
            let at = std::str::from_utf8(bytes).unwrap_err().valid_up_to();
            assert!(e.starts_with(&format!("{} {at};", t(T::ImpNotUtf8))), "{e}");
        }
    }

    #[test]
    fn bytes_that_are_not_utf8_are_windows_1258() {
        // What Excel on a Vietnamese Windows saves as plain "CSV".
        // Tones come as combining marks there; the import stores NFC.
        let text = decode(b"T\xEAn;\xD0\xF5n vi\xF2").unwrap();
        assert_eq!(crate::domain::text::nfc(&text), "Tên;Đơn vị");
    }
}
