//! The province's catalogue of units (loaded by a database's first import), the
//! abbreviations offices write, successors of units the 2025 reforms abolished, and
//! names no unit has: listed with the closest, created with `--them-don-vi`, mapped
//! with `--anh-xa` (remembered).

mod common;

use std::path::Path;
use std::process::Command;

use common::ctx;
use tct::import::{Options, Summary};
use tct::model::{TaskMode, TaskScope};
use tct::store::Store;
use tempfile::TempDir;

const HEAD: &str = "Số/ký hiệu văn bản;Ngày giao;Tên nhiệm vụ;Đơn vị chủ trì;Hạn xử lý";

fn tasks_file(dir: &Path, name: &str, rows: &[(&str, &str)]) -> std::path::PathBuf {
    let mut text = format!("{HEAD}\n");
    for (n, (given, unit)) in rows.iter().enumerate() {
        text.push_str(&format!(
            "{}/UBND-TH;{given};Nhiệm vụ số {n} của {name};\"{unit}\";31/12/2025\n",
            700 + n
        ));
    }
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn run(store: &mut Store, file: &Path, o: &Options) -> Result<Summary, String> {
    tct::import::run(store, &ctx("23/09/2022"), file, o).map_err(|e| e.to_string())
}

/// Each task's document number with its lead unit's name and kind.
fn units_of_tasks(store: &Store) -> Vec<(String, String, String)> {
    store
        .connection()
        .prepare(
            "SELECT t.doc_number, u.name, u.kind FROM task t JOIN unit u ON u.id = t.unit_id
             ORDER BY t.doc_number",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn fresh() -> (TempDir, Store) {
    let dir = TempDir::new().unwrap();
    let store = Store::open(&dir.path().join("moi.db")).unwrap();
    (dir, store)
}

fn count(store: &Store, sql: &str) -> i64 {
    store.connection().query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn every_usual_abbreviation_finds_its_unit() {
    let (dir, mut store) = fresh();
    let cases = [
        ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
        ("Sở KH và ĐT", "Sở Kế hoạch và Đầu tư"),
        ("Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
        (
            "Sở NN&PTNT (Chi cục Kiểm lâm)",
            "Sở Nông nghiệp và Phát triển nông thôn",
        ),
        ("Sở VHTTDL", "Sở Văn hóa, Thể thao và Du lịch"),
        (
            "Sở Văn hóa Thể thao và Du lịch",
            "Sở Văn hóa, Thể thao và Du lịch",
        ),
        ("Sở LĐTB&XH", "Sở Lao động - Thương binh và Xã hội"),
        ("Sở TN&MT", "Sở Tài nguyên và Môi trường"),
        ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
        ("Sở GTVT", "Sở Giao thông vận tải"),
        ("Sở TT&TT", "Sở Thông tin và Truyền thông"),
        ("Sở KH&CN", "Sở Khoa học và Công nghệ"),
        ("UBND TP Lạng Sơn", "Lạng Sơn"),
        ("UBND huyện Cao Lộc", "Cao Lộc"),
        ("Cao Lộc", "Cao Lộc"),
        (
            "BQL Khu KTCK",
            "Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn",
        ),
        (
            "BQL Khu KTCK (Đồng Đăng - Lạng Sơn)",
            "Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn",
        ),
        ("BCH BĐBP tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"),
        ("BCH QS tỉnh", "Bộ Chỉ huy Quân sự tỉnh"),
        ("VP UBND tỉnh", "Văn phòng UBND tỉnh"),
        ("CA tỉnh", "Công an tỉnh"),
        ("Công an tỉnh Lạng Sơn", "Công an tỉnh"),
        ("Sở Y tế", "Sở Y tế"),
        ("Thanh tra tỉnh", "Thanh tra tỉnh"),
        (
            "Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn",
            "Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn",
        ),
    ];
    let rows: Vec<(&str, &str)> = cases.iter().map(|(a, _)| ("01/08/2022", *a)).collect();
    let f = tasks_file(dir.path(), "viet-tat.csv", &rows);
    let s = run(&mut store, &f, &Options::default()).unwrap();
    assert_eq!(s.counts.new, cases.len());
    let got = units_of_tasks(&store);
    for ((abbr, want), (_, name, kind)) in cases.iter().zip(&got) {
        assert_eq!(name, want, "«{abbr}»");
        if *abbr == "Cao Lộc" {
            assert_eq!(kind, "huyen", "in 2022 the district, not its township");
        }
    }
}

#[test]
fn a_sub_office_in_brackets_is_kept_with_the_task() {
    let (dir, mut store) = fresh();
    let f = tasks_file(
        dir.path(),
        "cc.csv",
        &[
            ("01/08/2022", "Sở NN&PTNT (Chi cục Kiểm lâm)"),
            ("01/08/2022", "BQL Khu KTCK (Đồng Đăng - Lạng Sơn)"),
            ("01/08/2022", "Lạng Sơn (thành phố)"),
        ],
    );
    run(&mut store, &f, &Options::default()).unwrap();
    let offices: Vec<Option<String>> = store
        .connection()
        .prepare("SELECT id FROM task ORDER BY doc_number")
        .unwrap()
        .query_map([], |r| r.get::<_, i64>(0))
        .unwrap()
        .map(|id| store.task_office(id.unwrap()).unwrap())
        .collect();
    assert_eq!(offices, [Some("Chi cục Kiểm lâm".to_string()), None, None]);
}

#[test]
fn a_merged_department_takes_its_tasks_before_the_merger_and_knows_its_successor() {
    let (dir, mut store) = fresh();
    let f = tasks_file(
        dir.path(),
        "kh.csv",
        &[
            ("15/03/2022", "Sở Kế hoạch và Đầu tư"),
            ("15/03/2025", "Sở Nông nghiệp và Môi trường"),
        ],
    );
    run(&mut store, &f, &Options::default()).unwrap();
    let got = units_of_tasks(&store);
    assert_eq!(got[0].1, "Sở Kế hoạch và Đầu tư");
    let id = |name: &str| -> i64 {
        store
            .connection()
            .query_row("SELECT id FROM unit WHERE name = ?1", [name], |r| r.get(0))
            .unwrap()
    };
    let khdt = id("Sở Kế hoạch và Đầu tư");
    let to: Option<String> = store
        .connection()
        .query_row("SELECT valid_to FROM unit WHERE id = ?1", [khdt], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(to.as_deref(), Some("2025-02-28"));
    let names = |v: Vec<(i64, String)>| v.into_iter().map(|(_, n)| n).collect::<Vec<_>>();
    assert_eq!(names(store.successors_of(khdt).unwrap()), ["Sở Tài chính"]);
    let nnmt = id("Sở Nông nghiệp và Môi trường");
    assert_eq!(
        names(store.predecessors_of(nnmt).unwrap()),
        [
            "Sở Nông nghiệp và Phát triển nông thôn",
            "Sở Tài nguyên và Môi trường"
        ]
    );
    // A district went to several communes; a commune of 2025 came from several.
    let trang_dinh = store
        .connection()
        .query_row("SELECT id FROM unit WHERE code = '180'", [], |r| {
            r.get::<_, i64>(0)
        })
        .unwrap();
    let after = names(store.successors_of(trang_dinh).unwrap());
    assert_eq!(after.len(), 7, "{after:?}");
    assert!(after.contains(&"Thất Khê".to_string()));
    let that_khe: i64 = store
        .connection()
        .query_row("SELECT id FROM unit WHERE code = '06040'", [], |r| r.get(0))
        .unwrap();
    let before = names(store.predecessors_of(that_khe).unwrap());
    assert!(before.contains(&"Chí Minh".to_string()), "{before:?}");
    assert!(before.contains(&"Tràng Định".to_string()), "{before:?}");
}

#[test]
fn the_catalogue_holds_the_65_communes_and_loads_once() {
    let (dir, mut store) = fresh();
    let f = tasks_file(dir.path(), "a.csv", &[("01/08/2022", "Sở Y tế")]);
    let dry = Options {
        dry_run: true,
        ..Options::default()
    };
    let s = run(&mut store, &f, &dry).unwrap();
    assert!(s.catalogue.is_some());
    assert_eq!(
        count(&store, "SELECT count(*) FROM unit"),
        0,
        "a dry run writes nothing"
    );
    run(&mut store, &f, &Options::default()).unwrap();
    let new_communes = count(
        &store,
        "SELECT count(*) FROM unit WHERE valid_from = '2025-07-01' AND kind IN ('xa','phuong')",
    );
    assert_eq!(new_communes, 65);
    let units = count(&store, "SELECT count(*) FROM unit");
    let s = run(&mut store, &f, &Options::default()).unwrap();
    assert_eq!(s.catalogue, None);
    assert_eq!(s.counts.unchanged, 1);
    assert_eq!(count(&store, "SELECT count(*) FROM unit"), units);
}

#[test]
fn unknown_names_are_listed_once_with_the_closest_and_how_to_go_on() {
    let (dir, mut store) = fresh();
    let f = tasks_file(
        dir.path(),
        "la.csv",
        &[
            ("01/08/2022", "Ban QL dự án"),
            ("02/08/2022", "Sở Y tế"),
            ("03/08/2022", "Ban QL dự án"),
            ("04/08/2022", "UBND xã Hư Cấu"),
        ],
    );
    let err = run(&mut store, &f, &Options::default()).unwrap_err();
    assert!(
        err.contains("«Ban QL dự án»: 2 dòng; gần giống: Ban Quản lý dự án đầu tư xây dựng tỉnh"),
        "{err}"
    );
    assert!(err.contains("«UBND xã Hư Cấu»: 1 dòng"), "{err}");
    assert!(err.contains("--them-don-vi: Hư Cấu (xã)"), "{err}");
    assert!(err.contains("--anh-xa"), "{err}");
    assert_eq!(err.matches("«Ban QL dự án»: 2").count(), 1, "{err}");
    assert_eq!(
        count(&store, "SELECT count(*) FROM unit"),
        0,
        "nothing loaded"
    );
}

fn tct_bin(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tct"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("TCT_DB")
        .env_remove("TCT_LANG")
        .output()
        .expect("tct runs")
}

#[test]
fn add_units_creates_them_with_a_guessed_kind_through_the_binary() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("t.db");
    let db = db.to_str().unwrap();
    let f = tasks_file(
        dir.path(),
        "moi.csv",
        &[
            ("01/08/2025", "Trung tâm Phục vụ hành chính công tỉnh"),
            ("01/08/2025", "UBND xã Hư Cấu"),
            ("01/08/2025", "Sở Y tế"),
        ],
    );
    let f = f.to_str().unwrap();
    let o = tct_bin(&["--db", db, "import", f]);
    assert_eq!(o.status.code(), Some(2));
    let o = tct_bin(&["--db", db, "import", f, "--them-don-vi", "--dry-run"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(out.contains("Hư Cấu (xã)"), "{out}");
    assert!(
        out.contains("Trung tâm Phục vụ hành chính công tỉnh (sở, ban, ngành)"),
        "{out}"
    );
    let o = tct_bin(&["--db", db, "import", f, "--add-units"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let store = Store::open(Path::new(db)).unwrap();
    let kind: String = store
        .connection()
        .query_row("SELECT kind FROM unit WHERE name = 'Hư Cấu'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(kind, "xa");
    assert_eq!(count(&store, "SELECT count(*) FROM task"), 3);
    drop(store);
    // Once made, they are known: importing again changes nothing.
    let o = tct_bin(&["--db", db, "import", f]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("0 mới, 0 cập nhật, 3 không đổi"));
}

#[test]
fn a_map_is_remembered_for_the_next_import_through_the_binary() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("t.db");
    let db = db.to_str().unwrap();
    let f = tasks_file(dir.path(), "bql.csv", &[("01/08/2022", "Ban QL dự án")]);
    let f = f.to_str().unwrap();
    let o = tct_bin(&[
        "--db",
        db,
        "import",
        f,
        "--map",
        "Ban QL dự án=Ban Quản lý dự án đầu tư xây dựng tỉnh",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("«Ban QL dự án» → Ban Quản lý dự án đầu tư xây dựng tỉnh"),
        "{out}"
    );
    // Another file naming it the same way, without --map.
    let g = tasks_file(dir.path(), "bql2.csv", &[("02/08/2022", "Ban QL Dự Án")]);
    let o = tct_bin(&["--db", db, "import", g.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let store = Store::open(Path::new(db)).unwrap();
    let units: Vec<String> = units_of_tasks(&store).into_iter().map(|t| t.1).collect();
    assert_eq!(
        units, ["Ban Quản lý dự án đầu tư xây dựng tỉnh"; 2],
        "both files' tasks"
    );
    let user: i64 = count(
        &store,
        "SELECT count(*) FROM unit_alias WHERE origin = 'user'",
    );
    assert_eq!(user, 1);
    drop(store);
    // A map to a unit that does not exist is refused, naming it.
    let o = tct_bin(&["--db", db, "import", f, "--anh-xa", "X=Sở Không Có"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("«Sở Không Có»"));
    let o = tct_bin(&["--db", db, "import", f, "--anh-xa", "không có dấu bằng"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn the_units_pane_lists_units_with_data_and_a_filter_finds_any() {
    let (dir, mut store) = fresh();
    let c = ctx("23/09/2022");
    // The catalogue alone: the units directly under the province valid that day.
    let f = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/mau-don-vi.csv");
    run(&mut store, &f, &Options::default()).unwrap();
    let listed = store.count_units(&c, "").unwrap();
    let top = count(
        &store,
        "SELECT count(*) FROM unit u WHERE u.kind <> 'tinh'
           AND u.parent_id IN (SELECT id FROM unit WHERE kind = 'tinh')
           AND (u.valid_from IS NULL OR u.valid_from <= '2022-09-23')
           AND (u.valid_to IS NULL OR u.valid_to >= '2022-09-23')",
    );
    assert_eq!(listed as i64, top);
    assert!(listed > 30, "{listed}");
    // With tasks, the units that have some; a filter still finds the others.
    let t = tasks_file(dir.path(), "yt.csv", &[("01/08/2022", "Sở Y tế")]);
    run(&mut store, &t, &Options::default()).unwrap();
    assert_eq!(store.count_units(&c, "").unwrap(), 1);
    assert!(
        store.count_units(&c, "hoa binh").unwrap() >= 4,
        "former communes"
    );
    assert_eq!(store.count_units(&c, "thanh tra").unwrap(), 1);
}

#[test]
fn the_demo_holds_the_catalogue() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("demo.db");
    let db = db.to_str().unwrap();
    let o = tct_bin(&[
        "--demo",
        "--db",
        db,
        "report",
        "units",
        "--unit",
        "thanh tra tinh",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("Thanh tra tỉnh"));
    let store = Store::open(Path::new(db)).unwrap();
    assert!(count(&store, "SELECT count(*) FROM unit") > 300);
    assert!(count(&store, "SELECT count(*) FROM unit_alias") > 20);
    // The demo's own 17 units are still the pane's in 2022.
    assert_eq!(store.count_units(&ctx("23/09/2022"), "").unwrap(), 17);
}

#[test]
fn a_unit_the_database_spells_otherwise_stays_and_the_catalogue_still_loads() {
    let (dir, mut store) = fresh();
    // The old placement of the tone mark, as many offices type it.
    store
        .write(|tx| {
            tx.insert_unit(&tct::model::NewUnit {
                name: "Sở Văn hoá, Thể thao và Du lịch".into(),
                kind: tct::domain::unit::UnitKind::So,
                code: None,
                parent_id: None,
                valid_from: None,
                valid_to: None,
            })
        })
        .unwrap();
    let f = tasks_file(dir.path(), "vh.csv", &[("01/08/2022", "Sở VHTTDL")]);
    let s = run(&mut store, &f, &Options::default()).unwrap();
    assert!(s.catalogue.is_some());
    let got = units_of_tasks(&store);
    assert_eq!(got[0].1, "Sở Văn hoá, Thể thao và Du lịch");
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM unit WHERE name_key LIKE 'so van hoa%'"
        ),
        1,
        "not made twice"
    );
}

#[test]
fn namesakes_in_the_units_pane_show_their_kind_and_parent() {
    let (_dir, mut store) = fresh();
    let f = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/mau-don-vi.csv");
    run(&mut store, &f, &Options::default()).unwrap();
    let labels = |day: &str, filter: &str| -> Vec<String> {
        store
            .units_page(&ctx(day), filter, 0, 50)
            .unwrap()
            .iter()
            .map(|u| tct::words::unit_label(&u.name, u.kind, &u.namesake))
            .collect()
    };
    // Before the reform: three communes of one name, told apart by their district.
    let before = labels("23/09/2022", "hoang van thu");
    assert_eq!(before.len(), 3, "{before:?}");
    for l in [
        "Hoàng Văn Thụ (xã, Bình Gia)",
        "Hoàng Văn Thụ (xã, Văn Lãng)",
        "Hoàng Văn Thụ (phường, Lạng Sơn)",
    ] {
        assert!(before.iter().any(|b| b == l), "{l} not in {before:?}");
    }
    // The city shares only the province's name, never in a list; a district that day
    // has no namesake (the commune of its name comes in 2025).
    assert!(labels("23/09/2022", "lang son").contains(&"Lạng Sơn".to_string()));
    assert!(labels("23/09/2022", "trang dinh").contains(&"Tràng Định".to_string()));
    // After it, the one ward left has no namesake among the units of the day.
    assert_eq!(labels("01/12/2026", "hoang van thu"), ["Hoàng Văn Thụ"]);
}

/// Every way a secretary names the city Lạng Sơn, on the command line as in a file:
/// the same resolver answers `--unit` and the import.
#[test]
fn the_city_of_lang_son_is_found_by_every_usual_name_on_the_command_line() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("demo.db");
    let db = db.to_str().unwrap();
    for name in [
        "Lạng Sơn",
        "lang son",
        "Lạng Sơn (thành phố)",
        "Thành phố Lạng Sơn",
        "TP Lạng Sơn",
        "UBND thành phố Lạng Sơn",
        "178",
    ] {
        let o = tct_bin(&["--demo", "--db", db, "report", "units", "--unit", name]);
        assert!(
            o.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains("\nLạng Sơn: 03/10 chỉ tiêu"), "{name}: {out}");
        assert!(out.contains("\nLạng Sơn  thành phố"), "{name}: {out}");
    }
    // An abbreviation from the catalogue's aliases, and a name no unit has.
    let o = tct_bin(&[
        "--demo",
        "--db",
        db,
        "report",
        "units",
        "--unit",
        "Sở KH&ĐT",
    ]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("\nSở Kế hoạch và Đầu tư:"));
    let o = tct_bin(&[
        "--demo",
        "--db",
        db,
        "report",
        "units",
        "--unit",
        "Sở Không Có",
    ]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("không có đơn vị «Sở Không Có»"));
}

#[test]
fn tasks_of_an_abolished_unit_say_so_with_its_successors() {
    // The demo as `--demo` opens it: with the province's catalogue of units.
    let (_dir, mut store) = common::demo_store();
    tct::import::load_catalogue(&mut store, common::date("23/09/2022")).unwrap();
    let district: i64 = store
        .connection()
        .query_row(
            "SELECT id FROM unit WHERE name = 'Tràng Định' AND kind = 'huyen'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let page = |day: &str, scope| {
        store
            .tasks_page(&ctx(day), scope, TaskMode::All, "", 0, 50)
            .unwrap()
    };
    // After the reform every task of the district carries the mark, with the day it
    // ceased (the day after its last) and the communes that took over, by name.
    let after = page("01/12/2026", TaskScope::Unit(district));
    assert!(!after.is_empty());
    for r in &after {
        let a = r.abolished.as_ref().expect("marked");
        assert_eq!(a.on, common::date("01/07/2025"));
        assert!(a.successors.contains(&"Thất Khê".to_string()), "{a:?}");
        assert!(a.successors.len() > 1, "{a:?}");
    }
    let a = after[0].abolished.as_ref().unwrap();
    let mark = tct::words::abolished_mark(a.on, &a.successors);
    assert!(mark.starts_with("đã giải thể 01/07/2025 → "), "{mark}");
    assert!(mark.contains("Thất Khê, "), "{mark}");
    // Before it, none is marked.
    let before = page("23/09/2022", TaskScope::Unit(district));
    assert!(before.iter().all(|r| r.abolished.is_none()));
    // The province's overdue view: the district's rows are marked, the Department of
    // Finance's (still in place) are not.
    let overdue = store
        .tasks_page(
            &ctx("01/12/2026"),
            TaskScope::AllUnits,
            TaskMode::Overdue,
            "",
            0,
            200,
        )
        .unwrap();
    let district_rows: Vec<_> = overdue.iter().filter(|r| r.unit_id == district).collect();
    assert!(!district_rows.is_empty());
    assert!(district_rows.iter().all(|r| r.abolished.is_some()));
    let finance: Vec<_> = overdue
        .iter()
        .filter(|r| r.unit_name == "Sở Tài chính")
        .collect();
    assert!(!finance.is_empty());
    assert!(finance.iter().all(|r| r.abolished.is_none()));
}
