//! The working group's week on four machines (issue 15): the provincial office's
//! database is copied to three laptops on Monday; on Tuesday, in the field, the
//! secretary records the inspection of Tràng Định, a member marks a task of Bình Gia
//! done and the team leader extends one of Cao Lộc; the office records that same
//! Cao Lộc task completed. From Wednesday they exchange through a shared folder,
//! each writing only its own file. By Friday every machine holds the same record and
//! the same figures with no conflict, for no field was changed twice; then two of
//! them reword one directive, which is one conflict everywhere until the secretary
//! decides it, and the decision reaches the others.

mod common;

use std::path::{Path, PathBuf};

use common::sync::content;
use common::{ctx, date};
use tct::domain::inspection::ItemKind;
use tct::model::{InspectionInput, ItemInput};
use tct::store::{Decision, Store};

/// The scorecard sentence of a unit, as the panes print it.
fn card(store: &Store, unit: &str) -> String {
    let c = ctx("23/09/2022");
    let (id, _) = store.resolve_unit(c.as_of, unit).unwrap();
    let row = store.unit_row(&c, id).unwrap().unwrap();
    format!("{:?}", row.card)
}

fn first_open_task(store: &Store, unit: &str) -> i64 {
    let (id, _) = store.resolve_unit(date("23/09/2022"), unit).unwrap();
    store
        .connection()
        .query_row(
            "SELECT id FROM task WHERE unit_id = ?1 AND completed_on IS NULL
             AND deadline IS NOT NULL ORDER BY deadline, id LIMIT 1",
            [id],
            |r| r.get(0),
        )
        .unwrap()
}

fn sync_dir(store: &mut Store, shared: &Path) -> tct::sync::DirSync {
    let done = tct::sync::dir(store, shared).unwrap();
    assert!(done.refused.is_empty(), "{:?}", done.refused);
    done
}

#[test]
fn a_week_of_the_working_group_on_four_machines() {
    let (dir, office) = common::demo_store();
    let office_path = office.path().to_path_buf();
    drop(office);
    let shared = dir.path().join("Thư mục chung");
    std::fs::create_dir(&shared).unwrap();
    // Monday: the office's file, copied to each laptop (a USB stick).
    let paths: Vec<PathBuf> = ["thu-ky", "to-truong", "thanh-vien"]
        .iter()
        .map(|n| {
            let p = dir.path().join(format!("{n}.db"));
            std::fs::copy(&office_path, &p).unwrap();
            p
        })
        .collect();
    let mut office = Store::open(&office_path).unwrap();
    let mut secretary = Store::open(&paths[0]).unwrap();
    let mut leader = Store::open(&paths[1]).unwrap();
    let mut member = Store::open(&paths[2]).unwrap();

    // Tuesday, in the field, no network.
    let trang_dinh = secretary
        .resolve_unit(date("23/09/2022"), "Tràng Định")
        .unwrap()
        .0;
    let record = InspectionInput {
        id: None,
        unit_id: trang_dinh,
        held_on: date("27/09/2022"),
        place: "UBND huyện Tràng Định".into(),
        chair_name: "Dương Xuân Huyên".into(),
        chair_title: "Phó Chủ tịch Thường trực UBND tỉnh".into(),
        members: String::new(),
        attendees: String::new(),
        report: String::new(),
        items: [
            "Hoàn thành giải phóng mặt bằng cửa khẩu Nà Nưa",
            "Rà soát hộ nghèo",
        ]
        .iter()
        .map(|t| ItemInput {
            kind: ItemKind::Directive,
            text: (*t).into(),
            deadline: Some(date("31/12/2022")),
            ..Default::default()
        })
        .collect(),
        removed: Vec::new(),
    };
    let ins = secretary
        .save_inspection(&record, "2022-09-27T10:00:00")
        .unwrap();
    let binh_gia_task = first_open_task(&member, "Bình Gia");
    member
        .set_completed(binh_gia_task, Some(date("26/09/2022")))
        .unwrap();
    let cao_loc_task = first_open_task(&leader, "Cao Lộc");
    leader
        .write(|tx| tx.extend_deadline(cao_loc_task, None, date("31/10/2022"), "Chờ vốn"))
        .unwrap();
    office
        .set_completed(cao_loc_task, Some(date("27/09/2022")))
        .unwrap();

    // Wednesday to Friday: each, once a day, takes in the others' files and writes
    // its own. On Wednesday the leader is still away.
    for day in 0..3 {
        for (who, store) in [
            ("secretary", &mut secretary),
            ("member", &mut member),
            ("office", &mut office),
            ("leader", &mut leader),
        ] {
            if day == 0 && who == "leader" {
                continue;
            }
            sync_dir(store, &shared);
        }
    }
    let all = content(&office);
    for s in [&secretary, &leader, &member] {
        assert!(content(s) == all, "every machine holds the office's record");
    }
    for unit in ["Tràng Định", "Bình Gia", "Cao Lộc"] {
        let c = card(&office, unit);
        for s in [&secretary, &leader, &member] {
            assert_eq!(card(s, unit), c, "{unit}'s scorecard");
        }
    }
    assert!(office.sync_conflicts(false).unwrap().is_empty());
    // What each recorded is there: the record, the completion, the extension and the
    // office's completion of the extended task side by side.
    let leader_view = leader.inspection(&ctx("30/09/2022"), ins).unwrap().unwrap();
    assert_eq!(leader_view.items.len(), 2);
    let (deadline, done): (String, String) = member
        .connection()
        .query_row(
            "SELECT deadline, completed_on FROM task WHERE id = ?1",
            [cao_loc_task],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (deadline.as_str(), done.as_str()),
        ("2022-10-31", "2022-09-27")
    );
    let status = office.sync_status().unwrap();
    assert_eq!(status.peers.len(), 3, "{:?}", status.peers);

    // Friday afternoon: the secretary and the leader both reword the first directive.
    let item = leader_view.items[0].id;
    let reword = |store: &mut Store, text: &str| {
        common::save_again(store, ins, None, |_, i| {
            if i.id == Some(item) {
                i.text = text.into();
            }
        })
        .unwrap();
    };
    reword(
        &mut secretary,
        "Hoàn thành giải phóng mặt bằng khu kinh tế cửa khẩu Nà Nưa",
    );
    std::thread::sleep(std::time::Duration::from_millis(2));
    reword(
        &mut leader,
        "Hoàn thành GPMB cửa khẩu Nà Nưa trong tháng 10",
    );
    for _ in 0..2 {
        for store in [&mut secretary, &mut leader, &mut member, &mut office] {
            sync_dir(store, &shared);
        }
    }
    let listed = member.sync_conflicts(false).unwrap();
    // One conflict, though the change wrote over the directive's text, its task's
    // title and that title's search key: one decision for the three.
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert_eq!(
        (
            listed[0].table.as_str(),
            listed[0].column.as_str(),
            listed[0].with.len()
        ),
        ("conclusion_item", "text", 2)
    );
    for s in [&secretary, &leader, &office] {
        assert_eq!(
            s.sync_conflicts(false).unwrap(),
            listed,
            "the same conflicts everywhere"
        );
    }
    // The secretary puts her wording back; everyone hears of it by the next round.
    for c in &listed {
        secretary.decide_conflict(&c.id, Decision::Restore).unwrap();
    }
    for _ in 0..2 {
        for store in [&mut secretary, &mut leader, &mut member, &mut office] {
            sync_dir(store, &shared);
        }
    }
    let (text, title, key): (String, String, String) = office
        .connection()
        .query_row(
            "SELECT i.text, t.title, t.title_key FROM conclusion_item i
             JOIN task t ON t.id = i.task_id WHERE i.id = ?1",
            [item],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    let hers = "Hoàn thành giải phóng mặt bằng khu kinh tế cửa khẩu Nà Nưa";
    assert_eq!((text.as_str(), title.as_str()), (hers, hers));
    assert_eq!(
        key,
        tct::domain::text::fold(hers),
        "the search finds her wording"
    );
    let all = content(&office);
    for s in [&secretary, &leader, &member] {
        assert!(content(s) == all);
        assert!(s.sync_conflicts(false).unwrap().is_empty());
    }
    // Each wrote only its own file in the shared folder.
    let files = std::fs::read_dir(&shared).unwrap().count();
    assert_eq!(files, 4);
}

/// Two laptops correct different directives of one record, each saving the whole
/// record at its own time: both corrections stay, and no conflict is shown for the
/// time each saved it.
#[test]
fn two_laptops_correcting_different_directives_of_one_record_clash_on_nothing() {
    let (_dir, mut stores) = common::sync::laptops(1);
    let ins = *stores[0].inspection_ids(None).unwrap().first().unwrap();
    let correct = |store: &mut Store, nth: usize, text: &str, at: &str| {
        let items = common::save_again(store, ins, Some(at), |n, i| {
            if n == nth {
                i.text = text.into();
            }
        });
        items.unwrap()[nth].id
    };
    let first = correct(&mut stores[0], 0, "Sửa ở máy A", "2022-09-24T08:00:00");
    std::thread::sleep(std::time::Duration::from_millis(2));
    let second = correct(&mut stores[1], 1, "Sửa ở máy B", "2022-09-24T09:00:00");
    for (from, to) in [(0, 1), (1, 0)] {
        let bytes = tct::sync::bundle_of(&mut stores[from]).unwrap();
        tct::sync::take(&mut stores[to], &bytes).unwrap();
    }
    assert_eq!(content(&stores[0]), content(&stores[1]));
    let text = |s: &Store, id: i64| -> String {
        s.connection()
            .query_row(
                "SELECT text FROM conclusion_item WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(text(&stores[0], first), "Sửa ở máy A");
    assert_eq!(text(&stores[0], second), "Sửa ở máy B");
    assert_eq!(stores[0].sync_conflicts(true).unwrap(), vec![]);
}
