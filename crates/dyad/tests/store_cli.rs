//! `dyad ingest` / `query` / `series` / `export` / `db check` end to end.
//! The seed article is read where it lives (../shared), never copied.

mod common;
use common::*;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Stdio};

const SEED: &str = "seed/china-kenya-focac-2024.txt";

fn normalise(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_seed_ingested_twice_is_stored_once_and_its_september_series_is_right() {
    let Some(seed) = shared(SEED) else { return };
    let (_dir, db) = temp_store();
    let first = ingest_ok(&db, &seed, &[]);
    let summary = String::from_utf8_lossy(&first.stderr);
    assert!(summary.contains("dyad: ingested 1 documents"), "{summary}");
    let after_first = check_json(&db);
    let second = ingest_ok(&db, &seed, &[]);
    let summary2 = String::from_utf8_lossy(&second.stderr);
    assert!(
        summary2.contains("ingested 0 documents, 0 sentences, 0 events (1 duplicates, 0 errors)"),
        "{summary2}"
    );
    let after_second = check_json(&db);
    for k in ["documents", "sentences", "events", "mentions"] {
        assert_eq!(after_first[k], after_second[k], "{k} changed on re-ingest");
    }

    // What the same binary codes, as the store counts it: one event per key.
    let coded = events(&run_ok(dyad().arg("code").arg(&seed)));
    let is_dyad = |e: &serde_json::Value| {
        let (s, t) = (
            e["source"].as_str().unwrap_or(""),
            e["target"].as_str().unwrap_or(""),
        );
        (s.starts_with("CHN") && t.starts_with("KEN"))
            || (s.starts_with("KEN") && t.starts_with("CHN"))
    };
    let mut seen = BTreeSet::new();
    let (mut n, mut goldstein, mut quads) = (0u64, 0.0f64, [0u64; 5]);
    for e in coded
        .iter()
        .filter(|e| is_dyad(e) && e["date"].as_str().unwrap_or("").starts_with("2024-09"))
    {
        let key = (
            e["date"].to_string(),
            e["source"].to_string(),
            e["target"].to_string(),
            e["code"].to_string(),
            normalise(e["text"].as_str().unwrap_or("")),
        );
        if seen.insert(key) {
            n += 1;
            goldstein += e["goldstein"].as_f64().unwrap_or(0.0);
            quads[e["quad_class"].as_u64().unwrap_or(0).min(4) as usize] += 1;
        }
    }
    assert!(n > 0, "the coder finds China-Kenya events in the seed");
    let rows = series_jsonl(&db, &["--dyad", "CHN-KEN", "--by", "month"]);
    let sep = rows
        .iter()
        .find(|r| r["period"] == "2024-09")
        .unwrap_or_else(|| panic!("September 2024 missing: {rows:?}"));
    assert_eq!(sep["events"].as_u64(), Some(n));
    assert!(sep["events"].as_u64().unwrap_or(0) > 0);
    assert_eq!(sep["mentions"].as_u64(), Some(n));
    assert!(
        (sep["goldstein_sum"].as_f64().unwrap() - goldstein).abs() < 1e-6,
        "{sep} vs {goldstein}"
    );
    let got_quads = [
        "verbal_coop",
        "material_coop",
        "verbal_conflict",
        "material_conflict",
    ]
    .map(|k| sep[k].as_u64().unwrap_or(0));
    assert_eq!(got_quads, [quads[1], quads[2], quads[3], quads[4]]);

    // Table and CSV forms print the same period.
    let table = dyad_db_ok(&db, &["series", "--dyad", "CHN-KEN", "--by", "month"]);
    assert!(String::from_utf8_lossy(&table.stdout)
        .lines()
        .nth(1)
        .unwrap_or("")
        .starts_with("2024-09"));
    let q = dyad_db_ok(
        &db,
        &[
            "query", "--dyad", "KEN-CHN", "--format", "csv", "--limit", "0",
        ],
    );
    assert_eq!(
        String::from_utf8_lossy(&q.stdout).lines().count() as u64,
        n + 1,
        "header + events"
    );
}

#[test]
fn the_seed_republished_with_a_new_headline_and_an_edit_is_linked_not_counted() {
    let Some(seed) = shared(SEED) else { return };
    let text = std::fs::read_to_string(&seed).unwrap();
    let (dir, db) = temp_store();
    ingest_ok(&db, &seed, &[]);
    let before = check_json(&db);
    // New headline in place of the first line; one sentence changed.
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let first = lines.iter().position(|l| !l.trim().is_empty()).unwrap();
    lines[first] = "Republished: a new headline for the same wire story".into();
    let copy = lines.join("\n").replacen("emphasised", "stressed", 1);
    assert_ne!(copy, text);
    let path = dir.join("republished.txt");
    std::fs::write(&path, copy).unwrap();
    ingest_ok(&db, &path, &[]);
    let after = check_json(&db);
    assert_eq!(after["near_duplicates"], 1, "{after}");
    assert_eq!(after["documents"], 2);
    assert_eq!(after["events"], before["events"], "no event counted twice");
    assert!(
        after["mentions"].as_u64() > before["mentions"].as_u64(),
        "the copy's reports are mentions"
    );
}

#[test]
fn bad_stores_give_one_line_errors_and_stay_unchanged() {
    let Some(seed) = shared(SEED) else { return };
    let dir = tempdir();
    // Not an SQLite file.
    let notes = dir.join("notes.txt");
    std::fs::write(&notes, "not a database\n".repeat(50)).unwrap();
    let out = ingest_cmd(&notes, &seed, &[]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(
        err.contains(&notes.display().to_string()) && err.contains("not a dyad store"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&notes).unwrap(),
        "not a database\n".repeat(50)
    );
    // A query on a store that does not exist does not create one.
    let missing = dir.join("missing.db");
    let out = dyad()
        .args(["query", "--db"])
        .arg(&missing)
        .output()
        .unwrap();
    assert!(!out.status.success() && !missing.exists());
    // A read-only directory.
    use std::os::unix::fs::PermissionsExt;
    let ro = dir.join("ro");
    std::fs::create_dir(&ro).unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    let out = ingest_cmd(&ro.join("dyad.db"), &seed, &[])
        .output()
        .unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.trim_end().lines().count() == 1 && err.contains("read-only"),
        "{err}"
    );
    assert!(!ro.join("dyad.db").exists());
    // An unknown export format.
    let db = dir.join("dyad.db");
    ingest_ok(&db, &seed, &[]);
    let before = check_json(&db);
    let out = dyad()
        .args(["export", "--format", "xlsx", "--out"])
        .arg(dir.join("x.xlsx"))
        .arg("--db")
        .arg(&db)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success()
            && err.trim_end().lines().count() == 1
            && err.contains("unknown export format `xlsx`"),
        "{err}"
    );
    assert!(!dir.join("x.xlsx").exists());
    // A locked store: another process holds the write lock.
    let Ok(mut holder) = Command::new("python3")
        .arg("-c")
        .arg("import sqlite3,sys,time\nc=sqlite3.connect(sys.argv[1],isolation_level=None)\nc.execute('BEGIN IMMEDIATE')\nprint('locked',flush=True)\ntime.sleep(30)")
        .arg(&db)
        .stdout(Stdio::piped())
        .spawn()
    else {
        eprintln!("skipped: python3 not available to hold a lock");
        return;
    };
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(holder.stdout.take().unwrap()),
        &mut line,
    )
    .unwrap();
    assert_eq!(line.trim(), "locked");
    let other = dir.join("other.txt");
    std::fs::write(
        &other,
        "Kenya and China held talks in Nairobi on Monday, officials said.\n",
    )
    .unwrap();
    let out = ingest_cmd(&db, &other, &["--wait", "0.2", "--date", "2024-01-01"])
        .output()
        .unwrap();
    let _ = holder.kill();
    let _ = holder.wait();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.trim_end().lines().count() == 1 && err.contains("locked"),
        "{err}"
    );
    assert_eq!(check_json(&db)["documents"], before["documents"]);
}

/// Project-written sentences (no news text): Kenya and China establish a
/// strategic partnership, later raise it, and a third story only mentions it.
const LABEL_DOCS: &str = r#"{"id": "lab-1", "date": "2022-03-08", "text": "Kenya and China established a strategic partnership during talks in Beijing on Tuesday."}
{"id": "lab-2", "date": "2023-06-20", "text": "Kenya and China agreed to elevate their relationship to a comprehensive strategic cooperative partnership, the two governments said in a joint statement."}
"#;
const LABEL_LATER: &str = r#"{"id": "lab-3", "date": "2023-09-02", "text": "Ministers reviewed progress under their comprehensive strategic cooperative partnership, Kenya and China said."}
{"id": "lab-4", "date": "2024-01-15", "text": "Kenya and China raised their ties to an all-round strategic cooperative partnership on Monday."}
"#;

fn upgrade_events(db: &Path) -> Vec<serde_json::Value> {
    query_jsonl(db, &["--dyad", "CHN-KEN"])
        .into_iter()
        .filter(|e| {
            e["pattern"]
                .as_str()
                .is_some_and(|p| p.starts_with("relationship label"))
        })
        .collect()
}

#[test]
fn partnership_upgrades_are_stored_as_events_once() {
    let (dir, db) = temp_store();
    let first = dir.join("labels.jsonl");
    std::fs::write(&first, LABEL_DOCS).unwrap();
    ingest_ok(&db, &first, &[]);
    let evs = upgrade_events(&db);
    let got: Vec<(&str, &str, &str, &str)> = evs
        .iter()
        .map(|e| {
            (
                e["date"].as_str().unwrap(),
                e["code"].as_str().unwrap(),
                e["doc_id"].as_str().unwrap(),
                e["source"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("2022-03-08", "050", "lab-1", "CHN"),
            ("2023-06-20", "057", "lab-2", "CHN"),
        ],
        "{evs:?}"
    );
    assert!(evs[1]["text"]
        .as_str()
        .unwrap()
        .contains("comprehensive strategic cooperative partnership"));
    assert_eq!(evs[1]["target"], "KEN");
    let before = check_json(&db);

    // The same documents again: nothing new.
    ingest_ok(&db, &first, &[]);
    assert_eq!(upgrade_events(&db).len(), 2);
    let after = check_json(&db);
    for k in ["documents", "events", "mentions"] {
        assert_eq!(before[k], after[k], "{k} changed on re-ingest");
    }

    // Later documents are judged against the stored history: restating the
    // level-4 label is no upgrade; the level-5 label is.
    let later = dir.join("later.jsonl");
    std::fs::write(&later, LABEL_LATER).unwrap();
    ingest_ok(&db, &later, &[]);
    let evs = upgrade_events(&db);
    let docs: Vec<&str> = evs.iter().map(|e| e["doc_id"].as_str().unwrap()).collect();
    assert_eq!(docs, ["lab-1", "lab-2", "lab-4"], "{evs:?}");
}
