//! Writing one coded document: exact-duplicate skip, near-duplicate link,
//! sentences, events (deduplicated by key), mentions, actors, full text.

use std::collections::BTreeSet;

use dyad_model::{BlockKind, Document, EventRecord};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::hash::{self, Signature, NEAR_DUPLICATE_JACCARD};
use crate::{event_key, schema, CodedDocument, IngestSummary};

/// The stored document with this URL or normalised-text hash, if any.
pub(crate) fn find_exact(
    conn: &Connection,
    url: Option<&str>,
    norm_hash: &str,
) -> rusqlite::Result<Option<i64>> {
    if let Some(url) = url.filter(|u| !u.is_empty()) {
        let hit = conn
            .prepare_cached("SELECT id FROM documents WHERE url = ?1")?
            .query_row([url], |r| r.get(0))
            .optional()?;
        if hit.is_some() {
            return Ok(hit);
        }
    }
    conn.prepare_cached("SELECT id FROM documents WHERE norm_hash = ?1")?
        .query_row([norm_hash], |r| r.get(0))
        .optional()
}

/// The text a signature is computed over: body sentences when the document
/// was split, else body blocks, else the whole text.
fn signature_text(doc: &Document) -> String {
    if !doc.sentences.is_empty() {
        return schema::body_text(doc.sentences.iter().map(|s| {
            (
                s.span.slice(&doc.text),
                s.boilerplate.is_none() && !s.headline,
            )
        }));
    }
    if !doc.blocks.is_empty() {
        return schema::body_text(
            doc.blocks
                .iter()
                .map(|b| (b.span.slice(&doc.text), b.kind == BlockKind::Body)),
        );
    }
    doc.text.clone()
}

/// The original (never itself a duplicate) this signature nearly matches.
fn find_near_duplicate(tx: &Transaction, sig: &Signature) -> rusqlite::Result<Option<i64>> {
    let mut candidates = BTreeSet::new();
    {
        let mut stmt =
            tx.prepare_cached("SELECT document FROM lsh_buckets WHERE band = ?1 AND bucket = ?2")?;
        for (band, bucket) in sig.bands().iter().enumerate() {
            for id in stmt.query_map(params![band as i64, bucket], |r| r.get::<_, i64>(0))? {
                candidates.insert(id?);
            }
        }
    }
    let mut best: Option<(f64, i64)> = None;
    let mut stmt = tx.prepare_cached(
        "SELECT signature, COALESCE(duplicate_of, id) FROM documents WHERE id = ?1",
    )?;
    for id in candidates {
        let row: Option<(Option<Vec<u8>>, i64)> = stmt
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let Some((Some(blob), root)) = row else {
            continue;
        };
        let Some(other) = Signature::from_bytes(&blob) else {
            continue;
        };
        let sim = sig.similarity(&other);
        if sim >= NEAR_DUPLICATE_JACCARD
            && best.map_or(true, |(b, broot)| sim > b || (sim == b && root < broot))
        {
            best = Some((sim, root));
        }
    }
    Ok(best.map(|(_, root)| root))
}

pub(crate) fn ingest_document(
    tx: &Transaction,
    cd: &CodedDocument,
    now: &str,
) -> rusqlite::Result<IngestSummary> {
    let doc = &cd.doc;
    let mut summary = IngestSummary::default();
    let norm_hash = hash::hex128(hash::normalise(&doc.text).as_bytes());
    let url = doc.url.as_deref().filter(|u| !u.is_empty());
    if find_exact(tx, url, &norm_hash)?.is_some() {
        summary.duplicates = 1;
        return Ok(summary);
    }
    let signature = Signature::of_text(&signature_text(doc));
    let original = match &signature {
        Some(sig) => find_near_duplicate(tx, sig)?,
        None => None,
    };
    tx.prepare_cached(
        "INSERT INTO documents (doc_key, url, title, source, date, date_source, text_hash, norm_hash, n_sentences, ingested_at, signature, duplicate_of) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        doc.id,
        url,
        doc.title,
        doc.source,
        doc.date.map(|d| d.format("%Y-%m-%d").to_string()),
        doc.date_source.as_str(),
        hash::hex128(doc.text.as_bytes()),
        norm_hash,
        doc.sentences.len() as i64,
        now,
        signature.as_ref().map(|s| s.to_bytes()),
        original,
    ])?;
    let doc_row = tx.last_insert_rowid();
    summary.documents = 1;
    if original.is_some() {
        summary.near_duplicates = 1;
    }
    if let Some(sig) = &signature {
        let mut stmt = tx.prepare_cached(
            "INSERT OR IGNORE INTO lsh_buckets (band, bucket, document) VALUES (?1, ?2, ?3)",
        )?;
        for (band, bucket) in sig.bands().iter().enumerate() {
            stmt.execute(params![band as i64, bucket, doc_row])?;
        }
    }
    {
        let mut stmt = tx.prepare_cached("INSERT INTO sentences (document, idx, start, end, text, boilerplate, headline) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?;
        for s in &doc.sentences {
            let n = stmt.execute(params![
                doc_row,
                s.index as i64,
                s.span.start as i64,
                s.span.end as i64,
                s.span.slice(&doc.text),
                s.boilerplate.map(|b| b.as_str()),
                s.headline
            ]);
            // Two sentences with one index would be a coder bug: keep the first.
            match n {
                Ok(_) => summary.sentences += 1,
                Err(e)
                    if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) => {}
                Err(e) => return Err(e),
            }
        }
    }
    let mut mentioned = BTreeSet::new();
    for e in &cd.events {
        let (event, is_new) = resolve_event(tx, e, doc_row, original)?;
        if is_new {
            summary.events += 1;
        }
        if add_mention(tx, event, doc_row, e.sentence, original.is_some())? {
            summary.mentions += 1;
        }
        mentioned.insert(event);
    }
    tx.prepare_cached("UPDATE documents SET n_events = ?2 WHERE id = ?1")?
        .execute(params![doc_row, mentioned.len() as i64])?;
    Ok(summary)
}

/// The stored event `e` is a mention of, inserting it when it is new.
/// For a near-duplicate, an event of the original with the same source,
/// target and code is the same event even if the copy's sentence or date
/// was edited (a republished story reports nothing new).
pub(crate) fn resolve_event(
    tx: &Transaction,
    e: &EventRecord,
    doc_row: i64,
    original: Option<i64>,
) -> rusqlite::Result<(i64, bool)> {
    let key = event_key(e);
    if let Some(id) = tx
        .prepare_cached("SELECT id FROM events WHERE event_key = ?1")?
        .query_row([&key], |r| r.get(0))
        .optional()?
    {
        return Ok((id, false));
    }
    if let Some(orig) = original {
        let hit = tx
            .prepare_cached(
                "SELECT e.id FROM mentions m JOIN events e ON e.id = m.event \
                 WHERE m.document = ?1 AND e.source = ?2 AND e.target = ?3 AND e.code = ?4 ORDER BY e.id LIMIT 1",
            )?
            .query_row(params![orig, e.source, e.target, e.code], |r| r.get(0))
            .optional()?;
        if let Some(id) = hit {
            return Ok((id, false));
        }
    }
    let spans = serde_json::to_string(&e.spans).unwrap_or_else(|_| "{}".into());
    tx.prepare_cached(
        "INSERT INTO events (event_key, date, date_source, source, target, source_text, target_text, code, root, quad_class, goldstein, \
         plover_event, plover_mode, plover_context, text, spans, verb_text, speaker, modality, pattern, first_document, first_sentence, location) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)",
    )?
    .execute(params![
        key,
        e.date,
        e.date_source.as_str(),
        e.source,
        e.target,
        e.source_text,
        e.target_text,
        e.code,
        e.root,
        e.quad_class,
        e.goldstein,
        e.plover.event,
        e.plover.mode,
        e.plover.context,
        e.text,
        spans,
        e.verb_text,
        e.speaker,
        e.modality,
        e.pattern,
        doc_row,
        e.sentence as i64,
        e.location.as_ref().and_then(|l| serde_json::to_string(l).ok()),
    ])?;
    let id = tx.last_insert_rowid();
    tx.prepare_cached("INSERT INTO events_fts (rowid, text) VALUES (?1, ?2)")?
        .execute(params![id, e.text])?;
    for (code, text) in [(&e.source, &e.source_text), (&e.target, &e.target_text)] {
        if code.is_empty() {
            continue;
        }
        tx.prepare_cached(
            "INSERT INTO actors (code, events, first_date, last_date) VALUES (?1, 1, ?2, ?2) \
             ON CONFLICT(code) DO UPDATE SET events = events + 1, first_date = min(first_date, ?2), last_date = max(last_date, ?2)",
        )?
        .execute(params![code, e.date])?;
        if !text.is_empty() {
            tx.prepare_cached("INSERT INTO actor_texts (code, text, events) VALUES (?1, ?2, 1) ON CONFLICT(code, text) DO UPDATE SET events = events + 1")?
                .execute(params![code, text])?;
        }
    }
    Ok((id, true))
}

/// Record that `doc_row` reported `event` in `sentence`; false when that
/// mention was already stored. Keeps the event's counters in step.
pub(crate) fn add_mention(
    tx: &Transaction,
    event: i64,
    doc_row: i64,
    sentence: usize,
    via_duplicate: bool,
) -> rusqlite::Result<bool> {
    let new_article = tx
        .prepare_cached("SELECT 1 FROM mentions WHERE event = ?1 AND document = ?2 LIMIT 1")?
        .query_row(params![event, doc_row], |_| Ok(()))
        .optional()?
        .is_none();
    let added = tx
        .prepare_cached("INSERT OR IGNORE INTO mentions (event, document, sentence, via_duplicate) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![event, doc_row, sentence as i64, via_duplicate])?;
    if added == 0 {
        return Ok(false);
    }
    tx.prepare_cached("UPDATE events SET num_mentions = num_mentions + 1, num_articles = num_articles + ?2 WHERE id = ?1")?
        .execute(params![event, i64::from(new_article)])?;
    Ok(true)
}
