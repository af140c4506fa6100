//! The upper part of the notice: the issuing body, the number and symbol, the place
//! and date. Each comes from the settings, with a default a clerk completes by hand.

use chrono::NaiveDate;

use crate::i18n::T;

use super::issuer::Issuer;
use super::model::Settings;
use super::text::{date_words, lines, one_line, vi};

/// The issuing body in capitals, one line each; the province's People's Committee
/// when unset.
pub fn issuing_body(settings: &Settings) -> Vec<String> {
    let mut body: Vec<String> = settings
        .issuing_body
        .as_deref()
        .map(lines)
        .unwrap_or_default()
        .iter()
        .map(|l| l.to_uppercase())
        .collect();
    if body.is_empty() {
        body.push(vi(T::NoticeDefaultBody).to_string());
    }
    body
}

/// "Số: 123/TB-UBND", or "Số:      /TB-UBND" when the setting has no number; the
/// issuer's symbol when none is set.
pub fn number(settings: &Settings, issuer: Issuer) -> String {
    let symbol =
        one_line(settings.number_symbol.as_deref()).unwrap_or_else(|| issuer.symbol().to_string());
    if symbol.contains('/') {
        format!("{} {symbol}", vi(T::NoticeNumber))
    } else {
        // Blank for the number the clerk gives it when it is issued.
        format!("{}      /{symbol}", vi(T::NoticeNumber))
    }
}

/// "Lạng Sơn, ngày 23 tháng 9 năm 2022"; dots for the place when unset.
pub fn place_date(settings: &Settings, issued_on: NaiveDate) -> String {
    let place = one_line(settings.place.as_deref()).unwrap_or_else(|| "……".to_string());
    format!("{place}, {}", date_words(issued_on))
}
