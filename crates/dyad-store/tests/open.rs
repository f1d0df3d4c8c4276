//! Opening stores: migrations from older schemas, and bad input that must
//! give a one-line typed error and leave the file as it was.

mod common;
use common::*;

use std::time::Duration;

use dyad_store::{ExportFormat, Filter, OpenOptions, Store, StoreError, SCHEMA_VERSION};
use rusqlite::Connection;

/// The v1 schema, written out by hand as dyad 0.1's first store had it.
const V1_BY_HAND: &str = r#"
CREATE TABLE documents (id INTEGER PRIMARY KEY, doc_key TEXT NOT NULL, url TEXT, title TEXT, source TEXT, date TEXT,
  date_source TEXT NOT NULL, text_hash TEXT NOT NULL, norm_hash TEXT NOT NULL, n_sentences INTEGER NOT NULL DEFAULT 0,
  n_events INTEGER NOT NULL DEFAULT 0, ingested_at TEXT NOT NULL);
CREATE UNIQUE INDEX documents_norm_hash ON documents(norm_hash);
CREATE UNIQUE INDEX documents_url ON documents(url) WHERE url IS NOT NULL;
CREATE INDEX documents_doc_key ON documents(doc_key);
CREATE TABLE sentences (document INTEGER NOT NULL REFERENCES documents(id), idx INTEGER NOT NULL, start INTEGER NOT NULL,
  end INTEGER NOT NULL, text TEXT NOT NULL, boilerplate TEXT, headline INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (document, idx)) WITHOUT ROWID;
CREATE TABLE events (id INTEGER PRIMARY KEY, event_key TEXT NOT NULL UNIQUE, date TEXT NOT NULL, date_source TEXT NOT NULL,
  source TEXT NOT NULL, target TEXT NOT NULL, source_text TEXT NOT NULL, target_text TEXT NOT NULL, code TEXT NOT NULL,
  root TEXT NOT NULL, quad_class INTEGER NOT NULL, goldstein REAL NOT NULL, plover_event TEXT NOT NULL, plover_mode TEXT NOT NULL,
  plover_context TEXT NOT NULL, text TEXT NOT NULL, spans TEXT NOT NULL, verb_text TEXT NOT NULL DEFAULT '', speaker TEXT,
  modality TEXT, pattern TEXT NOT NULL DEFAULT '', first_document INTEGER NOT NULL REFERENCES documents(id),
  first_sentence INTEGER NOT NULL, num_mentions INTEGER NOT NULL DEFAULT 0, num_articles INTEGER NOT NULL DEFAULT 0);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_source ON events(source, target, date);
CREATE INDEX events_target ON events(target, source, date);
CREATE INDEX events_code ON events(code, date);
CREATE TABLE mentions (event INTEGER NOT NULL REFERENCES events(id), document INTEGER NOT NULL REFERENCES documents(id),
  sentence INTEGER NOT NULL, PRIMARY KEY (event, document, sentence)) WITHOUT ROWID;
CREATE INDEX mentions_document ON mentions(document);
CREATE TABLE actors (code TEXT PRIMARY KEY, events INTEGER NOT NULL DEFAULT 0, first_date TEXT, last_date TEXT);
CREATE TABLE actor_texts (code TEXT NOT NULL REFERENCES actors(code), text TEXT NOT NULL, events INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (code, text)) WITHOUT ROWID;
PRAGMA user_version = 1;
"#;

#[test]
fn a_v1_store_is_migrated_without_losing_anything() {
    let dir = tempdir("migrate");
    let path = dir.join("old.db");
    let body = filler(14, 4);
    {
        let c = Connection::open(&path).unwrap();
        c.execute_batch(V1_BY_HAND).unwrap();
        c.execute(
            "INSERT INTO documents (id, doc_key, url, date, date_source, text_hash, norm_hash, n_sentences, n_events, ingested_at) \
             VALUES (1, 'old-doc', 'http://old/1', '2023-05-01', 'given', 'aa', 'bb', 14, 1, '2023-05-01T00:00:00Z')",
            [],
        )
        .unwrap();
        for (i, s) in body.iter().enumerate() {
            c.execute(
                "INSERT INTO sentences VALUES (1, ?1, 0, 0, ?2, NULL, 0)",
                rusqlite::params![i as i64, s],
            )
            .unwrap();
        }
        c.execute(
            "INSERT INTO events (id, event_key, date, date_source, source, target, source_text, target_text, code, root, quad_class, goldstein, \
             plover_event, plover_mode, plover_context, text, spans, first_document, first_sentence, num_mentions, num_articles) \
             VALUES (1, 'k1', '2023-05-01', 'given', 'KEN', 'CHN', 'Kenya', 'China', '040', '04', 1, 1.0, 'CONSULT', '', '', \
             'Kenya consulted China about the railway.', '{\"source\":[0,5]}', 1, 2, 1, 1)",
            [],
        )
        .unwrap();
        c.execute("INSERT INTO mentions VALUES (1, 1, 2)", [])
            .unwrap();
        c.execute("INSERT INTO actors VALUES ('KEN', 1, '2023-05-01', '2023-05-01'), ('CHN', 1, '2023-05-01', '2023-05-01')", []).unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let report = store.check().unwrap();
    assert!(report.ok(), "{:?}", report.problems);
    assert_eq!(
        (
            report.documents,
            report.sentences,
            report.events,
            report.mentions,
            report.actors
        ),
        (1, 14, 1, 1, 2)
    );
    // v3's full-text index covers the events stored before it existed.
    let hits = store
        .query(&Filter {
            text: Some("railway".into()),
            ..Filter::default()
        })
        .unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(
        (
            hits[0].event.doc_id.as_str(),
            hits[0].event.spans.source.map(|s| s.end)
        ),
        ("old-doc", Some(5))
    );
    // v2 backfilled the old document's signature: a copy of it is linked.
    let mut copy: Vec<&str> = body.iter().map(String::as_str).collect();
    copy[6] = "A sentence the new outlet changed.";
    let d = doc("copy", Some("http://new/1"), "2023-05-02", &copy, false);
    let s = store.ingest(&[coded(d, &[])]).unwrap();
    assert_eq!(s.near_duplicates, 1);
    // Opening again is a no-op.
    drop(store);
    assert_eq!(Store::open(&path).unwrap().check().unwrap().documents, 2);
}

#[test]
fn an_empty_file_is_a_v0_store_and_is_created_in_full() {
    let dir = tempdir("v0");
    let path = dir.join("empty.db");
    std::fs::write(&path, b"").unwrap();
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let mode: String = store
        .connection()
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

fn assert_one_line_naming(e: &StoreError, path: &std::path::Path) {
    let msg = e.to_string();
    assert!(!msg.contains('\n'), "one line: {msg}");
    assert!(
        msg.contains(&path.display().to_string()),
        "names the path: {msg}"
    );
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_left_alone() {
    let dir = tempdir("notdb");
    let path = dir.join("notes.txt");
    let content = b"these are my notes, not a database\n".repeat(20);
    std::fs::write(&path, &content).unwrap();
    let e = Store::open(&path).err().expect("must fail");
    assert!(matches!(e, StoreError::NotADatabase { .. }), "{e}");
    assert_one_line_naming(&e, &path);
    assert_eq!(std::fs::read(&path).unwrap(), content);
    assert!(!dir.join("notes.txt-wal").exists());
}

#[test]
fn another_programs_database_is_refused_and_left_alone() {
    let dir = tempdir("foreign");
    let path = dir.join("other.db");
    Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');")
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    let e = Store::open(&path).err().expect("must fail");
    assert!(matches!(e, StoreError::NotAStore { .. }), "{e}");
    assert_one_line_naming(&e, &path);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_newer_schema_is_refused() {
    let dir = tempdir("newer");
    let path = dir.join("new.db");
    Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE documents (id INTEGER); PRAGMA user_version = 99;")
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    let e = Store::open(&path).err().expect("must fail");
    assert!(matches!(e, StoreError::TooNew { found: 99, .. }), "{e}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_missing_store_is_not_created_by_readers() {
    let dir = tempdir("missing");
    let path = dir.join("none.db");
    let e = Store::open_existing(&path).err().expect("must fail");
    assert!(matches!(e, StoreError::Missing { .. }), "{e}");
    assert_one_line_naming(&e, &path);
    assert!(!path.exists());
}

#[test]
fn a_read_only_directory_gives_a_typed_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempdir("ro");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    let path = dir.join("dyad.db");
    let e = Store::open(&path).err().expect("must fail");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(matches!(e, StoreError::ReadOnly { .. }), "{e}");
    assert_one_line_naming(&e, &path);
    assert!(!path.exists());
}

#[test]
fn a_locked_store_gives_a_typed_error_and_stays_unchanged() {
    let dir = tempdir("locked");
    let path = dir.join("dyad.db");
    drop(Store::open(&path).unwrap());
    let holder = Connection::open(&path).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let mut store = Store::open_with(
        &path,
        &OpenOptions {
            create: true,
            busy_timeout: Duration::from_millis(100),
        },
    )
    .unwrap();
    let d = doc("x", None, "2024-01-01", &["Kenya met China."], false);
    let e = store
        .ingest(&[coded(d, &[(0, "KEN", "CHN", "040")])])
        .expect_err("must fail");
    assert!(matches!(e, StoreError::Locked { .. }), "{e}");
    assert_one_line_naming(&e, &path);
    holder.execute_batch("ROLLBACK").unwrap();
    assert_eq!(store.check().unwrap().documents, 0);
}

#[test]
fn an_unknown_export_format_is_a_typed_error() {
    let e = "xlsx".parse::<ExportFormat>().expect_err("must fail");
    assert!(matches!(e, StoreError::UnknownFormat(_)));
    assert!(e.to_string().contains("xlsx") && e.to_string().contains("gdelt"));
    assert_eq!(
        "GDELT".parse::<ExportFormat>().unwrap(),
        ExportFormat::Gdelt
    );
}
