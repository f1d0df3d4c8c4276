//! Builders for documents and events written directly (no coder), so the
//! store's tests do not depend on what the coder currently finds.
#![allow(dead_code)]

use std::path::PathBuf;

use chrono::NaiveDate;
use dyad_model::{DateSource, Document, EventRecord, EventSpans, Sentence, Span};
use dyad_store::CodedDocument;

pub fn tempdir(tag: &str) -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let d = std::env::temp_dir().join(format!("dyad-store-{tag}-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(&d).expect("tempdir");
    d
}

/// A document made of `sentences` (the first one a headline when `headline`).
pub fn doc(
    id: &str,
    url: Option<&str>,
    date: &str,
    sentences: &[&str],
    headline: bool,
) -> Document {
    let mut text = String::new();
    let mut sents = Vec::new();
    for (i, s) in sentences.iter().enumerate() {
        let start = text.len();
        text.push_str(s);
        sents.push(Sentence {
            index: i,
            span: Span::new(start, text.len()),
            tokens: vec![],
            boilerplate: None,
            headline: headline && i == 0,
        });
        text.push_str(if headline && i == 0 { "\n\n" } else { " " });
    }
    Document {
        id: id.into(),
        text,
        url: url.map(String::from),
        date: NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
        date_source: DateSource::Given,
        sentences: sents,
        ..Document::default()
    }
}

pub fn event(
    doc: &Document,
    sentence: usize,
    source: &str,
    target: &str,
    code: &str,
) -> EventRecord {
    let text = doc
        .sentences
        .get(sentence)
        .map(|s| s.span.slice(&doc.text).to_string())
        .unwrap_or_default();
    let mut e = EventRecord {
        doc_id: doc.id.clone(),
        sentence,
        date: doc.date.map(|d| d.to_string()).unwrap_or_default(),
        date_source: DateSource::Given,
        source: source.into(),
        target: target.into(),
        source_text: format!("{source} text"),
        target_text: format!("{target} text"),
        code: String::new(),
        root: String::new(),
        quad_class: 0,
        goldstein: 0.0,
        plover: Default::default(),
        text,
        spans: EventSpans {
            source: Some(Span::new(0, 1)),
            target: None,
            verb: None,
        },
        verb_text: String::new(),
        speaker: None,
        modality: None,
        pattern: String::new(),
        location: None,
    };
    e.set_code(code);
    e
}

pub fn coded(doc: Document, events: &[(usize, &str, &str, &str)]) -> CodedDocument {
    let events = events
        .iter()
        .map(|&(s, a, b, c)| event(&doc, s, a, b, c))
        .collect();
    CodedDocument { doc, events }
}

/// Deterministic filler prose for long stories (generated, not news text).
pub fn filler(n: usize, seed: usize) -> Vec<String> {
    const WORDS: [&str; 24] = [
        "officials",
        "delegation",
        "agreement",
        "ministers",
        "port",
        "railway",
        "loan",
        "trade",
        "border",
        "council",
        "summit",
        "project",
        "visit",
        "investment",
        "talks",
        "security",
        "energy",
        "farmers",
        "exports",
        "budget",
        "province",
        "capital",
        "week",
        "plan",
    ];
    (0..n)
        .map(|i| {
            let words: Vec<&str> = (0..12)
                .map(|j| WORDS[(i * 7 + j * 5 + seed * 13 + (i * j) % 11) % WORDS.len()])
                .collect();
            format!("The {} sentence {} of story {}.", words.join(" "), i, seed)
        })
        .collect()
}
