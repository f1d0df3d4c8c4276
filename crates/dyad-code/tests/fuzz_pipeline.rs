//! Property ("fuzz") test over the whole text path: arbitrary bytes through
//! ingest (every input kind), sentence splitting, tagging, phrases and the
//! coder. Nothing may panic, and every event's spans must lie inside its
//! evidence sentence.
//!
//! Default: 64 cases per property. A long run (the README's 5-minute fuzz):
//! `PROPTEST_CASES=200000 cargo test --release -p dyad-code --test fuzz_pipeline`

use dyad_code::Pipeline;
use dyad_ingest::{ingest_bytes, IngestOptions, InputKind};
use proptest::prelude::*;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::load(&[]).expect("embedded dictionaries load"))
}

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

fn check(bytes: &[u8], kind: Option<InputKind>) -> Result<(), TestCaseError> {
    let today = chrono::NaiveDate::from_ymd_opt(2024, 9, 5).unwrap();
    let opts = IngestOptions {
        default_date: None,
        today,
        strict: false,
    };
    if let Ok(ing) = ingest_bytes("fuzz", bytes, kind, &opts) {
        for mut doc in ing.docs {
            for e in pipeline().code(&mut doc, today) {
                for sp in [e.spans.source, e.spans.target, e.spans.verb]
                    .into_iter()
                    .flatten()
                {
                    prop_assert!(
                        sp.start <= sp.end && sp.end <= e.text.len(),
                        "span {:?} outside {:?}",
                        sp,
                        e.text
                    );
                    prop_assert!(
                        e.text.is_char_boundary(sp.start) && e.text.is_char_boundary(sp.end)
                    );
                }
                prop_assert!(e.quad_class <= 4);
            }
        }
    }
    Ok(())
}

/// News-like words so the coder's deeper paths (actors, verbs, quotes) run.
fn newsy() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "China",
        "Kenya",
        "said",
        "President",
        "Xi",
        "Ruto",
        "praised",
        "urged",
        "the",
        "and",
        "of",
        "\u{201c}",
        "\u{201d}",
        ",",
        ".",
        "that",
        "he",
        "met",
        "in",
        "Beijing",
        "was",
        "attacked",
        "by",
        "rebels",
        "not",
        "would",
        "Photo:",
        "|",
        "September",
        "5,",
        "2024",
        "\n",
        "who",
        "to",
        "help",
        "U.S.",
        "Gen.",
        "(",
        ")",
        "\u{a0}",
    ]);
    prop::collection::vec(words, 0..80).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        for kind in [None, Some(InputKind::Text), Some(InputKind::Html), Some(InputKind::JsonLines), Some(InputKind::Feed)] {
            check(&bytes, kind)?;
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        check(text.as_bytes(), Some(InputKind::Text))?;
        check(text.as_bytes(), Some(InputKind::Html))?;
    }

    #[test]
    fn news_like_text_never_panics(text in newsy()) {
        check(text.as_bytes(), Some(InputKind::Text))?;
        let json = serde_json::json!({"id": "x", "text": text}).to_string();
        check(json.as_bytes(), Some(InputKind::JsonLines))?;
    }
}
