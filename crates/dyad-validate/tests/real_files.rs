//! The reader on the real PETRARCH record files in `../shared` (not part of
//! the repository; skipped with a message when absent).

use std::path::PathBuf;

use dyad_validate::{read_records, score, Coding, Parse, RecordSet};

fn shared(rel: &str) -> Option<PathBuf> {
    let p = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data")).join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipped: ../shared/data/{rel} not found");
        None
    }
}

struct Counts {
    records: usize,
    codings: usize,
    noevents: usize,
    errors: usize,
    not_evaluated: usize,
    not_included: usize,
    penn: usize,
    conllu: usize,
    parse_errors: usize,
}

fn counts(set: &RecordSet) -> Counts {
    let r = &set.records;
    Counts {
        records: r.len(),
        codings: r.iter().map(|x| x.expected.len()).sum(),
        noevents: r
            .iter()
            .filter(|x| x.expects_none && x.expected_error.is_none())
            .count(),
        errors: r.iter().filter(|x| x.expected_error.is_some()).count(),
        not_evaluated: r.iter().filter(|x| !x.evaluate).count(),
        not_included: r.iter().filter(|x| !x.included).count(),
        penn: r
            .iter()
            .filter(|x| matches!(x.parse, Some(Parse::Penn(_))))
            .count(),
        conllu: r
            .iter()
            .filter(|x| matches!(x.parse, Some(Parse::Conllu(_))))
            .count(),
        parse_errors: r
            .iter()
            .filter(|x| x.parse.as_ref().is_some_and(|p| p.tokens().is_err()))
            .count(),
    }
}

fn category_count(set: &RecordSet, cat: &str) -> usize {
    set.records.iter().filter(|r| r.category == cat).count()
}

/// An oracle passes everything it is scored on; a silent coder passes
/// exactly the records that expect nothing.
fn check_scoring(set: &RecordSet) {
    let oracle = score(&set.records, |r| r.expected.clone());
    assert_eq!(oracle.failed(), 0);
    assert_eq!(oracle.recall(), Some(1.0));
    let silent = score(&set.records, |_| Vec::new());
    let scored_none = silent
        .outcomes
        .iter()
        .filter(|o| o.expected.is_empty())
        .count();
    assert_eq!(silent.passed(), scored_none);
    assert_eq!(silent.passed() + silent.failed(), oracle.passed());
    let last = silent.render().lines().last().map(str::to_string);
    assert_eq!(
        last,
        Some(format!(
            "{} passed, {} failed",
            silent.passed(),
            silent.failed()
        ))
    );
}

#[test]
fn petrarch2_unit_test_records() {
    let Some(path) = shared("petrarch2/PETR.UnitTest.records.xml") else {
        return;
    };
    let set = read_records(&path).expect("readable");
    let c = counts(&set);
    // 385 <EventCoding> elements = 359 event codings + 19 noevents + 7 error=.
    assert_eq!(
        (c.records, c.codings, c.noevents, c.errors),
        (284, 359, 19, 7)
    );
    // sentence="false": PETRARCH-1's "not currently implemented" marker.
    assert_eq!(c.not_evaluated, 5);
    // AGENTS (2) and COMPOUNDx (1) are not in <Include>.
    assert_eq!(c.not_included, 3);
    assert_eq!((c.penn, c.conllu), (284, 0));
    // ERROR-02 and ERROR-03 carry deliberately broken trees (error="bad_input_parse").
    let broken: Vec<&str> = set
        .records
        .iter()
        .filter(|r| r.parse.as_ref().is_some_and(|p| p.tokens().is_err()))
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(broken, ["ERROR-02", "ERROR-03"]);
    assert_eq!(c.parse_errors, 2);
    assert!(set
        .records
        .iter()
        .filter(|r| broken.contains(&r.id.as_str()))
        .all(|r| r.expected_error.as_deref() == Some("bad_input_parse")));
    assert_eq!(category_count(&set, "SYNSET"), 52);
    assert!(set.warnings.is_empty(), "{:#?}", set.warnings);
    let demo = &set.records[0];
    assert_eq!(demo.id, "DEMO-00");
    assert_eq!(demo.expected, vec![Coding::new("ARN", "GON", "064")]);
    assert_eq!(demo.date, chrono::NaiveDate::from_ymd_opt(1995, 1, 1));
    // Single-quoted attribute holding a quoted text code.
    assert!(set
        .records
        .iter()
        .any(|r| r.expected.iter().any(|e| e.source == "\"INJURY TOLL\"")));
    // <Config> settings persist from where they appear.
    assert!(set
        .records
        .iter()
        .any(|r| r.options.get("require_dyad").map(String::as_str) == Some("false")));
    check_scoring(&set);
}

#[test]
fn petrarch2_gigaword_sample() {
    let Some(path) = shared("petrarch2/GigaWord.sample.PETR.xml") else {
        return;
    };
    let set = read_records(&path).expect("readable");
    let c = counts(&set);
    assert_eq!(
        (c.records, c.codings, c.noevents, c.penn, c.parse_errors),
        (76, 0, 0, 76, 0)
    );
    assert!(set
        .records
        .iter()
        .all(|r| !r.is_annotated() && r.category.is_empty() && r.date.is_some()));
    assert!(set
        .records
        .iter()
        .all(|r| r.attributes.get("source").map(String::as_str) == Some("AFP")));
    assert!(set.warnings.is_empty(), "{:#?}", set.warnings);
    let report = score(&set.records, |_| Vec::new());
    assert_eq!(
        (report.passed(), report.failed(), report.skipped.unannotated),
        (0, 0, 76)
    );
}

#[test]
fn universal_petrarch_2_02_records() {
    let Some(path) = shared("universal-petrarch/PETR_Validate_records_2_02.xml") else {
        return;
    };
    let set = read_records(&path).expect("readable");
    let c = counts(&set);
    // `grep -c '<Sentence '` says 275 and `grep -c 'evaluate="false"'` 11: one of
    // each is inside the header comment (line 21), so 274 records, 10 skipped.
    // 349 <EventCoding> = 322 codings + 20 noevents + 7 error=.
    assert_eq!(
        (c.records, c.codings, c.noevents, c.errors),
        (274, 322, 20, 7)
    );
    assert_eq!(c.not_evaluated, 10);
    // AGENTS (2), ERROR (7) and PARSING (12) are not in <Include>.
    assert_eq!(c.not_included, 21);
    assert_eq!((c.penn, c.conllu, c.parse_errors), (0, 274, 0));
    // The one problem: a comment nested in the header comment.
    assert_eq!(set.warnings.len(), 1, "{:#?}", set.warnings);
    assert!(
        set.warnings[0].contains("PETR_Validate_records_2_02.xml:21: "),
        "{}",
        set.warnings[0]
    );
    let first = &set.records[0];
    assert_eq!(
        (first.id.as_str(), first.category.as_str(), first.line),
        ("DEMO-01", "DEMO", 63)
    );
    assert_eq!(first.expected, vec![Coding::new("ARN", "GON", "050")]);
    assert!(first.plover_events.is_empty());
    // 39 lines start `<PLEvent`; one is in the header comment.
    assert_eq!(
        set.records
            .iter()
            .map(|r| r.plover_events.len())
            .sum::<usize>(),
        38
    );
    // &quot;-escaped text codes decode to the same form as petrarch2's '"..."'.
    assert!(set.records.iter().any(|r| r
        .expected
        .iter()
        .any(|e| e.source == "\"GRYFFINDOR HEAD MINERVA MCGONAGALL\"")));
    let tokens = first
        .parse
        .as_ref()
        .expect("parse")
        .tokens()
        .expect("tokens");
    assert_eq!(tokens.len(), 19);
    assert_eq!(
        (
            tokens[0].tag.as_str(),
            tokens[0].head,
            tokens[0].deprel.as_deref()
        ),
        ("PROPN", Some(3), Some("nsubj"))
    );
    check_scoring(&set);
}

#[test]
fn universal_petrarch_gsr_records() {
    let Some(path) = shared("universal-petrarch/PETR2_GSR_validation.xml") else {
        return;
    };
    let set = read_records(&path).expect("readable");
    let c = counts(&set);
    // `grep -c '<EventCoding'` says 93: one is in the bare '#' header (line 14).
    assert_eq!(
        (c.records, c.codings, c.noevents, c.errors),
        (78, 80, 12, 0)
    );
    assert_eq!((c.not_evaluated, c.not_included), (0, 0));
    assert_eq!((c.conllu, c.parse_errors), (78, 0));
    for (cat, n) in [
        ("AFP", 18),
        ("GOLD", 10),
        ("OTHER", 23),
        ("PASSIVE", 8),
        ("TEST", 11),
        ("VERB", 8),
    ] {
        assert_eq!(category_count(&set, cat), n, "{cat}");
    }
    // A YYMMDD date, read with PETRARCH's pivot.
    assert!(set.records.iter().all(|r| r.date.is_some()));
    assert!(set
        .records
        .iter()
        .any(|r| r.date == chrono::NaiveDate::from_ymd_opt(2012, 11, 8)));
    let w = set.warnings.join("\n");
    assert!(
        w.contains("PETR2_GSR_validation.xml:4: text outside any record"),
        "{w}"
    );
    assert!(
        w.contains("PETR2_GSR_validation.xml:32: self-closing <Sentence"),
        "{w}"
    );
    assert!(w.contains("69 more lines"), "{w}");
    check_scoring(&set);
}
