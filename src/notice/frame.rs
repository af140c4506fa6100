//! The letterhead and sign-off of another document the issuing body sends (the report
//! on the province's tasks): the notice's settings, read the same way, so both carry
//! the same body, place and signer; only the symbol differs ("BC-UBND").

use chrono::NaiveDate;

use crate::document::{Letterhead, SignOff};
use crate::i18n::T;

use super::issuer::Issuer;
use super::letterhead;
use super::model::Settings;
use super::sign_off;
use super::text::{one_line, vi};

/// `kind` is the document's symbol ("BC"): the number is left blank for the clerk,
/// "Số:      /BC-UBND" under the Committee, "/BC-VP" under its Office, unless the
/// `report_symbol` setting gives it.
pub fn frame(settings: &Settings, kind: &str, issued_on: NaiveDate) -> (Letterhead, SignOff) {
    let body = letterhead::issuing_body(settings);
    let issuer = Issuer::of(&body);
    let (issuing_body, issuing_own) = letterhead::broken(body);
    let symbol = one_line(settings.report_symbol.as_deref())
        .unwrap_or_else(|| issuer.symbol().replacen("TB", kind, 1));
    // A symbol with its number ("45/BC-UBND") as set; else blank for the clerk.
    let number = if symbol.contains('/') {
        format!("{} {symbol}", vi(T::NoticeNumber))
    } else {
        format!("{}      /{symbol}", vi(T::NoticeNumber))
    };
    let head = Letterhead {
        issuing_body,
        issuing_own,
        national_name: vi(T::NoticeNationalName).to_string(),
        motto: vi(T::NoticeMotto).to_string(),
        number,
        place_date: letterhead::place_date(settings, issued_on),
    };
    let foot = SignOff {
        recipients_label: vi(T::NoticeRecipients).to_string(),
        recipients: sign_off::recipients_of(settings, &[]),
        signer_title: sign_off::signer_title(settings, issuer),
        // Blank for the signer's name when none is set: a report has no chair.
        signer_name: one_line(settings.signer_name.as_deref()).unwrap_or_default(),
    };
    (head, foot)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_takes_the_issuers_symbol_and_signer() {
        let d = NaiveDate::from_ymd_opt(2022, 9, 23).unwrap();
        let (head, foot) = frame(&Settings::default(), "BC", d);
        assert_eq!(head.number, "Số:      /BC-UBND");
        assert_eq!(foot.signer_title, ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]);
        assert_eq!(
            foot.recipients.last().map(String::as_str),
            Some("- Lưu: VT.")
        );
        let office = Settings {
            issuing_body: Some("UBND tỉnh Lạng Sơn\nVăn phòng".into()),
            ..Default::default()
        };
        assert_eq!(frame(&office, "BC", d).0.number, "Số:      /BC-VP");
        let numbered = Settings {
            report_symbol: Some("45/BC-UBND".into()),
            ..Default::default()
        };
        assert_eq!(frame(&numbered, "BC", d).0.number, "Số: 45/BC-UBND");
    }
}
