//! `tct --help` in the user's language. The derive's doc comments are the English
//! text; for Vietnamese each argument and subcommand gets its help from the table
//! below, and clap's own words (Usage, Options, Commands, -h, -V) are replaced too.
//! The language must be known before parsing, so it is read from the raw arguments.

use clap::{Arg, ArgAction, Command, CommandFactory};

use super::Cli;
use crate::i18n::Lang;

/// `(path, help)`: the path is the subcommands and the argument id, dot-separated;
/// a path without an argument is the subcommand's own about.
const VI: &[(&str, &str)] = &[
    (
        "db",
        "Tệp cơ sở dữ liệu [mặc định: $TCT_DB, nếu không thì tct.db trong Documents\\tct trên Windows, trong thư mục dữ liệu trên hệ khác]",
    ),
    (
        "today",
        "Ngày xem, DD/MM/YYYY hoặc YYYY-MM-DD [mặc định: hôm nay; 23/09/2022 với dữ liệu mẫu]",
    ),
    (
        "lang",
        "Ngôn ngữ: vi hoặc en [mặc định: $TCT_LANG, nếu không thì vi]",
    ),
    (
        "demo",
        "Mở cơ sở dữ liệu mẫu (Lạng Sơn, 2022), tạo từ dữ liệu đi kèm",
    ),
    (
        "reset_demo",
        "Xoá cơ sở dữ liệu mẫu và tạo lại từ dữ liệu đi kèm",
    ),
    (
        "report",
        "In các số liệu như trên màn hình, để dùng trong tập lệnh",
    ),
    (
        "report.what",
        "Báo cáo gì: units (đơn vị), targets (chỉ tiêu), overdue (quá hạn), conclusions (kết luận)",
    ),
    ("report.unit", "Chỉ đơn vị này (gõ có hoặc không dấu)"),
    ("report.inspection", "Chỉ lần kiểm tra này (kết luận)"),
    (
        "report.format",
        "table, csv (cho Excel tiếng Việt: dấu ;, 1,5), csv-comma (dấu phẩy, 1.5), xlsx hoặc json; md hoặc json cho kết luận [mặc định: table, md]",
    ),
    (
        "report.output",
        "Ghi ra tệp này thay vì màn hình (bắt buộc với xlsx); - là đầu ra chuẩn",
    ),
    (
        "export",
        "Xuất văn bản: thông báo kết luận kiểm tra, báo cáo nhiệm vụ UBND tỉnh giao, tóm tắt đơn vị",
    ),
    (
        "export.inspection",
        "Một lần kiểm tra: số của nó, hoặc `latest --unit TÊN`",
    ),
    (
        "export.inspection.id",
        "Số của lần kiểm tra (xem `tct report conclusions`), hoặc `latest`",
    ),
    ("export.inspection.unit", "Đơn vị (với `latest`)"),
    ("export.inspection.format", "docx hoặc md [mặc định: docx]"),
    (
        "export.inspection.output",
        "Tệp ghi ra (ghi đè nếu đã có), hoặc thư mục (đặt tên sẵn, không ghi đè: \"… (2).docx\"); - là đầu ra chuẩn [mặc định: đầu ra chuẩn với md; docx cạnh cơ sở dữ liệu]",
    ),
    (
        "export.tasks-report",
        "Báo cáo tình hình thực hiện nhiệm vụ UBND tỉnh giao: tổng hợp, theo đơn vị, nhiệm vụ quá hạn, chỉ đạo mới",
    ),
    (
        "export.tasks-report.from",
        "Tính các nhiệm vụ có hạn xử lý từ ngày này (DD/MM/YYYY) [mặc định: mọi nhiệm vụ đã giao đến ngày xem, như trên màn hình]; chỉ đạo mới từ các buổi kiểm tra từ ngày này [mặc định: 01/01 năm của ngày xem]",
    ),
    (
        "export.tasks-report.to",
        "Tính các nhiệm vụ có hạn xử lý đến ngày này (DD/MM/YYYY); chỉ đạo từ các buổi kiểm tra đến ngày này [mặc định: ngày xem]",
    ),
    (
        "export.tasks-report.unit",
        "Chỉ đơn vị này (gõ có hoặc không dấu)",
    ),
    (
        "export.tasks-report.format",
        "docx, md hoặc xlsx [mặc định: docx]",
    ),
    (
        "export.tasks-report.output",
        "Tệp ghi ra (ghi đè nếu đã có), hoặc thư mục (đặt tên sẵn, không ghi đè: \"… (2).docx\"); - là đầu ra chuẩn [mặc định: đầu ra chuẩn với md; docx, xlsx cạnh cơ sở dữ liệu]",
    ),
    (
        "export.unit-brief",
        "Tóm tắt một trang về đơn vị trước buổi kiểm tra: kết quả, chỉ tiêu, nhiệm vụ chưa hoàn thành, chỉ đạo lần kiểm tra trước",
    ),
    ("export.unit-brief.unit", "Đơn vị (gõ có hoặc không dấu)"),
    ("export.unit-brief.format", "docx hoặc md [mặc định: docx]"),
    (
        "export.unit-brief.output",
        "Tệp ghi ra (ghi đè nếu đã có), hoặc thư mục (đặt tên sẵn, không ghi đè); - là đầu ra chuẩn [mặc định: đầu ra chuẩn với md; docx cạnh cơ sở dữ liệu]",
    ),
    (
        "import",
        "Nhập đơn vị, chỉ tiêu hoặc nhiệm vụ từ tệp CSV, XLSX hoặc ODS (nhập hết hoặc không nhập gì)",
    ),
    ("import.file", "Tệp CSV, XLSX hoặc ODS"),
    (
        "import.kind",
        "Tệp chứa gì: units, targets hoặc tasks [mặc định: đoán theo các cột]",
    ),
    (
        "import.sheet",
        "Trang tính của tệp XLSX [mặc định: trang đầu]",
    ),
    (
        "import.dry_run",
        "Chỉ cho xem sẽ thay đổi gì, không thay đổi gì",
    ),
    (
        "import.prefer_file",
        "Khi cả tệp và tct cùng đổi một giá trị từ lần nhập trước, lấy giá trị của tệp; nếu không thì giữ giá trị của tct (cũng viết --prefer-file)",
    ),
    (
        "import.add_units",
        "Thêm các đơn vị tệp nêu mà cơ sở dữ liệu chưa có, loại đoán theo tên (cũng viết --add-units)",
    ),
    (
        "import.maps",
        "\"Tên trong tệp=Tên đơn vị\": tên đó là đơn vị đó, và tct ghi nhớ cho các lần nhập sau; lặp lại được (cũng viết --map)",
    ),
    (
        "generate",
        "Công cụ kiểm thử: ghi một tỉnh giả lập (tất định) vào cơ sở dữ liệu mới, để đo tốc độ; không dùng cho dữ liệu thật",
    ),
    ("generate.units", "Số đơn vị [mặc định: 1000]"),
    ("generate.tasks", "Số nhiệm vụ [mặc định: 100000]"),
    (
        "generate.targets_per_unit",
        "Số chỉ tiêu mỗi đơn vị [mặc định: 10]",
    ),
    ("generate.years", "Số năm [mặc định: 3]"),
    (
        "generate.seed",
        "Hạt giống: cùng hạt giống, cùng dữ liệu [mặc định: 1]",
    ),
    (
        "backup",
        "Sao lưu nhất quán cơ sở dữ liệu, an toàn cả khi tct đang mở",
    ),
    ("backup.file", "Tệp sao lưu"),
    (
        "config",
        "Thiết lập lưu trong cơ sở dữ liệu: issuing_body, place, number_symbol, signer_title, signer_name, recipients, report_symbol. Không có KEY: liệt kê; KEY VALUE: đặt giá trị",
    ),
    ("config.key", "Tên thiết lập"),
    (
        "doctor",
        "Thông tin để gửi khi cần giúp đỡ: phiên bản, hệ điều hành, cơ sở dữ liệu và kết quả kiểm tra, nhật ký lỗi, cửa sổ dòng lệnh. Không thay đổi gì",
    ),
    ("config.value", "Giá trị mới"),
    (
        "sync",
        "Trao đổi những gì mỗi máy đã ghi, qua một tệp (USB, thư điện tử, thư mục dùng chung)",
    ),
    (
        "sync.export",
        "Ghi mọi thay đổi cơ sở dữ liệu này biết vào TỆP, để gửi máy khác",
    ),
    (
        "sync.export.output",
        "Tệp trao đổi ghi ra (ghi đè nếu đã có), ví dụ may-a.tctsync",
    ),
    (
        "sync.import",
        "Nhận tệp trao đổi của máy khác: nhận hết, hoặc không nhận gì nếu không được",
    ),
    (
        "sync.import.file",
        "Tệp do `tct sync export` ghi trên một bản chép của cơ sở dữ liệu này",
    ),
    (
        "sync.dir",
        "Qua thư mục dùng chung: nhận tệp của mọi máy khác ở đó, rồi ghi tệp của máy này",
    ),
    (
        "sync.dir.path",
        "Thư mục dùng chung (không bao giờ đặt chính cơ sở dữ liệu ở đó)",
    ),
    (
        "sync.status",
        "Máy này, các máy đã trao đổi và lúc nào, số xung đột chờ xem",
    ),
    (
        "sync.conflicts",
        "Các giá trị máy này ghi đè lên máy kia, và thay đổi không áp dụng được",
    ),
    ("sync.conflicts.all", "Cả những xung đột đã quyết định"),
    (
        "sync.resolve",
        "Quyết định một xung đột: giữ giá trị hiện tại, hoặc đưa lại giá trị bị ghi đè; quyết định được gửi sang các máy khác",
    ),
    (
        "sync.resolve.id",
        "Số của xung đột, như `tct sync conflicts` liệt kê",
    ),
    (
        "sync.resolve.keep",
        "Giữ giá trị hiện tại (cũng viết --keep)",
    ),
    (
        "sync.resolve.restore",
        "Đưa lại giá trị bị ghi đè (cũng viết --restore)",
    ),
];

/// The placeholders of values in Vietnamese (`--db <TỆP>`); others stay as named.
const VI_VALUE_NAMES: &[(&str, &str)] = &[
    ("PATH", "TỆP"),
    ("FILE", "TỆP"),
    ("DATE", "NGÀY"),
    ("NAME", "TÊN"),
    ("ID", "SỐ"),
    ("WHAT", "LOẠI"),
    ("FORMAT", "DẠNG"),
    ("KIND", "LOẠI"),
    ("SHEET", "TRANG"),
    ("KEY", "KHOÁ"),
    ("VALUE", "GIÁ_TRỊ"),
    ("UNITS", "SỐ_ĐƠN_VỊ"),
    ("TASKS", "SỐ_NHIỆM_VỤ"),
    ("TARGETS_PER_UNIT", "SỐ_CHỈ_TIÊU"),
    ("YEARS", "SỐ_NĂM"),
    ("SEED", "HẠT_GIỐNG"),
];

/// An argument's placeholder as clap shows it: its value name, else its id in
/// capitals.
fn vi_value_name(a: &Arg) -> Option<&'static str> {
    let shown = match a.get_value_names() {
        Some([name, ..]) => name.to_string(),
        _ => a.get_id().to_string().to_uppercase(),
    };
    VI_VALUE_NAMES
        .iter()
        .find(|(en, _)| *en == shown)
        .map(|(_, vi)| *vi)
}

/// The language asked for on the command line or in `$TCT_LANG`, before parsing.
pub fn lang_from_args(args: &[String]) -> Lang {
    let mut raw = None;
    for (i, a) in args.iter().enumerate() {
        if let Some(v) = a.strip_prefix("--lang=") {
            raw = Some(v.to_string());
        } else if a == "--lang" {
            raw = args.get(i + 1).cloned();
        }
    }
    raw.or_else(|| std::env::var("TCT_LANG").ok())
        .and_then(|s| Lang::parse(&s))
        .unwrap_or(Lang::Vi)
}

/// The command line's definition with its help in `lang`.
pub fn command(lang: Lang) -> Command {
    let (help, version, template, options, args, commands) = match lang {
        Lang::Vi => (
            "In trợ giúp",
            "In phiên bản",
            "{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}",
            "Tuỳ chọn",
            "Tham số",
            "Lệnh",
        ),
        Lang::En => (
            "Print help",
            "Print version",
            "{about-with-newline}\nUsage: {usage}\n\n{all-args}{after-help}",
            "Options",
            "Arguments",
            "Commands",
        ),
    };
    let own_words = |c: Command| {
        c.disable_help_flag(true)
            .disable_help_subcommand(true)
            .help_template(template)
            .subcommand_help_heading(commands)
    };
    let mut cmd = own_words(Cli::command())
        .disable_version_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .global(true)
                .help(help),
        )
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(version),
        );
    cmd = walk(cmd, "", lang, &|c| own_words(c), options, args);
    cmd
}

/// Sets headings (and, for Vietnamese, the help) on a command's arguments and on
/// its subcommands, depth first.
fn walk(
    mut cmd: Command,
    prefix: &str,
    lang: Lang,
    own_words: &dyn Fn(Command) -> Command,
    options: &'static str,
    args: &'static str,
) -> Command {
    let ids: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in ids {
        let path = format!("{prefix}{id}");
        let vi = VI.iter().find(|(p, _)| *p == path).map(|(_, h)| *h);
        cmd = cmd.mut_arg(&id, |a| {
            let a = a.help_heading(if positional { args } else { options });
            match (lang, vi) {
                // clap's "possible values" and "default" are English words: the
                // Vietnamese lines name the values and defaults themselves.
                (Lang::Vi, Some(h)) if a.get_action().takes_values() => {
                    let a = match vi_value_name(&a) {
                        Some(name) => a.value_name(name),
                        None => a,
                    };
                    a.help(h)
                        .hide_possible_values(true)
                        .hide_default_value(true)
                }
                (Lang::Vi, Some(h)) => a.help(h),
                _ => a,
            }
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        let path = format!("{prefix}{name}");
        let about = VI.iter().find(|(p, _)| *p == path).map(|(_, h)| *h);
        let sub_prefix = format!("{path}.");
        cmd = cmd.mut_subcommand(&name, |s| {
            let s = match (lang, about) {
                (Lang::Vi, Some(h)) => s.about(h),
                _ => s,
            };
            walk(own_words(s), &sub_prefix, lang, own_words, options, args)
        });
    }
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vietnamese_line_names_a_real_argument_or_subcommand() {
        fn paths(cmd: &Command, prefix: &str, out: &mut Vec<String>) {
            for a in cmd.get_arguments() {
                out.push(format!("{prefix}{}", a.get_id()));
            }
            for s in cmd.get_subcommands() {
                let p = format!("{prefix}{}", s.get_name());
                out.push(p.clone());
                paths(s, &format!("{p}."), out);
            }
        }
        let mut known = Vec::new();
        paths(&Cli::command(), "", &mut known);
        for (p, _) in VI {
            assert!(
                known.iter().any(|k| k == p),
                "{p} is not in the command line"
            );
        }
        // And every argument a user can ask about has its Vietnamese line.
        for k in &known {
            assert!(VI.iter().any(|(p, _)| p == k), "{k} has no Vietnamese help");
        }
    }

    #[test]
    fn both_languages_build_a_valid_command_line() {
        // clap checks its definition only when it is built: do it here, not in a
        // user's hands.
        for lang in [Lang::Vi, Lang::En] {
            command(lang).debug_assert();
        }
    }

    #[test]
    fn the_language_is_read_before_parsing() {
        let args = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(lang_from_args(&args(&["tct", "--lang", "en"])), Lang::En);
        assert_eq!(
            lang_from_args(&args(&["tct", "--lang=en", "report"])),
            Lang::En
        );
        assert_eq!(lang_from_args(&args(&["tct", "--lang", "vi"])), Lang::Vi);
    }
}
