//! Helpers shared by the integration tests: a document annotated the way
//! the pipeline does it (ingest → sentences → tags) and a hand-built event.

use chrono::NaiveDate;
use dyad_model::{Document, EventRecord, EventSpans, Span};

pub fn annotate(name: &str, text: &str) -> Document {
    let day = NaiveDate::from_ymd_opt(2024, 9, 5).unwrap();
    let opts = dyad_ingest::IngestOptions::new(day);
    let mut doc = dyad_ingest::ingest_bytes(
        name,
        text.as_bytes(),
        Some(dyad_ingest::InputKind::Text),
        &opts,
    )
    .unwrap()
    .docs
    .remove(0);
    dyad_sentences::split_document(&mut doc);
    let tagger = dyad_tags::Tagger::embedded();
    for s in &mut doc.sentences {
        let words: Vec<&str> = s.tokens.iter().map(|t| t.norm.as_str()).collect();
        let tags = tagger.tag(&words);
        for (t, tag) in s.tokens.iter_mut().zip(tags) {
            t.tag = tag;
        }
    }
    doc
}

/// An event in the sentence that contains `verb` (first occurrence), with
/// the verb's span set as the coder sets it (relative to the sentence).
pub fn event_at_verb(
    doc: &Document,
    source: &str,
    target: &str,
    verb: &str,
) -> Option<EventRecord> {
    let s = doc
        .sentences
        .iter()
        .find(|s| s.span.slice(&doc.text).contains(verb))?;
    let text = s.span.slice(&doc.text).to_string();
    let at = text.find(verb)?;
    Some(EventRecord {
        doc_id: doc.id.clone(),
        sentence: s.index,
        date: "2024-09-05".into(),
        date_source: Default::default(),
        source: source.into(),
        target: target.into(),
        source_text: String::new(),
        target_text: String::new(),
        code: "040".into(),
        root: "04".into(),
        quad_class: 1,
        goldstein: 1.0,
        plover: Default::default(),
        text,
        spans: EventSpans {
            source: None,
            target: None,
            verb: Some(Span::new(at, at + verb.len())),
        },
        verb_text: verb.into(),
        speaker: None,
        modality: None,
        pattern: String::new(),
        location: None,
    })
}
