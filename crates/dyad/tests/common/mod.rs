//! Helpers shared by the binary's integration tests. A `common/mod.rs`
//! (not `common.rs`) so that cargo does not build it as a test of its own.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub fn dyad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

/// Runs `cmd` and asserts that it succeeded; the panic names the command and
/// carries its stderr, so a failing run says why.
pub fn run_ok(cmd: &mut Command) -> Output {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed ({}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// `dyad ARGS --db DB`, asserted to succeed (clap takes `--db` anywhere).
pub fn dyad_db_ok(db: &Path, args: &[&str]) -> Output {
    run_ok(dyad().args(args).arg("--db").arg(db))
}

/// `dyad ingest FLAGS --db DB INPUT`, not yet run: some tests expect it to fail.
pub fn ingest_cmd(db: &Path, input: &Path, flags: &[&str]) -> Command {
    let mut cmd = dyad();
    cmd.arg("ingest").args(flags).arg("--db").arg(db).arg(input);
    cmd
}

/// `dyad ingest FLAGS --db DB INPUT`, asserted to succeed.
pub fn ingest_ok(db: &Path, input: &Path, flags: &[&str]) -> Output {
    run_ok(&mut ingest_cmd(db, input, flags))
}

/// `dyad db check --json`: the store's counts and problems.
pub fn check_json(db: &Path) -> serde_json::Value {
    let out = dyad_db_ok(db, &["db", "check", "--json"]);
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "db check --json printed no JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

/// `dyad query --format jsonl --limit 0 EXTRA`: every stored event that matches.
pub fn query_jsonl(db: &Path, extra: &[&str]) -> Vec<serde_json::Value> {
    let args = [&["query", "--format", "jsonl", "--limit", "0"][..], extra].concat();
    events(&dyad_db_ok(db, &args))
}

/// `dyad series --format jsonl EXTRA`: one row a period.
pub fn series_jsonl(db: &Path, extra: &[&str]) -> Vec<serde_json::Value> {
    let args = [&["series", "--format", "jsonl"][..], extra].concat();
    events(&dyad_db_ok(db, &args))
}

/// `../shared` beside the repository, if present.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let p = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")).join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipped: ../shared/{rel} not found");
        None
    }
}

pub fn run_with_stdin(cmd: &mut Command, input: &[u8]) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn dyad");
    let mut stdin = child.stdin.take().expect("stdin");
    let data = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&data);
    });
    let out = child.wait_with_output().expect("wait dyad");
    let _ = writer.join();
    out
}

pub fn tempdir() -> PathBuf {
    let d = std::env::temp_dir().join(format!(
        "dyad-test-{}-{}",
        std::process::id(),
        rand_suffix()
    ));
    std::fs::create_dir_all(&d).expect("tempdir");
    d
}

/// A fresh temporary directory and the path of a (not yet created) store in it.
pub fn temp_store() -> (PathBuf, PathBuf) {
    let dir = tempdir();
    let db = dir.join("dyad.db");
    (dir, db)
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0)
}

/// The JSON Lines on `out`'s stdout (blank lines skipped).
pub fn events(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}
