//! Output formats besides JSON Lines: PETRARCH-style TSV and PLOVER JSON.

use dyad_model::EventRecord;
use serde_json::json;

/// PETRARCH-style line: date, source, target, code, story id, evidence.
pub fn tsv_line(e: &EventRecord) -> String {
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    format!(
        "{}\t{}\t{}\t{}\t{}-{}\t{}",
        e.date.replace('-', ""),
        e.source,
        e.target,
        e.code,
        clean(&e.doc_id),
        e.sentence,
        clean(&e.text)
    )
}

/// A PLOVER event record (PLOVER manual, JSON data format).
pub fn plover_record(e: &EventRecord, n: usize) -> serde_json::Value {
    json!({
        "id": format!("{}-{}-{}", e.doc_id, e.sentence, n),
        "date": e.date,
        "event": e.plover.event,
        "mode": e.plover.mode,
        "context": e.plover.context,
        "actor": e.source,
        "actor_country": e.source.get(..3).unwrap_or(""),
        "actor_text": e.source_text,
        "recipient": e.target,
        "recipient_country": e.target.get(..3).unwrap_or(""),
        "recipient_text": e.target_text,
        "cameo": e.code,
        "goldstein": e.goldstein,
        "quad_class": e.quad_class,
        "text": e.text,
        "source_doc": e.doc_id,
        "sentence": e.sentence,
    })
}
