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
    Ok(text.into_owned())
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
    fn bytes_that_are_not_utf8_are_windows_1258() {
        // What Excel on a Vietnamese Windows saves as plain "CSV".
        // Tones come as combining marks there; the import stores NFC.
        let text = decode(b"T\xEAn;\xD0\xF5n vi\xF2").unwrap();
        assert_eq!(crate::domain::text::nfc(&text), "Tên;Đơn vị");
    }
}
