//! The dyad event store: coded documents go in once, analysts get honest
//! counts out.
//!
//! One SQLite file (WAL mode, schema versioned by `PRAGMA user_version`)
//! holds documents, their sentences, events, mentions (which document and
//! sentence reported which event, like GDELT's Mentions table), actors, and
//! a full-text index over evidence sentences.
//!
//! *The same document* is one with the same URL or the same normalised text
//! (lowercased words, punctuation and spacing ignored): ingesting it again
//! adds nothing. *A near-duplicate* (a wire story republished with a new
//! headline or small edits) is found by MinHash over 4-word shingles of its
//! body with LSH buckets, stored with `duplicate_of` pointing at the
//! original, and its events become extra mentions of the original's events.
//!
//! *The same event* is one with the same date, source, target, CAMEO code
//! and normalised evidence sentence (the `event_key`): the same sentence
//! carried by two outlets is one event with two mentions. Different
//! sentences about the same dyad, day and code stay separate events; the
//! `events_one_a_day` view (and [`Filter::one_a_day`]) counts those once.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use dyad_model::{Document, EventRecord};
use rusqlite::{Connection, ErrorCode, OpenFlags};
use thiserror::Error;

pub mod export;
pub mod hash;
pub mod import;
mod ingest;
mod parquet_export;
pub mod query;
mod schema;

pub use export::{ExportFormat, ExportSummary};
pub use import::{import_parquet, ImportSummary};
pub use query::{Filter, Period, SeriesRow, StoredEvent};
pub use schema::SCHEMA_VERSION;

/// Everything that can go wrong, each naming the store's path in one line.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("{path}: not a dyad store (the file is not an SQLite database)")]
    NotADatabase { path: PathBuf },
    #[error("{path}: an SQLite database, but not a dyad store (it has other tables); refusing to change it")]
    NotAStore { path: PathBuf },
    #[error("{path}: no dyad store here (run `dyad ingest` first)")]
    Missing { path: PathBuf },
    #[error("{path}: cannot write the store (read-only file or directory)")]
    ReadOnly { path: PathBuf },
    #[error("{path}: the store is locked by another process (another ingest running?)")]
    Locked { path: PathBuf },
    #[error(
        "{path}: written by a newer dyad (schema version {found}, this build knows {supported})"
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("unknown export format `{0}` (expected gdelt, icews, plover, csv or parquet)")]
    UnknownFormat(String),
    #[error("invalid filter: {0}")]
    BadFilter(String),
    // The cause is in the message and not a `source`, so that printing the
    // error chain gives one line without repeating it.
    #[error("{path}: {error}")]
    Sqlite {
        path: PathBuf,
        error: rusqlite::Error,
    },
    #[error("{path}: {error}")]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("{path}: {message}")]
    Export { path: PathBuf, message: String },
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

impl StoreError {
    /// Turn an SQLite error into the typed error that says what happened.
    pub(crate) fn sqlite(path: &Path, e: rusqlite::Error) -> StoreError {
        let path = path.to_path_buf();
        match e.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => StoreError::NotADatabase { path },
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
                StoreError::Locked { path }
            }
            Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
                StoreError::ReadOnly { path }
            }
            _ => StoreError::Sqlite { path, error: e },
        }
    }
}

/// A document with the events the coder found in it: the unit of ingest.
#[derive(Debug, Clone)]
pub struct CodedDocument {
    pub doc: Document,
    pub events: Vec<EventRecord>,
}

/// What one `ingest` call added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct IngestSummary {
    /// Documents stored (near-duplicates included, exact duplicates not).
    pub documents: u64,
    /// Exact duplicates (same URL or normalised text) skipped.
    pub duplicates: u64,
    /// Near-duplicates stored and linked to their original.
    pub near_duplicates: u64,
    pub sentences: u64,
    /// New events.
    pub events: u64,
    /// New mentions (new events' first mentions included).
    pub mentions: u64,
}

impl std::ops::AddAssign for IngestSummary {
    fn add_assign(&mut self, o: IngestSummary) {
        self.documents += o.documents;
        self.duplicates += o.duplicates;
        self.near_duplicates += o.near_duplicates;
        self.sentences += o.sentences;
        self.events += o.events;
        self.mentions += o.mentions;
    }
}

/// How to open a store.
#[derive(Debug, Clone)]
pub struct OpenOptions {
    /// Create the file when it does not exist (ingest); otherwise a missing
    /// store is [`StoreError::Missing`] (query, series, export).
    pub create: bool,
    /// How long to wait for another process's write lock before
    /// [`StoreError::Locked`].
    pub busy_timeout: Duration,
}

impl Default for OpenOptions {
    fn default() -> Self {
        OpenOptions {
            create: true,
            busy_timeout: Duration::from_secs(5),
        }
    }
}

/// Counts and problems found by [`Store::check`].
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct CheckReport {
    pub schema_version: i64,
    pub documents: u64,
    pub near_duplicates: u64,
    pub sentences: u64,
    pub events: u64,
    pub mentions: u64,
    pub actors: u64,
    /// Empty when the store is sound.
    pub problems: Vec<String>,
}

impl CheckReport {
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// An open store. One `Store` writes at a time (SQLite's rule); readers may
/// open their own `Store` on the same file concurrently (WAL).
pub struct Store {
    pub(crate) conn: Connection,
    pub(crate) path: PathBuf,
}

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

impl Store {
    /// Open (creating if needed) and migrate to the current schema.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with(path, &OpenOptions::default())
    }

    /// Open an existing store; [`StoreError::Missing`] when there is none.
    pub fn open_existing(path: &Path) -> Result<Store> {
        Store::open_with(
            path,
            &OpenOptions {
                create: false,
                ..OpenOptions::default()
            },
        )
    }

    pub fn open_with(path: &Path, opts: &OpenOptions) -> Result<Store> {
        let err = |e| StoreError::sqlite(path, e);
        match fs::metadata(path) {
            Ok(m) if m.is_dir() => return Err(StoreError::NotADatabase { path: path.into() }),
            Ok(m) if m.len() > 0 => {
                // Look at the header ourselves: SQLite must not touch a file
                // that is not a database (the store stays unchanged).
                let mut head = [0u8; 16];
                let n = fs::File::open(path)
                    .and_then(|mut f| f.read(&mut head))
                    .map_err(|error| StoreError::Io {
                        path: path.into(),
                        error,
                    })?;
                if n < 16 || &head != SQLITE_MAGIC {
                    return Err(StoreError::NotADatabase { path: path.into() });
                }
            }
            Ok(_) => {}
            Err(_) if !opts.create => return Err(StoreError::Missing { path: path.into() }),
            Err(_) => {
                let dir = match path.parent() {
                    Some(d) if !d.as_os_str().is_empty() => d,
                    _ => Path::new("."),
                };
                if !dir.is_dir() {
                    return Err(StoreError::Io {
                        path: path.into(),
                        error: std::io::Error::new(
                            std::io::ErrorKind::NotFound,
                            "directory does not exist",
                        ),
                    });
                }
                if fs::metadata(dir)
                    .map(|m| m.permissions().readonly())
                    .unwrap_or(false)
                {
                    return Err(StoreError::ReadOnly { path: path.into() });
                }
            }
        }
        let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        if opts.create {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        }
        let mut conn = Connection::open_with_flags(path, flags).map_err(err)?;
        conn.busy_timeout(opts.busy_timeout).map_err(err)?;
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(err)?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: path.into(),
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        if version == 0 {
            let tables: i64 = conn
                .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
                .map_err(err)?;
            if tables > 0 {
                return Err(StoreError::NotAStore { path: path.into() });
            }
        }
        let mode: String = conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .map_err(err)?;
        if !mode.eq_ignore_ascii_case("wal") {
            conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0))
                .map_err(err)?;
        }
        // WAL + NORMAL: a killed process never corrupts or half-writes a
        // batch; only a power loss may drop the last committed batches.
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(err)?;
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(err)?;
        if version < SCHEMA_VERSION {
            schema::migrate(&mut conn, version).map_err(err)?;
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn err(&self, e: rusqlite::Error) -> StoreError {
        StoreError::sqlite(&self.path, e)
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<i64> {
        self.conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    /// True when this exact document (same URL or same normalised text) is
    /// already stored: callers skip coding it again.
    pub fn is_stored(&self, doc: &Document) -> Result<bool> {
        let norm_hash = hash::hex128(hash::normalise(&doc.text).as_bytes());
        ingest::find_exact(&self.conn, doc.url.as_deref(), &norm_hash)
            .map(|o| o.is_some())
            .map_err(|e| self.err(e))
    }

    /// Store a batch of coded documents in one transaction: all or nothing,
    /// so a killed process leaves the store as it was before the batch.
    pub fn ingest(&mut self, batch: &[CodedDocument]) -> Result<IngestSummary> {
        let path = self.path.clone();
        let err = |e| StoreError::sqlite(&path, e);
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(err)?;
        let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
        let mut summary = IngestSummary::default();
        for cd in batch {
            summary += ingest::ingest_document(&tx, cd, &now).map_err(err)?;
        }
        tx.commit().map_err(err)?;
        Ok(summary)
    }

    /// Integrity check, foreign-key check, full-text index check, the
    /// denormalised counters, and counts of everything.
    pub fn check(&self) -> Result<CheckReport> {
        let c = &self.conn;
        let err = |e| self.err(e);
        let mut report = CheckReport {
            schema_version: self.schema_version()?,
            ..CheckReport::default()
        };
        let integrity: Vec<String> = c
            .prepare("PRAGMA integrity_check")
            .map_err(err)?
            .query_map([], |r| r.get(0))
            .map_err(err)?
            .collect::<Result<_, _>>()
            .map_err(err)?;
        if integrity != ["ok"] {
            report
                .problems
                .extend(integrity.into_iter().map(|s| format!("integrity: {s}")));
        }
        let fk: Vec<(String, i64)> = c
            .prepare("PRAGMA foreign_key_check")
            .map_err(err)?
            .query_map([], |r| {
                Ok((r.get(0)?, r.get::<_, Option<i64>>(1)?.unwrap_or(0)))
            })
            .map_err(err)?
            .collect::<Result<_, _>>()
            .map_err(err)?;
        for (table, row) in fk.iter().take(20) {
            report
                .problems
                .push(format!("foreign key: {table} row {row} points nowhere"));
        }
        if let Err(e) = c.execute(
            "INSERT INTO events_fts(events_fts) VALUES ('integrity-check')",
            [],
        ) {
            report.problems.push(format!("full-text index: {e}"));
        }
        let count = |sql: &str| -> Result<u64> {
            c.query_row(sql, [], |r| r.get::<_, i64>(0))
                .map(|n| n.max(0) as u64)
                .map_err(err)
        };
        report.documents = count("SELECT count(*) FROM documents")?;
        report.near_duplicates =
            count("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL")?;
        report.sentences = count("SELECT count(*) FROM sentences")?;
        report.events = count("SELECT count(*) FROM events")?;
        report.mentions = count("SELECT count(*) FROM mentions")?;
        report.actors = count("SELECT count(*) FROM actors")?;
        let bad_counters = count(
            "SELECT count(*) FROM events e WHERE e.num_mentions != (SELECT count(*) FROM mentions m WHERE m.event = e.id) \
             OR e.num_articles != (SELECT count(DISTINCT document) FROM mentions m WHERE m.event = e.id)",
        )?;
        if bad_counters > 0 {
            report.problems.push(format!(
                "{bad_counters} events whose mention counters disagree with the mentions table"
            ));
        }
        let orphans = count("SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.event = e.id)")?;
        if orphans > 0 {
            report
                .problems
                .push(format!("{orphans} events without any mention"));
        }
        Ok(report)
    }

    /// Raw access for tools and tests that need SQL the API does not offer.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

/// Used by ingest and tests: the event key's hash input.
pub fn event_key(e: &EventRecord) -> String {
    let norm = hash::normalise(&e.text);
    let key = format!(
        "{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
        e.date, e.source, e.target, e.code, norm
    );
    hash::hex128(key.as_bytes())
}
