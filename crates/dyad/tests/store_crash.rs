//! Crash safety: `dyad ingest` killed with SIGKILL midway, then run again,
//! ends with exactly the events and mentions of one clean run.

mod common;
use common::*;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn gen_corpus(path: &Path, n: usize) -> bool {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../bench/gen_corpus.py");
    let Ok(out) = Command::new("python3")
        .arg(script)
        .arg(n.to_string())
        .output()
    else {
        eprintln!("skipped: python3 not available to generate the corpus");
        return false;
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::write(path, out.stdout).unwrap();
    true
}

/// Every stored event by content (not by id), with its mention counts.
fn stored_events(db: &Path) -> BTreeMap<String, (u64, u64)> {
    let mut map = BTreeMap::new();
    for e in query_jsonl(db, &[]) {
        let key = [
            "date", "source", "target", "code", "text", "doc_id", "sentence",
        ]
        .map(|k| e[k].to_string())
        .join("|");
        let prev = map.insert(
            key.clone(),
            (
                e["mentions"].as_u64().unwrap_or(0),
                e["articles"].as_u64().unwrap_or(0),
            ),
        );
        assert!(prev.is_none(), "event stored twice: {key}");
    }
    map
}

fn stored_events_so_far(db: &Path) -> u64 {
    let out = dyad()
        .args(["series", "--by", "year", "--format", "jsonl", "--db"])
        .arg(db)
        .output();
    out.ok()
        .filter(|o| o.status.success())
        .map(|o| {
            events(&o)
                .iter()
                .map(|r| r["events"].as_u64().unwrap_or(0))
                .sum()
        })
        .unwrap_or(0)
}

#[test]
fn an_ingest_killed_midway_and_run_again_loses_and_duplicates_nothing() {
    let dir = tempdir();
    let corpus = dir.join("corpus.jsonl");
    if !gen_corpus(&corpus, 2000) {
        return;
    }
    // The reference: one clean run.
    let clean = dir.join("clean.db");
    ingest_ok(&clean, &corpus, &["--batch", "50"]);
    let reference = check_json(&clean);
    assert!(
        reference["events"].as_u64().unwrap_or(0) > 1000,
        "{reference}"
    );

    // Killed midway: wait until some batches are committed, then SIGKILL.
    let crashed = dir.join("crashed.db");
    let mut child = ingest_cmd(&crashed, &corpus, &["--batch", "50"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while stored_events_so_far(&crashed) == 0 && start.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(10));
    }
    let still_running = child.try_wait().unwrap().is_none();
    child.kill().unwrap(); // SIGKILL on Unix
    let _ = child.wait();
    assert!(
        still_running,
        "the ingest finished before it could be killed: the test proves nothing"
    );
    let partial = check_json(&crashed);
    assert!(
        partial["problems"].as_array().is_some_and(|p| p.is_empty()),
        "consistent after the kill: {partial}"
    );
    let partial_docs = partial["documents"].as_u64().unwrap_or(0);
    assert!(
        partial_docs > 0 && partial_docs < reference["documents"].as_u64().unwrap_or(0),
        "killed midway: {partial}"
    );

    // Run again: it adds exactly what was missing.
    let out = ingest_ok(&crashed, &corpus, &["--batch", "50"]);
    let summary = String::from_utf8_lossy(&out.stderr);
    let expected_new = reference["documents"].as_u64().unwrap_or(0) - partial_docs;
    assert!(
        summary.contains(&format!("ingested {expected_new} documents")),
        "{summary}"
    );
    let after = check_json(&crashed);
    for k in [
        "documents",
        "near_duplicates",
        "sentences",
        "events",
        "mentions",
        "actors",
    ] {
        assert_eq!(after[k], reference[k], "{k}: crashed+rerun vs clean");
    }
    assert!(
        after["problems"].as_array().is_some_and(|p| p.is_empty()),
        "{after}"
    );
    assert_eq!(
        stored_events(&crashed),
        stored_events(&clean),
        "same events, same mention counts"
    );
}
