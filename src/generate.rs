//! `tct generate`: a deterministic synthetic province for benchmarks and trials —
//! communes, wards and departments with plausible Vietnamese names, targets with
//! readings, tasks spread unevenly (some units with thousands, some with none) around
//! the as-of date, and inspections whose directives become tasks.

use std::collections::HashSet;

use crate::error::Result;
use chrono::{Datelike, Duration, NaiveDate};
use indicatif::ProgressBar;

use crate::domain::format::iso;
use crate::domain::inspection::ItemKind;
use crate::domain::target::{Direction, Plan};
use crate::domain::unit::UnitKind;
use crate::error::Error;
use crate::i18n::{T, t};
use crate::model::{InspectionInput, ItemInput, NewTarget, NewTask, NewUnit};
use crate::store::Store;

pub struct Spec {
    pub units: usize,
    pub tasks: usize,
    pub targets_per_unit: usize,
    pub years: u32,
    pub seed: u64,
    pub as_of: NaiveDate,
}

const SYLLABLES: &[&str] = &[
    "An",
    "Bình",
    "Hòa",
    "Tân",
    "Phú",
    "Đông",
    "Tây",
    "Nam",
    "Bắc",
    "Thịnh",
    "Hưng",
    "Lộc",
    "Phúc",
    "Thành",
    "Quang",
    "Minh",
    "Hồng",
    "Thái",
    "Vĩnh",
    "Xuân",
    "Trung",
    "Đức",
    "Hợp",
    "Kim",
    "Long",
    "Mỹ",
    "Nghĩa",
    "Quốc",
    "Sơn",
    "Thượng",
    "Tiến",
    "Văn",
    "Yên",
    "Chiến",
    "Đoàn",
    "Kết",
    "Khánh",
    "Việt",
    "Lạng",
    "Hữu",
    "Cao",
    "Lâm",
    "Hải",
    "Gia",
    "Định",
];

const DEPARTMENTS: &[&str] = &[
    "Sở Tài chính",
    "Sở Nội vụ",
    "Sở Tư pháp",
    "Sở Công Thương",
    "Sở Xây dựng",
    "Sở Y tế",
    "Sở Giáo dục và Đào tạo",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Khoa học và Công nghệ",
    "Sở Nông nghiệp và Môi trường",
    "Sở Dân tộc và Tôn giáo",
    "Sở Ngoại vụ",
    "Thanh tra tỉnh",
    "Văn phòng UBND tỉnh",
    "Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn",
];

const VERBS: &[&str] = &[
    "Báo cáo kết quả",
    "Triển khai",
    "Rà soát",
    "Kiểm tra",
    "Tham mưu",
    "Đẩy nhanh tiến độ",
    "Tổ chức thực hiện",
    "Đánh giá",
    "Xây dựng kế hoạch",
    "Hoàn thiện hồ sơ",
];

const OBJECTS: &[&str] = &[
    "giải ngân vốn đầu tư công",
    "thu ngân sách nhà nước",
    "xây dựng nông thôn mới",
    "cải cách thủ tục hành chính",
    "chuyển đổi số",
    "giảm nghèo bền vững",
    "bồi thường, giải phóng mặt bằng",
    "phòng, chống thiên tai",
    "quản lý đất đai",
    "trồng rừng và bảo vệ rừng",
    "an toàn giao thông",
    "phát triển du lịch",
    "kỷ luật, kỷ cương hành chính",
    "bộ phận một cửa",
    "đào tạo, bồi dưỡng cán bộ",
    "xử lý vi phạm trật tự xây dựng",
    "tiếp công dân, giải quyết khiếu nại",
];

const TARGETS: &[(&str, &str, Direction)] = &[
    (
        "Thu ngân sách nhà nước trên địa bàn",
        "tỷ đồng",
        Direction::Higher,
    ),
    (
        "Thu nhập bình quân đầu người",
        "triệu đồng/người",
        Direction::Higher,
    ),
    ("Tỷ lệ hộ nghèo", "%", Direction::Lower),
    ("Diện tích trồng rừng mới", "ha", Direction::Higher),
    ("Tỷ lệ che phủ rừng", "%", Direction::Higher),
    ("Tổng sản lượng lương thực có hạt", "tấn", Direction::Higher),
    ("Số lượt khách du lịch", "lượt khách", Direction::Higher),
    (
        "Tỷ lệ dân số tham gia bảo hiểm y tế",
        "%",
        Direction::Higher,
    ),
    ("Số vụ tai nạn giao thông", "vụ", Direction::Lower),
    (
        "Số lao động được tạo việc làm mới",
        "người",
        Direction::Higher,
    ),
    (
        "Tiêu chí nông thôn mới đạt thêm",
        "tiêu chí",
        Direction::Higher,
    ),
    ("Đàn gia súc", "con", Direction::Higher),
];

fn pick<'a>(rng: &mut fastrand::Rng, list: &[&'a str]) -> &'a str {
    list[rng.usize(..list.len())]
}

fn unit_names(rng: &mut fastrand::Rng, n: usize) -> Vec<(String, UnitKind)> {
    let mut out = Vec::with_capacity(n);
    let mut seen = HashSet::new();
    for d in DEPARTMENTS.iter().take((n / 12).max(1).min(n)) {
        seen.insert(d.to_string());
        out.push((d.to_string(), UnitKind::So));
    }
    while out.len() < n {
        // Two syllables while they last, then three.
        let words = if seen.len() < 1200 { 2 } else { 3 };
        let mut name: Vec<&str> = Vec::with_capacity(words);
        while name.len() < words {
            let w = pick(rng, SYLLABLES);
            if !name.contains(&w) {
                name.push(w);
            }
        }
        let name = name.join(" ");
        if !seen.insert(name.clone()) {
            continue;
        }
        let kind = match rng.u8(..100) {
            0..=84 => UnitKind::Xa,
            _ => UnitKind::Phuong,
        };
        out.push((name, kind));
    }
    out
}

/// Writes the synthetic province into an empty database, in one transaction.
pub fn generate(store: &mut Store, spec: &Spec, progress: bool) -> Result<()> {
    if !store.is_empty()? {
        return Err(Error::User(format!(
            "{}: {}",
            t(T::ErrNotEmpty),
            store.path().display()
        )));
    }
    let mut rng = fastrand::Rng::with_seed(spec.seed);
    let bar = if progress {
        crate::progress::bar((spec.units + spec.tasks) as u64)
    } else {
        ProgressBar::hidden()
    };
    let names = unit_names(&mut rng, spec.units);
    let as_of = spec.as_of;
    let span_days = i64::from(spec.years.max(1)) * 365;
    let unit_ids = store.write_base(|c| {
        let province = c.insert_unit(&NewUnit {
            name: "Lạng Sơn".into(),
            kind: UnitKind::Tinh,
            code: Some("20".into()),
            parent_id: None,
            valid_from: None,
            valid_to: None,
        })?;
        let mut ids = Vec::with_capacity(names.len());
        for (name, kind) in &names {
            let id = c.insert_unit(&NewUnit {
                name: name.clone(),
                kind: *kind,
                code: None,
                parent_id: Some(province),
                valid_from: NaiveDate::from_ymd_opt(2025, 7, 1),
                valid_to: None,
            })?;
            ids.push(id);
            // Targets for the as-of year, with quarterly readings up to the date.
            for k in 0..spec.targets_per_unit {
                let (tname, measure, dir) = TARGETS[k % TARGETS.len()];
                let plan = 10.0 + rng.f64() * 990.0;
                let tid = c.insert_target(&NewTarget {
                    unit_id: id,
                    year: as_of.year(),
                    position: k as i64,
                    name: if k < TARGETS.len() {
                        tname.to_string()
                    } else {
                        format!("{tname} ({})", k + 1)
                    },
                    measure: measure.into(),
                    plan: Plan::Value((plan * 10.0).round() / 10.0),
                    direction: dir,
                })?;
                for q in 1..=4u32 {
                    let Some(on) = NaiveDate::from_ymd_opt(as_of.year(), q * 3, 28) else {
                        continue;
                    };
                    if on > as_of || rng.u8(..10) == 0 {
                        continue;
                    }
                    let share = f64::from(q) / 4.0 * (0.5 + rng.f64() * 0.7);
                    let value = match dir {
                        Direction::Higher => plan * share,
                        Direction::Lower => plan * (0.8 + rng.f64() * 0.6),
                    };
                    c.set_reading(tid, on, (value * 10.0).round() / 10.0)?;
                }
            }
            bar.inc(1);
        }
        Ok(ids)
    })?;

    // Uneven load: a few units carry most tasks, one in twenty carries none.
    let weights: Vec<f64> = (0..unit_ids.len())
        .map(|i| {
            if rng.u8(..20) == 0 {
                0.0
            } else {
                1.0 / ((i + 1) as f64).powf(0.9)
            }
        })
        .collect();
    let mut order: Vec<usize> = (0..unit_ids.len()).collect();
    rng.shuffle(&mut order);
    let total: f64 = weights.iter().sum();
    let mut cumulative = Vec::with_capacity(weights.len());
    let mut acc = 0.0;
    for w in &weights {
        acc += w / total.max(f64::MIN_POSITIVE);
        cumulative.push(acc);
    }
    // The units' tallies are counted once at the end, not kept row by row.
    store.write_base(|c| {
        c.bulk_tasks(spec.tasks, |c| {
            for n in 0..spec.tasks {
                let r = rng.f64();
                let slot = cumulative.partition_point(|x| *x < r).min(order.len() - 1);
                let unit_id = unit_ids[order[slot]];
                let assigned = as_of - Duration::days(rng.i64(0..span_days));
                let deadline =
                    (rng.u8(..20) != 0).then(|| assigned + Duration::days(rng.i64(7..121)));
                let completed = match deadline {
                    Some(dl) if dl < as_of => match rng.u8(..100) {
                        0..=69 => Some(dl - Duration::days(rng.i64(0..7))),
                        70..=84 => Some(dl + Duration::days(rng.i64(1..61))),
                        _ => None,
                    },
                    Some(dl) => (rng.u8(..100) < 35)
                        .then(|| (assigned + Duration::days(rng.i64(1..30))).min(dl)),
                    None => (rng.u8(..2) == 0).then(|| assigned + Duration::days(rng.i64(5..90))),
                }
                .filter(|d| *d <= as_of && *d >= assigned);
                c.insert_task(&NewTask {
                    title: format!("{} {}", pick(&mut rng, VERBS), pick(&mut rng, OBJECTS)),
                    doc_number: Some(format!(
                        "{}/UBND-{}",
                        n + 1,
                        pick(&mut rng, &["KT", "NC", "KGVX", "TH", "XD", "NN"])
                    )),
                    doc_date: Some(assigned),
                    leader: Some(
                        pick(&mut rng, &["Chủ tịch UBND tỉnh", "Phó Chủ tịch UBND tỉnh"]).into(),
                    ),
                    unit_id,
                    cooperating: None,
                    assigned_on: Some(assigned),
                    deadline,
                    completed_on: completed,
                    origin: Some("VNPT-iOffice".into()),
                    ..Default::default()
                })?;
                if n % 1024 == 0 {
                    bar.inc(1024.min((spec.tasks - n) as u64));
                }
            }
            c.set_setting("as_of", &iso(as_of))?;
            Ok(())
        })
    })?;

    // A visit to one unit in twenty, with a conclusion whose directives become tasks.
    for (i, id) in unit_ids.iter().enumerate().filter(|(i, _)| i % 20 == 0) {
        let held_on = as_of - Duration::days(rng.i64(10..200));
        let mut items = vec![ItemInput {
            id: None,
            kind: ItemKind::Result,
            text: "Đơn vị đã triển khai đồng bộ các nhiệm vụ được giao, đạt kết quả tích cực."
                .into(),
            ..Default::default()
        }];
        for _ in 0..rng.usize(2..6) {
            items.push(ItemInput {
                id: None,
                kind: ItemKind::Directive,
                text: format!("{} {}.", pick(&mut rng, VERBS), pick(&mut rng, OBJECTS)),
                unit_id: None,
                deadline: Some(held_on + Duration::days(rng.i64(15..120))),
                office: None,
            });
        }
        let input = InspectionInput {
            id: None,
            unit_id: *id,
            held_on,
            place: format!("Trụ sở UBND {}", names[i].0),
            chair_name: "Phạm Hùng Trường".into(),
            chair_title: "Chánh Văn phòng UBND tỉnh, Tổ trưởng Tổ công tác".into(),
            members: "Nguyễn Đức Thành — Phó Chánh Văn phòng UBND tỉnh".into(),
            attendees: String::new(),
            report: String::new(),
            items,
            removed: Vec::new(),
        };
        store.save_inspection(&input, &format!("{} 17:00:00", iso(held_on)))?;
    }
    bar.finish_and_clear();
    Ok(())
}
