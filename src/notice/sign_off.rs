//! The lower part of the notice: the recipients (Nơi nhận) beside the signer.

use crate::domain::text::fold;
use crate::i18n::T;
use crate::model::InspectionHeader;

use super::directives::UnitDirectives;
use super::issuer::Issuer;
use super::model::{Settings, UnitInfo};
use super::text::{lines, one_line, unit_body, vi};

/// The recipients as set (or the default), then the units concerned not yet named,
/// then the archive, which the decree puts last: "Lưu: VT." unless the setting has
/// its own "Lưu" line.
pub fn recipients(
    settings: &Settings,
    inspected: &UnitInfo,
    by_unit: &[UnitDirectives],
) -> Vec<String> {
    let concerned = std::iter::once(inspected).chain(by_unit.iter().map(|d| &d.unit));
    let bodies: Vec<String> = concerned.map(unit_body).collect();
    recipients_of(settings, &bodies)
}

/// The recipients as set (or the default), then `concerned` not yet named, then the
/// archive line.
pub fn recipients_of(settings: &Settings, concerned: &[String]) -> Vec<String> {
    let set_lines = lines(
        settings
            .recipients
            .as_deref()
            .unwrap_or(vi(T::NoticeDefaultRecipients)),
    );
    let archive = set_lines
        .iter()
        .find(|l| is_archive(l))
        .map(|l| recipient_line(l).trim_end_matches(';').to_string() + ".")
        .unwrap_or_else(|| format!("- {}", vi(T::NoticeArchive)));
    let mut recipients: Vec<String> = set_lines
        .iter()
        .filter(|l| !is_archive(l))
        .map(|l| recipient_line(l))
        .collect();
    for body in concerned {
        // Compared folded, so a unit the setting already names is not named twice.
        let line = recipient_line(body);
        if !recipients.iter().any(|r| fold(r) == fold(&line)) {
            recipients.push(line);
        }
    }
    recipients.push(archive);
    recipients
}

/// "Lưu: VT.", "- luu hồ sơ": the archive line, however it was typed.
fn is_archive(l: &str) -> bool {
    fold(l)
        .trim_start_matches(['-', '+', ' '])
        .starts_with("luu")
}

/// A recipient line in the form "- X;" whatever was typed ("X", "- X", "+ X;").
fn recipient_line(s: &str) -> String {
    let core = s
        .trim()
        .trim_start_matches(['-', '+', '•'])
        .trim()
        .trim_end_matches([';', '.', ','])
        .trim();
    format!("- {core};")
}

/// The signer's title in capitals, one line each: as set, else the issuer's
/// ("TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG" under the People's Committee).
pub fn signer_title(settings: &Settings, issuer: Issuer) -> Vec<String> {
    lines(
        settings
            .signer_title
            .as_deref()
            .unwrap_or(issuer.signer_title()),
    )
    .into_iter()
    .map(|l| l.to_uppercase())
    .collect()
}

/// The signer's name: as set, else the chair's.
pub fn signer_name(settings: &Settings, h: &InspectionHeader) -> String {
    one_line(settings.signer_name.as_deref()).unwrap_or_else(|| lines(&h.chair_name).join(" "))
}
