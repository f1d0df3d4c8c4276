//! Reader and scorer tests on small records written for these tests.

use super::*;

const SMALL: &str = r#"<?xml version='1.0' encoding='utf-8'?>
<Validation>
<!-- header with a <!-- nested --> comment, as in the 2.02 file
-->
<Environment>
    <Verbfile>verbs.txt</Verbfile>
    <Include>valid ALPHA BETA</Include>
</Environment>
<Sentences>
<Sentence date="20240901" id="A-1" category="ALPHA" sentence="true">
<EventCoding sourcecode="AAA" targetcode="BBB" eventcode="042"></EventCoding>
<EventCoding sourcecode="BBB" targetcode="AAA" eventcode="043"></EventCoding>
<Text>
Alpha visits
Beta.
</Text>
<Parse>
(ROOT (S (NP (NNP Alpha)) (VP (VBZ visits) (NP (NNP Beta))) (. .)))
</Parse>
</Sentence>
<Config option="require_dyad" value="false" />
<Sentence category="BETA" date="19950101" id="B-1" evaluate="true"/>
<EventCoding noevents="True" />
<Text>Nothing happens.</Text>
<Parse>
1	Nothing	nothing	PRON	NN	_	2	nsubj	_	_
2	happens	happen	VERB	VBZ	_	0	root	_	_
3	.	.	PUNCT	.	_	2	punct	_	_
</Parse></Sentence>
<Sentence category="BETA" date="19950101" id="B-2" evaluate="false">
<EventCoding eventcode="010" sourcecode="~GOV" targetcode="" />
<PLEvent {"event": "010", "source": [{"code": "X"}]}>
<Text>Skipped &amp; kept.</Text>
</Sentence>
<Sentence category="GAMMA" date="bad" id="G-1">
<EventCoding error="storydiscard"></EventCoding>
<Text>Not included.</Text>
</Sentence>
</Sentences>
</Validation>
"#;

fn small() -> RecordSet {
    parse_records(SMALL, "small.xml")
}

#[test]
fn reads_every_record_with_fields() {
    let set = small();
    let ids: Vec<&str> = set.records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["A-1", "B-1", "B-2", "G-1"]);
    let a = &set.records[0];
    assert_eq!(a.category, "ALPHA");
    assert_eq!(a.date, NaiveDate::from_ymd_opt(2024, 9, 1));
    assert_eq!(a.text, "Alpha visits Beta.");
    assert_eq!(a.line, 10);
    assert_eq!(
        a.expected,
        vec![
            Coding::new("AAA", "BBB", "042"),
            Coding::new("BBB", "AAA", "043")
        ]
    );
    assert!(!a.expects_none && a.evaluate && a.included);
    assert!(matches!(a.parse, Some(Parse::Penn(_))));
    assert_eq!(a.parse_line, Some(17));
    assert!(a.options.is_empty());
    assert_eq!(
        set.environment.get("Verbfile").map(String::as_str),
        Some("verbs.txt")
    );

    let b = &set.records[1];
    assert!(b.expects_none && b.expected.is_empty());
    assert!(matches!(b.parse, Some(Parse::Conllu(_))));
    assert_eq!(
        b.options.get("require_dyad").map(String::as_str),
        Some("false")
    );
    assert_eq!(
        b.parse.as_ref().map(|p| p.tokens().map(|t| t.len()).ok()),
        Some(Some(3))
    );

    let b2 = &set.records[2];
    assert!(!b2.evaluate);
    assert_eq!(b2.skip_reason.as_deref(), Some("evaluate=\"false\""));
    assert_eq!(b2.text, "Skipped & kept.");
    // `~GOV` → `---GOV`, empty target → `---`.
    assert_eq!(b2.expected, vec![Coding::new("---GOV", "---", "010")]);
    assert_eq!(b2.plover_events.len(), 1);

    let g = &set.records[3];
    assert!(!g.included, "GAMMA is not in <Include>");
    assert!(g.expects_none);
    assert_eq!(g.expected_error.as_deref(), Some("storydiscard"));
    assert_eq!(g.date, None);
}

#[test]
fn warns_once_per_problem_with_line() {
    let set = small();
    let w = &set.warnings;
    assert!(
        w.iter()
            .any(|w| w.starts_with("small.xml:3: ") && w.contains("nested")),
        "{w:#?}"
    );
    assert!(
        w.iter()
            .any(|w| w.starts_with("small.xml:22: ") && w.contains("self-closing")),
        "{w:#?}"
    );
    assert!(w.iter().any(|w| w.contains("date \"bad\"")), "{w:#?}");
    // Well-formed parts raise nothing else.
    assert_eq!(w.len(), 3, "{w:#?}");
}

#[test]
fn repeated_problem_is_one_warning_listing_lines() {
    let text = "<Sentence id=\"a\"/>\n<Text>x</Text></Sentence>\n<Sentence id=\"b\"/>\n<Text>y</Text></Sentence>\n";
    let set = parse_records(text, "f");
    assert_eq!(set.records.len(), 2);
    assert_eq!(set.warnings.len(), 1, "{:#?}", set.warnings);
    assert!(set.warnings[0].starts_with("f:1: "));
    assert!(
        set.warnings[0].contains("1 more line: 3"),
        "{:#?}",
        set.warnings
    );
}

#[test]
fn recovers_from_missing_end_tags() {
    let text = "<Sentence id=\"a\" category=\"C\">\n<EventCoding sourcecode=\"X\" targetcode=\"Y\" eventcode=\"01\"/>\n<Text>one\n<Sentence id=\"b\">\n<Text>two</Text>";
    let set = parse_records(text, "f");
    assert_eq!(set.records.len(), 2);
    assert_eq!(set.records[0].text, "one");
    assert_eq!(set.records[1].text, "two");
    assert!(set
        .warnings
        .iter()
        .any(|w| w.starts_with("f:3: ") && w.contains("<Text> not closed")));
    // Both unclosed <Sentence>s are one kind of problem: one warning, both lines.
    assert!(set.warnings.iter().any(|w| w.starts_with("f:1: ")
        && w.contains("not closed before the next")
        && w.contains("1 more line: 4")));
}

#[test]
fn stop_ends_reading() {
    let text = "<Sentence id=\"a\"><Text>x</Text></Sentence>\n<Stop></Stop>\n<Sentence id=\"b\"><Text>y</Text></Sentence>";
    let set = parse_records(text, "f");
    assert_eq!(set.records.len(), 1);
    assert!(set.warnings[0].starts_with("f:2: "));
}

#[test]
fn read_records_reports_missing_file_and_empty_file() {
    let missing = Path::new("/nonexistent/dyad-validate/records.xml");
    let err = read_records(missing).unwrap_err();
    assert!(matches!(err, ValidateError::Io { .. }));
    assert!(err
        .to_string()
        .contains("/nonexistent/dyad-validate/records.xml"));

    let dir = std::env::temp_dir().join(format!("dyad-validate-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let empty = dir.join("empty.xml");
    std::fs::write(&empty, b"<Validation>\xff</Validation>").expect("write");
    assert!(matches!(
        read_records(&empty),
        Err(ValidateError::NoRecords { .. })
    ));
    let one = dir.join("one.xml");
    std::fs::write(&one, b"<Sentence id=\"a\"><Text>caf\xe9</Text></Sentence>").expect("write");
    let set = read_records(&one).expect("reads");
    assert_eq!(set.records[0].text, "caf\u{fffd}");
    assert!(set.warnings[0].contains("UTF-8"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn normalisation() {
    let c = Coding::new(" usa~ ", "", " 042 ").normalised();
    assert_eq!(c, Coding::new("USA---", "---", "042"));
    assert!(Coding::new("A", "B", "---").is_null_event());
    assert!(Coding::new("A", "B", "").is_null_event());
    assert!(!Coding::new("---GOV", "B", "010").has_null_actor());
    assert!(Coding::new("---", "B", "010").has_null_actor());
}

#[test]
fn scoring_passes_fails_and_skips() {
    let set = small();
    // A perfect coder for A-1 that also emits a duplicate and a null event.
    let report = score(&set.records, |r| match r.id.as_str() {
        "A-1" => vec![
            Coding::new("BBB", "AAA", "043"),
            Coding::new("aaa", "bbb", "042"),
            Coding::new("AAA", "BBB", "042"),
            Coding::new("AAA", "BBB", "---"),
        ],
        _ => vec![Coding::new("X", "Y", "010")],
    });
    assert_eq!(report.passed(), 1);
    assert_eq!(report.failed(), 1, "B-1 expected nothing");
    assert_eq!(report.skipped.not_evaluated, 1);
    assert_eq!(report.skipped.not_included, 1);
    assert_eq!(report.total.expected_events, 2);
    assert_eq!(report.total.found, 2);
    assert_eq!(report.total.extra, 1);
    assert_eq!(report.total.null_events, 1);
    assert_eq!(report.recall(), Some(1.0));
    assert_eq!(report.extra_per_record(), Some(0.5));
    let a = &report.outcomes[0];
    assert_eq!(
        a.got.len(),
        2,
        "duplicates collapse, null events are left out"
    );
    let rendered = report.render();
    assert_eq!(rendered.lines().last(), Some("1 passed, 1 failed"));
    assert!(rendered.contains("ALPHA"), "{rendered}");
    assert!(
        rendered.contains("found 2 of 2 expected (100.0%)"),
        "{rendered}"
    );

    // A silent coder passes the no-event record and fails the other.
    let silent = score(&set.records, |_| Vec::new());
    assert_eq!((silent.passed(), silent.failed()), (1, 1));
    assert_eq!(silent.total.missed, 2);
    assert_eq!(silent.recall(), Some(0.0));

    // Ignoring <Include> scores GAMMA too (it expects a discard: nothing coded).
    let all = score_with(
        &set.records,
        &ScoreOptions {
            honour_include: false,
            ..ScoreOptions::default()
        },
        |_| Vec::new(),
    );
    assert_eq!((all.passed(), all.failed()), (2, 1));
}

#[test]
fn null_actor_events_dropped_only_on_request() {
    let set = parse_records(
        "<Sentence id=\"a\"><EventCoding sourcecode=\"X\" targetcode=\"Y\" eventcode=\"01\"/><Text>t</Text></Sentence>",
        "f",
    );
    let coder = |_: &Record| vec![Coding::new("X", "Y", "01"), Coding::new("---", "Y", "02")];
    assert_eq!(score(&set.records, coder).failed(), 1);
    let opts = ScoreOptions {
        drop_null_actor_events: true,
        ..ScoreOptions::default()
    };
    assert_eq!(score_with(&set.records, &opts, coder).passed(), 1);
}

#[test]
fn empty_report_renders() {
    let r = score(&[], |_| Vec::new());
    assert_eq!(r.render().lines().last(), Some("0 passed, 0 failed"));
    assert_eq!(r.recall(), None);
}

mod props {
    use super::*;
    use proptest::prelude::*;

    fn xmlish() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("<Sentence id=\"x\" category=\"C\" date=\"19950101\">".to_string()),
            Just("<Sentence id='y' evaluate=\"false\"/>".to_string()),
            Just("</Sentence>".to_string()),
            Just("<EventCoding sourcecode=\"A\" targetcode=\"B\" eventcode=\"01\"/>".to_string()),
            Just("<EventCoding noevents=\"True\">".to_string()),
            Just("<Text>".to_string()),
            Just("</Text>".to_string()),
            Just("<Parse>".to_string()),
            Just("</Parse>".to_string()),
            Just("(S (NN a))".to_string()),
            Just("1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n".to_string()),
            Just("<!--".to_string()),
            Just("-->".to_string()),
            Just("<![CDATA[".to_string()),
            Just("<Stop>".to_string()),
            Just("<Config option=\"o\" value=\"v\"/>".to_string()),
            Just("<PLEvent {\"a\": 'b'}>".to_string()),
            Just("&amp;&#xFFFFFF;&".to_string()),
            "[ -~\n\t<>&\"'=/é]{0,12}",
        ];
        prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn arbitrary_text_never_panics(text in any::<String>()) {
            let set = parse_records(&text, "p");
            for r in &set.records {
                if let Some(p) = &r.parse { let _ = p.tokens(); }
            }
        }

        #[test]
        fn xmlish_text_never_panics_and_warnings_name_lines(text in xmlish()) {
            let set = parse_records(&text, "p");
            let lines = text.lines().count().max(1);
            for w in &set.warnings {
                let line: usize = w.strip_prefix("p:").and_then(|r| r.split(':').next())
                    .and_then(|n| n.parse().ok()).expect("file:line prefix");
                prop_assert!(line >= 1 && line <= lines + 1, "{} beyond {} lines", w, lines);
            }
            for r in &set.records {
                if let Some(p) = &r.parse { let _ = p.tokens(); }
            }
            let report = score(&set.records, |_| Vec::new());
            prop_assert_eq!(report.render().lines().last().map(str::to_string),
                Some(format!("{} passed, {} failed", report.passed(), report.failed())));
        }

        #[test]
        fn penn_and_conllu_never_panic(text in "[()A-Za-z \n\t0-9_.-]{0,80}") {
            let _ = Parse::Penn(text.clone()).tokens();
            let _ = Parse::Conllu(text).tokens();
        }
    }
}
