//! Who issues the notice, read from its issuing body: the province's People's
//! Committee, or the Committee's Office when the header names it. The number's symbol,
//! the signer's title and the closing sentence follow it, so a notice headed by one
//! body is never signed or closed in the name of the other.

use crate::domain::text::fold;
use crate::i18n::T;

use super::text::vi;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Issuer {
    /// "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN": TB-UBND, signed "TL. CHỦ TỊCH / CHÁNH VĂN
    /// PHÒNG" (the Office's chief signs on the Chairman's behalf).
    Committee,
    /// "UBND TỈNH LẠNG SƠN / VĂN PHÒNG": TB-VP, signed by its chief in its own name.
    Office,
}

impl Issuer {
    /// From the issuing body's lines: its own name is the last one.
    pub fn of(issuing_body: &[String]) -> Issuer {
        let own = issuing_body.last().map(|l| fold(l)).unwrap_or_default();
        if own.trim_start().starts_with("van phong") {
            Issuer::Office
        } else {
            Issuer::Committee
        }
    }

    /// The symbol after the number when none is set.
    pub fn symbol(self) -> &'static str {
        match self {
            Issuer::Committee => vi(T::NoticeDefaultSymbol),
            Issuer::Office => vi(T::NoticeOfficeSymbol),
        }
    }

    /// The signer's title when none is set, one line each.
    pub fn signer_title(self) -> &'static str {
        match self {
            Issuer::Committee => vi(T::NoticeSignerCommittee),
            Issuer::Office => vi(T::NoticeSignerOffice),
        }
    }

    /// "UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.".
    pub fn closing(self) -> String {
        let body = match self {
            Issuer::Committee => vi(T::NoticeClosingCommittee),
            Issuer::Office => vi(T::NoticeClosingOffice),
        };
        vi(T::NoticeClosing).replace("{body}", body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(lines: &[&str]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn the_last_line_names_the_issuer() {
        let committee = Issuer::of(&body(&["ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"]));
        assert_eq!(committee, Issuer::Committee);
        assert_eq!(committee.symbol(), "TB-UBND");
        assert_eq!(committee.signer_title(), "TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG");
        assert_eq!(
            committee.closing(),
            "UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./."
        );
        let office = Issuer::of(&body(&["UBND TỈNH LẠNG SƠN", "VĂN PHÒNG"]));
        assert_eq!(office, Issuer::Office);
        assert_eq!(office.symbol(), "TB-VP");
        assert_eq!(office.signer_title(), "CHÁNH VĂN PHÒNG");
        assert_eq!(
            office.closing(),
            "Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./."
        );
        // The Office named under its parent on one line, too.
        assert_eq!(
            Issuer::of(&body(&["VĂN PHÒNG UBND TỈNH LẠNG SƠN"])),
            Issuer::Office
        );
    }
}
