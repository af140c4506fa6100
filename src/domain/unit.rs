//! Units under inspection. Since the 2025 reform a working group inspects communes,
//! wards and provincial departments, so a unit has a kind, a parent and a period of
//! validity rather than being a "district".

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    Tinh,
    Huyen,
    ThanhPho,
    ThiXa,
    Xa,
    Phuong,
    ThiTran,
    So,
}

impl UnitKind {
    pub const ALL: [UnitKind; 8] = [
        UnitKind::Tinh,
        UnitKind::Huyen,
        UnitKind::ThanhPho,
        UnitKind::ThiXa,
        UnitKind::Xa,
        UnitKind::Phuong,
        UnitKind::ThiTran,
        UnitKind::So,
    ];

    /// The code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            UnitKind::Tinh => "tinh",
            UnitKind::Huyen => "huyen",
            UnitKind::ThanhPho => "thanh_pho",
            UnitKind::ThiXa => "thi_xa",
            UnitKind::Xa => "xa",
            UnitKind::Phuong => "phuong",
            UnitKind::ThiTran => "thi_tran",
            UnitKind::So => "so",
        }
    }

    pub fn from_code(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == s)
    }
}
