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
    // Conclusion item kinds.
    KindResult => "Đánh giá kết quả", "Results";
    KindShortcoming => "Tồn tại, hạn chế", "Shortcomings";
    KindDirective => "Chỉ đạo, yêu cầu", "Directive";
    KindProposal => "Kiến nghị", "Proposal";
    KindResultShort => "Kết quả", "Result";
    KindShortcomingShort => "Hạn chế", "Shortfall";
    KindDirectiveShort => "Chỉ đạo", "Directive";
    KindProposalShort => "Kiến nghị", "Proposal";
    // Task statuses.
    StDoneOnTime => "hoàn thành đúng hạn", "done on time";
    StDoneLate => "hoàn thành quá hạn", "done late";
    StDoneLateShort => "hoàn thành trễ", "done late";
    StOverdue => "quá hạn", "overdue";
    StDueSoon => "sắp đến hạn", "due soon";
    StInTime => "trong hạn", "in time";
    StNoDeadline => "không thời hạn", "no deadline";
    StCancelled => "đã hủy", "cancelled";
    CompletionUnknown => "ngày hoàn thành không rõ", "completion date unknown";
    CompletionUnknownShort => "không rõ ngày", "date unknown";
    // Task list modes.
    ModeOverdue => "quá hạn", "overdue";
    ModeOpen => "chưa hoàn thành", "open";
    ModeAll => "tất cả", "all";
    ModeAllUnitsOverdue => "Quá hạn – toàn tỉnh", "Overdue – all units";
    // Columns.
    ColName => "Tên", "Name";
    ColKind => "Loại", "Kind";
    ColPlan => "Kế hoạch", "Plan";
    ColActual => "Thực hiện", "Actual";
    ColMeasure => "ĐVT", "Measure";
    ColProgress => "Tiến độ", "Progress";
    ColStatus => "Trạng thái", "Status";
    ColDeadline => "Hạn xử lý", "Deadline";
    ColTitle => "Tên nhiệm vụ", "Task";
    ColUnit => "Đơn vị", "Unit";
    ColDays => "Ngày", "Days";
    ColDaysOverdue => "Số ngày quá hạn", "Days overdue";
    ColOrigin => "Nguồn nhiệm vụ", "Task origin";
    ColDocNumber => "Số/ký hiệu văn bản", "Document number";
    ColProgressPct => "Tiến độ (%)", "Progress (%)";
    ColReadingDate => "Ngày số liệu", "Reading date";
    // Detail view.
    Detail => "Chi tiết", "Detail";
    DocNumber => "Số/ký hiệu văn bản", "Document";
    ColDoc => "Số/ký hiệu", "Doc no.";
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
    Day => "ngày", "day";
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
    KSearch => "tìm nhiệm vụ toàn tỉnh (tên, số văn bản)", "search every task (title, document number)";
    KSort => "đổi thứ tự danh sách đang chọn", "change the order of the focused list";
    SortUnit => "xếp theo đơn vị", "by unit";
    SortTitle => "xếp theo tên", "by title";
    SortOverdue => "xếp theo số quá hạn", "by tasks overdue";
    SortProgress => "xếp theo tiến độ", "by progress";
    SearchProvince => "Tìm – toàn tỉnh", "Search – all units";
    EmptySearch => "Gõ vài chữ của tên nhiệm vụ hoặc số văn bản (vd. 1234/UBND-KT)", "Type words of a task's title or its document number (e.g. 1234/UBND-KT)";
    KShowAbolished => "đơn vị: hiện / ẩn đơn vị đã giải thể", "units: show / hide abolished units";
    KWriteBrief => "đơn vị: ghi tóm tắt trước buổi kiểm tra (.docx) cạnh cơ sở dữ liệu", "unit: write its brief before a visit (.docx) beside the database";
    WithAbolished => "kể cả đã giải thể", "abolished included";
    KFilterApply => "giữ bộ lọc", "keep filter";
    KFilterCancel => "bỏ lọc", "clear filter";
    KMarkDone => "nhiệm vụ: ghi ngày hoàn thành", "task: record completion";
    KPromptApply => "ghi", "record";
    KPromptCancel => "thôi", "cancel";
    DoneTitle => "Hoàn thành nhiệm vụ", "Task completion";
    DoneLabel => "Ngày hoàn thành (dd/mm/yyyy):", "Completed on (dd/mm/yyyy):";
    DoneEmptyHint => "Để trống: chưa hoàn thành.", "Empty: not completed.";
    DoneSaved => "Đã ghi hoàn thành ngày", "Recorded as completed on";
    DoneCleared => "Đã ghi là chưa hoàn thành", "Recorded as not completed";
    DoneNoTask => "chọn một nhiệm vụ trong khung Nhiệm vụ trước", "select a task in the Tasks pane first";
    ErrDoneBeforeAssigned => "ngày hoàn thành trước ngày giao", "completion date before the date assigned";
    ErrDoneAfterToday => "ngày hoàn thành sau ngày xem", "completion date after the as-of date";
    // Edits from the keyboard (`+`, `s`, `a`, `r`) and their undo.
    KExtend => "nhiệm vụ: gia hạn", "task: extend the deadline";
    KCorrect => "nhiệm vụ: sửa tên, đơn vị chủ trì", "task: correct title, lead unit";
    KAddTask => "nhiệm vụ: thêm bằng tay", "task: add by hand";
    KReading => "chỉ tiêu: nhập số liệu mới", "target: enter a new reading";
    KUndoEdit => "hoàn tác sửa vừa ghi", "undo the edit just made";
    ExtendTitle => "Gia hạn nhiệm vụ", "Extend a task's deadline";
    CorrectTitle => "Sửa nhiệm vụ", "Correct a task";
    AddTaskTitle => "Thêm nhiệm vụ", "Add a task";
    ReadingTitle => "Số liệu chỉ tiêu", "Target reading";
    EdNewDeadline => "Hạn mới", "New deadline";
    EdDocNumber => "Văn bản số", "Document no.";
    EdReason => "Lý do", "Reason";
    EdTitle => "Tên nhiệm vụ", "Title";
    EdUnit => "Đơn vị chủ trì", "Lead unit";
    EdDeadline => "Hạn (có thể để trống)", "Deadline (optional)";
    EdSource => "Văn bản giao", "Source document";
    EdValue => "Giá trị", "Value";
    EdDate => "Ngày", "Date";
    EdNowDeadline => "Hạn hiện tại", "Deadline now";
    EdNoDeadline => "chưa có hạn", "no deadline";
    EdExtendHint => "Ngày dd/mm/yyyy, hoặc +30, +2 tuần, +3 tháng kể từ hạn hiện tại.", "A date dd/mm/yyyy, or +30, +2 tuần, +3 tháng after the deadline now.";
    EdDeadlineHint => "Ngày dd/mm/yyyy, +30, +2 tuần, +3 tháng, cuối tháng, cuối quý, cuối năm.", "A date dd/mm/yyyy, +30, +2 tuần, +3 tháng, cuối tháng, cuối quý, cuối năm.";
    EdReadingHint => "Số viết 1.234,5 hoặc 1234.5; cùng ngày thì thay số cũ.", "Written 1.234,5 or 1234.5; the same date replaces that day's figure.";
    EdUnitHint => "Tên đơn vị gõ không dấu cũng được.", "A unit's name may be typed without diacritics.";
    EdKeysHint => "Tab: ô kế tiếp · Enter ở ô cuối hoặc Ctrl-S: ghi · Esc: thôi", "Tab: next field · Enter on the last field or Ctrl-S: save · Esc: cancel";
    EdNoTarget => "chọn một chỉ tiêu trong khung Chỉ tiêu trước", "select a target in the Targets pane first";
    EdNoUnit => "chọn một đơn vị trước", "select a unit first";
    EdDoneTask => "nhiệm vụ đã hoàn thành: không gia hạn", "the task is completed: no extension";
    ErrExtendNotLater => "hạn mới phải sau hạn hiện tại", "the new deadline must be after the deadline now";
    ErrDeadlineBeforeAssigned => "hạn trước ngày giao", "deadline before the date assigned";
    ErrEmptyDate => "chưa nhập ngày", "no date typed";
    ErrEmptyTitle => "tên nhiệm vụ không được để trống", "the title cannot be empty";
    ErrBadValue => "giá trị không phải là số", "the value is not a number";
    ErrEmptyValue => "chưa nhập giá trị", "no value typed";
    ErrReadingAfterToday => "ngày số liệu sau ngày xem", "reading dated after the as-of date";
    EdExtended => "Đã gia hạn đến", "Deadline extended to";
    EdCorrected => "Đã sửa nhiệm vụ", "Task corrected";
    EdNothingChanged => "Không có gì thay đổi", "Nothing changed";
    EdAdded => "Đã thêm nhiệm vụ", "Task added";
    EdReadingSaved => "Đã ghi số liệu", "Reading recorded";
    EdUndoHint => "Ctrl-Z: hoàn tác", "Ctrl-Z: undo";
    EdParked => "Đã đóng, chưa ghi; mở lại bằng cùng phím trên cùng bản ghi thì những gì đã gõ vẫn còn", "Closed, not written; the same key on the same record brings back what was typed";
    EdUnparked => "Những gì đã gõ lúc trước đã được lấy lại", "What was typed before is back";
    EdUndone => "Đã hoàn tác", "Undone";
    EdNothingToUndo => "không có gì để hoàn tác (chỉ hoàn tác được ngay sau khi sửa)", "nothing to undo (only right after an edit)";
    EdUndoStale => "không hoàn tác được: bản ghi đã thay đổi", "cannot undo: the record has changed since";
    KScrollUp => "cuộn lên", "scroll up";
    KScrollDown => "cuộn xuống", "scroll down";
    KOpenOrClose => "mở / đóng", "open / close";
    KClose => "đóng", "close";
    KNewInspection => "kiểm tra mới (ghi kết luận)", "new inspection (record conclusions)";
    KHistory => "các lần kiểm tra của đơn vị", "the unit's inspections";
    KSave => "lưu", "save";
    KNextField => "ô kế tiếp", "next field";
    KPrevField => "ô trước", "previous field";
    KNewItem => "thêm mục", "new item";
    KCycleKind => "đổi loại mục", "change item kind";
    KPrevItem => "mục trước", "previous item";
    KNextItem => "mục sau", "next item";
    KMoveItemUp => "chuyển mục lên", "move item up";
    KMoveItemDown => "chuyển mục xuống", "move item down";
    KDeleteItem => "xoá mục", "delete item";
    KUndoDelete => "khôi phục mục vừa xoá", "undo delete";
    KComplete => "điền theo gợi ý", "accept suggestion";
    KLeave => "đóng biên bản", "close the form";
    // The inspection form.
    FormTitle => "Biên bản kiểm tra", "Inspection record";
    FText => "Nội dung", "Text";
    FUnit => "Đơn vị thực hiện", "Responsible unit";
    FDeadline => "Hạn xử lý", "Deadline";
    FDate => "Ngày kiểm tra", "Date";
    FPlace => "Địa điểm", "Place";
    FChair => "Chủ trì", "Chaired by";
    FChairTitle => "Chức vụ", "Title";
    FMembers => "Thành viên Tổ công tác", "Working group members";
    FAttendees => "Đại biểu đơn vị", "For the unit";
    FReport => "Đơn vị báo cáo", "The unit reported";
    Item => "Mục", "Item";
    ColDate => "Ngày", "Date";
    ColItems => "Số mục", "Items";
    Items => "Kết luận", "Conclusions";
    Unsaved => "chưa lưu", "unsaved";
    SavedAt => "đã lưu", "saved";
    Suggestion => "Gợi ý", "Suggestion";
    DeadlineHint => "dd/mm/yyyy, +30, cuối quý…", "dd/mm/yyyy, +30, cuối quý…";
    UnitDefault => "để trống là đơn vị được kiểm tra", "left empty, the inspected unit";
    PreviousDirectives => "Chỉ đạo lần trước", "Last time's directives";
    HasTask => "đã thành nhiệm vụ", "tracked as a task";
    Inspections => "Các lần kiểm tra", "Inspections";
    NoInspections => "chưa có lần kiểm tra nào; n để bắt đầu", "no inspections yet; n to start one";
    LastInspection => "Kiểm tra", "Visited";
    ColDirectives => "Chỉ đạo", "Directs";
    SavedMsg => "Đã lưu biên bản", "Inspection saved";
    NotSaved => "Chưa lưu được", "Not saved";
    FileRestored => "tệp dữ liệu đã bị xoá khi tct đang mở; tct đã ghi lại đủ dữ liệu vào", "the database file was deleted while tct had it open; tct wrote all its data back to";
    FileMoved => "tệp dữ liệu đã bị thay bằng tệp khác khi tct đang mở; tct không ghi đè tệp đó mà ghi tiếp vào", "the database file was replaced by another while tct had it open; tct leaves that file alone and goes on writing to";
    ReadOnlyNoEdit => "cơ sở dữ liệu chỉ đọc: không ghi được", "database is read-only: cannot write";
    FromInspection => "Kết luận kiểm tra", "Inspection conclusion";
    // Dialogs.
    DlgUnsavedTitle => "Biên bản chưa lưu", "Unsaved record";
    DlgUnsavedBody => "Có thay đổi chưa lưu. Bản nháp vẫn được giữ trên đĩa.", "There are unsaved changes. The draft stays on disk.";
    DlgUnsavedNoDraft => "Có thay đổi chưa lưu, và bản nháp chưa ghi được lên đĩa: bỏ thì mất phần đã gõ.", "There are unsaved changes, and the draft could not be written to disk: discarding loses what was typed.";
    DlgTypeOn => "Gõ tiếp thì tiếp tục sửa.", "Typing on keeps editing.";
    DlgSaveLeave => "lưu rồi đóng", "save and close";
    DlgDiscard => "bỏ thay đổi", "discard changes";
    DlgChooseUnitTitle => "Chọn đơn vị", "Choose the unit";
    DlgChooseUp => "lên", "up";
    DlgChooseDown => "xuống", "down";
    DlgChoose => "chọn đơn vị này và lưu", "choose this unit and save";
    DlgKeepEditing => "tiếp tục sửa", "keep editing";
    DlgDeleteTitle => "Xoá mục", "Delete item";
    DlgDeleteBody => "Xoá mục này khỏi kết luận?", "Delete this item from the conclusions?";
    DlgDeleteTaskBody => "Mục này đã thành nhiệm vụ được theo dõi. Làm gì với nhiệm vụ?", "This directive is tracked as a task. What happens to the task?";
    DlgDelete => "xoá", "delete";
    DlgDeleteWithTask => "xoá cả nhiệm vụ", "delete the task too";
    DlgKeepTask => "giữ nhiệm vụ", "keep the task";
    DlgCancel => "thôi", "cancel";
    // Deleting an inspection record from a unit's list, and restoring it.
    DlgDeleteRecordTitle => "Xóa biên bản kiểm tra", "Delete inspection record";
    DlgDeleteRecordBody => "Xóa biên bản kiểm tra ngày", "Delete the inspection record of";
    DlgDeleteRecordTasks => "nhiệm vụ do chỉ đạo của biên bản này tạo ra đang được theo dõi. Làm gì với các nhiệm vụ?", "tasks created by this record's directives are tracked. What happens to them?";
    DlgDeleteRecordKept => "Biên bản được giữ lại và khôi phục được (x trong danh sách).", "The record is kept and can be restored (x in the list).";
    DlgDeleteRecord => "xóa biên bản", "delete the record";
    DlgDeleteRecordKeepTasks => "xóa biên bản, giữ các nhiệm vụ", "delete the record, keep the tasks";
    DlgDeleteRecordAndTasks => "xóa cả các nhiệm vụ", "delete the tasks too";
    KDeleteInspection => "xóa biên bản đang chọn (hỏi trước)", "delete the selected record (asks first)";
    KShowDeleted => "hiện / ẩn biên bản đã xóa", "show / hide deleted records";
    KRestoreInspection => "khôi phục biên bản đã xóa", "restore the deleted record";
    HistoryWithDeleted => "kể cả đã xóa", "deleted included";
    HistoryOpenHint => "mở", "open";
    HistoryDeleteHint => "xóa", "remove";
    HistoryShowDeletedHint => "đã xóa", "deleted";
    KRestoreShort => "khôi phục", "restore";
    RecordDeletedMark => "đã xóa", "deleted";
    RecordDeleted => "Đã xóa biên bản kiểm tra ngày", "Deleted the inspection record of";
    RecordRestored => "Đã khôi phục biên bản kiểm tra ngày", "Restored the inspection record of";
    RecordWord => "biên bản kiểm tra ngày", "the inspection record of";
    RecordAndTasks => "và {n} nhiệm vụ", "and {n} of its tasks";
    RecordTasksKept => "giữ {n} nhiệm vụ", "its {n} tasks kept";
    RecordDeletedNoSave => "biên bản này đã bị xóa: khôi phục nó trước (i, x, Ctrl-R) rồi lưu", "this record was deleted: restore it first (i, x, Ctrl-R), then save";
    RecordNotDeleted => "biên bản này chưa bị xóa", "this record is not deleted";
    RecordAlreadyDeleted => "biên bản này đã xóa; khôi phục bằng", "this record is deleted; restore it with";
    RecordGone => "biên bản không còn như lúc hiện danh sách; đã tải lại", "the record changed since the list was shown; reloaded";
    // Drafts: left unsaved by a window that is gone, or discarded and kept a while.
    KDrafts => "bản nháp (mở lại)", "drafts (restore)";
    KDropDraft => "bỏ bản nháp (giữ 14 ngày)", "discard the draft (kept 14 days)";
    DraftsLeftTitle => "Bản nháp chưa lưu", "Unsaved drafts";
    DraftsAllTitle => "Bản nháp", "Drafts";
    DraftsLeftBody => "Biên bản đang soạn dở khi tct tắt (mất điện, đóng cửa sổ):", "Records left unsaved when tct stopped (a crash, a closed window):";
    DraftsNone => "Không có bản nháp nào.", "No drafts.";
    DraftUnsaved => "chưa lưu", "unsaved";
    DraftDiscarded => "đã bỏ", "discarded";
    DraftNew => "mới", "new";
    DraftEditing => "sửa", "editing";
    DraftWritten => "Ghi lúc", "Written";
    DraftText => "Nội dung", "Text";
    DraftRestore => "mở lại", "restore";
    DraftLater => "để sau", "later";
    DraftDropped => "Đã bỏ bản nháp; giữ 14 ngày, phím b để mở lại", "Draft discarded; kept 14 days, b to restore it";
    FormDiscarded => "Đã bỏ thay đổi; bản nháp giữ 14 ngày, phím b để mở lại", "Changes discarded; the draft is kept 14 days, b to restore it";
    FormDiscardedNoDraft => "Đã bỏ thay đổi", "Changes discarded";
    DraftTaken => "Bản nháp này vừa được mở ở cửa sổ khác", "This draft was just opened in another window";
    DraftUnreadable => "Bản nháp không đọc được", "The draft cannot be read";
    DraftOfThisForm => "Biên bản này có bản nháp chưa lưu: mở lại hoặc bỏ nó trước", "This record has an unsaved draft: restore or discard it first";
    DraftsTypedOn => "Đã bỏ qua các phím gõ liền lúc danh sách vừa hiện: đọc rồi chọn", "Keys typed on as the list appeared were ignored: read it, then choose";
    PasteNowhere => "Văn bản dán chỉ vào ô đang nhập: mở một ô (/ để lọc) rồi dán", "Pasted text goes only into a field: open one (/ to filter), then paste";
    // Errors.
    ErrUnknownUnit => "không có đơn vị", "no such unit";
    ErrClosest => "gần giống", "closest";
    ErrNotTct => "tệp không phải cơ sở dữ liệu tct", "file is not a tct database";
    ErrNotSqlite => "tệp không phải cơ sở dữ liệu SQLite", "file is not a SQLite database";
    ErrNewer => "cơ sở dữ liệu do phiên bản tct mới hơn tạo (lược đồ", "database was made by a newer tct (schema";
    ErrNoDatabase => "không có cơ sở dữ liệu {p}; tạo mới bằng `tct --db {p} import TỆP` hoặc mở tct", "no database at {p}; create it with `tct --db {p} import FILE` or by opening tct";
    DbCreated => "đã tạo cơ sở dữ liệu mới", "created a new database";
    DbOnNetwork => "cơ sở dữ liệu ở ổ mạng, nơi SQLite không dùng được WAL: tct chạy chậm hơn và mỗi lúc chỉ một người nên mở tệp", "the database is on a network drive, where SQLite cannot use WAL: tct works more slowly there, and only one person should open it at a time";
    ErrNoDir => "thư mục không tồn tại", "directory does not exist";
    ErrNoReplica => "cơ sở dữ liệu chưa có định danh để trao đổi với máy khác", "the database has no identity to exchange with other laptops yet";
    ErrSyncOtherDatabase => "tệp trao đổi này của một cơ sở dữ liệu khác, không phải bản chép của cơ sở dữ liệu này: chép tệp .db từ máy đã có dữ liệu để bắt đầu", "this bundle belongs to another database, not a copy of this one: copy the .db file from a laptop that has the data to start";
    ErrBundleDamaged => "tệp trao đổi bị hỏng, không trọn vẹn hoặc không phải tệp trao đổi của tct; không thay đổi gì", "the bundle is damaged, cut short or not a tct bundle; nothing changed";
    ErrBundleWrite => "không ghi được tệp trao đổi", "could not write the bundle";
    ErrBundleNewer => "tệp trao đổi do phiên bản tct mới hơn tạo: hãy cập nhật tct trên máy này; không thay đổi gì", "the bundle was made by a newer tct: update tct on this laptop; nothing changed";
    ErrBundleOlder => "tệp trao đổi do phiên bản tct cũ hơn tạo: hãy cập nhật tct trên máy gửi; không thay đổi gì", "the bundle was made by an older tct: update tct on the laptop that sent it; nothing changed";
    ErrBundleRead => "không đọc được tệp trao đổi", "cannot read the bundle";
    SyncWritten => "đã ghi {n} thay đổi vào {p}", "wrote {n} changes to {p}";
    SyncTaken => "{new} thay đổi mới, {known} đã có", "{new} new changes, {known} already here";
    SyncWaiting => "; {n} chờ thay đổi trước chúng", "; {n} wait for earlier ones";
    SyncConflictsWait => "; {n} xung đột chờ xem (tct sync conflicts)", "; {n} conflicts to look at (tct sync conflicts)";
    SyncThisLaptop => "Máy này: {name} (mã {id}), {n} thay đổi ghi tại đây", "This laptop: {name} (id {id}), {n} changes made here";
    SyncPeer => "Máy {name}: nhận lần cuối {at}, {n} thay đổi", "Laptop {name}: last heard from {at}, {n} changes";
    SyncNoPeers => "Chưa trao đổi với máy nào", "No exchange with another laptop yet";
    SyncConflictCount => "Xung đột chờ xem: {n}", "Conflicts to look at: {n}";
    SyncNoConflicts => "Không có xung đột", "No conflicts";
    SyncLost => "bị ghi đè", "written over";
    SyncKept => "giữ", "kept";
    SyncBy => "máy", "laptop";
    ErrNoConflict => "không có xung đột mang số này (xem `tct sync conflicts`)", "no conflict has this id (see `tct sync conflicts`)";
    ErrConflictDecided => "xung đột này đã được quyết định", "this conflict has been decided already";
    ErrConflictNoRestore => "không đưa lại được giá trị cũ (dòng đã bị xoá hoặc không phải một giá trị bị ghi đè); chỉ giữ được giá trị hiện tại", "the earlier value cannot be put back (the row is gone, or it is not a value written over); only the value now can be kept";
    SyncDecided => "đã quyết định", "decided";
    SyncRowTask => "Nhiệm vụ", "Task";
    SyncRowItem => "Kết luận", "Conclusion";
    SyncRowInspection => "Biên bản kiểm tra", "Inspection record";
    SyncRowExtension => "Gia hạn", "Extension";
    SyncRowReading => "Số liệu chỉ tiêu", "Target reading";
    SyncRowTarget => "Chỉ tiêu", "Target";
    SyncRowUnit => "Đơn vị", "Unit";
    SyncRowSetting => "Thiết lập", "Setting";
    SyncFieldDeadline => "hạn xử lý", "deadline";
    SyncFieldCompleted => "ngày hoàn thành", "completion date";
    SyncFieldText => "nội dung", "wording";
    SyncFieldValue => "giá trị", "value";
    SyncWholeRow => "cả dòng", "the whole row";
    SyncKindOverwritten => "bị ghi đè", "written over";
    SyncKindDeleted => "bị xoá ở một máy trong khi máy khác đang sửa", "deleted on one laptop while another was editing it";
    SyncKindEditLost => "sửa một dòng máy khác đã xoá", "an edit of a row another laptop deleted";
    SyncKindRefused => "thay đổi không áp dụng được (dòng nó cần đã bị xoá)", "a change that could not apply (a row it needs was deleted)";
    SyncChoseKeep => "giữ giá trị hiện tại", "the value now kept";
    SyncChoseRestore => "khôi phục giá trị bị ghi đè", "the value written over put back";
    SyncResolved => "đã quyết định xung đột", "conflict decided";
    KConflicts => "xung đột giữa các máy", "conflicts between laptops";
    KKeepConflict => "giữ giá trị hiện tại", "keep the value now";
    KRestoreConflict => "khôi phục giá trị bị ghi đè", "put back the value written over";
    ConflictsTitle => "Xung đột", "Conflicts";
    ConflictsWaiting => "{n} chờ quyết định", "{n} to decide";
    ConflictKeepShort => "giữ", "keep";
    ConflictRestoreShort => "khôi phục", "put back";
    ConflictSelect => "chọn", "select";
    ConflictsHow => "Xung đột có khi hai máy cùng sửa một thứ (hạn xử lý của một nhiệm vụ, nội dung một kết luận…) trước khi trao đổi với nhau: máy nào cũng giữ giá trị sửa sau, giá trị kia được giữ ở đây để người quyết định.", "A conflict comes when two laptops change the same thing (a task's deadline, a conclusion's wording…) before they exchange: every laptop keeps the later change, and the other value is kept here for a person to decide.";
    ConflictKept => "Đã giữ giá trị hiện tại", "Kept the value now";
    ConflictRestored => "Đã khôi phục giá trị bị ghi đè", "Put back the value written over";
    ConflictNoRestore => "Xung đột này không có giá trị bị ghi đè để khôi phục; giữ như hiện tại:", "This conflict has no value written over to put back; to keep it as it is:";
    TitleExchanged => "trao đổi", "exchanged";
    TitleConflictOne => "1 xung đột", "1 conflict";
    TitleConflicts => "{n} xung đột", "{n} conflicts";
    ErrSyncApply => "không áp dụng được thay đổi từ máy khác; cơ sở dữ liệu không thay đổi", "could not apply a change from another laptop; the database is unchanged";
    ErrOutputIsDb => "không ghi: tệp ghi ra chính là cơ sở dữ liệu đang mở (hoặc một tệp đi kèm nó: -wal, -shm…)", "not written: the output is the open database itself (or a file kept beside it: -wal, -shm…)";
    ErrOutputNotFile => "không ghi: tệp ghi ra không phải tệp thường (thư mục, FIFO, thiết bị, hay liên kết không trỏ tới tệp nào)", "not written: the output is not a regular file (a directory, FIFO, device, or a link to nothing)";
    ErrBackupNeedsFile => "sao lưu cần tên tệp (như tct backup sao-luu.db); «-» không dùng được", "a backup needs a file name (such as tct backup copy.db); «-» cannot be used";
    ErrBinaryToTerminal => "không in {f} ra màn hình: ghi vào tệp (-o TỆP hoặc > TỆP)", "{f} is not printed on a terminal: write it to a file (-o FILE or > FILE)";
    ErrWriteFile => "không ghi được tệp", "could not write the file";
    ErrDate => "ngày không hợp lệ", "invalid date";
    ErrDateMissing => "ngày không tồn tại", "date does not exist";
    ErrYearRange => "năm ngoài khoảng 1900–2200", "year outside 1900–2200";
    ErrDeadlineBefore => "hạn xử lý trước ngày kiểm tra", "deadline before the inspection date";
    ErrMdOnlyConclusions => "--format md chỉ dùng cho báo cáo kết luận (conclusions)", "--format md is for conclusions only";
    ErrConclusionsFormat => "báo cáo kết luận (conclusions) chỉ ghi dạng md hoặc json (--format md|json)", "the conclusions report is written as md or json only (--format md|json)";
    ErrNoInspection => "không có lần kiểm tra", "no such inspection";
    // The secretary's working day: guards, empty states, hints.
    EmptyStart => "Chưa có dữ liệu. Bắt đầu bằng danh sách đơn vị, rồi nhiệm vụ và chỉ tiêu:", "No data yet. Begin with the list of units, then tasks and targets:";
    EmptyStartFile => "TỆP", "FILE";
    EmptyStartSamples => "(CSV hoặc XLSX; tệp mẫu trong assets/ của mã nguồn tct)", "(CSV or XLSX; sample files in assets/ of tct's source)";
    EmptyStartDemo => "Xem thử với dữ liệu mẫu:", "Try it with the demo data:";
    EmptyStartDb => "Cơ sở dữ liệu:", "Database:";
    HelpNoticesBeside => "Thông báo kết luận (Ctrl-E) được ghi vào cùng thư mục.", "Notices of conclusions (Ctrl-E) are written in the same folder.";
    EmptyStartQuit => "(q để thoát, rồi chạy lệnh ở cửa sổ dòng lệnh)", "(q to quit, then run the command in the terminal)";
    EmptyNoMatch => "Không có dòng nào khớp bộ lọc (Esc bỏ lọc)", "No row matches the filter (Esc clears it)";
    EmptyTargets => "Đơn vị chưa có chỉ tiêu năm", "The unit has no targets for";
    EmptyTasks => "Đơn vị chưa có nhiệm vụ", "The unit has no tasks";
    EmptyOverdue => "Không có nhiệm vụ quá hạn", "No overdue task";
    EmptyOverdueProvince => "Toàn tỉnh không có nhiệm vụ quá hạn", "No overdue task in the province";
    Abolished => "đã giải thể", "abolished";
    ColAbolished => "Giải thể", "Abolished";
    EmptyOpen => "Không có nhiệm vụ chưa hoàn thành", "No task left open";
    AnswerFirst => "Chưa mở biên bản: chọn Ctrl-O (mở biên bản đã có), Ctrl-N (lập mới) hoặc Esc", "No record open yet: choose Ctrl-O (open the existing one), Ctrl-N (a new one) or Esc";
    LastTime => "Lần trước", "Last time";
    HelpColumns => "Cột và chữ viết tắt", "Columns and abbreviations";
    // The mouse, in the help after the dashboard's keys.
    HelpMouse => "Chuột", "Mouse";
    MouseClick => "bấm", "click";
    HelpMouseClick => "chọn khung, chọn dòng; trên cửa sổ hẹp, bấm tên khung để chuyển khung", "focus a pane, select a row; on a narrow screen, a pane's tab brings it";
    MouseDouble => "bấm đúp", "double-click";
    HelpMouseDouble => "như Enter: xem chi tiết chỉ tiêu, nhiệm vụ", "as Enter: a target's or a task's detail";
    MouseWheel => "lăn chuột", "wheel";
    HelpMouseWheel => "cuộn danh sách dưới con trỏ, hoặc trang đang mở", "scrolls the list under the pointer, or the view open";
    MouseShift => "Shift + kéo", "Shift + drag";
    HelpMouseShift => "bôi đen chữ để chép, như khi không có tct", "selects text to copy, as without tct";
    HelpMarker => "đơn vị có nhiệm vụ quá hạn", "the unit has overdue tasks";
    HelpMet => "chỉ tiêu đạt và vượt kế hoạch / số chỉ tiêu", "targets met or exceeded / all targets";
    HelpAbove => "chỉ tiêu đạt từ 70% kế hoạch, chưa đạt", "targets at 70% of plan or more, not yet met";
    HelpBelow => "chỉ tiêu đạt dưới 70% kế hoạch", "targets below 70% of plan";
    HelpOnTime => "nhiệm vụ hoàn thành đúng hạn / nhiệm vụ đã đến hạn", "tasks done on time / tasks already due";
    HelpLate => "nhiệm vụ hoàn thành nhưng trễ hạn", "tasks done after their deadline";
    HelpOverdue => "nhiệm vụ quá hạn chưa hoàn thành", "tasks past their deadline, not done";
    HelpVisited => "ngày kiểm tra gần nhất", "the last inspection's date";
    HelpDirectives => "chỉ đạo qua các lần kiểm tra: đã xong/đang trong hạn/quá hạn, như 0/10/0", "directives of the inspections: done/in time/overdue, as in 0/10/0";
    HelpDoc => "số, ký hiệu văn bản giao nhiệm vụ; «KL 23/09/2022»: giao trong kết luận kiểm tra ngày đó", "the number of the document that gave the task; «KL 23/09/2022»: given in the conclusions of that day's inspection";
    HelpClasses => "chỉ tiêu: ✓ đạt và vượt · ◐ trên 70% · ✗ dưới 70% · ? chưa có số liệu", "targets: ✓ met · ◐ above 70% · ✗ below 70% · ? no data yet";
    ErrInspectionEmpty => "biên bản chưa có kết luận nào, không có gì để xuất", "the record has no conclusion yet: nothing to export";
    FormEmpty => "Biên bản chưa có nội dung: ghi ít nhất một kết luận rồi lưu", "The record is empty: write at least one conclusion, then save";
    DlgSameDayTitle => "Đã có biên bản ngày này", "A record of this date exists";
    DlgSameDayBody => "Đơn vị này đã có biên bản kiểm tra ngày", "This unit already has an inspection record of";
    DlgOpenExisting => "mở biên bản đã có", "open the existing record";
    DlgSaveSecond => "vẫn lưu thành biên bản thứ hai của ngày này", "save it as a second record of that date";
    DlgSameDaySaveBody => "Đơn vị này đã có một biên bản kiểm tra ngày", "This unit already has an inspection record of";
    DlgNewAnyway => "vẫn lập biên bản mới", "start a new record anyway";
    NothingToUndo => "Không có gì để hoàn tác (Ctrl-Z chỉ khôi phục mục vừa xoá)", "Nothing to undo (Ctrl-Z brings back the item just deleted)";
    NoUnitForInspection => "Chưa chọn đơn vị: chọn một đơn vị trong khung Đơn vị rồi bấm n", "No unit selected: pick a unit in the Units pane, then press n";
    ErrUnknownSetting => "không có thiết lập", "no such setting";
    ErrXlsxNeedsFile => "xlsx cần tệp ghi ra: -o TỆP.xlsx", "xlsx needs an output file: -o FILE.xlsx";
    ErrNotEmpty => "cơ sở dữ liệu đã có dữ liệu, không sinh đè", "database is not empty; nothing generated";
    ErrDamaged => "tệp cơ sở dữ liệu bị hỏng (database disk image is malformed): không ghi gì thêm vào tệp này; hãy mở bản sao lưu gần nhất (tct backup)", "the database file is damaged (database disk image is malformed): nothing more is written to it; open the latest backup (tct backup)";
    // Mistakes in the command line's arguments (clap's kinds, in our words).
    ArgUnknown => "đối số không rõ", "unknown argument";
    ArgDidYouMean => "có phải là", "did you mean";
    ArgBadValue => "giá trị không hợp lệ", "invalid value";
    ArgFor => "cho", "for";
    ArgChoose => "chọn một trong", "one of";
    ArgNoValue => "thiếu giá trị cho", "a value is missing for";
    ArgMissing => "thiếu đối số", "missing argument";
    ArgUnknownCommand => "lệnh không rõ", "unknown command";
    ArgMissingCommand => "thiếu lệnh sau", "a command is missing after";
    ArgConflict => "không dùng được cùng", "cannot be used with";
    ArgCount => "số giá trị không đúng cho", "wrong number of values for";
    ArgNoEquals => "cần viết liền có dấu =", "needs an equals sign";
    ArgNotUtf8 => "đối số không phải văn bản UTF-8", "an argument is not UTF-8 text";
    ArgInvalid => "đối số không hợp lệ", "invalid arguments";
    ArgUsage => "cách dùng", "usage";
    ArgMore => "xem thêm", "more";
    ArgOptions => "TUỲ CHỌN", "OPTIONS";
    ArgCommand => "LỆNH", "COMMAND";
    ErrLang => "ngôn ngữ không hỗ trợ (vi hoặc en)", "unsupported language (vi or en)";
    ErrNotDemo => "tệp không phải cơ sở dữ liệu mẫu, không ghi đè", "file is not the demo database; not overwritten";
    // What the system or SQLite said, worded (src/error.rs); for the rare rest, the
    // error's number follows IoOther and ErrDb, and its own text only in English.
    IoNotFound => "không có tệp hoặc thư mục này", "no such file or directory";
    IoPermissionDenied => "không có quyền truy cập", "permission denied";
    IoAlreadyExists => "tệp đã có", "the file already exists";
    IoStorageFull => "ổ đĩa đã đầy", "the disk is full";
    IoQuotaExceeded => "đã dùng hết hạn mức dung lượng được cấp", "the disk quota is used up";
    IoReadOnlyFilesystem => "ổ đĩa chỉ cho đọc, không ghi được", "the file system is read-only";
    IoIsADirectory => "đây là một thư mục", "it is a directory";
    IoNotADirectory => "một phần của đường dẫn không phải thư mục", "part of the path is not a directory";
    IoFileTooLarge => "tệp quá lớn", "the file is too large";
    IoResourceBusy => "tệp đang bị chương trình khác dùng", "the file is in use by another program";
    IoInvalidFilename => "tên tệp không hợp lệ", "invalid file name";
    IoStale => "tệp trên ổ mạng không còn truy cập được", "the network file is no longer reachable";
    IoTimedOut => "quá thời gian chờ", "timed out";
    IoInterrupted => "bị ngắt giữa chừng", "interrupted";
    IoUnexpectedEof => "tệp kết thúc giữa chừng", "the file ends too early";
    IoOutOfMemory => "không đủ bộ nhớ", "out of memory";
    IoBrokenPipe => "chương trình nhận dữ liệu đã đóng", "the receiving program has closed";
    IoCrossesDevices => "không chuyển được tệp sang ổ đĩa khác", "cannot move the file to another disk";
    IoDevice => "lỗi đọc/ghi của ổ đĩa hoặc thiết bị", "the disk or device failed to read or write";
    IoLinkLoop => "đường dẫn có liên kết vòng quanh (quá nhiều liên kết)", "the path loops through links (too many links)";
    IoDirectoryNotEmpty => "thư mục không trống", "the directory is not empty";
    IoInvalidData => "nội dung tệp không đọc được", "the file's contents cannot be read";
    IoWriteZero => "không ghi thêm được vào tệp", "nothing more could be written";
    IoUnsupported => "hệ thống không hỗ trợ thao tác này", "the system does not support this";
    IoOpenElsewhere => "tệp đang mở trong chương trình khác (Word, Excel…): đóng tệp ở đó rồi thử lại", "the file is open in another program (Word, Excel…): close it there and try again";
    IoOpenElsewhereOrReadOnly => "tệp đang mở trong chương trình khác (Word, Excel…) hoặc chỉ cho đọc: đóng tệp ở đó rồi thử lại", "the file is open in another program (Word, Excel…) or read-only: close it there and try again";
    IoOther => "lỗi hệ thống", "system error";
    ErrBusy => "tệp cơ sở dữ liệu đang bận: một chương trình khác (có thể là một cửa sổ tct khác) đang ghi vào; đã chờ mà chưa xong, hãy thử lại sau", "the database file is busy: another program (perhaps another tct window) is writing to it; waited and it did not finish, try again later";
    ErrDbCannotOpen => "không mở được tệp cơ sở dữ liệu", "cannot open the database file";
    ErrDbIo => "lỗi đọc/ghi tệp cơ sở dữ liệu", "the database file could not be read or written";
    ErrDbTooBig => "dữ liệu quá lớn để lưu", "too much data to store";
    ErrDb => "lỗi cơ sở dữ liệu", "database error";
    ErrSchemaMismatch => "số phiên bản lược đồ ghi trong tệp (user_version {n}) không khớp với các bảng trong tệp, có thể tệp đã bị sửa ngoài tct: không nâng cấp, không ghi gì vào tệp", "the schema version the file records (user_version {n}) does not match its tables; it may have been changed outside tct: not upgraded, nothing written";
    ErrPanic => "tct gặp lỗi nội bộ và đã dừng; những gì đã lưu vẫn nguyên vẹn. Chi tiết đã ghi vào", "tct hit an internal error and stopped; what was saved is intact. The details were written to";
    ErrPanicNoLog => "tct gặp lỗi nội bộ và đã dừng; những gì đã lưu vẫn nguyên vẹn. Chạy lại với TCT_DEBUG=1 để xem chi tiết", "tct hit an internal error and stopped; what was saved is intact. Run again with TCT_DEBUG=1 for the details";
    ErrNoTerminal => "bảng theo dõi cần một cửa sổ dòng lệnh, nhưng đầu vào hoặc đầu ra của tct đang là tệp hay ống dẫn; hãy mở tct trực tiếp trong cửa sổ dòng lệnh, hoặc dùng `tct report` trong tập lệnh", "the dashboard needs a terminal, but tct's input or output is a file or a pipe; start tct directly in a terminal window, or use `tct report` in scripts";
    ErrDumbTerminal => "cửa sổ dòng lệnh này (TERM=dumb) không vẽ được bảng theo dõi; hãy mở tct trong một cửa sổ dòng lệnh khác, hoặc dùng `tct report`", "this terminal (TERM=dumb) cannot draw the dashboard; start tct in another terminal window, or use `tct report`";
    // `tct doctor`: one fact a line, to paste into a message asking for help.
    DocSystem => "Hệ điều hành", "System";
    DocLanguage => "Ngôn ngữ", "Language";
    DocDatabase => "Cơ sở dữ liệu", "Database";
    DocFromFlag => "theo --db", "from --db";
    DocFromDemo => "dữ liệu mẫu", "the demo";
    DocFromEnv => "theo TCT_DB", "from TCT_DB";
    DocFromDefault => "mặc định", "the default";
    DocMissing => "không có tệp này (tct doctor không tạo)", "no such file (tct doctor makes none)";
    DocSize => "Kích thước", "Size";
    DocBytes => "byte", "bytes";
    DocWal => "Tệp WAL (-wal)", "Write-ahead log (-wal)";
    DocOpen => "Mở tệp", "Opening";
    DocSchema => "Phiên bản lược đồ", "Schema version";
    DocThisTct => "tct này", "this tct";
    DocSchemaSame => "khớp", "current";
    DocSchemaOlder => "cũ hơn, tct nâng cấp khi mở để ghi", "older, upgraded when tct opens it to write";
    DocSchemaNewer => "mới hơn, cần tct mới hơn", "newer, needs a newer tct";
    DocNotTct => "không phải tệp của tct", "not a tct file";
    DocIntegrity => "Kiểm tra toàn vẹn", "Integrity check";
    DocQuick => "(kiểm tra nhanh: tệp lớn)", "(quick check: a large file)";
    DocBrokenLinks => "Liên kết hỏng (khoá ngoại)", "Broken links (foreign keys)";
    DocJournal => "Chế độ nhật ký giao dịch", "Journal mode";
    DocWindows => "Cửa sổ tct đang mở tệp này", "tct windows open on it";
    DocDataDir => "Thư mục dữ liệu", "Data directory";
    DocLog => "Nhật ký lỗi", "Error log";
    DocLogEntries => "lỗi đã ghi", "errors logged";
    DocLogLast => "lần cuối", "the last at";
    DocTerminal => "Đầu ra là cửa sổ dòng lệnh", "Output is a terminal";
    DocWindowSize => "Kích thước cửa sổ", "Window size";
    DocGlyphs => "Ký hiệu", "Symbols";
    DocGlyphsPlain => "+ ~ x (cửa sổ dòng lệnh cũ của Windows)", "+ ~ x (the old Windows console)";
    DocColour => "Màu", "Colour";
    DocEnv => "Biến môi trường", "Environment";
    DocNotSet => "(không đặt)", "(not set)";
    DocNone => "không có", "none";
    DocYes => "có", "yes";
    DocNo => "không", "no";
    DocUnknown => "không rõ", "unknown";
    ErrNoHome => "không tìm thấy thư mục nhà để đặt tệp dữ liệu; dùng --db TỆP", "no home directory for the data file; use --db PATH";
    ColMet => "Đạt", "Met";
    ColAbove => "≥70%", "≥70%";
    ColBelow => "<70%", "<70%";
    ColOnTime => "Đ.hạn", "Done";
    ColLate => "Trễ", "Late";
    ColOverdue => "Q.hạn", "Over";
    OpenedReadOnly => "cơ sở dữ liệu chỉ đọc: chỉ xem, không ghi", "database is read-only: viewing only";
    // The notice of conclusions (src/notice/). Its text is always written in Vietnamese,
    // as Decree 30/2020/NĐ-CP requires of an administrative document; the English
    // column is a gloss. `{x}` marks are filled in by the notice.
    NoticeNationalName => "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIETNAM";
    NoticeMotto => "Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness";
    NoticeDefaultBody => "ỦY BAN NHÂN DÂN TỈNH", "PROVINCIAL PEOPLE'S COMMITTEE";
    NoticeDefaultSymbol => "TB-UBND", "TB-UBND";
    NoticeOfficeSymbol => "TB-VP", "TB-VP";
    NoticeSignerCommittee => "TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG", "FOR THE CHAIRMAN\nCHIEF OF OFFICE";
    NoticeSignerOffice => "CHÁNH VĂN PHÒNG", "CHIEF OF OFFICE";
    NoticeNumber => "Số:", "No.:";
    NoticeDate => "ngày {d} tháng {m} năm {y}", "{d}/{m}/{y}";
    NoticeTitle => "THÔNG BÁO", "NOTICE";
    NoticeSummary => "Kết luận của Tổ công tác của Chủ tịch UBND tỉnh tại buổi kiểm tra việc thực hiện nhiệm vụ tại {unit}", "Conclusions of the Provincial Chairman's Working Group at its inspection of how {unit} carries out its tasks";
    NoticeOpening => "Ngày {date}, Tổ công tác của Chủ tịch UBND tỉnh{chaired} đã kiểm tra việc thực hiện nhiệm vụ, kết luận, chỉ đạo của UBND tỉnh, Chủ tịch, các Phó Chủ tịch UBND tỉnh năm {year} tại {unit}.", "On {date}, the Provincial Chairman's Working Group{chaired} inspected how {unit} carries out the tasks, conclusions and directions of the Provincial People's Committee and its leaders in {year}.";
    NoticeChairedBy => " do đồng chí {chair} chủ trì", " chaired by {chair}";
    NoticeMembers => "Tham dự có các đồng chí thành viên Tổ công tác: {list}.", "Attending: the members of the Working Group, {list}.";
    NoticeAttendees => "Về phía {unit} có các đồng chí: {list}.", "For {unit}: {list}.";
    NoticeConcludes => "Sau khi nghe báo cáo của {body} và ý kiến của các thành viên dự buổi kiểm tra, {who} kết luận như sau:", "Having heard the report of {body} and the views of those attending, {who} concluded as follows:";
    NoticeReportFigures => "Theo báo cáo của {body} và số liệu theo dõi đến ngày {date}, {unit} {figures}.", "According to the report of {body} and the figures tracked up to {date}, {unit} {figures}.";
    NoticeReportTargets => "có {met} chỉ tiêu chủ yếu đạt và vượt kế hoạch, {above} chỉ tiêu đạt trên 70%, {below} chỉ tiêu đạt dưới 70% kế hoạch", "has {met} key targets met or exceeded, {above} above 70% and {below} below 70% of plan";
    NoticeReportNoData => "{n} chỉ tiêu chưa có số liệu", "{n} targets without data";
    NoticeReportTasks => "đã hoàn thành đúng hạn {on} nhiệm vụ UBND tỉnh giao có thời hạn đã đến hạn", "has completed on time {on} of the tasks with deadlines the province gave that are due";
    NoticeReportLate => "hoàn thành quá hạn {n}", "{n} completed late";
    NoticeReportOverdue => "quá hạn chưa hoàn thành {n}", "{n} overdue";
    NoticeComrade => "đồng chí", "comrade";
    NoticeTeamLeader => "Tổ trưởng Tổ công tác", "the head of the Working Group";
    NoticeUbnd => "UBND", "People's Committee of";
    NoticeSecResultsAndShortcomings => "KẾT QUẢ ĐẠT ĐƯỢC VÀ TỒN TẠI, HẠN CHẾ", "RESULTS AND SHORTCOMINGS";
    NoticeSecResults => "KẾT QUẢ ĐẠT ĐƯỢC", "RESULTS";
    NoticeSecShortcomings => "TỒN TẠI, HẠN CHẾ", "SHORTCOMINGS";
    NoticeSubResults => "Kết quả đạt được", "Results";
    NoticeSubShortcomings => "Tồn tại, hạn chế", "Shortcomings";
    NoticeSecDirectives => "NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI", "KEY TASKS AHEAD";
    NoticeSecProposals => "KIẾN NGHỊ", "PROPOSALS";
    NoticeDirectivesLead => "Đề nghị {body} tập trung thực hiện tốt các nhiệm vụ sau:", "{body} is asked to focus on carrying out the following tasks:";
    NoticeDirectivesLeadOther => "Đề nghị {body} thực hiện các nhiệm vụ sau:", "{body} is asked to carry out the following tasks:";
    NoticeDeadline => "Thời hạn", "Deadline";
    NoticeClosing => "{body} thông báo để các cơ quan, đơn vị biết, thực hiện./.", "{body} gives notice of the above for the agencies and units to carry out./.";
    NoticeClosingCommittee => "UBND tỉnh", "The Provincial People's Committee";
    NoticeClosingOffice => "Văn phòng UBND tỉnh", "The Office of the Provincial People's Committee";
    NoticeRecipients => "Nơi nhận:", "Recipients:";
    NoticeArchive => "Lưu: VT.", "File: Clerical.";
    NoticeDefaultRecipients => "Chủ tịch, các Phó Chủ tịch UBND tỉnh (b/c)\nCác thành viên Tổ công tác", "The Chairman and Vice Chairmen of the Provincial People's Committee (to report)\nThe members of the Working Group";
    NoticeFilePrefix => "thong-bao", "thong-bao";
    KExportNotice => "xuất thông báo (.docx)", "export notice (.docx)";
    NoticeSaveFirst => "Lưu biên bản trước (Ctrl-S) rồi mới xuất thông báo", "Save the record first (Ctrl-S), then export the notice";
    NoticeWritten => "Đã ghi thông báo kết luận", "Notice of conclusions written";
    NoticeNotWritten => "Chưa ghi được thông báo", "Notice not written";
    KPreviewNotice => "xem trước thông báo", "preview the notice";
    PreviewTitle => "Xem trước thông báo kết luận", "Preview of the notice of conclusions";
    PreviewSection => "Xem trước thông báo", "Notice preview";
    PreviewSaveFirst => "Lưu biên bản trước (Ctrl-S) rồi mới xem trước thông báo: thông báo là của những gì đã lưu", "Save the record first (Ctrl-S), then preview the notice: the notice is of what is saved";
    PreviewReadOnly => "Bản xem trước chỉ để đọc, không sửa được; Esc để đóng", "The preview is read-only; Esc closes it";
    KScroll => "cuộn", "scroll";
    KTextTop => "đầu văn bản", "top of the text";
    KTextEnd => "cuối văn bản", "end of the text";
    BriefWritten => "Đã ghi tóm tắt đơn vị", "Unit brief written";
    BriefNotWritten => "Chưa ghi được tóm tắt đơn vị", "Unit brief not written";
    // The report on the province's tasks (tct export tasks-report).
    TrTitle => "BÁO CÁO", "REPORT";
    TrSummary => "Tình hình thực hiện nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao", "How the tasks given by the Provincial People's Committee and its Chairman are carried out";
    TrScopeAll => "Số liệu đến ngày {date}, các nhiệm vụ đã giao đến ngày đó.", "Figures as of {date}, over the tasks given by that day.";
    TrScopePeriod => "Số liệu đến ngày {date}, các nhiệm vụ có hạn xử lý từ ngày {from} đến ngày {to}.", "Figures as of {date}, over the tasks due from {from} to {to}.";
    TrScopeUnit => "Đơn vị: {unit}.", "Unit: {unit}.";
    TrSecTotals => "I. TÌNH HÌNH CHUNG", "I. OVERVIEW";
    TrTotals => "Tổng số nhiệm vụ được giao: {given}; đã hoàn thành đúng hạn: {on}; hoàn thành quá hạn: {late}; quá hạn chưa hoàn thành: {overdue}; chưa hoàn thành, còn trong hạn: {in_time} (trong đó sắp đến hạn: {soon}); không có thời hạn: {none}.", "Tasks given: {given}; completed on time: {on}; completed late: {late}; overdue, not completed: {overdue}; not completed, still in time: {in_time} (of them due soon: {soon}); without a deadline: {none}.";
    TrRate => "Tỷ lệ hoàn thành đúng hạn trên số nhiệm vụ đã đến hạn: {on}/{due} ({pct}).", "Completed on time out of the tasks already due: {on}/{due} ({pct}).";
    TrNoneDue => "Chưa có nhiệm vụ nào đến hạn.", "No task is due yet.";
    TrSecUnits => "II. KẾT QUẢ THEO ĐƠN VỊ", "II. BY UNIT";
    TrNo => "STT", "No.";
    TrColGiven => "Được giao", "Given";
    TrColOnTime => "Đúng hạn", "On time";
    TrColLate => "Hoàn thành quá hạn", "Completed late";
    TrColOverdue => "Quá hạn chưa hoàn thành", "Overdue";
    TrColInTime => "Còn trong hạn", "In time";
    TrColNoDeadline => "Không thời hạn", "No deadline";
    TrColRate => "Tỷ lệ đúng hạn", "On-time rate";
    TrTotalRow => "Tổng cộng", "Total";
    TrSecOverdue => "III. NHIỆM VỤ QUÁ HẠN CHƯA HOÀN THÀNH", "III. OVERDUE TASKS";
    TrNoOverdue => "Không có nhiệm vụ quá hạn chưa hoàn thành.", "No task is overdue.";
    TrUnitOverdue => "{n}. {unit}: {count} nhiệm vụ", "{n}. {unit}: {count} tasks";
    TrColDoc => "Số, ký hiệu", "Document";
    TrColTask => "Nhiệm vụ", "Task";
    TrColDeadline => "Hạn xử lý", "Deadline";
    TrColDays => "Số ngày quá hạn", "Days overdue";
    TrColLeader => "Lãnh đạo chỉ đạo", "Leader";
    TrSecDirectives => "IV. CHỈ ĐẠO MỚI QUA KIỂM TRA", "IV. NEW DIRECTIVES FROM INSPECTIONS";
    TrDirectivesFrom => "Các buổi kiểm tra của Tổ công tác từ ngày {from} đến ngày {to}.", "The Working Group's inspections from {from} to {to}.";
    TrInspection => "{n}. Kiểm tra tại {unit} ngày {date}", "{n}. Inspection of {unit} on {date}";
    TrColDirective => "Nội dung chỉ đạo", "Directive";
    TrColUnit => "Đơn vị thực hiện", "Unit";
    TrColStatus => "Tình trạng", "Status";
    TrNoDirectives => "Không có chỉ đạo mới trong kỳ.", "No new directive in the period.";
    TrNoTask => "chưa giao nhiệm vụ", "no task given";
    TrClosing => "Trên đây là báo cáo tình hình thực hiện nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao./.", "The above is the report on the tasks given by the Provincial People's Committee and its Chairman./.";
    TrSymbol => "BC", "BC";
    TrFilePrefix => "bao-cao-nhiem-vu", "bao-cao-nhiem-vu";
    TrSheet => "Theo đơn vị", "By unit";
    TrSheetOverdue => "Quá hạn", "Overdue";
    // A unit's brief before a visit (tct export unit-brief).
    BrTitle => "TÓM TẮT TÌNH HÌNH ĐƠN VỊ", "UNIT BRIEF";
    BrSummary => "{unit}, số liệu đến ngày {date}", "{unit}, figures as of {date}";
    BrScorecard => "Kết quả: {phrase}.", "Scorecard: {phrase}.";
    BrSecTargets => "I. CHỈ TIÊU CHỦ YẾU", "I. KEY TARGETS";
    BrColTarget => "Chỉ tiêu", "Target";
    BrColPlan => "Kế hoạch", "Plan";
    BrColActual => "Thực hiện", "Actual";
    BrColMeasure => "Đơn vị tính", "Measure";
    BrColPct => "Đạt (%)", "Progress (%)";
    BrColClass => "Xếp loại", "Class";
    BrNoTargets => "Chưa có chỉ tiêu.", "No targets.";
    BrSecTasks => "II. NHIỆM VỤ CHƯA HOÀN THÀNH", "II. OPEN TASKS";
    BrNoTasks => "Không có nhiệm vụ chưa hoàn thành.", "No open task.";
    BrSecLast => "III. CHỈ ĐẠO TẠI BUỔI KIỂM TRA GẦN NHẤT", "III. THE LAST INSPECTION'S DIRECTIVES";
    BrLastOn => "Buổi kiểm tra ngày {date}, do {chair} chủ trì.", "The inspection of {date}, chaired by {chair}.";
    BrNoInspection => "Chưa có buổi kiểm tra nào.", "No inspection yet.";
    BrNoDirectives => "Buổi kiểm tra không có chỉ đạo.", "The inspection gave no directive.";
    BrFilePrefix => "tom-tat", "tom-tat";
    ErrPeriodOrder => "--from phải trước hoặc bằng --to", "--from must be on or before --to";
    ErrPaperXlsx => "chỉ báo cáo nhiệm vụ có định dạng xlsx", "only the tasks report comes as xlsx";
    ErrLatestNeedsUnit => "latest cần --unit TÊN_ĐƠN_VỊ", "latest needs --unit NAME";
    ErrUnitNoInspection => "đơn vị chưa có lần kiểm tra nào", "the unit has no inspection yet";
    NoInspectionsYet => "chưa có lần kiểm tra nào", "no inspection yet";
    ErrInspectionId => "mã lần kiểm tra phải là số hoặc latest", "the inspection id must be a number or latest";
    // Import (tct import).
    ImpCannotRead => "không đọc được tệp", "cannot read the file";
    ImpNotReadable => "tệp hỏng hoặc không đúng định dạng bảng tính", "the file is damaged or not a spreadsheet";
    ImpSheetNotCsv => "--sheet chỉ dùng cho tệp XLSX", "--sheet is for XLSX files only";
    ImpBadEncoding => "tệp có ký tự không đúng bảng mã", "the file has characters invalid in its encoding";
    ImpCsvError => "lỗi CSV ở dòng", "CSV error at line";
    ImpNoSheets => "tệp không có trang tính nào", "the workbook has no sheets";
    ImpNoSuchSheet => "không có trang tính", "no such sheet";
    ImpSheets => "các trang", "sheets";
    ImpNoHeader => "không thấy dòng tiêu đề cột (như «Tên nhiệm vụ», «Đơn vị chủ trì», «Hạn xử lý»)", "no header row found (such as «Tên nhiệm vụ», «Đơn vị chủ trì», «Hạn xử lý» or title, unit, deadline)";
    ImpUnknownKind => "không nhận ra tệp chứa gì từ tiêu đề cột; dùng --kind units|targets|tasks", "cannot tell what the file holds from its headers; use --kind units|targets|tasks";
    ImpMissingColumn => "thiếu cột bắt buộc", "missing required column";
    ImpProblemsNothingImported => "lỗi, chưa nhập gì:", "problem(s), nothing imported:";
    ImpRow => "dòng", "row";
    ImpColumn => "cột", "column";
    ImpAnd => "và", "and";
    ImpMoreProblems => "lỗi khác", "more problems";
    ImpMoreChanges => "thay đổi khác", "more changes";
    ErrAmbiguousUnit => "«{name}» là tên của nhiều đơn vị, ghi rõ một trong các tên", "«{name}» names several units; give one of these names";
    ImpBadNumber => "không phải số", "not a number";
    ImpBadPlan => "kế hoạch phải là một số hoặc một khoảng như «8–9»", "the plan must be a number or a range such as «8–9»";
    ImpNoPlan => "chưa ghi kế hoạch", "no plan given";
    ImpBadYear => "năm không hợp lệ", "invalid year";
    ImpNoYear => "chưa ghi năm", "no year given";
    ImpBadDirection => "chiều phải là «cao hơn tốt hơn» hoặc «thấp hơn tốt hơn»", "direction must be «higher» or «lower» (is better)";
    ImpHigher => "cao hơn tốt hơn", "higher is better";
    ImpLower => "thấp hơn tốt hơn", "lower is better";
    ImpBadKind => "loại đơn vị không rõ (tỉnh, huyện, thành phố, thị xã, xã, phường, thị trấn, sở/ban/ngành)", "unknown unit kind (province, district, city, town, commune, ward, township, department)";
    ImpNoKind => "chưa ghi loại đơn vị", "no unit kind given";
    ImpBadId => "id phải là số nguyên", "id must be a whole number";
    ImpNoSuchTask => "không có nhiệm vụ với id", "no task has the id";
    ImpEmptyTitle => "tên nhiệm vụ để trống", "the task title is empty";
    ImpEmptyUnit => "chưa ghi đơn vị", "no unit given";
    ImpEmptyName => "tên để trống", "the name is empty";
    ImpDeadlineBeforeAssigned => "hạn xử lý trước ngày giao", "deadline before the assignment date";
    ImpValidToBeforeFrom => "hiệu lực đến trước hiệu lực từ", "valid to is before valid from";
    ImpDuplicateRow => "trùng với dòng", "same as row";
    ImpAmbiguousTask => "khớp với nhiều nhiệm vụ đã có, không biết là nhiệm vụ nào (id", "fits several tasks already there, which one is unclear (ids";
    ImpCodeTaken => "mã đã dùng cho đơn vị khác", "the code belongs to another unit";
    ImpSelfParent => "đơn vị không thể là cấp trên của chính nó", "a unit cannot be its own parent";
    ImpExtension => "gia hạn", "extension";
    ImpExtensionReason => "theo tệp nhập", "from the imported file";
    ImpDataRows => "dòng dữ liệu", "data rows";
    ImpNew => "mới", "new";
    ImpUpdated => "cập nhật", "updated";
    ImpUnchanged => "không đổi", "unchanged";
    ImpReadings => "Số liệu thực hiện", "Readings";
    ImpBackedUp => "Đã sao lưu cơ sở dữ liệu trước khi nhập", "Database backed up before the import";
    ImpDryRun => "Chạy thử (--dry-run): chưa thay đổi gì trong cơ sở dữ liệu.", "Dry run (--dry-run): nothing was changed in the database.";
    ImpNothingChanged => "Không có gì thay đổi.", "Nothing to change.";
    ImpDone => "Đã nhập, trong một giao dịch.", "Imported, in one transaction.";
    ImpNoUnitsYet => "Cơ sở dữ liệu chưa có đơn vị nào: nhập danh sách đơn vị trước, ví dụ tct import assets/mau-don-vi.csv", "The database has no units yet: import a list of units first, e.g. tct import assets/mau-don-vi.csv";
    // Import: the bundled catalogue, unknown units, --them-don-vi and --anh-xa.
    ImpCatalogue => "Danh mục đơn vị có sẵn của tỉnh (nạp một lần cho mỗi cơ sở dữ liệu, trước tệp)", "The province's bundled units (loaded once into each database, before the file)";
    ImpAliases => "bí danh", "aliases";
    ImpAddUnitsFlag => "--them-don-vi", "--add-units";
    ImpUnknownUnits => "Tên đơn vị chưa có trong cơ sở dữ liệu", "Unit names the database does not have";
    ImpRows => "dòng", "rows";
    ImpUnknownHow => "Để tiếp tục: thêm các đơn vị này (--them-don-vi, loại đoán theo tên, xem trước bằng --dry-run), hoặc chỉ ra đơn vị đúng và tct sẽ nhớ: --anh-xa \"Tên trong tệp=Tên đơn vị\"", "To go on: add these units (--add-units, kind guessed from the name, see it first with --dry-run), or name the right unit and tct remembers it: --map \"Name in the file=Unit name\"";
    ImpMapped => "Bí danh ghi nhớ (--anh-xa)", "Aliases remembered (--map)";
    ImpAdded => "Đơn vị thêm mới (--them-don-vi)", "Units added (--add-units)";
    ImpBadMap => "--anh-xa cần dạng \"Tên trong tệp=Tên đơn vị\"", "--map needs the form \"Name in the file=Unit name\"";
    // Import: deadlines and statuses in words.
    ImpBadDeadline => "hạn xử lý không đọc được (ghi như 30/09/2022, «Trước ngày 30/9/2022», «Tháng 10/2022», «Quý III/2022», «Năm 2022», «Thường xuyên»)", "deadline not understood (write it as 30/09/2022, «Trước ngày 30/9/2022», «Tháng 10/2022», «Quý III/2022», «Năm 2022», «Thường xuyên»)";
    ImpExtensionNotLater => "hạn gia hạn phải sau hạn ban đầu", "an extension must be later than the original deadline";
    ImpBadStatus => "tình trạng không rõ (như «Đã hoàn thành đúng hạn», «Đang thực hiện trong hạn», «Chưa thực hiện», «Bị hủy», «Tạm hoãn»)", "status not understood (such as «Đã hoàn thành đúng hạn», «Đang thực hiện trong hạn», «Chưa thực hiện», «Bị hủy», «Tạm hoãn»)";
    ImpCancelledKept => "Nhiệm vụ bị hủy (giữ lại, ghi «đã hủy», không tính)", "Cancelled tasks (kept, marked cancelled, not counted)";
    ImpDoneNoDate => "Nhiệm vụ đã hoàn thành không ghi ngày (tính đúng hạn hay quá hạn theo tệp, ngày hoàn thành không rõ)", "Tasks done with no completion date (on time or late as the file says, completion date unknown)";
    ImpExtensionBeforeDeadline => "ngày gia hạn sớm hơn thời hạn", "the extension is earlier than the deadline";
    ImpSkipped => "Bỏ qua", "Skipped";
    ImpSkipTitle => "dòng tiêu đề trên bảng", "title rows above the table";
    ImpSkipHeader => "dòng số thứ tự cột hoặc tiêu đề cột lặp lại", "column-number or repeated header rows";
    ImpSkipSection => "dòng mục", "section rows";
    ImpSkipTotals => "dòng tổng cộng", "totals rows";
    ImpSkipSignature => "dòng chữ ký, nơi nhận, ghi chú cuối bảng", "signature, recipient and closing note rows";
    ImpSection => "Mục", "Section";
    ImpSectionSays => "ghi", "says";
    ImpSectionTasksBut => "nhiệm vụ nhưng có", "tasks but has";
    ImpSectionRows => "dòng", "rows";
    ImpColumnsRead => "Các cột, tiêu đề ở dòng", "The columns, header on row";
    ImpColumnIgnored => "bỏ qua", "ignored";
    ImpOneUnitWithId => "một dòng có mã nhiệm vụ (id) chỉ ghi một đơn vị chủ trì", "a row with a task id names one lead unit only";
    ImpStatusUnknown => "Tình trạng trong tệp không rõ nghĩa, tính theo ngày", "Status words not understood, counted by the dates";
    ImpStatusDisagrees => "Tình trạng trong tệp khác với tính theo ngày (tct tính theo ngày giao, hạn, ngày hoàn thành)", "Status in the file differs from the dates (tct counts by the dates)";
    ImpPostponedOpen => "Nhiệm vụ tạm hoãn, nhập như chưa hoàn thành", "Postponed tasks, imported as open";
    // Import again: what tct recorded is kept; files read within bounds.
    ImpKeptCount => "Nhiệm vụ giữ giá trị ghi trong tct (tệp vẫn ghi như lần nhập trước)", "Tasks keeping values set in tct (the file still has what it had at the last import)";
    ImpKeptTct => "giữ giá trị ghi trong tct", "kept the value set in tct";
    ImpFileStill => "tệp vẫn ghi", "the file still has";
    ImpConflicts => "Xung đột (tệp và tct cùng đổi một giá trị từ lần nhập trước)", "Conflicts (the file and tct both changed a value since the last import)";
    ImpConflictsKeptTct => "giữ giá trị của tct; thêm --uu-tien-tep để lấy theo tệp", "tct's values kept; add --uu-tien-tep to take the file's";
    ImpConflictsTookFile => "lấy theo tệp (--uu-tien-tep)", "the file's values taken (--uu-tien-tep)";
    ImpInTct => "trong tct", "in tct";
    ImpInFile => "trong tệp", "in the file";
    ImpMoreConflicts => "xung đột khác", "more conflicts";
    ImpMoreKept => "nhiệm vụ khác", "more tasks";
    ImpNumberExponent => "số viết dạng lũy thừa (như 1.5e3): ghi đủ các chữ số, như 1.500", "a number in exponent form (such as 1.5e3): write its digits, such as 1.500";
    ImpNumberAmbiguous => "không rõ dấu chấm, dấu phẩy là phần nghìn hay phần thập phân: ghi phần nghìn bằng dấu chấm, phần thập phân bằng dấu phẩy (1.234,5 hoặc 0,125)", "unclear whether the dots and commas group thousands or mark decimals: group thousands with dots and mark decimals with a comma (1.234,5 or 0,125)";
    ImpOnlyInvisible => "chỉ có ký tự không nhìn thấy", "it holds only characters that do not show";
    ImpDuplicateColumn => "có hai cột cùng là", "two columns are both";
    ImpBomInside => "dấu BOM (U+FEFF) giữa tệp: có lẽ hai tệp CSV bị nối vào nhau", "a byte order mark (U+FEFF) inside the file: perhaps two CSV files joined together";
    ImpUnclosedQuote => "dấu ngoặc kép mở ở đây không được đóng, phần còn lại của tệp sẽ thành một ô", "a double quote opened here is never closed, so the rest of the file would be one cell";
    ImpNotUtf8 => "tệp không phải UTF-8: byte lạ ở vị trí", "the file is not UTF-8: an unexpected byte at offset";
    ImpNot1258 => "đọc theo bảng mã Windows-1258 cũng không ra chữ Việt; hãy lưu lại tệp dưới dạng «CSV UTF-8»", "read as Windows-1258 it is not Vietnamese either; save the file again as «CSV UTF-8»";
    ImpAtMost => "tối đa", "at most";
    ImpChars => "ký tự", "characters";
    ImpFileTooBig => "tệp quá lớn", "the file is too large";
    ImpPartTooBig => "một phần của tệp bảng tính quá lớn khi giải nén", "a part of the workbook is too large unpacked";
    ImpTooManyRows => "quá nhiều dòng", "too many rows";
    ImpBeyondColumns => "ô nằm ngoài các cột tct đọc", "a cell beyond the columns tct reads";
    ImpTooManyCells => "bảng tính quá nhiều ô", "the sheet holds too many cells";
    ImpCellTooLong => "ô dài quá số ký tự một ô bảng tính chứa được", "the cell is longer than a spreadsheet cell can hold";
    ImpTooMuchText => "tệp chứa quá nhiều chữ", "the file holds too much text";
    ImpSheet => "trang", "sheet";
    ImpTooManyFields => "dòng có quá nhiều ô", "the line has too many cells";
    ImpNameOnlyMarks => "chỉ khác tên đơn vị đã có ở dấu, chữ hoa hoặc khoảng trắng; tct không tự đổi tên, hãy ghi đúng tên đã có", "differs from an existing unit's name only in diacritics, case or spacing; tct does not rename on that: write the existing name";
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
