//! Reads the API needs that `dyad_store` does not offer (a document with its
//! sentences and events, the actor table, an actor's partners), as plain
//! SQL on the store's read connection. Read-only: nothing here writes.

use std::collections::BTreeMap;

use dyad_store::query::{event_from_row, EVENT_COLUMNS, EVENT_COLUMN_COUNT};
use dyad_store::{Filter, Period, SeriesRow, Store, StoredEvent};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use crate::error::ApiError;

/// A stored document as the document view shows it.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentView {
    /// The store's row id.
    pub document_id: i64,
    /// The id events carry as `doc_id`.
    pub doc_id: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub date: Option<String>,
    pub date_source: String,
    /// Row id of the original when this document is a near-duplicate.
    pub duplicate_of: Option<i64>,
    /// The sentences joined with single spaces (boilerplate included, marked in `sentences`).
    pub text: String,
    pub sentences: Vec<SentenceView>,
    /// Events this document reported, each with the sentence that did.
    pub events: Vec<MentionedEvent>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SentenceView {
    pub index: i64,
    /// Byte offsets of the sentence in the original document text.
    pub start: i64,
    pub end: i64,
    pub text: String,
    /// Why the sentence is boilerplate (navigation, caption...), when it is.
    pub boilerplate: Option<String>,
    pub headline: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct MentionedEvent {
    /// The sentence of *this* document that reported the event.
    pub mention_sentence: i64,
    #[serde(flatten)]
    pub event: StoredEvent,
}

/// One row of `/api/actors`.
#[derive(Debug, Clone, Serialize)]
pub struct ActorRow {
    pub code: String,
    pub name: Option<String>,
    /// Events with this exact code as source or target (0 for dictionary-only actors).
    pub events: u64,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    pub country: bool,
}

/// One partner on an actor page.
#[derive(Debug, Clone, Serialize)]
pub struct Partner {
    pub code: String,
    pub name: Option<String>,
    pub events: u64,
    pub cooperation: u64,
    pub conflict: u64,
    pub goldstein_sum: f64,
}

/// One period of an actor's series: both directions added up.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct NetRow {
    pub period: String,
    pub events: u64,
    pub cooperation: u64,
    pub conflict: u64,
    /// cooperation − conflict.
    pub net_cooperation: i64,
    pub goldstein_sum: f64,
}

/// The document whose `doc_id` is `id` (the first stored, when several
/// share it), else the one whose row id is `id`.
pub fn document(store: &Store, id: &str) -> Result<Option<DocumentView>, ApiError> {
    let c = store.connection();
    let cols = "id, doc_key, url, title, source, date, date_source, duplicate_of";
    let row = |r: &rusqlite::Row| -> rusqlite::Result<DocumentView> {
        Ok(DocumentView {
            document_id: r.get(0)?,
            doc_id: r.get(1)?,
            url: r.get(2)?,
            title: r.get(3)?,
            source: r.get(4)?,
            date: r.get(5)?,
            date_source: r.get(6)?,
            duplicate_of: r.get(7)?,
            text: String::new(),
            sentences: Vec::new(),
            events: Vec::new(),
        })
    };
    let mut doc = c
        .query_row(
            &format!("SELECT {cols} FROM documents WHERE doc_key = ?1 ORDER BY id LIMIT 1"),
            [id],
            row,
        )
        .optional()?;
    if doc.is_none() {
        if let Ok(n) = id.parse::<i64>() {
            doc = c
                .query_row(
                    &format!("SELECT {cols} FROM documents WHERE id = ?1"),
                    [n],
                    row,
                )
                .optional()?;
        }
    }
    let Some(mut doc) = doc else {
        return Ok(None);
    };
    let mut stmt = c.prepare(
        "SELECT idx, start, end, text, boilerplate, headline FROM sentences WHERE document = ?1 ORDER BY idx",
    )?;
    doc.sentences = stmt
        .query_map([doc.document_id], |r| {
            Ok(SentenceView {
                index: r.get(0)?,
                start: r.get(1)?,
                end: r.get(2)?,
                text: r.get(3)?,
                boilerplate: r.get(4)?,
                headline: r.get::<_, i64>(5)? != 0,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    doc.text = doc
        .sentences
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let mut stmt = c.prepare(&format!(
        "SELECT {EVENT_COLUMNS}, m.sentence FROM mentions m JOIN events e ON e.id = m.event \
         JOIN documents d ON d.id = e.first_document WHERE m.document = ?1 ORDER BY m.sentence, e.id"
    ))?;
    doc.events = stmt
        .query_map([doc.document_id], |r| {
            Ok(MentionedEvent {
                mention_sentence: r.get(EVENT_COLUMN_COUNT)?,
                event: event_from_row(r)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(doc))
}

/// `[prefix, prefix+1)` bounds for an index range scan on a code column.
fn prefix_bounds(prefix: &str) -> (String, String) {
    let p = prefix.to_ascii_uppercase();
    let mut upper = p.clone().into_bytes();
    if let Some(last) = upper.last_mut() {
        *last = last.saturating_add(1);
    }
    (p, String::from_utf8_lossy(&upper).into_owned())
}

/// Actor codes are ASCII letters and digits (as the store's filters require).
pub fn valid_code(s: &str) -> bool {
    !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Stored actors whose code starts with one of `prefixes` (all when empty),
/// most events first.
pub fn actors(store: &Store, prefixes: &[String], limit: u64) -> Result<Vec<ActorRow>, ApiError> {
    let c = store.connection();
    let map = |r: &rusqlite::Row| -> rusqlite::Result<ActorRow> {
        Ok(ActorRow {
            code: r.get(0)?,
            name: None,
            events: r.get::<_, i64>(1)?.max(0) as u64,
            first_date: r.get(2)?,
            last_date: r.get(3)?,
            country: false,
        })
    };
    let lim = limit.min(i64::MAX as u64) as i64;
    if prefixes.is_empty() {
        let mut stmt = c.prepare(
            "SELECT code, events, first_date, last_date FROM actors ORDER BY events DESC, code LIMIT ?1",
        )?;
        return Ok(stmt
            .query_map([lim], map)?
            .collect::<rusqlite::Result<_>>()?);
    }
    let mut stmt = c.prepare(
        "SELECT code, events, first_date, last_date FROM actors WHERE code >= ?1 AND code < ?2 ORDER BY events DESC, code LIMIT ?3",
    )?;
    let mut out: Vec<ActorRow> = Vec::new();
    for p in prefixes {
        let (lo, hi) = prefix_bounds(p);
        for row in stmt.query_map(params![lo, hi, lim], map)? {
            let row = row?;
            if !out.iter().any(|a| a.code == row.code) {
                out.push(row);
            }
        }
    }
    out.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.code.cmp(&b.code)));
    out.truncate(limit as usize);
    Ok(out)
}

/// Events with `code` (a prefix) on either side.
pub fn involvement(store: &Store, code: &str) -> Result<u64, ApiError> {
    let (lo, hi) = prefix_bounds(code);
    let n: i64 = store.connection().query_row(
        "SELECT count(*) FROM events WHERE (source >= ?1 AND source < ?2) OR (target >= ?1 AND target < ?2)",
        params![lo, hi],
        |r| r.get(0),
    )?;
    Ok(n.max(0) as u64)
}

/// Who `code` deals with most: the other side's first three letters (its
/// country), events in both directions, events among its own codes left out.
pub fn partners(store: &Store, code: &str, limit: u64) -> Result<Vec<Partner>, ApiError> {
    let (lo, hi) = prefix_bounds(code);
    let mut stmt = store.connection().prepare(
        "SELECT partner, count(*), sum(quad_class <= 2), sum(quad_class >= 3), sum(goldstein) FROM (
           SELECT substr(target, 1, 3) AS partner, quad_class, goldstein FROM events
             WHERE source >= ?1 AND source < ?2 AND NOT (target >= ?1 AND target < ?2)
           UNION ALL
           SELECT substr(source, 1, 3), quad_class, goldstein FROM events
             WHERE target >= ?1 AND target < ?2 AND NOT (source >= ?1 AND source < ?2)
         ) GROUP BY partner ORDER BY count(*) DESC, partner LIMIT ?3",
    )?;
    let u = |v: Option<i64>| v.unwrap_or(0).max(0) as u64;
    let rows = stmt
        .query_map(params![lo, hi, limit.min(i64::MAX as u64) as i64], |r| {
            Ok(Partner {
                code: r.get(0)?,
                name: None,
                events: u(r.get(1)?),
                cooperation: u(r.get(2)?),
                conflict: u(r.get(3)?),
                goldstein_sum: r.get::<_, Option<f64>>(4)?.unwrap_or(0.0),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// An actor's series over both directions: as source, plus as target,
/// minus events where it is both (counted once).
pub fn actor_series(store: &Store, code: &str, by: Period) -> Result<Vec<NetRow>, ApiError> {
    let code = code.to_ascii_uppercase();
    let as_source = Filter {
        source: Some(code.clone()),
        ..Filter::default()
    };
    let as_target = Filter {
        target: Some(code.clone()),
        ..Filter::default()
    };
    let both = Filter {
        dyad: Some((code.clone(), code)),
        directed: true,
        ..Filter::default()
    };
    let mut acc: BTreeMap<String, NetRow> = BTreeMap::new();
    let mut add = |rows: Vec<SeriesRow>, sign: i64| {
        for r in rows {
            let e = acc.entry(r.period.clone()).or_insert_with(|| NetRow {
                period: r.period.clone(),
                ..NetRow::default()
            });
            let coop = (r.verbal_coop + r.material_coop) as i64;
            let conf = (r.verbal_conflict + r.material_conflict) as i64;
            e.events = (e.events as i64 + sign * r.events as i64).max(0) as u64;
            e.cooperation = (e.cooperation as i64 + sign * coop).max(0) as u64;
            e.conflict = (e.conflict as i64 + sign * conf).max(0) as u64;
            e.goldstein_sum += sign as f64 * r.goldstein_sum;
        }
    };
    add(store.series(&as_source, by)?, 1);
    add(store.series(&as_target, by)?, 1);
    add(store.series(&both, by)?, -1);
    Ok(acc
        .into_values()
        .filter(|r| r.events > 0)
        .map(|mut r| {
            r.net_cooperation = r.cooperation as i64 - r.conflict as i64;
            r.goldstein_sum = (r.goldstein_sum * 100.0).round() / 100.0;
            r
        })
        .collect())
}
