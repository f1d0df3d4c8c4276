//! `--future-acts`: `dyad code` follows the CAMEO codebook by default (a
//! future act is an intent), PETRARCH's convention on request; a bad value
//! is a clear error.

mod common;
use common::*;

fn codes(flags: &[&str]) -> Vec<(String, Option<String>)> {
    let d = tempdir();
    let f = d.join("future.txt");
    std::fs::write(
        &f,
        "Finland will give Tanzania a grant, the ministry said on Monday.\n",
    )
    .unwrap();
    let out = run_ok(
        dyad()
            .arg("code")
            .args(["--date", "2024-05-01"])
            .args(flags)
            .arg(&f),
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let e: serde_json::Value = serde_json::from_str(l).expect("json line");
            (
                e["code"].as_str().unwrap_or_default().to_string(),
                e["modality"].as_str().map(str::to_string),
            )
        })
        .collect()
}

#[test]
fn future_acts_are_intents_by_default_and_acts_on_request() {
    assert_eq!(codes(&[]), vec![("0331".to_string(), None)]);
    assert_eq!(
        codes(&["--future-acts", "act"]),
        vec![("071".to_string(), Some("intended".to_string()))]
    );
}

#[test]
fn an_unknown_convention_is_a_clear_error() {
    let d = tempdir();
    let f = d.join("x.txt");
    std::fs::write(&f, "Kenya criticised Somalia.\n").unwrap();
    let out = dyad()
        .args(["code", "--future-acts", "maybe"])
        .arg(&f)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--future-acts"), "{err}");
}
