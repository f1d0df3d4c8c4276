//! `dyad parse --dict`: shows how a user's own dictionaries read a sentence,
//! and a missing dictionary is a clear error.

mod common;
use common::*;

#[test]
fn parse_reads_with_the_given_dictionaries() {
    let Some(dir) = shared("data/universal-petrarch") else {
        return;
    };
    let d = tempdir();
    let f = d.join("fantasy.txt");
    std::fs::write(&f, "Arnor met Gondor on Monday.\n").unwrap();
    let with = run_ok(dyad().arg("parse").arg("--dict").arg(&dir).arg(&f));
    let with = String::from_utf8_lossy(&with.stdout);
    assert!(with.contains("=ARN"), "Arnor from the 2.02 actors:\n{with}");
    let without = run_ok(dyad().arg("parse").arg(&f));
    let without = String::from_utf8_lossy(&without.stdout);
    assert!(
        !without.contains("=ARN"),
        "defaults know no Arnor:\n{without}"
    );
}

#[test]
fn a_missing_dictionary_is_a_clear_error() {
    let d = tempdir();
    let f = d.join("x.txt");
    std::fs::write(&f, "Kenya met China.\n").unwrap();
    let out = dyad()
        .arg("parse")
        .arg("--dict")
        .arg(d.join("no-such-dictionary.txt"))
        .arg(&f)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no-such-dictionary.txt"), "{err}");
}
