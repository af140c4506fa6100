//! Every user-visible string, Vietnamese first, English second. The language is
//! chosen once at start-up (`--lang`, `TCT_LANG`) and read through `lang()`.

use std::sync::atomic::{AtomicU8, Ordering};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "vi" | "vn" | "vie" => Some(Lang::Vi),
            "en" | "eng" => Some(Lang::En),
            _ => None,
        }
    }
}

static LANG: AtomicU8 = AtomicU8::new(0);

pub fn set_lang(l: Lang) {
    LANG.store(l as u8, Ordering::Relaxed);
}

pub fn lang() -> Lang {
    if LANG.load(Ordering::Relaxed) == Lang::En as u8 {
        Lang::En
    } else {
        Lang::Vi
    }
}

macro_rules! catalog {
    ($($key:ident => $vi:expr, $en:expr;)*) => {
        /// A catalog entry; `t(T::X)` gives its text in the current language.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum T { $($key),* }

        impl T {
            pub fn in_lang(self, l: Lang) -> &'static str {
                match (self, l) {
                    $((T::$key, Lang::Vi) => $vi, (T::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

pub fn t(key: T) -> &'static str {
    key.in_lang(lang())
}

catalog! {
    AppTitle => "Tổ công tác của Chủ tịch UBND tỉnh", "Provincial Chairman's Working Group";
    Units => "Đơn vị", "Units";
    Targets => "Chỉ tiêu", "Targets";
    Tasks => "Nhiệm vụ", "Tasks";
    AsOf => "Ngày xem", "As of";
    ReadOnly => "CHỈ ĐỌC", "READ-ONLY";
    Demo => "DỮ LIỆU MẪU", "DEMO DATA";
    Filter => "Lọc", "Filter";
    NoRows => "(không có)", "(none)";
    NoUnit => "Chưa chọn đơn vị", "No unit selected";
    TooSmall => "Cửa sổ quá nhỏ", "Terminal too small";
    Help => "Phím tắt", "Keys";
    HelpClose => "Esc hoặc ? để đóng", "Esc or ? to close";
    // Target classes.
    ClassMet => "đạt và vượt", "met";
    ClassAbove70 => "trên 70%", "above 70%";
    ClassBelow70 => "dưới 70%", "below 70%";
    ClassNoData => "chưa có số liệu", "no data";
    ClassNoDataShort => "chưa có", "no data";
    // Unit kinds.
    KindTinh => "tỉnh", "province";
    KindHuyen => "huyện", "district";
    KindThanhPho => "thành phố", "city";
    KindThiXa => "thị xã", "town";
    KindXa => "xã", "commune";
    KindPhuong => "phường", "ward";
    KindThiTran => "thị trấn", "township";
    KindSo => "sở, ban, ngành", "department";
    // Task statuses.
    StDoneOnTime => "hoàn thành đúng hạn", "done on time";
    StDoneLate => "hoàn thành quá hạn", "done late";
    StDoneLateShort => "hoàn thành trễ", "done late";
    StOverdue => "quá hạn", "overdue";
    StDueSoon => "sắp đến hạn", "due soon";
    StInTime => "trong hạn", "in time";
    StNoDeadline => "không thời hạn", "no deadline";
    // Task list modes.
    ModeOverdue => "quá hạn", "overdue";
    ModeOpen => "chưa hoàn thành", "open";
    ModeAll => "tất cả", "all";
    ModeAllUnitsOverdue => "Quá hạn – toàn tỉnh", "Overdue – all units";
    // Columns.
    ColName => "Tên", "Name";
    ColKind => "Loại", "Kind";
    ColTargets => "Chỉ tiêu Đ·70·<", "Targets M·70·<";
    ColTasks => "NV đúng/trễ/quá", "Tasks ok/late/over";
    ColPlan => "Kế hoạch", "Plan";
    ColActual => "Thực hiện", "Actual";
    ColMeasure => "ĐVT", "Measure";
    ColProgress => "Tiến độ", "Progress";
    ColStatus => "Trạng thái", "Status";
    ColDeadline => "Hạn xử lý", "Deadline";
    ColTitle => "Tên nhiệm vụ", "Task";
    ColUnit => "Đơn vị", "Unit";
    ColDays => "Ngày", "Days";
    // Detail view.
    Detail => "Chi tiết", "Detail";
    DocNumber => "Số/ký hiệu văn bản", "Document";
    DocDate => "Ngày văn bản", "Document date";
    Leader => "Lãnh đạo chỉ đạo", "Assigning leader";
    LeadUnit => "Đơn vị chủ trì", "Lead unit";
    Cooperating => "Đơn vị phối hợp", "Cooperating units";
    AssignedOn => "Ngày giao", "Assigned on";
    OriginalDeadline => "Hạn ban đầu", "Original deadline";
    CompletedOn => "Ngày hoàn thành", "Completed on";
    Origin => "Nguồn", "Origin";
    Extensions => "Gia hạn", "Extensions";
    NoExtensions => "không gia hạn", "none";
    Readings => "Số liệu theo thời gian", "Readings over the year";
    Direction => "Chiều", "Direction";
    HigherBetter => "càng cao càng tốt", "higher is better";
    LowerBetter => "càng thấp càng tốt", "lower is better";
    Year => "Năm", "Year";
    Days => "ngày", "days";
    // Key help.
    KUp => "lên", "up";
    KDown => "xuống", "down";
    KPageUp => "lên một trang", "page up";
    KPageDown => "xuống một trang", "page down";
    KTop => "đầu danh sách", "first row";
    KBottom => "cuối danh sách", "last row";
    KNextPane => "khung kế tiếp", "next pane";
    KPrevPane => "khung trước", "previous pane";
    KFilter => "lọc danh sách", "filter list";
    KOpen => "xem chi tiết", "open detail";
    KBack => "bỏ lọc / quay lại", "clear / back";
    KHelp => "phím tắt", "help";
    KQuit => "thoát", "quit";
    KTaskMode => "quá hạn / chưa xong / tất cả", "overdue / open / all";
    KAllOverdue => "quá hạn toàn tỉnh", "overdue, all units";
    KFilterApply => "giữ bộ lọc", "keep filter";
    KFilterCancel => "bỏ lọc", "clear filter";
    KScrollUp => "cuộn lên", "scroll up";
    KScrollDown => "cuộn xuống", "scroll down";
    KClose => "đóng", "close";
    // Errors.
    ErrUnknownUnit => "không có đơn vị", "no such unit";
    ErrClosest => "gần giống", "closest";
    ErrNotTct => "tệp không phải cơ sở dữ liệu tct", "file is not a tct database";
    ErrNotSqlite => "tệp không phải cơ sở dữ liệu SQLite", "file is not a SQLite database";
    ErrNewer => "cơ sở dữ liệu do phiên bản tct mới hơn tạo (lược đồ", "database was made by a newer tct (schema";
    ErrNoDir => "thư mục không tồn tại", "directory does not exist";
    ErrDate => "ngày không hợp lệ", "invalid date";
    ErrDateMissing => "ngày không tồn tại", "date does not exist";
    ErrYearRange => "năm ngoài khoảng 1900–2200", "year outside 1900–2200";
    ErrLang => "ngôn ngữ không hỗ trợ (vi hoặc en)", "unsupported language (vi or en)";
    ErrNotDemo => "tệp không phải cơ sở dữ liệu mẫu, không ghi đè", "file is not the demo database; not overwritten";
    ColMet => "Đạt", "Met";
    ColAbove => "≥70%", "≥70%";
    ColBelow => "<70%", "<70%";
    ColOnTime => "Đ.hạn", "OnTime";
    ColLate => "Trễ", "Late";
    ColOverdue => "Q.hạn", "Over";
    OpenedReadOnly => "cơ sở dữ liệu chỉ đọc: chỉ xem, không ghi", "database is read-only: viewing only";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_differ_where_they_should() {
        assert_eq!(T::Units.in_lang(Lang::Vi), "Đơn vị");
        assert_eq!(T::Units.in_lang(Lang::En), "Units");
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
    }
}
