//! Schema and ordered migrations. `PRAGMA user_version` holds the number of
//! migrations applied; `open` applies the missing ones in one transaction,
//! so a store written by an older dyad is upgraded in place, never lost, and
//! an interrupted upgrade leaves the old version intact.

use rusqlite::{params, Connection, Transaction};

use crate::hash::Signature;

/// One migration: SQL, then an optional Rust step for data that SQL cannot
/// compute (signatures over stored sentences).
pub(crate) struct Migration {
    pub sql: &'static str,
    pub backfill: Option<fn(&Transaction) -> rusqlite::Result<()>>,
}

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub(crate) const MIGRATIONS: [Migration; 4] = [
    // v1: documents, sentences, events, mentions, actors.
    Migration {
        sql: V1,
        backfill: None,
    },
    // v2: near-duplicate detection (MinHash signature, LSH buckets, links) and a root index.
    Migration {
        sql: V2,
        backfill: Some(backfill_signatures),
    },
    // v3: full-text search over evidence, and the one-a-day view.
    Migration {
        sql: V3,
        backfill: None,
    },
    // v4: where events happened (filled by the geocoder).
    Migration {
        sql: V4,
        backfill: None,
    },
];

const V1: &str = r#"
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  doc_key TEXT NOT NULL,
  url TEXT,
  title TEXT,
  source TEXT,
  date TEXT,
  date_source TEXT NOT NULL,
  text_hash TEXT NOT NULL,
  norm_hash TEXT NOT NULL,
  n_sentences INTEGER NOT NULL DEFAULT 0,
  n_events INTEGER NOT NULL DEFAULT 0,
  ingested_at TEXT NOT NULL
);
CREATE UNIQUE INDEX documents_norm_hash ON documents(norm_hash);
CREATE UNIQUE INDEX documents_url ON documents(url) WHERE url IS NOT NULL;
CREATE INDEX documents_doc_key ON documents(doc_key);
CREATE TABLE sentences (
  document INTEGER NOT NULL REFERENCES documents(id),
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  boilerplate TEXT,
  headline INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (document, idx)
) WITHOUT ROWID;
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  event_key TEXT NOT NULL UNIQUE,
  date TEXT NOT NULL,
  date_source TEXT NOT NULL,
  source TEXT NOT NULL,
  target TEXT NOT NULL,
  source_text TEXT NOT NULL,
  target_text TEXT NOT NULL,
  code TEXT NOT NULL,
  root TEXT NOT NULL,
  quad_class INTEGER NOT NULL,
  goldstein REAL NOT NULL,
  plover_event TEXT NOT NULL,
  plover_mode TEXT NOT NULL,
  plover_context TEXT NOT NULL,
  text TEXT NOT NULL,
  spans TEXT NOT NULL,
  verb_text TEXT NOT NULL DEFAULT '',
  speaker TEXT,
  modality TEXT,
  pattern TEXT NOT NULL DEFAULT '',
  first_document INTEGER NOT NULL REFERENCES documents(id),
  first_sentence INTEGER NOT NULL,
  num_mentions INTEGER NOT NULL DEFAULT 0,
  num_articles INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_source ON events(source, target, date);
CREATE INDEX events_target ON events(target, source, date);
CREATE INDEX events_code ON events(code, date);
CREATE TABLE mentions (
  event INTEGER NOT NULL REFERENCES events(id),
  document INTEGER NOT NULL REFERENCES documents(id),
  sentence INTEGER NOT NULL,
  PRIMARY KEY (event, document, sentence)
) WITHOUT ROWID;
CREATE INDEX mentions_document ON mentions(document);
CREATE TABLE actors (
  code TEXT PRIMARY KEY,
  events INTEGER NOT NULL DEFAULT 0,
  first_date TEXT,
  last_date TEXT
);
CREATE TABLE actor_texts (
  code TEXT NOT NULL REFERENCES actors(code),
  text TEXT NOT NULL,
  events INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (code, text)
) WITHOUT ROWID;
"#;

const V2: &str = r#"
ALTER TABLE documents ADD COLUMN signature BLOB;
ALTER TABLE documents ADD COLUMN duplicate_of INTEGER REFERENCES documents(id);
ALTER TABLE mentions ADD COLUMN via_duplicate INTEGER NOT NULL DEFAULT 0;
CREATE INDEX documents_duplicate_of ON documents(duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE TABLE lsh_buckets (
  band INTEGER NOT NULL,
  bucket INTEGER NOT NULL,
  document INTEGER NOT NULL REFERENCES documents(id),
  PRIMARY KEY (band, bucket, document)
) WITHOUT ROWID;
CREATE INDEX events_root ON events(root, date);
"#;

const V3: &str = r#"
CREATE VIRTUAL TABLE events_fts USING fts5(text, content='events', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
INSERT INTO events_fts(events_fts) VALUES ('rebuild');
CREATE VIEW events_one_a_day AS
  SELECT date, source, target, code,
         MIN(id) AS event, MIN(root) AS root, MIN(quad_class) AS quad_class, MIN(goldstein) AS goldstein,
         COUNT(*) AS events, SUM(num_mentions) AS mentions
  FROM events GROUP BY date, source, target, code;
"#;

const V4: &str = r#"
ALTER TABLE events ADD COLUMN location TEXT;
"#;

/// The text a document's signature is computed over: its body sentences
/// (no headline, no boilerplate), so a new headline does not hide a copy.
pub(crate) fn body_text<'a>(sentences: impl Iterator<Item = (&'a str, bool)>) -> String {
    let mut out = String::new();
    for (text, is_body) in sentences {
        if is_body {
            out.push_str(text);
            out.push(' ');
        }
    }
    out
}

/// v2: documents stored before near-duplicate detection get a signature from
/// their stored body sentences, so new copies of old stories are caught too.
fn backfill_signatures(tx: &Transaction) -> rusqlite::Result<()> {
    let ids: Vec<i64> = tx
        .prepare("SELECT id FROM documents WHERE duplicate_of IS NULL")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut sentences = tx.prepare("SELECT text, boilerplate IS NULL AND headline = 0 FROM sentences WHERE document = ?1 ORDER BY idx")?;
    let mut update = tx.prepare("UPDATE documents SET signature = ?2 WHERE id = ?1")?;
    let mut bucket = tx.prepare(
        "INSERT OR IGNORE INTO lsh_buckets (band, bucket, document) VALUES (?1, ?2, ?3)",
    )?;
    for id in ids {
        let rows: Vec<(String, bool)> = sentences
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let body = body_text(rows.iter().map(|(t, b)| (t.as_str(), *b)));
        if let Some(sig) = Signature::of_text(&body) {
            update.execute(params![id, sig.to_bytes()])?;
            for (band, b) in sig.bands().iter().enumerate() {
                bucket.execute(params![band as i64, b, id])?;
            }
        }
    }
    Ok(())
}

/// Apply migrations `from+1 ..= SCHEMA_VERSION` in one transaction.
pub(crate) fn migrate(conn: &mut Connection, from: i64) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    for (i, m) in MIGRATIONS.iter().enumerate().skip(from.max(0) as usize) {
        tx.execute_batch(m.sql)?;
        if let Some(step) = m.backfill {
            step(&tx)?;
        }
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
    }
    tx.commit()
}
