//! The seed article (../shared/seed), read as an analyst would. The text is
//! never copied into the repository: the test reads it where it lives.

mod common;
use common::*;

const SEED: &str = "seed/china-kenya-focac-2024.txt";

#[test]
fn parse_finds_date_boilerplate_sentences_and_speakers() {
    let Some(seed) = shared(SEED) else { return };
    let out = run_ok(dyad().arg("parse").arg(&seed));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("date: 2024-09-05 [text]"),
        "date from the byline:\n{text}"
    );
    for kind in ["navigation", "repeated_headline", "caption", "footer"] {
        assert!(
            text.contains(&format!("BOILERPLATE {kind}")),
            "{kind} not marked:\n{text}"
        );
    }
    // Body sentences: the article has 18 body sentences (plus a sub-headline).
    let body = text
        .lines()
        .filter(|l| l.starts_with('S') && !l.contains("[boilerplate") && !l.contains("[headline]"))
        .count();
    assert!((17..=20).contains(&body), "{body} body sentences");
    let quote_lines: Vec<&str> = text
        .lines()
        .filter(|l| l.trim_start().starts_with("QUOTE") || l.trim_start().starts_with("speaker of"))
        .collect();
    let xi = quote_lines
        .iter()
        .any(|l| l.contains("speaker=[Xi") || l.contains("CHNGOV"));
    let ruto = quote_lines
        .iter()
        .any(|l| l.contains("Ruto") || l.contains("KENGOV"));
    assert!(
        xi && ruto,
        "quotes with Xi and Ruto as speakers:\n{}",
        quote_lines.join("\n")
    );
}

#[test]
fn code_finds_the_talks_the_urging_and_the_praise() {
    let Some(seed) = shared(SEED) else { return };
    let out = run_ok(dyad().arg("code").arg(&seed));
    let ev = events(&out);
    assert!(!ev.is_empty());
    let s = |e: &serde_json::Value, k: &str| e[k].as_str().unwrap_or("").to_string();
    for e in &ev {
        assert_eq!(s(e, "date"), "2024-09-05", "{e}");
        assert_eq!(s(e, "date_source"), "text");
    }
    let between = |e: &serde_json::Value, a: &str, b: &str| {
        s(e, "source").starts_with(a) && s(e, "target").starts_with(b)
    };
    let found =
        |a: &str, b: &str, root: &str| ev.iter().any(|e| between(e, a, b) && s(e, "root") == root);
    assert!(
        found("CHN", "KEN", "04") || found("KEN", "CHN", "04"),
        "talks (04): {ev:#?}"
    );
    assert!(
        found("CHN", "KEN", "02"),
        "Xi's proposal/urging to Kenya (02): {ev:#?}"
    );
    assert!(
        found("KEN", "CHN", "05"),
        "Ruto's praise/affirmation of China (05): {ev:#?}"
    );
    for e in &ev {
        let dyad_pair = between(e, "CHN", "KEN") || between(e, "KEN", "CHN");
        let quad = e["quad_class"].as_u64().unwrap_or(0);
        assert!(
            !(dyad_pair && quad >= 3),
            "no conflict event between China and Kenya: {e}"
        );
        let t = s(e, "text");
        for furniture in ["Select Page", "Photo:", "Your support empowers"] {
            assert!(!t.contains(furniture), "event from boilerplate: {e}");
        }
        // Every event carries the contract's fields.
        for k in [
            "doc_id",
            "code",
            "root",
            "plover",
            "spans",
            "source_text",
            "target_text",
            "goldstein",
        ] {
            assert!(!e[k].is_null(), "{k} missing in {e}");
        }
        let spans = &e["spans"];
        for k in ["source", "target", "verb"] {
            let sp = spans[k].as_array().expect("span");
            let (a, b) = (
                sp[0].as_u64().unwrap() as usize,
                sp[1].as_u64().unwrap() as usize,
            );
            assert!(
                a <= b && b <= t.len(),
                "span {k} {sp:?} outside the sentence"
            );
        }
    }
}
