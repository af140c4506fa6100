//! Several laptops, one record (issue 15): copies of one database exchange what each
//! recorded, and end up holding the same rows whatever order the changes travel in,
//! with every value written over kept as a conflict.

mod common;

use std::path::Path;

use common::date;
use common::sync::{content, laptops};
use tct::store::{Entry, Store};

fn send(from: &mut Store, to: &mut Store) -> tct::store::Merged {
    let me = from.replica().unwrap();
    to.merge(
        &me.lineage,
        (&me.id, &me.name),
        from.sync_entries().unwrap(),
    )
    .unwrap()
}

fn open_task(store: &Store) -> i64 {
    store
        .connection()
        .query_row(
            "SELECT id FROM task WHERE completed_on IS NULL AND deadline IS NOT NULL ORDER BY id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

fn deadline(store: &Store, task: i64) -> String {
    store
        .connection()
        .query_row("SELECT deadline FROM task WHERE id = ?1", [task], |r| {
            r.get(0)
        })
        .unwrap()
}

#[test]
fn a_copy_is_a_new_laptop_with_ids_of_its_own() {
    let (_dir, mut stores) = laptops(1);
    let a = stores[0].replica().unwrap();
    let b = stores[1].replica().unwrap();
    assert_ne!(a.id, b.id, "a copy names its changes differently");
    assert_eq!(
        a.lineage, b.lineage,
        "copies of one database share the lineage"
    );
    assert_eq!(a.id_base, 0, "the first file keeps its ids");
    assert!(b.id_base >= 1 << 32, "{}", b.id_base);

    let unit = stores[0]
        .resolve_unit(date("23/09/2022"), "Tràng Định")
        .unwrap()
        .0;
    let task = |title: &str| tct::model::NewTask {
        title: title.into(),
        unit_id: unit,
        ..Default::default()
    };
    let on_a = stores[0]
        .write(|tx| tx.insert_task(&task("Việc của máy A")))
        .unwrap();
    let on_b = stores[1]
        .write(|tx| tx.insert_task(&task("Việc của máy B")))
        .unwrap();
    assert!(on_a < 1 << 32, "{on_a}");
    assert!(on_b > b.id_base && on_b < b.id_base + (1 << 32), "{on_b}");

    // Opened again where it is, a file stays the laptop it was.
    let path = stores[1].path().to_path_buf();
    drop(stores);
    assert_eq!(Store::open(&path).unwrap().replica().unwrap(), b);
}

#[test]
fn a_change_travels_once_however_often_it_is_sent() {
    let (_dir, mut stores) = laptops(1);
    // What the file held when it was copied (the demo's records) both have.
    let shared = stores[0].sync_entries().unwrap().len();
    let task = open_task(&stores[0]);
    stores[0]
        .set_completed(task, Some(date("20/09/2022")))
        .unwrap();
    assert_ne!(content(&stores[0]), content(&stores[1]));

    let (a, rest) = stores.split_at_mut(1);
    let first = send(&mut a[0], &mut rest[0]);
    assert_eq!((first.new, first.known, first.conflicts), (1, shared, 0));
    assert_eq!(content(&a[0]), content(&rest[0]));
    let again = send(&mut a[0], &mut rest[0]);
    assert_eq!((again.new, again.known), (0, shared + 1));
    assert_eq!(content(&a[0]), content(&rest[0]));

    // And back: B knows A's change and has none of its own to add.
    let back = send(&mut rest[0], &mut a[0]);
    assert_eq!((back.new, back.known), (0, shared + 1));
}

#[test]
fn the_same_field_changed_on_two_laptops_ends_the_same_on_both_with_the_loser_kept() {
    let (_dir, mut stores) = laptops(1);
    let task = open_task(&stores[0]);
    let extend = |s: &mut Store, to: &str| {
        s.write(|tx| tx.extend_deadline(task, None, date(to), "lý do"))
            .unwrap()
    };
    extend(&mut stores[0], "15/12/2022");
    // B's change is made later, so it is the one every laptop keeps.
    std::thread::sleep(std::time::Duration::from_millis(2));
    extend(&mut stores[1], "31/12/2022");

    let (a, b) = stores.split_at_mut(1);
    send(&mut a[0], &mut b[0]);
    send(&mut b[0], &mut a[0]);
    assert_eq!(content(&a[0]), content(&b[0]));
    assert_eq!(deadline(&a[0], task), "2022-12-31");

    let lost = |s: &Store| -> Vec<(String, String, String)> {
        s.connection()
            .prepare("SELECT col, kind, lost FROM sync_conflict WHERE tbl = 'task' ORDER BY col")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    assert_eq!(
        lost(&a[0]),
        vec![(
            "deadline".to_string(),
            "overwritten".to_string(),
            "\"2022-12-15\"".to_string()
        )]
    );
    assert_eq!(
        lost(&a[0]),
        lost(&b[0]),
        "both laptops list the same conflict"
    );
}

#[test]
fn three_laptops_agree_whatever_order_the_bundles_travel_in() {
    let (_dir, mut stores) = laptops(2);
    let task = open_task(&stores[0]);
    stores[0]
        .set_completed(task, Some(date("21/09/2022")))
        .unwrap();
    stores[1]
        .write(|tx| tx.extend_deadline(task, None, date("30/11/2022"), "B"))
        .unwrap();
    stores[2]
        .write(|tx| tx.set_setting("place", "Lạng Sơn"))
        .unwrap();
    // C hears from B, A hears from C (B's change relayed), B hears from A.
    let bundle = |s: &mut Store| (s.replica().unwrap(), s.sync_entries().unwrap());
    let deliver = |to: &mut Store, (who, entries): (tct::store::Replica, Vec<Entry>)| {
        to.merge(&who.lineage, (&who.id, &who.name), entries)
            .unwrap()
    };
    let b = bundle(&mut stores[1]);
    deliver(&mut stores[2], b);
    let c = bundle(&mut stores[2]);
    deliver(&mut stores[0], c);
    let a = bundle(&mut stores[0]);
    deliver(&mut stores[1], a);
    let b = bundle(&mut stores[1]);
    deliver(&mut stores[2], b);
    let all = content(&stores[0]);
    assert_eq!(all, content(&stores[1]));
    assert_eq!(all, content(&stores[2]));
    assert_eq!(deadline(&stores[0], task), "2022-11-30");
}

#[test]
fn a_bundle_of_another_database_is_refused_untouched() {
    let (_dir, mut stores) = laptops(0);
    let (_other_dir, mut other) = common::demo_store();
    let task = open_task(&other);
    other.set_completed(task, Some(date("20/09/2022"))).unwrap();
    let them = other.replica().unwrap();
    let before = content(&stores[0]);
    let err = stores[0]
        .merge(
            &them.lineage,
            (&them.id, &them.name),
            other.sync_entries().unwrap(),
        )
        .unwrap_err()
        .to_string();
    assert!(err.contains("cơ sở dữ liệu khác"), "{err}");
    assert_eq!(before, content(&stores[0]));
}

#[test]
fn the_bundled_sqlite_has_the_session_extension() {
    let store = Store::open_in_memory().unwrap();
    let has = |opt: &str| -> bool {
        store
            .connection()
            .query_row("SELECT sqlite_compileoption_used(?1)", [opt], |r| r.get(0))
            .unwrap()
    };
    assert!(has("ENABLE_SESSION") && has("ENABLE_PREUPDATE_HOOK"));
}

#[test]
fn a_change_placed_before_others_undoes_and_redoes_them_exactly() {
    let (_dir, mut stores) = laptops(1);
    let task = open_task(&stores[0]);
    stores[0]
        .set_completed(task, Some(date("20/09/2022")))
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(2));
    // B's own change is later than A's: taking A's in undoes B's and makes it again.
    stores[1]
        .write(|tx| tx.set_setting("place", "Tràng Định"))
        .unwrap();
    let (a, b) = stores.split_at_mut(1);
    send(&mut a[0], &mut b[0]);
    let effects: Vec<Option<i64>> = b[0]
        .connection()
        .prepare("SELECT length(effect) FROM sync_change ORDER BY stamp")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    // What applying each did was recorded (NULL: the same as what was sent; an
    // empty record would mean the apply went unseen and could not be undone).
    assert!(
        effects.iter().all(|e| e.is_none_or(|n| n > 0)),
        "{effects:?}"
    );
    assert_eq!(
        b[0].setting("place").unwrap().as_deref(),
        Some("Tràng Định")
    );
    let done: Option<String> = b[0]
        .connection()
        .query_row("SELECT completed_on FROM task WHERE id = ?1", [task], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(done.as_deref(), Some("2022-09-20"));
    send(&mut b[0], &mut a[0]);
    assert_eq!(content(&a[0]), content(&b[0]));
}

/// As a secretary does it: a copy of the file on a second laptop, a change on each,
/// bundles both ways by the command line, the same figures on both, the one clash
/// listed; a bundle cut short is refused and changes nothing.
#[test]
fn two_laptops_exchange_by_the_command_line() {
    let (dir, mut stores) = laptops(1);
    let task = open_task(&stores[0]);
    let (a, b) = (
        stores[0].path().to_path_buf(),
        stores[1].path().to_path_buf(),
    );
    stores[0]
        .write(|tx| tx.extend_deadline(task, None, date("15/12/2022"), "A"))
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(2));
    stores[1]
        .write(|tx| tx.extend_deadline(task, None, date("31/12/2022"), "B"))
        .unwrap();
    drop(stores);
    let run = |db: &Path, args: &[&str]| {
        let mut all = vec!["--db", db.to_str().unwrap()];
        all.extend_from_slice(args);
        let o = common::tct(&all);
        let out = String::from_utf8_lossy(&o.stdout).into_owned();
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        (o.status.success(), out, err)
    };
    let bundle_a = dir.path().join("may-a.tctsync");
    let bundle_b = dir.path().join("may-b.tctsync");
    let (ok, out, err) = run(&a, &["sync", "export", "-o", bundle_a.to_str().unwrap()]);
    assert!(ok && out.contains("may-a.tctsync"), "{out}{err}");
    let (ok, out, _) = run(&b, &["sync", "export", "-o", bundle_b.to_str().unwrap()]);
    assert!(ok, "{out}");

    // Cut short on the way: refused in one line, the database as it was.
    let bytes = std::fs::read(&bundle_a).unwrap();
    let cut = dir.path().join("cut.tctsync");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let before = content(&Store::open(&b).unwrap());
    let (ok, _, err) = run(&b, &["sync", "import", cut.to_str().unwrap()]);
    assert!(
        !ok && err.lines().count() == 1 && err.contains("hỏng"),
        "{err}"
    );
    assert_eq!(before, content(&Store::open(&b).unwrap()));

    let (ok, out, err) = run(&b, &["sync", "import", bundle_a.to_str().unwrap()]);
    assert!(
        ok && out.contains("1 thay đổi mới") && out.contains("1 xung đột"),
        "{out}{err}"
    );
    let (ok, out, _) = run(&a, &["sync", "import", bundle_b.to_str().unwrap()]);
    assert!(ok && out.contains("1 thay đổi mới"), "{out}");
    assert_eq!(
        content(&Store::open(&a).unwrap()),
        content(&Store::open(&b).unwrap())
    );
    let units = |db: &Path| run(db, &["report", "units", "--format", "csv"]).1;
    assert_eq!(units(&a), units(&b));

    let (_, out, _) = run(&a, &["sync", "conflicts"]);
    assert!(
        out.contains("hạn xử lý: giữ 31/12/2022, bị ghi đè 15/12/2022"),
        "{out}"
    );
    let (_, out, _) = run(&a, &["sync", "status"]);
    assert!(
        out.contains("Xung đột chờ xem: 1") && out.contains("Máy "),
        "{out}"
    );

    // A person on A puts the earlier deadline back; the decision travels to B.
    let (_, out, _) = run(&a, &["sync", "conflicts"]);
    let id = out
        .split_whitespace()
        .next()
        .unwrap()
        .trim_start_matches('#')
        .to_string();
    let (ok, out, err) = run(&b, &["sync", "resolve", &id]);
    assert!(
        !ok && err.lines().count() == 1,
        "keep or restore must be said: {out}{err}"
    );
    let (ok, out, err) = run(&a, &["sync", "resolve", &id, "--khoi-phuc"]);
    assert!(ok, "{out}{err}");
    assert_eq!(deadline(&Store::open(&a).unwrap(), task), "2022-12-15");
    let (_, out, _) = run(&a, &["sync", "conflicts"]);
    assert!(out.contains("Không có xung đột"), "{out}");
    let (_, out, _) = run(&a, &["sync", "conflicts", "--all"]);
    assert!(
        out.contains("đã quyết định: khôi phục giá trị bị ghi đè"),
        "{out}"
    );
    let (ok, out, err) = run(&a, &["sync", "resolve", &id, "--giu"]);
    assert!(!ok && err.contains("đã được quyết định"), "{out}{err}");
    run(&a, &["sync", "export", "-o", bundle_a.to_str().unwrap()]);
    let (ok, out, _) = run(&b, &["sync", "import", bundle_a.to_str().unwrap()]);
    assert!(ok && !out.contains("xung đột"), "{out}");
    assert_eq!(deadline(&Store::open(&b).unwrap(), task), "2022-12-15");
    assert_eq!(
        content(&Store::open(&a).unwrap()),
        content(&Store::open(&b).unwrap())
    );
}

/// Killed while taking in a bundle (the laptop's lid closed, the power gone): the
/// database holds all of the bundle or none of it, and taking it in again finishes.
#[test]
fn killed_while_taking_in_a_bundle_it_is_all_or_nothing() {
    let (dir, mut stores) = laptops(1);
    let unit = stores[0]
        .resolve_unit(date("23/09/2022"), "Tràng Định")
        .unwrap()
        .0;
    // One large change, as an import of the office's file makes.
    stores[0]
        .write(|tx| {
            for i in 0..20_000 {
                tx.insert_task(&tct::model::NewTask {
                    title: format!("Nhiệm vụ số {i} từ tệp của văn phòng"),
                    unit_id: unit,
                    ..Default::default()
                })?;
            }
            Ok(())
        })
        .unwrap();
    let bundle = dir.path().join("lon.tctsync");
    std::fs::write(&bundle, tct::sync::bundle_of(&mut stores[0]).unwrap()).unwrap();
    let all = content(&stores[0]);
    let b = stores[1].path().to_path_buf();
    let none = content(&stores[1]);
    drop(stores);
    for wait_ms in [5, 40, 80, 150, 300] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_tct"))
            .args(["--db", b.to_str().unwrap(), "sync", "import"])
            .arg(&bundle)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(wait_ms));
        let _ = child.kill();
        let _ = child.wait();
        let now = content(&Store::open(&b).unwrap());
        assert!(
            now == none || now == all,
            "after a kill at {wait_ms} ms: part of the bundle"
        );
        if now == all {
            break;
        }
    }
    // However it ended, taking it in again leaves the whole bundle.
    let o = common::tct(&[
        "--db",
        b.to_str().unwrap(),
        "sync",
        "import",
        bundle.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(content(&Store::open(&b).unwrap()), all);
}

/// A bundle from a tct with a newer schema, or an older one, is refused whole with a
/// line saying which laptop to update; nothing changes.
#[test]
fn a_bundle_of_another_schema_is_refused_untouched() {
    let (_dir, mut stores) = laptops(1);
    let task = open_task(&stores[0]);
    stores[0]
        .set_completed(task, Some(date("20/09/2022")))
        .unwrap();
    let bytes = tct::sync::bundle_of(&mut stores[0]).unwrap();
    let (m, entries) = tct::sync::bundle::read(&bytes).unwrap();
    let before = content(&stores[1]);
    for (schema, words) in [(m.schema + 1, "mới hơn"), (m.schema - 1, "cũ hơn")] {
        let other = tct::sync::bundle::write(
            tct::sync::bundle::Manifest {
                schema,
                ..m.clone()
            },
            &entries,
        )
        .unwrap();
        let err = tct::sync::take(&mut stores[1], &other)
            .unwrap_err()
            .to_string();
        assert!(err.contains(words), "{err}");
        assert_eq!(before, content(&stores[1]));
    }
    assert_eq!(tct::sync::take(&mut stores[1], &bytes).unwrap().new, 1);
}
