//! Bad input never panics, names the file (and line), exits non-zero where
//! the contract says so, and does not stop the rest being coded.

mod common;
use common::*;

fn assert_no_panic(out: &std::process::Output) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "panic: {err}");
}

#[test]
fn empty_file_codes_nothing_and_succeeds() {
    let d = tempdir();
    let f = d.join("empty.txt");
    std::fs::write(&f, b"").unwrap();
    let out = run_ok(dyad().arg("code").arg(&f));
    assert_no_panic(&out);
    assert!(out.stdout.is_empty());
}

#[test]
fn binary_file_is_a_one_line_error_naming_it() {
    let d = tempdir();
    let f = d.join("blob.txt");
    std::fs::write(&f, [0u8, 159, 146, 150, 0, 0, 1, 2, 3, 255, 0]).unwrap();
    let out = dyad().arg("code").arg(&f).output().unwrap();
    assert_no_panic(&out);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    let line = err
        .lines()
        .find(|l| l.contains("error"))
        .expect("an error line");
    assert!(line.contains("blob.txt"), "{err}");
}

#[test]
fn invalid_utf8_is_read_as_latin1_with_a_warning() {
    let d = tempdir();
    let f = d.join("latin1.txt");
    std::fs::write(&f, b"Caf\xe9 owners in Nairobi protested on Monday.\n").unwrap();
    let out = dyad().arg("code").arg(&f).output().unwrap();
    assert_no_panic(&out);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("latin1.txt") && err.to_lowercase().contains("warning"),
        "{err}"
    );
}

#[test]
fn ten_megabyte_single_line_is_coded_without_panic() {
    let d = tempdir();
    let f = d.join("long.txt");
    let unit = "China praised Kenya for its support and Kenya thanked China ";
    let mut text = String::with_capacity(10 * 1024 * 1024 + unit.len());
    while text.len() < 10 * 1024 * 1024 {
        text.push_str(unit);
    }
    std::fs::write(&f, &text).unwrap();
    let out = run_ok(dyad().args(["code", "--date", "2024-01-01"]).arg(&f));
    assert_no_panic(&out);
}

#[test]
fn malformed_jsonl_line_is_reported_with_its_number_and_skipped() {
    let d = tempdir();
    let f = d.join("docs.jsonl");
    std::fs::write(
        &f,
        "{\"id\": \"a\", \"text\": \"China praised Kenya.\", \"date\": \"2024-09-05\"}\n{not json\n{\"id\": \"b\", \"text\": \"Kenya praised China.\", \"date\": \"2024-09-06\"}\n",
    )
    .unwrap();
    let out = dyad().arg("code").arg(&f).output().unwrap();
    assert_no_panic(&out);
    assert!(
        out.status.success(),
        "a malformed line is skipped, not fatal"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("docs.jsonl:2"), "{err}");
    let ids: Vec<String> = events(&out)
        .iter()
        .map(|e| e["doc_id"].as_str().unwrap_or("").to_string())
        .collect();
    assert!(
        ids.contains(&"a".to_string()) && ids.contains(&"b".to_string()),
        "both good lines coded: {ids:?}"
    );

    let strict = dyad().args(["code", "--strict"]).arg(&f).output().unwrap();
    assert_no_panic(&strict);
    assert!(!strict.status.success());
    let err = String::from_utf8_lossy(&strict.stderr);
    assert!(err.contains("docs.jsonl:2"), "{err}");
}

#[test]
fn missing_file_is_an_error_naming_it() {
    let out = dyad()
        .args(["code", "/nonexistent/dir/none.txt"])
        .output()
        .unwrap();
    assert_no_panic(&out);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("none.txt"));
}

#[test]
fn stdin_plain_text_and_jsonl() {
    let out = run_with_stdin(
        dyad().args(["code", "--date", "2024-09-05"]),
        b"China praised Kenya for its support.",
    );
    assert!(out.status.success());
    let ev = events(&out);
    assert!(
        ev.iter()
            .any(|e| e["source"] == "CHN" && e["target"] == "KEN"),
        "{ev:?}"
    );
    let out = run_with_stdin(
        dyad().arg("code"),
        b"{\"id\": \"x\", \"text\": \"Kenya praised China.\", \"date\": \"2024-09-05\"}\n",
    );
    assert!(out.status.success());
    let ev = events(&out);
    assert!(
        ev.iter()
            .all(|e| e["doc_id"] == "x" && e["date_source"] == "given"),
        "{ev:?}"
    );
}

#[test]
fn bad_date_flag_is_a_usage_error() {
    let out = dyad()
        .args(["code", "--date", "05/09/2024"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("YYYY-MM-DD"));
}
